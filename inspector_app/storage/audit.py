"""The append-only audit log: who changed what, when, from what to what, and why."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from inspector_app.domain.records import new_id, utcnow_iso

if TYPE_CHECKING:
    from sqlite_utils import Database

AUDIT_COLUMNS = ("id", "at", "device_id", "actor", "entity", "entity_id", "inspection_id",
                 "action", "field", "old_value", "new_value", "reason")
# One statement for every entry (SQLite keeps it prepared); its values are text or NULL.
_INSERT = (f"INSERT INTO audit_log ({', '.join(AUDIT_COLUMNS)}) "
           f"VALUES ({', '.join('?' * len(AUDIT_COLUMNS))})")


# json.dumps with options makes a new encoder at every call: one made once encodes the same.
_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def audit_text(value: Any) -> str | None:
    """An old or new value as the audit log stores it."""
    if value is None or isinstance(value, str):
        return value
    return _ENCODE(value)


@dataclass(frozen=True)
class AuditEntry:
    at: str
    actor: str | None
    entity: str
    entity_id: str
    action: str
    field: str | None
    old_value: str | None
    new_value: str | None
    reason: str | None


class AuditLog:
    """Writes inside the caller's transaction, so a change and its audit row land together."""

    def __init__(self, db: Database, device_id: str, actor: str | None) -> None:
        self.db = db
        self.device_id = device_id
        self.actor = actor

    def record(self, entity: str, entity_id: str, action: str, *, field: str | None = None,
               old: Any = None, new: Any = None, reason: str | None = None,
               inspection_id: str | None = None, at: str | None = None) -> None:
        """One entry, stamped ``at`` (now unless given: the time of the change it records)."""
        self.db.execute(_INSERT, (
            new_id(), at or utcnow_iso(), self.device_id, self.actor, entity, entity_id,
            inspection_id, action, field, audit_text(old), audit_text(new), reason))

    def for_inspection(self, inspection_id: str) -> list[AuditEntry]:
        rows = self.db.execute(
            "SELECT at, actor, entity, entity_id, action, field, old_value, new_value, reason "
            "FROM audit_log WHERE inspection_id = ? ORDER BY at, rowid",
            [inspection_id],
        ).fetchall()
        return [AuditEntry(*row) for row in rows]
