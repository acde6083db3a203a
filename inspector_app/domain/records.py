"""Identity and time for every record: a UUID made on the device, UTC timestamps."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC)


def utcnow_iso() -> str:
    """UTC time as ISO 8601 with milliseconds: sorts as text, readable in the database."""
    return utcnow().isoformat(timespec="milliseconds").replace("+00:00", "Z")


def record_stamp(device_id: str) -> dict[str, str]:
    now = utcnow_iso()
    return {"created_at": now, "updated_at": now, "device_id": device_id}
