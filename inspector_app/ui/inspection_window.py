"""Filling a checklist on site: every answer saved the moment it is given.

Keyboard: Ctrl+Down / Ctrl+Up next and previous item, 1/2/3 compliant / non-compliant / not
applicable (or the n-th choice), N types a note, Esc goes back to the list, F3 next unanswered,
Ctrl+L legal basis and guidance, Ctrl+Return complete.
"""

from __future__ import annotations

import weakref
from dataclasses import replace
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.checklist import Answer, ItemType, is_complete_answer, score
from inspector_app.domain.emergency import PLAN_STATUS_LABELS, label
from inspector_app.domain.inspection import KIND_LABELS, STATUS_LABELS, Missing, Status
from inspector_app.domain.photo import Photo
from inspector_app.errors import InspectorError
from inspector_app.services.context import AppContext
from inspector_app.services.history import history_lines
from inspector_app.services.inspections import InspectionRecord, InspectionService
from inspector_app.services.signing import sign_pdf_bytes
from inspector_app.ui import advice, messages
from inspector_app.ui.dialogs.document_dialog import DocumentDialog
from inspector_app.ui.dialogs.inspection_dialogs import (
    HistoryDialog,
    MissingDialog,
    NewHazardDialog,
)
from inspector_app.ui.dialogs.signatures_dialog import SignaturesDialog
from inspector_app.ui.labels import local, pair, ui_lang
from inspector_app.ui.models.checklist_model import ChecklistModel
from inspector_app.ui.passphrase_keeper import PassphraseKeeper
from inspector_app.ui.shortcuts import show_in_tooltip
from inspector_app.ui.signers import signer_names
from inspector_app.ui.table_columns import fit_columns
from inspector_app.ui.tasks import Task, TaskControl, TaskRunner, run_off_thread
from inspector_app.ui.widgets.hazard_list import HazardList
from inspector_app.ui.widgets.item_panel import ItemPanel
from inspector_app.ui.widgets.live_text import LiveText
from inspector_app.ui.widgets.numbers_left import NumbersLeftLabel
from inspector_app.ui.widgets.photo_gallery import PhotoGallery

# A record with a few photos is signed before a dialog would show; one with many large photos
# (or on a slow USB disk) takes seconds, and gets one that can cancel.
SIGN_PROGRESS_AFTER_MS = 400


def sign_task(control: TaskControl, ctx: AppContext, inspection_id: str, cert: Any, key: Any,
              actor: str | None) -> str:
    """Check the photos, lock and sign the record, on a worker thread's own connection; the
    record signature's id. Cancelled before the signature itself, nothing has changed."""
    control.check_cancelled()
    with ctx.for_worker() as worker:
        return worker.signing.sign_unlocked(inspection_id, cert, key, actor, control)


class AnswerChange(QUndoCommand):
    """One chosen answer, undone with Ctrl+Z: the answer and any hazard go back as they were.

    The service does the hazard part: an answer turned non-compliant again restores the hazard
    it withdrew, with everything typed into it.
    """

    def __init__(self, window: InspectionWindow, item_id: str, old: Any, new: Any) -> None:
        super().__init__()
        self.window = weakref.ref(window)
        self.item_id, self.old, self.new = item_id, old, new

    def redo(self) -> None:
        window = self.window()
        if window is not None:
            window.apply_answer(self.item_id, self.new, undoing=False)

    def undo(self) -> None:
        window = self.window()
        if window is not None:
            window.apply_answer(self.item_id, self.old, undoing=True)


