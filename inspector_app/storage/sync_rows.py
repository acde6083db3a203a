"""The SQL of sync: what an export reads and an import checks and records.

The merge itself (services/sync/merge.py) writes rows of any table by name and keeps its own
SQL; everything else the sync services ask of the database is here, as typed functions.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlite_utils import Database

# Pages SQLite keeps in memory while an import writes (KiB). The default 2 MB makes every
# insert into a large index read its pages again; 32 MB keeps the indexes' hot pages, and a
# fixed share of the import's memory budget whatever the bundle's size.
_BULK_CACHE_KIB = 32 * 1024


@contextlib.contextmanager
def bulk_cache(db: Database) -> Iterator[None]:
    """A larger page cache for the duration of a bulk write, the usual one afterwards."""
    before = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{_BULK_CACHE_KIB}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {int(before)}")


@contextlib.contextmanager
def sorts_in_memory(db: Database) -> Iterator[None]:
    """SQLite's sorts (an export sorts each chunk of a table's rows, a few MB) in memory
    rather than in temporary files, for the duration of a bulk read."""
    before = db.execute("PRAGMA temp_store").fetchone()[0]
    db.execute("PRAGMA temp_store = MEMORY")
    try:
        yield
    finally:
        db.execute(f"PRAGMA temp_store = {int(before)}")


# -- what an export reads --
Row = dict[str, Any]
_FETCH = 256


def stream(db: Database, sql: str, params: Any) -> Iterator[Row]:
    """Rows one at a time, as SQLite steps through them (never the whole result in memory)."""
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    while batch := cursor.fetchmany(_FETCH):
        for values in batch:
            yield dict(zip(names, values, strict=True))


def json_select(db: Database, table: str, dropped: tuple[str, ...], alias: str) -> str | None:
    """A select list making each row of ``table`` (without ``dropped``) its JSON line, under
    ``alias``; None when SQLite would not write it as Python does (REAL and BLOB columns)."""
    kept = [(c[1], c[2].upper()) for c in db.execute(f"PRAGMA table_info({table})").fetchall()
            if c[1] not in dropped]
    # SQLite writes a REAL with 15 digits (Python keeps 17) and has no base64 for a BLOB.
    if any(kind not in ("TEXT", "INTEGER") for _, kind in kept):
        return None
    pairs = ", ".join(f"'{name}', \"{name}\"" for name, _ in sorted(kept))
    return f"json_object({pairs}) AS \"{alias}\""


def rows_of(db: Database, table: str, select_list: str, column: str, values: list[Any],
            order: str | None = None, device: str | None = None) -> Iterator[Row]:
    """The rows whose ``column`` is one of ``values`` (at most a few hundred); with
    ``device``, only those naming that device."""
    sql = (f"SELECT {select_list} FROM {table} "
           f"WHERE {column} IN ({','.join('?' * len(values))})")
    params = list(values)
    if device is not None:
        sql += " AND device_id = ?"
        params.append(device)
    return stream(db, sql if order is None else f"{sql} ORDER BY {order}", params)


def _first_column(db: Database, sql: str, params: Any) -> Iterator[Any]:
    """The first column of each row, as SQLite steps through them."""
    cursor = db.execute(sql, params)
    while batch := cursor.fetchmany(_FETCH):
        for values in batch:
            yield values[0]


def lines_of(db: Database, table: str, line: str, column: str, values: list[Any],
             order: str) -> Iterator[str]:
    """``rows_of`` for a select list of one column, the row's JSON line: the lines alone."""
    return _first_column(db, f"SELECT {line} FROM {table} WHERE {column} IN "
                             f"({','.join('?' * len(values))}) ORDER BY {order}", values)


def _since(stamp: str, since: str, device: str | None) -> tuple[str, list[Any]]:
    """The condition "stamped after ``since``", and "naming ``device``" when one is given."""
    if device is None:
        return f"{stamp} > ?", [since]
    return f"{stamp} > ? AND device_id = ?", [since, device]


def lines_since(db: Database, table: str, line: str, stamp: str, since: str,
                order: str, device: str | None = None) -> Iterator[str]:
    """``rows_since`` for a select list of one column, the row's JSON line: the lines
    alone."""
    where, params = _since(stamp, since, device)
    return _first_column(db, f"SELECT {line} FROM {table} WHERE {where} ORDER BY {order}",
                         params)


