import errno
import sqlite3
import threading

import pytest

from inspector_app.errors import InspectorError
from inspector_app.ui.tasks import Task, TaskRunner


def test_result_and_progress_arrive_on_the_main_thread(qtbot):
    main_thread = threading.get_ident()
    seen: list[tuple[int, int, str, int]] = []
    worker_threads: list[int] = []

    def work(control, n):
        worker_threads.append(threading.get_ident())
        for i in range(n):
            control.progress(i + 1, n, f"step {i + 1}")
        return n * 2

    task = Task(work, 3)
    task.signals.progress.connect(
        lambda d, t, text: seen.append((d, t, text, threading.get_ident())))
    with qtbot.waitSignal(task.signals.succeeded) as blocker:
        TaskRunner().start(task)
    assert blocker.args == [6]
    assert worker_threads[0] != main_thread
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert [s[:3] for s in seen] == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]
    assert {s[3] for s in seen} == {main_thread}


def test_failure_is_delivered_not_raised_in_the_worker(qtbot):
    def work(control):
        raise ValueError("bad photo")

    task = Task(work)
    with qtbot.waitSignal(task.signals.failed) as blocker:
        TaskRunner().start(task)
    exc, trace = blocker.args
    assert isinstance(exc, ValueError)
    assert "bad photo" in trace


@pytest.mark.parametrize("raised, title, words", [
    (lambda: sqlite3.OperationalError("database or disk is full"), "Disk full",
     "The disk holding the database is full. Free some space and try again."),
    (lambda: sqlite3.OperationalError("disk I/O error"), "Error",
     "The disk holding the database could not be written or read (disk I/O error)"),
    (lambda: OSError(errno.ENOSPC, "No space left on device", "/media/usb/out.pdf"),
     "Disk full", "The disk is full (/media/usb/out.pdf). Free some space and try again."),
    (lambda: OSError(errno.EIO, "Input/output error", "/media/usb/x.inspx"), "Error",
     "If it is a USB stick, check that it is still plugged in."),
])
def test_a_full_disk_in_the_background_is_told_not_reported_as_a_crash(qtbot, raised, title,
                                                                         words):
    # The window shows an InspectorError in a message box and anything else as a crash
    # report; a full disk or a pulled stick during an export is no bug.
    def work(control):
        raise raised()

    task = Task(work)
    with qtbot.waitSignal(task.signals.failed) as blocker:
        TaskRunner().start(task)
    exc, _trace = blocker.args
    assert isinstance(exc, InspectorError)
    assert exc.localized_title("en") == title
    assert words in exc.localized("en")


def test_cancel_stops_the_task(qtbot):
    started = threading.Event()

    def work(control):
        started.set()
        while True:
            control.progress(0, 0)
            control.check_cancelled()

    task = Task(work)
    runner = TaskRunner()
    with qtbot.waitSignal(task.signals.cancelled, timeout=5000):
        runner.start(task)
        assert started.wait(5)
        task.cancel()
    assert task.done.wait(5)


@pytest.mark.parametrize("n", [0])
def test_empty_work_succeeds(qtbot, n):
    task = Task(lambda control: n)
    with qtbot.waitSignal(task.signals.succeeded) as blocker:
        TaskRunner().start(task)
    assert blocker.args == [0]
