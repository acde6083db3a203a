"""One photo at a time: upright, zoomable, with caption, facts, before/after tag and marks.

Marks (arrows, rectangles, ellipses, text) are vector data beside the untouched original, in
fractions of the upright image, so the print copy draws the same marks at its own size. The
viewer shows the 1600-px upright copy without marks (made once per photo, off the main thread)
and draws the marks over it as scene items, with the same stroke width the print copy uses.
"""

from __future__ import annotations

import logging
import math
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.photo import Photo, PhotoTag, Shape, ShapeKind
from inspector_app.errors import InspectorError
from inspector_app.services.photos import PhotoService
from inspector_app.ui.labels import labelled
from inspector_app.ui.tasks import Task, TaskControl, TaskRunner

log = logging.getLogger(__name__)

DEFAULT_COLOUR = "#e00000"
MIN_DRAG_FRACTION = 0.01   # a click is not a rectangle
ZOOM_STEP = 1.25
MAX_ZOOM = 8.0


def load_view_image(control: TaskControl, service: PhotoService, photo: Photo
                    ) -> tuple[str, QImage]:
    """Worker thread: the upright copy without marks. print_copy touches only files, never the
    database, so the dialog's service may be used here; QImage (unlike QPixmap) may too."""
    path = service.print_copy(replace(photo, annotations=[]))
    image = QImage(str(path))
    if image.isNull():
        raise InspectorError(QCoreApplication.translate(  # already in the window's language
            "PhotoViewer", "The photo {0} cannot be shown.").format(
                photo.original_name or photo.id))
    return photo.id, image


def stroke_width(width: float, height: float) -> float:
    """As services.photos.draw_shapes draws it, so the screen matches the print."""
    return max(2, round(max(width, height) / 250))


