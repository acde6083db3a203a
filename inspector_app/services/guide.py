"""The user guide: Markdown pages per language, the page for each screen, and search.

The pages live in ``docs/guide/<lang>/`` beside the program (see ``paths.guide_dir``); both
languages have the same file names, so a topic is a file name without ``.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from inspector_app.paths import guide_dir

GUIDE_LANGUAGES = ("zh_CN", "en")
HOME = "index"

# The order of the contents list: inspectors' tasks first, then the office's, then problems.
INSPECTOR_TOPICS = ("first-start", "companies", "start-inspection", "answering", "photos",
                    "hazards", "signatures", "completing", "documents", "signing", "amending",
                    "reinspection", "export-usb")
SUPERVISOR_TOPICS = ("office-setup", "import-bundles", "ledger", "dispatch", "emergency",
                     "year-plan", "checklists-excel", "backup")
TOPICS = (HOME, *INSPECTOR_TOPICS, *SUPERVISOR_TOPICS, "troubleshooting")

_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]+)\)")
_MARKUP = re.compile(r"[#>*_`|]+")


@dataclass(frozen=True)
class Hit:
    topic: str
    title: str
    snippet: str


def language_of(locale_name: str) -> str:
    """The guide's language for a UI locale such as ``zh_CN`` or ``en_US``."""
    return "zh_CN" if locale_name.lower().startswith("zh") else "en"


def page_path(topic: str, lang: str, root: Path | None = None) -> Path:
    """The page of ``topic``; the home page when the topic has none (never a missing file)."""
    folder = (root or guide_dir()) / language_of(lang)
    path = folder / f"{topic}.md"
    return path if path.is_file() else folder / f"{HOME}.md"


def pages(lang: str, root: Path | None = None) -> list[Path]:
    """The pages in contents order, then any others by name."""
    folder = (root or guide_dir()) / language_of(lang)
    found = {p.stem: p for p in folder.glob("*.md")}
    ordered = [found.pop(t) for t in TOPICS if t in found]
    return ordered + [found[k] for k in sorted(found)]


def title(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem


def links(path: Path) -> list[str]:
    """Every link and image target of a page, as written."""
    return [m.group(2) for m in _LINK.finditer(path.read_text(encoding="utf-8"))]


def plain_text(markdown: str) -> str:
    """What the reader sees: link texts without their targets, no markup characters."""
    text = _LINK.sub(lambda m: m.group(1), markdown)
    return re.sub(r"\s+", " ", _MARKUP.sub(" ", text)).strip()


def search(term: str, lang: str, root: Path | None = None, context: int = 40) -> list[Hit]:
    """Pages holding ``term`` (any case), the page whose title holds it first."""
    needle = term.strip().lower()
    if not needle:
        return []
    hits: list[tuple[int, Hit]] = []
    for path in pages(lang, root):
        head = title(path)
        text = plain_text(path.read_text(encoding="utf-8"))
        at = text.lower().find(needle)
        if at < 0:
            continue
        start = max(0, at - context)
        snippet = ("…" if start else "") + text[start:at + len(needle) + context].strip() + "…"
        hits.append((0 if needle in head.lower() else 1, Hit(path.stem, head, snippet)))
    return [hit for _, hit in sorted(hits, key=lambda h: h[0])]
