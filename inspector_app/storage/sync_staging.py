"""The scratch database in which an import keeps a bundle's checked rows until it applies them.

One table: every row's JSON line under its table and key (unique, so a row appearing twice is
found by the database rather than by a set in memory) and, for an inspection's parts, the
inspection it belongs to. The file lives in the import's private scratch folder and goes with
it; nothing here needs to survive a crash, so it is written without a journal.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# One staged row: (table, key, parent or None, JSON line).
Item = tuple[str, str, str | None, str]
_FETCH = 1000


class StagingStore:
    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path)
        self.conn.executescript(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -8192; "
            "CREATE TABLE staged (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, "
            "key TEXT NOT NULL, parent TEXT, line TEXT NOT NULL, UNIQUE (tbl, key)); "
            "CREATE INDEX staged_parent ON staged (parent, seq) WHERE parent IS NOT NULL;")

    def close(self) -> None:
        self.conn.close()

    def commit(self) -> None:
        self.conn.commit()

    # -- writing --
    def add_many(self, items: list[Item]) -> int | None:
        """Stage ``items``; when one of them has a key already staged for its table (earlier,
        or earlier in ``items``), the index of that item in ``items``, else None.

        The items before it are staged; those from it on are not."""
        before = self.conn.total_changes
        try:
            self.conn.executemany(
                "INSERT INTO staged (tbl, key, parent, line) VALUES (?, ?, ?, ?)", items)
        except sqlite3.IntegrityError:
            return self.conn.total_changes - before
        return None

    def position(self, table: str, key: str) -> int | None:
        """Where the staged row of ``table`` with ``key`` stands among the table's rows (1 for
        the first), or None when no such row is staged."""
        found = self.conn.execute(
            "SELECT (SELECT COUNT(*) FROM staged o WHERE o.tbl = s.tbl AND o.seq <= s.seq) "
            "FROM staged s WHERE s.tbl = ? AND s.key = ?", [table, key]).fetchone()
        return int(found[0]) if found else None

    def add_if_absent(self, table: str, key: str, line: str) -> bool:
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

    def lines(self, table: str) -> Iterator[str]:
        """A table's lines in the bundle's order."""
        for (line,) in self._stream("SELECT line FROM staged WHERE tbl = ? ORDER BY seq",
                                    [table]):
            yield line

    def keys(self, table: str) -> Iterator[str]:
        """A table's keys in the bundle's order, without its lines."""
        for (key,) in self._stream("SELECT key FROM staged WHERE tbl = ? ORDER BY seq", [table]):
            yield key

    def line_of(self, table: str, key: str) -> str | None:
        found = self.conn.execute("SELECT line FROM staged WHERE tbl = ? AND key = ?",
                                  [table, key]).fetchone()
        return found[0] if found else None

    def parts(self, parents: list[str]) -> Iterator[tuple[str, str, str]]:
        """(table, parent, line) of the parts of these inspections, in the bundle's order."""
        marks = ",".join("?" * len(parents))
        yield from self._stream(f"SELECT tbl, parent, line FROM staged WHERE parent IN ({marks}) "
                                "ORDER BY seq", parents)

    def orphan_parents(self) -> list[str]:
        """Inspections the bundle carries parts of but not the inspection itself."""
        return [p for (p,) in self.conn.execute(
            "SELECT parent FROM staged WHERE parent IS NOT NULL AND parent NOT IN "
            "(SELECT key FROM staged WHERE tbl = 'inspections') "
            "GROUP BY parent ORDER BY MIN(seq)")]
