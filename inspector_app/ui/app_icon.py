"""The application icon (resources/icons, rendered from the .svg), for every window."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from inspector_app.paths import resources_dir


def app_icon() -> QIcon:
    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob("inspector-app-*.png")):
        icon.addFile(str(png))
    return icon
