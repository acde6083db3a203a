"""Writing files so that a crash, a full disk or a pulled USB stick never leaves half a file.

Every write is checked to the end: the data, the flush, the fsync and the rename; any of them
failing (a full disk shows up at the flush or at the fsync) is a failure, never a success.
A target that is not a place for a regular file (a folder, a device, a FIFO, a read-only file,
a name too long for the file system) is refused before anything is written, and left alone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from inspector_app.errors import ReadOnlyLocationError, ValidationError, from_os_error
from inspector_app.i18n import N_

T = TypeVar("T")

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
_DEFAULT_NAME_MAX = 255
# mkstemp adds a dot, a random part and ".part" to the name of the temporary file.
_TEMP_EXTRA = len(".") + 8 + len(".") + len(".part")
# One write call of many megabytes was measured several times slower than the same bytes in
# writes of a few hundred kB (8.7 MB: ~25 ms against ~3 ms, Linux, ext4).
WRITE_CHUNK = 256 * 1024


class OutputTargetError(ValidationError):
    title = N_("Cannot write this file")


def _name_max(folder: Path) -> int:
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (AttributeError, ValueError, OSError):
        return _DEFAULT_NAME_MAX


def is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder; a device that went away (a USB stick pulled out answers
    EIO here, not False) is told as the user's error, naming the path."""
    try:
        return path.is_dir()
    except OSError as exc:
        raise from_os_error(exc, exc.filename or path) from exc


def check_output_target(target: Path) -> None:
    """Refuse a target that cannot or must not be replaced by a regular file, in plain words."""
    target = Path(target)
    name_bytes = len(os.fsencode(target.name))
    folder = target.parent
    folder_there = is_folder(folder)
    if folder_there and name_bytes + _TEMP_EXTRA > _name_max(folder):
        raise OutputTargetError(
            N_("The file name is too long for this file system ({name_bytes} bytes; at most "
               "{number} here): {name}…. "
               "Choose a shorter name."),
            name_bytes=name_bytes, number=_name_max(folder) - _TEMP_EXTRA, name=target.name[:40])
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise from_os_error(exc, target) from exc
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise OutputTargetError(N_("{target} is a folder: give the name of a file to write."),
                                    target=target)
        if not stat.S_ISREG(info.st_mode):
            raise OutputTargetError(
                N_("{target} is a device, a FIFO or another special file, not a regular file; "
                   "it was left as it is. Choose a file name."), target=target)
        if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
            raise ReadOnlyLocationError(
                N_("{target} is read-only; it was not replaced. Choose another name or make "
                   "the file writable."), target=target)
    if not folder_there:
        raise OutputTargetError(N_("The folder {folder} is not available (it does not exist): "
                                   "choose another place for the file. If it is a USB stick, "
                                   "check that it is plugged in."), folder=folder)


def write_fully(fd: int, data: bytes | memoryview, *, durable: bool = True) -> None:
    """Write every byte to ``fd`` and fsync it (unless not ``durable``); a short write or a full
    disk raises OSError."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view[:WRITE_CHUNK])
        if written <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]
    if durable:
        os.fsync(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable; some file systems (and Windows) cannot open a folder: fine."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(target: Path, data: bytes, *, mode: int | None = None,
                 durable: bool = True, check: Callable[[], object] | None = None) -> None:
    """``data`` written under ``target`` whole or not at all (see ``write_atomic_from``)."""
    write_atomic_from(target, lambda fd: write_fully(fd, data, durable=False), mode=mode,
                      durable=durable, check=check)


def write_atomic_from(target: Path, fill: Callable[[int], T], *, mode: int | None = None,
                      durable: bool = True, check: Callable[[], object] | None = None) -> T:
    """Temporary file in the same folder, ``fill(fd)`` writes it, fsync, rename; an older file
    stays until the rename, and what ``fill`` raises leaves it as it was. What ``fill``
    returns is returned. ``mode`` sets the permissions of a new file (default: those of the
    file it replaces, or 0644). Not ``durable``: no fsync, for a copy that is made again when
    a power cut leaves it missing or empty (a thumbnail). ``check`` is called once the bytes
    are written and made durable, before they are renamed into place: what it raises leaves
    the target as it was (bytes still being checked elsewhere while they are written).

    Raises OutputTargetError for a target that is no place for a file, and the OSError of a
    failed write; callers that talk to people use ``write_atomic_checked``.
    """
    staged, filled = stage_atomic(target, fill, mode=mode, durable=durable)
    try:
        if check is not None:
            check()
        staged.commit()
    except BaseException:
        staged.discard()
        raise
    return filled


class Staged:
    """A temporary file beside ``target``, written whole (and durable, if asked), that nothing
    shows under the target's name until ``commit`` renames it into place; ``discard`` removes
    it. Exactly one of the two is called."""

    def __init__(self, tmp: str, target: Path, durable: bool) -> None:
        self.tmp = tmp
        self.target = target
        self.durable = durable

    def commit(self) -> None:
        try:
            os.replace(self.tmp, self.target)
        except BaseException:
            self.discard()
            raise
        if self.durable:
            fsync_dir(self.target.parent)

    def discard(self) -> None:
        Path(self.tmp).unlink(missing_ok=True)


def stage_atomic(target: Path, fill: Callable[[int], T], *, mode: int | None = None,
                 durable: bool = True) -> tuple[Staged, T]:
    """The first half of ``write_atomic_from``: the temporary file written by ``fill`` and made
    durable, not yet renamed into place (see ``Staged``)."""
    target = Path(target)
    check_output_target(target)
    import tempfile  # (and the shutil it loads) where a file is written, not at every start

    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        try:
            if hasattr(os, "fchmod"):
                # mkstemp makes 0600 files; a document the user saves should read like any
                # other, a key or an enrolment file like a key.
                if mode is None:
                    mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
                os.fchmod(fd, mode)
            filled = fill(fd)
            # Made durable before anything checks it: the disk works while the bytes are
            # checked elsewhere, and nothing is visible under the target's name before the
            # rename.
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Staged(tmp, target, durable), filled


def write_atomic_checked(target: Path, data: bytes, *, mode: int | None = None) -> None:
    """``write_atomic`` with OS errors told in plain words. A missing folder is an error, not
    created: it is often a USB stick that was pulled out."""
    try:
        write_atomic(target, data, mode=mode)
    except OSError as exc:
        raise from_os_error(exc, target) from exc


def make_private_dir(folder: Path) -> None:
    """Create ``folder`` (and parents) readable by the user only, on POSIX; an existing folder
    is tightened too (it holds the database, keys and logs)."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        with contextlib.suppress(OSError):  # a folder owned by someone else: leave it
            if stat.S_IMODE(folder.stat().st_mode) != PRIVATE_DIR:
                os.chmod(folder, PRIVATE_DIR)


def make_private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 if missing, or tighten it; before anyone else
    (SQLite, a log handler) creates it with the process umask."""
    if path.exists():
        if os.name == "posix":
            with contextlib.suppress(OSError):  # read-only media, someone else's file
                if stat.S_IMODE(path.stat().st_mode) & 0o077:
                    os.chmod(path, PRIVATE_FILE)
        return
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE))
