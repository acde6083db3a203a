"""Writing files so that a crash, a full disk or a pulled USB stick never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from inspector_app.errors import from_os_error


def write_atomic(target: Path, data: bytes) -> None:
    """Temporary file in the same folder, fsync, rename; an older file stays until the rename.

    Raises the OSError; callers that talk to people use ``write_atomic_checked``.
    """
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        if hasattr(os, "fchmod"):
            # mkstemp makes 0600 files; a document the user saves should read like any other.
            mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic_checked(target: Path, data: bytes) -> None:
    """``write_atomic`` with OS errors told in plain words. A missing folder is an error, not
    created: it is often a USB stick that was pulled out."""
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise from_os_error(exc, target) from exc
