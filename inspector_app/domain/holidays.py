"""Which days an office works: Monday to Friday, less official holidays, plus the weekend days
the State Council's yearly notice moves to working days (调休上班). Plain rules, no storage.

The holidays on fixed calendar dates are the law's, not only a year's notice: they are kept out
of every year, listed or not, so that a plan made before the State Council's notice for its year
is out (the notice comes in November or December) puts no visit on New Year's Day.

《全国年节及纪念日放假办法》 第二条 (as revised by 国务院令第644号, 2013-12-11, in force 2014-01-01;
published at https://www.gov.cn/zhuanti/2013-12/11/content_2610576.htm, read through its
big5.www.gov.cn mirror):
    "第二条 全体公民放假的节日：（一）新年，放假1天(1月1日)； …
     （四）劳动节，放假1天(5月1日)； … （七）国庆节，放假3天(10月1日、2日、3日)。"
The other four (春节, 清明节, 端午节, 中秋节) follow the lunar calendar and the solar terms: they
come with the year's notice only, as do the days moved (调休) and the days made up (补假, 第六条).

The revision of 2024 (国务院令第795号, in force 2025-01-01) added 5月2日 to 劳动节 (and 农历除夕
to 春节): its text was not found published where it could be read here; the added day is taken
from the report of its publication ("全体公民放假的假日增加2天,即农历除夕、5月2日", after
央视新闻, https://toutiao.com/topic/7466941766890555443) and from copies of the revised
article that name the State Council Gazette
(https://www.gov.cn/gongbao/2024/issue_11726/202411/content_6989774.html):
"（四）劳动节，放假2天（5月1日、2日）". Check it against the Gazette when it can be read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

# The fixed-date holidays of 第二条: (month, day, the first year it applies).
FIXED_HOLIDAYS: tuple[tuple[int, int, int], ...] = (
    (1, 1, 2014),                                   # （一）新年
    (5, 1, 2014), (5, 2, 2025),                     # （四）劳动节 (5月2日 since the 2024 revision)
    (10, 1, 2014), (10, 2, 2014), (10, 3, 2014),    # （七）国庆节
)


def fixed_holiday(day: date) -> bool:
    """Whether ``day`` is a holiday on a fixed date by 《全国年节及纪念日放假办法》 第二条."""
    return any(day.month == m and day.day == d and day.year >= since
               for m, d, since in FIXED_HOLIDAYS)


@dataclass(frozen=True)
class HolidayCalendar:
    off: frozenset[date] = frozenset()          # official holidays (放假)
    workdays: frozenset[date] = frozenset()     # weekend days worked (调休上班)
    sources: tuple[str, ...] = field(default=())
    # The fixed-date holidays of the law are off in every year, with or without a notice (a
    # notice never moves them to working days: the days it moves are weekend days).
    fixed_dates: bool = True

    def is_working(self, day: date) -> bool:
        if day in self.workdays:
            return True
        return (day.weekday() < 5 and day not in self.off
                and not (self.fixed_dates and fixed_holiday(day)))

    def years(self) -> list[int]:
        return sorted({d.year for d in self.off | self.workdays})

    def merged(self, other: HolidayCalendar) -> HolidayCalendar:
        """Both lists; for a year both name, ``other``'s days replace this one's."""
        replaced = set(other.years())
        return HolidayCalendar(
            frozenset(d for d in self.off if d.year not in replaced) | other.off,
            frozenset(d for d in self.workdays if d.year not in replaced) | other.workdays,
            tuple(dict.fromkeys([*self.sources, *other.sources])),
            self.fixed_dates or other.fixed_dates)

    def to_dict(self) -> dict[str, list[str]]:
        return {"holidays": sorted(d.isoformat() for d in self.off),
                "workdays": sorted(d.isoformat() for d in self.workdays),
                "sources": list(self.sources)}


WEEKDAYS_ONLY = HolidayCalendar(fixed_dates=False)   # Monday to Friday, every one


def day_range(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def conflicts(calendar: HolidayCalendar) -> list[date]:
    """Days listed both as a holiday and as a working day: the list contradicts itself."""
    return sorted(calendar.off & calendar.workdays)
