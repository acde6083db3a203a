"""The companies table of the Companies page, read from ``CompanyRepo.list`` a page at a time,
sorted and searched by the database."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import (
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from inspector_app.domain.company import Company, industry_label, risk_label
from inspector_app.services.companies import COMPANY_SORTS, CompanyRepo
from inspector_app.ui.models.rows_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex

# The usual four-colour risk scheme (红橙黄蓝), so a major-risk company stands out in the list.
RISK_COLOURS = {"major": "#d32f2f", "high": "#f57c00", "moderate": "#fbc02d", "low": "#1976d2"}


def ui_lang() -> str:
    """The interface language the translators were installed for ("zh_CN" or "en")."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


class CompaniesModel(RowsTableModel):
    KEY = "id"
    COLUMNS = ("name", "credit_code", "town", "industry", "risk_level", "contact_name",
               "contact_phone")
    SQL_SORTS: ClassVar[dict[int, str]] = {
        n: column for n, column in enumerate(COLUMNS) if column in COMPANY_SORTS}
    DEFAULT_SORT = ("name", False)
    CompanyRole = Qt.ItemDataRole.UserRole + 1  # the Company of the row

    def __init__(self, repo: CompanyRepo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.search = ""  # read by reload(), when the page is first shown
        self.total = 0    # rows the search selects, read or not yet

    # -- feeding ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the first page again (the rest as the view scrolls) and the number of rows."""
        repo, search = self.repo, self.search or None
        self.set_source(lambda sort, descending, offset, limit: repo.list(
            search, sort=sort, descending=descending, limit=limit, offset=offset))
        self.total = repo.count(search)

    def set_search(self, text: str) -> None:
        self.search = text.strip()
        self.reload()

    def company(self, row: int) -> Company:
        return self._rows[row]

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Credit code"), self.tr("Town"), self.tr("Industry"),
                self.tr("Risk level"), self.tr("On-site contact"), self.tr("Phone"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        company = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == "industry":
                return industry_label(company.industry, self._lang)
            if column == "risk_level":
                return risk_label(company.risk_level, self._lang)
            if role == Qt.ItemDataRole.ToolTipRole and column == "name":
                return company.address or None
            return getattr(company, column) or ""
        if (role == Qt.ItemDataRole.DecorationRole and column == "risk_level"
                and company.risk_level in RISK_COLOURS):
            return QColor(RISK_COLOURS[company.risk_level])
        if role == self.CompanyRole:
            return company
        return None
