"""A multi-line field of a form: Tab moves on to the next field, as in every other field.

QPlainTextEdit keeps Tab for typing a tab character by default, which traps keyboard users in
the first long field of a form (a hazard's description, a note). Nobody types tabs there.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget


class FormTextEdit(QPlainTextEdit):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTabChangesFocus(True)
