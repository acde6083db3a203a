"""Ctrl+End in a list read page by page (``RowsTableModel.set_query``) goes to the last row.

Qt's own Ctrl+End goes to the last row read so far, and the view then reads one more page: in a
district's hundred thousand inspections that is a page per press. Here the rest is read in
chunks between the window's events (each chunk sized to take about a quarter of a second, so the
window keeps answering), then the last row is made current.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QAbstractProxyModel, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView

from inspector_app.ui.models.rows_model import RowsTableModel
from inspector_app.ui.qt_namespace import qt

CHUNK_SECONDS = 0.25       # the work between two looks at the window's events
FIRST_CHUNK = 2_000        # rows; then sized from how long the last chunk took
# Never smaller: a page far down costs its offset (a third of a second at 90,000) whatever
# its size, so small chunks there would take minutes.
MIN_CHUNK, MAX_CHUNK = 2_000, 20_000


class FetchToEnd(QObject):
    """Installed on a view: Ctrl+End reads the rest of its model, then selects the last row."""

    finished = Signal()        # the last row is current (or the model changed meanwhile)

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        self.chunk = FIRST_CHUNK
        self._model: RowsTableModel | None = None
        view.installEventFilter(self)

    @property
    def running(self) -> bool:
        return self._model is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if (event.key() != qt().Key.Key_End
                or not event.modifiers() & qt().KeyboardModifier.ControlModifier):
            return False
        if self.running:
            return True     # already on its way to the end
        model = self.view.model()
        while isinstance(model, QAbstractProxyModel):
            model = model.sourceModel()
        if not isinstance(model, RowsTableModel) or not model.canFetchMore():
            return False    # all rows are read: Qt's own Ctrl+End
        self.start(model)
        return True

    def start(self, model: RowsTableModel) -> None:
        self._model = model
        model.modelReset.connect(self._stop)
        self.view.setCursor(qt().CursorShape.BusyCursor)
        QTimer.singleShot(0, self._step)

    def _step(self) -> None:
        model = self._model
        if model is None:
            return
        started = time.perf_counter()
        model.fetch_rows(self.chunk)
        took = max(time.perf_counter() - started, 1e-4)
        self.chunk = max(MIN_CHUNK, min(MAX_CHUNK, int(self.chunk * CHUNK_SECONDS / took)))
        if model.canFetchMore():
            QTimer.singleShot(0, self._step)
            return
        self._stop()
        shown = self.view.model()       # the model itself, or a proxy sorting it
        last = shown.rowCount() - 1
        if last >= 0:
            column = max(0, self.view.currentIndex().column())
            self.view.setCurrentIndex(shown.index(last, column))
            self.view.scrollToBottom()

    def _stop(self) -> None:
        if self._model is not None:
            self._model.modelReset.disconnect(self._stop)
            self._model = None
            self.view.unsetCursor()
            self.finished.emit()
