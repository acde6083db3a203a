"""The office's units and campaigns: towns, sector departments and groups; which town and
department answer for each company; the campaigns and their scope; this computer's unit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.company import INDUSTRIES, industry_label
from inspector_app.domain.records import new_id
from inspector_app.domain.units import UNIT_KIND_LABELS, Campaign, Phase, Target, Unit, UnitKind
from inspector_app.errors import InspectorError, ValidationError
from inspector_app.services.context import AppContext
from inspector_app.services.units import KEEP, UnitsService
from inspector_app.ui.datetimes import localize_edit
from inspector_app.ui.labels import count_text, list_separator, ui_lang

ERROR_STYLE = "color: #b00020;"
ID_ROLE = Qt.ItemDataRole.UserRole


def _zh() -> bool:
    return ui_lang() == "zh_CN"


def _kind_text(kind: UnitKind) -> str:
    return UNIT_KIND_LABELS[kind].zh if _zh() else UNIT_KIND_LABELS[kind].en


def _industry_text(code: str | None) -> str:
    return industry_label(code, ui_lang()) if code else ""


def _readonly_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _checklist(items: list[tuple[str, str]], checked: tuple[str, ...]) -> QListWidget:
    """A list of (key, text) the user ticks."""
    widget = QListWidget()
    for key, text in items:
        item = QListWidgetItem(text, widget)
        item.setData(ID_ROLE, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if key in checked else Qt.CheckState.Unchecked)
    return widget


def checked_keys(widget: QListWidget) -> tuple[str, ...]:
    return tuple(widget.item(i).data(ID_ROLE) for i in range(widget.count())
                 if widget.item(i).checkState() == Qt.CheckState.Checked)


def set_checked(widget: QListWidget, keys: tuple[str, ...]) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in keys
                           else Qt.CheckState.Unchecked)


class _Checked(QDialog):
    """A dialog whose OK runs a save that may refuse; the refusal is shown, the dialog stays."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def save(self) -> None:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.save()
        except InspectorError as exc:
            self.error.setText(exc.localized())
            return
        super().accept()


class UnitDialog(_Checked):
    """Add a unit, or edit one's name and (for a department) its sectors."""

    def __init__(self, service: UnitsService, unit: Unit | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.unit = unit
        self.saved: Unit | None = None
        self.setWindowTitle(self.tr("Edit unit") if unit else self.tr("Add a unit"))
        form = QFormLayout(self)
        self.name = QLineEdit(unit.name if unit else "")
        self.kind = QComboBox()
        for kind in UnitKind:
            self.kind.addItem(_kind_text(kind), kind.value)
        if unit:
            self.kind.setCurrentIndex(self.kind.findData(unit.kind.value))
            self.kind.setEnabled(False)    # a town does not become a department
        else:
            self.kind.setCurrentIndex(self.kind.findData(UnitKind.TOWN.value))
        self.sectors = _checklist([(code, _industry_text(code)) for code in INDUSTRIES],
                                  unit.sectors if unit else ())
        self.sectors_label = QLabel(self.tr("Sectors it supervises"))
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.sectors_label, self.sectors)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        department = self.kind.currentData() == UnitKind.DEPARTMENT.value
        self.sectors.setVisible(department)
        self.sectors_label.setVisible(department)

    def save(self) -> None:
        sectors = (checked_keys(self.sectors)
                   if self.kind.currentData() == UnitKind.DEPARTMENT.value else ())
        if self.unit is None:
            self.saved = self.service.add_unit(self.name.text(), self.kind.currentData(),
                                               sectors)
        else:
            self.saved = self.service.edit_unit(self.unit.id, name=self.name.text(),
                                                sectors=sectors)


