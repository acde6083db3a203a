"""Citations printed as law, hazards worded as the law words them, and the format's rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector_app import cli
from inspector_app.domain.legal import chinese_number, clause_label, hazard_wording, legal_citation
from inspector_app.services.forms import load_template_file, shipped_template_files, validate_file


def shipped(template_id: str):
    for path in shipped_template_files():
        template = load_template_file(path).template
        if template.id == template_id:
            return template
    raise AssertionError(template_id)


@pytest.mark.parametrize(("n", "text"), [(1, "一"), (4, "四"), (10, "十"), (11, "十一"),
                                         (13, "十三"), (20, "二十"), (64, "六十四")])
def test_chinese_numbers(n, text):
    assert chinese_number(n) == text


def test_clause_labels():
    assert clause_label(4, 1) == "第四条第（一）项"
    assert clause_label(13, 2, "en") == "Art. 13 (2)"
    assert clause_label(None, 20) == "第（二十）项"


def test_citation_names_the_law_and_clause_never_the_checklist_or_its_version():
    gm = shipped("gm-major-hazard-2023")
    basis = legal_citation(gm, gm.item("gm-4-1"))
    assert basis == "《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第四条第（一）项"
    assert gm.version not in basis and "检查表" not in basis
    hc = shipped("hc-major-hazard-2017")
    assert legal_citation(hc, hc.item("hc-07")) == (
        "《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》"
        "（安监总管三〔2017〕121号）第（七）项")
    assert legal_citation(gm, gm.item("gm-3-2"), "en").endswith("(MEM Order No. 10), Art. 3 (2)")


def test_a_routine_items_basis_is_printed_as_its_template_writes_it():
    fire = shipped("fire-safety-routine")
    item = next(i for i in fire.items if i.legal_basis is not None)
    assert legal_citation(fire, item) == item.legal_basis.zh


def test_hazard_is_the_situation_the_law_names_not_the_question_negated():
    gm = shipped("gm-major-hazard-2023")
    wording = hazard_wording(gm, gm.item("gm-3-2"))
    assert wording == "特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业的"
    assert not wording.startswith("不符合")


def test_english_gets_english_and_an_unverified_situation_quotes_the_requirement():
    gm = shipped("gm-major-hazard-2023")
    english = hazard_wording(gm, gm.item("gm-3-2"), "en")
    assert english.startswith("Requirement not met: “") and "special-operations" in english
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in english)
    pending = gm.item("gm-4-5")
    assert pending.situation.unverified and not pending.situation.text
    assert hazard_wording(gm, pending) == f"经检查，“{pending.text.zh}”的要求未落实"


def test_an_items_own_hazard_wording_wins():
    gm = shipped("gm-major-hazard-2023")
    item = gm.item("gm-13-1-partial")
    assert hazard_wording(gm, item) == "有限空间辨识台账或安全警示标志不全"
    assert hazard_wording(gm, item, "en") == item.hazard.en


STANDARD = """\
format: inspector-template/1
id: std
version: "1"
title: {zh: "某判定标准"}
kind: major_hazard_standard
citation: {title: {zh: "某判定标准"}, document: {zh: "某某令第1号"}}
sources:
  - {id: gazette, publication: "某公报"}
sections:
  - id: s
    title: {zh: "第三条"}
    items:
      - id: a
        type: check
        grade: major
        text: {zh: "问题一"}
        situation: {article: 3, clause: 1, text: "情形一的", source: gazette}
"""


def problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    return [p.message for p in validate_file(path)]


def test_a_standard_with_situations_is_valid(tmp_path):
    assert problems(tmp_path, STANDARD) == []


def test_a_major_item_of_a_standard_without_its_situation_is_refused(tmp_path):
    text = STANDARD.replace('        situation: {article: 3, clause: 1, text: "情形一的", '
                            'source: gazette}\n', "")
    [message] = problems(tmp_path, text)
    assert "item 'a'" in message and "needs 'situation'" in message


def test_forms_validate_exits_non_zero_for_it(tmp_path, capsys):
    path = tmp_path / "t.yaml"
    path.write_text(STANDARD.replace("situation: {article: 3, clause: 1, text: \"情形一的\", "
                                     "source: gazette}", "guidance: {zh: 看}"), encoding="utf-8")
    code = cli.main(["--data-dir", str(tmp_path / "d"), "forms", "validate", str(path)])
    assert code == 1 and "needs 'situation'" in capsys.readouterr().out


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("source: gazette}", "source: elsewhere}", "'elsewhere' is not one of the template's"),
    ('text: "情形一的", source: gazette', "source: gazette", "either 'text'"),
    ('text: "情形一的", source: gazette', 'text: "情形一的"', "needs 'source'"),
    ("citation: {title: {zh: \"某判定标准\"}, document: {zh: \"某某令第1号\"}}\n", "",
     "needs 'citation'"),
    ("kind: major_hazard_standard", "kind: routine", "belongs only in a determination standard"),
])
def test_situation_rules(tmp_path, old, new, expected):
    found = problems(tmp_path, STANDARD.replace(old, new))
    assert any(expected in m for m in found), found


def test_unverified_needs_no_text_but_cannot_carry_one(tmp_path):
    ok = STANDARD.replace('text: "情形一的", source: gazette', 'unverified: "待核实"')
    assert problems(tmp_path, ok) == []
    both = STANDARD.replace('source: gazette}', 'source: gazette, unverified: "待核实"}')
    assert problems(tmp_path, both)


def test_the_same_clause_twice_is_refused(tmp_path):
    twice = STANDARD + """\
      - id: b
        type: check
        grade: major
        text: {zh: "问题二"}
        situation: {article: 3, clause: 1, text: "情形一的", source: gazette}
"""
    assert any("already cited by item 'a'" in m for m in problems(tmp_path, twice))
