"""What a document shows: plain data, loaded by ``services.documents`` and drawn by this package.

The layouts never read the database: everything they print is here, so a document can be
rendered in a worker thread from data loaded on any connection.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from inspector_app.domain.inspection_record import InspectionRecord
from inspector_app.domain.numbering import DocType
from inspector_app.domain.photo import Photo


@dataclass(frozen=True)
class CompanyInfo:
    id: str
    name: str
    credit_code: str | None = None
    address: str | None = None
    legal_rep: str | None = None
    contact_name: str | None = None
    contact_phone: str | None = None
    legal_rep_position: str | None = None    # 职务


@dataclass(frozen=True)
class ReviewBodies:
    """Where the company may seek redress against a decision (the authority's profile):
    "…向{government}人民政府或者{department}申请行政复议，或者…向{court}人民法院提起行政诉讼"."""

    government: str = ""
    department: str = ""
    court: str = ""


@dataclass(frozen=True)
class SignatureInfo:
    id: str
    role: str                    # inspector | company | witness
    signer_name: str
    signer_id_number: str | None
    inspector_id: str | None
    png: bytes | None
    strokes: str | None
    refused: bool
    signed_at: str
    record_fingerprint: str | None = None  # the content it was given on (signed_content_digest)

    @property
    def sha256(self) -> str:
        """What a signature is, for the record's hash: its image and its strokes."""
        digest = hashlib.sha256(self.png or b"")
        digest.update(b"\0" + (self.strokes or "").encode("utf-8"))
        return digest.hexdigest()


@dataclass(frozen=True)
class ResultInfo:
    """One hazard's outcome at a re-inspection (table reinspection_results)."""

    finding_id: str
    result: str                  # rectified | not_rectified
    new_deadline: str | None
    note: str | None
    accepted_on: str | None = None   # a major hazard's acceptance (评估/验收)
    accepted_by: str | None = None
    acceptance_conclusion: str | None = None


@dataclass
class RecordData:
    """An inspection with everything printed from it."""

    record: InspectionRecord
    template_hash: str
    company: CompanyInfo
    photos: list[Photo] = field(default_factory=list)
    signatures: list[SignatureInfo] = field(default_factory=list)
    follows_inspection_id: str | None = None
    results: list[ResultInfo] = field(default_factory=list)

    def signatures_of(self, role: str) -> list[SignatureInfo]:
        return [s for s in self.signatures if s.role == role]


@dataclass(frozen=True)
class OrderRef:
    """The order a re-inspection opinion follows."""

    number: str
    issued_at: str


@dataclass
class Sheet:
    """One document to render."""

    doc_type: DocType
    lang: str
    number: str
    issued_at: str
    organisation: str
    data: RecordData
    digest: str                               # SHA-256 of the record's canonical data
    qr: str                                   # what the QR code on every page holds
    photo_files: dict[str, Path | None] = field(default_factory=dict)  # print copy per photo
    # The print copies' bytes as checked against the hash in their names, drawn instead of
    # reading the files again; the names (above) are what the render key holds.
    photo_data: dict[str, bytes] = field(default_factory=dict, repr=False, compare=False)
    followed: RecordData | None = None        # re-inspection: the inspection it re-checks
    order: OrderRef | None = None             # re-inspection: the order it follows
    review: ReviewBodies = field(default_factory=ReviewBodies)
    # A re-inspection opinion of a draft re-inspection: printed marked as a draft, unnumbered.
    draft: bool = False


def photo_source(sheet: Sheet, photo_id: str) -> Path | bytes | None:
    """What to draw for a photo: its print copy's checked bytes, else its file, else None."""
    data = sheet.photo_data.get(photo_id)
    return data if data is not None else sheet.photo_files.get(photo_id)
