"""Sync bundles: round trip, idempotency, order independence, conflicts, and every refusal."""

from __future__ import annotations

import errno
import hashlib
import itertools
import json
import shutil
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from inspector_app.cli import main
from inspector_app.errors import (
    DiskFullError,
    Hint,
    InspectorError,
    NewerVersionError,
    NotFoundError,
)
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.inspections import InspectionService
from inspector_app.services.pki import PkiService
from inspector_app.services.sync import bundle as bundle_mod
from inspector_app.services.sync import export as export_mod
from inspector_app.services.sync import export_bundle, import_bundle
from inspector_app.services.sync.bundle import BundleRefused, sign_manifest
from inspector_app.services.sync.tables import TABLES
from tests.pdf_scenarios import add_photos, official_inspection, sign_missing

ORG_PASS = "office-secret-1"
ONE_TIME = "one-time-pass-2"
OWN = "my-own-passphrase"
SKIP_COLUMNS = {"devices": {"is_self"}, "inspections": {"conflict_of"}}


class World:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.office = self.ctx("office")
        PkiService(self.office.db, self.office.device).init_org("泉台区应急管理局", ORG_PASS)
        self.a = self.laptop("a", "张伟")
        self.b = self.laptop("b", "李娜")

    def ctx(self, name: str) -> AppContext:
        return AppContext(DataDir(self.root / name))

    def laptop(self, name: str, person: str, office: AppContext | None = None) -> AppContext:
        office = office or self.office
        ctx = self.ctx(name)
        data, _ = PkiService(office.db, office.device).issue(person, "3205001", ORG_PASS,
                                                             ONE_TIME)
        PkiService(ctx.db, ctx.device).import_identity(data, ONE_TIME, OWN)
        return ctx

    def export(self, ctx: AppContext, **kw) -> Path:
        dest = self.root / "usb"
        dest.mkdir(exist_ok=True)
        return export_bundle(ctx.db, ctx.data_dir, ctx.device, dest, passphrase=OWN, **kw)

    def import_(self, bundle: Path, ctx: AppContext | None = None, **kw):
        ctx = ctx or self.office
        kw.setdefault("org_passphrase", ORG_PASS)
        return import_bundle(ctx.db, ctx.data_dir, ctx.device, bundle, **kw)

    def seal(self, plain_bundle: Path) -> Path:
        """A plain bundle encrypted for the office, as a laptop sends it."""
        return seal(self.office, plain_bundle)

    def close(self) -> None:
        for ctx in (self.office, self.a, self.b):
            ctx.close()


def seal(office: AppContext, plain_bundle: Path, out: Path | None = None,
         bundle_id: str | None = None) -> Path:
    from inspector_app.services.sync import envelope

    org_cert = PkiService(office.db, office.device).org()[1]
    if bundle_id is None:
        with zipfile.ZipFile(plain_bundle) as zf:
            bundle_id = json.loads(zf.read("manifest.json"))["bundle_id"]
    _header, raw, ephemeral = envelope.make_header(org_cert, bundle_id)
    out = out or plain_bundle.with_name(plain_bundle.stem + "-sealed.inspx")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
        zf.writestr("envelope.json", raw)
        with open(plain_bundle, "rb") as source, zf.open("payload.bin", "w",
                                                          force_zip64=True) as sink:
            envelope.encrypt_stream(org_cert, raw, ephemeral, source, sink,
                                    plain_bundle.stat().st_size)
    return out


@pytest.fixture
def plain(monkeypatch):
    """Bundles without the envelope, so tests can reach inside them."""
    monkeypatch.setattr(export_mod, "_recipient", lambda *a: None)


def rows(ctx: AppContext, table: str) -> dict[str, dict]:
    spec = next(t for t in TABLES if t.name == table)
    cursor = ctx.db.execute(f"SELECT * FROM {table}")
    names = [d[0] for d in cursor.description]
    out = {}
    for r in cursor.fetchall():
        row = {k: v for k, v in zip(names, r, strict=True)
               if k not in SKIP_COLUMNS.get(table, ())}
        out["/".join(str(row[k]) for k in spec.key)] = row
    return out


def photo_files(ctx: AppContext) -> dict[str, bytes]:
    root = ctx.data_dir.photos / "originals"
    return {p.name: p.read_bytes() for p in root.rglob("*") if p.is_file()} if root.exists() \
        else {}


