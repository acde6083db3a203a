"""Document numbers: as an authority prints them, unique across laptops by the office's blocks."""

import shutil
from collections import defaultdict

import pytest
from sqlite_utils import Database

from inspector_app.cli import main
from inspector_app.domain.inspection import Kind
from inspector_app.domain.numbering import DocType, format_number, parse_number
from inspector_app.domain.profile import default_prefix
from inspector_app.domain.records import new_id, record_stamp
from inspector_app.errors import NotFoundError, ValidationError
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.numbers import NumberService
from inspector_app.services.sync import export_bundle
from inspector_app.storage.db import open_database
from inspector_app.storage.migrations import known_migrations, migrations
from inspector_app.storage.numbers import NumbersExhausted, next_number
from tests.pdf_scenarios import official_inspection, services
from tests.unit.test_sync import ORG_PASS


def test_numbers_read_as_an_authority_prints_them():
    number = format_number(DocType.ORDER, 2026, 17, "泉台")
    assert number == "（泉台）应急责改〔2026〕17号"
    assert parse_number(number) == {"authority": "泉台", "word": "应急责改", "year": "2026",
                                    "prefix": None, "seq": "17"}
    assert format_number(DocType.ONSITE, 2026, 3) == "应急现决〔2026〕3号"
    # Numbers issued before blocks existed keep their device code and still parse.
    assert parse_number("（泉台）应急检记〔2026〕QT01-017号")["prefix"] == "QT01"


def test_a_computer_without_an_office_numbers_from_1_and_continues(tmp_path):
    db = open_database(tmp_path / "a.sqlite3")
    with db.atomic():
        assert next_number(db, DocType.RECORD, 2026, "dev", "QT01", None)[1] == 1
        assert next_number(db, DocType.RECORD, 2026, "dev", "QT01", None)[1] == 2
        assert next_number(db, DocType.RECORD, 2027, "dev", "QT01", None)[1] == 1
    db.close()
    db = open_database(tmp_path / "a.sqlite3")
    with db.atomic():
        number = next_number(db, DocType.RECORD, 2026, "dev", "QT01", None)[0]
        assert number == "应急检记〔2026〕3号"


def test_existing_numbers_are_kept_and_the_sequence_goes_on_after_them(ctx):
    built = official_inspection(ctx)
    old = "（泉台）应急检记〔2026〕QT01-017号"
    with ctx.db.atomic():  # a record numbered by an earlier version
        ctx.db.execute("UPDATE inspections SET number = ? WHERE id = ?", [old, built.inspection_id])
        ctx.db.execute("UPDATE number_sequences SET last_seq = 17")
    second = official_inspection(ctx)
    insp, _, _ = services(ctx)
    assert insp.get(built.inspection_id).number == old
    assert insp.get(second.inspection_id).number == "（泉台）应急检记〔2026〕18号"


def test_allocation_is_checked_before_anything_is_stored(world):
    office = world.office
    numbers = NumberService(office.db, office.device, "王科长")
    laptop = world.a.device.id
    numbers.allocate(laptop, "order", 2026, 101, 200)
    with pytest.raises(ValidationError, match="overlaps the block 101–200"):
        numbers.allocate(world.b.device.id, "应急责改", 2026, 150, 250)
    with pytest.raises(ValidationError, match=r"ends .* before it starts") as refused:
        numbers.allocate(laptop, "order", 2026, 300, 299)
    # Why, in the reader's language: the reason was an English parameter of the message.
    assert refused.value.localized("zh_CN") == (
        "号段 300–299：号段的结束号（299）小于起始号（300）。")
    with pytest.raises(ValidationError) as refused:
        numbers.allocate(laptop, "order", 2026, 0, 10)
    assert refused.value.localized("zh_CN") == "号段 0–10：号段应从 1 或以上开始，而不是 0。"
    with pytest.raises(ValidationError, match="Unknown document type"):
        numbers.allocate(laptop, "invoice", 2026, 1, 10)
    with pytest.raises(NotFoundError, match="No computer 'laptop 9'"):
        numbers.allocate("laptop 9", "order", 2026, 1, 10)
    numbers.allocate(world.b.device.id, "应急责改", 2026, 201, 300)  # next to it: fine
    numbers.allocate(world.b.device.id, "order", 2027, 101, 200)     # another year: fine
    assert [(r.first, r.last, r.used, r.unused) for r in numbers.rows()] == [
        (101, 200, 0, 100), (201, 300, 0, 100), (101, 200, 0, 100)]


