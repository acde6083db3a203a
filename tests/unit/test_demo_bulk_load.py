"""The demo's bulk load leaves the database as the migrations made it, however it ends."""

from datetime import date

import pytest

from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.demo import build_demo
from inspector_app.storage.bulk_writer import bulk_load


def _schema(db):
    return db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                      "WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name").fetchall()


def _build(ctx, **kw):
    options = {"companies": 6, "inspections": 12, "seed": 3, "today": date(2026, 6, 1)}
    options.update(kw)
    return build_demo(ctx.db, ctx.device, ctx.data_dir.photos, **options)


@pytest.fixture
def fresh_schema(tmp_path):
    ctx = AppContext(DataDir(tmp_path / "fresh"))
    schema = _schema(ctx.db)
    ctx.close()
    return schema


def test_schema_after_a_demo_is_that_of_a_new_database(ctx, fresh_schema, monkeypatch):
    import inspector_app.services.demo as demo

    monkeypatch.setattr(demo, "BATCH", 5)  # several transactions between drop and rebuild
    _build(ctx)
    assert _schema(ctx.db) == fresh_schema
    # The rebuilt indexes hold every row: a lookup through one finds what a scan finds.
    (by_index,) = ctx.db.execute("SELECT COUNT(*) FROM findings INDEXED BY findings_inspection "
                                 "WHERE inspection_id > ''").fetchone()
    assert by_index == ctx.db["findings"].count > 0
    assert ctx.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # Commits are flushed to the disk one by one again, as for everything typed in the window.
    assert ctx.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_ctrl_c_keeps_whole_batches_and_the_indexes(ctx, fresh_schema, monkeypatch):
    import inspector_app.services.demo as demo

    monkeypatch.setattr(demo, "BATCH", 4)

    class StopAfterFirstBatch:
        def progress(self, done, total, text=""):
            raise KeyboardInterrupt

        def check_cancelled(self):
            pass

    with pytest.raises(KeyboardInterrupt):
        _build(ctx, progress=StopAfterFirstBatch())
    assert ctx.db.execute("SELECT COUNT(*) FROM inspections WHERE kind != 'reinspection'"
                          ).fetchone()[0] == 4
    assert _schema(ctx.db) == fresh_schema
    # The hazards of the batch written are in the ledger, as its triggers would have put them.
    ledger = _ledger(ctx.db)
    assert len(ledger) == ctx.db["findings"].count > 0
    with ctx.db.atomic():
        ctx.db.execute("UPDATE findings SET seq = seq")  # each row through its trigger again
    assert _ledger(ctx.db) == ledger
    assert ctx.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_indexes_stay_in_place_when_the_data_dir_has_records(ctx):
    with bulk_load(ctx.db) as deferred:
        assert deferred  # a new data dir: nothing to keep in order while loading
        names = {r[0] for r in ctx.db.execute("SELECT name FROM sqlite_master "
                                              "WHERE type = 'index'")}
        assert "findings_inspection" not in names and "documents_one_per_type" in names
    _build(ctx)
    with bulk_load(ctx.db) as deferred:
        assert not deferred
        assert ctx.db.execute("SELECT 1 FROM sqlite_master "
                              "WHERE name = 'findings_inspection'").fetchone()


def _contents(db):
    """Every table's rows, in the order they were written."""
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT IN ('sqlite_stat1', '_sqlite_migrations') "
                                       "ORDER BY name")]
    return {t: db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}


def _fixed_ids_and_clock(monkeypatch) -> None:
    """Ids and the clock, the only things a seed does not fix, made the same for each demo."""
    import os
    import random
    import uuid
    from datetime import UTC, datetime, timedelta

    import inspector_app.domain.records as records

    ids = random.Random(1)
    clock = [datetime(2026, 6, 1, tzinfo=UTC)]

    def tick():
        clock[0] += timedelta(milliseconds=1)
        return clock[0]

    monkeypatch.setattr(os, "urandom", lambda k: ids.randbytes(k))
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(bytes=ids.randbytes(16), version=4))
    monkeypatch.setattr(records, "utcnow", tick)
    monkeypatch.setattr(records, "_last_ordered", 0)  # ordered ids follow the last one made


def test_the_same_seed_writes_the_same_rows_in_the_same_order(tmp_path, monkeypatch):
    """Ids and the clock are the only things a seed does not fix; given those too, two demos
    write identical tables, row for row (the audit trail is read in the order it was written)."""
    import inspector_app.services.demo as demo

    monkeypatch.setattr(demo, "BATCH", 5)
    contents = []
    for n in range(2):
        _fixed_ids_and_clock(monkeypatch)
        ctx = AppContext(DataDir(tmp_path / f"d{n}"))
        _build(ctx, companies=5, inspections=15)
        contents.append(_contents(ctx.db))
        ctx.close()
    assert contents[0]["inspections"] and contents[0]["audit_log"]
    assert contents[0] == contents[1]


def test_a_batch_refused_while_written_in_the_background_is_rolled_back_whole(ctx):
    import sqlite3

    from inspector_app.storage.bulk_writer import BatchCommitter, BulkWriter

    _build(ctx, companies=2, inspections=0)
    db = ctx.db
    before = db["companies"].count
    row = db.execute("SELECT * FROM companies LIMIT 1").fetchone()
    columns = tuple(c[0] for c in db.execute("SELECT * FROM companies LIMIT 0").description)
    out = BulkWriter(db)
    fresh = dict(zip(columns, row, strict=True))
    fresh.update(id="another-id", name="新泉台机械有限公司", credit_code="91320512MA1XXXXX0X")
    out.add("companies", columns, list(fresh.values()))
    out.add("companies", columns, list(row))  # the same id twice: refused by its primary key
    committer = BatchCommitter(db)
    db.conn.execute("BEGIN")
    committer.commit(out)
    with pytest.raises(sqlite3.IntegrityError):
        committer.wait()
    assert not db.conn.in_transaction
    assert db["companies"].count == before  # the first row of the batch is gone too
    committer.wait()  # the error was handed over once


