"""The window's widgets. Importing the package first makes PySide's check of modules quicker.

PySide looks at every module imported after it for ``from __feature__ import …`` (its
snake_case and true_property switches): it reads the module's source through ``inspect`` to see
whether it names PySide6, about 0.15 ms a module, ~15 ms for the modules the window's first
page needs. Reading the file's bytes answers the same question in a fifth of the time.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401 - loads the check that is replaced below


def _quicker_pyside_check() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    slow = getattr(feature, "_mod_uses_pyside", None)
    if slow is None or getattr(slow, "quick", False):
        return  # another PySide, or already done

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(slow(module))  # no source file of its own: PySide's answer

    uses_pyside.quick = True  # type: ignore[attr-defined]
    uses_pyside.pysides = slow  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]


_quicker_pyside_check()
