"""A laptop's bundle carries only the rows it wrote (naming its own device), never back what
the office sent it; what it changed of the office's rows travels because the change names it;
the office still takes all of it, and the numbers of its documents are its own."""

from __future__ import annotations

import dataclasses
import json
import zipfile
from pathlib import Path

import pytest

from inspector_app.domain.numbering import DocType
from inspector_app.errors import InspectorError
from inspector_app.services.inspections import InspectionService
from inspector_app.services.numbers import NumberService
from inspector_app.services.reinspection import ReinspectionService
from inspector_app.services.sync import export_bundle
from inspector_app.services.sync.bundle import BundleRefused
from inspector_app.services.sync.rows import load_rows
from tests.pdf_scenarios import official_inspection, services, set_up_profile, sign_missing
from tests.unit.test_sync import ORG_PASS, World, laptop_work, state
from tests.unit.test_sync_policy import forge, one, plain_export


def _signed_at_office(world: World) -> str:
    """An inspection of the office's own, completed and signed there, with open hazards."""
    office = world.office
    inspection = official_inspection(office).inspection_id
    service = InspectionService(office.db, office.device, "张伟")
    finding = service.get(inspection).finding_for_item("a2")
    service.update_finding(finding.id, deadline="2026-12-20")
    assert service.complete(inspection) == []
    sign_missing(office, inspection)
    with office.db.atomic():  # as signing leaves it (the office signs with no laptop identity)
        office.db.execute("UPDATE inspections SET status = 'signed' WHERE id = ?", [inspection])
    return inspection


def _to_laptop(world: World, laptop) -> Path:
    dest = world.root / "to-laptops"
    dest.mkdir(exist_ok=True)
    bundle = export_bundle(world.office.db, world.office.data_dir, world.office.device, dest,
                           passphrase=ORG_PASS)
    report = world.import_(bundle, laptop)
    assert report.status == "imported"
    return bundle


def _bundle_rows(bundle: Path) -> tuple[dict, dict[str, list[dict]]]:
    with zipfile.ZipFile(bundle) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        rows = {name[5:-6]: list(load_rows(zf.read(name))) for name in zf.namelist()
                if name.startswith("rows/")}
    return manifest, rows


def _count(ctx, table: str) -> int:
    return ctx.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_a_laptops_bundle_carries_its_own_rows_and_the_office_loses_nothing(world):
    office, laptop = world.office, world.a
    received = [_signed_at_office(world) for _ in range(3)]
    own = laptop_work(world, laptop)
    assert world.import_(world.export(laptop)).status == "imported"
    from_office = _to_laptop(world, laptop)
    for inspection in received:  # the office's records are on the laptop now
        assert laptop.db.execute("SELECT 1 FROM inspections WHERE id = ?",
                                 [inspection]).fetchone()
    InspectionService(laptop.db, laptop.device, "张伟").set_note(own, "a1", "复查时已清理")

    bundle = plain_export(world, laptop)
    manifest, rows = _bundle_rows(bundle)
    # Only what the laptop wrote since its last bundle: its one record, whole, and the audit
    # entry of the change; nothing of the three records it received.
    assert [r["id"] for r in rows["inspections"]] == [own]
    carried = {r.get("inspection_id") for r in rows.get("answers", [])}
    assert carried == {own}
    assert {r["device_id"] for t, found in rows.items() if t != "inspections"
            for r in found if "device_id" in r} == {laptop.device.id}
    # Its own company goes with its record (any bundle applies alone); the office's do not.
    company = laptop.db.execute("SELECT company_id FROM inspections WHERE id = ?",
                                [own]).fetchone()[0]
    assert [r["id"] for r in rows["companies"]] == [company]
    assert sum(manifest["counts"].values()) < 40
    assert bundle.stat().st_size * 2 < from_office.stat().st_size  # its record, its photos

    before = {t: _count(office, t) for t in ("inspections", "answers", "findings", "audit_log")}
    report = world.import_(world.seal(bundle))
    assert report.status == "imported"
    assert report.tables["inspections"].updated == 1
    assert sum(t.conflicts for t in report.tables.values()) == 0
    after = {t: _count(office, t) for t in before}
    assert after["inspections"] == before["inspections"]          # nothing duplicated
    assert after["answers"] == before["answers"]
    assert after["audit_log"] > before["audit_log"]               # the change's audit entry
    note = office.db.execute("SELECT note FROM answers WHERE inspection_id = ? AND "
                             "item_id = 'a1'", [own]).fetchone()[0]
    assert note == "复查时已清理"                                  # nothing lost

    # Another round with nothing new on the laptop: it sends nothing of what it received,
    # only its own note that it imported the office's bundle.
    _to_laptop(world, laptop)
    _, rows = _bundle_rows(plain_export(world, laptop))
    assert set(rows) == {"audit_log"}
    assert [r["action"] for r in rows["audit_log"]] == ["import"]


