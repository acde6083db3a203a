"""现场检查记录 — the on-site inspection record."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from inspector_app.domain.checklist import (
    Answer,
    Item,
    ItemType,
    as_answer,
    is_answered,
    score,
)
from inspector_app.domain.finding import Finding, Grade
from inspector_app.domain.inspection import KIND_LABELS, Kind
from inspector_app.domain.photo import Photo
from inspector_app.services.pdf import layout, signature_blocks
from inspector_app.services.pdf.layout import (
    FRAME_W,
    LIGHT_RED,
    LIGHT_SHADE,
    StrongText,
    esc,
    para,
    styles,
)
from inspector_app.services.pdf.model import Sheet, photo_source
from inspector_app.services.pdf.texts import (
    answer_label,
    fmt_date,
    fmt_datetime,
    grade_label,
    is_en,
    list_join,
    pick,
    t,
)

_SKIPPED = (ItemType.INFO, ItemType.SIGNATURE)
_CN_NUMERALS = "一二三四五六七八九十"


def render_story(sheet: Sheet) -> list[Flowable]:
    story: list[Flowable] = layout.title_block(sheet)
    story.append(header_table(sheet))
    story += identity_statement(sheet)
    story += findings_section(sheet)
    story += summary_section(sheet)
    story += hazards_section(sheet, t(sheet.lang, "sec_hazards"))
    story += photos_section(sheet, sheet.data.photos, t(sheet.lang, "sec_photos"))
    story += signatures_section(sheet)
    return story


# -- header ----------------------------------------------------------------------------------------
def header_table(sheet: Sheet) -> Table:
    lang, data = sheet.lang, sheet.data
    record, company = data.record, data.company
    if record.ended_at:
        when = t(lang, "time_range", fmt_datetime(lang, record.started_at),
                 fmt_datetime(lang, record.ended_at))
    else:
        when = f"{fmt_datetime(lang, record.started_at)} {t(lang, 'in_progress')}"
    team = ("、" if not is_en(lang) else "; ").join(
        signature_blocks.inspector_name(lang, i.name, i.enforcement_id) for i in record.inspectors)
    template = record.template
    basis = f"{template.title.get(lang)}（{template.version}）" if not is_en(lang) \
        else f"{template.title.get(lang)} (version {template.version})"
    if record.subject_unit_id:
        # A supervision inspection of a town's or a department's work: the unit is named, and
        # no company field is printed empty.
        rows: list[list[tuple[str, object]]] = [[(t(lang, "unit_subject"), company.name)]]
    else:
        rows = [
            [(t(lang, "company"), company.name)],
            [(t(lang, "address"), company.address or "")],
            [(t(lang, "legal_rep"), company.legal_rep or ""),
             (t(lang, "position"), company.legal_rep_position or "")],
            [(t(lang, "contact"), company.contact_name or ""),
             (t(lang, "phone"), company.contact_phone or "")],
        ]
    rows += [
        [(t(lang, "place"), record.place or "")],
        [(t(lang, "time"), when)],
        [(t(lang, "inspectors"), team)],
        [(t(lang, "basis"), basis), (t(lang, "kind"), pick(lang, KIND_LABELS[record.kind]))],
    ]
    if record.revision > 1:
        rows.append([(t(lang, "revision"),
                      t(lang, "revision_of", record.revision, record.amend_reason or ""))])
    return layout.field_table(lang, rows)


def identity_statement(sheet: Sheet) -> list[Flowable]:
    """What the officers say before they start, with their names and credential numbers. A
    company's self-inspection is no enforcement: it has none."""
    lang, record = sheet.lang, sheet.data.record
    if record.kind is Kind.SELF:
        return []
    sep = "、" if not is_en(lang) else ", "
    names = sep.join(i.name for i in record.inspectors)
    ids = sep.join(i.enforcement_id or t(lang, "blank") for i in record.inspectors)
    org = sheet.organisation or t(lang, "blank")
    return [Spacer(1, 2 * mm),
            para(t(lang, "identity_unit" if record.subject_unit_id else "identity", org=org,
                   names=names, ids=ids), styles(lang).indent)]


