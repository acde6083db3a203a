"""What waits until the main window has first been shown, so that it is drawn without it.

An application-wide event filter written in Python (window fitting, F1 help) sees every event
of every object, Qt's private ones too (the gesture manager, a widget's window). The first of
those to reach Python makes PySide create every class of its modules, enums and all: about
0.15 s, paid once. Installed a moment after the main window was drawn, that wait is no longer
part of the start.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# How long after the main window first shows the deferred work runs: the first page has been
# drawn and filled by then.
LATER_MS = 400
# Deferred pieces of work run a turn apart, each in an event-loop turn of its own: run back to
# back, they would stop the window answering for all of them at once (the user's click waits
# for the whole batch; a few tens of milliseconds each is not noticed, their sum can be).
TURN_MS = 40


class _FirstShow(QObject):
    """Watches one window alone (an object PySide knows) until it first shows."""

    def __init__(self, window: QWidget, now: Callable[[], None] | None,
                 later: Callable[[], None] | None, turn: int) -> None:
        super().__init__(window)
        self.window = window
        self.now = now
        self.later = later
        self.turn = turn

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            watched.removeEventFilter(self)
            if self.now is not None:
                self.now()
            if self.later is not None:
                # With the window as context: nothing runs for a window already gone.
                QTimer.singleShot(LATER_MS + self.turn * TURN_MS, self.window, self.later)
            self.deleteLater()
        return False


def when_first_shown(window: QWidget, now: Callable[[], None] | None = None,
                     later: Callable[[], None] | None = None, turn: int = 0) -> None:
    """Call ``now`` as ``window`` first shows, and ``later`` a moment (``LATER_MS``) after,
    ``turn`` turns (``TURN_MS``) after the other deferred work."""
    window.installEventFilter(_FirstShow(window, now, later, turn))
