"""Print copies made ahead: after photos are taken in, in the background, never half-written."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest
from PIL import Image

from inspector_app.domain.photo import Photo
from inspector_app.domain.profile import Profile
from inspector_app.services.inspections import InspectionService
from inspector_app.services.photos import PRINT_LONG_SIDE, PhotoService
from inspector_app.services.print_copies import PrintCopyMaker
from inspector_app.storage.repositories import InspectorRepo, ProfileRepo
from tests import images
from tests.factories import add_company, add_template

WAIT_S = 30


@pytest.fixture
def inspection(ctx):
    ProfileRepo(ctx.db, ctx.device).save(
        Profile("张伟", "3205001", "泉台区应急管理局", "QT01", "泉台"))
    repo = InspectorRepo(ctx.db, ctx.device.id)
    team = [repo.add("张伟", "3205001", "泉台区应急管理局").id,
            repo.add("李娜", "3205002", "泉台区应急管理局").id]
    return InspectionService(ctx.db, ctx.device, actor="张伟").start(
        company_id=add_company(ctx.db), template_key=add_template(ctx.db), kind="official",
        inspector_ids=team)


def _files(folder: Path, count: int, size: tuple[int, int] = (2400, 1800)) -> list[Path]:
    return [images.jpeg(folder / f"IMG_{n}.jpg", size, seed=n) for n in range(count)]


def _leftovers(ctx) -> list[Path]:
    """Temporary files a write left behind in the derived images."""
    return [p for p in (ctx.data_dir.photos / "derived").rglob("*") if p.name.endswith(".part")]


def test_photos_taken_in_get_their_print_copies_in_the_background(ctx, inspection, tmp_path):
    maker = ctx.make_print_copies_ahead()
    results = ctx.photos.add_files(inspection, _files(tmp_path, 3))
    assert [r.status for r in results] == ["added"] * 3
    assert maker.wait(WAIT_S)
    for photo in ctx.photos.list(inspection):
        made = ctx.photos.print_copy_made(photo)
        assert made is not None
        with Image.open(made) as copy:
            assert copy.format == "JPEG" and copy.size == (PRINT_LONG_SIDE, 1200)
    assert maker.throughput().made == 3
    assert _leftovers(ctx) == []


def test_a_command_without_the_maker_makes_none_ahead(ctx, inspection, tmp_path):
    ctx.photos.add_files(inspection, _files(tmp_path, 1))
    (photo,) = ctx.photos.list(inspection)
    assert ctx.photos.print_copy_made(photo) is None
    assert ctx.photos.print_copy(photo).exists()  # the export still makes it


def test_no_copy_is_started_while_photos_are_taken_in(ctx, inspection, tmp_path):
    maker = PrintCopyMaker(PhotoService(ctx.db, ctx.data_dir, ctx.device).print_copy,
                           quiet_s=0.05)
    photos = PhotoService(ctx.db, ctx.data_dir, ctx.device, "张伟", print_copies=maker)
    try:
        with photos.taking_in():
            photos.add_files(inspection, _files(tmp_path, 2))
            assert not maker.wait(0.3)  # held off while the batch goes on
            assert maker.pending() == 2
            assert all(photos.print_copy_made(p) is None for p in photos.list(inspection))
        assert maker.wait(WAIT_S)
        assert all(photos.print_copy_made(p) is not None for p in photos.list(inspection))
    finally:
        maker.close()


def test_closing_abandons_the_copy_in_hand_and_drops_the_queue(ctx, inspection, tmp_path):
    photos = PhotoService(ctx.db, ctx.data_dir, ctx.device, "张伟")
    photos.add_files(inspection, _files(tmp_path, 3))
    listed = photos.list(inspection)
    started, release = threading.Event(), threading.Event()

    def slow(photo: Photo, stop):
        started.set()
        release.wait(WAIT_S)  # the window is closed while this photo is being decoded
        return photos.print_copy(photo, stop)

    maker = PrintCopyMaker(slow, quiet_s=0)
    maker.queue(listed)
    assert started.wait(WAIT_S)
    threading.Timer(0.2, release.set).start()
    maker.close()
    assert all(photos.print_copy_made(p) is None for p in listed)
    assert _leftovers(ctx) == []
    assert maker.throughput().made == 0
    maker.queue(listed)  # closed: nothing more is started
    assert maker.pending() == 0


def test_a_photo_deleted_meanwhile_is_skipped_and_the_others_are_made(ctx, inspection, tmp_path,
                                                                       caplog):
    photos = PhotoService(ctx.db, ctx.data_dir, ctx.device, "张伟")
    photos.add_files(inspection, _files(tmp_path, 3))
    gone, deleted, kept = photos.list(inspection)
    photos.original_path(gone).unlink()  # its file removed from the photo folder
    photos.delete(deleted.id)            # deleted in the record: its file stays
    maker = PrintCopyMaker(photos.print_copy, quiet_s=0)
    with caplog.at_level(logging.WARNING, logger="inspector_app.services.print_copies"):
        maker.queue([gone, deleted, kept])
        assert maker.wait(WAIT_S)
    maker.close()
    assert photos.print_copy_made(gone) is None
    assert photos.print_copy_made(kept) is not None
    assert photos.print_copy_made(deleted) is not None  # harmless: made from the kept file
    (line,) = [r.getMessage() for r in caplog.records]
    assert gone.id in line and "IMG_0.jpg" in line and "missing" in line


def test_a_broken_photo_leaves_a_clear_log_line_and_no_file(ctx, inspection, tmp_path, caplog):
    photos = PhotoService(ctx.db, ctx.data_dir, ctx.device, "张伟")
    photos.add_files(inspection, _files(tmp_path, 2))
    broken, fine = photos.list(inspection)
    original = photos.original_path(broken)
    original.write_bytes(original.read_bytes()[:4000])  # damaged on disk after it was taken in
    maker = PrintCopyMaker(photos.print_copy, quiet_s=0)
    with caplog.at_level(logging.WARNING, logger="inspector_app.services.print_copies"):
        maker.queue([broken, fine])
        assert maker.wait(WAIT_S)
    maker.close()
    assert photos.print_copy_made(broken) is None
    assert photos.print_copy_made(fine) is not None
    assert _leftovers(ctx) == []
    (line,) = [r.getMessage() for r in caplog.records]
    # Its bytes no longer have the hash recorded when it was taken in.
    assert broken.id in line and "IMG_0.jpg" in line and "changed on disk" in line


def test_a_worker_context_shares_the_window_maker(ctx, inspection, tmp_path):
    maker = ctx.make_print_copies_ahead()
    with ctx.for_worker() as worker:
        worker.photos.add_files(inspection, _files(tmp_path, 1))
    assert maker.wait(WAIT_S)
    (photo,) = ctx.photos.list(inspection)
    assert ctx.photos.print_copy_made(photo) is not None
    ctx.close()
    assert ctx.print_copies is None
