"""A bundle's rows entry is read line by line in chunks: a line longer than any row of its table
is refused by its entry and number, in time and memory that do not grow with its length."""

from __future__ import annotations

import hashlib
import io
import os
import random
import tracemalloc
import zipfile

import pytest

from inspector_app.services.sync import row_schema, staging
from inspector_app.services.sync.bundle import BundleRefused
from inspector_app.services.sync.staging import StagedRows
from tests.unit.test_sync import laptop_work
from tests.unit.test_sync_policy import forge, plain_export


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 8, 64])
def test_lines_are_what_splitting_the_whole_entry_gives(monkeypatch, chunk):
    monkeypatch.setattr(staging, "_CHUNK", chunk)
    rng = random.Random(chunk)
    for _ in range(200):
        data = bytes(rng.choice(b"ab\n") for _ in range(rng.randrange(0, 40)))
        limit = rng.randrange(0, 8)
        expected = data.split(b"\n")
        if expected[-1] == b"":  # a final newline ends the last line; it opens none
            expected.pop()
        digest = hashlib.sha256()
        got = list(staging._lines(io.BytesIO(data), len(data), limit, digest, "rows/x.jsonl"))
        assert got == [line if len(line) <= limit else None for line in expected], data
        assert digest.hexdigest() == hashlib.sha256(data).hexdigest()


def _entry(tmp_path, data: bytes) -> zipfile.ZipFile:
    path = tmp_path / "rows.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("rows/companies.jsonl", data)
    return zipfile.ZipFile(path)


def test_a_very_long_line_is_refused_without_holding_it(tmp_path):
    limit = row_schema.max_line_bytes("companies")
    long = b'{"id":"' + b"a" * (32 * 1024 * 1024) + b'"}'
    data = b"\n" + long + b"\n"  # a blank line 1: lines are numbered as a reader counts them
    staged = StagedRows(tmp_path / "staged.sqlite3")
    try:
        with _entry(tmp_path, data) as zf:
            tracemalloc.start()
            try:
                with pytest.raises(BundleRefused) as refusal:
                    staged.load(zf, zf.getinfo("rows/companies.jsonl"), "companies",
                                len(data), hashlib.sha256(data).hexdigest(),
                                row_schema.RowChecker(track_keys=False))
                peak = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
    finally:
        staged.close()
    assert (f"line 2 of the entry 'rows/companies.jsonl' is longer than {limit:,} bytes, more "
            "than any row of its table can be") in str(refusal.value)
    assert "Nothing was changed" in str(refusal.value)
    # Never the 32 MB line whole: at most a line's limit and a few chunks.
    assert peak < limit + 8 * 1024 * 1024


def test_an_altered_entry_with_a_long_line_is_named_as_altered(tmp_path):
    data = b'{"id":"' + b"a" * (4 * 1024 * 1024) + b'"}\n'
    staged = StagedRows(tmp_path / "staged.sqlite3")
    try:
        with _entry(tmp_path, data) as zf, pytest.raises(BundleRefused) as refusal:
            staged.load(zf, zf.getinfo("rows/companies.jsonl"), "companies", len(data),
                        "0" * 64, row_schema.RowChecker(track_keys=False))
    finally:
        staged.close()
    assert "does not match its hash" in str(refusal.value)


def test_a_bundle_with_an_over_long_line_changes_nothing(world):
    laptop_work(world, world.a)
    plain = plain_export(world, world.a)
    with zipfile.ZipFile(plain) as zf:
        answers = zf.read("rows/answers.jsonl")
    limit = row_schema.max_line_bytes("answers")
    data = answers + b'{"id":"' + os.urandom(limit // 2 + 1).hex().encode() + b'"}\n'
    bundle = forge(world, world.a, plain, raw={"rows/answers.jsonl": data})
    before = world.office.db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
    with pytest.raises(BundleRefused) as refusal:
        world.import_(bundle)
    number = answers.count(b"\n") + 1
    assert (f"line {number:,} of the entry 'rows/answers.jsonl' is longer than {limit:,} bytes, "
            "more than any row of its table can be") in str(refusal.value)
    assert (f"文件 'rows/answers.jsonl' 的第 {number:,} 行超过 {limit:,} 字节"
            in refusal.value.localized("zh_CN"))
    assert world.office.db.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == before
    assert world.office.db.execute("SELECT COUNT(*) FROM sync_history WHERE direction = 'in' "
                                   "AND status = 'imported'").fetchone()[0] == 0
