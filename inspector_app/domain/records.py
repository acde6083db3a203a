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


# The last (time, counter) ``ordered_ids`` gave, so that the next ones sort after it.
_last_ordered = 0
_COUNTER_BITS = 30
_COUNTER_MASK = (1 << _COUNTER_BITS) - 1


def ordered_ids(count: int) -> list[str]:
    """``count`` UUIDs of version 7 (RFC 9562): the time in milliseconds, then a counter, then
    44 random bits, so that every id made here sorts after the ones made before it.

    For writers of many rows (``demo``): a row whose key is a random UUID is written into a
    page anywhere in its key's index, and at 100,000 inspections those indexes outgrow the
    page cache, so each batch read and rewrote pages all over them; a row with an ordered key
    goes at the end of the index. Fewer random bits than ``new_id`` (44, not 122), but two
    ids collide only when made in the same millisecond with the same counter and the same
    random bits.
    """
    global _last_ordered
    now_ms = int(utcnow().timestamp() * 1000)
    first = max(now_ms << _COUNTER_BITS, _last_ordered + 1)
    if (first & _COUNTER_MASK) + count > _COUNTER_MASK:  # the counter would wrap: a later ms
        first = ((first >> _COUNTER_BITS) + 1) << _COUNTER_BITS
    _last_ordered = first + count - 1
    stamp = f"{first >> _COUNTER_BITS:012x}"  # the same time for all: one format
    prefix = f"{stamp[:8]}-{stamp[8:]}-7"
    rand = os.urandom((11 * count + 1) // 2).hex()  # 44 bits (11 digits) an id
    counter = first & _COUNTER_MASK
    # The counter's first 12 bits after the version; the variant (10) and its other 18 bits,
    # then the random bits.
    ids = [f"{prefix}{c >> 18:03x}-{(0x80000 | (c & 0x3FFFF)) >> 4:04x}-{c & 15:x}"
           f"{rand[11 * n:11 * n + 11]}"
           for n, c in enumerate(range(counter, counter + count))]
    return ids


def utcnow() -> datetime:
    return datetime.now(UTC)


def utcnow_iso() -> str:
    """UTC time as ISO 8601 with milliseconds: sorts as text, readable in the database."""
    return utcnow().isoformat(timespec="milliseconds").replace("+00:00", "Z")


def record_stamp(device_id: str) -> dict[str, str]:
    now = utcnow_iso()
    return {"created_at": now, "updated_at": now, "device_id": device_id}
