"""The furniture of every page (number, "page X of Y", check code, QR code) and the build."""

from __future__ import annotations

import functools
import io
import threading
from collections.abc import Callable
from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Rect
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate
from reportlab.platypus.doctemplate import LayoutError

from inspector_app.domain.numbering import DOC_TITLES
from inspector_app.domain.text import printable
from inspector_app.errors import ValidationError
from inspector_app.i18n import N_
from inspector_app.services.pdf.fonts import register_fonts
from inspector_app.services.pdf.layout import (
    GREY,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_H,
    PAGE_W,
    QR_SIZE,
)
from inspector_app.services.pdf.model import Sheet
from inspector_app.services.pdf.texts import is_en, pick, t


def qr_widget(payload: str, size: float = QR_SIZE) -> QrCodeWidget:
    """reportlab's QR code of ``payload``: level M (15 % of it may be smudged), 4-module margin."""
    return QrCodeWidget(payload, barLevel="M", barWidth=size, barHeight=size, barBorder=4)


@functools.lru_cache(maxsize=16)
def _qr_modules(payload: str, size: float) -> tuple[tuple[float, float, float, float], ...]:
    """The dark modules of the QR code, computed once per payload: encoding it in pure Python
    is a sixth of a record's export, and a record is often exported again unchanged."""
    return tuple((shape.x, shape.y, shape.width, shape.height)
                 for shape in qr_widget(payload, size).draw().contents
                 if isinstance(shape, Rect) and shape.fillColor is not None)


def draw_qr(canvas: Canvas, payload: str, size: float = QR_SIZE) -> None:
    """Paint the code's modules straight onto the canvas, as one filled path. (renderPDF would
    also select Helvetica, listing a non-embedded font in a file whose text is all in the
    embedded one.)"""
    canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.rect(0, 0, size, size, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    path = canvas.beginPath()
    for x, y, width, height in _qr_modules(payload, size):
        path.rect(x, y, width, height)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def qr_position() -> tuple[float, float]:
    """Lower-left corner of the QR code on every page, in points."""
    # Clear of the few millimetres a printer cannot print at the edge of the sheet.
    return PAGE_W - MARGIN_X - QR_SIZE + 3 * mm, 8 * mm


def _furniture(canvas: Canvas, sheet: Sheet, page: int, total: int) -> None:
    lang = sheet.lang
    font = register_fonts()
    canvas.saveState()
    # header: what this page belongs to, so a loose page can be put back
    canvas.setFont(font, 8)
    canvas.setFillColor(GREY)
    top = PAGE_H - 12 * mm
    canvas.drawString(MARGIN_X, top, pick(lang, DOC_TITLES[sheet.doc_type]))
    canvas.drawRightString(PAGE_W - MARGIN_X, top, sheet.number)
    canvas.setStrokeColor(colors.HexColor("#999999"))
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN_X, top - 2.5 * mm, PAGE_W - MARGIN_X, top - 2.5 * mm)
    # footer: page X of Y, check code, QR code
    canvas.setFillColor(colors.black)
    canvas.setFont(font, 9)
    canvas.drawCentredString(PAGE_W / 2, 15 * mm, t(lang, "page", page, total))
    canvas.setFont(font, 6.5)
    canvas.setFillColor(GREY)
    record = sheet.data.record
    canvas.drawString(MARGIN_X, 10 * mm, t(lang, "check_code", record.id[:8], record.revision,
                                          sheet.digest[:16]))
    canvas.restoreState()
    if sheet.draft:
        _draft_mark(canvas, t(lang, "draft_mark"), font)
    x, y = qr_position()
    if page == 1:
        # Drawn once as a form XObject and placed on every page: one copy in the file.
        canvas.beginForm("qr", lowerx=0, lowery=0, upperx=QR_SIZE, uppery=QR_SIZE)
        draw_qr(canvas, sheet.qr)
        canvas.endForm()
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm("qr")
    canvas.restoreState()


def _draft_mark(canvas: Canvas, text: str, font: str) -> None:
    """Across the page, behind nothing that must stay readable: light, large, diagonal."""
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.14))
    canvas.setFont(font, 96)
    canvas.translate(PAGE_W / 2, PAGE_H / 2)
    canvas.rotate(40)
    canvas.drawCentredString(0, -32, text)
    canvas.restoreState()


def canvas_class(sheet: Sheet) -> Callable[..., Canvas]:
    """A canvas that keeps every page until the end, so each can say "page X of Y"."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for n, state in enumerate(self._saved_pages, start=1):
                self.__dict__.update(state)
                _furniture(self, sheet, n, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


_BUILD_LOCK = threading.Lock()


def build_pdf(sheet: Sheet, story: list[Flowable]) -> bytes:
    """Lay out ``story`` on A4 pages and return the PDF.

    One build at a time: reportlab keeps per-document font subsets in the shared font object,
    and a preview and an export may be rendering on two worker threads at once.
    """
    font = register_fonts()
    buffer = io.BytesIO()
    title = pick(sheet.lang, DOC_TITLES[sheet.doc_type])
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=f"{title} {sheet.number}",
        author=printable(sheet.organisation or ""), subject=printable(sheet.data.company.name),
        creator="Inspector", keywords=sheet.qr, lang="en" if is_en(sheet.lang) else "zh-CN",
        # reportlab starts each page, and styles each table cell, with Helvetica unless told
        # otherwise: a non-embedded font listed in a file whose text is all in the embedded one.
        initialFontName=font)
    with _BUILD_LOCK:
        try:
            doc.build(story, canvasmaker=canvas_class(sheet))
        except LayoutError:
            # Table rows split across pages; what still cannot fit is one unbreakable piece
            # (a word or number thousands of characters long) that only the user can shorten.
            raise ValidationError(
                N_("The {title} {number} cannot be laid out: one of its texts (the place, "
                   "a note, a hazard's description or requirement) holds a piece too long to fit "
                   "on a page. Shorten it or add spaces, then print again."),
                title=title, number=sheet.number) from None
    return buffer.getvalue()
