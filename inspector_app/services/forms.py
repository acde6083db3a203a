"""Reading and checking checklist template files (docs/template-format.md).

Every problem names its file and the 1-based line it is on, so an author can jump to it. The
YAML is composed into a node tree first: the tree gives each field its line, and the loader
refuses what a template never needs but an attacker could use (anchors and aliases, deep
nesting, huge files), so a hostile file is refused in milliseconds instead of exhausting memory.
"""

from __future__ import annotations

import difflib
import functools
import json
import logging
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError as SchemaError
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from inspector_app.domain.checklist import (
    CHOICE_TYPES,
    Answer,
    Grade,
    ItemType,
    LoadedTemplate,
    Template,
    TemplateKind,
    content_hash,
)
from inspector_app.errors import ValidationError
from inspector_app.i18n import N_, Listing, Message
from inspector_app.services.shipped_forms import (
    SHIPPED_DIGEST_KEY,
    shipped_template_files,
)
from inspector_app.services.shipped_forms import files_digest as _files_digest
from inspector_app.storage.repositories import SettingsRepo
from inspector_app.storage.templates_repo import ImportResult, TemplateRepo

log = logging.getLogger(__name__)

MAX_BYTES = 2 * 1024 * 1024
# A template nests about eight levels deep (sections/items/show_if/all/...); far more is abuse.
MAX_DEPTH = 40

__all__ = [
    "FragmentInvalid",
    "LoadedTemplate",
    "Problem",
    "TemplateInvalid",
    "check_definition",
    "ensure_shipped_templates",
    "load_template_file",
    "parse_fragment",
    "shipped_template_files",
    "template_schema",
    "validate_file",
]

Path_ = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str  # in English: what problems are sorted, compared and logged by
    said: Message | None = field(default=None, compare=False, repr=False, kw_only=True)

    def message_in(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the language the user reads)."""
        return self.said.localized(lang) if self.said is not None else self.message

    def localized(self, lang: str | None = None) -> str:
        return f"{self.file}:{self.line}: {self.message_in(lang)}"

    def __str__(self) -> str:
        return self.localized()


class TemplateInvalid(ValidationError):
    title = N_("Invalid template")

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        more = len(self.problems) - 1
        message = (N_("{problem}") if more == 0 else N_("{problem} (and 1 more problem)")
                   if more == 1 else N_("{problem} (and {count} more problems)"))
        super().__init__(message, detail="\n".join(str(p) for p in self.problems),
                         problem=self.problems[0], count=more)


# --- public API ---------------------------------------------------------------------------------


def validate_file(path: Path | str) -> list[Problem]:
    """Every problem of a template file, sorted by line; empty when the file is valid."""
    return _check(Path(path))[0]


def load_template_file(path: Path | str) -> LoadedTemplate:
    """The template in ``path``; ``TemplateInvalid`` (with all problems) if it has any."""
    path = Path(path)
    problems, data = _check(path)
    if problems or data is None:
        raise TemplateInvalid(problems or [_problem(str(path), 1, Message(
            N_("the template cannot be read")))])
    return LoadedTemplate(Template.from_dict(data), data, content_hash(data), path)


def ensure_shipped_templates(
    repo: TemplateRepo, paths: Sequence[Path] | None = None, *,
    skip_if_unchanged: bool = False,
) -> list[ImportResult]:
    """Import the shipped templates missing from the library (at start-up).

    ``skip_if_unchanged``: when these very files were all imported into this database before,
    do nothing (parsing and schema-checking them took seconds of every window start).
    """
    files = shipped_template_files() if paths is None else list(paths)
    settings = SettingsRepo(repo.db)
    digest = _files_digest(files)
    if skip_if_unchanged and settings.get(SHIPPED_DIGEST_KEY) == digest:
        return []
    results = repo.ensure_shipped(files, load_template_file)
    if all(r.status != "refused" for r in results):
        settings.set(SHIPPED_DIGEST_KEY, digest)
    return results


@functools.cache
def template_schema() -> dict[str, Any]:
    text = resources.files("inspector_app").joinpath("schemas/template.schema.json").read_text(
        encoding="utf-8"
    )
    return json.loads(text)


@functools.cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(template_schema())


def _check(path: Path) -> tuple[list[Problem], dict[str, Any] | None]:
    file = str(path)
    try:
        root, data = _parse(_read_text(path))
    except _Refused as exc:
        return [_problem(file, exc.line, with_detail(exc.said, exc.detail))], None
    lines = _Lines(root)
    found = list(lines.problems)
    if found:  # duplicate keys, non-text keys or NaN: the document is not what it seems
        return _finish(file, found), None
    if not isinstance(data, dict):
        return [_problem(file, lines.line(()), Message(N_(
            "a template must be a mapping of fields (format, id, version, title, kind, "
            "sections ...)")))], None
    found += _schema_problems(data, lines)
    found += _Semantics(data, lines).problems()
    return _finish(file, found), (None if found else data)


def check_definition(data: dict[str, Any], locate: Any) -> list[tuple[int, Message]]:
    """The schema and whole-document problems of a definition read from another format (a
    workbook). ``locate.line(path)`` answers where a field was written, as an ordinal the caller
    maps back to its own places; ``locate.values`` may be empty."""
    return _schema_problems(data, locate) + _Semantics(data, locate).problems()


class FragmentInvalid(ValueError):
    """A value written inline is not one; ``said`` tells why, in any language. ``detail`` is the
    YAML library's own text where the program has no words for the problem (to end the
    message with, see ``with_detail``), else empty."""

    def __init__(self, said: Message, detail: str = "") -> None:
        super().__init__(str(said))
        self.said = said
        self.detail = detail


def with_detail(said: Message, detail: str) -> Message:
    """``said``, then a library's own (English) text in parentheses, when there is one."""
    return Message(N_("{said} (details: {detail})"), said=said, detail=detail) if detail else said