def rows_since(db: Database, table: str, select_list: str, stamp: str, since: str,
               order: str = "rowid", device: str | None = None) -> Iterator[Row]:
    """The rows stamped after ``since``; with ``device``, only those naming that device (a
    laptop's bundle carries its own rows, not what it received)."""
    where, params = _since(stamp, since, device)
    return stream(db, f"SELECT {select_list} FROM {table} WHERE {where} ORDER BY {order}",
                  params)


def own_parts_since(db: Database, table: str, select_list: str, parent: str, stamp: str,
                    since: str, device: str, order: str) -> Iterator[Row]:
    """The parts of ``table`` stamped after ``since`` that name ``device``, of inspections that
    are not a conflict's kept copy (a copy is this computer's own business)."""
    return stream(db, f"SELECT {select_list} FROM {table} WHERE {stamp} > ? AND device_id = ? "
                      f"AND {parent} NOT IN (SELECT id FROM inspections "
                      f"WHERE conflict_of IS NOT NULL) ORDER BY {order}",
                  [since, device])


def changed_inspections(db: Database, since: str, parts: list[tuple[str, str, str]],
                        office: bool, device: str | None = None
                        ) -> list[tuple[str, str | None, str | None]]:
    """(id, follows, supersedes) of the inspections changed after ``since``, themselves or in
    one of their ``parts`` (table, parent column, stamp column), oldest first; for the office,
    only those with hazards not yet closed; with ``device``, only those last written by that
    device, themselves or in their parts."""
    own = "" if device is None else " AND device_id = :device"
    changed_parts = " UNION ".join(f"SELECT {parent} FROM {table} WHERE {stamp} > :since{own}"
                                   for table, parent, stamp in parts)
    where = (f"conflict_of IS NULL{own} AND (updated_at > :since "
             f"OR id IN ({changed_parts}))")
    if office:
        # Laptops get what they re-inspect: inspections with hazards not yet closed.
        where += (" AND id IN (SELECT inspection_id FROM findings "
                  "WHERE status IN ('open', 'rectified', 'reopened') "
                  "AND withdrawn_at IS NULL)")
    return db.execute(f"SELECT id, follows_inspection_id, supersedes_id FROM inspections "
                      f"WHERE {where} ORDER BY created_at, id",
                      {"since": since, "device": device}).fetchall()


def inspection_links(db: Database, inspection_id: str, device: str | None = None
                     ) -> list[tuple[str, str | None, str | None]]:
    """(id, follows, supersedes) of one inspection, if it is here (and, with ``device``,
    names that device)."""
    if device is None:
        return db.execute("SELECT id, follows_inspection_id, supersedes_id FROM inspections "
                          "WHERE id = ?", [inspection_id]).fetchall()
    return db.execute("SELECT id, follows_inspection_id, supersedes_id FROM inspections "
                      "WHERE id = ? AND device_id = ?", [inspection_id, device]).fetchall()


# -- the history of bundles written and read --
def last_export_watermark(db: Database) -> str | None:
    row = db.execute("SELECT MAX(watermark) FROM sync_history WHERE direction = 'out' "
                     "AND status = 'written'").fetchone()
    return row[0] if row else None


def already_imported(db: Database, bundle_id: str) -> bool:
    return db.execute("SELECT 1 FROM sync_history WHERE direction = 'in' AND bundle_id = ? "
                      "AND status = 'imported'", [bundle_id]).fetchone() is not None


def add_history(db: Database, entry: Row) -> None:
    """One bundle written or imported (inside the caller's transaction, if any)."""
    db.table("sync_history").insert(entry)


def history(db: Database, limit: int = 200) -> list[Row]:
    """Sync history, newest first."""
    cursor = db.execute("SELECT * FROM sync_history ORDER BY created_at DESC LIMIT ?", [limit])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


# -- what an import checks --
def defer_foreign_keys(db: Database) -> None:
    """Parts may arrive before what they point at: checked once, at commit."""
    db.execute("PRAGMA defer_foreign_keys = ON")


@contextlib.contextmanager
def reading_only(db: Database) -> Iterator[None]:
    """While this lasts the connection refuses to write (SQLite's query_only): a transaction
    meant only to read cannot commit a change by mistake."""
    db.execute("PRAGMA query_only = ON")
    try:
        yield
    finally:
        db.execute("PRAGMA query_only = OFF")


def data_version(db: Database) -> int:
    """A number that changes whenever another connection (the window, another program) has
    committed a change to the database. Inside a transaction: that of the state the
    transaction reads, which the first read fixes (made here, so that the number is that
    state's)."""
    db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    return int(db.execute("PRAGMA data_version").fetchone()[0])


