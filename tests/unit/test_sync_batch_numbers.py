"""A new inspection whose document carries a number already printed here: the pair is listed
as a conflict whether the batch of new inspections goes in by one statement per table or one
by one."""

from __future__ import annotations

import pytest

from inspector_app.services.sync import merge
from inspector_app.services.sync.conflicts import list_conflicts
from tests.pdf_scenarios import services
from tests.unit.test_sync import laptop_work
from tests.unit.test_sync_documents import _print


@pytest.mark.parametrize("path", ["by batch", "one by one"])
def test_a_new_inspections_order_numbered_as_one_here_is_a_conflict(world, monkeypatch, path):
    if path == "one by one":
        monkeypatch.setattr(merge.Merger, "_in_sql", lambda self: ())
    office_inspection = laptop_work(world, world.office, photos=1)
    _print(world.office, office_inspection, "zh_CN", "office-order.pdf")
    (number,) = world.office.db.execute(
        "SELECT number FROM documents WHERE doc_type = 'order'").fetchone()
    # The laptop numbered its order as the office did (an earlier version numbered from 1
    # before a block reached it); it holds no block, so the number is its to give.
    inspection = laptop_work(world, world.a, photos=1, seed=3)
    services(world.a)[2].issue(inspection, "order")
    with world.a.db.atomic():
        world.a.db.execute("UPDATE documents SET number = ? WHERE doc_type = 'order'", [number])
    _print(world.a, inspection, "zh_CN", "order.pdf")

    report = world.import_(world.export(world.a))
    assert report.status == "imported" and report.tables["inspections"].added == 1
    holders = {r[0] for r in world.office.db.execute(
        "SELECT inspection_id FROM documents WHERE number = ?", [number])}
    assert holders == {office_inspection, inspection}
    [clash] = [c for c in list_conflicts(world.office.db) if c.reason == "number"]
    assert {clash.local_id, clash.incoming_id} == {office_inspection, inspection}
    assert report.tables["inspections"].conflicts == 1
    assert any(f"number {number} is printed on two records here" in line
               for line in report.lines())
