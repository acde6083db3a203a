"""The append-only audit log: who changed what, when, from what to what, and why."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from inspector_app.domain.records import new_id, utcnow_iso
from inspector_app.storage.rows import insert_row


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def audit_row(device_id: str, actor: str | None, entity: str, entity_id: str, action: str, *,
              field: str | None = None, old: Any = None, new: Any = None,
              reason: str | None = None, inspection_id: str | None = None,
              at: str | None = None) -> dict[str, Any]:
    """One audit entry as stored; ``at`` defaults to now."""
    return {
        "id": new_id(),
        "at": at or utcnow_iso(),
        "device_id": device_id,
        "actor": actor,
        "entity": entity,
        "entity_id": entity_id,
        "inspection_id": inspection_id,
        "action": action,
        "field": field,
        "old_value": _text(old),
        "new_value": _text(new),
        "reason": reason,
    }


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
               inspection_id: str | None = None) -> None:
        insert_row(self.db, "audit_log", audit_row(
            self.device_id, self.actor, entity, entity_id, action, field=field, old=old,
            new=new, reason=reason, inspection_id=inspection_id))

    def for_inspection(self, inspection_id: str) -> list[AuditEntry]:
        rows = self.db.execute(
            "SELECT at, actor, entity, entity_id, action, field, old_value, new_value, reason "
            "FROM audit_log WHERE inspection_id = ? ORDER BY at, rowid",
            [inspection_id],
        ).fetchall()
        return [AuditEntry(*row) for row in rows]