def mark_item(shape: Shape, width: float, height: float) -> QGraphicsItem:
    """A scene item for ``shape`` over an image of ``width`` × ``height`` pixels."""
    colour = QColor(shape.colour)
    stroke = stroke_width(width, height)
    x1, y1, x2, y2 = shape.x1 * width, shape.y1 * height, shape.x2 * width, shape.y2 * height
    pen = QPen(colour, stroke)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    if shape.kind is ShapeKind.TEXT:
        font = QFont()
        font.setPixelSize(max(14, round(height / 22)))
        glyphs = QPainterPath()
        # Pillow puts the top of the text at y1; a painter path starts at the baseline.
        glyphs.addText(QPointF(x1, y1 + QFontMetricsF(font).ascent()), font, shape.text)
        # A white halo under the coloured letters, as the print copy draws it.
        halo = QGraphicsPathItem(glyphs)
        halo.setPen(QPen(QColor("white"), 2 * max(1, stroke // 2)))
        letters = QGraphicsPathItem(glyphs, halo)
        letters.setPen(QPen(Qt.PenStyle.NoPen))
        letters.setBrush(QBrush(colour))
        return halo
    path = QPainterPath()
    rect = QRectF(QPointF(min(x1, x2), min(y1, y2)), QPointF(max(x1, x2), max(y1, y2)))
    if shape.kind is ShapeKind.RECT:
        path.addRect(rect)
    elif shape.kind is ShapeKind.ELLIPSE:
        path.addEllipse(rect)
    item = QGraphicsPathItem(path)
    item.setPen(pen)
    if shape.kind is ShapeKind.ARROW:
        line = QPainterPath(QPointF(x1, y1))
        line.lineTo(x2, y2)
        head = QPainterPath()
        size = stroke * 5
        angle = math.atan2(y2 - y1, x2 - x1)
        head.addPolygon(QPolygonF([
            QPointF(x2, y2),
            QPointF(x2 - size * math.cos(angle - math.pi / 7),
                    y2 - size * math.sin(angle - math.pi / 7)),
            QPointF(x2 - size * math.cos(angle + math.pi / 7),
                    y2 - size * math.sin(angle + math.pi / 7)),
        ]))
        head.closeSubpath()
        item.setPath(line)
        tip = QGraphicsPathItem(head, item)
        tip.setPen(QPen(colour, 1))
        tip.setBrush(QBrush(colour))
    return item


class _Canvas(QGraphicsView):
    """The photo and its marks; drags draw with the current tool, the wheel zooms."""

    def __init__(self, viewer: PhotoViewer) -> None:
        super().__init__()
        self.viewer = viewer
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setBackgroundBrush(QColor("#2b2b2b"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._start: QPointF | None = None
        self._preview: QGraphicsItem | None = None

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.viewer.zoom(ZOOM_STEP ** steps)
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.viewer.fitting:
            self.viewer.fit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        tool = self.viewer.tool
        if event.button() != Qt.MouseButton.LeftButton or tool is None \
                or not self.viewer.can_draw():
            super().mousePressEvent(event)
            return
        point = self.mapToScene(event.position().toPoint())
        if tool == "erase":
            self.viewer.erase_at(point)
        elif tool is ShapeKind.TEXT:
            self.viewer.ask_text(point)
        else:
            self._start = point
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._start is None:
            super().mouseMoveEvent(event)
            return
        self._drop_preview()
        shape = self.viewer.shape_from(self.viewer.tool, self._start,
                                       self.mapToScene(event.position().toPoint()))
        if shape is not None:
            self._preview = self.viewer.scene_item(shape)
            self._preview.setOpacity(0.6)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._start is None:
            super().mouseReleaseEvent(event)
            return
        start, self._start = self._start, None
        self._drop_preview()
        self.viewer.draw(self.viewer.tool, start, self.mapToScene(event.position().toPoint()))
        event.accept()

    def forget_drag(self) -> None:
        self._start = None
        self._preview = None

    def _drop_preview(self) -> None:
        if self._preview is not None:
            self.scene().removeItem(self._preview)
            self._preview = None


def file_size(size_bytes: int) -> str:
    """MB for a camera's photo, KB below one MB (a small picture is not "0.0 MB")."""
    if size_bytes < 1_000_000:
        return f"{max(1, round(size_bytes / 1000))} KB"
    return f"{size_bytes / 1e6:.1f} MB"


class PhotoViewer(QDialog):
    """Browse ``photos`` from ``index``; edits are saved at once through ``service``."""

    changed = Signal()            # something was saved: galleries reload
    image_loaded = Signal(str)    # photo id, once its full image shows

    def __init__(self, service: PhotoService, photos: list[Photo], index: int = 0,
                 read_only: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.photos = list(photos)
        self.index = index
        self.read_only = read_only
        self.tool: ShapeKind | str | None = None
        self.fitting = True
        self.message_box: QMessageBox | None = None
        self._shapes: list[Shape] = []
        self._items: list[QGraphicsItem] = []
        self._undo: list[list[Shape]] = []
        self._image_size = (1.0, 1.0)
        self._ready = False
        self._load_task: Task | None = None
        self.runner = TaskRunner()

        self.scene = QGraphicsScene(self)
        self.canvas = _Canvas(self)
        self.canvas.setScene(self.scene)
        self.pixmap_item: QGraphicsPixmapItem | None = None

        toolbar = self._build_toolbar()
        body = QHBoxLayout()
        body.addWidget(self.canvas, 1)
        body.addWidget(self._build_side_panel())
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addLayout(body, 1)
        layout.addWidget(self._build_close_buttons())
        self._install_shortcuts()

        self.retranslate()
        self.resize(1100, 760)
        self.show_photo(index)

    # -- building ---------------------------------------------------------------------------------
    def _build_toolbar(self) -> QHBoxLayout:
        """Drawing tools and colour, undo; zoom; previous, position, next."""
        self.tools = QButtonGroup(self)
        self.tools.setExclusive(True)
        self.tool_buttons: dict[Any, QToolButton] = {}
        tool_row = QHBoxLayout()
        for key in (None, ShapeKind.ARROW, ShapeKind.RECT, ShapeKind.ELLIPSE, ShapeKind.TEXT,
                    "erase"):
            button = QToolButton()
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.clicked.connect(lambda _=False, k=key: self.set_tool(k))
            self.tools.addButton(button)
            self.tool_buttons[key] = button
            tool_row.addWidget(button)
        self.tool_buttons[None].setChecked(True)
        self.colour = QComboBox()
        for value in (DEFAULT_COLOUR, "#ffd400", "#00a651", "#0070f0", "#ffffff"):
            swatch = QPixmap(14, 14)
            swatch.fill(QColor(value))
            self.colour.addItem(swatch, "", value)
        tool_row.addWidget(self.colour)
        self.undo_button = QToolButton()
        self.undo_button.clicked.connect(self.undo)
        tool_row.addWidget(self.undo_button)
        tool_row.addStretch(1)
        self.zoom_in_button, self.zoom_out_button, self.fit_button = (
            QToolButton(), QToolButton(), QToolButton())
        self.zoom_in_button.clicked.connect(lambda: self.zoom(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.zoom(1 / ZOOM_STEP))
        self.fit_button.clicked.connect(self.fit)
        self.prev_button, self.next_button = QToolButton(), QToolButton()
        self.prev_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.position = QLabel()
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_button,
                       self.prev_button, self.position, self.next_button):
            tool_row.addWidget(widget)
        return tool_row

    def _build_side_panel(self) -> QWidget:
        """Caption, before/after stage, the photo's facts and "Delete photo…"."""
        self.caption = QLineEdit()
        self.caption.setMaxLength(500)
        self.caption.editingFinished.connect(self.save_caption)
        self.before = QRadioButton()
        self.after = QRadioButton()
        tag_row = QHBoxLayout()
        tag_row.addWidget(self.before)
        tag_row.addWidget(self.after)
        tag_row.addStretch(1)
        self.after.toggled.connect(self._tag_toggled)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_photo)
        self.caption_label, self.tag_label = QLabel(), QLabel()
        self.caption_label.setBuddy(self.caption)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.caption_label, self.caption)
        form.addRow(self.tag_label, tag_row)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.facts, 1)
        side.addWidget(self.delete_button)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(270)
        return side_widget

    def _build_close_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        # Return ends a caption; it must not press "Delete photo…" or close the viewer.
        for button in (self.delete_button, buttons.button(QDialogButtonBox.StandardButton.Close)):
            button.setAutoDefault(False)
            button.setDefault(False)
        return buttons

    def _install_shortcuts(self) -> None:
        def shortcut(keys: tuple[Any, ...], slot: Any) -> None:
            for key in keys:
                QShortcut(QKeySequence(key), self).activated.connect(slot)

        shortcut((Qt.Key.Key_Right, Qt.Key.Key_PageDown), self.next)
        shortcut((Qt.Key.Key_Left, Qt.Key.Key_PageUp), self.previous)
        shortcut((Qt.Key.Key_Plus, Qt.Key.Key_Equal, QKeySequence.StandardKey.ZoomIn),
                 lambda: self.zoom(ZOOM_STEP))
        shortcut((Qt.Key.Key_Minus, QKeySequence.StandardKey.ZoomOut),
                 lambda: self.zoom(1 / ZOOM_STEP))
        shortcut((Qt.Key.Key_0,), self.fit)
        shortcut((QKeySequence.StandardKey.Undo,), self.undo)

    # -- text -------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        names = {None: self.tr("Move"), ShapeKind.ARROW: self.tr("Arrow"),
                 ShapeKind.RECT: self.tr("Rectangle"), ShapeKind.ELLIPSE: self.tr("Ellipse"),
                 ShapeKind.TEXT: self.tr("Text"), "erase": self.tr("Erase mark")}
        for key, button in self.tool_buttons.items():
            button.setText(names[key])
        self.tool_buttons["erase"].setToolTip(self.tr("Click a mark to delete it"))
        for n, name in enumerate((self.tr("Red"), self.tr("Yellow"), self.tr("Green"),
                                  self.tr("Blue"), self.tr("White"))):
            self.colour.setItemText(n, name)
        self.undo_button.setText(self.tr("Undo"))
        self.zoom_in_button.setText("+")
        self.zoom_out_button.setText("−")
        self.zoom_in_button.setToolTip(self.tr("Zoom in (+, wheel)"))
        self.zoom_out_button.setToolTip(self.tr("Zoom out (-, wheel)"))
        self.fit_button.setText(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Fit the photo to the window (0)"))
        self.prev_button.setText("◀")
        self.next_button.setText("▶")
        self.prev_button.setToolTip(self.tr("Previous photo (←, Page Up)"))
        self.next_button.setToolTip(self.tr("Next photo (→, Page Down)"))
        self.caption_label.setText(self.tr("&Caption:"))
        self.caption.setPlaceholderText(self.tr("What the photo shows"))
        self.tag_label.setText(self.tr("Stage:"))
        self.before.setText(self.tr("Before (as found)"))
        self.after.setText(self.tr("After rectification"))
        self.delete_button.setText(self.tr("Delete photo…"))
        if self.photos:
            self._show_facts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- showing ----------------------------------------------------------------------------------
    @property
    def photo(self) -> Photo:
        return self.photos[self.index]

    def is_ready(self) -> bool:
        """True once the full image shows (drawing needs it)."""
        return self._ready

    def show_photo(self, index: int) -> None:
        if not self.photos:
            return
        if self.caption.isModified():
            self.save_caption()
        self.index = max(0, min(len(self.photos) - 1, index))
        photo = self.photo
        self._shapes = list(photo.annotations)
        self._undo = []
        self._ready = False
        self.caption.setText(photo.caption or "")
        self.caption.setModified(False)
        self.after.blockSignals(True)
        (self.after if photo.tag is PhotoTag.AFTER else self.before).setChecked(True)
        self.after.blockSignals(False)
        self._show_facts()
        self._apply_read_only()
        self.setWindowTitle(self.tr("Photo {0} of {1} — {2}").format(
            self.index + 1, len(self.photos), photo.original_name or ""))
        self.position.setText(f"{self.index + 1} / {len(self.photos)}")
        self.prev_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.photos) - 1)
        # The thumbnail stands in at once; the full image follows from the worker.
        try:
            self._set_pixmap(QPixmap(str(self.service.thumbnail(photo))))
        except InspectorError as exc:
            log.warning("no thumbnail for %s: %s", photo.id, exc)
        task = Task(load_view_image, self.service, photo)
        # Bound methods, not lambdas: Qt drops them if the dialog is closed before the load ends.
        task.signals.succeeded.connect(self._loaded)
        task.signals.failed.connect(self._load_failed)
        self._load_task = task
        self.runner.start(task)

    def _loaded(self, result: tuple[str, QImage]) -> None:
        photo_id, image = result
        if not self.photos or photo_id != self.photo.id:
            return  # the user moved on meanwhile
        self._set_pixmap(QPixmap.fromImage(image))
        self._ready = True
        self._apply_read_only()
        self.image_loaded.emit(photo_id)

    def _load_failed(self, exc: BaseException, trace: str) -> None:
        log.warning("photo not shown: %s", trace)
        text = exc.localized() if isinstance(exc, InspectorError) else str(exc)
        self._tell(self.tr("The photo cannot be shown: {0}").format(text))

    def _set_pixmap(self, pixmap: QPixmap) -> None:
        self.canvas.forget_drag()  # scene.clear() deletes its preview item
        self.scene.clear()
        self._items = []
        self.pixmap_item = self.scene.addPixmap(pixmap)
        self.pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._image_size = (float(max(1, pixmap.width())), float(max(1, pixmap.height())))
        self.scene.setSceneRect(QRectF(0, 0, *self._image_size))
        for shape in self._shapes:
            self._items.append(self.scene_item(shape))
        self.fit()

    def _show_facts(self) -> None:
        p = self.photo
        rows = [(self.tr("File"), p.original_name or "")]
        if p.taken_at:
            rows.append((self.tr("Taken at"), p.taken_at.replace("T", " ")))
        if p.camera:
            rows.append((self.tr("Camera"), p.camera))
        if p.gps_lat is not None and p.gps_lon is not None:
            lat = f"{abs(p.gps_lat):.6f}°{'N' if p.gps_lat >= 0 else 'S'}"
            lon = f"{abs(p.gps_lon):.6f}°{'E' if p.gps_lon >= 0 else 'W'}"
            rows.append((self.tr("GPS"), f"{lat}, {lon}"))
        size = f"{p.width} × {p.height} px" if p.width and p.height else ""
        if p.size_bytes:
            size += f" · {file_size(p.size_bytes)}"
        rows.append((self.tr("Size"), size.strip(" ·")))
        if p.annotations:
            rows.append((self.tr("Marks"), str(len(p.annotations))))
        self.facts.setText("\n".join(labelled(k, v) for k, v in rows if v))

    def _apply_read_only(self) -> None:
        editable = not self.read_only
        for key, button in self.tool_buttons.items():
            button.setEnabled(key is None or (editable and self._ready))
        self.colour.setEnabled(editable)
        self.undo_button.setEnabled(editable and bool(self._undo))
        self.caption.setReadOnly(not editable)
        self.before.setEnabled(editable)
        self.after.setEnabled(editable)
        self.delete_button.setEnabled(editable)
        if not editable:
            self.set_tool(None)

    # -- zoom and navigation ----------------------------------------------------------------------
    def zoom(self, factor: float) -> None:
        current = self.canvas.transform().m11()
        fit = self._fit_scale()
        target = max(fit / 2, min(MAX_ZOOM, current * factor))
        if target != current:
            self.fitting = False
            self.canvas.scale(target / current, target / current)

    def _fit_scale(self) -> float:
        w, h = self._image_size
        view = self.canvas.viewport().rect()
        return min(view.width() / w, view.height() / h) if w and h else 1.0

    def fit(self) -> None:
        self.fitting = True
        if self.pixmap_item is not None:
            self.canvas.fitInView(self.pixmap_item, Qt.AspectRatioMode.KeepAspectRatio)

    def next(self) -> None:
        if self.index < len(self.photos) - 1:
            self.show_photo(self.index + 1)

    def previous(self) -> None:
        if self.index > 0:
            self.show_photo(self.index - 1)

    # -- marks ------------------------------------------------------------------------------------
    def can_draw(self) -> bool:
        return self._ready and not self.read_only

    def set_tool(self, tool: ShapeKind | str | None) -> None:
        """None moves the photo; a ShapeKind draws; "erase" deletes the clicked mark."""
        self.tool = ShapeKind(tool) if tool not in (None, "erase") else tool
        self.tool_buttons[self.tool].setChecked(True)
        self.canvas.setDragMode(QGraphicsView.DragMode.ScrollHandDrag if self.tool is None
                                else QGraphicsView.DragMode.NoDrag)
        cursor = Qt.CursorShape.OpenHandCursor if self.tool is None \
            else Qt.CursorShape.PointingHandCursor if self.tool == "erase" \
            else Qt.CursorShape.CrossCursor
        self.canvas.viewport().setCursor(cursor)

    def current_colour(self) -> str:
        return str(self.colour.currentData() or DEFAULT_COLOUR)

    def shapes(self) -> list[Shape]:
        return list(self._shapes)

    def scene_item(self, shape: Shape) -> QGraphicsItem:
        item = mark_item(shape, *self._image_size)
        self.scene.addItem(item)
        return item

    def shape_from(self, kind: ShapeKind | str | None, start: QPointF, end: QPointF,
                   text: str = "") -> Shape | None:
        """A mark between two scene points (pixels of the shown image), clamped to it; None
        for a drag too small to mean anything."""
        if kind is None or kind == "erase":
            return None
        w, h = self._image_size

        def fx(v: float) -> float:
            return round(min(1.0, max(0.0, v / w)), 4)

        def fy(v: float) -> float:
            return round(min(1.0, max(0.0, v / h)), 4)

        kind = ShapeKind(kind)
        x1, y1, x2, y2 = fx(start.x()), fy(start.y()), fx(end.x()), fy(end.y())
        if kind is ShapeKind.TEXT:
            return Shape(kind, x1, y1, x1, y1, self.current_colour(), text) if text.strip() \
                else None
        if abs(x2 - x1) < MIN_DRAG_FRACTION and abs(y2 - y1) < MIN_DRAG_FRACTION:
            return None
        return Shape(kind, x1, y1, x2, y2, self.current_colour())

    def draw(self, kind: ShapeKind | str | None, start: QPointF, end: QPointF,
             text: str = "") -> Shape | None:
        """Add a mark as a mouse drag from ``start`` to ``end`` would (scene points); saved at
        once."""
        if not self.can_draw():
            return None
        shape = self.shape_from(kind, start, end, text)
        if shape is None:
            return None
        self.add_shape(shape)
        return shape

    def add_shape(self, shape: Shape) -> None:
        self._undo.append(list(self._shapes))
        self._shapes.append(shape.validated())
        self._items.append(self.scene_item(shape))
        self.save_annotations()

    def ask_text(self, point: QPointF) -> None:
        text, ok = QInputDialog.getText(self, self.tr("Text mark"), self.tr("Text:"))
        if ok and text.strip():
            self.draw(ShapeKind.TEXT, point, point, text.strip()[:200])

    def erase_at(self, point: QPointF) -> bool:
        for item in self.scene.items(point):
            top = item.topLevelItem()
            if top in self._items:
                self._undo.append(list(self._shapes))
                n = self._items.index(top)
                self.scene.removeItem(top)
                del self._items[n]
                del self._shapes[n]
                self.save_annotations()
                return True
        return False

    def undo(self) -> None:
        if not self._undo or not self.can_draw():
            return
        self._shapes = self._undo.pop()
        for item in self._items:
            self.scene.removeItem(item)
        self._items = [self.scene_item(s) for s in self._shapes]
        self.save_annotations()

    def save_annotations(self) -> None:
        """Store the marks now (each change is committed, like an answer)."""
        if not self.photos or self._shapes == self.photo.annotations:
            self._apply_read_only()
            return
        try:
            self.photos[self.index] = self.service.set_annotations(self.photo.id, self._shapes)
        except InspectorError as exc:
            self._tell(exc.localized())
            return
        self._apply_read_only()
        self._show_facts()
        self.changed.emit()

    # -- caption, tag, delete ---------------------------------------------------------------------
    def save_caption(self) -> None:
        if not self.photos or self.read_only:
            return
        self.caption.setModified(False)
        if (self.caption.text().strip() or None) == self.photo.caption:
            return
        try:
            self.photos[self.index] = self.service.set_caption(self.photo.id,
                                                               self.caption.text())
        except InspectorError as exc:
            self._tell(exc.localized())
            return
        self.changed.emit()

    def _tag_toggled(self, after: bool) -> None:
        if not self.photos or self.read_only:
            return
        try:
            self.photos[self.index] = self.service.set_tag(
                self.photo.id, PhotoTag.AFTER if after else PhotoTag.BEFORE)
        except InspectorError as exc:
            self._tell(exc.localized())
            return
        self.changed.emit()

    def delete_photo(self) -> None:
        if not self.photos:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Delete photo"),
                                          self.tr("Why is this photo deleted?"))
        if not ok:
            return
        if not reason.strip():
            self._tell(self.tr("A photo is deleted only with a reason."))
            return
        try:
            self.service.delete(self.photo.id, reason.strip())
        except InspectorError as exc:
            self._tell(exc.localized())  # e.g. the record is signed and locked
            return
        del self.photos[self.index]
        self.changed.emit()
        if not self.photos:
            self.accept()
            return
        self.caption.setModified(False)
        self.show_photo(min(self.index, len(self.photos) - 1))

    def _tell(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Photo"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()

    def done(self, result: int) -> None:
        if self.caption.isModified():
            self.save_caption()
        super().done(result)