def _ledger(db):
    columns = [r[1] for r in db.execute("PRAGMA table_info(hazard_ledger)")]
    return sorted(db.execute(f"SELECT {', '.join(columns)} FROM hazard_ledger").fetchall())


def test_the_ledger_filled_after_the_load_is_the_one_its_triggers_keep(tmp_path, monkeypatch):
    """A new data dir's load fills the hazard ledger once at its end; a load into a data dir
    with records keeps it by the triggers, row by row. The same demo gives the same ledger."""

    import inspector_app.services.demo as demo
    import inspector_app.storage.bulk_writer as bulk_writer

    monkeypatch.setattr(demo, "BATCH", 5)
    set_aside = bulk_writer._set_aside
    ledgers = []
    for n, by_triggers in enumerate((False, True)):
        _fixed_ids_and_clock(monkeypatch)
        monkeypatch.setattr(bulk_writer, "_set_aside",
                            (lambda conn: ([], [])) if by_triggers else set_aside)
        ctx = AppContext(DataDir(tmp_path / f"d{n}"))
        with bulk_load(ctx.db) as deferred:
            assert deferred is not by_triggers
        _build(ctx, companies=5, inspections=40)
        ledgers.append(_ledger(ctx.db))
        ctx.close()
    statuses = {row[5] for row in ledgers[0]}
    assert statuses == {"open", "rectified", "closed", "reopened"}
    assert ledgers[0] == ledgers[1]


def test_a_load_that_never_reached_its_end_is_completed_at_the_next_open(tmp_path, fresh_schema):
    """Killed, or the machine off, after its indexes and ledger triggers were dropped: the next
    open makes them again and fills the ledger as the triggers would have kept it."""
    from inspector_app.storage import set_aside
    from inspector_app.storage.bulk_writer import drop_for_load

    folder = DataDir(tmp_path / "killed")
    ctx = AppContext(folder)
    indexes, triggers = drop_for_load(ctx.db)  # the load's first step, committed
    assert indexes and triggers
    _build(ctx, companies=5, inspections=30)  # its batches, written without them
    assert ctx.db.execute("SELECT COUNT(*) FROM hazard_ledger").fetchone()[0] == 0
    assert _schema(ctx.db) != fresh_schema
    ctx.close()  # and the process ends here, before the load's end

    reopened = AppContext(folder)
    db = reopened.db
    assert _schema(db) == fresh_schema
    assert not set_aside.pending(db.conn)
    ledger = _ledger(db)
    assert len(ledger) == db["findings"].count > 0
    with db.atomic():
        db.execute("UPDATE findings SET seq = seq")  # each row through its trigger again
    assert _ledger(db) == ledger
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    reopened.close()


def test_ctrl_c_while_a_batch_is_written_waits_for_the_batch(ctx):
    """A Ctrl-C that lands while the caller waits for the background batch is raised only once
    that batch is over: the connection is never handed back with the batch still writing."""
    import threading
    import time

    from inspector_app.storage.bulk_writer import BatchCommitter

    committer = BatchCommitter(ctx.db)
    finished = threading.Event()

    class SlowWriter:
        def flush(self):
            time.sleep(0.5)
            ctx.db.execute("INSERT INTO settings (key, value) VALUES ('slow-batch', 'x')")
            finished.set()

    ctx.db.conn.execute("BEGIN")
    committer.commit(SlowWriter())
    thread = committer._thread
    real_wait, interrupts = committer._done.wait, []

    def interrupted_once(timeout=None):
        if not interrupts:
            interrupts.append(True)
            raise KeyboardInterrupt
        return real_wait(timeout)

    committer._done.wait = interrupted_once
    with pytest.raises(KeyboardInterrupt):
        committer.wait()
    assert interrupts and finished.is_set() and not thread.is_alive()
    assert not ctx.db.conn.in_transaction
    kept = ctx.db.execute("SELECT value FROM settings WHERE key = 'slow-batch'").fetchone()
    assert kept == ("x",)


def test_numbers_are_looked_up_by_index_while_the_demo_loads(ctx, monkeypatch):
    # Each number the demo issues is checked against every record and document loaded so
    # far (storage/numbers.py): by a scan, a district-sized demo took hours.
    import inspector_app.services.demo as demo
    from inspector_app.storage import bulk_writer

    plans: list[str] = []
    real = bulk_writer.drop_for_load

    def dropped_then_planned(db):
        dropped = real(db)
        plans.extend(row[-1] for row in db.execute(
            "EXPLAIN QUERY PLAN SELECT 1 FROM inspections WHERE number = ? UNION ALL "
            "SELECT 1 FROM documents WHERE number = ?", ["x", "x"]).fetchall())
        return dropped

    monkeypatch.setattr(bulk_writer, "drop_for_load", dropped_then_planned)
    monkeypatch.setattr(demo, "drop_for_load", dropped_then_planned, raising=False)
    _build(ctx)
    searched = [p for p in plans if p.startswith(("SEARCH", "SCAN"))]
    assert searched, "the load dropped nothing: the check never ran"
    assert all(p.startswith("SEARCH") for p in searched), plans
