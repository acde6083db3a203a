"""A rows entry is staged a batch at a time: whatever way its lines are read, parsed, checked
and staged, the rows stay in their order and the first fault in the entry's order is the one
reported (a row carried twice before a broken line after it), as a faster import must keep."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from inspector_app.services.sync.bundle import BundleRefused
from inspector_app.services.sync.row_schema import RowChecker
from inspector_app.services.sync.rows import dump_row
from inspector_app.services.sync.staging import StagedRows

STAMP = "2026-01-01T00:00:00+00:00"
# Enough rows for several batches and reads of the entry (a read is 1 MB, a batch 1,000 rows).
ROWS = 6000


def _answer(n: int) -> dict[str, object]:
    return {"id": f"answer-{n:05d}", "inspection_id": f"inspection-{n // 20:04d}",
            "item_id": f"{n % 20}.1", "value": '"' + "符合" * 100 + '"', "note": None,
            "created_at": STAMP, "updated_at": STAMP, "device_id": "laptop"}


def _load(tmp_path: Path, rows: list[dict[str, object]], raw_tail: bytes = b"",
          table: str = "answers") -> StagedRows:
    data = b"".join(dump_row(row) for row in rows) + raw_tail
    bundle = tmp_path / "rows.zip"
    entry = f"rows/{table}.jsonl"
    with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(entry, data)
    staged = StagedRows(tmp_path / "staged.sqlite3")
    try:
        with zipfile.ZipFile(bundle) as zf:
            staged.load(zf, zf.getinfo(entry), table, len(data),
                        hashlib.sha256(data).hexdigest(), RowChecker(track_keys=False))
    except BaseException:
        staged.close()
        raise
    return staged


def test_every_row_of_a_large_entry_is_staged_in_its_order(tmp_path):
    rows = [_answer(n) for n in range(ROWS)]
    staged = _load(tmp_path, rows)
    try:
        assert len(staged["answers"]) == ROWS
        assert [row["id"] for row in staged["answers"]] == [row["id"] for row in rows]
        assert staged.row_of("answers", "answer-04321") == rows[4321]
    finally:
        staged.close()


def test_a_row_carried_twice_is_named_before_a_broken_line_far_after_it(tmp_path):
    rows = [_answer(n) for n in range(ROWS)]
    rows.insert(3, dict(rows[1]))
    rows[ROWS - 10]["item_id"] = ""  # a key may not be empty
    with pytest.raises(BundleRefused, match=r"checklist answer answer-00001: appears twice in "
                                            r"the bundle \(numbers 2 and 4 of its checklist "
                                            r"answers\)"):
        _load(tmp_path, rows)


def test_a_team_member_carried_twice_is_named_by_the_inspection_and_the_inspector(tmp_path):
    # A key of two columns: the row is named by both, as the line gave them.
    members = [{"inspection_id": f"inspection-{n // 3:04d}", "inspector_id": f"inspector-{n % 3}",
                "position": n % 3} for n in range(3000)]
    members.insert(2500, dict(members[1200]))
    with pytest.raises(BundleRefused, match=r"inspection team member inspection-0400/inspector-0: "
                                            r"appears twice in the bundle \(numbers 1,201 and "
                                            r"2,501 of its inspection teams\)"):
        _load(tmp_path, members, table="inspection_inspectors")


def test_a_line_that_is_not_json_is_reported_when_no_row_before_it_is_refused(tmp_path):
    with pytest.raises(ValueError, match="Expecting property name"):
        _load(tmp_path, [_answer(n) for n in range(ROWS)], b"{not json\n")


def test_a_row_carried_twice_comes_before_a_line_that_is_not_json(tmp_path):
    rows = [_answer(n) for n in range(ROWS)]
    rows.insert(3, dict(rows[1]))
    with pytest.raises(BundleRefused, match="answer-00001: appears twice"):
        _load(tmp_path, rows, b"{not json\n")


def test_a_broken_row_far_after_a_clean_start_is_named(tmp_path):
    rows = [_answer(n) for n in range(ROWS)]
    rows[ROWS - 10]["item_id"] = ""
    with pytest.raises(BundleRefused, match=f"checklist answer answer-{ROWS - 10:05d}, "
                                            "checklist item: is empty"):
        _load(tmp_path, rows)


def test_an_entry_longer_than_its_manifest_says_is_refused_as_before(tmp_path):
    rows = [_answer(n) for n in range(ROWS)]
    data = b"".join(dump_row(row) for row in rows)
    bundle = tmp_path / "rows.zip"
    with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("rows/answers.jsonl", data)
    staged = StagedRows(tmp_path / "staged.sqlite3")
    try:
        with zipfile.ZipFile(bundle) as zf, pytest.raises(BundleRefused,
                                                          match="larger than it says"):
            staged.load(zf, zf.getinfo("rows/answers.jsonl"), "answers", len(data) - 1,
                        hashlib.sha256(data).hexdigest(), RowChecker(track_keys=False))
    finally:
        staged.close()
