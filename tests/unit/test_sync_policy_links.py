"""Links between records that a laptop could still move past the policy (attack review 26):
a revision claiming another laptop's signed record, and links changed in a later bundle or in
a copy the merge keeps out. Each is refused whole, naming the row, with the office unchanged;
the honest paths next to them still import."""

from __future__ import annotations

import pytest

from inspector_app.services.inspections import InspectionService
from inspector_app.services.sync.bundle import BundleRefused
from tests.unit.test_sync import ORG_PASS, World, laptop_work, refused
from tests.unit.test_sync_policy import (
    Rows,
    forge,
    later,
    one,
    plain_export,
    reinspected,
    signed_record,
)


def ledger_rows(world: World, inspection_id: str) -> int:
    return world.office.db.execute("SELECT COUNT(*) FROM hazard_ledger WHERE inspection_id = ?",
                                   [inspection_id]).fetchone()[0]


def office_to(world: World, laptop) -> None:
    """The office's bundle imported on a laptop (how a laptop gets others' records)."""
    from inspector_app.services.sync import export_bundle, import_bundle

    dest = world.root / f"to-{laptop.device.id[:8]}"
    dest.mkdir(exist_ok=True)
    import_bundle(laptop.db, laptop.data_dir, laptop.device,
                  export_bundle(world.office.db, world.office.data_dir, world.office.device,
                                dest, passphrase=ORG_PASS))


# -- a new revision corrects a signed record of its own subject, as the next revision --
@pytest.mark.parametrize("same_company", [False, True])
def test_a_laptop_cannot_hide_another_laptops_signed_record_behind_its_draft(world,
                                                                            same_company):
    w = signed_record(world, world.b, seed=5)
    world.import_(world.export(world.b))
    before = ledger_rows(world, w)
    assert before > 0
    company = world.office.db.execute("SELECT company_id FROM inspections WHERE id = ?",
                                      [w]).fetchone()[0]
    m = laptop_work(world, world.a, photos=0, seed=6)
    source = plain_export(world, world.a, full=True)

    def claim(tables: Rows) -> None:
        row = one(tables, "inspections", id=m)
        row["supersedes_id"] = w
        if same_company:   # W's company is at the office already
            row["company_id"] = company

    column = "revision" if same_company else "company"
    refused(world, forge(world, world.a, source, claim), BundleRefused,
            match=f"inspection record {m}, {column}: .* an amendment")
    assert ledger_rows(world, w) == before


def test_only_a_signed_record_is_amended(world):
    draft = laptop_work(world, world.a, photos=0, seed=1)
    m = laptop_work(world, world.a, photos=0, seed=2)
    source = plain_export(world, world.a, full=True)

    def claim(tables: Rows) -> None:
        row, target = one(tables, "inspections", id=m), one(tables, "inspections", id=draft)
        row.update(supersedes_id=draft, company_id=target["company_id"],
                   revision=target["revision"] + 1)

    refused(world, forge(world, world.a, source, claim), BundleRefused,
            match=f"inspection record {m}, record it corrects: corrects inspection {draft}, which "
                  "is not signed")


def test_a_laptop_amends_another_laptops_signed_record_as_in_the_window(world):
    w = signed_record(world, world.b, seed=5)
    world.import_(world.export(world.b))
    office_to(world, world.a)
    amended = InspectionService(world.a.db, world.a.device, "张伟").amend(w, "错字")
    report = world.import_(world.export(world.a))
    assert report.status == "imported"
    assert world.office.db.execute("SELECT supersedes_id FROM inspections WHERE id = ?",
                                   [amended]).fetchone()[0] == w


# -- links never change once the record exists --
def test_a_reinspection_is_not_moved_to_another_inspection_in_a_later_bundle(world):
    _x, reinspection = reinspected(world, world.a, seed=1)
    y = laptop_work(world, world.a, photos=0, seed=2)
    assert InspectionService(world.a.db, world.a.device, "张伟").complete(y) == []
    world.import_(world.export(world.a))
    source = plain_export(world, world.a, full=True)

    def move(tables: Rows) -> None:
        row = one(tables, "inspections", id=reinspection)
        row.update(follows_inspection_id=y, updated_at=later())
        one(tables, "inspections", id=y).update(company_id=row["company_id"],
                                               updated_at=later())
        tables["reinspection_results"] = []   # already at the office: not carried again

    refused(world, forge(world, world.a, source, move), BundleRefused,
            match=f"inspection record {reinspection}, inspection it follows: changes it from")


