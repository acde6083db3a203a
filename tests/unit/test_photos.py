"""Photo ingest: every format, every kind of bad file, dedupe, derived images, lock, CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PIL import Image, ImageChops, features

from inspector_app.cli import main
from inspector_app.domain.photo import PhotoTag, Shape, ShapeKind
from inspector_app.domain.profile import Profile
from inspector_app.errors import LockedRecordError, ValidationError
from inspector_app.services.inspections import InspectionService
from inspector_app.services.photos import MAX_PIXELS, PhotoService, _open_checked
from inspector_app.storage.repositories import InspectorRepo, ProfileRepo
from tests import images
from tests.factories import add_company, add_template
from tests.pdf_scenarios import sign_missing


@pytest.fixture
def inspections(ctx):
    ProfileRepo(ctx.db, ctx.device).save(
        Profile("张伟", "3205001", "泉台区应急管理局", "QT01", "泉台"))
    return InspectionService(ctx.db, ctx.device, actor="张伟")


@pytest.fixture
def inspection(ctx, inspections):
    repo = InspectorRepo(ctx.db, ctx.device.id)
    team = [repo.add("张伟", "3205001", "泉台区应急管理局").id,
            repo.add("李娜", "3205002", "泉台区应急管理局").id]
    return inspections.start(company_id=add_company(ctx.db), template_key=add_template(ctx.db),
                             kind="official", inspector_ids=team)


@pytest.fixture
def photos(ctx):
    return PhotoService(ctx.db, ctx.data_dir, ctx.device, "张伟")


def originals(ctx) -> list[Path]:
    return [p for p in (ctx.data_dir.photos / "originals").rglob("*") if p.is_file()]


def add_one(photos, inspection, path, **kw):
    (result,) = photos.add_files(inspection, [path], **kw)
    return result


# -- formats --------------------------------------------------------------------------------------

def test_jpeg_png_webp_are_added_with_their_type(photos, inspection, tmp_path):
    files = [images.jpeg(tmp_path / "a.jpg"), images.png(tmp_path / "b.png")]
    if features.check("webp"):
        Image.new("RGB", (64, 48), "green").save(tmp_path / "c.webp", "WEBP")
        files.append(tmp_path / "c.webp")
    results = photos.add_files(inspection, files)
    assert [r.status for r in results] == ["added"] * len(files)
    listed = photos.list(inspection)
    assert [p.mime for p in listed] == ["image/jpeg", "image/png", "image/webp"][:len(files)]
    assert all((p.width, p.height) == (64, 48) for p in listed)
    for photo in listed:
        assert photos.thumbnail(photo).exists()
        with Image.open(photos.print_copy(photo)) as copy:
            assert copy.format == "JPEG" and copy.size == (64, 48)


HEIC_SAMPLES = Path(__file__).resolve().parents[1] / "data" / "heic"


@pytest.mark.parametrize(("name", "size"), [("small", (96, 64)), ("rotated", (120, 160))])
def test_heic_is_added_with_the_pixels_the_encoder_build_decoded(photos, inspection, name, size):
    result = add_one(photos, inspection, HEIC_SAMPLES / f"{name}.heic")
    assert result.status == "added", result.message
    photo = photos.get(result.photo_id)
    assert photo.mime == "image/heic" and (photo.width, photo.height) == size
    with Image.open(HEIC_SAMPLES / f"{name}.heic") as decoded, \
            Image.open(HEIC_SAMPLES / f"{name}.reference.png") as reference:
        difference = ImageChops.difference(decoded.convert("RGB"), reference.convert("RGB"))
        assert difference.getbbox() is None  # identical pixels, upright
    with Image.open(photos.print_copy(photo)) as copy:
        assert copy.mode == "RGB" and copy.size == size


def test_cmyk_jpeg_and_16_bit_png_become_plain_rgb(photos, inspection, tmp_path):
    Image.new("CMYK", (64, 48), (0, 255, 255, 0)).save(tmp_path / "cmyk.jpg", "JPEG")
    Image.new("I;16", (64, 48), 40000).save(tmp_path / "deep.png", "PNG")
    results = photos.add_files(inspection, [tmp_path / "cmyk.jpg", tmp_path / "deep.png"])
    assert [r.status for r in results] == ["added", "added"]
    cmyk, deep = (photos.get(r.photo_id) for r in results)
    for photo in (cmyk, deep):
        for path in (photos.thumbnail(photo), photos.print_copy(photo)):
            with Image.open(path) as image:
                assert image.mode == "RGB"
    with Image.open(photos.print_copy(cmyk)) as image:
        r, g, b = image.getpixel((32, 24))
        assert r > 200 and g < 60 and b < 60  # red, not inverted or cyan
    with Image.open(photos.print_copy(deep)) as image:
        assert abs(image.getpixel((32, 24))[0] - 40000 // 256) <= 2  # scaled, not clipped


def test_exif_orientation_time_camera_and_gps(photos, inspection, tmp_path):
    photo = photos.get(add_one(photos, inspection, images.exif_jpeg(tmp_path / "o6.jpg"))
                       .photo_id)
    assert (photo.width, photo.height) == (40, 60)  # as shown, not as stored
    assert photo.orientation == 6
    assert photo.taken_at == "2026-11-28T10:15:00"
    assert photo.camera == "Canon EOS R5"
    assert photo.gps_lat == pytest.approx(31.23) and photo.gps_lon == pytest.approx(121.47)
    with Image.open(photos.print_copy(photo)) as copy:
        assert copy.size == (40, 60)  # upright portrait
        # Turned clockwise: the sensor's left third (blue) is now the top.
        r, _, b = copy.getpixel((20, 3))
        assert b > 150 and r < 100
        assert copy.getpixel((20, 56))[0] > 200  # white at the bottom
    assert photos.original_path(photo).read_bytes() == (tmp_path / "o6.jpg").read_bytes()


def test_a_108_megapixel_header_is_not_taken_for_a_bomb(tmp_path):
    # Pillow alone warns at 89 M pixels; phones make 108-MP photos.
    with _open_checked(images.png_claiming(tmp_path / "big.png", 12000, 9000)) as image:
        assert image.size == (12000, 9000)


# -- dedupe ---------------------------------------------------------------------------------------

def test_the_same_photo_twice_is_stored_once(ctx, photos, inspection, tmp_path):
    first = images.jpeg(tmp_path / "one.jpg")
    copy = tmp_path / "same-bytes-other-name.jpg"
    copy.write_bytes(first.read_bytes())
    results = photos.add_files(inspection, [first, first, copy])
    assert [r.status for r in results] == ["added", "present", "present"]
    assert results[1].photo_id == results[0].photo_id
    assert "already present" in results[1].line()
    # Attached to an item too: a second record, still one file on disk.
    assert add_one(photos, inspection, first, item_id="a1").status == "added"
    assert len(photos.list(inspection)) == 2
    assert len(originals(ctx)) == 1


# -- bad inputs -----------------------------------------------------------------------------------

def bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    huge = tmp_path / "huge.jpg"
    with open(huge, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: nothing to read if refused by size
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    # 20 M pixels of one colour in a few kilobytes: seconds and gigabytes to decode.
    packed = tmp_path / "packed.webp"
    Image.new("RGB", (5000, 4000), (200, 200, 200)).save(packed, "WEBP", lossless=True)
    return {
        "text": (images.corrupt(tmp_path / "notes.jpg"), "not an image"),
        "truncated": (images.truncated_jpeg(tmp_path / "cut.jpg"), "damaged or incomplete"),
        "bomb": (images.png_claiming(tmp_path / "bomb.png", 50000, 50000), "decompression bomb"),
        "bomb-just-over": (images.png_claiming(tmp_path / "bomb2.png", 11000, 11000),
                           "decompression bomb"),
        "packed": (packed, "absurdly large for its file (5000 × 4000 pixels in"),
        "empty": (empty, "empty (0 bytes)"),
        "folder": (tmp_path, "not a file"),
        "missing": (tmp_path / "gone.jpg", "cannot be read: No such file"),
        "huge": (huge, "too large (210 MB"),
    }


def test_bad_files_are_refused_with_a_reason_and_the_batch_goes_on(ctx, photos, inspection,
                                                                   tmp_path):
    assert MAX_PIXELS < 11000 * 11000
    bad = bad_files(tmp_path)
    good = [images.jpeg(tmp_path / "good1.jpg", seed=1), images.jpeg(tmp_path / "good2.jpg",
                                                                      seed=2)]
    paths = [good[0], *(p for p, _ in bad.values()), good[1]]
    results = photos.add_files(inspection, paths)
    assert results[0].status == results[-1].status == "added"
    for result, (name, (path, expected)) in zip(results[1:-1], bad.items(), strict=True):
        assert result.status == "refused", name
        assert expected in result.message, (name, result.message)
        assert result.line().startswith(f"{path}: refused: ")
    assert len(photos.list(inspection)) == 2
    assert len(originals(ctx)) == 2  # nothing of the bad files was stored


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root reads any file; the folder and missing-file cases cover it")
def test_unreadable_file_is_refused(photos, inspection, tmp_path):
    path = images.jpeg(tmp_path / "secret.jpg")
    path.chmod(0)
    try:
        result = add_one(photos, inspection, path)
    finally:
        path.chmod(0o644)
    assert result.status == "refused" and "cannot be read" in result.message


def test_pasted_bytes_are_named_by_the_paste(photos, inspection, tmp_path):
    data = images.png(tmp_path / "x.png").read_bytes()
    result = photos.add_bytes(inspection, data, "pasted-20261128-101500.png")
    assert result.status == "added" and result.path == "pasted-20261128-101500.png"
    assert photos.get(result.photo_id).original_name == "pasted-20261128-101500.png"
    refused = photos.add_bytes(inspection, b"nope", "pasted-x.png")
    assert refused.status == "refused" and refused.path == "pasted-x.png"


# -- annotations, edits, lock ---------------------------------------------------------------------

def test_annotations_are_drawn_into_the_print_copy_only(photos, inspection, tmp_path):
    path = images.jpeg(tmp_path / "wall.jpg", size=(1600, 1200), colour="white")
    photo = photos.get(add_one(photos, inspection, path).photo_id)
    clean = photos.print_copy(photo)
    shapes = [Shape(ShapeKind.RECT, 0.25, 0.25, 0.75, 0.75),
              Shape(ShapeKind.ARROW, 0.1, 0.9, 0.24, 0.5, "#0070f0"),
              Shape(ShapeKind.TEXT, 0.3, 0.1, 0.3, 0.1, text="配电箱未接地")]
    marked = photos.set_annotations(photo.id, shapes)
    assert marked.annotations == shapes
    copy = photos.print_copy(marked)
    assert copy != clean and clean.exists()
    with Image.open(copy) as image:
        r, g, b = image.getpixel((400, 600))  # the rectangle's left edge
        assert r > 180 and g < 90 and b < 90
        assert image.getpixel((800, 600)) == pytest.approx((255, 255, 255), abs=8)
    assert photos.original_path(marked).read_bytes() == path.read_bytes()
    with pytest.raises(ValidationError):
        photos.set_annotations(photo.id, [Shape(ShapeKind.RECT, 0.2, 0.2, 1.5, 0.5)])


def test_caption_tag_and_delete_are_audited(photos, inspections, inspection, tmp_path):
    photo_id = add_one(photos, inspection, images.jpeg(tmp_path / "a.jpg")).photo_id
    assert photos.set_caption(photo_id, "  配电箱门缺失 ").caption == "配电箱门缺失"
    assert photos.set_tag(photo_id, "after").tag is PhotoTag.AFTER
    photos.delete(photo_id, "拍错了")
    assert photos.list(inspection) == []
    assert photos.get(photo_id).deleted_at
    entries = [(e.action, e.field, e.reason) for e in inspections.history(inspection)
               if e.entity == "photo"]
    assert entries == [("create", None, None), ("update", "caption", None),
                       ("update", "tag", None), ("delete", None, "拍错了")]


def test_a_signed_inspection_refuses_photo_changes(photos, inspections, inspection, tmp_path):
    photo_id = add_one(photos, inspection, images.jpeg(tmp_path / "a.jpg")).photo_id
    for item, value in (("a1", "compliant"), ("a2", "compliant"), ("dust", False), ("n1", 4),
                        ("t1", "not_applicable")):
        inspections.set_answer(inspection, item, value)
    assert inspections.complete(inspection) == []
    sign_missing(inspections, inspection)
    inspections.lock(inspection)
    with pytest.raises(LockedRecordError, match="signed and locked"):
        photos.delete(photo_id, "reason")
    with pytest.raises(LockedRecordError):
        photos.set_caption(photo_id, "new")
    with pytest.raises(LockedRecordError):
        photos.add_files(inspection, [images.jpeg(tmp_path / "b.jpg", seed=3)])
    assert [p.id for p in photos.list(inspection)] == [photo_id]


# -- CLI ------------------------------------------------------------------------------------------

@pytest.fixture
def cli(ctx, inspections, inspection, data_dir):
    inspections.set_answer(inspection, "a2", "non_compliant")  # raises hazard 1
    hazard = inspections.get(inspection).findings[0].id
    ctx.close()  # the CLI opens its own connection
    return {"id": inspection, "hazard": hazard, "args": ["--data-dir", str(data_dir.root)]}


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_add_prints_a_line_per_file_and_fails_on_refusals(cli, capsys, tmp_path):
    good, bad = images.jpeg(tmp_path / "good.jpg"), images.corrupt(tmp_path / "bad.jpg")
    code, out, _ = run(capsys, *cli["args"], "photos", "add", cli["id"][:8], good, bad)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{good}: added (") and lines[1].startswith(f"{bad}: refused: ")
    code, out, _ = run(capsys, *cli["args"], "photos", "add", cli["id"], good)
    assert code == 0 and "already present" in out

    other = images.png(tmp_path / "item.png")
    assert run(capsys, *cli["args"], "photos", "add", cli["id"], other, "--item", "a1")[0] == 0
    code, _, _ = run(capsys, *cli["args"], "photos", "add", cli["id"], good, "--hazard", "1",
                     "--after")
    assert code == 0
    code, _, err = run(capsys, *cli["args"], "photos", "add", cli["id"], good, "--item", "zz")
    assert code == 1 and "No item zz" in err

    code, out, _ = run(capsys, *cli["args"], "photos", "list", cli["id"], "--json")
    assert code == 0
    rows = json.loads(out)
    assert [(r["original_name"], r["item_id"], r["hazard_id"], r["tag"]) for r in rows] == [
        ("good.jpg", None, None, "before"), ("item.png", "a1", None, "before"),
        ("good.jpg", None, cli["hazard"], "after")]
    assert rows[0]["width"] == 64 and rows[0]["sha256"] == rows[2]["sha256"]

    code, out, _ = run(capsys, *cli["args"], "photos", "list", cli["id"])
    assert code == 0 and "item a1" in out and "hazard 1" in out


def test_cli_list_of_unknown_inspection_fails(cli, capsys):
    code, _, err = run(capsys, *cli["args"], "photos", "list", "nonexistent-id")
    assert code == 1 and "No inspection" in err


# -- derived images ------------------------------------------------------------------------------

@pytest.mark.parametrize("size", [(4000, 3000), (3000, 4000), (1600, 1200)])
def test_print_copy_decodes_a_camera_photo_at_the_smallest_scale_that_suffices(
        photos, inspection, tmp_path, monkeypatch, size):
    from PIL import JpegImagePlugin

    decoded: list[tuple[int, int]] = []
    draft = JpegImagePlugin.JpegImageFile.draft

    def spy(self, mode, requested):
        result = draft(self, mode, requested)
        decoded.append(self.size)
        return result

    add_one(photos, inspection, images.jpeg(tmp_path / "camera.jpg", size))
    (photo,) = photos.list(inspection)
    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", spy)
    with Image.open(photos.print_copy(photo)) as copy:
        assert max(copy.size) == 1600
        assert copy.size[0] > copy.size[1] if size[0] > size[1] else copy.size[0] < copy.size[1]
    # 4000×3000 decodes at 1/2 (2000×1500), not at full size; 1600×1200 is already the size.
    expected = tuple(side // 2 for side in size) if max(size) >= 3200 else size
    assert decoded == [expected]


def test_a_thumbnail_a_power_cut_left_empty_is_made_again(photos, inspection, tmp_path):
    # Thumbnails are written without fsync (they are copies): a crash can leave one empty.
    add_one(photos, inspection, images.jpeg(tmp_path / "a.jpg"))
    (photo,) = photos.list(inspection)
    thumb = photos.thumbnail(photo)
    thumb.write_bytes(b"")
    again = photos.thumbnail(photo)
    assert again == thumb and again.stat().st_size > 0
    with Image.open(again) as image:
        assert image.format == "JPEG" and image.size == (64, 48)


def test_cli_says_a_refusal_in_chinese_with_its_details(cli, capsys, tmp_path):
    half = images.truncated_jpeg(tmp_path / "half.jpg")
    code, out, _ = run(capsys, *cli["args"], "--lang", "zh_CN", "photos", "add", cli["id"], half)
    assert code == 1
    assert out.strip().startswith(f"{half}：已拒绝：图片已损坏或不完整（"), out
    assert "damaged" not in out
