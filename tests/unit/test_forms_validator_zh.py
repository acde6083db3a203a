"""The template validator speaks the user's language: each problem in Chinese keeps its file,
line, item id and field, as the English one does."""

from __future__ import annotations

import re

import pytest

from inspector_app.cli import main
from inspector_app.services.forms import TemplateInvalid, load_template_file, validate_file
from tests.unit.test_forms_validator import BAD_CASES, GOOD, _write, variant


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_every_problem_has_chinese_words_keeping_what_and_where(tmp_path, case):
    changes, _expected = BAD_CASES[case]
    found = validate_file(_write(tmp_path / "t.yaml", variant(changes)))
    assert found
    for problem in found:
        chinese = problem.message_in("zh_CN")
        assert chinese != problem.message and re.search("[\u4e00-\u9fff]", chinese), chinese
        # The ids and values the English message quotes are quoted in the Chinese one too.
        for quoted in re.findall(r"'[^']+'", problem.message):
            assert quoted in chinese, (quoted, chinese)
        assert problem.message_in("en") == problem.message


def test_a_problem_reads_in_chinese(tmp_path):
    path = _write(tmp_path / "t.yaml", variant({16: "        grade: critical",
                                                30: "        min: 20",
                                                23: "        text: {en: Fuel}"}))
    assert [p.message_in("zh_CN") for p in validate_file(path)] == [
        "检查项 'dust-1'：未知的隐患等级 'critical'（请用 general 或 major）",
        "检查项 'fuel'：text：缺少中文文本（zh）",
        "检查项 'pressure'：min（20）大于 max（10）",
    ]
    with pytest.raises(TemplateInvalid) as caught:
        load_template_file(path)
    assert caught.value.localized("zh_CN").startswith(
        f"{path}:16: 检查项 'dust-1'：未知的隐患等级 'critical'")


def test_forms_validate_prints_the_problems_in_chinese(tmp_path, capsys):
    bad = _write(tmp_path / "bad.yaml", variant({16: "        grade: critical"}))
    good = _write(tmp_path / "good.yaml", GOOD)
    assert main(["--data-dir", str(tmp_path / "data"), "--lang", "zh_CN", "forms", "validate",
                 str(bad), str(good)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (f"{bad}:16: 检查项 'dust-1'：未知的隐患等级 'critical'"
                      "（请用 general 或 major）")
