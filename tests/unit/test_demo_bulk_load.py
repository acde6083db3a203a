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
    assert ctx.db["inspections"].count == 4
    assert _schema(ctx.db) == fresh_schema
    assert ctx.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_indexes_stay_in_place_when_the_data_dir_has_records(ctx):
    with bulk_load(ctx.db) as deferred:
        assert deferred  # a new data dir: nothing to keep in order while loading
        names = {r[0] for r in ctx.db.execute("SELECT name FROM sqlite_master "
                                              "WHERE type = 'index'")}
        assert "findings_inspection" not in names and "inspections_number" in names
    _build(ctx)
    with bulk_load(ctx.db) as deferred:
        assert not deferred
        assert ctx.db.execute("SELECT 1 FROM sqlite_master "
                              "WHERE name = 'findings_inspection'").fetchone()
