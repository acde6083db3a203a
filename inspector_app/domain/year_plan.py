"""The yearly enforcement plan (年度监督检查计划): which team visits which company in which month.

Pure computation, deterministic for a given input and seed:

- every company of a class with ``visits`` gets that many visits, spread evenly over the year
  (four visits: one a quarter); of a class with ``sample``, that share of its companies, drawn
  with ``random.Random`` from the recorded seed, gets one visit;
- each company is served by one team all year (team towns respected), no team gets more visits in
  a month than its capacity;
- within a team's month, the companies of one town share a day (up to ``per_day`` visits a day),
  on working days: Monday to Friday less the official holidays of ``HolidayCalendar``, plus the
  weekend days it moves to working days (调休上班).

What cannot be planned is not dropped silently: ``PlanProblem``s say what does not fit and by how
much, and ``generate`` refuses to produce a partial plan.
"""

from __future__ import annotations

import calendar
import random
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from inspector_app.domain.holidays import WEEKDAYS_ONLY, HolidayCalendar
from inspector_app.domain.risk import RiskScheme
from inspector_app.i18n import ENUMERATION, N_, Listing, Message

MONTHS = 12


@dataclass(frozen=True)
class Team:
    id: str
    name: str
    inspector_ids: tuple[str, ...]
    capacity: int                       # visits a month
    towns: tuple[str, ...] = ()         # empty: any town


@dataclass(frozen=True)
class PlanCompany:
    id: str
    town: str
    risk_class: str | None              # a scheme class key; None: not classified


@dataclass(frozen=True, order=True)
class Visit:
    month: int                          # 1..12
    day: str                            # YYYY-MM-DD
    team_id: str
    company_id: str
    town: str = ""
    seq: int = 1                        # the company's n-th visit of the year


@dataclass(frozen=True)
class PlanProblem:
    """Why a plan cannot be made: ``message`` says what does not fit, ``short`` visits too many."""

    code: str
    message: Message
    short: int = 0

    @property
    def what(self) -> str:
        return str(self.message)

    def localized(self, lang: str | None = None) -> str:
        return self.message.localized(lang)

    def __str__(self) -> str:
        return self.what


@dataclass
class YearPlan:
    year: int
    seed: int
    visits: list[Visit] = field(default_factory=list)
    sampled: dict[str, list[str]] = field(default_factory=dict)  # class -> sampled company ids

    def load(self) -> dict[tuple[str, int], int]:
        out: dict[tuple[str, int], int] = defaultdict(int)
        for v in self.visits:
            out[(v.team_id, v.month)] += 1
        return out


class PlanInfeasible(Exception):
    def __init__(self, problems: Sequence[PlanProblem]) -> None:
        super().__init__(str(Listing(problems)))
        self.problems = list(problems)


def demand(companies: Sequence[PlanCompany], scheme: RiskScheme, year: int,
           seed: int) -> tuple[dict[str, int], dict[str, list[str]]]:
    """Visits a year per company id, and the companies drawn for each sampled class."""
    wanted: dict[str, int] = {}
    sampled: dict[str, list[str]] = {}
    by_class: dict[str, list[str]] = defaultdict(list)
    for c in companies:
        if c.risk_class is not None:
            by_class[c.risk_class].append(c.id)
    for klass in scheme.classes:
        members = sorted(by_class.get(klass.key, []))
        if klass.visits:
            wanted.update(dict.fromkeys(members, klass.visits))
        elif klass.sample and members:
            rng = random.Random(f"{seed}:{year}:{klass.key}")
            count = round(klass.sample * len(members))
            drawn = sorted(rng.sample(members, count))
            sampled[klass.key] = drawn
            wanted.update(dict.fromkeys(drawn, 1))
    return wanted, sampled


