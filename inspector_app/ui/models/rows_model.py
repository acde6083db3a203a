"""A read-only table of rows (dicts or records) whose headers follow the interface language.

Rows come either all at once (``set_rows``) or page by page from a query (``set_query``): the
view asks for the next page (``canFetchMore``/``fetchMore``) as the user scrolls, so a list of
a hundred thousand inspections reads only what is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex

from inspector_app.domain.text import printable
from inspector_app.ui.labels import ui_lang
from inspector_app.ui.qt_namespace import DISPLAY_ROLE, TOOLTIP_ROLE, qt

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

Index = QModelIndex | QPersistentModelIndex
_TEXT_ROLES = (DISPLAY_ROLE, TOOLTIP_ROLE)
PAGE_SIZE = 100  # rows per fetch: a few screens, read in a few milliseconds
# Reads rows [offset, offset + limit) of the current query.
PageQuery = Callable[[int, int], Sequence[Any]]
# Reads one page in an order: (sort, descending, offset, limit) -> rows.
SortedQuery = Callable[[str, bool, int, int], Sequence[Any]]


class RowsTableModel(QAbstractTableModel):
    """Subclasses give ``KEY`` (the id field or attribute of a row), ``_headers()`` and
    ``data()``."""

    KEY = "id"
    # For rows read with ``set_source``: the database's sort behind each column, and the
    # order before the user clicks a header.
    SQL_SORTS: ClassVar[dict[int, str]] = {}
    DEFAULT_SORT = ("", False)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Every table of names shows control and bidi-override characters as visible marks
        # (a company called "\u202egpj.exe" must not read as "exe.jpg"): one place for all
        # the subclasses' data().
        super().__init_subclass__(**kwargs)
        own = cls.__dict__.get("data")
        if own is not None and not getattr(own, "_printable", False):
            def data(self: Any, index: Index, role: int = DISPLAY_ROLE) -> Any:
                value = own(self, index, role)
                if isinstance(value, str) and role in _TEXT_ROLES:
                    # A tooltip keeps its lines (a title in the other language under it);
                    # a cell is one line.
                    return printable(value, multiline=role == TOOLTIP_ROLE)
                return value

            data._printable = True  # type: ignore[attr-defined]
            cls.data = data  # type: ignore[method-assign]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._lang = ui_lang()
        self._header_cache: tuple[str, ...] | None = None
        self._query: PageQuery | None = None
        self._exhausted = True
        self.sort_key, self.descending = self.DEFAULT_SORT
        self._source: SortedQuery | None = None

    def _headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def headers(self) -> tuple[str, ...]:
        """The translated headers, made once per language (views ask for them constantly)."""
        if self._header_cache is None:
            self._header_cache = self._headers()
        return self._header_cache

    # -- feeding ---------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._query = None
        self._exhausted = True
        self._rows = list(rows)
        self.endResetModel()

    def set_query(self, query: PageQuery, page_size: int | None = None) -> None:
        """Show the rows ``query`` gives, reading the first page now and the rest on demand."""
        page_size = page_size or PAGE_SIZE
        first = list(query(0, page_size))
        self.beginResetModel()
        self._query = query
        self._page_size = page_size
        self._rows = first
        self._exhausted = len(first) < page_size
        self.endResetModel()

    def set_source(self, source: SortedQuery) -> None:
        """Show what ``source`` reads, in the model's sort order, a page at a time."""
        self._source = source
        self._requery()

    def _requery(self) -> None:
        source, key, descending = self._source, self.sort_key, self.descending
        if source is not None:
            self.set_query(lambda offset, limit: source(key, descending, offset, limit))

    def sort(self, column: int, order: Qt.SortOrder | None = None) -> None:
        """Sorted by the database: the query runs again in the new order (ascending when
        ``order`` is not given, as Qt's default)."""
        key = self.SQL_SORTS.get(column)
        descending = order == qt().SortOrder.DescendingOrder
        if key is not None and (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self._requery()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's default
        return not parent.isValid() and self._query is not None and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self.fetch_rows(self._page_size)

    def fetch_rows(self, count: int) -> None:
        """Read up to ``count`` more rows of the query (``fetch_to_end`` reads big chunks)."""
        if not self.canFetchMore() or self._query is None:
            return
        more = list(self._query(len(self._rows), count))
        self._exhausted = len(more) < count
        if more:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def fetch_until(self, key: str, pages: int = 10) -> int:
        """The row of ``key``, reading up to ``pages`` more pages to find it; -1 if not found."""
        row = self.row_of(key)
        while row < 0 and pages > 0 and self.canFetchMore():
            loaded = len(self._rows)
            self.fetchMore()
            row = next((n for n, r in enumerate(self._rows[loaded:], start=loaded)
                        if self.row_key(r) == key), -1)
            pages -= 1
        return row

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_data(self, row: int) -> Any:
        return self._rows[row]

    def row_key(self, row: Any) -> Any:
        return row[self.KEY] if isinstance(row, dict) else getattr(row, self.KEY)

    def row_of(self, key: str) -> int:
        return next((n for n, r in enumerate(self._rows) if self.row_key(r) == key), -1)

    def retranslate(self) -> None:
        """Headers and labels follow the interface language; the views are told when they
        changed (a page is retranslated each time it shows, and telling them names a
        ``Qt.Orientation``: see ``qt_namespace``)."""
        lang, headers = ui_lang(), self._headers()
        if lang == self._lang and headers == self._header_cache:
            return
        self._lang = lang
        self._header_cache = headers
        last = len(headers) - 1
        self.headerDataChanged.emit(qt().Orientation.Horizontal, 0, last)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, last))

    # -- QAbstractTableModel ---------------------------------------------------------------------
    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = DISPLAY_ROLE) -> Any:
        if orientation != qt().Orientation.Horizontal or role != DISPLAY_ROLE:
            return None
        headers = self.headers()
        return headers[section] if 0 <= section < len(headers) else None
