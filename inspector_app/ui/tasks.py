"""Work off the main thread, with results, errors and progress delivered on the main thread.

A task is a plain function ``fn(control, *args)``. It reports progress and checks for
cancellation through ``control``; it never touches a widget. The runner emits Qt signals from the
worker, which Qt queues to the receiver's (main) thread.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from inspector_app.services.progress import Cancelled

__all__ = ["Cancelled", "Task", "TaskControl", "TaskRunner"]

log = logging.getLogger(__name__)


class TaskControl:
    """What a task sees of its runner: progress reporting and cancellation (a
    ``services.progress.Progress``)."""

    def __init__(self, signals: TaskSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._signals.progress.emit(done, total, text)
        self.check_cancelled()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object, str)  # exception, formatted traceback
    cancelled = Signal()
    finished = Signal()


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        self.task._run()


class Task:
    """One piece of background work. Keep a reference until ``finished``."""

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self.signals = TaskSignals()
        self.control = TaskControl(self.signals)
        self._call = lambda: fn(self.control, *args, **kwargs)
        self.done = threading.Event()

    def cancel(self) -> None:
        self.control.cancel()

    def _run(self) -> None:
        try:
            result = self._call()
        except Cancelled:
            self.signals.cancelled.emit()
        except BaseException as exc:  # delivered to the main thread, which decides
            log.debug("task failed", exc_info=True)
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.done.set()
            self.signals.finished.emit()


class TaskRunner:
    """Starts tasks on a shared thread pool."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self.pool = pool or QThreadPool.globalInstance()
        self._running: set[Task] = set()

    def start(self, task: Task) -> Task:
        self._running.add(task)
        task.signals.finished.connect(lambda: self._running.discard(task))
        self.pool.start(_Runnable(task))
        return task

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
