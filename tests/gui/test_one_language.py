"""The window speaks one language: its own texts, Qt's dialogs and the errors services raise."""

from __future__ import annotations

import logging
import re

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox

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


def test_qt_own_file_dialog_speaks_chinese(qtbot, languages: LanguageSwitcher) -> None:
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
