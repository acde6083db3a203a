"""The files of emergency plans, drills and stations in a bundle are opened (read whole and
checked by their content) only once the rows naming them passed the rules, and only those of
the rows the rules accepted: a bundle the rules refuse has none of them opened, a file no row
names or of another kind than its row says is refused before it is opened, and a file of a row
the rules leave out never reaches the office's store."""

from __future__ import annotations

import io
import uuid
import zipfile

import pytest
from PIL import Image

from inspector_app.domain.units import UnitKind
from inspector_app.services.emergency import EmergencyService, attachment_folder
from inspector_app.services.sync import bundle as bundle_mod
from inspector_app.services.sync import files as files_module
from inspector_app.services.sync.bundle import BundleRefused
from inspector_app.storage.units_repo import UnitRepo
from tests.unit.test_sync import ORG_PASS, World, laptop_work, refused
from tests.unit.test_sync_policy import Rows, forge, one, plain_export


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """The names of the attached files the import checks by their content, in order."""
    seen: list[str] = []
    real = files_module.check_bytes

    def check_bytes(name, data):
        seen.append(name)
        return real(name, data)

    monkeypatch.setattr(files_module, "check_bytes", check_bytes)
    return seen


def _svc(ctx) -> EmergencyService:
    return EmergencyService(ctx.db, ctx.device.id, ctx.data_dir)


def _image(path, colour="red", kind="JPEG"):
    Image.new("RGB", (64, 48), colour).save(path, kind)
    return path


def stored(ctx) -> set[str]:
    folder = attachment_folder(ctx.data_dir)
    return {p.name for p in folder.iterdir()} if folder.exists() else set()


def office_plan_attached_on_the_laptop(world: World) -> dict:
    """The office's plan of a town, sent to laptop A, which attaches a scan to it; the
    emergency_files row."""
    from inspector_app.services.sync import export_bundle, import_bundle

    office = world.office
    town = UnitRepo(office.db, office.device.id).add("洛阳镇", UnitKind.TOWN)
    plan = _svc(office).add_plan(title="洛阳镇综合应急预案", plan_type="comprehensive",
                                 unit_id=town.id)
    dest = world.root / "to-laptops"
    dest.mkdir(exist_ok=True)
    sent = export_bundle(office.db, office.data_dir, office.device, dest, passphrase=ORG_PASS)
    import_bundle(world.a.db, world.a.data_dir, world.a.device, sent)
    return _svc(world.a).attach("plan", plan["id"], _image(world.root / "scan.jpg"))


def _cross(inspection_x: str, inspection_y: str):
    """A photo of one inspection showing a hazard of another: refused by the rules."""
    def edit(tables: Rows) -> None:
        finding = one(tables, "findings", inspection_id=inspection_y)
        one(tables, "photos", inspection_id=inspection_x)["finding_id"] = finding["id"]
    return edit


def test_a_bundle_the_rules_refuse_has_none_of_its_attachments_opened(world, opened):
    attached = office_plan_attached_on_the_laptop(world)
    x = laptop_work(world, world.a, photos=1, seed=1)
    y = laptop_work(world, world.a, photos=1, seed=2)
    source = plain_export(world, world.a)
    refused(world, forge(world, world.a, source, _cross(x, y)), BundleRefused,
            match="names hazard .* of another inspection")
    assert opened == [] and stored(world.office) == set()
    # The same bundle without the forged hazard: its file is opened once, and kept.
    report = world.import_(forge(world, world.a, source))
    assert report.status == "imported"
    assert opened == [f"{attached['sha256']}.jpg"]
    assert stored(world.office) == {f"{attached['sha256']}.jpg"}


def test_an_attached_file_no_row_names_is_refused_before_it_is_opened(world, opened):
    office_plan_attached_on_the_laptop(world)
    source = plain_export(world, world.a)
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), "blue").save(buffer, "PNG")
    data = buffer.getvalue()
    entry = f"emergency_files/{bundle_mod.sha256(data)}.png"
    refused(world, forge(world, world.a, source, files={entry: data}), BundleRefused,
            match=f"the file '{entry}' is the file of none of its emergency plan files")
    assert opened == [] and stored(world.office) == set()


