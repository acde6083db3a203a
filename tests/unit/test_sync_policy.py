"""Bundles validly signed by an enrolled laptop that still break the rules: each one is refused
whole, naming the row, with the office's database and photo store byte-identical."""

from __future__ import annotations

import json
import math
import os
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from inspector_app.cli import main
from inspector_app.domain.records import utcnow_iso
from inspector_app.services.inspections import InspectionService
from inspector_app.services.pki import PkiService
from inspector_app.services.sync import bundle as bundle_mod
from inspector_app.services.sync.bundle import BundleRefused, sign_manifest
from inspector_app.services.sync.rows import dump_rows, load_rows
from inspector_app.services.sync.words import ROW_WORDS
from tests.images import corrupt, noisy, png_claiming, truncated_jpeg
from tests.pdf_scenarios import sign_missing
from tests.unit.test_sync import (
    OWN,
    World,
    laptop_work,
    refused,
    seal,
    state,
)

Rows = dict[str, Any]


def plain_export(world: World, ctx, **kw) -> Path:
    """The laptop's bundle before encryption, so a test can rewrite it."""
    from inspector_app.services.sync import export as export_mod

    original = export_mod._recipient
    export_mod._recipient = lambda *a: None
    try:
        return world.export(ctx, **kw)
    finally:
        export_mod._recipient = original


def forge(world: World, ctx, plain: Path, edit: Callable[[Rows], None] | None = None, *,
          files: dict[str, bytes] | None = None, raw: dict[str, bytes] | None = None,
          manifest_edit: Callable[[dict], None] | None = None, encrypt: bool = True,
          signer: tuple | None = None, drop: tuple[str, ...] = ()) -> Path:
    """Rewrite a plain bundle's rows and files (leaving out the entries whose path starts with
    one of ``drop``), sign it with ``ctx``'s own enrolled identity (as a dishonest laptop can)
    and encrypt it for the office."""
    with zipfile.ZipFile(plain) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        entries = {n: zf.read(n) for n in zf.namelist()
                   if n not in ("manifest.json", "manifest.sig.json")
                   and not (drop and n.startswith(drop))}
    tables = {n[5:-6]: list(load_rows(d)) for n, d in entries.items() if n.startswith("rows/")}
    if edit is not None:
        edit(tables)
    entries = {n: d for n, d in entries.items() if not n.startswith("rows/")}
    entries.update({f"rows/{t}.jsonl": dump_rows(r) for t, r in tables.items() if r})
    entries.update(files or {})
    entries.update(raw or {})
    manifest["entries"] = [{"path": n, "sha256": bundle_mod.sha256(d), "size": len(d)}
                           for n, d in sorted(entries.items())]
    manifest["bundle_id"] = str(uuid.uuid4())
    if manifest_edit:
        manifest_edit(manifest)
    manifest_raw = json.dumps(manifest).encode()
    cert, key, chain = signer or PkiService(ctx.db, ctx.device).unlock(OWN)
    out = plain.with_name(f"forged-{manifest['bundle_id'][:8]}.inspx")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", manifest_raw)
        zf.writestr("manifest.sig.json", sign_manifest(manifest_raw, cert, key, chain))
        for name, data in sorted(entries.items()):
            zf.writestr(name, data)
    return seal(world.office, out, out.with_suffix(".sealed.inspx")) if encrypt else out


def one(tables: Rows, table: str, **match) -> dict:
    return next(r for r in tables[table] if all(r.get(k) == v for k, v in match.items()))


def later() -> str:
    """Later than anything the test wrote, not after today (a laptop's clock may run ahead a
    little, not years)."""
    from datetime import UTC, datetime, timedelta

    return (datetime.now(UTC) + timedelta(hours=1)).isoformat(timespec="microseconds")


def signed_record(world: World, ctx, seed: int = 0) -> str:
    from inspector_app.services.signing import SigningService

    inspection = laptop_work(world, ctx, seed=seed)
    service = InspectionService(ctx.db, ctx.device, "张伟")
    finding = service.get(inspection).finding_for_item("a2")
    service.update_finding(finding.id, deadline="2026-12-20")
    assert service.complete(inspection) == []
    sign_missing(ctx, inspection)
    SigningService(ctx.db, ctx.device).sign_inspection(inspection, OWN)
    return inspection


# -- signed records: parts never move --
@pytest.mark.parametrize("table", ["findings", "photos", "record_signatures", "answers"])
def test_the_parts_of_a_signed_record_never_move(world, table):
    signed = signed_record(world, world.a)
    world.import_(world.export(world.a))
    draft = laptop_work(world, world.a, seed=50)
    source = plain_export(world, world.a, full=True)
    moved: list[str] = []

    def move(tables: Rows) -> None:
        part = one(tables, table, inspection_id=signed)
        part["inspection_id"] = draft
        moved.append(part["id"])

    refused(world, forge(world, world.a, source, move), BundleRefused,
            match=f"{ROW_WORDS[table]} {moved[0] if moved else ''}.*inspection record: moves it "
                  "from "
                  f"{signed} to {draft}")


