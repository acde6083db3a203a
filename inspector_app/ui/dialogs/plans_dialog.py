"""The inspections the office planned for this computer: start one, or cancel it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.errors import InspectorError
from inspector_app.services.context import AppContext
from inspector_app.services.plans import Plan
from inspector_app.ui.datetimes import show_date
from inspector_app.ui.labels import ui_lang

CHECKLIST_WIDTH = 320


class PlansDialog(QDialog):
    started = Signal(str)  # the new inspection's id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = ctx.plans
        self.templates = ctx.templates
        self.plans: list[Plan] = []
        self.setWindowTitle(self.tr("Planned inspections"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Due"), self.tr("Company"),
                                              self.tr("Checklist"), self.tr("Note")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemActivated.connect(lambda _item: self.start_selected())
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.start_button = QPushButton(self.tr("&Start"))
        self.start_button.clicked.connect(self.start_selected)
        self.cancel_button = QPushButton(self.tr("Cancel the &plan…"))
        self.cancel_button.clicked.connect(self.cancel_selected)
        row = QHBoxLayout()
        row.addWidget(self.start_button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self.resize(720, 360)
        self.refresh()

    def _checklist_title(self, key: str, titles: dict[str, str]) -> str:
        """The checklist as the Templates page names it; its key only when it is not in this
        computer's library."""
        if key not in titles:
            try:
                titles[key] = self.templates.record(key).title(ui_lang())
            except InspectorError:
                titles[key] = key
        return titles[key]

    def refresh(self) -> None:
        self.plans = self.service.list()
        today = date.today()
        titles: dict[str, str] = {}
        self.table.setRowCount(len(self.plans))
        for n, plan in enumerate(self.plans):
            for col, text in enumerate((show_date(plan.due_date), plan.company_name,
                                        self._checklist_title(plan.template_key, titles),
                                        plan.shown_note(ui_lang()))):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if plan.overdue(today):
                    cell.setForeground(QBrush(QColor("#b00020")))
                self.table.setItem(n, col, cell)
        self.table.resizeColumnsToContents()
        # A standard's English title is long: the note beside it stays in view, the title's
        # whole text is its tooltip.
        self.table.setColumnWidth(2, min(self.table.columnWidth(2), CHECKLIST_WIDTH))
        has = bool(self.plans)
        self.start_button.setEnabled(has)
        self.cancel_button.setEnabled(has)
        if has and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def _selected(self) -> Plan | None:
        row = self.table.currentRow()
        return self.plans[row] if 0 <= row < len(self.plans) else None

    def start_selected(self) -> str | None:
        plan = self._selected()
        if plan is None:
            return None
        try:
            inspection_id = self.service.start(plan.id)
        except InspectorError as exc:
            # E.g. an official inspection needs two inspectors: start it from New inspection.
            self.error.setText(exc.localized())
            return None
        self.started.emit(inspection_id)
        self.accept()
        return inspection_id

    def cancel_selected(self) -> None:
        plan = self._selected()
        if plan is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Cancel the plan"),
                                          self.tr("Why is this inspection not done?"))
        if not ok:
            return
        try:
            self.service.cancel(plan.id, reason)
        except InspectorError as exc:
            self.error.setText(exc.localized())
            return
        self.refresh()
