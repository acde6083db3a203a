"""Photos in the window: adding in the background, drops, pastes, deleting, viewing, marking."""

from __future__ import annotations

import copy
import threading

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage, QPixmap
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QPushButton

from inspector_app.domain.photo import PhotoTag, ShapeKind
from inspector_app.services.inspections import InspectionService
from inspector_app.services.photos import PhotoService
from inspector_app.storage.repositories import InspectorRepo
from inspector_app.ui.dialogs.photo_viewer import PhotoViewer
from inspector_app.ui.inspection_window import InspectionWindow
from inspector_app.ui.widgets import photo_gallery
from inspector_app.ui.widgets.photo_gallery import PhotoGallery, PhotosModel
from tests import images
from tests.factories import SMALL_TEMPLATE, add_company, add_template
from tests.failing_disk import fail_on
from tests.pdf_scenarios import sign_missing

INGEST_TIMEOUT_MS = 30_000


def photo_template() -> dict:
    definition = copy.deepcopy(SMALL_TEMPLATE)
    definition["id"] = "test-photos"
    definition["sections"][0]["items"].insert(0, {
        "id": "p1", "type": "photo", "min_photos": 2,
        "text": {"zh": "配电室全景照片", "en": "Photos of the switch room"}})
    return definition


@pytest.fixture
def service(ctx, profile):
    return InspectionService(ctx.db, ctx.device, profile.name)


@pytest.fixture
def photos(ctx, profile):
    return PhotoService(ctx.db, ctx.data_dir, ctx.device, profile.name)


@pytest.fixture
def inspection(ctx, service, profile):
    repo = InspectorRepo(ctx.db, ctx.device.id)
    team = [profile.id, repo.add("李娜", "32050002", "泉台区应急管理局").id]
    return service.start(company_id=add_company(ctx.db),
                         template_key=add_template(ctx.db, photo_template()),
                         kind="official", inspector_ids=team)


@pytest.fixture
def gallery(qtbot, ctx, profile, inspection, languages):
    widget = PhotoGallery(ctx, profile.name)
    qtbot.addWidget(widget)
    widget.set_target(inspection, item_id="a1")
    widget.resize(700, 300)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()  # shortcuts (Delete, Ctrl+V) need the active window
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def add_and_wait(qtbot, gallery, start):
    with qtbot.waitSignal(gallery.ingest_finished, timeout=INGEST_TIMEOUT_MS) as blocker:
        start()
    return blocker.args[0]


def complete(service, inspection):
    for item, value in (("a1", "compliant"), ("a2", "compliant"), ("dust", False),
                        ("n1", 3), ("t1", "compliant")):
        service.set_answer(inspection, item, value)
    assert service.complete(inspection) == []


def test_photos_model_passes_the_model_tester(qapp, qtmodeltester, photos, inspection, tmp_path):
    for n in range(3):
        photos.add_files(inspection, [images.jpeg(tmp_path / f"{n}.jpg", seed=n)])
    model = PhotosModel(photos.thumbnail)
    model.set_photos(photos.list(inspection))
    qtmodeltester.check(model)
    index = model.index(1)
    assert model.data(index) == "1.jpg"
    assert isinstance(model.data(index, Qt.ItemDataRole.DecorationRole), QPixmap)
    assert not model.data(index, Qt.ItemDataRole.DecorationRole).isNull()
    assert model.data(index, PhotosModel.PhotoRole).original_name == "1.jpg"
    qtmodeltester.check(PhotosModel())


def test_adding_runs_in_the_background_and_lists_refused_files(qtbot, gallery, photos,
                                                               inspection, tmp_path,
                                                               monkeypatch):
    big = images.jpeg(tmp_path / "IMG_4000x3000.jpg", size=(4000, 3000))
    files = [big, images.png(tmp_path / "screen.png"), images.corrupt(tmp_path / "broken.jpg")]
    workers: list[int] = []
    real_ingest = photo_gallery.ingest

    def spy(*args, **kwargs):
        workers.append(threading.get_ident())
        return real_ingest(*args, **kwargs)

    monkeypatch.setattr(photo_gallery, "ingest", spy)

    def start():
        gallery.add_files(files)
        assert gallery.is_busy() and gallery.model.rowCount() == 0  # not done in the call
        assert not gallery.add_button.isEnabled()

    results = add_and_wait(qtbot, gallery, start)
    assert workers and workers[0] != threading.get_ident()
    assert [r.status for r in results] == ["added", "added", "refused"]
    assert gallery.model.rowCount() == 2
    assert gallery.add_button.isEnabled() and not gallery.is_busy()
    for row in range(2):
        pixmap = gallery.model.data(gallery.model.index(row), Qt.ItemDataRole.DecorationRole)
        assert not pixmap.isNull() and max(pixmap.width(), pixmap.height()) <= 120
    dialog = gallery.refusal_dialog
    assert dialog is not None and dialog.isVisible()
    assert "broken.jpg: not an image" in dialog.informativeText()
    assert "IMG_4000x3000" not in dialog.informativeText()
    assert dialog.text() == "1 file could not be added. 2 other photos were added."
    assert "2 photos added" in gallery.hint.text() and "1 not added" in gallery.hint.text()
    stored = photos.list(inspection, item_id="a1")
    assert [(p.original_name, p.width, p.height) for p in stored] == [
        ("IMG_4000x3000.jpg", 4000, 3000), ("screen.png", 64, 48)]


