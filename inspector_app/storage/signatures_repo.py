"""Signatures of a record: the handwritten ones (``signatures``) and the digital signature of
its data (``record_signatures``). Callers own the transactions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from inspector_app.domain.signature import Signature, SignerRole, strokes_from_json

if TYPE_CHECKING:
    from sqlite_utils import Database

_COLUMNS = ("id, inspection_id, role, signer_name, signer_id_number, inspector_id, strokes, png, "
            "refused, signed_at, created_at, record_fingerprint")
_ROLE_ORDER = "CASE role WHEN 'inspector' THEN 0 WHEN 'company' THEN 1 ELSE 2 END"


def _signature(row: Sequence[Any]) -> Signature:
    strokes, pad = strokes_from_json(row[6])
    return Signature(id=row[0], inspection_id=row[1], role=SignerRole(row[2]),
                     signer_name=row[3], signer_id_number=row[4], inspector_id=row[5],
                     strokes=strokes, pad_size=pad, png=row[7], refused=bool(row[8]),
                     signed_at=row[9], created_at=row[10], record_fingerprint=row[11])


class SignatureRepo:
    """Handwritten signatures (and refusals to sign) given on a record."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, signature_id: str) -> Signature | None:
        """The signature with this id; None when there is none."""
        row = self.db.execute(f"SELECT {_COLUMNS} FROM signatures WHERE id = ?",
                              [signature_id]).fetchone()
        return _signature(row) if row is not None else None

    def of_inspection(self, inspection_id: str) -> list[Signature]:
        """The record's signatures: inspectors first, then the company, then witnesses; each
        role in the order they were given."""
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM signatures WHERE inspection_id = ? "
            f"ORDER BY {_ROLE_ORDER}, signed_at, rowid", [inspection_id]).fetchall()
        return [_signature(r) for r in rows]

    def printed_rows(self, inspection_id: str) -> list[tuple[Any, ...]]:
        """The record's signatures as its documents print them, in the order given: (id, role,
        signer name, signer id number, inspector id, PNG, strokes as stored (JSON text),
        refused (0/1), signed at, record fingerprint)."""
        return [tuple(r) for r in self.db.execute(
            "SELECT id, role, signer_name, signer_id_number, inspector_id, png, strokes, refused, "
            "signed_at, record_fingerprint FROM signatures WHERE inspection_id = ? "
            "ORDER BY signed_at, rowid", [inspection_id])]

    def last_inspector_signed_at(self, inspection_id: str) -> str | None:
        """When the last of the record's inspectors signed it (refusals aside); None when no
        inspector has signed."""
        row = self.db.execute(
            "SELECT MAX(signed_at) FROM signatures WHERE inspection_id = ? AND role = 'inspector' "
            "AND refused = 0", [inspection_id]).fetchone()
        return str(row[0]) if row and row[0] else None

    def insert(self, record: dict[str, Any]) -> None:
        self.db.table("signatures").insert(record)

    def delete(self, signature_id: str) -> None:
        self.db.execute("DELETE FROM signatures WHERE id = ?", [signature_id])


class RecordSignatureRepo:
    """Digital signatures of a record's canonical data, one per signing."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def insert(self, record: dict[str, Any]) -> None:
        self.db.table("record_signatures").insert(record)

    def latest(self, inspection_id: str) -> tuple[str, str, str] | None:
        """The newest digital signature of the record: (SHA-256 of the signed data, the
        signature in base64, the signer's certificate as PEM); None when it was never signed."""
        row = self.db.execute(
            "SELECT data_sha256, signature, cert_pem FROM record_signatures "
            "WHERE inspection_id = ? ORDER BY signed_at DESC LIMIT 1", [inspection_id]).fetchone()
        return (str(row[0]), str(row[1]), str(row[2])) if row is not None else None
