"""What an enrolled laptop's bundle may not do to records, even when every row it carries is
well formed: rewrite a signed record's parts, close a hazard nobody re-inspected, rewrite
another laptop's record, or bring a record signed by nobody. Each is refused whole (or kept as
a conflict), the office's database unchanged."""

from __future__ import annotations

import pytest

from inspector_app.services.inspections import InspectionService
from tests.unit.test_sync import laptop_work, refused, state
from tests.unit.test_sync_policy import (
    Rows,
    forge,
    later,
    one,
    one_row,
    plain_export,
    signed_record,
)


def only(tables: Rows, inspection: str, **parts: list[dict]) -> None:
    """The bundle reduced to one inspection row and the given parts (and its photos as they
    are, whose files the bundle still carries)."""
    row = one(tables, "inspections", id=inspection)
    changed = {p["id"]: p for p in parts.pop("photos", [])}
    photos = [changed.get(p["id"], p) for p in tables["photos"] if p["inspection_id"] == inspection]
    for name in list(tables):
        tables[name] = []
    tables["inspections"] = [row]
    tables["photos"] = photos
    tables.update(parts)


def test_a_signed_records_hazard_is_not_reworded_nor_closed_without_a_reinspection(world):
    # The bundle carries the signed record as it is (nothing to decide for the record itself)
    # and one of its hazards changed: the office's hazard list must not show it closed, nor
    # with another description or deadline.
    signed = signed_record(world, world.a)
    world.import_(world.export(world.a))
    source = plain_export(world, world.a, full=True)
    hazard = one_row(world.office, "findings",
                     world.office.db.execute("SELECT id FROM findings WHERE inspection_id = ?",
                                             [signed]).fetchone()[0])

    def reworded(tables: Rows) -> None:
        only(tables, signed, findings=[{**hazard, "description": "已整改（改写）",
                                        "updated_at": later()}])

    refused(world, forge(world, world.a, source, reworded),
            match=f"hazard {hazard['id']}, description: changes inspection {signed}, which is "
                  "signed and locked")

    def closed(tables: Rows) -> None:
        only(tables, signed, findings=[{**hazard, "status": "closed", "closed_at": "2026-12-02",
                                        "reinspection_result": "rectified",
                                        "reinspected_at": "2026-12-02",
                                        "updated_at": later()}])

    refused(world, forge(world, world.a, source, closed),
            match=f"hazard {hazard['id']}, status: is closed without a completed "
                  "re-inspection's result for it")
    assert world.office.db.execute("SELECT status FROM hazard_ledger WHERE finding_id = ?",
                                   [hazard["id"]]).fetchone()[0] == "open"


def test_a_signed_records_photo_and_signature_stay_as_signed(world):
    signed = signed_record(world, world.a)
    (laptop_photo,) = world.a.db.execute("SELECT id FROM photos WHERE inspection_id = ?",
                                         [signed]).fetchone()
    world.import_(world.export(world.a))
    source = plain_export(world, world.a, full=True)
    company = world.office.db.execute("SELECT id FROM signatures WHERE inspection_id = ? AND "
                                      "role = 'company'", [signed]).fetchone()[0]
    signature = one_row(world.office, "signatures", company)

    def renamed(tables: Rows) -> None:
        only(tables, signed, signatures=[{**signature, "signer_name": "另一人",
                                          "updated_at": later()}])

    refused(world, forge(world, world.a, source, renamed),
            match=f"handwritten signature {company}, .*: changes inspection {signed}, which "
                  "is signed and locked")
    photo = one_row(world.office, "photos", laptop_photo)

    def hidden(tables: Rows) -> None:
        only(tables, signed, photos=[{**photo, "deleted_at": later(), "updated_at": later()}])

    refused(world, forge(world, world.a, source, hidden),
            match=f"photo {photo['id']}, .*: changes inspection {signed}, which is signed "
                  "and locked")


