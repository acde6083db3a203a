"""Opening the one SQLite database of a data dir, safely.

A database written by a newer program is refused before anything writes to it: the check runs on
a read-only connection, so the file stays byte-identical.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from inspector_app.errors import (
    CorruptFileError,
    InspectorError,
    NewerVersionError,
    from_os_error,
    from_sqlite_error,
)
from inspector_app.i18n import N_
from inspector_app.storage import set_aside
from inspector_app.storage.files import make_private_file
from inspector_app.storage.migrations import (
    HAZARD_LEDGER_FILL,
    MIGRATION_SET,
    known_migrations,
    migrations,
    schema_version,
)
from inspector_app.storage.upgrade_lock import upgrading

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_S = 5.0


class Queryable(Protocol):
    """What a query that only reads needs of a connection: sqlite-utils' ``Database`` or a
    plain ``sqlite3.Connection`` (``open_reader``) both run SQL alike."""

    def execute(self, sql: str, parameters: Any = ..., /) -> sqlite3.Cursor: ...


def _check_not_newer(path: Path, query: str = "?mode=ro") -> bool:
    """Refuse a database from a newer program without writing to it; whether it is current
    (every migration this program knows applied, and no other)."""
    conn = _connect_read_only(path, query)
    try:
        return _is_current_on(conn, path)
    finally:
        conn.close()


def _connect_read_only(path: Path, query: str = "?mode=ro") -> sqlite3.Connection:
    uri = path.resolve().as_uri() + query
    try:
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise _classify(exc, path) from exc


def _if_current(conn: sqlite3.Connection, path: Path) -> sqlite3.Connection | None:
    """``conn`` when its database is at this version's schema; else closed, and None."""
    try:
        current = _is_current_on(conn, path)
    except BaseException:
        conn.close()
        raise
    if not current:
        conn.close()
        return None
    return conn


def _is_current_on(conn: sqlite3.Connection, path: Path) -> bool:
    """``_check_not_newer`` on a connection that only reads here, which it leaves open."""
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='_sqlite_migrations'"
        ).fetchone()
        applied: list[str] = []
        if has_table:
            applied = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                    (MIGRATION_SET,),
                )
            ]
        unfinished_load = set_aside.pending(conn)
    except sqlite3.Error as exc:
        raise _classify(exc, path) from exc
    known = known_migrations()
    unknown = sorted(set(applied) - set(known))
    if version > schema_version() or unknown:
        raise NewerVersionError(
            N_("The database {path} was written by a newer version of Inspector "
               "(schema {version}, this program knows up to {schema_version}). "
               "Install the newer version to open it; the file was not changed."),
            path=path, version=version, schema_version=schema_version()
        )
    return version == len(known) and len(applied) == len(known) and not unfinished_load


def _classify(exc: sqlite3.Error, path: Path) -> InspectorError:
    known = from_sqlite_error(exc, path)
    if known is not None:
        return known
    return CorruptFileError(N_("The database {path} cannot be read: {exc}. It was not changed."),
                            path=path, exc=exc)


def connect(path: Path) -> Database:
    """A configured connection to an already migrated database (for worker threads too)."""
    return wrap(_connect_plain(path))


