"""A rotating log file in the data dir: what went wrong, for a support person to read."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from inspector_app.storage.files import make_private_dir, make_private_file, write_atomic

LOG_NAME = "inspector.log"


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Every log file (a new one after rotation too) readable by the user only."""

    def _open(self):  # type: ignore[no-untyped-def]
        make_private_file(Path(self.baseFilename))
        return super()._open()


def setup_logging(log_dir: Path, *, level: int = logging.INFO) -> Path | None:
    """Log to ``log_dir/inspector.log`` (1 MB x 5); None if the folder cannot be written."""
    # The root logger: libraries' warnings (pyHanko's, say) belong in the file, not on stderr.
    root = logging.getLogger()
    root.setLevel(logging.WARNING)
    logging.getLogger("inspector_app").setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_inspector", False):
            root.removeHandler(handler)
            handler.close()
    try:
        make_private_dir(log_dir)
        handler = _PrivateRotatingFileHandler(
            log_dir / LOG_NAME, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        return None
    handler._inspector = True  # type: ignore[attr-defined]
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    root.addHandler(handler)
    return log_dir / LOG_NAME


def write_report(path: Path, text: str) -> None:
    """A crash report saved where the user chose: whole or not at all, checked to the fsync (a
    report "saved" to a full stick would be lost)."""
    write_atomic(path, text.encode("utf-8"))
