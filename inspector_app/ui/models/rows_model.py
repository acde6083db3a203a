"""A read-only table of rows (dicts or records) whose headers follow the interface language."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from inspector_app.domain.text import printable
from inspector_app.ui.labels import ui_lang

Index = QModelIndex | QPersistentModelIndex
_TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


class RowsTableModel(QAbstractTableModel):
    """Subclasses give ``KEY`` (the id field or attribute of a row), ``_headers()`` and
    ``data()``."""

    KEY = "id"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Every table of names shows control and bidi-override characters as visible marks
        # (a company called "\u202egpj.exe" must not read as "exe.jpg"): one place for all
        # the subclasses' data().
        super().__init_subclass__(**kwargs)
        own = cls.__dict__.get("data")
        if own is not None and not getattr(own, "_printable", False):
            def data(self: Any, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
                value = own(self, index, role)
                if isinstance(value, str) and role in _TEXT_ROLES:
                    return printable(value)
                return value

            data._printable = True  # type: ignore[attr-defined]
            cls.data = data  # type: ignore[method-assign]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._lang = ui_lang()

    def _headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    # -- feeding ---------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_data(self, row: int) -> Any:
        return self._rows[row]

    def row_key(self, row: Any) -> Any:
        return row[self.KEY] if isinstance(row, dict) else getattr(row, self.KEY)

    def row_of(self, key: str) -> int:
        return next((n for n, r in enumerate(self._rows) if self.row_key(r) == key), -1)

    def retranslate(self) -> None:
        """Headers and labels follow the interface language."""
        self._lang = ui_lang()
        last = self.columnCount() - 1
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, last))

    # -- QAbstractTableModel ---------------------------------------------------------------------
    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._headers())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = self._headers()
        return headers[section] if 0 <= section < len(headers) else None
