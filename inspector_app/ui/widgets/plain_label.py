"""Labels that show what someone typed, as typed.

A QLabel guesses from its text whether it is rich text: a name or note synced from a laptop that
starts with a tag would be rendered, and could hide what it says behind mark-up. Labels that
show data, or messages quoting data, say it is plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label
