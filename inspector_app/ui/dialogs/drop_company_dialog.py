"""A company of the yearly plan closed (停业) or moved away: its visits from a day on are dropped
and their planned inspections not yet started are cancelled, the rule of ``year-plan drop``.

Before this dialog the window could not do it: an office had to go to the command line.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from inspector_app.errors import InspectorError
from inspector_app.services.year_plan import YearPlanService
from inspector_app.ui.datetimes import localize_edit
from inspector_app.ui.widgets.plain_label import plain_label


class DropCompanyDialog(QDialog):
    def __init__(self, service: YearPlanService, year: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DropCompanyDialog")
        self.service = service
        self.year = year
        self.dropped: int | None = None
        self.setWindowTitle(self.tr("Company closed: plan %1").replace("%1", str(year)))
        self.setMinimumWidth(460)
        self.company = QComboBox()
        # A district has hundreds of companies: typed letters find one anywhere in its name.
        self.company.setEditable(True)
        self.company.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for company_id, name in service.plan_companies(year):
            self.company.addItem(name, company_id)
        completer = self.company.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        today = date.today()
        self.as_of = QDateEdit(QDate(today.year, today.month, today.day))
        self.as_of.setCalendarPopup(True)
        localize_edit(self.as_of)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. closed since March"))
        explain = QLabel(self.tr("Its visits on or after this day are dropped and their "
                                 "planned inspections not yet started are cancelled; earlier "
                                 "visits stay."))
        explain.setWordWrap(True)
        self.error = plain_label()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setMinimumHeight(2 * self.error.fontMetrics().lineSpacing())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Company"), self.company)
        form.addRow(self.tr("Closed from"), self.as_of)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(explain)
        form.addRow(self.error)
        form.addRow(buttons)

    def _company_id(self) -> str | None:
        """The company whose name is in the box (typed or chosen), None when no company of
        the plan has it."""
        index = self.company.findText(self.company.currentText().strip(),
                                      Qt.MatchFlag.MatchExactly)
        return self.company.itemData(index) if index >= 0 else None

    def save(self) -> bool:
        company_id = self._company_id()
        if company_id is None:
            self.error.setText(self.tr("Choose a company of the plan."))
            return False
        try:
            self.dropped = self.service.drop_company(
                self.year, company_id, self.as_of.date().toPython(), self.reason.text())
        except InspectorError as exc:
            self.error.setText(exc.localized())
            return False
        self.accept()
        return True
