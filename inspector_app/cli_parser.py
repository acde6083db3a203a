"""An ``argparse`` parser that speaks the user's language.

argparse writes its own words ("usage:", "options", "the following arguments are required")
through the process-wide gettext domain, which follows the environment rather than the
language the program resolved (``--lang``, the window's saved choice, the locale). This parser
takes those words from the program's catalogue instead: its msgids are listed below, so they
are extracted into ``inspector.po`` like every other message; the parser's titles and help are
set in the chosen language, and an error argparse has already formatted in English is matched
back to its msgid and formatted again from the translation (an unknown message, e.g. from a
newer Python, is shown as it is).

The help is wrapped by display width, so Chinese lines (two columns a character, no spaces)
fit the terminal.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import Any, NoReturn

from inspector_app.i18n import N_, _

# argparse's own msgids (CPython 3.11–3.13), spelled exactly as argparse spells them.
USAGE = N_("usage: ")
POSITIONALS = N_("positional arguments")
OPTIONALS = N_("options")
HELP = N_("show this help message and exit")
VERSION = N_("show program's version number and exit")
ARGUMENT = N_("argument %(argument_name)s: %(message)s")
ERRORS: tuple[str, ...] = (
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("expected %s argument"),
    N_("expected %s arguments"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("one of the arguments %s is required"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)
ERROR_LINE = N_("{prog}: error: {message}")


def _as_written(message: str) -> str:
    return message


def _as_written_plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


# argparse's words are the msgids above, translated here; asked of the process-wide gettext,
# each of them (a dozen per command line) was looked for in a "messages" catalogue under
# every spelling of the environment's languages, loading ``locale``: 1.5 ms of each start
# for the English this module expects them in anyway.
argparse._ = _as_written  # type: ignore[attr-defined]
argparse.ngettext = _as_written_plural  # type: ignore[attr-defined]

_PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[sr]")


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """A regex matching what ``template % values`` gives, with one group a placeholder."""
    parts, last = [], 0
    for index, match in enumerate(_PLACEHOLDER.finditer(template)):
        parts.append(re.escape(template[last:match.start()]))
        name = match.group(1) or f"_{index}"
        parts.append(f"(?P<{name}>.+?)")
        last = match.end()
    parts.append(re.escape(template[last:]))
    return re.compile("".join(parts), re.DOTALL)


def _refill(template: str, values: dict[str, str]) -> str:
    """``template`` (translated) with its placeholders replaced by already formatted values."""
    counter = iter(range(len(values) + 1))

    def value(match: re.Match[str]) -> str:
        return values.get(match.group(1) or f"_{next(counter)}", match.group(0))

    return _PLACEHOLDER.sub(value, template)


def localize_message(message: str) -> str:
    """An error argparse formatted in English, told in the current language."""
    found = _pattern(ARGUMENT).fullmatch(message)
    if found:
        return _refill(_(ARGUMENT), {"argument_name": found["argument_name"],
                                     "message": localize_message(found["message"])})
    for template in ERRORS:
        found = _pattern(template).fullmatch(message)
        if found:
            return _refill(_(template), found.groupdict())
    return message


def display_width(text: str) -> int:
    """Terminal columns: Chinese characters take two, combining marks none."""
    return sum(0 if unicodedata.combining(ch)
               else 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


# Patterns compiled at their first use (``re`` keeps them): wide character classes take a
# while to compile, and most commands print no help.
_TOKEN = (r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff"
          r"\uff00-\uffef]+")


_NO_LINE_START = frozenset("，。、；：？！）》」』”’")


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns: breaks between Chinese characters and
    at spaces, never inside a Latin word (one longer than a line gets its own line), and never
    before a closing punctuation mark."""
    flat = " ".join(text.split())
    lines: list[str] = []
    line, used = "", 0
    for found in re.finditer(_TOKEN, flat):
        token, size = found.group(0), display_width(found.group(0))
        gap = " " if line and flat[found.start() - 1] == " " else ""
        if line and used + len(gap) + size > width and token not in _NO_LINE_START:
            lines.append(line)
            line, used, gap = "", 0, ""
        line += gap + token
        used += len(gap) + size
    if line:
        lines.append(line)
    return lines


_WIDE_MARK = "\x00"


def _counted_by_width(text: str) -> str:
    return "".join(ch + _WIDE_MARK if display_width(ch) == 2 else ch for ch in text)


_CJK_HEADING = r"^(\S[^\n]*[\u4e00-\u9fff]):$"


def terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, without loading shutil (and the compression
    libraries it loads) into every command's start: argparse makes a formatter per argument."""
    try:
        columns = int(os.environ.get("COLUMNS", 0))
    except ValueError:
        columns = 0
    if columns <= 0:
        stream = sys.__stdout__  # None in a program without a console (pythonw)
        try:
            columns = os.get_terminal_size(stream.fileno()).columns if stream else 0
        except (ValueError, OSError):  # not a terminal, or closed
            columns = 0
    return columns or 80


class LocalizedHelpFormatter(argparse.HelpFormatter):
    def __init__(self, prog: str, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("width", min(terminal_columns(), 100) - 2)
        super().__init__(prog, *args, **kwargs)

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        prefix = _(USAGE) if prefix is None else prefix
        super().add_usage(usage, actions, groups, _counted_by_width(prefix))

    def format_help(self) -> str:
        # argparse ends a section's heading with an ASCII colon; Chinese takes a full-width one.
        text = super().format_help().replace(_WIDE_MARK, "")
        return re.sub(_CJK_HEADING, "\\1：", text, flags=re.MULTILINE)

    def _metavar_formatter(self, action: argparse.Action,
                           default_metavar: str) -> Callable[[int], tuple[str, ...]]:
        # argparse aligns the help column by counting characters; a Chinese placeholder (文件)
        # takes two columns a character, so each is counted twice and the mark dropped at the end.
        names = super()._metavar_formatter(action, default_metavar)

        def counted(size: int) -> tuple[str, ...]:
            return tuple(_counted_by_width(name) if isinstance(name, str) else name
                         for name in names(size))

        return counted

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap(text, width - len(indent)))


class LocalizedArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose own words are in the current language; its subparsers are too
    (argparse makes them of the parser's class)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", LocalizedHelpFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = _(POSITIONALS)
        self._optionals.title = _(OPTIONALS)
        for action in self._actions:
            if action.help == HELP:
                action.help = _(HELP)

    def add_subparsers(self, **kwargs: Any) -> Any:
        # argparse names the subcommands' parsers after a usage it lays out for the purpose
        # (a whole help formatter run, at every start); with no positional argument before
        # the subcommand that usage is the parser's own name.
        if "prog" not in kwargs and self.usage is None and not self._get_positional_actions():
            kwargs["prog"] = self.prog
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, _(ERROR_LINE).format(prog=self.prog, message=localize_message(message))
                  + "\n")