def test_a_company_edited_on_the_laptop_travels_and_an_unstamped_edit_is_refused(world):
    office, laptop = world.office, world.a
    company_id = official_inspection(office).company_id
    _to_laptop(world, laptop)
    company = laptop.companies.get(company_id)
    laptop.companies.update(dataclasses.replace(company, contact_phone="0595-22880000"))
    row = laptop.db.execute("SELECT device_id FROM companies WHERE id = ?",
                            [company_id]).fetchone()
    assert row[0] == laptop.device.id  # the edit names the laptop, so its bundle carries it

    source = plain_export(world, laptop)
    _, rows = _bundle_rows(source)
    assert [r["id"] for r in rows["companies"]] == [company_id]

    # The same edit claiming to be the office's own row is another device's: refused.
    def unstamped(t) -> None:
        one(t, "companies", id=company_id)["device_id"] = office.device.id

    before = state(office)
    with pytest.raises(BundleRefused, match="names another device"):
        world.import_(forge(world, laptop, source, unstamped))
    assert state(office) == before

    report = world.import_(world.seal(source))
    assert report.tables["companies"].updated == 1
    assert office.companies.get(company_id).contact_phone == "0595-22880000"


def test_a_reinspection_on_the_laptop_moves_the_offices_signed_hazards_on(world):
    office, laptop = world.office, world.a
    signed = _signed_at_office(world)
    _to_laptop(world, laptop)
    team = set_up_profile(laptop)
    service = ReinspectionService(laptop.db, laptop.device, "张伟")
    reinspection = service.start(signed, team)
    hazards = service.hazards(reinspection)
    for finding in hazards:
        service.record_result(reinspection, finding.id, "not_rectified", "2026-12-31")
    sign_missing(laptop, reinspection)
    assert service.complete(reinspection).reopened

    bundle = plain_export(world, laptop)
    _, rows = _bundle_rows(bundle)
    assert signed not in {r["id"] for r in rows["inspections"]}  # the office's record stays
    assert {r["id"] for r in rows["findings"]} == {f.id for f in hazards}

    # What the signed record says of a hazard is not the laptop's to change.
    def rewritten(t) -> None:
        one(t, "findings", id=hazards[0].id)["description"] = "另一个隐患"

    before = state(office)
    with pytest.raises(BundleRefused, match=f"description: changes inspection {signed}, which "
                                            "is signed and locked"):
        world.import_(forge(world, laptop, bundle, rewritten))
    assert state(office) == before

    report = world.import_(world.seal(bundle))
    assert report.status == "imported"
    statuses = {r[0] for r in office.db.execute(
        "SELECT status FROM findings WHERE inspection_id = ?", [signed])}
    assert statuses == {"reopened"}
    assert office.db.execute("SELECT status FROM inspections WHERE id = ?",
                             [signed]).fetchone()[0] == "signed"