def test_an_inspector_of_a_signed_record_is_not_renamed_by_another_laptop(world):
    signed = signed_record(world, world.a)
    world.import_(world.export(world.a))
    laptop_work(world, world.b, seed=60)
    source = plain_export(world, world.b)
    inspector = world.office.db.execute(
        "SELECT i.id FROM inspectors i JOIN inspection_inspectors t ON t.inspector_id = i.id "
        "WHERE t.inspection_id = ? AND i.name = '张伟'", [signed]).fetchone()[0]
    row = dict(zip([c.name for c in world.office.db["inspectors"].columns],
                   world.office.db.execute("SELECT * FROM inspectors WHERE id = ?",
                                           [inspector]).fetchone(), strict=True))

    def rename(tables: Rows) -> None:
        tables.setdefault("inspectors", []).append(
            {**row, "name": "冒名者", "updated_at": later(), "device_id": world.b.device.id})

    refused(world, forge(world, world.b, source, rename), BundleRefused,
            match=f"inspector {inspector}: was created on another computer")


# -- identity: device ids, audit entries, record signatures --
def test_a_laptop_cannot_claim_another_laptops_device_id(world):
    draft = laptop_work(world, world.a)
    world.import_(world.export(world.a))  # binds A's device id to 张伟
    laptop_work(world, world.b, seed=7)
    source = plain_export(world, world.b)
    a_id = world.a.device.id

    def as_a(tables: Rows) -> None:
        for rows in tables.values():
            for r in rows:
                if r.get("device_id") == world.b.device.id:
                    r["device_id"] = a_id
        tables["inspections"].append({**one_row(world.office, "inspections", draft),
                                      "place": "改写的地点", "updated_at": later()})

    bundle = forge(world, world.b, source, as_a,
                   manifest_edit=lambda m: m.update(device_id=a_id))
    refused(world, bundle, BundleRefused,
            match=f"claims the device id {a_id[:8]}, which belongs to 张伟's computer, but it "
                  "was signed by 李娜")


def test_rows_claiming_another_device_are_refused(world):
    draft = laptop_work(world, world.a)
    world.import_(world.export(world.a))
    laptop_work(world, world.b, seed=8)
    source = plain_export(world, world.b)

    def overwrite(tables: Rows) -> None:
        tables["inspections"].append({**one_row(world.office, "inspections", draft),
                                      "place": "改写的地点", "updated_at": later()})

    refused(world, forge(world, world.b, source, overwrite), BundleRefused,
            match=f"inspection record {draft}, computer that wrote it: names another device")


def test_a_refusal_reads_whole_in_the_users_language(world):
    """The reason inside "the bundle was refused" is translated with it, values kept."""
    draft = laptop_work(world, world.a)
    world.import_(world.export(world.a))
    laptop_work(world, world.b, seed=8)
    source = plain_export(world, world.b)

    def overwrite(tables: Rows) -> None:
        tables["inspections"].append({**one_row(world.office, "inspections", draft),
                                      "place": "改写的地点", "updated_at": later()})

    with pytest.raises(BundleRefused) as refusal:
        world.import_(forge(world, world.b, source, overwrite))
    chinese = refusal.value.localized("zh_CN")
    assert f"检查记录 {draft} 的“写入它的计算机”" in chinese
    assert f"写的是另一台设备（{world.a.device.id[:8]}）" in chinese
    assert "笔记本只能添加或修改自己写的数据" in chinese and "names another" not in chinese


def test_a_forged_audit_entry_is_refused(world):
    draft = laptop_work(world, world.a)
    world.import_(world.export(world.a))
    laptop_work(world, world.b, seed=9)
    source = plain_export(world, world.b)
    entry = {"id": str(uuid.uuid4()), "at": utcnow_iso(), "device_id": world.a.device.id,
             "actor": "张伟", "entity": "inspection", "entity_id": draft,
             "inspection_id": draft, "action": "update", "field": "place",
             "old_value": None, "new_value": "无", "reason": None}
    refused(world, forge(world, world.b, source,
                         lambda t: t["audit_log"].append(entry)), BundleRefused,
            match=f"audit log entry {entry['id']}, computer that wrote it: is attributed to "
                  "another device")
    own = {**entry, "id": str(uuid.uuid4()), "device_id": world.b.device.id, "actor": "王五"}
    refused(world, forge(world, world.b, source,
                         lambda t: t["audit_log"].append(own)), BundleRefused,
            match="who acted: is attributed to '王五', not to the bundle's signer")


def test_a_self_signed_record_signature_is_refused(world):
    from inspector_app.services.documents import canonical_record_data, load_record_data
    from inspector_app.services.pki import pem, self_signed_cert
    from inspector_app.services.signing import sign_data

    signed = signed_record(world, world.a)
    source = plain_export(world, world.a)
    cert, key = self_signed_cert("张伟", "泉台区应急管理局")
    data = canonical_record_data(load_record_data(world.a.db, signed))

    def resign(tables: Rows) -> None:
        row = one(tables, "record_signatures", inspection_id=signed)
        row.update(signature=sign_data(key, data), cert_pem=pem(cert))

    refused(world, forge(world, world.a, source, resign), BundleRefused,
            match=r"digital signature .*signed with a self-signed certificate")


