"""Print and export an inspection's documents: choose one, see its pages, save or print them.

Rendering runs on the thread pool with its own database connection; the dialog only shows
progress and the result. The preview is the very PDF that would be exported, drawn by QtPdf.
"""

from __future__ import annotations

import functools
import itertools
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.numbering import DOC_TITLES, LOW_WATER, DocType
from inspector_app.errors import InspectorError
from inspector_app.services.context import AppContext
from inspector_app.services.documents import (
    DocumentRefused,
    default_file_name,
    write_file,
)
from inspector_app.ui import messages
from inspector_app.ui.labels import labelled, pair, ui_lang
from inspector_app.ui.messages import localized
from inspector_app.ui.save_folder import Kind, save_file, saved_as
from inspector_app.ui.tasks import Task, TaskControl, TaskRunner

ERROR_STYLE = "color: #b00020;"
PRINT_DPI = 300  # enough for text and photos; a 1200 dpi page image would take half a gigabyte


# -- work done on the thread pool (no widgets here) ----------------------------------------------
def render_preview(control: TaskControl, ctx: AppContext, inspection_id: str,
                   doc_type: DocType, lang: str, target: Path) -> str:
    with ctx.for_worker() as worker:
        data = worker.documents.render(inspection_id, doc_type, lang, control)
    write_file(target, data)
    return str(target)


def export_document(control: TaskControl, ctx: AppContext, inspection_id: str,
                    doc_type: DocType, lang: str, target: Path,
                    sign: Callable[[bytes], bytes] | None = None) -> tuple[str, list[str]]:
    """The PDF written, and what its user must be told of it (photos left out)."""
    warnings: list[str] = []
    with ctx.for_worker() as worker:
        written = worker.documents.export(inspection_id, doc_type, lang, target, control,
                                          sign=sign,
                                          warn=lambda m: warnings.append(m.localized()))
    return str(written), warnings


