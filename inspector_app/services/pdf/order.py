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
    list_join,
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


def deadline_groups(lang: str, findings: list[Finding]) -> str:
    """"第1、3项问题于2026年12月1日前整改完毕，第2项问题于…": the problems by deadline."""
    by_day: dict[str, list[int]] = {}
    for n, f in enumerate(sorted(findings, key=lambda f: f.seq), start=1):
        by_day.setdefault(f.deadline or "", []).append(n)
    groups = [t(lang, "order_group", nums=list_join(lang, nums), date=fmt_date(lang, day))
              for day, nums in sorted(by_day.items())]
    if is_en(lang):
        groups = [("problem " if "," not in g.split(" by ")[0] else "problems ") + g
                  for g in groups]
    return ("; " if is_en(lang) else "，").join(groups)


def render_story(sheet: Sheet) -> list[Flowable]:
    lang, data = sheet.lang, sheet.data
    st = styles(lang)
    record = data.record
    salutation = f"{data.company.name}：" if not is_en(lang) else f"To: {data.company.name}"
    story: list[Flowable] = [*layout.title_block(sheet), para(salutation, st.body)]
    story += [para(t(lang, "order_found"), st.indent), problems_table(lang, record.findings),
              Spacer(1, 3 * mm)]
    story += [para(t(lang, "order_rectify", groups=deadline_groups(lang, record.findings)),
                   st.indent),
              para(t(lang, "order_meanwhile"), st.indent),
              para(signature_blocks.review_paragraph(sheet, "review_order"), st.indent)]

    # Dated with the day the order was issued (signed on site), never the day it is printed.
    closing: list[Flowable] = [Spacer(1, 3 * mm), signature_blocks.inspectors_and_receiver(sheet),
                               *signature_blocks.authority_block(sheet, sheet.issued_at),
                               Spacer(1, 3 * mm), para(t(lang, "order_copies"), st.small)]
    story.append(KeepTogether(closing))
    return story
