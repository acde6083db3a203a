"""The hazard ledger (隐患台账) as people read it outside the program: each row's cells in
words (grades, statuses, plans, acceptances, in Chinese or English) and the CSV file Excel
opens. The rows come from ``HazardLedger.rows`` (storage/hazards_repo.py)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from inspector_app.domain.bilingual import Bilingual
from inspector_app.domain.company import industry_label
from inspector_app.domain.finding import GRADE_LABELS, STATUS_LABELS, FindingStatus, Grade
from inspector_app.domain.governance import PLAN_ELEMENTS
from inspector_app.domain.text import spreadsheet_text
from inspector_app.errors import from_os_error
from inspector_app.storage.files import write_atomic

# What a re-inspection stores in findings.reinspection_result; older or imported records may
# hold free text there instead, shown as it is.
REINSPECTION_RESULT_LABELS = {"rectified": Bilingual(zh="整改合格", en="Rectified"),
                              "not_rectified": Bilingual(zh="整改不合格", en="Not rectified")}
INSPECTION_STATUS_LABELS = {"draft": Bilingual(zh="草稿", en="Draft"),
                            "completed": Bilingual(zh="已完成", en="Completed"),
                            "signed": Bilingual(zh="已签署", en="Signed")}


# -- CSV ------------------------------------------------------------------------------------------

# (key, header): the ledger's columns in the order of the paper form.
CSV_COLUMNS: tuple[tuple[str, Bilingual], ...] = (
    ("ledger_number", Bilingual(zh="隐患编号", en="Hazard number")),
    ("company_name", Bilingual(zh="被检查单位", en="Company")),
    ("town", Bilingual(zh="乡镇（街道）", en="Town")),
    ("industry", Bilingual(zh="行业", en="Industry")),
    ("found_on", Bilingual(zh="发现日期", en="Found on")),
    ("description", Bilingual(zh="隐患描述", en="Description")),
    ("grade", Bilingual(zh="隐患等级", en="Grade")),
    # As the form shows it (``services.hazards.name_items``), else the item's id.
    ("item", Bilingual(zh="检查项", en="Checklist item")),
    ("legal_basis", Bilingual(zh="依据条款", en="Legal basis")),
    ("requirement", Bilingual(zh="整改要求", en="Requirement")),
    ("deadline", Bilingual(zh="整改期限", en="Deadline")),
    ("responsible", Bilingual(zh="整改责任人", en="Responsible")),
    ("status", Bilingual(zh="状态", en="Status")),
    ("days_overdue", Bilingual(zh="逾期天数", en="Days overdue")),
    ("reinspection_result", Bilingual(zh="复查结果", en="Re-inspection result")),
    ("reinspected_at", Bilingual(zh="复查日期", en="Re-inspected on")),
    ("closed_at", Bilingual(zh="销号日期", en="Closed on")),
    ("plan", Bilingual(zh="治理方案", en="Governance plan")),
    ("acceptance", Bilingual(zh="评估验收", en="Acceptance")),
    ("inspection_status", Bilingual(zh="检查记录状态", en="Inspection status")),
    ("issued", Bilingual(zh="已下达整改", en="Order issued")),
)


def _label(labels: Bilingual, zh: bool) -> str:
    return labels.zh if zh else labels.en


def reinspection_result_text(value: str | None, zh: bool) -> str:
    if not value:
        return ""
    labels = REINSPECTION_RESULT_LABELS.get(value)
    return _label(labels, zh) if labels else value


def plan_text(row: dict[str, Any], zh: bool) -> str:
    """治理方案：齐全 / 缺2项（经费和物资的落实、…）; empty for a general hazard."""
    missing = row.get("plan_missing")
    if missing is None:
        return ""
    if not missing:
        return "齐全" if zh else "complete"
    names = [_label(label, zh) for c, label in PLAN_ELEMENTS if c in missing]
    if zh:
        return f"缺{len(missing)}项（{'、'.join(names)}）"
    return f"{len(missing)} missing ({', '.join(names)})"


def acceptance_text(row: dict[str, Any], zh: bool) -> str:
    """2026-12-08 张伟、李娜：已全部持证上岗，同意销号 (the acceptance a major hazard closed on)."""
    if not row.get("accepted_on"):
        return ""
    separator = "：" if zh else ": "
    return f"{row['accepted_on']} {row.get('accepted_by') or ''}{separator}" \
           f"{row.get('acceptance_conclusion') or ''}"


def csv_cell(row: dict[str, Any], key: str, zh: bool) -> str:
    value = row.get(key)
    if key == "plan":
        return plan_text(row, zh)
    if key == "acceptance":
        return acceptance_text(row, zh)
    if key == "industry" and row.get("industry"):
        return industry_label(row["industry"], "zh_CN" if zh else "en")
    if key == "grade":
        return _label(GRADE_LABELS[Grade(value)], zh)
    if key == "status":
        return _label(STATUS_LABELS[FindingStatus(value)], zh)
    if key == "inspection_status":
        labels = INSPECTION_STATUS_LABELS.get(value or "")
        return _label(labels, zh) if labels else (value or "")
    if key == "reinspection_result":
        return reinspection_result_text(value, zh)
    if key == "issued":
        return _label(Bilingual(zh="是", en="yes") if value else Bilingual(zh="否", en="no"), zh)
    if key == "item":
        return str(row.get("item") or row.get("item_id") or "")
    if key == "days_overdue":
        return str(value) if value else ""
    return "" if value is None else str(value)


def ledger_csv(rows: Sequence[dict[str, Any]], lang: str = "zh_CN") -> bytes:
    """The ledger as CSV bytes: UTF-8 with a BOM, or Excel on Chinese Windows reads GBK."""
    zh = lang.lower().startswith("zh")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180, what Excel writes itself
    writer.writerow([_label(header, zh) for _, header in CSV_COLUMNS])
    for row in rows:
        writer.writerow([spreadsheet_text(csv_cell(row, key, zh)) for key, _header in CSV_COLUMNS])
    return buffer.getvalue().encode("utf-8-sig")


def write_ledger_csv(path: Path, rows: Sequence[dict[str, Any]], lang: str = "zh_CN") -> int:
    """Write the ledger atomically (never a half-written file on a full USB stick)."""
    try:
        write_atomic(Path(path), ledger_csv(rows, lang))
    except OSError as exc:
        raise from_os_error(exc, path) from exc
    return len(rows)
