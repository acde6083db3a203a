"""Qt's ``Qt`` namespace, made when first needed, and the few of its values the first page uses.

PySide makes the Python enums of the ``Qt`` namespace all at once (93 of them, Qt.Key's
hundreds of members among them) the first time anything names one, or a value of one reaches
Python: 15-25 ms, a fifth of a bare window's start. The modules the window's first page runs
therefore do not import ``Qt`` at their top; they call :func:`qt` where they need it (by then
the window is up), and use the plain numbers below where Qt takes a number. A Python table
model whose ``headerData`` or ``sort`` Qt calls receives such enums, so the first page's
header reads its titles from a Qt model (``header_labels``) and its sorting is switched on
just after the first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

# Qt.ItemDataRole, as the numbers a model's data() receives.
DISPLAY_ROLE = 0
TOOLTIP_ROLE = 3
TEXT_ALIGNMENT_ROLE = 7
USER_ROLE = 256
# Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter: Qt reads an alignment a model
# gives as a number as well.
ALIGN_RIGHT_VCENTER = 0x0002 | 0x0080


def qt() -> type[Qt]:
    """The ``Qt`` namespace (made at the first call)."""
    from PySide6.QtCore import Qt

    return Qt
