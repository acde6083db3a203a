"""Plain INSERT and UPDATE of one row by its key, with statements SQLite caches.

sqlite_utils' ``table.insert``/``table.update`` read the table's schema (``PRAGMA table_info``)
and, for an update, the row itself on every call; on the paths that write a row per answer or
audit entry that was most of the time spent. Values are stored as sqlite_utils stores them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

# sqlite_utils.db is imported where a row is written: whatever writes has opened the database
# with it already, and what only reads (a listing) starts faster without it.


def insert_row(db: Database, table: str, record: dict[str, Any]) -> None:
    from sqlite_utils.db import jsonify_if_needed

    names = ", ".join(record)
    marks = ", ".join("?" * len(record))
    db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})",
               [jsonify_if_needed(v) for v in record.values()])


def update_row(db: Database, table: str, key: Any, fields: dict[str, Any],
               key_column: str = "id") -> None:
    """Set ``fields`` of the row whose ``key_column`` is ``key``; NotFoundError if none is."""
    from sqlite_utils.db import NotFoundError, jsonify_if_needed

    if not fields:
        if db.execute(f"SELECT 1 FROM {table} WHERE {key_column} = ?", [key]).fetchone() is None:
            raise NotFoundError
        return
    sets = ", ".join(f"{name} = ?" for name in fields)
    cursor = db.execute(f"UPDATE {table} SET {sets} WHERE {key_column} = ?",
                        [*(jsonify_if_needed(v) for v in fields.values()), key])
    if cursor.rowcount == 0:
        raise NotFoundError
