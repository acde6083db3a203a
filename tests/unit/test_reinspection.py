import json
from dataclasses import replace
from datetime import date

import pytest

from inspector_app.domain.finding import FindingStatus
from inspector_app.domain.governance import GovernancePlan
from inspector_app.domain.inspection import Kind, Status
from inspector_app.domain.profile import Profile
from inspector_app.errors import LockedRecordError, NotFoundError, ValidationError
from inspector_app.services.inspections import InspectionService
from inspector_app.services.reinspection import ReinspectionService
from inspector_app.storage.repositories import InspectorRepo, ProfileRepo
from tests.factories import add_company, add_template
from tests.pdf_scenarios import sign_missing

TODAY = date(2026, 12, 10)
# A complete governance plan (治理方案) and an acceptance: what closing a major hazard needs.
PLAN = GovernancePlan(plan_goal="消除无证上岗作业", plan_method="停岗培训、取证后上岗",
                      plan_funds="培训经费2万元已落实", plan_organisation="安全科，科长王强",
                      plan_timeline="2026年12月5日前完成", plan_safety="无证人员一律停岗")
ACCEPTED = {"accepted_on": "2026-12-08", "accepted_by": "张伟、李娜",
            "acceptance_conclusion": "已全部持证上岗，同意销号"}


@pytest.fixture
def inspections(ctx):
    ProfileRepo(ctx.db, ctx.device).save(
        Profile("张伟", "3205001", "泉台区应急管理局", "QT01", "泉台"))
    return InspectionService(ctx.db, ctx.device, actor="张伟")


@pytest.fixture
def svc(ctx, inspections):
    return ReinspectionService(ctx.db, ctx.device, actor="张伟", today=lambda: TODAY)


@pytest.fixture
def team(ctx, inspections):
    repo = InspectorRepo(ctx.db, ctx.device.id)
    return [repo.add("张伟", "3205001", "泉台区应急管理局").id,
            repo.add("李娜", "3205002", "泉台区应急管理局").id]


@pytest.fixture
def key(ctx, inspections):
    return add_template(ctx.db)


@pytest.fixture
def mill(ctx, inspections):
    return add_company(ctx.db, name="泉台纺织有限公司")


def inspect(inspections, company, key, team, *, bad=("a1", "a2"), started="2026-11-02",
            lock=True, kind="official"):
    """An inspection with hazards on the items in ``bad``, completed and (by default) signed."""
    inspection_id = inspections.start(company_id=company, template_key=key, kind=kind,
                                      inspector_ids=team, started_at=f"{started}T09:00+08:00")
    for item in ("a1", "a2"):
        inspections.set_answer(inspection_id, item,
                               "non_compliant" if item in bad else "compliant")
    inspections.set_answer(inspection_id, "dust", False)
    inspections.set_answer(inspection_id, "n1", 3)
    inspections.set_answer(inspection_id, "t1", "not_applicable")
    for finding in inspections.get(inspection_id).findings:
        inspections.update_finding(finding.id, requirement="立即整改", responsible="车间主任")
    assert inspections.complete(inspection_id) == []
    if lock:
        sign_missing(inspections, inspection_id)
        inspections.lock(inspection_id)
    return inspection_id


def statuses(inspections, inspection_id):
    return {f.item_id: f.status for f in inspections.get(inspection_id).findings}


