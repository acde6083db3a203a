"""A table's last row (its total) kept in view under the rows above it.

A statistics table by industry has more rows than a small laptop shows; its total row is the
figure a meeting reads first, and it must not scroll away. The footer is a second view of the
same model and selection, showing only the last row: clicking, selecting, the current cell and
double-clicking behave as on the table itself, and the table hides that row so it is never
shown twice.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)


class PinnedLastRow(QTableView):
    """The last row of ``table``'s model, drawn under ``table`` with its columns."""

    activated_cell = Signal(int, int)   # row and column of the model, on double-click

    def __init__(self, table: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.setModel(table.model())
        self.setSelectionModel(table.selectionModel())
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(table.selectionBehavior())
        self.setSelectionMode(table.selectionMode())
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Tab moves through the table; the footer is reached with the mouse or the arrow keys
        # of the table (the current cell is shared).
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.doubleClicked.connect(self._double_clicked)
        table.horizontalHeader().sectionResized.connect(self._column_resized)
        table.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)
        model = table.model()
        self._signals = (model.modelReset, model.rowsInserted, model.rowsRemoved,
                         model.columnsInserted, model.columnsRemoved, model.layoutChanged)
        for signal in self._signals:
            signal.connect(self.follow)
        # The table's model empties as the table is destroyed: the table is gone by then.
        table.destroyed.connect(self._table_destroyed)
        self.row = QHBoxLayout()
        self.row.addWidget(self)
        # The footer's cells stand under the table's: as wide a view, so both scroll sideways
        # by the same amount; the table's vertical scroll bar comes and goes with its rows.
        table.verticalScrollBar().installEventFilter(self)
        self.follow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.Resize):
            self._fit_margins()
        return False

    def _fit_margins(self) -> None:
        table, frame = self.table, self.table.frameWidth()
        header, bar = table.verticalHeader(), table.verticalScrollBar()
        self.row.setContentsMargins(frame + (header.width() if header.isVisible() else 0), 0,
                                    frame + (bar.width() if bar.isVisible() else 0), 0)

    def last_row(self) -> int:
        return self.model().rowCount() - 1

    def follow(self, *_args: object) -> None:
        """Show only the model's last row here, every other row only in the table."""
        last = self.last_row()
        for row in range(last + 1):
            self.setRowHidden(row, row != last)
            self.table.setRowHidden(row, row == last)
        height = self.table.verticalHeader().defaultSectionSize()
        self.verticalHeader().setDefaultSectionSize(height)
        self.setFixedHeight(height if last >= 0 else 0)
        self.setVisible(last >= 0)
        for column in range(self.model().columnCount()):
            self.setColumnWidth(column, self.table.columnWidth(column))
        self._fit_margins()
        self.horizontalScrollBar().setValue(self.table.horizontalScrollBar().value())

    def fit_columns(self, columns: range, least: int = 0, most: int | None = None) -> None:
        """Size ``columns`` of the table to their header, their rows and the total below
        (the table alone would not count the total: it hides that row), within ``least`` and
        ``most`` pixels."""
        header = self.table.horizontalHeader()
        for column in columns:
            width = max(least, header.sectionSizeHint(column),
                        self.table.sizeHintForColumn(column), self.sizeHintForColumn(column))
            self.table.setColumnWidth(column, width if most is None else min(width, most))

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        self.setColumnWidth(column, new)
        # A wider column may bring the table's scroll bar; follow its range too.
        self.horizontalScrollBar().setRange(self.table.horizontalScrollBar().minimum(),
                                            self.table.horizontalScrollBar().maximum())
        self.horizontalScrollBar().setValue(self.table.horizontalScrollBar().value())

    def _table_destroyed(self) -> None:
        for signal in self._signals:
            signal.disconnect(self.follow)

    def _double_clicked(self, index: QModelIndex) -> None:
        self.activated_cell.emit(index.row(), index.column())


def with_pinned_last_row(table: QTableView) -> tuple[QWidget, PinnedLastRow]:
    """``table`` and its footer in one widget, to lay out where the table would go."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(table, 1)
    footer = PinnedLastRow(table, box)
    layout.addLayout(footer.row)
    return box, footer
