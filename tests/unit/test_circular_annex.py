"""The dispatch circular names every overdue major hazard in its annex (附件), in the PDF and in
the xlsx, and its body refers to the annex: a town has no copy of the office's ledger."""

from __future__ import annotations

import re
from datetime import date

import pytest
from openpyxl import load_workbook

from inspector_app.cli import main
from inspector_app.domain.units import Period
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.demo import build_demo
from inspector_app.storage.dispatch_stats import DispatchQuery, drill_down
from tests.pdf_scenarios import pdf_text

TODAY = date(2026, 11, 30)
PERIOD = ("--from", "2026-01-01", "--to", "2026-11-30", "--today", TODAY.isoformat())


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    """A district with more overdue major hazards than a page of a circular holds."""
    path = tmp_path_factory.mktemp("annex")
    ctx = AppContext(DataDir(path))
    build_demo(ctx.db, ctx.device, ctx.data_dir.photos, companies=150, inspections=1500,
               seed=11, today=TODAY)
    overdue = drill_down(ctx.db, DispatchQuery(Period(date(2026, 1, 1), TODAY), "town",
                                               as_of=TODAY), "overdue_major")
    ctx.close()
    assert len(overdue) > 60
    return path, overdue


def run(path, *args: str) -> int:
    return main(["--data-dir", str(path), "--lang", "zh_CN", *args])


def test_the_circular_lists_every_overdue_major_hazard_in_its_annex(district, tmp_path):
    path, overdue = district
    out = tmp_path / "通报.pdf"
    assert run(path, "report", "dispatch", *PERIOD, "-o", str(out)) == 0
    text = pdf_text(out).replace("\n", "")
    body, _, annex = text.partition("附件逾期未整改重大事故隐患清单")
    assert annex, "no annex"
    companies = len({h["company_name"] for h in overdue})
    assert f"逾期未整改的重大事故隐患{len(overdue)}项，涉及企业{companies}家，清单见附件" in body
    assert "附件：逾期未整改重大事故隐患清单" in body
    assert "台账" not in body
    assert all(h["company_name"] in annex for h in overdue)
    last = re.escape(overdue[-1]["company_name"])
    assert re.search(rf"(?<!\d){len(overdue)}\s*{last}", annex)  # numbered to the last one
    first = overdue[0]  # the oldest deadline, so the most days overdue
    days = (TODAY - date.fromisoformat(first["deadline"][:10])).days
    assert re.search(rf"{first['deadline'][:4]}年\d+月\d+日\s*{days}\s*{first['responsible']}",
                     annex)



def test_the_annex_headings_towns_and_days_each_keep_to_one_line(district, tmp_path):
    """A reader of the printed annex sees 逾期天数 and 2026年11月28日 whole, not 逾期天/数 or a 日
    on a line of its own under the day."""
    path, overdue = district
    out = tmp_path / "通报.pdf"
    assert run(path, "report", "dispatch", *PERIOD, "-o", str(out)) == 0
    lines = pdf_text(out).splitlines()
    assert "序号 企业名称 乡镇（街道） 隐患 整改期限 逾期天数 整改责任人" in lines
    annex = "\n".join(lines[lines.index("逾期未整改重大事故隐患清单"):])
    for hazard in overdue:
        day = date.fromisoformat(hazard["deadline"][:10])
        assert f"{day.year}年{day.month}月{day.day}日" in annex
        assert hazard["town"] in annex


def test_no_line_of_the_circular_begins_with_a_closing_mark(district, tmp_path):
    """Chinese typesetting never starts a line with ， ； ” 》 and their kind: such a mark hangs
    at the end of the line before, in the body as in the annex's cells."""
    path, _ = district
    out = tmp_path / "通报.pdf"
    assert run(path, "report", "dispatch", *PERIOD, "-o", str(out)) == 0
    lines = pdf_text(out).splitlines()
    assert [line for line in lines if line and line[0] in "，；：？！”’》〉、。）"] == []
    assert any(line.endswith(("，", "”")) for line in lines)  # some did fall at a line's end

def test_the_statistics_table_carries_the_same_annex(district, tmp_path):
    path, overdue = district
    out = tmp_path / "调度.xlsx"
    assert run(path, "report", "dispatch", *PERIOD, "-o", str(out)) == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["调度统计表", "附件"]
    table = wb["调度统计表"]
    notes = [c.value for c in table["A"] if isinstance(c.value, str) and c.value.startswith("附件")]
    assert notes == [f"附件：逾期未整改重大事故隐患清单（共{len(overdue)}项，见工作表“附件”）"]
    annex = wb["附件"]
    assert [c.value for c in annex[3]] == ["序号", "企业名称", "乡镇（街道）", "隐患", "整改期限",
                                           "逾期天数", "整改责任人"]
    rows = [[c.value for c in row] for row in annex.iter_rows(min_row=4)]
    assert len(rows) == len(overdue)
    for n, (row, hazard) in enumerate(zip(rows, overdue, strict=True), start=1):
        seq, company, town, description, deadline, days, responsible = row
        assert (seq, company, town, description, deadline) == (
            n, hazard["company_name"], hazard["town"], hazard["description"],
            hazard["deadline"][:10])
        assert days == (TODAY - date.fromisoformat(deadline)).days > 0
        assert responsible  # a major hazard's order names who rectifies it


HOSTILE_COMPANY = 'Acme <font size=40>&<a href="file:///etc/passwd">x</a>'


@pytest.fixture
def hostile(tmp_path):
    """A small district whose overdue major hazard carries mark-up a laptop could send, and a
    description longer than a page of the annex."""
    ctx = AppContext(DataDir(tmp_path / "data"))
    build_demo(ctx.db, ctx.device, ctx.data_dir.photos, companies=12, inspections=60,
               seed=11, today=TODAY)
    overdue = drill_down(ctx.db, DispatchQuery(Period(date(2026, 1, 1), TODAY), "town",
                                               as_of=TODAY), "overdue_major")
    assert overdue
    first = overdue[0]
    with ctx.db.conn:
        ctx.db.execute("UPDATE companies SET name = ? WHERE name = ?",
                       [HOSTILE_COMPANY, first["company_name"]])
        ctx.db.execute("UPDATE findings SET description = ?, responsible = ? WHERE id = ?",
                       ["<img src='/etc/passwd'/>" + "隐患描述很长" * 600, "<b>王五",
                        first["id"]])
        ctx.db.execute("UPDATE settings SET value = ? WHERE key = 'organisation'",
                       ["<b>泉台区应急管理局"])
    ctx.close()
    return tmp_path / "data"


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_hostile_text_is_printed_as_text_and_a_long_description_is_cut(hostile, tmp_path,
                                                                        lang):
    out = tmp_path / "circular.pdf"
    assert main(["--data-dir", str(hostile), "--lang", lang, "report", "dispatch", *PERIOD,
                 "-o", str(out)]) == 0
    raw = out.read_bytes()
    assert b"/URI" not in raw and b"/Link" not in raw       # no live link in a numbered circular
    text = pdf_text(out).replace("\n", "")
    assert "Acme <font size=40>&<a" in text
    assert "<b>王五" in text and "<img src='/etc/passwd'/>" in text
    # The English half of the mark may break between two words anywhere the column ends.
    assert "另有" in text and "more characters not printed" in " ".join(pdf_text(out).split())
