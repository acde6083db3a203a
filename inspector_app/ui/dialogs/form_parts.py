"""The parts every small form dialog of the office's registries ends with."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel

from inspector_app.ui.widgets.plain_label import plain_label


def error_label() -> QLabel:
    """Where a dialog says why the service refused what was asked."""
    error = plain_label()        # a refusal may quote a synced name
    error.setWordWrap(True)
    error.setStyleSheet("color: #b3261e;")
    return error


def ok_cancel(dialog: QDialog, form: QFormLayout) -> QDialogButtonBox:
    """OK asks the dialog to save (it closes only when the service accepts); Cancel closes."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.save)   # type: ignore[attr-defined]
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    return buttons