def parse_fragment(text: str) -> Any:
    """A YAML value written inline (``{item: x, equals: true}``), read with the template rules:
    ``FragmentInvalid`` (a ``ValueError``) with the reason when it is not one."""
    try:
        root, data = _parse(text)
    except _Refused as exc:
        raise FragmentInvalid(exc.said, exc.detail) from None
    problems = _Lines(root).problems
    if problems:
        raise FragmentInvalid(problems[0][1])
    return data


def _problem(file: str, line: int, said: Message) -> Problem:
    return Problem(file, line, str(said), said=said)


def _finish(file: str, found: list[tuple[int, Message]]) -> list[Problem]:
    return sorted({_problem(file, line, said) for line, said in found})


# --- reading and parsing ----------------------------------------------------------------------


def _read_text(path: Path) -> str:
    """The file's text; ``_Refused`` for a file that is too large, binary or not UTF-8."""
    limit = MAX_BYTES // (1024 * 1024)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _Refused(None, Message(N_("file is too large ({size} MB); a template is at "
                                            "most {limit} MB"), size=_megabytes(size),
                                         limit=limit))
        with path.open("rb") as f:
            # Read one byte more than allowed: the file may have grown since stat().
            data = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise _Refused(None, Message(N_("cannot read the file: {reason}"),
                                     reason=exc.strerror or exc)) from exc
    if len(data) > MAX_BYTES:
        raise _Refused(None, Message(N_("file is too large; a template is at most {limit} MB"),
                                     limit=limit))
    nul = data.find(b"\0")
    if nul >= 0:
        raise _Refused(None, Message(N_("this is a binary file, not a YAML template (it "
                                        "contains NUL bytes)")), line=_line_at(data, nul))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Refused(None, Message(N_("the file is not UTF-8 text (byte 0x{byte} cannot be "
                                        "read); save it as UTF-8, not GBK or another "
                                        "encoding"), byte=f"{data[exc.start]:02x}"),
                       line=_line_at(data, exc.start)) from exc


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


class _Refused(Exception):
    """The file cannot be read as a template at all: one problem, at ``line``."""

    def __init__(self, mark: yaml.Mark | None, said: Message, *, line: int = 1,
                 detail: str = "") -> None:
        super().__init__(str(said))
        self.line = mark.line + 1 if mark else line
        self.said = said
        self.detail = detail
        self.message = str(said)


def _resolvers() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """YAML 1.1's implicit types, minus those that surprise template authors.

    Only true/false are booleans (so a choice value ``no`` or ``on`` stays text), dates stay text
    (JSON has no date), and merge keys are plain keys (they need aliases, which are refused).
    """
    bool_re = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
    kept = {"tag:yaml.org,2002:null", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
    table: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for first, entries in yaml.SafeLoader.yaml_implicit_resolvers.items():
        for tag, regexp in entries:
            if tag == "tag:yaml.org,2002:bool":
                table.setdefault(first, []).append((tag, bool_re))
            elif tag in kept:
                table.setdefault(first, []).append((tag, regexp))
    return table


_CORE = "tag:yaml.org,2002:"
_PLAIN_TAGS = frozenset(
    {"!"} | {_CORE + t for t in ("str", "int", "float", "bool", "null", "seq", "map")}
)


class _Guard:
    """Refuses, event by event, what a template never needs: anchors and aliases, non-JSON
    tags, deep nesting.

    Refusing anchors outright (rather than counting expansions) keeps "billion laughs" and its
    cousins out at the first ``&``; a template has no use for them.
    """

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        event = self.peek_event()  # type: ignore[attr-defined]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(event.start_mark, Message(N_(
                "YAML anchors and aliases (&name, *name) are not allowed in a template; write "
                "each text out in full")))
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in _PLAIN_TAGS:
            # !!binary, !!timestamp, !!set... build values that JSON (the stored form) lacks.
            raise _Refused(event.start_mark, Message(
                N_("the YAML tag {tag} is not allowed in a template"),
                tag=tag.replace(_CORE, "!!")))
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(event.start_mark, Message(
                    N_("the document is nested more than {depth} levels deep"),
                    depth=MAX_DEPTH))
            return super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self._depth -= 1


