"""A pad to sign on with a mouse, a pen (pressure sets the width) or a finger.

Strokes are kept in pad coordinates with time and pressure (``domain.signature.Point``); the PNG
is rendered from them, cropped to the ink, and is never produced for an empty pad, a dot or a
tiny scribble.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QElapsedTimer, QEvent, QIODevice, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from inspector_app.domain.signature import (
    MOUSE_PRESSURE,
    TOO_SHORT,
    Point,
    Stroke,
    bounding_box,
    is_meaningful,
    point,
)
from inspector_app.errors import ValidationError

BASE_PEN = 2.6      # pad pixels at mouse pressure
MARGIN = 12.0       # pad pixels of white around the ink in the PNG
INK = QColor("#101010")
_TOUCH_EVENTS = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                 QEvent.Type.TouchCancel)


def pen_width(pressure: float, base: float = BASE_PEN) -> float:
    """Light pressure draws thin, firm pressure thick; a mouse draws the middle width."""
    return base * (0.45 + 1.1 * pressure)


def paint_strokes(painter: QPainter, strokes: Sequence[Stroke], scale: float = 1.0) -> None:
    """Draw smoothed strokes: quadratic curves through the midpoints between samples.

    Each piece gets its own pen width, so pressure changes along a stroke show.
    """
    for stroke in strokes:
        if len(stroke) == 1:  # a tap: a round dot (never a signature on its own)
            x, y, _, p = stroke[0]
            radius = pen_width(p, BASE_PEN * scale) / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(INK)
            painter.drawEllipse(QPointF(x * scale, y * scale), radius, radius)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            continue
        pts = [QPointF(x * scale, y * scale) for x, y, _, _ in stroke]
        start = pts[0]
        for i in range(1, len(pts)):
            end = pts[i] if i == len(pts) - 1 else (pts[i] + pts[i + 1]) / 2
            path = QPainterPath(start)
            if i == len(pts) - 1:
                path.lineTo(end)
            else:
                path.quadTo(pts[i], end)
            pressure = (stroke[i - 1][3] + stroke[i][3]) / 2
            pen = QPen(INK, pen_width(pressure, BASE_PEN * scale), Qt.PenStyle.SolidLine,
                       Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.drawPath(path)
            start = end


class SignaturePad(QWidget):
    changed = Signal()  # a stroke was finished, undone or cleared

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[Stroke] = []
        self._current: Stroke | None = None
        self._clock = QElapsedTimer()
        self._canvas: tuple[float, float] | None = None  # pad size when the first stroke began
        # A signature already given, as stored: fitted again whenever the pad changes size
        # (the dialog is fitted to the screen after it is filled), so it is never cut off.
        self._shown: tuple[list[Stroke], tuple[float, float]] | None = None
        self._read_only = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setMinimumSize(420, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Signature pad"))

    # -- state ------------------------------------------------------------------------------
    def strokes(self) -> list[Stroke]:
        return [list(s) for s in self._strokes]

    def set_strokes(self, strokes: Sequence[Stroke], pad_size: tuple[float, float]) -> None:
        """Show stored strokes (scaled to fit), e.g. a signature already given."""
        self._shown = ([list(s) for s in strokes], pad_size)
        self._fit_shown()
        self._current = None
        self.changed.emit()

    def _fit_shown(self) -> None:
        if self._shown is None:
            return
        strokes, pad_size = self._shown
        sx, sy = self.width() / pad_size[0], self.height() / pad_size[1]
        scale = min(sx, sy) or 1.0
        self._strokes = [[(x * scale, y * scale, t, p) for x, y, t, p in s] for s in strokes]
        self._canvas = (float(self.width()), float(self.height()))
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_shown()
        super().resizeEvent(event)

    def is_empty(self) -> bool:
        return not self._strokes and not self._current

    def pad_size(self) -> tuple[float, float]:
        """The size the strokes were drawn at (the pad may have been resized since)."""
        return self._canvas or (float(self.width()), float(self.height()))

    def is_meaningful(self) -> bool:
        return is_meaningful(self._strokes, *self.pad_size())

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.setCursor(Qt.CursorShape.ArrowCursor if read_only else Qt.CursorShape.CrossCursor)

    def clear(self) -> None:
        had_ink = not self.is_empty()
        self._shown = None
        self._strokes.clear()
        self._current = None
        self._canvas = None
        self.update()
        if had_ink:
            self.changed.emit()

    def undo(self) -> None:
        """Take back the last stroke, so it can be drawn again."""
        if self._strokes:
            self._shown = None
            self._strokes.pop()
            if not self._strokes:
                self._canvas = None
            self.update()
            self.changed.emit()

    # -- drawing input ----------------------------------------------------------------------
    def _begin(self, pos: QPointF, pressure: float) -> None:
        if self._read_only:
            return
        self._shown = None  # drawn on: the pad's own strokes from now on
        if not self._strokes:
            self._clock.start()
            self._canvas = (float(self.width()), float(self.height()))
        self._current = [self._point(pos, pressure)]
        self.update()

    def _extend(self, pos: QPointF, pressure: float) -> None:
        if self._current is None:
            return
        p = self._point(pos, pressure)
        if p[:2] != self._current[-1][:2]:
            self._current.append(p)
            self.update()

    def _end(self, pos: QPointF | None, pressure: float) -> None:
        if self._current is None:
            return
        if pos is not None:
            self._extend(pos, pressure)
        self._strokes.append(self._current)
        self._current = None
        self.update()
        self.changed.emit()

    def _cancel(self) -> None:
        self._current = None
        self.update()

    def _point(self, pos: QPointF, pressure: float) -> Point:
        x = min(max(pos.x(), 0.0), float(self.width()))
        y = min(max(pos.y(), 0.0), float(self.height()))
        return point(x, y, self._clock.elapsed() if self._clock.isValid() else 0, pressure)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), MOUSE_PRESSURE)
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._current is not None:
            self._extend(event.position(), MOUSE_PRESSURE)
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._current is not None:
            self._end(event.position(), MOUSE_PRESSURE)
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:
        # Accepted, so Qt synthesises no mouse events and the pen draws each point once.
        kind = event.type()
        pressure = event.pressure()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position(), pressure)
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position(), pressure)
        elif kind == QEvent.Type.TabletRelease:
            self._end(event.position(), pressure)
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() in _TOUCH_EVENTS:
            self._touch(event)  # type: ignore[arg-type]
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        points = event.points()
        kind = event.type()
        if kind == QEvent.Type.TouchCancel or not points:
            self._cancel()
            return
        first = points[0]  # one finger signs; a second finger is a resting palm, ignored
        # Touch screens without pressure sensing report 0 or 1: use the mouse width then.
        pressure = first.pressure() if 0.05 < first.pressure() < 0.99 else MOUSE_PRESSURE
        if kind == QEvent.Type.TouchBegin:
            self._begin(first.position(), pressure)
        elif kind == QEvent.Type.TouchUpdate:
            self._extend(first.position(), pressure)
        else:
            self._end(first.position(), pressure)
        event.accept()

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#b8b8b8"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        baseline_y = round(self.height() * 0.72)
        left, right = round(self.width() * 0.06), round(self.width() * 0.94)
        painter.setPen(QPen(QColor("#9a9a9a"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(left, baseline_y, right, baseline_y)
        if self.is_empty():
            font = painter.font()
            font.setPointSizeF(font.pointSizeF() * 1.4)
            painter.setFont(font)
            painter.setPen(QColor("#c4c4c4"))
            painter.drawText(QRectF(left, 0, right - left, baseline_y - 6),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                             self.tr("Sign here"))
        strokes = self._strokes + ([self._current] if self._current else [])
        paint_strokes(painter, strokes)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(self.tr("Signature pad"))
            self.update()
        super().changeEvent(event)

    # -- export -----------------------------------------------------------------------------
    def to_png(self, width: int = 600) -> bytes:
        """Black ink on white, cropped to the ink plus a margin, ``width`` pixels wide.

        White, not transparent: a PDF library drawing a PNG without its alpha mask turns
        transparent pixels black, and black ink on black is a blank signature.
        Raises ``ValidationError`` when the pad holds no signature.
        """
        if not self.is_meaningful():
            raise ValidationError(TOO_SHORT)
        return render_png(self._strokes, width)


def render_png(strokes: Sequence[Stroke], width: int = 600) -> bytes:
    box = bounding_box(strokes)
    if box is None:
        raise ValidationError(TOO_SHORT)
    margin = MARGIN + pen_width(1.0)
    left, top = box[0] - margin, box[1] - margin
    ink_w, ink_h = box[2] - box[0] + 2 * margin, box[3] - box[1] + 2 * margin
    scale = width / ink_w
    height = max(1, round(ink_h * scale))
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    shifted = [[(x - left, y - top, t, p) for x, y, t, p in s] for s in strokes]
    paint_strokes(painter, shifted, scale)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())
