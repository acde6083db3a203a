"""Taking a photo in: the file is read once, stored byte for byte under its SHA-256 only when it
decodes, and a disk that fails while it is stored refuses the photo without leaving a trace."""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import time
from pathlib import Path

import pytest
from PIL import Image

from inspector_app.domain.profile import Profile
from inspector_app.services.context import AppContext
from inspector_app.services.inspections import InspectionService
from inspector_app.services.photos import PhotoService
from inspector_app.storage.repositories import InspectorRepo, ProfileRepo
from tests import images
from tests.factories import add_company, add_template


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


@pytest.fixture
def photos(ctx):
    return PhotoService(ctx.db, ctx.data_dir, ctx.device, "张伟")


def stored_files(ctx) -> list[Path]:
    """Everything under the originals folder, temporary files included."""
    return sorted(p for p in (ctx.data_dir.photos / "originals").rglob("*") if p.is_file())


def test_the_original_is_stored_byte_for_byte_under_its_hash(ctx, photos, inspection,
                                                             tmp_path):
    source = images.jpeg(tmp_path / "DSC_0001.jpg", (1200, 900), seed=5)
    (result,) = photos.add_files(inspection, [source])
    assert result.status == "added"
    (stored,) = stored_files(ctx)
    sha = hashlib.sha256(source.read_bytes()).hexdigest()
    assert stored.name == f"{sha}.jpg"
    assert stored.read_bytes() == source.read_bytes()
    assert photos.get(result.photo_id).sha256 == sha
    # The same picture again, on an item: one original, no temporary file left beside it.
    (again,) = photos.add_files(inspection, [source], item_id="a1")
    assert again.status == "added"
    (same,) = photos.add_files(inspection, [source], item_id="a1")
    assert same.status == "present" and same.photo_id == again.photo_id
    assert stored_files(ctx) == [stored]


def test_a_sideways_photo_gets_an_upright_thumbnail(ctx, photos, inspection, tmp_path):
    source = images.jpeg(tmp_path / "sideways.jpg", (800, 600), seed=6)
    with Image.open(source) as image:
        exif = image.getexif()
        exif[274] = 6  # the camera was turned: rotate 90° clockwise to view
        image.save(source, "JPEG", exif=exif.tobytes())
    (result,) = photos.add_files(inspection, [source])
    photo = photos.get(result.photo_id)
    assert (photo.width, photo.height) == (600, 800)
    with Image.open(photos.thumbnail(photo)) as thumb:
        assert thumb.size == (240, 320)


def test_a_disk_failing_while_the_photo_is_stored_refuses_it_and_stores_nothing(
        ctx, photos, inspection, tmp_path, monkeypatch):
    source = images.jpeg(tmp_path / "DSC_0002.jpg", (640, 480), seed=7)

    def full_disk(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)  # a full disk shows up at the fsync
    (result,) = photos.add_files(inspection, [source])
    monkeypatch.undo()
    assert result.status == "refused"
    assert "full" in result.message
    assert photos.list(inspection) == []
    assert stored_files(ctx) == []
    (retry,) = photos.add_files(inspection, [source])
    assert retry.status == "added"


def test_a_decode_stopped_by_anything_leaves_no_copy_in_the_store(ctx, photos, inspection,
                                                                  tmp_path, monkeypatch):
    from inspector_app.services import photos as photos_module

    source = images.jpeg(tmp_path / "DSC_0003.jpg", (640, 480), seed=9)

    def stopped(path, size):
        raise KeyboardInterrupt  # or MemoryError, or a decoder's own fault

    monkeypatch.setattr(photos_module, "_read_image", stopped)
    with pytest.raises(KeyboardInterrupt):
        photos.add_files(inspection, [source])
    monkeypatch.undo()
    assert photos.list(inspection) == []
    assert stored_files(ctx) == []


def test_a_file_that_looks_like_a_jpeg_but_does_not_decode_leaves_nothing(
        ctx, photos, inspection, tmp_path):
    whole = images.jpeg(tmp_path / "whole.jpg", (1200, 900), seed=4).read_bytes()
    broken = tmp_path / "DSC_0004.jpg"
    broken.write_bytes(whole[: len(whole) // 3])  # a card pulled out while it was written
    (result,) = photos.add_files(inspection, [broken])
    assert result.status == "refused"
    assert photos.list(inspection) == []
    assert stored_files(ctx) == []


def test_a_png_is_stored_under_its_own_extension(ctx, photos, inspection, tmp_path):
    source = tmp_path / "screen.png"
    Image.new("RGB", (200, 100), "orange").save(source)
    (result,) = photos.add_files(inspection, [source])
    assert result.status == "added"
    (stored,) = stored_files(ctx)
    assert stored.suffix == ".png"
    assert stored.read_bytes() == source.read_bytes()


def test_a_refused_copy_of_a_stored_photo_leaves_the_stored_one(ctx, photos, inspection,
                                                                tmp_path, monkeypatch):
    from inspector_app.services import photos as photos_module

    source = images.jpeg(tmp_path / "DSC_0005.jpg", (640, 480), seed=11)
    (first,) = photos.add_files(inspection, [source])
    (stored,) = stored_files(ctx)

    def refused(path, size):
        raise photos_module.PhotoRefused("the image is damaged or incomplete")

    monkeypatch.setattr(photos_module, "_read_image", refused)
    (again,) = photos.add_files(inspection, [source], item_id="a1")
    monkeypatch.undo()
    assert again.status == "refused"
    assert stored_files(ctx) == [stored]
    assert photos.original_path(photos.get(first.photo_id)) == stored


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_a_forked_process_takes_photos_in_too(ctx, photos, inspection, tmp_path):
    # The parent has started its stager thread; a forked child has none of its threads.
    (first,) = photos.add_files(inspection, [images.jpeg(tmp_path / "a.jpg", (640, 480), seed=1)])
    assert first.status == "added"
    child_file = images.jpeg(tmp_path / "b.jpg", (640, 480), seed=2)
    pid = os.fork()
    if pid == 0:
        code = 1
        try:  # a connection of its own: SQLite's are not to be used across a fork
            child = AppContext(ctx.data_dir)
            (second,) = child.photos.add_files(inspection, [child_file])
            code = 0 if second.status == "added" else 1
        finally:
            os._exit(code)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.05)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        pytest.fail("the forked process hung taking a photo in")
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
