"""Bilingual text is written as ``Bilingual(zh=..., en=...)``: a bare ("中文", "English") pair
says nothing about which is which, and its readers pick a side by position."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import inspector_app

PACKAGE = Path(inspector_app.__file__).parent
HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")

# Reviewed pairs that are not one text in two languages.
NOT_BILINGUAL = {
    # a shortcut and what it does, both shown in Chinese on the quick card
    ("services/pdf/quick_card.py", "N, Esc"),
    ("services/pdf/quick_card.py", "Ctrl+↓ / Ctrl+↑"),
    ("services/pdf/quick_card.py", "Ctrl+L"),
    ("services/pdf/quick_card.py", "Ctrl+H"),
    ("services/pdf/quick_card.py", "Ctrl+Return"),
    ("services/pdf/quick_card.py", "Ctrl+R"),
    ("services/pdf/quick_card.py", "Ctrl+/"),
    ("services/pdf/quick_card.py", "F1"),
    ("services/pdf/quick_card.py", "F3"),
    # a plan's kind (a stored code) and its Chinese name, in the demonstration data
    ("services/emergency_demo.py", "comprehensive"),
    ("services/emergency_demo.py", "special"),
    ("services/emergency_demo.py", "onsite"),
    # a column header of the template workbook and the field it fills
    ("services/forms_xlsx.py", "id"),
    ("services/forms_xlsx.py", "title"),
}


def _pairs(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name not in ("Bilingual", "LocalText") or node.keywords:
                continue
            args = node.args
        elif isinstance(node, ast.Tuple) and len(node.elts) == 2:
            args = node.elts
        else:
            continue
        if len(args) == 2 and all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                                  for a in args):
            texts = [a.value for a in args]
            han = [bool(HAN.search(t)) for t in texts]
            if han.count(True) == 1 and LATIN.search(texts[han.index(False)]):
                yield node.lineno, texts[han.index(False)]


def test_no_positional_bilingual_pair_remains() -> None:
    found, allowed = [], set()
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        if where == "storage/hazards_repo.py":
            continue  # its tables are being moved out; checked where they land
        for lineno, latin in _pairs(path):
            if (where, latin) in NOT_BILINGUAL:
                allowed.add((where, latin))
            else:
                found.append(f"{where}:{lineno}: {latin!r}")
    assert not found, "write Bilingual(zh=..., en=...):\n" + "\n".join(found)
    assert allowed == NOT_BILINGUAL, f"no longer there: {NOT_BILINGUAL - allowed}"


def test_the_scan_sees_a_positional_pair(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('A = ("符合", "compliant")\nB = Bilingual("否", "no")\n'
                      'C = Bilingual(zh="是", en="yes")\nD = ("1 / 2", "符合 / 不符合")\n',
                      encoding="utf-8")
    assert sorted(_pairs(sample)) == [(1, "compliant"), (2, "no")]
