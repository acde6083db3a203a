"""The yearly plan's inspection teams: who is in each and how many visits a month it makes.

A plan is made for the teams there are; without this dialog they could be set up only on the
command line, and a supervisor opening the plan for the first time met "no inspection team".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.inspection import Kind, inspector_problems
from inspector_app.errors import InspectorError
from inspector_app.i18n import Listing
from inspector_app.ui.labels import list_separator
from inspector_app.ui.widgets.inspector_picker import ID_ROLE, PERSON_ROLE, InspectorPicker

if TYPE_CHECKING:
    from inspector_app.domain.year_plan import Team
    from inspector_app.services.context import AppContext


_CAPACITY = 20  # visits a month a new team starts with


class PlanTeamsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PlanTeamsDialog")
        self.ctx = ctx
        self.service = ctx.year_plan
        self.teams: list[Team] = []

        self.table = QTableWidget(0, 3)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_: self._selected())

        self.name = QLineEdit()
        self.capacity = QSpinBox()
        self.capacity.setRange(0, 500)
        self.capacity.setValue(_CAPACITY)
        self.people = InspectorPicker(ctx, list_height=120)
        self.people.fill(None)        # a team is chosen person by person, no one ticked first
        self.people.problem.connect(self._show_problem)
        self.people.list.itemChanged.connect(self._ticked)
        # A team selected fills the form; New team empties it for another one.
        self.new_button = QPushButton(self.tr("&New team"))
        self.new_button.clicked.connect(self.new_team)
        self.new_button.setEnabled(False)
        self.add_button = QPushButton(self.tr("&Add team"))
        self.add_button.clicked.connect(self.add_team)
        self.save_button = QPushButton(self.tr("&Save changes"))
        self.save_button.clicked.connect(self.save_team)
        self.save_button.setEnabled(False)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        # Room for two lines kept: the form must not jump under the pointer when one shows.
        self.error.setMinimumHeight(2 * self.error.fontMetrics().lineSpacing())

        form = QFormLayout()
        form.addRow(self.tr("Team name"), self.name)
        form.addRow(self.tr("Inspectors"), self.people)
        form.addRow(self.tr("Visits a month"), self.capacity)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.save_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self.setWindowTitle(self.tr("Inspection teams"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Team"), self.tr("Inspectors"), self.tr("Visits a month")])
        self.resize(640, 520)
        self.refresh()

    def refresh(self) -> None:
        self.teams = self.service.teams()
        names = {p.id: p.name for p in self.ctx.profile.inspectors()}
        self.table.setRowCount(len(self.teams))
        for row, team in enumerate(self.teams):
            people = list_separator().join(names.get(i, "?") for i in team.inspector_ids)
            for column, text in enumerate((team.name, people, str(team.capacity))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnToContents(0)
        # Who is where, beside each name: one team each, so a supervisor sees it before ticking.
        self.people.set_notes({person: self.tr("in %1").replace("%1", team.name)
                               for team in self.teams for person in team.inspector_ids})

    def _selected_team(self) -> Team | None:
        row = self.table.currentRow()
        return self.teams[row] if 0 <= row < len(self.teams) else None

    def _selected(self) -> None:
        team = self._selected_team()
        self.save_button.setEnabled(team is not None)
        self.new_button.setEnabled(team is not None)
        if team is None:
            return
        self.name.setText(team.name)
        self.capacity.setValue(team.capacity)
        blocked = self.people.list.blockSignals(True)  # the team's own people, not a choice
        try:
            for index in range(self.people.list.count()):
                item = self.people.list.item(index)
                item.setCheckState(Qt.CheckState.Checked
                                   if item.data(ID_ROLE) in team.inspector_ids
                                   else Qt.CheckState.Unchecked)
        finally:
            self.people.list.blockSignals(blocked)
        self.error.clear()

    def _ticked(self, item: QListWidgetItem) -> None:
        """Someone of another team ticked: refused at once, saying where they are and how to
        move them (an inspector is in one team only, or the plan counts them twice)."""
        if item.checkState() != Qt.CheckState.Checked:
            return
        person = item.data(ID_ROLE)
        here = self._selected_team()
        other = next((t for t in self.teams if person in t.inspector_ids
                      and (here is None or t.id != here.id)), None)
        if other is None:
            return
        blocked = self.people.list.blockSignals(True)
        try:
            item.setCheckState(Qt.CheckState.Unchecked)
        finally:
            self.people.list.blockSignals(blocked)
        name = item.data(PERSON_ROLE).name
        self.error.setText(self.tr(
            "%1 is already in %2, and an inspector is in one team only. To move them, select "
            "%2, untick %1 and save; then tick %1 here.").replace("%1", name)
            .replace("%2", other.name))

    def _show_problem(self, text: str) -> None:
        self.error.setText(text)

    def _unfit(self) -> bool:
        """Whether the ticked people cannot make the plan's official inspections, said."""
        chosen = set(self.people.checked_ids())
        team = [p for p in self.ctx.profile.inspectors() if p.id in chosen]
        problems = inspector_problems(Kind.OFFICIAL, team)
        if problems:
            self.error.setText(self.tr("This team could not make an official inspection: {0}.")
                               .format(Listing(problems).localized()))
        return bool(problems)

    def add_team(self) -> bool:
        if self._unfit():
            return False
        try:
            self.service.add_team(self.name.text(), self.people.checked_ids(),
                                  self.capacity.value())
        except InspectorError as exc:
            self.error.setText(exc.localized())
            return False
        self.error.clear()
        self.refresh()
        self._clear_form()
        return True

    def new_team(self) -> None:
        self._clear_form()
        self.error.clear()

    def _clear_form(self) -> None:
        """Empty fields for the next team: the one just added is in the table, and its name
        and people left in the form would only be refused as a second team."""
        self.table.setCurrentCell(-1, -1)
        self.table.clearSelection()
        self.save_button.setEnabled(False)
        self.new_button.setEnabled(False)
        self.name.clear()
        self.capacity.setValue(_CAPACITY)
        blocked = self.people.list.blockSignals(True)  # an emptied form is no choice
        try:
            for index in range(self.people.list.count()):
                self.people.list.item(index).setCheckState(Qt.CheckState.Unchecked)
        finally:
            self.people.list.blockSignals(blocked)
        self.name.setFocus()

    def save_team(self) -> bool:
        row = self.table.currentRow()
        if not 0 <= row < len(self.teams) or self._unfit():
            return False
        team_id = self.teams[row].id
        try:
            self.service.update_team(team_id, capacity=self.capacity.value(),
                                     inspector_ids=self.people.checked_ids(),
                                     name=self.name.text())
        except InspectorError as exc:
            self.error.setText(exc.localized())
            return False
        self.error.clear()
        self.refresh()
        # The same team stays selected; a new name may have moved its row.
        self.table.setCurrentCell(
            next(r for r, t in enumerate(self.teams) if t.id == team_id), 0)
        return True
