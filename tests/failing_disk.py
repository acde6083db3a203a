"""A file or folder that answers as a USB stick pulled out does, for tests of what the user is
told; every other path works as usual."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest


def fail_on(monkeypatch: pytest.MonkeyPatch, method: str, path: Path,
            code: int = errno.EIO) -> None:
    """``Path.<method>`` of ``path`` raises OSError ``code`` with the system's own words."""
    real = getattr(Path, method)

    def failing(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:
            raise OSError(code, os.strerror(code), str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, method, failing)
