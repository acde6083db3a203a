"""The Inspections page: find an inspection by status, town, inspector, date or company."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QWidget,
)

from inspector_app.domain.inspection import STATUS_LABELS, Status
from inspector_app.services.context import AppContext
from inspector_app.services.inspection_list import (
    InspectionFilter,
    count_inspections,
    count_planned,
    has_companies,
    inspectors,
    list_inspections,
    towns,
)
from inspector_app.ui.datetimes import localize_edit
from inspector_app.ui.fetch_to_end import FetchToEnd
from inspector_app.ui.first_show import TURN_MS
from inspector_app.ui.labels import pair
from inspector_app.ui.models.inspections_model import ID_ROLE, Column, InspectionsModel
from inspector_app.ui.pages.base import Page
from inspector_app.ui.qt_namespace import qt
from inspector_app.ui.table_columns import fit_columns
from inspector_app.ui.table_header import HeaderLabels, sorted_by

if TYPE_CHECKING:  # imported when used: the window's first page fills without them
    from PySide6.QtWidgets import QDialog

    from inspector_app.services.inspections import InspectionService
    from inspector_app.ui.dialogs.new_inspection import NewInspectionDialog
    from inspector_app.ui.dialogs.plans_dialog import PlansDialog
    from inspector_app.ui.widgets.empty_state import EmptyState

SEARCH_DELAY_MS = 250  # one query when the user pauses typing, not one per keystroke
_DATE_FORMAT = "yyyy-MM-dd"


class InspectionsPage(Page):
    page_id = "inspections"
    open_requested = Signal(str)  # the id of the inspection to open in the form window
    add_company_requested = Signal()
    import_companies_requested = Signal()
    import_bundle_requested = Signal()  # the office's bundle, from the USB stick

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialog: QDialog | None = None  # the open "new inspection" dialog, if any

        self.new_button = QPushButton()
        self.open_button = QPushButton()
        self.plans_button = QPushButton()
        self.count_label = QLabel()
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.open_button)
        actions.addWidget(self.plans_button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        self.layout_.addLayout(actions)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("inspectionSearch")
        self.status_filter = QComboBox()
        self.status_filter.addItem("", None)
        for status in Status:
            self.status_filter.addItem("", status.value)
        self.town_filter = QComboBox()
        self.inspector_filter = QComboBox()
        for combo in (self.town_filter, self.inspector_filter):
            combo.addItem("", None)  # "All …" until the choices are read
        for combo in (self.status_filter, self.town_filter, self.inspector_filter):
            # As wide as their longest choice, also once the choices are read or translated
            # (sized at first show, "All towns" was cut to "All town").
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.from_check, self.to_check = QCheckBox(), QCheckBox()
        today = QDate.currentDate()
        self.date_from = self._date_edit(QDate(today.year(), 1, 1))
        self.date_to = self._date_edit(today)
        self.reset_button = QPushButton()
        # Two rows of filters: one row is wider than a 1024 px laptop screen leaves the page.
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for widget in (self.status_filter, self.town_filter, self.inspector_filter):
            filters.addWidget(widget)
        self.layout_.addLayout(filters)
        dates = QHBoxLayout()
        for widget in (self.from_check, self.date_from, self.to_check, self.date_to):
            dates.addWidget(widget)
        dates.addStretch(1)
        dates.addWidget(self.reset_button)
        self.layout_.addLayout(dates)

        self.model = InspectionsModel(self)  # sorted and paged by the database
        # Until the page has listed once, an empty model means "not read yet", not "nothing
        # there": the first frame shows the table, and the register is not asked.
        self._listed = False
        self._total = 0
        self._planned = 0  # counted when the page loads, not when its texts are set
        self.table = QTableView()
        self.table.setModel(self.model)
        self.header_labels = HeaderLabels(self.table, self.model)
        self.to_end = FetchToEnd(self.table)   # Ctrl+End: the last row, not the next page
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Long template titles are cut at a bound: the tooltip has them whole.
        self.column_fitter = fit_columns(self.table, "inspections", stretch=Column.COMPANY,
                                         max_chars=24, whole=(Column.NUMBER,))
        sorted_by(self.table, Column.STARTED, descending=True)  # the model's DEFAULT_SORT
        self.table.installEventFilter(self)
        self._empty: EmptyState | None = None  # made when the list is first empty
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.layout_.addWidget(self.body, 1)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self.search_timer.start)
        self.search.returnPressed.connect(self.reload)
        for combo in (self.status_filter, self.town_filter, self.inspector_filter):
            combo.currentIndexChanged.connect(self.reload)
        for check, edit in ((self.from_check, self.date_from), (self.to_check, self.date_to)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.reload)
            edit.dateChanged.connect(self._date_changed)
        self.reset_button.clicked.connect(self.reset_filters)
        self.new_button.clicked.connect(self.new_inspection)
        self.open_button.clicked.connect(self.open_selected)
        self.plans_button.clicked.connect(self.show_plans)
        self.table.doubleClicked.connect(self.open_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

        self.retranslate()

    def _date_edit(self, value: QDate) -> QDateEdit:
        # Unticked means "no date": the box beside it, not a magic value inside it.
        edit = QDateEdit(value)
        edit.setCalendarPopup(True)
        localize_edit(edit)
        edit.setEnabled(False)
        return edit

    # -- data ---------------------------------------------------------------------------------
    def service(self) -> InspectionService:
        return self.ctx.inspections

    def current_filter(self) -> InspectionFilter:
        return InspectionFilter(
            status=self.status_filter.currentData(),
            town=self.town_filter.currentData(),
            inspector_id=self.inspector_filter.currentData(),
            date_from=self.date_from.date().toString(_DATE_FORMAT)
            if self.from_check.isChecked() else None,
            date_to=self.date_to.date().toString(_DATE_FORMAT)
            if self.to_check.isChecked() else None,
            search=self.search.text().strip() or None,
        )

    def refresh(self) -> None:
        """Reload the choices of the filters and the inspections (the page is shown)."""
        self._count_plans()
        if not self._listed:
            # The first time, the rows come first: the towns and inspectors to choose from
            # are read a turn after (the filters stand at "All …" meanwhile).
            self.reload()
            QTimer.singleShot(TURN_MS, self, self._fill_choices)
            return
        self._fill_choices()
        self.reload()

    def reload(self) -> None:
        self.search_timer.stop()
        selected = self.selected_id()
        ctx, flt = self.ctx, self.current_filter()
        self.model.set_source(lambda sort, descending, offset, limit: list_inspections(
            ctx, flt, sort=sort, descending=descending, limit=limit, offset=offset))
        self._total = count_inspections(ctx, flt)
        if selected:
            self.select_inspection(selected)
        self._listed = True
        self._update_count()
        self._update_empty_state()

    def _fill_choices(self) -> None:
        self._refill(self.town_filter, self.tr("All towns"), [(t, t) for t in towns(self.ctx)])
        self._refill(self.inspector_filter, self.tr("All inspectors"),
                     [(p.name, p.id) for p in inspectors(self.ctx)])

    @staticmethod
    def _refill(combo: QComboBox, everything: str, choices: list[tuple[str, str]]) -> None:
        """New choices, keeping the chosen one when it is still there, without reloading."""
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for text, value in choices:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
        combo.blockSignals(False)

    def _date_changed(self) -> None:
        if self.from_check.isChecked() or self.to_check.isChecked():
            self.reload()

    def reset_filters(self) -> None:
        widgets = (self.search, self.status_filter, self.town_filter, self.inspector_filter,
                   self.from_check, self.to_check)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.status_filter, self.town_filter, self.inspector_filter):
            combo.setCurrentIndex(0)
        for check, edit in ((self.from_check, self.date_from), (self.to_check, self.date_to)):
            check.setChecked(False)
            edit.setEnabled(False)
        for widget in widgets:
            widget.blockSignals(False)
        self.reload()

    # -- selection and opening ----------------------------------------------------------------
    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def select_inspection(self, inspection_id: str) -> None:
        row = self.model.fetch_until(inspection_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def open_selected(self, index: QModelIndex | None = None) -> None:
        if isinstance(index, QModelIndex) and index.isValid():
            inspection_id = index.data(ID_ROLE)
        else:
            inspection_id = self.selected_id()
        if inspection_id:
            self.open_requested.emit(inspection_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter opens the selected inspection, as a double-click does.
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (qt().Key.Key_Return, qt().Key.Key_Enter)):
            self.open_selected()
            return True
        return super().eventFilter(watched, event)

    def new_inspection(self) -> None:
        # Imported when first asked for: the dialog brings the document services with it.
        from inspector_app.ui.dialogs.new_inspection import NewInspectionDialog

        # Window-modal without a nested event loop: the page (and tests) keep running.
        dialog = NewInspectionDialog(self.ctx, self)
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._dialog_finished(dialog))
        dialog.open()

    def _dialog_finished(self, dialog: NewInspectionDialog) -> None:
        from PySide6.QtWidgets import QDialog

        created = dialog.created_id if dialog.result() == QDialog.DialogCode.Accepted else None
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        if created:
            self.refresh()
            self.select_inspection(created)
            self.open_requested.emit(created)

    def show_plans(self) -> PlansDialog:
        from inspector_app.ui.dialogs.plans_dialog import PlansDialog

        dialog = PlansDialog(self.ctx, self)
        dialog.started.connect(self._plan_started)
        self.plans_dialog = dialog
        dialog.open()
        return dialog

    def _count_plans(self) -> None:
        self._planned = count_planned(self.ctx)
        self._update_plans_button()

    def _update_plans_button(self) -> None:
        self.plans_button.setText(self.tr("&Planned (%Ln)…", "", self._planned))

    def _plan_started(self, inspection_id: str) -> None:
        self.refresh()
        self.select_inspection(inspection_id)
        self.open_requested.emit(inspection_id)

    # -- an empty list ------------------------------------------------------------------------
    @property
    def empty(self) -> EmptyState:
        """No inspection yet: what to do first, with the buttons that do it."""
        if self._empty is None:
            from inspector_app.ui.widgets.empty_state import EmptyState

            self._empty = EmptyState(3)
            self._empty.buttons[0].clicked.connect(self._empty_first_action)
            self._empty.buttons[1].clicked.connect(self._empty_second_action)
            self._empty.buttons[2].clicked.connect(self.import_bundle_requested)
            self.body.addWidget(self._empty)
        return self._empty

    def _has_companies(self) -> bool:
        return has_companies(self.ctx)

    def _update_empty_state(self) -> None:
        empty = (self._listed and self.model.rowCount() == 0
                 and self.current_filter() == InspectionFilter())
        if not empty:
            self.body.setCurrentWidget(self.table)
            return
        self.body.setCurrentWidget(self.empty)
        bundle = self.tr("Import the office's &bundle…")
        if self._has_companies():
            self.empty.show_state(
                self.tr("No inspections yet"),
                self.tr("Start the first inspection: choose a company and its checklist. "
                        "Colleagues' inspections arrive with the office's bundle (Sync page)."),
                [self.tr("&New inspection…"), self.tr("Add a &company…"), bundle])
        else:
            self.empty.show_state(
                self.tr("Welcome: first add the companies you inspect"),
                self.tr("1. Add a company, or import the list of companies (CSV or Excel).\n"
                        "2. Then start an inspection of one of them.\n"
                        "Working in an office team? Import the bundle the office gave you "
                        "(USB stick): it brings the companies, templates and your colleagues' "
                        "records."),
                [self.tr("Add a &company…"), self.tr("&Import companies…"), bundle])

    def _empty_first_action(self) -> None:
        if self._has_companies():
            self.new_inspection()
        else:
            self.add_company_requested.emit()

    def _empty_second_action(self) -> None:
        if self._has_companies():
            self.add_company_requested.emit()
        else:
            self.import_companies_requested.emit()

    # -- showing ------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        self.open_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%Ln inspection(s)", "", self._total))

    def title(self) -> str:
        return self.tr("Inspections")

    def retranslate(self) -> None:
        super().retranslate()
        self.new_button.setText(self.tr("&New inspection…"))
        self.open_button.setText(self.tr("&Open"))
        self._update_plans_button()
        self.search.setPlaceholderText(self.tr("Search company name or number"))
        self.status_filter.setItemText(0, self.tr("All statuses"))
        for index in range(1, self.status_filter.count()):
            status = Status(self.status_filter.itemData(index))
            self.status_filter.setItemText(index, pair(STATUS_LABELS[status]))
        if self.town_filter.count():
            self.town_filter.setItemText(0, self.tr("All towns"))
        if self.inspector_filter.count():
            self.inspector_filter.setItemText(0, self.tr("All inspectors"))
        self.from_check.setText(self.tr("From"))
        self.to_check.setText(self.tr("To"))
        self.from_check.setToolTip(self.tr("Only inspections started on or after this date"))
        self.to_check.setToolTip(self.tr("Only inspections started on or before this date"))
        self.reset_button.setText(self.tr("Reset filters"))
        self.model.retranslate()
        self.header_labels.update()
        self._update_count()
        self._update_buttons()
        self._update_empty_state()
