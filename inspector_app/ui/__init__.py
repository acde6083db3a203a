"""The window's widgets. Importing the package first makes PySide's check of modules quicker
(``inspector_app.pyside_check``): ``run_gui`` imports it right after PySide."""

from __future__ import annotations

import PySide6.QtCore  # noqa: F401 - loads the check that is replaced below

from inspector_app.pyside_check import quicken_pyside_check

quicken_pyside_check()
