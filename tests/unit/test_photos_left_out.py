"""A photo whose original went missing or was changed on disk is left out of the documents: the
person exporting is told which photo, and nobody signs a record or pages that leave it out."""

from __future__ import annotations

import pytest

from inspector_app.cli import main
from inspector_app.domain.inspection import Status
from inspector_app.services.inspections import InspectionService
from inspector_app.services.pki import PkiService
from tests import pdf_scenarios as sc
from tests.factories import completed_self_inspection
from tests.pdf_scenarios import sign_missing

OWN = "my-own-passphrase"


@pytest.fixture
def with_photo(ctx, tmp_path):
    """A completed self-inspection with one photo of item a1 and a signing identity."""
    inspection = completed_self_inspection(ctx)
    PkiService(ctx.db, ctx.device).create_self_signed("张伟", "泉台纺织有限公司", OWN)
    svc = InspectionService(ctx.db, ctx.device, "张伟")
    svc.reopen(inspection, "one more photo")
    (photo_id,) = sc.add_photos(ctx, inspection, tmp_path / "cam", 1, item_id="a1")
    assert svc.complete(inspection) == []
    sign_missing(ctx, inspection)
    secret = tmp_path / "pass"
    secret.write_text(OWN)
    return inspection, photo_id, secret


def _spoil_original(ctx, photo_id):
    photos = ctx.photos
    photo = photos.get(photo_id)
    original = photos.original_path(photo)
    original.write_bytes(original.read_bytes() + b"changed")
    return photo


def _item_text(ctx, inspection, lang):
    return InspectionService(ctx.db, ctx.device).get(inspection).template.item("a1").text.get(
        lang)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_record_whose_photo_changed_on_disk_is_not_signed_and_the_photo_is_named(
        ctx, with_photo, capsys, lang):
    inspection, photo_id, secret = with_photo
    photo = _spoil_original(ctx, photo_id)
    item = _item_text(ctx, inspection, lang)
    ctx.close()
    args = ["--lang", lang, "--data-dir", str(ctx.data_dir.root), "sign", inspection,
            "--passphrase-file", str(secret)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert photo.original_name in err and item in err
    if lang == "en":
        assert "was not signed" in err and "attach it again" in err
    else:
        assert "未签名" in err and "重新添加" in err
    assert InspectionService(ctx.db, ctx.device).get(inspection).status is Status.COMPLETED


def test_a_signed_export_leaving_a_photo_out_is_refused_an_unsigned_one_says_so(
        ctx, with_photo, tmp_path, capsys):
    inspection, photo_id, secret = with_photo
    ctx.close()
    base = ["--lang", "en", "--data-dir", str(ctx.data_dir.root)]
    assert main([*base, "sign", inspection, "--passphrase-file", str(secret)]) == 0
    photo = _spoil_original(ctx, photo_id)
    copy = ctx.photos.print_copy_made(photo)
    if copy is not None:  # made ahead in the background: gone, and not to be made again
        copy.unlink()
    ctx.close()
    signed = tmp_path / "signed.pdf"
    capsys.readouterr()
    assert main([*base, "export", "pdf", inspection, "--document", "record", "-o", str(signed),
                 "--sign", "--passphrase-file", str(secret)]) == 1
    err = capsys.readouterr().err
    assert "not signed" in err and photo.original_name in err
    assert _item_text(ctx, inspection, "en") in err and "attach it again" in err
    assert not signed.exists()
    plain = tmp_path / "plain.pdf"
    assert main([*base, "export", "pdf", inspection, "--document", "record",
                 "-o", str(plain)]) == 0
    out = capsys.readouterr()
    assert str(plain) in out.out
    assert "left out of the PDF" in out.err and photo.original_name in out.err
    assert f"Photo file missing: {photo.original_name}" in sc.pdf_text(plain)


def test_an_export_leaving_nothing_out_says_nothing_of_photos(ctx, with_photo, tmp_path, capsys):
    inspection, _, _ = with_photo
    ctx.close()
    plain = tmp_path / "plain.pdf"
    assert main(["--lang", "en", "--data-dir", str(ctx.data_dir.root), "export", "pdf",
                 inspection, "--document", "record", "-o", str(plain)]) == 0
    assert "left out" not in capsys.readouterr().err