def test_none_added_is_not_called_the_others_added(qtbot, gallery, tmp_path, languages):
    languages.apply("zh_CN")
    files = [images.corrupt(tmp_path / "broken.jpg"), tmp_path / "notes.txt",
             images.truncated_jpeg(tmp_path / "half.jpg")]
    files[1].write_text("not a photo", encoding="utf-8")
    results = add_and_wait(qtbot, gallery, lambda: gallery.add_files(files))
    assert [r.status for r in results] == ["refused", "refused", "refused"]
    dialog = gallery.refusal_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.text() == "3 个文件无法添加。"
    assert "其余" not in dialog.text() and "已添加" not in dialog.text()
    # Each file's reason in the window's language, not the log's English.
    assert "broken.jpg：不是图片" in dialog.informativeText(), dialog.informativeText()
    assert "not an image" not in dialog.informativeText()
    # A reason with details filled in (what the decoder said) is translated too.
    assert "half.jpg：图片已损坏" in dialog.informativeText(), dialog.informativeText()


def test_stop_ends_after_the_current_photo_and_keeps_what_was_added(
        qtbot, gallery, photos, inspection, tmp_path, monkeypatch):
    files = [images.jpeg(tmp_path / f"{n}.jpg", seed=n) for n in range(6)]
    reached, resume = threading.Event(), threading.Event()
    real_ingest = photo_gallery.ingest

    def spy(control, *args):
        real_progress = control.progress

        def progress(done, total, text=""):
            if done == 2:  # two photos are in: hold the worker until Stop is pressed
                reached.set()
                resume.wait(10)
            real_progress(done, total, text)

        control.progress = progress
        return real_ingest(control, *args)

    monkeypatch.setattr(photo_gallery, "ingest", spy)
    with qtbot.waitSignal(gallery.ingest_finished, timeout=INGEST_TIMEOUT_MS) as blocker:
        gallery.add_files(files)
        assert reached.wait(10)
        stop = gallery.progress.findChild(QPushButton)
        assert stop.text() == "Stop"
        stop.click()
        resume.set()
    results = blocker.args[0]
    assert [r.status for r in results] == ["added", "added"]
    assert [p.original_name for p in photos.list(inspection)] == ["0.jpg", "1.jpg"]
    assert gallery.model.rowCount() == 2
    assert "Stopped" in gallery.hint.text()
    assert gallery.progress is None and gallery.add_button.isEnabled()


