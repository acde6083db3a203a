"""The printed documents: one module per document, the shared layout in ``layout``.

``render(sheet)`` turns a ``model.Sheet`` (everything the document shows, already loaded) into
PDF bytes. Reading the database, numbering and writing files is ``services.documents``' job.
"""

from __future__ import annotations

import dataclasses
import hashlib

from inspector_app import __version__
from inspector_app.domain.numbering import DocType
from inspector_app.services.pdf import onsite, order, record, reinspection
from inspector_app.services.pdf.model import Sheet
from inspector_app.services.pdf.page import build_pdf

# Raise when a change to the drawing code changes what a document looks like for the same data;
# every document is then laid out anew instead of being reused from the render cache.
LAYOUT_VERSION = 3

_LAYOUTS = {
    DocType.RECORD: record.render_story,
    DocType.ORDER: order.render_story,
    DocType.REINSPECTION: reinspection.render_story,
    DocType.ONSITE: onsite.render_story,
}


def render(sheet: Sheet) -> bytes:
    """The document as PDF bytes: A4, the shipped font embedded as a subset."""
    return build_pdf(sheet, _LAYOUTS[sheet.doc_type](sheet))


def render_key(sheet: Sheet) -> str:
    """What ``render(sheet)`` depends on, as a hash: the whole sheet (the record, its number and
    issue date, the language, the organisation, each photo's print copy by its content-derived
    file name), the program's version and ``LAYOUT_VERSION``. Equal keys, equal pages."""
    # The print copies are made in parallel and arrive in any order.
    stable = dataclasses.replace(sheet, photo_files=dict(sorted(sheet.photo_files.items())))
    digest = hashlib.sha256(f"{__version__}\0{LAYOUT_VERSION}\0".encode())
    digest.update(repr(stable).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