def test_open_hazards_of_a_company_across_its_inspections(ctx, svc, inspections, key, team,
                                                          mill):
    first = inspect(inspections, mill, key, team, started="2026-11-02")
    second = inspect(inspections, mill, key, team, bad=("a2",), started="2026-11-20",
                     lock=False)
    # A draft's hazards are not re-inspected: they can still change or be withdrawn.
    inspections.start(company_id=mill, template_key=key, kind="official", inspector_ids=team)
    draft = inspections.get(inspections.list()[0]["id"])
    inspections.set_answer(draft.id, "a1", "non_compliant")
    # Another company's hazards are not listed.
    other = add_company(ctx.db, name="东山五金商店", industry="commerce")
    inspect(inspections, other, key, team)

    hazards = svc.open_hazards(mill)
    assert [(f.inspection_id, f.item_id) for f, _, _ in hazards] == [
        (first, "a1"), (first, "a2"), (second, "a2")]
    finding, number, day = hazards[0]
    assert number == "（泉台）应急检记〔2026〕1号" and day == "2026-11-02"
    assert finding.status is FindingStatus.OPEN

    # A closed hazard drops out.
    re_id = svc.start(first, team)
    svc.record_result(re_id, hazards[0].finding.id, "rectified")
    svc.record_result(re_id, hazards[1].finding.id, "not_rectified", "2026-12-31")
    sign_missing(ctx, re_id)
    assert svc.complete(re_id).completed
    assert [f.item_id for f, _, _ in svc.open_hazards(mill)] == ["a2", "a2"]

    # An amended record: only the newest revision's hazards count, once it is completed.
    amended = inspections.amend(first, "deadline misprinted")
    assert [f.inspection_id for f, _, _ in svc.open_hazards(mill)] == [second]
    inspections.update_finding(inspections.get(amended).findings[1].id, requirement="加装防护")
    assert inspections.complete(amended) == []
    assert {f.inspection_id for f, _, _ in svc.open_hazards(mill)} == {amended, second}
    assert first not in {f.inspection_id for f, _, _ in svc.open_hazards(mill)}
    companies = svc.companies_with_open_hazards()
    assert [(c.name, c.open_hazards) for c in companies] == [("东山五金商店", 2),
                                                             ("泉台纺织有限公司", 2)]


def test_start_creates_a_numbered_reinspection_following_the_original(
        ctx, svc, inspections, key, team, mill):
    original = inspect(inspections, mill, key, team)
    re_id = svc.start(original, team, started_at="2026-12-09T10:00+08:00", place="一号车间")
    row = inspections.repo.row(re_id)
    source = inspections.repo.row(original)
    assert row["kind"] == "reinspection" and row["status"] == "draft"
    assert row["follows_inspection_id"] == original and row["company_id"] == mill
    assert json.loads(row["section_ids"]) == []
    for column in ("template_key", "template_hash"):
        assert row[column] == source[column]
    assert row["number"] == "（泉台）应急检记〔2026〕2号"
    assert [i.id for i in inspections.repo.inspectors(re_id)] == team
    record = inspections.get(re_id)  # the inspection form can open it: no checklist
    assert record.kind is Kind.REINSPECTION and record.sections == []
    info = svc.get(re_id)
    assert info.follows_number == source["number"] and info.official
    assert [f.item_id for f in svc.hazards(re_id)] == ["a1", "a2"]
    created = [e for e in inspections.history(re_id) if e.action == "create"]
    assert created and "reinspection" in created[0].new_value
    with pytest.raises(ValidationError, match="already in progress"):
        svc.start(original, team)


def test_start_checks_the_team_and_the_original(ctx, svc, inspections, key, team, mill):
    original = inspect(inspections, mill, key, team)
    with pytest.raises(ValidationError, match="at least two inspectors"):
        svc.start(original, team[:1])
    no_id = InspectorRepo(ctx.db, ctx.device.id).add("王芳", None, "泉台区应急管理局").id
    with pytest.raises(ValidationError, match="no enforcement-ID number for 王芳"):
        svc.start(original, [team[0], no_id])
    with pytest.raises(NotFoundError):
        svc.start(original, [team[0], "nobody"])
    with pytest.raises(NotFoundError):
        svc.start("no-such-inspection", team)
    # A company's self-inspection is followed up by its own people: one will do.
    own = inspect(inspections, mill, key, team, kind="self", started="2026-11-05")
    assert svc.start(own, [no_id])
    draft = inspections.start(company_id=mill, template_key=key, kind="official",
                              inspector_ids=team)
    with pytest.raises(ValidationError, match="still a draft"):
        svc.start(draft, team)
    clean = inspect(inspections, mill, key, team, bad=(), started="2026-11-06")
    with pytest.raises(ValidationError, match="nothing to re-inspect"):
        svc.start(clean, team)
    re_id = svc.start(original, team)
    with pytest.raises(ValidationError, match="not from another re-inspection"):
        svc.start(re_id, team)
    assert inspections.repo.row(re_id)["status"] == "draft"


