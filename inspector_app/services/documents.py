"""The printed documents of an inspection: numbering, rendering, writing the PDF safely.

A document's number and issue date are assigned once per inspection and type (a ``documents``
row) and reused by every later export, so a reprint is the same document, dated as it was issued.
The record uses the inspection's own number; the order, the on-site decision and the
re-inspection opinion take the next number this computer may issue (``storage.numbers``: inside
the office's blocks, or from 1 on a computer without an office).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from inspector_app.domain.inspection import Kind, Status
from inspector_app.domain.numbering import (
    DOC_TITLES,
    DOC_WORDS,
    LOW_WATER,
    DocType,
    parse_number,
)
from inspector_app.domain.photo import Photo, PhotoTag
from inspector_app.domain.profile import Device
from inspector_app.domain.records import new_id, record_stamp, utcnow_iso
from inspector_app.errors import (
    Hint,
    InspectorError,
    NotFoundError,
    ValidationError,
    from_os_error,
)
from inspector_app.i18n import ENUMERATION, N_, Listing, Message
from inspector_app.paths import DataDir
from inspector_app.services import pdf
from inspector_app.services.inspections import (
    COMPANY_SNAPSHOT_FIELDS,
    read_record,
    subject_info,
)
from inspector_app.services.left_out_photos import refuse_signing_pages, unsigned_warning
from inspector_app.services.pdf import texts as pdf_texts
from inspector_app.services.pdf.model import (
    CompanyInfo,
    OrderRef,
    RecordData,
    ResultInfo,
    ReviewBodies,
    Sheet,
    SignatureInfo,
)
from inspector_app.services.photos import PhotoService
from inspector_app.services.progress import Progress
from inspector_app.storage.audit import AuditLog
from inspector_app.storage.document_store import document_copy, keep_document
from inspector_app.storage.documents_repo import DocumentRepo, IssuedDocument
from inspector_app.storage.files import write_atomic_checked
from inspector_app.storage.inspections_repo import InspectionRepo
from inspector_app.storage.numbers import give_back, next_number, remaining
from inspector_app.storage.photo_store import write_atomic
from inspector_app.storage.reinspection_repo import ReinspectionRepo
from inspector_app.storage.render_cache import KeptFile, RenderCache, Rendered, StagedEntry
from inspector_app.storage.render_ledger import RenderLedger
from inspector_app.storage.repositories import SettingsRepo
from inspector_app.storage.signatures_repo import SignatureRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
QR_SCHEME = "inspector"
CANONICAL_FORMAT = "inspector-record/1"


class DocumentRefused(ValidationError):
    """This document cannot exist for this inspection (yet); ``code`` says why."""

    title = N_("Document not available")

    def __init__(self, code: str, message: str, /, **params: Any) -> None:
        super().__init__(message, **params)
        self.code = code


def check_order(number: str | None, kind: str, hazards: int,
                terms: list[tuple[int, str | None, str | None]],
                issue_day: str | None) -> None:
    """Raise ``DocumentRefused`` unless an order to rectify may be issued for an inspection of
    this ``kind`` with these ``hazards`` (their number) and ``terms`` ((seq, requirement,
    deadline) each) on ``issue_day`` (None: issued already). The demo's orders obey it too."""
    if kind == Kind.SELF.value:
        raise DocumentRefused(
            "self_inspection", N_("Inspection {number} is a company's self-inspection: "
            "an order to rectify is issued only by the authority's inspectors."),
                               number=number)
    if not hazards:
        raise DocumentRefused(
            "no_hazards", N_("Inspection {number} found no hazards: there is nothing to "
            "order rectified."), number=number)
    incomplete = [
        Message(N_("hazard {seq}: no requirement") if not (req or "").strip()
                else N_("hazard {seq}: no deadline"), seq=seq)
        for seq, req, deadline in terms
        if not (req or "").strip() or not (deadline or "").strip()]
    if incomplete:
        raise DocumentRefused(
            "incomplete_hazards", N_("The order of inspection {number} cannot be issued "
            "yet: {problems}. Complete the hazards first."),
                                  number=number, problems=Listing(incomplete))
    if issue_day is None:
        return
    early = [Message(N_("hazard {seq} ({deadline})"), seq=seq, deadline=(deadline or "")[:10])
             for seq, _req, deadline in terms if (deadline or "")[:10] < issue_day]
    if early:
        raise DocumentRefused(
            "deadline_before_issue", N_("The order of inspection {number} cannot be "
            "issued on {issue_day}: the deadline of {hazards} is before the issue "
            "date. Give it a deadline on or after the issue date first; nothing was "
            "changed."), number=number, issue_day=issue_day,
            hazards=Listing(early, ENUMERATION))


