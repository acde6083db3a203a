"""A checklist is kept once per content hash: migrated from the copy every inspection held,
carried once per bundle, and a bundle of the previous format still imports."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from inspector_app.cli import main
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.documents import canonical_record_data, load_record_data
from inspector_app.services.inspections import InspectionService
from inspector_app.services.pki import PkiService
from inspector_app.services.signatures import SignatureService
from inspector_app.services.signing import SigningService
from inspector_app.storage.migrations import migrations
from tests.pdf_scenarios import official_inspection, sign_all, sign_missing
from tests.unit.test_sync import World, laptop_work, refused
from tests.unit.test_sync_policy import forge, plain_export

OWN = "my-own-passphrase"
MIGRATION = "0020_template_snapshots"


def _columns(db: Database, table: str) -> set[str]:
    return {row[1] for row in db.execute(f"PRAGMA table_info({table})").fetchall()}


def _as_before(path: Path) -> None:
    """Rewrite the database at ``path`` as the program wrote it before the migration: the same
    rows, every inspection holding its own copy of its checklist."""
    old_path = path.with_name("old.sqlite3")
    old = Database(old_path)
    migrations.apply(old, stop_before=MIGRATION)
    src = sqlite3.connect(path)
    snapshots = dict(src.execute("SELECT content_hash, definition FROM template_snapshots"))
    tables = [r[0] for r in old.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name != '_sqlite_migrations'").fetchall()]
    # Inspections last: the triggers of a signed record refuse parts added after it.
    for table in sorted(tables, key=lambda t: t == "inspections"):
        wanted = _columns(old, table)
        cursor = src.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cursor.description]
        for values in cursor.fetchall():
            row = {k: v for k, v in zip(names, values, strict=True) if k in wanted}
            if table == "inspections":
                row["template_snapshot"] = snapshots[row["template_hash"]]
            old.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES "
                        f"({', '.join('?' * len(row))})", list(row.values()))
    old.conn.commit()
    src.close()
    old.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.move(old_path, path)


def test_migration_keeps_each_checklist_once_and_every_record_as_signed(tmp_path, capsys):
    ctx = AppContext(DataDir(tmp_path / "data"))
    pki = PkiService(ctx.db, ctx.device)
    pki.init_org("泉台区应急管理局", "office-secret-1")
    data, _ = pki.issue("张伟", "32050012", "office-secret-1", "one-time-pass-2")
    pki.import_identity(data, "one-time-pass-2", OWN)
    signed = official_inspection(ctx)
    draft = official_inspection(ctx).inspection_id
    sign_all(ctx, signed)
    inspections = InspectionService(ctx.db, ctx.device, "张伟")
    assert inspections.complete(signed.inspection_id) == []
    sign_missing(ctx, signed.inspection_id)
    SigningService(ctx.db, ctx.device).sign_inspection(signed.inspection_id, OWN)
    before = {i: canonical_record_data(load_record_data(ctx.db, i))
              for i in (signed.inspection_id, draft)}
    fingerprints = {i: SignatureService(ctx.db, ctx.device).fingerprint(i)
                    for i in (signed.inspection_id, draft)}
    root = ctx.data_dir.root
    ctx.close()
    secret = tmp_path / "pass"
    secret.write_text(OWN)
    base = ["--data-dir", str(root)]
    old_pdf = tmp_path / "before.pdf"
    _as_before(DataDir(root).database)
    assert main([*base, "export", "pdf", signed.inspection_id, "--document", "record", "-o",
                 str(old_pdf), "--sign", "--passphrase-file", str(secret)]) == 0

    ctx = AppContext(DataDir(root))  # opening migrates
    try:
        assert "template_snapshot" not in _columns(ctx.db, "inspections")
        assert ctx.db.execute("SELECT COUNT(*) FROM template_snapshots").fetchone()[0] == 1
        for inspection_id, canonical in before.items():
            assert canonical_record_data(load_record_data(ctx.db, inspection_id)) == canonical
            service = SignatureService(ctx.db, ctx.device)
            assert service.fingerprint(inspection_id) == fingerprints[inspection_id]
            assert service.stale(inspection_id) == []
        assert SigningService(ctx.db, ctx.device).check_record(signed.inspection_id) == (
            True, "the record matches its signature")
        # The draft still opens and takes answers from its checklist.
        service = InspectionService(ctx.db, ctx.device, "张伟")
        assert [i.id for i in service.get(draft).template.items][:2] == ["a1", "a2"]
        service.set_answer(draft, "a2", "compliant")
    finally:
        ctx.close()
    new_pdf = tmp_path / "after.pdf"
    assert main([*base, "export", "pdf", signed.inspection_id, "--document", "record", "-o",
                 str(new_pdf), "--sign", "--passphrase-file", str(secret)]) == 0
    capsys.readouterr()
    for pdf in (old_pdf, new_pdf):
        assert main([*base, "verify", str(pdf)]) == 0
        assert "张伟（32050012）" in capsys.readouterr().out


# -- sync --
def _entries(bundle: Path) -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(bundle) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _rows(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode().splitlines() if line.strip()]


def test_a_checklist_travels_once_and_opens_at_the_office(tmp_path):
    world = World(tmp_path)
    try:
        first = laptop_work(world, world.a, photos=1, seed=1)
        laptop_work(world, world.a, photos=1, seed=2)
        plain = plain_export(world, world.a, full=True)
        entries = _entries(plain)
        snapshots = _rows(entries["rows/template_snapshots.jsonl"])
        assert len(snapshots) == 1
        assert all("template_snapshot" not in row
                   for row in _rows(entries["rows/inspections.jsonl"]))
        assert json.loads(entries["manifest.json"])["format"] == "inspector-bundle/2"
        world.import_(world.export(world.a, full=True))
        office = InspectionService(world.office.db, world.office.device)
        assert office.get(first).template.items == \
            InspectionService(world.a.db, world.a.device).get(first).template.items
    finally:
        world.close()


def _previous_format(tables: dict[str, list[dict]]) -> None:
    """The rows as format 1 carried them: the checklist inside every inspection."""
    by_hash = {r["content_hash"]: r["definition"] for r in tables.pop("template_snapshots")}
    for row in tables["inspections"]:
        row["template_snapshot"] = by_hash[row["template_hash"]]


def test_a_bundle_of_the_previous_format_still_imports(tmp_path):
    world = World(tmp_path)
    try:
        inspection = laptop_work(world, world.a, photos=1)
        plain = plain_export(world, world.a, full=True)
        old = forge(world, world.a, plain, _previous_format,
                    manifest_edit=lambda m: m.update(format="inspector-bundle/1"))
        report = world.import_(old)
        assert report.status != "dry run" and report.tables["inspections"].added == 1
        assert not any("template_snapshot" in str(note) for note in report.notes)
        office = world.office.db
        assert office.execute("SELECT COUNT(*) FROM template_snapshots").fetchone()[0] == 1
        assert "template_snapshot" not in _columns(office, "inspections")
        record = InspectionService(office, world.office.device).get(inspection)
        assert record.finding_for_item("a2") is not None
        # The same inspection arriving again in the new format is identical, not a conflict.
        again = world.import_(world.export(world.a, full=True))
        assert again.tables["inspections"].skipped == {"identical": 1}
    finally:
        world.close()


def test_a_checklist_that_does_not_match_its_hash_is_refused(tmp_path):
    world = World(tmp_path)
    try:
        laptop_work(world, world.a, photos=1)
        plain = plain_export(world, world.a, full=True)

        def tamper(tables: dict[str, list[dict]]) -> None:
            row = tables["template_snapshots"][0]
            definition = json.loads(row["definition"])
            definition["sections"][0]["items"][0]["text"]["zh"] = "已被改动的检查内容"
            row["definition"] = json.dumps(definition, ensure_ascii=False)

        refused(world, forge(world, world.a, plain, tamper),
                match=r"checklist copy [0-9a-f]{64}, checklist content: does not match "
                      "its content fingerprint")

        def tamper_old(tables: dict[str, list[dict]]) -> None:
            tamper(tables)
            _previous_format(tables)

        refused(world, forge(world, world.a, plain, tamper_old),
                match=r"checklist copy: does not match its content fingerprint")
    finally:
        world.close()


def test_an_inspection_whose_checklist_is_neither_carried_nor_here_is_refused(tmp_path):
    world = World(tmp_path)
    try:
        laptop_work(world, world.a, photos=1)
        plain = plain_export(world, world.a, full=True)
        refused(world, forge(world, world.a, plain,
                             lambda tables: tables.pop("template_snapshots")),
                match="was started with a checklist .* that is neither in it nor here")
    finally:
        world.close()
