"""Importing companies from CSV or Excel: choose a file, read the preview, then import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.errors import InspectorError
from inspector_app.services import company_import
from inspector_app.services.companies import CompanyRepo
from inspector_app.services.company_import import ImportPreview, ImportResult
from inspector_app.ui import messages
from inspector_app.ui.models.companies_model import ui_lang
from inspector_app.ui.save_folder import Kind, open_file
from inspector_app.ui.table_columns import fit_columns

ERROR_COLOUR = QColor("#b00020")


class CompanyImportDialog(QDialog):
    COLUMNS = 5  # row, name, credit code, action, problems

    def __init__(self, repo: CompanyRepo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.path: Path | None = None
        self.preview: ImportPreview | None = None
        self.result_: ImportResult | None = None

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.choose_button = QPushButton()
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel()
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel()  # a refused file, or the columns that were ignored
        self.message.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        # The credit code is what the user checks: it shows whole; the name takes the rest.
        self.column_fitter = fit_columns(self.table, "company_import", stretch=1)
        self.table.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_rows)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(820, 520)

    # -- behaviour ----------------------------------------------------------------------------
    def choose_file(self) -> None:
        path = open_file(self, Kind.COMPANIES, self.tr("Choose a list of companies"),
                         self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"))
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> bool:
        """Read ``path`` and show its preview; False (and the reason shown) if refused."""
        self.path, self.preview, self.result_ = path, None, None
        self.file_label.setText(str(path))
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.preview = company_import.preview(path, self.repo, ui_lang())
        except InspectorError as exc:
            self._set_message(exc.localized(), error=True)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show_preview()
        return self.preview is not None

    def import_rows(self) -> None:
        if self.preview is None:
            return
        try:
            self.result_ = company_import.apply(self.preview, self.repo)
        except InspectorError as exc:
            self._set_message(exc.localized(), error=True)
            return
        self.summary.setText(self._result_text(self.result_))
        self.import_button.setEnabled(False)  # a second click would only say "unchanged"
        messages.info(self.result_.summary(ui_lang()))

    @property
    def imported(self) -> bool:
        return self.result_ is not None

    # -- showing ------------------------------------------------------------------------------
    def _set_message(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR.name()};" if error else "")

    @staticmethod
    def _result_text(result: ImportResult) -> str:
        """The counts, then each row refused while applying, in the window's language."""
        lang = ui_lang()
        return "\n".join([result.summary(lang), *result.failure_lines(lang)])

    def _action_text(self, action: str) -> str:
        return {"add": self.tr("Add"), "update": self.tr("Update"),
                "unchanged": self.tr("Unchanged"), "error": self.tr("Error")}.get(action, action)

    def _show_preview(self) -> None:
        preview = self.preview
        self.table.setRowCount(0)
        self.import_button.setEnabled(
            preview is not None and preview.has_changes and self.result_ is None)
        if preview is None:
            self.summary.clear()
            return
        lang = ui_lang()
        warnings = preview.warnings(lang)
        self._set_message("\n".join(warnings), error=False)
        self.table.setRowCount(len(preview.rows))
        red = QBrush(ERROR_COLOUR)
        for r, row in enumerate(preview.rows):
            name = row.company.name if row.company else row.values.get("name", "")
            code = (row.company.credit_code if row.company else
                    row.values.get("credit_code", "")) or ""
            problems = "\n".join(p.text(lang) for p in row.errors)
            cells = (str(row.row), name, code, self._action_text(row.action), problems)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if row.action == "error" and c >= 3:
                    item.setForeground(red)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self.summary.setText(preview.summary(lang) if self.result_ is None
                             else self._result_text(self.result_))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import companies"))
        self.intro.setText(self.tr(
            "Choose a CSV or Excel (.xlsx) file with a header row. A company already on this "
            "computer (same credit code) is updated, never added twice; empty cells keep what "
            "is stored. Rows with errors are skipped."))
        self.choose_button.setText(self.tr("Choose &file…"))
        self.file_label.setText(str(self.path) if self.path else self.tr("No file chosen"))
        self.import_button.setText(self.tr("&Import"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Row"), self.tr("Name"), self.tr("Credit code"), self.tr("Action"),
            self.tr("Problems")])
        if self.preview is not None:
            self._show_preview()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
