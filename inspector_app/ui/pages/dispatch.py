"""The Dispatch page (调度): the district's figures for a period, by town, department or
industry; the list behind any figure; charts; the statistics table and the circular."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QMargins,
    QObject,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QProxyStyle,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyleOption,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.company import industry_label
from inspector_app.domain.escalation import MEASURE_LABELS
from inspector_app.domain.finding import GRADE_LABELS, STATUS_LABELS
from inspector_app.domain.inspection import KIND_LABELS
from inspector_app.errors import InspectorError
from inspector_app.services.context import AppContext
from inspector_app.services.dispatch import (
    COUNTS,
    DispatchReport,
    DispatchRequest,
    DispatchRow,
    WeekFigures,
    check_output,
    page_figures,
    prepare,
    records_behind,
    write_report,
)
from inspector_app.services.reports.dispatch_xlsx import COLUMNS, HEADER, remark
from inspector_app.ui import messages
from inspector_app.ui.datetimes import (
    axis_date_format,
    date_locale,
    localize_edit,
    show_date,
    show_datetime,
)
from inspector_app.ui.dialogs.units_dialog import UnitsDialog
from inspector_app.ui.labels import count_text, list_separator, ui_lang
from inspector_app.ui.pages.base import Page
from inspector_app.ui.save_folder import Kind, save_file, saved_as, start_folder
from inspector_app.ui.tasks import Task, TaskControl, TaskRunner
from inspector_app.ui.widgets.figure_header import FigureHeader
from inspector_app.ui.widgets.pinned_row import with_pinned_last_row

SILENT_BACKGROUND = QColor("#fde7e9")
LABEL_MOST = 260   # px: the unit column's most, so the figures keep the room
LABEL_LEAST = 90   # px: its least where the figures need the room (six Chinese characters)
REMARKS_LEAST_CHARS = 9  # the remarks column's least width: a remark's first words show
# The table shows every column of the printed table but the running number.
SHOWN = tuple(c for c in COLUMNS if c[0] != "seq")
# The xlsx heads its columns in two rows (Hazards found: Major, General, Total); the page's one
# row of headers names the group on hover: "Rate" alone does not say of what.
GROUP_OF = {name: group for group, columns in HEADER if len(columns) > 1
            for name, _ in columns}
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
# A chart view's own least height: the page decides how tall the charts are (_share_height).
CHART_LEAST = 40
# The charts' tabs and a chart whose legend, axes and names read: never less. Where the page
# has not that much under the table (1024x600), the page scrolls rather than squeeze either.
CHART_READABLE = 250
# The table's least share when the page scrolls: every row up to this height (or the page's,
# if lower), else whole rows and a scroll bar (a district's towns fit; the industries of a big
# one scroll).
TABLE_MOST = 300
DRILL_COLUMN_MAX = 320  # px: a drill-down column's widest; its text is in the tooltip
BAR_ROW_HEIGHT = 24     # px per unit in the bar chart: every name readable, scrolled if many
MAJOR, GENERAL, RECTIFIED, INSPECTIONS = "#c00000", "#f0a030", "#2e7d32", "#1f4e79"


def figures_task(control: TaskControl, ctx: AppContext,
                 request: DispatchRequest) -> tuple[DispatchReport, list[WeekFigures]]:
    """The page's figures on a connection of their own; cancelling stops the SQL itself."""
    with ctx.for_worker() as worker:
        return page_figures(worker.db, request, worker.device.id, control)


def report_task(control: TaskControl, ctx: AppContext, request: DispatchRequest,
                path: Path) -> tuple[str, str | None]:
    """Compute and write the report on a connection of its own, off the window's thread: the
    path and the circular's number (None for the statistics table)."""
    with ctx.for_worker() as worker:
        control.check_cancelled()
        report = prepare(worker.db, request, worker.device.id)
        control.check_cancelled()
        return str(path), write_report(worker.db, report, path)