def test_dropped_files_are_added(qtbot, gallery, tmp_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(images.jpeg(tmp_path / "drop1.jpg", seed=1))),
                  QUrl.fromLocalFile(str(images.jpeg(tmp_path / "drop2.jpg", seed=2)))])
    enter = QDragEnterEvent(gallery.rect().center(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    gallery.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(gallery.rect().center()), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    results = add_and_wait(qtbot, gallery, lambda: gallery.dropEvent(drop))
    assert drop.isAccepted()
    assert [r.status for r in results] == ["added", "added"]
    assert [gallery.model.data(gallery.model.index(r)) for r in range(2)] == [
        "drop1.jpg", "drop2.jpg"]


def test_a_pasted_image_is_added(qtbot, gallery, photos, inspection):
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#c03030"))
    QApplication.clipboard().setImage(image)
    gallery.view.setFocus()
    results = add_and_wait(qtbot, gallery, gallery.paste)
    assert [r.status for r in results] == ["added"]
    (photo,) = photos.list(inspection, item_id="a1")
    assert photo.original_name.startswith("pasted-") and photo.original_name.endswith(".png")
    assert photo.mime == "image/png" and (photo.width, photo.height) == (120, 80)


def test_delete_asks_a_reason_and_the_photo_goes(qtbot, gallery, photos, service, inspection,
                                                 tmp_path, monkeypatch):
    add_and_wait(qtbot, gallery, lambda: gallery.add_files(
        [images.jpeg(tmp_path / "keep.jpg", seed=1), images.jpeg(tmp_path / "drop.jpg", seed=2)]))
    asked = []
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *a, **k: (asked.append(a[2]), ("拍错了", True))[1])
    gallery.select_photo(photos.list(inspection)[1].id)
    with qtbot.waitSignal(gallery.changed):
        gallery.view.setFocus()
        qtbot.keyClick(gallery.view, Qt.Key.Key_Delete)
    assert asked == ["Why is 1 photo deleted?"]
    assert [p.original_name for p in photos.list(inspection)] == ["keep.jpg"]
    assert gallery.model.rowCount() == 1
    deleted = [e for e in service.history(inspection)
               if e.entity == "photo" and e.action == "delete"]
    assert [e.reason for e in deleted] == ["拍错了"]


def open_window(qtbot, ctx, inspection_id):
    win = InspectionWindow(ctx, inspection_id)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_photo_item_counts_and_missing_list_follow_the_gallery(qtbot, ctx, service, inspection,
                                                                tmp_path):
    win = open_window(qtbot, ctx, inspection)
    win.select_item("p1")
    gallery = win.panel.gallery
    assert gallery.isVisible() and gallery.view.iconSize().width() == 140
    assert "at least 2 needed" in gallery.title.text()
    assert any(m.item_id == "p1" for m in service.missing(inspection))
    add_and_wait(qtbot, gallery, lambda: gallery.add_files(
        [images.jpeg(tmp_path / "room1.jpg", seed=1), images.jpeg(tmp_path / "room2.jpg",
                                                                   seed=2)]))
    assert win.record.photo_counts == {"p1": 2}
    assert "2 photo(s) attached" in win.panel.editor.findChild(QLabel).text()
    assert not any(m.item_id == "p1" for m in service.missing(inspection))
    assert win.tabs.tabText(2) == "Photos (2)"
    assert win.photos.model.rowCount() == 2

    win.select_item("a1")  # other items show a smaller gallery of their own photos
    assert win.panel.gallery.view.iconSize().width() == 88
    assert win.panel.gallery.model.rowCount() == 0


def test_hazard_gallery_holds_the_hazards_photos(qtbot, ctx, service, photos, inspection,
                                                  tmp_path):
    win = open_window(qtbot, ctx, inspection)
    win.select_item("a2")
    win.choose(2)  # non-compliant: the hazard opens with its own gallery
    hazard_gallery = win.panel.hazard.gallery
    assert hazard_gallery is not None and hazard_gallery.isVisible()
    add_and_wait(qtbot, hazard_gallery, lambda: hazard_gallery.add_files(
        [images.jpeg(tmp_path / "hazard.jpg")]))
    finding = service.get(inspection).findings[0]
    (photo,) = photos.list(inspection, finding_id=finding.id)
    assert photo.item_id is None and photo.tag is PhotoTag.BEFORE
    assert win.tabs.tabText(2) == "Photos (1)"
    tip = win.photos.model.data(win.photos.model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert "Hazard 1" in tip


def test_signed_inspection_shows_photos_read_only(qtbot, ctx, service, photos, inspection,
                                                  tmp_path, monkeypatch):
    files = [images.jpeg(tmp_path / f"p{n}.jpg", seed=n) for n in range(2)]
    photos.add_files(inspection, files, item_id="p1")
    complete(service, inspection)
    sign_missing(service, inspection)
    service.lock(inspection)
    win = open_window(qtbot, ctx, inspection)
    win.select_item("p1")
    for gallery in (win.panel.gallery, win.photos):
        assert gallery.read_only and not gallery.add_button.isEnabled()
    gallery = win.photos
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *a, **k: pytest.fail("no reason is asked on a locked record"))
    gallery.select_photo(photos.list(inspection)[0].id)
    gallery.delete_selected()
    assert "cannot be deleted" in gallery.message_box.text()
    # Whatever the widgets allow, the service refuses with its own message.
    assert not gallery.delete_photos([photos.list(inspection)[0].id], "试一下")
    assert "signed and locked" in gallery.message_box.text()
    assert len(photos.list(inspection)) == 2
    gallery.add_files(files)  # a drop on a read-only gallery: nothing starts
    assert not gallery.is_busy()

    gallery.open_viewer(0)  # viewing still works
    viewer = gallery.viewer
    qtbot.waitUntil(viewer.is_ready)
    assert not viewer.delete_button.isEnabled() and viewer.caption.isReadOnly()
    assert not viewer.tool_buttons[ShapeKind.RECT].isEnabled()
    assert viewer.draw(ShapeKind.RECT, QPointF(10, 10), QPointF(30, 30)) is None


def test_viewer_draws_a_rectangle_that_the_print_copy_shows(qtbot, gallery, photos, tmp_path,
                                                            monkeypatch):
    add_and_wait(qtbot, gallery, lambda: gallery.add_files(
        [images.jpeg(tmp_path / "wall.jpg", size=(2400, 1800), colour="white"),
         images.exif_jpeg(tmp_path / "turned.jpg")]))
    gallery.open_viewer(0)
    viewer: PhotoViewer = gallery.viewer
    qtbot.waitUntil(viewer.is_ready)
    assert viewer.isVisible()
    w, h = viewer.pixmap_item.pixmap().width(), viewer.pixmap_item.pixmap().height()
    assert (w, h) == (1600, 1200)  # the upright view copy
    fitted = viewer.canvas.transform().m11()
    viewer.canvas.setFocus()
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_Plus)
    assert viewer.canvas.transform().m11() == pytest.approx(fitted * 1.25)
    assert not viewer.fitting
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_0)
    assert viewer.fitting and viewer.canvas.transform().m11() == pytest.approx(fitted)
    viewer.set_tool(ShapeKind.RECT)
    with qtbot.waitSignal(viewer.changed):
        shape = viewer.draw(ShapeKind.RECT, QPointF(0.2 * w, 0.25 * h),
                            QPointF(0.6 * w, 0.75 * h))
    viewer.save_annotations()
    photo = photos.get(viewer.photo.id)
    (saved,) = photo.annotations
    assert saved == shape and saved.kind is ShapeKind.RECT and saved.colour == "#e00000"
    assert all(0 <= v <= 1 for v in (saved.x1, saved.y1, saved.x2, saved.y2))
    assert (saved.x1, saved.y1, saved.x2, saved.y2) == pytest.approx((0.2, 0.25, 0.6, 0.75))
    with Image.open(photos.print_copy(photo)) as printed:
        pw, ph = printed.size
        r, g, b = printed.getpixel((round(saved.x1 * pw), round(ph / 2)))
        assert r > 180 and g < 90 and b < 90  # the left edge is drawn in red
        assert min(printed.getpixel((round(0.4 * pw), round(ph / 2)))) > 240  # inside: white
    tip = gallery.model.data(gallery.model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert "1 mark drawn" in tip

    # Small drags are no marks; text asks for its words; erase and undo take marks back.
    assert viewer.draw(ShapeKind.ARROW, QPointF(5, 5), QPointF(6, 6)) is None
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("带电部位裸露", True))
    viewer.set_tool(ShapeKind.TEXT)
    viewer.ask_text(QPointF(0.1 * w, 0.1 * h))
    kinds = [s.kind for s in photos.get(photo.id).annotations]
    assert kinds == [ShapeKind.RECT, ShapeKind.TEXT]
    assert photos.get(photo.id).annotations[1].text == "带电部位裸露"
    assert viewer.erase_at(QPointF(0.2 * w, 0.5 * h))  # on the rectangle's left edge
    assert [s.kind for s in photos.get(photo.id).annotations] == [ShapeKind.TEXT]
    viewer.undo()
    viewer.undo()
    assert photos.get(photo.id).annotations == [shape]
    viewer.undo()
    assert photos.get(photo.id).annotations == []

    with qtbot.waitSignal(viewer.image_loaded):
        qtbot.keyClick(viewer.canvas, Qt.Key.Key_PageDown)
    assert viewer.index == 1
    pixmap = viewer.pixmap_item.pixmap()
    assert pixmap.height() > pixmap.width()  # EXIF orientation 6 shows upright (portrait)
    assert "Canon EOS R5" in viewer.facts.text() and "31.230000°N" in viewer.facts.text()
    size = viewer.photo.size_bytes
    assert size < 1_000_000 and f"· {round(size / 1000)} KB" in viewer.facts.text()
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_Left)
    assert viewer.index == 0


