"""A section of the main window reached from the navigation."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from inspector_app.services.context import AppContext


class Page(QWidget):
    page_id = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