def test_the_followed_inspection_does_not_change_company_in_a_later_bundle(world):
    from tests.factories import add_company

    x, reinspection = reinspected(world, world.a, seed=1)
    other = add_company(world.a.db, name="另一家公司有限公司")
    world.import_(world.export(world.a))
    source = plain_export(world, world.a, full=True)

    def move(tables: Rows) -> None:
        one(tables, "inspections", id=x).update(company_id=other, updated_at=later())
        tables["inspections"] = [r for r in tables["inspections"] if r["id"] != reinspection]
        for table in ("answers", "findings", "photos", "signatures", "documents",
                      "record_signatures", "inspection_inspectors"):
            tables[table] = [r for r in tables.get(table, [])
                             if r.get("inspection_id") != reinspection]
        tables["reinspection_results"] = []

    refused(world, forge(world, world.a, source, move), BundleRefused,
            match=f"inspection record {x}, company: changes it from")


def test_a_copy_the_merge_keeps_out_does_not_vouch_for_a_link(world):
    # x is signed at the office for its company: the bundle's copy of it, moved to another
    # company, would be kept out by the merge, and the re-inspection following x into that
    # company must not be checked against it.
    from inspector_app.services.reinspection import RECTIFIED, ReinspectionService
    from tests.factories import add_company

    x = signed_record(world, world.a, seed=1)
    world.import_(world.export(world.a))
    other = add_company(world.a.db, name="另一家公司有限公司")
    team = [i.id for i in InspectionService(world.a.db, world.a.device,
                                            "张伟").repo.inspectors(x)]
    again = ReinspectionService(world.a.db, world.a.device, "张伟")
    reinspection = again.start(x, team, started_at="2026-12-10T09:00+08:00")
    general = next(f for f in again.hazards(reinspection) if f.item_id is None)
    again.record_result(reinspection, general.id, RECTIFIED)
    source = plain_export(world, world.a, full=True)

    def elsewhere(tables: Rows) -> None:
        one(tables, "inspections", id=reinspection)["company_id"] = other
        one(tables, "inspections", id=x)["company_id"] = other

    refused(world, forge(world, world.a, source, elsewhere), BundleRefused,
            match=f"inspection record {x}, company: changes it from")


def test_a_started_plans_inspection_does_not_change_company_in_a_later_bundle(world):
    from inspector_app.services.plans import PlanService
    from inspector_app.storage.repositories import InspectorRepo
    from tests.factories import add_company, add_template

    office, laptop = world.office, world.a
    company = add_company(office.db, name="泉台纺织有限公司")
    repo = InspectorRepo(office.db, office.device.id)
    team = [repo.add("张伟", "32050012", "泉台区应急管理局").id,
            repo.add("李娜", "32050013", "泉台区应急管理局").id]
    plan = PlanService(office.db, office.device, "王科长").add(
        company, add_template(office.db), "2026-12-10", team)
    office_to(world, laptop)
    started = PlanService(laptop.db, laptop.device, "张伟").start(plan)
    elsewhere = laptop_work(world, laptop, photos=0, seed=3)
    world.import_(world.export(laptop))
    source = plain_export(world, laptop, full=True)

    def move(tables: Rows) -> None:
        company_elsewhere = one(tables, "inspections", id=elsewhere)["company_id"]
        one(tables, "inspections", id=started).update(company_id=company_elsewhere,
                                                      updated_at=later())
        tables["planned_inspections"] = []

    refused(world, forge(world, laptop, source, move), BundleRefused,
            match=f"inspection record {started}, company: changes it from")


def test_an_amendment_does_not_change_the_record_it_corrects_in_a_later_bundle(world):
    o = signed_record(world, world.a, seed=1)
    z = signed_record(world, world.a, seed=2)
    n = InspectionService(world.a.db, world.a.device, "张伟").amend(o, "错字")
    world.import_(world.export(world.a))
    source = plain_export(world, world.a, full=True)

    def move(tables: Rows) -> None:
        one(tables, "inspections", id=n).update(supersedes_id=z, updated_at=later())
        tables["findings"] = [r for r in tables["findings"] if r["inspection_id"] != n]

    refused(world, forge(world, world.a, source, move), BundleRefused,
            match=f"inspection record {n}, record it corrects: changes it from {o} to {z}")
