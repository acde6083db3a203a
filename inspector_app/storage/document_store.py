"""Copies of the PDFs this program made, kept by content hash in the data dir.

The user's own file can be anywhere (a USB stick, a mail attachment folder) and may be moved or
deleted; this copy is what sync carries to the office, under a name that proves its content.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from inspector_app.errors import from_os_error
from inspector_app.storage.files import fsync_dir, write_atomic

_SHA_RE = re.compile(r"^[0-9a-f]{64}$")


def document_copy(folder: Path, sha: str) -> Path:
    if not _SHA_RE.match(sha):
        raise ValueError(f"not a SHA-256: {sha!r}")
    return folder / f"{sha}.pdf"


def keep_document(folder: Path, sha: str, data: bytes | None,
                  same_as: tuple[Path, tuple[int, int]] | None = None) -> bool:
    """Store ``data`` as ``<sha>.pdf`` once; True when it was written now. Same name, same
    bytes: an existing copy is never rewritten.

    ``same_as`` names a file of the data dir holding these very bytes, durably, and the
    (device, inode) they were read from: the copy is then a second name of that file rather
    than the bytes written again (megabytes and an fsync saved). Files of the data dir are
    never changed in place (every write makes a new file and renames it), so the two names
    keep the bytes whatever happens to either name. Where no link can be made (another file
    system, one without links) the bytes are written: ``data``, or when None those of
    ``same_as`` if they still have hash ``sha`` (False, nothing kept, if not)."""
    target = document_copy(folder, sha)
    if target.exists():
        return False
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if same_as is not None and _linked(*same_as, target):
            return True
        if data is None:
            data = _bytes_of(same_as[0], sha) if same_as is not None else None
            if data is None:
                return False
        write_atomic(target, data)
    except OSError as exc:
        raise from_os_error(exc, target) from exc
    return True


def _bytes_of(path: Path, sha: str) -> bytes | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == sha else None


def _linked(source: Path, identity: tuple[int, int], target: Path) -> bool:
    """``target`` made a durable second name of ``source``, when ``source`` is still the file
    its bytes were read from (not replaced meanwhile); False, and nothing left, otherwise."""
    try:
        # Whatever the link is made to is checked below: a link in place of the entry shows
        # as another file (follow_symlinks=False is not there on every system).
        os.link(source, target)
    except OSError:
        return False
    try:
        info = target.lstat()
        if (info.st_dev, info.st_ino) != identity:
            target.unlink()
            return False
    except OSError:
        return False
    fsync_dir(target.parent)
    return True