def test_a_record_signature_of_someone_outside_the_team_is_refused(world):
    from inspector_app.services.documents import canonical_record_data, load_record_data
    from inspector_app.services.pki import issue_cert, pem
    from inspector_app.services.signing import sign_data

    signed = signed_record(world, world.a)
    source = plain_export(world, world.a)
    name, root, root_key = PkiService(world.office.db, world.office.device)._org_key(
        "office-secret-1")
    cert, key = issue_cert(root, root_key, "王五", "3205999", name)
    data = canonical_record_data(load_record_data(world.a.db, signed))

    def resign(tables: Rows) -> None:
        row = one(tables, "record_signatures", inspection_id=signed)
        row.update(signature=sign_data(key, data), cert_pem=pem(cert))

    refused(world, forge(world, world.a, source, resign), BundleRefused,
            match=r"digital signature .*signed by 王五, who is not an inspector of that record")


# -- office-only tables --
def _office_row(world: World, table: str, where: str = "1 = 1") -> dict:
    cursor = world.office.db.execute(f"SELECT * FROM {table} WHERE {where} LIMIT 1")
    names = [d[0] for d in cursor.description]
    return dict(zip(names, cursor.fetchone(), strict=True))


def one_row(ctx, table: str, key: str) -> dict:
    cursor = ctx.db.execute(f"SELECT * FROM {table} WHERE id = ?", [key])
    names = [d[0] for d in cursor.description]
    row = dict(zip(names, cursor.fetchone(), strict=True))
    row.pop("conflict_of", None)
    return row


@pytest.mark.parametrize("case", ["revoke", "unrevoke", "office device", "template"])
def test_office_only_tables_are_refused_from_a_laptop(world, case):
    from tests.factories import SMALL_TEMPLATE, add_template

    office = PkiService(world.office.db, world.office.device)
    _data, info = office.issue("王五", "3205009", "office-secret-1", "one-time-pass-2")
    office.revoke(info.serial, "office-secret-1", "left the bureau")
    add_template(world.office.db, {**SMALL_TEMPLATE, "id": "office-only"})
    laptop_work(world, world.a)
    source = plain_export(world, world.a)
    own = world.a.device.id
    b_serial = PkiService(world.b.db, world.b.device).identity()[0].serial
    revocation = _office_row(world, "revocations")
    office_device = _office_row(world, "devices", "is_self = 1")
    office_device.pop("is_self")
    template = _office_row(world, "templates", "key = 'office-only@1'")
    table, row = {
        "revoke": ("revocations", {**revocation, "id": str(uuid.uuid4()), "serial": b_serial,
                                   "device_id": own, "updated_at": later()}),
        "unrevoke": ("revocations", {**revocation, "serial": "ffff", "device_id": own,
                                     "updated_at": later()}),
        "office device": ("devices", {**office_device, "doc_prefix": "FAKE", "device_id": own,
                                      "updated_at": later()}),
        "template": ("templates", {**template, "title_zh": "改写的标准", "device_id": own,
                                   "updated_at": later()}),
    }[case]
    # What the rows are, as the supervisor reading the refusal calls them.
    words = {"revocations": "certificate revocations", "devices": "computers",
             "templates": "checklists"}[table]
    bundle = forge(world, world.a, source, lambda t: t.setdefault(table, []).append(row))
    refused(world, bundle, BundleRefused,
            match=f"{ROW_WORDS[table]} .*: only the office may add or change {words}")


def test_a_laptop_bundle_must_be_encrypted(world):
    laptop_work(world, world.a)
    refused(world, plain_export(world, world.a), BundleRefused,
            match="without encryption; a laptop's bundle must be encrypted for the office")


# -- files inside bundles are re-validated --
def _photo_case(world: World, tmp_path: Path, kind: str) -> tuple[bytes, str]:
    path = tmp_path / f"bad-{kind}"
    if kind == "not an image":
        return corrupt(path).read_bytes(), ".jpg"
    if kind == "bomb":
        return png_claiming(path, 40_000, 40_000).read_bytes(), ".png"
    if kind == "truncated":
        return truncated_jpeg(path).read_bytes(), ".jpg"
    buffer = __import__("io").BytesIO()
    noisy((64, 48)).save(buffer, "PNG")
    return buffer.getvalue(), ".jpg"   # a PNG that calls itself a JPEG


@pytest.mark.parametrize("kind", ["not an image", "bomb", "truncated", "misnamed"])
def test_photos_in_a_bundle_are_validated_like_local_ingest(world, tmp_path, kind):
    inspection = laptop_work(world, world.a)
    source = plain_export(world, world.a)
    data, ext = _photo_case(world, tmp_path, kind)
    sha = bundle_mod.sha256(data)

    def point(tables: Rows) -> None:
        photo = one(tables, "photos", inspection_id=inspection)
        tables["photos"].append({**photo, "id": str(uuid.uuid4()), "sha256": sha})

    bundle = forge(world, world.a, source, point, files={f"photos/{sha}{ext}": data})
    refused(world, bundle, BundleRefused, match=f"the photo 'photos/{sha}{ext}' is not accepted")


