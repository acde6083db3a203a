"""Interface language: Qt translators for our texts and Qt's own dialogs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from inspector_app.paths import resources_dir

LANGUAGES = {"zh_CN": "中文（简体）", "en": "English"}
SETTING_KEY = "ui/language"  # "system", "zh_CN" or "en"


def system_language() -> str:
    return "zh_CN" if QLocale.system().name().lower().startswith("zh") else "en"


def resolve_language(cli_lang: str | None, settings: QSettings) -> str:
    """--lang wins over the saved choice, which wins over the system locale."""
    if cli_lang in LANGUAGES:
        return cli_lang
    saved = settings.value(SETTING_KEY, "system")
    if saved in LANGUAGES:
        return str(saved)
    return system_language()


class LanguageSwitcher:
    """Installs the translators for one language at a time; widgets retranslate on the event."""

    def __init__(self) -> None:
        self._translators: list[QTranslator] = []
        self.current = "en"

    def apply(self, lang: str) -> bool:
        """Switch to ``lang``; False when its translation file is missing (English is shown)."""
        app = QCoreApplication.instance()
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators.clear()
        self.current = lang
        QLocale.setDefault(QLocale(lang))
        if lang == "en":
            return True
        ours = QTranslator()
        ok = ours.load(str(resources_dir() / "translations" / f"inspector_{lang}.qm"))
        if ok:
            app.installTranslator(ours)
            self._translators.append(ours)
        qt_own = QTranslator()
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{lang}", qt_dir):
            app.installTranslator(qt_own)
            self._translators.append(qt_own)
        return ok
