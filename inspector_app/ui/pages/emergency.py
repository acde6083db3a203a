"""The Plans & drills page (预案与演练): the emergency plans registry with its filters, each
unit's progress toward its deadline, drills and their follow-up tasks, and the stations."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from inspector_app.domain.emergency import (
    DRILL_FORM_LABELS,
    DRILL_SCOPE_LABELS,
    MILESTONE_LABELS,
    MILESTONE_STATUS_LABELS,
    PLAN_STATUS_LABELS,
    PLAN_TYPE_LABELS,
    PROGRESS_LABELS,
    Milestone,
    PlanStatus,
    PlanType,
    Progress,
    label,
)
from inspector_app.errors import InspectorError
from inspector_app.services.context import AppContext
from inspector_app.services.emergency import STATUS_DATE, EmergencyService
from inspector_app.services.reports.emergency_circular import write_circular
from inspector_app.ui import messages
from inspector_app.ui.datetimes import show_date
from inspector_app.ui.dialogs.form_parts import error_label, ok_cancel
from inspector_app.ui.dialogs.station_dialogs import (
    CheckDialog,
    MilestoneDialog,
    NewStationDialog,
)
from inspector_app.ui.dialogs.task_done_dialog import TaskDoneDialog
from inspector_app.ui.labels import ui_lang
from inspector_app.ui.pages.base import Page
from inspector_app.ui.save_folder import (
    Kind,
    open_file,
    save_file,
    saved_as,
    start_folder,
)
from inspector_app.ui.tasks import Task, TaskControl, TaskRunner
from inspector_app.ui.widgets.optional_date import date_edit as _date_edit
from inspector_app.ui.widgets.photos_row import PhotosRow

LATE = QColor("#fde7e9")
DONE = QColor("#e6f4ea")
MAX_COLUMN = 240


COUNT_SHARE = re.compile(r"\d+/\d+")   # "1/3": plans filed of the unit's plans


def _table() -> QTableWidget:
    table = QTableWidget()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    return table


def _fill(table: QTableWidget, headers: list[str], rows: list[list[object]],
          colours: list[QColor | None] | None = None, ids: list[str] | None = None) -> None:
    table.setSortingEnabled(False)
    table.clear()
    table.setColumnCount(len(headers))
    table.setRowCount(len(rows))
    table.setHorizontalHeaderLabels(headers)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if isinstance(value, int) or COUNT_SHARE.fullmatch(item.text()):
                # Counts centred under their short headers, as the dispatch table has them.
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if colours and colours[r] is not None:
                item.setBackground(QBrush(colours[r]))
            if ids and c == 0:
                item.setData(Qt.ItemDataRole.UserRole, ids[r])
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    for c in range(table.columnCount()):    # long titles must not push the dates off screen
        table.setColumnWidth(c, min(table.columnWidth(c), MAX_COLUMN))
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)


def circular_task(control: TaskControl, ctx: AppContext, path: Path, today: date,
                  lang: str) -> tuple[str, str]:
    """Write the circular on a connection of its own, off the window's thread: the path and
    the circular's number."""
    with ctx.for_worker() as worker:
        control.check_cancelled()
        return str(path), write_circular(worker.db, worker.emergency, path, today, lang)


def _show_status_date(status: QComboBox, day: QDateEdit, label: QLabel) -> None:
    """The date the chosen status needs, under its own name; none for a status without."""
    field_name = STATUS_DATE.get(PlanStatus(status.currentData()))
    day.setEnabled(field_name is not None)
    label.setText({
        "compiled_on": QCoreApplication.translate("NewPlanDialog", "Drafting since"),
        "reviewed_on": QCoreApplication.translate("NewPlanDialog", "Reviewed on"),
        "issued_on": QCoreApplication.translate("NewPlanDialog", "Issued on"),
    }.get(field_name or "", QCoreApplication.translate("NewPlanDialog", "Date")))


