"""The SQL of resolving a draft kept twice by an import (services/sync/conflicts.py)."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

Row = dict[str, Any]


def _dicts(db: Database, sql: str, params: Any = ()) -> list[Row]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def _one(db: Database, sql: str, params: Any) -> Row | None:
    found = _dicts(db, sql, params)
    return found[0] if found else None


def inspection(db: Database, inspection_id: str) -> Row | None:
    return _one(db, "SELECT * FROM inspections WHERE id = ?", [inspection_id])


def answers(db: Database, inspection_id: str) -> dict[str, tuple[Any, Any]]:
    """Item id → (value, note) of an inspection's answers."""
    return {r[0]: (r[1], r[2]) for r in db.execute(
        "SELECT item_id, value, note FROM answers WHERE inspection_id = ?", [inspection_id])}


def open_findings(db: Database, inspection_id: str) -> int:
    """The hazards of an inspection that were not withdrawn."""
    return int(db.execute("SELECT COUNT(*) FROM findings WHERE inspection_id = ? AND "
                          "withdrawn_at IS NULL", [inspection_id]).fetchone()[0])


def company_name(db: Database, company_id: str | None) -> str | None:
    found = db.execute("SELECT name FROM companies WHERE id = ?", [company_id]).fetchone()
    return found[0] if found else None


def last_actor(db: Database, inspection_id: str, device_id: str) -> str | None:
    """Who last worked on the record on that device, from its carried audit log."""
    row = db.execute("SELECT actor FROM audit_log WHERE inspection_id = ? AND device_id = ? "
                     "AND actor IS NOT NULL ORDER BY at DESC, rowid DESC LIMIT 1",
                     [inspection_id, device_id]).fetchone()
    return row[0] if row else None


def conflicts(db: Database, include_resolved: bool) -> list[Row]:
    """Conflict rows, oldest first."""
    where = "" if include_resolved else "WHERE resolved_at IS NULL"
    return _dicts(db, f"SELECT * FROM conflicts {where} ORDER BY created_at, id")


def conflict(db: Database, conflict_id: str) -> Row | None:
    return _one(db, "SELECT * FROM conflicts WHERE id = ?", [conflict_id])


def mark_resolved(db: Database, conflict_id: str, now: str) -> None:
    db.execute("UPDATE conflicts SET resolved_at = ? WHERE id = ?", [now, conflict_id])


def mark_seen(db: Database, inspection_id: str, peer_device: str, updated_at: str) -> None:
    """That version of the record from that device is known here."""
    db.execute(
        "INSERT INTO sync_seen (inspection_id, peer_device, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT(inspection_id, peer_device) DO UPDATE SET updated_at = "
        "MAX(updated_at, excluded.updated_at)", [inspection_id, peer_device, updated_at])


def delete_parts(db: Database, inspection_id: str, parts: tuple[tuple[str, str], ...]) -> None:
    """The rows of each (table, parent column) of ``parts`` that belong to the inspection."""
    for table, parent in parts:
        db.execute(f"DELETE FROM {table} WHERE {parent} = ?", [inspection_id])


def delete_inspection(db: Database, inspection_id: str) -> None:
    db.execute("DELETE FROM inspections WHERE id = ?", [inspection_id])


def audited_ids(db: Database, inspection_id: str) -> set[str]:
    """Every id the audit log names for this inspection."""
    return {r[0] for r in db.execute("SELECT entity_id FROM audit_log WHERE inspection_id = ?",
                                     [inspection_id])}


def part_ids(db: Database, table: str, parent: str, inspection_id: str) -> set[str]:
    return {r[0] for r in db.execute(f"SELECT id FROM {table} WHERE {parent} = ?",
                                     [inspection_id])}


def parts_of(db: Database, table: str, parent: str, inspection_id: str) -> list[Row]:
    return _dicts(db, f"SELECT * FROM {table} WHERE {parent} = ?", [inspection_id])


def move_part(db: Database, table: str, parent: str, part: Row, moved: Row) -> None:
    """Replace ``part`` (a row of ``table``) by ``moved``."""
    if "id" in part:
        db.execute(f"DELETE FROM {table} WHERE id = ?", [part["id"]])
    else:
        db.execute(f"DELETE FROM {table} WHERE {parent} = ? AND inspector_id = ?",
                   [part[parent], part["inspector_id"]])
    cols = list(moved)
    db.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
               f"({', '.join('?' * len(cols))})", [moved[c] for c in cols])


def update_inspection(db: Database, inspection_id: str, values: Row) -> None:
    db.execute(f"UPDATE inspections SET {', '.join(f'{c} = ?' for c in values)} WHERE id = ?",
               [*values.values(), inspection_id])