def test_viewer_caption_tag_and_delete(qtbot, gallery, photos, inspection, tmp_path,
                                       monkeypatch):
    add_and_wait(qtbot, gallery, lambda: gallery.add_files(
        [images.jpeg(tmp_path / f"{n}.jpg", seed=n) for n in range(2)]))
    rect = gallery.view.visualRect(gallery.model.index(1))
    qtbot.mouseClick(gallery.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(gallery.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    viewers = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, PhotoViewer) and w.isVisible()]
    assert viewers == [gallery.viewer]  # one viewer, not one per click signal
    viewer = gallery.viewer
    assert viewer.index == 1
    qtbot.waitUntil(viewer.is_ready)
    viewer.caption.setFocus()
    viewer.caption.insert("配电箱门缺失")  # as typed (QTest types ASCII only)
    with qtbot.waitSignal(gallery.changed):
        qtbot.keyClick(viewer.caption, Qt.Key.Key_Return)
    assert photos.get(viewer.photo.id).caption == "配电箱门缺失"
    assert gallery.model.data(gallery.model.index(1)) == "配电箱门缺失"
    viewer.after.click()
    assert photos.get(viewer.photo.id).tag is PhotoTag.AFTER
    assert gallery.model.data(gallery.model.index(1)).startswith("After: ")

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("重复", True))
    viewer.delete_button.click()
    assert [p.original_name for p in photos.list(inspection)] == ["0.jpg"]
    assert viewer.index == 0 and len(viewer.photos) == 1
    assert gallery.model.rowCount() == 1