def test_a_document_that_is_not_a_pdf_is_refused(world):
    from tests.unit.test_sync_documents import made_order

    made_order(world)
    source = plain_export(world, world.a)
    data = b"%PDF-1.7\nthis is not really a PDF\n"
    sha = bundle_mod.sha256(data)

    def point(tables: Rows) -> None:
        tables["documents"][0]["file_sha256"] = sha

    refused(world, forge(world, world.a, source, point, files={f"documents/{sha}.pdf": data},
                         drop=("documents/",)),
            BundleRefused, match=f"the document 'documents/{sha}.pdf' is not accepted")


def test_a_pdf_no_document_names_is_refused_before_it_is_opened(world, monkeypatch):
    # A readable PDF, but of no document the bundle carries: it would sit in the office's
    # store, checked and unused.
    from inspector_app.services.sync import files as files_module
    from tests.unit.test_sync_documents import made_order

    sha, data = made_order(world)
    source = plain_export(world, world.a)
    opened: list[bytes] = []
    real = files_module.check_pdf
    monkeypatch.setattr(files_module, "check_pdf", lambda d: opened.append(d) or real(d))

    def unnamed(tables: Rows) -> None:
        tables["documents"][0]["file_sha256"] = None

    refused(world, forge(world, world.a, source, unnamed), BundleRefused,
            match=f"the file 'documents/{sha}.pdf' is the file of none of its documents")
    assert opened == [] and not world.office.data_dir.documents.exists()
    assert data


def test_refused_import_leaves_no_photo_file(world):
    """New, valid photos in a bundle whose rows are refused: the store stays as it was."""
    laptop_work(world, world.a, photos=3)
    source = plain_export(world, world.a)

    def bad(tables: Rows) -> None:
        tables["companies"][0]["name"] = "x" * 300

    before = refused(world, forge(world, world.a, source, bad), BundleRefused,
                     match="company .*, name: longer than 200 characters")
    assert before[1] == {}  # there was no photo before, and there is none now


# -- row schema --
def _schema_cases() -> dict[str, tuple[Callable[[Rows], None], str]]:
    def company(**change):
        def edit(t: Rows) -> None:
            t["companies"][0].update(change)
        return edit

    def drop(table: str, column: str):
        def edit(t: Rows) -> None:
            del t[table][0][column]
        return edit

    def flood(t: Rows) -> None:
        base = t["companies"][0]
        t["companies"] += [{**base, "id": f"c{n}", "credit_code": None}
                           for n in range(50_001)]

    return {
        "unknown column": (company(secret="x"),
                           "carries a field companies do not have \\(secret\\)"),
        "int id": (company(id=12345), "id: must be text"),
        "NaN": (lambda t: t["photos"][0].update(gps_lat=math.nan),
                "latitude: is not a finite number"),
        "boolean": (company(name=True), "name: is true/false"),
        "9 MB string": (company(notes=os.urandom(4_500_000).hex()),
                        "notes: longer than 20,000"),
        "control character": (company(name="泉台\x1b[2J公司"),
                              "name: contains control characters"),
        "direction override": (lambda t: t["findings"][0].update(responsible="张\u202e三"),
                               "person responsible: contains line breaks, tabs or direction "
                               "overrides"),
        "100,000 companies": (flood, "more than a bundle may carry"),
        "missing id": (drop("answers", "id"), "id: is missing"),
        "missing inspection_id": (drop("findings", "inspection_id"),
                                  "inspection record: is missing"),
        "missing inspector_id": (drop("inspection_inspectors", "inspector_id"),
                                 "inspector: is missing"),
        "2^70": (lambda t: t["findings"][0].update(seq=2**70), "sequence number: is out of range"),
        "bad status": (lambda t: t["findings"][0].update(status="gone"),
                       "status: is 'gone', not one of"),
        "bad date": (lambda t: t["findings"][0].update(deadline="soon"),
                     "rectification deadline: is not a date or time"),
        "template not JSON": (lambda t: t["templates"][0].update(definition="{not json"),
                              "checklist .*checklist content: is not valid JSON"),
        "template empty": (lambda t: t["templates"][0].update(definition="{}"),
                           "checklist .*checklist content: is not a checklist \\("),
        "template wrong types": (
            lambda t: t["templates"][0].update(definition=json.dumps(
                {"id": 5, "version": [], "title": 3, "sections": "abc"})),
            "checklist .*checklist content: is not a checklist \\("),
        "template hash": (lambda t: t["templates"][0].update(content_hash="0" * 64),
                          "checklist .*checklist content: does not match its content fingerprint"),
        "row not an object": (lambda t: t.__setitem__("answers", []), ""),
    }


@pytest.mark.parametrize("case", [c for c in _schema_cases() if c != "row not an object"])
def test_rows_that_break_their_schema_are_refused_naming_the_row(world, case):
    laptop_work(world, world.a)
    source = plain_export(world, world.a)
    edit, message = _schema_cases()[case]
    refused(world, forge(world, world.a, source, edit), BundleRefused, match=message)


def test_a_row_that_is_not_an_object_is_refused(world):
    laptop_work(world, world.a)
    source = plain_export(world, world.a)
    bundle = forge(world, world.a, source, raw={"rows/companies.jsonl": b"[1, 2, 3]\n"})
    refused(world, bundle, match="not a complete Inspector bundle")


