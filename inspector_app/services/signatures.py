"""Collecting handwritten signatures on a record.

Every public write is one transaction with its audit entries. A signature is refused when its
strokes are no signature (``domain.signature.signature_problem``) or when its PNG is blank or
unreadable: a blank image must never reach a printed record.

A company that refuses to sign is stored as two rows written together: a ``company`` row with
``refused = 1`` carrying the company person's name, no strokes and no image, and the witness's
own signature as a ``witness`` row. ``missing_signatures`` accepts either the company's signature
or that pair.
"""

from __future__ import annotations

import builtins
import io
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PIL import Image, UnidentifiedImageError

from inspector_app.domain.inspection import Kind, Status
from inspector_app.domain.profile import Device, Inspector
from inspector_app.domain.records import new_id, record_stamp, utcnow_iso
from inspector_app.domain.signature import (
    DEFAULT_PAD_SIZE,
    TOO_SHORT,
    Required,
    Signature,
    SignerRole,
    Stroke,
    clean_name,
    missing_signers,
    normalise_strokes,
    signature_problem,
    strokes_to_json,
)
from inspector_app.errors import LockedRecordError, NotFoundError, ValidationError
from inspector_app.i18n import N_, Message
from inspector_app.storage.audit import AuditLog
from inspector_app.storage.inspections_repo import InspectionRepo
from inspector_app.storage.signatures_repo import SignatureRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

MAX_PNG_BYTES = 2 * 1024 * 1024
MAX_PNG_SIDE = 4000
# A pixel counts as ink when it is clearly darker than paper and not transparent.
INK_LEVEL = 160
MIN_INK_PIXELS = 30

def check_png(png: bytes) -> tuple[int, int]:
    """The PNG's size, after checking that it decodes and has ink on it."""
    if not png:
        raise ValidationError(N_("The signature image is empty; please sign again."))
    if len(png) > MAX_PNG_BYTES:
        raise ValidationError(N_("The signature image is too large."))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(png))
            if image.format != "PNG":
                raise ValidationError(N_("The signature image is not a PNG."))
            if max(image.size) > MAX_PNG_SIDE:
                raise ValidationError(N_("The signature image is too large."))
            image.load()
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError,
            Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise ValidationError(N_("The signature image cannot be read ({exc})."), exc=exc) from None
    rgba = image.convert("RGBA")
    # Ink: opaque enough and darker than the page, whether the page is white or transparent.
    alpha = rgba.getchannel("A").point(lambda a: 255 if a >= 128 else 0)
    dark = rgba.convert("L").point(lambda v: 255 if v < INK_LEVEL else 0)
    ink = sum(Image.composite(dark, Image.new("L", rgba.size, 0), alpha).histogram()[255:])
    if ink < MIN_INK_PIXELS:
        raise ValidationError(N_("The signature image is blank; please sign again."))
    return image.size


