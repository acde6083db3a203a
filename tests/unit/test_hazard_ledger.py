import csv
import io
import json
from datetime import date

import pytest

from inspector_app.cli import main
from inspector_app.domain.governance import GovernancePlan
from inspector_app.domain.profile import Profile
from inspector_app.services.inspections import InspectionService
from inspector_app.services.reinspection import ReinspectionService
from inspector_app.services.reports.hazard_ledger import (
    CSV_COLUMNS,
    acceptance_text,
    ledger_csv,
    plan_text,
    write_ledger_csv,
)
from inspector_app.storage.hazards_repo import HazardLedger, LedgerFilter
from inspector_app.storage.repositories import InspectorRepo, ProfileRepo
from tests.factories import add_company, add_template
from tests.pdf_scenarios import sign_missing

TODAY = date(2026, 12, 10)
ALL = LedgerFilter(status=None)


@pytest.fixture
def district(ctx):
    """Three companies' hazards in every situation the ledger has to tell apart.

    - the mill, inspected 11-02 and signed: a1 (general, deadline 11-17) and a2 (major,
      deadline 12-02), both overdue on TODAY;
    - the chemical plant, inspected 11-03, signed, then amended: only the amendment's copies
      count, and they are still issued (overdue) although the amendment is a draft;
    - the shop, a draft with a free-form 消防 hazard: listed, but not issued, never overdue.
    """
    ProfileRepo(ctx.db, ctx.device).save(
        Profile("张伟", "3205001", "泉台区应急管理局", "QT01", "泉台"))
    svc = InspectionService(ctx.db, ctx.device, actor="张伟")
    repo = InspectorRepo(ctx.db, ctx.device.id)
    team = [repo.add("张伟", "3205001", "泉台区应急管理局").id,
            repo.add("李娜", "3205002", "泉台区应急管理局").id]
    key = add_template(ctx.db)

    def inspect(company, started, bad, lock=True):
        inspection = svc.start(company_id=company, template_key=key, kind="official",
                               inspector_ids=team, started_at=f"{started}T09:00+08:00")
        for item in ("a1", "a2"):
            svc.set_answer(inspection, item, "non_compliant" if item in bad else "compliant")
        svc.set_answer(inspection, "dust", False)
        svc.set_answer(inspection, "n1", 3)
        svc.set_answer(inspection, "t1", "not_applicable")
        for finding in svc.get(inspection).findings:
            svc.update_finding(finding.id, requirement="立即整改", responsible="车间主任")
        assert svc.complete(inspection) == []
        if lock:
            sign_missing(svc, inspection)
            svc.lock(inspection)
        return inspection

    mill = add_company(ctx.db, name="泉台纺织有限公司", town="城关镇")
    plant = add_company(ctx.db, name="东山化工厂", town="东山镇")
    shop = add_company(ctx.db, name="西湖五金商店", town="西湖街道", industry="commerce")
    mill_inspection = inspect(mill, "2026-11-02", ("a1", "a2"))
    plant_original = inspect(plant, "2026-11-03", ("a1",))
    plant_amended = svc.amend(plant_original, "公司名称笔误")
    shop_draft = svc.start(company_id=shop, template_key=key, kind="self",
                           inspector_ids=team[:1], started_at="2026-11-25T14:00+08:00")
    svc.add_finding(shop_draft, description="消防通道堆放杂物", grade="general")
    return {"svc": svc, "team": team, "mill": mill, "plant": plant, "shop": shop,
            "mill_inspection": mill_inspection, "plant_original": plant_original,
            "plant_amended": plant_amended, "shop_draft": shop_draft}


@pytest.fixture
def ledger(ctx, district):
    return HazardLedger(ctx.db, today=lambda: TODAY)


def by_company(rows):
    return sorted((r["company_name"], r["seq"]) for r in rows)