def first_broken_reference(db: Database) -> tuple[str, str] | None:
    """(table, referred table) of the first row pointing at a row that is not here."""
    problems = db.execute("PRAGMA foreign_key_check").fetchall()
    return (problems[0][0], problems[0][2]) if problems else None


def checklist_here(db: Database, content_hash: str) -> tuple[str, str] | None:
    """(template id, version) of the checklist stored here under ``content_hash``."""
    here = db.execute("SELECT template_id, version FROM template_snapshots "
                      "WHERE content_hash = ?", [content_hash]).fetchone()
    return (here[0], here[1]) if here else None


def inspection_number(db: Database, inspection_id: str) -> str | None:
    row = db.execute("SELECT number FROM inspections WHERE id = ?", [inspection_id]).fetchone()
    return row[0] if row else None


@contextlib.contextmanager
def staged_attached(db: Database, path: Path) -> Iterator[bool]:
    """The import's scratch database of staged rows, readable as ``staged.staged`` by the
    statements below while this lasts; False when it cannot be attached (a transaction is
    open), and the caller reads the rows itself."""
    try:
        db.execute("ATTACH DATABASE ? AS staged", [str(path)])
    except sqlite3.OperationalError:
        yield False
        return
    try:
        yield True
    finally:
        with contextlib.suppress(sqlite3.OperationalError):
            db.execute("DETACH DATABASE staged")


def staged_span(db: Database, table: str) -> tuple[int, int] | None:
    """(first, last) sequence number of ``table``'s staged values (``values_<table>``), if
    any."""
    row = db.execute(f'SELECT MIN(_seq), MAX(_seq) FROM staged."values_{table}"').fetchone()
    return None if row is None or row[0] is None else (int(row[0]), int(row[1]))


def add_staged_audit(db: Database, columns: list[str], first: int, last: int
                     ) -> tuple[int, int] | None:
    """The staged audit entries with sequence numbers ``first`` to ``last`` that are not here
    yet, added in one statement in the bundle's order, from the values the checks read:
    (added, already here). ``columns`` are those the staged values hold. None, with nothing
    done, when a column has a default (a value missing from a line must get it, which the
    staged null would not)."""
    info = db.execute("PRAGMA main.table_info(audit_log)").fetchall()
    if any(c[1] in columns and c[4] is not None for c in info):
        return None
    span = "v._seq BETWEEN ? AND ?"
    source = 'staged."values_audit_log" AS v'
    # Every entry of the span is either added or already here: counting the span (a range of
    # its key) spares a second look-up of each entry.
    staged = db.execute(f"SELECT COUNT(*) FROM {source} WHERE {span}",
                        [first, last]).fetchone()[0]
    names = ", ".join(f'"{c}"' for c in columns)
    values = ", ".join(f'v."{c}"' for c in columns)
    # An entry already here (its id, the primary key) is skipped by the insert's own look-up
    # of the key rather than by a NOT EXISTS probe of the same index before it: for the
    # district's 95,000 entries 0.24-0.33 s of CPU instead of 0.33-0.49 s. Only the id is
    # named, so any other fault still fails the import.
    cursor = db.execute(f"INSERT INTO main.audit_log ({names}) SELECT {values} FROM {source} "
                        f"WHERE {span} ORDER BY v._seq ON CONFLICT (id) DO NOTHING",
                        [first, last])
    return cursor.rowcount, int(staged) - cursor.rowcount


def add_staged_parts(db: Database, table: str, columns: list[str], parent: str,
                     parents: list[str]) -> int:
    """The staged rows of ``table`` (its staged values, ``staged."values_<table>"``, whose
    ``parent`` names one of ``parents``) added in one statement, from the values the checks
    read: how many. They go in as the rows read one by one would, those of each parent in
    turn, each's in the bundle's order. ``columns`` are those the staged values hold, none
    lacking in any of these rows (the staged null would stand for the column's default here).
    Any fault raises, as the rows' own insert would."""
    names = ", ".join(f'"{c}"' for c in columns)
    values = ", ".join(f'v."{c}"' for c in columns)
    cursor = db.execute(f'INSERT INTO main."{table}" ({names}) SELECT {values} '
                        f'FROM json_each(?) AS p JOIN staged."values_{table}" AS v '
                        f'ON v."{parent}" = p.value ORDER BY p.key, v._seq',
                        [json.dumps(parents)])
    return int(cursor.rowcount)


