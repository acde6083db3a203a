"""The scratch database in which an import keeps a bundle's checked rows until it applies them.

One table: every row's data (the bytes the caller made of it) under its table and key
(unique, so a row appearing twice is found by the database rather than by a set in memory)
and, for an inspection's parts, the inspection it belongs to. A table the import applies in
SQL (the audit log) keeps its rows' checked values instead of their data, in a table of its
own, ``values_<table>``: one column per column of the row, and ``absent`` naming the columns a
row did not carry. Applying it then copies values rather than reading every row again. Such a
table's key is unique in its own table, and its rows are not staged a second time in
``staged``: the audit log is most of a bundle's rows, and each extra staged row cost an insert
into a random-keyed index. The file
lives in the import's private scratch folder and goes with it; nothing here needs to survive a
crash, so it is written without a journal.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# One staged row: (table, key, parent or None, its data).
Item = tuple[str, str, str | None, bytes]
_FETCH = 1000


class StagingStore:
    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path)
        # 16 KiB pages: a staged row (a signature with its strokes, a few KiB) mostly fits one
        # page rather than a chain of overflow pages; staging the district's 2,000-inspection
        # bundle took 0.50-0.55 s of CPU instead of 0.59-0.61 s, reading its parts back 0.35
        # instead of 0.37 s.
        self.conn.executescript(
            "PRAGMA page_size = 16384; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
            "PRAGMA cache_size = -8192; "
            "CREATE TABLE staged (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, "
            "key TEXT NOT NULL, parent TEXT, line BLOB NOT NULL, UNIQUE (tbl, key)); "
            "CREATE INDEX staged_parent ON staged (parent, seq) WHERE parent IS NOT NULL;")
        self.columns: dict[str, list[str]] = {}
        self.keys_of: dict[str, str] = {}  # a table given to keep_values → its key column

    def keep_values(self, table: str, columns: list[str], key: str) -> None:
        """Keep the values of ``table``'s rows, in ``values_<table>``, rather than their
        data (see ``add_many``), with ``key`` (one of ``columns``) unique among them;
        ``table`` and ``columns`` are names the program declares, never a bundle's."""
        self.columns[table] = columns
        self.keys_of[table] = key
        names = ", ".join(f'"{c}"' for c in columns)
        self.conn.execute(f'CREATE TABLE "values_{table}" (seq INTEGER PRIMARY KEY, '
                          f'absent TEXT, {names}, UNIQUE ("{key}"))')

    def close(self) -> None:
        self.conn.close()

    def commit(self) -> None:
        self.conn.commit()

    # -- writing --
    def add_many(self, table: str, rows: list[tuple[Any, ...]]) -> int | None:
        """Stage ``rows`` of ``table``; when one of them has a key already staged for its
        table (earlier, or earlier in ``rows``), the index of that row in ``rows``, else None.

        The rows before it are staged; those from it on are not. Each row is an ``Item``, or,
        for a table given to ``keep_values``, its values: the columns the row lacks (joined by
        commas, or None), then its values in the order of the columns."""
        if not rows:
            return None
        if table in self.columns:
            columns = self.columns[table]
            names = ", ".join(f'"{c}"' for c in columns)
            sql = (f'INSERT INTO "values_{table}" (absent, {names}) '
                   f"VALUES ({', '.join('?' * (len(columns) + 1))})")
        else:
            sql = "INSERT INTO staged (tbl, key, parent, line) VALUES (?, ?, ?, ?)"
        before = self.conn.total_changes
        try:
            self.conn.executemany(sql, rows)
        except sqlite3.IntegrityError:
            return self.conn.total_changes - before
        return None

    def position(self, table: str, key: str) -> int | None:
        """Where the staged row of ``table`` with ``key`` stands among the table's rows (1 for
        the first), or None when no such row is staged."""
        if table in self.keys_of:
            found = self.conn.execute(
                f'SELECT (SELECT COUNT(*) FROM "values_{table}" o WHERE o.seq <= s.seq) '
                f'FROM "values_{table}" s WHERE s."{self.keys_of[table]}" = ?',
                [key]).fetchone()
        else:
            found = self.conn.execute(
                "SELECT (SELECT COUNT(*) FROM staged o WHERE o.tbl = s.tbl AND o.seq <= s.seq) "
                "FROM staged s WHERE s.tbl = ? AND s.key = ?", [table, key]).fetchone()
        return int(found[0]) if found else None

    def add_if_absent(self, table: str, key: str, line: bytes) -> bool:
        """Stage a row unless its key is staged already; True when it was added."""
        cursor = self.conn.execute(
            "INSERT OR IGNORE INTO staged (tbl, key, parent, line) VALUES (?, ?, NULL, ?)",
            [table, key, line])
        return cursor.rowcount > 0

    # -- reading --
    def _stream(self, sql: str, params: list[str]) -> Iterator[Any]:
        cursor = self.conn.execute(sql, params)
        while batch := cursor.fetchmany(_FETCH):
            yield from batch

    def lines(self, table: str) -> Iterator[bytes]:
        """A table's rows' data in the bundle's order."""
        for (line,) in self._stream("SELECT line FROM staged WHERE tbl = ? ORDER BY seq",
                                    [table]):
            yield line

    def values(self, table: str) -> Iterator[tuple[Any, ...]]:
        """The kept values of a table given to ``keep_values``, in the bundle's order: the
        columns a row lacks (or None), then its values."""
        names = ", ".join(f'"{c}"' for c in self.columns[table])
        yield from self._stream(f'SELECT absent, {names} FROM "values_{table}" ORDER BY seq', [])

    def keys(self, table: str) -> Iterator[str]:
        """A table's keys in the bundle's order, without their data."""
        if table in self.keys_of:
            yield from (str(key) for (key,) in self._stream(
                f'SELECT "{self.keys_of[table]}" FROM "values_{table}" ORDER BY seq', []))
            return
        for (key,) in self._stream("SELECT key FROM staged WHERE tbl = ? ORDER BY seq", [table]):
            yield key

    def line_of(self, table: str, key: str) -> bytes | None:
        found = self.conn.execute("SELECT line FROM staged WHERE tbl = ? AND key = ?",
                                  [table, key]).fetchone()
        return found[0] if found else None

    def parts(self, parents: list[str]) -> Iterator[tuple[str, str, bytes]]:
        """(table, parent, data) of the parts of these inspections, in the bundle's order."""
        marks = ",".join("?" * len(parents))
        yield from self._stream(f"SELECT tbl, parent, line FROM staged WHERE parent IN ({marks}) "
                                "ORDER BY seq", parents)

    def orphan_parents(self) -> list[str]:
        """Inspections the bundle carries parts of but not the inspection itself."""
        return [p for (p,) in self.conn.execute(
            "SELECT parent FROM staged WHERE parent IS NOT NULL AND parent NOT IN "
            "(SELECT key FROM staged WHERE tbl = 'inspections') "
            "GROUP BY parent ORDER BY MIN(seq)")]
