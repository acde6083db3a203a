"""One process at a time creates or upgrades a database.

Two commands started together on a new or older data folder would otherwise both apply the
same migrations, and the second would stop at "table already exists" although the first was
doing the right thing. The lock is an OS file lock (released by the OS when its process dies,
so a killed upgrade never locks the folder), held only while migrations run.
"""

from __future__ import annotations

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
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise from_os_error(exc, path) from exc
    try:
        deadline = time.monotonic() + wait_s
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise InspectorError(
                    N_("Another Inspector has been creating or upgrading the database {path} "
                       "for longer than {minutes} minutes. Close it, then try again; nothing "
                       "was changed."),
                    path=database, minutes=round(wait_s / 60))
            time.sleep(_POLL_S)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


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
