"""units, campaigns and report dispatch from the command line, and the xlsx they write."""

from __future__ import annotations

import json
from datetime import date

import pytest
from openpyxl import load_workbook

from inspector_app.cli import main
from inspector_app.domain.units import Period
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.demo import build_demo
from inspector_app.services.reports.circular import lagging
from inspector_app.storage.dispatch_stats import (
    COUNTS,
    DispatchQuery,
    DispatchRow,
    dispatch_table,
    drill_down,
)
from tests.pdf_scenarios import pdf_text

TODAY = date(2026, 6, 20)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("district")
    ctx = AppContext(DataDir(path))
    build_demo(ctx.db, ctx.device, ctx.data_dir.photos, companies=12, inspections=30, seed=7,
               today=TODAY)
    ctx.close()
    return path


def run(data_dir, *args: str) -> int:
    return main(["--data-dir", str(data_dir), "--lang", "zh_CN", *args])


def _json(capsys, data_dir, *args: str):
    capsys.readouterr()
    assert run(data_dir, *args) == 0
    return json.loads(capsys.readouterr().out)


def test_units_list_shows_the_district_towns_and_departments(data_dir, capsys):
    units = _json(capsys, data_dir, "units", "list", "--json")
    kinds = {u["kind"] for u in units}
    assert kinds == {"district", "town", "department", "group"}
    own = [u for u in units if u["own"]]
    assert [u["name"] for u in own] == ["综合执法与应急管理局"]
    assert "chemical" in own[0]["sectors"]


def test_adding_a_unit_and_its_sectors(data_dir, capsys, tmp_path):
    assert run(data_dir, "units", "add", "港区管委会", "--kind", "department",
               "--sectors", "商贸") == 0
    units = _json(capsys, data_dir, "units", "list", "--kind", "department", "--json")
    assert next(u["sectors"] for u in units if u["name"] == "港区管委会") == ["commerce"]
    # The same name twice is refused and nothing changes.
    before = _json(capsys, data_dir, "units", "list", "--json")
    assert run(data_dir, "units", "add", "港区管委会", "--kind", "town") == 1
    assert "已有名为“港区管委会”的单位" in capsys.readouterr().err
    assert _json(capsys, data_dir, "units", "list", "--json") == before
    assert run(data_dir, "units", "set-sectors", "港区管委会", "商贸,other") == 0
    units = _json(capsys, data_dir, "units", "list", "--kind", "department", "--json")
    assert next(u["sectors"] for u in units if u["name"] == "港区管委会") == ["commerce", "other"]


def test_campaigns_add_list_and_bad_period(data_dir, capsys):
    assert run(data_dir, "campaigns", "add", "粉尘涉爆专项", "--from", "2026-03-01",
               "--to", "2026-05-31", "--industries", "machinery", "--target",
               "每家企业至少检查一次") == 0
    names = [c["name"] for c in _json(capsys, data_dir, "campaigns", "list", "--json")]
    assert "粉尘涉爆专项" in names
    assert run(data_dir, "campaigns", "add", "倒着的", "--from", "2026-05-01",
               "--to", "2026-04-01") == 1
    assert "结束日期（2026-04-01）早于开始日期（2026-05-01）" in capsys.readouterr().err
    assert "倒着的" not in [c["name"] for c in
                          _json(capsys, data_dir, "campaigns", "list", "--json")]


def test_report_json_agrees_with_the_statistics(data_dir, capsys):
    got = _json(capsys, data_dir, "report", "dispatch", "--from", "2025-06-21", "--to",
                "2026-06-20", "--by", "department", "--today", "2026-06-20", "--json")
    ctx = AppContext(DataDir(data_dir))
    table = dispatch_table(ctx.db, DispatchQuery(
        Period(date(2025, 6, 21), TODAY), "department", as_of=TODAY))
    ctx.close()
    assert got["total"]["hazards"] == table.total.hazards > 0
    assert [r["label"] for r in got["rows"]] == [r.label for r in table.rows]