def test_record_result_rules_and_upsert(ctx, svc, inspections, key, team, mill):
    original = inspect(inspections, mill, key, team)
    a1, a2 = inspections.get(original).findings
    re_id = svc.start(original, team)
    with pytest.raises(ValidationError, match="needs a new deadline"):
        svc.record_result(re_id, a1.id, "not_rectified")
    with pytest.raises(ValidationError, match="after today"):
        svc.record_result(re_id, a1.id, "not_rectified", TODAY.isoformat())
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        svc.record_result(re_id, a1.id, "not_rectified", "next week")
    with pytest.raises(ValidationError, match="no new deadline"):
        svc.record_result(re_id, a1.id, "rectified", "2027-01-01")
    with pytest.raises(ValidationError, match="rectified or not_rectified"):
        svc.record_result(re_id, a1.id, "maybe")
    other = inspect(inspections, mill, key, team, started="2026-11-04")
    with pytest.raises(ValidationError, match="was not found by the inspection"):
        svc.record_result(re_id, inspections.get(other).findings[0].id, "rectified")

    svc.record_result(re_id, a1.id, "not_rectified", "2026-12-20", note="  未见整改  ")
    saved = svc.record_result(re_id, a1.id, "rectified", note="已更换")
    assert (saved.result, saved.new_deadline, saved.note) == ("rectified", None, "已更换")
    assert ctx.db["reinspection_results"].count == 1
    assert [f.id for f in svc.missing(re_id)] == [a2.id]
    entries = [(e.entity, e.action) for e in inspections.history(re_id)
               if e.entity == "reinspection_result"]
    assert entries == [("reinspection_result", "create"), ("reinspection_result", "update")]
    # Nothing of the hazards changed yet.
    assert statuses(inspections, original) == {"a1": FindingStatus.OPEN,
                                               "a2": FindingStatus.OPEN}


