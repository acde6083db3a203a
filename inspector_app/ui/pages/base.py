"""A section of the main window reached from the navigation."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from inspector_app.services.context import AppContext


class Page(QWidget):
    """A page reads the database when it is first shown, not when it is built.

    Shown again, it reloads only when the database changed since (a commit here or by
    another connection), so switching pages repeats no work.
    """

    page_id = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False
        # Set by the main window: the first load waits until the window has been drawn.
        self.defer_first_load = False
        self._seen_version: tuple[int, int] | None = None
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600; padding: 4px 0;")
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.heading)

    def title(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        self.heading.setText(self.title())

    def refresh(self) -> None:
        """Reload from the database when the page is shown."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.loaded:
            return
        self.loaded = True
        if self.defer_first_load:
            QTimer.singleShot(0, self.load)
        else:
            self.load()

    def load(self) -> None:
        """``refresh`` and remember the state of the database it read."""
        self.refresh()
        self._seen_version = self._database_version()

    def reload_if_changed(self) -> None:
        """Shown again: read again only if something was written since the last load."""
        if self.loaded and self._seen_version != self._database_version():
            self.load()

    def _database_version(self) -> tuple[int, int]:
        return self.ctx.database_version()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
