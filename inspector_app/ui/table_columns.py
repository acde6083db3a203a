"""Table columns sized to their content within bounds, the main text column taking the rest.

One helper for every table of the program. Columns other than the main one are as wide as their
widest visible cell or header, between a minimum and a maximum (long texts show in full in the
tooltip); the main column (a company name, a title) gets the width that is left, never less than
a readable minimum, so it neither collapses nor keeps a width the window no longer has. A width
the user drags is kept, also across restarts (per table, in the settings), until the interface
language changes: the new words get new widths. An order the user gives the columns (a column
dragged elsewhere) is kept too, with or without a width dragged; moved only, the widths stay
fitted.

A list read a page at a time shows its first rows only when it is fitted: a column whose other
rows say something wider (a status further down, a date of another month) is given the texts it
can show (``samples``) and is as wide as the widest of them too, so nothing short is cut later.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSettings, QSize, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QTreeView,
    QWidget,
)

from inspector_app.ui.first_show import LATER_MS, TURN_MS

_GROUP = "tables"
# Rows read to size a column besides the visible ones (Qt's default is 1000): a page of a long
# list asks every cell of a hundred rows through Python otherwise, on the window's start.
EXTRA_ROWS = 20
_WATCHED = (QEvent.Type.Resize, QEvent.Type.LanguageChange, QEvent.Type.Show, QEvent.Type.Hide,
            QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.Paint)


class ColumnFitter(QObject):
    def __init__(self, view: QTableView | QTreeView, key: str, stretch: int,
                 settings: QSettings | None = None, *, max_chars: int = 36,
                 min_stretch_chars: int = 14, whole: tuple[int, ...] = (),
                 once: bool = False,
                 samples: Callable[[int], Iterable[str]] | None = None) -> None:
        super().__init__(view)
        self.view = view
        self.key = key
        self.stretch = stretch
        self.settings = settings if settings is not None else _default_settings()
        self.max_chars = max_chars
        self.min_stretch_chars = min_stretch_chars
        self.whole = whole  # columns shown whole whatever their width (document numbers)
        # Fitted to the first rows only: a list refiltered at each keystroke keeps its widths
        # (measuring each cell of a page through Python again costs more than reading it).
        self.once = once
        # The texts a column may show in rows not read yet (every status, a date of each month).
        self.samples = samples
        self._fitted_rows = False
        self._whole_only = False  # a pending fit is of the columns shown whole only
        self.user_sized = False
        self.user_moved = False
        self._restoring = False
        self._fitting = False
        self._model = None
        header = self.header
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(EXTRA_ROWS)
        header.sectionResized.connect(self._section_resized)
        header.sectionMoved.connect(self._section_moved)
        # Only a drag on the header is the user's: Qt also resizes sections itself (model resets).
        self._dragging = False
        self._header = header
        view.installEventFilter(self)
        # The viewports are watched from the view's first frame on (``_watch_viewports``).
        self._viewport: QWidget | None = None
        self._restore()
        self._watch_model()
        # Fit once the view has its first rows and its real width (after the layout ran).
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self._fit_if_automatic)

    @property
    def header(self) -> QHeaderView:
        view = self.view
        return view.horizontalHeader() if isinstance(view, QTableView) else view.header()

    # -- sizing -----------------------------------------------------------------------------------
    def bounds(self) -> tuple[int, int]:
        chars = self.view.fontMetrics().averageCharWidth()
        return max(48, chars * 4), chars * self.max_chars

    def fit(self) -> None:
        """Every column to its content (within bounds), the main column to the rest."""
        model = self.view.model()
        if model is None:
            return
        low, high = self.bounds()
        self._fitting = True
        try:
            for column in range(model.columnCount()):
                if column == self.stretch or self.header.isSectionHidden(column):
                    continue
                wanted = max(self.view.sizeHintForColumn(column),
                             self.header.sectionSizeHint(column), self._samples_width(column))
                limit = wanted if column in self.whole else high
                self.header.resizeSection(column, max(low, min(wanted, limit)))
            self.user_sized = False
            self._fitted_rows = self._fitted_rows or model.rowCount() > 0
            self._fill()
        finally:
            self._fitting = False

    def _samples_width(self, column: int) -> int:
        """The width of a cell showing the widest text ``column`` may show, as the item
        delegate sizes it (in bold italics: a major hazard's grade is bold, a draft's hazard
        italic, which leans out of its text's width), and the grid line."""
        texts = list(self.samples(column)) if self.samples is not None else []
        if not texts:
            return 0
        # Imported here: PySide makes a class's enums at its import, and the window's first
        # page (no samples) does without these.
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

        font = self.view.font()
        font.setBold(True)
        font.setItalic(True)
        option = QStyleOptionViewItem()
        option.font = font
        option.fontMetrics = QFontMetrics(font)
        option.features = QStyleOptionViewItem.ViewItemFeature.HasDisplay
        option.text = max(texts, key=option.fontMetrics.horizontalAdvance)
        size = self.view.style().sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, option,
                                                  QSize(), self.view)
        return size.width() + 1

    def _fill(self) -> None:
        """The main column takes the room the others leave."""
        model = self.view.model()
        if model is None or self.stretch >= model.columnCount():
            return
        others = sum(self.header.sectionSize(c) for c in range(model.columnCount())
                     if c != self.stretch and not self.header.isSectionHidden(c))
        least = self.view.fontMetrics().averageCharWidth() * self.min_stretch_chars
        width = max(least, self._viewport_width() - others)
        fitting, self._fitting = self._fitting, True
        try:
            self.header.resizeSection(self.stretch, width)
        finally:
            self._fitting = fitting

    def _viewport_width(self) -> int:
        if self._viewport is not None:
            return self._viewport.width()
        # Before the first frame, the same width without asking for the viewport itself
        # (see ``_watch_viewports``): the view less its frame and headers, less the scroll bar.
        bar = self.view.verticalScrollBar()
        return self.view.maximumViewportSize().width() - (bar.width() if bar.isVisible() else 0)

    def _watch_viewports(self) -> None:
        """Watch the viewports: the header's for the user's drags, the view's for its width.

        Asked for from Python, a widget Qt made itself (a viewport) makes PySide create each
        widget class of its module, once per process (~15 ms): done once the first frame is
        drawn, the program's first page does not wait for it.
        """
        if self._viewport is not None or not shiboken6.isValid(self.view):
            return
        self._header.viewport().installEventFilter(self)
        self._viewport = self.view.viewport()
        self._viewport.installEventFilter(self)
        self._fill()  # a width that changed before it was watched

    def _fit_if_automatic(self) -> None:
        if self.user_sized:
            self._fill()
        elif self._whole_only:
            self._widen_whole()
        else:
            self.fit()

    # -- events -----------------------------------------------------------------------------------
    def _watch_model(self) -> None:
        model = self.view.model()
        if model is None or model is self._model:
            return
        self._model = model
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                       model.dataChanged):
            signal.connect(self._rows_changed)
        model.headerDataChanged.connect(self._schedule)

    def _rows_changed(self, *_args: object) -> None:
        if not (self.once and self._fitted_rows):
            self._whole_only = False
        elif not self._pending.isActive():
            self._whole_only = True  # the other columns keep their widths
        self._pending.start()

    def _schedule(self, *_args: object) -> None:
        self._whole_only = False
        self._pending.start()

    def _widen_whole(self) -> None:
        """The columns shown whole grow to new rows that need it (they never shrink)."""
        self._fitting = True
        try:
            for column in self.whole:
                wanted = self.view.sizeHintForColumn(column)
                if wanted > self.header.sectionSize(column):
                    self.header.resizeSection(column, wanted)
            self._fill()
        finally:
            self._fitting = False

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if self._dragging and not self._fitting and column != self.stretch:
            self.user_sized = True  # a width the user dragged stays
            self._fill()

    def _section_moved(self, *_args: object) -> None:
        # The view's own order is set before the fitter is attached: a move now is the user's.
        if not self._restoring:
            self.user_moved = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _WATCHED or not shiboken6.isValid(self.view):
            return False  # also while the view is being destroyed
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            self._dragging = kind == QEvent.Type.MouseButtonPress
        elif watched is self._viewport and kind == QEvent.Type.Resize:
            # Qt measures the rows in view: a taller view may show wider ones.
            self._fill()
            if not self.user_sized:
                self._rows_changed()
        elif watched is self.view:
            if kind == QEvent.Type.Paint:
                if self._viewport is None:
                    # After this frame, and a turn after the page's own deferred work.
                    QTimer.singleShot(2 * TURN_MS, self, self._watch_viewports)
            elif kind == QEvent.Type.LanguageChange:
                self.user_sized = False  # new words, new widths
                self._schedule()
            elif kind == QEvent.Type.Show:
                self._watch_model()
                self._schedule()
                if self._viewport is None:  # a view whose frame paints nothing of its own
                    QTimer.singleShot(LATER_MS, self, self._watch_viewports)
            elif kind == QEvent.Type.Hide:
                self.save()
        return False

    # -- remembering -------------------------------------------------------------------------------
    def _settings_key(self) -> str:
        return f"{_GROUP}/{self.key}/header"

    def _sized_key(self) -> str:
        return f"{_GROUP}/{self.key}/sized"

    def save(self) -> None:
        if self.settings is None:
            return
        if self.user_sized or self.user_moved:
            self.settings.setValue(self._settings_key(), self.header.saveState())
            # A state saved for a move alone keeps the order, not the widths it had then.
            self.settings.setValue(self._sized_key(), self.user_sized)
        else:
            self.settings.remove(self._settings_key())
            self.settings.remove(self._sized_key())

    def _restore(self) -> None:
        if self.settings is None:
            return
        state = self.settings.value(self._settings_key())
        self._restoring = True
        try:
            restored = state is not None and self.header.restoreState(state)
        finally:
            self._restoring = False
        if restored:
            self.header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            # Saved before a move alone was kept (no flag): saved for a width dragged.
            sized = self.settings.value(self._sized_key(), True)
            self.user_sized = str(sized).lower() not in ("false", "0")
            self.user_moved = True


def fit_columns(view: QAbstractItemView, key: str, stretch: int,
                **kwargs: Any) -> ColumnFitter:
    """Attach the column sizing of this module to ``view`` (its settings key: ``key``)."""
    fitter = ColumnFitter(view, key, stretch, **kwargs)  # type: ignore[arg-type]
    view.setProperty("columnFitter", key)
    return fitter


def _default_settings() -> QSettings | None:
    from inspector_app.ui import screen_fit

    return screen_fit.settings()
