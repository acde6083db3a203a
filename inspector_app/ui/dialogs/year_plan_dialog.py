"""The yearly plan under review: a month-by-team grid; generate, move visits, approve, issue.

Each cell shows the team's visits that month against its capacity; selecting a cell lists its
visits, and a visit is moved by dragging it onto another cell (or with the team and month boxes).
Generating and issuing run off the window's thread, with progress and Cancel; the holiday list
the visits keep off is shown and can be extended from a file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QBrush, QColor, QDrag, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.errors import InspectorError
from inspector_app.services import holidays
from inspector_app.services.context import AppContext
from inspector_app.services.year_plan import DEFAULT_CHECKLIST, StoredVisit, plan_task
from inspector_app.ui import confirm
from inspector_app.ui.labels import ui_lang
from inspector_app.ui.save_folder import Kind, open_file
from inspector_app.ui.tasks import Task, TaskRunner

if TYPE_CHECKING:
    from inspector_app.ui.dialogs.drop_company_dialog import DropCompanyDialog
    from inspector_app.ui.dialogs.plan_teams_dialog import PlanTeamsDialog

VISIT_MIME = "application/x-inspector-visit"


class _VisitList(QListWidget):
    """The visits of the selected cell; a visit is dragged out by its id."""

    def startDrag(self, _actions: Qt.DropAction) -> None:
        item = self.currentItem()
        if item is None:
            return
        mime = QMimeData()
        mime.setData(VISIT_MIME, item.data(Qt.ItemDataRole.UserRole).encode())
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.exec(Qt.DropAction.MoveAction)


class _Grid(QTableWidget):
    """Teams down, months across; a visit dropped on a cell moves there."""

    def __init__(self, dialog: YearPlanDialog) -> None:
        super().__init__(0, 12)
        self.dialog = dialog
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(VISIT_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(VISIT_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if not index.isValid() or not event.mimeData().hasFormat(VISIT_MIME):
            return
        visit_id = bytes(event.mimeData().data(VISIT_MIME).data()).decode()
        event.acceptProposedAction()
        self.dialog.move_visit(visit_id, index.row(), index.column() + 1)


class YearPlanDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("YearPlanDialog")
        self.ctx = ctx
        self.service = ctx.year_plan
        self.runner = TaskRunner()
        self.task: Task | None = None
        self.templates = ctx.templates
        self.teams = self.service.teams()
        self.cells: dict[tuple[str, int], list[StoredVisit]] = {}

        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year + 1)
        self.year.valueChanged.connect(self.refresh)
        self.template = QComboBox()
        records = self.templates.list()
        # Title and version, as New inspection shows them: two versions of one checklist must
        # not look alike; the full key is the tooltip.
        for record in records:
            self.template.addItem(f"{record.title(ui_lang())} ({record.version})", record.key)
            self.template.setItemData(self.template.count() - 1, record.key,
                                      Qt.ItemDataRole.ToolTipRole)
        start = next((i for i, r in enumerate(records) if r.template_id == DEFAULT_CHECKLIST), 0)
        self.template.setCurrentIndex(start)
        self.template.setMinimumContentsLength(16)
        self.template.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.generate_button = QPushButton(self.tr("&Generate"))
        self.generate_button.clicked.connect(self.generate)
        self.approve_button = QPushButton(self.tr("&Approve"))
        self.approve_button.clicked.connect(self.approve)
        self.issue_button = QPushButton(self.tr("&Issue as planned inspections"))
        self.issue_button.clicked.connect(self.issue)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.holidays_label = QLabel()
        self.holidays_label.setWordWrap(True)
        self.holidays_button = QPushButton(self.tr("&Holidays…"))
        self.holidays_button.setToolTip(self.tr(
            "Add the official holidays and weekend working days of a year from a file (YAML)"))
        self.holidays_button.clicked.connect(self._choose_holidays)
        self.teams_button = QPushButton(self.tr("&Teams…"))
        self.teams_button.setToolTip(self.tr("The inspection teams the plan shares the visits "
                                             "among: their inspectors and visits a month"))
        self.teams_button.clicked.connect(self.edit_teams)
        self.drop_button = QPushButton(self.tr("Company &closed…"))
        self.drop_button.setToolTip(self.tr("A company closed or moved away: drop its "
                                            "visits from a day on"))
        self.drop_button.clicked.connect(self.drop_company)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year)
        top.addWidget(QLabel(self.tr("Checklist:")))
        top.addWidget(self.template, 1)
        top.addWidget(self.generate_button)

        self.grid = _Grid(self)
        self.grid.setHorizontalHeaderLabels(
            [self.tr("{0}", "a month's column heading, its number (1月 in Chinese)").format(m)
             for m in range(1, 13)])
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.currentCellChanged.connect(lambda *_: self._show_cell())
        self.visits = _VisitList()
        self.visits.setDragEnabled(True)
        self.visits.setObjectName("visits")
        self.to_team = QComboBox()
        self.to_month = QSpinBox()
        self.to_month.setRange(1, 12)
        self.move_button = QPushButton(self.tr("&Move"))
        self.move_button.clicked.connect(self._move_selected)
        mover = QHBoxLayout()
        mover.addWidget(self.to_team, 1)
        mover.addWidget(self.to_month)
        mover.addWidget(self.move_button)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.cell_label = QLabel()
        side_layout.addWidget(self.cell_label)
        side_layout.addWidget(self.visits, 1)
        side_layout.addLayout(mover)
        split = QSplitter()
        split.addWidget(self.grid)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.approve_button)
        bottom.addWidget(self.issue_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        days = QHBoxLayout()
        days.addWidget(self.holidays_label, 1)
        days.addWidget(self.holidays_button)
        days.addWidget(self.teams_button)
        days.addWidget(self.drop_button)
        layout.addLayout(days)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        layout.addLayout(busy)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        layout.addWidget(close)
        self.setWindowTitle(self.tr("Yearly plan"))
        self.resize(980, 540)
        self.refresh()

    # -- showing ------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.teams = self.service.teams()
        year = self.year.value()
        info = self.service.info(year)
        self.cells = self.service.grid(year) if info else {}
        self.grid.setRowCount(len(self.teams))
        self.grid.setVerticalHeaderLabels([t.name for t in self.teams])
        self.to_team.clear()
        for t in self.teams:
            self.to_team.addItem(t.name, t.id)
        for r, team in enumerate(self.teams):
            for m in range(1, 13):
                n = len(self.cells.get((team.id, m), []))
                cell = QTableWidgetItem(f"{n}/{team.capacity}")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                cell.setToolTip(self.tr("%1 in month %2: %Ln visit(s) planned of the %3 the "
                                        "team can make", "", n)
                                .replace("%1", team.name).replace("%2", str(m))
                                .replace("%3", str(team.capacity)))
                if n >= team.capacity:
                    cell.setBackground(QBrush(QColor("#f6d5d1")))
                elif n:
                    cell.setBackground(QBrush(QColor("#dbe9f7")))
                self.grid.setItem(r, m - 1, cell)
        self.status.setToolTip("")
        if info is None and not self.teams:
            # The first thing a plan needs, and the grid is empty without it: say where.
            self.status.setText(self.tr("No plan for {0} yet. First set up the inspection "
                                        "teams (Teams…), then choose the checklist and "
                                        "generate it.").format(year))
        elif info is None:
            self.status.setText(self.tr("No plan for {0} yet: choose the checklist and "
                                        "generate it.").format(year))
        else:
            at = self.template.findData(info.template_key)
            if at >= 0:
                self.template.setCurrentIndex(at)
            total = sum(len(v) for v in self.cells.values())
            states = {"draft": self.tr("draft"), "approved": self.tr("approved"),
                      "issued": self.tr("issued")}
            self.status.setText(self.tr("Plan %1: %2, %Ln visit(s)", "", total)
                                .replace("%1", str(year))
                                .replace("%2", states.get(info.status, info.status)))
            # The seed means nothing at a glance; it is there for whoever must make the same
            # plan again.
            self.status.setToolTip(self.tr(
                "The companies to visit were drawn at random with seed %1: the same data and "
                "seed make the same plan again.").replace("%1", str(info.seed)))
        draft = info is not None and info.status == "draft"
        idle = self.task is None
        self.approve_button.setEnabled(draft and idle)
        self.issue_button.setEnabled(info is not None and info.status == "approved" and idle)
        self.generate_button.setEnabled((info is None or draft) and idle)
        self.move_button.setEnabled(draft and idle)
        self.holidays_button.setEnabled(idle)
        self.drop_button.setEnabled(info is not None and idle)
        self.visits.setDragEnabled(draft and idle)
        self._show_holidays()
        self._show_cell()

    def _show_holidays(self) -> None:
        year = self.year.value()
        try:
            calendar = holidays.office_calendar(self.ctx.db)
        except InspectorError as exc:
            self.holidays_label.setText(exc.localized())
            return
        off = sum(1 for d in calendar.off if d.year == year)
        worked = sum(1 for d in calendar.workdays if d.year == year)
        if off or worked:
            self.holidays_label.setText(self.tr(
                "Visits are planned on working days: {0} official holidays of {1} are left "
                "out, {2} weekend days worked are used.").format(off, year, worked))
        else:
            self.holidays_label.setText(self.tr(
                "No holiday list for {0}: visits are planned Monday to Friday, less New Year's "
                "Day, Labour Day and National Day. Add the State Council's notice with the "
                "Holidays button for the Spring Festival and the other holidays.").format(year))

    def _show_cell(self) -> None:
        self.visits.clear()
        r, c = self.grid.currentRow(), self.grid.currentColumn()
        if not (0 <= r < len(self.teams)) or c < 0:
            self.cell_label.setText(self.tr("Select a cell to see its visits."))
            return
        team = self.teams[r]
        self.cell_label.setText(self.tr("{0}, month {1}").format(team.name, c + 1))
        for v in self.cells.get((team.id, c + 1), []):
            item = QListWidgetItem(f"{v.visit.day[5:]}  {v.visit.town}  {v.company_name}")
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            self.visits.addItem(item)
        self.to_team.setCurrentIndex(r)
        self.to_month.setValue(c + 1)

    # -- actions ------------------------------------------------------------------------------
    def _run(self, action) -> bool:
        try:
            action()
        except InspectorError as exc:
            self.error.setText(exc.localized())
            return False
        self.error.clear()
        self.refresh()
        return True

    def _start(self, action: str, text: str, template: str | None = None) -> Task | None:
        """Generate or issue on a worker thread; the window stays usable and can cancel."""
        if self.task is not None:
            return None
        task = Task(plan_task, self.ctx, action, self.year.value(), template)
        self.task = task
        self.error.clear()
        self.status.setText(text)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        task.signals.progress.connect(self._progressed)
        task.signals.succeeded.connect(lambda _result: self.error.clear())
        task.signals.failed.connect(self._failed)
        task.signals.cancelled.connect(lambda: self.error.setText(
            self.tr("Cancelled; the plan was not changed.")))
        task.signals.finished.connect(self._finished)
        self.refresh()
        return self.runner.start(task)

    def _progressed(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _failed(self, exc: BaseException, _trace: str) -> None:
        if not isinstance(exc, InspectorError):
            raise exc   # a bug: the crash handler reports it
        self.error.setText(exc.localized())

    def _finished(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.refresh()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)

    def done(self, result: int) -> None:
        # Closing while the worker runs: stop it and let it undo its transaction first.
        if self.task is not None:
            self.task.cancel()
            self.task.done.wait(30)
        super().done(result)

    def generate(self) -> Task | None:
        key = self.template.currentData()
        return self._start("generate", self.tr("Generating the plan for {0}…").format(
            self.year.value()), key)

    def edit_teams(self) -> PlanTeamsDialog:
        from inspector_app.ui.dialogs.plan_teams_dialog import PlanTeamsDialog

        dialog = PlanTeamsDialog(self.ctx, self)
        dialog.finished.connect(lambda _result: self.refresh())
        dialog.open()
        return dialog

    def drop_company(self) -> DropCompanyDialog:
        from inspector_app.ui.dialogs.drop_company_dialog import DropCompanyDialog

        dialog = DropCompanyDialog(self.service, self.year.value(), self)
        dialog.accepted.connect(lambda: self._dropped(dialog.dropped or 0))
        dialog.open()
        return dialog

    def _dropped(self, count: int) -> None:
        self.refresh()
        self.status.setText(self.tr("%Ln visit(s) dropped.", "", count) + " "
                            + self.status.text())

    def _choose_holidays(self) -> None:
        chosen = open_file(self, Kind.HOLIDAYS, self.tr("Holiday list"),
                           self.tr("Holiday list (*.yaml *.yml)"))
        if chosen is not None:
            self.add_holidays(chosen)

    def add_holidays(self, path: Path) -> bool:
        return self._run(lambda: holidays.add_file(self.ctx.db, path))

    def move_visit(self, visit_id: str, team_row: int, month: int) -> bool:
        team = self.teams[team_row]
        return self._run(lambda: self.service.move_visit(self.year.value(), visit_id, team.id,
                                                          month))

    def _move_selected(self) -> bool:
        item = self.visits.currentItem()
        if item is None:
            return False
        return self.move_visit(item.data(Qt.ItemDataRole.UserRole), self.to_team.currentIndex(),
                               self.to_month.value())

    def _visit_count(self) -> int:
        return sum(len(v) for v in self.cells.values())

    def approve(self) -> bool:
        year = self.year.value()
        if not confirm.ask(self, self.tr("Approve the plan for %1").replace("%1", str(year)),
                           self.tr("Approve the plan for %1 with its %Ln visit(s)?\n\nOnce "
                                   "approved it can no longer be generated again, and no visit "
                                   "can be moved to another team or month. The next step is to "
                                   "issue it as planned inspections. Approval cannot be undone.",
                                   "", self._visit_count()).replace("%1", str(year)),
                           self.tr("&Approve")):
            return False
        return self._run(lambda: self.service.approve(year))

    def issue(self) -> Task | None:
        year = self.year.value()
        if not confirm.ask(self, self.tr("Issue the plan for %1").replace("%1", str(year)),
                           self.tr("Issue the plan for %1 as %Ln planned inspection(s)?\n\n"
                                   "Each visit becomes a planned inspection for its team's "
                                   "inspectors, due on the visit's day; the laptops receive "
                                   "them with the office's next bundle. A plan is issued once: "
                                   "afterwards a planned inspection is withdrawn only by "
                                   "cancelling it in the list of planned inspections.",
                                   "", self._visit_count()).replace("%1", str(year)),
                           self.tr("&Issue")):
            return None
        return self._start("issue", self.tr("Issuing the plan for {0} as planned "
                                            "inspections…").format(year))