def shared_inspectors(teams: Sequence[Team]) -> dict[str, list[Team]]:
    """Inspectors in more than one team, with their teams: each team's capacity counts its
    people, so one person in two teams would be planned for two teams' visits at once."""
    teams_of: dict[str, list[Team]] = defaultdict(list)
    for t in teams:
        for person in dict.fromkeys(t.inspector_ids):
            teams_of[person].append(t)
    return {person: ts for person, ts in teams_of.items() if len(ts) > 1}


def check_input(companies: Sequence[PlanCompany], teams: Sequence[Team],
                wanted: dict[str, int]) -> list[PlanProblem]:
    problems: list[PlanProblem] = []
    usable = []
    for t in teams:
        if not t.inspector_ids:
            problems.append(PlanProblem("team_empty", Message(
                N_("team {team} has no inspectors"), team=t.name)))
        elif t.capacity <= 0:
            problems.append(PlanProblem("team_capacity", Message(
                N_("team {team} has no capacity (visits a month must be at least 1)"),
                team=t.name)))
        else:
            usable.append(t)
    if not teams:
        problems.append(PlanProblem("no_teams", Message(N_("there are no teams"))))
    too_many = [c for c, n in wanted.items() if n > MONTHS]
    if too_many:
        problems.append(PlanProblem("too_frequent", Message(
            N_("{count} companies need more than {months} visits a year; the plan has one a "
               "month at most"), count=len(too_many), months=MONTHS)))
    if not usable or too_many:
        return problems
    open_teams = [t for t in usable if not t.towns]
    town_of = {c.id: c.town for c in companies}
    # Demand and capacity per group of teams that may serve a town.
    need: dict[tuple[str, ...], int] = defaultdict(int)
    for cid, n in wanted.items():
        town = town_of[cid]
        eligible = tuple(sorted(t.id for t in usable if town in t.towns or not t.towns))
        if not eligible:
            problems.append(PlanProblem("town_uncovered", Message(
                N_("no team covers the town {town} (company {company_id})"),
                town=town, company_id=cid), n))
            continue
        need[eligible] += n
    capacity = {t.id: t.capacity * MONTHS for t in usable}
    total_need = sum(wanted.values())
    total_cap = sum(capacity.values())
    if total_need > total_cap:
        problems.append(PlanProblem("capacity", Message(
            N_("the plan needs {needed} visits but the teams can make {capacity} a year: "
               "{missing} visits do not fit (add {monthly} visits a month of capacity, or lower "
               "the frequencies)"),
            needed=total_need, capacity=total_cap, missing=total_need - total_cap,
            monthly=-(-(total_need - total_cap) // MONTHS)), total_need - total_cap))
    else:
        # A group of teams tied to certain towns may be short though the total is not.
        for group, n in need.items():
            cap = sum(capacity[t] for t in group)
            if n > cap and not (set(group) & {t.id for t in open_teams}):
                names = Listing((t.name for t in usable if t.id in group), ENUMERATION)
                problems.append(PlanProblem("capacity", Message(
                    N_("the towns served by {teams} need {needed} visits, the teams can make "
                       "{capacity}: {missing} visits do not fit"),
                    teams=names, needed=n, capacity=cap, missing=n - cap), n - cap))
    return problems


def generate(companies: Sequence[PlanCompany], teams: Sequence[Team], scheme: RiskScheme,
             year: int, seed: int, *, per_day: int = 3,
             holidays: HolidayCalendar = WEEKDAYS_ONLY) -> YearPlan:
    """The plan for ``year``; ``PlanInfeasible`` saying what does not fit and by how much."""
    wanted, sampled = demand(companies, scheme, year, seed)
    problems = check_input(companies, teams, wanted)
    if problems:
        raise PlanInfeasible(problems)
    usable = [t for t in teams if t.inspector_ids and t.capacity > 0]
    by_id = {c.id: c for c in companies}
    load = {t.id: [0] * MONTHS for t in usable}
    left = {t.id: t.capacity * MONTHS for t in usable}
    town_team: dict[str, str] = {}
    town_months: dict[tuple[str, str], list[int]] = {}
    placed: list[tuple[str, str, int, int]] = []  # company, team, month index, seq
    unplaced = 0
    # Hardest first: many visits, then grouped by town so a town stays with one team.
    open_months = {t.id: MONTHS for t in usable}  # months with room left
    eligible_by_town: dict[str, list[Team]] = {}
    order = sorted(wanted, key=lambda cid: (-wanted[cid], by_id[cid].town, cid))
    for cid in order:
        n, town = wanted[cid], by_id[cid].town
        eligible = eligible_by_town.get(town)
        if eligible is None:
            eligible = [t for t in usable if not t.towns or town in t.towns]
            eligible_by_town[town] = eligible
        team = _choose_team(eligible, town_team.get(town), left, open_months, n)
        if team is None:
            unplaced += n
            continue
        months = _choose_months(load[team.id], team.capacity, n,
                                town_months.setdefault((team.id, town), [0] * MONTHS))
        if months is None:
            unplaced += n
            continue
        town_team.setdefault(town, team.id)
        for seq, m in enumerate(months, 1):
            load[team.id][m] += 1
            if load[team.id][m] == team.capacity:
                open_months[team.id] -= 1
            town_months[(team.id, town)][m] += 1
            placed.append((cid, team.id, m, seq))
        left[team.id] -= n
    if unplaced:
        raise PlanInfeasible([PlanProblem("capacity", Message(
            N_("{count} visits do not fit in the teams' monthly capacity; add capacity or "
               "lower the frequencies"), count=unplaced), unplaced)])
    plan = YearPlan(year, seed, sampled=sampled)
    plan.visits = assign_days(year, [
        Visit(m + 1, "", team_id, cid, by_id[cid].town, seq) for cid, team_id, m, seq in placed
    ], per_day, holidays)
    return plan


def _choose_team(eligible: Sequence[Team], town_team: str | None, left: dict[str, int],
                 open_months: dict[str, int], n: int) -> Team | None:
    best: Team | None = None
    best_key: tuple[float, int, str] | None = None
    for t in eligible:
        if left[t.id] < n or open_months[t.id] < n:
            continue
        if t.id == town_team:
            return t
        # The team with the most room left, in proportion to its size.
        key = (left[t.id] / (t.capacity * MONTHS), left[t.id], t.id)
        if best_key is None or key > best_key:
            best, best_key = t, key
    return best


def _choose_months(load: list[int], capacity: int, n: int, town: list[int]) -> list[int] | None:
    """``n`` distinct months, evenly spaced where possible, in the least loaded place, preferring
    months where the team already goes to the same town."""
    step = MONTHS / n
    best: tuple[tuple[int, int, int, int], list[int]] | None = None
    for offset in range(max(1, int(step))):
        months = sorted({int(offset + k * step) % MONTHS for k in range(n)})
        if len(months) < n or any(load[m] >= capacity for m in months):
            continue
        # Even load first, but coarsely: a town's companies may share a month (and so a day)
        # while the months differ by a few visits.
        peak = max(load[m] for m in months)
        score = (peak // 3, -sum(town[m] for m in months), peak, offset)
        if best is None or score < best[0]:
            best = (score, months)
    if best is not None:
        return best[1]
    # Evenly spaced months are full: take the n least loaded months that have room.
    room = sorted((m for m in range(MONTHS) if load[m] < capacity), key=lambda m: (load[m], m))
    return sorted(room[:n]) if len(room) >= n else None


def working_days(year: int, month: int,
                 holidays: HolidayCalendar = WEEKDAYS_ONLY) -> list[date]:
    days = calendar.monthrange(year, month)[1]
    return [d for d in (date(year, month, i) for i in range(1, days + 1))
            if holidays.is_working(d)]


def assign_days(year: int, visits: Iterable[Visit], per_day: int = 3,
                holidays: HolidayCalendar = WEEKDAYS_ONLY) -> list[Visit]:
    """Dates for the visits of each team and month: a town's companies on the same day, up to
    ``per_day`` a day, the days spread over the month."""
    groups: dict[tuple[str, int], list[Visit]] = defaultdict(list)
    for v in visits:
        groups[(v.team_id, v.month)].append(v)
    out: list[Visit] = []
    for (_team, month), members in groups.items():
        members.sort(key=lambda v: (v.town, v.company_id, v.seq))
        chunks: list[list[Visit]] = []
        for v in members:
            if chunks and chunks[-1][0].town == v.town and len(chunks[-1]) < per_day:
                chunks[-1].append(v)
            else:
                chunks.append([v])
        days = working_days(year, month, holidays) or working_days(year, month)
        for i, chunk in enumerate(chunks):
            day = days[i * len(days) // len(chunks)].isoformat()
            out += [replace(v, day=day) for v in chunk]
    out.sort()
    return out


def move(plan: YearPlan, visit: Visit, team: Team, month: int, per_day: int = 3,
         holidays: HolidayCalendar = WEEKDAYS_ONLY) -> Visit:
    """Move one visit to another team or month; ``PlanInfeasible`` when that team's month is
    full. The visits of the two months affected get their days again."""
    if not 1 <= month <= MONTHS:
        raise PlanInfeasible([PlanProblem("month", Message(N_("there is no month {month}"),
                                                          month=month))])
    if visit not in plan.visits:
        raise PlanInfeasible([PlanProblem("gone", Message(
            N_("the visit is no longer in the plan")))])
    same_company = [v for v in plan.visits if v.company_id == visit.company_id and v != visit]
    if any(v.month == month for v in same_company):
        raise PlanInfeasible([PlanProblem("twice", Message(
            N_("the company already has a visit that month")))])
    taken = sum(1 for v in plan.visits if v.team_id == team.id and v.month == month
                and v != visit)
    if taken >= team.capacity:
        raise PlanInfeasible([PlanProblem("capacity", Message(
            N_("team {team} is full in month {month} ({taken} of {capacity} visits)"),
            team=team.name, month=month, taken=taken, capacity=team.capacity), 1)])
    moved = replace(visit, team_id=team.id, month=month, day="")
    touched = {(visit.team_id, visit.month), (team.id, month)}
    keep = [v for v in plan.visits if v != visit and (v.team_id, v.month) not in touched]
    redo = [v for v in plan.visits if v != visit and (v.team_id, v.month) in touched]
    plan.visits = sorted(keep + assign_days(plan.year, [*redo, moved], per_day, holidays))
    return next(v for v in plan.visits if v.company_id == moved.company_id
                and v.seq == moved.seq)


# A visit's planned inspection carries this note, in the office's language, as the laptops have
# always received it; ``read_visit_note`` takes it apart again so that each reader sees it in
# their own language.
_VISIT_NOTE = re.compile(r"(\d{4})年度监督检查计划 (.+) 第(\d+)次")


def visit_note(year: int, team: str, seq: int) -> str:
    return f"{year}年度监督检查计划 {team} 第{seq}次"


def read_visit_note(note: str | None) -> Message | None:
    """The note of a yearly plan's visit as a message (year, team, visit of the year); None
    for any other note."""
    found = _VISIT_NOTE.fullmatch(note or "")
    if found is None:
        return None
    return Message(N_("Yearly plan {year}: {team}, visit {seq} of the year"),
                   year=found[1], team=found[2], seq=int(found[3]))


def drop_company(plan: YearPlan, company_id: str, as_of: date) -> list[Visit]:
    """A company gone mid-year (closed, moved away): its visits from ``as_of`` on are removed;
    the earlier ones, made or due, stay. The removed visits are returned."""
    gone = [v for v in plan.visits if v.company_id == company_id and v.day >= as_of.isoformat()]
    plan.visits = [v for v in plan.visits if v not in gone]
    return gone
