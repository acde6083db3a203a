"""Re-inspection (复查) of a company's hazards: choose, start, record results, complete.

Page 1 chooses the company (only those with open hazards), shows its open hazards with overdue
ones highlighted, the inspection to follow up and the inspectors. Page 2 records one result per
hazard, saved the moment it is given, with after-photos; "Complete re-inspection" closes the
accepted hazards and reopens the others in one go.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.bilingual import Bilingual
from inspector_app.domain.finding import (
    DEFAULT_DEADLINE_DAYS,
    GRADE_LABELS,
    STATUS_LABELS,
    Finding,
    Grade,
)
from inspector_app.domain.finding_status import AWAITING_COMPANY
from inspector_app.domain.governance import PLAN_ELEMENTS, GovernancePlan
from inspector_app.domain.inspection import Status
from inspector_app.domain.numbering import DocType
from inspector_app.domain.photo import PhotoTag
from inspector_app.errors import InspectorError
from inspector_app.services.context import AppContext
from inspector_app.services.reinspection import (
    NOT_RECTIFIED,
    RECTIFIED,
    OpenHazard,
    ReinspectionInfo,
    ReinspectionResult,
)
from inspector_app.ui import confirm
from inspector_app.ui.datetimes import localize_edit, show_date
from inspector_app.ui.labels import list_separator, pair
from inspector_app.ui.save_folder import Kind, open_files
from inspector_app.ui.signers import signer_names
from inspector_app.ui.table_columns import fit_columns
from inspector_app.ui.widgets.inspector_picker import InspectorPicker

if TYPE_CHECKING:
    from inspector_app.ui.dialogs.document_dialog import DocumentDialog

ERROR_STYLE = "color: #b00020;"
OVERDUE_BACKGROUND = QColor("#fde2e1")
OTHER_INSPECTION = QColor("#8a8a8a")
ID_ROLE = Qt.ItemDataRole.UserRole
PHOTO_FILTER = "*.jpg *.jpeg *.png *.webp *.heic"
# Lines kept for a hazard's message: a major hazard's (its plan, its acceptance) are longer.
MESSAGE_LINES = 1
MESSAGE_LINES_MAJOR = 3


def is_overdue(finding: Finding, today: date) -> bool:
    if finding.status not in AWAITING_COMPANY or not finding.deadline_in_force:
        return False
    return finding.deadline_in_force < today.isoformat()


class HazardResultEditor(QGroupBox):
    """The result of one hazard: rectified or not, a new deadline, a note, after-photos."""

    changed = Signal(str)          # finding id: the values are ready to be saved
    photos_requested = Signal(str)  # finding id
    plan_requested = Signal(str)    # finding id: edit a major hazard's governance plan

    def __init__(self, finding: Finding, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.today = today
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.rectified = QRadioButton()
        self.not_rectified = QRadioButton()
        self.group = QButtonGroup(self)
        self.group.addButton(self.rectified)
        self.group.addButton(self.not_rectified)
        self.new_deadline = QDateEdit()
        self.new_deadline.setCalendarPopup(True)
        localize_edit(self.new_deadline)
        days = DEFAULT_DEADLINE_DAYS[finding.grade]
        self.new_deadline.setDate(QDate(today + timedelta(days=days)))
        self.new_deadline.setMinimumDate(QDate(today + timedelta(days=1)))
        self.new_deadline.setEnabled(False)
        self.note = QLineEdit()
        self.photos_button = QPushButton()
        self.photos_label = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        # Its room is kept while it is empty: a message coming or going (after a click, after
        # saving the plan) must not move the hazards below under the pointer.
        keep = self.message.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.message.setSizePolicy(keep)
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing()
                                      * (MESSAGE_LINES_MAJOR if finding.grade is Grade.MAJOR
                                         else MESSAGE_LINES))
        self.message.setVisible(False)
        self._read_only = False
        # A major hazard: its governance plan, and the acceptance it is closed on.
        self.major = finding.grade is Grade.MAJOR
        self.plan_status = QLabel()
        self.plan_status.setWordWrap(True)
        self.plan_button = QPushButton()
        self.accepted_on = QDateEdit()
        self.accepted_on.setCalendarPopup(True)
        localize_edit(self.accepted_on)
        self.accepted_on.setDate(QDate(today))
        self.accepted_on.setMaximumDate(QDate(today))
        self.accepted_by = QLineEdit()
        self.acceptance_conclusion = QLineEdit()

        result_row = QHBoxLayout()
        result_row.addWidget(self.rectified)
        result_row.addWidget(self.not_rectified)
        result_row.addStretch(1)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photos_button)
        photo_row.addWidget(self.photos_label, 1)
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(7)]
        self.form.addRow(self._labels[0], result_row)
        self.form.addRow(self._labels[1], self.new_deadline)
        self.form.addRow(self._labels[2], self.note)
        self._labels[1].setBuddy(self.new_deadline)
        self._labels[2].setBuddy(self.note)
        if self.major:
            plan_row = QHBoxLayout()
            plan_row.addWidget(self.plan_status, 1)
            plan_row.addWidget(self.plan_button)
            self.form.addRow(self._labels[3], plan_row)
            for label, widget in zip(self._labels[4:], (self.accepted_on, self.accepted_by,
                                                        self.acceptance_conclusion), strict=True):
                self.form.addRow(label, widget)
                label.setBuddy(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.description)
        layout.addWidget(self.facts)
        layout.addLayout(self.form)
        layout.addLayout(photo_row)
        layout.addWidget(self.message)

        self.group.buttonToggled.connect(self._result_toggled)
        self.new_deadline.dateChanged.connect(lambda _d: self._emit())
        self.note.editingFinished.connect(self._emit)
        self.photos_button.clicked.connect(lambda: self.photos_requested.emit(finding.id))
        self.plan_button.clicked.connect(lambda: self.plan_requested.emit(finding.id))
        self.accepted_on.dateChanged.connect(lambda _d: self._emit())
        self.accepted_by.editingFinished.connect(self._emit)
        self.acceptance_conclusion.editingFinished.connect(self._emit)
        self._show_acceptance()
        self.retranslate()

    def result(self) -> str | None:
        if self.rectified.isChecked():
            return RECTIFIED
        if self.not_rectified.isChecked():
            return NOT_RECTIFIED
        return None

    def set_result(self, result: str) -> None:
        (self.rectified if result == RECTIFIED else self.not_rectified).setChecked(True)

    def deadline(self) -> str | None:
        if self.result() != NOT_RECTIFIED:
            return None
        return self.new_deadline.date().toString(Qt.DateFormat.ISODate)

    def note_text(self) -> str | None:
        return self.note.text().strip() or None

    def acceptance(self) -> dict[str, str | None]:
        """The acceptance (评估/验收) a rectified major hazard is closed on; empty otherwise."""
        if not (self.major and self.result() == RECTIFIED):
            return {}
        return {"accepted_on": self.accepted_on.date().toString(Qt.DateFormat.ISODate),
                "accepted_by": self.accepted_by.text().strip() or None,
                "acceptance_conclusion": self.acceptance_conclusion.text().strip() or None}

    def set_finding(self, finding: Finding) -> None:
        """The hazard as stored now (its plan changed)."""
        self.finding = finding
        self.retranslate()

    def _show_acceptance(self) -> None:
        """Acceptance belongs to a closing: filled in for a major hazard marked rectified.

        While the result can change its rows stay in place, greyed until "rectified" is chosen
        (rows appearing would move the fields below under the pointer); a final result shows
        them only when the hazard was closed.
        """
        if not self.major:
            return
        rectified = self.result() == RECTIFIED
        for widget in (self.accepted_on, self.accepted_by, self.acceptance_conclusion):
            widget.setEnabled(rectified and not self._read_only)
        for row in (4, 5, 6):
            self.form.setRowVisible(row, rectified or not self._read_only)

    def show_saved(self, saved: ReinspectionResult) -> None:
        """Show a stored result without saving it again."""
        for widget in (self.group, self.new_deadline, self.note):
            widget.blockSignals(True)
        self.set_result(saved.result)
        self.new_deadline.setEnabled(saved.result == NOT_RECTIFIED)
        if saved.new_deadline:
            self.new_deadline.setDate(QDate.fromString(saved.new_deadline, Qt.DateFormat.ISODate))
        self.note.setText(saved.note or "")
        if saved.accepted_on:
            self.accepted_on.setDate(QDate.fromString(saved.accepted_on, Qt.DateFormat.ISODate))
        self.accepted_by.setText(saved.accepted_by or "")
        self.acceptance_conclusion.setText(saved.acceptance_conclusion or "")
        for widget in (self.group, self.new_deadline, self.note):
            widget.blockSignals(False)
        self._show_acceptance()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for widget in (self.rectified, self.not_rectified, self.note, self.photos_button):
            widget.setEnabled(not read_only)
        self._show_acceptance()
        self.new_deadline.setEnabled(not read_only and self.result() == NOT_RECTIFIED)
        # A final result shows a new deadline only where one was set.
        self.form.setRowVisible(1, not read_only or self.result() == NOT_RECTIFIED)

    def set_photo_count(self, count: int) -> None:
        self.photos_label.setText(self.tr("%Ln after-photo(s)", "", count) if count else "")

    def set_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _result_toggled(self, _button: object, checked: bool) -> None:
        if checked:
            self.new_deadline.setEnabled(self.not_rectified.isChecked())
            self._show_acceptance()
            self._emit()

    def _emit(self) -> None:
        if self.result() is not None:
            self.changed.emit(self.finding.id)

    def retranslate(self) -> None:
        f = self.finding
        self.setTitle(self.tr("Hazard {0} · {1}").format(f.seq, pair(GRADE_LABELS[f.grade])))
        self.description.setText(f.description)
        overdue = is_overdue(f, self.today)
        facts = self.tr("Deadline: {0} · Status: {1}").format(
            show_date(f.deadline_in_force) or "—", pair(STATUS_LABELS[f.status]))
        if f.requirement:
            facts = self.tr("Requirement: {0}").format(f.requirement) + "\n" + facts
        if overdue:
            facts += " · " + self.tr("overdue")
        self.facts.setText(facts)
        self.facts.setStyleSheet(ERROR_STYLE if overdue else "color: #555;")
        self.rectified.setText(self.tr("&Rectified (close the hazard)"))
        self.not_rectified.setText(self.tr("&Not rectified (new deadline)"))
        for label, text in zip(self._labels[:3], (self.tr("Result:"), self.tr("New &deadline:"),
                                                  self.tr("N&ote:")), strict=True):
            label.setText(text)
        self.note.setPlaceholderText(self.tr("What was seen on site"))
        self.photos_button.setText(self.tr("Add after-photos…"))
        if self.major:
            missing = GovernancePlan.of(f).missing()
            if missing:
                names = pair(Bilingual(zh="、", en=", ")).join(
                    pair(label) for c, label in PLAN_ELEMENTS if c in missing)
                # One line, the names in the tooltip: a list shrinking to "complete" when the
                # plan is saved would move everything below it.
                self.plan_status.setText(self.tr("%Ln element(s) missing", "", len(missing)))
                self.plan_status.setToolTip(names)
                self.plan_status.setStyleSheet(ERROR_STYLE)
            else:
                self.plan_status.setText(self.tr("complete (all six elements)"))
                self.plan_status.setToolTip("")
                self.plan_status.setStyleSheet("")
            self.plan_button.setText(self.tr("Governance &plan…"))
            for label, text in zip(self._labels[3:], (
                    self.tr("Governance plan:"), self.tr("Accepted on:"),
                    self.tr("Accepted by:"), self.tr("Conclusion:")), strict=True):
                label.setText(text)
            self.accepted_by.setPlaceholderText(self.tr("Who assessed and accepted it"))
            self.acceptance_conclusion.setPlaceholderText(
                self.tr("The conclusion of the assessment / acceptance"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ReinspectionDialog(QDialog):
    reinspection_created = Signal(str)    # the new re-inspection's id
    reinspection_completed = Signal(str)  # hazards were closed or reopened

    def __init__(self, ctx: AppContext, company_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = ctx.reinspection
        self.photos = ctx.photos
        self.today = self.service.today()
        self.reinspection_id: str | None = None
        self.info: ReinspectionInfo | None = None
        self.editors: dict[str, HazardResultEditor] = {}
        self._hazards: list[OpenHazard] = []

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_start_page())
        self.pages.addWidget(self._build_results_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self.retranslate()
        self._fill_companies()
        if company_id:
            self.select_company(company_id)
        self.resize(920, 640)

    @classmethod
    def for_reinspection(cls, ctx: AppContext, reinspection_id: str,
                         parent: QWidget | None = None) -> ReinspectionDialog:
        """Reopen a re-inspection (a draft to go on with, or a completed one to look at)."""
        dialog = cls(ctx, parent=parent)
        dialog.show_reinspection(reinspection_id)
        return dialog

    # -- page 1: choosing ---------------------------------------------------------------------
    def _build_start_page(self) -> QWidget:
        page = QWidget()
        self.company = QComboBox()
        self.company.currentIndexChanged.connect(self._company_chosen)
        self.follows = QComboBox()
        self.follows.currentIndexChanged.connect(self._follows_chosen)
        self.hazard_table = QTableWidget(0, 6)
        self.hazard_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hazard_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.hazard_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.hazard_table.verticalHeader().setVisible(False)
        self.column_fitter = fit_columns(self.hazard_table, "reinspection_hazards", stretch=3)
        self.hazard_table.setMinimumHeight(180)
        self.hazard_table.cellClicked.connect(self._hazard_clicked)
        self.hazard_note = QLabel()
        self.hazard_note.setWordWrap(True)

        self.inspectors = InspectorPicker(self.ctx, list_height=110)

        self.place = QLineEdit()
        self.started = QDateTimeEdit(QDateTime.currentDateTime())
        self.started.setCalendarPopup(True)
        localize_edit(self.started, with_time=True)

        self.start_form = QFormLayout()
        self._start_labels = [QLabel() for _ in range(6)]
        fields = (self.company, self.follows, self.hazard_table, self.inspectors, self.place,
                  self.started)
        for label, field in zip(self._start_labels, fields, strict=True):
            self.start_form.addRow(label, field)
        for label, buddy in zip(self._start_labels, (self.company, self.follows,
                                                     self.hazard_table, self.inspectors,
                                                     self.place, self.started), strict=True):
            label.setBuddy(buddy)
        self.start_error = QLabel()
        self.start_error.setWordWrap(True)
        self.start_error.setStyleSheet(ERROR_STYLE)
        self.inspectors.problem.connect(self.start_error.setText)
        self.start_button = QPushButton()
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(page)
        layout.addLayout(self.start_form, 1)
        layout.addWidget(self.hazard_note)
        layout.addWidget(self.start_error)
        layout.addLayout(buttons)
        return page

    def _fill_companies(self) -> None:
        current = self.selected_company_id()
        self.company.blockSignals(True)
        self.company.clear()
        for c in self.service.companies_with_open_hazards():
            text = self.tr("{0} — {1} open").format(c.name, c.open_hazards)
            if c.overdue:
                text += self.tr(", {0} overdue").format(c.overdue)
            self.company.addItem(text, c.company_id)
        self.company.setCurrentIndex(self.company.findData(current) if current else -1)
        self.company.blockSignals(False)
        empty = self.company.count() == 0
        self.start_error.setText(self.tr("No company has open hazards: there is nothing to "
                                         "re-inspect.") if empty else "")
        if self.company.count() == 1:
            self.company.setCurrentIndex(0)
        self._update_start_button()

    def select_company(self, company_id: str) -> None:
        index = self.company.findData(company_id)
        if index >= 0:
            self.company.setCurrentIndex(index)
        else:
            self.start_error.setText(self.tr("This company has no open hazards."))

    def selected_company_id(self) -> str | None:
        return self.company.currentData()

    def _company_chosen(self, _index: int) -> None:
        company_id = self.selected_company_id()
        self._hazards = self.service.open_hazards(company_id) if company_id else []
        self.follows.blockSignals(True)
        self.follows.clear()
        seen: dict[str, int] = {}
        for h in self._hazards:
            seen[h.finding.inspection_id] = seen.get(h.finding.inspection_id, 0) + 1
        for inspection_id, count in seen.items():
            first = next(h for h in self._hazards if h.finding.inspection_id == inspection_id)
            self.follows.addItem(self.tr("{0} of {1} — %Ln open hazard(s)", "", count).format(
                first.inspection_number or inspection_id[:8], show_date(first.inspection_date)),
                inspection_id)
        self.follows.blockSignals(False)
        self.follows.setCurrentIndex(0 if self.follows.count() else -1)
        self._follows_chosen(self.follows.currentIndex())
        self.hazard_note.setText(self.tr(
            "The company has open hazards from %Ln inspection(s); a re-inspection follows up one "
            "of them. Hazards of the others are greyed.", "", len(seen)) if len(seen) > 1 else "")

    def _follows_chosen(self, _index: int) -> None:
        chosen = self.follows.currentData()
        table = self.hazard_table
        table.setRowCount(len(self._hazards))
        bold = QFont()
        bold.setBold(True)
        for row, h in enumerate(self._hazards):
            f = h.finding
            overdue = is_overdue(f, self.today)
            cells = [h.inspection_number or "", str(f.seq), pair(GRADE_LABELS[f.grade]),
                     f.description, show_date(f.deadline_in_force), pair(STATUS_LABELS[f.status])]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(ID_ROLE, f.inspection_id)
                cell.setToolTip(f.description if column == 3 else text)
                if f.inspection_id != chosen:
                    cell.setForeground(QBrush(OTHER_INSPECTION))
                if overdue:
                    cell.setBackground(QBrush(OVERDUE_BACKGROUND))
                    if column == 4:
                        cell.setFont(bold)
                        cell.setToolTip(self.tr("Overdue since {0}").format(
                            f.deadline_in_force))
                table.setItem(row, column, cell)
        self._update_start_button()

    def _hazard_clicked(self, row: int, _column: int) -> None:
        cell = self.hazard_table.item(row, 0)
        if cell is not None:
            index = self.follows.findData(cell.data(ID_ROLE))
            if index >= 0 and index != self.follows.currentIndex():
                self.follows.setCurrentIndex(index)

    def checked_inspector_ids(self) -> list[str]:
        return self.inspectors.checked_ids()

    def set_inspector_checked(self, inspector_id: str, checked: bool = True) -> None:
        self.inspectors.set_checked(inspector_id, checked)

    def _update_start_button(self) -> None:
        self.start_button.setEnabled(self.follows.currentData() is not None)

    def start(self) -> None:
        original = self.follows.currentData()
        if original is None:
            self.start_error.setText(self.tr("Choose a company with open hazards."))
            return
        started_at = self.started.dateTime().toPython().astimezone().isoformat(
            timespec="minutes")
        try:
            reinspection_id = self.service.start(original, self.checked_inspector_ids(),
                                                 started_at=started_at,
                                                 place=self.place.text().strip() or None)
        except InspectorError as exc:  # e.g. an official re-inspection with one inspector
            self.start_error.setText(exc.localized())
            return
        self.show_reinspection(reinspection_id)
        self.reinspection_created.emit(reinspection_id)

    # -- page 2: results ----------------------------------------------------------------------
    def _build_results_page(self) -> QWidget:
        page = QWidget()
        self.results_header = QLabel()
        self.results_header.setWordWrap(True)
        self.results_header.setTextFormat(Qt.TextFormat.RichText)
        self.editor_box = QWidget()
        self.editor_layout = QVBoxLayout(self.editor_box)
        self.editor_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.editor_box)
        self.results_error = QLabel()
        self.results_error.setWordWrap(True)
        self.results_error.setStyleSheet(ERROR_STYLE)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #1b5e20; font-weight: 600;")
        self.complete_button = QPushButton()
        self.complete_button.clicked.connect(self.complete)
        self.signatures_button = QPushButton()
        self.signatures_button.clicked.connect(self.open_signatures)
        # The opinion (整改复查意见书) is printed from here, as the inspection window's documents.
        self.documents_button = QPushButton()
        self.documents_button.setShortcut(QKeySequence("Ctrl+P"))
        self.documents_button.clicked.connect(self.open_documents)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.signatures_button)
        buttons.addWidget(self.documents_button)
        buttons.addStretch(1)
        buttons.addWidget(self.complete_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.results_header)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.results_error)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        return page

    def show_reinspection(self, reinspection_id: str) -> None:
        self.reinspection_id = reinspection_id
        self.info = self.service.get(reinspection_id)
        for editor in self.editors.values():
            # Out of the layout at once: deleteLater alone would leave it on screen until the
            # event loop runs, beside its replacement.
            self.editor_layout.removeWidget(editor)
            editor.hide()
            editor.deleteLater()
        self.editors.clear()
        saved = {r.finding_id: r for r in self.service.results(reinspection_id)}
        draft = self.info.status is Status.DRAFT
        for finding in self.service.hazards(reinspection_id):
            editor = HazardResultEditor(finding, self.today)
            if finding.id in saved:
                editor.show_saved(saved[finding.id])
            editor.set_read_only(not draft)
            editor.set_photo_count(self._photo_count(finding.id))
            editor.changed.connect(self._save_result)
            editor.photos_requested.connect(self.add_after_photos)
            editor.plan_requested.connect(self.edit_plan)
            self.editor_layout.insertWidget(self.editor_layout.count() - 1, editor)
            self.editors[finding.id] = editor
        self.complete_button.setVisible(draft)
        self.results_error.clear()
        self.summary.setText("" if draft else self._summary_text(saved.values()))
        self._update_results_header()
        self.pages.setCurrentIndex(1)

    def _update_results_header(self) -> None:
        info = self.info
        if info is None:
            return
        self.setWindowTitle(self.tr("Re-inspection {0}").format(info.number or ""))
        team = list_separator().join(i.name for i in info.inspectors)
        self.results_header.setText(
            f"<b>{escape(info.number or '')}</b> &nbsp; {escape(info.company_name)}<br>"
            + escape(self.tr("Follows up {0} of {1} · inspectors: {2}").format(
                info.follows_number or "", show_date(info.follows_date), team)))

    def _summary_text(self, results: Iterable[ReinspectionResult]) -> str:
        values = list(results)
        closed = sum(1 for r in values if r.result == RECTIFIED)
        return self.tr("Re-inspection completed: {0} hazard(s) closed, {1} reopened.").format(
            closed, len(values) - closed)

    def _photo_count(self, finding_id: str) -> int:
        if self.reinspection_id is None:
            return 0
        return len(self.photos.list(self.reinspection_id, finding_id=finding_id,
                                    tag=PhotoTag.AFTER))

    def _save_result(self, finding_id: str) -> None:
        editor = self.editors[finding_id]
        try:
            self.service.record_result(self.reinspection_id or "", finding_id,
                                       editor.result() or "", editor.deadline(),
                                       editor.note_text(), **editor.acceptance())
        except InspectorError as exc:
            editor.set_message(exc.localized())
            return
        editor.set_message("")

    def edit_plan(self, finding_id: str) -> None:
        """Open the governance plan of a major hazard; saving it re-checks a chosen result."""
        from inspector_app.ui.dialogs.governance_plan_dialog import GovernancePlanDialog

        editor = self.editors[finding_id]
        read_only = self.info is None or self.info.status is not Status.DRAFT
        dialog = GovernancePlanDialog(editor.finding, read_only=read_only, parent=self)
        self.plan_dialog = dialog  # reachable while open (tests, screenshots)
        if dialog.exec() != QDialog.DialogCode.Accepted or read_only:
            return
        try:
            finding = self.service.set_plan(finding_id, dialog.plan())
        except InspectorError as exc:
            editor.set_message(exc.localized())
            return
        editor.set_finding(finding)
        if editor.result():
            self._save_result(finding_id)

    def add_after_photos(self, finding_id: str) -> None:
        if self.reinspection_id is None:
            return
        files = open_files(self, Kind.PHOTOS, self.tr("Add after-photos"),
                           self.tr("Photos ({0})").format(PHOTO_FILTER))
        if not files:
            return
        editor = self.editors[finding_id]
        try:
            results = self.photos.add_files(self.reinspection_id, files, finding_id=finding_id,
                                            tag=PhotoTag.AFTER)
        except InspectorError as exc:
            editor.set_message(exc.localized())
            return
        refused = [r.named() for r in results if r.status == "refused"]
        editor.set_message("\n".join(refused))
        editor.set_photo_count(self._photo_count(finding_id))

    def _confirm_completion(self) -> bool:
        """Closing a hazard (销号) is final: say how many close and how many reopen."""
        results = [editor.result() for editor in self.editors.values()]
        closed, reopened = results.count(RECTIFIED), results.count(NOT_RECTIFIED)
        return confirm.ask(self, self.tr("Complete re-inspection"), self.tr(
            "Complete the re-inspection?\n\n%1 hazard(s) found rectified will be closed "
            "and %2 not rectified will be reopened with their new deadlines. The results can "
            "no longer be changed afterwards, and a closed hazard stays closed.")
            .replace("%1", str(closed)).replace("%2", str(reopened)),
            self.tr("&Complete"))

    def complete(self) -> None:
        if self.reinspection_id is None:
            return
        # A note still being typed is saved first (unchanged results are not written again).
        for editor in self.editors.values():
            if editor.result():
                self._save_result(editor.finding.id)
        # The opinion carries the results and the signatures under them: every result first,
        # then every signature, as a record is signed before it is locked.
        if not self.service.missing(self.reinspection_id):
            unsigned = self.ctx.signatures.missing_signers(self.reinspection_id)
            if unsigned:
                self.results_error.setText(self.tr(
                    "Signatures are still missing: {0}. Collect them with Signatures… before "
                    "completing; nothing was changed.").format(signer_names(unsigned)))
                return
            if not self._confirm_completion():
                return
        try:
            outcome = self.service.complete(self.reinspection_id)
        except InspectorError as exc:
            self.results_error.setText(exc.localized())
            return
        if outcome.missing:
            seqs = ", ".join(str(f.seq) for f in outcome.missing)
            self.results_error.setText(self.tr(
                "%Ln hazard(s) have no result yet: {0}. Nothing was changed.", "",
                len(outcome.missing)).format(seqs))
            for f in outcome.missing:
                self.editors[f.id].set_message(self.tr("Choose rectified or not rectified."))
            return
        self.show_reinspection(self.reinspection_id)
        self.summary.setText(self.tr(
            "Re-inspection completed: {0} hazard(s) closed, {1} reopened.").format(
            len(outcome.closed), len(outcome.reopened)))
        self.reinspection_completed.emit(self.reinspection_id)

    def open_signatures(self) -> None:
        from inspector_app.ui.dialogs.signatures_dialog import SignaturesDialog

        if self.reinspection_id is None:
            return
        self.signatures_dialog = SignaturesDialog(self.ctx, self.reinspection_id, self)
        self.signatures_dialog.open()

    def open_documents(self) -> DocumentDialog | None:
        """Print or export the re-inspection's documents, its opinion first; the same documents
        and refusals as ``export pdf <id> --document …``."""
        from inspector_app.ui.dialogs.document_dialog import DocumentDialog

        if self.reinspection_id is None:
            return None
        dialog = DocumentDialog(self.ctx, self.reinspection_id, self,
                                first=DocType.REINSPECTION)
        self.document_dialog = dialog
        dialog.open()
        return dialog

    # -- language -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        if self.info is None:
            self.setWindowTitle(self.tr("Re-inspection"))
        texts = (self.tr("&Company:"), self.tr("&Follow up:"), self.tr("Open hazards:"),
                 self.tr("&Inspectors:"), self.tr("&Place:"), self.tr("&Start:"))
        for label, text in zip(self._start_labels, texts, strict=True):
            label.setText(text)
        self.hazard_table.setHorizontalHeaderLabels([
            self.tr("Inspection"), self.tr("No."), self.tr("Grade"), self.tr("Hazard"),
            self.tr("Deadline"), self.tr("Status")])
        self.place.setPlaceholderText(self.tr("e.g. 一号车间"))
        self.start_button.setText(self.tr("Start re-inspection"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.complete_button.setText(self.tr("Complete re-inspection"))
        self.signatures_button.setText(self.tr("Signatures…"))
        self.documents_button.setText(self.tr("Documents…"))
        self.close_button.setText(self.tr("Close"))
        self._update_results_header()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.pages.currentIndex() == 0:
                self._fill_companies()
        super().changeEvent(event)
