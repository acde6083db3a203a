"""Shortcuts are shown where the user looks (tooltips, menus); Tab follows the visual order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from inspector_app.ui.dialogs.company_dialog import CompanyDialog
from inspector_app.ui.dialogs.first_run import FirstRunDialog
from inspector_app.ui.dialogs.identity_dialogs import OrgDialog
from inspector_app.ui.dialogs.inspection_dialogs import NewHazardDialog
from inspector_app.ui.dialogs.new_inspection import NewInspectionDialog
from inspector_app.ui.dialogs.reinspection_dialog import ReinspectionDialog
from tests import pdf_scenarios as sc
from tests.factories import add_company


def native(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def test_toolbar_tooltips_show_the_shortcuts(qtbot, window):
    built = sc.official_inspection(window.ctx)
    win = window.open_inspection(built.inspection_id)
    qtbot.waitExposed(win)
    with_keys = [a for a in win.toolbar.actions() if not a.shortcut().isEmpty()]
    assert len(with_keys) >= 8
    for action in with_keys:
        assert native(action.shortcut()) in action.toolTip(), action.text()
    window.set_language("zh_CN", remember=False)
    qtbot.waitUntil(lambda: win.act_complete.text() != "Complete…")
    assert native(win.act_complete.shortcut()) in win.act_complete.toolTip()
    assert win.act_complete.text().replace("…", "") in win.act_complete.toolTip()
    win.close()


def test_page_buttons_with_a_window_shortcut_show_it(window):
    page = window.inspections_page
    assert native(window.act_new_inspection.shortcut()) in page.new_button.toolTip()
    for action in window.page_actions:  # Ctrl+1… in the View menu
        assert not action.shortcut().isEmpty()
        assert native(action.shortcut()) in action.toolTip()


def focus_chain(root: QWidget) -> list[QWidget]:
    """The widgets Tab reaches, in the order it reaches them."""
    chain: list[QWidget] = []
    widget = root.nextInFocusChain()
    while widget is not root and widget not in chain:
        if (widget.isVisibleTo(root) and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.window() is root and not _inside_scrolled(widget, root)):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def _inside_scrolled(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(widget, QAbstractScrollArea):
            return True  # a table's own editors are not part of the form
        parent = parent.parentWidget()
    return False


def assert_reading_order(root: QWidget) -> None:
    """Each next field is on a lower row, or on the same row to the right."""
    chain = focus_chain(root)
    assert len(chain) >= 3
    places = [w.mapTo(root, QPoint(0, 0)) for w in chain]
    rows = [(p.y() + w.height() // 2) for p, w in zip(places, chain, strict=True)]
    for n in range(1, len(chain)):
        prev, cur = chain[n - 1], chain[n]
        same_row = abs(rows[n] - rows[n - 1]) < max(prev.height(), cur.height()) // 2
        below = rows[n] > rows[n - 1]
        ok = below if not same_row else places[n].x() > places[n - 1].x()
        # The dialog's buttons end the chain: from the last one back to the first field.
        assert ok, (f"Tab goes from {type(prev).__name__} {prev.objectName()!r} "
                    f"{_label(prev)} to {type(cur).__name__} {_label(cur)}")


def _viewer(ctx, window):
    from inspector_app.services.photos import PhotoService
    from inspector_app.ui.dialogs.photo_viewer import PhotoViewer

    built = sc.official_inspection(ctx)
    service = PhotoService(ctx.db, ctx.data_dir, ctx.device, "张伟")
    photos = service.list(built.inspection_id)
    if not photos:
        import tempfile
        from pathlib import Path

        sc.add_photos(ctx, built.inspection_id, Path(tempfile.mkdtemp()), 1)
        photos = service.list(built.inspection_id)
    return PhotoViewer(service, photos, 0, parent=window)


def _label(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    return repr(text()) if callable(text) else ""


@pytest.mark.parametrize("make", ["company", "first_run", "new_inspection", "reinspection",
                                  "new_hazard", "org", "photo_viewer"])
def test_tab_follows_the_visual_order(qtbot, window, make):
    from PySide6.QtCore import QDate

    from inspector_app.storage.companies_repo import CompanyRepo

    ctx = window.ctx
    add_company(ctx.db)
    dialogs = {
        "company": lambda: CompanyDialog(CompanyRepo(ctx.db, ctx.device.id), None, window),
        "first_run": lambda: FirstRunDialog(ctx, window),
        "new_inspection": lambda: NewInspectionDialog(ctx, window),
        "reinspection": lambda: ReinspectionDialog(ctx, None, window),
        "new_hazard": lambda: NewHazardDialog(QDate.currentDate(), window),
        "org": lambda: OrgDialog(ctx, window),
        "photo_viewer": lambda: _viewer(ctx, window),
    }
    dialog = dialogs[make]()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert_reading_order(dialog)


def test_help_lists_every_shortcut(qtbot, window):
    dialog = window.show_keyboard_help()
    qtbot.waitExposed(dialog)
    rows = dict(dialog.rows())
    assert rows["Ctrl+N"] == "New inspection"
    assert rows["Ctrl+2"] == "Inspections"
    assert rows["F3"] == "Next unanswered"
    assert "N" in rows and "Esc" in rows
    assert native(window.act_keys.shortcut()) in window.act_keys.toolTip()
    dialog.close()


def test_the_help_names_the_record_windows_keys_as_its_tooltips_do(qtbot, window):
    from inspector_app.ui.inspection_window import InspectionWindow

    window.set_language("zh_CN", remember=False)
    qtbot.waitUntil(lambda: "检查" in window.act_new_inspection.text())
    rows = dict(InspectionWindow.keyboard_help())
    assert rows["Ctrl+回车"] == "完成检查…" and rows["Ctrl+下方向"] == "下一项"
    assert "Ctrl+Return" not in rows


def test_chinese_tooltips_drop_the_mnemonic(qtbot, window):
    window.set_language("zh_CN", remember=False)
    qtbot.waitUntil(lambda: "检查" in window.act_new_inspection.text())
    assert window.act_new_inspection.text() == "新建检查(&N)…"
    assert window.act_new_inspection.toolTip() == "新建检查 (Ctrl+N)"
    assert window.inspections_page.new_button.toolTip() == "新建检查 (Ctrl+N)"


def _hazard_dialog_in_front(qtbot, window):
    """A new hazard's dialog, shown and active: keys typed go to it."""
    from PySide6.QtCore import QDate

    dialog = NewHazardDialog(QDate.currentDate(), window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_tab_leaves_a_multi_line_field_for_the_next_one(qtbot, window):
    dialog = _hazard_dialog_in_front(qtbot, window)
    dialog.description.setFocus()
    qtbot.keyClicks(dialog.description, "expired")
    qtbot.keyClick(dialog.description, Qt.Key.Key_Tab)
    assert "\t" not in dialog.description.toPlainText()
    assert dialog.focusWidget() is dialog.grade  # the next field down


def test_the_view_menu_names_each_page_as_its_title_reads(window, qtbot):
    # "&" marks a menu entry's shortcut letter: "Plans & drills" showed as "Plans_drills".
    qtbot.waitUntil(lambda: bool(window.page_actions[-1].text()))
    shown = {action.iconText() for action in window.page_actions}
    assert "Plans & drills" in shown
    plans = next(a for a in window.page_actions if a.iconText() == "Plans & drills")
    assert "Plans & drills" in plans.toolTip() and "&&" not in plans.toolTip()


def test_alt_and_a_letter_reach_each_field_of_a_hazard(qtbot, window):
    dialog = _hazard_dialog_in_front(qtbot, window)
    for letter, field in ((Qt.Key.Key_R, dialog.requirement), (Qt.Key.Key_E, dialog.deadline),
                          (Qt.Key.Key_P, dialog.responsible), (Qt.Key.Key_S, dialog.onsite),
                          (Qt.Key.Key_G, dialog.grade), (Qt.Key.Key_D, dialog.description)):
        qtbot.keyClick(dialog.focusWidget(), letter, Qt.KeyboardModifier.AltModifier)
        focused = dialog.focusWidget()
        assert focused is field or field.isAncestorOf(focused), letter