# The drill-down's columns, named as the statistics table names them (translated in the
# "DrillDownDialog" context), and its coded values.
DRILL_FIRST = ("company_name", "town")
DRILL_HEADERS = {
    "company_name": QT_TRANSLATE_NOOP("DrillDownDialog", "Company"),
    "town": QT_TRANSLATE_NOOP("DrillDownDialog", "Town"),
    "industry": QT_TRANSLATE_NOOP("DrillDownDialog", "Industry"),
    "number": QT_TRANSLATE_NOOP("DrillDownDialog", "Number"),
    "kind": QT_TRANSLATE_NOOP("DrillDownDialog", "Kind"),
    "started_at": QT_TRANSLATE_NOOP("DrillDownDialog", "Started"),
    "inspection_number": QT_TRANSLATE_NOOP("DrillDownDialog", "Record number"),
    "seq": QT_TRANSLATE_NOOP("DrillDownDialog", "No."),
    "description": QT_TRANSLATE_NOOP("DrillDownDialog", "Description"),
    "grade": QT_TRANSLATE_NOOP("DrillDownDialog", "Grade"),
    "status": QT_TRANSLATE_NOOP("DrillDownDialog", "Status"),
    "deadline": QT_TRANSLATE_NOOP("DrillDownDialog", "Deadline"),
    "decided_on": QT_TRANSLATE_NOOP("DrillDownDialog", "Decided on"),
    "measure": QT_TRANSLATE_NOOP("DrillDownDialog", "Measure"),
    "case_number": QT_TRANSLATE_NOOP("DrillDownDialog", "Case number"),
}
_CODED = {"grade": {k.value: v for k, v in GRADE_LABELS.items()},
          "status": {k.value: v for k, v in STATUS_LABELS.items()},
          "kind": {k.value: v for k, v in KIND_LABELS.items()},
          "measure": {k.value: v for k, v in MEASURE_LABELS.items()}}


def drill_text(key: str, value: Any, zh: bool) -> str:
    """A drill-down cell as the user reads it: industries and codes by their names."""
    if value is None:
        return ""
    if key == "industry":
        return industry_label(value, "zh_CN" if zh else "en")
    if key == "started_at":
        return show_datetime(value, as_written=True)
    if key in ("deadline", "decided_on"):
        return show_date(value)
    pair = _CODED.get(key, {}).get(value)
    return (pair.zh if zh else pair.en) if pair else str(value)


class DrillDownDialog(QDialog):
    """The records behind one figure."""

    def __init__(self, title: str, rows: list[dict[str, Any]], parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 420)     # fits a 1024×600 screen
        layout = QVBoxLayout(self)
        # Which company first: a town asked about its overdue hazards reads down the companies.
        given = [k for k in (rows[0] if rows else {}) if k != "id"]
        keys = [k for k in DRILL_FIRST if k in given] + [k for k in given
                                                          if k not in DRILL_FIRST]
        self.table = QTableWidget(len(rows), len(keys))
        zh = ui_lang() == "zh_CN"
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("DrillDownDialog", DRILL_HEADERS[k])
             if k in DRILL_HEADERS else k for k in keys])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, row in enumerate(rows):
            for c, key in enumerate(keys):
                item = QTableWidgetItem(drill_text(key, row[key], zh))
                if key == "description":
                    item.setToolTip(item.text())    # the whole text of a long one
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        # A long description sized to its text pushed its own header (centred over it) and the
        # columns after it out of view: it is cut to a readable width instead.
        for c in range(len(keys)):
            if self.table.columnWidth(c) > DRILL_COLUMN_MAX:
                self.table.setColumnWidth(c, DRILL_COLUMN_MAX)
        layout.addWidget(QLabel(self.tr("%Ln record(s)", "", len(rows))))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class TightCells(QProxyStyle):
    """The application's style, with a cell's text one pixel from its edges rather than the
    style's few (Qt leaves the focus frame's margin and one pixel each side)."""

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,
                    widget: QWidget | None = None) -> int:
        if metric == QStyle.PixelMetric.PM_FocusFrameHMargin:
            return 0
        return super().pixelMetric(metric, option, widget)


_TIGHT: list[TightCells] = []


def tight_cells() -> TightCells:
    """The one ``TightCells``, the application's child: it outlives every table it draws."""
    if not _TIGHT:
        style = TightCells()
        style.setParent(QCoreApplication.instance())
        _TIGHT.append(style)
    return _TIGHT[0]


def _kind(suffix: str) -> Kind:
    return Kind.SPREADSHEET if suffix == ".xlsx" else Kind.PDF