def state(ctx: AppContext) -> tuple[str, dict[str, str]]:
    """The database files and the photo store, byte for byte."""
    digest = hashlib.sha256()
    for suffix in ("", "-wal"):
        path = Path(f"{ctx.data_dir.database}{suffix}")
        digest.update(path.read_bytes() if path.exists() else b"-")
    store = ctx.data_dir.photos
    files = {str(p.relative_to(store)): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in store.rglob("*") if p.is_file()} if store.exists() else {}
    return digest.hexdigest(), files


def laptop_work(w: World, ctx: AppContext, photos: int = 2, seed: int = 0) -> str:
    built = official_inspection(ctx)
    add_photos(ctx, built.inspection_id, w.root / f"cam{seed}", photos, size=(64, 48), seed=seed)
    return built.inspection_id


def assert_carried(src: AppContext, dst: AppContext) -> None:
    for spec in TABLES:
        if spec.name == "templates":  # the office's library; inspections carry a snapshot
            continue
        if spec.name == "trust_roots":  # same roots; the office keeps its own rows
            assert set(rows(src, spec.name)) <= set(rows(dst, spec.name))
            continue
        theirs = rows(dst, spec.name)
        for key, row in rows(src, spec.name).items():
            assert theirs.get(key) == row, (spec.name, key)
    mine = photo_files(src)
    assert mine and all(photo_files(dst).get(name) == data for name, data in mine.items())


# -- round trip, idempotency --
def test_round_trip_every_row_and_photo(world):
    laptop_work(world, world.a, photos=3)
    bundle = world.export(world.a)
    assert bundle.name.startswith("inspector-QT01-") and bundle.suffix == ".inspx"
    assert not list(bundle.parent.glob("*.part"))
    with zipfile.ZipFile(bundle) as zf:  # encrypted for the office: nothing readable inside
        assert sorted(zf.namelist()) == ["envelope.json", "payload.bin"]
    report = world.import_(bundle)
    assert report.status == "imported" and report.photos_added == 3
    assert report.tables["inspections"].added == 1
    assert_carried(world.a, world.office)
    text = "\n".join(report.lines())
    assert "inspection records: 1 added" in text


def test_importing_twice_changes_nothing(world):
    laptop_work(world, world.a)
    bundle = world.export(world.a)
    world.import_(bundle)
    before = state(world.office)
    again = world.import_(bundle)
    assert again.status == "already imported"
    assert "Already imported" in again.lines()[0]
    assert state(world.office) == before


def test_incremental_export_carries_only_changes(world):
    inspection = laptop_work(world, world.a)
    world.import_(world.export(world.a))
    InspectionService(world.a.db, world.a.device, "张伟").set_note(inspection, "a1", "改过了")
    second = world.import_(world.export(world.a))
    assert second.tables["inspections"].updated == 1
    # An inspection travels with its company (identical here) so any bundle applies alone.
    assert second.tables["companies"].skipped["identical"] == 1
    assert second.tables["answers"].updated == 1
    assert second.tables["photos"].added == 0 and second.photos_added == 0
    assert_carried(world.a, world.office)


def test_dry_run_changes_nothing(world):
    laptop_work(world, world.a)
    bundle = world.export(world.a)
    before = state(world.office)
    report = world.import_(bundle, dry_run=True)
    assert report.status == "dry run" and report.tables["inspections"].added == 1
    assert state(world.office) == before
    assert world.import_(bundle).status == "imported"


# -- order independence --
def comparable(ctx: AppContext) -> dict:
    out = {spec.name: rows(ctx, spec.name) for spec in TABLES}
    # Each import audits itself with its own id and time; the rest must match exactly.
    out["audit_log"] = {k: r for k, r in out["audit_log"].items()
                        if r["entity"] != "sync_bundle"}
    for table in ("devices", "trust_roots"):
        out[table] = {k: {c: v for c, v in r.items() if c not in ("created_at", "updated_at",
                                                                    "device_id")}
                      for k, r in out[table].items()}
    out["copies"] = sorted(r for r in ctx.db.execute(
        "SELECT id, conflict_of FROM inspections WHERE conflict_of IS NOT NULL"))
    out["conflicts"] = sorted(r for r in ctx.db.execute(
        "SELECT id, table_name, local_id, incoming_id, reason FROM conflicts"))
    return out


