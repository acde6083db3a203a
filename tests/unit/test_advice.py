"""A message made below the window says what to do through a hint, which each front-end words:
the command line with its commands, the window with its pages, menus and buttons."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from inspector_app import cli_advice, i18n
from inspector_app.domain.numbering import DocType
from inspector_app.errors import Hint, NotFoundError
from inspector_app.i18n import Message
from inspector_app.services.sync.report import message_from_json, message_json
from inspector_app.storage.numbers import NumbersExhausted

APP = Path(__file__).resolve().parents[2] / "inspector_app"
BELOW_THE_WINDOW = [APP / "services", APP / "storage", APP / "domain", APP / "errors.py"]
# A command (or an option) of the command line, named in a message.
COMMAND = re.compile(r"inspector-app|\b(numbers allocate|numbers list|identity import|org init"
                     r"|profile show|sync (resolve|import|export|conflicts)|plans-registry "
                     r"file|forms (list|layout|validate|import)|(companies|units|campaigns) "
                     r"list|plan-year|year-plan (show|move|approve|issue|teams?|coverage))\b"
                     r"|(^|\s)--[a-z]")


def _messages(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in ("N_", "_") and node.args
                and isinstance(node.args[0], ast.Constant)):
            found.append((node.lineno, str(node.args[0].value)))
    return found


def test_no_message_below_the_window_names_a_command():
    # The window has no command line: a service's message gives a hint instead.
    files = [p for root in BELOW_THE_WINDOW
             for p in ([root] if root.is_file() else sorted(root.rglob("*.py")))]
    naming = [f"{p.relative_to(APP)}:{line}: {text}" for p in files
              for line, text in _messages(p) if COMMAND.search(text)]
    assert naming == []


def _literals(path: Path) -> list[tuple[int, str]]:
    """Every text written in ``path`` (f-strings' parts too) but its docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings]


def test_no_text_below_the_window_names_a_command():
    # Not only messages marked for the catalogue: a refusal written as an f-string (as a
    # checklist workbook's were) reaches the window as well.
    from inspector_app.services.sync.report import _SUPERSEDED  # what older versions stored

    files = [p for root in BELOW_THE_WINDOW
             for p in ([root] if root.is_file() else sorted(root.rglob("*.py")))]
    naming = [f"{p.relative_to(APP)}:{line}: {text}" for p in files
              for line, text in _literals(p) if COMMAND.search(text) and text not in _SUPERSEDED]
    assert naming == []


def test_every_hint_is_worded_by_the_command_line():
    assert sorted(set(Hint) - set(cli_advice.ADVICE)) == []


def test_without_a_front_end_a_message_gives_no_advice():
    exc = NumbersExhausted("No {doc_words} number of {year} is left on this computer ({title}); "
                           "nothing was changed.", doc_words="应急责改", year=2026,
                           title="责令限期整改指令书", value="order", hint=Hint.ALLOCATE_NUMBERS)
    assert "numbers allocate" not in exc.localized()
    assert exc.localized().endswith("nothing was changed.")


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_command_line_names_its_command(lang):
    i18n.install_advisor(cli_advice.advise)
    i18n.set_language(lang)
    exc = NumbersExhausted("No {doc_words} number of {year} is left on this computer ({title}); "
                           "nothing was changed.", doc_words="应急责改", year=2026,
                           title="责令限期整改指令书", value=DocType.ORDER.value,
                           hint=Hint.ALLOCATE_NUMBERS)
    assert "numbers allocate --type order --year 2026" in exc.localized()
    assert "numbers allocate --type order" in str(exc)  # the log's English has it too
    if lang == "zh_CN":
        assert exc.localized().startswith("本机已没有 2026 年的应急责改编号")
        assert "请监管部门分配号段" in exc.localized()
    else:
        assert "nothing was changed. Ask the office" in exc.localized()


def test_an_error_raised_from_a_message_keeps_its_hint():
    i18n.install_advisor(cli_advice.advise)
    exc = NotFoundError(Message("No signing identity on this computer.",
                                hint=Hint.IMPORT_IDENTITY))
    assert exc.hint == Hint.IMPORT_IDENTITY
    assert str(exc) == ("No signing identity on this computer. Import the enrolment file from "
                        "the office first (identity import).")


def test_a_stored_sync_note_keeps_its_hint():
    # The notes of an import are kept in its history row and shown later, in either front-end.
    note = Message("number {number} is printed on two records here ({first} and {second}): "
                   "both keep it", number="N1", first="a", second="b", hint=Hint.SEE_CONFLICTS)
    again = message_from_json(message_json(note))
    assert again == note
    i18n.install_advisor(cli_advice.advise)
    assert str(again).endswith("both keep it — see sync conflicts")


def test_an_older_history_row_still_reads_in_chinese():
    # Stored by an earlier version, with the command in the message itself.
    stored = {"msgid": "number {number} is printed on two records here ({first} and {second}): "
                       "both keep it — see sync conflicts",
              "params": {"number": "N1", "first": "a", "second": "b"}}
    note = message_from_json(stored)
    assert note.hint == Hint.SEE_CONFLICTS
    assert note.localized("zh_CN").startswith("编号N1印在本机两份记录上")


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_year_without_a_plan_names_the_command_that_generates_it(ctx, lang):
    i18n.install_advisor(cli_advice.advise)
    i18n.set_language(lang)
    with pytest.raises(NotFoundError) as caught:
        ctx.year_plan.visits(2031)
    shown = caught.value.localized()
    if lang == "en":
        assert shown == "There is no plan for 2031. Generate one with plan-year 2031."
    else:
        assert shown.startswith("没有 2031 年的计划。") and "plan-year 2031" in shown
