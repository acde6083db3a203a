"""The Dispatch page (调度): the district's figures for a period, by town, department or
industry; the list behind any figure; charts; the statistics table and the circular."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QMargins, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.company import industry_label
from inspector_app.domain.finding import GRADE_LABELS, STATUS_LABELS
from inspector_app.domain.inspection import KIND_LABELS
from inspector_app.errors import InspectorError
from inspector_app.services.context import AppContext
from inspector_app.services.dispatch import (
    COUNTS,
    DispatchReport,
    DispatchRequest,
    DispatchRow,
    check_output,
    prepare,
    records_behind,
    write_report,
)
from inspector_app.services.reports.dispatch_xlsx import COLUMNS
from inspector_app.ui import messages
from inspector_app.ui.labels import ui_lang
from inspector_app.ui.pages.base import Page
from inspector_app.ui.tasks import Task, TaskControl, TaskRunner

SILENT_BACKGROUND = QColor("#fde7e9")
# The table shows every column of the printed table but the running number.
SHOWN = tuple(c for c in COLUMNS if c[0] != "seq")
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1


def report_task(control: TaskControl, ctx: AppContext, request: DispatchRequest,
                path: Path) -> str:
    """Compute and write the report on a connection of its own, off the window's thread."""
    with ctx.for_worker() as worker:
        control.check_cancelled()
        report = prepare(worker.db, request, worker.device.id)
        control.check_cancelled()
        write_report(worker.db, report, path)
        return str(path)


# The drill-down's columns as the statistics table names them (zh, en), and its coded values.
DRILL_HEADERS = {"company_name": ("被检查单位", "Company"), "town": ("乡镇（街道）", "Town"),
                 "industry": ("行业", "Industry"), "number": ("编号", "Number"),
                 "kind": ("检查类型", "Kind"), "started_at": ("开始时间", "Started"),
                 "inspection_number": ("检查记录编号", "Record number"), "seq": ("序号", "No."),
                 "description": ("隐患描述", "Description"), "grade": ("隐患等级", "Grade"),
                 "status": ("状态", "Status"), "deadline": ("整改期限", "Deadline")}
_CODED = {"grade": {k.value: v for k, v in GRADE_LABELS.items()},
          "status": {k.value: v for k, v in STATUS_LABELS.items()},
          "kind": {k.value: v for k, v in KIND_LABELS.items()}}


def drill_text(key: str, value: Any, zh: bool) -> str:
    """A drill-down cell as the user reads it: industries and codes by their names."""
    if value is None:
        return ""
    if key == "industry":
        return industry_label(value, "zh_CN" if zh else "en")
    pair = _CODED.get(key, {}).get(value)
    return pair[0 if zh else 1] if pair else str(value)