def test_any_order_gives_the_same_database(world, tmp_path):
    first = laptop_work(world, world.a, seed=0)
    bundles = [world.export(world.a)]
    InspectionService(world.a.db, world.a.device, "张伟").set_note(first, "a1", "第二次")
    laptop_work(world, world.a, seed=10)
    bundles.append(world.export(world.a))
    laptop_work(world, world.b, seed=20)
    bundles.append(world.export(world.b))
    world.office.close()
    results = []
    for n, order in enumerate(itertools.permutations(bundles)):
        copy = tmp_path / f"office{n}"
        shutil.copytree(world.office.data_dir.root, copy)
        ctx = AppContext(DataDir(copy))
        try:
            for bundle in order:
                world.import_(bundle, ctx)
            results.append(comparable(ctx))
        finally:
            ctx.close()
    assert all(r == results[0] for r in results[1:])
    assert len(results[0]["inspections"]) == 3
    # Both laptops were given the prefix QT01, so two records claim one number: both keep it
    # (it may be printed and signed), the same pair is named in every order, and a person is
    # told.
    numbers = [r["number"] for r in results[0]["inspections"].values()]
    assert sorted(numbers) == ["（泉台）应急检记〔2026〕QT01-001号"] * 2 + [
        "（泉台）应急检记〔2026〕QT01-002号"]
    assert [c[4] for c in results[0]["conflicts"]] == ["number"]


# -- conflicts --
def test_a_draft_changed_on_two_machines_keeps_both(world):
    inspection = laptop_work(world, world.a)
    world.import_(world.export(world.a))
    InspectionService(world.office.db, world.office.device, "主任").set_note(
        inspection, "a1", "办公室修改")
    InspectionService(world.a.db, world.a.device, "张伟").set_note(inspection, "a1", "现场修改")
    report = world.import_(world.export(world.a))
    assert report.tables["inspections"].conflicts == 1
    assert any("both versions kept" in line for line in report.lines())
    notes = dict(world.office.db.execute(
        "SELECT i.conflict_of IS NOT NULL, a.note FROM answers a JOIN inspections i "
        "ON i.id = a.inspection_id WHERE a.item_id = 'a1'").fetchall())
    assert notes == {0: "办公室修改", 1: "现场修改"}
    row = world.office.db.execute("SELECT local_id, resolved_at FROM conflicts "
                                  "WHERE table_name = 'inspections'").fetchone()
    assert row == (inspection, None)
    again = world.import_(world.export(world.a, full=True))  # the same version once more
    assert again.tables["inspections"].conflicts == 0
    assert world.office.db.execute("SELECT COUNT(*) FROM conflicts").fetchone()[0] == 1


def test_signed_inspection_is_never_overwritten(world):
    inspection = laptop_work(world, world.a)
    world.import_(world.export(world.a))
    db = world.office.db
    with db.atomic():  # locked at the office as signing would
        db.execute("UPDATE inspections SET status = 'signed' WHERE id = ?", [inspection])
    before = rows(world.office, "inspections")[inspection]
    InspectionService(world.a.db, world.a.device, "张伟").set_note(inspection, "a1", "晚了")
    report = world.import_(world.export(world.a))
    assert report.tables["inspections"].skipped["signed, kept"] == 1
    assert rows(world.office, "inspections")[inspection] == before


# -- refusals: nothing changes --
def rezip(src: Path, dst: Path, *, drop=(), add=None, change=None) -> Path:
    add = add or {}
    change = change or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in drop:
                continue
            data = zin.read(info)
            zout.writestr(info.filename, change[info.filename](data)
                          if info.filename in change else data)
        for name, data in add.items():
            zout.writestr(name, data)
    return dst


def resigned(world: World, src: Path, dst: Path, edit) -> Path:
    with zipfile.ZipFile(src) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    edit(manifest)
    raw = json.dumps(manifest).encode()
    cert, key, chain = PkiService(world.a.db, world.a.device).unlock(OWN)
    return rezip(src, dst, change={"manifest.json": lambda _: raw,
                                   "manifest.sig.json": lambda _: sign_manifest(raw, cert, key,
                                                                                chain)})


def flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 1]) + data[at + 1:]


