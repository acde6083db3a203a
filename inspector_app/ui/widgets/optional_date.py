"""A date that may be left out: a tick to give it and the date beside it (a QDateEdit always
holds some date, so "no due date yet" needs the tick)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from inspector_app.ui.datetimes import localize_edit


def date_edit(value: date | None = None) -> QDateEdit:
    """A date editor with its calendar, in the user's style, on ``value`` (today by default)."""
    day = value or date.today()
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    localize_edit(edit)
    return edit


class OptionalDate(QWidget):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(text)
        self.edit = date_edit()
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit, 1)

    def set_iso(self, value: str | None) -> None:
        """Show the stored day, or no day (the tick off) for None or empty."""
        self.check.setChecked(bool(value))
        if value:
            day = date.fromisoformat(value[:10])
            self.edit.setDate(QDate(day.year, day.month, day.day))

    def iso(self) -> str:
        """The day as YYYY-MM-DD, or "" when none is given (which clears a stored one)."""
        if not self.check.isChecked():
            return ""
        return self.edit.date().toString(Qt.DateFormat.ISODate)