def test_an_amendment_does_not_arrive_with_its_hazards_closed(world):
    signed = signed_record(world, world.a)
    world.import_(world.export(world.a))
    amended = InspectionService(world.a.db, world.a.device, "张伟").amend(signed, "错字")
    source = plain_export(world, world.a)

    def close(tables: Rows) -> None:
        for hazard in tables["findings"]:
            if hazard["inspection_id"] == amended:
                hazard.update(status="closed", closed_at="2026-12-02",
                              reinspection_result="rectified", reinspected_at="2026-12-02")

    refused(world, forge(world, world.a, source, close),
            match="status: is closed without a completed re-inspection's result for it")
    world.import_(forge(world, world.a, source))  # the amendment as the window made it
    assert world.office.db.execute(
        "SELECT COUNT(*) FROM findings WHERE inspection_id = ? AND status = 'open'",
        [amended]).fetchone()[0] > 0


def test_another_laptops_hazard_is_not_rewritten(world):
    # A hazard of laptop B's record, sent by laptop A without its record and claimed as A's.
    victim = laptop_work(world, world.b, seed=4)
    world.import_(world.export(world.b))
    hazard = one_row(world.office, "findings",
                     world.office.db.execute("SELECT id FROM findings WHERE inspection_id = ?",
                                             [victim]).fetchone()[0])
    laptop_work(world, world.a, seed=5)
    source = plain_export(world, world.a)

    def rewrite(tables: Rows) -> None:
        tables["findings"].append({**hazard, "description": "A 改写的隐患",
                                   "deadline": "2099-12-31", "device_id": world.a.device.id,
                                   "updated_at": later()})

    refused(world, forge(world, world.a, source, rewrite),
            match=f"hazard {hazard['id']}, .*: changes a record another device "
                  f"\\({world.b.device.id[:8]}\\) wrote")


def test_the_offices_own_draft_hazard_is_not_rewritten(world):
    # The office's own draft reached laptop A; A sends one of its hazards, reworded and
    # claimed as A's, without its record (which would have been kept as a conflict).
    from tests.unit.test_sync_documents import _to_laptop

    draft = laptop_work(world, world.office, seed=4)
    _to_laptop(world, world.a)
    (hazard_id,) = world.office.db.execute("SELECT id FROM findings WHERE inspection_id = ?",
                                           [draft]).fetchone()
    hazard = one_row(world.office, "findings", hazard_id)
    laptop_work(world, world.a, seed=5)
    source = plain_export(world, world.a)
    before = state(world.office)

    def rewrite(tables: Rows) -> None:
        tables["findings"].append({**hazard, "description": "A 改写的隐患",
                                   "device_id": world.a.device.id, "updated_at": later()})

    refused(world, forge(world, world.a, source, rewrite),
            match=f"hazard {hazard_id}, .*: changes a record another device "
                  f"\\({world.office.device.id[:8]}\\) wrote")
    assert state(world.office) == before


def test_another_laptops_record_sent_back_does_not_become_the_senders(world):
    # Laptop A sends B's record back unchanged, then "its own" newer copy of it: the second is
    # a conflict kept beside B's record, never an update of it.
    victim = laptop_work(world, world.b, seed=4)
    InspectionService(world.b.db, world.b.device, "李娜").complete(victim)
    world.import_(world.export(world.b))
    db = world.office.db
    hazards = db.execute("SELECT COUNT(*) FROM findings WHERE inspection_id = ?",
                         [victim]).fetchone()[0]
    laptop_work(world, world.a, seed=5)
    source = plain_export(world, world.a)
    row = one_row(world.office, "inspections", victim)
    world.import_(forge(world, world.a, source, lambda t: t["inspections"].append(dict(row))))

    def take(tables: Rows) -> None:
        tables["inspections"].append({**row, "place": "被改写的地点", "status": "draft",
                                      "device_id": world.a.device.id, "updated_at": later()})

    world.import_(forge(world, world.a, source, take))
    assert one_row(world.office, "inspections", victim)["place"] == row["place"]
    assert db.execute("SELECT COUNT(*) FROM findings WHERE inspection_id = ?",
                      [victim]).fetchone()[0] == hazards
    assert db.execute("SELECT COUNT(*) FROM conflicts WHERE local_id = ? AND "
                      "reason != 'number'", [victim]).fetchone()[0] == 1


