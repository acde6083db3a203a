"""The private scratch folder of one sync run, and the clean-up of what a killed run left.

A decrypted bundle is plaintext: it lives only in a folder readable by this user alone (mkdtemp
makes it 0700), beside the data (a bundle can hold gigabytes, more than a RAM-backed /tmp), and
is removed when the run ends. A run killed before that leaves the folder behind; its name
carries the process id, so the next start removes it once that process is gone. Half-written
files (``*.part``) in the stores are removed on start once they are old enough that no running
writer can own them.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from inspector_app.errors import from_os_error

PREFIX = ".sync-"
PART_AGE_S = 3600           # a writer finishes a file in seconds; an hour-old .part is stale
WINDOWS_AGE_S = 86_400      # without a safe liveness test, a day-old scratch folder is stale


@contextlib.contextmanager
def folder(root: Path) -> Iterator[Path]:
    try:
        root.mkdir(parents=True, exist_ok=True)
        path = Path(tempfile.mkdtemp(dir=root, prefix=f"{PREFIX}{os.getpid()}-"))
    except OSError as exc:
        raise from_os_error(exc, root) from exc
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _stale_scratch(path: Path, now: float) -> bool:
    pid_text = path.name[len(PREFIX):].split("-", 1)[0]
    if sys.platform == "win32" or not pid_text.isdigit():
        # os.kill would end a process on Windows; fall back on age there and for old names.
        try:
            return now - path.stat().st_mtime > WINDOWS_AGE_S
        except OSError:
            return False
    return not _alive(int(pid_text))


def clean_stale(root: Path, *, now: float | None = None) -> list[Path]:
    """Remove scratch folders of dead runs and stale ``.part`` files; returns what went."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    if not root.is_dir():
        return removed
    for path in root.glob(f"{PREFIX}*"):
        if path.is_dir() and not path.is_symlink() and _stale_scratch(path, now):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    patterns = ("photos/originals/*/*.part", "photos/derived/*/*/*.part", "documents/*.part")
    for pattern in patterns:
        for path in root.glob(pattern):
            try:
                if now - path.stat().st_mtime > PART_AGE_S:
                    path.unlink()
                    removed.append(path)
            except OSError:
                continue
    return removed
