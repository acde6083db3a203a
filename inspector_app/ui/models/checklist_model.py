"""The checklist of one inspection as a tree: sections, then their shown items."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from inspector_app.domain.checklist import Answer, Item, ItemType, Section, is_complete_answer
from inspector_app.ui.labels import answer_text, local

Index = QModelIndex | QPersistentModelIndex
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 2
_SECTION = 0  # internalId of section rows; item rows carry their section row + 1
_RED = QColor("#b00020")
_GREY = QColor("#777777")
_NO_PARENT = QModelIndex()  # a shared default: Qt passes an invalid index for the root


class ChecklistModel(QAbstractItemModel):
    COLUMNS = 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sections: list[Section] = []
        self._rows: list[list[Item]] = []
        self._answers: dict[str, Any] = {}
        self._numbers: dict[str, str] = {}
        self._hazard_items: set[str] = set()

    # -- feeding --
    def load(self, sections: list[Section], visible: dict[str, bool], answers: dict[str, Any],
             hazard_items: set[str]) -> None:
        rows = [[i for i in s.items if visible.get(i.id, False)] for s in sections]
        self._answers = answers
        self._hazard_items = hazard_items
        if [s.id for s in sections] == [s.id for s in self._sections] and \
                [[i.id for i in r] for r in rows] == [[i.id for i in r] for r in self._rows]:
            self._emit_all_changed()
            return
        self.beginResetModel()
        self._sections = sections
        self._rows = rows
        # Numbers stay put when show_if hides an item: "3." is always the same question.
        self._numbers = {item.id: f"{n}." for s in sections
                         for n, item in enumerate(s.items, start=1)}
        self.endResetModel()

    def _emit_all_changed(self) -> None:
        last = self.COLUMNS - 1
        for row in range(len(self._sections)):
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))
            parent = self.index(row, 0)
            count = len(self._rows[row])
            if count:
                self.dataChanged.emit(self.index(0, 0, parent), self.index(count - 1, last, parent))

    # -- lookup --
    def item_at(self, index: Index) -> Item | None:
        if not index.isValid() or index.internalId() == _SECTION:
            return None
        return self._rows[index.internalId() - 1][index.row()]

    def index_of_item(self, item_id: str) -> QModelIndex:
        for s_row, items in enumerate(self._rows):
            for i_row, item in enumerate(items):
                if item.id == item_id:
                    return self.index(i_row, 0, self.index(s_row, 0))
        return QModelIndex()

    def ordered_items(self) -> list[Item]:
        return [item for items in self._rows for item in items]

    def section_progress(self, row: int) -> tuple[int, int]:
        items = [i for i in self._rows[row] if i.answerable]
        done = sum(1 for i in items if is_complete_answer(i, self._answers.get(i.id)))
        return done, len(items)

    # -- QAbstractItemModel --
    def index(self, row: int, column: int, parent: Index = _NO_PARENT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _SECTION)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = _NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _SECTION:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _SECTION)

    def rowCount(self, parent: Index = _NO_PARENT) -> int:
        if not parent.isValid():
            return len(self._sections)
        if parent.internalId() == _SECTION and parent.column() == 0:
            return len(self._rows[parent.row()])
        return 0

    def columnCount(self, parent: Index = _NO_PARENT) -> int:
        return self.COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Item"), self.tr("Answer"))[section] if 0 <= section < 2 else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _SECTION:
            return self._section_data(index, role)
        item = self._rows[index.internalId() - 1][index.row()]
        value = self._answers.get(item.id)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                marker = " *" if item.required and item.answerable else ""
                return f"{self._numbers.get(item.id, '')} {local(item.text)}{marker}"
            return answer_text(item, value, value if item.type is ItemType.PHOTO else 0)
        if role == Qt.ItemDataRole.ToolTipRole:
            return local(item.text) + (f"\n{local(item.legal_basis)}" if item.legal_basis else "")
        if role == Qt.ItemDataRole.ForegroundRole:
            if value == Answer.NON_COMPLIANT.value or item.id in self._hazard_items:
                return QBrush(_RED)
            if value == Answer.NOT_APPLICABLE.value or not item.answerable:
                return QBrush(_GREY)
            return None
        if role == ITEM_ID_ROLE:
            return item.id
        if role == SECTION_ID_ROLE:
            return item.section_id
        return None

    def _section_data(self, index: Index, role: int) -> Any:
        section = self._sections[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return local(section.title)
            done, total = self.section_progress(index.row())
            return f"{done}/{total}"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == SECTION_ID_ROLE:
            return section.id
        return None
