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

import gettext as _gettext
import os
import sys
from collections.abc import Callable, Iterable, Mapping
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
    # Read from the one file it can be: gettext.translation() would look for it under every
    # spelling of the language and copy what it read (loading ``copy``), at every start.
    try:
        with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as handle:
            return _CompiledCatalogue(handle)
    except FileNotFoundError:  # as translation(fallback=True): the English message ids
        return _gettext.NullTranslations()


class _CompiledCatalogue(_gettext.GNUTranslations):
    """gettext's own catalogue of a ``.mo`` file, whose messages are found and decoded when
    asked for.

    ``GNUTranslations`` decodes all of them (1,300) when it opens the file, 1.5-2.5 ms of
    each command's start, which shows a few dozen. The file's message ids are sorted (the
    format says so: GNU gettext searches them the same way), so a message is found by
    bisection; ``gettext``/``ngettext`` are the standard library's, reading that mapping."""

    def _parse(self, fp: Any) -> None:
        import struct

        buf = fp.read()
        order = {self.LE_MAGIC: "<", self.BE_MAGIC: ">"}.get(struct.unpack("<I", buf[:4])[0])
        if order is None:
            raise OSError(0, "Bad magic number", getattr(fp, "name", ""))
        version, count, ids_at, texts_at = struct.unpack(order + "4I", buf[4:20])
        if version >> 16 not in self.VERSIONS:
            raise OSError(0, f"Bad version number {version >> 16}", getattr(fp, "name", ""))
        messages = _Messages(buf, struct.unpack(f"{order}{2 * count}I",
                                                buf[ids_at:ids_at + 8 * count]),
                             struct.unpack(f"{order}{2 * count}I",
                                           buf[texts_at:texts_at + 8 * count]))
        self.plural = lambda n: int(n != 1)  # as GNUTranslations: till the header says
        header = messages.raw(b"")
        if header is not None:
            self._read_header(header)
        messages.charset = self._charset or "ascii"
        self._catalog = messages

    def _read_header(self, text: bytes) -> None:
        """The catalogue's description, read as ``GNUTranslations`` reads it."""
        info: dict[str, str] = self._info  # type: ignore[attr-defined]  # typeshed lacks it
        last = None
        for line in text.split(b"\n"):
            item = line.decode().strip()
            if not item or (item.startswith("#-#-#-#-#") and item.endswith("#-#-#-#-#")):
                continue
            if ":" not in item:
                if last:
                    info[last] += "\n" + item
                continue
            key, value = (part.strip() for part in item.split(":", 1))
            last = key = key.lower()
            info[key] = value
            if key == "content-type":
                self._charset = value.split("charset=")[1]
            elif key == "plural-forms":
                self.plural = _gettext.c2py(value.split(";")[1].split("plural=")[1])


class _Messages:
    """What ``GNUTranslations`` keeps in its ``_catalog``: a message id, or a plural's
    singular id and the number of its form, to its translation; read from the file's sorted
    tables at the first look-up."""

    def __init__(self, buf: bytes, ids: tuple[int, ...], texts: tuple[int, ...]) -> None:
        self._buf, self._ids, self._texts = buf, ids, texts
        self.charset = "ascii"
        self._read: dict[Any, str] = {}

    def __len__(self) -> int:
        return len(self._ids) // 2

    def _id(self, n: int) -> bytes:
        size, start = self._ids[2 * n], self._ids[2 * n + 1]
        return self._buf[start:start + size]

    def _find(self, wanted: bytes, prefix: bool = False) -> int | None:
        """The number of the id ``wanted`` (or the first that starts with it)."""
        low, high = 0, len(self)
        while low < high:
            middle = (low + high) // 2
            if self._id(middle) < wanted:
                low = middle + 1
            else:
                high = middle
        if low < len(self):
            found = self._id(low)
            if found == wanted or (prefix and found.startswith(wanted)):
                return low
        return None

    def raw(self, wanted: bytes, prefix: bool = False) -> bytes | None:
        """The translation of the id ``wanted`` as stored, or None."""
        n = self._find(wanted, prefix)
        if n is None:
            return None
        size, start = self._texts[2 * n], self._texts[2 * n + 1]
        return self._buf[start:start + size]

    def get(self, key: str | tuple[str, int], default: Any = None) -> Any:
        found = self._read.get(key)
        if found is not None:
            return found
        try:
            if isinstance(key, tuple):
                # A plural is stored under "singular\0plural", looked up by its singular.
                raw = self.raw(key[0].encode(self.charset) + b"\0", prefix=True)
                forms = None if raw is None else str(raw, self.charset).split("\0")
                found = forms[key[1]] if forms is not None and key[1] < len(forms) else None
            else:
                raw = self.raw(key.encode(self.charset))
                found = None if raw is None else str(raw, self.charset)
        except UnicodeEncodeError:  # not in the charset: as the decoded catalogue, not there
            found = None
        if found is None:
            return default
        self._read[key] = found
        return found

    def __getitem__(self, key: str | tuple[str, int]) -> str:
        found: str | None = self.get(key)
        if found is None:
            raise KeyError(key)
        return found