def test_a_range_with_numbers_already_issued_is_refused(ctx):
    official_inspection(ctx)  # its record takes 应急检记〔2026〕1号
    numbers = NumberService(ctx.db, ctx.device)
    with pytest.raises(ValidationError, match=r"numbers 1–1 are in use here.*starts at 2"):
        numbers.allocate(ctx.device.id, "record", 2026, 1, 50)
    numbers.allocate(ctx.device.id, "record", 2026, 2, 50)


def _with_hazard(ctx: AppContext) -> str:
    """A started inspection with one complete hazard (quicker than a whole checklist)."""
    insp, _, _ = services(ctx)
    row = ctx.db.execute("SELECT id FROM companies LIMIT 1").fetchone()
    if row is None:
        return official_inspection(ctx).inspection_id
    team = [r[0] for r in ctx.db.execute("SELECT id FROM inspectors ORDER BY name")]
    key = ctx.db.execute("SELECT key FROM templates LIMIT 1").fetchone()[0]
    inspection_id = insp.start(company_id=row[0], template_key=key, kind=Kind.OFFICIAL,
                               inspector_ids=team[:2], started_at="2026-11-28T09:00+08:00")
    insp.add_finding(inspection_id, description="配电箱门缺失", grade="general",
                     requirement="更换配电箱门", deadline="2030-12-13")
    return inspection_id


def _issue_orders(ctx: AppContext, count: int) -> list[str]:
    _, _, docs = services(ctx)
    return [docs.issue(_with_hazard(ctx), DocType.ORDER)[0] for _ in range(count)]


def test_two_laptops_issue_inside_their_blocks_and_the_office_merges_them(world, tmp_path,
                                                                         capsys):
    office, a, b = world.office, world.a, world.b
    numbers = NumberService(office.db, office.device, "王科长")
    for ctx, (records, orders) in ((a, ((1, 201), (101, 300))), (b, ((202, 402), (301, 500)))):
        numbers.allocate(ctx.device.id, "record", 2026, *records)
        numbers.allocate(ctx.device.id, "order", 2026, *orders)
    dest = world.root / "to-laptops"
    dest.mkdir()
    carried = export_bundle(office.db, office.data_dir, office.device, dest, passphrase=ORG_PASS)
    for ctx in (a, b):
        assert world.import_(carried, ctx).tables["number_blocks"].added == 4

    issued = {}
    for ctx in (a, b):
        _, _, docs = services(ctx)
        issued[ctx.device.id] = _issue_orders(ctx, 180)
        assert docs.low_numbers_warning(DocType.ORDER, 2026) is None
        issued[ctx.device.id] += _issue_orders(ctx, 1)
        assert "only 19 应急责改 number(s) of 2026 left" in str(docs.low_numbers_warning(
            DocType.ORDER, 2026))
        issued[ctx.device.id] += _issue_orders(ctx, 19)
        # None left: the order is refused, the inspection stays a draft without an order.
        last = _with_hazard(ctx)
        with pytest.raises(NumbersExhausted, match="No 应急责改 number of 2026 is left"):
            docs.issue(last, DocType.ORDER)
        assert docs.issued(last, DocType.ORDER) is None
        assert ctx.db.execute("SELECT status FROM inspections WHERE id = ?",
                              [last]).fetchone()[0] == "draft"
    assert issued[a.device.id] == [f"（泉台）应急责改〔2026〕{n}号" for n in range(101, 301)]
    assert issued[b.device.id] == [f"（泉台）应急责改〔2026〕{n}号" for n in range(301, 501)]

    bundles = [world.export(ctx) for ctx in (a, b)]
    second_office = AppContext(DataDir(tmp_path / "office-2"))
    shutil.copytree(office.data_dir.root, second_office.data_dir.root, dirs_exist_ok=True)
    second_office.close()
    second_office = AppContext(DataDir(tmp_path / "office-2"))
    try:
        for target, order in ((office, bundles), (second_office, bundles[::-1])):
            for bundle in order:
                world.import_(bundle, target)
            rows = target.db.execute("SELECT number FROM documents WHERE doc_type = 'order'"
                                     ).fetchall()
            numbers_here = [r[0] for r in rows]
            assert len(numbers_here) == len(set(numbers_here)) == 400
            by_block = defaultdict(list)
            for use in NumberService(target.db, target.device).rows():
                if use.doc_type is DocType.ORDER:
                    assert (use.used, use.unused) == (200, 0)
                    by_block[use.first] = sorted(
                        int(parse_number(n)["seq"]) for n in numbers_here
                        if use.first <= int(parse_number(n)["seq"]) <= use.last)
            assert by_block == {101: list(range(101, 301)), 301: list(range(301, 501))}
    finally:
        second_office.close()

    assert main(["--data-dir", str(office.data_dir.root), "numbers", "list"]) == 0
    out = capsys.readouterr().out
    assert "应急责改〔2026〕 101-300" in out and "used 200  unused 0" in out