def test_a_refusal_names_table_id_column_and_reason_on_the_command_line(world, capsys,
                                                                         tmp_path):
    laptop_work(world, world.a)
    source = plain_export(world, world.a)
    company = {}

    def bad(t: Rows) -> None:
        company.update(t["companies"][0])
        t["companies"][0]["seq"] = 1

    bundle = forge(world, world.a, source, bad)
    org = tmp_path / "org"
    org.write_text("office-secret-1")
    world.office.close()
    before = state(world.office)
    code = main(["--data-dir", str(world.office.data_dir.root), "sync", "import", str(bundle),
                 "--passphrase-file", str(org)])
    err = capsys.readouterr().err
    assert code == 1
    sender = f"{world.a.device.name} ({world.a.device.doc_prefix})"
    assert (f"The bundle from {sender} was refused: company {company['id']}: carries a field "
            "companies do not have (seq); unknown fields are not accepted") in err
    assert "Nothing was changed" in err
    assert state(world.office) == before


def test_a_signed_record_keeps_its_inspectors_names(world):
    """Renaming an inspector afterwards, at the office or by sync, leaves signed records as
    they were signed."""
    from inspector_app.services.signing import SigningService

    signed = signed_record(world, world.a)
    world.import_(world.export(world.a))
    with world.office.db.atomic():
        world.office.db.execute("UPDATE inspectors SET name = '改名后', enforcement_id = 'X' "
                                "WHERE name = '张伟'")
    record = InspectionService(world.office.db, world.office.device).get(signed)
    assert "张伟" in [i.name for i in record.inspectors]
    assert SigningService(world.office.db, world.office.device).check_record(signed) == (
        True, "the record matches its signature")


def test_every_synced_column_has_a_declared_schema(ctx):
    """A new column in a synced table needs its rule in row_schema, or bundles refuse it.
    (The schema may also know columns and tables of a newer database.)"""
    from inspector_app.services.sync.row_schema import MAX_ROWS, SCHEMAS
    from inspector_app.services.sync.tables import LOCAL_COLUMNS, TABLES

    for spec in TABLES:
        columns = {c.name for c in ctx.db[spec.name].columns}
        assert columns - set(LOCAL_COLUMNS.get(spec.name, ())) <= set(SCHEMAS[spec.name]), \
            spec.name
        assert spec.name in MAX_ROWS


def test_a_laptop_handed_on_after_its_owner_was_revoked_binds_to_the_new_owner(world):
    laptop_work(world, world.a)
    world.import_(world.export(world.a))
    office = PkiService(world.office.db, world.office.device)
    office.revoke(PkiService(world.a.db, world.a.device).identity()[0].serial,
                  "office-secret-1", "left the bureau")
    data, _ = office.issue("王五", "3205009", "office-secret-1", "one-time-pass-2")
    PkiService(world.a.db, world.a.device).import_identity(data, "one-time-pass-2", OWN)
    laptop_work(world, world.a, seed=70)
    assert world.import_(world.export(world.a)).status == "imported"
    bound = world.office.db.execute("SELECT signer_name FROM sync_device_signers WHERE "
                                    "device_id = ?", [world.a.device.id]).fetchone()
    assert bound == ("王五",)


def test_nothing_is_added_to_a_signed_record(world):
    signed = signed_record(world, world.a)
    world.import_(world.export(world.a))
    source = plain_export(world, world.a, full=True)
    added: list[str] = []

    def add(tables: Rows) -> None:
        finding = dict(one(tables, "findings", inspection_id=signed))
        finding.update(id=str(uuid.uuid4()), seq=99, description="事后补加的隐患")
        tables["findings"].append(finding)
        added.append(finding["id"])

    refused(world, forge(world, world.a, source, add), BundleRefused,
            match=f"hazard {added[0] if added else ''}: adds to inspection {signed}, which "
                  "is signed and locked")


def test_a_laptop_cannot_change_the_team_of_another_laptops_draft(world):
    draft = laptop_work(world, world.a)
    world.import_(world.export(world.a))
    laptop_work(world, world.b, seed=11)
    source = plain_export(world, world.b)
    stranger = world.b.db.execute("SELECT id FROM inspectors WHERE device_id = ?",
                                  [world.b.device.id]).fetchone()[0]

    def join(tables: Rows) -> None:
        tables["inspection_inspectors"].append(
            {"inspection_id": draft, "inspector_id": stranger, "position": 5})

    refused(world, forge(world, world.b, source, join), BundleRefused,
            match="inspection team member .*: changes the team of an inspection another device "
                  "wrote")


def test_what_a_laptop_saves_always_fits_a_bundle(world):
    """The limits a bundle is held to are the limits of entry, so no saved text strands one."""
    from inspector_app.errors import ValidationError

    draft = laptop_work(world, world.a)
    service = InspectionService(world.a.db, world.a.device, "张伟")
    with pytest.raises(ValidationError, match="The note is not accepted: longer than 20,000"):
        service.set_note(draft, "a1", "长" * 20_001)
    with pytest.raises(ValidationError, match="The description is not accepted: contains "
                                              "control characters"):
        service.add_finding(draft, description="配电箱\x0c门缺失", grade="general")
    service.set_note(draft, "a1", "长" * 20_000)
    assert world.import_(world.export(world.a)).status == "imported"


