"""A drill's follow-up task done: the day and how it was fixed. The emergency service checks
the day (not before the drill, not in the future) as for ``inspector-app drills close-task``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from inspector_app.errors import InspectorError
from inspector_app.services.emergency import EmergencyService
from inspector_app.ui.datetimes import show_date
from inspector_app.ui.dialogs.form_parts import error_label, ok_cancel
from inspector_app.ui.widgets.optional_date import date_edit
from inspector_app.ui.widgets.plain_label import plain_label


class TaskDoneDialog(QDialog):
    def __init__(self, svc: EmergencyService, task: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.task = task
        self.setWindowTitle(self.tr("Follow-up task done"))
        self.setMinimumWidth(420)     # room for a sentence on how it was fixed
        form = QFormLayout(self)
        problem = plain_label(task["problem"])
        problem.setWordWrap(True)
        form.addRow(self.tr("Problem"), problem)
        form.addRow(self.tr("Owner"), plain_label(task["owner_name"] or ""))
        form.addRow(self.tr("Due"), QLabel(show_date(task["due_on"])))
        self.done_on = date_edit()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("How it was fixed"))
        form.addRow(self.tr("Done on"), self.done_on)
        form.addRow(self.tr("Note"), self.note)
        self.error = error_label()
        form.addRow(self.error)
        ok_cancel(self, form, self.error)

    def save(self) -> None:
        try:
            self.svc.close_task(self.task["id"],
                                self.done_on.date().toString(Qt.DateFormat.ISODate),
                                self.note.text())
        except InspectorError as exc:
            self.error.setText(exc.localized())
            return
        self.accept()