def test_rows_carry_the_ledger_fields(ledger, district):
    rows = {(r["company_name"], r["seq"]): r for r in ledger.rows(ALL)}
    a1 = rows[("泉台纺织有限公司", 1)]
    assert a1["ledger_number"] == "（泉台）应急检记〔2026〕1号-1"
    assert a1["company_id"] == district["mill"] and a1["town"] == "城关镇"
    assert a1["industry"] == "textile" and a1["found_on"] == "2026-11-02"
    assert a1["grade"] == "general" and a1["item_id"] == "a1"
    assert a1["legal_basis"] == "第五条" and a1["requirement"] == "立即整改"
    assert a1["responsible"] == "车间主任" and a1["deadline"] == "2026-11-17"
    assert a1["status"] == "open" and a1["inspection_status"] == "signed" and a1["issued"]
    assert a1["inspection_id"] == district["mill_inspection"]
    assert (a1["overdue"], a1["days_overdue"]) == (True, 23)
    a2 = rows[("泉台纺织有限公司", 2)]
    assert a2["grade"] == "major" and a2["deadline"] == "2026-12-02"
    assert (a2["overdue"], a2["days_overdue"]) == (True, 8)


def test_superseded_revisions_are_left_out(ledger, district):
    plant = [r for r in ledger.rows(ALL) if r["company_id"] == district["plant"]]
    assert [r["inspection_id"] for r in plant] == [district["plant_amended"]]
    assert plant[0]["ledger_number"] == "（泉台）应急检记〔2026〕2号（第2版）-1"
    # The amendment is a draft, but its hazard was issued by the signed record it corrects.
    assert plant[0]["inspection_status"] == "draft" and plant[0]["issued"]
    assert plant[0]["overdue"]


def test_draft_hazards_are_listed_but_never_overdue(ledger, district):
    shop = [r for r in ledger.rows(ALL) if r["company_id"] == district["shop"]]
    assert len(shop) == 1 and not shop[0]["issued"]
    assert shop[0]["deadline"] == "2026-12-10"  # default: found + 15 days
    late = HazardLedger(ledger.db, today=lambda: date(2027, 3, 1))
    shop = [r for r in late.rows(ALL) if r["company_id"] == district["shop"]]
    assert (shop[0]["overdue"], shop[0]["days_overdue"]) == (False, 0)
    assert district["shop"] not in {r["company_id"]
                                    for r in late.rows(LedgerFilter(overdue_only=True))}


def test_overdue_depends_on_the_injected_today(ctx, district):
    def overdue(day):
        ledger = HazardLedger(ctx.db, today=lambda: day)
        return by_company(ledger.rows(LedgerFilter(overdue_only=True)))

    assert overdue(date(2026, 11, 17)) == []  # due today is not overdue yet
    assert overdue(date(2026, 11, 18)) == [("泉台纺织有限公司", 1)]
    assert overdue(date(2026, 11, 19)) == [("东山化工厂", 1), ("泉台纺织有限公司", 1)]
    assert overdue(TODAY) == [("东山化工厂", 1), ("泉台纺织有限公司", 1),
                              ("泉台纺织有限公司", 2)]
    # Reported rectified: the company did its part; waiting for the re-inspection is not late.
    first = next(f for f in district["svc"].get(district["mill_inspection"]).findings
                 if f.seq == 1)
    ReinspectionService(ctx.db, ctx.device, actor="张伟").mark_rectified(first.id)
    assert overdue(TODAY) == [("东山化工厂", 1), ("泉台纺织有限公司", 2)]


