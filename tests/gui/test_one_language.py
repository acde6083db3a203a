"""The window speaks one language: its own texts, Qt's dialogs and the errors services raise."""

from __future__ import annotations

import logging
import re

import pytest
from PySide6.QtCore import QFileInfo
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFileIconProvider,
    QLabel,
    QMessageBox,
)

from inspector_app import i18n
from inspector_app.errors import ValidationError
from inspector_app.i18n import N_
from inspector_app.ui import messages
from inspector_app.ui.i18n import SETTING_KEY, LanguageSwitcher, resolve_language

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def system_locale(monkeypatch: pytest.MonkeyPatch):
    def use(value: str) -> None:
        for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
            monkeypatch.delenv(variable, raising=False)
        monkeypatch.setenv("LANG", value)
    return use


def test_the_system_locale_chooses_when_nothing_is_saved(settings, system_locale) -> None:
    system_locale("zh_CN.UTF-8")
    assert resolve_language(None, settings) == "zh_CN"
    system_locale("en_GB.UTF-8")
    assert resolve_language(None, settings) == "en"
    system_locale("C")
    assert resolve_language(None, settings) == "zh_CN"  # a system naming no language


def test_the_saved_choice_wins_over_the_system_and_lang_over_both(settings,
                                                                  system_locale) -> None:
    system_locale("zh_CN.UTF-8")
    settings.setValue(SETTING_KEY, "en")
    assert resolve_language(None, settings) == "en"
    assert resolve_language("zh_CN", settings) == "zh_CN"
    settings.setValue(SETTING_KEY, "system")
    assert resolve_language(None, settings) == "zh_CN"


def test_the_window_language_is_the_language_of_service_errors(qtbot, window, caplog) -> None:
    window.set_language("zh_CN", remember=False)
    assert i18n.current_language() == "zh_CN"
    with caplog.at_level(logging.WARNING):
        messages.error(ValidationError(N_("A campaign needs a name.")))
    qtbot.waitUntil(lambda: window.bridge.last_dialog is not None)
    box = window.bridge.last_dialog
    assert box.windowTitle() == "输入无效"
    assert box.text() == "专项行动需要名称。"
    assert "A campaign needs a name." in caplog.text  # the log stays English
    box.close()

    window.set_language("en", remember=False)
    assert i18n.current_language() == "en"
    window.bridge.last_dialog = None
    messages.error(ValidationError(N_("A campaign needs a name.")))
    qtbot.waitUntil(lambda: window.bridge.last_dialog is not None)
    assert window.bridge.last_dialog.text() == "A campaign needs a name."
    window.bridge.last_dialog.close()


def test_qt_own_file_dialog_speaks_chinese(qtbot, languages: LanguageSwitcher,
                                           tmp_path) -> None:
    languages.apply("zh_CN")
    assert languages.qt_own_loaded
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    look_in = dialog.findChild(QLabel, "lookInLabel")
    file_type = dialog.findChild(QLabel, "fileTypeLabel")
    assert look_in is not None and file_type is not None
    for label in (look_in, file_type):
        assert CJK.search(label.text()), label.text()
    assert "Look in" not in look_in.text()
    assert "Files of type" not in file_type.text()
    assert QFileIconProvider().type(QFileInfo(str(tmp_path))) == "文件夹"  # the Type column


