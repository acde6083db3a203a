"""Signature blocks: each person's handwritten signature (or a line to sign on) and name."""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Spacer, Table

from inspector_app.services.pdf.layout import (
    FRAME_W,
    LINE,
    SignLine,
    StrongText,
    para,
    styles,
    table_style,
)
from inspector_app.services.pdf.model import Sheet, SignatureInfo
from inspector_app.services.pdf.texts import fmt_date, is_en, t


def signature_image(sig: SignatureInfo, width: float, height: float = 14 * mm) -> Flowable:
    """A signature drawn from its PNG (small: fine to embed as pixels)."""
    if not sig.png:
        return SignLine(width, height)
    try:
        reader = ImageReader(io.BytesIO(sig.png))
        reader.getSize()
    except Exception:  # a damaged image must not stop the document: leave the line blank
        return SignLine(width, height)
    image = Image(io.BytesIO(sig.png), width=width, height=height, kind="bound")
    image.hAlign = "LEFT"
    return image


def signature_cell(lang: str, label: str, people: Sequence[tuple[SignatureInfo | None, str]],
                   width: float, date_text: str | None, note: str | None = None
                   ) -> list[Flowable]:
    """A labelled box: each person's signature (or a line to sign on) with the name under it."""
    st = styles(lang)
    out: list[Flowable] = [para(label, st.label)]
    if note:
        out.append(StrongText(note, st.cell_bold))
    for sig, name in people:
        out.append(signature_image(sig, width) if sig else SignLine(width))
        if name:
            out.append(para(name, st.small))
    if date_text is not None:
        out.append(Spacer(1, 1 * mm))
        out.append(para(t(lang, "sig_date", date_text) if date_text
                        else t(lang, "sig_blank_date"), st.small))
    return out


def inspectors_and_receiver(sheet: Sheet, receiver_label: str = "sig_receiver") -> Table:
    """The officers who issue a document (with their credential numbers) and the company's
    person in charge who receives it, labelled as the 执法文书 formats label them."""
    lang, data = sheet.lang, sheet.data
    inspectors = data.signatures_of("inspector")
    company = data.signatures_of("company")
    refused = any(s.refused for s in company)
    col_w = FRAME_W / 2 - 10 * mm
    receiver: list[tuple[SignatureInfo | None, str]] = [] if refused else (
        [(s, s.signer_name) for s in company] or [(None, "")])
    return signature_table([
        signature_cell(lang, t(lang, "sig_officers"), inspector_people(sheet, inspectors),
                       col_w, signed_date(lang, inspectors)),
        signature_cell(lang, t(lang, receiver_label), receiver, col_w,
                       None if refused else signed_date(lang, company),
                       note=t(lang, "sig_refused") if refused else None),
    ])


def signature_table(columns: Sequence[list[Flowable]]) -> Table:
    width = FRAME_W / len(columns)
    table = Table([list(columns)], colWidths=[width] * len(columns))
    table.setStyle(table_style([("GRID", (0, 0), (-1, -1), 0.5, LINE),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 4),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return table


def inspector_people(sheet: Sheet, signatures: Sequence[SignatureInfo]
                     ) -> list[tuple[SignatureInfo | None, str]]:
    """The inspectors of the record, each with their signature if they signed."""
    by_inspector = {s.inspector_id: s for s in signatures if s.inspector_id}
    by_name = {s.signer_name: s for s in signatures}
    people: list[tuple[SignatureInfo | None, str]] = []
    seen: set[str] = set()
    for inspector in sheet.data.record.inspectors:
        sig = by_inspector.get(inspector.id) or by_name.get(inspector.name)
        if sig:
            seen.add(sig.id)
        people.append((sig, inspector_name(sheet.lang, inspector.name, inspector.enforcement_id)))
    for sig in signatures:  # someone who signed but is not on the team list (kept, never lost)
        if sig.id not in seen:
            people.append((sig, inspector_name(sheet.lang, sig.signer_name,
                                               sig.signer_id_number)))
    return people


def inspector_name(lang: str, name: str, enforcement_id: str | None) -> str:
    if not enforcement_id:
        return name
    return f"{name}（{t(lang, 'enforcement_id')} {enforcement_id}）" if not is_en(lang) \
        else f"{name} ({t(lang, 'enforcement_id')} {enforcement_id})"


def signed_date(lang: str, signatures: Sequence[SignatureInfo]) -> str:
    """The latest signing date of these signatures, "" when nobody signed."""
    dates = [s.signed_at for s in signatures if s.signed_at and not s.refused]
    return fmt_date(lang, max(dates)) if dates else ""


def authority_block(sheet: Sheet, date_value: str | None) -> list[Flowable]:
    """Issuing authority, seal and date, at the right (a list: callers keep it with what precedes;
    a nested KeepTogether would force a page break)."""
    st = styles(sheet.lang)
    lines: list[Flowable] = [Spacer(1, 6 * mm)]
    if sheet.organisation:
        lines.append(para(f"{sheet.organisation}{t(sheet.lang, 'seal')}", st.right))
    lines.append(para(fmt_date(sheet.lang, date_value), st.right))
    return lines


def review_paragraph(sheet: Sheet, key: str) -> str:
    """The right to reconsideration and to sue, naming the bodies of the authority's profile;
    a body not set up prints as a blank line to fill in by hand, as on the paper form."""
    lang, review = sheet.lang, sheet.review
    blank = t(lang, "blank")
    values = {"gov": review.government or blank, "court": review.court or blank}
    if review.department:
        return t(lang, key, dept=review.department, **values)
    return t(lang, f"{key}_no_dept", **values)
