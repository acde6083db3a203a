"""Copies of the PDFs this program made, kept by content hash in the data dir.

The user's own file can be anywhere (a USB stick, a mail attachment folder) and may be moved or
deleted; this copy is what sync carries to the office, under a name that proves its content.
"""

from __future__ import annotations

import re
from pathlib import Path

from inspector_app.errors import from_os_error
from inspector_app.storage.files import write_atomic

_SHA_RE = re.compile(r"^[0-9a-f]{64}$")


def document_copy(folder: Path, sha: str) -> Path:
    if not _SHA_RE.match(sha):
        raise ValueError(f"not a SHA-256: {sha!r}")
    return folder / f"{sha}.pdf"


def keep_document(folder: Path, sha: str, data: bytes) -> bool:
    """Store ``data`` as ``<sha>.pdf`` once; True when it was written now. Same name, same
    bytes: an existing copy is never rewritten."""
    target = document_copy(folder, sha)
    if target.exists():
        return False
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
    except OSError as exc:
        raise from_os_error(exc, target) from exc
    return True
