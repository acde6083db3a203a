"""A signed laptop bundle changes the emergency work only as the service would let that laptop:
its own rows, with dates the service accepts. (The signature says who sent it, not that it is
allowed.)"""

from __future__ import annotations

from datetime import date

import pytest

from inspector_app.domain.units import UnitKind
from inspector_app.services.emergency import EmergencyService
from inspector_app.services.sync import BundleRefused, export_bundle, import_bundle
from inspector_app.storage.units_repo import UnitRepo
from tests.unit.test_sync import ORG_PASS
from tests.unit.test_sync_policy import forge, later, one_row, plain_export


def _svc(ctx):
    return EmergencyService(ctx.db, ctx.device.id, ctx.data_dir)


def _to(w, laptop):
    dest = w.root / "to-laptops"
    dest.mkdir(exist_ok=True)
    o = w.office
    bundle = export_bundle(o.db, o.data_dir, o.device, dest, passphrase=ORG_PASS, full=True)
    return import_bundle(laptop.db, laptop.data_dir, laptop.device, bundle)


@pytest.fixture
def work(world):
    """The office's plan and station; laptop A's drill with one follow-up task, at the office
    and on laptop B."""
    w = world
    office, a = w.office, w.a
    town = UnitRepo(office.db, office.device.id).add("洛阳镇", UnitKind.TOWN)
    osvc = _svc(office)
    plan = osvc.add_plan(title="洛阳镇综合应急预案", plan_type="comprehensive",
                         unit_id=town.id, status="issued", issued_on="2026-06-01")
    station = osvc.add_station(name="洛阳村站", kind="village", unit_id=town.id)
    _to(w, a)
    _svc(a).add_drill(plan_id=plan["id"], held_on="2026-10-20", form="live",
                      scope="comprehensive", organiser="洛阳镇应急办", scenario="泄漏",
                      went_well="", problems=[{"problem": "堵漏器材不足", "due_on": "2026-12-20"}])
    w.import_(w.export(a))
    _to(w, w.b)
    [task] = [t for t, _ in osvc.tasks(date(2026, 11, 1))]
    return w, task, station


def _refused(w, ctx, edit) -> str:
    forged = forge(w, ctx, plain_export(w, ctx), edit)
    with pytest.raises(BundleRefused) as refused:
        w.import_(forged)
    return str(refused.value)


def test_a_laptop_cannot_close_another_laptops_task_by_claiming_it(work):
    w, task, _ = work
    b = w.b

    def edit(tables):
        row = one_row(w.office, "drill_tasks", task["id"])
        tables["drill_tasks"] = [{**row, "device_id": b.device.id, "done_on": "2026-11-20",
                                  "done_note": "closed by B", "updated_at": later()}]
    assert "another device" in _refused(w, b, edit)
    assert one_row(w.office, "drill_tasks", task["id"])["done_on"] is None


def test_a_laptop_cannot_rename_the_offices_station_by_claiming_it(work):
    w, _, station = work
    b = w.b

    def edit(tables):
        row = one_row(w.office, "stations", station["id"])
        tables["stations"] = [{**row, "device_id": b.device.id, "name": "=HYPERLINK(1)",
                               "updated_at": later()}]
    _refused(w, b, edit)
    assert one_row(w.office, "stations", station["id"])["name"] == "洛阳村站"


@pytest.mark.parametrize(("done_on", "reason"), [
    ("2001-01-01", "before the drill of 2026-10-20"),
    ("2099-12-31", "in the future"),
])
def test_a_laptops_own_task_is_closed_only_on_a_day_the_service_accepts(work, done_on,
                                                                       reason):
    w, task, _ = work

    def edit(tables):
        row = one_row(w.office, "drill_tasks", task["id"])
        tables["drill_tasks"] = [{**row, "done_on": done_on, "updated_at": later()}]
    assert reason in _refused(w, w.a, edit)


def test_a_closed_task_is_not_closed_again_with_another_day(work):
    w, task, _ = work
    a = w.a
    _svc(a).close_task(task["id"], "2026-11-20", "补充堵漏器材", today=date(2026, 11, 30))
    w.import_(w.export(a))
    assert one_row(w.office, "drill_tasks", task["id"])["done_on"] == "2026-11-20"

    def edit(tables):
        row = one_row(w.office, "drill_tasks", task["id"])
        tables["drill_tasks"] = [{**row, "done_on": "2026-11-25", "updated_at": later()}]
    assert "closed once" in _refused(w, a, edit)


def test_a_milestone_done_in_the_future_is_refused(work):
    w, _, station = work
    office = w.office
    milestone = office.db.execute("SELECT id FROM station_milestones WHERE station_id = ?",
                                  [station["id"]]).fetchone()[0]

    def edit(tables):
        row = one_row(office, "station_milestones", milestone)
        tables["station_milestones"] = [{**row, "status": "done", "done_on": "2099-01-01",
                                         "updated_at": later()}]
    assert "in the future" in _refused(w, w.b, edit)
    assert one_row(office, "station_milestones", milestone)["status"] != "done"
