"""Saving one answer in a 500-item form, and taking in one 12-MP photo.

An answer is a transaction of its own (it survives a power cut), so the baseline is one INSERT
committed with the same durability (WAL, synchronous=FULL: one fsync); the two are timed in
turn. A photo's baseline is what Pillow itself needs to make the thumbnail of the same file
with draft mode. Photos are taken in as the window takes them in, with print copies made in
the background: each timed photo is taken in while the background maker is making the
previous photo's print copy (the worst case for the user; it never starts one while a photo
is being taken in).
"""

from __future__ import annotations

import io
import sqlite3
import time

import pytest
from PIL import Image

from benchmarks.measure import (
    camera_jpeg,
    check_budget,
    check_ratio,
    interleaved_medians,
    median_time,
    require,
)
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.photos import THUMB_SIZE
from tests import pdf_scenarios as sc

ANSWER_RATIO = 2.0
ANSWER_MEDIAN_MS = 10.0
PHOTO_RATIO = 1.3


@pytest.fixture
def ctx(tmp_path):
    context = AppContext(DataDir(tmp_path / "data"))
    yield context
    context.close()


def test_answer_commit_in_a_500_item_form(ctx, tmp_path):
    built = sc.official_inspection(ctx, template=sc.big_template(500))
    insp, _, _ = sc.services(ctx)
    values = iter(["compliant", "not_applicable"] * 1000)
    items = iter(range(1, 10_000))

    def answer():
        insp.set_answer(built.inspection_id, f"i{next(items) % 500 + 1}", next(values))

    plain = sqlite3.connect(tmp_path / "plain.sqlite3", isolation_level=None)
    plain.execute("PRAGMA journal_mode=WAL")
    plain.execute("PRAGMA synchronous=FULL")
    plain.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, value TEXT)")

    def insert():
        plain.execute("BEGIN")
        plain.execute("INSERT INTO t (value) VALUES ('compliant')")
        plain.execute("COMMIT")

    measured, baseline = interleaved_medians(answer, insert, runs=41, warmup=3)
    plain.close()
    require(check_budget("answer commit, 500-item form, median", measured * 1000,
                         ANSWER_MEDIAN_MS, unit="ms"),
            check_ratio("answer commit, against one INSERT + fsync", measured, baseline,
                        at_most=ANSWER_RATIO))


def test_photo_ingest_of_a_12_megapixel_jpeg(ctx, tmp_path):
    built = sc.official_inspection(ctx)
    maker = ctx.make_print_copies_ahead()  # as the window does
    photos = ctx.photos
    files = [camera_jpeg(tmp_path / f"DSC_{n:04d}.jpg", seed=n) for n in range(4)]
    pending = iter(files)

    def ingest():
        (result,) = photos.add_files(built.inspection_id, [next(pending)])
        assert result.status == "added", result.line()

    def ingest_while_the_maker_works() -> float:
        deadline = time.monotonic() + 30
        while not maker.in_hand():  # the previous photo's print copy is being made
            assert time.monotonic() < deadline, "the maker did not start"
            time.sleep(0.005)
        start = time.perf_counter()
        ingest()
        return time.perf_counter() - start

    ingest()  # warm: the first photo creates the folders
    measured = min(ingest_while_the_maker_works() for _ in range(3))
    assert maker.wait(120)

    def pillow():
        with Image.open(files[0]) as image:
            image.draft("RGB", (THUMB_SIZE, THUMB_SIZE * 3 // 4))
            image.load()
            image.thumbnail((THUMB_SIZE, THUMB_SIZE))
            image.save(io.BytesIO(), "JPEG", quality=80)

    baseline = median_time(pillow, runs=3)
    require(check_ratio("photo ingest, 12-MP camera JPEG, against Pillow's draft thumbnail",
                        measured, baseline, at_most=PHOTO_RATIO))