# -- item by item ----------------------------------------------------------------------------------
def section_label(lang: str, index: int, title: str) -> str:
    if is_en(lang):
        return f"{chr(ord('A') + index) if index < 26 else index + 1}. {title}"
    numeral = _CN_NUMERALS[index] if index < len(_CN_NUMERALS) else str(index + 1)
    return f"（{numeral}）{title}"


def result_text(lang: str, item: Item, value: Any, photo_count: int) -> str:
    if item.type is ItemType.PHOTO:
        return t(lang, "photos_n", photo_count) if photo_count else t(lang, "not_filled")
    if not is_answered(item, value):
        return t(lang, "not_answered" if item.type is ItemType.CHECK else "not_filled")
    if item.type is ItemType.CHECK:
        answer = as_answer(value)
        return answer_label(lang, answer) if answer else str(value)
    if item.type is ItemType.YES_NO:
        return t(lang, "yes") if value else t(lang, "no")
    if item.type is ItemType.NUMBER:
        unit = item.unit.get(lang) if item.unit else ""
        number = f"{value:g}" if isinstance(value, int | float) else str(value)
        return f"{number} {unit}".strip()
    if item.type is ItemType.SINGLE_CHOICE:
        choice = item.choice(value)
        return choice.text.get(lang) if choice else str(value)
    if item.type is ItemType.MULTI_CHOICE:
        chosen = [c.text.get(lang) for c in item.choices if c.value in value]
        return list_join(lang, chosen)
    if item.type is ItemType.DATETIME:
        return fmt_datetime(lang, str(value))
    if item.type is ItemType.DATE:
        return fmt_date(lang, str(value))
    return str(value)


def findings_section(sheet: Sheet) -> list[Flowable]:
    lang = sheet.lang
    st = styles(lang)
    record = sheet.data.record
    merged = record.answers_for_rules()
    shown = record.visibility()
    rows: list[list[Any]] = [[para(t(lang, h), st.label) for h in
                              ("col_no", "col_item", "col_result", "col_note")]]
    commands = layout.grid_style()
    for s_index, section in enumerate(record.sections):
        items = [i for i in section.items if shown.get(i.id) and i.type not in _SKIPPED
                 and (i.required or i.type is ItemType.CHECK
                      or is_answered(i, merged.get(i.id)))]
        if not items:
            continue
        rows.append([para(section_label(lang, s_index, section.title.get(lang)), st.cell_bold),
                     "", "", ""])
        r = len(rows) - 1
        commands += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), LIGHT_SHADE)]
        not_applicable: list[int] = []
        for number, item in enumerate(items, start=1):
            value = record.answers.get(item.id)
            answer = as_answer(value) if item.type is ItemType.CHECK else None
            if answer is Answer.NOT_APPLICABLE and not record.notes.get(item.id):
                # A long standard is mostly "not applicable": one line per section, not a row
                # per item (a not-applicable item with a note keeps its row: the note matters).
                not_applicable.append(number)
                continue
            text = result_text(lang, item, value, record.photo_counts.get(item.id, 0))
            bad = answer is Answer.NON_COMPLIANT
            rows.append([
                para(number, st.cell),
                para(item.text.get(lang), st.cell),
                StrongText(text, st.cell_bold) if bad else para(text, st.cell),
                para(record.notes.get(item.id, ""), st.cell),
            ])
            if bad:
                commands.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), LIGHT_RED))
        if not_applicable:
            key = "not_applicable_one" if len(not_applicable) == 1 else "not_applicable_line"
            rows.append([para(t(lang, key, list_join(lang, not_applicable)), st.small),
                         "", "", ""])
            commands.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
    out: list[Flowable] = layout.section(t(lang, "sec_findings"), lang)
    if len(rows) == 1:
        return [*out, para(t(lang, "no_items"), st.body)]
    widths = [11 * mm, FRAME_W - 11 * mm - 25 * mm - 46 * mm, 25 * mm, 46 * mm]
    table = layout.data_table(rows, widths, repeatRows=1)
    table.setStyle(layout.table_style(commands))
    return [*out, table]


