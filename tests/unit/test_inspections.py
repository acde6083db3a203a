import sqlite3

import pytest

from inspector_app.domain.finding import FindingStatus, Grade
from inspector_app.domain.inspection import Kind, Status
from inspector_app.domain.numbering import parse_number
from inspector_app.domain.profile import Profile
from inspector_app.errors import LockedRecordError, ValidationError
from inspector_app.services.inspections import InspectionService
from inspector_app.storage.inspections_repo import InspectionFilter
from inspector_app.storage.repositories import InspectorRepo, ProfileRepo
from tests.factories import add_company, add_template
from tests.pdf_scenarios import sign_missing


@pytest.fixture
def svc(ctx):
    ProfileRepo(ctx.db, ctx.device).save(
        Profile("张伟", "3205001", "泉台区应急管理局", "QT01", "泉台"))
    return InspectionService(ctx.db, ctx.device, actor="张伟")


@pytest.fixture
def team(ctx, svc):
    repo = InspectorRepo(ctx.db, ctx.device.id)
    return [repo.add("张伟", "3205001", "泉台区应急管理局").id,
            repo.add("李娜", "3205002", "泉台区应急管理局").id]


@pytest.fixture
def inspection(ctx, svc, team):
    key = add_template(ctx.db)
    company = add_company(ctx.db)
    return svc.start(company_id=company, template_key=key, kind=Kind.OFFICIAL,
                     inspector_ids=team, place="一号车间", started_at="2026-11-28T09:00+08:00")


def answer_all(svc, inspection_id, *, a1="compliant"):
    svc.set_answer(inspection_id, "a1", a1)
    svc.set_answer(inspection_id, "a2", "compliant")
    svc.set_answer(inspection_id, "dust", False)
    svc.set_answer(inspection_id, "n1", 4)
    svc.set_answer(inspection_id, "t1", "not_applicable")


def test_start_snapshots_template_numbers_and_scopes_sections(ctx, svc, inspection):
    record = svc.get(inspection)
    assert record.status is Status.DRAFT
    assert record.template.key == "test-small@1"
    assert [s.id for s in record.sections] == ["s1", "s2"]  # textile company gets s2
    assert record.number == "（泉台）应急检记〔2026〕1号"
    assert parse_number(record.number)["prefix"] is None  # no device code in the number
    assert [i.name for i in record.inspectors] == ["张伟", "李娜"]


def test_sections_follow_the_company_industry(ctx, svc, team):
    key = add_template(ctx.db)
    mill = add_company(ctx.db, name="泉台机械厂", industry="machinery")
    record = svc.get(svc.start(company_id=mill, template_key=key, kind="official",
                               inspector_ids=team))
    assert [s.id for s in record.sections] == ["s1"]


def test_official_inspection_needs_two_inspectors_with_ids(ctx, svc, team):
    key = add_template(ctx.db)
    company = add_company(ctx.db)
    with pytest.raises(ValidationError, match="at least two inspectors"):
        svc.start(company_id=company, template_key=key, kind="official", inspector_ids=team[:1])
    no_id = InspectorRepo(ctx.db, ctx.device.id).add("王芳", None, "泉台区应急管理局").id
    with pytest.raises(ValidationError, match="no enforcement-ID number for 王芳"):
        svc.start(company_id=company, template_key=key, kind="official",
                  inspector_ids=[team[0], no_id])
    # A company's self-inspection needs neither.
    assert svc.start(company_id=company, template_key=key, kind="self", inspector_ids=[no_id])


def test_template_edit_never_changes_a_started_inspection(ctx, svc, inspection):
    ctx.db.execute("UPDATE templates SET definition = '{}' WHERE key = 'test-small@1'")
    assert svc.get(inspection).template.item("a1").text.zh == "安全出口畅通"


