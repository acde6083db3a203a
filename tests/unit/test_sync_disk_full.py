"""A disk that fills up (or fails) during ``sync import`` is told plainly: what stopped, that
nothing was changed and what to do; no traceback, and an exit code that is not 0."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from inspector_app.cli import main
from inspector_app.errors import InspectorError
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.sync import import_bundle, merge
from inspector_app.storage import sync_staging
from tests.unit.test_sync import ORG_PASS, World, laptop_work

FULL = sqlite3.OperationalError("database or disk is full")


def _raise(exc: BaseException):
    def fail(*args, **kwargs):
        raise exc
    return fail


@pytest.fixture
def laptop_bundle(tmp_path) -> tuple[Path, Path]:
    """(the office's data folder, closed, and a laptop's bundle for it)."""
    world = World(tmp_path)
    try:
        laptop_work(world, world.a)
        bundle = world.export(world.a)
    finally:
        world.close()
    return world.office.data_dir.root, bundle


def _state(root: Path) -> tuple[int, int, int, list[str]]:
    ctx = AppContext(DataDir(root))
    try:
        counts = [ctx.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                  for t in ("inspections", "audit_log", "sync_history")]
    finally:
        ctx.close()
    # The import's scratch folder (.sync-…) is gone; the command's log may be new.
    return (*counts, sorted(p.name for p in root.iterdir() if p.name != "logs"))


@pytest.mark.parametrize("where, exc, told", [
    ("rows checked", FULL, "is full. Nothing was changed. Free some space on it and import "
                           "the bundle again."),
    ("rows checked", sqlite3.OperationalError("disk I/O error"),
     "could not be written or read (disk I/O error); it may be full, or failing. Nothing was "
     "changed. Free some space on it, check the disk, and import the bundle again."),
    ("rows applied", sqlite3.OperationalError("disk I/O error"), "(disk I/O error)"),
    ("rows applied", FULL, "is full. Nothing was changed."),
    ("photo written", OSError(errno.ENOSPC, "No space left on device"),
     "is full. Nothing was changed."),
])
def test_a_full_disk_stops_the_import_plainly(laptop_bundle, tmp_path, capsys, monkeypatch,
                                              where, exc, told):
    office, bundle = laptop_bundle
    before = _state(office)
    org = tmp_path / "org"
    org.write_text(ORG_PASS)
    if where == "rows checked":
        monkeypatch.setattr(sync_staging.StagingStore, "add_many", _raise(exc))
    elif where == "rows applied":
        monkeypatch.setattr(merge, "_insert_many", _raise(exc))
    else:
        monkeypatch.setattr(Path, "write_bytes", _raise(exc))
    code = main(["--data-dir", str(office), "sync", "import", str(bundle),
                 "--passphrase-file", str(org)])
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert code == 1
    assert f"The import stopped: the disk holding the data folder {office} " in err
    assert told in err
    assert "internal error" not in err and "Traceback" not in err
    log = "".join(p.read_text() for p in DataDir(office).logs.glob("*.log*"))
    assert "Traceback" not in log
    assert _state(office) == before  # no row, no history entry, no scratch folder left


def test_the_full_disk_is_told_in_the_users_language(laptop_bundle, monkeypatch):
    office, bundle = laptop_bundle
    monkeypatch.setattr(sync_staging.StagingStore, "add_many", _raise(FULL))
    ctx = AppContext(DataDir(office))
    try:
        with pytest.raises(InspectorError) as stopped:
            import_bundle(ctx.db, ctx.data_dir, ctx.device, bundle, org_passphrase=ORG_PASS)
    finally:
        ctx.close()
    assert stopped.value.localized("zh_CN").startswith("导入已中止")
