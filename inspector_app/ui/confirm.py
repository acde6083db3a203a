"""One question before an office action that cannot be undone (approve, issue, revoke,
complete a re-inspection, allocate numbers): it says what will happen, names the action on its
button, and Cancel is the default, so a stray Enter changes nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """True when the user chose ``action``; False on Cancel, Escape or closing the box."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Cancel,
                      parent)
    go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is go
