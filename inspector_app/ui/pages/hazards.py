"""The Hazards page: the hazard ledger (隐患台账), every hazard tracked until it is closed."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QTableView,
    QWidget,
)

from inspector_app.domain.finding import GRADE_LABELS, STATUS_LABELS, FindingStatus, Grade
from inspector_app.errors import InspectorError
from inspector_app.services.context import AppContext
from inspector_app.services.hazards import (
    NOT_CLOSED,
    HazardLedger,
    LedgerCounts,
    LedgerFilter,
    name_items,
)
from inspector_app.services.reports.hazard_ledger import write_ledger_csv
from inspector_app.ui import messages
from inspector_app.ui.fetch_to_end import FetchToEnd
from inspector_app.ui.labels import count_text, pair, ui_lang
from inspector_app.ui.models.hazards_model import (
    COMPANY_ROLE,
    ID_ROLE,
    INSPECTION_ROLE,
    Column,
    HazardsModel,
)
from inspector_app.ui.pages.base import Page
from inspector_app.ui.save_folder import Kind, save_file, saved_as
from inspector_app.ui.table_columns import fit_columns
from inspector_app.ui.tasks import Task, TaskControl, TaskRunner

SEARCH_DELAY_MS = 250  # one query when the user pauses typing, not one per keystroke
# Up to this many hazards the counts take less than a frame and come with the rows; a larger
# ledger (a district's year: 150,000) is counted in the background, the summary saying so.
COUNT_AT_ONCE = 10_000
EXPORT_PROGRESS_AFTER_MS = 300


def count_task(control: TaskControl, ctx: AppContext, today: date,
               flt: LedgerFilter) -> LedgerCounts:
    """The ledger's counts for ``flt``, on a worker thread's own connection; a count replaced
    by a newer filter stops within a few milliseconds of SQLite work."""
    control.check_cancelled()
    with ctx.for_worker() as worker:
        worker.db.conn.set_progress_handler(lambda: control.cancelled, 100_000)
        try:
            return HazardLedger(worker.db, lambda: today).counts(flt)
        except sqlite3.OperationalError:
            control.check_cancelled()  # "interrupted": the handler stopped it
            raise


def export_task(control: TaskControl, ctx: AppContext, today: date, flt: LedgerFilter,
                sort: str | None, descending: bool, path: Path, lang: str) -> int:
    """Write the rows of ``flt`` as sorted, on a worker thread's own connection: a district's
    year is 150,000 rows and some seconds of work. Cancelled, nothing is written."""
    control.check_cancelled()
    with ctx.for_worker() as worker:
        worker.db.conn.set_progress_handler(lambda: control.cancelled, 100_000)
        try:
            rows = HazardLedger(worker.db, lambda: today).rows(flt, sort=sort,
                                                               descending=descending)
            name_items(worker.db, rows, lang)
        except sqlite3.OperationalError:
            control.check_cancelled()  # "interrupted": the handler stopped it
            raise
    control.check_cancelled()
    return write_ledger_csv(path, rows, lang)


# Beside the number and the company, what a supervisor chases (the deadline, the days overdue,
# the status) before the town, dates and grade: at 1024x600 the whole number leaves room for a
# few columns only. Moved on the header, not in the model, so a width or an order the user left
# (saved by logical column) still applies to the same column.
SHOWN_ORDER = (Column.NUMBER, Column.COMPANY, Column.DEADLINE, Column.OVERDUE, Column.STATUS,
               Column.TOWN, Column.FOUND, Column.GRADE)


class HazardsPage(Page):
    page_id = "hazards"
    open_inspection_requested = Signal(str)  # the inspection that found the selected hazard
    reinspect_requested = Signal(str)        # the company of the selected hazard
    counts_shown = Signal()                  # the summary shows the counts of the filter
    export_finished = Signal(bool)           # a CSV export ended: whether the file was written

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.today: Callable[[], date] = date.today  # what "overdue" is measured against
        self.last_export: Path | None = None

        self.open_button = QPushButton()
        self.reinspect_button = QPushButton()
        self.export_button = QPushButton()
        actions = QHBoxLayout()
        for button in (self.open_button, self.reinspect_button, self.export_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.layout_.addLayout(actions)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("hazardSearch")
        self.status_filter = QComboBox()
        self.status_filter.addItem("", NOT_CLOSED)
        for status in FindingStatus:
            self.status_filter.addItem("", status.value)
        self.status_filter.addItem("", None)  # all, closed ones too
        self.grade_filter = QComboBox()
        self.grade_filter.addItem("", None)
        for grade in Grade:
            self.grade_filter.addItem("", grade.value)
        self.town_filter = QComboBox()
        # Sized to a short text, not the longest entry, so the bar fits a 1024-px screen; the
        # open list still shows every entry whole.
        for combo in (self.status_filter, self.grade_filter, self.town_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.overdue_check = QCheckBox()
        self.reset_button = QPushButton()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for widget in (self.status_filter, self.grade_filter, self.town_filter,
                       self.overdue_check, self.reset_button):
            filters.addWidget(widget)
        self.layout_.addLayout(filters)

        self.model = HazardsModel(self)  # sorted and paged by the database
        self._counts = LedgerCounts()
        self.runner = TaskRunner()
        self._counts_task: Task | None = None  # counting the current filter's hazards
        self._export_task: Task | None = None  # writing a CSV file
        self._export_path: Path | None = None
        self._export_progress: QProgressDialog | None = None
        self._export_shows = QTimer(self)  # the progress of an export that takes a while
        self._export_shows.setSingleShot(True)
        self._export_shows.setInterval(EXPORT_PROGRESS_AFTER_MS)
        self._export_shows.timeout.connect(self._show_export_progress)
        self._ledger_size: int | None = None    # all hazards: are they counted at once?
        self.table = QTableView()
        self.table.setModel(self.model)
        self.to_end = FetchToEnd(self.table)   # Ctrl+End: the last row, not the next page
        self.table.setSortingEnabled(True)
        # The most overdue first: what a supervisor chases today.
        self.table.sortByColumn(Column.OVERDUE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self._order_columns()
        # Long texts are cut at a bound: the tooltip has them whole. Words and dates are as wide
        # as the widest the column may show, not only the first page's.
        self.column_fitter = fit_columns(self.table, "hazards", stretch=Column.COMPANY,
                                         max_chars=30, whole=(Column.NUMBER,), once=True,
                                         samples=self.model.column_samples)
        self.table.installEventFilter(self)
        self.layout_.addWidget(self.table, 1)

        self.summary = QLabel()
        self.summary.setObjectName("hazardSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout_.addWidget(self.summary)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self.search_timer.start)
        self.search.returnPressed.connect(self.reload)
        for combo in (self.status_filter, self.grade_filter, self.town_filter):
            combo.currentIndexChanged.connect(self.reload)
        self.overdue_check.toggled.connect(self.reload)
        self.reset_button.clicked.connect(self.reset_filters)
        self.open_button.clicked.connect(self.open_selected)
        self.table.doubleClicked.connect(self.open_selected)
        self.reinspect_button.clicked.connect(self.reinspect_selected)
        self.export_button.clicked.connect(self.choose_export_file)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

        self.retranslate()

    def _order_columns(self) -> None:
        """Shown in ``SHOWN_ORDER``; a state the user left (order, widths) replaces it after."""
        header = self.table.horizontalHeader()
        for place, column in enumerate(SHOWN_ORDER):
            header.moveSection(header.visualIndex(column), place)

    # -- data ---------------------------------------------------------------------------------
    def ledger(self) -> HazardLedger:
        return HazardLedger(self.ctx.db, self.today)

    def current_filter(self) -> LedgerFilter:
        return LedgerFilter(
            status=self.status_filter.currentData(),
            grade=self.grade_filter.currentData(),
            town=self.town_filter.currentData(),
            overdue_only=self.overdue_check.isChecked(),
            search=self.search.text().strip() or None,
        )

    def refresh(self) -> None:
        """Reload the town choices and the ledger (the page is shown)."""
        self._ledger_size = None
        self._fill_towns()
        self.reload()

    def reload(self) -> None:
        self.search_timer.stop()
        selected = self.selected_id()
        ledger, flt = self.ledger(), self.current_filter()
        self.model.set_source(lambda sort, descending, offset, limit: ledger.rows(
            flt, sort=sort, descending=descending, limit=limit, offset=offset))
        self._count(ledger, flt)
        if selected:
            self.select_hazard(selected)

    def _count(self, ledger: HazardLedger, flt: LedgerFilter) -> None:
        """The counts of ``flt``: at once for a small ledger, else in the background; counts
        of an earlier filter are never shown for this one."""
        if self._counts_task is not None:
            self._counts_task.cancel()
            self._counts_task = None
        if self._ledger_size is None:  # read again when the page is shown
            self._ledger_size = ledger.count(LedgerFilter(status=None))
        if self._ledger_size <= COUNT_AT_ONCE:
            self._show_counts(ledger.counts(flt))
            return
        task = Task(count_task, self.ctx, self.today(), flt)
        self._counts_task = task
        # Bound to the page, so a page closed meanwhile is never called.
        task.signals.succeeded.connect(self._counted)
        task.signals.failed.connect(self._count_failed)
        self._update_summary()  # "counting…" until they come
        # Started once the new rows are painted: a starting worker takes Python's lock from
        # the window for a few milliseconds, which the rows need not wait for.
        QTimer.singleShot(1, self, lambda: self._start_count(task))

    def _start_count(self, task: Task) -> None:
        if task is self._counts_task:  # not replaced by a newer filter meanwhile
            self.runner.start(task)

    def counting(self) -> bool:
        return self._counts_task is not None

    def _current_count(self) -> bool:
        """Whether the signal being delivered is the current count's (not a replaced one's)."""
        task = self._counts_task
        return task is not None and self.sender() is task.signals

    def _counted(self, counts: LedgerCounts) -> None:
        if self._current_count():
            self._counts_task = None
            self._show_counts(counts)

    def _count_failed(self, exc: BaseException, _trace: str) -> None:
        if not self._current_count():
            return
        self._counts_task = None
        if not isinstance(exc, InspectorError):
            raise exc
        self.summary.setText(exc.localized())

    def _show_counts(self, counts: LedgerCounts) -> None:
        self._counts = counts
        self._update_summary()
        self.counts_shown.emit()

    def _fill_towns(self) -> None:
        current = self.town_filter.currentData()
        self.town_filter.blockSignals(True)
        self.town_filter.clear()
        self.town_filter.addItem(self.tr("All towns"), None)
        for town in self.ledger().towns():
            self.town_filter.addItem(town, town)
        self.town_filter.setCurrentIndex(
            max(0, self.town_filter.findData(current)) if current is not None else 0)
        self.town_filter.blockSignals(False)
        self._fit_filters()

    def _fit_filters(self) -> None:
        """Each filter as wide as its "all" choice in this language (a fixed width cut
        "全部乡镇（街道）"), not its longest one, so the bar still fits a 1024-px screen."""
        status_all = (0, self.status_filter.count() - 1)
        for combo, shown in ((self.status_filter, status_all), (self.grade_filter, (0,)),
                             (self.town_filter, (0,))):
            metrics = combo.fontMetrics()
            widest = max((metrics.horizontalAdvance(combo.itemText(i)) for i in shown
                          if 0 <= i < combo.count()), default=0)
            # The unit of this size policy is the width of an "x".
            combo.setMinimumContentsLength(
                max(8, -(-widest // max(1, metrics.horizontalAdvance("x"))) + 1))

    def reset_filters(self) -> None:
        widgets = (self.search, self.status_filter, self.grade_filter, self.town_filter,
                   self.overdue_check)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.status_filter, self.grade_filter, self.town_filter):
            combo.setCurrentIndex(0)
        self.overdue_check.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self.reload()

    # -- selection and actions ----------------------------------------------------------------
    def _selected_index(self) -> QModelIndex | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0] if rows else None

    def selected_id(self) -> str | None:
        index = self._selected_index()
        return index.data(ID_ROLE) if index is not None else None

    def select_hazard(self, finding_id: str) -> None:
        row = self.model.fetch_until(finding_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def open_selected(self, index: QModelIndex | None = None) -> None:
        if not (isinstance(index, QModelIndex) and index.isValid()):
            index = self._selected_index()
        if index is not None and index.data(INSPECTION_ROLE):
            self.open_inspection_requested.emit(index.data(INSPECTION_ROLE))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter opens the inspection of the selected hazard, as a double-click does.
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.open_selected()
            return True
        return super().eventFilter(watched, event)

    def reinspect_selected(self) -> None:
        index = self._selected_index()
        if index is not None and index.data(COMPANY_ROLE):
            self.reinspect_requested.emit(index.data(COMPANY_ROLE))

    def visible_rows(self) -> list[dict[str, Any]]:
        """The rows the table shows (all of them, not only those read so far): filtered and
        in the order the user sorted."""
        return self.ledger().rows(self.current_filter(), sort=self.model.sort_key,
                                  descending=self.model.descending)

    def choose_export_file(self) -> None:
        path, _ = save_file(self, Kind.CSV, self.tr("Export hazard ledger"),
                            self.tr("hazard-ledger-{0}.csv").format(date.today().isoformat()),
                            self.tr("CSV files (*.csv)"))
        target = saved_as(self, path, ".csv")
        if target is not None:
            self.export_csv(target)

    def export_csv(self, path: Path) -> None:
        """Write the rows shown (all of them, as sorted) to ``path`` in the background, with a
        progress dialog that can cancel; ``export_finished`` says how it ended."""
        if self._export_task is not None:
            return
        task = Task(export_task, self.ctx, self.today(), self.current_filter(),
                    self.model.sort_key, self.model.descending, path, ui_lang())
        self._export_task, self._export_path = task, path
        progress = QProgressDialog(self.tr("Exporting the hazard ledger…"), self.tr("Cancel"),
                                   0, 0, self)
        progress.setWindowTitle(self.tr("Export hazard ledger"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        # Shown by a timer of ours: QProgressDialog shows itself only from setValue, which a
        # busy range never calls. A small ledger is written before it would show.
        progress.setMinimumDuration(EXPORT_PROGRESS_AFTER_MS)
        progress.canceled.connect(task.cancel)
        self._export_progress = progress
        self._export_shows.start()
        task.signals.succeeded.connect(self._exported)
        task.signals.failed.connect(self._export_failed)
        task.signals.cancelled.connect(self._export_cancelled)
        self.export_button.setEnabled(False)
        self.runner.start(task)

    def _show_export_progress(self) -> None:
        if self._export_progress is not None:  # not over meanwhile
            self._export_progress.show()

    def exporting(self) -> bool:
        return self._export_task is not None

    def _export_over(self) -> Path | None:
        path, self._export_task, self._export_path = self._export_path, None, None
        self._export_shows.stop()
        if self._export_progress is not None:
            self._export_progress.reset()
            self._export_progress.deleteLater()
            self._export_progress = None
        self._update_buttons()
        return path

    def _exported(self, count: int) -> None:
        path = self._export_over()
        self.last_export = path
        messages.info(self.tr("%Ln hazard(s) exported to {0}.", "", count).format(path))
        self.export_finished.emit(True)

    def _export_failed(self, exc: BaseException, _trace: str) -> None:
        self._export_over()
        self.export_finished.emit(False)
        if not isinstance(exc, InspectorError):
            raise exc
        messages.error(exc)

    def _export_cancelled(self) -> None:
        self._export_over()
        messages.info(self.tr("The export was cancelled; no file was written."))
        self.export_finished.emit(False)

    # -- showing ------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        selected = self._selected_index() is not None
        self.open_button.setEnabled(selected)
        self.reinspect_button.setEnabled(selected)
        self.export_button.setEnabled(self.model.rowCount() > 0 and not self.exporting())

    def summary_text(self) -> str:
        if self.counting():
            return self.tr("Counting the hazards…")
        counts = self._counts
        parts = {FindingStatus.OPEN: self.tr("{0} open"),
                 FindingStatus.RECTIFIED: self.tr("{0} awaiting re-inspection"),
                 FindingStatus.REOPENED: self.tr("{0} reopened"),
                 FindingStatus.CLOSED: self.tr("{0} closed")}
        # Only the statuses the filter lets in: "0 closed" under "Not closed" read as if
        # nothing had ever been closed.
        chosen = self.status_filter.currentData()
        shown = [status for status in parts
                 if chosen is None or chosen == status.value
                 or (chosen == NOT_CLOSED and status is not FindingStatus.CLOSED)]
        text = self.tr("%Ln hazard(s): ", "", counts.total)
        text += self.tr(", ").join(parts[status].format(count_text(counts.by_status[status.value]))
                                   for status in shown)
        return text + self.tr("; %Ln overdue", "", counts.overdue)

    def _update_summary(self) -> None:
        self.summary.setText(self.summary_text())

    def title(self) -> str:
        return self.tr("Hazards")

    def retranslate(self) -> None:
        super().retranslate()
        self.open_button.setText(self.tr("&Open inspection"))
        self.reinspect_button.setText(self.tr("&Re-inspect company…"))
        self.export_button.setText(self.tr("&Export CSV…"))
        self.open_button.setToolTip(self.tr("Open the inspection that found this hazard"))
        self.reinspect_button.setToolTip(
            self.tr("Start a re-inspection of the open hazards of this hazard's company"))
        self.search.setPlaceholderText(self.tr("Search description or company"))
        self.status_filter.setItemText(0, self.tr("Not closed"))
        for index in range(1, self.status_filter.count() - 1):
            status = FindingStatus(self.status_filter.itemData(index))
            self.status_filter.setItemText(index, pair(STATUS_LABELS[status]))
        self.status_filter.setItemText(self.status_filter.count() - 1, self.tr("All statuses"))
        self.grade_filter.setItemText(0, self.tr("All grades"))
        for index in range(1, self.grade_filter.count()):
            grade = Grade(self.grade_filter.itemData(index))
            self.grade_filter.setItemText(index, pair(GRADE_LABELS[grade]))
        if self.town_filter.count():
            self.town_filter.setItemText(0, self.tr("All towns"))
        self._fit_filters()
        self.overdue_check.setText(self.tr("Overdue only"))
        self.overdue_check.setToolTip(
            self.tr("Hazards past their deadline and not closed (drafts excluded)"))
        self.reset_button.setText(self.tr("Reset filters"))
        self.model.retranslate()
        self._update_summary()
        self._update_buttons()
