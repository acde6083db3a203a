"""The scratch database in which an import keeps a bundle's checked rows until it applies them.

One table: every row's data (the bytes the caller made of it) under its table and key
(unique, so a row appearing twice is found by the database rather than by a set in memory)
and, for an inspection's parts, the inspection it belongs to. A table the import applies in
SQL (the audit log, and the parts of an inspection keyed by one column) keeps its rows' checked
values instead of their data, in a table of its own, ``values_<table>``: one column per column
of the row, and ``_absent`` naming the columns a row did not carry (and, for parts, an index by
inspection). Applying it then copies values rather than reading every row again. Such a
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
        self.parents_of: dict[str, str] = {}  # ... → the column naming its row's inspection

    def keep_values(self, table: str, columns: list[str], key: str,
                    parent: str | None = None) -> None:
        """Keep the values of ``table``'s rows, in ``values_<table>``, rather than their
        data (see ``add_many``), with ``key`` (one of ``columns``) unique among them and, with
        ``parent`` (one of ``columns``, naming the inspection a row belongs to), read by
        inspection (``kept_parts``); ``table`` and ``columns`` are names the program
        declares, never a bundle's."""
        self.columns[table] = columns
        self.keys_of[table] = key
        names = ", ".join(f'"{c}"' for c in columns)
        # Its own columns begin with "_", which no column of a row does (findings have a seq).
        self.conn.execute(f'CREATE TABLE "values_{table}" (_seq INTEGER PRIMARY KEY, '
                          f'_absent TEXT, {names}, UNIQUE ("{key}"))')
        if parent is not None:
            self.parents_of[table] = parent
            self.conn.execute(f'CREATE INDEX "values_{table}_parent" ON "values_{table}" '
                              f'("{parent}", _seq)')

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
            sql = (f'INSERT INTO "values_{table}" (_absent, {names}) '
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
                f'SELECT (SELECT COUNT(*) FROM "values_{table}" o WHERE o._seq <= s._seq) '
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
        yield from self._stream(f'SELECT _absent, {names} FROM "values_{table}" ORDER BY _seq',
                                [])

    def keys(self, table: str) -> Iterator[str]:
        """A table's keys in the bundle's order, without their data."""
        if table in self.keys_of:
            yield from (str(key) for (key,) in self._stream(
                f'SELECT "{self.keys_of[table]}" FROM "values_{table}" ORDER BY _seq', []))
            return
        for (key,) in self._stream("SELECT key FROM staged WHERE tbl = ? ORDER BY seq", [table]):
            yield key

    def kept_row(self, table: str, key: str) -> tuple[Any, ...] | None:
        """The kept values (as ``values`` gives them) of the row of ``table`` with ``key``, or
        None."""
        names = ", ".join(f'"{c}"' for c in self.columns[table])
        found = self.conn.execute(f'SELECT _absent, {names} FROM "values_{table}" '
                                  f'WHERE "{self.keys_of[table]}" = ?', [key]).fetchone()
        return tuple(found) if found is not None else None

    def line_of(self, table: str, key: str) -> bytes | None:
        found = self.conn.execute("SELECT line FROM staged WHERE tbl = ? AND key = ?",
                                  [table, key]).fetchone()
        return found[0] if found else None

    def parts(self, parents: list[str]) -> Iterator[tuple[str, str, bytes]]:
        """(table, parent, data) of the parts of these inspections, in the bundle's order."""
        marks = ",".join("?" * len(parents))
        yield from self._stream(f"SELECT tbl, parent, line FROM staged WHERE parent IN ({marks}) "
                                "ORDER BY seq", parents)

    def kept_parts(self, table: str, parents: list[str]) -> Iterator[tuple[Any, ...]]:
        """The kept values (as ``values`` gives them) of the rows of ``table`` (given to
        ``keep_values`` with a parent) that belong to these inspections, in the bundle's
        order."""
        names = ", ".join(f'"{c}"' for c in self.columns[table])
        marks = ",".join("?" * len(parents))
        yield from self._stream(f'SELECT _absent, {names} FROM "values_{table}" '
                                f'WHERE "{self.parents_of[table]}" IN ({marks}) ORDER BY _seq',
                                parents)

    def kept_column(self, table: str, column: str, parents: list[str]) -> list[Any]:
        """One column's kept values of the rows of ``table`` (as ``kept_parts``) that belong to
        these inspections; ``column`` is one the program declares, never a bundle's."""
        marks = ",".join("?" * len(parents))
        return [value for (value,) in self.conn.execute(
            f'SELECT "{column}" FROM "values_{table}" '
            f'WHERE "{self.parents_of[table]}" IN ({marks})', parents)]

    def kept_counts(self, table: str, parents: list[str]) -> tuple[dict[str, int], bool]:
        """How many rows of ``table`` (as ``kept_parts``) each of these inspections has (those
        with none are left out), and whether one of those rows lacks a column."""
        parent = self.parents_of[table]
        marks = ",".join("?" * len(parents))
        counts, partial = {}, False
        for parent_id, n, lacking in self.conn.execute(
                f'SELECT "{parent}", COUNT(*), MAX(_absent IS NOT NULL) FROM "values_{table}" '
                f'WHERE "{parent}" IN ({marks}) GROUP BY "{parent}"', parents):
            counts[parent_id] = int(n)
            partial = partial or bool(lacking)
        return counts, partial

    def orphan_parents(self) -> list[tuple[str, str, int]]:
        """Inspections the bundle carries parts of but not the inspection itself: each with
        the table of its first part staged and that part's sequence number, which orders the
        parts of one table in the bundle's order (and those of ``staged`` across tables)."""
        carried = "(SELECT key FROM staged WHERE tbl = 'inspections')"
        found = [(p, table, int(seq)) for table, parent in self.parents_of.items()
                 for p, seq in self.conn.execute(
                     f'SELECT "{parent}", MIN(_seq) FROM "values_{table}" '
                     f'WHERE "{parent}" NOT IN {carried} GROUP BY "{parent}"')]
        # The table of a parent's first part: the row MIN(seq) picks.
        return found + [(p, table, int(seq)) for p, table, seq in self.conn.execute(
            "SELECT parent, tbl, MIN(seq) FROM staged WHERE parent IS NOT NULL AND parent NOT "
            f"IN {carried} GROUP BY parent")]
