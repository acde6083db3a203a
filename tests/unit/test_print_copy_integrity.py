"""A photo prints from its print copy only while the copy's bytes are the ones it was made with:
the copy's name records their SHA-256. A copy swapped on disk is made again from the original
(itself checked against the hash recorded when the photo was taken in), a copy made again with
other bytes lays the record out anew instead of serving the older rendering, and a photo whose
original was changed too is left out, saying so."""

from __future__ import annotations

import logging

import pytest

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
    assert any("changed since it was made" in r.getMessage() for r in caplog.records)


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


def test_a_print_copy_named_the_older_way_is_not_used_and_goes(ctx, record):
    _, (first_id, _) = record
    _, photos, _ = sc.services(ctx)
    first = photos.get(first_id)
    folder = photos.store.derived_dir(first.sha256)
    folder.mkdir(parents=True, exist_ok=True)
    key = photos_module._print_prefix(first)[len("print-"):-1]
    older = folder / f"print-{key}.jpg"  # no hash in its name: nothing to check it against
    older.write_bytes(b"not checked")
    assert photos.print_copy_made(first) is None
    made = photos.print_copy(first)
    assert photos_module.read_print_copy(made) == made.read_bytes()
    assert not older.exists()
