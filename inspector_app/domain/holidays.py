"""Which days an office works: Monday to Friday, less official holidays, plus the weekend days
the State Council's yearly notice moves to working days (调休上班). Plain rules, no storage."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta


@dataclass(frozen=True)
class HolidayCalendar:
    off: frozenset[date] = frozenset()          # official holidays (放假)
    workdays: frozenset[date] = frozenset()     # weekend days worked (调休上班)
    sources: tuple[str, ...] = field(default=())

    def is_working(self, day: date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.off

    def years(self) -> list[int]:
        return sorted({d.year for d in self.off | self.workdays})

    def merged(self, other: HolidayCalendar) -> HolidayCalendar:
        """Both lists; for a year both name, ``other``'s days replace this one's."""
        replaced = set(other.years())
        return HolidayCalendar(
            frozenset(d for d in self.off if d.year not in replaced) | other.off,
            frozenset(d for d in self.workdays if d.year not in replaced) | other.workdays,
            tuple(dict.fromkeys([*self.sources, *other.sources])))

    def to_dict(self) -> dict[str, list[str]]:
        return {"holidays": sorted(d.isoformat() for d in self.off),
                "workdays": sorted(d.isoformat() for d in self.workdays),
                "sources": list(self.sources)}


WEEKDAYS_ONLY = HolidayCalendar()


def day_range(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def conflicts(calendar: HolidayCalendar) -> list[date]:
    """Days listed both as a holiday and as a working day: the list contradicts itself."""
    return sorted(calendar.off & calendar.workdays)
