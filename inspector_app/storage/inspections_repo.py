"""SQL for inspections, their answers and their hazards. Callers own the transactions."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from inspector_app.domain.finding import Finding
from inspector_app.domain.photo import Photo
from inspector_app.domain.profile import Inspector
from inspector_app.domain.records import new_id
from inspector_app.storage.inspection_listing import (  # noqa: F401 - where they were
    LIST_SORTS,
    InspectionFilter,
    count_inspections,
    list_inspections,
)
from inspector_app.storage.like import like_pattern  # noqa: F401 - where it was
from inspector_app.storage.photos_repo import PhotosRepo
from inspector_app.storage.rows import insert_row, update_row

if TYPE_CHECKING:
    from sqlite_utils import Database

_FINDING_COLUMNS = (
    "id, inspection_id, item_id, seq, description, grade, legal_basis, requirement, deadline, "
    "responsible, onsite_measure, status, reinspection_result, reinspected_at, closed_at, "
    "origin_finding_id, created_at, current_deadline, plan_goal, plan_method, plan_funds, "
    "plan_organisation, plan_timeline, plan_safety, accepted_on, accepted_by, "
    "acceptance_conclusion"
)


# SQL condition (on ``findings`` unaliased or aliased ``f``) for a hazard that is not withdrawn.
ACTIVE_FINDING = "withdrawn_at IS NULL"
_EDITING_COLUMNS = ("id", "status", "template_hash", "started_at")



class InspectionRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- inspections -------------------------------------------------------------------------
    def row(self, inspection_id: str) -> dict[str, Any] | None:
        cursor = self.db.execute("SELECT * FROM inspections WHERE id = ?", [inspection_id])
        names = [d[0] for d in cursor.description]
        found = cursor.fetchone()
        return dict(zip(names, found, strict=True)) if found else None

    def editing_row(self, inspection_id: str) -> dict[str, Any] | None:
        """What saving an answer or a note reads of its inspection (id, status, the checklist's
        hash, the start): four columns, not the whole row, at every keystroke."""
        found = self.db.execute("SELECT id, status, template_hash, started_at FROM inspections "
                                "WHERE id = ?", [inspection_id]).fetchone()
        return dict(zip(_EDITING_COLUMNS, found, strict=True)) if found else None

    def touch(self, inspection_id: str, at: str, device_id: str) -> None:
        """Mark the inspection changed (a part of it was) at ``at`` by ``device_id``."""
        update_row(self.db, "inspections", inspection_id,
                   {"updated_at": at, "device_id": device_id})

    def kind(self, inspection_id: str) -> str | None:
        found = self.db.execute("SELECT kind FROM inspections WHERE id = ?",
                                [inspection_id]).fetchone()
        return str(found[0]) if found else None

    def finding_seqs(self, inspection_id: str) -> dict[str, int]:
        """Hazard id → its running number, for the record and the one it follows up."""
        return {str(r[0]): int(r[1]) for r in self.db.execute(
            "SELECT id, seq FROM findings WHERE inspection_id = ? OR inspection_id IN "
            "(SELECT follows_inspection_id FROM inspections WHERE id = ?)",
            [inspection_id, inspection_id])}

    def photo_names(self, inspection_id: str) -> dict[str, str]:
        """Photo id → the name of the file it came from ("" when unknown)."""
        return {str(pid): name or "" for pid, name in self.db.execute(
            "SELECT id, original_name FROM photos WHERE inspection_id = ?", [inspection_id])}

    def insert(self, record: dict[str, Any]) -> None:
        insert_row(self.db, "inspections", record)

    # -- the subject: a company or a unit ----------------------------------------------------
    def unit_name(self, unit_id: str) -> str | None:
        """The unit's name; None when there is no such unit."""
        row = self.db.execute("SELECT id, name FROM units WHERE id = ?", [unit_id]).fetchone()
        return str(row[1]) if row else None

    def active_unit(self, unit_id: str) -> tuple[str, str] | None:
        """(name, kind) of the unit when it exists and is active; else None."""
        row = self.db.execute("SELECT name, kind FROM units WHERE id = ? AND active = 1",
                              [unit_id]).fetchone()
        return (str(row[0]), str(row[1])) if row else None

    def company_fields(self, company_id: str | None,
                       fields: Sequence[str]) -> dict[str, Any] | None:
        """The company's ``fields`` (column names) by name; None when there is no such
        company."""
        row = self.db.execute(f"SELECT {', '.join(fields)} FROM companies WHERE id = ?",
                              [company_id]).fetchone()
        return dict(zip(fields, row, strict=True)) if row is not None else None

    def company_sections_basis(self, company_id: str | None
                               ) -> tuple[str, str | None, str | None] | None:
        """What decides the sections of a checklist that apply to a company: (name, industry,
        special areas as JSON text); None when there is no such company."""
        row = self.db.execute("SELECT name, industry, special_areas FROM companies WHERE id = ?",
                              [company_id]).fetchone()
        return (row[0], row[1], row[2]) if row is not None else None

    def company_ids_named(self, text: str) -> list[str]:
        """Up to two ids of companies whose id or exact name is ``text`` (two: enough to tell
        that the name is ambiguous)."""
        return [str(r[0]) for r in self.db.execute(
            "SELECT id FROM companies WHERE id = ? OR name = ? LIMIT 2", [text, text])]

    # -- the library's templates an inspection is started with --------------------------------
    def template_key_for(self, text: str) -> str | None:
        """The library key of the template whose key is ``text`` or, failing that, of the
        newest not retired version of the template whose id is ``text``; None when neither."""
        row = self.db.execute(
            "SELECT key FROM templates WHERE key = ? OR (template_id = ? AND retired = 0) "
            "ORDER BY key = ? DESC, created_at DESC LIMIT 1", [text, text, text]).fetchone()
        return str(row[0]) if row is not None else None

    def library_template(self, key: str) -> tuple[str, str, str, str] | None:
        """(template id, version, content hash, definition as JSON text) of the library's
        template ``key``; None when the library has no such key."""
        row = self.db.execute(
            "SELECT template_id, version, content_hash, definition FROM templates WHERE key = ?",
            [key]).fetchone()
        return (row[0], row[1], row[2], row[3]) if row is not None else None

    def update(self, inspection_id: str, fields: dict[str, Any]) -> None:
        update_row(self.db, "inspections", inspection_id, fields)

    # -- checklist snapshots: each definition an inspection was started with, kept once --------
    def template_definition(self, content_hash: str) -> str | None:
        row = self.db.execute("SELECT definition FROM template_snapshots WHERE content_hash = ?",
                              [content_hash]).fetchone()
        return row[0] if row else None

    def template_hashes(self, inspection_ids: Iterable[str]) -> dict[str, str]:
        """The checklist each inspection was started with (its content hash), by inspection."""
        found: dict[str, str] = {}
        ids = list(dict.fromkeys(inspection_ids))
        for start in range(0, len(ids), 50_000):
            found.update(self.db.execute(
                "SELECT id, template_hash FROM inspections "
                "WHERE id IN (SELECT value FROM json_each(?))",
                [json.dumps(ids[start:start + 50_000])]).fetchall())
        return found

    def keep_template(self, content_hash: str, template_id: str, version: str,
                      definition: str) -> None:
        """Keep ``definition`` under its hash; one already kept is the same content."""
        self.db.execute("INSERT INTO template_snapshots (content_hash, template_id, version, "
                        "definition) VALUES (?, ?, ?, ?) ON CONFLICT(content_hash) DO NOTHING",
                        [content_hash, template_id, version, definition])

    def set_inspectors(self, inspection_id: str, inspector_ids: list[str]) -> None:
        self.db.execute("DELETE FROM inspection_inspectors WHERE inspection_id = ?",
                        [inspection_id])
        self.db.conn.executemany(
            "INSERT INTO inspection_inspectors (inspection_id, inspector_id, position) "
            "VALUES (?, ?, ?)",
            [(inspection_id, inspector_id, position)
             for position, inspector_id in enumerate(inspector_ids)])

    def inspectors(self, inspection_id: str) -> list[Inspector]:
        snapshot = self.db.execute("SELECT team_snapshot FROM inspections WHERE id = ?",
                                   [inspection_id]).fetchone()
        if snapshot and snapshot[0]:  # signed: the team as it was then
            return [Inspector(m["id"], m["name"], m.get("enforcement_id"),
                              m.get("organisation"), m.get("phone"))
                    for m in json.loads(snapshot[0])]
        rows = self.db.execute(
            "SELECT i.id, i.name, i.enforcement_id, i.organisation, i.phone "
            "FROM inspection_inspectors ii JOIN inspectors i ON i.id = ii.inspector_id "
            "WHERE ii.inspection_id = ? ORDER BY ii.position", [inspection_id]).fetchall()
        return [Inspector(*r) for r in rows]

    def superseded_by(self, inspection_id: str) -> str | None:
        row = self.db.execute("SELECT id FROM inspections WHERE supersedes_id = ?",
                              [inspection_id]).fetchone()
        return row[0] if row else None

    # -- answers -----------------------------------------------------------------------------
    def answers(self, inspection_id: str) -> dict[str, tuple[Any, str | None]]:
        rows = self.db.execute(
            "SELECT item_id, value, note FROM answers WHERE inspection_id = ?",
            [inspection_id]).fetchall()
        return {item: (json.loads(value) if value is not None else None, note)
                for item, value, note in rows}

    def answer_row(self, inspection_id: str, item_id: str) -> tuple[str, Any, str | None] | None:
        row = self.db.execute(
            "SELECT id, value, note FROM answers WHERE inspection_id = ? AND item_id = ?",
            [inspection_id, item_id]).fetchone()
        if not row:
            return None
        return row[0], (json.loads(row[1]) if row[1] is not None else None), row[2]

    def upsert_answer(self, answer_id: str, inspection_id: str, item_id: str, value: Any,
                      note: str | None, stamp: dict[str, str]) -> None:
        self.db.execute(
            "INSERT INTO answers (id, inspection_id, item_id, value, note, created_at, "
            "updated_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(inspection_id, item_id) DO UPDATE SET value = excluded.value, "
            "note = excluded.note, updated_at = excluded.updated_at, "
            "device_id = excluded.device_id",
            [answer_id, inspection_id, item_id,
             None if value is None else json.dumps(value, ensure_ascii=False), note,
             stamp["created_at"], stamp["updated_at"], stamp["device_id"]])

    # -- findings ----------------------------------------------------------------------------
    # A withdrawn hazard (``withdrawn_at`` set) is kept for History and for being restored, but
    # is no hazard of the record: every list, count and document reads the active ones only.
    def findings(self, inspection_id: str) -> list[Finding]:
        rows = self.db.execute(
            f"SELECT {_FINDING_COLUMNS} FROM findings WHERE inspection_id = ? "
            f"AND {ACTIVE_FINDING} ORDER BY seq", [inspection_id]).fetchall()
        return [Finding.from_row(r) for r in rows]

    def withdrawn_findings(self, inspection_id: str) -> list[Finding]:
        rows = self.db.execute(
            f"SELECT {_FINDING_COLUMNS} FROM findings WHERE inspection_id = ? "
            "AND withdrawn_at IS NOT NULL ORDER BY seq", [inspection_id]).fetchall()
        return [Finding.from_row(r) for r in rows]

    def finding(self, finding_id: str) -> Finding | None:
        row = self.db.execute(f"SELECT {_FINDING_COLUMNS} FROM findings WHERE id = ?",
                              [finding_id]).fetchone()
        return Finding.from_row(row) if row else None

    def finding_for_item(self, inspection_id: str, item_id: str, *,
                         withdrawn: bool = False) -> Finding | None:
        """The item's active hazard, or (``withdrawn``) the one last withdrawn from it."""
        state = "withdrawn_at IS NOT NULL" if withdrawn else ACTIVE_FINDING
        row = self.db.execute(
            f"SELECT {_FINDING_COLUMNS} FROM findings WHERE inspection_id = ? AND item_id = ? "
            f"AND {state} ORDER BY withdrawn_at DESC LIMIT 1",
            [inspection_id, item_id]).fetchone()
        return Finding.from_row(row) if row else None

    def next_finding_seq(self, inspection_id: str) -> int:
        # Withdrawn hazards keep their number, so one restored never collides with a newer one.
        row = self.db.execute("SELECT MAX(seq) FROM findings WHERE inspection_id = ?",
                              [inspection_id]).fetchone()
        return (row[0] or 0) + 1

    def insert_finding(self, record: dict[str, Any]) -> None:
        insert_row(self.db, "findings", record)

    def update_finding(self, finding_id: str, fields: dict[str, Any]) -> None:
        update_row(self.db, "findings", finding_id, fields)

    def delete_finding(self, finding_id: str) -> None:
        self.db.execute("DELETE FROM findings WHERE id = ?", [finding_id])

    # -- photos of an inspection ------------------------------------------------------------
    def photos(self, inspection_id: str) -> list[Photo]:
        """The inspection's photos not deleted, in the order they were added."""
        return PhotosRepo(self.db).list(inspection_id)

    def photo_counts(self, inspection_id: str) -> dict[str, int]:
        """Checklist item id → how many photos (not deleted) are attached to it."""
        return {str(item): int(n) for item, n in self.db.execute(
            "SELECT item_id, COUNT(*) FROM photos WHERE inspection_id = ? AND item_id IS NOT NULL"
            " AND deleted_at IS NULL GROUP BY item_id", [inspection_id])}

    def copy_photos(self, source: str, target: str, findings: dict[str, str],
                    stamp: dict[str, str]) -> None:
        """Copy the photo rows (not deleted) of inspection ``source`` to ``target``, each under
        a new id and ``stamp``; a photo of a hazard goes to that hazard's copy (``findings``:
        old hazard id → new). The files are shared, not copied."""
        cursor = self.db.execute(
            "SELECT * FROM photos WHERE inspection_id = ? AND deleted_at IS NULL", [source])
        names = [d[0] for d in cursor.description]
        for row in cursor.fetchall():
            values = dict(zip(names, row, strict=True))
            self.db.table("photos").insert({
                **values, **stamp, "id": new_id(), "inspection_id": target,
                "finding_id": findings.get(values["finding_id"]) if values["finding_id"] else None,
            })

    def photo_count(self, inspection_id: str, item_id: str) -> int:
        return int(self.db.execute(
            "SELECT COUNT(*) FROM photos WHERE inspection_id = ? AND item_id = ? "
            "AND deleted_at IS NULL", [inspection_id, item_id]).fetchone()[0])

    def signature_count(self, inspection_id: str, role: str | None = None) -> int:
        sql = "SELECT COUNT(*) FROM signatures WHERE inspection_id = ?"
        params: list[Any] = [inspection_id]
        if role:
            sql += " AND role = ?"
            params.append(role)
        return int(self.db.execute(sql, params).fetchone()[0])

    # -- listing (``inspection_listing``) ---------------------------------------------------
    def list(self, flt: InspectionFilter | None = None, *, sort: str = "started",
             descending: bool = True, limit: int | None = None,
             offset: int = 0) -> list[dict[str, Any]]:
        return list_inspections(self.db, flt, sort=sort, descending=descending, limit=limit,
                                offset=offset)

    def count(self, flt: InspectionFilter | None = None) -> int:
        return count_inspections(self.db, flt)
