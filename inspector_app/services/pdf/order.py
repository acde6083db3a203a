"""责令限期整改指令书 — the order to rectify within a deadline."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from inspector_app.domain.finding import Finding, Grade
from inspector_app.services.pdf import layout, signature_blocks
from inspector_app.services.pdf.layout import FRAME_W, StrongText, para, styles
from inspector_app.services.pdf.model import Sheet
from inspector_app.services.pdf.texts import (
    fmt_date,
    grade_label,
    is_en,
    order_wording,
    t,
)


def problems_table(lang: str, findings: list[Finding]) -> Table:
    """The numbered problems, each with its own requirement, legal basis and deadline."""
    st = styles(lang)
    rows: list[list[Any]] = [[para(t(lang, h), st.label) for h in
                              ("col_no", "col_hazard", "col_requirement", "col_deadline")]]
    for n, f in enumerate(sorted(findings, key=lambda f: f.seq), start=1):
        problem: list[Flowable] = [para(f.description, st.cell)]
        if f.grade is Grade.MAJOR:
            problem.append(StrongText(grade_label(lang, f.grade), st.cell_bold))
        if f.legal_basis:
            problem.append(para(t(lang, "legal_basis", f.legal_basis), st.small))
        rows.append([para(n, st.cell), problem, para(f.requirement or "", st.cell),
                     para(t(lang, "order_by", fmt_date(lang, f.deadline)), st.cell)])
    widths = [11 * mm, 0, 55 * mm, 32 * mm]
    widths[1] = FRAME_W - sum(widths)
    table = layout.data_table(rows, widths, repeatRows=1)
    table.setStyle(layout.table_style(layout.grid_style()))
    return table


def render_story(sheet: Sheet) -> list[Flowable]:
    lang, data = sheet.lang, sheet.data
    st = styles(lang)
    record = data.record
    salutation = f"{data.company.name}：" if not is_en(lang) else f"To: {data.company.name}"
    story: list[Flowable] = [*layout.title_block(sheet), para(salutation, st.body)]
    found = (t(lang, "order_found_record", record.number) if record.number
             else t(lang, "order_found"))
    story += [para(found, st.indent), problems_table(lang, record.findings), Spacer(1, 3 * mm)]
    story += [para(text, st.indent) for text in order_wording(lang)]

    closing: list[Flowable] = [Spacer(1, 3 * mm), signature_blocks.inspectors_and_receiver(sheet),
                               *signature_blocks.authority_block(sheet, sheet.issued_at),
                               Spacer(1, 3 * mm), para(t(lang, "order_copies"), st.small)]
    story.append(KeepTogether(closing))
    return story

