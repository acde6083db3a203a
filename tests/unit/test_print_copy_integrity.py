"""A photo prints from its print copy only while the copy's bytes are the ones it was made with
and the copy was made here for that very original: the copy's name records their SHA-256,
sealed with this data dir's secret for the original it stands for (a file merely named to fit
is never printed). A copy swapped on disk is made again from the original (itself checked
against the hash recorded when the photo was taken in), a copy made again with other bytes
lays the record out anew instead of serving the older rendering, and a photo whose original
was changed too is left out, saying so."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import pytest

from inspector_app import APP_ID
from inspector_app.services import photos as photos_module
from tests import pdf_scenarios as sc


@pytest.fixture
def record(ctx, tmp_path):
    built = sc.official_inspection(ctx)
    photo_ids = sc.add_photos(ctx, built.inspection_id, tmp_path / "photos", 2, size=(1200, 900))
    sc.sign_all(ctx, built)
    return built, photo_ids


def test_a_print_copy_swapped_on_disk_is_made_again_from_the_original(ctx, record, tmp_path,
                                                                      caplog):
    built, (first_id, second_id) = record
    _, photos, docs = sc.services(ctx)
    first, second = photos.get(first_id), photos.get(second_id)
    genuine = photos.print_copy(first).read_bytes()
    other = photos.print_copy(second).read_bytes()
    photos.print_copy_made(first).write_bytes(other)  # the wrong photo under the right name
    with caplog.at_level(logging.WARNING):
        out = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "record.pdf")
    data = out.read_bytes()
    assert genuine in data
    assert data.count(other) == 1  # the second photo's own place, not the first's
    assert photos.print_copy_made(first).read_bytes() == genuine
    assert any("not the one made here for it" in r.getMessage() for r in caplog.records)


def test_a_print_copy_made_again_with_other_bytes_lays_the_record_out_anew(
        ctx, record, layouts, tmp_path, monkeypatch):
    built, (first_id, _) = record
    _, photos, docs = sc.services(ctx)
    first = photos.get(first_id)
    before = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "one.pdf")
    old_copy = photos.print_copy_made(first)
    old_bytes = old_copy.read_bytes()
    assert old_bytes in before.read_bytes()
    old_copy.unlink()
    real = photos_module._jpeg_bytes
    # A newer Pillow (or encoder setting) makes the copy again with other bytes.
    monkeypatch.setattr(photos_module, "_jpeg_bytes",
                        lambda image, quality, optimize=True: real(image, 70, optimize))
    new_bytes = photos.print_copy(first).read_bytes()
    assert new_bytes != old_bytes
    after = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "two.pdf")
    assert layouts == ["zh_CN", "zh_CN"]
    assert new_bytes in after.read_bytes()
    assert old_bytes not in after.read_bytes()


def test_a_photo_whose_original_was_changed_too_is_left_out_saying_so(ctx, record, tmp_path,
                                                                      caplog):
    built, (first_id, second_id) = record
    _, photos, docs = sc.services(ctx)
    first, second = photos.get(first_id), photos.get(second_id)
    photos.print_copy(first)
    other = photos.print_copy(second).read_bytes()
    photos.print_copy_made(first).write_bytes(other)
    original = photos.original_path(first)
    original.write_bytes(photos.original_path(second).read_bytes())
    with caplog.at_level(logging.WARNING):
        out = docs.export(built.inspection_id, "record", "en", tmp_path / "record.pdf")
    assert out.read_bytes().count(other) == 1
    assert f"Photo file missing: {first.original_name}" in sc.pdf_text(out)
    assert any(first.id in r.getMessage() and "changed on disk" in r.getMessage()
               for r in caplog.records)


def test_print_copies_named_the_older_ways_are_not_used_and_go(ctx, record):
    _, (first_id, _) = record
    _, photos, _ = sc.services(ctx)
    first = photos.get(first_id)
    folder = photos.store.derived_dir(first.sha256)
    folder.mkdir(parents=True, exist_ok=True)
    key = photos_module._print_prefix(first)[len("print-"):-1]
    oldest = folder / f"print-{key}.jpg"  # no hash in its name: nothing to check it against
    oldest.write_bytes(b"not checked")
    # The hash of its bytes but no seal: anyone could have named it so.
    unsealed = folder / f"print-{key}-{hashlib.sha256(b'fits').hexdigest()}.jpg"
    unsealed.write_bytes(b"fits")
    assert photos.print_copy_made(first) is None
    made = photos.print_copy(first)
    assert photos_module.read_print_copy(made, first, photos.seal) == made.read_bytes()
    assert not oldest.exists() and not unsealed.exists()
    assert sorted(p.name for p in folder.glob("print-*")) == [made.name]
    # Written under a temporary name beside it: within Windows' 260 characters for a user
    # name of 20 characters (paths longer than that need a setting most laptops lack).
    windows = (f"C:\\Users\\{'x' * 20}\\AppData\\Local\\{APP_ID}\\photos\\derived\\"
               f"{first.sha256[:2]}\\{first.sha256}\\.{made.name}.abcdefgh.part")
    assert len(windows) < 260, len(windows)


def _forged(photos, photo, data: bytes) -> Path:
    """``data`` put beside ``photo``'s print copy under a name that fits it in every part a
    person could compute (annotations, the hash of these bytes) and a seal made up, newer
    than the copy."""
    key = photos_module._print_prefix(photo)[len("print-"):-1]
    sha = hashlib.sha256(data).hexdigest()[:32]
    path = photos.store.derived_dir(photo.sha256) / f"print-{key}-{sha}-{'0' * 16}.jpg"
    path.write_bytes(data)
    return path


def test_a_print_copy_named_to_fit_but_not_sealed_here_is_never_printed(ctx, record, tmp_path,
                                                                         caplog):
    built, (first_id, second_id) = record
    _, photos, docs = sc.services(ctx)
    first, second = photos.get(first_id), photos.get(second_id)
    genuine = photos.print_copy(first).read_bytes()
    other = photos.print_copy(second).read_bytes()
    forged = _forged(photos, first, other)
    with caplog.at_level(logging.WARNING):
        out = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "record.pdf")
    data = out.read_bytes()
    assert genuine in data and data.count(other) == 1
    assert not forged.exists()
    assert any(forged.name in r.getMessage() and "not made here" in r.getMessage()
               for r in caplog.records)


def test_another_photos_sealed_copy_moved_in_is_not_printed_for_this_one(ctx, record,
                                                                         tmp_path):
    built, (first_id, second_id) = record
    _, photos, docs = sc.services(ctx)
    first, second = photos.get(first_id), photos.get(second_id)
    genuine = photos.print_copy(first)
    genuine_bytes = genuine.read_bytes()
    theirs = photos.print_copy(second)
    # The second photo's copy, sealed here but for the second photo, under the first's folder
    # (same annotations: the same name would fit), the first's own copy gone.
    genuine.unlink()
    moved = photos.store.derived_dir(first.sha256) / theirs.name
    moved.write_bytes(theirs.read_bytes())
    assert photos.print_copy_made(first) is None
    assert photos_module.read_print_copy(moved, first, photos.seal) is None
    out = docs.export(built.inspection_id, "record", "en", tmp_path / "record.pdf")
    data = out.read_bytes()
    assert genuine_bytes in data and data.count(theirs.read_bytes()) == 1


def test_a_print_copy_of_another_data_dir_is_made_again_here(ctx, record, tmp_path):
    from inspector_app.services.photos import PhotoService

    _, (first_id, _) = record
    _, photos, _ = sc.services(ctx)
    first = photos.get(first_id)
    made = photos.print_copy(first)
    # Another computer's data dir has a secret of its own: its copy's seal does not fit here.
    elsewhere = photos_module.make_print_copy(photos.store, first, b"another data dir" * 2)
    assert elsewhere != made and elsewhere.exists() and not made.exists()  # not its copy
    assert photos.print_copy_made(first) is None and not elsewhere.exists()  # nor ours
    again = photos.print_copy(first)
    assert photos_module.read_print_copy(again, first, photos.seal) is not None
    # The secret is the data dir's: a service made anew (another thread, the next run) has it.
    assert PhotoService(ctx.db, ctx.data_dir, ctx.device).print_copy_made(first) == again
