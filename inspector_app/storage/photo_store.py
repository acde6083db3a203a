"""Photos on disk, content-addressed: the same bytes are stored once, never changed.

Layout under the data dir's ``photos/`` folder::

    originals/ab/abcdef…(sha256).jpg     the file exactly as it came from the camera
    derived/ab/abcdef…/thumb.jpg         small, for lists (made once, cached)
    derived/ab/abcdef…/print-<key>-<sha256 of the copy, 32 hex>-<seal>.jpg
                                         ~1600 px, orientation applied, annotations drawn;
                                         its bytes checked against its name, and the name's
                                         seal (services/photos.py) against the original it
                                         stands for, when printed

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
# Enough of a file's start to tell its format by its magic bytes.
_HEAD = 32


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
    # Put under its final name by ``stage`` itself (its name guessed from its first bytes),
    # created by this ingest: ``withdraw`` removes it again when the photo is refused.
    placed: Path | None = None


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

    def stage(self, source: Path | bytes,
              likely_ext: Callable[[bytes], str | None] | None = None) -> StagedOriginal:
        """``source`` (a file, read once, or its bytes): its hash, and its bytes written and
        fsynced beside their final place. Nothing is in the store until ``commit``; OSError
        when it cannot be.

        With ``likely_ext`` (the extension its first bytes say, or None), the durable file is
        also linked under its final name here and the link made durable, so that all of the
        disk's waiting happens on this thread while the caller decodes the photo: a photo
        refused after all is ``withdraw``-n. A link never replaces a file: one that is there
        already was stored by someone else and is left to them."""
        data = source if isinstance(source, bytes) else source.read_bytes()
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
        ext = likely_ext(data[:_HEAD]) if likely_ext is not None else None
        if ext is None:
            return StagedOriginal(sha, Path(part))
        return self._placed(sha, Path(part), self.original(sha, ext))

    @staticmethod
    def _placed(sha: str, part: Path, target: Path) -> StagedOriginal:
        """``part`` (durable) linked under ``target`` and the link made durable."""
        try:
            os.link(part, target)
        except FileExistsError:  # stored meanwhile by another ingest or a sync import
            part.unlink(missing_ok=True)
            return StagedOriginal(sha, None)
        except OSError:  # no hard links here (some USB sticks): renamed by ``commit``
            return StagedOriginal(sha, part)
        fsync_dir(target.parent)
        # The name under which it was written goes; a power cut may leave it (a ".part" file,
        # removed at the next start) but never the final name without the bytes.
        with contextlib.suppress(OSError):
            part.unlink()
        return StagedOriginal(sha, None, target)

    def commit(self, staged: StagedOriginal, ext: str) -> Path:
        """The staged file under its final name (or the original stored already)."""
        if staged.placed is not None:
            if staged.placed.suffix == ext:
                return staged.placed
            # Its first bytes said another format than the decoder found: renamed.
            target = self.original(staged.sha, ext)
            try:
                os.replace(staged.placed, target)
            except OSError as exc:
                raise from_os_error(exc, target) from exc
            fsync_dir(target.parent)
            return target
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

    def ensure(self, sha: str, ext: str, data: bytes) -> Path:
        """The original stored: written again from ``data`` if it is not there (a refused
        ingest of the same bytes may have removed the file this one found). Call it under the
        write lock of the transaction that adds the row naming it."""
        existing = self.find_original(sha)
        return existing if existing is not None else self.commit(self.stage(data), ext)

    def discard(self, staged: StagedOriginal | None) -> None:
        """The temporary file goes; an original placed under its final name stays (another
        record may hold the same photo)."""
        if staged is not None and staged.part is not None:
            with contextlib.suppress(OSError):
                staged.part.unlink()

    def withdraw(self, staged: StagedOriginal | None) -> None:
        """A refused photo: its temporary file and the original ``stage`` placed go."""
        self.discard(staged)
        if staged is not None and staged.placed is not None:
            with contextlib.suppress(OSError):
                staged.placed.unlink()
