"""Digital signatures: PAdES-signed PDFs with a visible stamp, signed record data, verification.

Verification trusts only the roots in this data dir's trust store (the office's root) and
consults the revocation list that sync brings. pyHanko's ``bottom_line`` decides; a tampered
file can still report ``valid`` while ``intact`` is false.
"""

from __future__ import annotations

import base64
import hashlib
import io
import tempfile
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfReadError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.diff_analysis import (
    DEFAULT_DIFF_POLICY,
    ModificationLevel,
    SuspiciousModification,
)
from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata, PdfSigner
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko.stamp import StaticStampStyle
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore
from reportlab.lib.pagesizes import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from inspector_app.domain.pki import CertInfo
from inspector_app.domain.profile import Device
from inspector_app.domain.records import new_id, record_stamp
from inspector_app.domain.text import printable
from inspector_app.errors import CorruptFileError, InspectorError, ValidationError, from_read_error
from inspector_app.i18n import N_, Message
from inspector_app.paths import chinese_font
from inspector_app.services.attachments import PDF_READ_ERRORS
from inspector_app.services.pki import PkiService, cert_info, fingerprint, pem
from inspector_app.services.progress import Progress
from inspector_app.storage.files import write_atomic_checked
from inspector_app.storage.signatures_repo import RecordSignatureRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

STAMP_W, STAMP_H = 52 * mm, 21 * mm
FIELD_NAME = "InspectorSignature"
_FONT = "InspectorCJK"


class SigningError(InspectorError):
    title = N_("Cannot sign")


@dataclass(frozen=True)
class Verification:
    ok: bool
    message: Message                     # one line, for people
    signer: CertInfo | None = None
    signed_at: datetime | None = None
    intact: bool = False
    trusted: bool = False
    covers_whole_file: bool = False
    revoked_at: str | None = None
    expired: bool = False
    signatures: tuple[SignatureCheck, ...] = ()

    @property
    def reason(self) -> str:
        """The message in the user's language."""
        return self.message.localized()

    def summary(self) -> str:
        if self.signer is None:
            return self.reason
        if self.signed_at is None:
            return Message(N_("{reason} — {signer}"), reason=self.message,
                           signer=self.signer.described()).localized()
        return Message(N_("{reason} — {signer}, signed {time} UTC"), reason=self.message,
                       signer=self.signer.described(),
                       time=f"{self.signed_at:%Y-%m-%d %H:%M}").localized()


# -- the visible stamp --
def _register_font() -> str:
    if _FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(_FONT, str(chinese_font()), subfontIndex=0))
    return _FONT


def stamp_pdf(info: CertInfo, signed_at: datetime, path: Path) -> Path:
    """A one-box PDF naming the signer; pyHanko places it as the signature's appearance.

    pyHanko's own text stamps have no Chinese glyphs, so the stamp is drawn with reportlab.
    """
    font = _register_font()
    c = canvas.Canvas(str(path), pagesize=(STAMP_W, STAMP_H))
    c.setStrokeColorRGB(0.7, 0.05, 0.1)
    c.setLineWidth(1.2)
    c.roundRect(1, 1, STAMP_W - 2, STAMP_H - 2, 4)
    c.setFillColorRGB(0.7, 0.05, 0.1)
    c.setFont(font, 8.5)
    lines = [
        f"数字签名 Digitally signed: {info.subject_name}",
        f"执法证号 ID: {info.enforcement_id or '—'}",
        f"时间 Time: {signed_at.astimezone().strftime('%Y-%m-%d %H:%M %z')}",
        "自签名，非机关签发 Self-signed" if info.self_signed
        else f"签发 Issued by: {info.organisation or info.issuer_name}",
    ]
    y = STAMP_H - 5 * mm
    room = STAMP_W - 6 * mm
    for line in map(printable, lines):  # names come from certificates: no control characters
        size = 8.5
        while size > 5 and pdfmetrics.stringWidth(line, font, size) > room:
            size -= 0.5  # shrink a long name rather than cut it
        c.setFont(font, size)
        c.drawString(3 * mm, y, line)
        y -= 4.1 * mm
    c.save()
    return path


# -- signing --
def _asn1_cert(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def _asn1_key(key: ec.EllipticCurvePrivateKey) -> asn1_keys.PrivateKeyInfo:
    # In memory only, for the duration of one signature.
    return asn1_keys.PrivateKeyInfo.load(key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))


