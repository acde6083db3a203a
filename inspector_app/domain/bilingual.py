"""Text that is bilingual by nature: a template's title and items, a document's title, the labels
of a controlled vocabulary — written in Chinese and English by whoever made the data, not
translated by the program (the program's own messages are in the catalogue, see ``i18n``)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from inspector_app.i18n import current_language


def written_day(day: date, zh: bool) -> str:
    """A day as a document writes it: 2026年7月4日 in Chinese, 2026-07-04 in English."""
    return f"{day.year}年{day.month}月{day.day}日" if zh else day.isoformat()


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """A count in a document's English sentence: "1 hazard", "3 hazards", "1 company"."""
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def is_english(lang: str | None) -> bool:
    """True for "en", "en_US"…; Chinese is the default for anything else."""
    return bool(lang) and str(lang).lower().startswith("en")


class Bilingual:
    """The same text in Chinese (``zh``) and English (``en``); Chinese stands in for a missing
    English text. Immutable, equal by its two texts."""

    # Written out rather than a frozen dataclass: the labels of hazards' grades and statuses
    # are Bilingual, and a command that only counts hazards should not load dataclasses (and
    # the inspect module it loads) to print them.
    __slots__ = ("en", "zh")
    zh: str
    en: str

    def __init__(self, zh: str, en: str = "") -> None:
        object.__setattr__(self, "zh", zh)
        object.__setattr__(self, "en", en)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field {name!r}: Bilingual is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}: Bilingual is immutable")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Bilingual)
        return self.zh == other.zh and self.en == other.en

    def __hash__(self) -> int:
        return hash((self.zh, self.en))

    def __repr__(self) -> str:
        return f"Bilingual(zh={self.zh!r}, en={self.en!r})"

    def __reduce__(self) -> tuple[type[Bilingual], tuple[str, str]]:
        return Bilingual, (self.zh, self.en)  # copy and pickle through __init__

    def in_(self, lang: str | None) -> str:
        """The text in ``lang`` ("en", "en_US", "zh_CN"…)."""
        return self.en if is_english(lang) and self.en else self.zh

    get = in_  # the name templates' texts have long been read with

    def localized(self, lang: str | None = None) -> str:
        """The text in ``lang``, by default the language the user chose (so that it can be a
        parameter of a catalogue message)."""
        return self.in_(lang or current_language())

    def both(self) -> tuple[str, ...]:
        """Every spelling, for matching what a user typed in either language."""
        return tuple(text for text in (self.zh, self.en) if text)

    # Positional reading, only for the callers (in ui/ and commands/) that still unpack a
    # (zh, en) pair; new code reads .zh and .en or calls in_().
    def __iter__(self) -> Iterator[str]:
        return iter((self.zh, self.en))

    def __getitem__(self, index: int) -> str:
        return (self.zh, self.en)[index]

    @classmethod
    def from_value(cls, value: Any) -> Bilingual | None:
        """From a template file's value: a plain string (the same in both) or {zh:, en:}."""
        if value is None:
            return None
        if isinstance(value, str):
            return cls(value, value)
        return cls(str(value.get("zh") or ""), str(value.get("en") or ""))
