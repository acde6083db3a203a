"""A bundle the USB stick stops giving halfway (pulled out: EIO) is named with the system's
reason; nothing is changed and nothing is recorded against the bundle, which is not at fault."""

from __future__ import annotations

import errno
import zipfile
from pathlib import Path

import pytest

from inspector_app.errors import CorruptFileError, InspectorError
from inspector_app.services.sync import history
from tests.failing_disk import fail_on
from tests.unit.test_sync import World, laptop_work, plain  # noqa: F401 - a fixture


def _eio(*_args, **_kwargs):
    raise OSError(errno.EIO, "Input/output error")


def _stick_pulled_out(monkeypatch, bundle: Path, where: str) -> None:
    if where == "opening":
        monkeypatch.setattr(zipfile.ZipFile, "_RealGetContents", _eio)
        return
    if where == "photo":  # late: the rows are read and checked, the photos are next
        real_entry = zipfile.ZipExtFile.read

        def read_entry(self, n=-1):
            if self.name.startswith("photos/"):
                _eio()
            return real_entry(self, n)

        monkeypatch.setattr(zipfile.ZipExtFile, "read", read_entry)
        return
    real = zipfile._SharedFile.read

    def read(self, n=-1):  # the zip's reads of the file on the stick, once it is open
        if getattr(self._file, "name", None) == str(bundle):
            _eio()
        return real(self, n)

    monkeypatch.setattr(zipfile._SharedFile, "read", read)


def _import_refused(tmp_path: Path, monkeypatch, where: str) -> tuple[World, Path, str]:
    world = World(tmp_path)
    laptop_work(world, world.a, photos=1)
    bundle = world.export(world.a)
    before = world.office.db.execute("SELECT COUNT(*) FROM inspections").fetchone()[0]
    _stick_pulled_out(monkeypatch, bundle, where)
    with pytest.raises(InspectorError) as refused:
        world.import_(bundle)
    monkeypatch.undo()
    assert not isinstance(refused.value, CorruptFileError)  # not "not a bundle"
    assert world.office.db.execute("SELECT COUNT(*) FROM inspections").fetchone()[0] == before
    assert history(world.office.db, data_dir=world.office.data_dir) == []
    return world, bundle, refused.value.localized("en")


@pytest.mark.parametrize("where", ["opening", "reading"])
def test_a_sealed_bundle_the_stick_stops_giving_is_named_with_the_reason(tmp_path, monkeypatch,
                                                                          where):
    world, bundle, told = _import_refused(tmp_path, monkeypatch, where)
    try:
        assert f"The bundle {bundle} could not be read (Input/output error)." in told
        assert "Nothing was changed" in told and "USB stick" in told
    finally:
        world.close()


@pytest.mark.parametrize("where", ["reading", "photo"])
def test_a_plain_bundle_the_stick_stops_giving_is_named_with_the_reason(tmp_path, monkeypatch,
                                                                         plain,  # noqa: F811
                                                                         where):
    world, bundle, told = _import_refused(tmp_path, monkeypatch, where)
    try:
        assert f"The bundle {bundle} could not be read (Input/output error)." in told
        photos = world.office.data_dir.root / "photos"
        assert not photos.exists() or not [p for p in photos.rglob("*") if p.is_file()]
    finally:
        world.close()


@pytest.mark.parametrize("where", ["folder", "name"])
def test_an_export_to_a_stick_pulled_out_names_the_folder_and_writes_nothing(
        tmp_path, monkeypatch, where):
    world = World(tmp_path)
    try:
        laptop_work(world, world.a, photos=1)
        usb = world.root / "usb"  # made by the export's helper
        real_is_dir, real_exists = Path.is_dir, Path.exists

        def is_dir(self):
            if where == "folder" and self == usb:
                _eio()
            return real_is_dir(self)

        def exists(self):
            if where == "name" and self.parent == usb:
                _eio()
            return real_exists(self)

        monkeypatch.setattr(Path, "is_dir", is_dir)
        monkeypatch.setattr(Path, "exists", exists)
        with pytest.raises(InspectorError) as refused:
            world.export(world.a)
        monkeypatch.undo()
        told = refused.value.localized("en")
        assert str(usb) in told and "Input/output error" in told
        assert told.endswith("No export file was written.")
        assert list(usb.iterdir()) == []
        assert world.a.db.execute("SELECT COUNT(*) FROM sync_history").fetchone()[0] == 0
    finally:
        world.close()


