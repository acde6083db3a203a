"""Passphrases the user chose to keep, in memory until the program is closed.

Apart from the dialog that asks for one (``dialogs/passphrase_dialog.py``): the main window
makes its keeper before it is first drawn, and asks only when something is signed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from inspector_app.errors import InspectorError

T = TypeVar("T")


class PassphraseKeeper(QObject):
    """Asks for passphrases, and keeps in memory those the user chose to keep.

    The main window owns one and hands it to the windows and pages it opens, so a passphrase
    kept in one of them is not asked again in another; it forgets them all when told to (a new
    signing identity or profile, the window closing). Nothing is ever written to disk.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kept: dict[str, str] = {}

    def kept(self, key: str) -> str | None:
        return self._kept.get(key)

    def keep(self, key: str, passphrase: str) -> None:
        self._kept[key] = passphrase

    def forget(self) -> None:
        self._kept.clear()

    def ask(self, parent: QWidget | None, prompt: str, key: str,
            check: Callable[[str], T]) -> T | None:
        """What ``check`` makes of the passphrase kept for ``key`` or, when none is kept or it
        no longer fits, of one the user types (asked again while ``check`` refuses it with an
        ``InspectorError``, whose message the dialog shows in the user's language); None if
        the user cancels."""
        kept = self._kept.get(key)
        if kept is not None:
            try:
                return check(kept)
            except InspectorError:
                del self._kept[key]  # changed since: the user is asked
        from inspector_app.ui.dialogs.passphrase_dialog import PassphraseDialog

        dialog = PassphraseDialog(prompt, parent)
        while dialog.exec():
            try:
                result = check(dialog.passphrase())
            except InspectorError as exc:
                dialog.show_error(exc.localized())
                continue
            if dialog.keep.isChecked():
                self._kept[key] = dialog.passphrase()
            return result
        return None
