"""Visits of the yearly plan fall on working days: no weekend, no official holiday, and the
weekend days the State Council moves to working days (调休上班) count as working days."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
import yaml

from inspector_app.cli import main
from inspector_app.domain.holidays import WEEKDAYS_ONLY, HolidayCalendar
from inspector_app.domain.risk import DEFAULT_SCHEME
from inspector_app.domain.year_plan import PlanCompany, Team, generate, working_days
from inspector_app.errors import ValidationError
from inspector_app.services import holidays
from inspector_app.services.classification import ClassificationService
from inspector_app.services.year_plan import YearPlanService
from inspector_app.storage.repositories import InspectorRepo, SettingsRepo
from tests.factories import add_company, add_template


def test_the_shipped_2026_list_is_the_state_councils_notice():
    (path,) = [p for p in holidays.shipped_files() if p.name == "cn-2026.yaml"]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert "国务院办公厅关于2026年部分节假日安排的通知" in data["source"]
    assert "politics.gmw.cn" in path.read_text(encoding="utf-8")  # where it was read
    notice = data["notice"]
    calendar = holidays.read_file(path)
    # Every first day off and every weekend day worked is written in the notice's text.
    for entry in data["holidays"]:
        first = date.fromisoformat(entry.split("..")[0])
        assert f"{first.month}月{first.day}日" in notice
    for day in calendar.workdays:
        assert re.search(rf"{day.month}月{day.day}日（周[六日]）", notice)
    assert len(calendar.off) == 3 + 9 + 3 + 5 + 3 + 3 + 7   # 共3天, 共9天, …
    assert not calendar.is_working(date(2026, 1, 1))      # 元旦
    assert not calendar.is_working(date(2026, 2, 16))     # a Monday of 春节
    assert calendar.is_working(date(2026, 2, 14))         # a Saturday worked
    assert calendar.is_working(date(2026, 10, 10))
    assert not calendar.is_working(date(2026, 10, 11))    # an ordinary Sunday
    assert calendar.is_working(date(2026, 10, 12))


def test_working_days_of_february_2026():
    calendar = holidays.shipped_calendar()
    days = working_days(2026, 2, calendar)
    assert date(2026, 2, 14) in days and date(2026, 2, 28) in days
    assert not [d for d in days if date(2026, 2, 15) <= d <= date(2026, 2, 23)]
    assert len(days) == 20 - 6 + 2    # 20 weekdays, 6 of them in the holiday, 2 Saturdays


def test_no_visit_is_planned_on_a_holiday_or_a_weekend_not_worked():
    calendar = holidays.shipped_calendar()
    companies = [PlanCompany(f"c{i:03d}", f"镇{i % 5}", "major") for i in range(60)]
    teams = [Team(f"t{i}", f"{i}组", (f"i{i}",), 30) for i in range(3)]
    plan = generate(companies, teams, DEFAULT_SCHEME, 2026, 3, holidays=calendar)
    assert len(plan.visits) == 240
    for v in plan.visits:
        assert calendar.is_working(date.fromisoformat(v.day)), v
    # Without the list the same plan would put visits on 2026's holidays.
    plain = generate(companies, teams, DEFAULT_SCHEME, 2026, 3)
    assert any(date.fromisoformat(v.day) in calendar.off for v in plain.visits)


@pytest.mark.parametrize(("text", "message"), [
    ("holidays: [2027-02-30]", "holidays, entry 1: '2027-02-30' is not a date"),
    ("holidays: ['2027-02-12..2027-02-06']", "must run forward"),
    ("holidays: [2027-02-06]\nworkdays: [2027-02-06]", "both as a holiday and as a working"),
    ("workdays: [2027-02-08]", "2027-02-08 is a weekday"),
    ("holiday: [2027-01-01]", "expected the keys"),
    ("holidays: 2027-01-01", "expected a list of dates"),
    ("holidays: [2027-01-01\n  workdays: [", "not a readable YAML file"),
])
def test_a_bad_holiday_file_says_what_and_where(text, message):
    with pytest.raises(ValidationError, match=re.escape(message)):
        holidays.parse(text, "假期.yaml")


@pytest.fixture
def district(ctx):
    people = InspectorRepo(ctx.db, ctx.device.id)
    team = [people.add("张伟", "32050012", "泉台区应急管理局").id,
            people.add("李娜", "32050013", "泉台区应急管理局").id]
    key = add_template(ctx.db)
    classes = ClassificationService(ctx.db, ctx.device, "王科长")
    for i in range(12):
        classes.decide(add_company(ctx.db, name=f"公司{i}", town=f"镇{i % 3}"), "major", "测试")
    plans = YearPlanService(ctx.db, ctx.device, "王科长")
    plans.add_team("一组", team, 10)
    return plans, key


def test_plan_year_with_a_holiday_file_avoids_its_days(ctx, district, tmp_path, capsys):
    plans, key = district
    own = tmp_path / "2027.yaml"
    # An office's own list for a year the program does not ship (dates made up for the test).
    off = [f"2027-{m:02d}-{d:02d}" for m in range(1, 13) for d in range(1, 16)]
    own.write_text(yaml.safe_dump({"source": "测试用假期", "holidays": off,
                                   "workdays": ["2027-01-16"]}), encoding="utf-8")
    assert main(["plan-year", "2027", "--template", key, "--seed", "1",
                 "--holidays", str(own)]) == 0
    out = capsys.readouterr().out
    assert "2027: 180 holidays, 1 weekend days worked" in out
    days = [date.fromisoformat(v.visit.day) for v in plans.visits(2027)]
    assert len(days) == 48 and all(d.day > 15 for d in days)
    assert all(d.weekday() < 5 or d == date(2027, 1, 16) for d in days)
    # The list is kept: moving a visit later keeps off the holidays too.
    visit = plans.visits(2027)[0]
    free = next(m for m in range(1, 13) if all(
        v.visit.month != m for v in plans.visits(2027)
        if v.visit.company_id == visit.visit.company_id))
    moved = plans.move_visit(2027, visit.id, "一组", free)
    assert date.fromisoformat(moved.day).day > 15
    assert main(["year-plan", "holidays", "--year", "2027"]) == 0
    assert "2027-01-16" in capsys.readouterr().out


def test_without_a_notice_the_laws_fixed_date_holidays_still_get_no_visit(ctx, district,
                                                                         capsys):
    plans, key = district
    assert main(["plan-year", "2027", "--template", key, "--seed", "1"]) == 0
    assert "less New Year's Day, Labour Day and National Day" in capsys.readouterr().out
    days = {v.visit.day for v in plans.visits(2027)}
    assert days and not days & {"2027-01-01", "2027-10-01"}          # both Fridays
    assert "2027-01-04" in days                  # the month's first working day instead
    calendar = HolidayCalendar()                 # no list for 2028 either
    assert working_days(2028, 5, calendar)[:2] == [date(2028, 5, 3), date(2028, 5, 4)]
    assert working_days(2028, 10, calendar)[0] == date(2028, 10, 4)
    # 5月2日 is a holiday from 2025 on (the 2024 revision); before, it was worked.
    assert date(2024, 5, 2) in working_days(2024, 5, calendar)
    # The lunar holidays come with the year's notice only: nothing is guessed for them.
    assert date(2027, 2, 8) in working_days(2027, 2, calendar)


def test_a_bad_holiday_file_changes_nothing(ctx, district, tmp_path, capsys):
    plans, key = district
    bad = tmp_path / "bad.yaml"
    bad.write_text("holidays: [2027-13-01]\n", encoding="utf-8")
    assert main(["plan-year", "2027", "--template", key, "--holidays", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.yaml: holidays, entry 1" in err
    assert plans.info(2027) is None
    assert SettingsRepo(ctx.db).get(holidays.SETTING) is None


def test_the_office_list_replaces_a_shipped_year_and_keeps_the_others(ctx, tmp_path):
    fix = tmp_path / "fix.yaml"
    fix.write_text("holidays: [2026-01-01]\n", encoding="utf-8")
    calendar = holidays.add_file(ctx.db, fix)
    assert [d for d in calendar.off if d.year == 2026] == [date(2026, 1, 1)]
    assert json.loads(SettingsRepo(ctx.db).get(holidays.SETTING))["holidays"] == ["2026-01-01"]
    assert WEEKDAYS_ONLY.is_working(date(2026, 1, 1))     # the plain calendar is untouched


def test_a_bad_entry_is_named_in_the_readers_language():
    with pytest.raises(ValidationError) as refused:
        holidays.parse("holidays: [2027-01-01, 2027-02-30]", "假期.yaml")
    assert refused.value.localized("zh_CN").startswith("假期.yaml: holidays，第2项：'2027-02-30'")
    assert "entry" not in refused.value.localized("zh_CN")
