"""Two processes on one new or older data folder: one upgrades, the other waits for it."""

import os
import subprocess
import sys
import threading
import time

import pytest

from inspector_app.errors import InspectorError
from inspector_app.storage import db as storage_db
from inspector_app.storage.migrations import schema_version
from inspector_app.storage.upgrade_lock import lock_path, upgrading


def _info(data_dir):
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    return subprocess.Popen(
        [sys.executable, "-m", "inspector_app", "--lang", "en", "--data-dir", str(data_dir),
         "info"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def test_a_command_started_during_an_upgrade_waits_and_opens_the_upgraded_database(tmp_path):
    database = tmp_path / "inspector.sqlite3"
    with upgrading(database):
        waiting = _info(tmp_path)
        # While this process holds the lock the other one must not touch the database.
        time.sleep(1.5)
        assert waiting.poll() is None, waiting.communicate()
        assert not database.exists()
        db = storage_db._migrate(storage_db._connect_private(database), database)
        db.close()
    out, err = waiting.communicate(timeout=60)
    assert waiting.returncode == 0, err
    assert f"schema_version: {schema_version()}" in out
    assert not lock_path(database).exists()


def test_two_commands_on_a_new_data_folder_both_succeed(tmp_path):
    for attempt in range(3):
        folder = tmp_path / str(attempt)
        first, second = _info(folder), _info(folder)
        for proc in (first, second):
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
        # The lock's file goes with the upgrade: nothing in the folder looks left behind.
        assert sorted(p.name for p in folder.iterdir() if p.is_file()) == ["inspector.sqlite3"]


def test_an_upgrade_held_too_long_is_named_and_nothing_is_created(tmp_path):
    database = tmp_path / "inspector.sqlite3"
    with upgrading(database), pytest.raises(InspectorError) as raised, \
            upgrading(database, wait_s=0.2):
        pass
    assert "creating or upgrading the database" in str(raised.value)
    assert str(database) in str(raised.value)
    assert not database.exists()


def test_the_lock_file_goes_when_the_upgrade_is_done(tmp_path):
    database = tmp_path / "inspector.sqlite3"
    with upgrading(database):
        assert lock_path(database).exists()
    assert not lock_path(database).exists()
    storage_db.open_database(database).close()
    assert not lock_path(database).exists()


def test_removing_the_lock_file_never_lets_two_hold_the_lock(tmp_path):
    """Each holder removes the file it locked; one waiting on that file starts again on the
    next one instead of holding a lock nobody else can see."""
    database = tmp_path / "inspector.sqlite3"
    inside: list[int] = []
    most = [0]
    guard = threading.Lock()

    def upgrade_often() -> None:
        for _ in range(10):
            with upgrading(database):
                with guard:
                    inside.append(1)
                    most[0] = max(most[0], len(inside))
                time.sleep(0.02)
                with guard:
                    inside.pop()

    workers = [threading.Thread(target=upgrade_often) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert most[0] == 1
    assert not lock_path(database).exists()