# -- summary ---------------------------------------------------------------------------------------
def summary_section(sheet: Sheet) -> list[Flowable]:
    lang = sheet.lang
    st = styles(lang)
    record = sheet.data.record
    tally = score(record.template, record.answers_for_rules(), record.sections).overall
    total = tally.compliant + tally.non_compliant + tally.not_applicable + tally.unanswered
    pct = f"{tally.compliance:.1f}%" if tally.compliance is not None else t(lang, "score_none")
    open_part = t(lang, "score_open", tally.unanswered) if tally.unanswered else ""
    lines = [t(lang, "score_line", total=total, ok=tally.compliant, bad=tally.non_compliant,
               na=tally.not_applicable, open=open_part, pct=pct)]
    findings = record.findings
    if findings:
        major = sum(1 for f in findings if f.grade is Grade.MAJOR)
        lines.append(t(lang, "hazard_line", n=len(findings), major=major,
                       general=len(findings) - major))
    else:
        lines.append(t(lang, "no_hazards"))
    return [*layout.section(t(lang, "sec_score"), lang, 25 * mm),
            *(para(x, st.body) for x in lines)]


# -- hazards ---------------------------------------------------------------------------------------
def hazard_description(lang: str, finding: Finding) -> list[Flowable]:
    st = styles(lang)
    out: list[Flowable] = [para(finding.description, st.cell)]
    for key, value in (("legal_basis", finding.legal_basis), ("onsite", finding.onsite_measure),
                       ("responsible", finding.responsible)):
        if value:
            out.append(para(t(lang, key, value), st.small))
    return out


def hazards_table(lang: str, findings: list[Finding]) -> Table:
    st = styles(lang)
    rows: list[list[Any]] = [[para(t(lang, h), st.label) for h in
                              ("col_no", "col_hazard", "col_grade", "col_requirement",
                               "col_deadline")]]
    commands = layout.grid_style()
    for f in sorted(findings, key=lambda f: f.seq):
        grade = grade_label(lang, f.grade)
        rows.append([
            para(f.seq, st.cell), hazard_description(lang, f),
            StrongText(grade, st.cell_bold) if f.grade is Grade.MAJOR else para(grade, st.cell),
            para(f.requirement or "", st.cell), para(fmt_date(lang, f.deadline), st.cell),
        ])
    grade_w = 28 * mm if is_en(lang) else 25 * mm
    widths = [11 * mm, 0, grade_w, 46 * mm, 28 * mm]
    widths[1] = FRAME_W - sum(widths)
    table = layout.data_table(rows, widths, repeatRows=1)
    table.setStyle(layout.table_style(commands))
    return table


def hazards_section(sheet: Sheet, title: str) -> list[Flowable]:
    lang = sheet.lang
    findings = sheet.data.record.findings
    if not findings:
        return [*layout.section(title, lang), para(t(lang, "no_hazards"), styles(lang).body)]
    # A hazard's row (description, legal basis, responsible person) is often taller than the
    # usual 30 mm: the title would stand alone at the foot of a page, its table on the next.
    # Up to half a page, the title waits for room for the header and the first hazard.
    first = min(findings, key=lambda f: f.seq)
    first_rows = hazards_table(lang, [first]).wrap(FRAME_W, 1e9)[1]
    need = min(max(30 * mm, first_rows + 12 * mm), 120 * mm)
    return [*layout.section(title, lang, need), hazards_table(lang, findings)]