# -- the dialog ------------------------------------------------------------------------------------
class DocumentDialog(QDialog):
    exported = Signal(str)        # the PDF written
    preview_ready = Signal(int)   # pages shown
    failed = Signal(str)          # what went wrong, in words

    def __init__(self, ctx: AppContext, inspection_id: str, parent: QWidget | None = None, *,
                 first: DocType | None = None) -> None:
        """``first``: the document shown at the start when it can be issued (a re-inspection
        opens on its opinion); otherwise the first one that can."""
        super().__init__(parent)
        self.ctx = ctx
        self.inspection_id = inspection_id
        # Set by the caller to PAdES-sign exported files (a signed inspection, identity unlocked).
        self.sign: Callable[[bytes], bytes] | None = None
        self.actor = ctx.actor
        service = ctx.documents
        self.availability: dict[DocType, DocumentRefused | None] = service.availability(
            inspection_id)
        self.company_name, self.record_number = service.heading(inspection_id)
        self.runner = TaskRunner()
        self._task: Task | None = None
        self._task_kind = ""
        self._preview_dir = tempfile.TemporaryDirectory(prefix="inspector-preview-")
        self._preview_names = itertools.count(1)
        self.last_export: Path | None = None

        self.type_label = QLabel()
        self.type_combo = QComboBox()
        for doc_type in DocType:
            self.type_combo.addItem("", doc_type.value)
        self.lang_label = QLabel()
        self.lang_combo = QComboBox()
        # The printed document's language, named in the window's (not a language switch).
        self.lang_combo.addItem("", "zh_CN")
        self.lang_combo.addItem("", "en")
        self.lang_combo.setCurrentIndex(0 if ui_lang() == "zh_CN" else 1)
        self.unavailable = QLabel()
        self.unavailable.setWordWrap(True)
        self.unavailable.setStyleSheet("color: #666666;")

        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.export_pdf)
        self.print_button.clicked.connect(self.print_document)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.type_label, self.type_combo)
        form.addRow(self.lang_label, self.lang_combo)
        status_row = QHBoxLayout()
        status_row.addWidget(self.progress)
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.pages_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.unavailable)
        layout.addWidget(self.view, 1)
        layout.addLayout(status_row)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(860, 900)

        types = list(DocType)
        start = (types.index(first) if first is not None and self.availability[first] is None
                 else next((i for i, t in enumerate(types) if self.availability[t] is None), 0))
        self.type_combo.setCurrentIndex(start)
        self.type_combo.currentIndexChanged.connect(self.refresh_preview)
        self.lang_combo.currentIndexChanged.connect(self.refresh_preview)
        self._update_buttons()
        self.refresh_preview()

    # -- what is chosen ------------------------------------------------------------------------
    @property
    def doc_type(self) -> DocType:
        return DocType(self.type_combo.currentData())

    @property
    def lang(self) -> str:
        return str(self.lang_combo.currentData())

    def select(self, doc_type: DocType | str, lang: str | None = None) -> None:
        """Choose a document (and language); the preview follows."""
        if lang is not None:
            self.lang_combo.setCurrentIndex(self.lang_combo.findData(lang))
        self.type_combo.setCurrentIndex(self.type_combo.findData(DocType(doc_type).value))

    def page_count(self) -> int:
        return self.document.pageCount() if self.document.status() is \
            QPdfDocument.Status.Ready else 0

    # -- background work -----------------------------------------------------------------------
    def _start(self, kind: str, fn: Any, target: Path) -> Task:
        if self._task is not None:
            self._task.cancel()  # a newer choice wins; the old result is ignored
        task = Task(fn, self.ctx, self.inspection_id, self.doc_type, self.lang, target)
        task.signals.progress.connect(lambda d, t, _text, task=task: self._progress(task, d, t))
        task.signals.succeeded.connect(lambda result, task=task: self._succeeded(task, result))
        task.signals.failed.connect(lambda exc, trace, task=task: self._failed(task, exc, trace))
        task.signals.cancelled.connect(lambda task=task: self._finished(task))
        self._task, self._task_kind = task, kind
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Rendering the preview…") if kind == "preview"
                            else self.tr("Writing the PDF…"))
        self._update_buttons()
        return self.runner.start(task)

    def refresh_preview(self) -> None:
        if self.availability.get(self.doc_type) is not None:
            self._show_refusal()
            return
        folder = Path(self._preview_dir.name)
        folder.mkdir(parents=True, exist_ok=True)  # again, if the dialog is shown once more
        target = folder / f"preview-{next(self._preview_names)}.pdf"
        self._start("preview", render_preview, target)

    def export_to(self, target: Path) -> Task | None:
        """Write the chosen document to ``target`` in the background (``exported`` when done)."""
        if self.availability.get(self.doc_type) is not None:
            self._show_refusal()
            return None
        fn = functools.partial(export_document, sign=self.sign) if self.sign else export_document
        return self._start("export", fn, Path(target))

    def _progress(self, task: Task, done: int, total: int) -> None:
        # The service counts the photos' print copies, then one step to lay out the pages.
        if task is self._task and total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            if done >= total - 1:
                self.status.setText(self.tr("Laying out the pages…"))
            else:
                self.status.setText(self.tr("Preparing photos ({0} of {1})…")
                                    .format(done, total - 1))

    def _finished(self, task: Task) -> bool:
        """True when ``task`` is the current one (its result is wanted)."""
        if task is not self._task:
            return False
        self._task = None
        self.progress.hide()
        self._update_buttons()
        return True

    def _succeeded(self, task: Task, result: Any) -> None:
        kind = self._task_kind
        if not self._finished(task):
            return
        if kind == "preview":
            self.document.close()
            self.document.load(result)
            pages = self.page_count()
            self.pages_label.setText(self.tr("%Ln page(s)", "", pages))
            self.status.setText("")
            self._update_buttons()
            self.preview_ready.emit(pages)
        else:
            result, warnings = result
            self.last_export = Path(result)
            text = self.tr("Saved to {0}").format(result)
            left = self.ctx.documents.numbers_left(
                self.doc_type)
            if left is not None and left < LOW_WATER:
                text += "\n" + self.tr(
                    "Only %Ln document number(s) of this type left on this computer: ask the "
                    "office for a new number block.", "", left)
            if warnings:
                # Photos left out: said where the user looks, not only in the log.
                text += "\n" + "\n".join(warnings)
                self.status.setStyleSheet(ERROR_STYLE)
                self.status.setText(text)
                messages.warning(text)
            else:
                self.status.setText(text)
                messages.info(text)
            self.exported.emit(result)

    def _failed(self, task: Task, exc: BaseException, trace: str) -> None:
        if not self._finished(task):
            return
        if not isinstance(exc, InspectorError):
            raise exc  # a bug: the crash dialog shows it
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(exc.localized())
        self.failed.emit(exc.localized())

    # -- export, print -------------------------------------------------------------------------
    def export_pdf(self) -> None:
        number = self.record_number if self.doc_type is DocType.RECORD else None
        suggested = default_file_name(self.doc_type, number, self.company_name, self.lang)
        path, _ = save_file(self, Kind.PDF, self.tr("Export PDF"), suggested,
                            self.tr("PDF documents (*.pdf)"))
        target = saved_as(self, path, ".pdf")
        if target is not None:
            self.export_to(target)

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setDocName(self.windowTitle())
        printer.setFromTo(1, max(1, self.page_count()))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                self.print_to(printer)
            except InspectorError as exc:
                self.status.setStyleSheet(ERROR_STYLE)
                self.status.setText(exc.localized())

    def print_to(self, printer: QPrinter) -> int:
        """Print the previewed pages on ``printer`` (the range it asks for); pages printed.

        Each page is rendered to an image at ``PRINT_DPI`` and drawn over the whole sheet, so
        the printout is true to scale (the documents keep clear of the sheet's unprintable edge).
        """
        pages = self.page_count()
        if not pages:
            raise InspectorError(self.tr("There is nothing to print yet: wait for the preview."))
        first, last = 1, pages
        if printer.fromPage() > 0:
            first, last = printer.fromPage(), min(pages, printer.toPage() or pages)
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            raise InspectorError(self.tr("The printer cannot be used. Check that it is connected "
                                         "and ready, or choose another one."))
        printed = 0
        try:
            for index in range(first - 1, last):
                if printed:
                    printer.newPage()
                points = self.document.pagePointSize(index)
                sheet = printer.pageLayout().fullRectPixels(printer.resolution())
                scale = min(sheet.width() / points.width(), sheet.height() / points.height())
                size = QSize(round(points.width() * scale), round(points.height() * scale))
                dpi = min(PRINT_DPI, printer.resolution())
                image = self.document.render(index, QSize(round(points.width() * dpi / 72),
                                                          round(points.height() * dpi / 72)))
                painter.drawImage(QRect(QPoint(0, 0), size), image)
                printed += 1
        finally:
            painter.end()
        return printed

    # -- showing -------------------------------------------------------------------------------
    def _refusal_text(self, refusal: DocumentRefused) -> str:
        return {
            "self_inspection": self.tr("A company's self-inspection issues no order."),
            "unit_subject": self.tr(
                "A supervision inspection of a unit has a record only: orders go to companies."),
            "no_hazards": self.tr("No hazards were found: there is nothing to order."),
            "incomplete_hazards": self.tr(
                "Some hazards have no requirement or deadline yet: complete them first."),
            "not_reinspection": self.tr(
                "Only a re-inspection has a re-inspection opinion: open the re-inspection (its "
                "row in the Inspections list, or File → Re-inspection…) and press Documents… "
                "there."),
            "no_order": self.tr(
                "The inspection it follows has no order issued yet: issue the order first."),
            "no_onsite_measures": self.tr(
                "No hazard has a measure taken on site (work stopped, people withdrawn …): "
                "record it on the hazard first."),
        }.get(refusal.code) or localized(refusal)

    def _show_refusal(self) -> None:
        refusal = self.availability.get(self.doc_type)
        if refusal is not None:
            if self._task is not None:
                self._task.cancel()
                self._finished(self._task)
            self.document.close()  # never show another document's pages under this title
            self.pages_label.clear()
            self._update_buttons()
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(self._refusal_text(refusal))

    def _update_buttons(self) -> None:
        busy = self._task is not None
        available = self.availability.get(self.doc_type) is None
        self.export_button.setEnabled(available and not busy)
        self.print_button.setEnabled(available and not busy and self.page_count() > 0)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print and export documents"))
        self.type_label.setText(self.tr("&Document:"))
        self.type_label.setBuddy(self.type_combo)
        self.lang_label.setText(self.tr("&Language:"))
        self.lang_combo.setItemText(0, self.tr("Chinese (Simplified)"))
        self.lang_combo.setItemText(1, self.tr("English"))
        self.lang_label.setBuddy(self.lang_combo)
        model = self.type_combo.model()
        notes = []
        for index, doc_type in enumerate(DocType):
            title = pair(DOC_TITLES[doc_type])
            self.type_combo.setItemText(index, title)
            refusal = self.availability.get(doc_type)
            item = model.item(index)  # type: ignore[attr-defined]
            item.setEnabled(refusal is None)
            item.setToolTip(self._refusal_text(refusal) if refusal else "")
            if refusal is not None:
                notes.append(labelled(title, self._refusal_text(refusal)))
        self.unavailable.setText("\n".join(notes))
        self.unavailable.setVisible(bool(notes))
        self.export_button.setText(self.tr("&Export PDF…"))
        self.print_button.setText(self.tr("&Print…"))
        if self.page_count():
            self.pages_label.setText(self.tr("%Ln page(s)", "", self.page_count()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def done(self, result: int) -> None:
        self._shutdown()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._shutdown()
        super().closeEvent(event)

    def _shutdown(self) -> None:
        """Stop rendering and remove the preview files (the view lets go of them first)."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            task.done.wait(10)
        self.document.close()
        self._preview_dir.cleanup()