def test_photos_added_in_the_window_get_their_print_copies_in_the_background(
        qtbot, ctx, profile, inspection, languages, photos, tmp_path):
    maker = ctx.make_print_copies_ahead()  # as the program does for its window
    widget = PhotoGallery(ctx, profile.name)
    qtbot.addWidget(widget)
    widget.set_target(inspection, item_id="a1")
    files = [images.jpeg(tmp_path / f"{n}.jpg", size=(2000, 1500), seed=n) for n in range(2)]
    results = add_and_wait(qtbot, widget, lambda: widget.add_files(files))
    assert [r.status for r in results] == ["added", "added"]
    stored = photos.list(inspection, item_id="a1")
    qtbot.waitUntil(lambda: all(photos.print_copy_made(p) is not None for p in stored),
                    timeout=INGEST_TIMEOUT_MS)
    assert maker.wait(30)
    with Image.open(photos.print_copy_made(stored[0])) as copy:
        assert copy.size == (1600, 1200)


def test_a_dropped_folder_that_cannot_be_read_is_named_with_the_reason(qtbot, gallery, tmp_path,
                                                                       monkeypatch):
    folder = tmp_path / "DCIM"
    folder.mkdir()
    images.jpeg(folder / "a.jpg")
    fail_on(monkeypatch, "iterdir", folder)
    gallery.add_files([folder])
    assert not gallery.is_busy() and gallery.model.rowCount() == 0
    told = gallery.message_box.text()
    assert str(folder) in told and "Input/output error" in told and "USB stick" in told


# read_bytes: the stick stops giving the photo's bytes; stat: asking whether a dropped name is
# a folder already answers EIO (the stick pulled out after the drop).
@pytest.mark.parametrize("method", ["read_bytes", "stat"])
def test_a_photo_the_stick_cannot_give_is_listed_as_not_added_and_the_others_come_in(
        qtbot, gallery, photos, inspection, tmp_path, monkeypatch, method):
    good, gone = images.jpeg(tmp_path / "a.jpg"), images.jpeg(tmp_path / "b.jpg", seed=2)
    fail_on(monkeypatch, method, gone)
    results = add_and_wait(qtbot, gallery, lambda: gallery.add_files([good, gone]))
    assert [r.status for r in results] == ["added", "refused"]
    told = gallery.refusal_dialog.informativeText()
    assert "b.jpg" in told and "Input/output error" in told
    assert [p.original_name for p in photos.list(inspection)] == ["a.jpg"]


def test_a_dropped_folder_that_cannot_be_read_does_not_keep_the_other_files_out(
        qtbot, gallery, photos, inspection, tmp_path, monkeypatch):
    """The folder is named with its reason; the photos dropped with it come in all the same
    (nothing tells the user they were left out)."""
    folder = tmp_path / "DCIM"
    folder.mkdir()
    good = images.jpeg(tmp_path / "a.jpg")
    fail_on(monkeypatch, "iterdir", folder)
    results = add_and_wait(qtbot, gallery, lambda: gallery.add_files([folder, good]))
    assert [r.status for r in results] == ["added"]
    assert [p.original_name for p in photos.list(inspection)] == ["a.jpg"]
    told = gallery.message_box.text()
    assert str(folder) in told and "Input/output error" in told
