"""Files attached to emergency plans, drills and stations, kept under their SHA-256.

A stored file is never rewritten: the same name always holds the same bytes, so sync can carry
it once and a reader can prove it unaltered. The original file name is metadata only; it never
becomes part of a path.
"""

from __future__ import annotations

import re
from pathlib import Path

from inspector_app.errors import from_os_error
from inspector_app.storage.files import write_atomic

_SHA_RE = re.compile(r"^[0-9a-f]{64}$")
MEDIA_SUFFIX = {"pdf": ".pdf", "docx": ".docx", "jpeg": ".jpg", "png": ".png"}


class AttachmentStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, sha: str, media: str) -> Path:
        if not _SHA_RE.match(sha):
            raise ValueError(f"not a SHA-256: {sha!r}")
        return self.folder / f"{sha}{MEDIA_SUFFIX[media]}"

    def has(self, sha: str, media: str) -> bool:
        return self.path(sha, media).exists()

    def keep(self, sha: str, media: str, data: bytes) -> bool:
        """Write once; True when the bytes were written now. A failure (disk full, folder not
        writable) is an ``InspectorError`` naming the folder: the file's own name is its hash,
        which tells a reader nothing."""
        target = self.path(sha, media)
        if target.exists():
            return False
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(target, data)
        except OSError as exc:
            raise from_os_error(exc, self.folder) from exc
        return True