class _PyLoader(_Guard, yaml.SafeLoader):
    yaml_implicit_resolvers = _resolvers()


def _loader_class() -> type:
    """libyaml's parser under PyYAML's own composer when available: about five times faster,
    and the composer is where the guard above sits."""
    if not yaml.__with_libyaml__:
        return _PyLoader
    from yaml._yaml import CParser

    class _CLoader(_Guard, Composer, CParser, SafeConstructor, Resolver):
        yaml_implicit_resolvers = _PyLoader.yaml_implicit_resolvers

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

    return _CLoader


_Loader = _loader_class()


def _parse(text: str) -> tuple[yaml.Node, Any]:
    """(root node, data); ``_Refused`` when the text is not a usable YAML document."""
    loader: Any = None
    try:
        loader = _Loader(text)  # may already raise ReaderError
        root = loader.get_single_node()
        if root is None:
            raise _Refused(None, Message(N_("the file is empty")))
        return root, loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        said, known = _syntax_message(exc, text)
        log.info("YAML syntax error in a template: %s", exc)
        raise _Refused(mark, said, detail="" if known else _yaml_problem(exc)) from exc
    except yaml.reader.ReaderError as exc:
        raise _Refused(None, Message(N_("the file contains a character YAML does not allow")),
                       line=_reader_error_line(exc, text)) from exc
    except yaml.YAMLError as exc:
        raise _Refused(None, Message(N_("YAML error: {error}"), error=exc)) from exc
    finally:
        if loader is not None:
            loader.dispose()


def _reader_error_line(exc: yaml.reader.ReaderError, text: str) -> int:
    # The Python reader counts characters, libyaml counts bytes of the UTF-8 text.
    if isinstance(exc.position, int):
        if _Loader is _PyLoader:
            return text.count("\n", 0, exc.position) + 1
        return text.encode("utf-8").count(b"\n", 0, exc.position) + 1
    return 1


def _yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    what = exc.problem or exc.context or "unreadable"
    return f"{what} ({exc.context})" if exc.context and exc.problem else what


# The syntax errors people make in templates and workbook cells, by the words libyaml and
# PyYAML both start them with (they word the rest differently).
_SYNTAX_WORDS: list[tuple[str, str, str]] = [
    ("expected ',' or ']'", "",
     N_("a list [ ... ] is missing its closing bracket, or a comma is missing between its "
        "values")),
    ("expected ',' or '}'", "",
     N_("a mapping { ... } is missing its closing brace, or a comma is missing between its "
        "entries")),
    ("found unexpected end of stream", "quoted scalar", N_("a quotation mark is not closed")),
    ("mapping values are not allowed", "",
     N_("a colon followed by a space inside a value; put the value in quotes")),
    ("<document start>", "",
     N_("something follows the end of the value: an extra closing bracket or brace, or a "
        "line indented less than the first")),
    ("that cannot start any token", "",
     N_("a value cannot start with this character; put the value in quotes")),
]


def _syntax_message(exc: yaml.MarkedYAMLError, text: str) -> tuple[Message, bool]:
    """(the problem in the catalogue's words with its line and column, whether they say what
    is wrong); where they cannot, the caller adds PyYAML's own text as a detail."""
    mark = exc.problem_mark or exc.context_mark
    where = {"line": mark.line + 1, "column": mark.column + 1} if mark else {}
    if _tabbed(exc.problem_mark, text):
        return Message(N_("YAML syntax error at line {line}, column {column}: indent with "
                          "spaces, not tabs"), **where), True
    problem, context = exc.problem or "", exc.context or ""
    for words, in_context, said in _SYNTAX_WORDS:
        if words in problem and in_context in context:
            if not where:
                return Message(N_("YAML syntax error: {what}"), what=Message(said)), True
            return Message(N_("YAML syntax error at line {line}, column {column}: {what}"),
                           what=Message(said), **where), True
    if not where:
        return Message(N_("YAML syntax error")), False
    return Message(N_("YAML syntax error at line {line}, column {column}"), **where), False


def _tabbed(mark: Any, text: str) -> bool:
    """Tabs are the commonest YAML mistake of people used to word processors."""
    if mark is None:
        return False
    lines = text.splitlines()
    line = lines[mark.line] if 0 <= mark.line < len(lines) else ""
    return "\t" in line[: mark.column + 1]


