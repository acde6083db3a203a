"""The office's holiday list for the yearly plan: read from a file, kept in the settings.

The program ships the State Council's notices it has (``resources/holidays/*.yaml``, each naming
its source); an office adds a year the program does not know yet, or corrects one, with
``plan-year --holidays FILE`` or on the plan page. A file's years replace the same years of the
list; other years stay.

The file (YAML)::

    year: 2027                       # optional, informative
    source: 国务院办公厅关于2027年部分节假日安排的通知
    holidays: [2027-01-01, 2027-02-06..2027-02-12]   # days off; FIRST..LAST is a range
    workdays: [2027-02-13]                           # weekend days worked (调休上班)
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from inspector_app.domain.holidays import HolidayCalendar, conflicts, day_range
from inspector_app.errors import Hint, ValidationError, from_read_error
from inspector_app.i18n import N_, Message, _
from inspector_app.paths import resources_dir
from inspector_app.storage.repositories import SettingsRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

SETTING = "plan_holidays"
MAX_FILE_BYTES = 256 * 1024   # a year is a few dozen lines
MAX_DAYS = 400                # in one range: more is a typo in a year


def shipped_files() -> list[Path]:
    return sorted((resources_dir() / "holidays").glob("*.yaml"))


def _day(value: Any, where: str | Message) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(N_("{where}: {value!r} is not a date (YYYY-MM-DD)."),
                              where=where, value=value) from None


def _days(entries: Any, where: str) -> set[date]:
    if entries is None:
        return set()
    if not isinstance(entries, list):
        raise ValidationError(N_("{where}: expected a list of dates."), where=where)
    out: set[date] = set()
    for n, entry in enumerate(entries, 1):
        at = Message(N_("{where}, entry {n}"), where=where, n=n)
        if isinstance(entry, str) and ".." in entry:
            first_text, last_text = entry.split("..", 1)
            first, last = _day(first_text, at), _day(last_text, at)
            if last < first or (last - first).days >= MAX_DAYS:
                raise ValidationError(N_("{at}: the range {entry} must run forward, within a "
                                         "year."), at=at, entry=entry)
            out.update(day_range(first, last))
        else:
            out.add(_day(entry, at))
    return out


def parse(text: str, name: str) -> HolidayCalendar:
    """A holiday list from a file's text; ``ValidationError`` naming the file and the entry."""
    try:
        # Every value as text: a date is checked here, with the entry named, not by the loader.
        data = yaml.load(text, Loader=yaml.BaseLoader)  # builds no objects: strings only
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise ValidationError(N_("{name}{line}: not a readable YAML file "
                                 "({value})."),
                              name=name, line=line,
                              value=getattr(exc, 'problem', None) or exc) from None
    if not isinstance(data, dict) or not ({"holidays", "workdays"} & set(data)):
        raise ValidationError(N_("{name}: expected the keys 'holidays' and 'workdays' "
                                 "(lists of dates)."), name=name)
    unknown = sorted(set(data) - {"year", "source", "notice", "holidays", "workdays"})
    if unknown:
        raise ValidationError(N_("{name}: unknown key {unknown!r} (use year, source, "
                                 "holidays, workdays)."), name=name, unknown=unknown[0])
    off = _days(data.get("holidays"), f"{name}: holidays")
    work = _days(data.get("workdays"), f"{name}: workdays")
    calendar = HolidayCalendar(frozenset(off), frozenset(work),
                               (str(data["source"]).strip(),) if data.get("source") else ())
    both = conflicts(calendar)
    if both:
        raise ValidationError(N_("{name}: {isoformat} is listed both as a holiday and "
                                 "as a working day."), name=name, isoformat=both[0].isoformat())
    weekday_work = sorted(d for d in work if d.weekday() < 5)
    if weekday_work:
        raise ValidationError(N_("{name}: workdays, {isoformat} is a weekday; "
                                 "list only the weekend days that are worked."),
                              name=name, isoformat=weekday_work[0].isoformat())
    return calendar


def read_file(path: Path) -> HolidayCalendar:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ValidationError(N_("{path}: {number} KB is too large for a holiday list "
                                     "(at most {number2} KB)."),
                                  path=path, number=size // 1024, number2=MAX_FILE_BYTES // 1024)
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ValidationError(N_("{path}: not a UTF-8 text file."), path=path) from None
    except OSError as exc:
        raise from_read_error(exc, path) from None
    return parse(text, str(path))


def shipped_calendar() -> HolidayCalendar:
    calendar = HolidayCalendar()
    for path in shipped_files():
        calendar = calendar.merged(read_file(path))
    return calendar


def _from_dict(data: dict[str, Any]) -> HolidayCalendar:
    return HolidayCalendar(frozenset(date.fromisoformat(d) for d in data.get("holidays", [])),
                           frozenset(date.fromisoformat(d) for d in data.get("workdays", [])),
                           tuple(data.get("sources", [])))


def office_calendar(db: Database) -> HolidayCalendar:
    """The shipped notices, with the years the office set itself replacing theirs."""
    calendar = shipped_calendar()
    stored = SettingsRepo(db).get(SETTING)
    if stored:
        calendar = calendar.merged(_from_dict(json.loads(stored)))
    return calendar


def add_file(db: Database, path: Path) -> HolidayCalendar:
    """Read ``path`` (checked whole before anything is kept) into the office's list."""
    added = read_file(path)
    stored = SettingsRepo(db).get(SETTING)
    own = _from_dict(json.loads(stored)) if stored else HolidayCalendar()
    SettingsRepo(db).set(SETTING, json.dumps(own.merged(added).to_dict(), ensure_ascii=False))
    return office_calendar(db)


def describe(calendar: HolidayCalendar, year: int) -> str:
    """One line on what the plan of ``year`` knows of that year's holidays."""
    off = sorted(d for d in calendar.off if d.year == year)
    work = sorted(d for d in calendar.workdays if d.year == year)
    if not off and not work:
        return Message(N_("{year}: no holiday list (visits on Monday to Friday, less New "
                          "Year's Day, Labour Day and National Day)"), year=year,
                       hint=Hint.ADD_HOLIDAYS).localized()
    return _("{year}: {holidays} holidays, {workdays} weekend days worked").format(
        year=year, holidays=len(off), workdays=len(work))
