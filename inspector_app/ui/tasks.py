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
from PySide6.QtWidgets import QWidget

from inspector_app.errors import expected_failure
from inspector_app.services.progress import Cancelled

__all__ = ["Cancelled", "Task", "TaskControl", "TaskRunner", "run_off_thread"]

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
            # A full disk or a pulled stick is told as such, not reported as a crash.
            self.signals.failed.emit(expected_failure(exc) or exc, traceback.format_exc())
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


def run_off_thread(parent: QWidget | None, label: str, fn: Callable[..., Any],
                   *args: Any) -> Any:
    """``fn(*args)`` on the thread pool while the window keeps drawing; what it returns or
    raises, here. For a short step (a key derivation, tenths of a second) in the middle of
    work that waits for it: a window-modal busy dialog, shown once it takes a moment, keeps
    the user from starting anything else meanwhile (there is nothing to cancel)."""
    import shiboken6
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QProgressDialog

    task = Task(lambda _control: fn(*args))
    outcome: dict[str, Any] = {}
    task.signals.succeeded.connect(lambda result: outcome.setdefault("result", result))
    task.signals.failed.connect(lambda exc, _trace: outcome.setdefault("error", exc))
    loop = QEventLoop()
    task.signals.finished.connect(loop.quit)
    busy = QProgressDialog(label, "", 0, 0, parent)
    busy.setCancelButton(None)  # type: ignore[arg-type]
    busy.setWindowModality(Qt.WindowModality.WindowModal)
    busy.setMinimumDuration(0)
    busy.reset()  # not shown by its own timer: ours below
    shows = QTimer()
    shows.setSingleShot(True)
    shows.timeout.connect(busy.show)
    shows.start(RUN_OFF_THREAD_BUSY_AFTER_MS)
    runner = TaskRunner()
    runner.start(task)
    try:
        # The finished signal is queued to this thread: it ends the loop even when the work
        # was over before the loop began.
        loop.exec()
    finally:
        shows.stop()
        if shiboken6.isValid(busy):  # gone with its window if that was closed meanwhile
            busy.close()
            busy.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


RUN_OFF_THREAD_BUSY_AFTER_MS = 300