class _Lines:
    """Line numbers of every field and list element, found from the node tree."""

    def __init__(self, root: yaml.Node) -> None:
        self.values: dict[Path_, yaml.Node] = {}
        self.keys: dict[Path_, yaml.Node] = {}
        self.problems: list[tuple[int, Message]] = []
        self._walk(root, ())

    def line(self, path: Sequence[str | int]) -> int:
        """Where ``path`` is written: its key's line for a field, else its node's line.

        A path that does not exist (a missing field) falls back to its nearest parent.
        """
        p = tuple(path)
        while True:
            node = self.keys.get(p) or self.values.get(p)
            if node is not None:
                return node.start_mark.line + 1
            if not p:
                return 1
            p = p[:-1]

    def _walk(self, node: yaml.Node, path: Path_) -> None:
        self.values[path] = node
        if isinstance(node, yaml.MappingNode):
            first_line: dict[str, int] = {}
            for key_node, value_node in node.value:
                if key_node.tag != "tag:yaml.org,2002:str" or not isinstance(key_node.value, str):
                    self._problem(key_node, Message(N_("field name {name} must be text"),
                                                    name=repr(key_node.value)))
                    continue
                key = key_node.value
                if key in first_line:
                    self._problem(key_node, Message(
                        N_("field '{key}' is written twice in the same place (first on line "
                           "{line})"), key=key, line=first_line[key]))
                first_line.setdefault(key, key_node.start_mark.line + 1)
                self.keys.setdefault((*path, key), key_node)
                self._walk(value_node, (*path, key))
        elif isinstance(node, yaml.SequenceNode):
            for index, child in enumerate(node.value):
                self._walk(child, (*path, index))
        elif node.tag == "tag:yaml.org,2002:float" and node.value.lower().lstrip("+-") in (
            ".nan", ".inf"
        ):
            # JSON, and so the stored definition and its hash, has no NaN or infinity.
            self._problem(node, Message(N_("{value} is not allowed: numbers must be finite"),
                                        value=node.value))

    def _problem(self, node: yaml.Node, message: Message) -> None:
        self.problems.append((node.start_mark.line + 1, message))


# --- describing where a problem is -------------------------------------------------------------


def _owner(data: Any, path: Sequence[str | int]) -> tuple[Message | None, str]:
    """(item 'gm-3-1', "show_if.all[0].item") for a path into the document: the section or
    item it belongs to, named in the user's language, and the field as written in the file."""
    parts = list(path)
    owner: Message | None = None
    if len(parts) >= 2 and parts[0] == "sections" and isinstance(parts[1], int):
        section = _get(data, parts[:2])
        ident = _ident(section)
        owner = (Message(N_("section '{id}'"), id=ident) if ident
                 else Message(N_("section {number}"), number=parts[1] + 1))
        parts = parts[2:]
        if len(parts) >= 2 and parts[0] == "items" and isinstance(parts[1], int):
            ident = _ident(_get(section, parts[:2]))
            owner = (_item(ident) if ident
                     else Message(N_("item {number} of {section}"), number=parts[1] + 1,
                                  section=owner))
            parts = parts[2:]
    return owner, _dotted(parts)


def _ident(obj: Any) -> str | None:
    ident = obj.get("id") if isinstance(obj, dict) else None
    return ident if isinstance(ident, str) and ident else None


def _item(ident: str) -> Message:
    return Message(N_("item '{id}'"), id=ident)


