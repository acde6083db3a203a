"""The printed documents of inspections (``documents``: one row per inspection and type, its
number and issue date) and what deciding whether one may be issued reads. Callers own the
transactions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from inspector_app.domain.numbering import DocType

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class IssuedDocument:
    id: str
    inspection_id: str
    doc_type: DocType
    number: str
    issued_at: str
    follows_document_id: str | None
    lang: str | None
    file_sha256: str | None
    file_name: str | None


class DocumentRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def issued(self, inspection_id: str, doc_type: DocType) -> IssuedDocument | None:
        """The document of this type issued for the inspection; None before it is."""
        row = self.db.execute(
            "SELECT id, inspection_id, doc_type, number, issued_at, follows_document_id, lang, "
            "file_sha256, file_name FROM documents WHERE inspection_id = ? AND doc_type = ?",
            [inspection_id, doc_type.value]).fetchone()
        if row is None:
            return None
        return IssuedDocument(row[0], row[1], DocType(row[2]), *row[3:])

    def insert(self, record: dict[str, Any]) -> None:
        self.db.table("documents").insert(record)

    def update(self, document_id: str, fields: dict[str, Any]) -> None:
        self.db.table("documents").update(document_id, fields)

    def withdraw_unwritten(self, document_id: str) -> tuple[str, int, int] | None:
        """Delete a document never written to a file (its number, year and sequence, to give
        the number back); None, and nothing deleted, once a file was written of it."""
        row = self.db.execute("SELECT number, year, seq FROM documents WHERE id = ? AND "
                              "file_sha256 IS NULL", [document_id]).fetchone()
        if row is None:
            return None
        self.db.execute("DELETE FROM documents WHERE id = ?", [document_id])
        return row[0], int(row[1]), int(row[2])

    # -- what the documents of an inspection depend on ---------------------------------------
    def heading(self, inspection_id: str) -> tuple[str, str | None] | None:
        """(the company's name, the record's number) of the inspection; None when there is
        no such inspection of a company."""
        row = self.db.execute(
            "SELECT c.name, i.number FROM inspections i JOIN companies c ON c.id = i.company_id "
            "WHERE i.id = ?", [inspection_id]).fetchone()
        return (row[0], row[1]) if row else None

    def inspection_facts(self, inspection_id: str) -> dict[str, Any] | None:
        """What decides which documents the inspection may have, by name: id, number, kind,
        status, started_at, follows_inspection_id, subject_unit_id and hazards (how many
        hazards it has, withdrawn ones aside); None when there is no such inspection."""
        cursor = self.db.execute(
            "SELECT id, number, kind, status, started_at, follows_inspection_id, "
            "subject_unit_id, "
            "(SELECT COUNT(*) FROM findings f WHERE f.inspection_id = i.id "
            "AND f.withdrawn_at IS NULL) AS hazards "
            "FROM inspections i WHERE id = ?", [inspection_id])
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip([d[0] for d in cursor.description], row, strict=True))

    def hazard_terms(self, inspection_id: str) -> list[tuple[int, str | None, str | None]]:
        """What an order to rectify says of each hazard (withdrawn ones aside), in their
        order: (number, requirement, deadline)."""
        return [(int(seq), requirement, deadline) for seq, requirement, deadline in
                self.db.execute(
                    "SELECT seq, requirement, deadline FROM findings WHERE inspection_id = ? "
                    "AND withdrawn_at IS NULL ORDER BY seq", [inspection_id])]

    def onsite_measure_count(self, inspection_id: str) -> int:
        """How many hazards (withdrawn ones aside) have a measure taken on site."""
        return int(self.db.execute(
            "SELECT COUNT(*) FROM findings WHERE inspection_id = ? AND withdrawn_at IS NULL "
            "AND TRIM(COALESCE(onsite_measure, '')) != ''", [inspection_id]).fetchone()[0])