def refused(world: World, bundle: Path, error=InspectorError, match: str = "", **kw):
    before = state(world.office)
    with pytest.raises(error, match=match):
        world.import_(bundle, **kw)
    assert state(world.office) == before
    return before


@pytest.fixture
def ready(world):
    laptop_work(world, world.a)
    world.import_(world.export(world.a, full=True))  # the office has something already
    laptop_work(world, world.a, seed=5)
    return world


def test_truncated_bundle(ready, tmp_path):
    bundle = ready.export(ready.a)
    data = bundle.read_bytes()
    for cut in (len(data) // 2, len(data) - 10):
        short = tmp_path / f"short{cut}.inspx"
        short.write_bytes(data[:cut])
        refused(ready, short, match="not a complete Inspector bundle")


def test_one_changed_byte_in_encrypted_payload(ready, tmp_path):
    bundle = ready.export(ready.a)
    with zipfile.ZipFile(bundle) as zf:
        payload = zf.read("payload.bin")
    bad = rezip(bundle, tmp_path / "bad.inspx",
                change={"payload.bin": lambda d: flip(d, len(payload) // 2)})
    refused(ready, bad, match="altered or cut off")


def test_one_changed_byte_in_an_entry(ready, plain, tmp_path):
    bundle = ready.export(ready.a)
    with zipfile.ZipFile(bundle) as zf:
        photo = next(n for n in zf.namelist() if n.startswith("photos/"))
    bad = rezip(bundle, tmp_path / "bad.inspx", change={photo: lambda d: flip(d, 100),
                                                        "rows/answers.jsonl":
                                                        lambda d: d.replace(b"4", b"5", 1)})
    refused(ready, bad, match="does not match its hash")


def test_invalid_manifest_signature(ready, plain, tmp_path):
    bundle = ready.export(ready.a)
    bad = rezip(bundle, tmp_path / "bad.inspx",
                change={"manifest.json": lambda d: d.replace(b'"laptop"', b'"full"')})
    refused(ready, bad, BundleRefused, match="manifest signature is invalid")


def test_unknown_device(ready, plain, tmp_path):
    other = AppContext(DataDir(tmp_path / "other-office"))
    PkiService(other.db, other.device).init_org("别的局", ORG_PASS)
    stranger = ready.laptop("stranger", "王五", office=other)
    laptop_work(ready, stranger, seed=30)
    bundle = ready.export(stranger)
    other.close()
    stranger.close()
    refused(ready, bundle, BundleRefused, match="unknown device")


def test_revoked_device(ready, plain):
    bundle = ready.export(ready.a)
    serial = PkiService(ready.a.db, ready.a.device).identity()[0].serial
    PkiService(ready.office.db, ready.office.device).revoke(serial, ORG_PASS, "lost laptop")
    refused(ready, bundle, BundleRefused, match="revoked")


def test_encrypted_for_another_office(ready, tmp_path):
    bundle = ready.export(ready.a)
    other = AppContext(DataDir(tmp_path / "other-office"))
    PkiService(other.db, other.device).init_org("别的局", ORG_PASS)
    before = state(other)
    with pytest.raises(BundleRefused, match="another office"):
        import_bundle(other.db, other.data_dir, other.device, bundle, org_passphrase=ORG_PASS)
    assert state(other) == before
    other.close()


def test_wrong_org_passphrase(ready):
    refused(ready, ready.export(ready.a), match="passphrase", org_passphrase="wrong-one-123")


def test_newer_format_version(ready, plain, tmp_path):
    bundle = resigned(ready, ready.export(ready.a), tmp_path / "new.inspx",
                      lambda m: m.update(format=f"inspector-bundle/{bundle_mod.VERSION + 1}"))
    refused(ready, bundle, NewerVersionError, match="newer version")


def test_zip_slip_and_symlink(ready, plain, tmp_path):
    bundle = ready.export(ready.a)
    slip = rezip(bundle, tmp_path / "slip.inspx", add={"../../evil.txt": b"x"})
    refused(ready, slip, BundleRefused, match="outside the bundle")
    absolute = rezip(bundle, tmp_path / "abs.inspx", add={"/etc/evil": b"x"})
    refused(ready, absolute, BundleRefused, match="outside the bundle")
    link = zipfile.ZipInfo("photos/link.jpg")
    link.external_attr = (0o120777 << 16)
    symlink = rezip(bundle, tmp_path / "link.inspx", add={link: b"/etc/passwd"})
    refused(ready, symlink, BundleRefused, match="symbolic link")


def test_unexpected_file(ready, plain, tmp_path):
    bundle = ready.export(ready.a)
    extra = rezip(bundle, tmp_path / "extra.inspx", add={"rows/notes.txt": b"hello"})
    refused(ready, extra, BundleRefused, match="does not list")


def test_zip_bomb(ready, plain, tmp_path):
    bundle = ready.export(ready.a)
    bomb = rezip(bundle, tmp_path / "bomb.inspx", add={"photos/zeros.jpg": bytes(8_000_000)})
    refused(ready, bomb, BundleRefused, match="zip bomb")


def test_declared_size_too_large(ready, plain, tmp_path, monkeypatch):
    from inspector_app.services.sync import bundle as bundle_mod

    monkeypatch.setattr(bundle_mod, "MAX_TOTAL", 1000)
    refused(ready, ready.export(ready.a), BundleRefused, match="absurd size")


@pytest.mark.parametrize("encrypted", [True, False])
def test_bundle_that_would_fill_the_disk(ready, tmp_path, monkeypatch, encrypted):
    """The room an import needs is checked against the data folder's free disk space before
    anything is unpacked: the encrypted payload before it is decrypted, the rows before they
    are staged."""
    from inspector_app.services.sync import bundle as bundle_mod

    if not encrypted:
        monkeypatch.setattr(export_mod, "_recipient", lambda *a: None)
    made = ready.export(ready.a)
    asked = []
    real = shutil.disk_usage

    def almost_full(path):
        asked.append(Path(path))
        return real(path)._replace(free=bundle_mod.RESERVE)  # nothing beyond the reserve

    monkeypatch.setattr(bundle_mod.shutil, "disk_usage", almost_full)
    refused(ready, made, BundleRefused, match="GB of free disk space")
    assert asked and all(ready.office.data_dir.root in p.parents for p in asked)


# -- writing --
def test_full_disk_leaves_no_file(world, monkeypatch):
    laptop_work(world, world.a)

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export_mod.os, "fsync", no_space)
    with pytest.raises(DiskFullError, match="No export file was written"):
        world.export(world.a)
    assert list((world.root / "usb").iterdir()) == []
    assert world.a.db.execute("SELECT COUNT(*) FROM sync_history").fetchone()[0] == 0


def test_cancel_leaves_no_file(world):
    laptop_work(world, world.a)

    class Cancelled(Exception):
        pass

    class Control:
        calls = 0

        def progress(self, done, total, text=""):
            self.calls += 1

        def check_cancelled(self):
            if self.calls >= 2:
                raise Cancelled

    with pytest.raises(Cancelled):
        world.export(world.a, control=Control())
    assert list((world.root / "usb").iterdir()) == []


def test_no_identity_cannot_export(world, tmp_path):
    bare = world.ctx("bare")
    with pytest.raises(NotFoundError, match="no signing identity") as refused:
        export_bundle(bare.db, bare.data_dir, bare.device, tmp_path, passphrase="x")
    # What to do (import the enrolment file) is worded by the front-end that shows it.
    assert refused.value.hint == Hint.IMPORT_IDENTITY
    bare.close()


def test_office_bundle_reaches_a_laptop(world):
    laptop_work(world, world.a)
    world.import_(world.export(world.a))
    serial = PkiService(world.b.db, world.b.device).identity()[0].serial
    PkiService(world.office.db, world.office.device).revoke(serial, ORG_PASS, "lost")
    dest = world.root / "to-laptops"
    dest.mkdir()
    bundle = export_bundle(world.office.db, world.office.data_dir, world.office.device, dest,
                           passphrase=ORG_PASS)  # signed with the root key: no identity here
    report = import_bundle(world.b.db, world.b.data_dir, world.b.device, bundle)
    assert report.kind == "office" and report.tables["revocations"].added == 1
    assert report.tables["inspections"].added == 1  # it has open hazards


# -- CLI --
def test_cli_export_import_history(world, tmp_path, capsys):
    laptop_work(world, world.a)
    own, org = tmp_path / "own", tmp_path / "org"
    own.write_text(OWN)
    org.write_text(ORG_PASS)
    world.a.close()
    world.office.close()
    usb = tmp_path / "stick"
    usb.mkdir()
    a = ["--data-dir", str(world.a.data_dir.root), "sync"]
    o = ["--data-dir", str(world.office.data_dir.root), "sync"]
    assert main([*a, "export", "--to", str(usb), "--passphrase-file", str(own)]) == 0
    written = Path(capsys.readouterr().out.strip())
    assert written.exists()
    assert main([*o, "import", str(written), "--dry-run", "--passphrase-file", str(org)]) == 0
    assert "Dry run" in capsys.readouterr().out
    assert main([*o, "import", str(written), "--passphrase-file", str(org)]) == 0
    assert "inspection records: 1 added" in capsys.readouterr().out
    assert main([*o, "import", str(written), "--passphrase-file", str(org)]) == 0
    assert "Already imported" in capsys.readouterr().out
    broken = tmp_path / "broken.inspx"
    broken.write_bytes(written.read_bytes()[:500])
    assert main([*o, "import", str(broken), "--passphrase-file", str(org)]) == 1
    assert "not a complete Inspector bundle" in capsys.readouterr().err
    assert main([*o, "history", "--reports"]) == 0
    out = capsys.readouterr().out
    assert written.name in out and "inspection records: 1 added" in out
    assert main([*o, "conflicts"]) == 0
    assert "no open conflicts" in capsys.readouterr().out


def test_two_laptops_editing_one_draft_in_any_order(world, tmp_path):
    draft = laptop_work(world, world.a)  # with an open hazard, so the office sends it out
    world.import_(world.export(world.a))
    dest = world.root / "to-laptops"
    dest.mkdir()
    out = export_bundle(world.office.db, world.office.data_dir, world.office.device, dest,
                        passphrase=ORG_PASS)
    import_bundle(world.b.db, world.b.data_dir, world.b.device, out)
    InspectionService(world.b.db, world.b.device, "李娜").set_note(draft, "a1", "B 改")
    from_b = world.export(world.b)
    InspectionService(world.a.db, world.a.device, "张伟").set_note(draft, "a1", "A 改")
    from_a = world.export(world.a)
    world.office.close()
    results = []
    for n, order in enumerate(itertools.permutations([from_a, from_b])):
        copy = tmp_path / f"o{n}"
        shutil.copytree(world.office.data_dir.root, copy)
        ctx = AppContext(DataDir(copy))
        try:
            for bundle in order:
                world.import_(bundle, ctx)
            results.append(comparable(ctx))
            note = ctx.db.execute("SELECT note FROM answers WHERE inspection_id = ? AND "
                                  "item_id = 'a1'", [draft]).fetchone()[0]
            assert note == "A 改"  # A updated what the office had from A; B's is the copy
        finally:
            ctx.close()
    assert results[0] == results[1]
    assert len(results[0]["copies"]) == 1 and results[0]["copies"][0][1] == draft


def test_expired_but_unrevoked_signer_is_accepted_with_a_note(world, tmp_path):
    from datetime import UTC, datetime, timedelta

    old = world.ctx("old")
    data, _ = PkiService(world.office.db, world.office.device).issue(
        "老王", "1", ORG_PASS, ONE_TIME, days=30, now=datetime.now(UTC) - timedelta(days=400))
    PkiService(old.db, old.device).import_identity(data, ONE_TIME, OWN)
    laptop_work(world, old, seed=40)
    report = world.import_(world.export(old))
    old.close()
    assert report.status == "imported" and any("expired" in str(n) for n in report.notes)


def test_encrypted_bundle_needs_the_org_passphrase_and_key(world):
    laptop_work(world, world.a)
    bundle = world.export(world.a)
    before = state(world.office)
    with pytest.raises(InspectorError, match="organisation key's passphrase"):
        world.import_(bundle, org_passphrase=None)
    assert state(world.office) == before
    with pytest.raises(BundleRefused, match="no organisation key"):
        import_bundle(world.b.db, world.b.data_dir, world.b.device, bundle)


def test_a_laptop_cannot_add_a_trust_root(world):
    rogue = AppContext(DataDir(world.root / "rogue-office"))
    PkiService(rogue.db, rogue.device).init_org("冒充的局", ORG_PASS)
    rogue_root = rows(rogue, "trust_roots")
    rogue.close()
    laptop_work(world, world.a)
    with world.a.db.atomic():
        for row in rogue_root.values():  # as the laptop's own: its bundle carries only those
            world.a.db["trust_roots"].insert({**row, "device_id": world.a.device.id})
    fingerprint = next(iter(rogue_root))
    refused(world, world.export(world.a), BundleRefused,
            match=f"office root certificate {fingerprint}: trust roots are taken only from the "
                  "office")
    assert set(rows(world.office, "trust_roots")).isdisjoint(rogue_root)


def test_signed_record_travels_and_its_signature_is_checked(world, plain):
    """Plain bundles here, sealed for the office before they are imported."""
    world.office.close()
    shutil.copytree(world.office.data_dir.root, world.root / "pristine")
    pristine = world.ctx("pristine")  # the same office before it imported anything
    from inspector_app.services.signing import SigningService

    inspection = laptop_work(world, world.a)
    service = InspectionService(world.a.db, world.a.device, "张伟")
    finding = service.get(inspection).finding_for_item("a2")
    service.update_finding(finding.id, deadline="2026-12-20")
    assert service.complete(inspection) == []
    sign_missing(world.a, inspection)
    SigningService(world.a.db, world.a.device).sign_inspection(inspection, OWN)
    report = world.import_(world.seal(world.export(world.a)))
    assert [n for n in report.notes if not str(n).startswith("checklist ")] == []
    assert SigningService(world.office.db, world.office.device).check_record(inspection)[0]
    assert_carried(world.a, world.office)
    # A record altered behind the program's back on the laptop:
    world.a.db.execute("DROP TRIGGER answers_signed_locked_upd")
    with world.a.db.atomic():
        world.a.db.execute("UPDATE answers SET note = 'forged', updated_at = ? "
                           "WHERE item_id = 'a1'",
                           [(datetime.now(UTC) + timedelta(hours=1)).isoformat()])
    forged = world.export(world.a, full=True)
    # the office keeps its signed copy untouched and says so,
    kept = world.import_(world.seal(forged))
    assert kept.tables["answers"].conflicts == 1
    assert world.office.db.execute("SELECT note FROM answers WHERE item_id = 'a1'"
                                   ).fetchone()[0] != "forged"
    # and an office that never saw it refuses it whole.
    assert pristine.db.execute("SELECT COUNT(*) FROM inspections").fetchone()[0] == 0
    before = state(pristine)
    with pytest.raises(BundleRefused, match="was changed after signing"):
        world.import_(seal(pristine, forged), pristine)
    assert state(pristine) == before
    pristine.close()


def test_a_major_hazards_plan_and_acceptance_travel(world):
    from inspector_app.domain.governance import GovernancePlan
    from inspector_app.services.reinspection import ReinspectionService

    built = official_inspection(world.a)
    major = InspectionService(world.a.db, world.a.device).get(
        built.inspection_id).finding_for_item("a2")
    plan = GovernancePlan(*(f"要素{n}" for n in range(1, 7)))
    ReinspectionService(world.a.db, world.a.device, "张伟").set_plan(major.id, plan)
    world.import_(world.export(world.a))
    carried = rows(world.office, "findings")[major.id]
    assert [carried[c] for c in ("plan_goal", "plan_safety")] == ["要素1", "要素6"]
    assert carried == rows(world.a, "findings")[major.id]


def test_a_photo_changed_on_the_laptops_disk_travels_as_missing_not_as_a_refusal(world,
                                                                              caplog):
    # A changed original would have the office refuse this bundle and every later one; it is
    # left out and named in the laptop's log, and the rest of the work arrives.
    laptop_work(world, world.a, photos=2)
    changed = sorted((world.a.data_dir.photos / "originals").rglob("*.jpg"))[0]
    changed.write_bytes(changed.read_bytes() + b"changed")
    with caplog.at_level("WARNING"):
        bundle = world.export(world.a)
    assert "was changed on disk" in caplog.text and changed.name in caplog.text
    report = world.import_(bundle)
    assert report.status == "imported" and report.photos_added == 1
    assert any("photo file(s) were" in str(note) for note in report.notes)
    assert report.tables["inspections"].added == 1