def _dotted(parts: Sequence[str | int]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _get(data: Any, path: Sequence[str | int]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _say(owner: Message | None, field: str, predicate: Message) -> Message:
    """"item 'x': weight must be ...": the field (or its owner) is the sentence's subject."""
    if owner and field:
        return Message(N_("{owner}: {field} {predicate}"), owner=owner, field=field,
                       predicate=predicate)
    if field:
        return Message(N_("{field} {predicate}"), field=field, predicate=predicate)
    if owner:
        return Message(N_("{owner} {predicate}"), owner=owner, predicate=predicate)
    return Message(N_("the template {predicate}"), predicate=predicate)


def _at(owner: Message | None, field: str, statement: Message | str) -> Message:
    """"item 'x': show_if: unknown field 'equal'": where, then what."""
    if owner and field:
        return Message(N_("{owner}: {field}: {statement}"), owner=owner, field=field,
                       statement=statement)
    if owner or field:
        return Message(N_("{where}: {statement}"), where=owner or field, statement=statement)
    return statement if isinstance(statement, Message) else Message(N_("{statement}"),
                                                                     statement=statement)


def _show(value: Any) -> str:
    """A value as the author would write it in YAML."""
    if isinstance(value, str):
        return f"'{value}'"
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)


def _kind_of(value: Any) -> Message | str:
    if isinstance(value, bool):
        return Message(N_("true/false"))
    if isinstance(value, int | float):
        return Message(N_("a number"))
    if isinstance(value, str):
        return Message(N_("text"))
    if isinstance(value, dict):
        return Message(N_("a mapping"))
    if isinstance(value, list):
        return Message(N_("a list"))
    return Message(N_("empty")) if value is None else type(value).__name__


_TYPE_WORDS = {  # the schema's types in the words of a template's author
    "string": N_("text"),
    "number": N_("a number"),
    "integer": N_("a whole number"),
    "boolean": N_("true or false"),
    "object": N_("a mapping (field: value)"),
    "array": N_("a list"),
    "null": N_("empty"),
}


def _close(word: str, options: Sequence[str]) -> str | None:
    close = difflib.get_close_matches(word, list(options), n=1)
    return close[0] if close else None


# --- schema -------------------------------------------------------------------------------------


def _schema_problems(data: dict[str, Any], lines: _Lines) -> list[tuple[int, Message]]:
    errors = list(_validator().iter_errors(data))
    # A oneOf failure restates what a more precise error at the same place already says.
    precise = {tuple(e.absolute_path) for e in errors if e.validator != "oneOf"}
    found: list[tuple[int, Message]] = []
    for error in errors:
        if error.validator == "oneOf" and tuple(error.absolute_path) in precise:
            continue
        found += _explain(error, data, lines)
    return found


def _explain(error: SchemaError, data: Any, lines: _Lines) -> list[tuple[int, Message]]:
    path = list(error.absolute_path)
    owner, field = _owner(data, path)
    line = lines.line(path)
    v = error.validator
    value = error.instance
    last = next((p for p in reversed(path) if isinstance(p, str)), "")
    if v == "required":
        # At the missing field's own place where the format has one (a workbook's empty or
        # refused cell); YAML has none for an absent key and falls back to the owner's line.
        return [(lines.line([*path, name]), _missing(owner, field, name, value, error))
                for name in error.validator_value if name not in value]
    if v == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        return [(lines.line([*path, key]), _at(owner, field, _unknown_field(str(key), allowed)))
                for key in value if key not in allowed]
    if v == "type":
        return [(line, _wrong_type(owner, field, value, error, lines.values.get(tuple(path))))]
    if v in ("enum", "const"):
        return [(line, _not_allowed(owner, field, last, path, value, error))]
    if v == "pattern" and last == "zh":
        return [(line, _at(owner, _parent_field(field),
                           Message(N_("Chinese text (zh) is empty"))))]
    if v == "pattern":
        return [(line, _say(owner, field, Message(
            N_("must use lower-case letters a-z, digits and . _ - and start with a letter or "
               "digit (found {value})"), value=_show(value))))]
    if v in ("minItems", "minLength"):
        return [(line, _say(owner, field, Message(N_("must not be empty"))))]
    if v == "minimum":
        return [(line, _say(owner, field, Message(N_("must be at least {minimum} (found "
                                                     "{value})"),
                                                  minimum=error.validator_value,
                                                  value=_show(value))))]
    if v == "exclusiveMinimum":
        return [(line, _say(owner, field, Message(N_("must be greater than {minimum} (found "
                                                     "{value})"),
                                                  minimum=error.validator_value,
                                                  value=_show(value))))]
    if v == "oneOf":
        return [(line, _say(owner, field, Message(N_(
            "is not a valid condition: write {item: ID, equals: VALUE}, {item: ID, "
            "not_equals: VALUE}, {item: ID, in: [...]}, {item: ID, answered: true}, "
            "{all: [...]}, {any: [...]} or {not: CONDITION}"))))]
    if v == "anyOf" and last == "unit":
        return [(line, _say(owner, field, Message(N_("must be text or a mapping {zh: ..., "
                                                     "en: ...}"))))]
    return [(line, _at(owner, field, error.message))]


def _unknown_field(key: str, allowed: Sequence[str]) -> Message:
    close = _close(key, allowed)
    if close is None:
        return Message(N_("unknown field '{key}'"), key=key)
    return Message(N_("unknown field '{key}' (did you mean '{close}'?)"), key=key, close=close)


def _parent_field(field: str) -> str:
    return field.rsplit(".", 1)[0] if "." in field else ""


def _missing(owner: Message | None, field: str, name: str, value: Any,
             error: SchemaError) -> Message:
    if name == "zh" and "zh" in error.schema.get("properties", {}):
        return _at(owner, field, Message(N_("Chinese text (zh) is missing")))
    if name == "grade":
        return _at(owner, field, Message(N_("missing required field '{name}' (a check item "
                                            "needs a grade: general or major)"), name=name))
    if name == "choices":
        return _at(owner, field, Message(N_("missing required field '{name}' (a {type} item "
                                            "needs its list of choices)"),
                                         name=name, type=value.get("type")))
    return _at(owner, field, Message(N_("missing required field '{name}'"), name=name))


def _wrong_type(
    owner: Message | None, field: str, value: Any, error: SchemaError, node: yaml.Node | None
) -> Message:
    expected = error.validator_value
    if "zh" in error.schema.get("properties", {}) and isinstance(value, str):
        return _say(owner, field, Message(
            N_("must be a mapping of Chinese and English text, e.g. {name}: {{zh: ..., "
               "en: ...}}"), name=field.rsplit(".", 1)[-1] or "text"))
    names = [expected] if isinstance(expected, str) else list(expected)
    words = Listing([Message(_TYPE_WORDS[n]) if n in _TYPE_WORDS else n for n in names],
                    N_(" or "))
    if field == "version" and isinstance(node, yaml.ScalarNode):
        return _say(owner, field, Message(
            N_("must be {words}, not {kind}; put it in quotes: version: \"{value}\""),
            words=words, kind=_kind_of(value), value=node.value))
    return _say(owner, field, Message(N_("must be {words}, not {kind}"), words=words,
                                      kind=_kind_of(value)))


def _not_allowed(
    owner: Message | None, field: str, last: str, path: Sequence[str | int], value: Any,
    error: SchemaError
) -> Message:
    options = error.validator_value if error.validator == "enum" else [error.validator_value]
    listed = ", ".join(str(o) for o in options)
    parent = next((p for p in reversed(path[:-1]) if isinstance(p, str)), "")
    if last == "type" and not isinstance(path[-1], int):
        return _at(owner, "", Message(N_("unknown item type {value} (use one of: {listed})"),
                                      value=_show(value), listed=listed))
    if last == "grade":
        return _at(owner, "", Message(N_("unknown grade {value} (use general or major)"),
                                      value=_show(value)))
    if isinstance(path[-1], int) and parent == "industries":
        return _say(owner, field, Message(N_("is an unknown industry {value} (use one of: "
                                             "{listed})"), value=_show(value), listed=listed))
    if isinstance(path[-1], int) and parent == "special_areas":
        return _say(owner, field, Message(N_("is an unknown special area {value} (use one of: "
                                             "{listed})"), value=_show(value), listed=listed))
    if len(options) > 1:
        return _say(owner, field, Message(N_("must be one of: {listed} (found {value})"),
                                          listed=listed, value=_show(value)))
    return _say(owner, field, Message(N_("must be {listed} (found {value})"), listed=listed,
                                      value=_show(value)))


# --- rules that need the whole document ----------------------------------------------------------

# Fields each item type may carry beyond the common ones (id, type, text, required, ...).
_TYPE_FIELDS: dict[str, frozenset[str]] = {
    ItemType.CHECK: frozenset({"grade", "weight", "situation", "hazard"}),
    ItemType.TEXT: frozenset({"max_length"}),
    ItemType.NUMBER: frozenset({"unit", "min", "max", "normal_min", "normal_max"}),
    ItemType.SINGLE_CHOICE: frozenset({"choices"}),
    ItemType.MULTI_CHOICE: frozenset({"choices"}),
    ItemType.PHOTO: frozenset({"min_photos"}),
    ItemType.SIGNATURE: frozenset({"role"}),
}
_SPECIFIC = frozenset().union(*_TYPE_FIELDS.values())
_ITEM_TYPES = frozenset(t.value for t in ItemType)


@dataclass
class _ItemRef:
    item: dict[str, Any]
    path: Path_
    position: int


class _Semantics:
    """Unique ids, type-specific fields, ranges and show_if references; defensive about shape."""

    def __init__(self, data: dict[str, Any], lines: _Lines) -> None:
        self.data = data
        self.lines = lines
        self.found: list[tuple[int, Message]] = []
        self.items: dict[str, _ItemRef] = {}

    def problems(self) -> list[tuple[int, Message]]:
        self._sections_and_items()
        for ref in self._all_items():
            self._item_fields(ref)
            self._choices(ref)
            self._ranges(ref)
        self._conditions()
        self._situations()
        return self.found

    def _add(self, path: Sequence[str | int], message: Message) -> None:
        self.found.append((self.lines.line(path), message))

    def _all_items(self) -> Iterator[_ItemRef]:
        position = 0
        for s_index, section in enumerate(_list(self.data.get("sections"))):
            if not isinstance(section, dict):
                continue
            for i_index, item in enumerate(_list(section.get("items"))):
                if isinstance(item, dict):
                    yield _ItemRef(item, ("sections", s_index, "items", i_index), position)
                    position += 1

    def _sections_and_items(self) -> None:
        seen_sections: dict[str, int] = {}
        for index, section in enumerate(_list(self.data.get("sections"))):
            sid = section.get("id") if isinstance(section, dict) else None
            if not isinstance(sid, str):
                continue
            path = ("sections", index, "id")
            if sid in seen_sections:
                self._add(path, Message(N_("duplicate section id '{id}' (first used on line "
                                           "{line})"), id=sid, line=seen_sections[sid]))
            seen_sections.setdefault(sid, self.lines.line(path))
        for ref in self._all_items():
            iid = ref.item.get("id")
            if not isinstance(iid, str):
                continue
            path = (*ref.path, "id")
            if iid in self.items:
                first = self.lines.line((*self.items[iid].path, "id"))
                self._add(path, Message(N_("duplicate item id '{id}' (first used on line "
                                           "{line})"), id=iid, line=first))
            else:
                self.items[iid] = ref

    def _item_fields(self, ref: _ItemRef) -> None:
        item_type = ref.item.get("type")
        if item_type not in _ITEM_TYPES:
            return
        owner = _owner(self.data, ref.path)[0]
        allowed = _TYPE_FIELDS.get(item_type, frozenset())
        for name in ref.item:
            if name in _SPECIFIC and name not in allowed:
                self._add((*ref.path, name), Message(
                    N_("{owner}: field '{name}' does not apply to a {type} item"), owner=owner,
                    name=name, type=item_type))
        if item_type == ItemType.INFO and ref.item.get("required") is True:
            self._add((*ref.path, "required"), Message(
                N_("{owner}: an info item is never required; remove 'required: true'"),
                owner=owner))

    def _situations(self) -> None:
        """A determination standard cites the law: each major item carries its situation."""
        standard = self.data.get("kind") == TemplateKind.MAJOR_HAZARD_STANDARD
        if standard and not isinstance(self.data.get("citation"), dict):
            self._add(("kind",), Message(N_(
                "a determination standard (kind: major_hazard_standard) needs 'citation' with "
                "the title and document number of the law it reproduces")))
        sources = {s.get("id") for s in _list(self.data.get("sources")) if isinstance(s, dict)}
        seen: dict[tuple[Any, Any], str] = {}
        for ref in self._all_items():
            owner = _owner(self.data, ref.path)[0]
            situation = ref.item.get("situation")
            if not standard:
                if situation is not None:
                    self._add((*ref.path, "situation"), Message(N_(
                        "{owner}: a situation belongs only in a determination standard (kind: "
                        "major_hazard_standard)"), owner=owner))
                continue
            if ref.item.get("type") != ItemType.CHECK or ref.item.get("grade") != Grade.MAJOR:
                continue
            if not isinstance(situation, dict):
                self._add((*ref.path, "id"), Message(N_(
                    "{owner}: a major item of a determination standard needs 'situation': the "
                    "article, clause and official text it stands for"), owner=owner))
                continue
            source = situation.get("source")
            has_text = situation.get("text") is not None
            if has_text == (situation.get("unverified") is not None):
                self._add((*ref.path, "situation"), Message(N_(
                    "{owner}: a situation has either 'text' (the official wording) or "
                    "'unverified' (why it is not yet checked), not both or neither"),
                    owner=owner))
            elif has_text and source is None:
                self._add((*ref.path, "situation"), Message(N_(
                    "{owner}: a situation's text needs 'source': the id of the published text "
                    "it was checked against"), owner=owner))
            elif not has_text and source is not None:
                self._add((*ref.path, "situation", "source"), Message(
                    N_("{owner}: an unverified situation names no source"), owner=owner))
            if source is not None and source not in sources:
                self._add((*ref.path, "situation", "source"), Message(
                    N_("{owner}: situation source '{source}' is not one of the template's "
                       "'sources'"), owner=owner, source=source))
            key = (situation.get("article"), situation.get("clause"))
            if key in seen:
                self._add((*ref.path, "situation"), Message(
                    N_("{owner}: the same situation (article {article}, clause {clause}) is "
                       "already cited by item '{other}'"), owner=owner, article=key[0],
                    clause=key[1], other=seen[key]))
            seen.setdefault(key, str(ref.item.get("id")))

    def _choices(self, ref: _ItemRef) -> None:
        if ref.item.get("type") not in CHOICE_TYPES:
            return
        owner = _owner(self.data, ref.path)[0]
        first: dict[Any, int] = {}
        for index, choice in enumerate(_list(ref.item.get("choices"))):
            value = choice.get("value") if isinstance(choice, dict) else None
            if not isinstance(value, str | int) or isinstance(value, bool):
                continue
            path = (*ref.path, "choices", index, "value")
            if value in first:
                self._add(path, Message(N_("{owner}: duplicate choice value {value} (first on "
                                           "line {line})"), owner=owner, value=_show(value),
                                        line=first[value]))
            first.setdefault(value, self.lines.line(path))

    def _ranges(self, ref: _ItemRef) -> None:
        owner = _owner(self.data, ref.path)[0]
        for low, high in (("min", "max"), ("normal_min", "normal_max")):
            a, b = ref.item.get(low), ref.item.get(high)
            if _is_number(a) and _is_number(b) and a > b:
                self._add((*ref.path, low), Message(
                    N_("{owner}: {low} ({a}) is greater than {high} ({b})"), owner=owner,
                    low=low, a=a, high=high, b=b))

    # show_if ----------------------------------------------------------------------------------

    def _conditions(self) -> None:
        edges: dict[str, list[tuple[str, Path_]]] = {}
        for ref in self._all_items():
            iid = ref.item.get("id")
            cond = ref.item.get("show_if")
            if not isinstance(iid, str) or not isinstance(cond, dict):
                continue
            first = self.items.get(iid)
            if first is None or first.path != ref.path:
                continue  # a duplicate id: already reported, its references would mislead
            for target, op, value, path in _leaves(cond, (*ref.path, "show_if")):
                if self._reference(ref, iid, target, op, value, path):
                    edges.setdefault(iid, []).append((target, path))
        self._forward_references(edges)

    def _reference(
        self, ref: _ItemRef, iid: str, target: str, op: str, value: Any, path: Path_
    ) -> bool:
        """Check one {item: target, op: value}; True when it is a later-checked graph edge."""
        owner = _item(iid)
        item_path = (*path, "item")
        if target == iid:
            self._add(item_path, Message(N_("{owner}: show_if refers to the item itself (a "
                                            "cycle)"), owner=owner))
            return False
        other = self.items.get(target)
        if other is None:
            close = _close(target, list(self.items))
            self._add(item_path, Message(
                N_("{owner}: show_if refers to unknown item '{target}'") if close is None else
                N_("{owner}: show_if refers to unknown item '{target}' (did you mean "
                   "'{close}'?)"), owner=owner, target=target, close=close))
            return False
        if other.item.get("type") == ItemType.INFO:
            self._add(item_path, Message(N_("{owner}: show_if refers to '{target}', an info "
                                            "item, which has no answer"),
                                         owner=owner, target=target))
            return False
        self._values(owner, other, target, op, value, path)
        return True

    def _values(
        self, owner: Message, other: _ItemRef, target: str, op: str, value: Any, path: Path_
    ) -> None:
        if op not in ("equals", "not_equals", "in"):
            return
        possible, words = _possible_answers(other.item)
        if possible is None:
            return
        values = value if (op == "in" or other.item.get("type") == ItemType.MULTI_CHOICE) \
            and isinstance(value, list) else [value]
        for v in values:
            if not any(_same_value(v, p) for p in possible):
                self._add((*path, op), Message(
                    N_("{owner}: show_if: {value} is not a possible answer of item '{target}' "
                       "({type}: {words})"), owner=owner, value=_show(v), target=target,
                    type=other.item.get("type"), words=words))

    def _forward_references(self, edges: dict[str, list[tuple[str, Path_]]]) -> None:
        reported: set[frozenset[str]] = set()
        for source, targets in edges.items():
            for target, path in targets:
                if self.items[target].position < self.items[source].position:
                    continue
                owner = _item(source)
                cycle = _path_between(edges, target, source)
                if cycle is None:
                    line = self.lines.line((*self.items[target].path, "id"))
                    self._add((*path, "item"), Message(
                        N_("{owner}: show_if refers to item '{target}' (line {line}), which "
                           "comes later; a condition can only use earlier items"),
                        owner=owner, target=target, line=line))
                elif frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    chain = " → ".join([source, *cycle])
                    self._add((*path, "item"), Message(
                        N_("{owner}: show_if cycle: {chain}; a condition can only use earlier "
                           "items"), owner=owner, chain=chain))


def _leaves(cond: Any, path: Path_) -> Iterator[tuple[str, str, Any, Path_]]:
    """Every {item: ID, op: value} inside a condition, with its path."""
    if not isinstance(cond, dict):
        return
    target = cond.get("item")
    if isinstance(target, str):
        op = next((o for o in ("equals", "not_equals", "in", "answered") if o in cond), "")
        yield target, op, cond.get(op), path
    for key in ("all", "any"):
        for index, sub in enumerate(_list(cond.get(key))):
            yield from _leaves(sub, (*path, key, index))
    if "not" in cond:
        yield from _leaves(cond["not"], (*path, "not"))


def _path_between(
    edges: Mapping[str, list[tuple[str, Path_]]], start: str, goal: str
) -> list[str] | None:
    """The item ids from ``start`` to ``goal`` along show_if references, or None."""
    queue: list[list[str]] = [[start]]
    seen = {start}
    while queue:
        trail = queue.pop(0)
        if trail[-1] == goal:
            return trail
        for target, _ in edges.get(trail[-1], ()):
            if target not in seen:
                seen.add(target)
                queue.append([*trail, target])
    return None


def _possible_answers(item: dict[str, Any]) -> tuple[list[Any] | None, str]:
    item_type = item.get("type")
    if item_type == ItemType.CHECK:
        values = [a.value for a in Answer]
        return values, ", ".join(values)
    if item_type == ItemType.YES_NO:
        return [True, False], "true or false"
    if item_type in CHOICE_TYPES:
        values = [c.get("value") for c in _list(item.get("choices")) if isinstance(c, dict)]
        return values, ", ".join(dict.fromkeys(str(v) for v in values))
    return None, ""


def _same_value(a: Any, b: Any) -> bool:
    return isinstance(a, bool) == isinstance(b, bool) and a == b


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []

