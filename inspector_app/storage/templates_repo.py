"""The template library: every imported template version, keyed "<id>@<version>".

A version, once in the library, never changes: the same id and version with other content is
refused, so a stored inspection's template reference always means one text. Each public write is
one transaction.
"""

from __future__ import annotations

import builtins
import json
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from inspector_app.domain.checklist import LoadedTemplate, Template, canonical_json
from inspector_app.domain.records import record_stamp, utcnow_iso
from inspector_app.errors import InspectorError, NotFoundError
from inspector_app.i18n import N_, Message
from inspector_app.storage.files import write_atomic_checked

if TYPE_CHECKING:
    from sqlite_utils import Database

log = logging.getLogger(__name__)

ImportStatus = Literal["added", "unchanged", "refused"]


class TemplateConflict(InspectorError):
    title = N_("Template already in the library")


@dataclass(frozen=True)
class ImportResult:
    key: str
    status: ImportStatus
    said: Message | InspectorError | None = field(default=None, compare=False)
    source: Path | None = None

    def said_in(self, lang: str | None = None) -> str:
        """What became of the template, in ``lang`` (default: the user's language)."""
        return self.said.localized(lang) if self.said is not None else ""

    @property
    def message(self) -> str:
        """In the user's language, rendered when read (a refusal keeps its parameters)."""
        return self.said_in()


@dataclass(frozen=True)
class TemplateRecord:
    """One library row, without the (large) definition."""

    key: str
    template_id: str
    version: str
    title_zh: str
    title_en: str | None
    content_hash: str
    item_count: int
    source_file: str | None
    retired: bool
    created_at: str

    def title(self, lang: str | None) -> str:
        if lang and lang.lower().startswith("en") and self.title_en:
            return self.title_en
        return self.title_zh


_COLUMNS = (
    "key, template_id, version, title_zh, title_en, content_hash, item_count, source_file, "
    "retired, created_at"
)


