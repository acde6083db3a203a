"""Supervision classes, standardisation certificates and the stored yearly plan."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from inspector_app.cli import main
from inspector_app.domain.records import new_id, record_stamp
from inspector_app.domain.risk import DEFAULT_SCHEME, RiskScheme, Standardisation
from inspector_app.errors import ValidationError
from inspector_app.services.classification import ClassificationService
from inspector_app.services.plans import PlanService
from inspector_app.services.sync.tables import BY_NAME, NEVER_CARRIED
from inspector_app.services.year_plan import YearPlanService
from inspector_app.storage.companies_repo import CompanyRepo
from inspector_app.storage.repositories import InspectorRepo
from tests.factories import add_company, add_template

TODAY = date(2026, 11, 30)


def _major_hazard(db, company_id: str, when: date) -> None:
    inspection = new_id()
    stamp = record_stamp("test")
    with db.atomic():
        db["inspections"].insert({
            "id": inspection, "company_id": company_id, "template_key": "t@1",
            "template_id": "t", "template_version": "1", "template_hash": "0",
            "kind": "official", **stamp}, alter=False)
        db["findings"].insert({
            "id": new_id(), "inspection_id": inspection, "seq": 1, "description": "x",
            "grade": "major", **{**stamp, "created_at": f"{when.isoformat()}T08:00:00.000Z"}})


def test_suggested_class_comes_from_the_data(ctx) -> None:
    service = ClassificationService(ctx.db, ctx.device, "王科长")
    plain = add_company(ctx.db, name="泉台百货", industry="commerce")
    dust = add_company(ctx.db, name="泉台木业", industry="light_industry",
                       special_areas=["combustible_dust"])
    found = add_company(ctx.db, name="泉台铸造", industry="machinery")
    old = add_company(ctx.db, name="泉台机械", industry="machinery")
    _major_hazard(ctx.db, found, TODAY - timedelta(days=30))
    _major_hazard(ctx.db, old, TODAY - timedelta(days=400))  # older than 12 months
    source = add_company(ctx.db, name="泉台气体", industry="chemical")
    service.set_facts(source, major_hazard_source=True)
    rows = {r.company_id: r for r in service.overview(TODAY)}
    assert (rows[plain].suggested, rows[plain].reasons) == ("low", ())
    assert (rows[dust].suggested, rows[dust].reasons) == ("high", ("combustible_dust",))
    assert (rows[found].suggested, rows[found].reasons) == ("major", ("major_hazard_found",))
    assert rows[old].suggested == "low"
    assert rows[source].suggested == "major"
    assert "major_hazard_source" in rows[source].reasons


def test_decision_records_who_when_why_and_sets_the_company_class(ctx) -> None:
    service = ClassificationService(ctx.db, ctx.device, "王科长")
    company = add_company(ctx.db, industry="commerce")
    with pytest.raises(ValidationError, match="Say why"):
        service.decide(company, "high", " ")
    with pytest.raises(ValidationError, match="Unknown class"):
        service.decide(company, "purple", "x")
    service.decide(company, "high", "去年发生火灾")
    row = service.get(company)
    assert (row.current, row.decided_by, row.why) == ("high", "王科长", "去年发生火灾")
    assert row.differs  # the suggestion (blue) stays visible beside the decision
    assert CompanyRepo(ctx.db, ctx.device.id).get(company).risk_level == "high"
    audit = ctx.db.execute("SELECT actor, new_value, reason FROM audit_log WHERE "
                           "action = 'classify'").fetchall()
    assert audit == [("王科长", "high", "去年发生火灾")]
    assert service.accept_suggestions("年度分级") == 0  # already decided
    assert service.accept_suggestions("年度分级", unclassified_only=False) == 1
    assert service.get(company).current == "low"
    assert [h[1] for h in service.history(company)] == ["low", "high"]


def test_scheme_is_configurable_and_checked(ctx) -> None:
    service = ClassificationService(ctx.db, ctx.device)
    three = RiskScheme.from_dict({
        "classes": [{"key": "major", "zh": "重点", "visits": 3},
                    {"key": "moderate", "zh": "一般", "visits": 1},
                    {"key": "low", "zh": "低风险", "sample": 0.1}],
        "reasons": {"combustible_dust": "major"}, "default": "moderate"})
    service.set_scheme(three)
    company = add_company(ctx.db, special_areas=["combustible_dust"])
    assert service.get(company).suggested == "major"
    with pytest.raises(ValidationError, match="not in the scheme"):
        RiskScheme.from_dict({**DEFAULT_SCHEME.to_dict(), "default": "purple"})


def test_standardisation_expiring_and_missing(ctx, capsys) -> None:
    service = ClassificationService(ctx.db, ctx.device)
    soon = add_company(ctx.db, name="甲厂")
    later = add_company(ctx.db, name="乙厂")
    none = add_company(ctx.db, name="丙厂")
    service.set_standardisation(soon, Standardisation("三级", "AQBIII2024001", "2024-01-10",
                                                      (TODAY + timedelta(days=20)).isoformat()))
    service.set_standardisation(later, Standardisation("二级", "AQBII2025002", "2025-01-10",
                                                       "2028-01-09"))
    with pytest.raises(ValidationError, match="expires before"):
        service.set_standardisation(none, Standardisation("三级", "X", "2025-01-10",
                                                          "2024-01-10"))
    with pytest.raises(ValidationError, match="Unknown standardisation grade"):
        service.set_standardisation(none, Standardisation("四级", "X"))
    assert [r.name for r in service.expiring(30, TODAY)] == ["甲厂"]
    assert [r.name for r in service.without_certificate(TODAY)] == ["丙厂"]
    assert main(["standardisation", "missing"]) == 0
    assert "丙厂" in capsys.readouterr().out


def test_office_tables_never_travel() -> None:
    office = {"company_supervision", "company_classifications", "plan_teams", "year_plans",
              "year_plan_visits"}
    assert office <= set(NEVER_CARRIED) and not office & set(BY_NAME)


@pytest.fixture
def district(ctx):
    people = InspectorRepo(ctx.db, ctx.device.id)
    team = [people.add("张伟", "32050012", "泉台区应急管理局").id,
            people.add("李娜", "32050013", "泉台区应急管理局").id]
    key = add_template(ctx.db)
    companies = [add_company(ctx.db, name=f"公司{i}", town=f"镇{i % 3}") for i in range(12)]
    classes = ClassificationService(ctx.db, ctx.device, "王科长")
    for i, c in enumerate(companies):
        classes.decide(c, ["major", "high", "moderate"][i % 3], "测试")
    plans = YearPlanService(ctx.db, ctx.device, "王科长")
    plans.add_team("一组", team, 3)
    return plans, key, companies


def test_plan_generate_move_approve_issue(ctx, district) -> None:
    plans, key, companies = district
    plans.generate(2027, key, seed=7)
    visits = plans.visits(2027)
    assert len(visits) == 4 * 4 + 4 * 2 + 4 * 1
    # the same seed gives the same plan
    plans.generate(2027, key, seed=7)
    assert [(v.visit.company_id, v.visit.day) for v in plans.visits(2027)] == [
        (v.visit.company_id, v.visit.day) for v in visits]
    visits = plans.visits(2027)  # stored again: new visit ids
    grid = plans.grid(2027)
    team = plans.teams()[0]
    assert all(len(v) <= 3 for v in grid.values())
    free = next(m for m in range(1, 13) if len(grid.get((team.id, m), [])) < 3
                and all(v.visit.month != m for v in plans.visits(2027)
                        if v.visit.company_id == visits[0].visit.company_id))
    moved = plans.move_visit(2027, visits[0].id, team.name, free)
    assert moved.month == free
    full = next(m for m in range(1, 13) if len(plans.grid(2027).get((team.id, m), [])) == 3)
    with pytest.raises(ValidationError, match="full"):
        plans.move_visit(2027, plans.visits(2027)[-1].id, team.name, full)
    with pytest.raises(ValidationError, match="draft"):
        plans.issue(2027)
    plans.approve(2027)
    with pytest.raises(ValidationError, match="already approved"):
        plans.generate(2027, key)
    assert plans.issue(2027) == 28
    planned = PlanService(ctx.db, ctx.device).list()
    assert len(planned) == 28 and all(len(p.inspector_ids) == 2 for p in planned)
    first = planned[0]
    PlanService(ctx.db, ctx.device).start(first.id)
    coverage = plans.coverage(2027)
    month = int(first.due_date[5:7])
    assert sum(p for p, _ in coverage.values()) == 28
    assert coverage[month][1] == 1 and sum(s for _, s in coverage.values()) == 1
    # A company closed in the summer keeps its earlier visits and loses the later ones.
    gone = companies[0]
    dropped = plans.drop_company(2027, gone, date(2027, 7, 1), "企业关闭")
    left = [v for v in plans.visits(2027) if v.visit.company_id == gone]
    assert dropped + len(left) == 4 and all(v.visit.day < "2027-07-01" for v in left)
    still_planned = [p for p in PlanService(ctx.db, ctx.device).list() if p.id != first.id]
    assert len(still_planned) == 27 - dropped + (1 if first.company_id == gone
                                                  and first.due_date >= "2027-07-01" else 0)


def test_plan_refusals_say_what_does_not_fit(ctx, district, capsys) -> None:
    plans, key, _ = district
    plans.update_team("一组", capacity=2)
    with pytest.raises(ValidationError, match=r"needs 28 visits .* 24 a year: 4 visits"):
        plans.generate(2027, key)
    plans.add_team("二组", [], 5)
    with pytest.raises(ValidationError, match="team 二组 has no inspectors"):
        plans.generate(2027, key)
    assert main(["plan-year", "2027", "--template", key]) == 1
    assert "team 二组 has no inspectors" in capsys.readouterr().err


def test_an_inspector_is_in_one_team_only_and_the_refusal_names_them(ctx, district) -> None:
    plans, key, _ = district
    people = InspectorRepo(ctx.db, ctx.device.id)
    first = plans.teams()[0]
    wang = people.add("王芳", "32050014", "泉台区应急管理局").id
    with pytest.raises(ValidationError, match="张伟 is in 一组"):
        plans.add_team("二组", [first.inspector_ids[0], wang], 3)
    assert [t.name for t in plans.teams()] == ["一组"]
    two = plans.add_team("二组", [wang, people.add("赵敏", "32050015", "局").id], 3)
    with pytest.raises(ValidationError, match="李娜 is in 一组"):
        plans.update_team(two, inspector_ids=[wang, first.inspector_ids[1]])
    plans.update_team("一组", inspector_ids=[*first.inspector_ids, first.inspector_ids[0]])
    assert plans.team("一组").inspector_ids == first.inspector_ids      # named twice: once
    # Teams set up before the rule (or carried in) are named when the plan is made.
    plans.repo.update_team(two, {"inspector_ids": json.dumps([wang, first.inspector_ids[1]])})
    with pytest.raises(ValidationError, match="one team only: 李娜 is in 一组, 二组"):
        plans.generate(2027, key)


def test_an_issued_plan_reaches_the_laptop_and_the_office_tables_stay(tmp_path) -> None:
    from inspector_app.services.sync import export_bundle, import_bundle
    from tests.unit.test_sync import ORG_PASS, World

    world = World(tmp_path)
    try:
        office, laptop = world.office, world.a
        people = InspectorRepo(office.db, office.device.id)
        team = [people.add("张伟", "32050012", "局").id, people.add("李娜", "32050013", "局").id]
        key = add_template(office.db)
        classes = ClassificationService(office.db, office.device, "王科长")
        for i in range(3):
            classes.decide(add_company(office.db, name=f"公司{i}"), "moderate", "测试")
        plans = YearPlanService(office.db, office.device, "王科长")
        plans.add_team("一组", team, 2)
        plans.generate(2027, key, seed=1)
        plans.approve(2027)
        assert plans.issue(2027) == 3
        dest = tmp_path / "to-laptops"
        dest.mkdir()
        bundle = export_bundle(office.db, office.data_dir, office.device, dest,
                               passphrase=ORG_PASS)
        import_bundle(laptop.db, laptop.data_dir, laptop.device, bundle)
        received = PlanService(laptop.db, laptop.device).list()
        assert len(received) == 3 and {p.note[:4] for p in received} == {"2027"}
        assert laptop.db.execute("SELECT COUNT(*) FROM companies WHERE risk_level = "
                                 "'moderate'").fetchone()[0] == 3
        for table in ("company_classifications", "year_plans", "year_plan_visits"):
            assert laptop.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0
    finally:
        world.close()


def test_a_company_closed_from_a_past_day_keeps_the_visits_already_made(ctx) -> None:
    from inspector_app.storage.repositories import InspectorRepo
    from tests.factories import add_company, add_template

    people = InspectorRepo(ctx.db, ctx.device.id)
    team = [people.add("张伟", "32050012", "局").id, people.add("李娜", "32050013", "局").id]
    key = add_template(ctx.db)
    closing = add_company(ctx.db, name="华兴纺织有限公司", town="城关镇")
    ClassificationService(ctx.db, ctx.device, "王科长").decide(closing, "major", "测试")
    plans = YearPlanService(ctx.db, ctx.device, "王科长")
    plans.add_team("一组", team, 4)
    plans.generate(2027, key, seed=3)
    plans.approve(2027)
    plans.issue(2027)
    planned = PlanService(ctx.db, ctx.device)
    ours = sorted((p for p in planned.list() if p.company_id == closing),
                  key=lambda p: p.due_date)
    made = ours[1]
    planned.start(made.id)
    before = plans.coverage(2027)
    dropped = plans.drop_company(2027, closing, date(2027, 1, 1), "企业停业")
    assert dropped == len(ours) - 1
    assert plans.coverage(2027)[int(made.due_date[5:7])] == before[int(made.due_date[5:7])]
    kept = [v for v in plans.visits(2027) if v.visit.company_id == closing]
    assert [v.visit.day[:7] for v in kept] == [made.due_date[:7]]
