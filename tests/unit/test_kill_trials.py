"""200 SIGKILLs while answering, ingesting photos and exporting PDFs: after every one the database
passes ``integrity_check`` and everything the program had reported as done is still there.

Each trial forks a worker that repeats one kind of work on a shared data dir and reports every
step that returned (that is, was committed) through a pipe; it is killed at a random moment. The
counts are printed for the record.
"""

from __future__ import annotations

import os
import random
import select
import signal
import sqlite3
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from inspector_app.domain.numbering import DocType
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.storage.photo_store import PhotoStore, sha256_file
from tests import pdf_scenarios as sc

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="POSIX fork and signals")]

TRIALS = {"answering": 80, "photo ingest": 70, "PDF export": 50}
# A kill lands anywhere from before the first step to several steps in (for PDF export, up to
# two exports in, as long as one takes on this machine).
DELAY_S = {"answering": (0.0, 0.5), "photo ingest": (0.0, 1.0), "PDF export": (0.0, 2.0)}
ITEMS = ("a1", "a2", "t1")


def _work(kind: str, root: Path, inspection_id: str, base: int, report) -> None:
    """The worker: repeat ``kind`` forever, writing one line per completed step."""
    ctx = AppContext(DataDir(root))
    insp, photos, docs = sc.services(ctx)
    cam = root.parent / "camera"
    cam.mkdir(exist_ok=True)
    report.write("ready\n")
    for step in range(base, base + 10_000):
        if kind == "answering":
            item = ITEMS[step % len(ITEMS)]
            insp.set_note(inspection_id, item, f"n{step}")
            report.write(f"{item} {step}\n")
        elif kind == "photo ingest":
            path = sc.jpeg(cam / f"IMG_{step}.jpg", (320, 240), seed=step)
            result = photos.add_files(inspection_id, [path])[0]
            report.write(f"{result.photo_id}\n")
        else:
            docs.export(inspection_id, DocType.RECORD, "zh_CN", root.parent / "record.pdf")
            report.write(f"exported {step}\n")


def trial(kind: str, root: Path, inspection_id: str, base: int, rng: random.Random,
          scale: float = 1.0) -> list[str]:
    """Fork a worker, kill it after a random delay, return the steps it reported."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker
        os.close(read_fd)
        try:
            with os.fdopen(write_fd, "w", buffering=1) as report:
                try:
                    _work(kind, root, inspection_id, base, report)
                except BaseException:
                    report.write("error " + traceback.format_exc().replace("\n", " | ") + "\n")
        finally:
            os._exit(0)
    os.close(write_fd)
    lines: list[str] = []
    buffer = b""
    deadline = None
    try:
        while True:
            if deadline is not None and time.monotonic() >= deadline:
                break
            wait = 30 if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([read_fd], [], [], wait)
            if not ready:
                if deadline is None:
                    raise AssertionError("the worker did not start")
                break
            chunk = os.read(read_fd, 65536)
            if not chunk:
                break
            buffer += chunk
            if deadline is None and b"ready\n" in buffer:
                low, high = DELAY_S[kind]
                deadline = time.monotonic() + rng.uniform(low, high * scale)
    finally:
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        while chunk := os.read(read_fd, 65536):
            buffer += chunk
        os.close(read_fd)
    lines = buffer.decode().splitlines()
    errors = [line for line in lines if line.startswith("error")]
    assert not errors, errors[0]
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    return [line for line in lines if line != "ready"]


def integrity_ok(database: Path) -> bool:
    conn = sqlite3.connect(database)
    try:
        return (conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                and not conn.execute("PRAGMA foreign_key_check").fetchall())
    finally:
        conn.close()


def test_sigkill_trials_lose_nothing_committed(tmp_path, capsys):
    rng = random.Random(20261130)
    counts: Counter[str] = Counter()
    steps_done: Counter[str] = Counter()
    failures: list[str] = []
    started = time.monotonic()
    for kind, trials in TRIALS.items():
        root = tmp_path / kind.replace(" ", "-") / "data"
        ctx = AppContext(DataDir(root))
        built = sc.official_inspection(ctx)
        scale, exported = 1.0, False
        if kind == "PDF export":
            # One export first: every later kill must leave this file complete (or a newer one).
            started_one = time.monotonic()
            sc.services(ctx)[2].export(built.inspection_id, DocType.RECORD, "zh_CN",
                                       root.parent / "record.pdf")
            scale, exported = time.monotonic() - started_one, True
        ctx.close()
        last_note: dict[str, int] = {}
        photo_ids: set[str] = set()
        for n in range(trials):
            reported = trial(kind, root, built.inspection_id, n * 10_000, rng, scale)
            counts[kind] += 1
            steps_done[kind] += len(reported)
            if not integrity_ok(DataDir(root).database):
                failures.append(f"{kind} trial {n}: integrity_check failed")
                continue
            check = AppContext(DataDir(root))
            try:
                if kind == "answering":
                    for line in reported:
                        item, step = line.split()
                        last_note[item] = int(step)
                    notes = check.db.execute(
                        "SELECT item_id, note FROM answers WHERE inspection_id = ?",
                        [built.inspection_id]).fetchall()
                    stored = {item: int(note[1:]) for item, note in notes if note}
                    for item, step in last_note.items():
                        # The last reported note, or one written after it but not yet reported.
                        if stored.get(item, -1) < step:
                            failures.append(f"answering trial {n}: note of {item} lost")
                elif kind == "photo ingest":
                    photo_ids.update(reported)
                    store = PhotoStore(DataDir(root).photos)
                    rows = check.db.execute("SELECT id, sha256 FROM photos").fetchall()
                    present = {photo_id for photo_id, _ in rows}
                    if not photo_ids <= present:
                        failures.append(f"photo trial {n}: {len(photo_ids - present)} lost")
                    for _, sha in rows:
                        original = store.find_original(sha)
                        if original is None or sha256_file(original) != sha:
                            failures.append(f"photo trial {n}: file of {sha[:8]} missing")
                else:
                    pdf = root.parent / "record.pdf"
                    if exported:
                        reader = PdfFileReader(pdf.open("rb"), strict=True)
                        if len(reader.root["/Pages"]["/Kids"]) < 1:
                            failures.append(f"PDF trial {n}: the record has no pages")
                        reader.stream.close()
                    numbers = check.db.execute(
                        "SELECT count(DISTINCT number) FROM documents").fetchone()[0]
                    if exported and numbers != 1:
                        failures.append(f"PDF trial {n}: {numbers} record numbers issued")
            finally:
                check.close()
    elapsed = time.monotonic() - started
    with capsys.disabled():
        print(f"\nSIGKILL trials: {sum(counts.values())} "
              f"({', '.join(f'{k} {v}' for k, v in counts.items())}); steps completed before "
              f"the kills: {', '.join(f'{k} {v}' for k, v in steps_done.items())}; "
              f"integrity or lost-commit failures: {len(failures)}; {elapsed:.0f} s")
    assert failures == []
    assert sum(counts.values()) == 200
