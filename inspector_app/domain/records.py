"""Identity and time for every record: a UUID made on the device, UTC timestamps."""

from __future__ import annotations

import os
from datetime import UTC, datetime


def new_id() -> str:
    # A random UUID as uuid.uuid4() makes it; the uuid module (and platform, which it
    # imports) is left out of the window's start.
    return new_ids(1)[0]


def new_ids(count: int) -> list[str]:
    """``count`` ids of the kind ``new_id`` makes (random UUIDs, version 4), made together:
    for writers of many rows, where ``uuid4()`` one at a time was a tenth of the work."""
    raw = os.urandom(16 * count).hex()
    ids = []
    for start in range(0, 32 * count, 32):
        h = raw[start:start + 32]
        variant = "89ab"[int(h[16], 16) & 3]
        ids.append(f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variant}{h[17:20]}-{h[20:]}")
    return ids


def utcnow() -> datetime:
    return datetime.now(UTC)


def utcnow_iso() -> str:
    """UTC time as ISO 8601 with milliseconds: sorts as text, readable in the database."""
    return utcnow().isoformat(timespec="milliseconds").replace("+00:00", "Z")


def record_stamp(device_id: str) -> dict[str, str]:
    now = utcnow_iso()
    return {"created_at": now, "updated_at": now, "device_id": device_id}