class InspectionWindow(QMainWindow):
    changed = Signal(str)  # inspection id: lists elsewhere refresh
    revision_opened = Signal(str)

    def __init__(self, ctx: AppContext, inspection_id: str, parent: QWidget | None = None, *,
                 passphrases: PassphraseKeeper | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.inspection_id = inspection_id
        # The main window's keeper; a window opened on its own keeps passphrases itself.
        self.passphrases = passphrases if passphrases is not None else PassphraseKeeper(self)
        actor = ctx.actor
        self.service = InspectionService(ctx.db, ctx.device, actor, lang=ui_lang())
        # Signatures the inspector agreed to void by changing the record (asked once for them).
        self._voiding_confirmed: frozenset[str] = frozenset()
        self.record: InspectionRecord = self.service.get(inspection_id)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.runner = TaskRunner()
        self._sign_task: Task | None = None
        self._sign_progress: QProgressDialog | None = None
        self._unlocking = False
        self._closed = False

        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff4d6; padding: 6px;")
        # The company's registered plans and last drill, beside the emergency-readiness list.
        self.readiness = QLabel()
        self.readiness.setWordWrap(True)
        self.readiness.setObjectName("readinessHint")
        self.readiness.setVisible(False)
        self.model = ChecklistModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)  # cheap layout for long checklists
        self.tree.setAlternatingRowColors(True)
        # The item text takes the room; a long answer (a list of agents) is cut, not the item.
        self.tree_columns = fit_columns(self.tree, "inspection_items", stretch=0, max_chars=14)
        self.panel = ItemPanel()
        self.panel.template = self.record.template
        self.panel.enable_photos(ctx, actor, inspection_id)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.panel)
        self.hazards = HazardList()
        # Every photo of the inspection; those added here belong to it as a whole.
        self.photos = PhotoGallery(ctx, actor)
        # Weak: a bound method in the model would keep the closed (deleted) window alive.
        place = weakref.WeakMethod(self._photo_place)
        self.photos.model.place_of = lambda photo: place()(photo) if place() else ""
        self.photos.set_thumb_size(150, rows=None)
        self.photos.set_target(inspection_id)
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, "")
        self.tabs.addTab(self.hazards, "")
        self.tabs.addTab(self.photos, "")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.readiness)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        # Numbers running low, where the documents that take them are made.
        self.numbers_left = NumbersLeftLabel()
        self.statusBar().addPermanentWidget(self.numbers_left)
        self.numbers_left.update_from(ctx.numbers)

        self._build_actions()
        self._connect()
        self.reload()
        self.tree.expandAll()
        self._go_to_start()
        self.retranslate()
        self.resize(1100, 720)

    # -- building --
    def _build_actions(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("inspectionToolbar")
        self.addToolBar(self.toolbar)

        def action(shortcut: str | QKeySequence | None, slot: Any,
                   checkable: bool = False) -> QAction:
            act = QAction(self)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.setCheckable(checkable)
            act.triggered.connect(slot)
            self.toolbar.addAction(act)
            show_in_tooltip(act)
            return act

        self.act_prev = action("Ctrl+Up", lambda: self.step(-1))
        self.act_next = action("Ctrl+Down", lambda: self.step(1))
        self.act_unanswered = action("F3", self.next_unanswered)
        self.act_basis = action("Ctrl+L", self.panel.set_show_basis, checkable=True)
        self.toolbar.addSeparator()
        self.act_hazard = action("Ctrl+H", self.add_hazard)
        self.act_complete = action("Ctrl+Return", self.complete)
        self.act_reopen = action(None, self.reopen)
        self.act_lock = action(None, self.lock)
        self.act_signatures = action("Ctrl+G", self.open_signatures)
        self.act_documents = action("Ctrl+P", self.open_documents)
        self.act_amend = action(None, self.amend)
        self.toolbar.addSeparator()
        self.act_history = action("Ctrl+Shift+H", self.show_history)
        # Ctrl+Z takes back a chosen answer; text fields keep Ctrl+Z for their own typing.
        self.undo_stack = QUndoStack(self)
        self.act_undo = self.undo_stack.createUndoAction(self)
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_redo = self.undo_stack.createRedoAction(self)
        self.act_redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.addAction(self.act_undo)
        self.addAction(self.act_redo)

        # Digits and N act on the item; text fields keep them for typing (ShortcutOverride).
        self.digit_shortcuts = []
        for n in range(1, 10):
            shortcut = QShortcut(QKeySequence(str(n)), self)
            shortcut.activated.connect(lambda n=n: self.choose(n))
            self.digit_shortcuts.append(shortcut)
        QShortcut(QKeySequence("N"), self).activated.connect(self.focus_note)
        QShortcut(QKeySequence("Escape"), self).activated.connect(self.tree.setFocus)

    def _connect(self) -> None:
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        p = self.panel
        p.answered.connect(self.answer)
        p.text_answer_saved.connect(self._save_text_answer)
        p.text_answer_finished.connect(
            lambda item, old, new: self._guard(self.service.record_edit, self.inspection_id,
                                               "answer", item, "value", old, new))
        p.note_saved.connect(self._save_note)
        p.note_finished.connect(
            lambda item, old, new: self._guard(self.service.record_edit, self.inspection_id,
                                               "answer", item, "note", old, new))
        p.hazard_saved.connect(self._save_hazard)
        p.photos_changed.connect(self._photos_changed)
        self.photos.changed.connect(self._photos_changed)
        self.hazards.item_requested.connect(self._show_item_tab)
        self.hazards.edit_requested.connect(self.edit_hazard)
        self.hazards.add_requested.connect(self.add_hazard)
        self.hazards.delete_requested.connect(self.delete_hazard)
        p.hazard_finished.connect(
            lambda fid, field, old, new: self._guard(self.service.record_edit,
                                                     self.inspection_id, "finding", fid, field,
                                                     old, new))

    @staticmethod
    def keyboard_help() -> list[tuple[str, str]]:
        """The keys that work on the item in focus (shown in Help → Keyboard shortcuts), named
        as the tooltips and menus name them (Ctrl+回车 in Chinese, not Ctrl+Return)."""
        def keys(sequence: str) -> str:
            return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)

        return [
            ("1, 2, 3 …", QCoreApplication.translate(
                "InspectionWindow",
                "Answer: compliant, non-compliant, not applicable (or the n-th choice)")),
            ("N", QCoreApplication.translate("InspectionWindow", "Type a note on the item")),
            ("Esc", QCoreApplication.translate("InspectionWindow", "Back to the list of items")),
            (keys("Ctrl+Down"), QCoreApplication.translate("InspectionWindow", "Next item")),
            (keys("Ctrl+Up"), QCoreApplication.translate("InspectionWindow", "Previous item")),
            (keys("F3"), QCoreApplication.translate("InspectionWindow", "Next unanswered")),
            (keys("Ctrl+L"), QCoreApplication.translate("InspectionWindow", "Legal basis")),
            (keys("Ctrl+H"), QCoreApplication.translate("InspectionWindow", "Add hazard…")),
            (keys("Ctrl+Return"), QCoreApplication.translate("InspectionWindow", "Complete…")),
            (keys("Ctrl+G"), QCoreApplication.translate("InspectionWindow", "Signatures…")),
            (keys("Ctrl+P"), QCoreApplication.translate("InspectionWindow", "Documents…")),
            (keys("Ctrl+Shift+H"), QCoreApplication.translate("InspectionWindow", "History")),
        ]

    def retranslate(self) -> None:
        self.act_prev.setText(self.tr("Previous item"))
        self.act_next.setText(self.tr("Next item"))
        self.act_unanswered.setText(self.tr("Next unanswered"))
        self.act_basis.setText(self.tr("Legal basis"))
        self.act_hazard.setText(self.tr("Add hazard…"))
        self.act_complete.setText(self.tr("Complete…"))
        self.act_reopen.setText(self.tr("Reopen"))
        self.act_lock.setText(self.tr("Sign and lock"))
        self.act_signatures.setText(self.tr("Signatures…"))
        self.act_documents.setText(self.tr("Documents…"))
        self.act_amend.setText(self.tr("Amend…"))
        self.act_history.setText(self.tr("History"))
        self.tabs.setTabText(0, self.tr("Item"))
        self.photos.set_title(self.tr("All photos of this inspection"))
        self._update_header()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.model.layoutChanged.emit()
            self._show_current_again()
        super().changeEvent(event)

    # -- state --
    def reload(self) -> None:
        self.record = self.service.get(self.inspection_id)
        r = self.record
        answers = r.answers_for_rules()
        hazard_items = {f.item_id for f in r.findings if f.item_id}
        self.model.load(r.sections, r.visibility(), answers, hazard_items)
        self.tree.expandAll()
        editable = r.editable
        if not editable:
            self.undo_stack.clear()  # a completed or signed record takes no answers back
        self.panel.set_read_only(not editable)
        self.act_hazard.setEnabled(editable)
        self.act_complete.setEnabled(editable)
        self.act_reopen.setVisible(r.status is Status.COMPLETED)
        self.act_lock.setVisible(r.status is Status.COMPLETED)
        self.act_amend.setVisible(r.status is Status.SIGNED and not r.superseded_by)
        self.hazards.set_findings(r.findings, editable)
        self.photos.set_read_only(not editable)
        self._update_header()

    def _update_header(self) -> None:
        r = self.record
        answers = r.answers_for_rules()
        s = score(r.template, answers, r.sections)
        compliance = "—" if s.compliance is None else f"{s.compliance:.0f}%"
        shown = [i for i in self.model.ordered_items() if i.answerable]
        done = sum(1 for i in shown if is_complete_answer(i, answers.get(i.id)))
        self.setWindowTitle(f"{r.company_name} — {local(r.template.title)}")
        self.header.setText(
            f"<b>{r.number or ''}</b> &nbsp; {r.company_name} &nbsp;·&nbsp; "
            f"{local(r.template.title)}<br>"
            + self.tr("{0} · {1} · answered {2}/{3} · compliance {4} · hazards {5}").format(
                pair(KIND_LABELS[r.kind]), pair(STATUS_LABELS[r.status]), done, len(shown),
                compliance, len(r.findings)))
        if r.status is Status.SIGNED:
            text = self.tr("Signed and locked: nothing here can change.")
            if r.superseded_by:
                text += " " + self.tr("A corrected revision exists.")
            else:
                text += " " + self.tr("Use Amend to make a corrected revision.")
        elif r.status is Status.COMPLETED:
            text = self.tr("Completed. Reopen it to change answers, or sign and lock it.")
        elif r.supersedes_id:
            text = self.tr("Revision {0}, correcting a signed record: {1}").format(
                r.revision, r.amend_reason or "")
        else:
            text = ""
        self.banner.setText(text)
        self.banner.setVisible(bool(text))
        self._update_readiness()
        self.tabs.setTabText(1, self.tr("Hazards (%Ln)", "", len(r.findings)))
        self.tabs.setTabText(2, self.tr("Photos (%Ln)", "", self.photos.model.rowCount()))

    def _update_readiness(self) -> None:
        r = self.record
        if r.template.kind != "readiness" or r.company_id is None:  # None: a unit inspected
            self.readiness.setVisible(False)
            return
        svc = self.ctx.emergency
        ready = svc.company_readiness(r.company_id, date.today())
        lang = ui_lang()
        if ready.plans:
            # Each language its own punctuation: full-width in Chinese only.
            semicolon, open_, comma, close = (("；", "（", "，", "）") if lang == "zh_CN"
                                              else ("; ", " (", ", ", ")"))
            plans = semicolon.join(
                f"{v.row['title']}{open_}{label(PLAN_STATUS_LABELS, v.row['status'], lang)}"
                + (f"{comma}{v.revision_due}" if v.revision_due else "") + close
                for v in ready.plans)
            text = self.tr("Registered plans (revision due): {0}").format(plans)
        else:
            text = self.tr("No emergency plan of this company is registered.")
        text += "<br>" + (self.tr("Last drill: {0}").format(ready.last_drill)
                          if ready.last_drill else self.tr("No drill recorded."))
        warnings = [self.tr("⚠ Overdue for revision: {0}").format(v.row["title"])
                    for v in ready.revision_overdue]
        warnings += [self.tr("⚠ No drill in the required period: {0} (due {1})").format(
            v.row["title"], v.drill_due) for v in ready.drill_behind]
        if warnings:
            text += "<br><b>" + "<br>".join(warnings) + "</b>"
        self.readiness.setText(text)
        self.readiness.setStyleSheet("background: #fde7e9; padding: 6px;" if warnings
                                     else "background: #eef4fb; padding: 6px;")
        self.readiness.setVisible(True)

    # -- navigation --
    def current_item_id(self) -> str | None:
        item = self.model.item_at(self.tree.currentIndex())
        return item.id if item else None

    def select_item(self, item_id: str) -> bool:
        index = self.model.index_of_item(item_id)
        if not index.isValid():
            return False
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.tree.scrollTo(index)
        return True

    def _go_to_start(self) -> None:
        if self.record.current_item and self.select_item(self.record.current_item):
            return
        if not self.next_unanswered():
            items = self.model.ordered_items()
            if items:
                self.select_item(items[0].id)

    def step(self, delta: int) -> None:
        items = self.model.ordered_items()
        if not items:
            return
        current = self.current_item_id()
        ids = [i.id for i in items]
        position = ids.index(current) + delta if current in ids else 0
        self.select_item(ids[max(0, min(len(ids) - 1, position))])

    def next_unanswered(self) -> bool:
        answers = self.record.answers_for_rules()
        items = [i for i in self.model.ordered_items() if i.answerable]
        ids = [i.id for i in items]
        current = self.current_item_id()
        start = ids.index(current) + 1 if current in ids else 0
        for item in items[start:] + items[:start]:
            if not is_complete_answer(item, answers.get(item.id)):
                return self.select_item(item.id)
        self.statusBar().showMessage(self.tr("Every item is answered."), 4000)
        return False

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        item = self.model.item_at(current)
        if item is None:
            return
        r = self.record
        section = next((s for s in r.sections if s.id == item.section_id), None)
        place = local(section.title) if section else ""
        self.panel.show_item(item, place, r.answers.get(item.id), r.notes.get(item.id, ""),
                             r.finding_for_item(item.id), r.photo_counts.get(item.id, 0))
        if r.editable:
            self._guard(self.service.set_current_item, self.inspection_id, item.id)

    def _show_current_again(self) -> None:
        """The item panel shows the item in the interface language (what was typed is saved
        first, then shown again from the record)."""
        current = self.tree.currentIndex()
        if self.model.item_at(current) is None:
            return
        self.panel.finish()
        self.record = self.service.get(self.inspection_id)
        self._current_changed(current, current)

    # -- answering --
    def choose(self, number: int) -> None:
        if self.panel.editor is not None and self.record.editable:
            self.panel.editor.choose(number)

    def focus_note(self) -> None:
        if self.panel.note.isEnabled() and not self.panel.note.isReadOnly():
            self.panel.note.setFocus()

    def _guard(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """Run a service call; expected failures are told, never raised into Qt."""
        try:
            return fn(*args, **kwargs)
        except InspectorError as exc:
            messages.error(exc)
            self.statusBar().showMessage(exc.localized(), 8000)
            return None

    def answer(self, item_id: str, value: Any) -> None:
        old = self.record.answers.get(item_id)
        if old == value or not self.record.editable:
            self.apply_answer(item_id, value, undoing=False)
            return
        if not self._may_void_signatures():
            return
        self.undo_stack.push(AnswerChange(self, item_id, old, value))

    def _may_void_signatures(self) -> bool:
        """Before a change to what the record prints: a handwritten signature vouches for the
        record as it was signed, so the change voids it. Say whose, and ask once; declined,
        the item is shown again as stored."""
        if not self.record.editable:
            return True
        given = self.ctx.signatures.given_on_record_as_it_stands(
            self.inspection_id, known=self._voiding_confirmed)
        if not given:
            return True
        names = self.tr("; ").join(dict.fromkeys(s.signer_name for s in given))
        with LiveText.sessions_held():
            answer = QMessageBox.question(
                self, self.tr("Signatures will be cleared"),
                self.tr("This record was signed as it stands by: {0}.\n\nChanging it clears "
                        "these signatures: they are no longer printed, and must be given again "
                        "(Signatures…) before the record is signed and locked. Change it?"
                        ).format(names))
        if answer != QMessageBox.StandardButton.Yes:
            # The editor still shows what was typed or chosen: show what is stored.
            QTimer.singleShot(0, lambda: self._current_changed(self.tree.currentIndex(),
                                                               QModelIndex()))
            return False
        self._voiding_confirmed = frozenset(s.id for s in self.ctx.signatures.list(
            self.inspection_id))
        return True

    def apply_answer(self, item_id: str, value: Any, *, undoing: bool) -> None:
        """Store an answer and follow it on screen; says what happened to the item's hazard."""
        if self.current_item_id() != item_id:
            self.select_item(item_id)
        before = self.record.finding_for_item(item_id)
        was_withdrawn = {f.id for f in self.record.withdrawn}
        self._guard(self.service.set_answer, self.inspection_id, item_id, value)
        self._after_change(item_id)
        item = self.record.template.item(item_id)
        finding = self.record.finding_for_item(item_id)
        self._tell_hazard_change(before, finding, was_withdrawn)
        if undoing:  # the item shown again as it now is: answer, hazard and all
            self._current_changed(self.tree.currentIndex(), QModelIndex())
            return
        if item.type is ItemType.CHECK:
            if value == Answer.NON_COMPLIANT.value and finding is not None:
                self.panel.set_finding(finding)
                if before is None and self.panel.hazard is not None:
                    self.panel.hazard.requirement.setFocus()
            elif value is not None:
                self.panel.set_finding(None)
                self.step(1)
        elif item.type in (ItemType.YES_NO, ItemType.SINGLE_CHOICE):
            self.step(1)

    def _tell_hazard_change(self, before: Any, after: Any, was_withdrawn: set[str]) -> None:
        if before is not None and after is None:
            self.statusBar().showMessage(self.tr(
                "Hazard {0} withdrawn: what was typed in it is kept (see History). "
                "Ctrl+Z or answering non-compliant again brings it back.").format(before.seq),
                15000)
        elif after is not None and after.id in was_withdrawn:
            self.statusBar().showMessage(
                self.tr("Hazard {0} restored as it was.").format(after.seq), 8000)

    def _save_text_answer(self, item_id: str, text: str) -> None:
        # Saved as typed; the editing session is audited once when it ends.
        if not self._may_void_signatures():
            return
        self._guard(self.service.set_answer, self.inspection_id, item_id, text, audit=False)
        self._after_change(item_id)

    def _save_note(self, item_id: str, text: str) -> None:
        if not self._may_void_signatures():
            return
        self._guard(self.service.set_note, self.inspection_id, item_id, text, audit=False)

    def _save_hazard(self, finding_id: str, fields: dict, audit: bool) -> None:
        if not self._may_void_signatures():
            return
        self._guard(self.service.update_finding, finding_id, audit=audit, **fields)
        self._after_change(None)

    def _after_change(self, item_id: str | None) -> None:
        current = self.current_item_id()
        self.reload()
        if current:
            self.select_item(current)
        self.changed.emit(self.inspection_id)

    # -- photos --
    def _photos_changed(self) -> None:
        """Photos were added, deleted or edited in any gallery: counts and lists follow."""
        self.photos.reload()
        self._after_change(None)
        item = self.current_item_id()
        self.panel.refresh_photos(self.record.photo_counts.get(item, 0) if item else 0)

    def _photo_place(self, photo: Photo) -> str:
        if photo.finding_id:
            finding = next((f for f in self.record.findings if f.id == photo.finding_id), None)
            return self.tr("Hazard {0}").format(finding.seq if finding else "?")
        if photo.item_id:
            try:
                return local(self.record.template.item(photo.item_id).text)
            except KeyError:
                return photo.item_id
        return self.tr("The inspection as a whole")

    # -- hazards, completion, lifecycle --
    def add_hazard(self) -> None:
        started = QDate.fromString((self.record.started_at or "")[:10], Qt.DateFormat.ISODate)
        dialog = NewHazardDialog(started if started.isValid() else QDate.currentDate(), self)

        def save() -> None:
            if not self._may_void_signatures():
                return
            self._guard(self.service.add_finding, self.inspection_id, **dialog.values())
            self._after_change(None)
            self.tabs.setCurrentIndex(1)

        dialog.accepted.connect(save)
        self.hazard_dialog = dialog
        dialog.open()

    def _describe_missing(self, missing: Missing) -> str:
        if missing.kind == "hazard":
            finding = next((f for f in self.record.findings if f.id == missing.finding_id), None)
            fields = {"description": self.tr("description"),
                      "requirement": self.tr("rectification requirement"),
                      "deadline": self.tr("deadline")}
            return self.tr("Hazard {0}: the {1} is missing").format(
                finding.seq if finding else "?", fields.get(missing.field or "", missing.field))
        try:
            return local(self.record.template.item(missing.item_id or "").text)
        except KeyError:
            return missing.text

    def _jump_to_missing(self, item_id: str, finding_id: str) -> None:
        if item_id:
            self._show_item_tab(item_id)
        elif finding_id:
            self.tabs.setCurrentIndex(1)
            self.edit_hazard(finding_id)

    def show_finding(self, finding_id: str) -> bool:
        """Show the hazard ``finding_id`` (opened from the ledger): the item it came from in the
        checklist, and the hazard selected in the Hazards tab; whether it is in this record."""
        finding = next((f for f in self.record.findings if f.id == finding_id), None)
        if finding is None:
            return False
        if finding.item_id:
            self.select_item(finding.item_id)
        self.tabs.setCurrentIndex(1)
        return self.hazards.select_finding(finding_id)

    def _show_item_tab(self, item_id: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.select_item(item_id)

    def edit_hazard(self, finding_id: str) -> None:
        finding = next((f for f in self.record.findings if f.id == finding_id), None)
        if finding is None:
            return
        started = QDate.fromString((self.record.started_at or "")[:10], Qt.DateFormat.ISODate)
        dialog = NewHazardDialog(started, self, finding)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.record.editable)

        def save() -> None:
            if not self._may_void_signatures():
                return
            self._guard(self.service.update_finding, finding_id, **dialog.values())
            self._after_change(None)

        dialog.accepted.connect(save)
        self.hazard_dialog = dialog
        dialog.open()

    def delete_hazard(self, finding_id: str) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Delete hazard"),
                                          self.tr("Why is this hazard deleted?"))
        if ok and reason.strip() and self._may_void_signatures():
            self._guard(self.service.delete_finding, finding_id, reason.strip())
            self._after_change(None)

    def complete(self) -> None:
        self.panel.finish()
        missing = self._guard(self.service.complete, self.inspection_id)
        if missing is None:
            return
        if missing:
            self.missing_dialog = MissingDialog(missing, self._describe_missing, self)
            self.missing_dialog.jump_requested.connect(self._jump_to_missing)
            self.missing_dialog.open()
            return
        self._after_change(None)
        stale = self.ctx.signatures.missing_signers(self.inspection_id)
        again = [r for r in stale if r.again]
        if again:
            # Signatures given before this change do not cover it: say whose, and where to go.
            text = self.tr("Inspection completed. The record changed after it was signed; these "
                           "signatures must be given again: {0}.").format(
                signer_names([replace(r, again=False) for r in again]))
            self.statusBar().showMessage(text, 15000)
            QMessageBox.information(self, self.tr("Sign again"), text)
            return
        self.statusBar().showMessage(self.tr("Inspection completed."), 6000)
        self.numbers_left.update_from(self.ctx.numbers)

    def reopen(self) -> None:
        self._guard(self.service.reopen, self.inspection_id, "reopened by inspector")
        self._after_change(None)

    def open_signatures(self) -> None:
        dialog = SignaturesDialog(self.ctx, self.inspection_id, self)
        dialog.finished.connect(lambda _result: self._after_change(None))
        self.signatures_dialog = dialog
        dialog.open()

    def open_documents(self) -> DocumentDialog:
        dialog = DocumentDialog(self.ctx, self.inspection_id, self)
        if self.record.status is Status.SIGNED:
            dialog.sign = self._pdf_signer()
        self.document_dialog = dialog
        # A document is numbered when it is first made: what is left may have changed.
        dialog.finished.connect(lambda _result: self.numbers_left.update_from(self.ctx.numbers))
        dialog.open()
        return dialog

    def _unlock_identity(self) -> tuple[Any, Any, Any] | None:
        """The signing key, asking the passphrase unless kept for the session; None if the
        inspector cancels or this computer has no identity."""
        pki = self.ctx.pki
        identity = pki.identity()
        if identity is None:
            return None

        def unlock_off_thread(fn: Any, *args: Any) -> Any:
            # 600,000 PBKDF2 rounds: tenths of a second the window keeps drawing through.
            return run_off_thread(self, self.tr("Unlocking your signing key…"), fn, *args)

        return self.passphrases.ask(self, self.tr("Passphrase of your signing identity ({0}):")
                                    .format(identity[0].subject_name), identity[0].fingerprint,
                                    lambda passphrase: pki.unlock(passphrase,
                                                                  unlock_off_thread))

    def _pdf_signer(self) -> Any:
        unlocked = self._unlock_identity()
        if unlocked is None:
            return None
        cert, key, chain = unlocked
        return lambda data: sign_pdf_bytes(data, cert, key, chain)

    def lock(self) -> None:
        """Sign and lock: every handwritten signature first, then the digital signature."""
        if self._sign_task is not None or self._unlocking:
            return  # asked again while the key is unlocked or the record signed
        missing = self.ctx.signatures.missing_signers(self.inspection_id)
        if missing:
            QMessageBox.information(self, self.tr("Sign and lock"), self.tr(
                "Signatures are still missing: {0}.").format(signer_names(missing)))
            self.open_signatures()
            return
        if self.ctx.pki.identity() is None:
            answer = QMessageBox.question(self, self.tr("Sign and lock"), self.tr(
                "This computer has no signing identity ({0}), so the record can be locked but "
                "not signed digitally. Lock it without a digital signature?").format(
                    advice.menu_path("Signing &identity…")))
            if answer == QMessageBox.StandardButton.Yes:
                self._guard(self.service.lock, self.inspection_id)
                self._after_change(None)
                self._lay_out_ahead()
            return
        answer = QMessageBox.question(
            self, self.tr("Sign and lock"),
            self.tr("After signing, nothing in this record can change; corrections become a new "
                    "revision. Sign it now?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._unlocking = True
        try:
            unlocked = self._unlock_identity()
        finally:
            if shiboken6.isValid(self):
                self._unlocking = False
        if unlocked is None or not shiboken6.isValid(self) or self._closed:
            return  # the window was closed while the key was unlocked: nothing is signed
        cert, key, _chain = unlocked
        self._start_signing(cert, key)

    # -- signing in the background --
    def signing(self) -> bool:
        """The record is being signed (its photos checked) in the background."""
        return self._sign_task is not None

    def _start_signing(self, cert: Any, key: Any) -> Task | None:
        """Sign and lock off the main thread: every photo's original is read and hashed first,
        seconds for a record with many large photos. Window-modal progress that can cancel
        (until the signature itself, one transaction with the lock)."""
        if self._sign_task is not None:
            return None
        task = Task(sign_task, self.ctx, self.inspection_id, cert, key, self.service.actor)
        progress = QProgressDialog(self.tr("Checking the photos…"), self.tr("Cancel"), 0, 0,
                                   self)
        progress.setWindowTitle(self.tr("Sign and lock"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(SIGN_PROGRESS_AFTER_MS)
        progress.setValue(0)
        progress.canceled.connect(task.cancel)
        task.signals.progress.connect(self._sign_progressed)
        task.signals.succeeded.connect(self._signed)
        task.signals.failed.connect(self._sign_failed)
        task.signals.cancelled.connect(self._sign_cancelled)
        self._sign_task, self._sign_progress = task, progress
        self.act_lock.setEnabled(False)
        self.act_reopen.setEnabled(False)
        return self.runner.start(task)

    def _sign_progressed(self, done: int, total: int, name: str) -> None:
        progress = self._sign_progress
        if progress is None or progress.wasCanceled():
            return
        progress.setMaximum(max(total, 1))
        progress.setValue(done)
        if done >= total - 1:
            # Past the last moment to stop: a Cancel now would only mislead.
            progress.setLabelText(self.tr("Signing the record…"))
            progress.setCancelButton(None)
        else:
            # ``name``: the photo just checked (they are read side by side, not in turn).
            progress.setLabelText(self.tr("Checked photo {0} of {1}: {2}").format(
                done, total - 1, name) if name else self.tr("Checking the photos…"))

    def _sign_over(self) -> None:
        if self._sign_progress is not None:
            self._sign_progress.close()
            self._sign_progress.deleteLater()
            self._sign_progress = None
        self._sign_task = None
        self.act_lock.setEnabled(True)
        self.act_reopen.setEnabled(True)

    def _signed(self, _signature_id: str) -> None:
        self._sign_over()
        self._after_change(None)
        if self.record.status is Status.SIGNED:
            self.statusBar().showMessage(self.tr("Signed and locked."), 6000)
        self.numbers_left.update_from(self.ctx.numbers)
        self._lay_out_ahead()

    def _sign_failed(self, exc: BaseException, _trace: str) -> None:
        self._sign_over()
        if not isinstance(exc, InspectorError):
            raise exc  # a bug: the crash dialog shows it
        messages.error(exc)
        self.statusBar().showMessage(exc.localized(), 8000)
        self._after_change(None)

    def _sign_cancelled(self) -> None:
        self._sign_over()
        self.statusBar().showMessage(
            self.tr("Signing was cancelled: the record is not signed and not locked."), 8000)

    def _lay_out_ahead(self) -> None:
        """A record just locked never changes again: its PDF is laid out in the background
        now, so that printing it is a copy."""
        if self.record.status is Status.SIGNED:
            self.ctx.lay_out_ahead(self.inspection_id, ui_lang())

    def amend(self) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Amend"),
                                          self.tr("Why is the signed record corrected?"))
        if not ok:
            return
        new_id = self._guard(self.service.amend, self.inspection_id, reason)
        if new_id:
            self.changed.emit(self.inspection_id)
            self.revision_opened.emit(new_id)

    def show_history(self) -> HistoryDialog:
        lines = history_lines(self.ctx.db, self.inspection_id, self.record.template,
                              self.service.history(self.inspection_id), ui_lang())
        self.history_dialog = HistoryDialog(lines, self)
        self.history_dialog.open()
        return self.history_dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        self.panel.finish()
        if self._sign_task is not None:
            # Stopped at its next chunk of a photo, or done if already signing: not left
            # writing into a record whose window is gone.
            self._sign_task.cancel()
            self._sign_task.done.wait(30)
        for gallery in self.findChildren(PhotoGallery):
            gallery.cancel_ingest()
        super().closeEvent(event)
