"""The yearly plan: visits per class, capacity, towns, seeds, removals, and what does not fit."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector_app.domain.risk import DEFAULT_SCHEME
from inspector_app.domain.year_plan import (
    PlanCompany,
    PlanInfeasible,
    Team,
    demand,
    drop_company,
    generate,
    move,
)

YEAR = 2027
CLASSES = ["major", "high", "moderate", "low", None]


@st.composite
def districts(draw):
    n = draw(st.integers(1, 120))
    towns = [f"镇{i}" for i in range(draw(st.integers(1, 8)))]
    companies = [PlanCompany(f"c{i:03d}", draw(st.sampled_from(towns)),
                             draw(st.sampled_from(CLASSES))) for i in range(n)]
    team_count = draw(st.integers(1, 5))
    # Enough capacity for the demand: the plan must then always succeed.
    wanted, _ = demand(companies, DEFAULT_SCHEME, YEAR, 0)
    need = sum(wanted.values())
    per_team = max(1, -(-need // (12 * team_count)) + draw(st.integers(0, 3)))
    per_team = max(per_team, 4 if any(v == 4 for v in wanted.values()) else 1)
    teams = [Team(f"t{i}", f"第{i + 1}组", (f"i{i}",), per_team) for i in range(team_count)]
    return companies, teams, draw(st.integers(0, 2**32))


@given(districts())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_company_gets_its_class_visits_and_no_team_is_over_capacity(district) -> None:
    companies, teams, seed = district
    plan = generate(companies, teams, DEFAULT_SCHEME, YEAR, seed)  # capacity suffices: no refusal
    visits = Counter(v.company_id for v in plan.visits)
    for c in companies:
        klass = DEFAULT_SCHEME.get(c.risk_class)
        if klass is not None and klass.visits:
            assert visits[c.id] == klass.visits
        elif klass is not None and klass.sample:
            assert visits[c.id] == (1 if c.id in plan.sampled["low"] else 0)
        else:
            assert visits[c.id] == 0
    capacity = {t.id: t.capacity for t in teams}
    for (team, _month), n in plan.load().items():
        assert n <= capacity[team]
    # A company is seen by one team, never twice in a month, on a working day of its month.
    for c in companies:
        mine = [v for v in plan.visits if v.company_id == c.id]
        assert len({v.team_id for v in mine}) <= 1
        assert len({v.month for v in mine}) == len(mine)
        for v in mine:
            day = date.fromisoformat(v.day)
            assert day.month == v.month and day.weekday() < 5


@given(districts())
@settings(max_examples=30, deadline=None)
def test_same_seed_same_plan(district) -> None:
    companies, teams, seed = district
    try:
        first = generate(companies, teams, DEFAULT_SCHEME, YEAR, seed)
    except PlanInfeasible:
        return
    again = generate(list(reversed(companies)), teams, DEFAULT_SCHEME, YEAR, seed)
    assert again.visits == first.visits and again.sampled == first.sampled


@given(districts(), st.dates(date(YEAR, 1, 1), date(YEAR, 12, 31)), st.data())
@settings(max_examples=40, deadline=None)
def test_company_removed_mid_year_drops_only_its_remaining_visits(district, as_of, data) -> None:
    companies, teams, seed = district
    try:
        plan = generate(companies, teams, DEFAULT_SCHEME, YEAR, seed)
    except PlanInfeasible:
        return
    if not plan.visits:
        return
    gone_id = data.draw(st.sampled_from(sorted({v.company_id for v in plan.visits})))
    before = list(plan.visits)
    removed = drop_company(plan, gone_id, as_of)
    assert all(v.company_id == gone_id and v.day >= as_of.isoformat() for v in removed)
    assert plan.visits == [v for v in before if v not in removed]
    assert all(v.day < as_of.isoformat() for v in plan.visits if v.company_id == gone_id)


def test_the_sample_of_blue_companies_is_a_fifth_and_follows_the_seed() -> None:
    companies = [PlanCompany(f"c{i:03d}", "城关镇", "low") for i in range(100)]
    wanted_a, sampled_a = demand(companies, DEFAULT_SCHEME, YEAR, 1)
    _, sampled_b = demand(companies, DEFAULT_SCHEME, YEAR, 1)
    _, sampled_c = demand(companies, DEFAULT_SCHEME, YEAR, 2)
    assert len(sampled_a["low"]) == 20 and sampled_a == sampled_b
    assert sorted(wanted_a) == sampled_a["low"]
    assert sampled_c != sampled_a


def test_companies_of_one_town_share_a_day() -> None:
    companies = [PlanCompany(f"c{i}", "城关镇", "moderate") for i in range(3)]
    plan = generate(companies, [Team("t", "一组", ("a",), 3)], DEFAULT_SCHEME, YEAR, 0)
    assert len({v.day for v in plan.visits}) == 1


def test_a_team_without_inspectors_and_too_little_capacity_are_named_with_the_shortfall() -> None:
    companies = [PlanCompany(f"c{i}", "城关镇", "major") for i in range(10)]  # 40 visits
    with pytest.raises(PlanInfeasible) as info:
        generate(companies, [Team("t1", "一组", ("a",), 2), Team("t2", "二组", (), 5)],
                 DEFAULT_SCHEME, YEAR, 0)
    assert "team 二组 has no inspectors" in str(info.value)
    with pytest.raises(PlanInfeasible) as info:
        generate(companies, [Team("t1", "一组", ("a",), 3)], DEFAULT_SCHEME, YEAR, 0)
    (problem,) = info.value.problems
    assert problem.short == 4 and "needs 40 visits" in problem.what and "36" in problem.what


def test_moving_a_visit_respects_capacity() -> None:
    companies = [PlanCompany(f"c{i}", "城关镇", "moderate") for i in range(4)]
    team = Team("t", "一组", ("a",), 1)
    plan = generate(companies, [team], DEFAULT_SCHEME, YEAR, 0)
    first = plan.visits[0]
    empty_month = next(m for m in range(1, 13) if m not in {v.month for v in plan.visits})
    moved = move(plan, first, team, empty_month)
    assert moved.month == empty_month and moved.day.startswith(f"{YEAR}-{empty_month:02d}")
    with pytest.raises(PlanInfeasible, match="full"):
        move(plan, moved, team, plan.visits[-1].month if plan.visits[-1] != moved
             else plan.visits[0].month)
