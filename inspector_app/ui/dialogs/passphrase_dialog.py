"""Asking for a passphrase (``PassphraseKeeper`` keeps those the user chose to keep)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector_app.ui.passphrase_keeper import PassphraseKeeper

__all__ = ["PassphraseDialog", "PassphraseKeeper"]


class PassphraseDialog(QDialog):
    def __init__(self, prompt: str, parent: QWidget | None = None,
                 offer_keep: bool = True) -> None:
        super().__init__(parent)
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

    def show_error(self, text: str) -> None:
        self.error.setText(text)
