"""The shipped Chinese font, so Chinese renders on machines without a CJK font."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from inspector_app.paths import chinese_font

log = logging.getLogger(__name__)
CJK_FAMILY = "WenQuanYi Micro Hei"


def register_fonts(app: QApplication) -> str | None:
    """Register the shipped font and put it behind the default font as fallback."""
    font_id = QFontDatabase.addApplicationFont(str(chinese_font()))
    if font_id < 0:
        log.warning("could not load %s; Chinese may show as boxes", chinese_font())
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    family = families[0] if families else CJK_FAMILY
    font = app.font()
    base = [f for f in font.families() if f != family] or [font.family()]
    font.setFamilies([*base, family])
    app.setFont(font)
    return family


def ui_font(point_size: float | None = None) -> QFont:
    font = QApplication.font()
    if point_size:
        font.setPointSizeF(point_size)
    return font
