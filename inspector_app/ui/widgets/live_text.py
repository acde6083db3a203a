"""Text saved on every keystroke, audited once per editing session.

A killed program must not lose a character already on screen, yet the audit log should say
"note changed from A to B", not list every keystroke.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

TextWidget = QLineEdit | QPlainTextEdit


class LiveText(QObject):
    # While the window asks whether to go on with a change (a modal question takes the focus),
    # a session is not closed: it is audited when it really ends, from where it really began.
    _held = False

    @classmethod
    @contextmanager
    def sessions_held(cls) -> Iterator[None]:
        cls._held = True
        try:
            yield
        finally:
            cls._held = False

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
        if event.type() == QEvent.Type.FocusOut and not LiveText._held:
            self.finish()
        return False
