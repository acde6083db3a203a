"""Inspections of a unit: a supervision inspection (督导检查) of a town's or a department's work."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from datetime import date

import pytest
from sqlite_utils import Database

from inspector_app.cli import main
from inspector_app.domain.inspection import Kind, subject_problem
from inspector_app.domain.units import UnitKind
from inspector_app.services.dispatch import DispatchRequest, prepare
from inspector_app.services.inspections import InspectionService
from inspector_app.services.sync.bundle import BundleRefused
from inspector_app.services.sync.row_schema import check_row
from inspector_app.storage.db import open_database
from inspector_app.storage.migrations import migrations
from inspector_app.storage.repositories import InspectorRepo
from inspector_app.storage.units_repo import UnitRepo
from tests.factories import add_company, add_template
from tests.pdf_scenarios import sign_missing


@pytest.fixture
def district(ctx, data_dir):
    units = UnitRepo(ctx.db, ctx.device.id)
    town = units.add("城关镇", UnitKind.TOWN)
    dept = units.add("综合执法与应急管理局", UnitKind.DEPARTMENT)
    district = units.add("泉台区", UnitKind.DISTRICT)
    repo = InspectorRepo(ctx.db, ctx.device.id)
    team = [repo.add("张伟", "3205001", "泉台区应急管理局").id,
            repo.add("李娜", "3205002", "泉台区应急管理局").id]
    key = add_template(ctx.db)
    mill = add_company(ctx.db, name="泉台纺织有限公司", town="城关镇")
    return {"town": town, "dept": dept, "district": district, "team": team, "key": key,
            "mill": mill, "args": ["--data-dir", str(data_dir.root)]}


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_subject_is_one_company_or_one_town_or_department():
    assert subject_problem("c", None, None, Kind.SELF) is None
    assert subject_problem(None, "u", "town", Kind.OFFICIAL) is None
    assert "exactly one" in str(subject_problem("c", "u", "town", Kind.OFFICIAL))
    assert "exactly one" in str(subject_problem(None, None, None, Kind.OFFICIAL))
    assert "town or a sector department" in str(subject_problem(None, "u", "district",
                                                                Kind.OFFICIAL))
    assert "self-inspection" in str(subject_problem(None, "u", "town", Kind.SELF))
    assert "re-inspection" in str(subject_problem(None, "u", "town", Kind.REINSPECTION))


def test_cli_starts_lists_and_shows_an_inspection_of_a_town(district, ctx, capsys):
    args, team = district["args"], district["team"]
    ctx.close()
    code, out, err = run(capsys, *args, "inspections", "new", "--unit", "城关镇",
                         "--template", "test-small", "--inspector", team[0],
                         "--inspector", team[1], "--place", "城关镇人民政府",
                         "--started-at", "2026-11-03T09:00+08:00")
    assert code == 0, err
    assert "城关镇" in out and "（泉台）" not in err
    code, out, _ = run(capsys, *args, "inspections", "list", "--json")
    (row,) = json.loads(out)
    assert row["company_name"] == "城关镇" and row["company_id"] is None
    assert row["subject_unit_id"] == district["town"].id
    code, out, _ = run(capsys, *args, "inspections", "show", row["id"])
    assert "unit" in out and "城关镇" in out and "address" not in out


def test_cli_refuses_what_a_unit_cannot_be_inspected_by(district, ctx, capsys):
    args, team = district["args"], district["team"]
    ctx.close()
    code, _, err = run(capsys, *args, "inspections", "new", "--unit", "城关镇",
                       "--template", "test-small", "--inspector", team[0], "--kind", "self")
    assert code != 0 and "official (supervision) inspection" in err
    code, _, err = run(capsys, *args, "inspections", "new", "--unit", "泉台区",
                       "--template", "test-small", "--inspector", team[0],
                       "--inspector", team[1])
    assert code != 0 and "town or a sector department" in err
    code, _, err = run(capsys, *args, "inspections", "new", "--unit", "不存在的镇",
                       "--template", "test-small", "--inspector", team[0])
    assert code != 0 and "不存在的镇" in err
    with pytest.raises(SystemExit):  # both subjects at once: argparse says so
        main([*args, "inspections", "new", "--unit", "城关镇", "--company", "泉台纺织有限公司",
              "--template", "test-small", "--inspector", team[0]])
    capsys.readouterr()
    assert Database(str(ctx.data_dir.database))["inspections"].count == 0


ANSWERS = (("a1", "compliant"), ("a2", "compliant"), ("dust", False), ("n1", 4),
           ("t1", "not_applicable"))


def _unit_inspection(ctx, district, started="2026-11-03T09:00+08:00", unit="town", *,
                     complete=False):
    svc = InspectionService(ctx.db, ctx.device)
    inspection_id = svc.start(
        subject_unit_id=district[unit].id, template_key=district["key"], kind="official",
        inspector_ids=district["team"], place="乡镇政府", started_at=started)
    if complete:
        for item, value in ANSWERS:
            svc.set_answer(inspection_id, item, value)
        assert svc.complete(inspection_id) == []
    return inspection_id


def test_the_record_pdf_names_the_unit_and_prints_no_empty_company_fields(district, ctx,
                                                                         capsys, tmp_path):
    inspection_id = _unit_inspection(ctx, district)
    ctx.close()
    pdf = tmp_path / "record.pdf"
    code, _, err = run(capsys, *district["args"], "export", "pdf", inspection_id,
                       "--document", "record", "--lang", "zh_CN", "-o", str(pdf))
    assert code == 0, err
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "被检查单位 城关镇" in text
    assert "法定代表人" not in text and "统一社会信用代码" not in text
    assert "地址" not in text
    en = tmp_path / "record-en.pdf"
    code, _, err = run(capsys, *district["args"], "export", "pdf", inspection_id,
                       "--document", "record", "--lang", "en", "-o", str(en))
    assert code == 0, err
    text = " ".join(subprocess.run(["pdftotext", "-raw", str(en), "-"], check=True,
                                   capture_output=True, text=True).stdout.split())
    assert "Inspected unit 城关镇" in text and "your organisation's work" in text
    assert "Legal representative" not in text and "your company" not in text


def test_signing_keeps_the_units_name(district, ctx):
    svc = InspectionService(ctx.db, ctx.device)
    inspection_id = _unit_inspection(ctx, district)
    for item, value in ANSWERS:
        svc.set_answer(inspection_id, item, value)
    assert svc.complete(inspection_id) == []
    sign_missing(svc, inspection_id)
    svc.lock(inspection_id)
    snapshot = json.loads(ctx.db.execute("SELECT company_snapshot FROM inspections").fetchone()[0])
    assert snapshot["name"] == "城关镇" and snapshot["subject"] == "unit"
    UnitRepo(ctx.db, ctx.device.id).update(district["town"].id, name="城关街道")
    assert svc.get(inspection_id).company_name == "城关街道"   # the registry's name today
    from inspector_app.services.documents import load_record_data
    assert load_record_data(ctx.db, inspection_id).company.name == "城关镇"  # as signed


def test_the_database_refuses_neither_or_both_subjects(district, ctx):
    inspection_id = _unit_inspection(ctx, district)
    with pytest.raises(sqlite3.IntegrityError):
        ctx.db.execute("UPDATE inspections SET company_id = ? WHERE id = ?",
                       [district["mill"], inspection_id])
    with pytest.raises(sqlite3.IntegrityError):
        ctx.db.execute("UPDATE inspections SET subject_unit_id = NULL WHERE id = ?",
                       [inspection_id])


def test_a_bundle_row_with_neither_or_both_subjects_is_refused(district, ctx):
    _unit_inspection(ctx, district)
    cursor = ctx.db.execute("SELECT * FROM inspections")
    row = dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))
    row.pop("conflict_of")  # the receiver's own bookkeeping, never carried
    check_row("inspections", row)   # a unit's inspection travels
    one = "names a company or a unit inspected, one and not both"
    with pytest.raises(BundleRefused, match=one):
        check_row("inspections", {**row, "subject_unit_id": None})
    with pytest.raises(BundleRefused, match=one):
        check_row("inspections", {**row, "company_id": district["mill"]})


def test_dispatch_counts_unit_inspections_apart_from_company_coverage(district, ctx):
    svc = InspectionService(ctx.db, ctx.device)
    company = svc.start(company_id=district["mill"], template_key=district["key"],
                        kind="official", inspector_ids=district["team"],
                        started_at="2026-11-02T09:00+08:00")
    for item, value in ANSWERS:
        svc.set_answer(company, item, value)
    assert svc.complete(company) == []
    request = DispatchRequest("2026-11-01", "2026-11-30", "town", as_of=date(2026, 11, 30))
    before = prepare(ctx.db, request, ctx.device.id)
    assert before.table.total.inspections == 1 and before.unit_inspections == []
    _unit_inspection(ctx, district, complete=True)
    _unit_inspection(ctx, district, "2026-11-04T09:00+08:00", complete=True)
    _unit_inspection(ctx, district, "2026-11-05T09:00+08:00", unit="dept", complete=True)
    _unit_inspection(ctx, district, "2026-11-06T09:00+08:00")   # a draft: not counted yet
    _unit_inspection(ctx, district, "2026-12-05T09:00+08:00", complete=True)  # after it
    after = prepare(ctx.db, request, ctx.device.id)
    # The companies' figures are those without the units' inspections ...
    assert [r.as_dict() for r in after.table.rows] == [r.as_dict() for r in before.table.rows]
    assert after.table.total.as_dict() == before.table.total.as_dict()
    # ... which are counted on their own, per unit.
    assert [(u.name, u.inspections) for u in after.unit_inspections] == [
        ("城关镇", 2), ("综合执法与应急管理局", 1)]
    own = prepare(ctx.db, DispatchRequest("2026-11-01", "2026-11-30", "town", unit="城关镇",
                                          as_of=date(2026, 11, 30)), ctx.device.id)
    assert [(u.name, u.inspections) for u in own.unit_inspections] == [("城关镇", 2)]


def test_the_migration_keeps_existing_inspections_and_their_locks(tmp_path):
    path = tmp_path / "old.sqlite3"
    old = Database(path)
    migrations.apply(old, stop_before="0024_unit_subject")
    with old.conn:
        old.execute("INSERT INTO companies (id, name, created_at, updated_at, device_id) "
                    "VALUES ('c1', '泉台纺织有限公司', 'x', 'x', 'd')")
        old.execute("INSERT INTO inspections (id, revision, company_id, template_key, "
                    "template_id, template_version, template_hash, template_snapshot, kind, "
                    "status, number, section_ids, created_at, updated_at, device_id) VALUES "
                    "('i1', 1, 'c1', 'k', 't', '1', 'h', '{}', 'official', 'draft', "
                    "'（泉台）应急检记〔2026〕17号', '[]', 'x', 'x', 'd')")
        old.execute("INSERT INTO answers (id, inspection_id, item_id, value, created_at, "
                    "updated_at, device_id) VALUES ('a1', 'i1', 'q1', '\"compliant\"', 'x', "
                    "'x', 'd')")
        old.execute("UPDATE inspections SET status = 'signed'")
    old.close()
    db = open_database(path)
    assert db.execute("SELECT id, company_id, subject_unit_id, number FROM inspections"
                      ).fetchall() == [("i1", "c1", None, "（泉台）应急检记〔2026〕17号")]
    assert db.execute("SELECT value FROM answers").fetchone()[0] == '"compliant"'
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # The signed record is still locked, its answers with it.
    with pytest.raises(sqlite3.IntegrityError, match="signed"):
        db.execute("UPDATE inspections SET place = 'x' WHERE id = 'i1'")
    with pytest.raises(sqlite3.IntegrityError, match="signed"):
        db.execute("UPDATE answers SET value = '\"non_compliant\"' WHERE id = 'a1'")
    db.close()


def test_only_the_record_is_issued_for_a_units_inspection(district, ctx):
    from inspector_app.services.documents import DocumentRefused, DocumentService

    svc = InspectionService(ctx.db, ctx.device)
    inspection_id = _unit_inspection(ctx, district)
    svc.set_answer(inspection_id, "a2", "non_compliant")   # a problem in the town's work
    documents = DocumentService(ctx.db, ctx.data_dir, ctx.device)
    documents.check(inspection_id, "record")
    for doc_type in ("order", "onsite", "reinspection"):
        with pytest.raises(DocumentRefused, match="checked a unit's work") as refused:
            documents.check(inspection_id, doc_type)
        assert refused.value.code == "unit_subject"


def test_cli_starts_an_inspection_of_a_company_by_its_name(district, ctx, capsys):
    args, team = district["args"], district["team"]
    ctx.close()
    code, out, err = run(capsys, *args, "inspections", "new", "--company", "泉台纺织有限公司",
                         "--template", "test-small@1", "--inspector", team[0], "--kind", "self",
                         "--place", "一号车间")
    assert code == 0, err
    code, out, _ = run(capsys, *args, "inspections", "list", "--json")
    (row,) = json.loads(out)
    assert row["company_id"] == district["mill"] and row["subject_unit_id"] is None
    assert row["kind"] == "self"
    code, _, err = run(capsys, *args, "inspections", "new", "--company", "没有这家公司",
                       "--template", "test-small", "--inspector", team[0])
    assert code != 0 and "没有这家公司" in err