def test_complete_closes_the_accepted_hazard_and_reopens_the_other(
        ctx, svc, inspections, key, team, mill):
    original = inspect(inspections, mill, key, team)
    a1, a2 = inspections.get(original).findings
    svc.mark_rectified(a1.id)  # the company reports a1 done; a2 it does not
    re_id = svc.start(original, team, started_at="2026-12-09T10:00+08:00")
    svc.record_result(re_id, a1.id, "rectified", note="已整改")
    svc.record_result(re_id, a2.id, "not_rectified", "2027-01-15", note="未整改")

    from inspector_app.services.documents import canonical_record_data, load_record_data

    before = canonical_record_data(load_record_data(ctx.db, original))
    sign_missing(ctx, re_id)
    outcome = svc.complete(re_id)
    # What the original record says (and a signature over it vouches for) did not change.
    assert canonical_record_data(load_record_data(ctx.db, original)) == before
    assert outcome.completed
    assert [f.id for f in outcome.closed] == [a1.id]
    assert [f.id for f in outcome.reopened] == [a2.id]
    closed, reopened = inspections.get(original).findings
    assert closed.status is FindingStatus.CLOSED and closed.closed_at == TODAY.isoformat()
    assert (closed.reinspection_result, closed.reinspected_at) == ("rectified", "2026-12-09")
    assert reopened.status is FindingStatus.REOPENED and reopened.closed_at is None
    assert reopened.deadline_in_force == "2027-01-15"
    assert reopened.reinspection_result == "not_rectified"
    assert reopened.deadline == a2.deadline  # the order's deadline stays as issued
    row = inspections.repo.row(re_id)
    assert row["status"] == "completed" and row["ended_at"]
    # Every change audited: the hazards in the original's history, the status in the re-one's.
    changes = [(e.entity_id, e.field, e.old_value, e.new_value)
               for e in inspections.history(original) if e.entity == "finding"
               and e.action == "update"]
    assert (a1.id, "status", "open", "rectified") in changes  # mark_rectified
    assert (a1.id, "status", "rectified", "closed") in changes
    assert (a1.id, "closed_at", None, TODAY.isoformat()) in changes
    # a2 was never reported done: not accepted, reopened with its new deadline.
    assert (a2.id, "status", "open", "reopened") in changes
    assert not any(c[0] == a2.id and c[3] == "rectified" for c in changes)
    assert (a2.id, "current_deadline", None, "2027-01-15") in changes
    status_change = [e for e in inspections.history(re_id) if e.field == "status"]
    assert status_change[-1].new_value == "completed"
    assert "1 closed, 1 reopened" in status_change[-1].reason
    # Completed: the results are final.
    with pytest.raises(LockedRecordError):
        svc.record_result(re_id, a2.id, "rectified")
    with pytest.raises(LockedRecordError):
        svc.complete(re_id)
    assert [f.id for f in svc.hazards(re_id)] == [a1.id, a2.id]

    # The reopened hazard is re-inspected again later and closed.
    again = svc.start(original, team)
    assert [f.id for f in svc.hazards(again)] == [a2.id]
    svc.set_plan(a2.id, PLAN)
    svc.record_result(again, a2.id, "rectified", **ACCEPTED)
    sign_missing(ctx, again)
    assert svc.complete(again).closed[0].id == a2.id
    assert statuses(inspections, original) == {"a1": FindingStatus.CLOSED,
                                               "a2": FindingStatus.CLOSED}
    with pytest.raises(ValidationError, match="nothing to re-inspect"):
        svc.start(original, team)


def test_complete_waits_for_every_signature_on_the_results_as_they_stand(
        ctx, svc, inspections, key, team, mill):
    original = inspect(inspections, mill, key, team)
    a1, a2 = inspections.get(original).findings
    re_id = svc.start(original, team)
    svc.record_result(re_id, a1.id, "rectified")
    svc.record_result(re_id, a2.id, "not_rectified", "2027-01-15")
    audit_before = ctx.db["audit_log"].count
    with pytest.raises(ValidationError) as refused:
        svc.complete(re_id)
    assert refused.value.localized("en") == (
        "Signatures are still missing: inspector 张伟; inspector 李娜; the company's person in "
        "charge (or their refusal and a witness). Collect them before completing the "
        "re-inspection; nothing was changed.")
    assert "被检查单位" not in refused.value.localized("en")
    assert inspections.repo.row(re_id)["status"] == Status.DRAFT.value
    assert statuses(inspections, original) == {"a1": FindingStatus.OPEN,
                                               "a2": FindingStatus.OPEN}
    assert ctx.db["audit_log"].count == audit_before

    # Signed, then a result changed: the signatures no longer cover what the opinion says.
    sign_missing(ctx, re_id)
    svc.record_result(re_id, a2.id, "not_rectified", "2027-02-15")
    with pytest.raises(ValidationError, match="inspector 张伟 \\(again: the record changed"):
        svc.complete(re_id)
    assert inspections.repo.row(re_id)["status"] == Status.DRAFT.value
    sign_missing(ctx, re_id)
    assert svc.complete(re_id).completed


def test_incomplete_results_change_nothing(ctx, svc, inspections, key, team, mill):
    original = inspect(inspections, mill, key, team)
    a1, a2 = inspections.get(original).findings
    re_id = svc.start(original, team)
    svc.record_result(re_id, a1.id, "rectified")
    audit_before = ctx.db["audit_log"].count
    outcome = svc.complete(re_id)
    assert not outcome.completed
    assert [f.id for f in outcome.missing] == [a2.id]
    assert outcome.closed == [] and outcome.reopened == []
    assert statuses(inspections, original) == {"a1": FindingStatus.OPEN,
                                               "a2": FindingStatus.OPEN}
    assert inspections.repo.row(re_id)["status"] == Status.DRAFT.value
    assert ctx.db["audit_log"].count == audit_before


