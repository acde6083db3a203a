"""Two processes on one new or older data folder: one upgrades, the other waits for it."""

import os
import subprocess
import sys
import time

import pytest

from inspector_app.errors import InspectorError
from inspector_app.storage import db as storage_db
from inspector_app.storage.migrations import schema_version
from inspector_app.storage.upgrade_lock import upgrading


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


def test_two_commands_on_a_new_data_folder_both_succeed(tmp_path):
    for attempt in range(3):
        folder = tmp_path / str(attempt)
        first, second = _info(folder), _info(folder)
        for proc in (first, second):
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err


def test_an_upgrade_held_too_long_is_named_and_nothing_is_created(tmp_path):
    database = tmp_path / "inspector.sqlite3"
    with upgrading(database), pytest.raises(InspectorError) as raised, \
            upgrading(database, wait_s=0.2):
        pass
    assert "creating or upgrading the database" in str(raised.value)
    assert str(database) in str(raised.value)
    assert not database.exists()
