"""The date rules of emergency plans and drills, at their edges."""

from __future__ import annotations

from datetime import date

import pytest

from inspector_app.domain.emergency import (
    EmergencyRules,
    PlanStatus,
    Progress,
    add_months,
    add_years,
    drill_due,
    is_overdue,
    next_revision_due,
    owner_progress,
)
from inspector_app.errors import ValidationError

RULES = EmergencyRules()


@pytest.mark.parametrize(("start", "months", "expected"), [
    (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2024, 1, 31), 1, date(2024, 2, 29)),      # leap year
    (date(2025, 8, 31), 6, date(2026, 2, 28)),
    (date(2027, 8, 31), 6, date(2028, 2, 29)),
    (date(2026, 12, 15), 1, date(2027, 1, 15)),     # across the year
    (date(2026, 3, 31), -1, date(2026, 2, 28)),
    (date(2026, 4, 30), 12, date(2027, 4, 30)),
])
def test_months_end_on_the_same_day_or_the_month_end(start, months, expected):
    assert add_months(start, months) == expected


def test_a_leap_day_plus_years_is_the_last_day_of_february():
    assert add_years(date(2024, 2, 29), 3) == date(2027, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


def test_revision_is_due_three_years_after_the_last_evaluation():
    assert next_revision_due(date(2023, 5, 10), date(2020, 1, 1), RULES) == date(2026, 5, 10)
    # Never evaluated: the period runs from issue.
    assert next_revision_due(None, date(2023, 11, 30), RULES) == date(2026, 11, 30)
    assert next_revision_due(None, None, RULES) is None


def test_a_plan_revised_the_day_before_it_was_due_is_not_overdue():
    due = next_revision_due(None, date(2023, 6, 1), RULES)
    assert due == date(2026, 6, 1)
    assert not is_overdue(due, date(2026, 6, 1))     # the due day itself is in time
    assert is_overdue(due, date(2026, 6, 2))
    revised = next_revision_due(date(2026, 5, 31), date(2023, 6, 1), RULES)
    assert revised == date(2029, 5, 31)
    assert not is_overdue(revised, date(2026, 6, 2))


def test_a_configured_revision_period_is_used():
    rules = EmergencyRules.from_dict({"revision_years": 2})
    assert next_revision_due(date(2024, 2, 29), None, rules) == date(2026, 2, 28)


def test_drill_frequency_follows_the_plan_type():
    # on-site procedure every half year, comprehensive and special every year
    assert drill_due("onsite", date(2025, 8, 31), None, RULES) == date(2026, 2, 28)
    assert drill_due("comprehensive", date(2024, 2, 29), None, RULES) == date(2025, 2, 28)
    assert drill_due("special", None, date(2026, 3, 1), RULES) == date(2027, 3, 1)
    assert drill_due("special", None, None, RULES) is None
    due = drill_due("onsite", date(2026, 1, 31), None, RULES)
    assert due == date(2026, 7, 31)
    assert not is_overdue(due, date(2026, 7, 31))
    assert is_overdue(due, date(2026, 8, 1))


def test_drill_rules_are_configurable_and_checked():
    rules = EmergencyRules.from_dict({"drill_months": {"onsite": 3}})
    assert drill_due("onsite", date(2026, 11, 30), None, rules) == date(2027, 2, 28)
    assert rules.drill_months["comprehensive"] == 12       # unnamed types keep the default
    with pytest.raises(ValidationError, match="unknown plan type 'fire'"):
        EmergencyRules.from_dict({"drill_months": {"fire": 6}})
    with pytest.raises(ValidationError, match="0 months"):
        EmergencyRules.from_dict({"drill_months": {"onsite": 0}})
    with pytest.raises(ValidationError, match="Revision period"):
        EmergencyRules.from_dict({"revision_years": "3"})
    with pytest.raises(ValidationError, match="unknown field"):
        EmergencyRules.from_dict({"revision_year": 3})


def test_a_unit_is_done_when_every_plan_is_filed():
    assert owner_progress([]) == Progress.NOT_STARTED
    assert owner_progress([PlanStatus.NOT_STARTED]) == Progress.NOT_STARTED
    assert owner_progress([PlanStatus.FILED, PlanStatus.ISSUED]) == Progress.IN_PROGRESS
    assert owner_progress([PlanStatus.FILED, PlanStatus.FILED]) == Progress.DONE