def test_mark_rectified(ctx, svc, inspections, key, team, mill):
    original = inspect(inspections, mill, key, team)
    a1 = inspections.get(original).findings[0]
    assert svc.mark_rectified(a1.id).status is FindingStatus.RECTIFIED
    assert svc.mark_rectified(a1.id).status is FindingStatus.RECTIFIED  # idempotent
    entries = [e for e in inspections.history(original) if e.entity == "finding"
               and e.field == "status"]
    assert len(entries) == 1 and entries[0].reason == "the company reports it rectified"
    with pytest.raises(NotFoundError):
        svc.mark_rectified("nope")


# -- the command line ---------------------------------------------------------------------------

def run(capsys, *argv):
    from inspector_app.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_open_hazards_start_result_complete(ctx, data_dir, inspections, key, team, mill,
                                                capsys):
    original = inspect(inspections, mill, key, team)
    a2 = inspections.get(original).findings[1]
    number = inspections.repo.row(original)["number"]
    ctx.close()  # the CLI opens its own connection
    base = ["--data-dir", str(data_dir.root)]

    code, out, _ = run(capsys, *base, "reinspect", "open-hazards", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [(r["company_name"], r["seq"], r["status"]) for r in rows] == [
        ("泉台纺织有限公司", 1, "open"), ("泉台纺织有限公司", 2, "open")]
    assert rows[0]["inspection_number"] == number
    code, out, _ = run(capsys, *base, "reinspect", "open-hazards", "--company", "泉台纺织有限公司")
    assert code == 0 and "泉台纺织有限公司" in out and "经检查，“安全出口畅通”的要求未落实" in out

    code, _, err = run(capsys, *base, "reinspect", "start", number, "--inspector", "3205002")
    assert code == 1 and "at least two inspectors" in err
    # The profile and the team both hold a 张伟 3205001 here: ambiguous, so the id is asked for.
    code, _, err = run(capsys, *base, "reinspect", "start", number, "--inspector", "3205001",
                       "--inspector", "李娜")
    assert code == 1 and "give the id" in err
    code, out, _ = run(capsys, *base, "reinspect", "start", number, "--inspector", team[0],
                       "--inspector", "李娜")
    assert code == 0
    re_id, re_number = out.splitlines()[0].split()
    assert re_number == "（泉台）应急检记〔2026〕2号"

    code, out, _ = run(capsys, *base, "reinspect", "result", re_id, "1", "rectified",
                       "--note", "已更换")
    assert code == 0 and "hazard 1: rectified" in out and "still without a result: 2" in out
    code, _, err = run(capsys, *base, "reinspect", "complete", re_id[:8])
    assert code == 1 and "1 hazard(s) have no re-inspection result: 2." in err
    code, _, err = run(capsys, *base, "reinspect", "result", re_id, a2.id, "not_rectified")
    assert code == 1 and "needs a new deadline" in err
    code, out, _ = run(capsys, *base, "reinspect", "result", re_id, a2.id[:8], "not_rectified",
                       "--new-deadline", "2099-06-30")
    assert code == 0 and "new deadline 2099-06-30" in out

    # Every result is in, but nobody signed: the command line refuses as the window does.
    code, _, err = run(capsys, *base, "reinspect", "complete", re_number)
    assert code == 1
    assert ("Signatures are still missing: inspector 张伟; inspector 李娜; the company's person "
            "in charge (or their refusal and a witness).") in err
    assert ctx.reinspection.get(re_id).status is Status.DRAFT
    sign_missing(ctx, re_id)
    code, out, _ = run(capsys, *base, "reinspect", "complete", re_number)
    assert code == 0
    assert "closed    1." in out and "reopened  2." in out and "2099-06-30" in out
    assert out.splitlines()[-1] == "1 closed, 1 reopened"
    code, out, _ = run(capsys, *base, "reinspect", "open-hazards")
    assert code == 0 and "复查未通过" not in out and "Reopened" in out
    code, out, _ = run(capsys, *base, "--lang", "zh_CN", "reinspect", "open-hazards")
    assert "复查未通过" in out


def test_cli_names_what_it_cannot_find(data_dir, inspections, capsys):
    base = ["--data-dir", str(data_dir.root)]
    code, out, _ = run(capsys, *base, "reinspect", "open-hazards")
    assert code == 0 and out.strip() == "no open hazards"
    code, _, err = run(capsys, *base, "reinspect", "open-hazards", "--company", "无此公司")
    assert code == 1 and "No company 无此公司" in err
    code, _, err = run(capsys, *base, "reinspect", "complete", "deadbeef")
    assert code == 1 and "No inspection" in err


# -- a major hazard's governance plan (治理方案) and acceptance (评估/验收) --
def test_a_major_hazard_is_closed_only_with_its_plan_and_a_recorded_acceptance(
        ctx, svc, inspections, key, team, mill):
    original = inspect(inspections, mill, key, team)
    a1, a2 = inspections.get(original).findings
    re_id = svc.start(original, team)
    # A general hazard needs neither.
    svc.record_result(re_id, a1.id, "rectified")
    with pytest.raises(ValidationError, match=r"governance plan.*missing: Goal and tasks, "
                       r"Methods and measures.*Safety measures and emergency plan") as refused:
        svc.record_result(re_id, a2.id, "rectified", **ACCEPTED)
    assert "治理的目标和任务、采取的方法和措施" in refused.value.localized("zh_CN")
    svc.set_plan(a2.id, replace(PLAN, plan_funds="  "))
    with pytest.raises(ValidationError, match="missing: Funds and materials"):
        svc.record_result(re_id, a2.id, "rectified", **ACCEPTED)
    svc.set_plan(a2.id, PLAN)
    with pytest.raises(ValidationError, match=r"recorded acceptance.*: who accepted it, the "
                       r"acceptance conclusion missing") as refused:
        svc.record_result(re_id, a2.id, "rectified", accepted_on="2026-12-08")
    # Named in Chinese in a Chinese sentence (not "缺少the conclusion").
    assert refused.value.localized("zh_CN") == (
        "重大事故隐患须有评估/验收记录方可销号：缺少验收人、验收结论。")
    with pytest.raises(ValidationError, match="cannot be in the future"):
        svc.record_result(re_id, a2.id, "rectified", **{**ACCEPTED, "accepted_on": "2026-12-11"})
    with pytest.raises(ValidationError, match="must be a date"):
        svc.record_result(re_id, a2.id, "rectified", **{**ACCEPTED, "accepted_on": "上周"})
    assert svc.missing(re_id) == [inspections.get(original).findings[1]]
    saved = svc.record_result(re_id, a2.id, "rectified", **ACCEPTED)
    assert (saved.accepted_on, saved.accepted_by, saved.acceptance_conclusion) == (
        "2026-12-08", "张伟、李娜", "已全部持证上岗，同意销号")

    # The plan emptied after the result was recorded: completing refuses and changes nothing.
    svc.set_plan(a2.id, replace(PLAN, plan_safety=None))
    with pytest.raises(ValidationError, match="missing: Safety measures and emergency plan"):
        svc.complete(re_id)
    assert statuses(inspections, original) == {"a1": FindingStatus.OPEN,
                                               "a2": FindingStatus.OPEN}
    svc.set_plan(a2.id, PLAN)
    sign_missing(ctx, re_id)
    assert len(svc.complete(re_id).closed) == 2
    closed = inspections.get(original).findings[1]
    assert closed.status is FindingStatus.CLOSED
    assert (closed.accepted_on, closed.accepted_by, closed.acceptance_conclusion) == (
        "2026-12-08", "张伟、李娜", "已全部持证上岗，同意销号")
    assert closed.plan_goal == "消除无证上岗作业"
    # A closed hazard's plan no longer changes.
    with pytest.raises(ValidationError, match="closed"):
        svc.set_plan(a2.id, replace(PLAN, plan_goal="改"))


def test_plan_rules_and_audit(ctx, svc, inspections, key, team, mill):
    original = inspect(inspections, mill, key, team)
    a1, a2 = inspections.get(original).findings
    with pytest.raises(ValidationError, match="major hazards only"):
        svc.set_plan(a1.id, PLAN)
    svc.set_plan(a2.id, GovernancePlan(plan_goal="消除无证上岗作业"))
    svc.set_plan(a2.id, GovernancePlan(plan_goal="消除无证上岗作业"))  # unchanged: no entry
    entries = [e for e in inspections.history(original)
               if e.entity_id == a2.id and e.reason == "governance plan"]
    assert [(e.field, e.old_value, e.new_value) for e in entries] == [
        ("plan_goal", None, "消除无证上岗作业")]
    # A major hazard found not rectified needs no acceptance.
    re_id = svc.start(original, team)
    assert svc.record_result(re_id, a2.id, "not_rectified", "2027-01-10").accepted_on is None


def test_cli_records_the_plan_and_the_acceptance(ctx, data_dir, inspections, key, team, mill,
                                                 capsys):
    original = inspect(inspections, mill, key, team, bad=("a2",))
    a2 = inspections.get(original).findings[0]
    ctx.close()
    base = ["--data-dir", str(data_dir.root)]
    code, out, _ = run(capsys, *base, "reinspect", "plan", a2.id, "--goal", "消除无证上岗作业")
    assert code == 0 and "incomplete, missing Methods and measures" in out
    code, out, _ = run(capsys, *base, "reinspect", "plan", a2.id, "--method", "停岗培训",
                       "--funds", "2万元", "--organisation", "安全科", "--timeline", "12月5日前",
                       "--safety", "无证人员停岗")
    assert code == 0 and "governance plan complete" in out
    code, out, _ = run(capsys, *base, "reinspect", "start", original, "--inspector", team[0],
                       "--inspector", team[1])
    re_id = out.split()[0]
    code, _, err = run(capsys, *base, "reinspect", "result", re_id, "1", "rectified")
    assert code == 1 and "recorded acceptance" in err
    code, out, _ = run(capsys, *base, "reinspect", "result", re_id, "1", "rectified",
                       "--accepted-on", "2026-11-03", "--accepted-by", "张伟",
                       "--acceptance", "整改到位")
    assert code == 0 and "hazard 1: rectified" in out


def test_an_amended_record_keeps_the_plan(ctx, svc, inspections, key, team, mill):
    original = inspect(inspections, mill, key, team, bad=("a2",))
    (a2,) = inspections.get(original).findings
    svc.set_plan(a2.id, PLAN)
    amended = inspections.amend(original, "deadline misprinted")
    (copy,) = inspections.get(amended).findings
    assert GovernancePlan.of(copy) == PLAN


def test_a_hazard_reported_rectified_is_not_counted_overdue(ctx, inspections, key, team, mill):
    # The ledger counts overdue only while the company owes the work; the re-inspection
    # dialog's company list and its hazard rows say the same.
    from datetime import date

    from inspector_app.ui.dialogs.reinspection_dialog import is_overdue

    inspect(inspections, mill, key, team)
    late = ReinspectionService(ctx.db, ctx.device, actor="张伟", today=lambda: date(2030, 1, 1))
    [company] = late.companies_with_open_hazards()
    assert (company.open_hazards, company.overdue) == (2, 2)
    first, _second = (h.finding for h in late.open_hazards(mill))
    late.mark_rectified(first.id)
    [company] = late.companies_with_open_hazards()
    assert (company.open_hazards, company.overdue) == (2, 1)
    rectified, still_open = (h.finding for h in late.open_hazards(mill))
    assert rectified.status is FindingStatus.RECTIFIED
    assert not is_overdue(rectified, date(2030, 1, 1))
    assert is_overdue(still_open, date(2030, 1, 1))
