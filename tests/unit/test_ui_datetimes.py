"""Dates and times on screen: the user's style and this computer's local time, never UTC."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from inspector_app.ui.datetimes import show_date, show_datetime


@pytest.fixture
def in_shanghai(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_stored_utc_moment_is_shown_at_local_time_in_chinese_style(in_shanghai) -> None:
    assert show_datetime("2026-11-30T06:05:00Z", "zh_CN") == "2026年11月30日 14:05"
    assert show_datetime("2026-11-30T06:05:00+00:00", "en") == "30 Nov 2026 14:05"


def test_a_moment_late_in_the_utc_day_is_tomorrow_here(in_shanghai) -> None:
    assert show_date("2026-11-30T20:00:00Z", "zh_CN") == "2026年12月1日"
    assert show_date(datetime(2026, 11, 30, 20, 0, tzinfo=UTC), "en") == "1 Dec 2026"


def test_plain_dates_keep_their_day(in_shanghai) -> None:
    assert show_date("2026-01-05", "zh_CN") == "2026年1月5日"
    assert show_date(date(2026, 1, 5), "en") == "5 Jan 2026"
    assert show_datetime("2026-01-05", "zh_CN") == "2026年1月5日"


def test_the_start_of_an_inspection_is_the_time_where_it_happened(in_shanghai) -> None:
    # Recorded in Xinjiang (UTC+6): the record says 09:30, whatever this computer's zone.
    assert show_datetime("2026-11-28T09:30+06:00", "zh_CN", as_written=True) \
        == "2026年11月28日 09:30"
    assert show_datetime("2026-11-28T09:30+06:00", "zh_CN") == "2026年11月28日 11:30"
    # ... but a time stored in UTC is never shown as UTC.
    assert show_datetime("2026-11-28T01:30Z", "zh_CN", as_written=True) \
        == "2026年11月28日 09:30"


def test_a_moment_in_the_system_zone_is_shown_as_it_is(in_shanghai) -> None:
    here = datetime(2026, 3, 2, 7, 4, tzinfo=timezone(timedelta(hours=8)))
    assert show_datetime(here, "en") == "2 Mar 2026 07:04"
    assert show_datetime(datetime(2026, 3, 2, 7, 4), "zh_CN") == "2026年3月2日 07:04"


def test_nothing_stored_is_hidden(in_shanghai) -> None:
    assert show_date(None) == ""
    assert show_date("") == ""
    assert show_datetime("not a date", "zh_CN") == "not a date"
    assert show_date("2026-13-01", "en") == "2026-13-01"


def test_the_interface_language_is_the_default(in_shanghai) -> None:
    from PySide6.QtCore import QLocale

    before = QLocale()
    try:
        QLocale.setDefault(QLocale("zh_CN"))
        assert show_datetime("2026-11-30T06:05:00Z") == "2026年11月30日 14:05"
        QLocale.setDefault(QLocale("en"))
        assert show_datetime("2026-11-30T06:05:00Z") == "30 Nov 2026 14:05"
    finally:
        QLocale.setDefault(before)
