"""A listing starts fast on a current database, and still migrates one that is not.

Listing and counting read through a plain connection after one version check: neither
sqlite-utils nor the migrations are loaded. A database that is missing, older or newer is
handled as every other command handles it.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest
from sqlite_utils import Database

from inspector_app.cli import main
from inspector_app.errors import NewerVersionError
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.storage.db import open_reader
from inspector_app.storage.migrations import known_migrations, migrations, schema_version
from tests.pdf_scenarios import official_inspection


def _run_and_report_modules(argv: list[str]) -> tuple[str, list[str]]:
    code = ("import sys; from inspector_app.cli import main\n"
            f"code = main({argv!r})\n"
            "print(sorted(m for m in sys.modules if m.startswith(('sqlite_utils', 'click',"
            " 'dateutil'))), file=sys.stderr)\n"
            "sys.exit(code)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, check=True)
    return result.stdout, eval(result.stderr.strip().splitlines()[-1])


@pytest.fixture
def recorded(data_dir: DataDir) -> DataDir:
    """A data dir whose current database holds one inspection with hazards."""
    ctx = AppContext(data_dir)
    official_inspection(ctx)
    ctx.close()
    return data_dir


@pytest.mark.parametrize("argv", [["inspections", "list", "--json"], ["hazards", "counts"],
                                  ["hazards", "list", "--overdue"]])
def test_a_listing_of_a_current_database_loads_no_database_library(recorded, argv):
    _, loaded = _run_and_report_modules(["--data-dir", str(recorded.root), *argv])
    assert loaded == []


# What a count never uses, each a few milliseconds at every start: what writes files
# (shutil, tempfile), reads settings or prints JSON, dataclasses (with the inspect module it
# loads) and the repositories of other records.
NOT_FOR_A_COUNT = ("shutil", "tempfile", "json", "configparser", "dataclasses",
                   "inspector_app.storage.inspections_repo", "inspector_app.storage.repositories",
                   "inspector_app.storage.scratch", "inspector_app.domain.governance")


def test_a_count_starts_without_what_it_does_not_use(recorded):
    code = ("import sys; from inspector_app.cli import main\n"
            f"code = main({['--data-dir', str(recorded.root), 'hazards', 'counts']!r})\n"
            f"print(sorted(m for m in {NOT_FOR_A_COUNT!r} if m in sys.modules), file=sys.stderr)\n"
            "sys.exit(code)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, check=True)
    assert "hazard" in result.stdout or "隐患" in result.stdout
    assert eval(result.stderr.strip().splitlines()[-1]) == []


def test_the_quick_listing_shows_what_the_database_holds(recorded, capsys):
    ctx = AppContext(recorded)
    expected = ctx.inspections.list()
    ctx.close()
    assert main(["--data-dir", str(recorded.root), "inspections", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in listed] == [r["id"] for r in expected]
    assert listed[0]["company_name"] == expected[0]["company_name"]
    assert listed[0]["hazards"] == expected[0]["hazards"] > 0


def test_an_older_database_is_migrated_before_it_is_listed(data_dir, capsys):
    data_dir.root.mkdir(parents=True)
    old = Database(data_dir.database)
    last = known_migrations()[-1]
    migrations.apply(old, stop_before=last)
    old.execute(f"PRAGMA user_version = {schema_version() - 1}")
    old.close()
    assert open_reader(data_dir.database) is None  # not current: not read as it is

    assert main(["--data-dir", str(data_dir.root), "inspections", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    conn = sqlite3.connect(data_dir.database)
    applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    assert last in applied and version == schema_version()


def test_a_missing_database_is_created_by_a_listing(data_dir, capsys):
    assert main(["--data-dir", str(data_dir.root), "hazards", "counts", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 0
    assert data_dir.database.exists()


def test_the_quick_connection_cannot_write(recorded):
    conn = open_reader(recorded.database)
    assert conn is not None
    try:
        assert conn.execute("SELECT COUNT(*) FROM inspections").fetchone()[0] == 1
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("DELETE FROM inspections")
    finally:
        conn.close()


def test_a_newer_database_is_refused_by_a_listing_unchanged(recorded, capsys):
    conn = sqlite3.connect(recorded.database)
    conn.execute(f"PRAGMA user_version = {schema_version() + 1}")
    conn.commit()
    conn.close()
    before = recorded.database.read_bytes()
    with pytest.raises(NewerVersionError):
        open_reader(recorded.database)
    assert main(["--data-dir", str(recorded.root), "inspections", "list"]) == 1
    assert "newer version" in capsys.readouterr().err
    assert recorded.database.read_bytes() == before


def test_the_log_file_is_private_from_the_start_and_takes_what_is_logged(tmp_path):
    import logging

    from inspector_app.logs import setup_logging

    path = setup_logging(tmp_path / "logs")
    assert path is not None and path.exists()
    assert path.stat().st_mode & 0o777 == 0o600
    try:
        logging.getLogger("inspector_app.test").warning("disk %s is full", "E:")
        assert "WARNING inspector_app.test: disk E: is full" in path.read_text("utf-8")
    finally:
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "_inspector", False):
                logging.getLogger().removeHandler(handler)
                handler.close()


def test_a_command_that_logs_nothing_loads_no_logging_and_still_makes_its_log(tmp_path):
    AppContext(DataDir(tmp_path)).db.close()  # a current database: nothing to create
    code = ("import sys; from inspector_app.cli import main\n"
            f"code = main(['--data-dir', {str(tmp_path)!r}, 'hazards', 'counts'])\n"
            "print(code, 'logging' in sys.modules, file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.stderr.strip().splitlines()[-1] == "0 False"
    log = tmp_path / "logs" / "inspector.log"
    assert log.exists() and log.stat().st_mode & 0o777 == 0o600


def test_what_a_module_loaded_later_logs_goes_to_the_file_not_the_terminal(tmp_path):
    code = ("import sys\n"
            "from pathlib import Path\n"
            "from inspector_app.log_file import set_up_when_loaded\n"
            f"set_up_when_loaded(Path({str(tmp_path / 'logs')!r}))\n"
            "assert 'logging' not in sys.modules\n"
            "import logging\n"
            "logging.getLogger('inspector_app.late').info('read %d rows', 3)\n"
            "logging.getLogger('somelibrary').warning('a library speaks')\n"
            "logging.getLogger('somelibrary').info('too small to keep')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    text = (tmp_path / "logs" / "inspector.log").read_text("utf-8")
    assert "INFO inspector_app.late: read 3 rows" in text
    assert "WARNING somelibrary: a library speaks" in text
    assert "too small to keep" not in text
