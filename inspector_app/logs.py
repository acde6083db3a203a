"""A rotating log file in the data dir: what went wrong, for a support person to read."""

from __future__ import annotations

import logging
from pathlib import Path

from inspector_app.log_file import LOG_NAME, prepare
from inspector_app.storage.files import make_private_file, write_atomic

MAX_BYTES = 1_000_000
BACKUPS = 5


def _rotating_handler(path: Path) -> logging.Handler:
    import logging.handlers

    class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
        """Every log file (a new one after rotation too) readable by the user only."""

        def _open(self):  # type: ignore[no-untyped-def]
            make_private_file(Path(self.baseFilename))
            return super()._open()

    return PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                      encoding="utf-8")


class _LogFile(logging.Handler):
    """The rotating log file, opened at the first record.

    ``logging.handlers`` brings sockets, pickling and queues with it; most runs (a listing,
    the window's start) log nothing, and should not wait for them.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            try:
                self._file = _rotating_handler(self.path)
            except OSError:
                self.handleError(record)
                return
            self._file.setFormatter(self.formatter)
        self._file.handle(record)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


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
    if not prepare(log_dir):
        return None
    handler = _LogFile(log_dir / LOG_NAME)
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
