"""What all documents share: A4 geometry, styles, emphasised text, the title block, tables,
photos. Signature blocks are in ``signature_blocks``, the page furniture and the build in ``page``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from inspector_app.domain.numbering import DOC_TITLES
from inspector_app.domain.text import printable, truncated
from inspector_app.services.pdf.fonts import register_fonts
from inspector_app.services.pdf.model import Sheet
from inspector_app.services.pdf.texts import is_en, pick, t

PAGE_W, PAGE_H = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 32 * mm          # room for the footer and its QR code
FRAME_W = PAGE_W - 2 * MARGIN_X
QR_SIZE = 22 * mm
PHOTO_BOX_H = 60 * mm           # three rows of two photos fit on a page
PHOTO_ROW_H = PHOTO_BOX_H + 16 * mm  # with caption and padding

RED = colors.HexColor("#b00020")
LIGHT_RED = colors.HexColor("#fde4e4")
GREY = colors.HexColor("#555555")
LINE = colors.HexColor("#333333")
SHADE = colors.HexColor("#ececec")
LIGHT_SHADE = colors.HexColor("#f6f6f6")


# -- text ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Styles:
    lang: str
    org: ParagraphStyle
    title: ParagraphStyle
    number: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    indent: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_red: ParagraphStyle
    small: ParagraphStyle
    caption: ParagraphStyle
    label: ParagraphStyle
    right: ParagraphStyle
    center: ParagraphStyle


@cache
def styles(lang: str) -> Styles:
    font = register_fonts()
    # Chinese breaks between any two characters; English only at spaces.
    wrap = None if is_en(lang) else "CJK"

    def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
        leading = kw.pop("leading", size * 1.45)
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading,
                              wordWrap=wrap, **kw)

    body = style("body", 10.5, spaceAfter=3)
    return Styles(
        lang=lang,
        org=style("org", 13, alignment=TA_CENTER, spaceAfter=2),
        title=style("title", 20, alignment=TA_CENTER, leading=28, spaceAfter=2),
        number=style("number", 10.5, alignment=TA_CENTER, spaceAfter=8),
        heading=style("heading", 12, spaceBefore=8, spaceAfter=4),
        subheading=style("subheading", 10.5, spaceBefore=3, spaceAfter=3),
        body=body,
        indent=style("indent", 10.5, firstLineIndent=0 if is_en(lang) else 21, spaceAfter=4),
        cell=style("cell", 9, leading=12.5),
        cell_bold=style("cell_bold", 9, leading=12.5),
        cell_red=style("cell_red", 9, leading=12.5, textColor=RED),
        small=style("small", 8, leading=10.5, textColor=GREY),
        caption=style("caption", 8, leading=10.5, alignment=TA_CENTER, textColor=GREY),
        label=style("label", 9, leading=12.5, textColor=colors.black),
        right=style("right", 10.5, alignment=TA_RIGHT),
        center=style("center", 10.5, alignment=TA_CENTER),
    )


# A field longer than this is cut, with a mark saying how much was left out: 50,000 characters
# are some 25 pages of a hazard table; nobody prints more on purpose.
PRINT_LIMIT = 50_000
CUT_MARK = "……（另有 {0} 字未打印，全文见电子记录 / {0} more characters not printed; see the " \
    "electronic record）"
# Longer text is laid out in pieces, so that a cell many pages long splits in linear time
# (reportlab re-wraps a whole paragraph at each page break).
CHUNK = 600
LONG = 200


def esc(text: object) -> str:
    """Plain text made safe for reportlab's paragraph mark-up; line breaks kept, control and
    bidi-override characters shown as marks, and text beyond PRINT_LIMIT cut with a mark."""
    value = truncated(printable(text, multiline=True), PRINT_LIMIT, CUT_MARK)
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value.replace("\n", "<br/>")


def _pieces(text: str) -> list[str]:
    """``text`` in pieces of at most CHUNK characters, cut after a line, a sentence or a
    space where there is one."""
    out: list[str] = []
    for line in text.split("\n"):
        while len(line) > CHUNK:
            window = line[:CHUNK]
            cut = max(window.rfind(c) for c in "。！？；.!?; ，,")
            cut = cut + 1 if cut > CHUNK // 2 else CHUNK
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return out


class LongText(Flowable):
    """A long text as a column of short paragraphs that splits across pages (and table rows,
    with ``splitInRow``) at any line, wrapping each piece once per width."""

    def __init__(self, parts: list[Paragraph], space_after: float = 0,
                 known: dict[tuple[Paragraph, float], float] | None = None) -> None:
        super().__init__()
        self.parts = parts
        self.space_after = space_after
        # Heights of pieces by width, shared with the halves of a split: each piece is
        # wrapped once per width, however often a table measures the cell.
        self._known = known if known is not None else {}

    def _measure(self, avail_width: float) -> list[float]:
        heights = []
        for part in self.parts:
            key = (part, avail_width)
            if key not in self._known:
                self._known[key] = part.wrap(avail_width, 1e9)[1]
                part._wrapped_at = avail_width  # type: ignore[attr-defined]
            heights.append(self._known[key])
        return heights

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = sum(self._measure(avail_width))
        return avail_width, self.height

    def getSpaceAfter(self) -> float:
        return self.space_after

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        # A table splitting a row passes the column's full width, padding included; the
        # width the cell was last laid out at is the one it is drawn at.
        avail_width = min(avail_width, getattr(self, "width", avail_width) or avail_width)
        heights = self._measure(avail_width)
        used, index = 0.0, 0
        while index < len(self.parts) and used + heights[index] <= avail_height:
            used += heights[index]
            index += 1
        if index == len(self.parts):
            # Fits after all (a table measured with other padding): callers expect two halves.
            return [self, LongText([], self.space_after, self._known)]
        head, tail = self.parts[:index], self.parts[index:]
        pieces = tail[0].split(avail_width, avail_height - used)
        if len(pieces) == 2:
            head, tail = [*head, pieces[0]], [pieces[1], *tail[1:]]
        if not head:
            return []
        return [LongText(head, 0, self._known), LongText(tail, self.space_after, self._known)]

    def draw(self) -> None:
        y = self.height
        for part, height in zip(self.parts, self._measure(self.width), strict=True):
            y -= height
            if getattr(part, "_wrapped_at", None) != self.width or \
                    not hasattr(part, "blPara"):
                part.wrap(self.width, 1e9)  # last laid out at another width
                part._wrapped_at = self.width  # type: ignore[attr-defined]
            part.drawOn(self.canv, 0, y)


def para(text: object, style: ParagraphStyle) -> Flowable:
    value = "" if text is None else str(text)
    if len(value) <= LONG:
        return Paragraph(esc(value), style)
    piece_style = ParagraphStyle(f"{style.name}-piece", parent=style, spaceBefore=0,
                                 spaceAfter=0)
    pieces = _pieces(truncated(printable(value, multiline=True), PRINT_LIMIT, CUT_MARK))
    return LongText([Paragraph(esc(piece), piece_style) for piece in pieces], style.spaceAfter)


def _holds_long_text(value: object) -> bool:
    if isinstance(value, LongText):
        return True
    return isinstance(value, list | tuple) and any(_holds_long_text(v) for v in value)


def data_table(rows: list[list[Any]], widths: Sequence[float], **kw: Any) -> Table:
    """A table whose rows may split across pages where a cell holds long text (a row taller
    than a page cannot move to the next one); other tables keep their rows whole."""
    split = any(_holds_long_text(cell) for row in rows for cell in row)
    return Table(rows, colWidths=list(widths), splitInRow=1 if split else 0, **kw)


def split_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Break ``text`` to fit ``width``: at spaces in English, between any characters in Chinese."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in re.findall(r"\S+\s*|\s+", paragraph) if " " in paragraph else paragraph:
            if line and pdfmetrics.stringWidth(line + token.rstrip(), font, size) > width:
                lines.append(line.rstrip())
                line = token.lstrip() if " " in paragraph else token
            else:
                line += token
        lines.append(line.rstrip())
    return lines


class StrongText(Flowable):
    """Emphasised text. The shipped font has no bold face, so the glyphs are filled and stroked
    (PDF text render mode 2), which prints as bold."""

    def __init__(self, text: str, style: ParagraphStyle, colour: colors.Color = RED) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.colour = colour
        self.lines = [text]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.lines = split_lines(self.text, self.style.fontName, self.style.fontSize,
                                 avail_width)
        return avail_width, self.style.leading * len(self.lines)

    def draw(self) -> None:
        c = self.canv
        text = c.beginText()
        text.setFont(self.style.fontName, self.style.fontSize, self.style.leading)
        text.setTextRenderMode(2)
        c.setFillColor(self.colour)
        c.setStrokeColor(self.colour)
        c.setLineWidth(self.style.fontSize * 0.04)
        height = self.style.leading * len(self.lines)
        text.setTextOrigin(0, height - self.style.fontSize * 1.05)
        for line in self.lines:
            text.textLine(line)
        c.drawText(text)


class SignLine(Flowable):
    """A blank line to sign on by hand."""

    def __init__(self, width: float, height: float = 12 * mm) -> None:
        super().__init__()
        self.width, self.height = width, height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = min(self.width, avail_width)
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setStrokeColor(LINE)
        self.canv.setLineWidth(0.6)
        self.canv.line(0, 2, self.width, 2)


# -- blocks ----------------------------------------------------------------------------------------
def title_block(sheet: Sheet) -> list[Flowable]:
    st = styles(sheet.lang)
    title = pick(sheet.lang, DOC_TITLES[sheet.doc_type])
    if not is_en(sheet.lang):
        title = "\u2002".join(title)  # official titles are letter-spaced
    out: list[Flowable] = []
    if sheet.organisation:
        out.append(para(sheet.organisation, st.org))
    out += [para(title, st.title), para(sheet.number, st.number)]
    return out


def heading(text: str, lang: str) -> Paragraph:
    """A section title (kept with what follows only inside a KeepTogether)."""
    return para(text, styles(lang).heading)


def section(text: str, lang: str, need: float = 30 * mm) -> list[Flowable]:
    """A section title that starts a new page unless ``need`` is left under it. (keepWithNext
    would glue the title to a whole long table and push both to the next page.)"""
    return [CondPageBreak(need), heading(text, lang)]


def field_table(lang: str, rows: Sequence[Sequence[tuple[str, object]]]) -> Table:
    """The header of a form: each row one (label, value) across, or two side by side."""
    st = styles(lang)
    label_w = 38 * mm
    second_label_w = 24 * mm
    value_w = (FRAME_W - label_w - second_label_w) / 2 + 6 * mm
    widths = [label_w, value_w, second_label_w, FRAME_W - label_w - value_w - second_label_w]
    data: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, LINE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for r, row in enumerate(rows):
        if len(row) == 1:
            (label, value), = row
            data.append([para(label, st.label), para(value, st.cell), "", ""])
            commands.append(("SPAN", (1, r), (3, r)))
            commands.append(("BACKGROUND", (0, r), (0, r), LIGHT_SHADE))
        else:
            (l1, v1), (l2, v2) = row
            data.append([para(l1, st.label), para(v1, st.cell), para(l2, st.label),
                         para(v2, st.cell)])
            commands.append(("BACKGROUND", (0, r), (0, r), LIGHT_SHADE))
            commands.append(("BACKGROUND", (2, r), (2, r), LIGHT_SHADE))
    table = data_table(data, widths)
    table.setStyle(table_style(commands))
    return table


def table_style(commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), register_fonts()), *commands])


def grid_style(header: bool = True) -> list[tuple[Any, ...]]:
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, LINE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    return commands


# -- photos ----------------------------------------------------------------------------------------
def photo_cell(path: Path | bytes | None, caption: str, missing_name: str, lang: str,
               width: float, box_h: float = PHOTO_BOX_H) -> list[Flowable]:
    """A photo scaled to fit its box, aspect kept, drawn from its JPEG file or bytes (copied into
    the PDF unchanged: no decoding, no re-encoding), with its caption under it."""
    st = styles(lang)
    if path is None:
        image: Flowable = Table([[para(t(lang, "photo_missing", missing_name), st.caption)]],
                                colWidths=[width], rowHeights=[box_h])
        image.setStyle(table_style([("BOX", (0, 0), (-1, -1), 0.5, GREY),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    else:
        source = io.BytesIO(path) if isinstance(path, bytes) else str(path)
        image = Image(source, width=width, height=box_h, kind="bound")
        image.hAlign = "CENTER"
    box = Table([[image]], colWidths=[width], rowHeights=[box_h])
    box.setStyle(table_style([("ALIGN", (0, 0), (-1, -1), "CENTER"),
                             ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                             ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                             ("TOPPADDING", (0, 0), (-1, -1), 0),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    # One paragraph per line of the caption: reportlab wraps a paragraph of one run of text
    # many times faster than one broken by <br/> (a fifth of a record's layout was captions).
    return [box, Spacer(1, 1.5 * mm),
            *(Paragraph(line, st.caption) for line in caption.split("<br/>"))]


def photo_grid(cells: Sequence[list[Flowable]], lang: str) -> Table:
    """Two photos per row; a row never splits, rows flow over pages."""
    col_w = FRAME_W / 2
    rows = [list(cells[i:i + 2]) + ([""] if i + 1 >= len(cells) else [])
            for i in range(0, len(cells), 2)]
    table = Table(rows, colWidths=[col_w, col_w])
    table.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm)]))
    return table


def photo_width() -> float:
    return FRAME_W / 2 - 4 * mm