def test_reinspection_closes_and_reopens(ctx, district, ledger):
    reinspection = ReinspectionService(ctx.db, ctx.device, actor="张伟", today=lambda: TODAY)
    started = reinspection.start(district["mill_inspection"], district["team"],
                                 started_at="2026-12-08T10:00+08:00")
    a1, a2 = reinspection.hazards(started)
    reinspection.record_result(started, a1.id, "rectified")
    reinspection.record_result(started, a2.id, "not_rectified", new_deadline="2026-12-20")
    sign_missing(ctx, started)
    reinspection.complete(started)

    rows = {r["seq"]: r for r in ledger.rows(LedgerFilter(status=None,
                                                          company_id=district["mill"]))}
    assert rows[1]["status"] == "closed" and rows[1]["closed_at"] == TODAY.isoformat()
    assert rows[1]["reinspection_result"] == "rectified"
    assert rows[1]["reinspected_at"] == "2026-12-08" and not rows[1]["overdue"]
    assert rows[2]["status"] == "reopened" and rows[2]["deadline"] == "2026-12-20"
    assert rows[2]["reinspection_result"] == "not_rectified" and not rows[2]["overdue"]

    def statuses(status):
        return by_company(ledger.rows(LedgerFilter(status=status)))

    assert statuses("closed") == [("泉台纺织有限公司", 1)]
    assert statuses("reopened") == [("泉台纺织有限公司", 2)]
    assert statuses("not_closed") == [("东山化工厂", 1), ("泉台纺织有限公司", 2),
                                      ("西湖五金商店", 1)]
    assert ledger.rows() == ledger.rows(LedgerFilter(status="not_closed"))  # the default
    assert len(ledger.rows(ALL)) == 4


def test_a_major_hazards_plan_and_acceptance_are_in_the_ledger(ctx, district, ledger):
    reinspection = ReinspectionService(ctx.db, ctx.device, actor="张伟", today=lambda: TODAY)
    mine = LedgerFilter(status=None, company_id=district["mill"])
    major = next(r for r in ledger.rows(mine) if r["grade"] == "major")
    general = next(r for r in ledger.rows(mine) if r["grade"] == "general")
    assert plan_text(major, zh=True).startswith("缺6项（治理的目标和任务、")
    assert plan_text(general, zh=True) == "" and acceptance_text(major, zh=True) == ""
    reinspection.set_plan(major["finding_id"], GovernancePlan(
        "消除无证作业", "停岗培训", "2万元", "安全科王强", "12月5日前", "无证人员停岗"))
    started = reinspection.start(district["mill_inspection"], district["team"],
                                 started_at="2026-12-08T10:00+08:00")
    reinspection.record_result(started, general["finding_id"], "rectified")
    reinspection.record_result(started, major["finding_id"], "rectified",
                               accepted_on="2026-12-08", accepted_by="张伟、李娜",
                               acceptance_conclusion="同意销号")
    sign_missing(ctx, started)
    reinspection.complete(started)
    row = next(r for r in ledger.rows(mine) if r["grade"] == "major")
    assert plan_text(row, zh=True) == "齐全" and plan_text(row, zh=False) == "complete"
    assert acceptance_text(row, zh=True) == "2026-12-08 张伟、李娜：同意销号"
    table = list(csv.reader(io.StringIO(ledger_csv([row]).decode("utf-8-sig"))))
    cells = dict(zip(table[0], table[1], strict=True))
    assert cells["治理方案"] == "齐全" and cells["评估验收"] == "2026-12-08 张伟、李娜：同意销号"


def test_filters_by_grade_company_town_and_found_date(ledger, district):
    assert by_company(ledger.rows(LedgerFilter(status=None, grade="major"))) == [
        ("泉台纺织有限公司", 2)]
    assert by_company(ledger.rows(LedgerFilter(status=None, town="东山镇"))) == [
        ("东山化工厂", 1)]
    assert len(ledger.rows(LedgerFilter(status=None, company_id=district["mill"]))) == 2
    window = LedgerFilter(status=None, date_from="2026-11-03", date_to="2026-11-24")
    assert by_company(ledger.rows(window)) == [("东山化工厂", 1)]
    assert by_company(ledger.rows(LedgerFilter(status=None, date_from="2026-11-25"))) == [
        ("西湖五金商店", 1)]


def test_search_matches_descriptions_and_company_names(ledger):
    def search(text):
        return by_company(ledger.rows(LedgerFilter(status=None, search=text)))

    assert search("消防") == [("西湖五金商店", 1)]    # two Chinese characters, in a description
    assert search("化工") == [("东山化工厂", 1)]      # in a company name
    assert search("泉") == [("泉台纺织有限公司", 1), ("泉台纺织有限公司", 2)]
    assert search("%") == [] and search("_") == []  # LIKE wildcards are literal text
    assert search("  消防 ") == [("西湖五金商店", 1)]