# -- photos ----------------------------------------------------------------------------------------
def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def photo_caption(sheet: Sheet, number: int, photo: Photo,
                  findings: dict[str, Finding]) -> str:
    lang = sheet.lang
    record = sheet.data.record
    title = photo.caption or photo.original_name or photo.sha256[:12]
    parts = [f"{t(lang, 'photo_no', number)}　{esc(title)}" if not is_en(lang)
             else f"{t(lang, 'photo_no', number)} {esc(title)}"]
    details = []
    if photo.taken_at:
        details.append(t(lang, "photo_taken", fmt_datetime(lang, photo.taken_at)))
    finding = findings.get(photo.finding_id or "")
    if finding is not None:
        details.append(t(lang, "photo_of_hazard", finding.seq, _clip(finding.description)))
    elif photo.item_id:
        try:
            text = record.template.item(photo.item_id).text.get(lang)
        except KeyError:
            text = photo.item_id
        details.append(t(lang, "photo_of_item", _clip(text)))
    if details:
        parts.append(esc(" · ".join(details)))
    return "<br/>".join(parts)


def ordered_photos(sheet: Sheet, photos: list[Photo]) -> list[Photo]:
    """Hazard photos by hazard number, then item photos in checklist order, then the rest."""
    record = sheet.data.record
    seq = {f.id: f.seq for f in record.findings}
    order = {item.id: n for n, item in enumerate(record.template.items)}

    def key(photo: Photo) -> tuple[int, int, str]:
        if photo.finding_id in seq:
            return (0, seq[photo.finding_id], photo.created_at or "")
        if photo.item_id in order:
            return (1, order[photo.item_id], photo.created_at or "")
        return (2, 0, photo.created_at or "")

    return sorted(photos, key=key)


def photos_section(sheet: Sheet, photos: list[Photo], title: str) -> list[Flowable]:
    lang = sheet.lang
    out: list[Flowable] = layout.section(title, lang, layout.PHOTO_ROW_H + 12 * mm)
    if not photos:
        return [*out, para(t(lang, "no_photos"), styles(lang).body)]
    findings = {f.id: f for f in sheet.data.record.findings}
    width = layout.photo_width()
    cells = [layout.photo_cell(photo_source(sheet, p.id), photo_caption(sheet, n, p, findings),
                               p.original_name or p.sha256[:12], lang, width)
             for n, p in enumerate(ordered_photos(sheet, photos), start=1)]
    return [*out, layout.photo_grid(cells, lang)]


# -- signatures ------------------------------------------------------------------------------------
def signatures_section(sheet: Sheet) -> list[Flowable]:
    lang = sheet.lang
    data = sheet.data
    company = data.signatures_of("company")
    witness = data.signatures_of("witness")
    inspectors = data.signatures_of("inspector")
    refused = any(s.refused for s in company)
    col_w = FRAME_W / 3 - 8 * mm
    company_people: list[tuple[Any, str]] = [] if refused else (
        [(s, s.signer_name) for s in company] or [(None, data.company.contact_name or "")])
    columns = [
        signature_blocks.signature_cell(lang, t(lang, "sig_company"), company_people, col_w,
                              None if refused else signature_blocks.signed_date(lang, company),
                              note=t(lang, "sig_refused") if refused else None),
        signature_blocks.signature_cell(lang, t(lang, "sig_inspectors"),
                              signature_blocks.inspector_people(sheet, inspectors), col_w,
                              signature_blocks.signed_date(lang, inspectors)),
        signature_blocks.signature_cell(lang, t(lang, "sig_witness"),
                              [(s, s.signer_name) for s in witness] or [(None, "")], col_w,
                              signature_blocks.signed_date(lang, witness)),
    ]
    record = data.record
    day = record.ended_at or record.started_at
    block: list[Flowable] = [layout.heading(t(lang, "sec_signatures"), lang),
                             signature_blocks.signature_table(columns), Spacer(1, 4 * mm),
                             Paragraph(esc(fmt_date(lang, day)), styles(lang).right)]
    return [KeepTogether(block)]
