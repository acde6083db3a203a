"""Column headers for a table of many narrow figures (the Dispatch page's eighteen columns).

A figure is a few digits wide and its header a few words: sized to their headers, the columns
of a 1024-pixel screen push the last ones (the remarks) out of view. Here each figure column is
as narrow as its figures allow: its header wraps onto lines (Chinese two characters a line at
least, English at spaces and hyphens); where even the wrapped words do not fit in the room the
table has, the figures' headers turn to read upwards, as a printed table's narrow columns do.
The figures are never cut: a column is at least as wide as they are.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

# From the roomiest to the narrowest: every header on one line, on two, as many lines as its
# words take, or turned to read upwards.
LAYOUTS = ("one line", "two lines", "wrapped", "turned")
MARGIN = 4          # px around a header's text, as the style leaves it
WRAP = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def _pieces(text: str) -> list[str]:
    """What a line break never splits: a word (after a hyphen too), or two Chinese
    characters (one alone a line reads badly)."""
    if _CJK.search(text):
        return [text[i:i + 2] for i in range(0, len(text), 2)]
    return [p for p in re.split(r"\s+|(?<=-)", text) if p]


class FigureHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(WRAP)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self.figures: set[int] = set()  # the columns whose headers wrap and may turn
        self.layout_ = LAYOUTS[0]         # how the figures' headers are laid out (``fit``)

    @property
    def turned(self) -> bool:
        """The figures' headers read upwards."""
        return self.layout_ == "turned"

    def _text(self, column: int) -> str:
        model = self.model()
        if model is None:
            return ""
        value = model.headerData(column, Qt.Orientation.Horizontal,
                                 Qt.ItemDataRole.DisplayRole)
        return "" if value is None else str(value)

    def least_width(self, column: int) -> int:
        """The narrowest the header of ``column`` can be in the present layout: on one line,
        on two, its widest piece on a line, or, turned, the lines its text takes (two at
        most)."""
        metrics = QFontMetrics(self.font())
        text = self._text(column)
        if self.turned:
            return self._turned_lines(column) * metrics.lineSpacing() + 2 * MARGIN
        if self.layout_ == "one line":
            length = metrics.horizontalAdvance(text)
        elif self.layout_ == "two lines":
            length = self._line_length(column)
        else:
            length = max((metrics.horizontalAdvance(p) for p in _pieces(text)), default=0)
        return length + 2 * MARGIN + 2

    def _line_length(self, column: int) -> int:
        """How long a header's lines are when set on two (the "two lines" layout, and a turned
        header, which as short as it can be keeps the rows in view); one word, one line."""
        metrics = QFontMetrics(self.font())
        text = self._text(column)
        whole = metrics.horizontalAdvance(text)
        widest = max((metrics.horizontalAdvance(p) for p in _pieces(text)), default=0)
        if widest >= whole:
            return whole
        return max(widest, math.ceil(whole / 2) + metrics.averageCharWidth())

    def _turned_lines(self, column: int) -> int:
        metrics = QFontMetrics(self.font())
        length = self._line_length(column)
        bound = metrics.boundingRect(QRect(0, 0, length, 10_000), WRAP, self._text(column))
        return max(1, round(bound.height() / metrics.lineSpacing()))

    def fit(self, widths: dict[int, int], room: int, others: Iterable[int]) -> dict[int, int]:
        """The widths of the figure columns (``widths``: what their figures need) for a table
        ``room`` pixels wide of which the columns ``others`` take their present widths: the
        headers on the fewest lines that fit, else turned."""
        taken = sum(self.sectionSize(c) for c in others)
        for layout in LAYOUTS:
            self.layout_ = layout
            fitted = {c: max(w, self.least_width(c)) for c, w in widths.items()}
            if taken + sum(fitted.values()) <= room:
                break
        return fitted

    def remeasure(self) -> None:
        """The height anew, once the columns have their widths (a wrapped header's lines
        depend on them)."""
        self.headerDataChanged(Qt.Orientation.Horizontal, 0, max(self.count() - 1, 0))
        self.updateGeometry()

    # -- Qt ---------------------------------------------------------------------------------------
    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        size = super().sectionSizeFromContents(logicalIndex)
        if logicalIndex not in self.figures:
            return size
        metrics = QFontMetrics(self.font())
        text = self._text(logicalIndex)
        if self.turned:
            return QSize(size.width(), self._line_length(logicalIndex) + 2 * MARGIN + 4)
        width = max(self.sectionSize(logicalIndex) - 2 * MARGIN, 1)
        bound = metrics.boundingRect(QRect(0, 0, width, 10_000), WRAP, text)
        return QSize(size.width(), max(size.height(), bound.height() + 2 * MARGIN))

    def paintSection(self, painter: QPainter, rect: QRect,
                     logicalIndex: int) -> None:
        if not (self.turned and logicalIndex in self.figures):
            super().paintSection(painter, rect, logicalIndex)
            return
        # The section as the style draws it, without its label; the label turned upwards.
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logicalIndex
        option.text = ""
        option.state |= QStyle.StateFlag.State_Enabled
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.translate(rect.left(), rect.bottom())
        painter.rotate(-90)
        painter.setPen(self.palette().buttonText().color())
        # From the bottom up, on the lines its length gives it, as a spreadsheet turns text.
        painter.drawText(QRect(MARGIN, 0, self._line_length(logicalIndex), rect.width()),
                         WRAP, self._text(logicalIndex))
        painter.restore()
