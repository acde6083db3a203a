"""Every window opens inside the screen of a small laptop, buttons reachable, sizes remembered.

The offscreen test screen is 800×800; a window must also be able to shrink to a 1024×600 screen
(less a title bar and a task bar), so its smallest size is checked against that too.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QWidget

from inspector_app.services.photos import PhotoService
from inspector_app.ui.dialogs.document_dialog import DocumentDialog
from inspector_app.ui.dialogs.photo_viewer import PhotoViewer
from inspector_app.ui.screen_fit import settings_key
from tests import pdf_scenarios as sc


def screen_area() -> QRect:
    return QApplication.primaryScreen().availableGeometry()


def on_screen(widget: QWidget) -> QRect:
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    return QRect(top_left, widget.size())


SMALL_SCREEN = QSize(1000, 530)


def assert_fits(window: QWidget, *buttons: QAbstractButton) -> None:
    smallest = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert smallest.boundedTo(SMALL_SCREEN) == smallest, (type(window).__name__, smallest)
    area = screen_area()
    assert area.contains(window.frameGeometry()), (type(window).__name__,
                                                   window.frameGeometry(), area)
    for button in buttons:
        assert button.isVisible() and area.contains(on_screen(button)), button.text()
        assert window.rect().contains(button.geometry().translated(
            button.mapTo(window, button.rect().topLeft()) - button.geometry().topLeft())), \
            button.text()


@pytest.fixture
def built(ctx, tmp_path):
    b = sc.official_inspection(ctx)
    sc.add_photos(ctx, b.inspection_id, tmp_path / "cam", 2)
    return b


def test_main_window_and_its_pages_fit(window):
    assert_fits(window)
    for index in range(len(window.pages)):
        window.show_page(index)
        assert_fits(window)


def test_inspection_window_fits(qtbot, window, built):
    win = window.open_inspection(built.inspection_id)
    qtbot.waitExposed(win)
    assert_fits(win)


def test_documents_dialog_fits_with_its_buttons(qtbot, window, built):
    dialog = DocumentDialog(window.ctx, built.inspection_id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    assert_fits(dialog, close, dialog.export_button, dialog.print_button)


def test_reinspection_dialog_fits_with_its_start_button(qtbot, window):
    dialog = window.open_reinspection(None)
    qtbot.waitExposed(dialog)
    assert_fits(dialog, dialog.start_button, dialog.cancel_button)


def test_photo_viewer_fits(qtbot, window, built):
    service = PhotoService(window.ctx.db, window.ctx.data_dir, window.ctx.device, "张伟")
    photos = service.list(built.inspection_id)
    viewer = PhotoViewer(service, photos, 0, parent=window)
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitExposed(viewer)
    assert_fits(viewer)


def test_a_dialog_reopens_at_the_size_the_user_gave_it(qtbot, window, built, settings):
    dialog = DocumentDialog(window.ctx, built.inspection_id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(600, 420)
    dialog.close()
    assert settings.value(settings_key(dialog)) == QSize(600, 420)
    again = DocumentDialog(window.ctx, built.inspection_id, window)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.size() == QSize(600, 420)
    assert_fits(again)


def test_a_window_not_yet_framed_opens_with_room_for_its_title_bar():
    """A window manager frames a window after it is shown; until then the content is placed
    below where the title bar goes, whichever top-left was wished."""
    from PySide6.QtCore import QMargins, QPoint

    from inspector_app.ui.screen_fit import GUESSED_FRAME, frame_position

    area = QRect(0, 30, 1024, 570)       # a panel at the top
    size = QSize(900, 500)
    at = frame_position(area, QPoint(50, -40), size, GUESSED_FRAME, known=False)
    assert at.y() - GUESSED_FRAME.top() >= area.top()              # the title bar on screen
    assert at.y() + size.height() + GUESSED_FRAME.bottom() <= area.bottom() + 1
    assert at.x() - GUESSED_FRAME.left() >= area.left()
    # Framed: the position is the frame's, kept inside the area.
    frame = QMargins(2, 28, 2, 2)
    at = frame_position(area, QPoint(50, -40), size, frame, known=True)
    assert at == QPoint(50, area.top())
    at = frame_position(area, QPoint(500, 300), size, frame, known=True)
    assert at.x() + size.width() + 4 <= area.right() + 1
    assert at.y() + size.height() + 30 <= area.bottom() + 1


def test_a_title_bar_above_the_screen_is_brought_back_once_framed(qtbot, monkeypatch):
    """What the window manager did is checked once the frame is known."""
    from PySide6.QtCore import QEvent, QPoint

    from inspector_app.ui.screen_fit import ScreenFit

    window = QWidget()
    qtbot.addWidget(window)
    window.resize(400, 300)
    window.show()
    fitter = ScreenFit(None)
    fitter.fit(window)
    area = screen_area()
    framed = QRect(area.left() + 10, area.top() - 25, 404, 330)   # a title bar 28 px high
    moves: list[QPoint] = []
    monkeypatch.setattr(window, "frameGeometry", lambda: framed)
    monkeypatch.setattr(window, "geometry",
                        lambda: QRect(framed.left() + 2, framed.top() + 28, 400, 300))
    monkeypatch.setattr(window, "move", moves.append)
    fitter.eventFilter(window, QEvent(QEvent.Type.Move))
    fitter.eventFilter(window, QEvent(QEvent.Type.Move))
    assert moves == [QPoint(area.left() + 10, area.top())]