@pytest.mark.parametrize("leave_out, words", [
    (("signatures", "record_signatures", "inspection_inspectors"),
     "is signed without the inspectors who did it"),
    (("signatures", "record_signatures"),
     "is signed without the signatures it needs \\(inspector"),
])
def test_a_record_arrives_signed_only_with_its_team_and_signatures(world, leave_out, words):
    draft = laptop_work(world, world.a)
    source = plain_export(world, world.a)

    def lock(tables: Rows) -> None:
        row = one(tables, "inspections", id=draft)
        row.update(status="signed", signed_at=row["updated_at"], ended_at=row["updated_at"])
        for name in leave_out:
            tables[name] = [r for r in tables.get(name, []) if r["inspection_id"] != draft]

    before = state(world.office)
    refused(world, forge(world, world.a, source, lock),
            match=f"inspection record {draft}, status: {words}")
    assert state(world.office) == before


def test_a_photo_file_no_photo_shows_is_refused_before_it_is_decoded(world, tmp_path,
                                                                      monkeypatch):
    # Each photo file is decoded to be checked (seconds for a large one): a bundle carrying
    # files none of its photos names is refused before any of them is opened.
    import io

    from inspector_app.services import photos as photos_module
    from inspector_app.services.sync import bundle as bundle_mod
    from tests.images import noisy

    laptop_work(world, world.a)
    source = plain_export(world, world.a)
    buffer = io.BytesIO()
    noisy((640, 480)).save(buffer, "JPEG")
    data = buffer.getvalue()
    sha = bundle_mod.sha256(data)
    decoded = []
    real = photos_module.inspect_file
    monkeypatch.setattr(photos_module, "inspect_file",
                        lambda *a, **k: decoded.append(a) or real(*a, **k))
    refused(world, forge(world, world.a, source, files={f"photos/{sha}.jpg": data}),
            match=f"the photo file 'photos/{sha}.jpg' is the file of none of its photos")
    assert decoded == []


@pytest.mark.parametrize("table, column, value, words", [
    ("photos", "annotations", '[{"kind": "bogus"}]',
     "must hold marks on the photo as the program draws them"),
    ("inspections", "team_snapshot", "[7]",
     "must hold the team as the program writes it"),
    ("inspections", "section_ids", '["a", 3]', "must hold a JSON list of texts"),
])
def test_a_json_value_the_program_cannot_read_is_refused(world, table, column, value, words):
    # Read back at the office, such a value would break the window on that record: its photos
    # could not be listed, the record could not be opened.
    draft = laptop_work(world, world.a)
    source = plain_export(world, world.a)

    def poison(tables: Rows) -> None:
        row = one(tables, table, **({"id": draft} if table == "inspections"
                                    else {"inspection_id": draft}))
        row[column] = value

    refused(world, forge(world, world.a, source, poison), match=f": {words}")