def translate(message: str, lang: str | None = None) -> str:
    """``message`` (an English message id) in ``lang`` (default: the current language)."""
    return _catalogue(lang or _current).gettext(message)


def _(message: str) -> str:
    """``message`` in the current language."""
    return _catalogue(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    """The form of ``singular``/``plural`` for ``n`` in ``lang`` (default: the current one)."""
    return _catalogue(lang or _current).ngettext(singular, plural, n)


def count_text(n: int) -> str:
    """A count as both languages write it, thousands grouped with a comma: 100,000 (the
    window's locale does the same for its own texts)."""
    return f"{int(n):,}"


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
    try:
        text = settings_file.read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        return None
    if "language" not in text.lower():  # never chosen (option names are read lower-cased)
        return None
    import configparser  # only where there is a choice to read: 1 ms of a command's start

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text, source=str(settings_file))
    except configparser.Error:
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


# What a user can do about a message, named by a code (``errors.Hint``) and worded by the
# front-end that shows it: the command line names its commands, the window its pages, menus
# and buttons. A service raises the code with the message's parameters and never names either.
Advisor = Callable[[str, Mapping[str, Any], str | None], str | None]
_advisor: Advisor | None = None


def install_advisor(advisor: Advisor | None) -> None:
    """Word every hint from now on with ``advisor(hint, params, lang)`` (the front-end's, set
    once at its start); None: messages are shown without advice."""
    global _advisor
    _advisor = advisor


def advice(hint: str | None, params: Mapping[str, Any], lang: str | None = None) -> str | None:
    """The installed front-end's words for ``hint`` in ``lang``; None without one."""
    if not hint or _advisor is None:
        return None
    return _advisor(hint, params, lang or _current)


def with_advice(text: str, hint: str | None, params: Mapping[str, Any],
                lang: str | None = None) -> str:
    """``text`` followed by the front-end's advice for ``hint``, as the next sentence."""
    words = advice(hint, params, lang)
    if not words:
        return text
    return text + ("" if (lang or _current) != "en" else " ") + words


class Message:
    """A text for the user that is not (yet) an error: an English message id marked with
    ``N_()`` and its parameters, rendered in a language only when it is shown — so that it can
    be a parameter of another message, or one problem among several, in the same language.
    ``hint`` names what the user can do about it (``errors.Hint``): each front-end words it."""

    __slots__ = ("hint", "msgid", "params")

    def __init__(self, message: str, /, *, hint: str | None = None, **params: Any) -> None:
        self.msgid = message
        self.params = params
        self.hint = hint

    def localized(self, lang: str | None = None) -> str:
        return with_advice(render(self.msgid, self.params, lang), self.hint, self.params, lang)

    def __str__(self) -> str:
        return self.localized("en")

    def __repr__(self) -> str:
        hint = f", hint={self.hint!r}" if self.hint else ""
        return f"Message({self.msgid!r}{hint}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Message) and self.msgid == other.msgid
                and self.params == other.params and self.hint == other.hint)

    def __hash__(self) -> int:
        return hash((self.msgid, self.hint,
                     tuple(sorted((k, repr(v)) for k, v in self.params.items()))))


CLAUSES = N_("; ")       # "Cannot start: {problems}." — clauses of one sentence
SENTENCES = " "          # whole sentences one after the other (no space between in Chinese)
ENUMERATION = N_(", ")   # names or values in a list


class Listing:
    """Several messages (or plain values) shown as one, each rendered in the language of the
    whole and joined with that language's separator (``；`` in Chinese, ``; `` in English)."""

    __slots__ = ("items", "separator")

    def __init__(self, items: Iterable[Any], separator: str = CLAUSES) -> None:
        self.items = tuple(items)
        self.separator = separator

    def localized(self, lang: str | None = None) -> str:
        if (lang or _current) == "en":
            separator = self.separator
        elif self.separator == SENTENCES:
            separator = ""
        else:
            separator = translate(self.separator, lang)
        return separator.join(str(_render_value(item, lang)) for item in self.items)

    def __str__(self) -> str:
        return self.localized("en")

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __repr__(self) -> str:
        return f"Listing({list(self.items)!r}, {self.separator!r})"


class Sentence:
    """A message that starts a sentence: its first letter upper-case in English (not
    ``str.capitalize()``, which would lower-case the rest, a credit code included)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def localized(self, lang: str | None = None) -> str:
        text = str(_render_value(self.value, lang))
        return text[:1].upper() + text[1:]

    def __str__(self) -> str:
        return self.localized("en")



class Clause:
    """A message shown inside another's sentence ("… is not accepted: {exc}."): rendered as
    itself without its own final full stop, so the sentence around it ends once."""

    __slots__ = ("inner",)

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def localized(self, lang: str | None = None) -> str:
        text = _render_value(self.inner, lang)
        return str(text).rstrip().rstrip(".。")

    def __str__(self) -> str:
        return self.localized("en")

def _render_value(value: Any, lang: str | None) -> Any:
    localized = getattr(value, "localized", None)
    if callable(localized):
        return localized(lang)
    return value