def test_a_document_issued_on_the_laptop_from_a_record_kept_at_the_office_arrives(world):
    office, laptop = world.office, world.a
    inspection = laptop_work(world, laptop)
    service = InspectionService(laptop.db, laptop.device, "张伟")
    finding = service.get(inspection).finding_for_item("a2")
    service.update_finding(finding.id, deadline="2026-12-20")
    assert service.complete(inspection) == []
    assert world.import_(world.export(laptop)).status == "imported"
    with office.db.atomic():  # signed at the office meanwhile: its copy is kept as it is
        office.db.execute("UPDATE inspections SET status = 'signed' WHERE id = ?",
                          [inspection])
    number, _ = services(laptop)[2].issue(inspection, DocType.ORDER)

    report = world.import_(world.export(laptop))
    assert report.tables["inspections"].skipped
    assert report.tables["documents"].added == 1
    here = office.db.execute("SELECT number FROM documents WHERE inspection_id = ? AND "
                             "doc_type = 'order'", [inspection]).fetchone()
    assert here == (number,)


def _with_block(world: World, laptop) -> None:
    numbers = NumberService(world.office.db, world.office.device, "王科长")
    numbers.allocate(laptop.device.id, "order", 2026, 101, 200)
    _to_laptop(world, laptop)


def _order(laptop) -> tuple[str, str]:
    inspection = official_inspection(laptop).inspection_id
    number, _ = services(laptop)[2].issue(inspection, DocType.ORDER)
    return inspection, number


def test_a_laptop_numbering_inside_its_block_is_taken(world):
    _with_block(world, world.a)
    _, number = _order(world.a)
    assert number.endswith("〔2026〕101号")
    report = world.import_(world.export(world.a))
    assert report.tables["documents"].added >= 1
    assert world.office.db.execute("SELECT 1 FROM documents WHERE number = ?",
                                   [number]).fetchone()


@pytest.mark.parametrize("case", ["outside", "taken"])
def test_a_document_number_not_from_the_laptops_block_is_refused_naming_it(world, case):
    office, laptop = world.office, world.a
    _with_block(world, laptop)
    if case == "taken":  # the office already holds a document with the number it will send
        with office.db.atomic():
            built = official_inspection(office)
            services(office)[2].issue(built.inspection_id, DocType.ORDER)
            office.db.execute("UPDATE documents SET number = ? WHERE inspection_id = ?",
                              ["（泉台）应急责改〔2026〕150号", built.inspection_id])
    inspection, _ = _order(laptop)
    source = plain_export(world, laptop)
    wanted = "（泉台）应急责改〔2026〕5号" if case == "outside" else "（泉台）应急责改〔2026〕150号"
    document = {}

    def renumber(t) -> None:
        row = one(t, "documents", inspection_id=inspection, doc_type="order")
        row["number"], row["seq"] = wanted, int(wanted.split("〕")[1][:-1])
        document.update(row)

    before = state(office)
    with pytest.raises(BundleRefused) as refused:
        world.import_(forge(world, laptop, source, renumber))
    text = str(refused.value)
    name = f"{laptop.device.name} ({laptop.device.doc_prefix})"
    assert text.startswith(f"The bundle from {name} was refused: ")
    assert document["id"] in text and wanted in text and name in text
    assert ("outside the number blocks" if case == "outside" else "already on document") in text
    assert state(office) == before
    chinese = refused.value.localized("zh_CN")
    assert wanted in chinese and name in chinese and "Nothing was changed" not in chinese


def test_a_plain_number_is_taken_from_a_laptop_holding_no_block(world):
    office, laptop = world.office, world.b
    inspection, provisional = _order(laptop)
    assert laptop.device.doc_prefix in provisional  # enrolled, no block: its own code
    source = plain_export(world, laptop)

    def plain(t) -> None:
        row = one(t, "documents", inspection_id=inspection, doc_type="order")
        row["number"], row["prefix"], row["seq"] = "（泉台）应急责改〔2026〕7号", "QT01", 7

    report = world.import_(forge(world, laptop, source, plain))
    assert report.status == "imported"
    assert office.db.execute("SELECT 1 FROM documents WHERE number = ?",
                             ["（泉台）应急责改〔2026〕7号"]).fetchone()


def test_a_refusal_of_the_office_itself_is_not_renamed_before_its_signature_is_read(world,
                                                                                    tmp_path):
    broken = tmp_path / "broken.inspx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(InspectorError) as refused:
        world.import_(broken)
    assert "The bundle from" not in str(refused.value)