def table_height(table: QTableWidget, room: int) -> int:
    """The height that shows every row of ``table`` within ``room``, or else as many whole
    rows as fit (at least one)."""
    # Header, frame and horizontal scroll bar: what the table is taller than its rows' area,
    # measured after the table has placed them for its new rows and headers.
    table.updateGeometries()
    chrome = table.height() - table.viewport().height()
    row = table.verticalHeader().defaultSectionSize()
    rows = table.rowCount()
    if chrome + rows * row + 2 <= room:
        return chrome + rows * row + 2      # +2: never a scroll bar for a pixel's difference
    # Never lower than its scroll bar's least height (the arrows): under a low header, a
    # table one row high was cut through its row. The rows counted include the last, which
    # the footer under the table shows.
    least = 1 + math.ceil(max(0, table.minimumSizeHint().height() - chrome) / row)
    return chrome + max(1, least, (room - chrome) // row) * row


class DispatchPage(Page):
    page_id = "dispatch"
    report_written = Signal(str)
    refreshed = Signal()          # the figures of the current choice are shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.runner = TaskRunner()
        self._task: Task | None = None
        self._figures_task: Task | None = None
        self.report: DispatchReport | None = None
        self.trend: list[WeekFigures] = []
        self.last_output: Path | None = None

        bar = QHBoxLayout()
        today = date.today()
        self.from_label, self.to_label = QLabel(), QLabel()
        self.start = QDateEdit(QDate(today.year, 1, 1))
        self.end = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            localize_edit(edit)
            edit.dateChanged.connect(self.refresh)
        self.campaign = QComboBox()
        self.by = QComboBox()
        self.campaign.currentIndexChanged.connect(self.refresh)
        self.by.currentIndexChanged.connect(self.refresh)
        for w in (self.from_label, self.start, self.to_label, self.end, self.campaign, self.by):
            bar.addWidget(w)
        bar.addStretch(1)
        self.layout_.addLayout(bar)

        buttons = QHBoxLayout()
        self.xlsx_button = QPushButton()
        self.pdf_button = QPushButton()
        self.unit_button = QPushButton()
        self.cancel_button = QPushButton()
        self.cancel_button.setVisible(False)
        self.units_button = QPushButton()
        self.units_button.clicked.connect(lambda: self.open_units())
        self.xlsx_button.clicked.connect(lambda: self._ask_and_write(".xlsx"))
        self.pdf_button.clicked.connect(lambda: self._ask_and_write(".pdf"))
        self.unit_button.clicked.connect(lambda: self._ask_and_write(".xlsx", unit=True))
        self.cancel_button.clicked.connect(self.cancel)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.setVisible(False)
        for w in (self.units_button, self.xlsx_button, self.pdf_button, self.unit_button,
                  self.cancel_button):
            buttons.addWidget(w)
        buttons.addWidget(self.progress)
        buttons.addWidget(self.status, 1)
        self.layout_.addLayout(buttons)

        self.table = QTableWidget()
        # A district's figures run to five digits: the cells' margins are a style's least, so
        # that all eighteen columns stand side by side on a 1024-pixel screen.
        self.table.setStyle(tight_cells())
        # Eighteen columns in view on a small screen: the figures' headers wrap or turn.
        self.header = FigureHeader(self.table)
        self.table.setHorizontalHeader(self.header)
        self._fitted_width = -1
        self.table.viewport().installEventFilter(self)  # a new width: the columns fitted again
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.cellDoubleClicked.connect(self.drill)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.bar_chart = QChartView()
        self.trend_chart = QChartView()
        self.pie_chart = QChartView()
        for view in (self.bar_chart, self.trend_chart, self.pie_chart):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(CHART_LEAST)   # the table's rows come first
        # Horizontal bars: a unit's whole name fits on the left, however narrow the screen;
        # with many units the chart grows taller and scrolls.
        self.bar_scroll = QScrollArea()
        self.bar_scroll.setWidgetResizable(True)
        self.bar_scroll.setWidget(self.bar_chart)
        self.bar_scroll.setMinimumHeight(CHART_LEAST)
        self.charts = QTabWidget()
        self.charts.setObjectName("dispatchCharts")
        self.charts.addTab(self.bar_scroll, "")
        self.charts.addTab(self.trend_chart, "")
        self.charts.addTab(self.pie_chart, "")
        self.charts.setMinimumHeight(CHART_READABLE)
        # The total row stays in view under the rows, however many units there are.
        table_box, self.total_row = with_pinned_last_row(self.table)
        self.total_row.setStyle(tight_cells())   # its cells under the table's, as wide
        self.total_row.activated_cell.connect(self.drill)
        self.split = split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(table_box)
        split.addWidget(self.charts)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        self._split_moved = False     # by the user: the page no longer shares the height
        self._sharing = False
        split.splitterMoved.connect(self._splitter_moved)
        split.installEventFilter(self)    # its height shared again once it has a new one
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        # What the figures count: the ledger lists the hazards of drafts, the figures do not.
        self.basis = QLabel()
        self.basis.setWordWrap(True)
        self.basis.setObjectName("dispatchBasis")
        # Under the choices, the table and the charts scroll together when the screen is too
        # low for the table's rows and readable charts (1024x600): the table first and whole,
        # the charts below it a scroll away, neither a thin strip. (The notes stay under the
        # scroll area: word-wrapped in it, they would make it lay the splitter out at its
        # preferred height, the bar chart's every bar.)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("dispatchScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(split)
        self.scroll_area.viewport().installEventFilter(self)  # lower: the table's share too
        self.layout_.addWidget(self.scroll_area, 1)
        self.layout_.addWidget(self.hint)
        self.layout_.addWidget(self.basis)
        self._filling = False
        self.retranslate()
        self._fill_choices()

    # -- texts --
    def title(self) -> str:
        return self.tr("Dispatch")

    def retranslate(self) -> None:
        super().retranslate()
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.xlsx_button.setText(self.tr("Statistics table (xlsx)…"))
        self.pdf_button.setText(self.tr("Circular (PDF)…"))
        self.pdf_button.setToolTip(self.tr(
            "Numbered with the office's short name: Tools → Inspector profile…, Circular "
            "number word"))
        self.unit_button.setText(self.tr("Selected unit's table…"))
        # Shown on the disabled button too: it waits for a row.
        self.unit_button.setToolTip(self.tr("A town's or a department's own table, with the "
                                            "list of its hazards: select its row first."))
        self.cancel_button.setText(self.tr("Cancel"))
        self.units_button.setText(self.tr("Units and campaigns…"))
        # The tabs name the charts: at 1024×600 a title would take a third of a chart.
        self.charts.setTabText(0, self.tr("Hazards and rectification by unit"))
        self.charts.setTabText(1, self.tr("Weekly trend (ISO weeks)"))
        self.charts.setTabText(2, self.tr("Hazards by grade"))
        self.hint.setText(self.tr("Double-click a figure to see the records behind it. Units "
                                  "with no inspection in the period (re-inspections are not "
                                  "counted) are shaded."))
        self._show_basis()
        self._fill_choices()
        if self.report is not None or self._figures_task is not None:
            # The charts' legends and dates are in the language at once; the figures carry
            # their language too (the total's label, "(no department)", the headers, the
            # remarks): counted again, the table follows a language switch; a page not
            # shown counts when it is shown next. A count running (the first one too) was
            # asked in the former language.
            if self.report is not None:
                self._fill_charts()
            if self.isVisible():
                self.refresh()
            else:
                self.loaded = False

    def _show_basis(self) -> None:
        if self.report is None:
            self.basis.clear()
            return
        self.basis.setText(self.tr(
            "Counted: completed and signed records (their latest revision) started in the "
            "period. Drafts are not counted: %Ln hazard(s) in drafts of the period.", "",
            self.report.draft_hazards))

    def _fill_choices(self) -> None:
        self._filling = True
        try:
            by = self.by.currentData() or "town"
            self.by.clear()
            for key, text in (("town", self.tr("By town")),
                              ("department", self.tr("By department")),
                              ("industry", self.tr("By industry"))):
                self.by.addItem(text, key)
            self.by.setCurrentIndex(max(0, self.by.findData(by)))
            chosen = self.campaign.currentData()
            self.campaign.clear()
            self.campaign.addItem(self.tr("All work (no campaign)"), None)
            for c in self.ctx.campaigns.all():
                self.campaign.addItem(c.name, c.id)
            self.campaign.setCurrentIndex(max(0, self.campaign.findData(chosen)))
        finally:
            self._filling = False

    def open_units(self) -> UnitsDialog:
        """The registry and the campaigns; the figures are read again when it closes."""
        dialog = UnitsDialog(self.ctx, self)
        dialog.finished.connect(lambda _result: self._units_closed(dialog))
        dialog.open()
        return dialog

    def _units_closed(self, dialog: UnitsDialog) -> None:
        if dialog.changed:
            self._fill_choices()
            self.refresh()

    # -- figures --
    def request(self, unit: str | None = None) -> DispatchRequest:
        return DispatchRequest(self.start.date().toString("yyyy-MM-dd"),
                               self.end.date().toString("yyyy-MM-dd"),
                               self.by.currentData() or "town", self.campaign.currentData(),
                               unit, date.today(), ui_lang())

    def refresh(self) -> None:
        """Count again in the background; a new choice stops the count in progress."""
        if self._filling:
            return
        if self._figures_task is not None:
            self._figures_task.cancel()
            self._figures_task = None
        if self.end.date() < self.start.date():
            self._error(self.tr("The period ends before it starts."))
            self._show_busy()
            return
        task = Task(figures_task, self.ctx, self.request())
        self._figures_task = task
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Counting…"))
        self.progress.setRange(0, 0)
        # Bound methods, not lambdas: Qt drops a connection with its receiver, so a count that
        # ends after the page is gone calls nothing on it. Each slot asks ``_current`` whether
        # the count reporting is the page's present one.
        task.signals.progress.connect(self._figures_progress)
        task.signals.succeeded.connect(self._figures_ready)
        task.signals.failed.connect(self._figures_failed)
        task.signals.cancelled.connect(self._figures_cancelled)
        self.runner.start(task)
        self._show_busy()

    def _show_busy(self) -> None:
        counting = self._figures_task is not None
        self.progress.setVisible(counting)
        self.cancel_button.setVisible(counting or self._task is not None)

    def _current(self) -> bool:
        """The signal being delivered is the present count's (not one a new choice stopped)."""
        task = self._figures_task
        return task is not None and self.sender() is task.signals

    def _figures_progress(self, done: int, total: int, _text: str) -> None:
        if self._current() and done:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _figures_ready(self, result: tuple[DispatchReport, list[WeekFigures]]) -> None:
        if not self._current():
            return      # the figures of a choice since changed
        self._figures_task = None
        self.report, self.trend = result
        self.status.setText(self._unit_inspections_text())
        self._show_basis()
        self._fill_table()
        self._fill_charts()
        self._selection_changed()
        self._show_busy()
        self.refreshed.emit()

    def _figures_failed(self, exc: BaseException, _trace: str) -> None:
        if not self._current():
            return
        self._figures_task = None
        self._show_busy()
        if not isinstance(exc, InspectorError):
            raise exc
        self._error(exc.localized())

    def _figures_cancelled(self) -> None:
        if not self._current():
            return
        self._figures_task = None
        self._show_busy()
        self.report = None
        self._show_basis()
        self.table.setRowCount(0)
        self.status.setText(self.tr("Counting cancelled. Change the period or the grouping "
                                    "to count again."))
        self._selection_changed()

    def _unit_inspections_text(self) -> str:
        assert self.report is not None
        supervised = self.report.unit_inspections
        if not supervised:
            return ""
        return self.tr("Supervision inspections of units (not in company coverage): %1") \
            .replace("%1", list_separator().join(f"{u.name} {u.inspections}" for u in supervised))

    def _error(self, text: str) -> None:
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(text)

    def _fill_table(self) -> None:
        assert self.report is not None
        zh = ui_lang() == "zh_CN"
        rows = [*self.report.table.rows, self.report.table.total]
        self.table.clear()
        self.table.setRowCount(len(rows))
        self.table.setColumnCount(len(SHOWN))
        self.table.setHorizontalHeaderLabels([h.zh if zh else h.en for _, h in SHOWN])
        for c, (name, header) in enumerate(SHOWN):
            group = GROUP_OF.get(name)
            if group is not None:
                self.table.horizontalHeaderItem(c).setToolTip(
                    f"{group.zh}：{header.zh}" if zh else f"{group.en}: {header.en}")
        for r, row in enumerate(rows):
            is_total = row is self.report.table.total
            for c, (name, _) in enumerate(SHOWN):
                item = QTableWidgetItem(self._text(row, name, zh))
                item.setData(GROUP_ROLE, None if is_total else row.key)
                if name not in ("label", "remark"):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                else:
                    item.setToolTip(item.text())  # whole, where the column elides it
                if row.silent and row.key and not is_total:
                    item.setBackground(QBrush(SILENT_BACKGROUND))
                if is_total:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.total_row.follow()
        self._fit_columns()
        self._share_height()
        QTimer.singleShot(0, self, self._share_height)   # again once the page is laid out

    def _fit_columns(self) -> None:
        """Every column in view on a 1024x600 screen: a unit's name whole if it is not very
        long (a longer one elided, whole on hover), the figures as narrow as they are, under
        headers as low as the width allows (``FigureHeader``), the remarks the rest (elided,
        whole on hover)."""
        remarks = len(SHOWN) - 1
        self.total_row.fit_columns(range(1), most=LABEL_MOST)
        needed = {c: max(self.table.sizeHintForColumn(c), self.total_row.sizeHintForColumn(c))
                  for c in range(1, remarks)}
        self.header.figures = set(needed)
        least = max(self.header.sectionSizeHint(remarks),
                    self.fontMetrics().averageCharWidth() * REMARKS_LEAST_CHARS)
        # The remarks keep their words where the figures' headers could stand upright instead.
        keep = max(0, self.table.sizeHintForColumn(remarks) - least)
        # Fitted to the width without the table's scroll bar, then with it if, under the
        # headers so fitted, the rows need it. Where they do not, the bar is kept off: fitted
        # to whichever width the table had, a bar shown for a moment (the rows not yet given
        # their height) made the columns wider than the table, and the header taller.
        free = self._free_width()
        bar = self.table.verticalScrollBar()
        for room in (free, free - bar.sizeHint().width()):
            widths = self.header.fit(needed, room - least, others=[0], keep=keep)
            over = sum(widths.values()) + self.table.columnWidth(0) + least - room
            if over > 0 and self.table.columnWidth(0) > LABEL_LEAST:
                # Long names (the departments') give way, elided and whole on hover, rather
                # than push the remarks out of view.
                self.table.setColumnWidth(0, max(LABEL_LEAST, self.table.columnWidth(0) - over))
                widths = self.header.fit(needed, room - least, others=[0], keep=keep)
            for column, width in widths.items():
                self.table.setColumnWidth(column, width)
            used = sum(widths.values()) + self.table.columnWidth(0)
            self.table.setColumnWidth(remarks, max(least, room - used))
            self.header.remeasure()
            self.table.updateGeometries()  # the header's new height, before rows are counted
            scrolls = self._rows_scroll()
            if not scrolls:
                break
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if scrolls
                                              else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fitted_width = free
        self._split_least()     # with the header's new height

    def _split_least(self) -> None:
        """The page scrolls rather than give the table less than its rows (up to
        ``_table_most``) or the charts less than a readable height."""
        self.split.setMinimumHeight(table_height(self.table, self._table_most())
                                    + self.split.handleWidth() + CHART_READABLE)

    def _table_most(self) -> int:
        """The table's least share of a page that scrolls: TABLE_MOST, or less on a page too
        low for it, where the total under the rows would be below the fold."""
        return min(TABLE_MOST, self.scroll_area.viewport().height())

    def _free_width(self) -> int:
        """The table's width for its columns were its vertical scroll bar hidden."""
        bar = self.table.verticalScrollBar()
        return self.table.viewport().width() + (bar.width() if bar.isVisible() else 0)

    def _rows_scroll(self) -> bool:
        """The table's rows, under its header as it is, need more than the table's share of
        the page (``_share_height``; the user's, once the splitter is moved): its scroll bar
        shows."""
        chrome = self.table.height() - self.table.viewport().height()
        if self.table.horizontalScrollBar().isVisible():
            chrome -= self.table.horizontalScrollBar().height()   # gone once fitted
        rows = chrome + self.table.rowCount() * self.table.verticalHeader().defaultSectionSize()
        if self._split_moved:
            return rows > self.split.sizes()[0]
        return rows + 2 > max(self._table_most(), sum(self.split.sizes()) - CHART_READABLE)

    def _share_height(self) -> None:
        """The table first: every row if the charts keep a readable height, else whole rows
        only, never one cut in half, so its scroll bar says the rest is below; the charts the
        rest. Once the user moves the splitter, it stays put."""
        total = sum(self.split.sizes())
        if self._split_moved or total <= 0 or self.report is None:
            return
        table = table_height(self.table, total - CHART_READABLE)
        self._sharing = True
        try:
            self.split.setSizes([table, total - table])
        finally:
            self._sharing = False
        scrolling = self.table.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        if self._rows_scroll() != scrolling:
            self._fit_columns()     # the rows have more room than they had, or less

    def _splitter_moved(self) -> None:
        if not self._sharing:
            self._split_moved = True
            if self.report is not None:
                self._fit_columns()   # the rows may scroll now: the bar has its room

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.split and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self._share_height)
        elif (self.report is not None and watched is self.scroll_area.viewport()
              and event.type() == QEvent.Type.Resize):
            QTimer.singleShot(0, self, self._resplit)
        elif (watched is self.table.viewport() and event.type() == QEvent.Type.Resize
              and self.report is not None
              and self._free_width() != self._fitted_width):
            QTimer.singleShot(0, self, self._refit)
        return super().eventFilter(watched, event)

    def _resplit(self) -> None:
        if self.report is not None:
            self._split_least()
            self._share_height()

    def _refit(self) -> None:
        if self.report is not None and self._free_width() != self._fitted_width:
            self._fit_columns()
            self._share_height()

    def _text(self, row: DispatchRow, name: str, zh: bool) -> str:
        if name == "label":
            return row.label
        if name == "remark":
            said = remark(row) if row is not self._total() else None
            return "" if said is None else (said.zh if zh else said.en)
        if name in ("coverage", "rectification_rate"):
            value = getattr(row, name)
            return "—" if value is None else f"{value * 100:.1f}%"
        value = row.hazards if name == "hazards" else row.figures[name]
        return count_text(value) if isinstance(value, int) else str(value)

    def _total(self) -> DispatchRow | None:
        return self.report.table.total if self.report else None

    def _fill_charts(self) -> None:
        assert self.report is not None
        rows = [r for r in self.report.table.rows if r.key]
        sets = []
        for text, name, colour in ((self.tr("Major"), "hazards_major", MAJOR),
                                   (self.tr("General"), "hazards_general", GENERAL),
                                   (self.tr("Rectified"), "rectified", RECTIFIED)):
            s = QBarSet(text)
            s.setColor(QColor(colour))
            # The first unit on top, as in the table.
            s.append([float(r.figures[name]) for r in reversed(rows)])
            sets.append(s)
        series = QHorizontalBarSeries()
        series.append(sets)
        chart = QChart()
        chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        axis_y.append([r.label for r in reversed(rows)])
        axis_x = QValueAxis()
        axis_x.setMin(0)
        axis_x.setMax(max([1.0, *(s.at(i) for s in sets for i in range(len(rows)))]))
        axis_x.setLabelFormat("%d")
        axis_x.applyNiceNumbers()
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_y)
        series.attachAxis(axis_x)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        chart.setMargins(QMargins(2, 2, 2, 2))
        self._set_chart(self.bar_chart, chart)
        self.bar_chart.setMinimumHeight(80 + BAR_ROW_HEIGHT * len(rows))   # in its scroll area

        self._set_chart(self.trend_chart, self._trend())

        total = self.report.table.total
        pie = QPieSeries()
        for text, name, colour in ((self.tr("Major"), "hazards_major", MAJOR),
                                   (self.tr("General"), "hazards_general", GENERAL)):
            if total.figures[name]:
                piece = pie.append(f"{text} {total.figures[name]}", total.figures[name])
                piece.setColor(QColor(colour))
        grade = QChart()
        grade.addSeries(pie)
        grade.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        grade.setMargins(QMargins(2, 2, 2, 2))
        self._set_chart(self.pie_chart, grade)

    def _trend(self) -> QChart:
        """Inspections, hazards found and rectified, one point per ISO week of the period."""
        chart = QChart()
        chart.setLocale(date_locale())  # the axis writes its month names in the chart's locale
        axis_x = QDateTimeAxis()
        years = {week.monday.year for week in self.trend}
        axis_x.setFormat(axis_date_format(with_year=len(years) > 1))
        axis_x.setTickCount(min(6, max(2, len(self.trend))))
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        top = 1
        for text, name, colour in ((self.tr("Inspections"), "inspections", INSPECTIONS),
                                   (self.tr("Hazards found"), "hazards", MAJOR),
                                   (self.tr("Rectified"), "rectified", RECTIFIED)):
            line = QLineSeries()
            line.setName(text)
            line.setColor(QColor(colour))
            for week in self.trend:
                moment = QDateTime(QDate(week.monday.year, week.monday.month, week.monday.day),
                                   QTime(0, 0))
                value = getattr(week, name)
                top = max(top, value)
                line.append(float(moment.toMSecsSinceEpoch()), float(value))
            chart.addSeries(line)
            line.attachAxis(axis_x)
            line.attachAxis(axis_y)
        if self.trend:
            first, last = self.trend[0].monday, self.trend[-1].monday
            axis_x.setRange(QDateTime(QDate(first.year, first.month, first.day), QTime(0, 0)),
                            QDateTime(QDate(last.year, last.month, last.day), QTime(0, 0)))
        axis_y.setRange(0, top)
        axis_y.applyNiceNumbers()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        chart.setMargins(QMargins(2, 2, 2, 2))
        return chart

    @staticmethod
    def _set_chart(view: QChartView, chart: QChart) -> None:
        old = view.chart()
        view.setChart(chart)
        # The view takes the chart's own least size (legend, axes: 90 px and more) as its
        # minimum; the page decides the height (CHART_READABLE, _share_height).
        view.setMinimumHeight(CHART_LEAST)
        if old is not None:
            old.deleteLater()

    # -- drill-down --
    def figure_at(self, column: int) -> str | None:
        name = SHOWN[column][0]
        if name == "hazards":
            return None
        return name if name in COUNTS else None

    def drill(self, row: int, column: int) -> DrillDownDialog | None:
        figure = self.figure_at(column)
        if self.report is None or figure is None:
            return None
        item = self.table.item(row, column)
        group = item.data(GROUP_ROLE)
        rows = records_behind(self.ctx.db, self.report, figure, group)
        label = self.table.item(row, 0).text()
        header = self.table.horizontalHeaderItem(column).text()
        dialog = DrillDownDialog(f"{label} · {header}", rows, self)
        dialog.setModal(False)
        dialog.show()
        return dialog

    # -- writing --
    def _selected_unit(self) -> DispatchRow | None:
        if self.report is None or self.report.query.by == "industry":
            return None
        r = self.table.currentRow()
        rows = self.report.table.rows
        return rows[r] if 0 <= r < len(rows) and rows[r].registered else None

    def _selection_changed(self) -> None:
        self.unit_button.setEnabled(self._selected_unit() is not None and self._task is None)

    def suggested_path(self, suffix: str) -> Path:
        """Where the save dialog starts: the folder last used for such a file, under a name
        in the user's language that says what and which period."""
        folder = start_folder(_kind(suffix))
        period = (self.start.date().toString(Qt.DateFormat.ISODate),
                  self.end.date().toString(Qt.DateFormat.ISODate))
        name = (self.tr("dispatch-statistics-{0}-to-{1}") if suffix == ".xlsx"
                else self.tr("dispatch-circular-{0}-to-{1}")).format(*period)
        return folder / (name + suffix)

    def _ask_and_write(self, suffix: str, unit: bool = False) -> None:
        chosen, _ = save_file(
            self, _kind(suffix), self.tr("Save the report"), self.suggested_path(suffix).name,
            self.tr("Spreadsheet (*.xlsx)") if suffix == ".xlsx" else self.tr("PDF (*.pdf)"))
        path = saved_as(self, chosen, suffix)
        if path is not None:
            self.write(path, unit=unit)

    def write(self, path: Path, *, unit: bool = False) -> Task | None:
        """Write the xlsx or PDF in the background; the window stays usable."""
        selected = self._selected_unit() if unit else None
        if unit and selected is None:
            self._error(self.tr("Select a town's or a department's row first."))
            return None
        try:
            check_output(path)
        except InspectorError as exc:
            self._error(exc.localized())
            return None
        request = self.request(selected.key if selected else None)
        task = Task(report_task, self.ctx, request, path)
        self._task = task
        self._busy(True)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Writing {0}…").format(path.name))
        task.signals.succeeded.connect(self._written)
        task.signals.failed.connect(self._failed)
        task.signals.cancelled.connect(self._write_cancelled)
        task.signals.finished.connect(self._write_finished)
        return self.runner.start(task)

    def cancel(self) -> None:
        for task in (self._task, self._figures_task):
            if task is not None:
                task.cancel()

    def _write_cancelled(self) -> None:
        self.status.setText(self.tr("Cancelled; nothing was written."))

    def _write_finished(self) -> None:
        self._busy(False)

    def _busy(self, busy: bool) -> None:
        if not busy:
            self._task = None
        for button in (self.xlsx_button, self.pdf_button):
            button.setEnabled(not busy)
        self._show_busy()
        self._selection_changed()

    def _written(self, result: tuple[str, str | None]) -> None:
        path, number = result
        self.last_output = Path(path)
        text = (self.tr("Written: {0} (circular {1})").format(path, number) if number
                else self.tr("Written: {0}").format(path))
        self.status.setText(text)
        messages.info(text)
        self.report_written.emit(path)

    def _failed(self, exc: BaseException, _trace: str) -> None:
        if not isinstance(exc, InspectorError):
            raise exc
        self._error(exc.localized())

