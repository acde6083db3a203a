"""The question asked before an action that cannot be undone: Enter and Escape change nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from inspector_app.ui import confirm


def _answer(qtbot, key: Qt.Key | None = None, click: str | None = None) -> list[str]:
    """Answer the box once it is shown: with ``key``, or by clicking the button ``click``."""
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        if click is not None:
            next(b for b in box.buttons() if b.text() == click).click()
        else:
            qtbot.keyClick(box, key)

    QTimer.singleShot(0, answer)
    return seen


def test_enter_and_escape_cancel_and_only_the_named_action_goes_ahead(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Escape):
        seen = _answer(qtbot, key=key)
        assert not confirm.ask(parent, "Approve", "It cannot be undone.", "&Approve")
        assert seen == ["It cannot be undone."]
    seen = _answer(qtbot, click="&Approve")
    assert confirm.ask(parent, "Approve", "It cannot be undone.", "&Approve")
    assert seen == ["It cannot be undone."]
