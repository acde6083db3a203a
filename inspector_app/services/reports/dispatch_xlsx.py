"""The dispatch table as a spreadsheet, laid out as a government statistics table is.

A title over the whole width, the reporting unit (填报单位) and the period (统计时段) under it,
headers in two rows with the groups merged above their columns, one row per unit, a totals row
(合计), the header frozen and printed on every page, an A4 landscape page that fits the width.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from inspector_app.domain.finding import GRADE_LABELS, STATUS_LABELS, FindingStatus, Grade
from inspector_app.storage.dispatch_stats import DispatchRow, DispatchTable
from inspector_app.storage.files import write_atomic_checked

# (figure or computed name, zh, en); a group is (zh, en, columns) and a group of one column
# spans both header rows.
Column = tuple[str, str, str]
HEADER: tuple[tuple[str, str, tuple[Column, ...]], ...] = (
    ("序号", "No.", (("seq", "序号", "No."),)),
    ("单位", "Unit", (("label", "单位", "Unit"),)),
    ("企业覆盖", "Companies", (("companies_in_scope", "应检企业数", "In scope"),
                               ("companies_inspected", "已检企业数", "Inspected"),
                               ("coverage", "覆盖率", "Coverage"))),
    ("检查情况", "Inspections", (("inspections_official", "执法检查", "Official"),
                                 ("inspections_self", "企业自查", "Self"),
                                 ("reinspections", "复查", "Re-inspections"))),
    ("排查隐患", "Hazards found", (("hazards_major", "重大", "Major"),
                                   ("hazards_general", "一般", "General"),
                                   ("hazards", "合计", "Total"))),
    ("整改落实", "Rectification", (("rectified", "已整改", "Rectified"),
                                   ("rectification_rate", "整改率", "Rate"),
                                   ("overdue", "逾期未整改", "Overdue"),
                                   ("overdue_major", "其中重大", "of which major"))),
    ("执法措施", "Enforcement", (("orders", "责令整改指令书", "Orders"),
                                 ("onsite_measures", "现场处理措施", "On-site measures"),
                                 ("escalations", "曝光查处", "Escalated"))),
    ("备注", "Remarks", (("remark", "备注", "Remarks"),)),
)
COLUMNS: tuple[Column, ...] = tuple(c for _, _, cols in HEADER for c in cols)
FIRST_DATA_ROW = 5
_PERCENT = {"coverage", "rectification_rate"}
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_FORMULA_START = ("=", "+", "-", "@")


@dataclass(frozen=True)
class TableTitle:
    title: str
    reporting_unit: str     # 填报单位
    period: str             # 统计时段, already worded


def safe_text(cell: Any, text: str) -> None:
    """A name typed by someone is shown as text, never run as a formula."""
    cell.value = text
    if text.startswith(_FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True


def _value(row: DispatchRow, name: str, seq: int | str, zh: bool) -> Any:
    if name == "seq":
        return seq
    if name == "label":
        return row.label
    if name == "remark":
        return ("本期无检查" if zh else "nothing this period") if row.silent and row.key else ""
    if name in _PERCENT:
        return getattr(row, name)
    if name in ("hazards",):
        return row.hazards
    return row.figures[name]


def _write_header(ws: Worksheet, zh: bool) -> None:
    col = 1
    for group_zh, group_en, cols in HEADER:
        first = col
        if len(cols) == 1:
            ws.cell(3, col, cols[0][1] if zh else cols[0][2])
            ws.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
            col += 1
        else:
            ws.cell(3, col, group_zh if zh else group_en)
            for _, c_zh, c_en in cols:
                ws.cell(4, col, c_zh if zh else c_en)
                col += 1
            ws.merge_cells(start_row=3, start_column=first, end_row=3, end_column=col - 1)
    for r in (3, 4):
        for c in range(1, len(COLUMNS) + 1):
            cell = ws.cell(r, c)
            cell.font = Font(bold=True)
            cell.alignment = _CENTER
            cell.border = _BOX


def _write_row(ws: Worksheet, r: int, row: DispatchRow, seq: int | str, zh: bool,
               bold: bool = False) -> None:
    for c, (name, _, _) in enumerate(COLUMNS, start=1):
        value = _value(row, name, seq, zh)
        cell = ws.cell(r, c)
        if isinstance(value, str):
            safe_text(cell, value)
        else:
            cell.value = value
        cell.border = _BOX
        cell.alignment = Alignment(horizontal="left" if name == "label" else "center",
                                   vertical="center", wrap_text=name == "label")
        if name in _PERCENT:
            cell.number_format = "0.0%"
        if bold:
            cell.font = Font(bold=True)


def add_table_sheet(wb: Workbook, table: DispatchTable, title: TableTitle, zh: bool,
                    rows: Sequence[DispatchRow] | None = None) -> Worksheet:
    ws = wb.active
    ws.title = "调度统计表" if zh else "Dispatch"
    width = len(COLUMNS)
    last = get_column_letter(width)
    ws.cell(1, 1, title.title).font = Font(bold=True, size=16)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(f"A1:{last}1")
    ws.row_dimensions[1].height = 30
    half = width // 2
    safe_text(ws.cell(2, 1), ("填报单位：" if zh else "Reporting unit: ") + title.reporting_unit)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=half)
    ws.cell(2, half + 1, ("统计时段：" if zh else "Period: ") + title.period)
    ws.cell(2, half + 1).alignment = Alignment(horizontal="right")
    ws.merge_cells(start_row=2, start_column=half + 1, end_row=2, end_column=width)
    _write_header(ws, zh)
    body = list(table.rows if rows is None else rows)
    r = FIRST_DATA_ROW
    for seq, row in enumerate(body, start=1):
        _write_row(ws, r, row, seq, zh)
        r += 1
    total = table.total if rows is None else _sum(body, zh)
    _write_row(ws, r, total, "合计" if zh else "Total", zh, bold=True)
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)

    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 24
    for c in range(3, width + 1):
        ws.column_dimensions[get_column_letter(c)].width = 9
    ws.column_dimensions[last].width = 12
    ws.row_dimensions[4].height = 30
    ws.freeze_panes = ws.cell(FIRST_DATA_ROW, 3)
    ws.print_area = f"A1:{last}{r}"
    ws.print_title_rows = "3:4"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.center.text = "第 &P 页，共 &N 页" if zh else "Page &P of &N"
    return ws


def _sum(rows: Sequence[DispatchRow], zh: bool) -> DispatchRow:
    names = rows[0].figures.keys() if rows else ()
    return DispatchRow("", "合计" if zh else "Total",
                       {n: sum(r.figures[n] for r in rows) for n in names})


_HAZARD_COLUMNS = (("company_name", "被检查单位", "Company", 28),
                   ("town", "乡镇（街道）", "Town", 12),
                   ("inspection_number", "检查记录编号", "Record number", 22),
                   ("description", "隐患描述", "Description", 40),
                   ("grade", "隐患等级", "Grade", 12),
                   ("deadline", "整改期限", "Deadline", 12),
                   ("status", "状态", "Status", 14))


def add_hazard_sheet(wb: Workbook, hazards: Sequence[dict[str, Any]], zh: bool) -> Worksheet:
    """The hazards behind a unit's row: what a department reports (所排查发现的隐患问题)."""
    ws = wb.create_sheet("隐患明细" if zh else "Hazards")
    for c, (_, h_zh, h_en, width) in enumerate(_HAZARD_COLUMNS, start=1):
        cell = ws.cell(1, c, h_zh if zh else h_en)
        cell.font = Font(bold=True)
        cell.border = _BOX
        cell.alignment = _CENTER
        ws.column_dimensions[get_column_letter(c)].width = width
    for r, hazard in enumerate(hazards, start=2):
        for c, (key, _, _, _) in enumerate(_HAZARD_COLUMNS, start=1):
            value = hazard.get(key) or ""
            if key == "grade":
                value = GRADE_LABELS[Grade(value)].zh if zh else GRADE_LABELS[Grade(value)].en
            elif key == "status":
                label = STATUS_LABELS[FindingStatus(value)]
                value = label.zh if zh else label.en
            cell = ws.cell(r, c)
            safe_text(cell, str(value))
            cell.border = _BOX
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return ws


def dispatch_xlsx(table: DispatchTable, title: TableTitle, lang: str = "zh_CN",
                  rows: Sequence[DispatchRow] | None = None,
                  hazards: Sequence[dict[str, Any]] | None = None) -> bytes:
    zh = lang.lower().startswith("zh")
    wb = Workbook()
    add_table_sheet(wb, table, title, zh, rows)
    if hazards is not None:
        add_hazard_sheet(wb, hazards, zh)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def write_dispatch_xlsx(path: Path, data: bytes) -> None:
    write_atomic_checked(Path(path), data)