# -- the record's data and its fingerprint ---------------------------------------------------------
def load_record_data(db: Database, inspection_id: str) -> RecordData:
    """An inspection with everything its documents print (reads only)."""
    record = read_record(db, inspection_id)
    stored = InspectionRepo(db).row(inspection_id) or {}
    template_hash, follows, snapshot = (stored.get("template_hash"),
                                        stored.get("follows_inspection_id"),
                                        stored.get("company_snapshot"))
    if snapshot:  # a signed record speaks of the company as it was when it was signed
        kept = json.loads(snapshot)
        row = tuple(kept.get(name) for name in COMPANY_SNAPSHOT_FIELDS)
    else:
        info = subject_info(db, {"company_id": record.company_id,
                                 "subject_unit_id": record.subject_unit_id})
        row = tuple(info[name] for name in COMPANY_SNAPSHOT_FIELDS)
    signatures = [
        SignatureInfo(r[0], r[1], r[2], r[3], r[4], bytes(r[5]) if r[5] else None, r[6],
                      bool(r[7]), r[8], r[9])
        for r in SignatureRepo(db).printed_rows(inspection_id)]
    results = [ResultInfo(*r) for r in ReinspectionRepo(db).printed_results(inspection_id)]
    photos = InspectionRepo(db).photos(inspection_id)
    # A withdrawn hazard is no hazard of the record: its own photos stay out with it.
    withdrawn = {f.id for f in record.withdrawn}
    photos = [p for p in photos if p.finding_id not in withdrawn]
    data = RecordData(record=record, template_hash=template_hash, company=CompanyInfo(*row),
                      photos=photos, signatures=signatures, follows_inspection_id=follows,
                      results=results)
    # A handwritten signature is printed only beside the content it was given on.
    current = signed_content_digest(data)
    data.signatures = [s for s in signatures
                       if s.record_fingerprint in (None, current)]
    return data


# Left out of what a handwritten signature vouches for: the signatures themselves, the end time
# (set again by every completion), and the company's details (kept up to date elsewhere).
_NOT_SIGNED_CONTENT = ("signatures", "ended_at", "company")


def signed_content_digest(data: RecordData) -> str:
    """SHA-256 of what a signer sees and signs: answers, notes, hazards, photos, the header.

    Stored with each handwritten signature; when it no longer matches, the record changed after
    the signature was given and the signature is stale (given again, never printed).
    """
    payload = json.loads(canonical_record_data(data))
    for key in _NOT_SIGNED_CONTENT:
        payload.pop(key, None)
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record_content_fingerprint(db: Database, inspection_id: str) -> str:
    """The fingerprint a handwritten signature given now would be tied to."""
    return signed_content_digest(load_record_data(db, inspection_id))


def canonical_record_data(data: RecordData) -> bytes:
    """The inspection's content as one stable JSON text (sorted keys, no whitespace).

    Its SHA-256 is what a printout's QR code and a digital signature vouch for. Lifecycle fields
    that change after signing without changing what was recorded (status, a hazard's closure at
    re-inspection, timestamps) are left out on purpose.
    """
    r = data.record
    company = data.company
    payload: dict[str, Any] = {
        "format": CANONICAL_FORMAT,
        "id": r.id, "number": r.number, "revision": r.revision,
        "supersedes_id": r.supersedes_id, "amend_reason": r.amend_reason,
        "kind": r.kind.value, "follows_inspection_id": data.follows_inspection_id,
        "company": {"id": company.id, "name": company.name, "credit_code": company.credit_code,
                    "address": company.address, "legal_rep": company.legal_rep,
                    "contact_name": company.contact_name,
                    "contact_phone": company.contact_phone,
                    # only when recorded: the digests of records signed before it existed hold
                    **({"legal_rep_position": company.legal_rep_position}
                       if company.legal_rep_position else {})},
        "template": {"id": r.template.id, "version": r.template.version,
                     "hash": data.template_hash},
        "sections": list(r.section_ids),
        "place": r.place, "started_at": r.started_at, "ended_at": r.ended_at,
        "inspectors": [{"id": i.id, "name": i.name, "enforcement_id": i.enforcement_id}
                       for i in r.inspectors],
        "answers": r.answers, "notes": r.notes,
        "findings": [{
            "id": f.id, "item_id": f.item_id, "seq": f.seq, "description": f.description,
            "grade": f.grade.value, "legal_basis": f.legal_basis, "requirement": f.requirement,
            "deadline": f.deadline, "responsible": f.responsible,
            "onsite_measure": f.onsite_measure, "origin_finding_id": f.origin_finding_id,
        } for f in sorted(r.findings, key=lambda f: (f.seq, f.id))],
        "photos": [{
            "id": p.id, "sha256": p.sha256, "item_id": p.item_id, "finding_id": p.finding_id,
            "tag": p.tag.value, "caption": p.caption,
            "annotations": [s.to_dict() for s in p.annotations],
        } for p in sorted(data.photos, key=lambda p: p.id)],
        "signatures": [{
            "id": s.id, "role": s.role, "signer_name": s.signer_name,
            "signer_id_number": s.signer_id_number, "inspector_id": s.inspector_id,
            "refused": s.refused, "signed_at": s.signed_at, "sha256": s.sha256,
        } for s in sorted(data.signatures, key=lambda s: s.id)],
        "reinspection_results": [{
            "finding_id": x.finding_id, "result": x.result, "new_deadline": x.new_deadline,
            "note": x.note,
            # Only where recorded, so that re-inspections signed before acceptances existed
            # keep the content their signature vouches for.
            **({"accepted_on": x.accepted_on, "accepted_by": x.accepted_by,
                "acceptance_conclusion": x.acceptance_conclusion} if x.accepted_on else {}),
        } for x in sorted(data.results, key=lambda x: x.finding_id)],
    }
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def record_digest(data: RecordData) -> str:
    return hashlib.sha256(canonical_record_data(data)).hexdigest()


