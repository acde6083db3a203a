"""The circular on the district's emergency-plan work (关于全区应急预案编修工作情况的通报), as a
numbered PDF in the layout of the dispatch circular and as a spreadsheet: each unit done, in
progress or not started toward its deadline, the overdue filings, and the drills held.

The wording is the office's own report of the figures, not a legal text. The number comes from
the same per-office counter as the dispatch circular, taken only when the file is written.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from inspector_app.domain.bilingual import Bilingual, counted, written_day
from inspector_app.domain.emergency import (
    PLAN_STATUS_LABELS,
    PROGRESS_LABELS,
    Progress,
    label,
)
from inspector_app.errors import ValidationError
from inspector_app.i18n import N_
from inspector_app.services.emergency import EmergencyService, PlanView, UnitProgress
from inspector_app.services.pdf.fonts import register_fonts
from inspector_app.services.pdf.layout import esc
from inspector_app.services.reports.circular import (
    RED,
    circular_number_for,
    circular_styles,
    letterhead,
    signed_off,
)
from inspector_app.services.reports.dispatch_xlsx import safe_text
from inspector_app.storage.circulars_repo import numbering
from inspector_app.storage.files import write_atomic_checked
from inspector_app.storage.repositories import SettingsRepo

# One title for the PDF and the spreadsheet: the office files them as one circular.
TITLE = Bilingual(zh="关于全区应急预案编修工作情况的通报",
                  en="Circular on the district's emergency-plan work")

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class PlanCircular:
    today: date
    zh: bool
    units: list[UnitProgress]
    overdue_units: list[UnitProgress]
    unfiled: dict[str, list[PlanView]]       # unit id -> its plans not yet filed
    behind: list[PlanView]                   # units' plans overdue for a drill
    plans: int
    filed: int
    drills: int

    def count(self, progress: Progress) -> int:
        return sum(1 for u in self.units if u.progress == progress)


def prepare(svc: EmergencyService, today: date, lang: str | None) -> PlanCircular:
    units = svc.unit_progress(today)
    views = [v for v in svc.plan_views(today) if v.row["unit_id"]]
    unfiled: dict[str, list[PlanView]] = {}
    for v in views:
        if v.row["status"] != "filed":
            unfiled.setdefault(v.row["unit_id"], []).append(v)
    return PlanCircular(
        today, (lang or "zh_CN").startswith("zh"), units, [u for u in units if u.overdue],
        unfiled, [v for v in views if v.drill_behind], len(views),
        sum(1 for v in views if v.row["status"] == "filed"), sum(u.drills for u in units))


def _figures(c: PlanCircular) -> str:
    """A digest of what the circular says, whatever its language."""
    said = repr((c.plans, c.filed, c.drills, [repr(u) for u in c.units], sorted(c.unfiled),
                 sorted(v.row["id"] for v in c.behind)))
    return hashlib.sha256(said.encode()).hexdigest()[:16]


def _day(d: date | None, zh: bool) -> str:
    if d is None:
        return "—"
    return written_day(d, zh)


def _deadline(d: date | None, zh: bool) -> str:
    """A unit's deadline in the table: Chinese as the sentences write a day, English as ISO."""
    if d is None:
        return "—"
    return written_day(d, zh) if zh else d.isoformat()


