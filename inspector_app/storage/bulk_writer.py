"""Rows written many at a time, for generators of large data sets (``demo``).

The rows are built and checked by the caller against the same domain rules the services apply;
here they are only queued and written: one prepared statement per table and set of columns, run
with ``executemany`` inside the caller's transaction, parents before children (foreign keys are
on). Updates run after every insert, so a record can be written as completed, given its answers,
and then locked: the tables' triggers refuse answers to a signed inspection.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Literal

from sqlite_utils import Database
from sqlite_utils.db import jsonify_if_needed

from inspector_app.storage import set_aside
from inspector_app.storage.migrations import HAZARD_LEDGER_FILL

Table = Literal["companies", "inspections", "inspection_inspectors", "documents", "answers",
                "findings", "reinspection_results", "photos", "signatures", "audit_log"]
# Parents before the rows that refer to them.
_ORDER: tuple[Table, ...] = ("companies", "inspections", "inspection_inspectors", "documents",
                             "answers", "findings", "reinspection_results", "photos",
                             "signatures", "audit_log")
# Stored as they are; anything else as sqlite_utils stores it (JSON text). Checked by type
# first: converting every value through sqlite_utils took a fifth of a large demo.
_PLAIN = frozenset({str, int, float, bytes, type(None)})


def _stored(values: Iterable[Any]) -> list[Any]:
    return [v if type(v) in _PLAIN else jsonify_if_needed(v) for v in values]


class BulkWriter:
    """Queues rows by table and writes them with one ``executemany`` per statement."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._inserts: dict[Table, dict[tuple[str, ...], list[list[Any]]]] = {}
        self._updates: dict[tuple[Table, tuple[str, ...]], list[list[Any]]] = {}
        # The queue of each table and set of columns ``add`` was given, found in one lookup.
        self._queues: dict[tuple[Table, tuple[str, ...]], list[list[Any]]] = {}

    def insert(self, table: Table, row: dict[str, Any]) -> None:
        """Queue ``row``; values that are not plain SQLite values are stored as JSON text."""
        self._inserts.setdefault(table, {}).setdefault(tuple(row), []).append(
            _stored(row.values()))

    def add(self, table: Table, columns: tuple[str, ...], values: list[Any]) -> None:
        """Queue one row given as ``values`` of ``columns``, already in their stored form
        (str, int, float, bytes or None): the cheaper ``insert`` for the most frequent rows."""
        rows = self._queues.get((table, columns))
        if rows is None:
            rows = self._queues[table, columns] = self._inserts.setdefault(
                table, {}).setdefault(columns, [])
        rows.append(values)

    def update(self, table: Table, key: str, fields: dict[str, Any]) -> None:
        """Queue setting ``fields`` of the row whose id is ``key`` (run after the inserts)."""
        self._updates.setdefault((table, tuple(fields)), []).append(
            [*_stored(fields.values()), key])

    def pending(self) -> int:
        """Rows queued and not yet written."""
        return (sum(len(rows) for by_columns in self._inserts.values()
                    for rows in by_columns.values())
                + sum(len(rows) for rows in self._updates.values()))

    def flush(self) -> None:
        """Write everything queued (inside the caller's transaction) and start afresh."""
        conn = self.db.conn
        for table in _ORDER:
            for columns, rows in self._inserts.get(table, {}).items():
                conn.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) "
                    f"VALUES ({', '.join('?' * len(columns))})", rows)
        for (table, columns), rows in self._updates.items():
            conn.executemany(
                f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
                rows)
        self._inserts.clear()
        self._updates.clear()
        self._queues.clear()



# Pages the write-ahead log may hold before it is copied into the database (1,000 by default):
# a batch rewrites many of the same index pages, and each copy costs an fsync.
_LOAD_CHECKPOINT_PAGES = 50_000
# The unique indexes kept during a load are written at their end when the rows come in the
# order of their keys (the demo's answers and audit entries, nine rows in ten, have ordered
# ids): a batch touches their last pages, not pages all over them. Random keys needed the whole
# indexes cached (256 MB here, 450 MB peak at 20,000 inspections); ordered ones do not (the same
# CPU time at 32 MB, 240 MB peak).
_LOAD_CACHE_MB = 32
# A sort that builds an index may take as much memory as the page cache: both at the load's
# size held twice that at the end of a large demo (680 MB at 100,000 inspections).
_REBUILD_CACHE_MB = 64


# Indexes the load itself reads by while it writes: a number is issued only when neither a
# record nor a document carries it (storage/numbers.py ``_taken``). Without them each check
# read every record and document loaded so far: a 30,000-inspection demo took 434 s (337 s of
# CPU) instead of 58 s, and a 100,000-inspection one hours.
_READ_DURING_LOAD = ("documents_number", "inspections_number")


