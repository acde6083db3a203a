"""The parts every small form dialog of the office's registries ends with."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from inspector_app.ui.widgets.plain_label import plain_label


def error_label() -> QLabel:
    """Where a dialog says why the service refused what was asked."""
    error = plain_label()        # a refusal may quote a synced name
    error.setWordWrap(True)
    error.setStyleSheet("color: #b3261e;")
    return error


def ok_cancel(dialog: QDialog, form: QFormLayout,
              error: QLabel | None = None) -> QDialogButtonBox:
    """OK asks the dialog to save (it closes only when the service accepts); Cancel closes.

    ``error`` (the dialog's ``error_label``) is cleared at the user's next change of a field:
    the refusal answered the last OK, and left there after the title is typed it reads as if
    the title were still missing. OK says again what is still wrong."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.save)   # type: ignore[attr-defined]
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    if error is not None:
        clear_on_change(dialog, error)
    return buttons


def clear_on_change(dialog: QWidget, error: QLabel) -> None:
    """Clear ``error`` when any field of ``dialog`` changes (fields added later too: a table's
    new row, a photo chosen, which a dialog reports by calling ``error.clear()``)."""
    def clear(*_args: object) -> None:
        error.clear()

    for line in dialog.findChildren(QLineEdit):
        if not _inside(line, (QComboBox, QDateTimeEdit)):  # they have signals of their own
            line.textChanged.connect(clear)
    for text in dialog.findChildren(QPlainTextEdit):
        text.textChanged.connect(clear)
    for combo in dialog.findChildren(QComboBox):
        combo.currentIndexChanged.connect(clear)
    for day in dialog.findChildren(QDateTimeEdit):
        day.dateTimeChanged.connect(clear)
    for button in dialog.findChildren(QAbstractButton):
        if button.isCheckable():
            button.toggled.connect(clear)
    for view in dialog.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None and not _inside(view, (QComboBox,)):  # not a combo's list
            model.dataChanged.connect(clear)
            model.rowsInserted.connect(clear)
            model.rowsRemoved.connect(clear)


def _inside(widget: QWidget, kinds: tuple[type[QWidget], ...]) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parentWidget()
    return False
