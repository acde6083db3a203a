"""Interface language: Qt translators for our texts and Qt's own dialogs.

The language is resolved the same way as on the command line
(:func:`inspector_app.i18n.resolve_language`); applying it also sets the language of the
message catalogue below the window, so an error a service raises is shown in it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from inspector_app import i18n
from inspector_app.paths import resources_dir

LANGUAGES = {"zh_CN": "中文（简体）", "en": "English"}
SETTING_KEY = f"{i18n.SETTING_SECTION}/{i18n.SETTING_KEY}"  # "system", "zh_CN" or "en"

# Texts of Qt's own dialogs that Qt 6 reworded or moved (labels gained keyboard accelerators):
# the Chinese translation PySide6 ships still has the old ones ("Look in:" → "查找范围："), so the
# file dialog would say "Look in:". Our catalogue carries them in Qt's contexts, worded as Qt's
# translation words them, with the accelerator written the way it writes others ("文件名称(&N)：").
QT_OWN_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Page &order:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Pages &per sheet:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
    # The file dialog's "Type" column: Qt 6 moved these from QFileDialog's context.
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Alias"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
)


def saved_choice(settings: QSettings) -> str | None:
    """The language chosen in the preferences; None for "same as the system"."""
    saved = settings.value(SETTING_KEY, "system")
    return str(saved) if saved in LANGUAGES else None


def resolve_language(cli_lang: str | None, settings: QSettings) -> str:
    """--lang, then the saved choice, then the system locale, then Chinese."""
    return i18n.resolve_language(cli_lang, saved_choice(settings))


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own translations (qtbase_*.qm) may be: Qt's configured path first, then the
    PySide6 package's folder (a wheel's Qt reports a path that need not exist)."""
    import PySide6

    package = Path(PySide6.__file__).parent
    found = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
             package / "Qt" / "translations", package / "translations"]
    return list(dict.fromkeys(found))


_english_plurals: QTranslator | None = None


def install_english_plurals(app: QCoreApplication) -> None:
    """English is the source text, but "%Ln company(s)" needs its plural forms ("1 company",
    "200 companies"): a file of those alone, installed once for the application's life. A
    language installed later is searched first, so Chinese keeps its own forms."""
    global _english_plurals
    if _english_plurals is None:
        translator = QTranslator(app)
        if translator.load(str(resources_dir() / "translations" / "inspector_en.qm")):
            app.installTranslator(translator)
        _english_plurals = translator


class LanguageSwitcher:
    """Installs the translators for one language at a time; widgets retranslate on the event."""

    def __init__(self) -> None:
        self._translators: list[QTranslator] = []
        self.current = "en"
        self.qt_own_loaded = False

    def apply(self, lang: str) -> bool:
        """Switch to ``lang``; False when its translation file is missing (English is shown)."""
        app = QCoreApplication.instance()
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators.clear()
        self.current = lang
        self.qt_own_loaded = False
        i18n.set_language(lang)
        QLocale.setDefault(QLocale(lang))
        install_english_plurals(app)
        if lang == "en":
            return True
        ours = QTranslator()
        ok = ours.load(str(resources_dir() / "translations" / f"inspector_{lang}.qm"))
        if ok:
            app.installTranslator(ours)
            self._translators.append(ours)
        for folder in qt_translations_dirs():
            qt_own = QTranslator()
            if qt_own.load(f"qtbase_{lang}", str(folder)):
                app.installTranslator(qt_own)
                self._translators.append(qt_own)
                self.qt_own_loaded = True
                break
        return ok
