"""The hazard ledger table of the Hazards page, fed with ``HazardLedger.rows``.

On the page the rows come a page at a time, sorted by the database (``SQL_SORTS``). Rows given
all at once sort through ``SORT_ROLE`` (``make_proxy``): ledger numbers by year, prefix and
sequence (…-999号-2 before …-1000号-1), dates as ISO text, days overdue as integers, statuses
in lifecycle order.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from inspector_app.domain.finding import GRADE_LABELS, STATUS_LABELS, FindingStatus, Grade
from inspector_app.services.reinspection import RESULTS
from inspector_app.services.reports.hazard_ledger import (
    INSPECTION_STATUS_LABELS,
    acceptance_text,
    plan_text,
    reinspection_result_text,
)
from inspector_app.ui.datetimes import show_date
from inspector_app.ui.labels import pair
from inspector_app.ui.models.inspections_model import number_sort_key
from inspector_app.ui.models.rows_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2          # the finding id, on every column
INSPECTION_ROLE = Qt.ItemDataRole.UserRole + 3  # the inspection id
COMPANY_ROLE = Qt.ItemDataRole.UserRole + 4     # the company id


class Column(IntEnum):
    # What a supervisor chases (deadline, days overdue, status) before the long texts, so it
    # shows without scrolling beside the navigation; the rest after a scroll. The page shows
    # them before the town, dates and grade (``SHOWN_ORDER``, pages/hazards.py).
    NUMBER = 0
    COMPANY = 1
    TOWN = 2
    FOUND = 3
    GRADE = 4
    DEADLINE = 5
    OVERDUE = 6
    STATUS = 7
    DESCRIPTION = 8
    RESPONSIBLE = 9
    REQUIREMENT = 10
    LEGAL_BASIS = 11
    RESULT = 12
    REINSPECTED = 13
    CLOSED = 14
    PLAN = 15         # a major hazard's governance plan (治理方案): complete or what is missing
    ACCEPTANCE = 16   # the acceptance (评估/验收) it was closed on


_DATES = (Column.FOUND, Column.DEADLINE, Column.REINSPECTED, Column.CLOSED)
# Long free text, cut at the column's bound: the tooltip shows it whole.
_CUT_TEXTS = (Column.COMPANY, Column.TOWN, Column.DESCRIPTION, Column.RESPONSIBLE,
              Column.REQUIREMENT, Column.LEGAL_BASIS, Column.PLAN, Column.ACCEPTANCE)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# Dark enough to read on white and on the alternate row colour; red is what circulars use.
OVERDUE_COLOUR = QColor(176, 0, 32)
CLOSED_COLOUR = QColor(128, 128, 128)
_STATUS_ORDER = {s.value: n for n, s in enumerate(
    (FindingStatus.REOPENED, FindingStatus.OPEN, FindingStatus.RECTIFIED, FindingStatus.CLOSED))}


@functools.cache
def _two_digit_days(lang: str) -> list[str]:
    """Every two-digit day of this year as the user writes it: digits are not all as wide."""
    first = date(date.today().year, 1, 10)
    days = (first + timedelta(days=n) for n in range(366))
    return sorted({show_date(day, lang) for day in days if day.day >= 10})


def ledger_sort_key(row: dict[str, Any]) -> str:
    return f"{number_sort_key(row['inspection_number'])}|{int(row['seq']):05d}"


# The sort of ``HazardLedger.rows`` (see LEDGER_SORTS) behind each column.
SQL_SORTS = {Column.NUMBER: "number", Column.COMPANY: "company", Column.TOWN: "town",
             Column.FOUND: "found", Column.GRADE: "grade", Column.DEADLINE: "deadline",
             Column.OVERDUE: "overdue", Column.STATUS: "status",
             Column.DESCRIPTION: "description", Column.RESPONSIBLE: "responsible",
             Column.REQUIREMENT: "requirement", Column.LEGAL_BASIS: "legal_basis",
             Column.RESULT: "result", Column.REINSPECTED: "reinspected",
             Column.CLOSED: "closed"}


_ROLES = frozenset((Qt.ItemDataRole.DisplayRole, SORT_ROLE, ID_ROLE, INSPECTION_ROLE,
                    COMPANY_ROLE, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole,
                    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole))


class HazardsModel(RowsTableModel):
    KEY = "finding_id"
    SQL_SORTS = SQL_SORTS
    DEFAULT_SORT = ("overdue", True)  # the most overdue first: what a supervisor chases today

    def _headers(self) -> tuple[str, ...]:
        headers = {
            Column.NUMBER: self.tr("Number"), Column.COMPANY: self.tr("Company"),
            Column.TOWN: self.tr("Town"), Column.FOUND: self.tr("Found"),
            Column.GRADE: self.tr("Grade"), Column.DESCRIPTION: self.tr("Description"),
            Column.DEADLINE: self.tr("Deadline"), Column.OVERDUE: self.tr("Days overdue"),
            Column.STATUS: self.tr("Status"), Column.RESPONSIBLE: self.tr("Responsible"),
            Column.REQUIREMENT: self.tr("Requirement"),
            Column.LEGAL_BASIS: self.tr("Legal basis"),
            Column.RESULT: self.tr("Re-inspection result"),
            Column.REINSPECTED: self.tr("Re-inspected"), Column.CLOSED: self.tr("Closed"),
            Column.PLAN: self.tr("Governance plan"), Column.ACCEPTANCE: self.tr("Acceptance"),
        }
        return tuple(headers[c] for c in Column)

    def column_samples(self, column: int) -> list[str]:
        """Every text a column of words or dates may show, whatever rows were read so far: the
        ledger comes a page at a time, and its first page (the most overdue) is all "open"."""
        if column in _DATES:
            return _two_digit_days(self._lang)
        if column == Column.STATUS:
            # A draft's hazards are open: no order was issued for them yet.
            return [pair(STATUS_LABELS[status]) for status in FindingStatus] + [
                pair(STATUS_LABELS[FindingStatus.OPEN]) + self.tr(" (draft)")]
        if column == Column.GRADE:
            return [pair(GRADE_LABELS[grade]) for grade in Grade]
        if column == Column.RESULT:
            return [reinspection_result_text(result, self._lang == "zh_CN") for result in RESULTS]
        return []

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks each cell for a dozen roles at each paint: most have no answer here.
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == ID_ROLE:
            return row["finding_id"]
        if role == INSPECTION_ROLE:
            return row["inspection_id"]
        if role == COMPANY_ROLE:
            return row["company_id"]
        if role == Qt.ItemDataRole.ForegroundRole:
            if row["overdue"]:
                return QBrush(OVERDUE_COLOUR)
            if row["status"] == FindingStatus.CLOSED.value:
                return QBrush(CLOSED_COLOUR)
            return None
        if role == Qt.ItemDataRole.FontRole:
            if not row["issued"]:
                font = QFont()
                font.setItalic(True)  # not issued yet: shown, but visibly provisional
                return font
            if column is Column.GRADE and row["grade"] == Grade.MAJOR.value:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.OVERDUE:
            return _RIGHT
        return None

    # -- cells --------------------------------------------------------------------------------
    def _display(self, row: dict[str, Any], column: Column) -> str:
        if column is Column.NUMBER:
            return str(row["ledger_number"])
        if column is Column.COMPANY:
            return row["company_name"] or ""
        if column is Column.TOWN:
            return row["town"] or ""
        if column is Column.FOUND:
            return show_date(row["found_on"])
        if column is Column.DESCRIPTION:
            return " ".join((row["description"] or "").split())  # one line in the table
        if column is Column.GRADE:
            return pair(GRADE_LABELS[Grade(row["grade"])])
        if column is Column.LEGAL_BASIS:
            return row["legal_basis"] or ""
        if column is Column.REQUIREMENT:
            return " ".join((row["requirement"] or "").split())
        if column is Column.DEADLINE:
            return show_date(row["deadline"])
        if column is Column.RESPONSIBLE:
            return row["responsible"] or ""
        if column is Column.STATUS:
            text = pair(STATUS_LABELS[FindingStatus(row["status"])])
            if not row["issued"]:
                text += self.tr(" (draft)")
            return text
        if column is Column.OVERDUE:
            return str(row["days_overdue"]) if row["days_overdue"] else ""
        if column is Column.RESULT:
            return reinspection_result_text(row["reinspection_result"], self._lang == "zh_CN")
        if column is Column.REINSPECTED:
            return show_date(row["reinspected_at"])
        if column is Column.PLAN:
            return plan_text(row, self._lang == "zh_CN")
        if column is Column.ACCEPTANCE:
            return acceptance_text(row, self._lang == "zh_CN")
        return show_date(row["closed_at"])

    def _tooltip(self, row: dict[str, Any], column: Column) -> str | None:
        if column in _CUT_TEXTS:
            return self._display(row, column) or None
        if column is Column.STATUS and not row["issued"]:
            return self.tr("The inspection is still a draft: no rectification order has been "
                           "issued for this hazard yet.")
        if column is Column.NUMBER:
            status = INSPECTION_STATUS_LABELS.get(row["inspection_status"])
            return self.tr("Inspection {0} ({1})").format(
                row["inspection_number"] or "", pair(status) if status else "")
        return None

    def _sort_key(self, row: dict[str, Any], column: Column) -> Any:
        if column is Column.NUMBER:
            return ledger_sort_key(row)
        if column is Column.FOUND:
            return row["found_at"] or ""
        if column is Column.DEADLINE:
            return row["deadline"] or "9999"  # no deadline sorts after every real one
        if column is Column.OVERDUE:
            return int(row["days_overdue"])
        if column is Column.STATUS:
            return _STATUS_ORDER.get(row["status"], len(_STATUS_ORDER))
        if column is Column.GRADE:
            return 0 if row["grade"] == Grade.MAJOR.value else 1  # major first when ascending
        return self._display(row, column)


def make_proxy(model: HazardsModel, parent: QObject | None = None) -> QSortFilterProxyModel:
    """A proxy that sorts by ``SORT_ROLE``, Chinese text in the locale's order."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSortLocaleAware(True)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy
