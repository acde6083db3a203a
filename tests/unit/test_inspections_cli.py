import json

import pytest

from inspector_app.cli import main
from inspector_app.commands.common import clip, display_width
from inspector_app.domain.profile import Profile
from inspector_app.services.inspections import InspectionService
from inspector_app.storage.repositories import InspectorRepo, ProfileRepo
from tests.factories import add_company, add_template
from tests.pdf_scenarios import sign_missing


@pytest.fixture
def recorded(ctx, data_dir):
    """Two inspections: a signed one with a major hazard, and a draft."""
    ProfileRepo(ctx.db, ctx.device).save(Profile("张伟", "3205001", "泉台区应急管理局", "QT01",
                                                 "泉台"))
    svc = InspectionService(ctx.db, ctx.device, actor="张伟")
    repo = InspectorRepo(ctx.db, ctx.device.id)
    team = [repo.add("张伟", "3205001", "泉台区应急管理局").id,
            repo.add("李娜", "3205002", "泉台区应急管理局").id]
    key = add_template(ctx.db)
    mill = add_company(ctx.db, name="泉台纺织有限公司")
    shop = add_company(ctx.db, name="东山五金商店", industry="commerce", town="东山镇")
    signed = svc.start(company_id=mill, template_key=key, kind="official", inspector_ids=team,
                       place="一号车间", started_at="2026-11-02T09:00+08:00")
    for item, value in (("a1", "compliant"), ("a2", "non_compliant"), ("dust", False),
                        ("n1", 4), ("t1", "not_applicable")):
        svc.set_answer(signed, item, value)
    finding = svc.get(signed).finding_for_item("a2")
    svc.update_finding(finding.id, requirement="立即停止无证人员作业", responsible="车间主任")
    assert svc.complete(signed) == []
    sign_missing(svc, signed)
    svc.lock(signed)
    draft = svc.start(company_id=shop, template_key=key, kind="self", inspector_ids=team[1:],
                      started_at="2026-11-20T14:30+08:00")
    ctx.close()  # the CLI opens its own connection
    return {"signed": signed, "draft": draft, "args": ["--data-dir", str(data_dir.root)]}


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_json_has_the_fields(recorded, capsys):
    code, out, _ = run(capsys, *recorded["args"], "inspections", "list", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [r["id"] for r in rows] == [recorded["draft"], recorded["signed"]]  # newest first
    signed = rows[1]
    assert signed["company_name"] == "泉台纺织有限公司"
    assert signed["status"] == "signed" and signed["kind"] == "official"
    assert signed["number"] == "（泉台）应急检记〔2026〕1号"
    assert (signed["hazards"], signed["major_hazards"], signed["open_hazards"]) == (1, 1, 1)
    assert signed["template_id"] == "test-small" and signed["title_zh"] == "测试检查表"
    assert signed["started_at"].startswith("2026-11-02") and signed["ended_at"]
    assert "泉台纺织" in out  # ensure_ascii=False: Chinese stays readable


def test_list_filters_by_status_and_search(recorded, capsys):
    _, out, _ = run(capsys, *recorded["args"], "inspections", "list", "--json",
                    "--status", "draft")
    assert [r["id"] for r in json.loads(out)] == [recorded["draft"]]
    _, out, _ = run(capsys, *recorded["args"], "inspections", "list", "--json",
                    "--search", "纺织")
    assert [r["id"] for r in json.loads(out)] == [recorded["signed"]]


def test_list_table_aligns_chinese_text(recorded, capsys):
    code, out, _ = run(capsys, *recorded["args"], "inspections", "list")
    assert code == 0
    lines = out.rstrip("\n").splitlines()
    assert lines[0].split()[:3] == ["id", "number", "company"]
    assert len(lines) == 4  # header, rule, two rows
    # Every column starts at the same display column on every line.
    status_col = display_width(lines[0][:lines[0].index("status")])
    for line in lines[2:]:
        word = "Signed" if recorded["signed"][:8] in line else "Draft"
        assert display_width(line[:line.index(word)]) == status_col
    assert "1/1/1" in out and recorded["signed"][:8] in out


def test_show_prints_header_answers_and_hazards(recorded, capsys):
    code, out, _ = run(capsys, *recorded["args"], "inspections", "show",
                       recorded["signed"][:8])
    assert code == 0
    assert "泉台纺织有限公司" in out and "一号车间" in out
    # The remark is optional; it is answered but no check item, so the counts say of what.
    assert "5 of 6 items answered; check items:" in out and "1 non-compliant" in out
    assert "张伟（3205001）、李娜（3205002）" in out
    assert "1. [Major accident hazard] [Open] 经检查，“特种作业人员持证上岗”的要求未落实" in out
    assert "requirement: 立即停止无证人员作业" in out
    _, out, _ = run(capsys, *recorded["args"], "inspections", "show", recorded["signed"],
                    "--json")
    data = json.loads(out)
    assert data["status"] == "signed" and data["answers"]["answered"] == 5
    assert data["findings"][0]["grade"] == "major"
    assert [i["name"] for i in data["inspectors"]] == ["张伟", "李娜"]


def test_show_by_number_in_chinese(recorded, capsys):
    code, out, _ = run(capsys, *recorded["args"], "--lang", "zh_CN", "inspections", "show",
                       "（泉台）应急检记〔2026〕1号")
    assert code == 0
    assert "已签署" in out and "重大事故隐患" in out


def test_history_reads_as_the_window_shows_it(recorded, capsys):
    code, out, _ = run(capsys, *recorded["args"], "inspections", "history", recorded["signed"])
    assert code == 0
    lines = out.splitlines()
    assert "Record （泉台）应急检记〔2026〕1号 created" in lines[0]
    assert any("Art. 3 (2): unanswered → non-compliant" in line for line in lines)
    assert any("Hazard 1: rectification requirement changed: ∅ → 立即停止无证人员作业" in line
               for line in lines)
    assert "Status: completed → signed" in lines[-1]
    assert all("张伟" in line for line in lines)
    assert not any("answer a2" in line or "T0" in line.split("  ")[0] for line in lines)
    code, out, _ = run(capsys, *recorded["args"], "--lang", "zh_CN", "inspections", "history",
                       recorded["signed"])
    assert "第三条第（二）项：未作答 → 不符合" in out
    assert "隐患 1 整改要求已修改：∅ → 立即停止无证人员作业" in out
    assert "状态：已完成 → 已签署" in out
    _, out, _ = run(capsys, *recorded["args"], "inspections", "history", recorded["signed"],
                    "--json")
    assert json.loads(out)[-1]["new_value"] == "signed"


@pytest.mark.parametrize("action", ["show", "history"])
def test_unknown_id_is_one_line_and_exit_1(recorded, capsys, action):
    code, out, err = run(capsys, *recorded["args"], "inspections", action, "no-such-id")
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0] == "inspector-app: error: No inspection with id no-such-id."


