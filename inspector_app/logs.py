"""A rotating log file in the data dir: what went wrong, for a support person to read."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_NAME = "inspector.log"


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
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
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
