"""Document numbers as an authority prints them: authority, type word, year, sequence.

``（泉台）应急检记〔2026〕17号``. Numbers stay unique across laptops without a device code in
them: the office allocates each laptop blocks of sequences per document type and year (see
``NumberBlock``); a laptop without an office numbers from 1.

Numbers issued before blocks existed carry the device prefix (``〔2026〕QT01-017号``); they are
kept as they are and still parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from inspector_app.domain.bilingual import Bilingual
from inspector_app.i18n import N_, Message


class DocType(StrEnum):
    RECORD = "record"              # 现场检查记录
    ORDER = "order"                # 责令限期整改指令书
    REINSPECTION = "reinspection"  # 整改复查意见书
    ONSITE = "onsite"              # 现场处理措施决定书


# The document-type words of the 应急管理 era (安监检记 → 应急检记, 安监现决 → 应急现决 …).
DOC_WORDS = {
    DocType.RECORD: "应急检记",
    DocType.ORDER: "应急责改",
    DocType.REINSPECTION: "应急复查",
    DocType.ONSITE: "应急现决",
}
DOC_TITLES = {
    DocType.RECORD: Bilingual(zh="现场检查记录", en="On-site inspection record"),
    DocType.ORDER: Bilingual(zh="责令限期整改指令书", en="Order to rectify within a deadline"),
    DocType.REINSPECTION: Bilingual(zh="整改复查意见书", en="Re-inspection opinion"),
    DocType.ONSITE: Bilingual(zh="现场处理措施决定书", en="Decision on on-site measures"),
}
# Fewer numbers than this left in a laptop's blocks of a type and year: time to ask for more
# (the laptop and the office are told; a block arrives only with the office's next bundle).
LOW_WATER = 20

_NUMBER_RE = re.compile(
    r"^(?:（(?P<authority>[^）]+)）)?(?P<word>[^〔]+)〔(?P<year>\d{4})〕"
    r"(?:(?P<prefix>[^-〕]+)-)?(?P<seq>\d+)号$"
)


def format_number(doc_type: DocType, year: int, seq: int,
                  authority_short: str | None = None) -> str:
    head = f"（{authority_short}）" if authority_short else ""
    return f"{head}{DOC_WORDS[doc_type]}〔{year}〕{seq}号"


def provisional_number(doc_type: DocType, year: int, prefix: str, seq: int,
                       authority_short: str | None = None) -> str:
    """A number carrying this computer's code (``…〔2026〕3F2A-001号``), issued by a laptop
    enrolled with an office before the office gave it a block: no other computer issues
    numbers with its code, so it cannot clash with the office's or another laptop's."""
    head = f"（{authority_short}）" if authority_short else ""
    return f"{head}{DOC_WORDS[doc_type]}〔{year}〕{prefix}-{seq:03d}号"


def parse_number(number: str) -> dict[str, str | None] | None:
    """The parts of a number; ``prefix`` is None for numbers without a device code."""
    match = _NUMBER_RE.match(number)
    return match.groupdict() if match else None


@dataclass(frozen=True)
class NumberBlock:
    """Sequences ``first``…``last`` of one document type and year, for one device."""

    id: str
    holder_device_id: str
    doc_type: DocType
    year: int
    first: int
    last: int

    @property
    def size(self) -> int:
        return self.last - self.first + 1

    def overlaps(self, other: NumberBlock) -> bool:
        return (self.doc_type == other.doc_type and self.year == other.year
                and self.first <= other.last and other.first <= self.last)


class RangeRefused(ValueError):
    """A block that cannot be; ``said`` tells why, in any language."""

    def __init__(self, said: Message) -> None:
        super().__init__(str(said))
        self.said = said


def check_range(first: int, last: int) -> None:
    """Raise ``RangeRefused`` when ``first``…``last`` is no usable block."""
    if first < 1:
        raise RangeRefused(Message(N_("a block starts at 1 or above, not {first}"),
                                   first=first))
    if last < first:
        raise RangeRefused(Message(N_("the block ends ({last}) before it starts ({first})"),
                                   last=last, first=first))
    if last - first >= 100_000:
        raise RangeRefused(Message(N_("{count} numbers is more than one block may hold "
                                      "(100000)"), count=last - first + 1))