def circular_pdf(db: Database, c: PlanCircular, number: str) -> bytes:
    font = register_fonts()
    zh = c.zh
    st = circular_styles(font)
    base, plain, head, title, small = st.base, st.plain, st.head, st.title, st.small
    issuer = SettingsRepo(db).get("organisation") or ""
    done, doing, idle = (c.count(p) for p in Progress)
    story: list = letterhead(db, number, zh, st)
    if zh:
        story += [Paragraph(TITLE.zh, title),
                  Paragraph("各乡镇（街道）、区直有关部门：", plain),
                  Paragraph(f"截至{_day(c.today, zh)}，全区{len(c.units)}个单位中，已完成预案"
                            f"编制、修订并备案的{done}个，正在推进的{doing}个，尚未启动的{idle}个；"
                            f"登记预案{c.plans}件，已备案{c.filed}件；{c.today.year}年以来共开展"
                            f"应急演练{c.drills}次。现将有关情况通报如下：", base)]
    else:
        story += [Paragraph(TITLE.en, title),
                  Paragraph(f"As of {_day(c.today, zh)}: of {counted(len(c.units), 'unit')}, "
                            f"{done} {'has' if done == 1 else 'have'} compiled, revised and "
                            f"filed their plans, {doing} {'is' if doing == 1 else 'are'} in "
                            f"progress and {idle} {'has' if idle == 1 else 'have'} not started; "
                            f"{counted(c.plans, 'plan')} registered, {c.filed} filed; "
                            f"{counted(c.drills, 'drill')} held in {c.today.year}.", base)]

    story.append(Paragraph("一、各单位预案编修情况" if zh else "1. By unit", head))
    header = (["序号", "单位", "预案数", "已备案", "推进中", "未启动", "完成时限", "进度",
               "演练次数"] if zh else
              ["No.", "Unit", "Plans", "Filed", "In progress", "Not started", "Deadline",
               "Progress", "Drills"])
    body = []
    for n, u in enumerate(c.units, start=1):
        body.append([n, Paragraph(esc(u.unit_name), small), u.plans, u.done, u.in_progress,
                     u.not_started, _deadline(u.deadline, zh),
                     label(PROGRESS_LABELS, u.progress, "zh" if zh else "en"), u.drills])
    # A Chinese deadline is written as the text around it writes it (2026年11月30日), on one line.
    widths = (10, 42, 14, 14, 14, 14, 26, 18, 16) if zh else (10, 42, 14, 14, 16, 16, 22, 18, 16)
    t = Table([header, *body], colWidths=[w * mm for w in widths], repeatRows=1)
    style = [("FONT", (0, 0), (-1, -1), font, 8),
             ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
             ("ALIGN", (2, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee"))]
    for n, u in enumerate(c.units, start=1):
        if u.overdue:
            style.append(("TEXTCOLOR", (7, n), (7, n), RED))
    t.setStyle(TableStyle(style))
    story.append(t)

    story.append(Paragraph("二、逾期未完成备案的单位" if zh else
                           "2. Units past their deadline without filing", head))
    if c.overdue_units:
        for u in c.overdue_units:
            plans = c.unfiled.get(u.unit_id, [])
            lang = "zh" if zh else "en"
            states = [(esc(v.row["title"]), label(PLAN_STATUS_LABELS, v.row["status"], lang))
                      for v in plans]
            listed = ("、".join(f"《{t}》（{s}）" for t, s in states) if zh
                      else "; ".join(f"{t} ({s})" for t, s in states))
            if zh:
                text = (f"{esc(u.unit_name)}：完成时限{_day(u.deadline, zh)}，"
                        + (f"尚有{listed}未备案。" if plans else "尚未启动预案编制。"))
            else:
                text = (f"{esc(u.unit_name)}: due {_day(u.deadline, zh)}; "
                        + (f"not filed: {listed}." if plans else "has not started."))
            story.append(Paragraph(text, base))
    else:
        story.append(Paragraph("无。" if zh else "None.", base))

    story.append(Paragraph("三、应急演练开展情况" if zh else "3. Drills", head))
    held = [u for u in c.units if u.drills]
    if zh:
        story.append(Paragraph(
            f"{c.today.year}年以来，共有{len(held)}个单位开展应急演练{c.drills}次"
            + ("（" + "、".join(f"{esc(u.unit_name)}{u.drills}次" for u in held) + "）" if held
               else "") + "。", base))
    else:
        story.append(Paragraph(f"{counted(len(held), 'unit')} held "
                               f"{counted(c.drills, 'drill')} in {c.today.year}.", base))
    if c.behind:
        story.append(Paragraph(
            ("未按规定频次开展演练的预案：" if zh else "Plans not drilled as often as required: ")
            + ("、".join if zh else "; ".join)(
                f"{esc(v.row['owner_name'])}《{esc(v.row['title'])}》" if zh else
                f"{esc(v.row['owner_name'])}: {esc(v.row['title'])}" for v in c.behind)
            + ("。" if zh else "."), base))
    if zh:
        story.append(Paragraph("请尚未完成的单位抓紧推进，按时限完成预案编制、修订和备案工作，"
                               "并按规定频次组织开展应急演练。", base))
    story = signed_off(story, issuer, _day(c.today, zh), st)

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm, title=number, author=issuer)

    def footer(canvas, doc_) -> None:
        canvas.saveState()
        canvas.setFont(font, 9)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, f"— {doc_.page} —")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def circular_xlsx(c: PlanCircular, number: str) -> bytes:
    zh = c.zh
    wb = Workbook()
    ws = wb.active
    ws.title = "预案编修" if zh else "Plans"
    header = (["序号", "单位", "预案数", "已备案", "推进中", "未启动", "完成时限", "进度",
               "是否逾期", "演练次数"] if zh else
              ["No.", "Unit", "Plans", "Filed", "In progress", "Not started", "Deadline",
               "Progress", "Overdue", "Drills"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.cell(1, 1, TITLE.zh if zh else TITLE.en)
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.cell(2, 1, f"{number}　截至{written_day(c.today, zh)}" if zh
            else f"{number}　as of {c.today.isoformat()}")
    thin = Side(style="thin")
    for col, text in enumerate(header, start=1):
        cell = ws.cell(3, col, text)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="EEEEEE")
    for n, u in enumerate(c.units, start=1):
        values = [n, u.unit_name, u.plans, u.done, u.in_progress, u.not_started,
                  u.deadline.isoformat() if u.deadline else "",
                  label(PROGRESS_LABELS, u.progress, "zh" if zh else "en"),
                  ("是" if zh else "yes") if u.overdue else "", u.drills]
        for col, value in enumerate(values, start=1):
            if isinstance(value, str):
                safe_text(ws.cell(3 + n, col), value)  # a unit's name is never a formula
            else:
                ws.cell(3 + n, col, value)
    total = 3 + len(c.units) + 1
    ws.cell(total, 2, "合计" if zh else "Total")
    for col, key in ((3, "plans"), (4, "done"), (5, "in_progress"), (6, "not_started"),
                     (10, "drills")):
        ws.cell(total, col, sum(getattr(u, key) for u in c.units))
    for row in ws.iter_rows(min_row=3, max_row=total, max_col=len(header)):
        for cell in row:
            cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    ws.column_dimensions["B"].width = 28
    # Text cells beside a filled one are cut at the column's edge: wide enough for a date,
    # "In progress", "Not started" and the headers, in either language.
    for column in "CDEFGHIJ":
        ws.column_dimensions[column].width = 12
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"  # a second printed page keeps the headings
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_circular(db: Database, svc: EmergencyService, path: Path, today: date,
                   lang: str | None) -> str:
    """Write the PDF or xlsx; the number is taken in the transaction that writes the file."""
    suffix = path.suffix.lower()
    if path.is_dir():
        raise ValidationError(N_("{path} is a folder; give a file name."), path=path)
    if suffix not in (".pdf", ".xlsx"):
        raise ValidationError(N_("{path}: the circular is written as .pdf or .xlsx, not "
                                 "{value}."),
                              path=path, value=suffix or 'a file without an extension')
    if not path.parent.is_dir():
        raise ValidationError(N_("The folder {parent} does not exist."), parent=path.parent)
    circular = prepare(svc, today, lang)
    with numbering(db):
        # Written as PDF and as xlsx, or again, the same day's circular keeps its number; with
        # other figures (a plan added since) it is another circular.
        number = circular_number_for(db, "plans", f"{today.isoformat()} {_figures(circular)}",
                                     today, "关于全区应急预案编修工作情况的通报")
        data = (circular_pdf(db, circular, number) if suffix == ".pdf"
                else circular_xlsx(circular, number))
        write_atomic_checked(path, data)
    return number