def sign_pdf(source: Path, target: Path, cert: x509.Certificate,
             key: ec.EllipticCurvePrivateKey, chain: list[x509.Certificate], *,
             reason: str = "现场检查文书 Inspection document",
             signed_at: datetime | None = None) -> Path:
    """PAdES-sign ``source`` into ``target`` (atomically) with a visible stamp on the last page."""
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise from_read_error(exc, source) from exc
    write_atomic_checked(target, sign_pdf_bytes(data, cert, key, chain, reason=reason,
                                         signed_at=signed_at, name=str(source)))
    return target


def sign_pdf_bytes(data: bytes, cert: x509.Certificate, key: ec.EllipticCurvePrivateKey,
                   chain: list[x509.Certificate], *,
                   reason: str = "现场检查文书 Inspection document",
                   signed_at: datetime | None = None, name: str = "the PDF",
                   field_name: str = FIELD_NAME) -> bytes:
    """Sign ``data`` in a new revision. A further signature (a countersignature) needs its own
    ``field_name``; its stamp goes above the ones before it."""
    signed_at = signed_at or datetime.now(UTC)
    info = cert_info(cert)
    signer = signers.SimpleSigner(
        signing_cert=_asn1_cert(cert), signing_key=_asn1_key(key),
        cert_registry=SimpleCertificateStore.from_certs([_asn1_cert(c) for c in chain]))
    with tempfile.TemporaryDirectory() as tmp:
        stamp = stamp_pdf(info, signed_at, Path(tmp) / "stamp.pdf")
        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        except (PdfReadError, ValueError) as exc:
            raise CorruptFileError(N_("{name} is not a readable PDF: {exc}"),
                                   name=name, exc=exc) from None
        last_page = int(writer.root["/Pages"]["/Count"]) - 1
        earlier = len(PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures)
        meta = PdfSignatureMetadata(
            field_name=field_name, md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES, reason=reason,
            name=info.subject_name)
        pdf_signer = PdfSigner(
            meta, signer=signer,
            stamp_style=StaticStampStyle.from_pdf_file(str(stamp), border_width=0),
            new_field_spec=fields.SigFieldSpec(field_name, on_page=last_page,
                                               box=_stamp_box(writer, last_page, earlier)))
        out = io.BytesIO()
        pdf_signer.sign_pdf(writer, output=out)
    return out.getvalue()


def _stamp_box(writer: IncrementalPdfFileWriter, page: int,
               earlier: int = 0) -> tuple[int, int, int, int]:
    """Bottom of the page, left of the QR code and above the footer line of our documents;
    each further signature's stamp above the one before."""
    from inspector_app.services.pdf.page import qr_position

    qr_left, _ = qr_position()
    right = qr_left - 3 * mm
    bottom = 8 * mm + earlier * (STAMP_H + 2 * mm)
    return (int(right - STAMP_W), int(bottom), int(right), int(bottom + STAMP_H))


def sign_data(key: ec.EllipticCurvePrivateKey, data: bytes) -> str:
    return base64.b64encode(key.sign(data, ec.ECDSA(hashes.SHA256()))).decode()


# -- verifying --
@dataclass(frozen=True)
class SignatureCheck:
    """One signature of a PDF, judged on its own."""

    number: int                          # 1 = the first signature made
    count: int
    verification: Verification
    revision: int                        # the file revision it signs (1-based)
    revisions: int                       # revisions in the file

    @property
    def coverage(self) -> str:
        """What of the file it signs, in the user's language."""
        return self._coverage().localized()

    def _coverage(self) -> Message:
        if self.verification.covers_whole_file:
            return Message(N_("covers the whole file"))
        if self.revision == self.revisions:
            return Message(N_("does not cover bytes added after it"))
        return Message(N_("covers revisions 1–{revision} of {revisions}"),
                       revision=self.revision, revisions=self.revisions)

    def line(self) -> str:
        """The signature in one line, in the user's language."""
        v = self.verification
        who = v.signer.described() if v.signer else Message(N_("unknown signer"))
        when = (Message(N_("signed {time} UTC"), time=f"{v.signed_at:%Y-%m-%d %H:%M}")
                if v.signed_at else Message(N_("no signing time")))
        status = (Message(N_("valid")) if v.ok
                  else Message(N_("NOT VALID: {reason}"), reason=v.message))
        return Message(N_("signature {number} of {count}: {signer}; {when}; {coverage}; "
                          "{status}"), number=self.number, count=self.count, signer=who,
                       when=when, coverage=self._coverage(), status=status).localized()


