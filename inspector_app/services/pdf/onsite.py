"""现场处理措施决定书 — the decision on measures taken on the spot (停止作业, 撤出人员 …).

Raised from the hazards whose on-site measure was recorded: each hazard is listed as found, and
each measure as the decision taken, under 《安全生产法》第六十五条第一款第（三）项.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from inspector_app.domain.finding import Finding, Grade
from inspector_app.services.pdf import layout, signature_blocks
from inspector_app.services.pdf.layout import FRAME_W, StrongText, para, styles
from inspector_app.services.pdf.model import Sheet
from inspector_app.services.pdf.texts import fmt_date, grade_label, is_en, t


def measured(findings: list[Finding]) -> list[Finding]:
    """The hazards a measure was taken for on the spot, in their order."""
    return sorted((f for f in findings if (f.onsite_measure or "").strip()), key=lambda f: f.seq)


def _table(rows: list[list[Any]], widths: list[float]) -> Table:
    widths[1] = FRAME_W - sum(widths)
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(layout.table_style(layout.grid_style()))
    return table


def hazards_table(lang: str, findings: list[Finding]) -> Table:
    """What was found: the hazards, numbered as the decisions refer to them."""
    st = styles(lang)
    rows: list[list[Any]] = [[para(t(lang, h), st.label) for h in ("col_no", "col_hazard")]]
    for n, f in enumerate(findings, start=1):
        problem: list[Flowable] = [para(f.description, st.cell)]
        if f.grade is Grade.MAJOR:
            problem.append(StrongText(grade_label(lang, f.grade), st.cell_bold))
        if f.legal_basis:
            problem.append(para(t(lang, "legal_basis", f.legal_basis), st.small))
        rows.append([para(n, st.cell), problem])
    return _table(rows, [11 * mm, 0])


def measures_table(lang: str, findings: list[Finding]) -> Table:
    """What was decided: one measure per hazard, naming the hazard it answers."""
    st = styles(lang)
    rows: list[list[Any]] = [[para(t(lang, h), st.label) for h in
                              ("col_no", "col_measure", "col_for")]]
    for n, f in enumerate(findings, start=1):
        rows.append([para(n, st.cell), para(f.onsite_measure or "", st.cell),
                     para(t(lang, "for_problem", n), st.cell)])
    return _table(rows, [11 * mm, 0, 30 * mm])


def render_story(sheet: Sheet) -> list[Flowable]:
    lang, data = sheet.lang, sheet.data
    st = styles(lang)
    salutation = f"{data.company.name}：" if not is_en(lang) else f"To: {data.company.name}"
    story: list[Flowable] = [
        *layout.title_block(sheet), para(salutation, st.body),
        para(t(lang, "onsite_found", date=fmt_date(lang, data.record.started_at)), st.indent),
        hazards_table(lang, measured(data.record.findings)), Spacer(1, 2 * mm),
        para(t(lang, "onsite_basis", basis=t(lang, "onsite_law")), st.indent),
        measures_table(lang, measured(data.record.findings)), Spacer(1, 3 * mm),
        para(signature_blocks.review_paragraph(sheet, "review_onsite"), st.indent)]
    closing: list[Flowable] = [Spacer(1, 3 * mm), signature_blocks.inspectors_and_receiver(sheet),
                               *signature_blocks.authority_block(sheet, sheet.issued_at),
                               Spacer(1, 3 * mm), para(t(lang, "order_copies"), st.small)]
    story.append(KeepTogether(closing))
    return story
