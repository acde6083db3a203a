"""Sync of the district data set and its photos: the office's full bundle into a laptop.

The data set is the office's (it holds the district's units and campaigns, which only the
office may send, and records written by the demo's inspectors), so it travels the way a whole
district's data does: from the office, as when a computer is set up anew.

Throughput is the data dir's bytes over the time taken, against ``cp -r`` of the same data dir
(export) and ``unzip`` of the same bundle (import); peak memory is each child process's RSS.

Each is printed beside its floor, the least work any export or import has to do (see
EXPORT_FLOOR and IMPORT_FLOOR): where the floor itself misses the target, the target cannot be
met by a program that starts and opens the data folder, whatever its export or import does.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from benchmarks.measure import check_budget, check_ratio, note_ratio, require, run_timed
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.pki import PkiService

ORG_PASS = "office-secret-1"
ONE_TIME = "one-time-pass-2"
OWN = "my-own-passphrase"
EXPORT_RATIO = 0.5
IMPORT_RATIO = 0.3
RSS_MB = 300

EXPORT = """
import sys
from pathlib import Path
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.sync import export_bundle
ctx = AppContext(DataDir(Path(sys.argv[1])))
export_bundle(ctx.db, ctx.data_dir, ctx.device, Path(sys.argv[2]), passphrase=sys.argv[3],
              full=True)
ctx.close()
"""
# The least any export or import must do, measured alongside so that a target can be weighed
# against what no program in Python could beat: start and open the data folder (as the
# export and import do) and then read every row of the bundle's tables (export), or copy them
# with one bare INSERT ... SELECT each, no check at all, not even foreign keys (import; triggers
# and indexes in place).
EXPORT_FLOOR = """
import json, sys, zipfile
from pathlib import Path
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
ctx = AppContext(DataDir(Path(sys.argv[1])))
with zipfile.ZipFile(sys.argv[2]) as zf:
    tables = sorted(json.loads(zf.read("manifest.json"))["counts"])
for table in tables:
    cursor = ctx.db.conn.execute(f'SELECT * FROM "{table}"')
    while cursor.fetchmany(4096):
        pass
ctx.close()
"""
IMPORT_FLOOR = """
import json, sys, zipfile
from pathlib import Path
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
ctx = AppContext(DataDir(Path(sys.argv[1])))
with zipfile.ZipFile(sys.argv[3]) as zf:
    tables = sorted(json.loads(zf.read("manifest.json"))["counts"])
conn = ctx.db.conn
conn.execute("ATTACH DATABASE ? AS source", [sys.argv[2]])
conn.execute("PRAGMA foreign_keys = OFF")   # a floor: not even the keys are checked
conn.execute("BEGIN")
for table in tables:
    conn.execute(f'INSERT OR IGNORE INTO main."{table}" SELECT * FROM source."{table}"')
conn.execute("COMMIT")
conn.execute("DETACH DATABASE source")
ctx.close()
"""
IMPORT = """
import sys
from pathlib import Path
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.sync import import_bundle
ctx = AppContext(DataDir(Path(sys.argv[1])))
import_bundle(ctx.db, ctx.data_dir, ctx.device, Path(sys.argv[2]))
ctx.close()
"""


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def test_sync_export_and_import_of_the_district(district, tmp_path):
    if shutil.which("unzip") is None:
        pytest.skip("unzip is not installed")
    office_dir = tmp_path / "office"
    shutil.copytree(district, office_dir)
    office = AppContext(DataDir(office_dir))
    laptop = AppContext(DataDir(tmp_path / "laptop"))
    try:
        pki = PkiService(office.db, office.device)
        pki.init_org("泉台区应急管理局", ORG_PASS)
        data, _ = pki.issue("张伟", "3205001", ORG_PASS, ONE_TIME)
        PkiService(laptop.db, laptop.device).import_identity(data, ONE_TIME, OWN)
    finally:
        laptop.close()
        office.close()
    size = _size(office_dir)
    shutil.copytree(tmp_path / "laptop", tmp_path / "laptop-floor")

    usb = tmp_path / "usb"
    usb.mkdir()
    export_s, export_rss = run_timed([sys.executable, "-c", EXPORT, str(office_dir), str(usb),
                                      ORG_PASS])
    (bundle,) = usb.iterdir()
    cp_s, _ = run_timed(["cp", "-r", str(office_dir), str(tmp_path / "copy")])
    import_s, import_rss = run_timed([sys.executable, "-c", IMPORT, str(tmp_path / "laptop"),
                                      str(bundle)])
    unzip_s, _ = run_timed(["unzip", "-q", str(bundle), "-d", str(tmp_path / "unzipped")])
    export_floor_s, _ = run_timed([sys.executable, "-c", EXPORT_FLOOR, str(office_dir),
                                   str(bundle)])
    import_floor_s, _ = run_timed([sys.executable, "-c", IMPORT_FLOOR,
                                   str(tmp_path / "laptop-floor"),
                                   str(office_dir / "inspector.sqlite3"), str(bundle)])
    print(f"\nsync: data dir {size / 1e6:.0f} MB, bundle {bundle.stat().st_size / 1e6:.0f} MB")
    note_ratio("sync export's floor (start, open, read every row; no JSON, no zip) "
               "throughput, against cp -r", size / export_floor_s, size / cp_s, unit="B/s")
    note_ratio("sync import's floor (start, open, bare INSERT ... SELECT of every table; no "
               "check) throughput, against unzip", size / import_floor_s, size / unzip_s,
               unit="B/s")
    require(check_ratio("sync export throughput, against cp -r", size / export_s, size / cp_s,
                        at_least=EXPORT_RATIO, unit="B/s"),
            check_ratio("sync import throughput, against unzip", size / import_s,
                        size / unzip_s, at_least=IMPORT_RATIO, unit="B/s"),
            check_budget("sync export, peak RSS", export_rss / 1024, RSS_MB, unit="MB"),
            check_budget("sync import, peak RSS", import_rss / 1024, RSS_MB, unit="MB"))