class NewPlanDialog(QDialog):
    def __init__(self, svc: EmergencyService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.setWindowTitle(self.tr("New emergency plan"))
        form = QFormLayout(self)
        self.owner = QComboBox()
        for unit in svc.active_units():
            self.owner.addItem(unit.name, unit.id)
        self.type = QComboBox()
        for t in PlanType:
            self.type.addItem(label(PLAN_TYPE_LABELS, t, ui_lang()), t.value)
        self.title = QLineEdit()
        self.version = QLineEdit()
        self.status = QComboBox()
        for s in PlanStatus:
            if s != PlanStatus.FILED:
                self.status.addItem(label(PLAN_STATUS_LABELS, s, ui_lang()), s.value)
        form.addRow(self.tr("Unit"), self.owner)
        form.addRow(self.tr("Type"), self.type)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Version"), self.version)
        form.addRow(self.tr("Status"), self.status)
        # The date of the step the plan has reached: an issued plan's revision and drill
        # deadlines count from the day it was issued.
        self.status_date = _date_edit()
        self.status_date_label = QLabel()
        form.addRow(self.status_date_label, self.status_date)
        self.status.currentIndexChanged.connect(self._status_changed)
        self._status_changed()
        self.error = error_label()
        form.addRow(self.error)
        ok_cancel(self, form, self.error)

    def _status_changed(self) -> None:
        _show_status_date(self.status, self.status_date, self.status_date_label)

    def save(self) -> None:
        field_name = STATUS_DATE.get(PlanStatus(self.status.currentData()))
        dates = {field_name: self.status_date.date().toString(Qt.DateFormat.ISODate)
                 } if field_name else {}
        try:
            self.svc.add_plan(title=self.title.text(), plan_type=self.type.currentData(),
                              unit_id=self.owner.currentData(), version=self.version.text(),
                              status=self.status.currentData(), **dates)
        except InspectorError as exc:
            self.error.setText(exc.localized())
            return
        self.accept()


class StatusDialog(QDialog):
    """Move a registered plan to another step (编制中, 已评审/论证, 已发布), dated as a new
    plan's step is; filing has its own dialog (it needs the authority and number)."""

    def __init__(self, svc: EmergencyService, plan: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.plan_id = plan["id"]
        self.setWindowTitle(self.tr("Change status: %1").replace("%1", plan["title"]))
        self.setMinimumWidth(440)   # the refusal names the plan: room for it on two lines
        form = QFormLayout(self)
        current = QLabel(label(PLAN_STATUS_LABELS, plan["status"], ui_lang()))
        self.status = QComboBox()
        for s in PlanStatus:
            if s != PlanStatus.FILED:
                self.status.addItem(label(PLAN_STATUS_LABELS, s, ui_lang()), s.value)
        # The step after the one reached is what the user usually records.
        order = [s.value for s in PlanStatus if s != PlanStatus.FILED]
        now = order.index(plan["status"]) if plan["status"] in order else len(order) - 1
        self.status.setCurrentIndex(min(now + 1, len(order) - 1))
        self.status_date = _date_edit()
        self.status_date_label = QLabel()
        form.addRow(self.tr("Now"), current)
        form.addRow(self.tr("New status"), self.status)
        form.addRow(self.status_date_label, self.status_date)
        self.status.currentIndexChanged.connect(self._status_changed)
        self._status_changed()
        self.error = error_label()
        self.error.setMinimumHeight(2 * self.error.fontMetrics().lineSpacing())
        form.addRow(self.error)
        ok_cancel(self, form, self.error)

    def _status_changed(self) -> None:
        _show_status_date(self.status, self.status_date, self.status_date_label)

    def save(self) -> None:
        try:
            self.svc.set_status(self.plan_id, self.status.currentData(),
                                self.status_date.date().toString(Qt.DateFormat.ISODate))
        except InspectorError as exc:
            self.error.setText(exc.localized())
            return
        self.accept()


class FilingDialog(QDialog):
    """The filing record (备案): receiving authority, filing number, date."""

    def __init__(self, svc: EmergencyService, plan_id: str, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.plan_id = plan_id
        self.setWindowTitle(self.tr("Record filing: %1").replace("%1", title))
        form = QFormLayout(self)
        self.authority = QLineEdit()
        self.number = QLineEdit()
        self.date = _date_edit()
        form.addRow(self.tr("Receiving authority"), self.authority)
        form.addRow(self.tr("Filing number"), self.number)
        form.addRow(self.tr("Filing date"), self.date)
        self.error = error_label()
        form.addRow(self.error)
        ok_cancel(self, form, self.error)

    def save(self) -> None:
        try:
            self.svc.record_filing(self.plan_id, authority=self.authority.text(),
                                   number=self.number.text(),
                                   filed_on=self.date.date().toString("yyyy-MM-dd"))
        except InspectorError as exc:
            self.error.setText(exc.localized())
            return
        self.accept()


class DrillDialog(QDialog):
    """A drill held: the plan, when and how, the evaluation, problems that become tasks with
    deadlines, and photos. Every photo is checked before anything is saved."""

    def __init__(self, svc: EmergencyService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.setWindowTitle(self.tr("Record a drill"))
        form = QFormLayout(self)
        self.plan = QComboBox()
        for row in svc.plans():
            self.plan.addItem(f"{row['owner_name']} · {row['title']}", row["id"])
        self.date = _date_edit()
        self.form = QComboBox()
        for key, pair in DRILL_FORM_LABELS.items():
            self.form.addItem(pair.in_(ui_lang()), key.value)
        self.scope = QComboBox()
        for key, pair in DRILL_SCOPE_LABELS.items():
            self.scope.addItem(pair.in_(ui_lang()), key.value)
        self.organiser, self.participants = QLineEdit(), QLineEdit()
        self.scenario, self.went_well = QLineEdit(), QLineEdit()
        self.problems = QTableWidget(0, 3)
        self.problems.setHorizontalHeaderLabels(
            [self.tr("Problem"), self.tr("Deadline (YYYY-MM-DD)"), self.tr("Responsible")])
        # The problem gets the room; the deadline's header is shown whole (it names the format).
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.problems.setMinimumHeight(90)
        add_problem = QPushButton(self.tr("Add a problem"))
        add_problem.clicked.connect(lambda: self.problems.insertRow(self.problems.rowCount()))
        self.photos = PhotosRow(self.tr("Drill photos"))
        form.addRow(self.tr("Plan"), self.plan)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Form"), self.form)
        form.addRow(self.tr("Scope"), self.scope)
        form.addRow(self.tr("Organiser"), self.organiser)
        form.addRow(self.tr("Participants"), self.participants)
        form.addRow(self.tr("Scenario"), self.scenario)
        form.addRow(self.tr("What worked"), self.went_well)
        form.addRow(self.tr("Problems found"), self.problems)
        form.addRow("", add_problem)
        form.addRow(self.photos)
        self.error = error_label()
        form.addRow(self.error)
        ok_cancel(self, form, self.error)
        self.photos.changed.connect(self.error.clear)

    def _cell(self, row: int, column: int) -> str:
        item = self.problems.item(row, column)
        return item.text().strip() if item else ""

    def save(self) -> None:
        from inspector_app.services.attachments import check_file

        problems = [{"problem": self._cell(r, 0), "due_on": self._cell(r, 1),
                     "responsible": self._cell(r, 2)}
                    for r in range(self.problems.rowCount())
                    if any(self._cell(r, c) for c in range(3))]
        try:
            if self.plan.currentData() is None:
                raise InspectorError(self.tr("Register the plan first."))
            # Saved with its photos or not at all: a photo the disk could not take leaves the
            # dialog as the user filled it, and OK again saves the drill once.
            self.svc.add_drill(
                plan_id=self.plan.currentData(), held_on=self.date.date().toString("yyyy-MM-dd"),
                form=self.form.currentData(), scope=self.scope.currentData(),
                organiser=self.organiser.text(), participants=self.participants.text(),
                scenario=self.scenario.text(), went_well=self.went_well.text(),
                problems=problems, photos=[check_file(p) for p in self.photos.photos])
        except InspectorError as exc:
            self.error.setText(exc.localized())
            return
        self.accept()


class EmergencyPage(Page):
    page_id = "emergency"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.today = date.today()
        bar = QHBoxLayout()
        self.unit = QComboBox()
        self.type = QComboBox()
        self.status = QComboBox()
        self.overdue = QCheckBox()
        for combo in (self.unit, self.type, self.status):
            combo.currentIndexChanged.connect(self._filters_changed)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            bar.addWidget(combo)
        self.overdue.toggled.connect(self._filters_changed)
        bar.addWidget(self.overdue)
        bar.addStretch(1)
        self.new_button = QPushButton()
        self.status_button = QPushButton()
        self.file_button = QPushButton()
        self.drill_button = QPushButton()
        self.attach_button = QPushButton()
        self.attach_button.clicked.connect(self.attach_file)
        self.task_done_button = QPushButton()
        self.task_done_button.clicked.connect(self.mark_task_done)
        self.show_done = QCheckBox()
        self.show_done.toggled.connect(self._filters_changed)
        self.station_button = QPushButton()
        self.station_button.clicked.connect(self.new_station)
        self.milestone_button = QPushButton()
        self.milestone_button.clicked.connect(lambda: self.record_milestone())
        self.check_button = QPushButton()
        self.check_button.clicked.connect(self.record_check)
        self.new_button.clicked.connect(self.new_plan)
        self.status_button.clicked.connect(self.change_status)
        self.file_button.clicked.connect(self.record_filing)
        self.drill_button.clicked.connect(self.record_drill)
        self.layout_.addLayout(bar)
        self.runner = TaskRunner()
        self._task: Task | None = None
        self.last_output: Path | None = None

        self.tabs = QTabWidget()
        self.plans = _table()
        self.progress = _table()
        self.drills = _table()
        self.tasks = _table()
        self.stations = _table()
        for table in (self.progress, self.plans, self.drills, self.tasks, self.stations):
            self.tabs.addTab(table, "")
        self.layout_.addWidget(self.tabs, 1)
        foot = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.pdf_button = QPushButton()
        self.xlsx_button = QPushButton()
        self.pdf_button.clicked.connect(lambda: self._ask_and_write(".pdf"))
        self.xlsx_button.clicked.connect(lambda: self._ask_and_write(".xlsx"))
        self.layout_.addWidget(self.summary)
        # Actions below the tables: beside the filters they would not fit 1024 pixels.
        # Each tab shows the actions on its own rows: all of them would not fit either.
        self.plan_actions: list[QWidget] = [self.new_button, self.status_button, self.file_button,
                                            self.attach_button, self.drill_button]
        self.tab_actions: dict[QWidget, list[QWidget]] = {
            self.progress: self.plan_actions, self.plans: self.plan_actions,
            self.drills: self.plan_actions,
            self.tasks: [self.task_done_button, self.show_done],
            self.stations: [self.station_button, self.milestone_button, self.check_button]}
        for widget in (*self.plan_actions, self.task_done_button, self.show_done,
                       self.station_button, self.milestone_button, self.check_button):
            foot.addWidget(widget)
        foot.addStretch(1)
        foot.addWidget(self.pdf_button)
        foot.addWidget(self.xlsx_button)
        self.layout_.addLayout(foot)
        self._filling = False
        self.tabs.currentChanged.connect(self._show_tab_actions)
        self.stations.cellDoubleClicked.connect(self._station_cell_activated)
        self.tasks.cellDoubleClicked.connect(lambda *_: self.mark_task_done())
        self._show_tab_actions()
        self.retranslate()

    def _show_tab_actions(self) -> None:
        shown = self.tab_actions.get(self.tabs.currentWidget(), [])
        for widgets in self.tab_actions.values():
            for widget in widgets:
                widget.setVisible(widget in shown)

    def _service(self) -> EmergencyService:
        return self.ctx.emergency

    def title(self) -> str:
        return self.tr("Plans & drills")

    def retranslate(self) -> None:
        super().retranslate()
        self.overdue.setText(self.tr("Overdue only"))
        self.new_button.setText(self.tr("New plan…"))
        self.status_button.setText(self.tr("Change status…"))
        self.file_button.setText(self.tr("Record filing…"))
        self.drill_button.setText(self.tr("Record drill…"))
        self.attach_button.setText(self.tr("Attach file…"))
        self.task_done_button.setText(self.tr("Mark done…"))
        self.show_done.setText(self.tr("Show done tasks"))
        self.station_button.setText(self.tr("New station…"))
        self.milestone_button.setText(self.tr("Record milestone…"))
        self.check_button.setText(self.tr("Record check…"))
        self.pdf_button.setText(self.tr("Circular (PDF)…"))
        self.xlsx_button.setText(self.tr("Circular (xlsx)…"))
        for button in (self.pdf_button, self.xlsx_button):
            button.setToolTip(self.tr(
                "Numbered with the office's short name: Tools → Inspector profile…, Circular "
                "number word"))
        for i, text in enumerate((self.tr("Progress by unit"), self.tr("Plans"),
                                  self.tr("Drills"), self.tr("Follow-up tasks"),
                                  self.tr("Stations"))):
            self.tabs.setTabText(i, text)
        self._fill_choices()
        self.refresh()

    def _fill_choices(self) -> None:
        self._filling = True
        try:
            lang = ui_lang()
            current = (self.unit.currentData(), self.type.currentData(),
                       self.status.currentData())
            self.unit.clear()
            self.unit.addItem(self.tr("All units"), None)
            for unit in self._service().active_units():
                self.unit.addItem(unit.name, unit.id)
            self.type.clear()
            self.type.addItem(self.tr("All types"), None)
            for t in PlanType:
                self.type.addItem(label(PLAN_TYPE_LABELS, t, lang), t.value)
            self.status.clear()
            self.status.addItem(self.tr("All statuses"), None)
            for s in PlanStatus:
                self.status.addItem(label(PLAN_STATUS_LABELS, s, lang), s.value)
            for combo, value in zip((self.unit, self.type, self.status), current, strict=True):
                index = combo.findData(value)
                combo.setCurrentIndex(max(index, 0))
        finally:
            self._filling = False

    def _filters_changed(self) -> None:
        if not self._filling:
            self.refresh()

    def showEvent(self, event) -> None:
        self._fill_choices()
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        if self._filling:
            return
        try:
            svc = self._service()
            self._fill_progress(svc)
            self._fill_plans(svc)
            self._fill_drills(svc)
            self._fill_stations(svc)
        except InspectorError as exc:
            messages.error(exc)

    def _fill_progress(self, svc: EmergencyService) -> None:
        lang = ui_lang()
        rows, colours = [], []
        units = svc.unit_progress(self.today)
        if self.unit.currentData():
            units = [u for u in units if u.unit_id == self.unit.currentData()]
        for u in units:
            share = f"{u.done}/{u.plans}" if u.plans else "0/0"
            rows.append([u.unit_name, u.plans, share, u.in_progress, u.not_started,
                         label(PROGRESS_LABELS, u.progress, lang),
                         show_date(u.deadline), self.tr("Overdue") if u.overdue else "", u.drills])
            colours.append(LATE if u.overdue else DONE if u.progress == Progress.DONE else None)
        _fill(self.progress, [self.tr("Unit"), self.tr("Plans"), self.tr("Filed"),
                              self.tr("In progress"), self.tr("Not started"),
                              self.tr("Progress"), self.tr("Deadline"), self.tr("Late"),
                              self.tr("Drills this year")], rows, colours)
        done = sum(1 for u in units if u.progress == Progress.DONE)
        late = sum(1 for u in units if u.overdue)
        self.summary.setText(
            self.tr("%1 of %2 units have filed every plan;").replace("%1", str(done))
            .replace("%2", str(len(units))) + " "
            + self.tr("%Ln unit(s) past the deadline.", "", late))

    def _fill_plans(self, svc: EmergencyService) -> None:
        lang = ui_lang()
        views = svc.plan_views(self.today, unit_id=self.unit.currentData(),
                               plan_type=self.type.currentData(),
                               status=self.status.currentData(),
                               overdue_only=self.overdue.isChecked())
        rows, colours, ids = [], [], []
        for v in views:
            r = v.row
            warn = [w for w, on in ((self.tr("revision overdue"), v.revision_overdue),
                                    (self.tr("drill overdue"), v.drill_behind)) if on]
            rows.append([r["owner_name"], label(PLAN_TYPE_LABELS, r["plan_type"], lang),
                         r["title"], label(PLAN_STATUS_LABELS, r["status"], lang),
                         r["version"], show_date(r["issued_on"]),
                         show_date(r["filed_on"]), r["filing_number"], show_date(v.revision_due),
                         show_date(r["last_drill"]), show_date(v.drill_due), "; ".join(warn)])
            colours.append(LATE if warn else None)
            ids.append(r["id"])
        _fill(self.plans, [self.tr("Owner"), self.tr("Type"), self.tr("Title"),
                           self.tr("Status"), self.tr("Version"), self.tr("Issued on"),
                           self.tr("Filed on"), self.tr("Filing number"),
                           self.tr("Revision due"), self.tr("Last drill"),
                           self.tr("Drill due"), self.tr("Late")], rows, colours, ids)

    def _fill_drills(self, svc: EmergencyService) -> None:
        lang = ui_lang()
        unit = self.unit.currentData()
        drills = [d for d in svc.drills() if not unit or d["unit_id"] == unit]
        _fill(self.drills, [self.tr("Date"), self.tr("Owner"), self.tr("Plan"),
                            self.tr("Form"), self.tr("Scope"), self.tr("Organiser"),
                            self.tr("Scenario"), self.tr("Photos"), self.tr("Tasks")],
              [[show_date(d["held_on"]), d["owner_name"], d["plan_title"],
                label(DRILL_FORM_LABELS, d["form"], lang),
                label(DRILL_SCOPE_LABELS, d["scope"], lang), d["organiser"], d["scenario"],
                d["photos"], d["tasks"]] for d in drills])
        tasks = [(t, late) for t, late in svc.tasks(self.today)
                 if (self.show_done.isChecked() or not t["done_on"])
                 and (not unit or t["unit_id"] == unit)
                 and (late or not self.overdue.isChecked())]
        _fill(self.tasks, [self.tr("Due"), self.tr("Owner"), self.tr("Problem"),
                           self.tr("Responsible"), self.tr("Action"), self.tr("State"),
                           self.tr("Done on"), self.tr("Note")],
              [[show_date(t["due_on"]), t["owner_name"], t["problem"], t["responsible"],
                t["action"], self._task_state(t, late), show_date(t["done_on"]),
                t["done_note"]] for t, late in tasks],
              [LATE if late else DONE if t["done_on"] else None for t, late in tasks],
              [t["id"] for t, _ in tasks])

    def _task_state(self, task: dict, late: bool) -> str:
        if task["done_on"]:
            return self.tr("Done")
        return self.tr("Overdue") if late else self.tr("Open")

    def _fill_stations(self, svc: EmergencyService) -> None:
        lang = ui_lang()
        by_station: dict[str, list[dict]] = {}
        for m in svc.milestones():
            by_station.setdefault(m["station_id"], []).append(m)
        headers = [self.tr("Station"), self.tr("Unit"), self.tr("Last check")] + [
            label(MILESTONE_LABELS, m, lang) for m in Milestone]
        rows, colours, ids = [], [], []
        late_any = {m["id"] for m in svc.late_milestones(self.today)}
        for s in svc.stations():
            if self.unit.currentData() and s["unit_id"] != self.unit.currentData():
                continue
            ms = {m["milestone"]: m for m in by_station.get(s["id"], [])}
            if self.overdue.isChecked() and not any(m["id"] in late_any for m in ms.values()):
                continue
            cells = []
            for key in Milestone:
                m = ms.get(key.value)
                if m is None:
                    cells.append("")
                    continue
                text = label(MILESTONE_STATUS_LABELS, m["status"], lang)
                if m["due_on"] and m["status"] != "done":
                    # Chinese brackets the day in its own full-width （）.
                    text = self.tr("{0} ({1})", "a milestone's status, its due date").format(
                        text, show_date(m["due_on"]))
                if m["id"] in late_any:
                    text = "⚠ " + text
                cells.append(text)
            rows.append([s["name"], s["unit_name"] or "", show_date(s["last_check"]), *cells])
            colours.append(LATE if any(m["id"] in late_any for m in ms.values()) else None)
            ids.append(s["id"])
        _fill(self.stations, headers, rows, colours, ids)

    # -- actions --
    def _selected_id(self, table: QTableWidget) -> tuple[str, str] | None:
        row = table.currentRow()
        item = table.item(row, 0) if row >= 0 else None
        return (item.data(Qt.ItemDataRole.UserRole), item.text()) if item else None

    def mark_task_done(self) -> None:
        chosen = self._selected_id(self.tasks)
        if chosen is None:
            messages.info(self.tr("Choose a task in the Follow-up tasks tab first."))
            return
        task = next((t for t, _ in self._service().tasks(self.today) if t["id"] == chosen[0]),
                    None)
        if task is None or task["done_on"]:
            messages.info(self.tr("This task is already done."))
            return
        if TaskDoneDialog(self._service(), task, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def new_station(self) -> None:
        if NewStationDialog(self._service(), self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def record_milestone(self, milestone: Milestone | None = None) -> None:
        chosen = self._selected_id(self.stations)
        if chosen is None:
            messages.info(self.tr("Choose a station in the Stations tab first."))
            return
        dialog = MilestoneDialog(self._service(), *chosen, milestone=milestone, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self._select_row(self.stations, chosen[0])

    def record_check(self) -> None:
        chosen = self._selected_id(self.stations)
        if chosen is None:
            messages.info(self.tr("Choose a station in the Stations tab first."))
            return
        if CheckDialog(self._service(), *chosen, parent=self).exec() == \
                QDialog.DialogCode.Accepted:
            self.refresh()
            self._select_row(self.stations, chosen[0])

    def _station_cell_activated(self, _row: int, column: int) -> None:
        """A double-click on a milestone's cell opens that milestone."""
        milestones = list(Milestone)
        index = column - (self.stations.columnCount() - len(milestones))
        self.record_milestone(milestones[index] if index >= 0 else None)

    @staticmethod
    def _select_row(table: QTableWidget, row_id: str) -> None:
        for r in range(table.rowCount()):
            item = table.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == row_id:
                table.selectRow(r)
                return

    def new_plan(self) -> None:
        if NewPlanDialog(self._service(), self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def attach_file(self) -> None:
        chosen = self.selected_plan()
        if chosen is None:
            self.tabs.setCurrentWidget(self.plans)
            messages.info(self.tr("Choose a plan in the Plans tab first."))
            return
        path = open_file(self, Kind.PLAN_FILES, self.tr("Attach the plan's file"),
                         self.tr("Plans (*.pdf *.docx *.jpg *.jpeg *.png)"))
        if path is not None:
            self.attach(chosen[0], path)

    def attach(self, plan_id: str, path: Path) -> bool:
        """Store the file under its hash; a refused file is explained and changes nothing."""
        try:
            row = self._service().attach("plan", plan_id, path)
        except InspectorError as exc:
            messages.error(exc)
            return False
        messages.info(self.tr("Attached {0}.").format(row["name"]))
        self.refresh()
        return True

    def record_drill(self) -> None:
        if DrillDialog(self._service(), self).exec() == QDialog.DialogCode.Accepted:
            self.tabs.setCurrentWidget(self.drills)
            self.refresh()

    def selected_plan(self) -> tuple[str, str] | None:
        row = self.plans.currentRow()
        if row < 0:
            return None
        item = self.plans.item(row, 0)
        return item.data(Qt.ItemDataRole.UserRole), self.plans.item(row, 2).text()

    def change_status(self) -> None:
        chosen = self.selected_plan()
        if chosen is None:
            self.tabs.setCurrentWidget(self.plans)
            messages.info(self.tr("Choose a plan in the Plans tab first."))
            return
        plan = self._service().find_plan(chosen[0])
        if StatusDialog(self._service(), plan, parent=self).exec() == \
                QDialog.DialogCode.Accepted:
            self.refresh()

    def record_filing(self) -> None:
        chosen = self.selected_plan()
        if chosen is None:
            self.tabs.setCurrentWidget(self.plans)
            messages.info(self.tr("Choose a plan in the Plans tab first."))
            return
        if FilingDialog(self._service(), *chosen, parent=self).exec() == \
                QDialog.DialogCode.Accepted:
            self.refresh()

    def suggested_path(self, suffix: str) -> Path:
        """As the dispatch circular's: in the folder last used for such a file, named in the
        user's language with the day it counts to."""
        folder = start_folder(Kind.PDF if suffix == ".pdf" else Kind.SPREADSHEET)
        return folder / (self.tr("plans-circular-{0}").format(self.today.isoformat()) + suffix)

    def _ask_and_write(self, suffix: str) -> None:
        chosen, _ = save_file(
            self, Kind.PDF if suffix == ".pdf" else Kind.SPREADSHEET,
            self.tr("Save the circular"), self.suggested_path(suffix).name,
            self.tr("PDF (*.pdf)") if suffix == ".pdf" else self.tr("Spreadsheet (*.xlsx)"))
        path = saved_as(self, chosen, suffix)
        if path is not None:
            self.write(path)

    def write(self, path: Path) -> Task:
        """Write the circular in the background; the window stays usable."""
        task = Task(circular_task, self.ctx, path, self.today, ui_lang())
        self._task = task
        for button in (self.pdf_button, self.xlsx_button):
            button.setEnabled(False)
        self.summary.setText(self.tr("Writing {0}…").format(path.name))
        task.signals.succeeded.connect(self._written)
        task.signals.failed.connect(self._failed)
        task.signals.finished.connect(self._done)
        return self.runner.start(task)

    def _done(self) -> None:
        self._task = None
        for button in (self.pdf_button, self.xlsx_button):
            button.setEnabled(True)

    def _written(self, result: tuple[str, str]) -> None:
        path, number = result
        self.last_output = Path(path)
        messages.info(self.tr("Written: {0} (circular {1})").format(path, number))
        self.refresh()

    def _failed(self, exc: BaseException, _trace: str) -> None:
        if not isinstance(exc, InspectorError):
            raise exc
        self.summary.setText(exc.localized())
        messages.error(exc)