def test_empty_list(tmp_path, capsys):
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "inspections", "list")
    assert (code, out.strip()) == (0, "no inspections")


def test_display_width_and_clip():
    assert display_width("泉台ab") == 6
    assert clip("化工和危险化学品生产经营单位", 10) == "化工和危…"
    assert display_width(clip("化工和危险化学品生产经营单位", 10)) <= 10
    assert clip("short", 10) == "short"


def _inspection_and_its_log(ctx):
    """A self-inspection by 张伟 and the audit log its history is read from."""
    from inspector_app.storage.audit import AuditLog

    svc = InspectionService(ctx.db, ctx.device, actor="张伟")
    team = [InspectorRepo(ctx.db, ctx.device.id).add("张伟", "3205001", "泉台区应急管理局").id]
    inspection = svc.start(company_id=add_company(ctx.db, name="泉台纺织有限公司"),
                           template_key=add_template(ctx.db), kind="self",
                           inspector_ids=team)
    return inspection, AuditLog(ctx.db, ctx.device.id, "张伟")


def test_the_reasons_the_program_wrote_read_in_chinese(ctx, data_dir, capsys):
    # The audit log keeps them in English (synchronised, never rewritten), with their details.
    inspection, log = _inspection_and_its_log(ctx)
    for reason in ("witness to 王厂长's refusal to sign", "accepted at re-inspection 2026-7",
                   "not accepted at re-inspection 2026-7", "2 closed, 1 reopened",
                   "governance plan", "辖区检查"):
        log.record("inspection", inspection, "update", field="place", old="a", new="b",
                   reason=reason, inspection_id=inspection)
    # A conflict resolved and a number given back: lines of their own, with their reasons.
    log.record("conflict", "c1", "resolve", field="keep", new="incoming",
               old={"local": inspection}, reason="edited on two machines",
               inspection_id=inspection)
    log.record("document", "d1", "delete", old={"type": "order", "number": "泉台〔2026〕3号"},
               reason="export refused before any file was written; number given back",
               inspection_id=inspection)
    ctx.close()
    code, out, _ = run(capsys, "--data-dir", str(data_dir.root), "--lang", "zh_CN",
                       "inspections", "history", inspection)
    assert code == 0
    for said in ("见证王厂长拒绝签名", "复查 2026-7 验收合格", "复查 2026-7 验收不合格",
                 "2 项销号，1 项重新整改", "治理方案", "辖区检查", "冲突已处理",
                 "采用另一台电脑的版本", "同一草稿在两台电脑上都有修改", "编号已退回",
                 "泉台〔2026〕3号", "导出被拒"):
        assert said in out, out
    assert "refusal" not in out and "accepted" not in out and "closed" not in out
    assert "conflict" not in out and "document delete" not in out and "incoming" not in out
    code, out, _ = run(capsys, "--data-dir", str(data_dir.root), "--lang", "en",
                       "inspections", "history", inspection)
    assert "witness to 王厂长's refusal to sign" in out and "2 closed, 1 reopened" in out


def test_a_reason_a_person_typed_is_shown_as_typed(ctx, data_dir, capsys):
    # 'number' is how a number conflict's reason is stored; a person removing a signature may
    # type the same word, which is theirs, not the conflict's sentence.
    inspection, log = _inspection_and_its_log(ctx)
    log.record("signature", "s1", "delete", old={"role": "company", "signer": "王厂长"},
               reason="number", inspection_id=inspection)
    log.record("conflict", "c1", "review", field="number", new="2026-3", reason="number",
               inspection_id=inspection)
    ctx.close()
    code, out, _ = run(capsys, "--data-dir", str(data_dir.root), "--lang", "en",
                       "inspections", "history", inspection)
    assert code == 0
    assert out.count("the same number printed on two records") == 1, out


@pytest.mark.parametrize("value", [{"type": "order", "number": 5}, {"type": ["order"]},
                                   {"type": "order", "number": None}])
def test_a_document_line_of_odd_stored_values_is_shown(ctx, data_dir, capsys, value):
    # The audit log comes from other computers too: a value of another shape is shown as it
    # is, not an internal error for the whole history.
    inspection, log = _inspection_and_its_log(ctx)
    log.record("document", "d1", "delete", old=value, reason="r", inspection_id=inspection)
    log.record("document", "d2", "create", new=value, inspection_id=inspection)
    ctx.close()
    code, out, err = run(capsys, "--data-dir", str(data_dir.root), "--lang", "en",
                         "inspections", "history", inspection)
    assert code == 0, err
    assert "number given back" in out and "numbered" in out