class CampaignDialog(_Checked):
    """A campaign's name, period, phases, scope and targets."""

    def __init__(self, service: UnitsService, campaign: Campaign | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.campaign = campaign
        self.saved: Campaign | None = None
        self.setWindowTitle(self.tr("Edit campaign") if campaign else self.tr("Add a campaign"))
        self.resize(720, 540)     # fits a 1024×600 screen
        today = QDate.currentDate()
        self.name = QLineEdit(campaign.name if campaign else "")
        self.start = self._date(campaign.starts_on if campaign else
                                QDate(today.year(), 1, 1).toString("yyyy-MM-dd"))
        self.end = self._date(campaign.ends_on if campaign else
                              QDate(today.year(), 12, 31).toString("yyyy-MM-dd"))
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.end)
        period.addStretch(1)

        self.phases = self._grid([self.tr("Phase"), self.tr("From (YYYY-MM-DD)"),
                                  self.tr("To (YYYY-MM-DD)")],
                                 [[p.name, p.starts_on, p.ends_on]
                                  for p in (campaign.phases if campaign else ())])
        self.targets = self._grid([self.tr("Target"), self.tr("Inspections per company")],
                                  [[t.text, str(t.min_inspections)]
                                   for t in (campaign.targets if campaign else ())])
        self.industries = _checklist([(c, _industry_text(c)) for c in INDUSTRIES],
                                     campaign.industries if campaign else ())
        towns = [u.name for u in service.all_units(UnitKind.TOWN)]
        towns += [t for t in (campaign.towns if campaign else ()) if t not in towns]
        self.towns = _checklist([(t, t) for t in towns], campaign.towns if campaign else ())
        names = {c.id: c.name for c in service.companies_matching()}
        self.companies = QPlainTextEdit("\n".join(
            names.get(i, i) for i in (campaign.company_ids if campaign else ())))
        self.companies.setPlaceholderText(self.tr("One company name a line"))
        scope = QHBoxLayout()
        for title, widget in ((self.tr("Industries"), self.industries),
                              (self.tr("Towns"), self.towns),
                              (self.tr("Companies"), self.companies)):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(widget)
            scope.addLayout(column)

        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Period"), period)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Phases")))
        layout.addLayout(self._with_row_buttons(self.phases, 3))
        layout.addWidget(QLabel(self.tr("Scope (nothing ticked: every company)")))
        layout.addLayout(scope, 1)
        layout.addWidget(QLabel(self.tr("Targets")))
        layout.addLayout(self._with_row_buttons(self.targets, 2))
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    @staticmethod
    def _date(text: str) -> QDateEdit:
        edit = QDateEdit(QDate.fromString(text, "yyyy-MM-dd"))
        edit.setCalendarPopup(True)
        return localize_edit(edit)  # 2026年01月01日 as every date of the window, not ISO

    @staticmethod
    def _grid(headers: list[str], rows: list[list[str]]) -> QTableWidget:
        table = QTableWidget(len(rows), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setMaximumHeight(110)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))
        return table

    def _with_row_buttons(self, table: QTableWidget, columns: int) -> QHBoxLayout:
        add, remove = QPushButton(self.tr("Add row")), QPushButton(self.tr("Remove row"))
        add.clicked.connect(lambda: self.add_row(table, columns))
        remove.clicked.connect(lambda: table.removeRow(table.currentRow()))
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(table, 1)
        row.addLayout(buttons)
        return row

    @staticmethod
    def add_row(table: QTableWidget, columns: int, values: list[str] | None = None) -> None:
        r = table.rowCount()
        table.insertRow(r)
        for c in range(columns):
            table.setItem(r, c, QTableWidgetItem((values or [""] * columns)[c]))

    @staticmethod
    def _cells(table: QTableWidget) -> list[list[str]]:
        rows = []
        for r in range(table.rowCount()):
            cells = [(table.item(r, c).text().strip() if table.item(r, c) else "")
                     for c in range(table.columnCount())]
            if any(cells):
                rows.append(cells)
        return rows

    def _company_ids(self) -> tuple[str, ...]:
        wanted = [n.strip() for n in self.companies.toPlainText().splitlines() if n.strip()]
        by_name: dict[str, str] = {}
        for company in self.service.companies_matching():
            by_name.setdefault(company.name, company.id)
        unknown = [n for n in wanted if n not in by_name]
        if unknown:
            raise ValidationError(self.tr("No company named {0} on this computer.")
                                  .format(list_separator().join(unknown[:3])))
        return tuple(dict.fromkeys(by_name[n] for n in wanted))

    def save(self) -> None:
        phases = []
        for n, cells in enumerate(self._cells(self.phases), 1):
            if not cells[0]:
                raise ValidationError(self.tr("Phase {0} needs a name.").format(n))
            phases.append(Phase(*cells))
        targets = []
        for cells in self._cells(self.targets):
            try:
                count = int(cells[1] or 1)
            except ValueError:
                raise ValidationError(self.tr("Target “{0}”: the inspections per company must "
                                              "be a whole number.").format(cells[0])) from None
            if not cells[0]:
                raise ValidationError(self.tr("A target needs its text."))
            targets.append(Target(cells[0], count))
        campaign = Campaign(
            self.campaign.id if self.campaign else new_id(), self.name.text(),
            self.start.date().toString("yyyy-MM-dd"), self.end.date().toString("yyyy-MM-dd"),
            tuple(phases), checked_keys(self.industries), checked_keys(self.towns),
            self._company_ids(), tuple(targets))
        self.saved = self.service.save_campaign(campaign)


