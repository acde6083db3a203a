"""The rules the office's own emergency work keeps, whoever asks (window or command line):
stations and their milestones, drill follow-up tasks closed with a date and a note. Each
refusal names the station, milestone or task it is about, and changes nothing."""

from __future__ import annotations

import json
from datetime import date

import pytest

from inspector_app.cli import main
from inspector_app.errors import InspectorError, NotFoundError, ValidationError
from inspector_app.services.emergency import EmergencyService
from inspector_app.storage.units_repo import UnitRepo

TODAY = date(2026, 12, 1)


@pytest.fixture
def svc(ctx):
    units = UnitRepo(ctx.db, ctx.device.id)
    units.add("洛阳镇", "town")
    units.add("区应急管理局", "department")
    return EmergencyService(ctx.db, ctx.device.id, ctx.data_dir)


def unit_id(svc, name):
    return svc.units.find(name).id


def audit(svc, entity):
    return [dict(zip(("action", "field", "old", "new", "reason"), row, strict=True))
            for row in svc.db.execute("SELECT action, field, old_value, new_value, reason "
                                      "FROM audit_log WHERE entity = ? ORDER BY rowid",
                                      [entity]).fetchall()]


def station(svc, **dues):
    return svc.add_station(name="洛阳镇应急管理站", kind="town", unit_id=unit_id(svc, "洛阳镇"),
                           dues=dues or {"design": "2026-05-31", "platform": "2026-12-31"})


def test_a_station_is_registered_with_its_six_milestones_and_audited(svc):
    made = station(svc)
    milestones = {m["milestone"]: m["due_on"] for m in svc.milestones(made["id"])}
    assert milestones == {"design": "2026-05-31", "renovation": None, "staffing": None,
                          "team": None, "supplies": None, "platform": "2026-12-31"}
    [entry] = audit(svc, "station")
    assert entry["action"] == "create" and "洛阳镇应急管理站" in entry["new"]


@pytest.mark.parametrize("name, kind, unit, dues, says", [
    ("  ", "town", "洛阳镇", {}, "needs a name"),
    ("新站", "city", "洛阳镇", {}, "unknown kind 'city'"),
    ("新站", "village", "区应急管理局", {}, "区应急管理局 is not a town"),
    ("新站", "village", "洛阳镇", {"roof": "2026-01-01"}, "新站: unknown milestone 'roof'"),
    ("新站", "village", "洛阳镇", {"design": "2026-02-30"},
     "station 新站, due date of Design: '2026-02-30' is not a date"),
])
def test_a_station_that_breaks_a_rule_is_refused_saying_what_and_where(
        svc, name, kind, unit, dues, says):
    with pytest.raises(ValidationError) as refused:
        svc.add_station(name=name, kind=kind, unit_id=unit_id(svc, unit), dues=dues)
    assert says in refused.value.localized("en")
    assert svc.stations() == [] and audit(svc, "station") == []


def test_a_second_station_of_the_same_name_is_refused(svc):
    station(svc)
    with pytest.raises(ValidationError, match="洛阳镇应急管理站 is already registered"):
        station(svc)
    with pytest.raises(NotFoundError):
        svc.add_station(name="别的站", kind="village", unit_id="no-such-unit")
    assert len(svc.stations()) == 1


def test_a_milestone_done_is_dated_and_each_change_audited_with_its_old_value(svc):
    made = station(svc)
    svc.set_milestone(made["id"], "design", status="done", done_on="2026-06-02",
                      note="方案已批复", today=TODAY)
    row = svc.milestone(made["id"], "design")
    assert (row["status"], row["done_on"], row["note"]) == ("done", "2026-06-02", "方案已批复")
    changed = {e["field"]: (e["old"], e["new"]) for e in audit(svc, "station_milestone")}
    assert changed == {"status": ("not_started", "done"), "done_on": (None, "2026-06-02"),
                       "note": ("", "方案已批复")}
    svc.set_milestone(made["id"], "design", status="done", note="方案已批复", today=TODAY)
    assert svc.milestone(made["id"], "design")["done_on"] == "2026-06-02"   # kept, not today
    assert len(audit(svc, "station_milestone")) == 3                        # nothing changed


def test_a_completion_date_alone_means_done(svc):
    made = station(svc)
    svc.set_milestone(made["id"], "renovation", done_on="2026-11-20", today=TODAY)
    assert svc.milestone(made["id"], "renovation")["status"] == "done"


@pytest.mark.parametrize("changes, says", [
    ({"status": "done", "done_on": "2026-12-02"},
     "Station 洛阳镇应急管理站, Platform: completion date 2026-12-02 is in the future"),
    ({"status": "in_progress", "done_on": "2026-11-02"},
     "Station 洛阳镇应急管理站, Platform: a completion date goes with the status done"),
    ({"status": "finished"}, "Platform: unknown status 'finished'"),
    ({"due_on": "31/12/2026"}, "Station 洛阳镇应急管理站, Platform: due date: '31/12/2026'"),
])
def test_a_milestone_change_that_breaks_a_rule_is_refused(svc, changes, says):
    made = station(svc)
    with pytest.raises(ValidationError) as refused:
        svc.set_milestone(made["id"], "platform", today=TODAY, **changes)
    assert says in refused.value.localized("en")
    row = svc.milestone(made["id"], "platform")
    assert (row["status"], row["due_on"], row["done_on"]) == ("not_started", "2026-12-31", None)


def test_refusals_are_read_in_chinese_with_the_milestones_chinese_name(svc):
    made = station(svc)
    with pytest.raises(ValidationError) as refused:
        svc.set_milestone(made["id"], "platform", status="done", done_on="2027-01-01",
                          today=TODAY)
    text = refused.value.localized("zh_CN")
    assert "洛阳镇应急管理站" in text and "平台建设" in text and "Platform" not in text