def test_message_box_buttons_speak_the_window_language(qtbot,
                                                       languages: LanguageSwitcher) -> None:
    def ok_text() -> str:
        box = QMessageBox(QMessageBox.Icon.Warning, "", "", QMessageBox.StandardButton.Ok
                          | QMessageBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        return box.button(QMessageBox.StandardButton.Cancel).text()

    languages.apply("zh_CN")
    assert CJK.search(ok_text())
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    assert CJK.search(buttons.button(QDialogButtonBox.StandardButton.Close).text())
    languages.apply("en")
    assert ok_text() == "Cancel"


def test_date_editors_show_the_users_style_and_follow_a_switch(
        qtbot, languages: LanguageSwitcher) -> None:
    from PySide6.QtCore import QDate, QDateTime, QTime
    from PySide6.QtWidgets import QDateEdit, QDateTimeEdit

    from inspector_app.ui.datetimes import localize_edit

    languages.apply("zh_CN")
    day = localize_edit(QDateEdit(QDate(2026, 11, 30)))
    moment = localize_edit(QDateTimeEdit(QDateTime(QDate(2026, 1, 5), QTime(14, 5))),
                           with_time=True)
    for edit in (day, moment):
        qtbot.addWidget(edit)
    assert day.text() == "2026年11月30日"
    assert moment.text() == "2026年01月05日 14:05"
    languages.apply("en")
    qtbot.waitUntil(lambda: day.text() == "30 Nov 2026")
    qtbot.waitUntil(lambda: moment.text() == "05 Jan 2026 14:05")
    assert day.date() == QDate(2026, 11, 30)  # the value is what it was


def test_choosing_same_as_the_system_switches_to_the_systems_language(
        qtbot, window, settings, system_locale, monkeypatch) -> None:
    from inspector_app.ui.dialogs.preferences import PreferencesDialog

    def choose_system(dialog: PreferencesDialog) -> int:
        dialog.language.setCurrentIndex(dialog.language.findData("system"))
        return 1

    system_locale("zh_CN.UTF-8")
    assert window.languages.current == "en"
    monkeypatch.setattr(PreferencesDialog, "exec", choose_system)
    window.open_preferences()
    assert settings.value(SETTING_KEY) == "system"
    assert window.languages.current == "zh_CN" and i18n.current_language() == "zh_CN"
    assert window.language_actions["zh_CN"].isChecked()
    qtbot.waitUntil(lambda: window.menu_file.title() != "&File")


def _source_texts() -> list[str]:
    """Every window text as written in the code (the .ts file's sources)."""
    import html
    from pathlib import Path

    ts = Path(__file__).resolve().parents[2] / "resources/translations/inspector_zh_CN.ts"
    text = ts.read_text(encoding="utf-8")
    return [html.unescape(source) for message in re.findall(r"<message.*?</message>", text, re.S)
            if 'type="vanished"' not in message and 'type="obsolete"' not in message
            for source in re.findall(r"<source>(.*?)</source>", message, re.S)]


def test_no_english_window_text_carries_a_chinese_gloss() -> None:
    # The English window is English; the Chinese one has its own translation. Chinese stays
    # only where it is the data itself: an example of what to type ("e.g. 一号车间"), what a
    # document prints around it ("printed with 人民政府") or a circular number's brackets.
    data = re.compile(r"e\.g\.[^()]*$|e\.g\. .*|printed with|〔")
    glossed = [text for text in _source_texts() if CJK.search(text)
               and not all(data.search(part) for part in re.split(r"\(|\)", text)
                           if CJK.search(part))]
    assert glossed == []


def _own_words(widget) -> list[str]:
    """What a dialog says itself (titles, labels, buttons, tooltips), not the data it lists."""
    from PySide6.QtWidgets import QAbstractButton, QWidget

    words = [widget.windowTitle(), widget.toolTip()]
    for child in widget.findChildren(QWidget):
        words.append(child.toolTip())
        if isinstance(child, (QLabel, QAbstractButton)):
            words.append(child.text())
    return [w for w in words if w]


def test_the_english_dialogs_name_hazards_plans_and_inspections_in_english(
        qtbot, ctx, profile, languages) -> None:
    from inspector_app.domain.finding import Finding, FindingStatus, Grade
    from inspector_app.domain.units import UnitKind
    from inspector_app.services.units import UnitsService
    from inspector_app.ui.dialogs.classification_dialog import ClassificationDialog
    from inspector_app.ui.dialogs.governance_plan_dialog import GovernancePlanDialog
    from inspector_app.ui.dialogs.new_inspection import NewInspectionDialog
    from tests.factories import add_company, add_template

    add_template(ctx.db)
    UnitsService(ctx.db, ctx.device.id).add_unit("东园镇", UnitKind.TOWN)
    classes = ClassificationDialog(ctx, add_company(ctx.db))
    plan = GovernancePlanDialog(Finding(
        id="f1", inspection_id="i1", item_id=None, seq=1, description="", grade=Grade.MAJOR,
        legal_basis=None, requirement=None, deadline=None, responsible=None,
        onsite_measure=None, status=FindingStatus.OPEN, reinspection_result=None,
        reinspected_at=None, closed_at=None, origin_finding_id=None, created_at="2026-11-02"))
    new = NewInspectionDialog(ctx)
    for dialog in (classes, plan, new):
        qtbot.addWidget(dialog)
    assert classes.source.text() == "Major hazard installation"
    assert plan.intro.text().startswith("The company's governance plan for this major hazard.")
    assert new.subject.itemText(1).startswith("A town's or department's work")
    words = _own_words(classes) + _own_words(plan) + [new.subject.itemText(i)
                                                       for i in range(new.subject.count())]
    data = ("泉台纺织有限公司", "东园镇")  # the company's name and town, the unit: data
    assert [w for w in words if CJK.search(w) and not any(d in w for d in data)] == []


def _translations_of(source: str) -> set[str]:
    """Every Chinese rendering of one window text, across the dialogs and pages that use it."""
    import html
    from pathlib import Path

    ts = Path(__file__).resolve().parents[2] / "resources/translations/inspector_zh_CN.ts"
    text = ts.read_text(encoding="utf-8")
    return {html.unescape(m.group(2)) for message in re.findall(r"<message.*?</message>", text,
                                                               re.S)
            if (m := re.search(r"<source>(.*?)</source>\s*<translation>(.*?)</translation>",
                               message, re.S)) and html.unescape(m.group(1)) == source}


def test_a_town_is_named_the_same_on_every_page() -> None:
    # A district's towns include streets (街道): the column and the filter say so everywhere,
    # the companies' list and the inspections' filter as the ledger and the dispatch do.
    assert _translations_of("Town") == {"乡镇（街道）"}
    assert _translations_of("&Town:") == {"乡镇（街道）(&T)："}
    assert _translations_of("All towns") == _translations_of("Every town") == {"全部乡镇（街道）"}


def test_a_chinese_message_quotes_the_button_it_names() -> None:
    # "请先按“签名…”收集签名", as the other messages name 节假日 or 检查组…: a bare 签名… set off by
    # spaces reads as a broken sentence.
    import html
    from pathlib import Path

    ts = Path(__file__).resolve().parents[2] / "resources/translations/inspector_zh_CN.ts"
    translations = [html.unescape(t) for message in re.findall(
        r"<message.*?</message>", ts.read_text(encoding="utf-8"), re.S)
        if 'type="vanished"' not in message
        for t in re.findall(r"<translation>(.*?)</translation>", message, re.S)]
    bare = re.compile(r"\s[\u4e00-\u9fff→ ]{1,12}…[\s）)，。]")
    assert [t for t in translations if bare.search(t)] == []
