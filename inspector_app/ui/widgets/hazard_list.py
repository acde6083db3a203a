"""Every hazard of the inspection, the free-form ones included."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.finding import GRADE_LABELS, STATUS_LABELS, Finding, Grade
from inspector_app.ui.datetimes import show_date
from inspector_app.ui.labels import pair
from inspector_app.ui.table_columns import fit_columns


class HazardList(QWidget):
    item_requested = Signal(str)      # item id: show the item the hazard came from
    edit_requested = Signal(str)      # finding id of a free-form hazard
    add_requested = Signal()
    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []
        self.table = QTableWidget(0, 6)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.column_fitter = fit_columns(self.table, "inspection_hazards", stretch=2,
                                         max_chars=18)
        self.table.itemActivated.connect(self._activated)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(lambda: self._activated(self.table.currentItem()))
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self._delete)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.editable = True
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Grade"), self.tr("Description"), self.tr("Requirement"),
            self.tr("Deadline"), self.tr("Status")])
        self.add_button.setText(self.tr("Add hazard…"))
        self.edit_button.setText(self.tr("Open"))
        self.delete_button.setText(self.tr("Delete"))
        self.set_findings(self.findings, self.editable)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_findings(self, findings: list[Finding], editable: bool) -> None:
        self.findings = findings
        self.editable = editable
        self.table.setRowCount(len(findings))
        for row, f in enumerate(findings):
            values = (str(f.seq), pair(GRADE_LABELS[f.grade]), f.description,
                      f.requirement or "", show_date(f.deadline), pair(STATUS_LABELS[f.status]))
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, f.id)
                if f.grade is Grade.MAJOR:
                    cell.setForeground(QBrush(QColor("#b00020")))
                self.table.setItem(row, col, cell)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self._update_buttons()

    def select_finding(self, finding_id: str) -> bool:
        """Make the hazard ``finding_id`` the current row, in view; whether it is listed."""
        for row, f in enumerate(self.findings):
            if f.id == finding_id:
                self.table.setCurrentCell(row, 0)
                self.table.scrollToItem(self.table.item(row, 0))
                return True
        return False

    def current(self) -> Finding | None:
        row = self.table.currentRow()
        return self.findings[row] if 0 <= row < len(self.findings) else None

    def _update_buttons(self) -> None:
        f = self.current()
        self.add_button.setEnabled(self.editable)
        self.edit_button.setEnabled(f is not None)
        self.delete_button.setEnabled(self.editable and f is not None and not f.item_id)

    def _activated(self, cell: QTableWidgetItem | None) -> None:
        f = self.current() if cell is not None else None
        if f is None:
            return
        if f.item_id:
            self.item_requested.emit(f.item_id)
        else:
            self.edit_requested.emit(f.id)

    def _delete(self) -> None:
        f = self.current()
        if f is not None and not f.item_id:
            self.delete_requested.emit(f.id)