def verify_pdf(path: Path, pki: PkiService, *, now: datetime | None = None) -> Verification:
    """Judge every signature of the PDF; valid only when each one is.

    A signature stays valid through later revisions only when each of them adds a further
    signature and changes nothing else (pyHanko's difference analysis decides what changed).
    The result describes the first signature that fails, else the last one; ``signatures``
    lists them all.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise from_read_error(exc, path) from exc
    return verify_pdf_data(data, pki, now=now)


def verify_pdf_data(data: bytes, pki: PkiService, *, now: datetime | None = None
                    ) -> Verification:
    """``verify_pdf`` of a PDF's bytes (a file a bundle carries, not yet on disk)."""
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = sorted(reader.embedded_signatures, key=lambda s: s.signed_revision)
        revisions = reader.xrefs.total_revisions
    except (PdfReadError, *PDF_READ_ERRORS) as exc:
        # pyhanko's asserts say nothing: their type then
        return Verification(False, Message(N_("not a readable PDF ({exc})"),
                                           exc=str(exc) or type(exc).__name__))
    if not signatures:
        return Verification(False, Message(N_("not signed")))
    roots = pki.trust_roots()
    context = ValidationContext(trust_roots=[_asn1_cert(r) for r in roots],
                                allow_fetching=False, moment=now)
    signature_revisions = {s.signed_revision for s in signatures}
    signature_fields = {s.field_name for s in signatures}
    checks = []
    for number, sig in enumerate(signatures, start=1):
        result = _verify_one(reader, sig, context, roots, pki, now, signature_revisions,
                             signature_fields)
        checks.append(SignatureCheck(number, len(signatures), result,
                                     sig.signed_revision + 1, revisions))
    failed = next((c for c in checks if not c.verification.ok), None)
    chosen = failed or checks[-1]
    message = chosen.verification.message
    if failed is not None and len(checks) > 1:
        message = Message(N_("signature {number} of {count}: {reason}"), number=failed.number,
                          count=failed.count, reason=message)
    elif failed is None and len(checks) > 1:
        message = Message(N_("all {count} signatures valid: intact and trusted"),
                          count=len(checks))
    return replace(chosen.verification, ok=failed is None, message=message,
                   signatures=tuple(checks))


def _later_change(reader: PdfFileReader, signed_revision: int,
                  signature_revisions: set[int], signature_fields: set[str]) -> Message | None:
    """The first revision after ``signed_revision`` that does more than add a signature,
    in words; None when every later revision only signs."""
    base = reader.get_historical_resolver(signed_revision)
    total = reader.xrefs.total_revisions
    for revision in range(signed_revision + 1, total):
        where = Message(N_("revision {revision} of {revisions}"), revision=revision + 1,
                        revisions=total)
        try:
            diff = DEFAULT_DIFF_POLICY.apply(old=base,
                                             new=reader.get_historical_resolver(revision),
                                             field_mdp_spec=None, doc_mdp=None)
        except SuspiciousModification:
            return Message(N_("{revision} changes the document's content"), revision=where)
        except Exception as exc:  # a damaged revision is a change nobody can explain
            return Message(N_("{revision} cannot be analysed ({error})"), revision=where,
                           error=type(exc).__name__)
        if revision in signature_revisions:
            allowed = ModificationLevel.FORM_FILLING
            if not diff.changed_form_fields <= signature_fields:
                fields_changed = ", ".join(sorted(diff.changed_form_fields - signature_fields))
                return Message(N_("{revision} fills in form fields ({fields})"), revision=where,
                               fields=fields_changed)
        else:
            allowed = ModificationLevel.LTA_UPDATES
        if diff.modification_level > allowed:
            if diff.modification_level == ModificationLevel.ANNOTATIONS:
                return Message(N_("{revision} adds annotations"), revision=where)
            if diff.modification_level == ModificationLevel.FORM_FILLING:
                return Message(N_("{revision} fills in the form without a signature"),
                               revision=where)
            return Message(N_("{revision} changes the document's content"), revision=where)
    return None