def test_a_planned_visit_is_started_only_by_an_inspection_of_the_senders(world):
    # The yearly plan counts a started visit as made: a laptop may not mark one started with
    # no inspection, nor with an inspection another laptop made.
    from inspector_app.services.plans import PlanService
    from tests.factories import SMALL_TEMPLATE, add_template

    draft = laptop_work(world, world.a)
    others = laptop_work(world, world.b, seed=3)
    world.import_(world.export(world.a))
    world.import_(world.export(world.b))
    inspection = one_row(world.office, "inspections", draft)
    add_template(world.office.db, SMALL_TEMPLATE)
    plan = PlanService(world.office.db, world.office.device).add(
        inspection["company_id"], inspection["template_key"], "2026-12-31")
    row = one_row(world.office, "planned_inspections", plan)
    source = plain_export(world, world.a)

    def started(by: str | None):
        def edit(tables: Rows) -> None:
            tables.setdefault("planned_inspections", []).append(
                {**row, "status": "started", "inspection_id": by,
                 "device_id": world.a.device.id, "updated_at": later()})
        return edit

    refused(world, forge(world, world.a, source, started(None)),
            match="is started without the inspection that started it")
    theirs = one_row(world.office, "inspections", others)
    row = one_row(world.office, "planned_inspections", PlanService(
        world.office.db, world.office.device).add(theirs["company_id"], theirs["template_key"],
                                                  "2026-12-30"))
    refused(world, forge(world, world.a, source, started(others)),
            match=f"names inspection {others}, which another device wrote")
    row = one_row(world.office, "planned_inspections", plan)
    world.import_(forge(world, world.a, source, started(draft)))
    assert one_row(world.office, "planned_inspections", plan)["status"] == "started"


def test_a_colleague_cannot_take_over_a_revoked_laptops_device_id(world):
    # A revoked laptop may be handed to a new owner, enrolled after the revocation; a colleague
    # enrolled before it (with a laptop of their own) may not speak for it.
    from inspector_app.services.pki import PkiService

    draft = laptop_work(world, world.a)
    world.import_(world.export(world.a))
    office = PkiService(world.office.db, world.office.device)
    office.revoke(PkiService(world.a.db, world.a.device).identity()[0].serial,
                  "office-secret-1", "left the bureau")
    laptop_work(world, world.b, seed=7)
    source = plain_export(world, world.b)
    a_id, b_id = world.a.device.id, world.b.device.id

    def as_a(tables: Rows) -> None:
        for rows in tables.values():
            for r in rows:
                if r.get("device_id") == b_id:
                    r["device_id"] = a_id
        tables["devices"] = [r for r in tables.get("devices", []) if r["id"] != b_id]
        tables["inspections"].append({**one_row(world.office, "inspections", draft),
                                      "place": "李娜改写的地点", "updated_at": later()})

    refused(world, forge(world, world.b, source, as_a,
                         manifest_edit=lambda m: m.update(device_id=a_id)),
            match=f"it claims the device id {a_id[:8]} of a revoked certificate, but its "
                  "signer 李娜 was enrolled before that revocation")


def test_a_row_dated_years_ahead_is_refused(world):
    # Newer wins when two copies meet: a company dated 2099 would win over every correction
    # the office makes later.
    laptop_work(world, world.a)
    source = plain_export(world, world.a)

    def ahead(tables: Rows) -> None:
        tables["companies"][0]["updated_at"] = "2099-01-01T00:00:00+00:00"

    refused(world, forge(world, world.a, source, ahead),
            match="time of last change: is dated 2099-01-01T00:00:00\\+00:00, after today")


def test_one_computer_amends_a_revision_once(world):
    # The window amends a signed revision once on a computer; a bundle bringing two of its
    # amendments would double the signed record's hazards in the office's hazard list.
    import uuid

    signed = signed_record(world, world.a)
    world.import_(world.export(world.a))
    amended = InspectionService(world.a.db, world.a.device, "张伟").amend(signed, "错字")
    source = plain_export(world, world.a)

    def twice(tables: Rows) -> None:
        twin = str(uuid.uuid4())
        row = one(tables, "inspections", id=amended)
        tables["inspections"].append({**row, "id": twin, "number": row["number"] + "B"})
        for table in ("findings", "answers", "inspection_inspectors"):
            for r in [r for r in tables.get(table, []) if r["inspection_id"] == amended]:
                tables[table].append({**r, "inspection_id": twin,
                                      **({"id": str(uuid.uuid4())} if "id" in r else {})})

    refused(world, forge(world, world.a, source, twice),
            match=f"amends inspection {signed} a second time from the same computer")
    world.import_(forge(world, world.a, source))
    assert world.office.db.execute("SELECT COUNT(*) FROM inspections WHERE supersedes_id = ?",
                                   [signed]).fetchone()[0] == 1
