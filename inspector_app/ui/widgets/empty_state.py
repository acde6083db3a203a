"""What an empty list shows instead of an empty table: what to do next, with the buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from inspector_app.ui.qt_namespace import qt


class EmptyState(QWidget):
    def __init__(self, buttons: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.heading.setWordWrap(True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(qt().TextFormat.PlainText)
        self.buttons = [QPushButton() for _ in range(buttons)]
        row = QHBoxLayout()
        for button in self.buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addLayout(row)
        layout.addStretch(1)

    def show_state(self, heading: str, text: str, labels: list[str]) -> None:
        """Show ``labels`` on the first buttons (the rest are hidden)."""
        self.heading.setText(heading)
        self.text.setText(text)
        for n, button in enumerate(self.buttons):
            button.setVisible(n < len(labels))
            if n < len(labels):
                button.setText(labels[n])
