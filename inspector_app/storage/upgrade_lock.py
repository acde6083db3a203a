"""One process at a time creates or upgrades a database.

Two commands started together on a new or older data folder would otherwise both apply the
same migrations, and the second would stop at "table already exists" although the first was
doing the right thing. The lock is an OS file lock (released by the OS when its process dies,
so a killed upgrade never locks the folder), held only while migrations run.

Its file (``inspector.sqlite3.upgrading``) is removed when the upgrade is done, so that it is
not left in the data folder looking like the remains of a failure. Removing a lock file is safe
only if nobody can end up holding the lock of a file no longer under its name while another
process locks a new one: the holder removes it while it still holds the lock, and a process that
got the lock checks that the file it locked is still the one under the name, else it starts
again on the new file. (Windows refuses to remove a file another process has open: the file of a
process still waiting stays, and that process removes it when its turn is done.)
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from inspector_app.errors import InspectorError, from_os_error
from inspector_app.i18n import N_

# A district's year takes under a minute to upgrade on the slowest laptop measured; a waiting
# command gives up only well after that.
WAIT_S = 600.0
_POLL_S = 0.05


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".upgrading")


@contextmanager
def upgrading(database: Path, *, wait_s: float = WAIT_S) -> Iterator[None]:
    """Hold the upgrade lock of ``database`` (waiting for another process that holds it)."""
    path = lock_path(database)
    deadline = time.monotonic() + wait_s
    fd = _locked(path, database, deadline, wait_s)
    try:
        yield
    finally:
        _release(path, fd)


def _locked(path: Path, database: Path, deadline: float, wait_s: float) -> int:
    """A descriptor of the lock file under ``path``, locked."""
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise from_os_error(exc, path) from exc
        try:
            while not _try_lock(fd):
                if time.monotonic() >= deadline:
                    raise InspectorError(
                        N_("Another Inspector has been creating or upgrading the database "
                           "{path} for longer than {minutes} minutes. Close it, then try "
                           "again; nothing was changed."),
                        path=database, minutes=round(wait_s / 60))
                time.sleep(_POLL_S)
            if _still_named(fd, path):
                return fd
            _unlock(fd)  # its holder removed it once done: the lock is the next file's
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)


def _still_named(fd: int, path: Path) -> bool:
    try:
        named = os.stat(path)
    except FileNotFoundError:
        return False
    return os.path.samestat(os.fstat(fd), named)


def _release(path: Path, fd: int) -> None:
    """Remove the lock file and let go of the lock (see the module's docstring)."""
    try:
        if sys.platform != "win32":
            with contextlib.suppress(OSError):  # left in place, it still works as a lock
                path.unlink()
        _unlock(fd)
    finally:
        os.close(fd)
    if sys.platform == "win32":
        with contextlib.suppress(OSError):  # another process has it open: it removes it
            path.unlink()


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
