"""The message catalogue below the window: every text a user can read passes through it, and
every entry of it is translated."""

from __future__ import annotations

import ast
import gettext
import importlib
import inspect
import pkgutil
import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import inspector_app
from inspector_app import i18n
from inspector_app.errors import InspectorError, ValidationError

PACKAGE = Path(inspector_app.__file__).parent
PO = PACKAGE / "locale" / "zh_CN" / "LC_MESSAGES" / "inspector.po"
MO = PO.with_suffix(".mo")
HAN = re.compile(r"[\u4e00-\u9fff]")


def _extracted() -> dict[str, str]:
    """msgid → where, as `make translations` extracts them."""
    found: dict[str, str] = {}
    method_map = [("inspector_app/ui/**.py", "ignore"), ("inspector_app/**.py", "python")]
    for filename, lineno, message, _comments, _context in extract_from_dir(
            PACKAGE.parent, method_map,
            keywords={"_": None, "N_": None, "ngettext": (1, 2)}):
        # A plural is one entry, found by its singular.
        msgid = message[0] if isinstance(message, tuple) else message
        found.setdefault(msgid, f"{filename}:{lineno}")
    return found


def _catalogue():
    with PO.open("rb") as handle:
        return read_po(handle)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_marked_message_is_in_the_catalogue_and_translated() -> None:
    catalogue = _catalogue()
    missing, untranslated, fuzzy = [], [], []
    for msgid, where in sorted(_extracted().items()):
        entry = catalogue.get(msgid)
        if entry is None:
            missing.append(f"{where}: {msgid!r}")
        elif entry.fuzzy:
            fuzzy.append(f"{where}: {msgid!r}")
        elif not (entry.string if isinstance(entry.string, str) else all(entry.string)):
            untranslated.append(f"{where}: {msgid!r}")
    assert not missing, "run `make translations`; not in the catalogue:\n" + "\n".join(missing)
    assert not fuzzy, "fuzzy entries (check and unmark):\n" + "\n".join(fuzzy)
    assert not untranslated, ("untranslated entries in " + str(PO) + ":\n"
                              + "\n".join(untranslated))


def test_translations_keep_every_placeholder() -> None:
    wrong = []
    for message in _catalogue():
        if not message.id or not isinstance(message.id, str) or not message.string:
            continue
        if _fields(message.id) != _fields(message.string):
            wrong.append(f"{message.id!r} → {message.string!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_the_compiled_catalogue_matches_its_source() -> None:
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [message.id for message in _catalogue()
             if message.id and isinstance(message.id, str) and message.string
             and compiled.gettext(message.id) != message.string]
    assert not stale, f"{MO.name} is older than {PO.name}: run `make translations` ({stale[:3]})"


def test_every_message_reads_as_the_standard_library_reads_it() -> None:
    """The program finds each message in the compiled file when asked for; whatever it
    finds is what gettext's own catalogue, decoding the whole file, gives."""
    with MO.open("rb") as handle:
        standard = gettext.GNUTranslations(handle)
    ours = i18n._catalogue("zh_CN")
    assert not isinstance(ours._catalog, dict)  # read when asked for, not at the start
    differ = []
    for key in standard._catalog:
        if isinstance(key, tuple):
            singular = key[0]
            differ += [singular for n in (0, 1, 2, 7)
                       if ours.ngettext(singular, singular + "s", n)
                       != standard.ngettext(singular, singular + "s", n)]
        elif ours.gettext(key) != standard.gettext(key):
            differ.append(key)
    assert len(standard._catalog) > 1000 and not differ, differ[:3]
    assert ours.gettext("no such message, anywhere") == "no such message, anywhere"
    assert ours.ngettext("no such %d thing", "no such %d things", 2) == "no such %d things"
    assert ours.gettext("options") == "选项"


def _inspector_error_names() -> set[str]:
    names = set()
    for module in pkgutil.walk_packages(inspector_app.__path__, "inspector_app."):
        if ".ui" in module.name or module.name.endswith("__main__"):
            continue
        loaded = importlib.import_module(module.name)
        for name, value in vars(loaded).items():
            if inspect.isclass(value) and issubclass(value, InspectorError):
                names.add(name)
    return names


def test_no_error_message_bypasses_the_catalogue() -> None:
    """An expected failure is built from a message id marked with N_(), never from a bare or
    formatted string, so that it can be shown in the user's language."""
    errors = _inspector_error_names()
    bypass = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "ui" in path.relative_to(PACKAGE).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name not in errors:
                continue
            message = node.args[1] if name == "DocumentRefused" and len(node.args) > 1 \
                else node.args[0]
            if isinstance(message, ast.JoinedStr | ast.BinOp) or (
                    isinstance(message, ast.Constant) and isinstance(message.value, str)):
                bypass.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: "
                              f"{ast.unparse(message)[:70]}")
    assert not bypass, "messages not marked with N_():\n" + "\n".join(bypass)


