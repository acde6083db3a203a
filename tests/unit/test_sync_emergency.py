"""A town's laptop sends a drill with photos and a problem that becomes a task; the office's
deadlines and rules go out; a laptop cannot set them; files travel once, by hash."""

from __future__ import annotations

from datetime import date

import pytest
from PIL import Image

from inspector_app.domain.emergency import EmergencyRules
from inspector_app.domain.units import UnitKind
from inspector_app.errors import InspectorError
from inspector_app.services.emergency import EmergencyService
from inspector_app.services.sync import export_bundle, import_bundle
from inspector_app.services.sync import files as files_module
from inspector_app.storage.units_repo import UnitRepo
from tests.unit.test_sync import ORG_PASS


def _svc(ctx) -> EmergencyService:
    return EmergencyService(ctx.db, ctx.device.id, ctx.data_dir)


def _photo(path, colour="red"):
    Image.new("RGB", (64, 48), colour).save(path, "JPEG")
    return path


def _to_laptop(world):
    dest = world.root / "to-laptops"
    dest.mkdir(exist_ok=True)
    office = world.office
    bundle = export_bundle(office.db, office.data_dir, office.device, dest, passphrase=ORG_PASS)
    return import_bundle(world.a.db, world.a.data_dir, world.a.device, bundle)


def test_a_towns_drill_with_photos_and_a_problem_reaches_the_office(world):
    office, laptop = world.office, world.a
    town = UnitRepo(office.db, office.device.id).add("洛阳镇", UnitKind.TOWN)
    osvc = _svc(office)
    osvc.set_deadline(town.id, "2026-11-30", "11月底前全面完成预案编制、修订")
    osvc.repo.set_rules(EmergencyRules.from_dict({"drill_months": {"onsite": 3}}))
    plan = osvc.add_plan(title="洛阳镇综合应急预案", plan_type="comprehensive",
                         unit_id=town.id, status="issued", issued_on="2026-06-01")
    report = _to_laptop(world)
    assert report.tables["emergency_plans"].added == 1
    lsvc = _svc(laptop)
    assert lsvc.rules().drill_months["onsite"] == 3
    assert lsvc.repo.deadlines()[town.id]["due_on"] == "2026-11-30"

    drill = lsvc.add_drill(plan_id=plan["id"], held_on="2026-10-20", form="live",
                           scope="comprehensive", organiser="洛阳镇应急办",
                           scenario="化工仓库泄漏", went_well="集结迅速",
                           problems=[{"problem": "堵漏器材不足", "due_on": "2026-12-20",
                                      "responsible": "洛阳镇应急办"}])
    shot = lsvc.attach("drill", drill["id"], _photo(world.root / "drill.jpg"))
    # A laptop's own deadline or rules do not overrule the office's.
    lsvc.set_deadline(town.id, "2027-06-30")
    world.import_(world.export(laptop))

    assert osvc.repo.deadlines()[town.id]["due_on"] == "2026-11-30"
    [(task, _)] = osvc.open_tasks(osvc_today())
    assert task["problem"] == "堵漏器材不足" and task["owner_name"] == "洛阳镇"
    [row] = osvc.repo.files("drill", drill["id"])
    kept = osvc.store.path(row["sha256"], "jpeg")
    assert kept.read_bytes() == (world.root / "drill.jpg").read_bytes()
    assert row["sha256"] == shot["sha256"]

    # The next bundle carries only what changed: a task added later arrives on its own.
    lsvc.add_task(drill["id"], {"problem": "通讯不畅", "due_on": "2026-12-30"})
    report = world.import_(world.export(laptop))
    assert report.tables["drill_tasks"].added == 1
    assert "emergency_files" not in report.tables or report.tables["emergency_files"].added == 0
    assert len(osvc.open_tasks(osvc_today())) == 2

    # The town closes the task with how it fixed it; the office reads both.
    lsvc.close_task(task["id"], "2026-11-20", "已配备堵漏工具箱两套", today=date(2026, 11, 21))
    world.import_(world.export(laptop))
    done = next(t for t, _ in osvc.tasks(osvc_today()) if t["id"] == task["id"])
    assert (done["done_on"], done["done_note"]) == ("2026-11-20", "已配备堵漏工具箱两套")


def osvc_today() -> date:
    return date(2026, 11, 1)


def test_a_bundle_carrying_a_bad_attachment_is_refused_and_nothing_changes(world,
                                                                           monkeypatch):
    office, laptop = world.office, world.a
    town = UnitRepo(office.db, office.device.id).add("张坂镇", UnitKind.TOWN)
    plan = _svc(office).add_plan(title="张坂镇综合应急预案", plan_type="comprehensive",
                                 unit_id=town.id)
    _to_laptop(world)
    lsvc = _svc(laptop)
    lsvc.attach("plan", plan["id"], _photo(world.root / "scan.jpg", "blue"))
    # Every attached file is checked again on arrival, before anything changes.
    [row] = lsvc.repo.files("plan", plan["id"])
    stored = lsvc.store.path(row["sha256"], "jpeg")
    real = stored.read_bytes()
    checked = []
    original = files_module.check_bytes

    def spy(name, data):
        checked.append(name)
        return original(name, data)

    monkeypatch.setattr(files_module, "check_bytes", spy)
    world.import_(world.export(laptop))
    assert checked == [stored.name]
    assert _svc(office).repo.files("plan", plan["id"])[0]["sha256"] == row["sha256"]
    assert stored.read_bytes() == real

    def refuse_all(name, data):
        from inspector_app.services.attachments import AttachmentRefused
        raise AttachmentRefused(f"{name}: a damaged image that cannot be read.")

    lsvc.attach("plan", plan["id"], _photo(world.root / "scan2.jpg", "green"))
    monkeypatch.setattr(files_module, "check_bytes", refuse_all)
    before = office.db.execute("SELECT COUNT(*) FROM emergency_files").fetchone()[0]
    with pytest.raises(InspectorError, match="not accepted"):
        world.import_(world.export(laptop))
    assert office.db.execute("SELECT COUNT(*) FROM emergency_files").fetchone()[0] == before