def _set_aside(conn: Any) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(secondary indexes, hazard-ledger triggers) a load into a database without records may
    drop and make again at its end; none when the tables hold records."""
    if any(conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone()
           for table in (*_ORDER, "hazard_ledger") if table not in ("companies", "audit_log")):
        return [], []
    tables = [t for t in _ORDER if t != "companies"]
    marks = ", ".join("?" * len(tables))
    # The ledger's indexes last: they are built after the ledger is filled.
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND sql NOT LIKE 'CREATE UNIQUE %' AND tbl_name IN ({marks}, 'hazard_ledger') "
        f"AND name NOT IN ({', '.join('?' * len(_READ_DURING_LOAD))}) "
        "ORDER BY tbl_name = 'hazard_ledger', name", [*tables, *_READ_DURING_LOAD]).fetchall()
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        "AND name LIKE 'hazard\\_ledger\\_%' ESCAPE '\\' ORDER BY name").fetchall()
    return ([(name, sql) for name, sql in indexes], [(name, sql) for name, sql in triggers])


def drop_for_load(db: Database) -> tuple[set_aside.Statements, set_aside.Statements]:
    """Drop what a load into a database without records makes again at its end (see
    ``bulk_load``); the (indexes, triggers) dropped."""
    conn = db.conn
    deferred, triggers = _set_aside(conn)
    if deferred or triggers:
        with db.atomic():
            # Noted with the drop: a load that never reaches its end leaves them to be made
            # again at the next open (storage/set_aside.py).
            set_aside.note(conn, deferred, triggers)
            for name, _sql in triggers:
                conn.execute(f'DROP TRIGGER "{name}"')
            for name, _sql in deferred:
                conn.execute(f'DROP INDEX "{name}"')
    return deferred, triggers


@contextmanager
def bulk_load(db: Database) -> Iterator[bool]:
    """Settings for loading many batches into the tables ``BulkWriter`` writes; yields whether
    their secondary indexes were set aside.

    Each batch is still one transaction, so an interrupted load keeps whole batches. Commits
    are not flushed to the disk one by one (``synchronous=NORMAL``: with the write-ahead log a
    killed process loses nothing committed and a power cut cannot corrupt the file, it can only
    lose the last batches); the log is copied into the database less often. When the tables
    hold no record yet (a new data dir), their secondary indexes are dropped and built again at
    the end, in one sort each, instead of being updated at a random place for every row; they
    are rebuilt from the statements that made them, also when the load stops on an error or
    Ctrl-C. Unique indexes stay: they check every row as it comes. The hazard ledger, derived
    from the records by triggers that re-read an inspection's hazards at every write to it,
    is then filled once at the end by their query, and its indexes and triggers made again.
    """
    conn = db.conn
    deferred: set_aside.Statements = []
    triggers: set_aside.Statements = []
    (synchronous,) = conn.execute("PRAGMA synchronous").fetchone()
    (checkpoint,) = conn.execute("PRAGMA wal_autocheckpoint").fetchone()
    (cache,) = conn.execute("PRAGMA cache_size").fetchone()
    conn.execute(f"PRAGMA cache_size = -{_LOAD_CACHE_MB * 1024}")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"PRAGMA wal_autocheckpoint = {_LOAD_CHECKPOINT_PAGES}")
    try:
        deferred, triggers = drop_for_load(db)
        yield bool(deferred)
    finally:
        if conn.in_transaction:  # a batch the load stopped in: whole batches only
            conn.execute("ROLLBACK")
        if deferred or triggers:
            conn.execute(f"PRAGMA cache_size = -{_REBUILD_CACHE_MB * 1024}")
            with db.atomic():
                set_aside.restore(conn, deferred, triggers, HAZARD_LEDGER_FILL)
        conn.execute(f"PRAGMA synchronous = {int(synchronous)}")
        conn.execute(f"PRAGMA wal_autocheckpoint = {int(checkpoint)}")
        conn.execute(f"PRAGMA cache_size = {int(cache)}")
        # Into the database file now, flushed, rather than in a large log at the next start.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


class BatchCommitter:
    """Writes and commits one batch in a second thread while the caller builds the next.

    SQLite does its work (the B-trees, the log, the disk) without Python's global lock, so on
    two cores the writing of one batch overlaps the building of the next. The caller begins the
    batch's transaction and queues its rows; ``commit`` hands them over. The connection is the
    caller's again only after ``wait``, which also raises what went wrong in the thread (the
    batch then rolled back whole).
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        # Set by the thread when its batch is over. Not Thread.join: a Ctrl-C that interrupts a
        # join marks the still-running thread as ended (CPython 3.11), and the next join would
        # return while the batch's transaction is still open.
        self._done = threading.Event()

    @contextmanager
    def batch(self, writer: BulkWriter) -> Iterator[None]:
        """A transaction for the caller's statements; on leaving the block, the rows queued in
        ``writer`` are written and the transaction committed in the background (rolled back,
        here, when the block raises)."""
        self.wait()
        conn = self.db.conn
        conn.execute("BEGIN")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        self.commit(writer)

    def commit(self, writer: BulkWriter) -> None:
        """Write what ``writer`` holds and commit the open transaction, in the background."""
        self.wait()
        conn = self.db.conn

        def run() -> None:
            try:
                writer.flush()
                conn.execute("COMMIT")
            except BaseException as exc:  # handed to the caller by wait()
                self._error = exc
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
            finally:
                self._done.set()

        self._done.clear()
        self._thread = threading.Thread(target=run, name="bulk-commit")
        self._thread.start()

    def wait(self) -> None:
        """Until the batch handed over is committed (or raise why it was not). A Ctrl-C while
        waiting is raised only once the batch is over, so the connection is never left to a
        thread still writing."""
        if self._thread is not None:
            interrupted: BaseException | None = None
            while not self._done.is_set():
                try:
                    self._done.wait(0.2)
                except KeyboardInterrupt as exc:
                    interrupted = exc
            self._thread = None
            if interrupted is not None:
                raise interrupted
        if self._error is not None:
            error, self._error = self._error, None
            raise error


def template_source(db: Database, key: str) -> tuple[str, str, str, str] | None:
    """(template id, version, content hash, definition as stored) of a library template."""
    row = db.execute("SELECT template_id, version, content_hash, definition FROM templates "
                     "WHERE key = ?", [key]).fetchone()
    return (row[0], row[1], row[2], row[3]) if row else None
