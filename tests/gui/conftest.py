from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from inspector_app.app import open_settings
from inspector_app.domain.profile import Profile
from inspector_app.storage.repositories import ProfileRepo
from inspector_app.ui import screen_fit
from inspector_app.ui.fonts import register_fonts
from inspector_app.ui.i18n import LanguageSwitcher, install_english_plurals
from inspector_app.ui.main_window import MainWindow


@pytest.fixture
def settings(data_dir) -> QSettings:
    data_dir.ensure()
    return open_settings(data_dir)


@pytest.fixture
def profile(ctx):
    return ProfileRepo(ctx.db, ctx.device).save(Profile(
        name="张伟", enforcement_id="32050012", organisation="泉台区应急管理局",
        doc_prefix="QT01", authority_short="泉台"))


@pytest.fixture
def languages(qapp):
    register_fonts(qapp)
    switcher = LanguageSwitcher()
    switcher.apply("en")
    yield switcher
    switcher.apply("en")


@pytest.fixture
def window(qtbot, ctx, settings, languages, profile):
    win = MainWindow(ctx, settings, languages)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    for form in list(win.inspection_windows.values()):
        form.close()  # it would outlive the database it shows
    win.bridge.uninstall()


@pytest.fixture(autouse=True)
def _no_screen_fit_left_over():
    yield
    screen_fit.uninstall()


@pytest.fixture(autouse=True)
def _english_plurals(qapp):
    # As in the program: English shows "1 company", "2 companies" from the first window on.
    install_english_plurals(qapp)