def fold_log(db: Database) -> None:
    """The write-ahead log copied into the database file and emptied, if no one is reading
    it: an import writes its whole size into the log, which would otherwise stay that large
    on the disk while the program runs. Never waits (busy timeout 0): a reader, such as the
    window, keeps its snapshot and the log is left for a later checkpoint."""
    (kept,) = db.execute("PRAGMA busy_timeout").fetchone()
    db.execute("PRAGMA busy_timeout = 0")
    try:
        # A reader makes it answer "busy" (or raise, on some versions): skipped either way.
        with contextlib.suppress(sqlite3.OperationalError):
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        db.execute(f"PRAGMA busy_timeout = {int(kept)}")


# -- what the sender may change (services/sync/policy.py) --
def rows_by_keys(db: Database, table: str, key: tuple[str, ...],
                 keys: Iterable[tuple[Any, ...]]) -> Iterator[Row]:
    """The rows of ``table`` here whose ``key`` columns hold one of ``keys`` (read a few
    hundred keys at a time: a bundle's keys may be millions)."""
    if len(key) == 1:
        values = (k[0] for k in keys)
        while part := list(itertools.islice(values, 500)):
            yield from rows_of(db, table, "*", key[0], part)
        return
    where = " AND ".join(f"{k} = ?" for k in key)
    for k in keys:
        yield from stream(db, f"SELECT * FROM {table} WHERE {where}", list(k))


def has_rows(db: Database, table: str) -> bool:
    """Whether ``table`` holds any row here."""
    return db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None


def other_device_of_certificate(db: Database, serial: str, device_id: str) -> str | None:
    """Another device id this certificate already speaks for, or None."""
    row = db.execute("SELECT device_id FROM sync_device_signers WHERE cert_serial = ? AND "
                     "device_id != ? LIMIT 1", [serial, device_id]).fetchone()
    return row[0] if row else None


_IN_CHUNK = 500  # ids bound per statement, well under SQLite's limit on parameters


def _rows_in(db: Database, sql: str, ids: list[str], *before: Any) -> Iterator[Any]:
    """The rows of ``sql`` (its ``{marks}`` the placeholders of an IN list, after the
    parameters ``before``) for every id, a few hundred ids at a time."""
    for start in range(0, len(ids), _IN_CHUNK):
        part = ids[start:start + _IN_CHUNK]
        yield from db.execute(sql.format(marks=",".join("?" * len(part))), [*before, *part])


def amended_by(db: Database, inspection_ids: list[str], device_id: str) -> set[str]:
    """Those of these inspections that a revision written by this device already amends."""
    return {row[0] for row in _rows_in(
        db, "SELECT supersedes_id FROM inspections WHERE device_id = ? AND supersedes_id IN "
        "({marks})", inspection_ids, device_id)}


def issued_here_at(db: Database, serial: str) -> str | None:
    """When this office issued the certificate with this serial (None: it did not)."""
    row = db.execute("SELECT created_at FROM issued_certificates WHERE serial = ?",
                     [serial]).fetchone()
    return row[0] if row else None


def bound_revoked_at(db: Database, device_id: str) -> str | None:
    """When the certificate the device id is bound to was revoked (None: it was not)."""
    row = db.execute("SELECT min(r.revoked_at) FROM sync_device_signers s JOIN revocations r "
                     "ON r.serial = s.cert_serial WHERE s.device_id = ?", [device_id]).fetchone()
    return row[0] if row else None


def device_binding(db: Database, device_id: str) -> tuple[str, str | None, bool] | None:
    """(signer name, enforcement id, certificate revoked) the device id is bound to."""
    bound = db.execute(
        "SELECT signer_name, enforcement_id, cert_serial IN (SELECT serial FROM revocations) "
        "FROM sync_device_signers WHERE device_id = ?", [device_id]).fetchone()
    return (bound[0], bound[1], bool(bound[2])) if bound is not None else None


def signers_in_history(db: Database, device_id: str) -> Iterator[str | None]:
    """The signer named by each bundle imported from the device (before bindings existed)."""
    for (signer,) in db.execute(
            "SELECT json_extract(report, '$.signer') FROM sync_history WHERE direction = "
            "'in' AND status = 'imported' AND peer_device = ?", [device_id]):
        yield signer


def seen_from(db: Database, inspection_ids: list[str], peer: str) -> set[str]:
    """Those of these inspections this computer has received from ``peer`` as its own."""
    return {row[0] for row in _rows_in(
        db, "SELECT inspection_id FROM sync_seen WHERE peer_device = ? AND inspection_id IN "
        "({marks})", inspection_ids, peer)}