class UnitsDialog(QDialog):
    """Units, companies' units, campaigns and this computer's unit, in four tabs."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = ctx.registry
        self.changed = False
        self.setWindowTitle(self.tr("Units and campaigns"))
        self.resize(900, 560)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._units_tab(), self.tr("Units"))
        self.tabs.addTab(self._companies_tab(), self.tr("Companies' units"))
        self.tabs.addTab(self._campaigns_tab(), self.tr("Campaigns"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.fill_units()
        self.fill_campaigns()
        self.filter_companies()

    # -- shared --
    def _report(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)

    def _try(self, action: Callable[[], str]) -> bool:
        try:
            text = action()
        except InspectorError as exc:
            self._report(exc.localized(), error=True)
            return False
        self.changed = True
        self._report(text)
        return True

    # -- units --
    def _units_tab(self) -> QWidget:
        tab = QWidget()
        self.units_table = _readonly_table([self.tr("Name"), self.tr("Kind"),
                                            self.tr("Sectors"), self.tr("State")])
        self.units_table.itemSelectionChanged.connect(self._unit_selected)
        self.units_table.doubleClicked.connect(lambda: self.edit_unit())
        self.add_unit_button = QPushButton(self.tr("Add…"))
        self.edit_unit_button = QPushButton(self.tr("Edit…"))
        self.retire_button = QPushButton(self.tr("Retire"))
        # Worded as what it does: the State column says "This computer's unit" once it is.
        self.own_button = QPushButton(self.tr("Set as this computer's unit"))
        self.own_button.setToolTip(self.tr("The inspections made on this computer are "
                                           "recorded as carried out by the selected unit."))
        self.add_unit_button.clicked.connect(lambda: self.add_unit())
        self.edit_unit_button.clicked.connect(lambda: self.edit_unit())
        self.retire_button.clicked.connect(self.toggle_retired)
        self.own_button.clicked.connect(self.make_own)
        self.conflicts = QLabel()
        self.conflicts.setWordWrap(True)
        self.conflicts.setStyleSheet(ERROR_STYLE)
        buttons = QVBoxLayout()
        for b in (self.add_unit_button, self.edit_unit_button, self.retire_button,
                  self.own_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.units_table, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(tab)
        layout.addLayout(row, 1)
        layout.addWidget(self.conflicts)
        return tab

    def fill_units(self) -> None:
        chosen = self.selected_unit()
        units = self.service.all_units()
        own = self.service.own_unit()
        self.units_table.setRowCount(len(units))
        for r, unit in enumerate(units):
            state = self.tr("Retired") if not unit.active else ""
            if own is not None and own.id == unit.id:
                state = self.tr("This computer's unit")
            sectors = list_separator().join(_industry_text(s) for s in unit.sectors)
            for c, text in enumerate((unit.name, _kind_text(unit.kind), sectors, state)):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, unit.id)
                if not unit.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.units_table.setItem(r, c, item)
            if chosen is not None and unit.id == chosen.id:
                self._select_row(r)
        self.units_table.resizeColumnsToContents()
        conflicts = self.service.sector_conflicts()
        self.conflicts.setText("\n".join(
            self.tr("{0} is claimed by {1}: the first in the list supervises it.")
            .format(_industry_text(s), list_separator().join(names))
            for s, names in conflicts.items()))
        self._unit_selected()
        self._fill_unit_choices()

    def selected_unit(self) -> Unit | None:
        rows = self.units_table.selectionModel().selectedRows()
        if not rows:
            return None
        unit_id = self.units_table.item(rows[0].row(), 0).data(ID_ROLE)
        return next((u for u in self.service.all_units() if u.id == unit_id), None)

    def _select_row(self, row: int) -> None:
        # selectRow() would follow the keyboard: with Ctrl held (Ctrl+click on a button, a
        # shortcut) it toggles, and a refresh would drop the unit the user is working on.
        self.units_table.setCurrentCell(
            row, 0, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def select_unit(self, name: str) -> None:
        for r in range(self.units_table.rowCount()):
            if self.units_table.item(r, 0).text() == name:
                self._select_row(r)
                return
        raise LookupError(name)

    def _unit_selected(self) -> None:
        unit = self.selected_unit()
        for b in (self.edit_unit_button, self.retire_button, self.own_button):
            b.setEnabled(unit is not None)
        self.retire_button.setText(self.tr("Restore") if unit and not unit.active
                                   else self.tr("Retire"))
        self.own_button.setEnabled(unit is not None and unit.active)

    def add_unit(self) -> UnitDialog:
        dialog = UnitDialog(self.service, None, self)
        dialog.accepted.connect(lambda: self._unit_saved(dialog))
        dialog.open()
        return dialog

    def edit_unit(self) -> UnitDialog | None:
        unit = self.selected_unit()
        if unit is None:
            return None
        dialog = UnitDialog(self.service, unit, self)
        dialog.accepted.connect(lambda: self._unit_saved(dialog))
        dialog.open()
        return dialog

    def _unit_saved(self, dialog: UnitDialog) -> None:
        self.changed = True
        self.fill_units()
        if dialog.saved is not None:
            self.select_unit(dialog.saved.name)
            self._report(self.tr("Saved {0}.").format(dialog.saved.name))
        self.filter_companies()

    def toggle_retired(self) -> None:
        unit = self.selected_unit()
        if unit is None:
            return
        if self._try(lambda: self._set_active(unit, not unit.active)):
            self.fill_units()
            self.filter_companies()

    def _set_active(self, unit: Unit, active: bool) -> str:
        own = self.service.own_unit()
        if not active and own is not None and own.id == unit.id:
            raise ValidationError(self.tr("{0} is this computer's unit; choose another one "
                                          "first.").format(unit.name))
        self.service.edit_unit(unit.id, active=active)
        return (self.tr("{0} is at work again.") if active
                else self.tr("{0} is retired: it keeps its history but takes no new "
                             "companies.")).format(unit.name)

    def make_own(self) -> None:
        unit = self.selected_unit()
        if unit is None:
            return
        if self._try(lambda: self._set_own(unit)):
            self.fill_units()

    def _set_own(self, unit: Unit) -> str:
        self.service.set_own_unit(unit.id)
        return self.tr("This computer's inspections are now carried out by {0}.").format(
            unit.name)

    # -- companies --
    def _companies_tab(self) -> QWidget:
        tab = QWidget()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, code, town…"))
        self.town_filter = QComboBox()
        self.industry_filter = QComboBox()
        self.industry_filter.addItem(self.tr("Every industry"), None)
        for code in INDUSTRIES:
            self.industry_filter.addItem(_industry_text(code), code)
        self.search.textChanged.connect(self.filter_companies)
        self.town_filter.currentIndexChanged.connect(self.filter_companies)
        self.industry_filter.currentIndexChanged.connect(self.filter_companies)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.town_filter)
        filters.addWidget(self.industry_filter)
        self.companies_table = _readonly_table([self.tr("Company"), self.tr("Town"),
                                                self.tr("Industry"),
                                                self.tr("Supervising department")])
        self.companies_table.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection)
        self.companies_table.itemSelectionChanged.connect(self._count_selected)
        self.new_town = QComboBox()
        self.new_department = QComboBox()
        self.set_town_button = QPushButton(self.tr("Set town"))
        self.set_department_button = QPushButton(self.tr("Set department"))
        self.set_town_button.clicked.connect(lambda: self.assign(town=True))
        self.set_department_button.clicked.connect(lambda: self.assign(department=True))
        self.apply_to = QComboBox()
        self.selection_count = QLabel()
        actions = QHBoxLayout()
        actions.addWidget(self.new_town)
        actions.addWidget(self.set_town_button)
        actions.addWidget(self.new_department)
        actions.addWidget(self.set_department_button)
        actions.addWidget(self.apply_to)
        actions.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addLayout(filters)
        layout.addWidget(self.companies_table, 1)
        layout.addWidget(self.selection_count)
        layout.addLayout(actions)
        return tab

    def _fill_unit_choices(self) -> None:
        towns = self.service.all_units(UnitKind.TOWN)
        departments = self.service.all_units(UnitKind.DEPARTMENT, active_only=True)
        chosen = self.town_filter.currentData()
        self.town_filter.blockSignals(True)
        self.town_filter.clear()
        self.town_filter.addItem(self.tr("Every town"), None)
        for unit in towns:
            self.town_filter.addItem(unit.name, unit.name)
        self.town_filter.setCurrentIndex(max(0, self.town_filter.findData(chosen)))
        self.town_filter.blockSignals(False)
        self.new_town.clear()
        self.new_town.addItem(self.tr("(no town)"), None)
        for unit in towns:
            if unit.active:
                self.new_town.addItem(unit.name, unit.name)
        self.new_department.clear()
        self.new_department.addItem(self.tr("(by its industry)"), None)
        for unit in departments:
            self.new_department.addItem(unit.name, unit.id)

    def filter_companies(self) -> None:
        self.shown = self.service.companies_matching(
            self.search.text(), self.town_filter.currentData(),
            self.industry_filter.currentData())
        table = self.companies_table
        table.setRowCount(len(self.shown))
        for r, company in enumerate(self.shown):
            department = company.department or ""
            if department and not company.department_named:
                department = self.tr("{0} (by industry)").format(department)
            for c, text in enumerate((company.name, company.town or "",
                                      _industry_text(company.industry), department)):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, company.id)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        self._count_selected()

    def selected_company_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self.companies_table.selectionModel().selectedRows())
        return [self.shown[r].id for r in rows]

    def _count_selected(self) -> None:
        selected = len(self.selected_company_ids())
        chosen = self.apply_to.currentIndex()
        self.apply_to.clear()
        shown = count_text(len(self.shown))
        self.apply_to.addItem(self.tr("to the selected companies ({0})").format(
            count_text(selected)), "selected")
        self.apply_to.addItem(self.tr("to all companies shown ({0})").format(shown), "shown")
        self.apply_to.setCurrentIndex(max(0, chosen))
        self.selection_count.setText(self.tr("Companies shown: {0}").format(shown))

    def assign(self, *, town: bool = False, department: bool = False) -> bool:
        ids = (self.selected_company_ids() if self.apply_to.currentData() == "selected"
               else [c.id for c in self.shown])
        new_town = self.new_town.currentData() if town else KEEP
        new_department = self.new_department.currentData() if department else KEEP

        def run() -> str:
            changed = self.service.assign(ids, town=new_town, department_id=new_department)
            return self.tr("Companies changed: {0}.").format(count_text(changed))

        if self._try(run):
            selected = set(self.selected_company_ids())
            self.filter_companies()
            for r, company in enumerate(self.shown):
                if company.id in selected:
                    self.companies_table.selectionModel().select(
                        self.companies_table.model().index(r, 0),
                        self.companies_table.selectionModel().SelectionFlag.Select
                        | self.companies_table.selectionModel().SelectionFlag.Rows)
            return True
        return False

    # -- campaigns --
    def _campaigns_tab(self) -> QWidget:
        tab = QWidget()
        self.campaigns_table = _readonly_table([self.tr("Campaign"), self.tr("Period"),
                                                self.tr("Scope"), self.tr("Targets")])
        self.campaigns_table.doubleClicked.connect(lambda: self.edit_campaign())
        self.add_campaign_button = QPushButton(self.tr("Add…"))
        self.edit_campaign_button = QPushButton(self.tr("Edit…"))
        self.add_campaign_button.clicked.connect(lambda: self.add_campaign())
        self.edit_campaign_button.clicked.connect(lambda: self.edit_campaign())
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_campaign_button)
        buttons.addWidget(self.edit_campaign_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(tab)
        layout.addWidget(self.campaigns_table, 1)
        layout.addLayout(buttons)
        return tab

    def fill_campaigns(self) -> None:
        self.campaign_list = self.service.all_campaigns()
        table = self.campaigns_table
        table.setRowCount(len(self.campaign_list))
        for r, c in enumerate(self.campaign_list):
            scope = (self.tr("Every company") if c.covers_everyone else "；".join(
                part for part in (list_separator().join(_industry_text(i) for i in c.industries),
                                  list_separator().join(c.towns),
                                  self.tr("named companies: {0}").format(
                                      count_text(len(c.company_ids)))
                                  if c.company_ids else "") if part))
            for col, text in enumerate((c.name, f"{c.starts_on} – {c.ends_on}", scope,
                                        "；".join(t.text for t in c.targets))):
                table.setItem(r, col, QTableWidgetItem(text))
        table.resizeColumnsToContents()

    def add_campaign(self) -> CampaignDialog:
        dialog = CampaignDialog(self.service, None, self)
        dialog.accepted.connect(lambda: self._campaign_saved(dialog))
        dialog.open()
        return dialog

    def edit_campaign(self) -> CampaignDialog | None:
        rows = self.campaigns_table.selectionModel().selectedRows()
        if not rows:
            return None
        dialog = CampaignDialog(self.service, self.campaign_list[rows[0].row()], self)
        dialog.accepted.connect(lambda: self._campaign_saved(dialog))
        dialog.open()
        return dialog

    def _campaign_saved(self, dialog: CampaignDialog) -> None:
        self.changed = True
        self.fill_campaigns()
        if dialog.saved is not None:
            self._report(self.tr("Saved {0}.").format(dialog.saved.name))

