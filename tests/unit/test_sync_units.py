"""The registry travels office → laptops; the unit that inspected travels back."""

from __future__ import annotations

from inspector_app.domain.records import new_id
from inspector_app.domain.units import Campaign, UnitKind
from inspector_app.services.sync import export_bundle, import_bundle
from inspector_app.storage.units_repo import CampaignRepo, UnitRepo
from tests.pdf_scenarios import sign_missing
from tests.unit.test_sync import ORG_PASS, laptop_work


def test_units_and_campaigns_reach_the_laptop_and_the_unit_comes_back(world):
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


def test_an_inspection_of_a_town_travels_from_the_laptop_to_the_office(world):
    from inspector_app.services.inspections import InspectionService
    from tests.factories import SMALL_TEMPLATE, add_template
    from tests.pdf_scenarios import set_up_profile

    office, laptop = world.office, world.a
    town = UnitRepo(office.db, office.device.id).add("东园镇", UnitKind.TOWN)
    dest = world.root / "to-laptops"
    dest.mkdir()
    import_bundle(laptop.db, laptop.data_dir, laptop.device,
                  export_bundle(office.db, office.data_dir, office.device, dest,
                                passphrase=ORG_PASS))
    team = set_up_profile(laptop)
    key = add_template(laptop.db, SMALL_TEMPLATE)
    svc = InspectionService(laptop.db, laptop.device)
    inspection_id = svc.start(subject_unit_id=town.id, template_key=key, kind="official",
                              inspector_ids=team, place="东园镇人民政府",
                              started_at="2026-11-28T09:00+08:00")
    for item, value in (("a1", "compliant"), ("a2", "compliant"), ("dust", False), ("n1", 4),
                        ("t1", "not_applicable")):
        svc.set_answer(inspection_id, item, value)
    assert svc.complete(inspection_id) == []
    sign_missing(svc, inspection_id)
    svc.lock(inspection_id)
    report = world.import_(world.export(laptop))
    assert report.tables["inspections"].added == 1
    assert office.db.execute("SELECT company_id, subject_unit_id, status FROM inspections "
                             "WHERE id = ?", [inspection_id]).fetchone() == (
        None, town.id, "signed")
    record = InspectionService(office.db, office.device).get(inspection_id)
    assert record.company_name == "东园镇" and record.subject_unit_id == town.id
