"""A yearly plan for a large district is generated in a few seconds.

5,000 companies in 60 towns, 40 teams: the default scheme's classes (red four visits a year,
orange two, yellow one, blue a random fifth) in proportions like a real district's.
"""

from __future__ import annotations

import random
import time

from inspector_app.domain.risk import DEFAULT_SCHEME
from inspector_app.domain.year_plan import PlanCompany, Team, demand, generate

COMPANIES = 5000
TEAMS = 40
BUDGET_S = 5.0


def test_plan_for_5000_companies_and_40_teams() -> None:
    rng = random.Random(7)
    classes = ["major"] * 5 + ["high"] * 15 + ["moderate"] * 40 + ["low"] * 40
    companies = [PlanCompany(f"c{i:05d}", f"town{rng.randrange(60):02d}", rng.choice(classes))
                 for i in range(COMPANIES)]
    teams = [Team(f"t{i:02d}", f"第{i + 1}组", (f"a{i}", f"b{i}"), capacity=20)
             for i in range(TEAMS)]
    start = time.perf_counter()
    plan = generate(companies, teams, DEFAULT_SCHEME, 2027, seed=20270101)
    elapsed = time.perf_counter() - start
    print(f"\n{len(plan.visits)} visits for {COMPANIES} companies, {TEAMS} teams: "
          f"{elapsed:.2f} s")
    wanted, _ = demand(companies, DEFAULT_SCHEME, 2027, 20270101)
    assert len(plan.visits) == sum(wanted.values())
    assert elapsed < BUDGET_S