def _verify_one(reader: PdfFileReader, sig, context: ValidationContext,
                roots: list[x509.Certificate], pki: PkiService, now: datetime | None,
                signature_revisions: set[int], signature_fields: set[str]) -> Verification:
    try:
        status = validate_pdf_signature(sig, context)
    except Exception as exc:  # pyHanko raises several types for broken CMS data
        return Verification(False, Message(N_("the signature is damaged ({error}: {exc})"),
                                           error=type(exc).__name__, exc=exc))
    signer_cert = x509.load_der_x509_certificate(status.signing_cert.dump())
    info = cert_info(signer_cert)
    signed_at = status.signer_reported_dt
    coverage = status.coverage
    whole_file = coverage == SignatureCoverageLevel.ENTIRE_FILE
    intact = bool(status.intact and status.valid)
    issuer = next((r for r in roots if r.subject == signer_cert.issuer), None)
    revoked_at = pki.revoked(fingerprint(issuer), info.serial) if issuer is not None else None
    moment = now or datetime.now(UTC)
    expired = moment > info.not_after or moment < info.not_before
    common = dict(signer=info, signed_at=signed_at, intact=intact,
                  trusted=bool(status.trusted), covers_whole_file=whole_file,
                  revoked_at=revoked_at, expired=expired)
    if not intact:
        return Verification(False, Message(N_("modified after signing (the signed bytes do not "
                                              "match)")), **common)
    if not whole_file:
        last = sig.signed_revision == reader.xrefs.total_revisions - 1
        if coverage != SignatureCoverageLevel.ENTIRE_REVISION or last:
            # Bytes after the signed revision that are no revision of their own.
            return Verification(False, Message(N_("modified after signing (content was added "
                                                  "after the signature)")), **common)
        change = _later_change(reader, sig.signed_revision, signature_revisions,
                               signature_fields)
        if change is not None:
            return Verification(False, Message(N_("modified after signing: {change}"),
                                               change=change), **common)
    if revoked_at:
        return Verification(False, Message(N_("the signer's certificate was revoked on {day}"),
                                           day=revoked_at[:10]), **common)
    if expired:
        return Verification(False, Message(N_("the signer's certificate expired on {day}"),
                                           day=f"{info.not_after:%Y-%m-%d}"), **common)
    if info.self_signed or issuer is None or not status.trusted:
        return Verification(False, Message(N_("unknown signer (not issued by a trusted "
                                              "office)")), **common)
    if not (status.valid and status.intact and status.trusted):
        return Verification(False, Message(N_("the signature is not valid")), **common)
    return Verification(True, Message(N_("signature valid: intact and trusted")), **common)


def _check_signer_belongs(info: CertInfo, kind: str, inspectors: list) -> None:
    """The identity must be one of the record's inspectors; a company's own (self-signed)
    identity signs only its self-inspections."""
    if info.self_signed:
        if kind != "self":
            raise SigningError(N_("A company's own identity signs only company self-inspections; "
                                  "import the enrolment file the office issued for you."))
        return
    for inspector in inspectors:
        same_id = info.enforcement_id and inspector.enforcement_id == info.enforcement_id
        if same_id or inspector.name == info.subject_name:
            return
    names = "、".join(i.name for i in inspectors) or "nobody"
    raise SigningError(N_("This computer's signing identity belongs to {subject_name}"
                          "{value}, who is not "
                          "an inspector of this record ({names})."),
                       subject_name=info.subject_name,
                       value=f'（{info.enforcement_id}）' if info.enforcement_id else '',
                       names=names)


