"""Dates and times as the command line prints them: this computer's local time, in the style
of the user's language (2026年11月30日 14:05 in Chinese, 2026-11-30 14:05 in English)."""

from __future__ import annotations

from datetime import date, datetime

from inspector_app.i18n import current_language


def _moment(value: str) -> datetime | date | None:
    text = value.strip().replace("Z", "+00:00")
    try:
        if len(text) <= 10:
            return date.fromisoformat(text)
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    # Stored times are UTC; a time without a zone was written as local time already.
    return moment.astimezone() if moment.tzinfo is not None else moment


def _day(day: date, lang: str) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if lang == "zh_CN" else day.isoformat()


def local_date(value: str | date | None, lang: str | None = None) -> str:
    """The day of ``value`` (an ISO date, or a stored UTC time) where the user is."""
    lang = lang or current_language()
    if not value:
        return ""
    moment = value if isinstance(value, date) else _moment(value)
    if moment is None:
        return str(value)
    return _day(moment.date() if isinstance(moment, datetime) else moment, lang)


def local_minute(value: str | None, lang: str | None = None) -> str:
    """A stored UTC time as this computer's local time, to the minute."""
    lang = lang or current_language()
    if not value:
        return ""
    moment = _moment(value)
    if moment is None:
        return value
    if not isinstance(moment, datetime):
        return _day(moment, lang)
    return f"{_day(moment.date(), lang)} {moment:%H:%M}"