def test_an_attached_file_of_another_kind_than_its_row_says_is_refused(world, opened):
    # The row says PNG, the file it names is carried as the JPEG it is: the office's row
    # would name a file it does not have.
    attached = office_plan_attached_on_the_laptop(world)
    source = plain_export(world, world.a)

    def as_png(tables: Rows) -> None:
        one(tables, "emergency_files", id=attached["id"])["media"] = "png"

    refused(world, forge(world, world.a, source, as_png), BundleRefused,
            match=f"the file 'emergency_files/{attached['sha256']}.jpg' is the file of none "
                  "of its emergency plan files")
    assert opened == [] and stored(world.office) == set()


def test_the_file_of_a_plan_the_rules_leave_out_is_neither_opened_nor_kept(world, opened):
    # A plan of a unit the laptop made itself is left out (units are the office's), and so is
    # its file: it is not opened, and the office's store never holds it.
    laptop = world.a
    own_unit = UnitRepo(laptop.db, laptop.device.id).add("自建镇", UnitKind.TOWN)
    plan = _svc(laptop).add_plan(title="自建镇综合应急预案", plan_type="comprehensive",
                                 unit_id=own_unit.id)
    attached = _svc(laptop).attach("plan", plan["id"], _image(world.root / "own.jpg", "green"))
    laptop_work(world, laptop, photos=1)
    report = world.import_(world.export(laptop))
    assert report.status == "imported"
    assert report.tables["emergency_files"].skipped["names a unit made on the sending computer"]
    assert _svc(world.office).repo.files("plan", plan["id"]) == []
    assert opened == [] and stored(world.office) == set()
    assert (attachment_folder(laptop.data_dir) / f"{attached['sha256']}.jpg").is_file()


def test_one_attached_file_carried_under_two_names_is_refused(world, opened):
    attached = office_plan_attached_on_the_laptop(world)
    source = plain_export(world, world.a)
    data = (attachment_folder(world.a.data_dir) / f"{attached['sha256']}.jpg").read_bytes()

    def twin(tables: Rows) -> None:
        row = one(tables, "emergency_files", id=attached["id"])
        tables["emergency_files"].append({**row, "id": str(uuid.uuid4()), "media": "png"})

    refused(world, forge(world, world.a, source, twin,
                         files={f"emergency_files/{attached['sha256']}.png": data}),
            BundleRefused, match=f"it carries the file 'emergency_files/{attached['sha256']}"
                                 f"\\.png' twice \\(also as 'emergency_files/"
                                 f"{attached['sha256']}\\.jpg'\\)")
    assert opened == [] and stored(world.office) == set()


def test_one_picture_both_a_photo_and_a_plans_file_arrives_as_both(world):
    # The inspector attached to the plan the very picture taken at an inspection: one file,
    # two stores, both new to the office.
    office_plan_attached_on_the_laptop(world)
    laptop_work(world, world.a, photos=1, seed=4)
    (sha,) = world.a.db.execute("SELECT sha256 FROM photos").fetchone()
    originals = world.a.data_dir.photos / "originals"
    (original,) = originals.rglob(f"{sha}.*")
    plan_id = world.a.db.execute("SELECT id FROM emergency_plans").fetchone()[0]
    _svc(world.a).attach("plan", plan_id, original)
    report = world.import_(world.export(world.a))
    assert report.status == "imported" and report.photos_added == 1
    assert f"{sha}.jpg" in stored(world.office)
    assert (world.office.data_dir.photos / "originals" / sha[:2] / original.name
            ).read_bytes() == original.read_bytes()


