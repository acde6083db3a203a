"""Circulars numbered at the same instant (two commands, the window and a command): each waits
for the other and gets a number of its own; one that cannot have the database in time says so
plainly and takes no number, writes no file."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from datetime import date

import pytest

from inspector_app.errors import DatabaseLockedError
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.demo import build_demo
from inspector_app.services.dispatch import DispatchRequest, prepare, write_report
from inspector_app.storage import circulars_repo

TODAY = date(2026, 6, 20)


@pytest.fixture
def data_dir(tmp_path):
    ctx = AppContext(DataDir(tmp_path / "district"))
    build_demo(ctx.db, ctx.device, ctx.data_dir.photos, companies=6, inspections=12, seed=7,
               today=TODAY)
    ctx.close()
    return tmp_path / "district"


def _dispatch(data_dir, start: str, target) -> subprocess.Popen:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    return subprocess.Popen(
        [sys.executable, "-m", "inspector_app", "--lang", "en", "--data-dir", str(data_dir),
         "report", "dispatch", "--from", start, "--to", "2026-06-20", "--today", "2026-06-20",
         "-o", str(target)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def test_circulars_written_by_commands_at_once_each_get_a_number(data_dir, tmp_path):
    # Other periods: other circulars, each numbered anew.
    targets = [tmp_path / f"circular-{month}.pdf" for month in range(1, 5)]
    running = [_dispatch(data_dir, f"2026-0{month}-01", target)
               for month, target in enumerate(targets, start=1)]
    numbers = []
    for proc in running:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
        numbers += re.findall(r"circular (\S+〔2026〕(\d+)号)", out)
    assert sorted(int(seq) for _, seq in numbers) == [1, 2, 3, 4]
    assert all(target.read_bytes().startswith(b"%PDF") for target in targets)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_circular_that_cannot_have_the_database_in_time_says_so_and_takes_nothing(
        data_dir, tmp_path, monkeypatch, lang):
    monkeypatch.setattr(circulars_repo, "NUMBERING_WAIT_S", 0.3)
    ctx = AppContext(DataDir(data_dir))
    report = prepare(ctx.db, DispatchRequest("2026-01-01", "2026-06-20", as_of=TODAY),
                     ctx.device.id)
    other = sqlite3.connect(data_dir / "inspector.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another Inspector numbering its circular
    target = tmp_path / "circular.pdf"
    try:
        with pytest.raises(DatabaseLockedError) as refused:
            write_report(ctx.db, report, target)
    finally:
        other.execute("ROLLBACK")
        other.close()
    text = refused.value.localized(lang)
    assert ("Another circular is being numbered" in text if lang == "en"
            else "另一份通报正在编号" in text)
    assert not target.exists()
    assert circulars_repo.issued_circulars(ctx.db) == []
    # Once the other has finished, the same circular is numbered as the first.
    assert write_report(ctx.db, report, target) == "安办〔2026〕1号"
    ctx.close()
