"""The printed documents: one module per document, the shared layout in ``layout``.

``render(sheet)`` turns a ``model.Sheet`` (everything the document shows, already loaded) into
PDF bytes. Reading the database, numbering and writing files is ``services.documents``' job.
"""

from __future__ import annotations

from inspector_app.domain.numbering import DocType
from inspector_app.services.pdf import onsite, order, record, reinspection
from inspector_app.services.pdf.model import Sheet
from inspector_app.services.pdf.page import build_pdf

_LAYOUTS = {
    DocType.RECORD: record.render_story,
    DocType.ORDER: order.render_story,
    DocType.REINSPECTION: reinspection.render_story,
    DocType.ONSITE: onsite.render_story,
}


def render(sheet: Sheet) -> bytes:
    """The document as PDF bytes: A4, the shipped font embedded as a subset."""
    return build_pdf(sheet, _LAYOUTS[sheet.doc_type](sheet))