@pytest.mark.parametrize("kind", ["photo", "attachment"])
def test_a_file_larger_than_its_kind_may_be_is_refused_before_it_is_read(world, monkeypatch,
                                                                          kind):
    # A photo or a plan's file is read whole to be checked: one of gigabytes (compressed
    # within the zip-bomb ratio) would run the office out of memory before local ingest's
    # limit refused it. Its declared size refuses it before anything of it is read.
    from inspector_app.services import attachments, photos
    from inspector_app.services.sync import row_schema

    assert row_schema.MAX_PHOTO_BYTES == photos.MAX_FILE_BYTES
    assert row_schema.MAX_ATTACHMENT_BYTES == attachments.MAX_BYTES
    attached = office_plan_attached_on_the_laptop(world)
    laptop_work(world, world.a, photos=1)
    source = plain_export(world, world.a)
    monkeypatch.setattr(row_schema, "MAX_PHOTO_BYTES", 100)
    monkeypatch.setattr(row_schema, "MAX_ATTACHMENT_BYTES", 100)
    if kind == "photo":
        # Only the photo over the limit: the plan's file stays within its own.
        monkeypatch.setattr(row_schema, "MAX_ATTACHMENT_BYTES", 10**9)
        (sha,) = world.a.db.execute("SELECT sha256 FROM photos").fetchone()
        entry = f"photos/{sha}.jpg"
        words = "the photo"
    else:
        monkeypatch.setattr(row_schema, "MAX_PHOTO_BYTES", 10**9)
        entry = f"emergency_files/{attached['sha256']}.jpg"
        words = "the file"
    bundle = forge(world, world.a, source)
    read: list[str] = []
    real_open = zipfile.ZipFile.open

    def open_entry(self, name, *args, **kwargs):
        read.append(getattr(name, "filename", name))
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", open_entry)
    refused(world, bundle, BundleRefused, match=f"{words} '{entry}' is larger than 0 MB")
    assert entry not in read


def _plan_file_and_drill(world: World) -> tuple[dict, dict]:
    """On laptop A: a PDF attached to the office's plan, and a drill of that plan."""
    from tests.unit.test_emergency_registry import pdf_bytes

    office_plan_attached_on_the_laptop(world)
    lsvc = _svc(world.a)
    plan_id = world.a.db.execute("SELECT id FROM emergency_plans").fetchone()[0]
    scan = world.root / "plan.pdf"
    scan.write_bytes(pdf_bytes())
    attached = lsvc.attach("plan", plan_id, scan)
    drill = lsvc.add_drill(plan_id=plan_id, held_on="2026-10-20", form="live",
                           scope="comprehensive", organiser="洛阳镇应急办", scenario="泄漏",
                           went_well="", problems=[])
    return attached, drill


def test_a_drills_file_that_is_not_a_picture_is_refused(world):
    # On a computer a drill takes photos only; a bundle may not give it a PDF.
    attached, drill = _plan_file_and_drill(world)
    source = plain_export(world, world.a)

    def to_drill(tables: Rows) -> None:
        one(tables, "emergency_files", id=attached["id"]).update(owner_kind="drill",
                                                                  owner_id=drill["id"])

    refused(world, forge(world, world.a, source, to_drill), BundleRefused,
            match=f"emergency plan file {attached['id']}, .*: a drill takes photos "
                  r"\(JPEG or PNG\), not a pdf")
    assert stored(world.office) == set()


def test_a_file_of_something_neither_carried_nor_here_is_refused(world, opened):
    attached, _drill = _plan_file_and_drill(world)
    source = plain_export(world, world.a)
    nowhere = str(uuid.uuid4())

    def to_nowhere(tables: Rows) -> None:
        one(tables, "emergency_files", id=attached["id"])["owner_id"] = nowhere

    refused(world, forge(world, world.a, source, to_nowhere), BundleRefused,
            match=f"emergency plan file {attached['id']}, .*: belongs to the emergency plan "
                  f"{nowhere}, which is neither in the bundle nor here")
    assert opened == [] and stored(world.office) == set()


def test_a_damaged_attached_file_is_refused_naming_it_not_a_crash(world):
    # Checked after the rules now, outside the reading of the bundle: a file the checks'
    # libraries stumble on is still a refusal that names it, never an internal error.
    from tests.unit.test_emergency_registry import png_bytes

    attached = office_plan_attached_on_the_laptop(world)
    source = plain_export(world, world.a)
    data = png_bytes()
    data = data[:8] + (12).to_bytes(4, "big") + data[12:]
    sha = bundle_mod.sha256(data)

    def damaged(tables: Rows) -> None:
        one(tables, "emergency_files", id=attached["id"]).update(sha256=sha, media="png",
                                                                  size=len(data))

    refused(world, forge(world, world.a, source, damaged, drop=("emergency_files/",),
                         files={f"emergency_files/{sha}.png": data}),
            BundleRefused, match=f"it carries a file that is not accepted: {sha}.png: a "
                                 r"damaged image that cannot be read\. Nothing was changed\.$")
    assert stored(world.office) == set()
