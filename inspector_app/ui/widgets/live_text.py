"""Text saved on every keystroke, audited once per editing session.

A killed program must not lose a character already on screen, yet the audit log should say
"note changed from A to B", not list every keystroke.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

TextWidget = QLineEdit | QPlainTextEdit


class LiveText(QObject):
    def __init__(self, widget: TextWidget, save: Callable[[str], None],
                 audit: Callable[[str, str], None]) -> None:
        super().__init__(widget)
        self.widget = widget
        self._save = save
        self._audit = audit
        self._session_start = self.text()
        widget.textChanged.connect(self._changed)
        widget.installEventFilter(self)

    def text(self) -> str:
        w = self.widget
        return w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()

    def set_text_silently(self, text: str) -> None:
        self.widget.blockSignals(True)
        if isinstance(self.widget, QPlainTextEdit):
            self.widget.setPlainText(text)
        else:
            self.widget.setText(text)
        self.widget.blockSignals(False)
        self._session_start = text

    def _changed(self, *_: object) -> None:
        self._save(self.text())

    def finish(self) -> None:
        """Close the editing session: one audit entry if the text changed."""
        current = self.text()
        if current != self._session_start:
            self._audit(self._session_start, current)
            self._session_start = current

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.finish()
        return False
