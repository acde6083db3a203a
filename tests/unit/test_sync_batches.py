"""An import applies new inspections by batch, with the same result as one by one; its
progress is reported per batch, and a cancel between batches changes nothing."""

from __future__ import annotations

import pytest

from inspector_app.services.progress import Cancelled
from inspector_app.services.sync import export_bundle, merge
from tests.unit.test_sync import ORG_PASS, laptop_work

TABLES = ("inspections", "answers", "findings", "photos", "signatures", "inspection_inspectors",
          "audit_log", "sync_history")


def counts(ctx) -> dict[str, int]:
    return {t: ctx.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


class Control:
    """Records the import's progress; cancels at the first batch of rows applied."""

    def __init__(self, cancel_when: str | None = None) -> None:
        self.seen: list[tuple[int, int, str]] = []
        self.cancel_when = cancel_when

    def progress(self, done: int, total: int, text: str = "") -> None:
        self.seen.append((done, total, text))

    def check_cancelled(self) -> None:
        if self.seen and self.seen[-1][2] == self.cancel_when:
            raise Cancelled


def test_a_cancel_while_the_rows_are_applied_changes_nothing(world):
    laptop_work(world, world.a, photos=2)
    laptop_work(world, world.a, photos=1, seed=5)
    bundle = world.export(world.a)
    before = counts(world.office)
    with pytest.raises(Cancelled):
        world.import_(bundle, control=Control(cancel_when="applying"))
    assert counts(world.office) == before
    assert not list(world.office.data_dir.photos.rglob("*.jpg"))
    # The same bundle then imports whole.
    control = Control()
    report = world.import_(bundle, control=control)
    assert report.status == "imported" and report.tables["inspections"].added == 2
    applied = [(done, total) for done, total, text in control.seen if text == "applying"]
    assert applied and applied[-1][0] == applied[-1][1]
    assert [done for done, _ in applied] == sorted(done for done, _ in applied)


def test_many_new_inspections_go_in_by_batch_as_they_would_one_by_one(world, monkeypatch,
                                                                        tmp_path):
    ids = [laptop_work(world, world.a, photos=1, seed=n) for n in range(5)]
    world.import_(world.export(world.a))
    # The office's full bundle, into two laptops: one by batches, one inspection at a time.
    bundle = export_bundle(world.office.db, world.office.data_dir, world.office.device,
                           tmp_path, passphrase=ORG_PASS, full=True)
    monkeypatch.setattr(merge, "_INSPECTIONS", 2)  # three batches: 2 + 2 + 1
    held = []
    insert_held = merge.Merger._insert_held
    monkeypatch.setattr(merge.Merger, "_insert_held",
                        lambda self, batch: held.append(len(batch)) or insert_held(self, batch))
    batched = world.import_(bundle, ctx=world.b)
    assert held == [2, 2, 1]
    one_by_one = world.laptop("c", "王芳")
    try:
        monkeypatch.setattr(merge.Merger, "_all_new", lambda self, *_: False)
        alone = world.import_(bundle, ctx=one_by_one)
        for table in TABLES[:-1]:
            mine = world.b.db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            theirs = one_by_one.db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            if table == "audit_log":  # each computer's own entries differ
                mine = [r for r in mine if r[2] != world.b.device.id]
                theirs = [r for r in theirs if r[2] != one_by_one.device.id]
            assert mine == theirs, table
    finally:
        one_by_one.close()
    assert {t: (v.added, v.updated, dict(v.skipped)) for t, v in batched.tables.items()} == {
        t: (v.added, v.updated, dict(v.skipped)) for t, v in alone.tables.items()}
    assert batched.tables["inspections"].added == len(ids) == 5


def test_a_batch_with_an_inspection_already_here_is_merged_one_by_one(world):
    first = laptop_work(world, world.a, photos=1)
    world.import_(world.export(world.a))
    laptop_work(world, world.a, photos=1, seed=3)
    # The second bundle carries the new inspection and the one the office already has.
    report = world.import_(world.export(world.a, full=True))
    assert report.tables["inspections"].added == 1
    assert report.tables["inspections"].skipped == {"identical": 1}
    assert world.office.db.execute("SELECT COUNT(*) FROM inspections WHERE id = ?",
                                   [first]).fetchone()[0] == 1