def status_and_device(db: Database, inspection_ids: list[str]) -> dict[str, tuple[str, str]]:
    """Status and device of these inspections as they are here."""
    return {row[0]: (row[1], row[2]) for row in _rows_in(
        db, "SELECT id, status, device_id FROM inspections WHERE id IN ({marks})",
        inspection_ids)}


def device_people(db: Database, device_ids: list[str]
                  ) -> dict[str, tuple[str | None, str | None, str | None]]:
    """(enrolled inspector who signs its bundles, computer name, number prefix) of each of these
    devices known here, by id."""
    signers: dict[str, str] = {}
    computers: dict[str, tuple[str | None, str | None]] = {}
    for start in range(0, len(device_ids), 500):
        chunk = device_ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        signers.update(db.execute(f"SELECT device_id, signer_name FROM sync_device_signers "
                                  f"WHERE device_id IN ({marks})", chunk).fetchall())
        computers.update((i, (n, p)) for i, n, p in db.execute(
            f"SELECT id, name, doc_prefix FROM devices WHERE id IN ({marks})", chunk))
    return {i: (signers.get(i), *computers.get(i, (None, None)))
            for i in signers.keys() | computers.keys()}


def results_of_findings(db: Database, finding_ids: list[str]
                        ) -> Iterator[tuple[str, str, str]]:
    """(hazard id, result, re-inspection id) of every re-inspection result here for these
    hazards (a few hundred ids at a time)."""
    yield from _rows_in(db, "SELECT finding_id, result, reinspection_id FROM "
                        "reinspection_results WHERE finding_id IN ({marks})", finding_ids)


def inspector_names(db: Database, inspector_ids: list[str]) -> dict[str, str]:
    """Each of these inspectors' name here (a few hundred ids at a time)."""
    return dict(_rows_in(db, "SELECT id, name FROM inspectors WHERE id IN ({marks})",
                         inspector_ids))


def inspector_names_of_device(db: Database, device_id: str) -> list[str]:
    return [row[0] for row in db.execute("SELECT name FROM inspectors WHERE device_id = ?",
                                         [device_id])]


def bind_device(db: Database, device_id: str, signer_name: str, enforcement_id: str | None,
                fingerprint: str, serial: str, bundle_id: str, now: str) -> None:
    # A binding to a revoked certificate gives way to the laptop's new owner.
    db.execute("INSERT INTO sync_device_signers (device_id, signer_name, enforcement_id, "
               "cert_fingerprint, cert_serial, bundle_id, bound_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
               "ON CONFLICT(device_id) DO UPDATE SET signer_name = excluded.signer_name, "
               "enforcement_id = excluded.enforcement_id, "
               "cert_fingerprint = excluded.cert_fingerprint, cert_serial = excluded.cert_serial, "
               "bundle_id = excluded.bundle_id, bound_at = excluded.bound_at "
               "WHERE cert_serial IN (SELECT serial FROM revocations)",
               [device_id, signer_name, enforcement_id, fingerprint, serial, bundle_id, now])


def latest_record_signature(db: Database, inspection_id: str
                            ) -> tuple[str, str, str, str] | None:
    """(id, data SHA-256, signature, certificate PEM) of the record's latest signature."""
    row = db.execute(
        "SELECT id, data_sha256, signature, cert_pem FROM record_signatures "
        "WHERE inspection_id = ? ORDER BY signed_at DESC, id LIMIT 1",
        [inspection_id]).fetchone()
    return (row[0], row[1], row[2], row[3]) if row is not None else None


def with_record_signature(db: Database, inspection_ids: list[str]) -> set[str]:
    """Which of these inspections have a record signature here."""
    return {row[0] for row in _rows_in(
        db, "SELECT DISTINCT inspection_id FROM record_signatures WHERE inspection_id IN "
        "({marks})", inspection_ids)}


def documents_numbered(db: Database, numbers: list[str]) -> dict[str, set[str]]:
    """The ids of the documents here printed with each of these numbers, by number."""
    found: dict[str, set[str]] = {}
    for number, document_id in _rows_in(
            db, "SELECT number, id FROM documents WHERE number IN ({marks})", numbers):
        found.setdefault(number, set()).add(document_id)
    return found


def inspection_kind(db: Database, inspection_id: str) -> str:
    return str(db.execute("SELECT kind FROM inspections WHERE id = ?",
                          [inspection_id]).fetchone()[0])
