"""The export compresses its rows in a second thread: a failure there still ends the export
with the usual message and no file, and a cancel still stops it."""

from __future__ import annotations

import errno
import threading
import zipfile

import pytest

from inspector_app.errors import DiskFullError
from tests.unit.test_sync import laptop_work


def _writers() -> set[str]:
    return {t.name for t in threading.enumerate() if t.name == "bundle-compressor"}


def test_a_full_disk_while_rows_are_compressed_leaves_no_file(world, monkeypatch):
    laptop_work(world, world.a)
    written = zipfile._ZipWriteFile.write

    def write(self, data):
        if self._zinfo.filename.startswith("rows/answers"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return written(self, data)

    monkeypatch.setattr(zipfile._ZipWriteFile, "write", write)
    with pytest.raises(DiskFullError, match="No export file was written") as refused:
        world.export(world.a, full=True)
    # As the window and the command line show it, not only the log's English.
    assert refused.value.localized("en").endswith("No export file was written.")
    assert list((world.root / "usb").iterdir()) == []
    assert world.a.db.execute("SELECT COUNT(*) FROM sync_history").fetchone()[0] == 0
    assert not _writers()


def test_a_cancel_between_tables_stops_the_compressing_thread(world):
    laptop_work(world, world.a)

    class Cancelled(Exception):
        pass

    class Control:
        calls = 0

        def progress(self, done, total, text=""):
            self.calls += 1

        def check_cancelled(self):
            if self.calls >= 3:
                raise Cancelled

    with pytest.raises(Cancelled):
        world.export(world.a, full=True, control=Control())
    assert list((world.root / "usb").iterdir()) == []
    assert not _writers()