def test_counts_by_status_grade_and_town(ledger):
    counts = ledger.counts(ALL)
    assert counts.total == 4 and counts.overdue == 3
    assert counts.by_status == {"open": 4}
    assert counts.by_grade == {"general": 3, "major": 1}
    assert counts.by_town == {"城关镇": 2, "东山镇": 1, "西湖街道": 1}
    assert counts.overdue_by_town == {"城关镇": 2, "东山镇": 1}
    assert counts.by_industry == {"textile": 3, "commerce": 1}
    assert ledger.counts(LedgerFilter(status=None, town="城关镇")).total == 2
    assert json.loads(json.dumps(counts.as_dict()))["by_town"]["城关镇"] == 2


def test_csv_has_a_bom_and_chinese_the_csv_module_reads(ledger, tmp_path):
    rows = ledger.rows(ALL)
    target = tmp_path / "台账.csv"
    assert write_ledger_csv(target, rows) == 4
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel on Chinese Windows reads UTF-8 only so
    assert not list(tmp_path.glob(".*.part"))  # written atomically: no temporary file left
    with target.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert list(table[0]) == [header.zh for _, header in CSV_COLUMNS]
    shop = next(r for r in table if r["被检查单位"] == "西湖五金商店")
    assert shop["隐患描述"] == "消防通道堆放杂物" and shop["隐患等级"] == "一般事故隐患"
    assert shop["状态"] == "待整改" and shop["已下达整改"] == "否"
    mill = next(r for r in table if r["隐患编号"].endswith("〔2026〕1号-1"))
    assert mill["逾期天数"] == "23" and mill["整改期限"] == "2026-11-17"

    english = list(csv.reader(io.StringIO(ledger_csv(rows, "en").decode("utf-8-sig"))))
    assert english[0][:3] == ["Hazard number", "Company", "Town"]
    assert "Major accident hazard" in {cell for line in english for cell in line}


def test_csv_quotes_commas_and_newlines(ctx, district, ledger):
    district["svc"].add_finding(district["shop_draft"], description='线路裸露，"私拉"\n乱接, 两处',
                                grade="major")
    rows = [r for r in ledger.rows(ALL) if r["grade"] == "major"
            and r["company_id"] == district["shop"]]
    read = list(csv.reader(io.StringIO(ledger_csv(rows).decode("utf-8-sig"), newline="")))
    assert read[1][5] == '线路裸露，"私拉"\n乱接, 两处'


# -- the CLI ------------------------------------------------------------------------------------

def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cli(ctx, district, data_dir):
    ctx.close()  # the CLI opens its own connection
    return ["--data-dir", str(data_dir.root)]


def test_cli_list_json_with_filters(cli, capsys):
    code, out, _ = run(capsys, *cli, "hazards", "list", "--overdue", "--today", "2026-12-10",
                       "--json")
    assert code == 0
    rows = json.loads(out)
    assert sorted((r["company_name"], r["days_overdue"]) for r in rows) == [
        ("东山化工厂", 22), ("泉台纺织有限公司", 8), ("泉台纺织有限公司", 23)]
    assert "泉台纺织" in out  # ensure_ascii=False
    code, out, _ = run(capsys, *cli, "hazards", "list", "--town", "西湖街道", "--json")
    assert [r["description"] for r in json.loads(out)] == ["消防通道堆放杂物"]
    code, out, _ = run(capsys, *cli, "hazards", "list", "--status", "closed")
    assert code == 0 and out.strip() == "no hazards"