def test_each_answer_is_committed_and_audited(ctx, svc, inspection):
    svc.set_answer(inspection, "a1", "compliant")
    svc.set_answer(inspection, "a1", "not_applicable")
    svc.set_note(inspection, "a1", "东侧出口")
    # Another connection sees it at once: nothing waits for a Save button.
    other = sqlite3.connect(ctx.data_dir.database)
    assert other.execute("SELECT value, note FROM answers WHERE item_id = 'a1'").fetchone() == (
        '"not_applicable"', "东侧出口")
    other.close()
    entries = [(e.entity, e.field, e.old_value, e.new_value, e.actor)
               for e in svc.history(inspection) if e.entity == "answer"]
    assert entries == [
        ("answer", "value", None, "compliant", "张伟"),
        ("answer", "value", "compliant", "not_applicable", "张伟"),
        ("answer", "note", None, "东侧出口", "张伟"),
    ]


def test_invalid_answers_are_refused(svc, inspection):
    with pytest.raises(ValidationError, match="outside the allowed range"):
        svc.set_answer(inspection, "n1", 11)
    with pytest.raises(ValidationError, match="compliant, non_compliant or not_applicable"):
        svc.set_answer(inspection, "a1", "maybe")
    assert svc.get(inspection).answers == {}


def test_non_compliant_answer_creates_a_prefilled_hazard(svc, inspection):
    finding = svc.set_answer(inspection, "a2", "non_compliant")
    assert finding is not None
    assert finding.grade is Grade.MAJOR
    assert finding.description == "经检查，“特种作业人员持证上岗”的要求未落实"
    assert finding.legal_basis == "第三条第（二）项"
    assert finding.deadline == "2026-12-28"  # 30 days for a major hazard
    assert finding.status is FindingStatus.OPEN
    svc.update_finding(finding.id, requirement="立即停止无证人员作业", responsible="车间主任")
    # Changing the answer back withdraws the hazard, audited.
    svc.set_answer(inspection, "a2", "compliant")
    assert svc.get(inspection).findings == []
    assert any(e.action == "withdraw" and e.entity == "finding" for e in svc.history(inspection))


def test_a_withdrawn_hazard_keeps_what_was_typed_and_comes_back(ctx, svc, inspection):
    from inspector_app.services.documents import load_record_data
    from inspector_app.storage.hazards_repo import HazardLedger, LedgerFilter

    finding = svc.set_answer(inspection, "a2", "non_compliant")
    svc.update_finding(finding.id, requirement="立即停止无证人员作业", responsible="车间主任",
                       onsite_measure="责令无证人员离岗")
    svc.add_finding(inspection, description="配电箱门缺失", grade="general")
    svc.set_answer(inspection, "a2", "compliant")
    record = svc.get(inspection)
    # Kept, withdrawn: out of the hazards, the ledger, the counts and the documents.
    assert [f.id for f in record.withdrawn] == [finding.id]
    assert [f.description for f in record.findings] == ["配电箱门缺失"]
    assert [r["description"] for r in HazardLedger(ctx.db).rows(LedgerFilter(status=None))] \
        == ["配电箱门缺失"]
    listed = svc.list(InspectionFilter())[0]
    assert (listed["hazards"], listed["major_hazards"], listed["open_hazards"]) == (1, 0, 1)
    assert [f.seq for f in load_record_data(ctx.db, inspection).record.findings] == [2]
    assert [m.finding_id for m in svc.missing(inspection) if m.kind == "hazard"] \
        == [record.findings[0].id]  # the withdrawn one asks for nothing
    # Non-compliant again: the same hazard, as it was typed, not an empty one.
    again = svc.set_answer(inspection, "a2", "non_compliant")
    assert again.id == finding.id and again.seq == 1
    assert (again.requirement, again.responsible, again.onsite_measure) == (
        "立即停止无证人员作业", "车间主任", "责令无证人员离岗")
    record = svc.get(inspection)
    assert record.withdrawn == [] and len(record.findings) == 2
    actions = [(e.entity, e.action) for e in svc.history(inspection)]
    assert ("finding", "withdraw") in actions and ("finding", "restore") in actions
    # A hazard with a photo of its own is withdrawn too, the photo kept with it.
    ctx.db["photos"].insert({"id": "p1", "sha256": "0" * 64, "inspection_id": inspection,
                             "finding_id": finding.id, "created_at": "2026-11-28T01:00:00Z",
                             "updated_at": "2026-11-28T01:00:00Z", "device_id": "test"})
    svc.set_answer(inspection, "a2", "not_applicable")
    assert [f.id for f in svc.get(inspection).withdrawn] == [finding.id]
    assert [p.id for p in load_record_data(ctx.db, inspection).photos] == []