class SignatureService:
    def __init__(self, db: Database, device: Device, actor: str | None = None) -> None:
        self.db = db
        self.device = device
        self.actor = actor
        self.repo = InspectionRepo(db)
        self.signatures = SignatureRepo(db)
        self.audit = AuditLog(db, device.id, actor)

    # -- reading --
    def get(self, signature_id: str) -> Signature:
        signature = self.signatures.get(signature_id)
        if signature is None:
            raise NotFoundError(N_("No signature with id {signature_id}."),
                                signature_id=signature_id)
        return signature

    def list(self, inspection_id: str) -> builtins.list[Signature]:
        """Inspectors first (in team order of signing), then the company, then witnesses."""
        return self.signatures.of_inspection(inspection_id)

    def record_row(self, inspection_id: str) -> dict[str, Any] | None:
        """The inspection's stored row (number, status, subject), or None when there is none."""
        return self.repo.row(inspection_id)

    def team(self, inspection_id: str) -> builtins.list[Inspector]:
        """The inspectors who sign: the team as signed, else as the inspection has it now."""
        return self.repo.inspectors(inspection_id)

    def fingerprint(self, inspection_id: str) -> str:
        """The record content a signature given now is tied to."""
        # Imported here: the documents bring the PDF libraries (a tenth of a second to load),
        # which the sync import, needing only check_png of this module, never uses.
        from inspector_app.services.documents import record_content_fingerprint

        return record_content_fingerprint(self.db, inspection_id)

    def current_and_stale(self, inspection_id: str
                          ) -> tuple[builtins.list[Signature], builtins.list[Signature]]:
        """The signatures given on the record as it stands, and those given before a change.

        A signature stored without a fingerprint (before they were kept) counts as current.
        """
        signatures = self.list(inspection_id)
        if not signatures:
            return [], []
        now = self.fingerprint(inspection_id)
        current = [s for s in signatures if s.record_fingerprint in (None, now)]
        return current, [s for s in signatures if s not in current]

    def given_on_record_as_it_stands(self, inspection_id: str, *,
                                     known: frozenset[str] = frozenset()
                                     ) -> builtins.list[Signature]:
        """The signatures a change to the record would void (a change to anything the record
        prints: answers, notes, hazards, photos, the header). ``known``: ids already asked
        about, for which the record's content is not fingerprinted again."""
        signatures = self.list(inspection_id)
        if not signatures or {s.id for s in signatures} <= known:
            return []
        return self.current_and_stale(inspection_id)[0]

    def stale(self, inspection_id: str) -> builtins.list[Signature]:
        """Signatures given before the answers, hazards or photos changed: to be given again."""
        return self.current_and_stale(inspection_id)[1]

    def missing_signers(self, inspection_id: str) -> builtins.list[Required]:
        row = self._row(inspection_id)
        current, stale = self.current_and_stale(inspection_id)
        return missing_signers(Kind(row["kind"]), self.repo.inspectors(inspection_id),
                               current, stale)

    def missing_signatures(self, inspection_id: str) -> builtins.list[str]:
        """Who still has to sign, in words; empty when the record has every signature."""
        return [r.text() for r in self.missing_signers(inspection_id)]

    # -- writing --
    def _row(self, inspection_id: str) -> dict[str, Any]:
        row = self.repo.row(inspection_id)
        if row is None:
            raise NotFoundError(N_("No inspection with id {inspection_id}."),
                                inspection_id=inspection_id)
        return row

    def _signable_row(self, inspection_id: str) -> dict[str, Any]:
        row = self._row(inspection_id)
        if row["status"] == Status.SIGNED.value:
            raise LockedRecordError(N_("This inspection is signed and locked: signatures cannot "
                                       "be added or removed. Use Amend to make a revision."))
        return row

    @staticmethod
    def _checked_ink(strokes: Sequence[Stroke], png: bytes,
                     pad_size: tuple[float, float]) -> builtins.list[Stroke]:
        clean = normalise_strokes(strokes)
        if signature_problem(clean, *pad_size) is not None:
            raise ValidationError(TOO_SHORT)
        check_png(png)
        return clean

    def add(self, inspection_id: str, role: SignerRole | str, signer_name: str,
            strokes: Sequence[Stroke], png: bytes, *, signer_id_number: str | None = None,
            inspector_id: str | None = None,
            pad_size: tuple[float, float] = DEFAULT_PAD_SIZE) -> Signature:
        """Store one person's signature. ``pad_size`` is the pad the strokes were drawn on."""
        self._signable_row(inspection_id)
        try:
            role = SignerRole(role)
        except ValueError:
            raise ValidationError(N_("{role!r} is not a signer role "
                                     "(inspector, company or witness)."), role=role) from None
        signer_name = clean_name(signer_name)
        existing, stale = self.current_and_stale(inspection_id)
        if role is SignerRole.INSPECTOR:
            team = {i.id: i for i in self.repo.inspectors(inspection_id)}
            if inspector_id not in team:
                raise ValidationError(N_("Only an inspector of this inspection signs as "
                                         "inspector."))
            if any(s.inspector_id == inspector_id for s in existing):
                raise ValidationError(N_("{name} has already signed."),
                                      name=team[inspector_id].name)
            signer_id_number = signer_id_number or team[inspector_id].enforcement_id
        elif inspector_id is not None:
            raise ValidationError(N_("Only an inspector's signature names an inspector."))
        if role is SignerRole.COMPANY and any(s.role is role for s in existing):
            raise ValidationError(N_("The company has already signed or refused to sign; remove "
                                     "that first."))
        if role is SignerRole.WITNESS and any(
                s.role is role and s.signer_name == signer_name for s in existing):
            raise ValidationError(N_("{signer_name} has already signed as witness."),
                                  signer_name=signer_name)
        clean = self._checked_ink(strokes, png, pad_size)
        signature_id = new_id()
        replaced = [s for s in stale if s.role is role and (
            s.inspector_id == inspector_id if role is SignerRole.INSPECTOR
            else role is SignerRole.COMPANY or s.signer_name == signer_name)]
        with self.db.atomic():
            self._drop_stale(replaced)
            self._insert(signature_id, inspection_id, role, signer_name, signer_id_number,
                         inspector_id, strokes_to_json(clean, pad_size), png, refused=False)
        return self.get(signature_id)

    def _drop_stale(self, stale: Sequence[Signature]) -> None:
        """A stale signature given again is replaced; History keeps both."""
        for s in stale:
            self.signatures.delete(s.id)
            self.audit.record("signature", s.id, "delete", inspection_id=s.inspection_id,
                              reason="given again: the record changed after it was signed",
                              old={"role": s.role.value, "signer": s.signer_name,
                                   "signed_at": s.signed_at, "refused": s.refused})

    def record_refusal(self, inspection_id: str, company_person_name: str, witness_name: str,
                       strokes: Sequence[Stroke], png: bytes, *,
                       pad_size: tuple[float, float] = DEFAULT_PAD_SIZE
                       ) -> tuple[Signature, Signature]:
        """The company's person refuses to sign; a witness signs that they saw it.

        Returns (the refusal, the witness's signature), written in one transaction.
        """
        self._signable_row(inspection_id)
        person = clean_name(company_person_name,
                            Message(N_("the name of the company's person")))
        witness = clean_name(witness_name, Message(N_("the witness's name")))
        if person == witness:
            raise ValidationError(N_("The witness must be someone other than the person who "
                                     "refuses to sign."))
        existing, stale = self.current_and_stale(inspection_id)
        if any(s.role is SignerRole.COMPANY for s in existing):
            raise ValidationError(N_("The company has already signed or refused to sign; remove "
                                     "that first."))
        if any(s.role is SignerRole.WITNESS and s.signer_name == witness for s in existing):
            raise ValidationError(N_("{witness} has already signed as witness."), witness=witness)
        clean = self._checked_ink(strokes, png, pad_size)
        refusal_id, witness_id = new_id(), new_id()
        replaced = [s for s in stale if s.role is SignerRole.COMPANY
                    or (s.role is SignerRole.WITNESS and s.signer_name == witness)]
        with self.db.atomic():
            self._drop_stale(replaced)
            self._insert(refusal_id, inspection_id, SignerRole.COMPANY, person, None, None,
                         None, None, refused=True)
            self._insert(witness_id, inspection_id, SignerRole.WITNESS, witness, None, None,
                         strokes_to_json(clean, pad_size), png, refused=False,
                         reason=f"witness to {person}'s refusal to sign")
        return self.get(refusal_id), self.get(witness_id)

    def _insert(self, signature_id: str, inspection_id: str, role: SignerRole, name: str,
                id_number: str | None, inspector_id: str | None, strokes: str | None,
                png: bytes | None, *, refused: bool, reason: str | None = None) -> None:
        stamp = record_stamp(self.device.id)
        self.signatures.insert({
            "id": signature_id, "inspection_id": inspection_id, "role": role.value,
            "signer_name": name, "signer_id_number": id_number, "inspector_id": inspector_id,
            "strokes": strokes, "png": png, "refused": int(refused),
            "signed_at": utcnow_iso(), "record_fingerprint": self.fingerprint(inspection_id),
            **stamp})
        self.audit.record("signature", signature_id, "refuse" if refused else "create",
                          inspection_id=inspection_id, reason=reason,
                          new={"role": role.value, "signer": name, "id_number": id_number,
                               "refused": refused})

    def remove(self, signature_id: str, reason: str) -> None:
        """Take a signature (or a refusal) back while the record is not yet locked."""
        if not (reason or "").strip():
            raise ValidationError(N_("Say why the signature is removed."))
        signature = self.get(signature_id)
        self._signable_row(signature.inspection_id)
        with self.db.atomic():
            self.signatures.delete(signature_id)
            # The inspection changed: sync must carry it, and the receiver removes the signature.
            self.repo.update(signature.inspection_id, {"updated_at": utcnow_iso(),
                                                       "device_id": self.device.id})
            self.audit.record("signature", signature_id, "delete", reason=reason.strip(),
                              inspection_id=signature.inspection_id,
                              old={"role": signature.role.value, "signer": signature.signer_name,
                                   "signed_at": signature.signed_at,
                                   "refused": signature.refused})