@pytest.mark.parametrize("args, message", [
    (("--from", "2026-06-01", "--to", "2026-05-01"), "结束日期（2026-05-01）早于开始日期"),
    (("--from", "2026-01-01", "--to", "2026-05-01", "--campaign", "无此行动"),
     "没有名为 '无此行动' 的专项行动"),
    (("--from", "2026-01-01", "--to", "2026-05-01", "--unit", "无此单位"),
     "没有名为 '无此单位' 的单位"),
])
def test_bad_input_is_refused_and_nothing_is_written(data_dir, capsys, tmp_path, args, message):
    out = tmp_path / "t.xlsx"
    capsys.readouterr()
    assert run(data_dir, "report", "dispatch", *args, "-o", str(out)) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_unwritable_output_is_refused(data_dir, capsys, tmp_path):
    for target, message in ((tmp_path / "missing" / "t.xlsx", "不存在"),
                            (tmp_path / "t.docx", "只能保存为 .xlsx 或 .pdf"),
                            (tmp_path, "是文件夹")):
        capsys.readouterr()
        assert run(data_dir, "report", "dispatch", "--from", "2026-01-01", "--to",
                   "2026-05-01", "-o", str(target)) == 1
        assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_xlsx_is_laid_out_as_a_statistics_table(data_dir, tmp_path):
    out = tmp_path / "调度.xlsx"
    assert run(data_dir, "report", "dispatch", "--from", "2025-06-21", "--to", "2026-06-20",
               "--today", "2026-06-20", "-o", str(out)) == 0
    ws = load_workbook(out).active
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "A1:S1" in merged                       # the title over the whole width
    assert ws["A1"].value.endswith("调度统计表（按乡镇（街道））")
    assert ws["A2"].value.startswith("填报单位：泉台区应急管理局")
    assert ws["J2"].value == "统计时段：2025年6月21日至2026年6月20日"
    assert {"A3:A4", "B3:B4", "C3:E3", "F3:H3", "I3:K3", "L3:O3", "P3:R3"} <= merged
    assert (ws["C3"].value, ws["C4"].value, ws["E4"].value) == ("企业覆盖", "应检企业数", "覆盖率")
    # One row per town, then 合计 whose figures are the column sums, then what they count,
    # then the note of the annex (附件) that lists the overdue major hazards.
    last = ws.max_row - 2
    assert ws.cell(last + 1, 1).value.startswith("统计口径：已完成和已签署的检查记录")
    assert f"A{last + 1}:S{last + 1}" in merged
    assert ws.cell(last + 2, 1).value.startswith("附件：逾期未整改重大事故隐患清单")
    assert ws.cell(last, 1).value == "合计" and f"A{last}:B{last}" in merged
    for col in range(3, 19):
        if ws.cell(4, col).value in ("覆盖率", "整改率"):
            continue
        column = [ws.cell(r, col).value for r in range(5, last)]
        assert ws.cell(last, col).value == sum(column), ws.cell(4, col).value
    towns = [ws.cell(r, 2).value for r in range(5, last)]
    assert "百崎乡" in towns
    silent_row = 5 + towns.index("百崎乡")
    assert ws.cell(silent_row, 19).value == "本期无检查"
    assert ws.cell(5, 5).number_format == "0.0%"
    # Frozen header, printed on every page, A4 landscape, one page wide.
    assert ws.freeze_panes == "C5"
    assert ws.print_area == f"'调度统计表'!$A$1:$S${last + 2}"     # basis and note printed too
    assert ws.print_title_rows == "$3:$4"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)


def test_a_units_own_report_has_its_row_and_its_hazards(data_dir, tmp_path):
    out = tmp_path / "dept.xlsx"
    assert run(data_dir, "report", "dispatch", "--from", "2025-06-21", "--to", "2026-06-20",
               "--unit", "综合执法与应急管理局", "-o", str(out)) == 0
    wb = load_workbook(out)
    ws = wb["调度统计表"]
    assert ws["A1"].value == "综合执法与应急管理局所排查发现的隐患问题及整改落实情况表"
    assert ws["A2"].value == "填报单位：综合执法与应急管理局"
    assert ws.cell(5, 2).value == "综合执法与应急管理局" and ws.cell(6, 1).value == "合计"
    hazards = wb["隐患明细"]
    total_hazards = ws.cell(5, 11).value
    assert hazards.max_row - 1 == total_hazards > 0


def test_names_that_look_like_formulas_are_written_as_text(data_dir, tmp_path):
    assert run(data_dir, "units", "add", "=HYPERLINK(\"x\")", "--kind", "town") == 0
    out = tmp_path / "t.xlsx"
    assert run(data_dir, "report", "dispatch", "--from", "2026-01-01", "--to", "2026-06-20",
               "-o", str(out)) == 0
    ws = load_workbook(out).active
    cells = [ws.cell(r, 2) for r in range(5, ws.max_row)]
    cell = next(c for c in cells if str(c.value).startswith("=HYPERLINK"))
    assert cell.data_type == "s"



