"""Nothing half-done, nothing left behind: scratch folders, .part files, a busy database."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time

import pytest

from inspector_app.cli import main
from inspector_app.storage import db as db_mod
from tests.unit.test_sync import ORG_PASS, laptop_work, state


def test_the_decrypted_bundle_lives_in_a_private_folder_only_during_the_import(world):
    laptop_work(world, world.a)
    bundle = world.export(world.a)
    seen = []

    class Control:
        def progress(self, done, total, text=""):
            for folder in world.office.data_dir.root.glob(".sync-*"):
                seen.append((folder.stat().st_mode & 0o777, sorted(
                    p.name for p in folder.iterdir())))

        def check_cancelled(self):
            pass

    world.import_(bundle, control=Control())
    assert seen and all(mode == 0o700 for mode, _ in seen)
    assert any("inner.zip" in names for _, names in seen)
    assert not list(world.office.data_dir.root.glob(".sync-*"))


@pytest.mark.skipif(sys.platform == "win32", reason="process ids of POSIX")
def test_a_start_removes_what_killed_runs_left(world):
    root = world.office.data_dir.root
    world.office.close()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    stale = root / f".sync-{dead}-k1l2"
    stale.mkdir(mode=0o700)
    (stale / "inner.zip").write_bytes(b"decrypted bundle")
    running = root / f".sync-{os.getpid()}-r3n4"  # a run of a process still alive
    running.mkdir(mode=0o700)
    folder = root / "photos" / "originals" / "ab"
    folder.mkdir(parents=True)
    old_part = folder / ".ab12.jpg.x1y2.part"
    old_part.write_bytes(b"half a photo")
    hour_ago = time.time() - 2 * 3600
    os.utime(old_part, (hour_ago, hour_ago))
    fresh_part = folder / ".ab34.jpg.z9.part"  # perhaps being written right now
    fresh_part.write_bytes(b"being written")
    (root / "documents").mkdir()
    old_pdf = root / "documents" / ".cd56.pdf.q1.part"
    old_pdf.write_bytes(b"%PDF-half")
    os.utime(old_pdf, (hour_ago, hour_ago))
    assert world.office.db.execute("SELECT 1").fetchone() == (1,)  # the next start
    assert not stale.exists() and not old_part.exists() and not old_pdf.exists()
    assert running.exists() and fresh_part.exists()


def test_a_busy_database_is_a_message_not_an_internal_error(world, tmp_path, capsys,
                                                            monkeypatch):
    laptop_work(world, world.a)
    bundle = world.export(world.a)
    org = tmp_path / "org"
    org.write_text(ORG_PASS)
    world.office.close()
    monkeypatch.setattr(db_mod, "BUSY_TIMEOUT_S", 0.2)
    other = sqlite3.connect(world.office.data_dir.database, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another Inspector in the middle of a write
        before = state(world.office)
        office = ["--data-dir", str(world.office.data_dir.root)]
        assert main([*office, "sync", "import", str(bundle), "--passphrase-file",
                     str(org)]) == 1
        err = capsys.readouterr().err
        assert "Another Inspector is using this data folder" in err
        assert f"({world.office.data_dir.root})" in err  # the data folder, not its parent
        assert "internal error" not in err
        assert main([*office, "demo", "--companies", "2", "--inspections", "1"]) == 1
        err = capsys.readouterr().err
        assert "Another Inspector is using this data folder" in err
        assert "internal error" not in err
        assert state(world.office) == before
        assert not list(world.office.data_dir.root.glob(".sync-*"))
    finally:
        other.execute("ROLLBACK")
        other.close()
