"""Column headers for a table of many narrow figures (the Dispatch page's eighteen columns).

A figure is a few digits wide and its header a few words: sized to their headers, the columns
of a 1024-pixel screen push the last ones (the remarks) out of view. Here each figure column is
as narrow as its figures allow, under a header as low as the room lets it be, so that the rows
under it keep the screen's height: every header on the same few lines, each either wrapped
(Chinese two characters a line at least, English at spaces and hyphens) or, where that is
narrower, turned to read upwards as a printed table's narrow columns are. The figures are never
cut: a column is at least as wide as they are; a header's words are never cut either.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from itertools import pairwise

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

MARGIN = 4          # px around a header's text, as the style leaves it
TURN_ROOM = 4       # px more a turned header is tall than its lines are long
WRAP = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
MOST_LINES = 8      # a header never needs more lines than this to be at its narrowest


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
        # The figures' headers that read upwards, with the length of their lines (``fit``).
        self.turned: dict[int, int] = {}
        self._font = ""
        self._seen: dict[tuple[str, str, int], int | None] = {}

    def _text(self, column: int) -> str:
        model = self.model()
        if model is None:
            return ""
        value = model.headerData(column, Qt.Orientation.Horizontal,
                                 Qt.ItemDataRole.DisplayRole)
        return "" if value is None else str(value)

    # -- measuring ------------------------------------------------------------------------------
    def _measured(self, measure: Callable[[str, int], int | None], text: str,
                  length: int) -> int | None:
        """A measure of ``text`` in the header's font, worked out once: ``fit`` tries each
        header at many heights, each width by halves, on every new width of the table."""
        font = self.font().key()
        if font != self._font:
            self._font, self._seen = font, {}
        key = (measure.__name__, text, length)
        if key not in self._seen:
            self._seen[key] = measure(text, length)
        return self._seen[key]

    def _wrapped_height(self, text: str, length: int) -> int:
        """How tall ``text`` is set in lines ``length`` pixels long."""
        height = self._measured(self._wrapped, text, length)
        assert height is not None
        return height

    def _wrapped(self, text: str, length: int) -> int:
        metrics = QFontMetrics(self.font())
        return metrics.boundingRect(QRect(0, 0, max(length, 1), 10_000), WRAP, text).height()

    def _widest_piece(self, text: str) -> int:
        widest = self._measured(self._widest, text, 0)
        assert widest is not None
        return widest

    def _widest(self, text: str, _length: int) -> int:
        metrics = QFontMetrics(self.font())
        return max((metrics.horizontalAdvance(p) for p in _pieces(text)), default=0)

    def _upright_width(self, text: str, height: int) -> int | None:
        return self._measured(self._upright, text, height)

    def _turned_width(self, text: str, height: int) -> int | None:
        return self._measured(self._turned, text, height)

    def _upright(self, text: str, height: int) -> int | None:
        """The narrowest column whose header, wrapped, is at most ``height`` tall; None if
        even on the most lines it is taller."""
        metrics = QFontMetrics(self.font())
        lines = height - 2 * MARGIN
        low = self._widest_piece(text)
        # The advance is rounded down: one pixel more keeps a line that just fits whole.
        high = max(low, metrics.horizontalAdvance(text) + 1)
        if self._wrapped_height(text, high) > lines:
            return None
        if self._wrapped_height(text, low) > lines:
            while high - low > 1:         # the narrowest length that keeps to the lines
                middle = (low + high) // 2
                if self._wrapped_height(text, middle) <= lines:
                    high = middle
                else:
                    low = middle
            low = high
        return low + 2 * MARGIN + 2

    def _turned(self, text: str, height: int) -> int | None:
        """The narrowest column whose header, turned, is at most ``height`` tall (its lines
        that long); None if a word is longer."""
        length = height - 2 * MARGIN - TURN_ROOM
        if self._widest_piece(text) > length:
            return None
        return self._wrapped_height(text, length) + 2 * MARGIN

    def _heights(self, columns: Iterable[int]) -> list[int]:
        """The header heights worth trying, lowest first: a number of upright lines, or a
        turned header as long as a word, as half its text or as all of it."""
        metrics = QFontMetrics(self.font())
        heights = {self._wrapped_height("X\n" * (n - 1) + "X", 10_000) + 2 * MARGIN
                   for n in range(1, MOST_LINES + 1)}
        for column in columns:
            text = self._text(column)
            whole = metrics.horizontalAdvance(text)
            for length in (self._widest_piece(text), math.ceil(whole / 2), whole):
                heights.add(length + 2 * MARGIN + TURN_ROOM)
        return sorted(heights)

    def fit(self, widths: dict[int, int], room: int, others: Iterable[int],
            keep: int = 0) -> dict[int, int]:
        """The widths of the figure columns (``widths``: what their figures need) for a table
        ``room`` pixels wide of which the columns ``others`` take their present widths: the
        headers as low as fits, upright where the room allows (less ``keep`` pixels left to
        the other columns), else turned. Where nothing fits, nearly the narrowest: the lowest
        headers within two lines' width of it."""
        room -= sum(self.sectionSize(c) for c in others)
        tried: list[tuple[int, dict[int, int], dict[int, int]]] = []
        for height in self._heights(widths):
            fitted, turned, upright = self._at_height(widths, height)
            if not fitted:
                continue
            if sum(fitted.values()) > room:
                tried.append((sum(fitted.values()), fitted, turned))
                continue
            # Upright where the room allows: the least widening first.
            for column in sorted((c for c in turned if c in upright),
                                 key=lambda c: upright[c] - fitted[c]):
                if sum(fitted.values()) - fitted[column] + upright[column] <= room - keep:
                    fitted[column] = upright[column]
                    del turned[column]
            self.turned = turned
            return fitted
        if not tried:
            self.turned = {}
            return {}
        narrowest = min(width for width, _, _ in tried)
        slack = 2 * QFontMetrics(self.font()).lineSpacing()
        _, fitted, self.turned = next(t for t in tried if t[0] <= narrowest + slack)
        return fitted

    def _at_height(self, widths: dict[int, int], height: int
                   ) -> tuple[dict[int, int], dict[int, int], dict[int, int]]:
        """The figure columns' widths with headers at most ``height`` tall (none if a header
        cannot be), the turned headers' line lengths, and each header's upright width."""
        fitted: dict[int, int] = {}
        turned: dict[int, int] = {}
        upright: dict[int, int] = {}
        for column, need in widths.items():
            text = self._text(column)
            up = self._upright_width(text, height)
            turn = self._turned_width(text, height)
            if up is not None:
                upright[column] = max(need, up)
            if turn is not None and (up is None or turn < up):
                fitted[column] = max(need, turn)
                turned[column] = height - 2 * MARGIN - TURN_ROOM
            elif up is not None:
                fitted[column] = upright[column]
            else:
                return {}, {}, {}
        return fitted, turned, upright

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
        if logicalIndex in self.turned:
            return QSize(size.width(), self.turned[logicalIndex] + 2 * MARGIN + TURN_ROOM)
        width = max(self.sectionSize(logicalIndex) - 2 * MARGIN, 1)
        height = self._wrapped_height(self._text(logicalIndex), width)
        return QSize(size.width(), max(size.height(), height + 2 * MARGIN))

    def _balanced(self, text: str, length: int) -> str:
        """``text`` on the lines it takes ``length`` pixels long; Chinese as evenly as on as
        many lines (执法/检查), where wrapping leaves a character alone (执法检/查)."""
        if not _CJK.search(text):
            return text
        lines = max(1, round(self._wrapped_height(text, length)
                             / QFontMetrics(self.font()).lineSpacing()))
        # As many characters a line as can be, the longer lines first (责令整/改指/令书).
        per, longer = divmod(len(text), lines)
        ends = [0]
        for line in range(lines):
            ends.append(ends[-1] + per + (line < longer))
        return "\n".join(text[a:b] for a, b in pairwise(ends) if b > a)

    def paintSection(self, painter: QPainter, rect: QRect,
                     logicalIndex: int) -> None:
        text = self._text(logicalIndex)
        if logicalIndex not in self.figures or (logicalIndex not in self.turned
                                                and not _CJK.search(text)):
            super().paintSection(painter, rect, logicalIndex)
            return
        # The section as the style draws it, without its label; the label on balanced lines,
        # turned upwards if it is turned.
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logicalIndex
        option.text = ""
        option.state |= QStyle.StateFlag.State_Enabled
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.setPen(self.palette().buttonText().color())
        if logicalIndex in self.turned:
            length = self.turned[logicalIndex]
            painter.translate(rect.left(), rect.bottom())
            painter.rotate(-90)
            # From the bottom up, on the lines its length gives it, as a spreadsheet turns text.
            painter.drawText(QRect(MARGIN, 0, length, rect.width()), WRAP,
                             self._balanced(text, length))
        else:
            box = rect.adjusted(MARGIN, 0, -MARGIN, 0)
            painter.drawText(box, WRAP, self._balanced(text, box.width()))
        painter.restore()