class DrillDownDialog(QDialog):
    """The records behind one figure."""

    def __init__(self, title: str, rows: list[dict[str, Any]], parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        keys = [k for k in (rows[0] if rows else {}) if k != "id"]
        self.table = QTableWidget(len(rows), len(keys))
        zh = ui_lang() == "zh_CN"
        self.table.setHorizontalHeaderLabels(
            [DRILL_HEADERS[k][0 if zh else 1] if k in DRILL_HEADERS else k for k in keys])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, row in enumerate(rows):
            for c, key in enumerate(keys):
                self.table.setItem(r, c, QTableWidgetItem(drill_text(key, row[key], zh)))
        self.table.resizeColumnsToContents()
        layout.addWidget(QLabel(self.tr("%n record(s)", "", len(rows))))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class DispatchPage(Page):
    page_id = "dispatch"
    report_written = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.runner = TaskRunner()
        self._task: Task | None = None
        self.report: DispatchReport | None = None
        self.last_output: Path | None = None

        bar = QHBoxLayout()
        today = date.today()
        self.from_label, self.to_label = QLabel(), QLabel()
        self.start = QDateEdit(QDate(today.year, 1, 1))
        self.end = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
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
        self.xlsx_button.clicked.connect(lambda: self._ask_and_write(".xlsx"))
        self.pdf_button.clicked.connect(lambda: self._ask_and_write(".pdf"))
        self.unit_button.clicked.connect(lambda: self._ask_and_write(".xlsx", unit=True))
        self.cancel_button.clicked.connect(self.cancel)
        self.status = QLabel()
        self.status.setWordWrap(True)
        for w in (self.xlsx_button, self.pdf_button, self.unit_button, self.cancel_button):
            buttons.addWidget(w)
        buttons.addWidget(self.status, 1)
        self.layout_.addLayout(buttons)

        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.cellDoubleClicked.connect(self.drill)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.bar_chart = QChartView()
        self.pie_chart = QChartView()
        for view in (self.bar_chart, self.pie_chart):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(150)
            view.setMaximumHeight(300)
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.bar_chart)
        charts.addWidget(self.pie_chart)
        charts.setStretchFactor(0, 3)
        charts.setStretchFactor(1, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(charts)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.layout_.addWidget(split, 1)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.layout_.addWidget(self.hint)
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
        self.unit_button.setText(self.tr("Selected unit's table…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.hint.setText(self.tr("Double-click a figure to see the records behind it. Units "
                                  "with no inspection in the period are shaded."))
        self._fill_choices()

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

    # -- figures --
    def request(self, unit: str | None = None) -> DispatchRequest:
        return DispatchRequest(self.start.date().toString("yyyy-MM-dd"),
                               self.end.date().toString("yyyy-MM-dd"),
                               self.by.currentData() or "town", self.campaign.currentData(),
                               unit, date.today(), ui_lang())

    def refresh(self) -> None:
        if self._filling:
            return
        if self.end.date() < self.start.date():
            self._error(self.tr("The period ends before it starts."))
            return
        try:
            self.report = prepare(self.ctx.db, self.request(), self.ctx.device.id)
        except InspectorError as exc:
            self._error(exc.message)
            return
        self.status.setStyleSheet("")
        self.status.setText("")
        self._fill_table()
        self._fill_charts()
        self._selection_changed()

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
        self.table.setHorizontalHeaderLabels([zh_ if zh else en for _, zh_, en in SHOWN])
        for r, row in enumerate(rows):
            is_total = row is self.report.table.total
            for c, (name, _, _) in enumerate(SHOWN):
                item = QTableWidgetItem(self._text(row, name, zh))
                item.setData(GROUP_ROLE, None if is_total else row.key)
                if name != "label":
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if row.silent and row.key and not is_total:
                    item.setBackground(QBrush(SILENT_BACKGROUND))
                if is_total:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 170)

    def _text(self, row: DispatchRow, name: str, zh: bool) -> str:
        if name == "label":
            return row.label
        if name == "remark":
            return (self.tr("Nothing this period")
                    if row.silent and row.key and row is not self._total() else "")
        if name in ("coverage", "rectification_rate"):
            value = getattr(row, name)
            return "—" if value is None else f"{value * 100:.1f}%"
        if name == "hazards":
            return str(row.hazards)
        return str(row.figures[name])

    def _total(self) -> DispatchRow | None:
        return self.report.table.total if self.report else None

    def _fill_charts(self) -> None:
        assert self.report is not None
        rows = [r for r in self.report.table.rows if r.key][:20]
        sets = []
        for text, name, colour in ((self.tr("Major"), "hazards_major", "#c00000"),
                                   (self.tr("General"), "hazards_general", "#f0a030"),
                                   (self.tr("Rectified"), "rectified", "#2e7d32")):
            s = QBarSet(text)
            s.setColor(QColor(colour))
            s.append([float(r.figures[name]) for r in rows])
            sets.append(s)
        series = QBarSeries()
        series.append(sets)
        chart = QChart()
        chart.addSeries(series)
        chart.setTitle(self.tr("Hazards and rectification by unit"))
        axis_x = QBarCategoryAxis()
        axis_x.append([r.label[:6] for r in rows])
        axis_y = QValueAxis()
        axis_y.setMin(0)
        axis_y.setMax(max([1.0, *(max(s.at(i) for s in sets) for i in range(len(rows)))]))
        axis_y.setLabelFormat("%d")
        axis_y.applyNiceNumbers()
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        chart.setMargins(QMargins(2, 2, 2, 2))
        self._set_chart(self.bar_chart, chart)

        total = self.report.table.total
        pie = QPieSeries()
        for text, name, colour in ((self.tr("Major"), "hazards_major", "#c00000"),
                                   (self.tr("General"), "hazards_general", "#f0a030")):
            if total.figures[name]:
                piece = pie.append(f"{text} {total.figures[name]}", total.figures[name])
                piece.setColor(QColor(colour))
        grade = QChart()
        grade.addSeries(pie)
        grade.setTitle(self.tr("Hazards by grade"))
        grade.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        grade.setMargins(QMargins(2, 2, 2, 2))
        self._set_chart(self.pie_chart, grade)

    @staticmethod
    def _set_chart(view: QChartView, chart: QChart) -> None:
        old = view.chart()
        view.setChart(chart)
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

    def _ask_and_write(self, suffix: str, unit: bool = False) -> None:
        name = "dispatch" + suffix
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), str(Path.home() / name),
            self.tr("Spreadsheet (*.xlsx)") if suffix == ".xlsx" else self.tr("PDF (*.pdf)"))
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_suffix(suffix)
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
            self._error(exc.message)
            return None
        request = self.request(selected.key if selected else None)
        task = Task(report_task, self.ctx, request, path)
        self._task = task
        self._busy(True)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Writing {0}…").format(path.name))
        task.signals.succeeded.connect(self._written)
        task.signals.failed.connect(self._failed)
        task.signals.cancelled.connect(
            lambda: self.status.setText(self.tr("Cancelled; nothing was written.")))
        task.signals.finished.connect(lambda: self._busy(False))
        return self.runner.start(task)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _busy(self, busy: bool) -> None:
        if not busy:
            self._task = None
        for button in (self.xlsx_button, self.pdf_button):
            button.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self._selection_changed()

    def _written(self, path: str) -> None:
        self.last_output = Path(path)
        text = self.tr("Written: {0}").format(path)
        self.status.setText(text)
        messages.info(text)
        self.report_written.emit(path)

    def _failed(self, exc: BaseException, _trace: str) -> None:
        if not isinstance(exc, InspectorError):
            raise exc
        self._error(exc.message)

