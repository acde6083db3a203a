"""The one font the documents use, registered with reportlab once per process.

reportlab embeds only TrueType outlines, so the shipped WenQuanYi Micro Hei (TrueType in a .ttc)
is used for Chinese and Latin alike: one embedded subset per document, no missing glyphs.
"""

from __future__ import annotations

import threading

from reportlab import rl_config
from reportlab.lib import textsplit
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import paragraph

from inspector_app.errors import InspectorError
from inspector_app.i18n import N_
from inspector_app.paths import chinese_font

FONT = "WenQuanYi"

# Pure-Python ASCII85 costs ~1 s per photo; binary streams are what every PDF reader expects.
rl_config.useA85 = 0

# reportlab's CJK line breaking keeps Japanese closing marks off the start of a line, not the
# Chinese full-width comma, semicolon, colon, marks, quotes and book-title brackets: a circular's
# line began "，已整改1988项" or "》（已评审/论证）". Such a mark now hangs at the end of the line
# before, as Chinese typesetting has it. A paragraph of one style reads the string where
# textsplit keeps it, one of several the name paragraph imported: both are set.
CHINESE_CANNOT_START = "，；：？！”’》〉"
for _module in (textsplit, paragraph):
    if CHINESE_CANNOT_START not in _module.ALL_CANNOT_START:
        _module.ALL_CANNOT_START += CHINESE_CANNOT_START

_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the document font (thread-safe, once); its reportlab name is returned."""
    global _registered
    with _lock:
        if not _registered:
            path = chinese_font()
            try:
                pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
            except Exception as exc:  # reportlab raises TTFError or OSError, both mean the same
                raise InspectorError(
                    N_("The document font {path} cannot be loaded ({exc}). Reinstall Inspector."),
                    path=path, exc=exc
                ) from exc
            # The face has no bold or italic: map them to itself so <b> never looks for one.
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT, bold, italic, FONT)
            _registered = True
    return FONT