def test_free_form_hazard_and_general_deadline(svc, inspection):
    f = svc.add_finding(inspection, description="配电箱门缺失", grade="general",
                        requirement="加装箱门")
    assert f.deadline == "2026-12-13"  # 15 days for a general hazard
    assert f.seq == 1 and f.item_id is None


def test_complete_lists_what_is_missing_then_completes(svc, inspection):
    missing = svc.complete(inspection)
    assert {m.item_id for m in missing} == {"a1", "a2", "dust", "n1", "t1"}
    assert svc.get(inspection).status is Status.DRAFT
    answer_all(svc, inspection)
    svc.set_answer(inspection, "dust", True)  # shows d1, which is then missing
    assert [m.item_id for m in svc.complete(inspection)] == ["d1"]
    svc.set_answer(inspection, "d1", "non_compliant")
    # The hazard still needs its rectification requirement.
    missing = svc.complete(inspection)
    assert [(m.kind, m.item_id) for m in missing] == [("hazard", "d1")]
    finding = svc.get(inspection).finding_for_item("d1")
    svc.update_finding(finding.id, requirement="修复除尘系统")
    assert svc.complete(inspection) == []
    record = svc.get(inspection)
    assert record.status is Status.COMPLETED and record.ended_at


def test_locked_inspection_refuses_every_edit(ctx, svc, inspection):
    answer_all(svc, inspection)
    assert svc.complete(inspection) == []
    with pytest.raises(LockedRecordError, match="completed"):
        svc.set_answer(inspection, "a1", "non_compliant")
    sign_missing(svc, inspection)
    svc.lock(inspection)
    for attempt in (lambda: svc.set_answer(inspection, "a1", "non_compliant"),
                    lambda: svc.set_note(inspection, "a1", "x"),
                    lambda: svc.add_finding(inspection, description="x", grade="general"),
                    lambda: svc.reopen(inspection, "oops")):
        with pytest.raises(LockedRecordError):
            attempt()
    # The database itself refuses too, whatever code tries.
    with pytest.raises(sqlite3.IntegrityError, match="signed and locked"):
        ctx.db.execute("UPDATE answers SET value = '\"non_compliant\"' WHERE item_id = 'a1'")


def test_amend_makes_a_new_revision_and_keeps_the_signed_one(ctx, svc, inspection):
    answer_all(svc, inspection, a1="non_compliant")
    f = svc.get(inspection).finding_for_item("a1")
    svc.update_finding(f.id, requirement="清理通道")
    assert svc.complete(inspection) == []
    with ctx.db.atomic():
        ctx.db["photos"].insert({"id": "p1", "sha256": "ab" * 32, "inspection_id": inspection,
                                 "finding_id": f.id, "created_at": "t", "updated_at": "t",
                                 "device_id": "d"})
    sign_missing(svc, inspection)
    svc.lock(inspection)
    with pytest.raises(ValidationError, match="Say why"):
        svc.amend(inspection, " ")
    new = svc.amend(inspection, "漏记一处隐患")
    old_record, new_record = svc.get(inspection), svc.get(new)
    assert old_record.status is Status.SIGNED and old_record.superseded_by == new
    assert new_record.status is Status.DRAFT and new_record.revision == 2
    assert new_record.supersedes_id == inspection
    assert new_record.answers == old_record.answers
    assert new_record.findings[0].origin_finding_id == f.id
    assert new_record.number.endswith("（第2版）")
    (photo,) = ctx.db.execute("SELECT sha256, finding_id FROM photos WHERE inspection_id = ?",
                              [new]).fetchall()
    assert photo == ("ab" * 32, new_record.findings[0].id)  # the copy points at the copied hazard
    svc.set_answer(new, "a2", "non_compliant")
    assert svc.get(inspection).answers["a2"] == "compliant"
    with pytest.raises(ValidationError, match="already amended"):
        svc.amend(inspection, "again")
    listed = [r["id"] for r in svc.list()]
    assert new in listed and inspection not in listed


