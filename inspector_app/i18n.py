"""The language the user reads, and the message catalogue of every layer below the window.

The window translates its own texts with Qt (``resources/translations/*.ts``); everything else a
user can read — errors raised by services, storage and domain, the command line's headers,
statuses and ``--help`` — is written in English in the code, marked with ``N_()`` or ``_()``,
extracted by Babel into ``inspector_app/locale/<lang>/LC_MESSAGES/inspector.po`` (``make
translations``) and read back here from the compiled ``.mo`` with the standard library.

One language at a time: the command line and the window resolve it once at start
(:func:`resolve_language`) and call :func:`set_language`; an error keeps its English message id
and parameters, so it is shown in the user's language and logged in English.
"""

from __future__ import annotations

import configparser
import gettext as _gettext
import os
import sys
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
DOMAIN = "inspector"
LOCALE_DIR = Path(__file__).with_name("locale")
SETTING_SECTION, SETTING_KEY = "ui", "language"  # the window's saved choice (QSettings ini)

_current: str = "en"


def N_(message: str) -> str:  # the name every gettext extractor knows
    """Mark ``message`` for the catalogue without translating it now (it is rendered later)."""
    return message


@cache
def _catalogue(lang: str) -> _gettext.NullTranslations:
    if lang == "en":
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def translate(message: str, lang: str | None = None) -> str:
    """``message`` (an English message id) in ``lang`` (default: the current language)."""
    return _catalogue(lang or _current).gettext(message)


def _(message: str) -> str:
    """``message`` in the current language."""
    return _catalogue(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _catalogue(_current).ngettext(singular, plural, n)


def set_language(lang: str) -> None:
    """Make ``lang`` the language of every text rendered from now on."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _current = lang


def current_language() -> str:
    return _current


def language_of_locale(name: str) -> str | None:
    """The program's language for a locale name (``zh_CN.UTF-8``, ``en_GB``, ``zh-Hans``…);
    None for a locale that names no language (``C``, ``POSIX``, empty)."""
    code = name.split(".")[0].split("@")[0].replace("-", "_").strip()
    if not code or code.upper() in ("C", "POSIX"):
        return None
    return "zh_CN" if code.lower().startswith("zh") else "en"


def _windows_ui_language() -> str | None:
    try:
        import ctypes

        langid = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return None
    return "zh_CN" if langid & 0x3FF == 0x04 else "en"  # LANG_CHINESE is primary id 0x04


def system_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The language the system asks for, the way gettext reads it (``LC_ALL``, then
    ``LC_MESSAGES``, then ``LANG``; ``LANGUAGE`` lists preferences), or Windows' UI language."""
    env = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        for part in value.split(":") if variable == "LANGUAGE" else [value]:
            found = language_of_locale(part)
            if found:
                return found
        if variable == "LC_ALL" and value:  # set but naming no language (C): it still rules
            break
    if sys.platform == "win32" and environ is None:
        return _windows_ui_language()
    return None


def saved_language(settings_file: Path | None) -> str | None:
    """The language chosen in the window's preferences (None for "as the system")."""
    if settings_file is None or not settings_file.is_file():
        return None
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(settings_file, encoding="utf-8")
    except (configparser.Error, OSError, UnicodeError):
        return None
    value = parser.get(SETTING_SECTION, SETTING_KEY, fallback="")
    return value if value in LANGUAGES else None


def resolve_language(explicit: str | None = None, saved: str | None = None,
                     environ: Mapping[str, str] | None = None) -> str:
    """``--lang``, then the saved preference, then the system locale, then Chinese."""
    for choice in (explicit, saved):
        if choice in LANGUAGES:
            return str(choice)
    return system_language(environ) or DEFAULT_LANGUAGE


def render(message: str, params: Mapping[str, Any], lang: str | None = None) -> str:
    """``message`` translated into ``lang`` and filled with ``params``; a parameter that is
    itself a translatable error is rendered in the same language."""
    template = translate(message, lang) if lang != "en" else message
    values = {key: _render_value(value, lang) for key, value in params.items()}
    try:
        return template.format(**values) if values else template
    except (KeyError, IndexError, ValueError):  # a broken translation must not hide the error
        return message.format(**values) if values else message


def _render_value(value: Any, lang: str | None) -> Any:
    localized = getattr(value, "localized", None)
    if callable(localized):
        return localized(lang)
    return value