# -- signing an inspection --
class _OneStepMore:
    """The photos' check counted as steps of the signing, which has one step more (the
    signature itself): the totals a watcher sees stay the same throughout."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._progress.progress(done, total + 1, text)

    def check_cancelled(self) -> None:
        self._progress.check_cancelled()


class SigningService:
    def __init__(self, db: Database, device: Device, photos: Path | None = None) -> None:
        """``photos``: the photo folder, whose originals of a record's photos are checked
        before it is signed (None: not checked, for a caller that only verifies)."""
        self.db = db
        self.device = device
        self.photos = photos
        self.pki = PkiService(db, device)
        self.record_signatures = RecordSignatureRepo(db)

    def record_signature(self, inspection_id: str, revision: int, data: bytes,
                         cert: x509.Certificate, key: ec.EllipticCurvePrivateKey) -> str:
        """Sign the record's canonical data; call inside the transaction that locks it."""
        signature_id = new_id()
        self.record_signatures.insert({
            "id": signature_id, "inspection_id": inspection_id, "revision": revision,
            "data_sha256": hashlib.sha256(data).hexdigest(), "signature": sign_data(key, data),
            "cert_pem": pem(cert), "signed_at": record_stamp(self.device.id)["created_at"],
            **record_stamp(self.device.id)})
        return signature_id

    def sign_inspection(self, inspection_id: str, passphrase: str,
                        actor: str | None = None) -> str:
        """Lock a completed inspection and sign its canonical data, in one transaction."""
        cert, key, _chain = self.pki.unlock(passphrase)
        return self.sign_unlocked(inspection_id, cert, key, actor)

    def sign_unlocked(self, inspection_id: str, cert: x509.Certificate,
                      key: ec.EllipticCurvePrivateKey, actor: str | None = None,
                      progress: Progress | None = None) -> str:
        """Lock a completed inspection and sign its canonical data, in one transaction.

        ``progress`` counts the photos whose originals are checked (the long part, read and
        hashed) and one step more for the signature, reported as it begins. Cancelled up to
        then, nothing has changed: the record is not locked and nothing is written; after
        it, the stop is not heard."""
        from inspector_app.services.documents import canonical_record_data, load_record_data
        from inspector_app.services.inspections import InspectionService

        info = cert_info(cert)
        if datetime.now(UTC) > info.not_after:
            raise SigningError(N_("Your signing certificate expired on {not_after:%Y-%m-%d}; "
                                  "ask the office for a new enrolment file."),
                               not_after=info.not_after)
        inspections = InspectionService(self.db, self.device, actor)
        record = inspections.get(inspection_id)
        _check_signer_belongs(info, record.kind.value, record.inspectors)
        self._check_no_stale_signatures(inspection_id)
        photos = self._check_photos_as_taken_in(inspection_id, progress)
        if progress is not None:
            # The last moment to stop: the lock and the signature are one transaction.
            progress.progress(photos, photos + 1, "")
        with self.db.atomic():
            inspections.lock(inspection_id)  # refuses anything but a completed inspection
            data = canonical_record_data(load_record_data(self.db, inspection_id))
            # No progress (nor its check for a stop) after this: signed is signed.
            return self.record_signature(inspection_id, record.revision, data, cert, key)

    def _check_photos_as_taken_in(self, inspection_id: str,
                                  progress: Progress | None = None) -> int:
        """A record is never signed while a photo it prints is missing or changed on disk:
        once locked, nobody could put it right but by a new revision. The number of photos
        checked."""
        from inspector_app.services.documents import load_record_data
        from inspector_app.services.left_out_photos import refuse_signing_record
        from inspector_app.services.photos import originals_not_as_taken_in
        from inspector_app.storage.photo_store import PhotoStore

        if self.photos is None:
            return 0
        data = load_record_data(self.db, inspection_id)
        counted = _OneStepMore(progress) if progress is not None else None
        refuse_signing_record(originals_not_as_taken_in(PhotoStore(self.photos), data.photos,
                                                        counted), data)
        return len(data.photos)

    def _check_no_stale_signatures(self, inspection_id: str) -> None:
        """A record is never locked over handwritten signatures given before it changed."""
        from inspector_app.services.signatures import SignatureService

        stale = SignatureService(self.db, self.device).stale(inspection_id)
        if stale:
            names = "; ".join(s.signer_name for s in stale)
            raise ValidationError(N_("The record changed after these handwritten signatures were "
                                     "given; they must be given again before it is signed and "
                                     "locked: {names}."), names=names)

    def check_record(self, inspection_id: str) -> tuple[bool, str]:
        """Does the stored record still match what was signed? (sync checks this)"""
        from inspector_app.services.documents import canonical_record_data, load_record_data

        latest = self.record_signatures.latest(inspection_id)
        if latest is None:
            return False, N_("not signed")
        data_sha256, signature, cert_pem = latest
        data = canonical_record_data(load_record_data(self.db, inspection_id))
        if hashlib.sha256(data).hexdigest() != data_sha256:
            return False, N_("the record was changed after signing")
        from inspector_app.services.pki import verify_detached

        if not verify_detached(cert_pem, base64.b64decode(signature), data):
            return False, N_("the record signature does not verify")
        return True, N_("the record matches its signature")
