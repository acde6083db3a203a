"""The Companies page: find, add, edit and import the inspected companies (被检查单位)."""

from __future__ import annotations

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from inspector_app.domain.company import Company
from inspector_app.services.companies import CompanyRepo
from inspector_app.services.context import AppContext
from inspector_app.ui.dialogs.classification_dialog import ClassificationDialog
from inspector_app.ui.dialogs.company_dialog import CompanyDialog
from inspector_app.ui.dialogs.company_import_dialog import CompanyImportDialog
from inspector_app.ui.dialogs.standardisation_dialog import StandardisationDialog
from inspector_app.ui.dialogs.year_plan_dialog import YearPlanDialog
from inspector_app.ui.fetch_to_end import FetchToEnd
from inspector_app.ui.models.companies_model import CompaniesModel
from inspector_app.ui.pages.base import Page
from inspector_app.ui.table_columns import fit_columns

SEARCH_DELAY_MS = 200  # one query when the user pauses, not one per keystroke


class CompaniesPage(Page):
    page_id = "companies"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialog: QDialog | None = None  # the open add/edit/import dialog, if any

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("companySearch")
        self.count_label = QLabel()
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.import_button = QPushButton()
        self.classify_button = QPushButton()
        self.classify_button.setObjectName("classifyButton")
        self.year_plan_button = QPushButton()
        self.year_plan_button.setObjectName("yearPlanButton")
        self.standardisation_button = QPushButton()
        self.standardisation_button.setObjectName("standardisationButton")
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count_label)
        for button in (self.add_button, self.edit_button, self.import_button,
                       self.classify_button, self.standardisation_button,
                       self.year_plan_button):
            bar.addWidget(button)
        self.layout_.addLayout(bar)

        self.model = CompaniesModel(ctx.companies, self)
        # The database sorts and pages (a district has thousands of companies): the proxy only
        # passes the rows, the sort and the requests for more rows through.
        self.proxy = QIdentityProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.to_end = FetchToEnd(self.table)   # Ctrl+End: the last row, not the next page
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # The name takes the room; a credit code (18 characters) and the rest show whole.
        self.column_fitter = fit_columns(self.table, "companies", stretch=0)
        self.layout_.addWidget(self.table, 1)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self.search_timer.start)
        self.search.returnPressed.connect(self.apply_search)
        self.add_button.clicked.connect(self.add_company)
        self.edit_button.clicked.connect(self.edit_company)
        self.import_button.clicked.connect(self.import_companies)
        self.classify_button.clicked.connect(self.classify_company)
        self.year_plan_button.clicked.connect(self.show_year_plan)
        self.standardisation_button.clicked.connect(self.show_standardisation)
        self.table.doubleClicked.connect(self.edit_company)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.retranslate()

    # -- data ---------------------------------------------------------------------------------
    def repo(self) -> CompanyRepo:
        """A repository that records the current inspector as the author of changes."""
        return self.ctx.companies

    def refresh(self) -> None:
        selected = self.selected_company()
        self.model.reload()
        if selected is not None and selected.id:
            self.select_company(selected.id)
        self._update_count()

    def apply_search(self) -> None:
        self.search_timer.stop()
        selected = self.selected_company()
        self.model.set_search(self.search.text())
        if selected is not None and selected.id:
            self.select_company(selected.id)  # still selected when the search still finds it
        self._update_count()

    def selected_company(self) -> Company | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.company(self.proxy.mapToSource(rows[0]).row())

    def select_company(self, company_id: str) -> None:
        row = self.model.fetch_until(company_id)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    # -- actions ------------------------------------------------------------------------------
    def add_company(self) -> None:
        self._open(CompanyDialog(self.repo(), None, self))

    def edit_company(self, index: QModelIndex | None = None) -> None:
        if isinstance(index, QModelIndex) and index.isValid():
            company = self.model.company(self.proxy.mapToSource(index).row())
        else:
            company = self.selected_company()
        if company is not None:
            self._open(CompanyDialog(self.repo(), company, self))

    def import_companies(self) -> None:
        self._open(CompanyImportDialog(self.repo(), self))

    def classify_company(self) -> None:
        company = self.selected_company()
        if company is not None and company.id:
            self._open(ClassificationDialog(self.ctx, company.id, self))

    def show_year_plan(self) -> None:
        self._open(YearPlanDialog(self.ctx, self))

    def show_standardisation(self) -> None:
        self._open(StandardisationDialog(self.ctx, self))

    def _open(self, dialog: QDialog) -> None:
        # Window-modal without a nested event loop: the page (and tests) keep running.
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._dialog_finished(dialog))
        dialog.open()

    def _dialog_finished(self, dialog: QDialog) -> None:
        saved = getattr(dialog, "saved", None)
        if saved is not None or getattr(dialog, "imported", False):
            self.refresh()
        if saved is not None and saved.id:
            self.select_company(saved.id)
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    # -- showing ------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(bool(self.table.selectionModel().selectedRows()))
        self.classify_button.setEnabled(self.edit_button.isEnabled())

    def _update_count(self) -> None:
        n = self.model.total
        if self.model.search:
            self.count_label.setText(self.tr("%Ln match(es)", "", n))
        else:
            self.count_label.setText(self.tr("%Ln company(s)", "", n))

    def title(self) -> str:
        return self.tr("Companies")

    def retranslate(self) -> None:
        super().retranslate()
        hint = self.tr("Search by name, credit code, town, contact or legal representative")
        self.search.setPlaceholderText(hint)
        self.search.setToolTip(hint)  # at 1024×600 the box is narrow and the hint cut short
        self.add_button.setText(self.tr("&Add…"))
        self.edit_button.setText(self.tr("E&dit…"))
        self.import_button.setText(self.tr("&Import…"))
        self.classify_button.setText(self.tr("&Class…"))
        self.classify_button.setToolTip(self.tr("Supervision class, its reasons and the office's "
                                                "decision; standardisation certificate"))
        self.standardisation_button.setText(self.tr("&Standardisation…"))
        self.standardisation_button.setToolTip(self.tr(
            "Standardisation grades and certificates: expired, expiring within 90 days, counts"))
        self.year_plan_button.setText(self.tr("&Yearly plan…"))
        self.year_plan_button.setToolTip(self.tr("Generate, review, approve and issue the yearly "
                                                 "inspection plan"))
        self.model.retranslate()
        self._update_count()
        self._update_buttons()