def test_the_clear_copy_the_data_disk_cannot_give_back_is_not_blamed_on_the_bundle(
        tmp_path, monkeypatch):
    """A sealed bundle is read from the stick once, to decrypt it into the data folder; a read
    failing after that is this computer's disk, not the bundle's nor a USB stick's."""
    world = World(tmp_path)
    try:
        laptop_work(world, world.a, photos=1)
        bundle = world.export(world.a)
        root = world.office.data_dir.root
        real = zipfile._SharedFile.read

        def read(self, n=-1):  # the zip's reads of its clear copy in the data folder
            if Path(getattr(self._file, "name", "")).is_relative_to(root):
                _eio()
            return real(self, n)

        monkeypatch.setattr(zipfile._SharedFile, "read", read)
        with pytest.raises(InspectorError) as refused:
            world.import_(bundle)
        monkeypatch.undo()
        told = refused.value.localized("en")
        assert f"the disk holding the data folder {root} could not be written or read" in told
        assert "Input/output error" in told and "Nothing was changed" in told
        assert str(bundle) not in told and "USB stick" not in told
        assert history(world.office.db, data_dir=world.office.data_dir) == []
    finally:
        world.close()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_an_export_stopped_by_a_reason_without_words_of_its_own_ends_each_sentence_once(
        tmp_path, monkeypatch, lang):
    """A system reason the app has no words for (a network share that timed out) is told as
    the system says it, and "No export file was written." is still a sentence of its own."""
    world = World(tmp_path)
    try:
        usb = world.root / "usb"  # made by the export's helper
        fail_on(monkeypatch, "is_dir", usb, errno.ETIMEDOUT)
        with pytest.raises(InspectorError) as refused:
            world.export(world.a)
        monkeypatch.undo()
        told = refused.value.localized(lang)
        if lang == "en":
            assert told == f"Connection timed out ({usb}). No export file was written."
        else:
            assert told == f"Connection timed out（{usb}）。未写出导出文件。"
    finally:
        world.close()


def test_a_photo_of_this_computer_that_may_not_be_read_is_not_called_a_place_not_writable(
        tmp_path, monkeypatch):
    """Reading the photos to carry is a read: a photo the system will not give is named as one
    that may not be read, not as "this location cannot be written"."""
    from inspector_app.services.sync import export as export_mod

    world = World(tmp_path)
    try:
        laptop_work(world, world.a, photos=1)
        store = world.a.data_dir.root / "photos"
        real_open = open

        def guarded(file, mode="r", *args, **kwargs):
            if "r" in mode and Path(file).is_relative_to(store):
                raise PermissionError(errno.EACCES, "Permission denied", str(file))
            return real_open(file, mode, *args, **kwargs)

        monkeypatch.setattr(export_mod, "open", guarded, raising=False)
        with pytest.raises(InspectorError) as refused:
            world.export(world.a)
        monkeypatch.undo()
        told = refused.value.localized("en")
        assert str(store) in told and "not allowed to read it" in told, told
        assert "cannot be written" not in told
        assert list((world.root / "usb").iterdir()) == []
    finally:
        world.close()


def test_the_clear_copy_the_data_disk_cannot_take_is_not_called_a_usb_stick(tmp_path,
                                                                             monkeypatch):
    """Decrypting writes the bundle's clear copy into the data folder: that write failing is
    this computer's disk, not a stick to check."""
    from inspector_app.services.sync import importer

    world = World(tmp_path)
    try:
        laptop_work(world, world.a, photos=1)
        bundle = world.export(world.a)
        root = world.office.data_dir.root
        monkeypatch.setattr(importer.envelope, "decrypt_stream", _eio)
        with pytest.raises(InspectorError) as refused:
            world.import_(bundle)
        monkeypatch.undo()
        told = refused.value.localized("en")
        assert f"the disk holding the data folder {root} could not be written or read" in told
        assert "Input/output error" in told and "USB stick" not in told
        assert history(world.office.db, data_dir=world.office.data_dir) == []
    finally:
        world.close()
