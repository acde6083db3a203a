"""Documents as last rendered, kept in the data dir so that printing the same content again
costs a file copy instead of laying out every page anew.

One entry per document slot (an inspection's document type in one language)::

    cache/documents/<slot>.<key>.<sha256 of the file>.pdf

``key`` names everything the pages show (see ``services.pdf.render_key``); a newer rendering of
the same slot replaces the older one, so the folder holds at most one file per slot, and the
renderings used longest ago go when the folder grows past ``MAX_BYTES``. An entry is written
atomically and durably, and its end-of-file mark is checked when it is found: a damaged one is a
miss, never a broken document. Deleting the folder loses nothing but time.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from inspector_app.errors import InspectorError
from inspector_app.storage.files import write_atomic

log = logging.getLogger(__name__)

_NAME = re.compile(r"^[0-9A-Za-z_-]+$")
_SHA = re.compile(r"^[0-9a-f]{64}$")
# A PDF ends with "%%EOF" and at most a line break or two: a file cut short does not.
_EOF_MARK = b"%%EOF"
_TAIL = 32
# Some fifty records of 200 items and 50 photos each; the PDFs users keep are elsewhere.
MAX_BYTES = 512 * 1024 * 1024


def _checked(part: str) -> str:
    if not _NAME.match(part):
        raise ValueError(f"not a cache name: {part!r}")
    return part


@dataclass(frozen=True)
class Rendered:
    """A kept rendering: its file and the SHA-256 of its bytes."""

    path: Path
    sha256: str

    def read(self) -> bytes:
        return self.path.read_bytes()


def _complete(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            handle.seek(max(0, handle.tell() - _TAIL))
            return handle.read().rstrip().endswith(_EOF_MARK)
    except OSError:
        return False


class RenderCache:
    def __init__(self, folder: Path, max_bytes: int = MAX_BYTES) -> None:
        self.folder = folder
        self.max_bytes = max_bytes

    def _entries(self, slot: str) -> list[Path]:
        try:
            return list(self.folder.glob(f"{_checked(slot)}.*.pdf"))
        except OSError:
            return []

    def find(self, slot: str, key: str) -> Rendered | None:
        """The rendering of ``slot`` for ``key``, or None (never made, replaced, or damaged)."""
        prefix = f"{_checked(slot)}.{_checked(key)}."
        for path in self._entries(slot):
            sha = path.name[len(prefix):-len(".pdf")]
            if path.name.startswith(prefix) and _SHA.match(sha):
                if _complete(path):
                    with contextlib.suppress(OSError):
                        os.utime(path)  # used now: the last to go when the folder is full
                    return Rendered(path, sha)
                log.warning("rendered document %s is damaged: made again", path.name)
        return None

    def put(self, slot: str, key: str, data: bytes) -> Rendered | None:
        """Keep ``data`` as the rendering of ``slot``, replacing any older one. A cache that
        cannot be written (a full disk, a read-only data dir) is logged and left alone: the
        document itself was made."""
        sha = hashlib.sha256(data).hexdigest()
        path = self.folder / f"{_checked(slot)}.{_checked(key)}.{sha}.pdf"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(path, data)
        except (OSError, InspectorError) as exc:
            log.warning("rendered document not kept: %s", exc)
            return None
        for older in self._entries(slot):
            if older != path:
                with contextlib.suppress(OSError):
                    older.unlink()
        self._trim(keep=path)
        return Rendered(path, sha)

    def _trim(self, keep: Path) -> None:
        """The renderings used longest ago removed until the folder is within ``max_bytes``."""
        entries = []
        for path in self.folder.glob("*.pdf"):
            with contextlib.suppress(OSError):
                info = path.stat()
                entries.append((info.st_mtime, info.st_size, path))
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= self.max_bytes:
                break
            if path != keep:
                with contextlib.suppress(OSError):
                    path.unlink()
                    total -= size