def qr_payload(data: RecordData, doc_type: DocType, digest: str | None = None) -> str:
    """What the QR code on every page holds: enough to find the record and check it is unchanged.

    ``inspector:record/<inspection id>?rev=<revision>&sha256=<hex>`` (ASCII, ~140 characters).
    """
    digest = digest or record_digest(data)
    return f"{QR_SCHEME}:{doc_type.value}/{data.record.id}?rev={data.record.revision}" \
           f"&sha256={digest}"


def parse_qr_payload(text: str) -> dict[str, Any]:
    """The fields of a QR payload, for matching a printout to its record."""
    parts = urlsplit(text)
    doc_type, _, inspection_id = parts.path.partition("/")
    query = parse_qs(parts.query)
    if parts.scheme != QR_SCHEME or not inspection_id or "sha256" not in query:
        raise ValidationError(N_("Not an Inspector document code: {text}"), text=text[:60])
    return {"doc_type": doc_type, "id": inspection_id, "revision": int(query["rev"][0]),
            "sha256": query["sha256"][0]}


def normalise_lang(lang: str | None) -> str:
    if not lang:
        return "zh_CN"
    if lang.lower().startswith("zh"):
        return "zh_CN"
    if lang.lower().startswith("en"):
        return "en"
    raise ValidationError(N_("Documents are printed in Chinese (zh_CN) or English (en), "
                             "not {lang}."), lang=lang)


_SLOT_LOCKS: dict[str, threading.Lock] = {}
_SLOT_LOCKS_GUARD = threading.Lock()


def _slot_lock(slot: str) -> threading.Lock:
    """One lock per document slot for the whole program: the same pages are laid out once
    even when a preview, an export and the background ask for them at the same time."""
    with _SLOT_LOCKS_GUARD:
        return _SLOT_LOCKS.setdefault(slot, threading.Lock())


class _Needed:
    """The render key an export needs, once known; a rendering staged ahead is abandoned as
    soon as it is known to be another one's (or the export stopped)."""

    def __init__(self) -> None:
        self.key: str | None = None
        self.abandoned = False

    def wanted(self, key: str) -> bool:
        return not self.abandoned and self.key in (None, key)