def test_the_circular_is_numbered_and_names_overdue_companies_and_laggards(data_dir, tmp_path,
                                                                         capsys):
    args = ("report", "dispatch", "--from", "2025-06-21", "--to", "2026-06-20",
            "--today", "2026-06-20")
    first, again, other = tmp_path / "1.pdf", tmp_path / "1again.pdf", tmp_path / "2.pdf"
    # A circular that cannot be written takes no number.
    assert run(data_dir, *args, "--word", "台安办", "-o", str(tmp_path / "gone" / "x.pdf")) == 1
    assert run(data_dir, *args, "--word", "台安办", "-o", str(first)) == 0
    # Written again it is the same circular, with the same number; another period is not.
    assert run(data_dir, *args, "-o", str(again)) == 0
    assert run(data_dir, "report", "dispatch", "--from", "2026-01-01", "--to", "2026-06-20",
               "--today", "2026-06-20", "-o", str(other)) == 0
    text = pdf_text(first)
    assert "台安办〔2026〕1号" in text and "台安办〔2026〕1号" in pdf_text(again)
    assert "台安办〔2026〕2号" in pdf_text(other)
    capsys.readouterr()
    assert run(data_dir, "report", "circulars", "--year", "2026") == 0
    listed = capsys.readouterr().out
    assert listed.index("台安办〔2026〕2号") < listed.index("台安办〔2026〕1号")
    assert listed.count("关于安全生产隐患排查整治工作情况的通报") == 2
    assert "关于安全生产隐患排查整治工作情况的通报" in text
    ctx = AppContext(DataDir(data_dir))
    query = DispatchQuery(Period(date(2025, 6, 21), TODAY), "town", as_of=TODAY)
    table = dispatch_table(ctx.db, query)
    overdue = drill_down(ctx.db, query, "overdue_major")
    ctx.close()
    flat = text.replace("\n", "")
    assert f"排查重大事故隐患{table.total['hazards_major']}项" in flat
    assert overdue and all(h["company_name"] in flat for h in overdue)
    # A Chinese document writes its dates in Chinese: 2026年7月4日, not 2026-07-04.
    assert all(f"{int(h['deadline'][:4])}年{int(h['deadline'][5:7])}月{int(h['deadline'][8:10])}日"
               in flat for h in overdue)
    # The demo's 百崎乡 has no company: nothing to inspect is no lag.
    assert "百崎乡" not in flat[flat.index("工作滞后"):]


def test_a_unit_with_companies_and_no_inspection_lags_one_without_companies_does_not():
    def row(key: str, scope: int, inspected: int, inspections: int) -> DispatchRow:
        figures = dict.fromkeys(COUNTS, 0) | {
            "companies_in_scope": scope, "companies_inspected": inspected,
            "inspections_official": inspections}
        return DispatchRow(key, key, figures, registered=True)

    named = [r.label for r, _why in lagging([row("城关镇", 8, 0, 0), row("百崎乡", 0, 0, 0),
                                              row("消安办", 0, 0, 0), row("洛阳镇", 5, 5, 9)])]
    assert named == ["城关镇"]


def test_a_circular_is_the_same_only_when_what_it_shows_is(data_dir, tmp_path, capsys):
    args = ("report", "dispatch", "--from", "2026-01-01", "--to", "2026-06-20")
    numbers = []
    for extra in (("--today", "2026-06-20"), ("--today", "2026-06-20", "--by", "industry"),
                  ("--today", "2026-06-21"), ("--today", "2026-06-20")):
        capsys.readouterr()
        assert run(data_dir, *args, *extra, "-o", str(tmp_path / "c.pdf")) == 0
        numbers.append(capsys.readouterr().out.strip().splitlines()[-1])
    # Grouped otherwise or counted as of another day, the figures differ: another circular.
    assert numbers[0] != numbers[1] != numbers[2] and numbers[3] == numbers[0]


@pytest.mark.parametrize("word", ["安办\u200b", "台 安办", "安办〔", "x" * 11, ""])
def test_an_office_word_that_would_print_wrongly_is_refused_and_not_kept(data_dir, tmp_path,
                                                                         capsys, word):
    capsys.readouterr()
    assert run(data_dir, "report", "dispatch", "--from", "2026-01-01", "--to", "2026-06-20",
               "--word", word, "-o", str(tmp_path / "c.pdf")) == 1
    assert "--word" in capsys.readouterr().err
    assert not (tmp_path / "c.pdf").exists()
    # A word given with a circular that could not be written is not kept either.
    assert run(data_dir, "report", "dispatch", "--from", "2026-01-01", "--to", "2026-06-20",
               "--word", "泉安办", "-o", str(tmp_path / "gone" / "c.pdf")) == 1
    assert run(data_dir, "report", "dispatch", "--from", "2026-01-01", "--to", "2026-06-20",
               "-o", str(tmp_path / "c.pdf")) == 0
    assert "泉安办" not in capsys.readouterr().out