def drill_with_task(svc, held_on="2026-11-20", due_on="2026-11-25"):
    plan = svc.add_plan(title="洛阳镇综合应急预案", plan_type="comprehensive",
                        unit_id=unit_id(svc, "洛阳镇"), status="issued", issued_on="2026-01-10")
    svc.add_drill(plan_id=plan["id"], held_on=held_on, form="live", scope="single",
                  problems=[{"problem": "对讲机信号中断", "due_on": due_on}])
    [(task, overdue)] = svc.tasks(TODAY)
    return task, overdue


def test_a_task_closed_keeps_its_date_and_note_and_is_no_longer_overdue(svc):
    task, overdue = drill_with_task(svc)
    assert overdue                                   # due 25 November, open on 1 December
    svc.close_task(task["id"], "2026-11-28", " 更换数字对讲机 ", today=TODAY)
    [(done, overdue)] = svc.tasks(TODAY)
    assert (done["done_on"], done["done_note"], overdue) == ("2026-11-28", "更换数字对讲机",
                                                            False)
    assert svc.open_tasks(TODAY) == []
    [entry] = audit(svc, "drill_task")
    assert (entry["field"], entry["new"], entry["reason"]) == ("done_on", "2026-11-28",
                                                               "更换数字对讲机")


@pytest.mark.parametrize("done_on, says", [
    ("", "closing a task needs its completion date"),
    ("2026-11-19", "completion date 2026-11-19 is before the drill of 2026-11-20"),
    ("2026-12-02", "completion date 2026-12-02 is in the future"),
])
def test_a_task_closed_on_an_impossible_day_is_refused_naming_the_task(svc, done_on, says):
    task, _ = drill_with_task(svc)
    with pytest.raises(ValidationError) as refused:
        svc.close_task(task["id"], done_on, today=TODAY)
    text = refused.value.localized("en")
    assert text.startswith("Task “对讲机信号中断” (洛阳镇): ") and says in text
    assert svc.open_tasks(TODAY)[0][0]["done_on"] is None


def test_a_task_is_closed_once(svc):
    task, _ = drill_with_task(svc)
    svc.close_task(task["id"], "2026-11-28", today=TODAY)
    with pytest.raises(ValidationError, match="already done on 2026-11-28"):
        svc.close_task(task["id"], "2026-11-30", "again", today=TODAY)
    assert svc.tasks(TODAY)[0][0]["done_note"] == ""


def test_the_command_line_keeps_the_same_rules(svc, capsys):
    drill_with_task(svc, held_on="2026-11-20", due_on="2026-11-25")
    assert main(["--lang", "en", "drills", "close-task", "对讲机信号中断", "--date",
                 "2026-11-10"]) == 1
    assert "before the drill" in capsys.readouterr().err
    assert main(["--lang", "en", "drills", "close-task", "对讲机信号中断", "--date",
                 "2026-11-21", "--note", "换用数字对讲机"]) == 0
    [(task, _)] = svc.tasks(TODAY)
    assert task["done_note"] == "换用数字对讲机"
    assert main(["--lang", "en", "stations", "add", "洛阳镇应急管理站", "--kind", "town",
                 "--unit", "洛阳镇", "--due", "design=2026-05-31"]) == 0
    assert main(["--lang", "en", "stations", "add", "洛阳镇应急管理站", "--kind", "town"]) == 1
    assert "already registered" in capsys.readouterr().err
    assert main(["--lang", "en", "stations", "milestone", "洛阳镇应急管理站", "design",
                 "--done", "2026-06-01"]) == 0
    capsys.readouterr()
    assert main(["--lang", "en", "stations", "list", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    design = next(m for m in listed["milestones"] if m["milestone"] == "design")
    assert (design["status"], design["done_on"]) == ("done", "2026-06-01")


def test_an_unknown_station_or_task_is_named(svc):
    with pytest.raises(InspectorError, match="No station"):
        svc.set_milestone("nope", "design", status="done")
    with pytest.raises(InspectorError, match="No drill task"):
        svc.close_task("nope", "2026-11-01")


def test_a_drill_frequency_given_on_the_command_line_is_kept_and_shown(svc, capsys):
    # TYPE=MONTHS was split into a variable named like the message function: the command
    # crashed printing its answer.
    assert main(["--lang", "en", "plans-registry", "rules", "--drill-months", "onsite=3"]) == 0
    assert "every 3 months" in capsys.readouterr().out
    assert svc.rules().drill_months["onsite"] == 3


@pytest.mark.parametrize("checked_on, checker, says", [
    ("", "督导组", "a check needs its date"),
    ("2026-12-02", "督导组", "date 2026-12-02 is in the future"),
    ("2026-11-30", "  ", "say who checked"),
])
def test_a_check_of_a_station_that_breaks_a_rule_is_refused_naming_the_station(
        svc, checked_on, checker, says):
    made = station(svc)
    with pytest.raises(ValidationError) as refused:
        svc.add_check(made["id"], checked_on=checked_on, checker=checker, findings="",
                      today=TODAY)
    text = refused.value.localized("en")
    assert text.startswith("Check of station 洛阳镇应急管理站: ") and says in text
    assert svc.stations()[0]["last_check"] is None


def test_a_check_is_kept_and_audited(svc):
    made = station(svc)
    check = svc.add_check(made["id"], checked_on="2026-11-30", checker=" 区应急管理局督导组 ",
                          findings="平台未接入", today=TODAY)
    assert svc.stations()[0]["last_check"] == "2026-11-30"
    [entry] = audit(svc, "station_check")
    assert entry["action"] == "create" and "区应急管理局督导组" in entry["new"]
    assert check["checker"] == "区应急管理局督导组"
