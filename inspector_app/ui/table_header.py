"""A table header that shows its titles and sort order without naming any of Qt's enums.

The window's first page is a Python table model in a ``QTableView``. Qt asks the header's model
for its titles through ``headerData(section, orientation, role)`` and sorts through
``sort(column, order)``: in Python those receive a ``Qt.Orientation`` and a ``Qt.SortOrder``,
and the first of either makes PySide create the ``Qt`` namespace's enums (``qt_namespace``:
15-25 ms of the start). Here the header reads its titles from a Qt model holding them, the sort
indicator is set in the header's state, and the view's sorting (which calls ``sort``) is
switched on a moment after the window's first frame (before the rest of the start's deferred
work, ``first_show.LATER_MS``, so that the two do not stop the window together); until then the
rows already are in that order.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QTableView

from inspector_app.ui.first_show import LATER_MS
from inspector_app.ui.models.rows_model import RowsTableModel
from inspector_app.ui.qt_namespace import qt

# QHeaderView.saveState(): a marker, a version, then orientation, sort order, sort section (int32
# each, big-endian) and whether the indicator shows (one byte). Qt's format since Qt 4.
_MARKER_AND_VERSION = bytes.fromhex("000000ff00000000")
_ORDER, _SECTION, _SHOWN = slice(12, 16), slice(16, 20), 20
_DESCENDING = 1  # Qt.SortOrder.DescendingOrder
# From the view's making: its first rows are painted by then, and the rest of the deferred work
# of the start comes later.
SORTING_LATER_MS = LATER_MS // 2


class HeaderLabels(QStandardItemModel):
    """The titles of ``model``'s columns for ``view``'s header, following ``model``'s."""

    def __init__(self, view: QTableView, model: RowsTableModel) -> None:
        super().__init__(0, model.columnCount(), view)
        self.source = model
        self.update()
        view.horizontalHeader().setModel(self)

    def update(self) -> None:
        """The titles again (after the model's ``retranslate``)."""
        self.setHorizontalHeaderLabels(list(self.source.headers()))


def sorted_by(view: QTableView, column: int, descending: bool) -> None:
    """Show ``view`` sorted by ``column`` (its model already is) and let the user sort it,
    sorting switched on a moment after the first frame."""
    header = view.horizontalHeader()
    state = bytearray(header.saveState().data())
    if state[:8] == _MARKER_AND_VERSION and len(state) > _SHOWN:
        state[_ORDER] = (_DESCENDING if descending else 0).to_bytes(4, "big")
        state[_SECTION] = column.to_bytes(4, "big")
        state[_SHOWN] = 1
        if header.restoreState(QByteArray(bytes(state))):
            header.setSectionsClickable(True)
            QTimer.singleShot(SORTING_LATER_MS, view, lambda: view.setSortingEnabled(True))
            return
    # A format this does not know: Qt's own way, at the price of the enums now.
    order = qt().SortOrder
    view.setSortingEnabled(True)
    view.sortByColumn(column, order.DescendingOrder if descending else order.AscendingOrder)
