"""The companies table of the Companies page, read from ``CompanyRepo.list``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from inspector_app.domain.company import Company, industry_label, risk_label
from inspector_app.storage.companies_repo import CompanyRepo

Index = QModelIndex | QPersistentModelIndex

# The usual four-colour risk scheme (红橙黄蓝), so a major-risk company stands out in the list.
RISK_COLOURS = {"major": "#d32f2f", "high": "#f57c00", "moderate": "#fbc02d", "low": "#1976d2"}


def ui_lang() -> str:
    """The interface language the translators were installed for ("zh_CN" or "en")."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


class CompaniesModel(QAbstractTableModel):
    COLUMNS = ("name", "credit_code", "town", "industry", "risk_level", "contact_name",
               "contact_phone")
    CompanyRole = Qt.ItemDataRole.UserRole + 1  # the Company of the row

    def __init__(self, repo: CompanyRepo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.search = ""
        self._companies: list[Company] = []
        self._lang = ui_lang()
        self.reload()

    # -- feeding ------------------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        self._companies = self.repo.list(self.search or None)
        self.endResetModel()

    def set_search(self, text: str) -> None:
        self.search = text.strip()
        self.reload()

    def company(self, row: int) -> Company:
        return self._companies[row]

    def row_of(self, company_id: str) -> int:
        for row, company in enumerate(self._companies):
            if company.id == company_id:
                return row
        return -1

    def retranslate(self) -> None:
        """Industry and risk labels follow the interface language."""
        self._lang = ui_lang()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._companies:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._companies) - 1, len(self.COLUMNS) - 1))

    # -- QAbstractTableModel ------------------------------------------------------------------
    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._companies)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return self._headers()[section]

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Credit code"), self.tr("Town"), self.tr("Industry"),
                self.tr("Risk level"), self.tr("On-site contact"), self.tr("Phone"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._companies):
            return None
        company = self._companies[index.row()]
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
