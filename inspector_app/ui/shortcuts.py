"""Shortcuts shown where the user looks: in the tooltips of actions and buttons.

Menus show an action's shortcut by themselves; toolbar buttons and push buttons do not. These
helpers keep "Text (Ctrl+X)" tooltips in step with the text, also after a language switch.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when first used: after the main window's first frame
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QAbstractButton

_BASE = "shortcutTipBase"  # an action's own tooltip, if it has one beyond its text


def plain(text: str) -> str:
    """Menu text without its mnemonic marks and trailing dots."""
    text = re.sub(r"\(&\w\)", "", text)  # Chinese menus put the mnemonic after: 新建检查(&N)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def with_keys(text: str, *sequences: QKeySequence) -> str:
    from PySide6.QtGui import QKeySequence

    keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                     for s in sequences if not s.isEmpty())
    return f"{text} ({keys})" if keys else text


def show_in_tooltip(action: QAction) -> None:
    """The action's tooltip names its shortcut, and follows later text changes."""

    def update() -> None:
        tip = with_keys(plain(action.text()), *action.shortcuts())
        if action.toolTip() != tip:
            action.setToolTip(tip)  # emits changed again; then nothing differs

    action.changed.connect(update)
    update()


def button_shows(button: QAbstractButton, action: QAction) -> None:
    """A button that does what ``action`` does names the action's shortcut in its tooltip."""
    button.setToolTip(with_keys(plain(action.text()), *action.shortcuts()))