def test_a_photo_may_not_show_a_hazard_of_another_inspection(world):
    # The window attaches a photo only to a hazard of its own record; a forged bundle from an
    # enrolled laptop may not do what the window refuses.
    x = laptop_work(world, world.a, photos=1, seed=1)
    y = laptop_work(world, world.a, photos=1, seed=2)
    source = plain_export(world, world.a)
    hazard: list[str] = []

    def cross(tables: Rows) -> None:
        finding = one(tables, "findings", inspection_id=y)
        one(tables, "photos", inspection_id=x)["finding_id"] = finding["id"]
        hazard.append(finding["id"])

    before = state(world.office)
    refused(world, forge(world, world.a, source, cross), BundleRefused,
            match=f"hazard: names hazard {hazard[0] if hazard else ''} of another "
                  f"inspection \\({y}\\)")
    assert state(world.office) == before


def reinspected(world: World, ctx, seed: int = 0) -> tuple[str, str]:
    """A completed inspection and a re-inspection of it with a result for its general hazard:
    (the inspection, the re-inspection)."""
    from inspector_app.services.reinspection import RECTIFIED, ReinspectionService

    inspection = laptop_work(world, ctx, photos=1, seed=seed)
    service = InspectionService(ctx.db, ctx.device, "张伟")
    service.update_finding(service.get(inspection).finding_for_item("a2").id,
                           deadline="2026-12-20")
    assert service.complete(inspection) == []
    team = [i.id for i in service.repo.inspectors(inspection)]
    again = ReinspectionService(ctx.db, ctx.device, "张伟")
    reinspection = again.start(inspection, team, started_at="2026-12-10T09:00+08:00")
    general = next(f for f in again.hazards(reinspection) if f.item_id is None)
    again.record_result(reinspection, general.id, RECTIFIED)
    return inspection, reinspection


def test_a_reinspection_result_may_not_name_a_hazard_of_another_inspection(world):
    # The window records a result only for a hazard of the inspection the re-inspection
    # follows; a forged bundle naming another inspection's hazard is refused whole.
    _x, reinspection = reinspected(world, world.a, seed=1)
    y = laptop_work(world, world.a, photos=0, seed=2)
    source = plain_export(world, world.a)
    named: list[str] = []

    def cross(tables: Rows) -> None:
        finding = one(tables, "findings", inspection_id=y)
        result = one(tables, "reinspection_results", reinspection_id=reinspection)
        result["finding_id"] = finding["id"]
        named.extend([result["id"], finding["id"]])

    before = state(world.office)
    with pytest.raises(BundleRefused) as caught:
        world.import_(forge(world, world.a, source, cross))
    assert (f"re-inspection result {named[0]}, hazard: names hazard {named[1]}, a "
            f"hazard of inspection {y}; re-inspection {reinspection} follows inspection"
            in str(caught.value))
    assert state(world.office) == before


def test_a_reinspection_completed_without_its_signatures_is_refused(world):
    # `reinspect complete` once completed a re-inspection nobody had signed; the window never
    # did. A laptop's bundle bringing one (or dropping the signatures) is refused whole.
    from inspector_app.services.reinspection import ReinspectionService

    reinspection = completed_reinspection(world)
    service = ReinspectionService(world.a.db, world.a.device, "张伟")
    team = [i.name for i in service.get(reinspection).inspectors]
    source = plain_export(world, world.a)

    def unsigned(tables: Rows) -> None:
        tables["signatures"] = [r for r in tables["signatures"]
                                if r["inspection_id"] != reinspection
                                or (r["role"] == "inspector" and r["signer_name"] == team[0])]

    before = state(world.office)
    with pytest.raises(BundleRefused) as caught:
        world.import_(forge(world, world.a, source, unsigned))
    assert (f"inspection record {reinspection}, status: is completed without the signatures "
            f"it needs (inspector {team[1]}; the company's person in charge (or their refusal "
            f"and a witness)); a re-inspection is completed only once they are given"
            in str(caught.value)), str(caught.value)
    assert state(world.office) == before
    # Signed by everyone it needs: accepted.
    world.import_(forge(world, world.a, source))
    assert world.office.reinspection.get(reinspection).status.value == "completed"


def test_a_reinspection_result_naming_a_hazard_already_at_the_office_is_checked(world):
    # The hazard named may be one the office already has (sent in an earlier bundle): it is
    # read from the office's database by its key.
    y = laptop_work(world, world.a, photos=0, seed=2)
    world.import_(world.export(world.a))
    other = world.a.db.execute("SELECT id FROM findings WHERE inspection_id = ?",
                               [y]).fetchone()[0]
    _x, reinspection = reinspected(world, world.a, seed=1)
    source = plain_export(world, world.a, full=True)

    def cross(tables: Rows) -> None:
        tables["findings"] = [r for r in tables["findings"] if r["inspection_id"] != y]
        one(tables, "reinspection_results", reinspection_id=reinspection)["finding_id"] = other

    before = state(world.office)
    refused(world, forge(world, world.a, source, cross), BundleRefused,
            match=f"hazard: names hazard {other}, a hazard of inspection {y}")
    assert state(world.office) == before


