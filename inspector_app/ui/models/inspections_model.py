"""The inspections table of the Inspections page, fed with ``InspectionService.list`` rows.

On the page the rows come a page at a time and are sorted by the database (``sort`` asks for
the query again in the new order), so a district's hundred thousand inspections are never all
read. ``SORT_ROLE`` sorts rows given all at once (``make_proxy``): dates as ISO text, counts as
integers and document numbers as a key that puts 〔2026〕…-1000号 after …-999号.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)

from inspector_app.domain.inspection import KIND_LABELS, STATUS_LABELS, Kind, Status
from inspector_app.ui.datetimes import show_datetime
from inspector_app.ui.labels import list_separator, pair
from inspector_app.ui.models.rows_model import RowsTableModel
from inspector_app.ui.qt_namespace import (
    ALIGN_RIGHT_VCENTER,
    DISPLAY_ROLE,
    TEXT_ALIGNMENT_ROLE,
    TOOLTIP_ROLE,
    USER_ROLE,
    qt,
)

Index = QModelIndex | QPersistentModelIndex
# Plain numbers, not Qt's enums: the first page's model names none (``qt_namespace``).
SORT_ROLE = USER_ROLE + 1
ID_ROLE = USER_ROLE + 2  # the inspection id of the row, on every column


class Column(IntEnum):
    NUMBER = 0
    COMPANY = 1
    TOWN = 2
    TEMPLATE = 3
    KIND = 4
    STATUS = 5
    STARTED = 6
    INSPECTORS = 7
    HAZARDS = 8
    OPEN_HAZARDS = 9


_COLUMNS = tuple(Column)  # by number, without making an enum member at each call
_RIGHT = ALIGN_RIGHT_VCENTER
_DISPLAY = DISPLAY_ROLE
_TOOLTIP = TOOLTIP_ROLE
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, TEXT_ALIGNMENT_ROLE, SORT_ROLE, ID_ROLE})
# The sort of ``InspectionRepo.list`` (see LIST_SORTS) behind each column.
SQL_SORTS = {Column.NUMBER: "number", Column.COMPANY: "company", Column.TOWN: "town",
             Column.TEMPLATE: "template", Column.KIND: "kind", Column.STATUS: "status",
             Column.STARTED: "started", Column.INSPECTORS: "inspectors",
             Column.HAZARDS: "hazards", Column.OPEN_HAZARDS: "open_hazards"}


def number_sort_key(number: str | None) -> str:
    """Year, prefix, then the sequence as a number; unparsable numbers sort by their text."""
    if not number:
        return ""
    # Imported here: only the rows given all at once (``make_proxy``) sort by it, and the
    # window's first page does without its pattern's compiling.
    from inspector_app.domain.numbering import parse_number

    parts = parse_number(number.split("（第")[0])
    if parts is None:
        return "~" + number
    revision = number.split("（第")[1].rstrip("版）") if "（第" in number else "1"
    revision = revision if revision.isdigit() else "1"
    return f"{parts['year']}|{parts['prefix'] or ''}|{int(parts['seq']):09d}|{int(revision):04d}"


def started_text(value: str | None) -> str:
    """"2026-11-28T09:30+08:00" shown as "2026年11月28日 09:30" (the time where it happened)."""
    return show_datetime(value, as_written=True)


class InspectionsModel(RowsTableModel):
    KEY = "id"
    SQL_SORTS = SQL_SORTS
    DEFAULT_SORT = ("started", True)  # the newest first
    # Qt's own, which answers the section's number: the page's header shows ``headers()``
    # through ``table_header.HeaderLabels``. A headerData of Python's would receive a
    # Qt.Orientation from Qt, and with it make the ``Qt`` namespace before the first page.
    headerData = QAbstractTableModel.headerData

    def inspection_id(self, row: int) -> str:
        return str(self._rows[row]["id"])

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Number"), self.tr("Company"), self.tr("Town"), self.tr("Checklist"),
                self.tr("Kind"), self.tr("Status"), self.tr("Started"), self.tr("Inspectors"),
                self.tr("Hazards (major)"), self.tr("Open hazards"))

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # The view asks for every role of every cell it paints (about 1,500 calls for the
        # first page): the roles answered here are picked out first, as plain numbers.
        if role not in _ANSWERED or not index.isValid():
            return None
        number = index.row()
        if not 0 <= number < len(self._rows):
            return None
        row = self._rows[number]
        column = _COLUMNS[index.column()]
        if role == _DISPLAY:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == ID_ROLE:
            return row["id"]
        if role == _TOOLTIP:
            if column is Column.TEMPLATE:
                return f"{self._title(row)} ({row['template_id']}@{row['template_version']})"
            if column is Column.NUMBER and row["revision"] > 1:
                return self.tr("Revision {0}").format(row["revision"])
            return None
        if column in (Column.HAZARDS, Column.OPEN_HAZARDS):  # the role left: the alignment
            return _RIGHT
        return None

    # -- cells --------------------------------------------------------------------------------
    def _title(self, row: dict[str, Any]) -> str:
        if self._lang == "en" and row["title_en"]:
            return str(row["title_en"])
        return str(row["title_zh"] or row["template_id"])

    def _display(self, row: dict[str, Any], column: Column) -> str:
        if column is Column.NUMBER:
            return row["number"] or ""
        if column is Column.COMPANY:
            return row["company_name"] or ""
        if column is Column.TOWN:
            return row["town"] or ""
        if column is Column.TEMPLATE:
            return self._title(row)
        if column is Column.KIND:
            return pair(KIND_LABELS[Kind(row["kind"])])
        if column is Column.STATUS:
            return pair(STATUS_LABELS[Status(row["status"])])
        if column is Column.STARTED:
            return started_text(row["started_at"])
        if column is Column.INSPECTORS:  # listed with the enumeration comma by the query
            return (row["inspectors"] or "").replace("、", list_separator())
        if column is Column.HAZARDS:
            return f"{row['hazards']} ({row['major_hazards']})"
        return str(row["open_hazards"])

    def _sort_key(self, row: dict[str, Any], column: Column) -> Any:
        if column is Column.NUMBER:
            return number_sort_key(row["number"])
        if column is Column.STARTED:
            return row["started_at"] or ""
        if column is Column.STATUS:
            return list(Status).index(Status(row["status"]))  # lifecycle order, not alphabetical
        if column is Column.HAZARDS:
            # By all hazards, then by the major ones among them.
            return int(row["hazards"]) * 100_000 + int(row["major_hazards"])
        if column is Column.OPEN_HAZARDS:
            return int(row["open_hazards"])
        return self._display(row, column)


def make_proxy(model: InspectionsModel, parent: QObject | None = None) -> QSortFilterProxyModel:
    """A proxy that sorts by ``SORT_ROLE``, Chinese text in the locale's order."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSortLocaleAware(True)
    proxy.setSortCaseSensitivity(qt().CaseSensitivity.CaseInsensitive)
    return proxy
