"""The Sync screen: export a bundle to a USB stick, import one, and the history with reports.

Export and import run on the thread pool; each worker opens its own database connection, and
results come back on the main thread through the task's signals.
"""

from __future__ import annotations

import json
import logging
import zipfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.numbering import LOW_WATER
from inspector_app.errors import InspectorError
from inspector_app.services.context import AppContext
from inspector_app.services.numbers import Shortage
from inspector_app.services.pki import decrypt_key
from inspector_app.services.sync import export_bundle, history, import_bundle
from inspector_app.services.sync.conflicts import (
    ConflictInfo,
    Keep,
    list_conflicts,
    resolve,
    review,
)
from inspector_app.services.sync.people import device_labels
from inspector_app.services.sync.report import ImportReport, detail_lines, summary
from inspector_app.services.sync.words import table_words
from inspector_app.ui import advice, messages
from inspector_app.ui.datetimes import show_datetime
from inspector_app.ui.labels import ui_lang
from inspector_app.ui.pages.base import Page
from inspector_app.ui.passphrase_keeper import PassphraseKeeper
from inspector_app.ui.save_folder import Kind, open_file, open_folder
from inspector_app.ui.table_columns import fit_columns
from inspector_app.ui.tasks import Task, TaskControl, TaskRunner

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #b00020;"
LOW_STYLE = "color: #b45309;"  # amber: a warning, not an error


def export_task(control: TaskControl, ctx: AppContext, folder: Path, passphrase: str,
                full: bool) -> str:
    with ctx.for_worker() as worker:
        return str(export_bundle(worker.db, worker.data_dir, worker.device, folder,
                                 passphrase=passphrase, full=full, control=control))


def import_task(control: TaskControl, ctx: AppContext, path: Path,
                org_passphrase: str | None) -> ImportReport:
    with ctx.for_worker() as worker:
        return import_bundle(worker.db, worker.data_dir, worker.device, path,
                             org_passphrase=org_passphrase, control=control)


def low_numbers(_control: TaskControl | None, ctx: AppContext) -> list[tuple[str, Shortage]]:
    """On the office: the laptops whose numbers are nearly used up, each with the name the
    page gives it; empty elsewhere or when every laptop has enough."""
    with ctx.for_worker() as worker:
        numbers = worker.numbers
        if not numbers.allocates():
            return []
        shortages = numbers.shortages()
        labels = device_labels(worker.db, [s.device_id for s in shortages])
        return [(labels.get(s.device_id, s.device), s) for s in shortages]


def _numbered(control: TaskControl, count: int, fn: Any, *args: Any) -> tuple[int, Any]:
    """``fn``'s result with the number the page gave the task, to tell its answer apart."""
    return count, fn(control, *args)