def test_blocks_come_only_from_the_office(world):
    laptop = world.a
    with laptop.db.atomic():  # a block a laptop made up for itself
        laptop.db["number_blocks"].insert({
            "id": new_id(), "holder_device_id": laptop.device.id, "doc_type": "order",
            "year": 2026, "first_seq": 1, "last_seq": 999, **record_stamp(laptop.device.id)})
    world.import_(world.export(laptop))
    assert world.office.db.execute("SELECT COUNT(*) FROM number_blocks").fetchone()[0] == 0


def test_cli_allocates_and_lists(world, capsys):
    root = str(world.office.data_dir.root)
    world.office.close()
    assert main(["--data-dir", root, "numbers", "allocate", "--device", world.a.device.id,
                 "--type", "应急现决", "--year", "2026", "--from", "1", "--to", "50"]) == 0
    assert main(["--data-dir", root, "numbers", "allocate", "--device", world.a.device.id,
                 "--type", "onsite", "--year", "2026", "--from", "40", "--to", "60"]) == 1
    assert "overlaps the block 1–50" in capsys.readouterr().err
    assert main(["--data-dir", root, "numbers", "list", "--json"]) == 0
    assert '"word": "应急现决"' in capsys.readouterr().out
    world.office = AppContext(DataDir(root))


def test_default_prefix_is_stable():
    device = new_id()
    assert default_prefix(device) == default_prefix(device)


def test_the_migration_keeps_issued_documents_and_their_numbers(tmp_path):
    """A database from before number blocks: its documents stay, number for number."""
    path = tmp_path / "old.sqlite3"
    old = Database(path)
    migrations.apply(old, stop_before="0010_number_blocks")
    with old.conn:
        old.execute("INSERT INTO companies (id, name, created_at, updated_at, device_id) "
                    "VALUES ('c1', '泉台纺织有限公司', 'x', 'x', 'd')")
        old.execute("INSERT INTO inspections (id, revision, company_id, template_key, "
                    "template_id, template_version, template_hash, template_snapshot, kind, "
                    "status, number, section_ids, created_at, updated_at, device_id) VALUES "
                    "('i1', 1, 'c1', 'k', 't', '1', 'h', '{}', 'official', 'signed', "
                    "'（泉台）应急检记〔2026〕QT01-017号', '[]', 'x', 'x', 'd')")
        old.execute("INSERT INTO documents (id, inspection_id, doc_type, number, prefix, year, "
                    "seq, issued_at, created_at, updated_at, device_id) VALUES ('d1', 'i1', "
                    "'order', '（泉台）应急责改〔2026〕QT01-005号', 'QT01', 2026, 5, "
                    "'2026-11-28T09:00+08:00', 'x', 'x', 'd')")
        old.execute(f"PRAGMA user_version = {len(known_migrations()) - 3}")
    old.close()
    db = open_database(path)
    assert db.execute("SELECT id, number, issued_at FROM documents").fetchall() == [
        ("d1", "（泉台）应急责改〔2026〕QT01-005号", "2026-11-28T09:00+08:00")]
    assert db.execute("SELECT number FROM inspections").fetchone()[0] == \
        "（泉台）应急检记〔2026〕QT01-017号"
    assert "'onsite'" in db.execute("SELECT sql FROM sqlite_master WHERE name = 'documents'"
                                     ).fetchone()[0]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # A number printed on two records (brought by an import) fits both, indexed for lookups.
    with db.conn:
        db.execute("INSERT INTO inspections (id, revision, company_id, template_key, "
                   "template_id, template_version, template_hash, kind, status, number, "
                   "section_ids, created_at, updated_at, device_id) SELECT 'i2', revision, "
                   "company_id, template_key, template_id, template_version, template_hash, "
                   "kind, 'draft', number, section_ids, created_at, updated_at, 'e' "
                   "FROM inspections WHERE id = 'i1'")
        db.execute("INSERT INTO documents (id, inspection_id, doc_type, number, prefix, year, "
                   "seq, issued_at, created_at, updated_at, device_id) SELECT 'd2', 'i2', "
                   "doc_type, number, prefix, year, seq, issued_at, created_at, updated_at, "
                   "'e' FROM documents WHERE id = 'd1'")
    assert db.execute("SELECT COUNT(DISTINCT number), COUNT(*) FROM documents").fetchone() == (
        1, 2)
    assert {"inspections_number", "documents_number", "documents_one_per_type"} <= {
        r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    db.close()
