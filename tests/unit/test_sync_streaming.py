"""Sync of a data set made by ``demo``: hand signatures as the pad stores them, photos and the
audit trail all pass the policy, travel as streams and arrive whole."""

from __future__ import annotations

import sqlite3
import time
import zipfile
from datetime import date

from inspector_app.services.demo import build_demo
from inspector_app.services.sync.export import collect_rows
from inspector_app.services.sync.rows import dump_rows
from inspector_app.storage.db import BUSY_TIMEOUT_S
from tests.unit.test_sync import ORG_PASS, World


def test_a_laptops_demo_data_arrives_whole_at_the_office(tmp_path):
    world = World(tmp_path)
    try:
        build_demo(world.a.db, world.a.device, world.a.data_dir.photos, companies=3,
                   inspections=6, photos_per_inspection=1, seed=3, today=date(2026, 6, 1))
        expected = collect_rows(world.a.db, "laptop", None)
        bundle = world.export(world.a)
        report = world.import_(bundle, org_passphrase=ORG_PASS)
        assert report.status != "refused"
        for table in ("inspections", "answers", "findings", "photos", "signatures", "documents",
                      "reinspection_results"):
            ids = {r["id"] for r in expected[table]}
            assert ids, table
            here = {r[0] for r in world.office.db.execute(f"SELECT id FROM {table}")}
            assert ids <= here, table
        strokes = world.office.db.execute("SELECT strokes FROM signatures WHERE strokes IS "
                                          "NOT NULL LIMIT 1").fetchone()[0]
        assert strokes.startswith('{"pad"')  # the pad's own format, kept as it was
    finally:
        world.close()


def test_each_table_streams_into_the_same_json_lines(tmp_path):
    world = World(tmp_path)
    try:
        build_demo(world.a.db, world.a.device, world.a.data_dir.photos, companies=2,
                   inspections=4, seed=5, today=date(2026, 6, 1))
        from tests.unit.test_sync_policy import plain_export

        expected = collect_rows(world.a.db, "full", None)
        bundle = plain_export(world, world.a, full=True)
        with zipfile.ZipFile(bundle) as zf:
            for table, rows in expected.items():
                name = f"rows/{table}.jsonl"
                if rows:
                    assert zf.read(name) == dump_rows(rows), table
                else:
                    assert name not in zf.namelist()
    finally:
        world.close()


def _count(db) -> int:
    return db.execute("SELECT COUNT(*) FROM inspections").fetchone()[0]


def _laptop_bundle(world):
    build_demo(world.a.db, world.a.device, world.a.data_dir.photos, companies=3,
               inspections=6, photos_per_inspection=1, seed=3, today=date(2026, 6, 1))
    return world.export(world.a)


def test_the_log_is_folded_into_the_database_after_an_import(tmp_path):
    world = World(tmp_path)
    try:
        bundle = _laptop_bundle(world)
        log = world.office.data_dir.database.with_name(
            world.office.data_dir.database.name + "-wal")
        report = world.import_(bundle, org_passphrase=ORG_PASS)
        assert report.status == "imported"
        # The office's program is still running: its log is empty, not the import's size.
        assert not log.exists() or log.stat().st_size == 0
        assert _count(world.office.db) == _count(world.a.db)
    finally:
        world.close()


def test_a_reader_of_the_database_does_not_hold_up_an_import(tmp_path):
    world = World(tmp_path)
    try:
        bundle = _laptop_bundle(world)
        reader = sqlite3.connect(world.office.data_dir.database)
        try:
            # The window reading a page: a snapshot taken before the import.
            reader.execute("BEGIN")
            before = _count(reader)
            started = time.monotonic()
            report = world.import_(bundle, org_passphrase=ORG_PASS)
            took = time.monotonic() - started
            assert report.status == "imported"
            assert took < BUSY_TIMEOUT_S  # it did not wait for the reader
            assert _count(reader) == before
            reader.execute("COMMIT")
            assert _count(reader) == _count(world.a.db) > before
        finally:
            reader.close()
        # Later writes still wait for a busy database as before, rather than fail at once.
        timeout = world.office.db.execute("PRAGMA busy_timeout").fetchone()[0]
        assert timeout == BUSY_TIMEOUT_S * 1000
    finally:
        world.close()
