"""PySide's check of every module imported after it, made quicker as early as it can be.

PySide looks at every module imported after it for ``from __feature__ import …`` (its
snake_case and true_property switches): it reads the module's source through ``inspect`` to see
whether it names PySide6, about 0.15 ms a module (``typing``'s 3,400 lines more). Reading the
file's bytes answers the same question in a fifth of the time. Qt-free: the package calls it
at its import (where PySide came first, as a test or a benchmark may load it) and ``ui`` once it
has loaded PySide, before the window's modules are imported.
"""

from __future__ import annotations

import sys
from types import ModuleType


def quicken_pyside_check() -> None:
    """Replace PySide's check where PySide is loaded; nothing otherwise (or if done)."""
    feature = sys.modules.get("shibokensupport.feature")
    slow = getattr(feature, "_mod_uses_pyside", None)
    if slow is None or getattr(slow, "quick", False):
        return  # PySide not loaded (yet), another PySide, or already done

    import os

    # The standard library never names PySide6 (its modules are checked too, typing's 3,400
    # lines among them, as a module imports them for the first time after PySide).
    stdlib = os.path.dirname(os.__file__) + os.sep
    packages = os.sep + "site-packages" + os.sep

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.startswith(stdlib) and packages not in path:
            return False
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
