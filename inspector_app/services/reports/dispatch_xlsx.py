"""The dispatch table as a spreadsheet, laid out as a government statistics table is.

A title over the whole width, the reporting unit (填报单位) and the period (统计时段) under it,
headers in two rows with the groups merged above their columns, one row per unit, a totals row
(合计), the header frozen and printed on every page, an A4 landscape page that fits the width.
Every overdue major hazard is listed in the annex (附件), a sheet of its own, as in the circular.
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

from inspector_app.domain.bilingual import Bilingual
from inspector_app.domain.finding import GRADE_LABELS, STATUS_LABELS, FindingStatus, Grade
from inspector_app.storage.dispatch_stats import DispatchRow, DispatchTable
from inspector_app.storage.files import write_atomic_checked

# (figure or computed name, header); a group is (header, columns) and a group of one column
# spans both header rows.
Column = tuple[str, Bilingual]
HEADER: tuple[tuple[Bilingual, tuple[Column, ...]], ...] = (
    (Bilingual(zh="序号", en="No."), (("seq", Bilingual(zh="序号", en="No.")),)),
    (Bilingual(zh="单位", en="Unit"), (("label", Bilingual(zh="单位", en="Unit")),)),
    (Bilingual(zh="企业覆盖", en="Companies"), (
        ("companies_in_scope", Bilingual(zh="应检企业数", en="In scope")),
        ("companies_inspected", Bilingual(zh="已检企业数", en="Inspected")),
        ("coverage", Bilingual(zh="覆盖率", en="Coverage")))),
    (Bilingual(zh="检查情况", en="Inspections"), (
        ("inspections_official", Bilingual(zh="执法检查", en="Official")),
        ("inspections_self", Bilingual(zh="企业自查", en="Self")),
        ("reinspections", Bilingual(zh="复查", en="Re-inspections")))),
    (Bilingual(zh="排查隐患", en="Hazards found"), (
        ("hazards_major", Bilingual(zh="重大", en="Major")),
        ("hazards_general", Bilingual(zh="一般", en="General")),
        ("hazards", Bilingual(zh="合计", en="Total")))),
    (Bilingual(zh="整改落实", en="Rectification"), (
        ("rectified", Bilingual(zh="已整改", en="Rectified")),
        ("rectification_rate", Bilingual(zh="整改率", en="Rate")),
        ("overdue", Bilingual(zh="逾期未整改", en="Overdue")),
        ("overdue_major", Bilingual(zh="其中重大", en="of which major")))),
    (Bilingual(zh="执法措施", en="Enforcement"), (
        ("orders", Bilingual(zh="责令整改指令书", en="Orders")),
        ("onsite_measures", Bilingual(zh="现场处理措施", en="On-site measures")),
        ("escalations", Bilingual(zh="曝光查处", en="Escalated")))),
    (Bilingual(zh="备注", en="Remarks"), (("remark", Bilingual(zh="备注", en="Remarks")),)),
)
COLUMNS: tuple[Column, ...] = tuple(c for _, cols in HEADER for c in cols)
FIRST_DATA_ROW = 5
_PERCENT = {"coverage", "rectification_rate"}
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_FORMULA_START = ("=", "+", "-", "@")


ANNEX_TITLE = Bilingual(zh="逾期未整改重大事故隐患清单", en="Overdue major accident hazards")


@dataclass(frozen=True)
class TableTitle:
    title: str
    reporting_unit: str     # 填报单位
    period: str             # 统计时段, already worded
    basis: str = ""         # 统计口径: what the figures count, under the table


def safe_text(cell: Any, text: str) -> None:
    """A name typed by someone is shown as text, never run as a formula."""
    cell.value = text
    if text.startswith(_FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True


NOTHING = Bilingual(zh="本期无检查", en="Nothing this period")
REINSPECTIONS_ONLY = Bilingual(zh="本期无检查，仅有复查", en="No inspection, re-inspections only")


def remark(row: DispatchRow) -> Bilingual:
    """The remark of a unit's row: with no official or self-inspection in the period, whether
    it re-inspected (a figure of its own, not an inspection); blank otherwise and on the total."""
    if not (row.silent and row.key):
        return Bilingual(zh="", en="")
    return REINSPECTIONS_ONLY if row.figures["reinspections"] else NOTHING


def _value(row: DispatchRow, name: str, seq: int | str, zh: bool) -> Any:
    if name == "seq":
        return seq
    if name == "label":
        return row.label
    if name == "remark":
        return remark(row).zh if zh else remark(row).en
    if name in _PERCENT:
        return getattr(row, name)
    if name in ("hazards",):
        return row.hazards
    return row.figures[name]


def _write_header(ws: Worksheet, zh: bool) -> None:
    col = 1
    lang = "zh_CN" if zh else "en"
    for group, cols in HEADER:
        first = col
        if len(cols) == 1:
            ws.cell(3, col, cols[0][1].in_(lang))
            ws.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
            col += 1
        else:
            ws.cell(3, col, group.in_(lang))
            for _, header in cols:
                ws.cell(4, col, header.in_(lang))
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
    for c, (name, _) in enumerate(COLUMNS, start=1):
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
    if title.basis:
        r += 1
        safe_text(ws.cell(r, 1), title.basis)
        ws.cell(r, 1).alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        ws.row_dimensions[r].height = 30

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


_HAZARD_COLUMNS = (("company_name", Bilingual(zh="被检查单位", en="Company"), 28),
                   ("town", Bilingual(zh="乡镇（街道）", en="Town"), 12),
                   ("inspection_number", Bilingual(zh="检查记录编号", en="Record number"), 22),
                   ("description", Bilingual(zh="隐患描述", en="Description"), 40),
                   ("grade", Bilingual(zh="隐患等级", en="Grade"), 12),
                   ("deadline", Bilingual(zh="整改期限", en="Deadline"), 12),
                   ("status", Bilingual(zh="状态", en="Status"), 14))


_ANNEX_COLUMNS = (("seq", Bilingual(zh="序号", en="No."), 6),
                  ("company_name", Bilingual(zh="企业名称", en="Company"), 28),
                  ("town", Bilingual(zh="乡镇（街道）", en="Town"), 12),
                  ("description", Bilingual(zh="隐患", en="Hazard"), 44),
                  ("deadline", Bilingual(zh="整改期限", en="Deadline"), 12),
                  ("days_overdue", Bilingual(zh="逾期天数", en="Days overdue"), 10),
                  ("responsible", Bilingual(zh="整改责任人", en="Responsible"), 12))


def annex_note(count: int, zh: bool) -> str:
    return (f"附件：{ANNEX_TITLE.zh}（共{count}项，见工作表“附件”）" if zh else
            f"Annex: {ANNEX_TITLE.en} ({count}, on the sheet 'Annex')")


def add_annex_sheet(wb: Workbook, hazards: Sequence[dict[str, Any]], zh: bool) -> Worksheet:
    """附件: every overdue major hazard, as the circular's annex lists them."""
    ws = wb.create_sheet("附件" if zh else "Annex")
    width = len(_ANNEX_COLUMNS)
    ws.cell(1, 1, "附件" if zh else "Annex").font = Font(bold=True)
    ws.cell(2, 1, ANNEX_TITLE.zh if zh else ANNEX_TITLE.en).font = Font(bold=True, size=14)
    ws.cell(2, 1).alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    for c, (_, header, column_width) in enumerate(_ANNEX_COLUMNS, start=1):
        cell = ws.cell(3, c, header.zh if zh else header.en)
        cell.font = Font(bold=True)
        cell.border = _BOX
        cell.alignment = _CENTER
        ws.column_dimensions[get_column_letter(c)].width = column_width
    for r, hazard in enumerate(hazards, start=4):
        values = {**hazard, "seq": r - 3, "deadline": (hazard.get("deadline") or "")[:10]}
        for c, (key, _, _) in enumerate(_ANNEX_COLUMNS, start=1):
            value = values.get(key)
            cell = ws.cell(r, c)
            if isinstance(value, int):
                cell.value = value
            else:
                safe_text(cell, str(value or ""))
            cell.border = _BOX
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return ws


