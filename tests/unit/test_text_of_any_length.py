"""Text of any length prints: long fields wrap and run over pages, absurd ones are cut with a
visible mark; control and bidi-override characters in names are shown as marks."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys

import pytest

from inspector_app.domain.numbering import DocType
from inspector_app.domain.text import printable, printable_lines
from inspector_app.services.pdf.layout import PRINT_LIMIT
from tests import pdf_scenarios as sc

SENTENCE = "二号仓库配电箱门缺失，线路老化，未设置漏电保护装置。"
TRICK = "泉台\u202egpj.exe纺织\x1b[2J有限公司"



def pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                          text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


@pytest.fixture
def long_hazard(ctx):
    built = sc.official_inspection(ctx)
    insp, _, _ = sc.services(ctx)
    record = insp.get(built.inspection_id)
    free = next(f for f in record.findings if f.item_id is None)
    description = (SENTENCE * 4000)[:100_000]  # 100,000 characters, some 300 KB
    # Entry holds texts to the sync limits (20,000 characters); a record written before those
    # limits, or by other means, must print all the same, so the text goes in underneath.
    ctx.db.execute("UPDATE findings SET description = ?, requirement = ?, responsible = ? "
                   "WHERE id = ?", ["开头标记" + description, "更换配电箱门" * 500,
                                    "车间主任" * 300, free.id])
    insp.set_note(built.inspection_id, "a1", "东侧出口" * 3000)
    return built


@pytest.mark.slow
@pytest.mark.parametrize("doc_type", [DocType.RECORD, DocType.ORDER])
def test_a_100_kb_hazard_description_prints_over_pages(ctx, long_hazard, tmp_path, doc_type):
    docs = sc.services(ctx)[2]
    target = docs.export(long_hazard.inspection_id, doc_type, "zh_CN", tmp_path / "long.pdf")
    text = re.sub(r"\s+", "", sc.pdf_text(target))
    assert pages(target) > 10
    assert "开头标记二号仓库配电箱门缺失" in text
    # Cut at PRINT_LIMIT characters, saying how much was left out and where the rest is.
    left_out = 100_000 + len("开头标记") - PRINT_LIMIT
    assert f"另有{left_out}字未打印，全文见电子记录" in text
    assert "更换配电箱门" * 20 in text  # a long requirement is printed whole
    # Nothing is drawn outside the page's text frame: every page has its footer.
    assert text.count("页共") == pages(target)


def test_long_text_in_english_wraps_at_spaces(ctx, tmp_path):
    built = sc.official_inspection(ctx)
    insp, _, docs = sc.services(ctx)
    free = next(f for f in insp.get(built.inspection_id).findings if f.item_id is None)
    insp.update_finding(free.id, description="Cable trays blocked by pallets. " * 400)
    target = docs.export(built.inspection_id, DocType.ORDER, "en", tmp_path / "order.pdf")
    assert pages(target) >= 2
    assert "Cable trays blocked by pallets." in sc.pdf_text(target)


def test_control_and_bidi_characters_are_marked_in_printed_names(ctx, tmp_path):
    built = sc.official_inspection(ctx)
    with ctx.db.atomic():
        ctx.db["companies"].update(built.company_id, {"name": TRICK})
    target = sc.services(ctx)[2].export(built.inspection_id, DocType.RECORD, "zh_CN",
                                        tmp_path / "r.pdf")
    text = sc.pdf_text(target)
    assert "泉台[U+202E]gpj.exe纺织[U+001B][2J有限公司" in text
    assert "\u202e" not in text and "\x1b" not in text


def test_printable_marks_only_what_hides_or_moves_text():
    assert printable("张伟 O'Brien") == "张伟 O'Brien"
    assert printable("a\u202eb\u2066c\u200fd") == "a[U+202E]b[U+2066]c[U+200F]d"
    assert printable("line\nbreak") == "line[U+000A]break"
    assert printable("line\r\nbreak\tx", multiline=True) == "line\nbreak x"
    assert printable_lines("a\tb\n\x1b[31mred") == "a\tb\n[U+001B][31mred"


def test_names_printed_to_a_terminal_are_marked(tmp_path):
    root = str(tmp_path / "d")
    base = [sys.executable, "-m", "inspector_app", "--data-dir", root]
    subprocess.run([*base, "companies", "add", "--name", TRICK], check=True,
                   capture_output=True)
    # Piped, the data comes out as stored (a script gets what it asked for) ...
    piped = subprocess.run([*base, "companies", "list"], capture_output=True, text=True)
    assert TRICK in piped.stdout
    # ... on a terminal, nothing can reverse the line or clear the screen.
    pid, fd = pty.fork()
    if pid == 0:  # the child: the program with a terminal as its output
        os.execv(sys.executable, [*base, "companies", "list"])
    out = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.waitpid(pid, 0)
    shown = out.decode("utf-8")
    assert "泉台[U+202E]gpj.exe纺织[U+001B][2J有限公司" in shown
    assert "\u202e" not in shown and "\x1b" not in shown
