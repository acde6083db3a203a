"""The scratch database in which an import keeps a bundle's checked rows until it applies them.

One table: every row's JSON line under its table and key (unique, so a row appearing twice is
found by the database rather than by a set in memory) and, for an inspection's parts, the
inspection it belongs to. A table the import applies in SQL (the audit log) keeps its rows'
checked values instead of their lines, in a table of its own, ``values_<table>``: one column
per column of the row, and ``absent`` naming the columns a row did not carry. Applying it then
copies values rather than parsing every line again. Such a table's key is unique in its own
table, and its rows are not staged a second time in ``staged``: the audit log is most of a
bundle's rows, and each extra staged row cost an insert into a random-keyed index. The file
lives in the import's private scratch folder and goes with it; nothing here needs to survive a
crash, so it is written without a journal.
"""

from __future__ import annotations

import contextlib
import queue
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# One staged row: (table, key, parent or None, JSON line).
Item = tuple[str, str, str | None, str]
_FETCH = 1000
# Batches waiting for the writer: a few, so the lines held in memory stay bounded.
_WAITING = 4


class StagingStore:
    def __init__(self, path: Path) -> None:
        # Used by one thread at a time: the writer of ``writing`` while it lasts, else the
        # caller's.
        self.conn = sqlite3.connect(path, check_same_thread=False)
        self.conn.executescript(
            "PRAGMA page_size = 16384; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
            "PRAGMA cache_size = -8192; "
            "CREATE TABLE staged (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, "
            "key TEXT NOT NULL, parent TEXT, line TEXT NOT NULL, UNIQUE (tbl, key)); "
            "CREATE INDEX staged_parent ON staged (parent, seq) WHERE parent IS NOT NULL;")
        self.columns: dict[str, list[str]] = {}
        self.keys_of: dict[str, str] = {}  # a table given to keep_values → its key column

    def keep_values(self, table: str, columns: list[str], key: str) -> None:
        """Keep the values of ``table``'s rows, in ``values_<table>``, rather than their
        lines (see ``add_many``), with ``key`` (one of ``columns``) unique among them;
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
    def add_many(self, items: list[Item], values: list[tuple[Any, ...]] | None = None
                 ) -> int | None:
        """Stage ``items``; when one of them has a key already staged for its table (earlier,
        or earlier in ``items``), the index of that item in ``items``, else None.

        The items before it are staged; those from it on are not. ``values`` (for a table
        given to ``keep_values``, whose items' lines are empty) are the items' values: the
        columns a row lacks (joined by commas, or None), then its values in the order of the
        columns; they alone are staged."""
        if not items:
            return None
        table = items[0][0]
        if table in self.columns:
            if values is None or len(values) != len(items):
                raise ValueError(f"{table} is staged as values: give every item's values")
            columns = self.columns[table]
            names = ", ".join(f'"{c}"' for c in columns)
            sql = (f'INSERT INTO "values_{table}" (absent, {names}) '
                   f"VALUES ({', '.join('?' * (len(columns) + 1))})")
            rows: list[Any] = values
        else:
            sql, rows = "INSERT INTO staged (tbl, key, parent, line) VALUES (?, ?, ?, ?)", items
        before = self.conn.total_changes
        try:
            self.conn.executemany(sql, rows)
        except sqlite3.IntegrityError:
            return self.conn.total_changes - before
        return None

    @contextlib.contextmanager
    def writing(self) -> Iterator[Writer]:
        """A writer that stages batches (``add_many``) in a thread of its own while the caller
        reads and checks the next ones: SQLite lets other Python code run while it writes, so
        on a second core the staging costs little of the import's time. Nothing else may use
        this store until the block ends; it ends with every batch given written (or, when it
        ends by an exception, with those left unwritten dropped)."""
        writer = Writer(self)
        try:
            yield writer
        except BaseException:
            writer.stop(abandon=True)
            raise
        writer.stop()

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

    def values(self, table: str) -> Iterator[tuple[Any, ...]]:
        """The kept values of a table given to ``keep_values``, in the bundle's order: the
        columns a row lacks (or None), then its values."""
        names = ", ".join(f'"{c}"' for c in self.columns[table])
        yield from self._stream(f'SELECT absent, {names} FROM "values_{table}" ORDER BY seq', [])

    def keys(self, table: str) -> Iterator[str]:
        """A table's keys in the bundle's order, without its lines."""
        if table in self.keys_of:
            yield from (str(key) for (key,) in self._stream(
                f'SELECT "{self.keys_of[table]}" FROM "values_{table}" ORDER BY seq', []))
            return
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



class Writer:
    """Batches staged in the order given, in a thread of its own (see ``StagingStore.writing``).
    The first batch holding a key already staged ends the writing: it and the batches after it
    are not staged, and ``settle`` names it."""

    def __init__(self, store: StagingStore) -> None:
        self._store = store
        self._jobs: queue.Queue[tuple[list[Item], list[tuple[Any, ...]] | None, Any] | None] = (
            queue.Queue(_WAITING))
        self._twice: tuple[Any, int] | None = None
        self._error: BaseException | None = None
        self._abandon = False
        self._thread = threading.Thread(target=self._run, name="sync-staging", daemon=True)
        self._thread.start()

    def add_many(self, items: list[Item], values: list[tuple[Any, ...]] | None, token: Any
                 ) -> None:
        """``StagingStore.add_many(items, values)``, later; ``token`` is what ``settle``
        returns for this batch when one of its keys is staged already."""
        if self._error is not None or self._twice is not None:
            return  # the writing ended: nothing after it is staged
        self._jobs.put((items, values, token))

    def settle(self) -> tuple[Any, int] | None:
        """Every batch given so far written: (token, index of the item in its batch) of the
        first item whose key was staged already, or None. A failure of the database (a full
        disk) is raised here."""
        self._jobs.join()
        if self._error is not None:
            raise self._error
        return self._twice

    def stop(self, *, abandon: bool = False) -> None:
        self._abandon = abandon
        self._jobs.put(None)
        self._thread.join()
        if not abandon and self._error is not None:
            raise self._error

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            try:
                if job is None:
                    return
                if self._abandon or self._error is not None or self._twice is not None:
                    continue
                items, values, token = job
                try:
                    twice = self._store.add_many(items, values)
                except BaseException as exc:  # given to the caller by settle or stop
                    self._error = exc
                    continue
                if twice is not None:
                    self._twice = (token, twice)
            finally:
                self._jobs.task_done()