def test_a_result_is_recorded_only_by_a_reinspection(world):
    x, reinspection = reinspected(world, world.a, seed=1)
    source = plain_export(world, world.a)

    def by_the_inspection(tables: Rows) -> None:
        one(tables, "reinspection_results", reinspection_id=reinspection)["reinspection_id"] = x

    refused(world, forge(world, world.a, source, by_the_inspection), BundleRefused,
            match=f"re-inspection: names {x}, which is not a re-inspection")


def test_a_reinspection_follows_an_inspection_of_its_own_company(world):
    _x, reinspection = reinspected(world, world.a, seed=1)
    source = plain_export(world, world.a)

    def elsewhere(tables: Rows) -> None:
        other = dict(one(tables, "companies"), id=str(uuid.uuid4()), name="另一家公司")
        tables["companies"].append(other)
        one(tables, "inspections", id=reinspection)["company_id"] = other["id"]

    refused(world, forge(world, world.a, source, elsewhere), BundleRefused,
            match=f"inspection record {reinspection}, inspection it follows: follows .*, an "
                  "inspection of another company")


def test_an_amended_hazard_comes_from_the_revision_it_corrects(world):
    signed = signed_record(world, world.a)
    amended = InspectionService(world.a.db, world.a.device, "张伟").amend(signed, "错字")
    y = laptop_work(world, world.a, photos=0, seed=2)
    source = plain_export(world, world.a)
    named: list[str] = []

    def cross(tables: Rows) -> None:
        stranger = one(tables, "findings", inspection_id=y)
        copy = next(r for r in tables["findings"] if r["inspection_id"] == amended
                    and r["origin_finding_id"])
        copy["origin_finding_id"] = stranger["id"]
        named.append(stranger["id"])

    refused(world, forge(world, world.a, source, cross), BundleRefused,
            match=f"hazard it was copied from: names hazard {named[0] if named else ''} of "
                  f"inspection {y}, which inspection {amended} does not amend")


@pytest.mark.parametrize("table, copied, placed, rows", [
    ("answers", 1, 2, "numbers 2 and 3 of its checklist answers"),
    # Audit entries are staged as values, keyed apart from the other tables' rows: a repeat
    # is still found and named as any other row's is.
    ("audit_log", 0, 3, "numbers 1 and 4 of its audit log entries"),
])
def test_a_row_carried_twice_is_named_with_both_of_its_places(world, table, copied, placed,
                                                              rows):
    # The second copy of a row follows another row: the refusal names that row's key and the
    # two places it stands in its entry, not the row before it.
    laptop_work(world, world.a)
    source = plain_export(world, world.a)
    twice: list[str] = []

    def copy(tables: Rows) -> None:
        entries = tables[table]
        entries.insert(placed, dict(entries[copied]))
        twice.append(entries[copied]["id"])

    bundle = forge(world, world.a, source, copy)
    refused(world, bundle, BundleRefused,
            match=f"{ROW_WORDS[table]} {twice[0]}: appears twice in the bundle \\({rows}\\)")


def test_only_a_reinspection_opinion_follows_a_document(world):
    from tests.pdf_scenarios import services

    inspection = laptop_work(world, world.a, photos=0)
    _, _, docs = services(world.a)
    docs.export(inspection, "order", "zh_CN", world.root / "整改指令书.pdf")
    source = plain_export(world, world.a)
    named: list[str] = []

    def follows(tables: Rows) -> None:
        order = one(tables, "documents", doc_type="order")
        order["follows_document_id"] = order["id"]
        named.append(order["id"])

    refused(world, forge(world, world.a, source, follows), BundleRefused,
            match=f"document {named[0] if named else ''}, document it follows: is a "
                  "document of type order that names .* to follow; only a re-inspection "
                  "opinion")


def test_a_reinspection_opinion_follows_the_order_of_the_inspection_it_follows(world):
    from inspector_app.services.reinspection import NOT_RECTIFIED, ReinspectionService
    from tests.pdf_scenarios import services, sign_missing

    x, reinspection = reinspected(world, world.a, seed=1)
    y = laptop_work(world, world.a, photos=0, seed=2)
    InspectionService(world.a.db, world.a.device, "张伟").complete(y)
    _, _, docs = services(world.a)
    docs.export(x, "order", "zh_CN", world.root / "x.pdf")
    docs.export(y, "order", "zh_CN", world.root / "y.pdf")
    again = ReinspectionService(world.a.db, world.a.device, "张伟")
    for hazard in again.missing(reinspection):
        again.record_result(reinspection, hazard.id, NOT_RECTIFIED, "2099-01-15")
    sign_missing(world.a, reinspection)
    assert again.complete(reinspection).completed
    docs.export(reinspection, "reinspection", "zh_CN", world.root / "r.pdf")
    source = plain_export(world, world.a)
    other: list[str] = []

    def elsewhere(tables: Rows) -> None:
        order = one(tables, "documents", inspection_id=y, doc_type="order")
        one(tables, "documents", doc_type="reinspection")["follows_document_id"] = order["id"]
        other.append(order["id"])

    refused(world, forge(world, world.a, source, elsewhere), BundleRefused,
            match=f"document it follows: follows document {other[0] if other else ''} "
                  f"\\(order of inspection {y}\\); a re-inspection opinion follows the order")
    assert world.import_(forge(world, world.a, source)).status == "imported"


