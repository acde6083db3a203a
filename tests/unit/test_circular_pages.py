"""What a reader sees on the pages of a dispatch circular: no page carries only the issuing
office and the date, no heading ends a page apart from its text, and the chart's legend stays
inside the margins in English, whose names are longer than the Chinese ones."""

from __future__ import annotations

import re
import subprocess
from datetime import date

import pytest
from openpyxl import load_workbook

from inspector_app.cli import main
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.demo import build_demo

TODAY = date(2026, 12, 2)
# A district and a period whose English circular once filled its first page to the last line:
# the office's name and the date went alone onto a second page.
PERIOD = ("--from", "2026-12-01", "--to", "2026-12-02", "--today", TODAY.isoformat())
ISSUER = "泉台区应急管理局"
HEADINGS = re.compile(r"^(\d\. [A-Z][a-z]|[一二三四五]、)")
POINTS_PER_MM = 72 / 25.4


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    path = tmp_path_factory.mktemp("pages")
    ctx = AppContext(DataDir(path))
    build_demo(ctx.db, ctx.device, ctx.data_dir.photos, companies=200, inspections=2000,
               seed=7, today=TODAY)
    ctx.close()
    return path


def circular(path, tmp_path, lang: str, *args: str):
    out = tmp_path / f"circular-{lang}.pdf"
    assert main(["--data-dir", str(path), "--lang", lang, "report", "dispatch",
                 *(args or PERIOD), "-o", str(out)]) == 0
    return out


def page_lines(pdf) -> list[list[str]]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    pages = [[line.strip() for line in page.splitlines() if line.strip()]
             for page in text.split("\f")]
    # Without the page number at the foot of each page.
    return [[line for line in page if not re.fullmatch(r"—\s*\d+\s*—", line)]
            for page in pages if page]


@pytest.mark.parametrize(("lang", "args"), [
    ("en", PERIOD), ("zh_CN", PERIOD),
    # The year by department: 67 overdue major hazards, the annex's note under the body.
    ("en", ("--from", "2026-01-01", "--to", "2026-12-02", "--today", TODAY.isoformat(),
            "--by", "department"))])
def test_the_office_and_the_date_stay_with_the_text_and_headings_with_theirs(district, tmp_path,
                                                                            lang, args):
    pages = page_lines(circular(district, tmp_path, lang, *args))
    assert len(pages) >= 2, "the scenario no longer fills the first page"
    for number, lines in enumerate(pages, start=1):
        assert not HEADINGS.match(lines[-1]), f"page {number} ends with a heading: {lines[-1]}"
    signed = [lines for lines in pages if lines[-2] == ISSUER]
    assert len(signed) == 1
    text = [line for line in signed[0][:-2] if not line.startswith(("Annex:", "附件："))]
    assert text, "the office and the date are on a page of their own"


def test_the_english_legend_stays_inside_the_margins(district, tmp_path):
    pdf = circular(district, tmp_path, "en")
    html = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout
    width = float(re.search(r'<page width="([\d.]+)"', html).group(1))
    right = max(float(m.group(1)) for m in
                re.finditer(r'xMax="([\d.]+)"[^>]*>Rectified<', html))
    assert right <= width - 20 * POINTS_PER_MM + 1


def test_one_of_a_kind_is_said_in_the_singular(district, tmp_path):
    text = " ".join(" ".join(page) for page in page_lines(circular(district, tmp_path, "en")))
    text = re.sub(r"\s+", " ", text)
    assert "14 official inspections, 1 self-inspection, 5 re-inspections" in text
    assert "1 self-inspections" not in text
    xlsx = tmp_path / "north.xlsx"
    assert main(["--data-dir", str(district), "--lang", "en", "report", "dispatch", *PERIOD,
                 "--unit", "北山镇", "-o", str(xlsx)]) == 0
    notes = [c.value for c in load_workbook(xlsx)["Dispatch"]["A"]
             if isinstance(c.value, str) and c.value.startswith("Counted")]
    assert notes and "(1 hazard in drafts of the period)" in notes[0]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_tables_headers_are_whole_words_inside_the_margins(district, tmp_path, lang):
    """The table of figures is headed as the statistics table is, in whole words ("Inspected",
    not "Insp."; 执法检查, not 执法检 over 查), and stays between the page's margins."""
    pdf = circular(district, tmp_path, lang)
    html = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout
    width = float(re.search(r'<page width="([\d.]+)"', html).group(1))
    words = {m.group(2): float(m.group(1)) for m in
             re.finditer(r'xMax="([\d.]+)"[^>]*>([^<]+)<', html)}
    expected = (["Companies", "Inspected", "Coverage", "Inspections", "Official", "Self",
                 "Hazards", "Major", "General", "Rectification", "Rectified", "Rate",
                 "Overdue", "Orders"] if lang == "en" else
                ["企业覆盖", "覆盖率", "检查情况", "执法检查", "企业自查", "排查隐患", "重大",
                 "一般", "整改落实", "已整改", "整改率"])
    assert [word for word in expected if word not in words] == []
    assert max(words[word] for word in expected) <= width - 20 * POINTS_PER_MM + 1
