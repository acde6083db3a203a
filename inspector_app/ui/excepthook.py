"""Unexpected exceptions: logged, then a dialog that offers to save a report (``crash``).

The dialog's module (Qt's message box and file dialog) is imported when something went wrong,
not at each start.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QWidget

from inspector_app.errors import InspectorError
from inspector_app.ui import messages

log = logging.getLogger(__name__)


def install_excepthook(parent_getter: Callable[[], QWidget | None] = lambda: None) -> None:
    """Send expected failures to the message bridge and bugs to the crash dialog."""

    def hook(exc_type: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        if isinstance(exc, InspectorError):
            messages.error(exc)
            return
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        from inspector_app.ui.crash import CrashDialog, crash_report

        dialog = CrashDialog(crash_report(exc_type, exc, tb), parent_getter())
        dialog.exec()

    sys.excepthook = hook
