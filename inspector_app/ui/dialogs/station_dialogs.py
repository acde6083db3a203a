"""Base-level emergency stations (基层应急管理标准化) from the window: register a pilot site
with its milestones' due dates, record how a milestone stands, and record a supervisor's check.
The emergency service checks every rule (as for ``inspector-app stations add|milestone|check``);
these dialogs only ask, and show a refusal under the fields, the dialog staying open."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from inspector_app.domain.emergency import (
    MILESTONE_LABELS,
    MILESTONE_STATUS_LABELS,
    STATION_KIND_LABELS,
    Milestone,
    MilestoneStatus,
    label,
)
from inspector_app.domain.units import UnitKind
from inspector_app.errors import InspectorError
from inspector_app.services.attachments import check_file
from inspector_app.services.emergency import EmergencyService
from inspector_app.ui.dialogs.form_parts import error_label, ok_cancel
from inspector_app.ui.labels import ui_lang
from inspector_app.ui.widgets.optional_date import OptionalDate, date_edit
from inspector_app.ui.widgets.photos_row import PhotosRow


class NewStationDialog(QDialog):
    """A pilot site: its name, kind, town, and the day each milestone is due (any may wait)."""

    def __init__(self, svc: EmergencyService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.saved: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("New station"))
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.kind = QComboBox()
        for key, pair in STATION_KIND_LABELS.items():
            self.kind.addItem(pair.in_(ui_lang()), key.value)
        self.town = QComboBox()
        self.town.addItem(self.tr("(no town)"), None)
        for unit in svc.active_units():
            if unit.kind == UnitKind.TOWN:
                self.town.addItem(unit.name, unit.id)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Town"), self.town)
        self.dues: dict[Milestone, OptionalDate] = {}
        for m in Milestone:
            self.dues[m] = OptionalDate(self.tr("due by"))
            form.addRow(label(MILESTONE_LABELS, m, ui_lang()), self.dues[m])
        self.error = error_label()
        form.addRow(self.error)
        ok_cancel(self, form, self.error)

    def save(self) -> None:
        dues: dict[str, str | None] = {m.value: d.iso() for m, d in self.dues.items() if d.iso()}
        try:
            self.saved = self.svc.add_station(name=self.name.text(),
                                              kind=self.kind.currentData(),
                                              unit_id=self.town.currentData(), dues=dues)
        except InspectorError as exc:
            self.error.setText(exc.localized())
            return
        self.accept()


class MilestoneDialog(QDialog):
    """How one milestone of a station stands: status, due date, completion date, a note and
    photos. It opens on the milestone's stored values; every photo is checked before anything
    is saved."""

    def __init__(self, svc: EmergencyService, station_id: str, station_name: str,
                 milestone: Milestone | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.station_id = station_id
        self.setWindowTitle(self.tr("Milestone of %1").replace("%1", station_name))
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        lang = ui_lang()
        self.milestone = QComboBox()
        for m in Milestone:
            self.milestone.addItem(label(MILESTONE_LABELS, m, lang), m.value)
        self.status = QComboBox()
        for s in MilestoneStatus:
            self.status.addItem(label(MILESTONE_STATUS_LABELS, s, lang), s.value)
        self.due = OptionalDate("")     # the row says what it is; the tick gives it or not
        self.due.check.setToolTip(self.tr("Untick: no due date yet"))
        self.done_on = date_edit()
        self.note = QLineEdit()
        self.photos = PhotosRow(self.tr("Milestone photos"))
        form.addRow(self.tr("Milestone"), self.milestone)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Due date"), self.due)
        form.addRow(self.tr("Completed on"), self.done_on)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.photos)
        self.error = error_label()
        form.addRow(self.error)
        ok_cancel(self, form, self.error)
        self.photos.changed.connect(self.error.clear)
        self.milestone.currentIndexChanged.connect(self._load)
        self.status.currentIndexChanged.connect(self._status_changed)
        if milestone is not None:
            self.milestone.setCurrentIndex(self.milestone.findData(milestone.value))
        self._load()

    def _load(self) -> None:
        row = self.svc.milestone(self.station_id, self.milestone.currentData())
        self.status.setCurrentIndex(self.status.findData(row["status"]))
        self.due.set_iso(row["due_on"])
        if row["done_on"]:
            self.done_on.setDate(QDate.fromString(row["done_on"], Qt.DateFormat.ISODate))
        self.note.setText(row["note"] or "")
        self._status_changed()

    def _status_changed(self) -> None:
        self.done_on.setEnabled(self.status.currentData() == MilestoneStatus.DONE.value)

    def save(self) -> None:
        done = self.status.currentData() == MilestoneStatus.DONE.value
        try:
            self.svc.set_milestone(
                self.station_id, self.milestone.currentData(), status=self.status.currentData(),
                due_on=self.due.iso(), note=self.note.text(),
                done_on=self.done_on.date().toString(Qt.DateFormat.ISODate) if done else None,
                photos=[check_file(p) for p in self.photos.photos])
        except InspectorError as exc:
            self.error.setText(exc.localized())
            return
        self.accept()


class CheckDialog(QDialog):
    """A supervisor's check (督导) of a station: the day, who checked, what was found, photos."""

    def __init__(self, svc: EmergencyService, station_id: str, station_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.station_id = station_id
        self.setWindowTitle(self.tr("Check of %1").replace("%1", station_name))
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        self.checked_on = date_edit()
        self.checker = QLineEdit()
        self.checker.setPlaceholderText(self.tr("e.g. 区应急管理局督导组"))
        self.findings = QPlainTextEdit()
        self.findings.setMaximumHeight(90)
        form.addRow(self.tr("Checked on"), self.checked_on)
        form.addRow(self.tr("Checked by"), self.checker)
        form.addRow(self.tr("Findings"), self.findings)
        self.photos = PhotosRow(self.tr("Check photos"))
        form.addRow(self.photos)
        self.error = error_label()
        form.addRow(self.error)
        ok_cancel(self, form, self.error)
        self.photos.changed.connect(self.error.clear)

    def save(self) -> None:
        try:
            self.svc.add_check(
                self.station_id, checker=self.checker.text(),
                checked_on=self.checked_on.date().toString(Qt.DateFormat.ISODate),
                findings=self.findings.toPlainText(),
                photos=[check_file(p) for p in self.photos.photos])
        except InspectorError as exc:
            self.error.setText(exc.localized())
            return
        self.accept()
