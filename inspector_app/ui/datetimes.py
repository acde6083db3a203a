"""Dates and times on screen: in the interface language's style and this computer's local time.

The database keeps ISO 8601 text (UTC with "Z" for moments the program records, a local offset
for the start of an inspection, plain dates for deadlines). The window never shows that text
as it is stored: "2026年11月30日 14:05" in Chinese, "30 Nov 2026 14:05" in English.
Sorting keeps using the stored text (models' sort roles), so only what is read changes; date
editors show their value in the same style (:func:`localize_edit`).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QTime
from PySide6.QtWidgets import QDateTimeEdit

_DATE_FORMATS = {"zh_CN": "yyyy年M月d日", "en": "d MMM yyyy"}
# In an editor every section keeps its width, so the cursor does not jump while typing.
_EDIT_FORMATS = {"zh_CN": "yyyy年MM月dd日", "en": "dd MMM yyyy"}
# A day on a chart's time axis: the same style without the year, which the period says.
_DAY_FORMATS = {"zh_CN": "M月d日", "en": "d MMM"}
_TIME_FORMAT = "HH:mm"
EMPTY = ""


def _language() -> str:
    return "zh_CN" if QLocale().name().lower().startswith("zh") else "en"


def _locale(lang: str) -> QLocale:
    return QLocale("zh_CN" if lang == "zh_CN" else "en_GB")  # the format is ours, not Qt's


def _parse(value: str | date | datetime | None) -> date | datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime | date):
        return value
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def axis_date_format(with_year: bool, lang: str | None = None) -> str:
    """The format of the dates on a chart's time axis, in the user's style ("11月2日",
    "2 Nov"); ``with_year`` for an axis that crosses into another year."""
    lang = lang or _language()
    return _DATE_FORMATS[lang] if with_year else _DAY_FORMATS[lang]


def date_locale(lang: str | None = None) -> QLocale:
    """The locale that writes month names in the language of the date formats here."""
    return _locale(lang or _language())


def edit_format(with_time: bool = False, lang: str | None = None) -> str:
    """The display format of a date (and time) editor in the user's style."""
    lang = lang or _language()
    return f"{_EDIT_FORMATS[lang]} {_TIME_FORMAT}" if with_time else _EDIT_FORMATS[lang]


class _FollowLanguage(QObject):
    """Re-formats a date editor when the interface language changes."""

    def __init__(self, edit: QDateTimeEdit, with_time: bool) -> None:
        super().__init__(edit)
        self._with_time = with_time

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange and isinstance(watched, QDateTimeEdit):
            _format(watched, self._with_time)
        return False


def _format(edit: QDateTimeEdit, with_time: bool) -> None:
    edit.setLocale(_locale(_language()))  # month names in the same language as the format
    edit.setDisplayFormat(edit_format(with_time))


def localize_edit(edit: QDateTimeEdit, with_time: bool = False) -> QDateTimeEdit:
    """Show ``edit``'s date in the user's style, now and after a change of language
    (``QDateEdit`` is a ``QDateTimeEdit``); the value it gives is unchanged."""
    _format(edit, with_time)
    edit.installEventFilter(_FollowLanguage(edit, with_time))
    return edit


def _local(moment: datetime, as_written: bool) -> datetime:
    """``moment`` at this computer's local time; with ``as_written`` a time recorded with
    its place's offset keeps it (the time where it happened), but UTC never stays UTC."""
    if moment.tzinfo is None:
        return moment
    if as_written and moment.utcoffset() != timedelta(0):
        return moment
    return moment.astimezone()


def show_date(value: str | date | datetime | None, lang: str | None = None) -> str:
    """A date (or the local date of a moment) as the user writes it; text that is not a date
    is shown as it is, so nothing stored is hidden."""
    parsed = _parse(value)
    if parsed is None:
        return str(value) if value else EMPTY
    if isinstance(parsed, datetime):
        parsed = _local(parsed, as_written=False).date()
    lang = lang or _language()
    qdate = QDate(parsed.year, parsed.month, parsed.day)
    return _locale(lang).toString(qdate, _DATE_FORMATS[lang])


def show_datetime(value: str | datetime | None, lang: str | None = None, *,
                  as_written: bool = False) -> str:
    """A moment at local time, to the minute, as the user writes it ("2026年11月30日 14:05")."""
    parsed = _parse(value)
    if parsed is None:
        return str(value) if value else EMPTY
    if not isinstance(parsed, datetime):
        return show_date(parsed, lang)
    moment = _local(parsed, as_written)
    lang = lang or _language()
    locale = _locale(lang)
    day = locale.toString(QDate(moment.year, moment.month, moment.day), _DATE_FORMATS[lang])
    return f"{day} {locale.toString(QTime(moment.hour, moment.minute), _TIME_FORMAT)}"

