"""Asking for the signing passphrase, optionally kept for this session only (in memory)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector_app.errors import InspectorError

_session: dict[str, str] = {}
T = TypeVar("T")


def session_passphrase(key: str) -> str | None:
    return _session.get(key)


def forget_session() -> None:
    _session.clear()


def ask_passphrase(parent: QWidget, prompt: str, key: str, check: Callable[[str], T]) -> T | None:
    """What ``check`` makes of the passphrase kept for this session or, when none is kept or it
    no longer fits, of one the user types (asked again while ``check`` refuses it with an
    ``InspectorError``, whose message the dialog shows in the user's language); None if the
    user cancels."""
    kept = session_passphrase(key)
    if kept is not None:
        try:
            return check(kept)
        except InspectorError:
            pass
    dialog = PassphraseDialog(prompt, key, parent)
    while dialog.exec():
        try:
            return check(dialog.passphrase())
        except InspectorError as exc:
            dialog.show_error(exc.localized())
    return None


class PassphraseDialog(QDialog):
    def __init__(self, prompt: str, key: str, parent: QWidget | None = None,
                 offer_keep: bool = True) -> None:
        super().__init__(parent)
        self.key = key
        self.setWindowTitle(self.tr("Passphrase"))
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.keep = QCheckBox(self.tr("&Keep it until Inspector is closed"))
        self.keep.setVisible(offer_keep)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.prompt, self.edit, self.keep, self.error, buttons):
            layout.addWidget(widget)

    def passphrase(self) -> str:
        return self.edit.text()

    def accept(self) -> None:
        if self.keep.isChecked():
            _session[self.key] = self.edit.text()
        super().accept()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        _session.pop(self.key, None)