def test_a_planned_visit_is_started_as_an_inspection_of_its_own_company(world):
    from inspector_app.services.plans import PlanService
    from inspector_app.services.sync import export_bundle, import_bundle
    from inspector_app.storage.repositories import InspectorRepo
    from tests.factories import add_company, add_template
    from tests.unit.test_sync import ORG_PASS

    office, laptop = world.office, world.a
    company = add_company(office.db, name="泉台纺织有限公司")
    key = add_template(office.db)
    repo = InspectorRepo(office.db, office.device.id)
    team = [repo.add("张伟", "32050012", "泉台区应急管理局").id,
            repo.add("李娜", "32050013", "泉台区应急管理局").id]
    plan = PlanService(office.db, office.device, "王科长").add(company, key, "2026-12-10", team)
    dest = world.root / "to-laptops"
    dest.mkdir()
    import_bundle(laptop.db, laptop.data_dir, laptop.device,
                  export_bundle(office.db, office.data_dir, office.device, dest,
                                passphrase=ORG_PASS))
    PlanService(laptop.db, laptop.device, "张伟").start(plan)
    other = laptop_work(world, laptop, photos=0, seed=3)  # an inspection of another company
    source = plain_export(world, laptop)

    def elsewhere(tables: Rows) -> None:
        one(tables, "planned_inspections", id=plan)["inspection_id"] = other

    refused(world, forge(world, laptop, source, elsewhere), BundleRefused,
            match=f"planned inspection {plan}, inspection record: names inspection "
                  f"{other} of another company")
    assert world.import_(forge(world, laptop, source)).status == "imported"


def blank_png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGBA", (600, 200), (0, 0, 0, 0)).save(buffer, "PNG")
    return buffer.getvalue()


def completed_reinspection(world: World) -> str:
    """A re-inspection completed and signed on laptop a, not yet sent."""
    from inspector_app.services.reinspection import NOT_RECTIFIED, ReinspectionService

    _x, reinspection = reinspected(world, world.a, seed=1)
    service = ReinspectionService(world.a.db, world.a.device, "张伟")
    for hazard in service.missing(reinspection):
        service.record_result(reinspection, hazard.id, NOT_RECTIFIED, "2099-01-15")
    sign_missing(world.a, reinspection)
    assert service.complete(reinspection).completed
    return reinspection


@pytest.mark.parametrize("blank, words", [
    (lambda row: row.update(strokes='{"pad":[600,200],"strokes":[[[10,10,0,0.5]]]}'),
     "strokes: is not drawn: its strokes hold fewer than two points"),
    (lambda row: row.update(strokes='{"pad":[600,200],"strokes":[[[10,10,0,0.5],'
                                    '[14,11,9,0.5]]]}'),
     "strokes: is not drawn: its ink is too short to be a signature"),
    (lambda row: row.update(png=blank_png()),
     "The signature image is blank"),
    (lambda row: row.update(strokes='{"pad":[600,200],"strokes":[[["x","y"]]]}'),
     "strokes: cannot be read as the strokes of a signature"),
])
def test_a_signature_that_is_not_drawn_is_refused(world, blank, words):
    # The Signatures dialog refuses a tap, a flick or a blank image; an enrolled laptop's
    # bundle completing a record with such a "signature" is refused whole.
    reinspection = completed_reinspection(world)
    source = plain_export(world, world.a)
    named: list[str] = []

    def undrawn(tables: Rows) -> None:
        row = one(tables, "signatures", inspection_id=reinspection, role="company")
        blank(row)
        named.append(row["id"])

    before = state(world.office)
    with pytest.raises(BundleRefused) as caught:
        world.import_(forge(world, world.a, source, undrawn))
    assert f"signature {named[0]}, " in str(caught.value), str(caught.value)
    assert words in str(caught.value), str(caught.value)
    assert state(world.office) == before
    world.import_(forge(world, world.a, source))
    assert world.office.reinspection.get(reinspection).status.value == "completed"


def test_a_refusal_to_sign_carries_no_signature(world):
    reinspection = completed_reinspection(world)
    source = plain_export(world, world.a)

    def witness_refuses(tables: Rows) -> None:
        one(tables, "signatures", inspection_id=reinspection, role="inspector")["refused"] = 1

    before = state(world.office)
    refused(world, forge(world, world.a, source, witness_refuses), BundleRefused,
            match="is a refusal to sign that carries a signature")
    assert state(world.office) == before


def test_a_reinspection_completed_without_its_team_is_refused(world):
    # Who still has to sign is read from the team; a bundle leaving the team out (so that
    # nobody seems to be missing) is refused, whatever the office holds of that record.
    reinspection = completed_reinspection(world)
    source = plain_export(world, world.a)

    def no_team(tables: Rows) -> None:
        tables["inspection_inspectors"] = [r for r in tables["inspection_inspectors"]
                                           if r["inspection_id"] != reinspection]

    before = state(world.office)
    refused(world, forge(world, world.a, source, no_team), BundleRefused,
            match=f"inspection record {reinspection}, status: is completed without the "
                  "inspectors who did it")
    assert state(world.office) == before
