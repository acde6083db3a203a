"""The program's start: the main window is fitted as it shows; every other window and F1 are
looked after from a moment later, as they are in a window built without the deferral."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from inspector_app.ui import first_show
from inspector_app.ui.main_window import MainWindow


class _Tall(QDialog):
    """A dialog asking for more height than any screen has."""

    def __init__(self, parent: MainWindow) -> None:
        super().__init__(parent)
        self.resize(500, 5000)


def test_every_window_is_fitted_and_f1_answers_a_moment_after_the_start(
        qtbot, ctx, settings, languages, profile):
    settings.setValue("window/geometry", None)
    main = MainWindow(ctx, settings, languages, app_filters_later=True)
    qtbot.addWidget(main)
    main.resize(3000, 3000)
    main.show()
    qtbot.waitExposed(main)
    area = QApplication.primaryScreen().availableGeometry()
    assert area.contains(main.frameGeometry())  # fitted as it showed

    def watched() -> bool:
        early = _Tall(main)
        early.show()
        fitted = early.height() <= area.height()
        early.close()
        early.deleteLater()
        return fitted

    qtbot.waitUntil(watched, timeout=first_show.LATER_MS + 5000)
    main.activateWindow()

    def f1_answers() -> bool:  # a turn or two after the windows are watched
        qtbot.keyClick(main.inspections_page.table, Qt.Key.Key_F1)
        return (main.help is not None and main.help.window is not None
                and main.help.window.isVisible())

    qtbot.waitUntil(f1_answers, timeout=3 * first_show.TURN_MS + 5000)
    main.help.window.close()
    main.close()


def test_the_menu_titles_show_at_once_and_the_entries_and_shortcuts_a_moment_later(
        qtbot, ctx, settings, languages, profile):
    main = MainWindow(ctx, settings, languages, app_filters_later=True)
    qtbot.addWidget(main)
    titles = [action.text() for action in main.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Tools", "&Help"]
    main.show()
    qtbot.waitExposed(main)
    qtbot.waitUntil(lambda: not main.menu_file.isEmpty(), timeout=first_show.LATER_MS + 5000)
    assert [a.text() for a in main.menu_file.actions() if a.text()] == [
        "&New inspection…", "&Re-inspection…", "&Quit"]
    assert main.language_actions["en"].isChecked()
    assert main.inspections_page.new_button.toolTip() == "New inspection (Ctrl+N)"
    main.activateWindow()
    qtbot.keyClick(main, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert main.current_page().heading.text() == "Hazards"
    main.close()