class TemplateRepo:
    def __init__(self, db: Database, device_id: str) -> None:
        self.db = db
        self.device_id = device_id

    # --- reading -------------------------------------------------------------------------------

    def list(self, include_retired: bool = False) -> list[TemplateRecord]:
        where = "" if include_retired else "WHERE retired = 0"
        rows = self.db.execute(f"SELECT {_COLUMNS} FROM templates {where}").fetchall()
        records = [_record(row) for row in rows]
        return sorted(records, key=lambda r: (r.template_id, _version_key(r.version)))

    def record(self, key: str) -> TemplateRecord:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM templates WHERE key = ?", [key]).fetchone()
        if row is None:
            raise NotFoundError(N_("There is no template {key} in the library."), key=key)
        return _record(row)

    def definition(self, key: str) -> dict[str, Any]:
        """The stored document: what an inspection snapshots and what export writes."""
        row = self.db.execute("SELECT definition FROM templates WHERE key = ?", [key]).fetchone()
        if row is None:
            raise NotFoundError(N_("There is no template {key} in the library."), key=key)
        definition: dict[str, Any] = json.loads(row[0])
        return definition

    def get(self, key: str) -> Template:
        return Template.from_dict(self.definition(key))

    def resolve(self, key_or_id: str) -> str:
        """A full key from "id@version", or from a bare id (its newest current version)."""
        if "@" in key_or_id:
            return self.record(key_or_id).key
        versions = [r for r in self.list(include_retired=True) if r.template_id == key_or_id]
        current = [r for r in versions if not r.retired] or versions
        if not current:
            raise NotFoundError(N_("There is no template {key_or_id} in the library."),
                                key_or_id=key_or_id)
        return current[-1].key

    # --- writing -------------------------------------------------------------------------------

    def import_template(self, loaded: LoadedTemplate) -> ImportResult:
        """Add a template version; the same content again changes nothing.

        Raises ``TemplateConflict`` when the id and version are there with other content.
        """
        template = loaded.template
        key = template.key
        with self.db.atomic():
            row = self.db.execute(
                "SELECT content_hash FROM templates WHERE key = ?", [key]
            ).fetchone()
            if row is not None:
                if row[0] == loaded.content_hash:
                    return ImportResult(key, "unchanged", Message(N_("already in the library")),
                                        loaded.source)
                raise _conflict(template, row[0], loaded.content_hash)
            self.db.table("templates").insert(
                {
                    "key": key,
                    "template_id": template.id,
                    "version": template.version,
                    "title_zh": template.title.zh,
                    "title_en": template.title.en or None,
                    "content_hash": loaded.content_hash,
                    "definition": canonical_json(loaded.definition),
                    "item_count": len(template.items),
                    "source_file": str(loaded.source) if loaded.source else None,
                    "retired": int(template.retired),
                    **record_stamp(self.device_id),
                }
            )
        return ImportResult(key, "added", Message(N_("added to the library")), loaded.source)

    def set_retired(self, key: str, retired: bool) -> None:
        with self.db.atomic():
            cursor = self.db.execute(
                "UPDATE templates SET retired = ?, updated_at = ?, device_id = ? WHERE key = ?",
                [int(retired), utcnow_iso(), self.device_id, key],
            )
            if cursor.rowcount == 0:
                raise NotFoundError(N_("There is no template {key} in the library."), key=key)

    def ensure_shipped(
        self, paths: Iterable[Path], load: Callable[[Path], LoadedTemplate]
    ) -> builtins.list[ImportResult]:
        """Import the shipped template files not in the library yet.

        ``load`` reads a file (services.forms.load_template_file; storage knows no YAML rules).
        A broken or conflicting shipped file is logged and reported, never raised: it must not
        keep the program from starting.
        """
        results: list[ImportResult] = []
        loaded: list[LoadedTemplate] = []
        for path in paths:  # parse outside the transaction: no lock held while reading files
            try:
                loaded.append(load(path))
            except InspectorError as exc:
                results.append(self._refused_shipped("", path, exc))
        with self.db.atomic():
            for template in loaded:
                try:
                    results.append(self.import_template(template))
                except TemplateConflict as exc:
                    results.append(self._refused_shipped(template.template.key,
                                                         template.source, exc))
        return results

    @staticmethod
    def _refused_shipped(key: str, path: Path | None, exc: InspectorError) -> ImportResult:
        log.warning("shipped template %s not imported: %s", path, exc.message)
        return ImportResult(key, "refused", exc, path)

    # --- export --------------------------------------------------------------------------------

    def export(self, key: str, path: Path) -> None:
        """Write the stored definition as YAML; the file is replaced whole or not at all."""
        import yaml  # only exporting writes YAML; reading the library never needs it

        definition = self.definition(key)
        record = self.record(key)
        text = (
            f"# {record.key}: exported from the Inspector template library\n"
            f"# sha256 of the definition: {record.content_hash}\n"
        ) + yaml.safe_dump(
            _ordered(definition), allow_unicode=True, sort_keys=False, width=100
        )
        write_atomic_checked(Path(path), text.encode("utf-8"))


# Export writes fields in the order the format document uses, for people who read the file.
_FIELD_ORDER = (
    "format", "id", "version", "title", "authority", "legal_basis", "citation", "document",
    "description", "sources", "publication", "date", "url", "covers", "kind", "language",
    "retired", "applicability", "sections",
    "type", "text", "zh", "en", "required", "guidance", "grade", "weight", "situation",
    "article", "clause", "source", "unverified", "hazard", "show_if",
    "unit", "min", "max", "normal_min", "normal_max", "max_length", "choices", "min_photos",
    "role", "value", "applies_to", "industries", "special_areas", "items",
    "item", "equals", "not_equals", "in", "answered", "all", "any", "not",
)
_RANK = {name: rank for rank, name in enumerate(_FIELD_ORDER)}


def _ordered(value: Any) -> Any:
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: (_RANK.get(k, len(_RANK)), k))
        return {k: _ordered(value[k]) for k in keys}
    if isinstance(value, list):
        return [_ordered(v) for v in value]
    return value


def _record(row: tuple[Any, ...]) -> TemplateRecord:
    key, tid, version, zh, en, digest, count, source, retired, created = row
    return TemplateRecord(key, tid, version, zh, en, digest, count, source, bool(retired), created)


def _version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Natural order: 2023.2 before 2023.10."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part)
        for part in re.split(r"(\d+)", version)
        if part
    )


def _conflict(template: Template, old_hash: str, new_hash: str) -> TemplateConflict:
    return TemplateConflict(
        N_("Template {template_id} version {version} is already in the library with different "
           "content (sha256 {library_hash} there, {file_hash} in this file). Give the changed "
           "template a new version number; the library was not changed."),
        template_id=template.id, version=template.version, library_hash=old_hash[:12],
        file_hash=new_hash[:12])