def test_cli_list_table_and_counts(cli, capsys):
    code, out, _ = run(capsys, *cli, "--lang", "zh_CN", "hazards", "list", "--company",
                       "泉台纺织有限公司", "--today", "2026-12-10")
    assert code == 0
    assert "（泉台）应急检记〔2026〕1号-1" in out and "重大事故隐患" in out
    assert out.strip().endswith("隐患 2 项，逾期 2 项")
    code, out, _ = run(capsys, *cli, "hazards", "counts", "--today", "2026-12-10", "--json")
    counts = json.loads(out)
    assert counts["total"] == 4 and counts["overdue"] == 3
    assert counts["by_town"] == {"城关镇": 2, "东山镇": 1, "西湖街道": 1}


def test_cli_export_csv(cli, capsys, tmp_path):
    target = tmp_path / "ledger.csv"
    code, out, _ = run(capsys, *cli, "--lang", "zh_CN", "hazards", "export-csv", "-o",
                       str(target), "--search", "消防")
    assert code == 0 and "已将 1 项隐患写入" in out
    with target.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0][0] == "隐患编号" and table[1][5] == "消防通道堆放杂物"


def test_cli_rejects_a_backwards_date_range(cli, capsys):
    code, _, err = run(capsys, *cli, "hazards", "list", "--from", "2026-12-01", "--to",
                       "2026-11-01")
    assert code == 1 and "after" in err


def test_cli_rejects_a_bad_today(cli, capsys):
    with pytest.raises(SystemExit):
        main([*cli, "hazards", "list", "--today", "30.11.2026"])
    assert "is not a date" in capsys.readouterr().err


def test_counts_grouped_by_the_database_agree_with_the_rows_and_sorts_page(tmp_path):
    from inspector_app.paths import DataDir
    from inspector_app.services.context import AppContext
    from inspector_app.services.demo import build_demo
    from inspector_app.storage.hazards_repo import LEDGER_SORTS, count_rows

    demo = AppContext(DataDir(tmp_path / "demo"))
    try:
        build_demo(demo.db, demo.device, demo.data_dir.photos, companies=6, inspections=24,
                   seed=3, today=date(2026, 6, 1))
        # A deadline that is not a date is shown but never overdue, in SQL as in Python.
        demo.db.execute("UPDATE findings SET current_deadline = 'soon' WHERE rowid IN "
                        "(SELECT rowid FROM findings WHERE status = 'open' LIMIT 1)")
        ledger = HazardLedger(demo.db, today=lambda: date(2026, 6, 1))
        for flt in (LedgerFilter(), LedgerFilter(status=None), LedgerFilter(overdue_only=True),
                    LedgerFilter(grade="major"), LedgerFilter(search="公司")):
            rows = ledger.rows(flt)
            assert ledger.counts(flt).as_dict() == count_rows(rows).as_dict()
            assert ledger.count(flt) == len(rows)
        everything = LedgerFilter(status=None)
        total = ledger.count(everything)
        assert total > 10
        by_overdue = ledger.rows(everything, sort="overdue", descending=True)
        days = [r["days_overdue"] for r in by_overdue]
        assert days == sorted(days, reverse=True) and days[0] > 0
        for sort in LEDGER_SORTS:
            pages = [r["finding_id"] for offset in range(0, total, 7)
                     for r in ledger.rows(everything, sort=sort, limit=7, offset=offset)]
            assert sorted(pages) == sorted(r["finding_id"] for r in ledger.rows(everything))
    finally:
        demo.close()


def test_csv_names_the_checklist_item_as_the_form_does(cli, capsys, tmp_path):
    """The inspector reads "基本要求 2. 特种作业人员持证上岗" in the form, not the item's id."""
    for lang, column, expected in (
            ("zh_CN", "检查项", {"基本要求 1. 安全出口畅通", "基本要求 2. 特种作业人员持证上岗"}),
            ("en", "Checklist item", {"Basics 1. Exits clear",
                                      "Basics 2. Special workers certified"})):
        target = tmp_path / f"ledger-{lang}.csv"
        assert run(capsys, *cli, "--lang", lang, "hazards", "export-csv", "-o",
                   str(target))[0] == 0
        with target.open(encoding="utf-8-sig", newline="") as handle:
            items = {row[column] for row in csv.DictReader(handle)}
        assert items == expected | {""}       # the shop's own hazard has no checklist item
