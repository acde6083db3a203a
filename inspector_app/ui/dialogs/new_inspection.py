"""Starting an inspection: which company (or unit), which checklist, what kind, who, where, when."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.company import Company
from inspector_app.domain.inspection import KIND_LABELS, Kind
from inspector_app.errors import InspectorError
from inspector_app.services.context import AppContext
from inspector_app.services.templates import TemplateRecord
from inspector_app.ui.datetimes import localize_edit
from inspector_app.ui.labels import pair, ui_lang
from inspector_app.ui.widgets.inspector_picker import InspectorPicker

ERROR_STYLE = "color: #b00020;"
COMPANY_LIMIT = 200  # matches shown at once; typing more of the name narrows the list
ID_ROLE = Qt.ItemDataRole.UserRole
# A start this far ahead of the computer's clock is a typo, not a plan.
FUTURE_TOLERANCE = timedelta(minutes=10)
SUBJECT_COMPANY, SUBJECT_UNIT = "company", "unit"


class NewInspectionDialog(QDialog):
    """Starts an inspection through ``InspectionService.start``; ``created_id`` after accept."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 company_id: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created_id: str | None = None
        self.company_repo = ctx.companies
        self._companies: dict[str, Company] = {}
        self._templates: list[TemplateRecord] = ctx.templates.list()

        # The subject: a company, or a unit whose work a supervision inspection (督导检查) checks.
        self.subject = QComboBox()
        self.subject.addItem("", SUBJECT_COMPANY)
        self._units = ctx.inspections.subject_units()
        if self._units:
            self.subject.addItem("", SUBJECT_UNIT)
        self.unit = QComboBox()
        for unit in self._units:
            self.unit.addItem(unit.name, unit.id)
        self.unit.setVisible(False)
        self.company_search = QLineEdit()
        self.company_search.setClearButtonEnabled(True)
        self.company_list = QListWidget()
        self.company_list.setMinimumHeight(120)
        company_box = QVBoxLayout()
        company_box.setContentsMargins(0, 0, 0, 0)
        company_box.addWidget(self.subject)
        company_box.addWidget(self.unit)
        company_box.addWidget(self.company_search)
        company_box.addWidget(self.company_list)

        self.template = QComboBox()
        self.kind = QComboBox()
        for kind in Kind:
            self.kind.addItem("", kind.value)

        self.inspectors = InspectorPicker(ctx)
        # The picker's parts, under the names this dialog's callers know them by.
        self.inspector_list = self.inspectors.list
        self.add_inspector_button = self.inspectors.add_button
        self.add_inspector_confirm = self.inspectors.confirm_button
        self.new_name = self.inspectors.new_name
        self.new_enforcement_id = self.inspectors.new_enforcement_id

        self.place = QLineEdit()
        # The person in charge and position (职务) the record prints: confirmed on site, kept
        # with the company for next time.
        self.legal_rep = QLineEdit()
        self.legal_rep_position = QLineEdit()
        person_box = QHBoxLayout()
        person_box.addWidget(self.legal_rep, 3)
        person_box.addWidget(self.legal_rep_position, 2)
        self.started = QDateTimeEdit(QDateTime.currentDateTime())
        self.started.setCalendarPopup(True)
        localize_edit(self.started, with_time=True)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(7)]
        for label, field in zip(self._labels, (company_box, self.template, self.kind,
                                               self.inspectors, self.place, person_box,
                                               self.started),
                                strict=True):
            self.form.addRow(label, field)
        self._labels[0].setBuddy(self.company_search)
        self._labels[1].setBuddy(self.template)
        self._labels[2].setBuddy(self.kind)
        self._labels[3].setBuddy(self.inspector_list)
        self._labels[4].setBuddy(self.place)
        self._labels[5].setBuddy(self.legal_rep)
        self._labels[6].setBuddy(self.started)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.subject.currentIndexChanged.connect(self._subject_changed)
        self.company_search.textChanged.connect(self._fill_companies)
        self.company_list.currentItemChanged.connect(self._company_chosen)
        self.inspectors.problem.connect(self.error.setText)

        self._fill_companies("")
        self.retranslate()
        if company_id:
            self.select_company(company_id)
        self.setMinimumWidth(520)

    # -- filling ------------------------------------------------------------------------------
    def _fill_companies(self, text: str) -> None:
        current = self.selected_company_id()
        companies = self.company_repo.list(text.strip() or None, limit=COMPANY_LIMIT)
        self._companies = {c.id or "": c for c in companies}
        self.company_list.blockSignals(True)
        self.company_list.clear()
        for company in companies:
            shown = f"{company.name}  ·  {company.town}" if company.town else company.name
            item = QListWidgetItem(shown, self.company_list)
            item.setData(ID_ROLE, company.id)
            item.setToolTip(company.address or "")
        self.company_list.blockSignals(False)
        if current in self._companies:
            self.select_company(current)
        elif len(companies) == 1:  # the search found it: no extra click needed
            self.company_list.setCurrentRow(0)
        else:
            self.company_list.setCurrentRow(-1)

    def _fill_templates(self) -> None:
        current = self.template.currentData()
        lang = ui_lang()
        self.template.clear()
        for record in self._templates:
            self.template.addItem(f"{record.title(lang)} ({record.version})", record.key)
            self.template.setItemData(self.template.count() - 1, record.key,
                                      Qt.ItemDataRole.ToolTipRole)
        if current is not None:
            self.template.setCurrentIndex(max(0, self.template.findData(current)))

    # -- choosing -----------------------------------------------------------------------------
    def inspects_unit(self) -> bool:
        return self.subject.currentData() == SUBJECT_UNIT

    def choose_unit(self, unit_id: str) -> None:
        self.subject.setCurrentIndex(self.subject.findData(SUBJECT_UNIT))
        self.unit.setCurrentIndex(self.unit.findData(unit_id))

    def _subject_changed(self) -> None:
        unit = self.inspects_unit()
        self.unit.setVisible(unit)
        self.company_search.setVisible(not unit)
        self.company_list.setVisible(not unit)
        # A unit has no legal representative; the record names the unit alone.
        self._labels[5].setVisible(not unit)
        self.legal_rep.setVisible(not unit)
        self.legal_rep_position.setVisible(not unit)
        if unit:  # a supervision inspection is an official one
            self.set_kind(Kind.OFFICIAL)
        self.kind.setEnabled(not unit)
        self._labels[0].setText(self.tr("&Unit:") if unit else self.tr("&Company:"))
        self._labels[0].setBuddy(self.unit if unit else self.company_search)

    def selected_company_id(self) -> str | None:
        item = self.company_list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def select_company(self, company_id: str) -> None:
        for row in range(self.company_list.count()):
            if self.company_list.item(row).data(ID_ROLE) == company_id:
                self.company_list.setCurrentRow(row)
                return
        company = self.company_repo.get(company_id)
        if company is not None:  # beyond the shown matches: search for it by name
            self.company_search.setText(company.name)
            if company_id in self._companies:
                self.select_company(company_id)

    def _company_chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        company = self._companies.get(current.data(ID_ROLE)) if current is not None else None
        if company is None:
            return
        self.legal_rep.setText(company.legal_rep or "")
        self.legal_rep_position.setText(company.legal_rep_position or "")
        from inspector_app.services.demo import suggested_template_id  # a large module

        suggested = suggested_template_id(company.industry, company.special_areas)
        # The library lists versions oldest first: the last match is the newest version.
        matches = [n for n, r in enumerate(self._templates) if r.template_id == suggested]
        if matches:
            self.template.setCurrentIndex(matches[-1])

    def checked_inspector_ids(self) -> list[str]:
        return self.inspectors.checked_ids()

    def set_inspector_checked(self, inspector_id: str, checked: bool = True) -> None:
        self.inspectors.set_checked(inspector_id, checked)

    def set_kind(self, kind: Kind | str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(Kind(kind).value))

    def add_inspector(self) -> None:
        """Add a colleague to this computer's list of inspectors and tick them."""
        self.inspectors.add_inspector()

    # -- accepting ----------------------------------------------------------------------------
    def started_at(self) -> str:
        """The start time as ISO 8601 with this computer's UTC offset, to the minute."""
        moment = self.started.dateTime().toPython()
        return moment.astimezone().isoformat(timespec="minutes")

    def accept(self) -> None:
        unit_id = self.unit.currentData() if self.inspects_unit() else None
        company_id = None if self.inspects_unit() else self.selected_company_id()
        if self.inspects_unit() and not unit_id:
            self.error.setText(self.tr("Choose the unit to inspect."))
            return
        if not self.inspects_unit() and not company_id:
            self.error.setText(self.tr("Choose the company to inspect."))
            return
        template_key = self.template.currentData()
        if not template_key:
            self.error.setText(self.tr(
                "The template library is empty: import a checklist template first."))
            return
        if not self.place.text().strip():
            self.error.setText(self.tr("Enter the place inspected (e.g. the workshop)."))
            self.place.setFocus()
            return
        if self.started.dateTime().toPython() > datetime.now() + FUTURE_TOLERANCE:
            self.error.setText(self.tr("The start time is in the future: check the date "
                                       "and time."))
            self.started.setFocus()
            return
        try:
            if company_id:
                self._keep_person(company_id)
            self.created_id = self.ctx.inspections.start(
                company_id=company_id, subject_unit_id=unit_id, template_key=template_key,
                kind=self.kind.currentData(), inspector_ids=self.checked_inspector_ids(),
                place=self.place.text().strip() or None, started_at=self.started_at())
        except InspectorError as exc:  # e.g. an official inspection with one inspector
            self.error.setText(exc.localized())
            return
        super().accept()

    def _keep_person(self, company_id: str) -> None:
        company = self.company_repo.get(company_id)
        if company is None:
            return
        person = self.legal_rep.text().strip() or None
        position = self.legal_rep_position.text().strip() or None
        if (person, position) != (company.legal_rep, company.legal_rep_position):
            self.ctx.companies.update(
                replace(company, legal_rep=person, legal_rep_position=position),
                reason=self.tr("confirmed at the start of an inspection"))

    # -- language -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New inspection"))
        texts = (self.tr("&Company:"), self.tr("C&hecklist:"), self.tr("&Kind:"),
                 self.tr("&Inspectors:"), self.tr("&Place inspected:"),
                 self.tr("Person in charge, p&osition:"), self.tr("&Start:"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        if self.inspects_unit():
            self._labels[0].setText(self.tr("&Unit:"))
        self.subject.setItemText(0, self.tr("A company"))
        if self.subject.count() > 1:
            self.subject.setItemText(1, self.tr("A town's or department's work "
                                                "(supervision inspection)"))
        self.company_search.setPlaceholderText(self.tr("Type part of the company name"))
        for index in range(self.kind.count()):
            self.kind.setItemText(index, pair(KIND_LABELS[Kind(self.kind.itemData(index))]))
        self._fill_templates()
        self.place.setPlaceholderText(self.tr("e.g. 一号车间"))
        self.legal_rep.setPlaceholderText(self.tr("Legal representative or person in charge"))
        self.legal_rep_position.setPlaceholderText(self.tr("Position, e.g. 总经理"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
