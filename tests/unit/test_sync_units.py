"""The registry travels office → laptops; the unit that inspected travels back."""

from __future__ import annotations

from inspector_app.domain.records import new_id
from inspector_app.domain.units import Campaign, UnitKind
from inspector_app.services.sync import export_bundle, import_bundle
from inspector_app.storage.units_repo import CampaignRepo, UnitRepo
from tests.unit.test_sync import ORG_PASS, laptop_work, world  # noqa: F401  (fixture)


def test_units_and_campaigns_reach_the_laptop_and_the_unit_comes_back(world):  # noqa: F811
    office, laptop = world.office, world.a
    units = UnitRepo(office.db, office.device.id)
    town = units.add("东园镇", UnitKind.TOWN)
    dept = units.add("综合执法与应急管理局", UnitKind.DEPARTMENT, sectors=("chemical",))
    CampaignRepo(office.db, office.device.id).add(
        Campaign(new_id(), "重大事故隐患专项排查整治2023行动", "2023-05-01", "2023-12-31"))
    dest = world.root / "to-laptops"
    dest.mkdir()
    bundle = export_bundle(office.db, office.data_dir, office.device, dest, passphrase=ORG_PASS)
    report = import_bundle(laptop.db, laptop.data_dir, laptop.device, bundle)
    assert report.tables["units"].added == 2 and report.tables["campaigns"].added == 1
    laptop_units = UnitRepo(laptop.db, laptop.device.id)
    assert [u.name for u in laptop_units.all()] == [town.name, dept.name]

    laptop_units.set_own_unit(dept.id)
    inspection_id = laptop_work(world, laptop)
    assert laptop.db.execute("SELECT unit_id FROM inspections WHERE id = ?",
                             [inspection_id]).fetchone()[0] == dept.id
    # A unit a laptop made up for itself stays on the laptop.
    laptop_units.add("自封的单位", UnitKind.TOWN)
    world.import_(world.export(laptop))
    assert office.db.execute("SELECT unit_id FROM inspections WHERE id = ?",
                             [inspection_id]).fetchone()[0] == dept.id
    assert [u.name for u in units.all()] == [town.name, dept.name]
