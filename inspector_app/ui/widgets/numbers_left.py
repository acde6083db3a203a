"""This computer's document numbers running low, on a window's status bar.

Shown while fewer than ``LOW_WATER`` numbers of a type are left in the blocks the office gave
this computer (this year's), with how many; hidden while there are enough, and on a computer no
office numbers. The main window and the inspection form both carry one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from inspector_app.domain.numbering import DOC_WORDS, LOW_WATER, DocType
from inspector_app.errors import Hint
from inspector_app.i18n import current_language, with_advice

if TYPE_CHECKING:  # its storage (json among it) loads after the first page
    from inspector_app.services.numbers import NumberService

LOW_NUMBERS_STYLE = "color: #b45309; font-weight: bold;"  # amber: a warning, not an error


class NumbersLeftLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("numbersLeft")
        self.setStyleSheet(LOW_NUMBERS_STYLE)
        self.low: dict[DocType, int] = {}
        self.hide()

    def update_from(self, numbers: NumberService) -> None:
        """Count again (after a number was taken, or a bundle brought a block)."""
        self.low = numbers.low_here()
        self.retranslate()

    def retranslate(self) -> None:
        self.setVisible(bool(self.low))
        if not self.low:
            return
        each = self.tr("{0}: {1} left")
        self.setText(self.tr("Document numbers running low — {0}").format(
            self.tr(", ").join(each.format(DOC_WORDS[t], n) for t, n in self.low.items())))
        # And where to ask, as a message that ran out would say it (``ui/advice.py``).
        self.setToolTip(with_advice(self.tr(
            "Fewer than {0} numbers of these documents are left in the blocks the office gave "
            "this computer.").format(LOW_WATER), Hint.ALLOCATE_NUMBERS, {}, current_language()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
