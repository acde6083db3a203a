"""Resolving a draft kept twice by an import: a person keeps this computer's version or takes
the incoming one, and the other goes, in one transaction with its audit entries.

Only conflicts of the "both versions kept" kind are resolved here: the incoming copy is an
inspection whose ``conflict_of`` names the local one. Other conflict rows (a number used twice,
a part that clashed) point at two real records and are for a person to fix by hand.

"Take the other" moves the copy's content onto the local record (keeping the local id, number
and documents) with the copy's own stamps and device, so the record here becomes exactly the
version the other machine has: its next edit from there is an ordinary update, not a new conflict.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any, Literal

from sqlite_utils import Database

from inspector_app.domain.profile import Device
from inspector_app.domain.records import utcnow_iso
from inspector_app.errors import NotFoundError, ValidationError
from inspector_app.i18n import N_
from inspector_app.services.sync.merge import derived_id
from inspector_app.storage.audit import AuditLog

Keep = Literal["local", "incoming"]
Row = dict[str, Any]

# The parts _keep_both copies, children before parents (photos point at findings).
_PARTS: tuple[tuple[str, str], ...] = (
    ("reinspection_results", "reinspection_id"),
    ("photos", "inspection_id"),
    ("findings", "inspection_id"),
    ("answers", "inspection_id"),
    ("signatures", "inspection_id"),
    ("inspection_inspectors", "inspection_id"),
)
# Columns holding the id of another part of the same inspection, remapped with the ids.
_REF_COLUMNS = ("finding_id", "origin_finding_id")
# What stays the local record's own when it takes the other version.
_KEEP_LOCAL = ("id", "number", "conflict_of")


@dataclass(frozen=True)
class ConflictInfo:
    id: str
    table_name: str
    reason: str
    local_id: str
    incoming_id: str | None
    company: str
    number: str
    answers_differing: int
    findings_here: int
    findings_incoming: int
    changed_by: str        # the device (and its person) the incoming version came from
    changed_at: str        # when that version was last changed there
    created_at: str
    resolved_at: str | None
    resolvable: bool       # a draft kept twice; other conflicts are fixed by hand


def _dicts(db: Database, sql: str, params: Any = ()) -> list[Row]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def _one(db: Database, sql: str, params: Any) -> Row | None:
    found = _dicts(db, sql, params)
    return found[0] if found else None


def _inspection(db: Database, inspection_id: str | None) -> Row | None:
    if not inspection_id:
        return None
    return _one(db, "SELECT * FROM inspections WHERE id = ?", [inspection_id])


def _answers(db: Database, inspection_id: str) -> dict[str, tuple[Any, Any]]:
    return {r[0]: (r[1], r[2]) for r in db.execute(
        "SELECT item_id, value, note FROM answers WHERE inspection_id = ?", [inspection_id])}


def _count(db: Database, table: str, inspection_id: str, condition: str = "1") -> int:
    return db.execute(f"SELECT COUNT(*) FROM {table} WHERE inspection_id = ? AND {condition}",
                      [inspection_id]).fetchone()[0]


def _device_name(db: Database, device_id: str | None) -> str:
    if not device_id:
        return ""
    row = db.execute("SELECT name FROM devices WHERE id = ?", [device_id]).fetchone()
    return row[0] if row and row[0] else device_id[:8]


def _changed_by(db: Database, inspection_id: str | None, device_id: str | None) -> str:
    """The device, and the person who last worked on the record there (from its carried
    audit log), as "Laptop 2 (张伟)"."""
    device = _device_name(db, device_id)
    if not (inspection_id and device_id):
        return device
    row = db.execute("SELECT actor FROM audit_log WHERE inspection_id = ? AND device_id = ? "
                     "AND actor IS NOT NULL ORDER BY at DESC, rowid DESC LIMIT 1",
                     [inspection_id, device_id]).fetchone()
    return f"{device} ({row[0]})" if row else device


def _is_copy_pair(local: Row | None, copy: Row | None) -> bool:
    return local is not None and copy is not None and copy.get("conflict_of") == local["id"]


def _describe(db: Database, row: Row) -> ConflictInfo:
    local = _inspection(db, row["local_id"]) if row["table_name"] == "inspections" else None
    copy = _inspection(db, row["incoming_id"]) if row["table_name"] == "inspections" else None
    shown = local or copy
    company = ""
    if shown is not None:
        found = db.execute("SELECT name FROM companies WHERE id = ?",
                           [shown["company_id"]]).fetchone()
        company = found[0] if found else ""
    differing = here = incoming = 0
    if local is not None and copy is not None:
        mine, theirs = _answers(db, local["id"]), _answers(db, copy["id"])
        differing = sum(1 for item in set(mine) | set(theirs)
                        if mine.get(item) != theirs.get(item))
        here = _count(db, "findings", local["id"], "withdrawn_at IS NULL")
        incoming = _count(db, "findings", copy["id"], "withdrawn_at IS NULL")
    return ConflictInfo(
        id=row["id"], table_name=row["table_name"], reason=row["reason"],
        local_id=row["local_id"], incoming_id=row["incoming_id"], company=company,
        number=(local or {}).get("number") or "", answers_differing=differing,
        findings_here=here, findings_incoming=incoming,
        changed_by=_changed_by(db, row["local_id"],
                               (copy or {}).get("device_id") or row["peer_device"]),
        changed_at=(copy or {}).get("updated_at") or "", created_at=row["created_at"],
        resolved_at=row["resolved_at"],
        resolvable=row["resolved_at"] is None and _is_copy_pair(local, copy))


def list_conflicts(db: Database, include_resolved: bool = False) -> list[ConflictInfo]:
    """Conflicts, oldest first, each with what a person needs to choose."""
    where = "" if include_resolved else "WHERE resolved_at IS NULL"
    rows = _dicts(db, f"SELECT * FROM conflicts {where} ORDER BY created_at, id")
    return [_describe(db, row) for row in rows]


def resolve(db: Database, device: Device, conflict_id: str, keep: Keep,
            actor: str | None) -> ConflictInfo:
    """Keep one version of a draft kept twice; the other is removed. One transaction."""
    if keep not in ("local", "incoming"):
        raise ValidationError(N_("Keep 'local' or 'incoming', not {keep!r}."), keep=keep)
    row = _one(db, "SELECT * FROM conflicts WHERE id = ?", [conflict_id])
    if row is None:
        raise NotFoundError(N_("There is no conflict {conflict_id}."), conflict_id=conflict_id)
    if row["resolved_at"] is not None:
        raise ValidationError(N_("This conflict was already resolved ({resolved_at}). "
                                 "Nothing was changed."), resolved_at=row['resolved_at'][:19])
    local, copy = _inspection(db, row["local_id"]), _inspection(db, row["incoming_id"])
    if row["table_name"] != "inspections" or not _is_copy_pair(local, copy):
        raise ValidationError(N_("This conflict does not hold two versions of one draft; correct "
                                 "the records by hand. Nothing was changed."))
    assert local is not None and copy is not None
    if "signed" in (local["status"], copy["status"]):
        raise ValidationError(N_("A signed inspection is never changed: this conflict cannot be "
                                 "resolved by keeping one version. Nothing was changed."))
    info = _describe(db, row)
    try:
        with db.atomic():
            # Parts are deleted and re-inserted under their ids; checked once, at commit.
            db.execute("PRAGMA defer_foreign_keys = ON")
            if keep == "incoming":
                _take_incoming(db, local, copy)
            _delete_inspection(db, copy["id"])
            # The version resolved is "seen": the same version arriving again is not a new
            # conflict.
            db.execute(
                "INSERT INTO sync_seen (inspection_id, peer_device, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(inspection_id, peer_device) DO UPDATE SET updated_at = "
                "MAX(updated_at, excluded.updated_at)",
                [local["id"], row["peer_device"] or copy["device_id"], copy["updated_at"]])
            now = utcnow_iso()
            db.execute("UPDATE conflicts SET resolved_at = ? WHERE id = ?", [now, conflict_id])
            AuditLog(db, device.id, actor).record(
                "conflict", conflict_id, "resolve", field="keep", new=keep,
                old={"local": local["id"], "incoming": copy["id"],
                     "from": info.changed_by, "changed_at": copy["updated_at"]},
                reason=row["reason"], inspection_id=local["id"])
    except sqlite3.IntegrityError as exc:
        raise ValidationError(N_("The conflict could not be resolved ({exc}). Nothing was "
                                 "changed."), exc=exc) from None
    return _describe(db, {**row, "resolved_at": now})


def _delete_inspection(db: Database, inspection_id: str) -> None:
    """An incoming copy and its parts (photo rows only: files are shared by hash)."""
    _delete_parts(db, inspection_id)
    db.execute("DELETE FROM inspections WHERE id = ?", [inspection_id])


def _delete_parts(db: Database, inspection_id: str) -> None:
    for table, parent in _PARTS:
        db.execute(f"DELETE FROM {table} WHERE {parent} = ?", [inspection_id])


def _original_ids(db: Database, local_id: str, copy_id: str) -> dict[str, str]:
    """The copy's part ids back to the ids the other machine uses (the copy's are derived from
    them). Candidates: the local parts, and anything the carried audit log names for this
    inspection; a part matching none keeps its derived id."""
    candidates: set[str] = {r[0] for r in db.execute(
        "SELECT entity_id FROM audit_log WHERE inspection_id = ?", [local_id])}
    for table, parent in _PARTS:
        if table != "inspection_inspectors":
            candidates |= {r[0] for r in db.execute(
                f"SELECT id FROM {table} WHERE {parent} = ?", [local_id])}
    mapping = {derived_id(copy_id, c): c for c in candidates}
    mapping[copy_id] = local_id
    return mapping


def _take_incoming(db: Database, local: Row, copy: Row) -> None:
    ids = _original_ids(db, local["id"], copy["id"])
    _delete_parts(db, local["id"])
    for table, parent in reversed(_PARTS):   # parents first, so references resolve in order
        for part in _dicts(db, f"SELECT * FROM {table} WHERE {parent} = ?", [copy["id"]]):
            moved = {k: (ids.get(v, v) if k in ("id", parent, *_REF_COLUMNS) else v)
                     for k, v in part.items()}
            if "id" in part:
                db.execute(f"DELETE FROM {table} WHERE id = ?", [part["id"]])
            else:
                db.execute(f"DELETE FROM {table} WHERE {parent} = ? AND inspector_id = ?",
                           [copy["id"], part["inspector_id"]])
            cols = list(moved)
            db.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
                       f"({', '.join('?' * len(cols))})", [moved[c] for c in cols])
    fields = [c for c in copy if c not in _KEEP_LOCAL]
    db.execute(f"UPDATE inspections SET {', '.join(f'{c} = ?' for c in fields)} WHERE id = ?",
               [copy[c] for c in fields] + [local["id"]])
