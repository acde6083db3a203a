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
# The derived store has one folder per photo (tens of thousands in a district's year): its
# leftovers, harmless copies that are made again when needed, are swept once a day, not at
# every start. The stamp file's time says when.
DERIVED_SWEEP_S = 86_400
DERIVED_STAMP = ".swept"


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


def _parts(folder: str, depth: int) -> Iterator[os.DirEntry[str]]:
    """The ``*.part`` files ``depth`` folders below ``folder``.

    os.scandir, not Path.glob: a large photo store has a thousand folders, and this runs at
    every start.
    """
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if depth:
                    if entry.is_dir(follow_symlinks=False):
                        yield from _parts(entry.path, depth - 1)
                elif entry.name.endswith(".part") and entry.is_file(follow_symlinks=False):
                    yield entry
    except OSError:
        return


def _derived_sweep_due(derived: Path, now: float) -> bool:
    stamp = derived / DERIVED_STAMP
    try:
        if now - stamp.stat().st_mtime < DERIVED_SWEEP_S:
            return False
        stamp.touch()
    except FileNotFoundError:
        if not derived.is_dir():
            return False
        with contextlib.suppress(OSError):
            stamp.touch()
    except OSError:  # a read-only store: nothing can be removed from it anyway
        return False
    return True


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
    # photos/originals/*/*.part, photos/derived/*/*/*.part, documents/*.part, cache/documents/*.part
    sweeps = [("photos/originals", 1), ("documents", 0), ("cache/documents", 0)]
    if _derived_sweep_due(root / "photos" / "derived", now):
        sweeps.append(("photos/derived", 2))
    for folder, depth in sweeps:
        for entry in _parts(str(root / folder), depth):
            try:
                if now - entry.stat(follow_symlinks=False).st_mtime > PART_AGE_S:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
            except OSError:
                continue
    return removed
