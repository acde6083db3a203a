import hashlib
import sqlite3
from pathlib import Path

import pytest

from inspector_app.errors import CorruptFileError, NewerVersionError
from inspector_app.storage.db import open_database, open_plain
from inspector_app.storage.migrations import known_migrations, schema_version

EXPECTED_TABLES = {
    "devices", "inspectors", "companies", "templates", "inspections", "answers", "findings",
    "photos", "signatures", "documents", "audit_log",
}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_migrations_from_empty_create_every_table(tmp_path):
    db = open_database(tmp_path / "new.sqlite3")
    assert set(db.table_names()) >= EXPECTED_TABLES
    applied = [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied == known_migrations()
    assert db.execute("PRAGMA user_version").fetchone()[0] == schema_version()
    db.close()


def test_reopening_is_a_no_op(tmp_path):
    path = tmp_path / "x.sqlite3"
    db = open_database(path)
    schema_before = db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    rows_before = db.execute("SELECT * FROM _sqlite_migrations").fetchall()
    db.close()
    db = open_database(path)
    assert db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema_before
    assert db.execute("SELECT * FROM _sqlite_migrations").fetchall() == rows_before
    db.close()


def test_wal_and_foreign_keys_are_on(tmp_path):
    db = open_database(tmp_path / "x.sqlite3")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        db.execute(
            "INSERT INTO answers (id, inspection_id, item_id, created_at, updated_at, device_id)"
            " VALUES ('a', 'no-such-inspection', 'i', 'now', 'now', 'd')"
        )
    db.close()


def _newer_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future_table (x)")
    conn.execute(f"PRAGMA user_version = {schema_version() + 5}")
    conn.commit()
    conn.close()


def test_newer_database_is_refused_and_left_byte_identical(tmp_path):
    path = tmp_path / "future.sqlite3"
    _newer_database(path)
    before = sha(path)
    with pytest.raises(NewerVersionError, match="newer version of Inspector"):
        open_database(path)
    assert sha(path) == before
    assert not (tmp_path / "future.sqlite3-wal").exists()


def test_the_window_s_plain_opening_refuses_a_newer_database_unchanged(tmp_path):
    path = tmp_path / "future.sqlite3"
    _newer_database(path)
    before = sha(path)
    with pytest.raises(NewerVersionError, match="newer version of Inspector"):
        open_plain(path)
    assert sha(path) == before
    assert not (tmp_path / "future.sqlite3-wal").exists()


def test_database_with_unknown_migration_is_refused(tmp_path):
    path = tmp_path / "x.sqlite3"
    db = open_database(path)
    db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('inspector', '9999_from_the_future', 'later')"
    )
    db.conn.commit()
    db.close()
    before = sha(path)
    with pytest.raises(NewerVersionError):
        open_database(path)
    assert sha(path) == before


def test_a_file_that_is_not_a_database_is_refused_unchanged(tmp_path):
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"this is a photo, not a database" * 100)
    before = sha(path)
    with pytest.raises(CorruptFileError, match="damaged or is not an Inspector database"):
        open_database(path)
    assert sha(path) == before


def test_audit_log_is_append_only(tmp_path):
    db = open_database(tmp_path / "x.sqlite3")
    db.execute(
        "INSERT INTO audit_log (id, at, device_id, entity, entity_id, action) "
        "VALUES ('1', 'now', 'd', 'inspection', 'i', 'create')"
    )
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE audit_log SET action = 'forged'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM audit_log")
    db.close()


def test_migration_failure_rolls_back_everything(tmp_path, monkeypatch):
    from inspector_app.storage import migrations as mig

    path = tmp_path / "x.sqlite3"

    def broken(db):
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    monkeypatch.setattr(mig.migrations, "_migrations", list(mig.migrations._migrations))
    mig.migrations(name="9000_broken")(broken)
    with pytest.raises(RuntimeError):
        open_database(path)
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert "half_done" not in tables
    assert "companies" in tables  # the good migration before it stays applied


def test_atomic_write_replaces_whole_and_gives_normal_permissions(tmp_path):
    import stat

    from inspector_app.storage.files import write_atomic

    target = tmp_path / "record.pdf"
    write_atomic(target, b"first")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    target.chmod(0o640)
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # a replaced file keeps its mode
    assert [p.name for p in tmp_path.iterdir()] == ["record.pdf"]  # no temp file left
