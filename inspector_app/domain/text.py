"""Text from other people made safe to show or print.

A name is shown in tables, printed on documents and written to the terminal. Control characters
(which move a terminal's cursor or erase a line) and the Unicode bidirectional controls (which
make "gpj.exe" read as "exe.jpg", Trojan Source, CVE-2021-42574) are replaced by a visible
``[U+XXXX]`` mark, so what a reader sees is what is stored.
"""

from __future__ import annotations

import re

# Unicode bidi embedding, override and isolate controls, and the implicit marks
# (UAX #9, table 1: LRE RLE PDF LRO RLO, LRI RLI FSI PDI, LRM RLM ALM).
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_CONTROL = "".join(chr(c) for c in [*range(0x00, 0x20), *range(0x7f, 0xa0)])
_ALWAYS = re.compile(f"[{re.escape(_BIDI + _CONTROL)}\u2028\u2029]")
_KEEP_LINES = re.compile(
    f"[{re.escape(_BIDI + ''.join(c for c in _CONTROL if c != chr(10)))}\u2028\u2029]")

_TERMINAL = re.compile(
    f"[{re.escape(_BIDI + ''.join(c for c in _CONTROL if c not in chr(9) + chr(10)))}"
    "\u2028\u2029]")


def _mark(match: re.Match[str]) -> str:
    return f"[U+{ord(match.group()):04X}]"


def printable(text: object, *, multiline: bool = False) -> str:
    """``text`` with control and bidi-override characters replaced by a visible mark.

    ``multiline`` keeps line breaks (a description printed as paragraphs); a tab becomes a
    space and a carriage return before a line break is dropped, as any editor shows them.
    """
    value = "" if text is None else str(text)
    if multiline:
        value = value.replace("\r\n", "\n").replace("\t", " ")
        return _KEEP_LINES.sub(_mark, value)
    return _ALWAYS.sub(_mark, value)


def printable_lines(text: str) -> str:
    """Terminal output: line breaks and tabs kept (they lay out columns), every other control
    and bidi character shown as a mark."""
    return _TERMINAL.sub(_mark, text)


def truncated(text: str, limit: int, mark: str) -> str:
    """``text`` cut to ``limit`` characters with ``mark`` (told how many were left out) after
    it; unchanged when it fits."""
    if len(text) <= limit:
        return text
    return text[:limit] + mark.format(len(text) - limit)


# A spreadsheet reads a cell that starts with one of these as a formula (or, for tab and CR,
# strips them and then may); OWASP "CSV Injection".
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value: str) -> str:
    """A cell value a spreadsheet shows as text, never runs: a leading apostrophe before what
    would start a formula (OWASP's advice for CSV injection)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value
