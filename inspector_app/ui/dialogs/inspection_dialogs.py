"""Small dialogs of the inspection form: what is missing, the change history, a new hazard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.finding import GRADE_LABELS, Finding, Grade, default_deadline
from inspector_app.domain.inspection import Missing
from inspector_app.storage.audit import AuditEntry
from inspector_app.ui.labels import pair
from inspector_app.ui.widgets.form_text import FormTextEdit


class MissingDialog(QDialog):
    """What keeps the inspection from completing; activating an entry jumps to it."""

    jump_requested = Signal(str, str)  # item id, finding id (one of them may be empty)

    def __init__(self, missing: list[Missing], describe: Callable[[Missing], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Not complete yet"))
        intro = QLabel(self.tr("%n thing(s) still missing. Double-click one to go there.", "",
                               len(missing)))
        self.list = QListWidget()
        kinds = {"answer": self.tr("Answer"), "photo": self.tr("Photo"),
                 "signature": self.tr("Signature"), "hazard": self.tr("Hazard")}
        for entry in missing:
            row = QListWidgetItem(f"[{kinds.get(entry.kind, entry.kind)}] {describe(entry)}")
            row.setData(Qt.ItemDataRole.UserRole, (entry.item_id or "", entry.finding_id or ""))
            self.list.addItem(row)
        self.list.itemActivated.connect(self._activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(560, 360)
        if missing:
            self.list.setCurrentRow(0)

    def _activated(self, row: QListWidgetItem) -> None:
        item_id, finding_id = row.data(Qt.ItemDataRole.UserRole)
        self.accept()
        self.jump_requested.emit(item_id, finding_id)


class HistoryDialog(QDialog):
    def __init__(self, entries: list[AuditEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change history"))
        headers = [self.tr("When (UTC)"), self.tr("Who"), self.tr("What"), self.tr("Field"),
                   self.tr("Old value"), self.tr("New value"), self.tr("Reason")]
        self.table = QTableWidget(len(entries), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, e in enumerate(entries):
            # Item ids are readable; UUIDs are shortened to their first block.
            entity_id = e.entity_id[:8] if len(e.entity_id) > 20 else e.entity_id
            values = (e.at.replace("T", " ")[:19], e.actor or "",
                      f"{e.entity} {e.action} {entity_id}",
                      e.field or "", e.old_value or "", e.new_value or "", e.reason or "")
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(900, 480)


class NewHazardDialog(QDialog):
    """A hazard that no checklist item covers."""

    def __init__(self, found_on: QDate, parent: QWidget | None = None,
                 finding: Finding | None = None) -> None:
        super().__init__(parent)
        self.found_on = found_on
        self.setWindowTitle(self.tr("Add hazard") if finding is None else self.tr("Hazard"))
        self.description = FormTextEdit()
        self.grade = QComboBox()
        for grade in Grade:
            self.grade.addItem(pair(GRADE_LABELS[grade]), grade.value)
        self.requirement = FormTextEdit()
        self.deadline = QDateEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.responsible = QLineEdit()
        self.onsite = QLineEdit()
        self.grade.currentIndexChanged.connect(self._default_deadline)
        self._default_deadline()
        if finding is not None:
            self.description.setPlainText(finding.description)
            self.grade.setCurrentIndex(self.grade.findData(finding.grade.value))
            self.requirement.setPlainText(finding.requirement or "")
            if finding.deadline:
                self.deadline.setDate(QDate.fromString(finding.deadline, Qt.DateFormat.ISODate))
            self.responsible.setText(finding.responsible or "")
            self.onsite.setText(finding.onsite_measure or "")
        form = QFormLayout()
        form.addRow(self.tr("Description:"), self.description)
        form.addRow(self.tr("Grade:"), self.grade)
        form.addRow(self.tr("Rectification requirement:"), self.requirement)
        form.addRow(self.tr("Deadline:"), self.deadline)
        form.addRow(self.tr("Responsible person:"), self.responsible)
        form.addRow(self.tr("On-the-spot measure:"), self.onsite)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _default_deadline(self) -> None:
        found = self.found_on.toPython()
        due = default_deadline(Grade(self.grade.currentData()), found)
        self.deadline.setDate(QDate(due.year, due.month, due.day))

    def values(self) -> dict[str, str]:
        return {
            "description": self.description.toPlainText().strip(),
            "grade": self.grade.currentData(),
            "requirement": self.requirement.toPlainText().strip() or None,
            "deadline": self.deadline.date().toString(Qt.DateFormat.ISODate),
            "responsible": self.responsible.text().strip() or None,
            "onsite_measure": self.onsite.text().strip() or None,
        }

    def accept(self) -> None:
        if not self.description.toPlainText().strip():
            self.error.setText(self.tr("Describe the hazard."))
            return
        super().accept()
