"""Photos of an item, a hazard or a whole inspection: thumbnails, adding, deleting, viewing.

Adding runs on a worker thread with its own database connection and its own PhotoService (a
SQLite connection belongs to the thread that uses it); results come back on the main thread.
Each file is committed on its own, so cancelling keeps what was already added.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QKeySequence,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.photo import Photo, PhotoTag
from inspector_app.errors import InspectorError, from_read_error
from inspector_app.services.context import AppContext
from inspector_app.services.photos import IngestResult, PhotoService
from inspector_app.ui.save_folder import Kind, open_files
from inspector_app.ui.tasks import Cancelled, Task, TaskControl, TaskRunner

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
Source = Path | tuple[str, QImage]  # a file, or a pasted image with the name it is stored under
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif"}
MAX_LISTED_REFUSALS = 12


# -- the worker -----------------------------------------------------------------------------------
@dataclass
class IngestBatch:
    results: list[IngestResult] = field(default_factory=list)
    cancelled: bool = False


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ingest(control: TaskControl, ctx: AppContext, inspection_id: str,
           sources: Sequence[Source], item_id: str | None, finding_id: str | None,
           tag: PhotoTag) -> IngestBatch:
    """Runs on a worker thread: never touches a widget or the window's connection.

    One add_files call per file: Stop keeps the results so far (add_files would raise
    Cancelled and lose them), and a record locked meanwhile refuses the files still to come."""
    batch = IngestBatch()
    with ctx.for_worker() as worker, worker.photos.taking_in():
        service = worker.photos
        for n, source in enumerate(sources):
            name = source.name if isinstance(source, Path) else source[0]
            try:
                # Cancel between files: the one in hand is finished, what was added stays.
                control.progress(n, len(sources), name)
            except Cancelled:
                batch.cancelled = True
                break
            try:
                if isinstance(source, Path):
                    result = service.add_files(inspection_id, [source], item_id=item_id,
                                               finding_id=finding_id, tag=tag)[0]
                else:
                    # QImage may be used off the main thread (unlike QPixmap); PNG keeps
                    # a screenshot's text sharp.
                    result = service.add_bytes(inspection_id, _png_bytes(source[1]), name,
                                               item_id=item_id, finding_id=finding_id, tag=tag)
            except InspectorError as exc:  # e.g. the record was locked meanwhile
                result = IngestResult.refused(source if isinstance(source, Path) else name,
                                              exc)
            batch.results.append(result)
        if not batch.cancelled:
            with contextlib.suppress(Cancelled):  # everything was done anyway
                control.progress(len(sources), len(sources), "")
    return batch


# -- the model ------------------------------------------------------------------------------------
class PhotosModel(QAbstractListModel):
    """Photos as thumbnails. Pixmaps are cached by content hash: a photo never changes."""

    PhotoRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, thumbnail: Callable[[Photo], Path] | None = None,
                 parent: Any = None, thumb_px: int = 160) -> None:
        super().__init__(parent)
        self._thumbnail = thumbnail
        self._photos: list[Photo] = []
        self._pixmaps: dict[str, QPixmap] = {}
        self.thumb_px = thumb_px
        self.place_of: Callable[[Photo], str] | None = None

    def set_photos(self, photos: Sequence[Photo]) -> None:
        self.beginResetModel()
        self._photos = list(photos)
        keep = {p.sha256 for p in self._photos}
        self._pixmaps = {k: v for k, v in self._pixmaps.items() if k in keep}
        self.endResetModel()

    def set_thumb_px(self, px: int) -> None:
        self.beginResetModel()
        self.thumb_px = px
        self._pixmaps.clear()  # cached at the old size
        self.endResetModel()

    def photos(self) -> list[Photo]:
        return list(self._photos)

    def photo(self, row: int) -> Photo | None:
        return self._photos[row] if 0 <= row < len(self._photos) else None

    def row_of(self, photo_id: str) -> int:
        return next((n for n, p in enumerate(self._photos) if p.id == photo_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._photos)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable \
            | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        photo = self.photo(index.row()) if index.isValid() else None
        if photo is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = photo.caption or photo.original_name or photo.id[:8]
            return self.tr("After: {0}").format(text) if photo.tag is PhotoTag.AFTER else text
        if role == Qt.ItemDataRole.DecorationRole:
            return self._pixmap(photo)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [photo.original_name or ""]
            if photo.caption:
                lines.append(photo.caption)
            if self.place_of is not None:
                lines.append(self.place_of(photo))
            if photo.taken_at:
                lines.append(self.tr("Taken {0}").format(photo.taken_at.replace("T", " ")))
            if photo.annotations:
                lines.append(self.tr("%Ln mark(s) drawn", "", len(photo.annotations)))
            return "\n".join(line for line in lines if line)
        if role == self.PhotoRole:
            return photo
        return None

    def _pixmap(self, photo: Photo) -> QPixmap:
        cached = self._pixmaps.get(photo.sha256)
        if cached is not None:
            return cached
        pixmap = QPixmap()
        if self._thumbnail is not None:
            try:
                # Made at ingest, so this reads a small JPEG; only a lost cache decodes again.
                pixmap = QPixmap(str(self._thumbnail(photo)))
            except (InspectorError, OSError) as exc:
                log.warning("no thumbnail for photo %s: %s", photo.id, exc)
        if pixmap.isNull():
            pixmap = QPixmap(self.thumb_px, self.thumb_px * 3 // 4)
            pixmap.fill(QColor("#d8d8d8"))
        else:
            pixmap = pixmap.scaled(self.thumb_px, self.thumb_px,
                                   Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        self._pixmaps[photo.sha256] = pixmap
        return pixmap


# -- the widget -----------------------------------------------------------------------------------
class _IconView(QListView):
    """Thumbnails in rows, in a fixed order (no dragging them about)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWrapping(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(False)
        # Drops are handled by the gallery (its parent), which knows where photos go.
        self.setAcceptDrops(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)


class PhotoGallery(QWidget):
    """Photos of one target: an item, a hazard, or (neither given) the whole inspection."""

    changed = Signal()                # photos were added, deleted or edited
    ingest_finished = Signal(object)  # list[IngestResult], after a background add

    def __init__(self, ctx: AppContext, actor: str | None = None,
                 parent: QWidget | None = None, *, thumb_px: int = 120) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.service = PhotoService(ctx.db, ctx.data_dir, ctx.device, actor)
        self.inspection_id: str | None = None
        self.item_id: str | None = None
        self.finding_id: str | None = None
        self.tag = PhotoTag.BEFORE
        self.read_only = False
        self.runner = TaskRunner()
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        self.refusal_dialog: QMessageBox | None = None
        self.message_box: QMessageBox | None = None
        self.viewer: Any = None
        self._pending: list[Source] = []
        self._base_title: str | None = None  # None: "Photos", in the current language
        self.show_empty_view = True  # False: an empty gallery is only its header row

        self.model = PhotosModel(self.service.thumbnail, self, thumb_px)
        self.view = _IconView()
        self.view.setModel(self.model)
        # activated: a double-click (or the platform's single click) and Enter; connecting
        # doubleClicked too would open two viewers.
        self.view.activated.connect(lambda index: self.open_viewer(index.row()))
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #666666;")
        self.hint.setWordWrap(True)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.choose_files)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title)
        top.addWidget(self.hint, 1)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addStretch(0)  # a fixed-height view stays under its header
        self.setAcceptDrops(True)
        # Only while the focus is in this gallery: an item and its hazard each have one.
        self.paste_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self)
        self.paste_shortcut.activated.connect(self.paste)
        self.delete_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self)
        self.delete_shortcut.activated.connect(self.delete_selected)
        for shortcut in (self.paste_shortcut, self.delete_shortcut):
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.set_thumb_size(thumb_px)
        self.retranslate()

    # -- setup ------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add photos…"))
        self.add_button.setToolTip(self.tr("Choose photo files; you can also drop them here "
                                           "or paste with Ctrl+V."))
        self._update_title()
        self._set_hint("")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_title(self, text: str) -> None:
        self._base_title = text
        self._update_title()

    def _update_title(self) -> None:
        count = self.model.rowCount()
        title = self._base_title or self.tr("Photos")
        self.title.setText(f"{title} ({count})")
        self.view.setVisible(bool(count) or self.show_empty_view)

    def _set_hint(self, text: str) -> None:
        if not text and not self.read_only:
            text = self.tr("Drop photos here or paste with Ctrl+V.")
        self.hint.setText(text)

    def set_thumb_size(self, px: int, rows: int | None = 1) -> None:
        """Thumbnail size and how many rows show without scrolling (None: all there is
        room for, as in a tab of its own)."""
        self.model.set_thumb_px(px)
        self.view.setIconSize(QSize(px, px))
        grid = QSize(px + 16, px + self.fontMetrics().height() + 14)
        self.view.setGridSize(grid)
        frame = 2 * self.view.frameWidth()
        if rows is None:
            self.view.setMinimumHeight(grid.height() + frame)
            self.view.setMaximumHeight(16777215)  # QWIDGETSIZE_MAX
        else:
            scrollbar = self.view.horizontalScrollBar().sizeHint().height()
            self.view.setFixedHeight(grid.height() * rows + frame + scrollbar // 2 + 4)

    def set_target(self, inspection_id: str, *, item_id: str | None = None,
                   finding_id: str | None = None, tag: PhotoTag = PhotoTag.BEFORE) -> None:
        """Show and add photos of an item, a hazard, or (neither given) the whole inspection:
        then every photo of it shows, and added ones belong to the inspection as a whole."""
        self.inspection_id = inspection_id
        self.item_id = item_id
        self.finding_id = finding_id
        self.tag = tag
        self.reload()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.add_button.setEnabled(not read_only)
        self._set_hint("")

    def reload(self) -> None:
        if self.inspection_id is None:
            self.model.set_photos([])
        else:
            self.model.set_photos(self.service.list(self.inspection_id, item_id=self.item_id,
                                                    finding_id=self.finding_id))
        self._update_title()

    def photos(self) -> list[Photo]:
        return self.model.photos()

    def selected_photos(self) -> list[Photo]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedIndexes())
        return [p for p in (self.model.photo(r) for r in rows) if p is not None]

    def is_busy(self) -> bool:
        return self.task is not None

    # -- adding -----------------------------------------------------------------------------------
    def choose_files(self) -> None:
        if self.read_only or self.inspection_id is None:
            return
        paths = open_files(
            self, Kind.PHOTOS, self.tr("Add photos"),
            self.tr("Photos (*.jpg *.jpeg *.png *.webp *.heic *.heif);;All files (*)"))
        if paths:
            self.add_files(paths)

    def add_files(self, paths: Sequence[str | Path]) -> None:
        """Add files in the background (what the file dialog, drops and pastes call).

        ``ingest_finished`` tells when they are in; a folder adds the photos in it."""
        sources: list[Source] = []
        unread: list[str] = []
        for raw in paths:
            path = Path(raw)
            try:
                folder = path.is_dir()
            except OSError:  # a stick pulled out since: adding it lists it with the reason
                folder = False
            if folder:
                try:
                    sources.extend(sorted(p for p in path.iterdir()
                                          if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()))
                except OSError as exc:  # a folder not ours to read, a USB stick pulled out
                    # Told, and the files dropped with it added all the same.
                    unread.append(from_read_error(exc, path).localized())
            else:
                sources.append(path)
        if unread:
            self._tell("\n".join(unread))
        self._start(sources)

    def add_image(self, image: QImage, name: str | None = None) -> None:
        """Add image data (a paste) in the background, stored as a PNG file."""
        name = name or datetime.now().strftime("pasted-%Y%m%d-%H%M%S.png")
        self._start([(name, image.copy())])

    def paste(self) -> None:
        if self.read_only:
            self._tell(self.tr("This inspection is not a draft: photos cannot be added."))
            return
        if not self.add_from_mime(QApplication.clipboard().mimeData()):
            self._tell(self.tr("The clipboard holds no image and no image file."))

    def add_from_mime(self, mime: QMimeData | None) -> bool:
        """Files (URLs) or image data from a drop or the clipboard; False if neither."""
        if mime is None:
            return False
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if files:
            self.add_files(files)
            return True
        if mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                self.add_image(image)
                return True
        return False

    def _start(self, sources: list[Source]) -> None:
        if not sources or self.inspection_id is None:
            return
        if self.read_only:
            self._tell(self.tr("This inspection is not a draft: photos cannot be added."))
            return
        if self.task is not None:
            self._pending.extend(sources)  # added when the running batch ends
            return
        task = Task(ingest, self.ctx, self.inspection_id, sources, self.item_id, self.finding_id,
                    self.tag)
        # Window-modal: the window keeps painting and the dialog can cancel, but nobody locks
        # the record or moves to another item while its photos are still coming in.
        progress = QProgressDialog(self.tr("Adding photos…"), self.tr("Stop"), 0, len(sources),
                                   self.window())
        progress.setWindowTitle(self.tr("Adding photos"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(400)  # a single photo needs no dialog
        progress.setValue(0)
        progress.canceled.connect(task.cancel)
        progress.canceled.connect(lambda: progress.setLabelText(
            self.tr("Stopping after the current photo…")))
        task.signals.progress.connect(self._progress)
        task.signals.succeeded.connect(self._ingest_done)
        task.signals.failed.connect(self._ingest_failed)
        self.progress = progress
        self.task = task
        self.add_button.setEnabled(False)
        self.runner.start(task)

    def _progress(self, done: int, total: int, name: str) -> None:
        progress = self.progress
        if progress is None or progress.wasCanceled():
            return
        progress.setMaximum(max(total, 1))
        progress.setValue(done)
        if name:
            progress.setLabelText(self.tr("Adding photo {0} of {1}: {2}").format(
                done + 1, total, name))

    def _end_task(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.task = None
        self.add_button.setEnabled(not self.read_only)

    def _ingest_done(self, batch: IngestBatch) -> None:
        self._end_task()
        results = batch.results
        added = [r for r in results if r.status == "added"]
        present = [r for r in results if r.status == "present"]
        refused = [r for r in results if r.status == "refused"]
        self.reload()
        parts = [self.tr("%Ln photo(s) added.", "", len(added))]
        if present:
            parts.append(self.tr("%Ln already attached.", "", len(present)))
        if refused:
            parts.append(self.tr("%Ln not added.", "", len(refused)))
        if batch.cancelled:
            parts.append(self.tr("Stopped before the end."))
        self._set_hint(" ".join(parts))
        if added:
            self.select_photo(added[-1].photo_id or "")
        if refused:
            self._show_refusals(refused, len(added))
        if added:
            self.changed.emit()
        self.ingest_finished.emit(results)
        pending, self._pending = self._pending, []
        if pending and not batch.cancelled:
            self._start(pending)

    def _ingest_failed(self, exc: BaseException, trace: str) -> None:
        self._end_task()
        self._pending = []
        self.reload()  # some files may have been added before the failure
        self.changed.emit()
        if isinstance(exc, InspectorError):
            self._tell(exc.localized())
            self.ingest_finished.emit([])
            return
        log.error("adding photos failed:\n%s", trace)
        sys.excepthook(type(exc), exc, exc.__traceback__)  # a bug: the crash dialog

    def _show_refusals(self, refused: list[IngestResult], added: int) -> None:
        lines = [r.named() for r in refused]
        # "The others were added" only when some were: a file already attached or a batch
        # stopped early is no photo added, and saying so would hide that nothing came in.
        text = self.tr("%Ln file(s) could not be added.", "", len(refused))
        if added:
            text += " " + self.tr("%Ln other photo(s) were added.", "", added)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Photos not added"), text,
                          QMessageBox.StandardButton.Ok, self.window())
        shown = lines[:MAX_LISTED_REFUSALS]
        if len(lines) > len(shown):
            shown.append(self.tr("… and %Ln more (see details).", "", len(lines) - len(shown)))
            box.setDetailedText("\n".join(lines))
        box.setInformativeText("\n".join(shown))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.refusal_dialog = box
        box.open()  # window-modal without blocking the event loop

    def cancel_ingest(self) -> None:
        self._pending = []
        if self.task is not None:
            self.task.cancel()

    # -- drops ------------------------------------------------------------------------------------
    def _droppable(self, mime: QMimeData | None) -> bool:
        return (not self.read_only and self.inspection_id is not None and mime is not None
                and (any(u.isLocalFile() for u in mime.urls()) or mime.hasImage()))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._droppable(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        if self._droppable(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if self._droppable(event.mimeData()) and self.add_from_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    # -- deleting, viewing ------------------------------------------------------------------------
    def delete_selected(self) -> None:
        photos = self.selected_photos()
        if not photos:
            return
        if self.read_only:
            self._tell(self.tr("This inspection is not a draft: photos cannot be deleted."))
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Delete photos"),
            self.tr("Why are %Ln photo(s) deleted?", "", len(photos)))
        if not ok:
            return
        if not reason.strip():
            self._tell(self.tr("A photo is deleted only with a reason."))
            return
        self.delete_photos([p.id for p in photos], reason.strip())

    def delete_photos(self, photo_ids: Sequence[str], reason: str) -> bool:
        done = False
        try:
            for photo_id in photo_ids:
                self.service.delete(photo_id, reason)
                done = True
        except InspectorError as exc:
            self._tell(exc.localized())
        if done:
            self.reload()
            self.changed.emit()
        return done

    def select_photo(self, photo_id: str) -> None:
        row = self.model.row_of(photo_id)
        if row >= 0:
            index = self.model.index(row)
            # Explicit: setCurrentIndex alone toggles the selection while Ctrl is held.
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.view.scrollTo(index)

    def open_viewer(self, row: int) -> None:
        from inspector_app.ui.dialogs.photo_viewer import PhotoViewer

        if self.model.photo(row) is None:
            return
        # Parented to the window: a hazard panel (and its gallery) may be rebuilt meanwhile.
        viewer = PhotoViewer(self.service, self.model.photos(), row, self.read_only,
                             self.window())
        viewer.changed.connect(self._viewer_changed)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.viewer = viewer
        viewer.open()

    def _viewer_changed(self) -> None:
        current = self.view.currentIndex()
        photo = self.model.photo(current.row()) if current.isValid() else None
        self.reload()
        if photo is not None:
            self.select_photo(photo.id)
        self.changed.emit()

    def _tell(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Photos"), text,
                          QMessageBox.StandardButton.Ok, self.window())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()
