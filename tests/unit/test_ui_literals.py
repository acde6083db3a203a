"""Every text the window shows goes through tr(): a literal handed straight to a widget is shown
untranslated in the other language.

The scan reads ``inspector_app/ui`` and looks at the arguments of the calls that put text on
screen; a string literal with a word in it (Latin or Chinese letters) that is not inside a
translation call fails, unless it is in the reviewed allow-list below.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import inspector_app

UI = Path(inspector_app.__file__).parent / "ui"

# Methods whose arguments are shown to the user.
SHOWING_METHODS = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip",
    "setWhatsThis", "addItem", "addItems", "insertItem", "setItemText", "setTitle", "addTab",
    "setTabText", "showMessage", "setHeaderLabels", "setHorizontalHeaderLabels",
    "setVerticalHeaderLabels", "setLabelText", "setInformativeText", "setDetailedText",
    "addRow", "addButton", "setPlainText", "setHtml", "setSpecialValueText", "setSuffix",
    "setPrefix", "addMenu", "addAction", "information", "warning", "critical", "question",
    "getOpenFileName", "getSaveFileName", "getExistingDirectory", "getText", "getItem",
    "setNameFilter", "setNameFilters",
}
# Widgets whose constructor arguments are shown to the user.
SHOWING_CLASSES = {
    "QLabel", "QPushButton", "QAction", "QCheckBox", "QRadioButton", "QGroupBox",
    "QMessageBox", "QToolButton", "QMenu", "QListWidgetItem", "QTableWidgetItem",
    "QTreeWidgetItem", "QCommandLinkButton", "QProgressDialog",
}
# Errors the window shows to the user (programming errors such as ValueError are not shown).
USER_ERRORS = {"InspectorError", "ValidationError", "NotFoundError", "LockedRecordError",
               "CorruptFileError", "ReadOnlyLocationError", "DiskFullError"}
# Calls whose result is translated (their literal arguments are the catalogue's source texts).
TRANSLATING = {"tr", "translate", "label", "_", "ngettext", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}

WORD = re.compile(r"[^\W\d_]{2,}")  # two letters in a row: Latin, or Chinese characters

# Reviewed: texts that are the same in every language, or that name a thing, not say something.
ALLOWED = {
    "中文（简体）",  # the document language choice names each language in itself
    "English",
}


def _literals(node: ast.AST) -> Iterator[ast.Constant]:
    """String constants that reach the screen through ``node`` as they are."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif isinstance(node, ast.JoinedStr):
        for part in node.values:
            yield from _literals(part)
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _literals(value)
    elif isinstance(node, ast.BinOp):
        yield from _literals(node.left)
        yield from _literals(node.right)
    elif isinstance(node, ast.Call):
        name = _name(node.func)
        if name in TRANSLATING:
            return
        if isinstance(node.func, ast.Attribute) and name in ("format", "join", "replace"):
            yield from _literals(node.func.value)
            if name != "replace":
                for arg in node.args:
                    yield from _literals(arg)
    elif isinstance(node, ast.List | ast.Tuple):
        for element in node.elts:
            yield from _literals(element)


def _name(func: ast.AST) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


LOGGERS = {"log", "logger", "logging", "warnings"}
# Methods whose later arguments are data, not text: addItem(text, user_data) and the like.
TEXT_ARGUMENT = {"addItem": 0, "insertItem": 1, "setItemText": 1, "setTabText": 1,
                 "addTab": 1}
MARKUP = re.compile(r"<[^>]*>|&\w+;")


def _showing(call: ast.Call) -> bool:
    func = call.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
            and func.value.id in LOGGERS:
        return False  # the log is English on purpose
    return _name(func) in SHOWING_METHODS | SHOWING_CLASSES or _name(func) in USER_ERRORS


def _shown_arguments(call: ast.Call) -> list[ast.AST]:
    position = TEXT_ARGUMENT.get(_name(call.func))
    if position is not None:
        return call.args[position:position + 1]
    return [*call.args, *(k.value for k in call.keywords)]


def untranslated_literals(source: str, filename: str = "<ui>") -> list[str]:
    found: list[tuple[int, int, str]] = []
    for node in ast.walk(ast.parse(source, filename)):
        if not (isinstance(node, ast.Call) and _showing(node)):
            continue
        for arg in _shown_arguments(node):
            for literal in _literals(arg):
                text = literal.value.strip()
                if WORD.search(MARKUP.sub("", text)) and text not in ALLOWED:
                    found.append((literal.lineno, literal.col_offset,
                                  f"{filename}:{literal.lineno}: {_name(node.func)}({text!r})"))
    return [text for *_, text in sorted(found)]


def test_every_text_the_window_shows_goes_through_tr() -> None:
    found = []
    for path in sorted(UI.rglob("*.py")):
        found += untranslated_literals(path.read_text(encoding="utf-8"),
                                       str(path.relative_to(UI.parent)))
    assert not found, "shown without tr():\n" + "\n".join(found)


def test_the_scan_finds_a_literal_handed_to_a_widget() -> None:
    source = (
        "label = QLabel('Saved')\n"
        "label.setText(self.tr('Saved'))\n"
        "box.setWindowTitle(f'Inspector — {name} changed')\n"
        "combo.addItem('laptop' if kind else self.tr('office'), 'laptop')\n"
        "log.warning('not shown: %s', name)\n"
        "label.setText('<b>' + self.tr('Saved') + '</b>&nbsp;')\n"
        "status.showMessage('已写入')\n"
        "QMessageBox.warning(self, self.tr('Title'), 'The file is {0}'.format(name))\n"
        "raise InspectorError(f'No inspection with id {inspection_id}.')\n"
    )
    found = untranslated_literals(source)
    assert [line.split(": ", 1)[1] for line in found] == [
        "QLabel('Saved')",
        "setWindowTitle('Inspector —')",
        "setWindowTitle('changed')",
        "addItem('laptop')",
        "showMessage('已写入')",
        "warning('The file is {0}')",
        "InspectorError('No inspection with id')",
    ]


def english_errors_shown(source: str, filename: str = "<ui>") -> list[str]:
    """``exc.message`` (the English text of an error, for the log) used outside the log."""
    tree = ast.parse(source, filename)
    logged = {id(node) for call in ast.walk(tree) if isinstance(call, ast.Call)
              and isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name)
              and call.func.value.id in LOGGERS for node in ast.walk(call)}
    return [f"{filename}:{node.lineno}" for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and node.attr == "message"
            and isinstance(node.value, ast.Name) and node.value.id == "exc"
            and id(node) not in logged]


def test_the_window_shows_errors_in_the_users_language() -> None:
    found = []
    for path in sorted(UI.rglob("*.py")):
        found += english_errors_shown(path.read_text(encoding="utf-8"),
                                      str(path.relative_to(UI.parent)))
    assert not found, "exc.message shown (use exc.localized()):\n" + "\n".join(found)
    assert english_errors_shown("label.setText(exc.message)\nlog.warning('%s', exc.message)\n") \
        == ["<ui>:1"]
