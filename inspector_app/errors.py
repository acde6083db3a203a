"""Expected failures: things a user can cause or fix, told in plain words.

Anything that is not an ``InspectorError`` is a bug and goes to the crash dialog.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path


class InspectorError(Exception):
    """An expected failure with a message meant for the user."""

    title = "Error"

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message


class NewerVersionError(InspectorError):
    title = "File from a newer version"


class CorruptFileError(InspectorError):
    title = "Damaged file"


class DatabaseLockedError(InspectorError):
    title = "Database in use"


class DiskFullError(InspectorError):
    title = "Disk full"


class ReadOnlyLocationError(InspectorError):
    title = "Cannot write here"


class ValidationError(InspectorError):
    title = "Invalid input"


class LockedRecordError(InspectorError):
    title = "Record is locked"


class NotFoundError(InspectorError):
    title = "Not found"


def from_os_error(exc: OSError, path: Path | str | None = None) -> InspectorError:
    """Turn an OSError into the expected failure it stands for, naming the path."""
    where = f" ({path})" if path else (f" ({exc.filename})" if exc.filename else "")
    if exc.errno == errno.ENOSPC:
        return DiskFullError(f"The disk is full{where}. Free some space and try again.")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyLocationError(
            f"This location cannot be written{where}: {exc.strerror or exc}."
        )
    if exc.errno == errno.ENAMETOOLONG:
        return ValidationError(f"The file name is too long for this file system{where}. "
                               "Choose a shorter name.")
    if exc.errno == errno.EISDIR:
        return ValidationError(f"This is a folder, not a file{where}: give a file name.")
    if exc.errno == errno.EFBIG:
        return DiskFullError(f"The file is too large for this file system{where}.")
    if exc.errno in (errno.ENOENT, errno.ENODEV, errno.EIO, errno.ENXIO):
        return InspectorError(
            f"The file or device is not available{where}: {exc.strerror or exc}. "
            "If it is a USB stick, check that it is still plugged in."
        )
    return InspectorError(f"{exc.strerror or exc}{where}")


def from_sqlite_error(exc: sqlite3.Error, path: Path | str) -> InspectorError | None:
    """Classify SQLite failures that are not bugs; None when it looks like one."""
    text = str(exc).lower()
    if "database is locked" in text or "database is busy" in text:
        return DatabaseLockedError(
            f"Another Inspector is using this data folder ({Path(path).parent}): close it "
            "or wait until it has finished, then try again. Nothing was changed."
        )
    if "file is not a database" in text or "malformed" in text or "file is encrypted" in text:
        return CorruptFileError(
            f"The database {path} is damaged or is not an Inspector database. "
            "Restore it from a backup or an export; it was not changed."
        )
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFullError(f"The disk holding {path} is full. Free some space and try again.")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return ReadOnlyLocationError(f"The database {path} cannot be opened for writing: {exc}.")
    return None
