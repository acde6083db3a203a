"""SIGKILL during an export or an import: no complete-looking file, no half-applied bundle."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.unit.test_sync import ORG_PASS, OWN, laptop_work

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
ROOT = Path(__file__).resolve().parents[2]

PRELUDE = """
import sys, time
from pathlib import Path
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
ctx = AppContext(DataDir(Path(sys.argv[1])))
def stop_here():
    print("mid", flush=True)
    time.sleep(60)
"""


def run_until_mid(script: str, *args: str) -> None:
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(PRELUDE + script), *args],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        line = proc.stdout.readline()
        assert line.strip() == b"mid", proc.stderr.read().decode()[-2000:]
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL


def test_killed_export_leaves_no_bundle(world):
    laptop_work(world, world.a, photos=4)
    world.a.close()
    usb = world.root / "usb"
    usb.mkdir()
    run_until_mid("""
from inspector_app.services.sync import export_bundle
class Control:
    def progress(self, done, total, text=""):
        if text == "encrypting":  # the .part on the stick is being written
            stop_here()
    def check_cancelled(self):
        pass
export_bundle(ctx.db, ctx.data_dir, ctx.device, Path(sys.argv[2]), passphrase=sys.argv[3],
              control=Control())
""", str(world.a.data_dir.root), str(usb), OWN)
    assert not list(usb.glob("*.inspx"))
    # The next export works and the stale .part is no obstacle.
    bundle = world.export(world.a)
    assert world.import_(bundle).status == "imported"


def test_killed_import_changes_nothing_then_imports_whole(world):
    laptop_work(world, world.a, photos=3)
    laptop_work(world, world.a, photos=2, seed=7)
    bundle = world.export(world.a)
    world.office.close()
    run_until_mid("""
from inspector_app.services.sync import import_bundle
from inspector_app.services.sync import merge
original = merge.Merger._inspection
calls = []
def slow(self, *a, **kw):
    original(self, *a, **kw)
    calls.append(1)
    if len(calls) == 1:
        stop_here()   # one inspection written inside the transaction, not committed
merge.Merger._inspection = slow
import_bundle(ctx.db, ctx.data_dir, ctx.device, Path(sys.argv[2]), org_passphrase=sys.argv[3])
""", str(world.office.data_dir.root), str(bundle), ORG_PASS)
    # The killed run left its private scratch folder, with the decrypted bundle in it; the next
    # start removes it. No photo was moved into the store before the commit that never came.
    left = list(world.office.data_dir.root.glob(".sync-*"))
    assert "inner.zip" in [p.name for p in left[0].iterdir()]
    assert left[0].stat().st_mode & 0o077 == 0
    office = world.office
    assert office.db.execute("SELECT COUNT(*) FROM inspections").fetchone()[0] == 0
    assert not list(office.data_dir.root.glob(".sync-*"))
    assert not list(office.data_dir.photos.rglob("*.jpg"))
    assert office.db.execute("SELECT COUNT(*) FROM sync_history").fetchone()[0] == 0
    report = world.import_(bundle)
    assert report.status == "imported" and report.tables["inspections"].added == 2