def add_hazard_sheet(wb: Workbook, hazards: Sequence[dict[str, Any]], zh: bool) -> Worksheet:
    """The hazards behind a unit's row: what a department reports (所排查发现的隐患问题)."""
    ws = wb.create_sheet("隐患明细" if zh else "Hazards")
    for c, (_, header, width) in enumerate(_HAZARD_COLUMNS, start=1):
        cell = ws.cell(1, c, header.zh if zh else header.en)
        cell.font = Font(bold=True)
        cell.border = _BOX
        cell.alignment = _CENTER
        ws.column_dimensions[get_column_letter(c)].width = width
    for r, hazard in enumerate(hazards, start=2):
        for c, (key, _, _) in enumerate(_HAZARD_COLUMNS, start=1):
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
                  hazards: Sequence[dict[str, Any]] | None = None,
                  annex: Sequence[dict[str, Any]] = ()) -> bytes:
    """The table; a unit's own report adds its ``hazards``, and the ``annex`` (overdue major
    hazards, with their days overdue) has a sheet of its own, named under the table."""
    zh = lang.lower().startswith("zh")
    wb = Workbook()
    ws = add_table_sheet(wb, table, title, zh, rows)
    if annex:
        r = ws.max_row + 1
        safe_text(ws.cell(r, 1), annex_note(len(annex), zh))
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(COLUMNS))
        ws.print_area = f"A1:{get_column_letter(len(COLUMNS))}{r}"
    if hazards is not None:
        add_hazard_sheet(wb, hazards, zh)
    if annex:
        add_annex_sheet(wb, annex, zh)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def write_dispatch_xlsx(path: Path, data: bytes) -> None:
    write_atomic_checked(Path(path), data)