def _connect_plain(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    except sqlite3.Error as exc:
        raise _classify(exc, path) from exc
    return _configure(conn, path)


def _configure(conn: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        # FULL: a commit survives a power cut, not only a killed process; one fsync per answer
        # is cheap next to an inspector's typing speed.
        conn.execute("PRAGMA synchronous=FULL")
    except sqlite3.Error as exc:
        conn.close()
        raise _classify(exc, path) from exc
    return conn


def wrap(conn: sqlite3.Connection) -> Database:
    """sqlite-utils' ``Database`` on a connection configured here (``open_plain``)."""
    from sqlite_utils import Database

    # No sqlite-utils plugins: whatever else is installed must not change how this database
    # behaves, and looking for plugins reads every installed package's metadata at each start.
    return Database(conn, execute_plugins=False)


def open_plain(path: Path) -> sqlite3.Connection | None:
    """The database, current already, on a plain connection configured as ``connect``
    configures it (sqlite-utils is not loaded; ``wrap`` gives its ``Database`` on the same
    connection later). None where the database is missing or not current: ``open_database``
    creates or migrates it. A database of a newer program is refused, unchanged."""
    if not (path.exists() and path.stat().st_size > 0):
        return None
    try:
        make_private_file(path)  # before SQLite makes its -wal and -shm files beside it
    except OSError as exc:
        raise from_os_error(exc, path) from exc
    # The version is checked on the connection that then reads, before it writes anything: a
    # second connection only for the check read the schema twice (a millisecond of the start).
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    except sqlite3.Error as exc:
        raise _classify(exc, path) from exc
    checked = _if_current(conn, path)
    return None if checked is None else _configure(checked, path)


def open_database(path: Path) -> Database:
    """Open (creating if needed) and migrate the database at ``path``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise from_os_error(exc, path.parent) from exc
    if _is_current(path):  # one cheap check: no lock, no migration machinery
        return _connect_private(path)
    with upgrading(path):
        # Another process may have created or upgraded it while this one waited.
        if _is_current(path):
            return _connect_private(path)
        return _migrate(_connect_private(path), path)


def _is_current(path: Path) -> bool:
    return path.exists() and path.stat().st_size > 0 and _check_not_newer(path)


def _connect_private(path: Path) -> Database:
    try:
        # SQLite creates the -wal and -shm files with the database's own mode.
        make_private_file(path)
    except OSError as exc:
        raise from_os_error(exc, path) from exc
    return connect(path)


def _migrate(db: Database, path: Path) -> Database:
    try:
        found = db.execute("PRAGMA user_version").fetchone()[0]
        migrations.apply(db)
        if db.execute("PRAGMA user_version").fetchone()[0] != schema_version():
            db.execute(f"PRAGMA user_version = {schema_version()}")
        with db.atomic():
            set_aside.restore_noted(db.conn, HAZARD_LEDGER_FILL)
        if 0 < found < schema_version():
            _reclaim(db)
    except sqlite3.Error as exc:
        db.close()
        raise _classify(exc, path) from exc
    return db


def _reclaim(db: Database) -> None:
    """After a migration that moved much data out of the way (a checklist copied into every
    inspection, kept once now), give the freed pages back to the disk: SQLite reuses them but
    never shrinks the file by itself."""
    free = db.execute("PRAGMA freelist_count").fetchone()[0]
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    if free * 4 > pages and not db.conn.in_transaction:
        db.execute("VACUUM")


def open_reader(path: Path) -> sqlite3.Connection | None:
    """A read-only connection for reading a current database (a listing, a count): the
    version is checked on the connection that then reads, so the schema is read once; no
    sqlite-utils, no migrations, and it cannot write. None where the database is missing
    or not current: it has to be opened with ``open_database`` first, which creates or
    migrates it."""
    if not (path.exists() and path.stat().st_size > 0):
        return None
    return _if_current(_connect_read_only(path), path)


def open_read_only(path: Path) -> Database:
    """A connection that never writes, for reading from a data dir that cannot be written (a
    read-only share, a CD, a folder of someone else's). The schema must be current already.

    A WAL database needs its -shm file; where that cannot be created SQLite reads the file as
    immutable, which is right for a folder nobody can write to.
    """
    from sqlite_utils import Database

    base = path.resolve().as_uri()
    last: InspectorError | None = None
    for query in ("?mode=ro", "?mode=ro&immutable=1"):
        try:
            _check_not_newer(path, query)
            conn = sqlite3.connect(base + query, uri=True, timeout=BUSY_TIMEOUT_S,
                                   check_same_thread=False)
        except NewerVersionError:
            raise
        except InspectorError as exc:
            last = exc
            continue
        except sqlite3.Error as exc:
            last = _classify(exc, path)
            continue
        return Database(conn, execute_plugins=False)
    assert last is not None
    raise last


def row_counts(db: Database, tables: Iterable[str]) -> dict[str, int]:
    """How many rows each of ``tables`` holds."""
    return {table: db[table].count for table in tables}


def data_version(db: Database | sqlite3.Connection) -> tuple[int, int]:
    """Moves whenever the database changes: ``data_version`` with other connections' commits
    (worker threads, another copy of the program), ``total_changes`` with this one's writes."""
    conn = db if isinstance(db, sqlite3.Connection) else db.conn
    return conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes


def close_database(db: Database) -> None:
    """Close ``db`` after letting SQLite refresh the statistics its query planner uses.

    SQLite recommends ``PRAGMA optimize`` just before a short-lived connection closes: it runs
    ANALYZE only where the queries of this connection would profit, bounded by
    ``analysis_limit`` so closing stays quick on a large database.

    A connection that changed nothing (a listing, a refused import) leaves the file exactly as
    it found it: statistics written then would make a refused bundle look like a change.
    """
    if not db.conn.total_changes:
        db.close()
        return
    try:
        db.execute("PRAGMA analysis_limit=400")
        db.execute("PRAGMA optimize")
    except sqlite3.Error:
        pass  # statistics are an optimisation: a busy or read-only database closes all the same
    db.close()
