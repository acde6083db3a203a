"""The standardisation overview as a CSV file Excel opens: each company's grade, certificate,
dates and where the certificate stands on the day (expired, expiring soon, …), in Chinese or
English. The rows come from ``ClassificationService.standardisation_overview``."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from inspector_app.domain.bilingual import Bilingual
from inspector_app.domain.risk import CERTIFICATE_STATES, STANDARDISATION_GRADES
from inspector_app.domain.text import spreadsheet_text
from inspector_app.errors import from_os_error
from inspector_app.services.classification import Certified
from inspector_app.storage.files import write_atomic

COLUMNS: tuple[Bilingual, ...] = (
    Bilingual(zh="企业名称", en="Company"), Bilingual(zh="乡镇（街道）", en="Town"),
    Bilingual(zh="标准化等级", en="Grade"), Bilingual(zh="证书编号", en="Certificate"),
    Bilingual(zh="发证日期", en="Issued on"), Bilingual(zh="有效期至", en="Expires on"),
    Bilingual(zh="证书状态", en="Certificate state"),
)


def standardisation_csv(rows: Sequence[Certified], lang: str = "zh_CN") -> bytes:
    """UTF-8 with a BOM (Excel on Chinese Windows reads GBK otherwise), RFC 4180 lines."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.in_(lang) for c in COLUMNS])
    for row in rows:
        std = row.standardisation
        grade = STANDARDISATION_GRADES.get(std.grade or "")
        writer.writerow([spreadsheet_text(v) for v in (
            row.name, row.town or "", grade.in_(lang) if grade else (std.grade or ""),
            std.certificate or "", std.issued_on or "", std.expires_on or "",
            CERTIFICATE_STATES[row.state].in_(lang))])
    return buffer.getvalue().encode("utf-8-sig")


def write_standardisation_csv(path: Path, rows: Sequence[Certified],
                              lang: str = "zh_CN") -> int:
    """Write whole or not at all (a full USB stick leaves no half file); the rows written."""
    try:
        write_atomic(Path(path), standardisation_csv(rows, lang))
    except OSError as exc:
        raise from_os_error(exc, path) from exc
    return len(rows)
