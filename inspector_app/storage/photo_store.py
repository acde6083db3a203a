"""Photos on disk, content-addressed: the same bytes are stored once, never changed.

Layout under the data dir's ``photos/`` folder::

    originals/ab/abcdef…(sha256).jpg     the file exactly as it came from the camera
    derived/ab/abcdef…/thumb.jpg         small, for lists (made once, cached)
    derived/ab/abcdef…/print-<key>.jpg   ~1600 px, orientation applied, annotations drawn

The database holds the metadata (``photos`` table); this module knows only files.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from inspector_app.errors import from_os_error
from inspector_app.storage.files import fsync_dir, write_atomic, write_fully

# The names ingest gives originals (services/photos.py SUPPORTED), tried before a folder scan.
_USUAL = (".jpg", ".png", ".webp", ".heic", ".jpeg")

__all__ = ["PhotoStore", "StagedOriginal", "sha256_file", "write_atomic"]

CHUNK = 1024 * 1024


def sha256_file(path: Path, check: Callable[[], None] | None = None) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            if check:
                check()
    return digest.hexdigest()


@dataclass(frozen=True)
class StagedOriginal:
    """A file read once, hashed, and (unless stored already) written durably beside its final
    place under a temporary name, waiting for ``commit`` or ``discard``."""

    sha: str
    part: Path | None  # None: an original with this hash is stored already


class PhotoStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def original(self, sha: str, ext: str) -> Path:
        return self.root / "originals" / sha[:2] / f"{sha}{ext}"

    def find_original(self, sha: str) -> Path | None:
        folder = self.root / "originals" / sha[:2]
        # The usual names first: one stat each, where a glob would list the folder.
        for ext in _USUAL:
            candidate = folder / f"{sha}{ext}"
            if candidate.is_file():
                return candidate
        if not folder.is_dir():
            return None
        prefix = f"{sha}."
        with os.scandir(folder) as entries:
            return next((folder / e.name for e in entries
                         if e.name.startswith(prefix) and not e.name.endswith(".part")), None)

    def derived_dir(self, sha: str) -> Path:
        return self.root / "derived" / sha[:2] / sha

    def put(self, source: Path, sha: str, ext: str) -> Path:
        """Copy ``source`` in unless an original with this hash is already stored."""
        existing = self.find_original(sha)
        if existing is not None:
            return existing
        target = self.original(sha, ext)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, source.read_bytes())
        except OSError as exc:
            raise from_os_error(exc, target) from exc
        return target

    def stage(self, source: Path) -> StagedOriginal:
        """Read ``source`` once: its hash, and its bytes written and fsynced beside their
        final place. Nothing is in the store until ``commit``; OSError when it cannot be."""
        data = source.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        if self.find_original(sha) is not None:
            return StagedOriginal(sha, None)
        folder = self.root / "originals" / sha[:2]
        folder.mkdir(parents=True, exist_ok=True)
        fd, part = tempfile.mkstemp(dir=folder, prefix=f".{sha}.", suffix=".part")
        try:
            try:
                if hasattr(os, "fchmod"):
                    os.fchmod(fd, 0o644)
                write_fully(fd, data)
            finally:
                os.close(fd)
        except BaseException:
            Path(part).unlink(missing_ok=True)
            raise
        return StagedOriginal(sha, Path(part))

    def commit(self, staged: StagedOriginal, ext: str) -> Path:
        """The staged file under its final name (or the original stored already)."""
        existing = self.find_original(staged.sha)
        if existing is not None:
            self.discard(staged)
            return existing
        target = self.original(staged.sha, ext)
        if staged.part is None:
            raise FileNotFoundError(f"no staged file for {staged.sha}")
        try:
            os.replace(staged.part, target)
        except OSError as exc:
            self.discard(staged)
            raise from_os_error(exc, target) from exc
        fsync_dir(target.parent)
        return target

    def discard(self, staged: StagedOriginal | None) -> None:
        if staged is not None and staged.part is not None:
            with contextlib.suppress(OSError):
                staged.part.unlink()
