"""整改复查意见书 — the re-inspection opinion on the hazards of an order."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from inspector_app.domain.finding import Finding, FindingStatus, Grade
from inspector_app.domain.governance import GovernancePlan
from inspector_app.domain.photo import Photo, PhotoTag
from inspector_app.services.pdf import layout, signature_blocks
from inspector_app.services.pdf.layout import FRAME_W, LIGHT_RED, StrongText, esc, para, styles
from inspector_app.services.pdf.model import ResultInfo, Sheet, photo_source
from inspector_app.services.pdf.texts import (
    fmt_date,
    fmt_datetime,
    grade_label,
    is_en,
    problem_numbers,
    t,
)

RECTIFIED = "rectified"
DRAFT_RED = colors.HexColor("#b3261e")


def _problems(sheet: Sheet) -> list[Finding]:
    """The hazards this re-inspection re-checks: those it has a result for, and those still
    open (not closed by an earlier re-inspection) while it is under way."""
    if sheet.followed is None:
        return []
    checked = {r.finding_id for r in sheet.data.results}
    return sorted((f for f in sheet.followed.record.findings
                   if f.id in checked or f.status is not FindingStatus.CLOSED),
                  key=lambda f: f.seq)


def results_table(sheet: Sheet, results: dict[str, ResultInfo]) -> Table:
    lang = sheet.lang
    st = styles(lang)
    rows: list[list[Any]] = [[para(t(lang, h), st.label) for h in (
        "col_no", "col_problem", "col_old_deadline", "col_reinsp_result", "col_new_deadline")]]
    commands = layout.grid_style()
    for n, f in enumerate(_problems(sheet), start=1):
        problem: list[Flowable] = [para(f.description, st.cell)]
        if f.grade is Grade.MAJOR:
            problem.append(para(grade_label(lang, f.grade), st.small))
        result = results.get(f.id)
        if result is None:
            outcome: list[Flowable] = [para(t(lang, "not_reinspected"), st.cell)]
        elif result.result == RECTIFIED:
            outcome = [para(t(lang, "rectified"), st.cell)]
        else:
            outcome = [StrongText(t(lang, "not_rectified"), st.cell_bold)]
            commands.append(("BACKGROUND", (0, n), (-1, n), LIGHT_RED))
        if result is not None and result.note:
            outcome.append(para(result.note, st.small))
        if f.grade is Grade.MAJOR and result is not None and result.result == RECTIFIED:
            # A major hazard is closed on its governance plan and a recorded acceptance.
            plan = "plan_complete" if GovernancePlan.of(f).complete else "plan_incomplete"
            outcome.append(para(t(lang, plan), st.small))
            if result.accepted_on:
                outcome.append(para(t(lang, "acceptance", fmt_date(lang, result.accepted_on),
                                      result.accepted_by or "",
                                      result.acceptance_conclusion or ""), st.small))
        new_deadline = result.new_deadline if result and result.result != RECTIFIED else None
        rows.append([para(n, st.cell), problem, para(fmt_date(lang, f.deadline), st.cell),
                     outcome, para(fmt_date(lang, new_deadline), st.cell)])
    widths = [11 * mm, 0, 26 * mm, 40 * mm, 26 * mm]
    widths[1] = FRAME_W - sum(widths)
    table = layout.data_table(rows, widths, repeatRows=1)
    table.setStyle(layout.table_style(commands))
    return table


def _caption(sheet: Sheet, label: str, photo: Photo) -> str:
    lang = sheet.lang
    title = photo.caption or photo.original_name or photo.sha256[:12]
    text = f"{esc(label)}　{esc(title)}" if not is_en(lang) else f"{esc(label)}: {esc(title)}"
    if photo.taken_at:
        text += "<br/>" + esc(t(lang, "photo_taken", fmt_datetime(lang, photo.taken_at)))
    return text


def _side(sheet: Sheet, label: str, photo: Photo, width: float) -> list[Flowable]:
    return layout.photo_cell(photo_source(sheet, photo.id), _caption(sheet, label, photo),
                             photo.original_name or photo.sha256[:12], sheet.lang, width,
                             box_h=layout.PHOTO_BOX_H)


def _column(sheet: Sheet, label: str, photos: list[Photo], rows: int, width: float
            ) -> list[list[Flowable] | str]:
    if not photos:
        return [[para(f"{label} {t(sheet.lang, 'no_photo')}", styles(sheet.lang).caption)]]
    cells: list[list[Flowable] | str] = [_side(sheet, label, p, width) for p in photos]
    return cells + [""] * (rows - len(cells))


def photos_section(sheet: Sheet) -> list[Flowable]:
    """Per hazard, before (left) and after (right) side by side: the evidence for the opinion."""
    lang = sheet.lang
    followed = sheet.followed
    out: list[Flowable] = layout.section(t(lang, "sec_reinsp_photos"), lang,
                                         layout.PHOTO_ROW_H + 20 * mm)
    width = layout.photo_width()
    shown = 0
    for n, f in enumerate(_problems(sheet), start=1):
        before = [p for p in (followed.photos if followed else [])
                  if p.finding_id == f.id and p.tag is PhotoTag.BEFORE]
        after = [p for p in sheet.data.photos if p.finding_id == f.id and p.tag is PhotoTag.AFTER]
        if not before and not after:
            continue
        shown += 1
        count = max(len(before), len(after), 1)
        left = _column(sheet, t(lang, "before"), before, count, width)
        right = _column(sheet, t(lang, "after"), after, count, width)
        rows = [[left[i] if i < len(left) else "", right[i] if i < len(right) else ""]
                for i in range(count)]
        table = Table(rows, colWidths=[FRAME_W / 2, FRAME_W / 2])
        table.setStyle(layout.table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                           ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm)]))
        title = para(t(lang, "hazard_heading", n, f.description), styles(lang).subheading)
        # The title stays with the first pair; further pairs may flow onto the next page.
        out += [CondPageBreak(layout.PHOTO_ROW_H + 10 * mm), title, table]
    if not shown:
        out.append(para(t(lang, "no_photos"), styles(lang).body))
    return out


def opinion_text(sheet: Sheet, results: dict[str, ResultInfo]) -> str:
    """Every problem named with its own outcome: accepted, not rectified (with its new deadline)
    or not re-inspected. A problem without a "rectified" result is never said to be accepted."""
    lang = sheet.lang
    accepted: list[int] = []
    pending: list[int] = []
    open_by_day: dict[str, list[int]] = {}
    for n, f in enumerate(_problems(sheet), start=1):
        result = results.get(f.id)
        if result is None:
            pending.append(n)
        elif result.result == RECTIFIED:
            accepted.append(n)
        else:
            open_by_day.setdefault(result.new_deadline or "", []).append(n)
    parts: list[str] = []
    if accepted:
        parts.append(t(lang, "opinion_accepted", problem_numbers(lang, accepted)))
    for day, nums in sorted(open_by_day.items()):
        if day:
            parts.append(t(lang, "opinion_not_rectified", nums=problem_numbers(lang, nums),
                           date=fmt_date(lang, day)))
        else:
            parts.append(t(lang, "opinion_not_rectified_no_date",
                           nums=problem_numbers(lang, nums)))
    if pending:
        parts.append(t(lang, "opinion_pending", problem_numbers(lang, pending)))
    if not parts:
        return t(lang, "opinion_none")
    if is_en(lang):
        return " ".join(p[0].upper() + p[1:] for p in parts)
    return "".join(parts)


def _draft_banner(sheet: Sheet) -> Table:
    """What a draft opinion is, in a red box under its title: not a document to serve."""
    box = Table([[para(t(sheet.lang, "draft_banner"), styles(sheet.lang).cell_bold)]],
                colWidths=[FRAME_W])
    box.setStyle(layout.table_style([("BACKGROUND", (0, 0), (-1, -1), LIGHT_RED),
                                     ("BOX", (0, 0), (-1, -1), 1.2, DRAFT_RED),
                                     ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
                                     ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm)]))
    return box


def render_story(sheet: Sheet) -> list[Flowable]:
    lang, data = sheet.lang, sheet.data
    st = styles(lang)
    results = {r.finding_id: r for r in data.results}
    salutation = f"{data.company.name}：" if not is_en(lang) else f"To: {data.company.name}"
    order = sheet.order
    intro = t(lang, "reinsp_intro", order_date=fmt_date(lang, order.issued_at if order else ""),
              order_number=order.number if order else "",
              date=fmt_date(lang, data.record.started_at))
    banner: list[Flowable] = []
    if sheet.draft:
        banner = [_draft_banner(sheet), Spacer(1, 2 * mm)]
    story: list[Flowable] = [*layout.title_block(sheet), *banner, para(salutation, st.body),
                             para(intro, st.indent),
                             *layout.section(t(lang, "sec_reinsp_results"), lang),
                             results_table(sheet, results)]
    story += photos_section(sheet)
    story += [*layout.section(t(lang, "sec_reinsp_opinion"), lang, 25 * mm),
              para(opinion_text(sheet, results), st.indent)]

    story.append(KeepTogether([layout.heading(t(lang, "sec_reinsp_signatures"), lang),
                               signature_blocks.inspectors_and_receiver(sheet,
                                                                        "sig_reinsp_receiver"),
                               *signature_blocks.authority_block(sheet, sheet.issued_at),
                               Spacer(1, 3 * mm), para(t(lang, "reinsp_copies"), st.small)]))
    return story
