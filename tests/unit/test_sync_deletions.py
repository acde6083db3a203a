"""Hard deletions travel: an inspection applied as an update loses the parts deleted there."""

from __future__ import annotations

from inspector_app.services.inspections import InspectionService
from inspector_app.services.signatures import SignatureService
from tests.pdf_scenarios import add_signature
from tests.unit.test_sync import laptop_work


def findings(db, inspection_id: str) -> set[str]:
    return {r[0] for r in db.execute("SELECT id FROM findings WHERE inspection_id = ?",
                                     [inspection_id])}


def free_form(db, inspection_id: str) -> str:
    return db.execute("SELECT id FROM findings WHERE inspection_id = ? AND item_id IS NULL",
                      [inspection_id]).fetchone()[0]


def active(db, inspection_id: str) -> set[str]:
    return {r[0] for r in db.execute("SELECT id FROM findings WHERE inspection_id = ? "
                                     "AND withdrawn_at IS NULL", [inspection_id])}


def test_deleted_hazards_are_removed_and_withdrawn_ones_stay_withdrawn_at_the_office(world):
    draft = laptop_work(world, world.a)
    world.import_(world.export(world.a))
    assert len(findings(world.office.db, draft)) == 2
    field = InspectionService(world.a.db, world.a.device, "张伟")
    withdrawn = field.get(draft).finding_for_item("a2").id
    field.delete_finding(free_form(world.a.db, draft), "录入错误")
    field.set_answer(draft, "a2", "compliant")  # withdraws the hazard the answer raised
    assert active(world.a.db, draft) == set() and findings(world.a.db, draft) == {withdrawn}
    report = world.import_(world.export(world.a))
    assert report.tables["findings"].deleted == 1
    assert active(world.office.db, draft) == set()
    assert findings(world.office.db, draft) == {withdrawn}
    office = InspectionService(world.office.db, world.office.device, "主任").get(draft)
    assert [f.id for f in office.withdrawn] == [withdrawn] and office.findings == []
    # Restored on the laptop: restored at the office.
    field.set_answer(draft, "a2", "non_compliant")
    world.import_(world.export(world.a))
    assert active(world.office.db, draft) == {withdrawn}


def test_a_deletion_alone_makes_the_inspection_travel(world):
    draft = laptop_work(world, world.a)
    world.import_(world.export(world.a))
    InspectionService(world.a.db, world.a.device, "张伟").delete_finding(
        free_form(world.a.db, draft), "重复")
    report = world.import_(world.export(world.a))
    assert report.tables["findings"].deleted == 1
    assert findings(world.office.db, draft) == findings(world.a.db, draft)


def test_nothing_is_deleted_when_both_versions_are_kept(world):
    draft = laptop_work(world, world.a)
    world.import_(world.export(world.a))
    before = findings(world.office.db, draft)
    InspectionService(world.office.db, world.office.device, "主任").set_note(draft, "a1", "改")
    InspectionService(world.a.db, world.a.device, "张伟").delete_finding(
        free_form(world.a.db, draft), "重复")
    report = world.import_(world.export(world.a))
    assert report.tables["inspections"].conflicts == 1
    assert "findings" not in report.tables or report.tables["findings"].deleted == 0
    assert findings(world.office.db, draft) == before


def test_a_hazard_still_referred_to_here_is_kept(world):
    draft = laptop_work(world, world.a)
    world.import_(world.export(world.a))
    hazard = free_form(world.office.db, draft)
    db = world.office.db
    # Another record here follows that hazard up (as a later revision's hazard does).
    other = dict(db["inspections"].get(draft), id="later", number=None)
    finding = dict(db["findings"].get(hazard), id="follow-up", inspection_id="later",
                   origin_finding_id=hazard)
    with db.atomic():
        db["inspections"].insert(other)
        db["findings"].insert(finding)
    InspectionService(world.a.db, world.a.device, "张伟").delete_finding(hazard, "重复")
    report = world.import_(world.export(world.a))
    assert report.status == "imported"
    assert hazard in findings(db, draft)
    assert report.tables["findings"].skipped["deleted there, kept: still referred to here"] == 1


def test_a_removed_signature_is_removed_at_the_office(world):
    draft = laptop_work(world, world.a)
    signature = add_signature(world.a.db, draft, "company", "赵敏")
    world.import_(world.export(world.a))
    assert world.office.db["signatures"].count == 1
    SignatureService(world.a.db, world.a.device, "张伟").remove(signature, "签错了")
    report = world.import_(world.export(world.a))
    assert report.tables["signatures"].deleted == 1
    assert world.office.db["signatures"].count == 0


def test_a_signature_given_here_on_a_laptops_draft_is_not_deleted_by_its_next_bundle(world):
    # The company's person signs the laptop's draft at the office (adding a signature leaves
    # the record's own row as it was). The laptop's next change to its draft does not carry
    # that signature, which it never had: it is not the laptop's to delete.
    draft = laptop_work(world, world.a)
    world.import_(world.export(world.a))
    given_here = add_signature(world.office.db, draft, "company", "赵敏")
    InspectionService(world.a.db, world.a.device, "张伟").set_note(draft, "a1", "补充")
    report = world.import_(world.export(world.a))
    assert report.status == "imported" and report.tables["inspections"].updated == 1
    assert "signatures" not in report.tables or report.tables["signatures"].deleted == 0
    assert {r[0] for r in world.office.db.execute("SELECT id FROM signatures")} == {given_here}
