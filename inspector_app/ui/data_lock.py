"""One window per data folder: a second window on the same folder is told so and does not open.

QLockFile notices a lock left by a process that died and takes it over, so a crash never locks
a user out.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile

LOCK_NAME = ".window.lock"


def hold(root: Path) -> QLockFile | None:
    """The held lock, or None when another window has this data folder open."""
    lock = QLockFile(str(root / LOCK_NAME))
    lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age
    return lock if lock.tryLock(200) else None


def busy_message(root: Path) -> str:
    return QCoreApplication.translate(
        "DataLock", "Another Inspector is using this data folder ({path}). Close it there, or "
        "start Inspector with another data folder.").format(path=root)
