"""One window per data dir: a second start hands its file to the window already open.

The lock file in the data dir keeps two windows off one database (QLockFile notices a lock left
by a crashed process). The window that holds it listens on a local socket named after the data
dir; a later start that finds the lock taken sends its request there (open this file, or just
come to the front) and exits.
"""

from __future__ import annotations

import logging
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QLockFile, QObject, Signal

from inspector_app.ui.data_lock import LOCK_NAME  # the one lock file of a data dir

if TYPE_CHECKING:  # Qt's network module is loaded when the window listens, after it shows
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

HAND_OVER_SECONDS = 5.0  # the first window may still be starting (first run, migrations)


def server_name(data_dir: Path) -> str:
    """A socket name for this user and data dir, short enough for every platform."""
    # Imported here: the window takes its lock before it shows, and names its socket after.
    import getpass
    import hashlib

    key = f"{getpass.getuser()}\0{Path(data_dir).resolve()}".encode()
    return f"inspector-app-{hashlib.sha256(key).hexdigest()[:20]}"


class SingleInstance(QObject):
    """Holds the data dir's lock and receives the requests of later starts."""

    request = Signal(dict)  # {"open": "/path/file"} or {} (come to the front)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self._lock = QLockFile(str(self.data_dir / LOCK_NAME))
        self._lock.setStaleLockTime(0)  # only a dead process's lock is stale, never an old one
        self._server: QLocalServer | None = None

    @cached_property
    def name(self) -> str:
        return server_name(self.data_dir)

    def acquire(self, listen: bool = True) -> bool:
        """Take the lock and listen (or, without ``listen``, leave that to ``listen()``); False
        when another window has this data dir open.

        A later start waits for an answer for a few seconds (``HAND_OVER_SECONDS``), so the
        window may start listening a moment after it shows."""
        if not self._lock.tryLock(0):
            return False
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Take the requests of later starts from now on (the lock is held)."""
        from PySide6.QtNetwork import QLocalServer

        if self._server is not None:
            return
        QLocalServer.removeServer(self.name)  # a socket left by a crashed window
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.warning("cannot listen on %s: %s", self.name, server.errorString())
        server.newConnection.connect(self._accept)
        self._server = server

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        import json  # requests come after the window shows: its start does without json

        line = bytes(socket.readLine().data()).decode("utf-8", "replace")
        try:
            message = json.loads(line)
        except ValueError:
            message = None
        if not isinstance(message, dict):
            log.warning("ignored a malformed request from another start: %r", line[:200])
            socket.disconnectFromServer()
            return
        socket.write(b"ok\n")
        socket.flush()
        log.info("request from another start: %s", message)
        self.request.emit(message)


def hand_over(data_dir: Path, file: Path | None, seconds: float = HAND_OVER_SECONDS) -> bool:
    """Send ``file`` (or "come to the front") to the window holding ``data_dir``.

    True once that window has confirmed it; False when none answers within ``seconds``.
    """
    import json

    from PySide6.QtCore import QThread
    from PySide6.QtNetwork import QLocalSocket

    message = json.dumps({"open": str(file)} if file else {}).encode() + b"\n"
    deadline = QDeadlineTimer(int(seconds * 1000))
    name = server_name(data_dir)
    while not deadline.hasExpired():
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(500):
            socket.write(message)
            socket.waitForBytesWritten(1000)
            while not socket.canReadLine() and socket.waitForReadyRead(
                    max(1, deadline.remainingTime())):
                pass
            answered = socket.canReadLine() and bytes(socket.readLine().data()) == b"ok\n"
            socket.disconnectFromServer()
            if answered:
                return True
        QThread.msleep(200)  # the other window may not be listening yet
    return False


def already_open_message(data_dir: Path) -> str:
    return QCoreApplication.translate(
        "SingleInstance",
        "Inspector is already open on the data folder {0}, but that window does not answer. "
        "Close it (or end its process) and start Inspector again.").format(data_dir)
