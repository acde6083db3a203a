"""Print copies made ahead: after photos are taken in, one background thread at the lowest
priority makes each one's print copy, so that the first export of the record finds them made
instead of decoding every 12-MP original while the user waits.

The thread never holds up what the user is doing: it starts only when no photos have been
taken in for ``QUIET_S`` (an ingest in progress holds it off), runs at the lowest CPU priority
the system gives a thread, and works on files only (never the database). Closing drops what is
still queued and waits for the copy in hand, whose file is then not written; a copy is written
under a temporary name and renamed, so nothing half-written is left under its name either way.
A photo that cannot be read (its original deleted or damaged meanwhile) is logged and skipped;
the export that needs it reports it as it always did.

The same thread runs other work that needs the copies, once they are made: a signed record laid
out into the render cache (``AppContext.lay_out_ahead``), so that its first export is a copy.
The window turns the maker on; a command, which ends at once, does not (nor do ``demo`` and
sync import, whose photos may never be printed on this computer): their exports make the
copies they need, as before.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from inspector_app.domain.photo import Photo
from inspector_app.errors import InspectorError

if TYPE_CHECKING:
    from sqlite_utils import Database

log = logging.getLogger(__name__)

# Photos come in one by one, a few hundred ms apart: a copy started between two of them would
# compete with the next one's decoding.
QUIET_S = 0.5
# How long ``close`` waits for the copy in hand (one decode of a large photo) before leaving
# the daemon thread to end with the program; its temporary file then goes at the next start.
CLOSE_WAIT_S = 5.0


# The settings key of this data dir's secret that seals print copies' names.
_SEAL_SETTING = "print_copy_seal"


def kept_print_copy_seal(reading: Database) -> bytes | None:
    """The seal ``print_copy_seal`` made before, read without a write (``reading`` may be the
    window's plain connection, so that its start does not load sqlite-utils for it); None
    where there is none yet or it cannot be read."""
    import sqlite3

    from inspector_app.storage.repositories import SettingsRepo

    try:
        kept = SettingsRepo(reading).get(_SEAL_SETTING)
        return bytes.fromhex(kept) if kept else None
    except (sqlite3.OperationalError, ValueError):
        return None


def print_copy_seal(db: Database) -> bytes:
    """This data dir's secret that seals the names of the print copies made here (kept in the
    database's local settings, never synced; made on first use). A print copy is used only
    under a name whose seal proves it was made here, for this very original and annotations,
    with the bytes its name records: a file put into the photo folder under a name that merely
    fits is not printed. A database that cannot be written gets a secret for this run only:
    its copies are made again in the next."""
    import sqlite3

    from inspector_app.storage.repositories import SettingsRepo

    settings = SettingsRepo(db)
    try:
        # Written once per data dir; read (no write, no lock) every other time.
        kept = settings.get(_SEAL_SETTING) or settings.get_or_put(_SEAL_SETTING,
                                                                  os.urandom(32).hex())
        return bytes.fromhex(kept)
    except (sqlite3.OperationalError, ValueError) as exc:
        log.warning("print copies sealed for this run only: %s", exc)
        return os.urandom(32)


class Stopped(Exception):
    """The maker was closed while a copy was being made: the copy is not written."""


@dataclass(frozen=True)
class Throughput:
    """What the maker did since it was made: copies made, the time they took and the CPU
    time of this thread they took; the other jobs done and the time they took."""

    made: int
    seconds: float
    cpu_seconds: float
    jobs: int
    job_seconds: float


def lowest_priority() -> None:
    """This thread (not the program) at the lowest CPU priority: idle time only."""
    if sys.platform.startswith("linux"):
        # On Linux each thread has its own nice value; elsewhere this would renice the process.
        with contextlib.suppress(AttributeError, OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
    elif sys.platform == "win32":
        import ctypes

        with contextlib.suppress(AttributeError, OSError):
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            thread_mode_background_begin = 0x00010000  # lower CPU and disk priority
            kernel32.SetThreadPriority(kernel32.GetCurrentThread(),
                                       thread_mode_background_begin)


class PrintCopyMaker:
    """One background thread making print copies of queued photos.

    ``make(photo, stop)`` makes and writes one print copy; it calls ``stop()`` between its
    steps, which raises ``Stopped`` once the maker is closed and waits while photos are being
    taken in. Thread-safe: photos may be queued from
    any thread."""

    def __init__(self, make: Callable[[Photo, Callable[[], None]], Path],
                 quiet_s: float = QUIET_S) -> None:
        self._make = make
        self._quiet_s = quiet_s
        self._lock = threading.Condition()
        self._queue: deque[Photo] = deque()
        self._queued: set[tuple[str, str]] = set()
        self._jobs: dict[str, Callable[[Callable[[], None]], object]] = {}
        self._thread: threading.Thread | None = None
        self._in_hand = False
        self._holds = 0
        self._held_until = 0.0
        self._closed = False
        self._made = 0
        self._seconds = 0.0
        self._cpu_seconds = 0.0
        self._jobs_done = 0
        self._job_seconds = 0.0

    @staticmethod
    def _key(photo: Photo) -> tuple[str, str]:
        return photo.sha256, repr(photo.annotations)

    def queue(self, photos: Iterable[Photo]) -> None:
        """Make these photos' print copies when the machine is quiet (each once)."""
        with self._lock:
            if self._closed:
                return
            for photo in photos:
                key = self._key(photo)
                if key not in self._queued:
                    self._queued.add(key)
                    self._queue.append(photo)
            self._start()

    def then(self, name: str, job: Callable[[Callable[[], None]], object]) -> None:
        """Run ``job(stop)`` on the same thread once the queued copies are made (a record laid
        out ahead needs its photos' copies); a job of the same ``name`` queued again runs once.
        The job calls ``stop()`` between its steps, which raises ``Stopped`` once closed."""
        with self._lock:
            if self._closed:
                return
            self._jobs[name] = job
            self._start()

    def _start(self) -> None:
        """Under the lock: the thread started if there is work and it is not running."""
        if (self._queue or self._jobs) and self._thread is None:
            self._thread = threading.Thread(target=self._run, name="made-ahead", daemon=True)
            self._thread.start()
        self._lock.notify_all()

    @contextlib.contextmanager
    def hold(self) -> Iterator[None]:
        """No copy is started while this is entered, nor for ``quiet_s`` after (photos are
        being taken in)."""
        with self._lock:
            self._holds += 1
        try:
            yield
        finally:
            with self._lock:
                self._holds -= 1
                self._held_until = time.monotonic() + self._quiet_s
                self._lock.notify_all()

    def pending(self) -> int:
        """Copies and jobs queued or in hand."""
        with self._lock:
            return len(self._queue) + len(self._jobs) + (1 if self._in_hand else 0)

    def in_hand(self) -> bool:
        """A copy (or a job) is being made now."""
        with self._lock:
            return self._in_hand

    def wait(self, timeout: float) -> bool:
        """Wait until every queued copy is made (True) or ``timeout`` seconds pass (False)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while self._queue or self._jobs or self._in_hand:
                left = deadline - time.monotonic()
                if left <= 0 or self._closed:
                    return False
                self._lock.wait(left)
            return True

    def throughput(self) -> Throughput:
        with self._lock:
            return Throughput(self._made, self._seconds, self._cpu_seconds, self._jobs_done,
                              self._job_seconds)

    def close(self) -> None:
        """Drop what is queued; the copy in hand is abandoned before it is written."""
        with self._lock:
            self._closed = True
            self._queue.clear()
            self._queued.clear()
            self._jobs.clear()
            self._lock.notify_all()
            thread = self._thread
            self._thread = None
        if thread is not None and thread is not threading.current_thread():
            thread.join(CLOSE_WAIT_S)

    # -- the thread ----------------------------------------------------------------------------
    def _stop_check(self) -> None:
        """Between two steps of a copy or a job: raises Stopped once closed, and waits while
        photos are being taken in (a step already begun cannot be paused)."""
        with self._lock:
            while self._holds and not self._closed:
                self._lock.wait()
            if self._closed:
                raise Stopped

    def _next(self) -> Photo | tuple[str, Callable[[Callable[[], None]], object]] | None:
        """The next photo (or, once none is left, job) when the machine is quiet; None when there
        is nothing left to do (or the maker is closed)."""
        with self._lock:
            while True:
                if self._closed or not (self._queue or self._jobs):
                    self._thread = None  # under the lock: work queued now starts another
                    return None
                wait = self._held_until - time.monotonic()
                if self._holds == 0 and wait <= 0:
                    self._in_hand = True
                    if self._queue:
                        return self._queue.popleft()
                    name = next(iter(self._jobs))
                    return name, self._jobs.pop(name)
                self._lock.wait(wait if self._holds == 0 else None)

    def _run(self) -> None:
        lowest_priority()
        while (work := self._next()) is not None:
            if isinstance(work, Photo):
                self._copy(work)
            else:
                self._job(*work)

    def _job(self, name: str, job: Callable[[Callable[[], None]], object]) -> None:
        start = time.perf_counter()
        done = False
        try:
            job(self._stop_check)
            done = True
        except Stopped:
            log.debug("%s abandoned: closing", name)
        except InspectorError as exc:
            log.warning("%s not done ahead: %s", name, exc.message)
        except Exception:  # a bug: logged whole; the export does the work when asked
            log.exception("%s failed", name)
        finally:
            with self._lock:
                self._in_hand = False
                if done:
                    self._jobs_done += 1
                    self._job_seconds += time.perf_counter() - start
                self._lock.notify_all()

    def _copy(self, photo: Photo) -> None:
        start, cpu = time.perf_counter(), time.thread_time()
        made = False
        try:
            self._make(photo, self._stop_check)
            made = True
        except Stopped:
            log.debug("print copy of photo %s abandoned: closing", photo.id)
        except (InspectorError, OSError, ValueError, SyntaxError) as exc:
            message = exc.message if isinstance(exc, InspectorError) else str(exc)
            log.warning("print copy of photo %s (%s) not made ahead: %s", photo.id,
                        photo.original_name or photo.sha256[:12], message)
        except Exception:  # a bug: logged whole, and the other photos still get theirs
            log.exception("print copy of photo %s failed", photo.id)
        finally:
            with self._lock:
                self._in_hand = False
                self._queued.discard(self._key(photo))
                if made:
                    self._made += 1
                    self._seconds += time.perf_counter() - start
                    self._cpu_seconds += time.thread_time() - cpu
                self._lock.notify_all()
