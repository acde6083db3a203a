"""How long work reports how far it is and learns that the user stopped it.

Services take a ``Progress`` (or None when nobody watches) and stay Qt-free; the window passes
its task's control (``ui.tasks.TaskControl``), which turns the calls into signals on the main
thread. Stopping is an exception, so work in hand ends where it checks, and a service that must
undo something catches ``Cancelled`` and raises it again.
"""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):
    """Raised inside work when the user cancelled it."""


class Progress(Protocol):
    def progress(self, done: int, total: int, text: str = "") -> None:
        """``done`` of ``total`` steps, ``text`` naming the step; raises ``Cancelled`` once the
        user has stopped the work."""
        ...

    def check_cancelled(self) -> None:
        """Raise ``Cancelled`` if the user has stopped the work."""
        ...