def test_an_error_is_logged_in_english_and_shown_in_the_users_language() -> None:
    error = ValidationError(i18n.N_("A campaign needs a name."))
    assert str(error) == error.message == "A campaign needs a name."
    i18n.set_language("zh_CN")
    shown = error.localized()
    assert HAN.search(shown), shown
    assert str(error) == "A campaign needs a name."
    assert error.localized("en") == "A campaign needs a name."
    assert HAN.search(error.localized_title())


def test_parameters_fill_the_translated_message() -> None:
    error = ValidationError(i18n.N_("No inspection with id {inspection_id}."),
                            inspection_id="ab12")
    assert error.message == "No inspection with id ab12."
    zh = error.localized("zh_CN")
    assert "ab12" in zh and HAN.search(zh), zh


@pytest.mark.parametrize(("explicit", "saved", "environ", "expected"), [
    ("en", "zh_CN", {"LANG": "zh_CN.UTF-8"}, "en"),
    (None, "en", {"LANG": "zh_CN.UTF-8"}, "en"),
    (None, None, {"LANG": "zh_CN.UTF-8"}, "zh_CN"),
    (None, None, {"LANG": "en_GB.UTF-8"}, "en"),
    (None, None, {"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN"),
    (None, None, {"LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
    (None, None, {"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}, "zh_CN"),
    (None, None, {"LC_ALL": "C", "LANG": "en_US.UTF-8"}, "zh_CN"),
    (None, None, {}, "zh_CN"),
    (None, None, {"LANG": "C.UTF-8"}, "zh_CN"),
])
def test_the_language_is_chosen_the_same_way_everywhere(explicit, saved, environ,
                                                        expected) -> None:
    assert i18n.resolve_language(explicit, saved, environ) == expected


def test_the_windows_saved_choice_is_read_from_its_settings_file(tmp_path: Path) -> None:
    settings = tmp_path / "settings.ini"
    settings.write_text("[ui]\nlanguage=en\n", encoding="utf-8")
    assert i18n.saved_language(settings) == "en"
    settings.write_text("[ui]\nlanguage=system\n", encoding="utf-8")
    assert i18n.saved_language(settings) is None
    settings.write_bytes(b"\xff\xfe garbage [")
    assert i18n.saved_language(settings) is None
    assert i18n.saved_language(tmp_path / "missing.ini") is None
    settings.write_text("[window]\npage=1\n[UI]\nLanguage = en\n", encoding="utf-8")
    assert i18n.saved_language(settings) is None  # sections are named as written
    settings.write_text("[window]\npage=1\n[ui]\nLanguage = en\n", encoding="utf-8")
    assert i18n.saved_language(settings) == "en"  # option names in any case
    settings.write_text("[window]\npage=1\n", encoding="utf-8")
    assert i18n.saved_language(settings) is None


def test_a_message_inside_another_s_sentence_ends_it_once() -> None:
    inner = ValidationError(i18n.N_("A campaign needs a name."))
    outer = ValidationError(i18n.N_("The bundle was refused: {reason}. Nothing was changed."),
                            reason=i18n.Clause(inner))
    assert outer.localized("en") == ("The bundle was refused: A campaign needs a name. "
                                     "Nothing was changed.")
    i18n.set_language("zh_CN")
    shown = outer.localized()
    assert "。。" not in shown and "。." not in shown and HAN.search(shown), shown
