"""Small dialogs of the inspection form: what is missing, the change history, a new hazard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
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
from inspector_app.services.history import HistoryLine
from inspector_app.ui.datetimes import localize_edit
from inspector_app.ui.labels import pair
from inspector_app.ui.widgets.form_text import FormTextEdit

DETAILS_COLUMN = 6
WHAT_COLUMN = 2
MAX_WHAT_WIDTH = 360
MAX_COLUMN_WIDTH = 200


class MissingDialog(QDialog):
    """What keeps the inspection from completing; activating an entry jumps to it."""

    jump_requested = Signal(str, str)  # item id, finding id (one of them may be empty)

    def __init__(self, missing: list[Missing], describe: Callable[[Missing], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Not complete yet"))
        intro = QLabel(self.tr("%Ln thing(s) still missing. Double-click one to go there.", "",
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
    """修改记录: who changed what, when (local time), in words; the stored entry on demand."""

    def __init__(self, lines: list[HistoryLine], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = lines
        self.setWindowTitle(self.tr("Change history"))
        headers = [self.tr("When"), self.tr("Who"), self.tr("What changed"),
                   self.tr("Old value"), self.tr("New value"), self.tr("Reason"),
                   self.tr("Details")]
        self.table = QTableWidget(len(lines), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        for row, line in enumerate(lines):
            values = (line.when, line.who, line.what, line.old, line.new, line.reason,
                      line.details)
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.table.setItem(row, col, cell)
        self.table.resizeColumnsToContents()
        for column in range(self.table.columnCount()):  # long values: the tooltip has them
            limit = MAX_WHAT_WIDTH if column == WHAT_COLUMN else MAX_COLUMN_WIDTH
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), limit))
        self.table.horizontalHeader().setStretchLastSection(True)
        # The stored entry (ids, JSON, UTC) is for whoever checks the log, not for reading.
        self.details = QCheckBox(self.tr("Show the stored entries (ids, UTC times)"))
        self.details.toggled.connect(self.show_details)
        self.show_details(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.details)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        self.resize(900, 480)

    def show_details(self, shown: bool) -> None:
        self.table.setColumnHidden(DETAILS_COLUMN, not shown)
        if shown:
            self.table.resizeColumnToContents(DETAILS_COLUMN)

    def visible_text(self) -> str:
        """What the table shows, row by row (for checking what a reader sees)."""
        columns = [c for c in range(self.table.columnCount()) if not self.table.isColumnHidden(c)]
        return "\n".join(" | ".join(self.table.item(r, c).text() for c in columns)
                         for r in range(self.table.rowCount()))


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
        localize_edit(self.deadline)
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
        # Alt+letter reaches a field without tabbing through the two large text boxes.
        form = QFormLayout()
        form.addRow(self.tr("&Description:"), self.description)
        form.addRow(self.tr("&Grade:"), self.grade)
        form.addRow(self.tr("Rectification &requirement:"), self.requirement)
        form.addRow(self.tr("D&eadline:"), self.deadline)
        form.addRow(self.tr("Responsible &person:"), self.responsible)
        form.addRow(self.tr("On-the-&spot measure:"), self.onsite)
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
