"""Ctrl+End in a long list read page by page goes to the last row, the window answering."""

from __future__ import annotations

import itertools
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QTableView

from inspector_app.ui.fetch_to_end import FetchToEnd
from inspector_app.ui.models.rows_model import RowsTableModel

TOTAL = 30_000


class Numbers(RowsTableModel):
    def _headers(self) -> tuple[str, ...]:
        return ("No.",)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return str(self.row_data(index.row())["id"])
        return None


def numbers(offset: int, limit: int) -> list[dict[str, int]]:
    time.sleep(limit * 2e-6)         # a database's page: slower the more rows it reads
    return [{"id": n} for n in range(offset, min(offset + limit, TOTAL))]


def test_ctrl_end_goes_to_the_last_row_and_the_window_keeps_answering(qtbot):
    model = Numbers()
    model.set_query(numbers)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    to_end = FetchToEnd(view)
    view.setCurrentIndex(model.index(0, 0))
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(0)
    with qtbot.waitSignal(to_end.finished, timeout=30_000):
        qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    timer.stop()
    assert model.rowCount() == TOTAL and not model.canFetchMore()
    assert view.currentIndex().row() == TOTAL - 1
    assert model.data(view.currentIndex()) == str(TOTAL - 1)
    # The events were served between chunks: never a long wait between two timer ticks.
    assert len(ticks) > 3
    assert max(b - a for a, b in itertools.pairwise(ticks)) < 0.5


def test_a_new_filter_stops_the_way_to_the_end(qtbot):
    model = Numbers()
    model.set_query(numbers)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    to_end = FetchToEnd(view)
    with qtbot.waitSignal(to_end.finished, timeout=30_000):
        qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        model.set_query(lambda offset, limit: numbers(offset, limit)[:5])   # a search typed
    assert model.rowCount() == 5 and not to_end.running
