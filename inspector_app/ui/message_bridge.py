"""Shows what pages and dialogs say (``ui.messages``) in the window, always on the main thread."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QStatusBar, QWidget

from inspector_app.ui import messages
from inspector_app.ui.messages import Level
from inspector_app.ui.qt_namespace import qt

if TYPE_CHECKING:  # imported when a message needs a box, not at the window's start
    from PySide6.QtWidgets import QMessageBox

STATUS_TIMEOUT_MS = 8000

# The titles of errors.InspectorError subclasses, listed so that lupdate extracts them.
_TITLES = (
    QT_TRANSLATE_NOOP("MessageBridge", "Error"),
    QT_TRANSLATE_NOOP("MessageBridge", "File from a newer version"),
    QT_TRANSLATE_NOOP("MessageBridge", "Damaged file"),
    QT_TRANSLATE_NOOP("MessageBridge", "Database in use"),
    QT_TRANSLATE_NOOP("MessageBridge", "Disk full"),
    QT_TRANSLATE_NOOP("MessageBridge", "Cannot write here"),
    QT_TRANSLATE_NOOP("MessageBridge", "Invalid input"),
    QT_TRANSLATE_NOOP("MessageBridge", "Record is locked"),
    QT_TRANSLATE_NOOP("MessageBridge", "Not found"),
)


def translated_title(title: str) -> str:
    return QCoreApplication.translate("MessageBridge", title or "Inspector")


class MessageBridge(QObject):
    """Lives in the main thread; services may call its sink from any thread."""

    posted = Signal(str, str, str)  # level, title, text

    def __init__(self, parent_window: QWidget, status_bar: QStatusBar) -> None:
        super().__init__(parent_window)
        self._window = parent_window
        self._status = status_bar
        self.last_dialog: QMessageBox | None = None
        # Connected at the first message, not before the window's first page: naming the
        # connection's type makes the ``Qt`` namespace (``qt_namespace``). A message may come
        # from any thread: one connects.
        self._connecting = threading.Lock()
        self._connected = False

    def _connect(self) -> None:
        with self._connecting:
            if not self._connected:
                # Queued: a worker thread's message waits for the main thread's event loop.
                self.posted.connect(self._show, qt().ConnectionType.QueuedConnection)
                self._connected = True

    def install(self) -> None:
        messages.install_sink(self._sink)

    def uninstall(self) -> None:
        messages.install_sink(None)

    def _sink(self, level: Level, title: str, text: str) -> None:
        if not self._connected:
            self._connect()
        self.posted.emit(level.value, title, text)

    @Slot(str, str, str)
    def _show(self, level: str, title: str, text: str) -> None:
        self._status.showMessage(text, STATUS_TIMEOUT_MS)
        if level == Level.INFO.value:
            return
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Critical if level == Level.ERROR.value else QMessageBox.Icon.Warning,
            translated_title(title),
            text,
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setAttribute(qt().WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = box
        box.open()  # window-modal without blocking the event loop
