"""The one bridge through which the program tells the user things.

Pages and dialogs call ``messages.info(...)`` etc. without knowing whether a window or a test
is listening. The window installs a sink (``message_bridge``) that shows messages on the main
thread; the default sink writes to stderr. Qt-free, so it can be used before a window exists.
Services do not use it: they raise ``InspectorError`` and return results.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from enum import Enum

from inspector_app import i18n
from inspector_app.errors import InspectorError

log = logging.getLogger(__name__)


class Level(Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


Sink = Callable[[Level, str, str], None]  # level, title, text


def _stderr_sink(level: Level, title: str, text: str) -> None:
    if level is not Level.INFO:
        print(f"{level.value}: {text}", file=sys.stderr)


_sink: Sink = _stderr_sink


def install_sink(sink: Sink | None) -> None:
    """Route messages to ``sink``; None restores the stderr sink."""
    global _sink
    _sink = sink or _stderr_sink


def info(text: str, title: str = "") -> None:
    _sink(Level.INFO, title, text)


def warning(text: str, title: str = "") -> None:
    log.warning("%s", text)
    _sink(Level.WARNING, title, text)


def error(exc: InspectorError) -> None:
    """Show ``exc`` in the user's language; the log keeps the English text."""
    log.warning("%s: %s", type(exc).__name__, exc.message)
    _sink(Level.ERROR, exc.localized_title(), exc.localized())


def localized(value: object) -> str:
    """A text from below the window in the user's language: an error or a message that
    renders itself does so; a plain message id is looked up in the catalogue (shown as it is
    when the catalogue does not have it)."""
    render = getattr(value, "localized", None)
    if callable(render):
        return str(render())
    return i18n._(str(value)) if value else ""
