"""Document numbers unique across devices: authority, type word, year, device prefix, sequence.

``（泉台）应急检记〔2026〕QT01-017号``: each device numbers only under its own prefix, which the
office assigns, so two laptops can never issue the same number without talking to each other.
"""

from __future__ import annotations

import re
from enum import StrEnum


class DocType(StrEnum):
    RECORD = "record"              # 现场检查记录
    ORDER = "order"                # 责令限期整改指令书
    REINSPECTION = "reinspection"  # 整改复查意见书


DOC_WORDS = {
    DocType.RECORD: "应急检记",
    DocType.ORDER: "应急责改",
    DocType.REINSPECTION: "应急复查",
}
DOC_TITLES = {
    DocType.RECORD: ("现场检查记录", "On-site inspection record"),
    DocType.ORDER: ("责令限期整改指令书", "Order to rectify within a deadline"),
    DocType.REINSPECTION: ("整改复查意见书", "Re-inspection opinion"),
}

_NUMBER_RE = re.compile(
    r"^(?:（(?P<authority>[^）]+)）)?(?P<word>[^〔]+)〔(?P<year>\d{4})〕"
    r"(?P<prefix>[^-〕]+)-(?P<seq>\d+)号$"
)


def format_number(doc_type: DocType, year: int, prefix: str, seq: int,
                  authority_short: str | None = None) -> str:
    head = f"（{authority_short}）" if authority_short else ""
    return f"{head}{DOC_WORDS[doc_type]}〔{year}〕{prefix}-{seq:03d}号"


def parse_number(number: str) -> dict[str, str] | None:
    match = _NUMBER_RE.match(number)
    return match.groupdict() if match else None