def is_encrypted(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            return "envelope.json" in zf.namelist()
    except (OSError, zipfile.BadZipFile):
        return False  # the import itself says what is wrong with the file


class SyncPage(Page):
    page_id = "sync"
    finished = Signal(bool, str)   # success, what happened in words

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # The main window puts its own keeper here; a page shown on its own keeps its own.
        self.passphrases = PassphraseKeeper(self)
        self.runner = TaskRunner()
        self._task: Task | None = None
        self._importing: Path | None = None  # the file of the import running, to name it
        # The count of the laptops low on numbers after an import, told only if it is the
        # last one asked for and no export or import started since; and what the import told.
        self._low_count = 0
        self._low_told: str | None = None
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.export_button = QPushButton()
        self.full_button = QPushButton()
        self.import_button = QPushButton()
        self.cancel_button = QPushButton()
        self.export_button.clicked.connect(lambda: self.choose_export(full=False))
        self.full_button.clicked.connect(lambda: self.choose_export(full=True))
        self.import_button.clicked.connect(self.choose_import)
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        for button in (self.export_button, self.full_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        self.progress = QProgressBar()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 6)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.column_fitter = fit_columns(self.table, "sync_history", stretch=3)
        self.table.itemSelectionChanged.connect(self._show_report)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        # The report speaks of records and photos; the merge's own table-by-table account is
        # kept for whoever needs it.
        self.report_details = QCheckBox()
        self.report_details.toggled.connect(lambda _on: self._show_report())
        report_box = QWidget()
        report_layout = QVBoxLayout(report_box)
        report_layout.setContentsMargins(0, 0, 0, 0)
        report_layout.addWidget(self.report, 1)
        report_layout.addWidget(self.report_details)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(report_box)
        split.addWidget(self._conflicts_box())
        self.layout_.addWidget(self.explain)
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(self.progress)
        self.layout_.addWidget(self.status)
        self.layout_.addWidget(split, 1)
        self._rows: list[dict[str, Any]] = []
        self._conflicts: list[ConflictInfo] = []
        self._busy(False)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Sync")

    def retranslate(self) -> None:
        super().retranslate()
        self.explain.setText(self.tr(
            "Move records between this computer and the office on a USB stick: one export file "
            "per computer, merged without losing or doubling anything."))
        self.export_button.setText(self.tr("&Export…"))
        self.full_button.setText(self.tr("&Full export…"))
        self.import_button.setText(self.tr("&Import…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Direction"), self.tr("Kind"), self.tr("File"),
            self.tr("From"), self.tr("Status")])
        self.report_details.setText(self.tr("Show the details (table by table)"))
        self.conflicts_title.setText(self.tr("Conflicts: drafts changed here and on another "
                                             "computer, and numbers printed on two records. "
                                             "Select one to see your choices."))
        self.keep_local_button.setText(self.tr("Keep this computer's"))
        self.take_other_button.setText(self.tr("Take the other"))
        self.review_button.setText(self.tr("Mark as reviewed"))
        self.conflicts.setHorizontalHeaderLabels([
            self.tr("Company"), self.tr("Number"), self.tr("What differs"),
            self.tr("Changed by"), self.tr("When")])
        self.refresh()

    # -- history -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self._rows = history(self.ctx.db, data_dir=self.ctx.data_dir)
        self.table.setRowCount(len(self._rows))
        for r, row in enumerate(self._rows):
            cells = (show_datetime(row["created_at"]),
                     self.tr("out") if row["direction"] == "out" else self.tr("in"),
                     self._kind_text(row["kind"]), row["file_name"] or "",
                     row["from"],
                     self._status_text(row["status"]))
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self._show_report()
        self.refresh_conflicts()

    def _show_report(self) -> None:
        selected = self.table.selectionModel().selectedRows() if self.table.selectionModel() \
            else []
        if not selected:
            self.report.setPlainText("")
            return
        row = self._rows[selected[0].row()]
        report = json.loads(row["report"]) if row["report"] else {}
        self._show_report_json(report, row["direction"])

    def _show_report_json(self, report: dict[str, Any], direction: str) -> None:
        text = "\n".join(summary(report, direction, ui_lang()))
        if self.report_details.isChecked():
            if "tables" in report:  # an import: its counts and notes in the reader's words
                raw = detail_lines(report, ui_lang())
            elif "lines" in report:
                raw = report["lines"]
            else:
                raw = [f"{messages.localized(table_words(table))}: {n}"
                       for table, n in report.get("counts", {}).items() if n]
            text += "\n\n" + "\n".join(raw)
        self.report.setPlainText(text)

    def _kind_text(self, kind: str | None) -> str:
        return {"laptop": self.tr("from a laptop"), "office": self.tr("from the office"),
                "full": self.tr("full export")}.get(kind or "", kind or "")

    def _status_text(self, status: str | None) -> str:
        return {"written": self.tr("written"), "imported": self.tr("imported"),
                "already imported": self.tr("already imported"),
                "refused": self.tr("refused")}.get(status or "", status or "")

    # -- conflicts ---------------------------------------------------------------------------
    def _conflicts_box(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.conflicts_title = QLabel()
        self.conflicts_title.setWordWrap(True)
        self.conflicts = QTableWidget(0, 5)
        self.conflicts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflicts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflicts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflicts.verticalHeader().hide()
        self.conflicts_fitter = fit_columns(self.conflicts, "sync_conflicts", stretch=0)
        self.conflicts.itemSelectionChanged.connect(self._conflict_buttons)
        self.keep_local_button = QPushButton()
        self.take_other_button = QPushButton()
        self.review_button = QPushButton()
        self.keep_local_button.clicked.connect(lambda: self.choose_resolution("local"))
        self.take_other_button.clicked.connect(lambda: self.choose_resolution("incoming"))
        self.review_button.clicked.connect(self.choose_review)
        # What the selected conflict is and what each button would do (also their tooltips).
        self.conflict_help = QLabel()
        self.conflict_help.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_local_button)
        buttons.addWidget(self.take_other_button)
        buttons.addWidget(self.review_button)
        buttons.addStretch(1)
        layout.addWidget(self.conflicts_title)
        layout.addWidget(self.conflicts, 1)
        layout.addWidget(self.conflict_help)
        layout.addLayout(buttons)
        return box

    def refresh_conflicts(self) -> None:
        self._conflicts = list_conflicts(self.ctx.db)
        self.conflicts.setRowCount(len(self._conflicts))
        for r, c in enumerate(self._conflicts):
            cells = (c.company, c.number, self._difference(c), c.changed_by,
                     show_datetime(c.changed_at))
            for col, text in enumerate(cells):
                self.conflicts.setItem(r, col, QTableWidgetItem(text))
        self._conflict_buttons()

    def _difference(self, c: ConflictInfo) -> str:
        if not c.resolvable:  # not two versions of one draft: fixed by hand
            if c.reason == "number":
                return self.tr("the same record number was used twice")
            return c.said().localized()
        text = self.tr("{0} answer(s) differ").format(c.answers_differing)
        if c.findings_here != c.findings_incoming:
            text += self.tr("; hazards: {0} here, {1} in the other").format(
                c.findings_here, c.findings_incoming)
        return text

    def selected_conflict(self) -> ConflictInfo | None:
        model = self.conflicts.selectionModel()
        selected = model.selectedRows() if model else []
        return self._conflicts[selected[0].row()] if selected else None

    def _conflict_buttons(self) -> None:
        """Each button enabled only for what it can do, its tooltip saying what that is or
        why not; the line above the buttons explains the selected conflict."""
        chosen = self.selected_conflict()
        keep = self.tr("Keeps this computer's version of the draft; the version from the "
                       "other computer is deleted here.")
        take = self.tr("Replaces this computer's version of the draft with the one from the "
                       "other computer; this computer's version is deleted.")
        reviewed = self.tr("Both records keep the number; the clash leaves this list and the "
                           "review is noted in both records' history.")
        if chosen is None:
            why = self.tr("Select a conflict in the list first.")
            tips, help_text = (why, why, why), ""
        elif chosen.resolvable:
            tips = (keep, take, self.tr("Only for a number printed on two records."))
            help_text = self.tr("The same draft was changed here and on {0}: choose the "
                                "version to keep.").format(chosen.changed_by)
        elif chosen.reviewable:
            why = self.tr("These are two different records, not two versions of one draft: "
                          "neither is deleted, and a signed record's number never changes.")
            tips = (why, why, reviewed)
            help_text = self.tr("{0} is printed on two records ({1}; {2}). Both keep it. Check "
                                "both records (the same visit entered twice?), then mark the "
                                "clash as reviewed.").format(chosen.number, chosen.company,
                                                             chosen.other_company)
        else:
            why = self.tr("Not two versions of one draft: correct the records by hand.")
            tips, help_text = (why, why, why), f"{why} ({chosen.said().localized()})"
        usable = (chosen is not None and chosen.resolvable,
                  chosen is not None and chosen.resolvable,
                  chosen is not None and chosen.reviewable)
        for button, tip, on in zip((self.keep_local_button, self.take_other_button,
                                    self.review_button), tips, usable, strict=True):
            button.setEnabled(on)
            button.setToolTip(tip)
        self.conflict_help.setText(help_text)
        self.conflict_help.setVisible(bool(help_text))

    def choose_review(self) -> None:
        chosen = self.selected_conflict()
        if chosen is None:
            return
        answer = QMessageBox.question(self, self.tr("Mark as reviewed"), self.tr(
            "Both records keep the number {0}. Take the clash off the list?").format(
                chosen.number))
        if answer == QMessageBox.StandardButton.Yes:
            self.review_conflict(chosen.id)

    def review_conflict(self, conflict_id: str) -> bool:
        try:
            review(self.ctx.db, self.ctx.device, conflict_id, self.ctx.actor)
        except InspectorError as exc:
            self._fail(exc.localized())
            return False
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Conflict marked as reviewed."))
        self.refresh_conflicts()
        return True

    def choose_resolution(self, keep: Keep) -> None:
        chosen = self.selected_conflict()
        if chosen is None:
            return
        question = (self.tr("Keep this computer's version of {0} and delete the other one?")
                    if keep == "local" else
                    self.tr("Replace this computer's version of {0} with the one from {1}?"))
        answer = QMessageBox.question(self, self.tr("Resolve the conflict"), question.format(
            chosen.number or chosen.company, chosen.changed_by))
        if answer == QMessageBox.StandardButton.Yes:
            self.resolve_conflict(chosen.id, keep)

    def resolve_conflict(self, conflict_id: str, keep: Keep) -> bool:
        try:
            resolve(self.ctx.db, self.ctx.device, conflict_id, keep, self.ctx.actor)
        except InspectorError as exc:
            self._fail(exc.localized())
            return False
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Conflict resolved."))
        self.refresh_conflicts()
        return True

    # -- passphrases (checked here, so a typo is corrected before any work starts) -----------
    def _identity_passphrase(self) -> str | None:
        pki = self.ctx.pki
        identity = pki.identity()
        org = pki.org()
        if identity is None and org is None:
            # Where to do it, as Sign and lock says: a newcomer does not know the menu yet.
            self._fail(self.tr("This computer has no signing identity, so it cannot sign an "
                               "export: import the enrolment file from the office first "
                               "({0}).").format(advice.menu_path("Signing &identity…")))
            return None
        key = identity[0].fingerprint if identity else "org"
        prompt = (self.tr("Passphrase of your signing identity ({0}):")
                  .format(identity[0].subject_name) if identity
                  else self.tr("Passphrase of the organisation's root key:"))
        return self._ask(prompt, key, lambda p: pki.unlock(p) if identity
                         else decrypt_key(org[2], p))  # type: ignore[index]

    def _org_passphrase(self) -> str | None:
        org = self.ctx.pki.org()
        if org is None:
            return ""  # the import refuses with the reason
        return self._ask(self.tr("This bundle is encrypted for the office. Passphrase of the "
                                 "organisation's root key:"), "org",
                         lambda p: decrypt_key(org[2], p))

    def _ask(self, prompt: str, key: str, check: Any) -> str | None:
        def checked(passphrase: str) -> str:
            check(passphrase)
            return passphrase

        return self.passphrases.ask(self, prompt, key, checked)

    # -- actions -----------------------------------------------------------------------------
    def choose_export(self, full: bool = False) -> None:
        # What can refuse the export is settled before the user goes looking for the USB stick.
        passphrase = self._identity_passphrase()
        if passphrase is None:
            return
        folder = open_folder(self, Kind.BUNDLES, self.tr("Export to which folder (the USB stick)?"))
        if folder is not None:
            self.export_to(folder, passphrase, full=full)

    def choose_import(self) -> None:
        path = open_file(self, Kind.BUNDLES, self.tr("Import a bundle"),
                         self.tr("Inspector bundles (*.inspx)"))
        if path is not None:
            self._import_chosen(str(path))

    def offer_import(self, path: Path) -> QMessageBox:
        """Ask whether to import ``path`` (a bundle opened from the file manager or a
        terminal); the import starts when the user agrees."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Import a bundle"), self.tr(
            "Import the bundle {0}?\n\nEverything in it is checked before anything changes; "
            "records already here are never overwritten.").format(path),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Import"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.accepted.connect(lambda: self._import_chosen(str(path)))
        self.import_offer = box
        box.open()
        return box

    def _import_chosen(self, path: str) -> None:
        if self._task is not None:
            self._fail(self.tr("Another export or import is running; try again when it ends."))
            return
        org_passphrase = None
        if is_encrypted(Path(path)):
            org_passphrase = self._org_passphrase()
            if org_passphrase is None:
                return
        self.import_file(Path(path), org_passphrase or None)

    def export_to(self, folder: Path, passphrase: str, *, full: bool = False) -> Task:
        self.status.setText(self.tr("Writing the export…"))
        self._importing = None
        return self._start(Task(export_task, self.ctx, folder, passphrase, full), self._exported)

    def import_file(self, path: Path, org_passphrase: str | None = None) -> Task:
        self.status.setText(self.tr("Checking and importing {0}…").format(path.name))
        self._importing = path
        return self._start(Task(import_task, self.ctx, path, org_passphrase), self._imported)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _start(self, task: Task, done: Any) -> Task:
        self._task = task
        self._low_told = None
        self.status.setStyleSheet("")
        self.progress.setRange(0, 0)
        self._busy(True)
        task.signals.progress.connect(self._progress)
        # The buttons come back before the outcome is told (slots run in connection order), so
        # whoever hears ``finished`` finds the page ready for the next export or import.
        for outcome in (task.signals.succeeded, task.signals.failed, task.signals.cancelled):
            outcome.connect(lambda *_args: self._busy(False))
        task.signals.succeeded.connect(done)
        task.signals.failed.connect(self._failed)
        task.signals.cancelled.connect(self._cancelled)
        task.signals.finished.connect(lambda: self._busy(False))
        return self.runner.start(task)

    def _busy(self, busy: bool) -> None:
        if not busy:
            self._task = None
        for button in (self.export_button, self.full_button, self.import_button):
            button.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.progress.setVisible(busy)

    def _progress(self, done: int, total: int, _text: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _exported(self, path: str) -> None:
        text = self.tr("Export written: {0}").format(path)
        self.status.setText(text)
        messages.info(text)
        self.refresh()
        self.finished.emit(True, text)

    def _imported(self, report: ImportReport) -> None:
        told = summary(report.to_json(), "in", ui_lang())
        self.status.setText(told[0])
        self.refresh()
        self._show_report_json(report.to_json(), "in")
        self._count_low_numbers(told[0])
        self.finished.emit(True, told[0])

    def _count_low_numbers(self, told: str) -> None:
        """Add to ``told`` the laptops nearly out of numbers, now that their documents came
        back: counted on the thread pool (every block's unused numbers), told when known."""
        self._low_count += 1
        self._low_told = told
        task = Task(_numbered, self._low_count, low_numbers, self.ctx)
        # Bound methods, not lambdas: a page closed meanwhile is no longer called.
        task.signals.succeeded.connect(self._low_numbers_counted)
        task.signals.failed.connect(self._low_numbers_failed)
        self.runner.start(task)

    def _low_numbers_counted(self, result: tuple[int, list[tuple[str, Shortage]]]) -> None:
        count, found = result
        told = self._low_told
        if count != self._low_count or told is None:
            return  # counted again since, or an export or import started: that one is told
        self._low_told = None
        low = self.low_numbers_notice(found)
        if not low:
            return
        if self.status.text() == told:  # not if it tells something done since (a conflict)
            self.status.setStyleSheet(LOW_STYLE)
            self.status.setText(told + "\n" + low)
        messages.info(low)

    def _low_numbers_failed(self, exc: BaseException, _trace: str) -> None:
        if not isinstance(exc, InspectorError):
            raise exc  # a bug: the crash dialog shows it
        # The import is done and told; only the reminder is missing (the blocks dialog has it).
        log.warning("the numbers left could not be counted: %s", exc)

    def low_numbers_notice(self, found: list[tuple[str, Shortage]]) -> str:
        """The notice of the laptops nearly out of numbers (``low_numbers``); empty if none."""
        if not found:
            return ""
        each = [self.tr("{0}: {1}〔{2}〕 %n left", "", s.left).format(label, s.word, s.year)
                for label, s in found]
        return self.tr("Document numbers nearly used up (fewer than {0} left): {1}. Give these "
                       "laptops another block ({2}) before they run out.").format(
            LOW_WATER, self.tr("; ").join(each), advice.menu_path("Document-number &blocks…"))

    def _cancelled(self) -> None:
        text = self.tr("Cancelled; nothing was changed.")
        self.status.setText(text)
        self.finished.emit(False, text)

    def _failed(self, exc: BaseException, trace: str) -> None:
        if not isinstance(exc, InspectorError):
            raise exc  # a bug: the crash dialog shows it
        if self._importing is None:
            self._fail(exc.localized())
            return
        # The file named, and the details show this refusal, not the import shown before.
        name = self._importing.name
        self.refresh()
        if not self._select_refusal(name):
            self.table.clearSelection()
            self.report.setPlainText(exc.localized())
        self._fail(self.tr("Not imported: {0}").format(name) + "\n" + exc.localized())

    def _select_refusal(self, file_name: str) -> bool:
        """Select the history row the import just recorded for ``file_name``'s refusal."""
        if self._rows and self._rows[0]["status"] == "refused" \
                and self._rows[0]["file_name"] == file_name:
            self.table.selectRow(0)
            return True
        return False

    def _fail(self, text: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(text)
        self.finished.emit(False, text)