def test_resume_position_is_stored(svc, inspection):
    svc.set_current_item(inspection, "n1")
    assert svc.get(inspection).current_item == "n1"


def test_list_filters_and_short_chinese_search(ctx, svc, team):
    key = add_template(ctx.db)
    a = add_company(ctx.db, name="泉台纺织有限公司", town="城关镇")
    b = add_company(ctx.db, name="东山化工厂", industry="textile", town="东山镇")
    ia = svc.start(company_id=a, template_key=key, kind="official", inspector_ids=team,
                   started_at="2026-11-01T09:00+08:00")
    ib = svc.start(company_id=b, template_key=key, kind="self", inspector_ids=team[1:],
                   started_at="2026-11-20T09:00+08:00")
    svc.set_answer(ia, "a2", "non_compliant")

    def ids(**kw):
        return {r["id"] for r in svc.list(InspectionFilter(**kw))}

    assert ids(search="纺织") == {ia}
    assert ids(search="化") == {ib}
    assert ids(search="%") == set()
    # A record is found by its number too, the count agreeing with the list.
    number = {r["id"]: r["number"] for r in svc.list()}[ib]
    assert number and ids(search=number) == {ib}
    assert svc.count(InspectionFilter(search=number)) == 1
    assert ids(search=number[-3:]) >= {ib}
    # Words without a digit are a name: every number holds its document's words ("应急检记"),
    # which would otherwise list every record.
    word = number[number.index("）") + 1:number.index("〔")]
    assert word and ids(search=word) == set()
    assert svc.count(InspectionFilter(search=word)) == 0
    assert ids(town="东山镇") == {ib}
    assert ids(date_from="2026-11-10") == {ib}
    assert ids(date_to="2026-11-10") == {ia}
    assert ids(inspector_id=team[0]) == {ia}
    assert ids(status="draft") == {ia, ib}
    row = next(r for r in svc.list() if r["id"] == ia)
    assert (row["hazards"], row["major_hazards"], row["open_hazards"]) == (1, 1, 1)
    assert row["inspectors"] == "张伟、李娜"


def test_a_signature_item_is_not_met_by_a_signature_given_before_a_change(ctx, svc, team):
    import copy

    from inspector_app.services.signatures import SignatureService
    from tests.factories import SMALL_TEMPLATE
    from tests.unit.test_signatures import PAD, png_bytes, wave

    definition = copy.deepcopy(SMALL_TEMPLATE)
    definition["id"] = "test-signed"
    definition["sections"][0]["items"].append(
        {"id": "sig", "type": "signature", "role": "company",
         "text": {"zh": "被检查单位负责人签字", "en": "Company signs"}})
    inspection = svc.start(company_id=add_company(ctx.db), kind=Kind.OFFICIAL,
                           template_key=add_template(ctx.db, definition), inspector_ids=team,
                           place="一号车间")
    answer_all(svc, inspection)
    SignatureService(ctx.db, ctx.device).add(inspection, "company", "王经理", wave(),
                                             png_bytes(), pad_size=PAD)
    assert [m.item_id for m in svc.missing(inspection)] == []
    svc.set_answer(inspection, "n1", 5)  # changed after the company signed
    assert [m.item_id for m in svc.missing(inspection)] == ["sig"]


def test_what_is_missing_is_named_in_the_readers_language(svc, inspection):
    from inspector_app import i18n

    assert "Exits clear" in [m.text for m in svc.missing(inspection)]
    i18n.set_language("zh_CN")
    texts = [m.text for m in svc.missing(inspection)]
    assert "安全出口畅通" in texts and "Exits clear" not in texts