# -- the service -----------------------------------------------------------------------------------
class DocumentService:
    def __init__(self, db: Database, data_dir: DataDir, device: Device,
                 actor: str | None = None) -> None:
        self.db = db
        self.data_dir = data_dir
        self.device = device
        self.photos = PhotoService(db, data_dir, device, actor)
        self.audit = AuditLog(db, device.id, actor)
        self.settings = SettingsRepo(db)
        self.documents = DocumentRepo(db)
        self.signatures = SignatureRepo(db)
        self.rendered = RenderCache(data_dir.rendered_documents)
        self.render_ledger = RenderLedger(db)

    # -- what exists, what may ---------------------------------------------------------------
    def issued(self, inspection_id: str, doc_type: DocType | str) -> IssuedDocument | None:
        return self.documents.issued(inspection_id, DocType(doc_type))

    def heading(self, inspection_id: str) -> tuple[str, str | None]:
        """The company's name and the record's number, to title a document; empty when the
        inspection is unknown (a draft has no number yet)."""
        return self.documents.heading(inspection_id) or ("", "")

    def _inspection_row(self, inspection_id: str) -> dict[str, Any]:
        row = self.documents.inspection_facts(inspection_id)
        if row is None:
            raise NotFoundError(N_("No inspection with id {inspection_id}."),
                                inspection_id=inspection_id)
        return row

    def check(self, inspection_id: str, doc_type: DocType | str) -> None:
        """Raise ``DocumentRefused`` when this document cannot exist for this inspection."""
        doc_type = DocType(doc_type)
        row = self._inspection_row(inspection_id)
        if doc_type is not DocType.RECORD and row["subject_unit_id"]:
            # Orders, on-site decisions and re-inspection opinions are addressed to a company.
            raise DocumentRefused(
                "unit_subject", N_("Inspection {number} checked a unit's work "
                "(supervision inspection): it has a record, and no order, on-site decision or "
                "re-inspection opinion, which are addressed to a company."), number=row['number'])
        if doc_type is DocType.ORDER:
            self._check_order(row)
        elif doc_type is DocType.REINSPECTION:
            self._check_reinspection(row)
        elif doc_type is DocType.ONSITE:
            self._check_onsite(row)

    def _check_order(self, row: dict[str, Any]) -> None:
        issued = self.issued(row["id"], DocType.ORDER) is not None
        check_order(row["number"], row["kind"], row["hazards"],
                    self.documents.hazard_terms(row["id"]),
                    # Issued already: its date and deadlines stand as they were.
                    None if issued else self.issue_time(row["id"])[:10])

    def _check_onsite(self, row: dict[str, Any]) -> None:
        if row["kind"] == Kind.SELF.value:
            raise DocumentRefused(
                "self_inspection", N_("Inspection {number} is a company's self-inspection: "
                "a decision on on-site measures is taken only by the authority's inspectors."),
                                   number=row['number'])
        if not self.documents.onsite_measure_count(row["id"]):
            raise DocumentRefused(
                "no_onsite_measures", N_("No hazard of inspection {number} has a measure "
                "taken on site (work stopped, people withdrawn, equipment out of use …): there "
                "is nothing to decide. Record the measure on the hazard first."),
                number=row['number'])

    def _followed_order(self, row: dict[str, Any]) -> IssuedDocument:
        if row["kind"] != Kind.REINSPECTION.value or not row["follows_inspection_id"]:
            raise DocumentRefused(
                "not_reinspection", N_("Inspection {number} is not a re-inspection: a "
                "re-inspection opinion follows up the order of an earlier inspection."),
                                    number=row['number'])
        order = self.issued(row["follows_inspection_id"], DocType.ORDER)
        if order is None:
            followed = self._inspection_row(row["follows_inspection_id"])
            raise DocumentRefused(
                "no_order", N_("No order to rectify was issued for inspection "
                "{number}: a re-inspection opinion cannot exist without the order "
                "it follows. Issue the order first."), number=followed['number'])
        return order

    def _check_reinspection(self, row: dict[str, Any]) -> None:
        self._followed_order(row)

    def availability(self, inspection_id: str) -> dict[DocType, DocumentRefused | None]:
        """For each document type: None when it can be issued, else why not."""
        result: dict[DocType, DocumentRefused | None] = {}
        for doc_type in DocType:
            try:
                self.check(inspection_id, doc_type)
            except DocumentRefused as exc:
                result[doc_type] = exc
            else:
                result[doc_type] = None
        return result

    # -- numbering -----------------------------------------------------------------------------
    def issue_time(self, inspection_id: str) -> str:
        """When a document of this inspection is issued: when its inspectors signed on site, or
        now when they have not signed (yet). Never the time of a later export."""
        signed_at = self.signatures.last_inspector_signed_at(inspection_id)
        if signed_at:
            return signed_at
        return datetime.now().astimezone().isoformat(timespec="minutes")

    def numbers_left(self, doc_type: DocType | str, year: int | None = None) -> int | None:
        """Numbers this computer may still issue (None: not numbered by the office's blocks)."""
        year = year or datetime.now().year
        return remaining(self.db, self.device.id, DocType(doc_type), year,
                         self.settings.get("authority_short"))

    def low_numbers_warning(self, doc_type: DocType | str, year: int | None = None
                            ) -> Message | None:
        """A sentence when this computer's blocks of this type are nearly used up."""
        doc_type = DocType(doc_type)
        year = year or datetime.now().year
        left = self.numbers_left(doc_type, year)
        if left is None or left >= LOW_WATER:
            return None
        return Message(N_("only {left} {doc_words} number(s) of {year} left on this "
                          "computer."), left=left,
                       doc_words=DOC_WORDS[doc_type], year=year, value=doc_type.value,
                       hint=Hint.ALLOCATE_NUMBERS)

    def issue(self, inspection_id: str, doc_type: DocType | str) -> tuple[str, str]:
        """The document's number and issue time: assigned on first use, the same ever after."""
        doc_type = DocType(doc_type)
        existing = self.issued(inspection_id, doc_type)
        if existing is not None:
            return existing.number, existing.issued_at
        row = self._inspection_row(inspection_id)
        self.check(inspection_id, doc_type)
        if self.is_draft_opinion(inspection_id, doc_type):
            raise ValidationError(N_("The re-inspection is not completed: its opinion is "
                                     "issued, and numbered, when it is completed."))
        follows = self._followed_order(row).id if doc_type is DocType.REINSPECTION else None
        issued_at = self.issue_time(inspection_id)
        document_id = new_id()
        with self.db.atomic():
            # Another window or process may have issued it meanwhile: the first one stands.
            existing = self.issued(inspection_id, doc_type)
            if existing is not None:
                return existing.number, existing.issued_at
            if doc_type is DocType.RECORD and row["number"]:
                number = row["number"]
                prefix, year, seq = self._number_parts(number, row)
            else:
                year = int(issued_at[:4])
                prefix = self.device.doc_prefix
                number, seq = next_number(self.db, doc_type, year, self.device.id, prefix,
                                          self.settings.get("authority_short"))
            self.documents.insert({
                "id": document_id, "inspection_id": inspection_id, "doc_type": doc_type.value,
                "number": number, "prefix": prefix, "year": year, "seq": seq,
                "follows_document_id": follows, "issued_at": issued_at,
                **record_stamp(self.device.id)})
            self.audit.record("document", document_id, "create", inspection_id=inspection_id,
                              new={"type": doc_type.value, "number": number})
        return number, issued_at

    def _number_parts(self, number: str, row: dict[str, Any]) -> tuple[str, int, int]:
        # An amended record's number carries its revision: "…QT01-001号（第2版）".
        parts = parse_number(re.sub(r"（第\d+版）$", "", number))
        if parts:
            return (parts["prefix"] or self.device.doc_prefix, int(parts["year"] or 0),
                    int(parts["seq"] or 0))
        year = int((row["started_at"] or utcnow_iso())[:4])
        return self.device.doc_prefix, year, 0

    # -- rendering -----------------------------------------------------------------------------
    def _print_copies(self, photos: list[Photo],
                      control: Progress | None) -> dict[str, Path | None]:
        """Print copies of the photos, made in parallel (libjpeg and Pillow release the GIL).

        A photo whose file is missing or unreadable prints as a labelled empty box rather than
        stopping the whole document.
        """
        files: dict[str, Path | None] = {}
        for photo in photos:
            made = self.photos.print_copy_made(photo)
            if made is not None:
                files[photo.id] = made
        total, photos = len(photos), [p for p in photos if p.id not in files]
        if not photos:
            return files
        workers = max(1, min(4, os.cpu_count() or 1, len(photos)))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(self.photos.print_copy, p): p for p in photos}
            try:
                for done, future in enumerate(as_completed(futures), start=len(files) + 1):
                    photo = futures[future]
                    try:
                        files[photo.id] = future.result()
                    except InspectorError as exc:
                        log.warning("photo %s left out of the document: %s", photo.id, exc)
                        files[photo.id] = None
                    if control is not None:
                        control.progress(done, total + 1, photo.original_name or "")
            except BaseException:
                for future in futures:
                    future.cancel()
                raise
        return files

    def sheet(self, inspection_id: str, doc_type: DocType | str, lang: str,
              control: Progress | None = None) -> Sheet:
        """Everything the document shows, its number issued and its photos' print copies made."""
        doc_type = DocType(doc_type)
        if self.is_draft_opinion(inspection_id, doc_type):
            # The results are applied, and the opinion issued, when the re-inspection is
            # completed: until then it prints marked as a draft and takes no number.
            self.check(inspection_id, doc_type)
            sheet = self._sheet(inspection_id, doc_type, lang,
                                pdf_texts.t(normalise_lang(lang), "draft_number"),
                                self.issue_time(inspection_id), control)
            return replace(sheet, draft=True)
        number, issued_at = self.issue(inspection_id, doc_type)
        return self._sheet(inspection_id, doc_type, lang, number, issued_at, control)

    def is_draft_opinion(self, inspection_id: str, doc_type: DocType | str) -> bool:
        """Is this the re-inspection opinion of a re-inspection still under way?"""
        if DocType(doc_type) is not DocType.REINSPECTION:
            return False
        return self._inspection_row(inspection_id)["status"] == Status.DRAFT.value

    def _sheet(self, inspection_id: str, doc_type: DocType, lang: str, number: str,
               issued_at: str, control: Progress | None) -> Sheet:
        lang = normalise_lang(lang)
        data = load_record_data(self.db, inspection_id)
        digest = record_digest(data)
        followed: RecordData | None = None
        order: OrderRef | None = None
        photos: list[Photo] = []
        if doc_type is DocType.RECORD:
            photos = data.photos
        elif doc_type is DocType.REINSPECTION:
            row = self._inspection_row(inspection_id)
            order_doc = self._followed_order(row)
            order = OrderRef(order_doc.number, order_doc.issued_at)
            followed = load_record_data(self.db, row["follows_inspection_id"])
            hazards = {f.id for f in followed.record.findings}
            photos = [p for p in followed.photos
                      if p.finding_id in hazards and p.tag is PhotoTag.BEFORE]
            photos += [p for p in data.photos
                       if p.finding_id in hazards and p.tag is PhotoTag.AFTER]
        files = self._print_copies(photos, control)
        return Sheet(doc_type=doc_type, lang=lang, number=number, issued_at=issued_at,
                     organisation=self.settings.get("organisation") or "", data=data,
                     digest=digest, qr=qr_payload(data, doc_type, digest), photo_files=files,
                     followed=followed, order=order, review=review_bodies(self.settings))

    def render(self, inspection_id: str, doc_type: DocType | str, lang: str,
               control: Progress | None = None) -> bytes:
        """The document as PDF bytes (issues its number on first use)."""
        return self._render(inspection_id, doc_type, lang, control)[0]

    def _render(self, inspection_id: str, doc_type: DocType | str, lang: str,
                control: Progress | None) -> tuple[bytes, str]:
        """The document's PDF bytes and their SHA-256.

        The same pages are laid out once: a document whose sheet is unchanged since it was
        last rendered (a signed record never changes) is found in the render cache, whose
        bytes are checked against the hash they were kept under before they are used.
        """
        data, sha, _ = self._kept_or_laid_out(inspection_id, self._sheet_shown(
            inspection_id, doc_type, lang, control))
        return data, sha

    def _sheet_shown(self, inspection_id: str, doc_type: DocType | str, lang: str,
                     control: Progress | None) -> Sheet:
        sheet = self.sheet(inspection_id, doc_type, lang, control)
        if control is not None:
            control.progress(len(sheet.photo_files), len(sheet.photo_files) + 1, "")
        return sheet

    @staticmethod
    def _slot(inspection_id: str, doc_type: DocType, lang: str) -> str:
        # One slot per inspection, document type and language (ids may hold any character).
        return hashlib.sha256(f"{inspection_id}\0{doc_type.value}\0{lang}"
                              .encode()).hexdigest()[:32]

    @classmethod
    def _slot_key(cls, inspection_id: str, sheet: Sheet) -> tuple[str, str]:
        return cls._slot(inspection_id, sheet.doc_type, sheet.lang), pdf.render_key(sheet)

    def _kept_or_laid_out(self, inspection_id: str, sheet: Sheet, *, fresh: bool = False,
                          check: Callable[[Sheet], None] | None = None
                          ) -> tuple[bytes, str, Rendered | None]:
        """The PDF bytes, their SHA-256, and the render cache's entry holding them (None when
        the cache could not keep them). ``fresh``: laid out now, never read from the cache,
        whose entries vouch for themselves only by the hash in their names: what an inspector
        signs is the record's own pages, not a file anyone could have put in the cache.
        ``check`` is given the sheet whose pages these are (its print copies checked) before
        they are laid out, and may refuse them."""
        def used(shown: Sheet) -> None:
            if check is not None:
                check(shown)

        slot, key = self._slot_key(inspection_id, sheet)
        kept = None if fresh else self._made_here(slot, key)
        if kept is not None:
            used(sheet)
            return kept.data, kept.sha256, kept
        with _slot_lock(slot):
            # The same pages may have been laid out meanwhile (ahead, in the background, or by
            # a preview): they are used rather than laid out a second time.
            kept = None if fresh else self._made_here(slot, key)
            if kept is not None:
                used(sheet)
                return kept.data, kept.sha256, kept
            checked = self._checked_copies(sheet)
            if checked.photo_files != sheet.photo_files:  # a copy made again: other pages
                key = pdf.render_key(checked)
                kept = None if fresh else self._made_here(slot, key)
                if kept is not None:
                    used(checked)
                    return kept.data, kept.sha256, kept
            used(checked)
            data = pdf.render(checked)
            kept = self.rendered.put(slot, key, data)
            if kept is not None:
                self._record_made(slot, key, kept.sha256)
        if kept is None:
            return data, hashlib.sha256(data).hexdigest(), None
        return data, kept.sha256, kept

    def _made_here(self, slot: str, key: str) -> Rendered | None:
        """The kept rendering of ``slot`` under ``key`` when it is the one this computer laid
        out: its bytes those whose hash the database recorded (a file put in the cache
        folder, named by its own hash, is not used)."""
        sha = self.render_ledger.sha256(slot, key)
        return None if sha is None else self.rendered.find(slot, key, sha)

    def _record_made(self, slot: str, key: str, sha: str) -> None:
        try:
            with self.db.atomic():
                self.render_ledger.record(slot, key, sha)
        except sqlite3.OperationalError as exc:  # busy: laid out again when next asked for
            log.warning("rendering of %s not recorded: %s", slot, exc)

    def _checked_copies(self, sheet: Sheet) -> Sheet:
        """``sheet`` with its print copies' bytes, each checked against the hash its name
        records; a copy changed on disk is made again from its (checked) original, and a photo
        whose original was changed too prints as a labelled empty box, like a missing one."""
        photos = {p.id: p for p in sheet.data.photos}
        if sheet.followed is not None:
            photos.update((p.id, p) for p in sheet.followed.photos)
        files = dict(sheet.photo_files)
        data: dict[str, bytes] = {}
        for photo_id, path in sheet.photo_files.items():
            if path is None:
                continue
            try:
                files[photo_id], data[photo_id] = self.photos.checked_print_copy(
                    photos[photo_id], path)
            except InspectorError as exc:
                log.warning("photo %s left out of the document: %s", photo_id, exc.message)
                files[photo_id] = None
        return replace(sheet, photo_files=files, photo_data=data)

    def lay_out_ahead(self, inspection_id: str, lang: str,
                      stop: Callable[[], None] | None = None) -> bool:
        """Lay the record out into the render cache before anyone asks for it, so that its
        first export or preview is a copy. Nothing is written to the database: its number is
        not issued here, so a record whose number and issue time are not yet known (no number,
        or not signed by its inspectors) is left for the export (False). ``stop`` is called
        between the steps and raises to abandon the work."""
        doc_type = DocType.RECORD
        existing = self.issued(inspection_id, doc_type)
        if existing is not None:
            number, issued_at = existing.number, existing.issued_at
        else:
            row = self._inspection_row(inspection_id)
            signed_at = self.signatures.last_inspector_signed_at(inspection_id)
            if not row["number"] or not signed_at:
                return False
            self.check(inspection_id, doc_type)
            # What ``issue`` gives a record on its first export.
            number, issued_at = row["number"], signed_at
        sheet = self._sheet(inspection_id, doc_type, lang, number, issued_at, None)
        if stop is not None:
            stop()
        self._kept_or_laid_out(inspection_id, sheet)
        return True

    def export(self, inspection_id: str, doc_type: DocType | str, lang: str,
               target: Path | str, control: Progress | None = None,
               sign: Callable[[bytes], bytes] | None = None,
               warn: Callable[[Message], None] | None = None) -> Path:
        """Render and write the PDF to ``target`` atomically; the documents row remembers the
        file's name, hash and language. ``control`` reports progress and stops the work, or
        None; ``sign`` turns the rendered PDF into a digitally signed one (PAdES) before it is
        written, and is refused (PhotosLeftOut) for pages that leave a photo out; ``warn`` is
        told of the photos an unsigned PDF leaves out."""
        doc_type = DocType(doc_type)
        lang = normalise_lang(lang)
        target = Path(target).expanduser().absolute()
        numbered_before = self.issued(inspection_id, doc_type) is not None
        wrote: list[Path] = []
        try:
            return self._export(inspection_id, doc_type, lang, target, control, sign, warn,
                                wrote)
        except BaseException:
            # Refused, stopped or failed before any file was written: a number taken for this
            # export is given back, so that no number is lost between two documents. Once the
            # PDF is written the number is printed on a paper someone may hand out: it is kept
            # even if recording the file then failed, so that it is never issued twice.
            if not numbered_before and not wrote:
                try:
                    self._give_back(inspection_id, doc_type)
                except (InspectorError, sqlite3.Error):  # the first failure is the one to tell
                    log.exception("the number of %s %s was not given back", doc_type.value,
                                  inspection_id)
            raise

    def _give_back(self, inspection_id: str, doc_type: DocType) -> None:
        document = self.issued(inspection_id, doc_type)
        if document is None or (doc_type is DocType.RECORD
                                and self._inspection_row(inspection_id)["number"]):
            return  # a record prints its inspection's own number: none was taken for it
        with self.db.atomic():
            withdrawn = self.documents.withdraw_unwritten(document.id)
            if withdrawn is None:
                return
            number, year, seq = withdrawn
            give_back(self.db, doc_type, year, self.device.doc_prefix, number, seq)
            self.audit.record("document", document.id, "delete", inspection_id=inspection_id,
                              old={"type": doc_type.value, "number": number},
                              reason="export refused before any file was written; number "
                                     "given back")

    def _export(self, inspection_id: str, doc_type: DocType, lang: str, target: Path,
                control: Progress | None, sign: Callable[[bytes], bytes] | None,
                warn: Callable[[Message], None] | None, wrote: list[Path]) -> Path:
        draft = self.is_draft_opinion(inspection_id, doc_type)
        if draft and sign is not None:
            raise ValidationError(N_("The re-inspection is not completed: its opinion is only "
                                     "a draft, which is never signed. Complete the "
                                     "re-inspection, then export the opinion signed."))
        if target.is_dir():
            raise ValidationError(N_("{target} is a folder: give the name of the PDF file to "
                                     "write."),
                                  target=target)
        if not target.parent.is_dir():
            raise NotFoundError(N_("The folder {parent} does not exist: choose another "
                                   "place for the PDF."), parent=target.parent)
        # The copy sync carries is written while the user's file is (both wait on the disk),
        # from the bytes the user gets, once they are known to be right.
        with ThreadPoolExecutor(max_workers=1) as keeper:
            def keep(data: bytes | None, file_sha: str, entry: KeptFile | None) -> None:
                if not document_copy(self.data_dir.documents, file_sha).exists():
                    keeper.submit(self._keep_copy, file_sha, data, entry)

            # An unsigned export is most often the kept rendering as it is: it is written
            # beside the target (waiting on the disk) while the sheet is put together and the
            # number issued, and put in place only once the sheet's key says it is the one.
            needed = _Needed()
            slot = self._slot(inspection_id, doc_type, lang)
            made = None if sign is not None else self.render_ledger.made(slot)
            ahead = None if made is None else keeper.submit(
                self.rendered.stage_entry, slot, target, needed.wanted, made)
            try:
                sheet = self._sheet_shown(inspection_id, doc_type, lang, control)
                needed.key = self._slot_key(inspection_id, sheet)[1]
            finally:
                if needed.key is None:  # stopped or refused: what was staged goes
                    needed.abandoned = True
                    self._staged_in_place(ahead, needed, target)
            # The copy sync carries is linked while the staged file is renamed into place (both
            # wait on the disk).
            written = self._staged_in_place(ahead, needed, target,
                                            lambda entry: keep(None, entry.sha256, entry))
            if written is None and sign is None:
                written = self._write_kept(inspection_id, sheet, target)
                if written is not None:
                    keep(None, written.sha256, written)
            if written is not None:
                wrote.append(target)
            shown = [sheet]  # the sheet whose pages are written
            if written is not None:
                file_sha = written.sha256
            else:
                data, file_sha, entry = self._kept_or_laid_out(
                    inspection_id, sheet, fresh=sign is not None,
                    check=shown.append if sign is None else refuse_signing_pages)
                kept = entry.file if entry is not None else None
                if sign is not None:
                    data = sign(data)
                    file_sha = hashlib.sha256(data).hexdigest()  # the file written, as signed
                    kept = None  # not the bytes the cache holds
                keep(data, file_sha, kept)
                try:
                    # Temporary file beside the target, fsync, rename: a crash or a full disk
                    # never leaves half a PDF under the final name, and an older file stays as
                    # it was.
                    write_atomic(target, data)
                except OSError as exc:
                    raise from_os_error(exc, target) from exc
                wrote.append(target)
            # Committed while the copy sync carries is still being made (its failure is only
            # logged: that PDF does not travel).
            document = self.issued(inspection_id, doc_type)
            if document is not None:
                with self.db.atomic():
                    self.documents.update(document.id, {
                        "lang": lang, "file_sha256": file_sha, "file_name": target.name,
                        "updated_at": utcnow_iso(), "device_id": self.device.id})
                    self.audit.record("document", document.id, "export",
                                      inspection_id=inspection_id,
                                      new={"file": target.name, "sha256": file_sha,
                                           "lang": lang})
        if draft and warn is not None:
            warn(Message(N_("The re-inspection is not completed: the opinion was written "
                            "marked as a draft, without a number. Complete the re-inspection, "
                            "then print it again to issue it.")))
        warning = unsigned_warning(shown[-1])
        if warning is not None:
            log.warning("%s: %s", target.name, warning)
            if warn is not None:
                warn(warning)
        return target

    @staticmethod
    def _staged_in_place(ahead: Future[StagedEntry | None] | None, needed: _Needed,
                         target: Path, before_commit: Callable[[KeptFile], None] | None = None
                         ) -> KeptFile | None:
        """The rendering staged ahead put in place when it is the one ``needed``, else removed
        (None); ``before_commit`` is told of it just before. A failure to stage it is left for
        the export to meet and report."""
        if ahead is None:
            return None
        try:
            staged = ahead.result()
        except (OSError, InspectorError) as exc:
            log.debug("rendering not staged ahead: %s", exc)
            return None
        if staged is None:
            return None
        if needed.abandoned or staged.key != needed.key:
            staged.discard()
            return None
        if before_commit is not None:
            before_commit(staged.file)
        try:
            staged.commit()
        except OSError as exc:
            raise from_os_error(exc, target) from exc
        return staged.file

    def _write_kept(self, inspection_id: str, sheet: Sheet, target: Path) -> KeptFile | None:
        """The kept rendering written to ``target`` as it is (atomically, like any export), its
        hash checked as it is written and before it is renamed into place; None when there is
        none or it changed since it was kept (nothing written then)."""
        slot, key = self._slot_key(inspection_id, sheet)
        sha = self.render_ledger.sha256(slot, key)
        if sha is None:  # not laid out here under this key: nothing of ours to write
            return None
        try:
            return self.rendered.write_entry(slot, key, target, sha)
        except OSError as exc:
            raise from_os_error(exc, target) from exc

    def _keep_copy(self, file_sha: str, data: bytes | None, entry: KeptFile | None) -> None:
        """The copy sync carries: a second name of the render cache's entry when it holds these
        bytes (never of the user's file, which may be on a USB stick and may be edited). The
        user's file is written already, so a failure here is not theirs to fix now: that PDF
        simply does not travel, like those made before copies were kept, and the next export
        of the document tries again."""
        same_as = (entry.path, entry.identity) if entry and entry.identity else None
        if data is None and same_as is None:
            return
        try:
            keep_document(self.data_dir.documents, file_sha, data, same_as)
        except InspectorError as exc:
            log.warning("no copy of the PDF kept for sync: %s", exc.message)


REVIEW_SETTINGS = ("review_government", "review_department", "review_court")


def review_bodies(settings: SettingsRepo) -> ReviewBodies:
    """The reconsideration bodies and the court, as the authority's profile names them."""
    government, department, court = (settings.get(k) or "" for k in REVIEW_SETTINGS)
    return ReviewBodies(government, department, court)


def write_file(target: Path, data: bytes) -> None:
    """Write ``data`` whole under ``target`` or not at all; a failure says which file."""
    write_atomic_checked(target, data)


def default_file_name(doc_type: DocType, number: str | None, company: str, lang: str) -> str:
    """A file name that says what the document is: "现场检查记录-泉台纺织有限公司-….pdf"."""
    title = DOC_TITLES[doc_type].en if lang.startswith("en") else DOC_TITLES[doc_type].zh
    name = "-".join(x for x in (title, company, number) if x)
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name)[:150] + ".pdf"
