"""Indexes and hazard-ledger triggers a bulk load set aside, noted in the database itself.

A load into a new data dir drops the tables' secondary indexes and the ledger's triggers and
makes them again at its end. A load that never reaches its end (killed, the machine turned off,
a second Ctrl-C during the rebuild) would otherwise leave them missing for good: every later
query and trigger would scan whole tables, and nothing would say why. The statements are kept
in ``settings`` in the transaction that drops them and removed in the one that makes them
again; a database holding them is not current, and opening it makes them again first.
"""

from __future__ import annotations

import sqlite3
from typing import Any

KEY = "bulk_load_set_aside"

Statements = list[tuple[str, str]]


def note(conn: sqlite3.Connection, indexes: Statements, triggers: Statements) -> None:
    """Keep the statements of what is about to be dropped (in the dropping transaction)."""
    import json  # not at import: every short command's start reads this module

    conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                 (KEY, json.dumps({"indexes": indexes, "triggers": triggers})))


def pending(conn: sqlite3.Connection) -> bool:
    """Whether a load's indexes or triggers are still set aside."""
    try:
        return conn.execute("SELECT 1 FROM settings WHERE key = ?", (KEY,)).fetchone() is not None
    except sqlite3.OperationalError:  # no settings table yet: a new database
        return False


def restore(conn: sqlite3.Connection, indexes: Statements, triggers: Statements,
            ledger_fill: str) -> None:
    """Make again (inside the caller's transaction) whatever of ``indexes`` and ``triggers`` is
    missing; where the ledger's triggers were missing, fill the ledger from the records first,
    as they would have kept it. Then forget the note."""
    existing = {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')")}
    fill = any(name not in existing for name, _sql in triggers)

    def fill_ledger() -> None:
        conn.execute("DELETE FROM hazard_ledger")
        conn.execute(ledger_fill)

    for name, sql in indexes:
        if fill and name.startswith("hazard_ledger"):
            # Its query reads the records through their indexes, made just before.
            fill_ledger()
            fill = False
        if name not in existing:
            conn.execute(sql)
    if fill:
        fill_ledger()
    for name, sql in triggers:
        if name not in existing:
            conn.execute(sql)
    conn.execute("DELETE FROM settings WHERE key = ?", (KEY,))


def restore_noted(conn: sqlite3.Connection, ledger_fill: str) -> bool:
    """Make again what an unfinished load noted (inside the caller's transaction); whether
    there was anything."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (KEY,)).fetchone()
    if row is None:
        return False
    import json

    noted: dict[str, Any] = json.loads(row[0])
    restore(conn, [(str(name), str(sql)) for name, sql in noted["indexes"]],
            [(str(name), str(sql)) for name, sql in noted["triggers"]], ledger_fill)
    return True
