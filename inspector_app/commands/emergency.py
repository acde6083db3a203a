"""``inspector-app plans-registry | drills | stations``: emergency plans (应急预案) and their
filing, drills (应急演练) with follow-up tasks, base-level stations (基层应急管理标准化).

``plans`` is the planned-inspections command; the emergency plans are ``plans-registry``.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from inspector_app.commands.common import resolve_company, table
from inspector_app.commands.when import local_date
from inspector_app.domain.emergency import (
    DRILL_FORM_LABELS,
    MILESTONE_LABELS,
    MILESTONE_STATUS_LABELS,
    PLAN_STATUS_LABELS,
    PLAN_TYPE_LABELS,
    PROGRESS_LABELS,
    DrillForm,
    DrillScope,
    EmergencyRules,
    Milestone,
    MilestoneStatus,
    PlanStatus,
    PlanType,
    StationKind,
    label,
    parse_day,
)
from inspector_app.errors import ValidationError
from inspector_app.i18n import N_, _
from inspector_app.services.context import AppContext
from inspector_app.services.emergency import EmergencyService, PlanView


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a date (YYYY-MM-DD)").format(text=text)) from None


def _today(args: argparse.Namespace) -> date:
    return getattr(args, "today", None) or date.today()


def _service(ctx: AppContext) -> EmergencyService:
    return ctx.emergency


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def register(sub: argparse._SubParsersAction) -> None:
    _register_plans(sub)
    _register_drills(sub)
    _register_stations(sub)


def _register_plans(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("plans-registry", help=_("emergency plans (应急预案): registry, filing, "
                                                "deadlines and rules"))
    ps = p.add_subparsers(dest="plans_registry_command", metavar=_("ACTION"), required=True)

    ls = ps.add_parser("list", help=_("list plans with revision and drill due dates"))
    ls.add_argument("--unit")
    ls.add_argument("--type", choices=[t.value for t in PlanType])
    ls.add_argument("--status", choices=[s.value for s in PlanStatus])
    ls.add_argument("--overdue", action="store_true",
                    help=_("only plans overdue for revision, filing or a drill"))
    ls.add_argument("--today", type=_day, help=argparse.SUPPRESS)
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=run_plan_list)

    add = ps.add_parser("add", help=_("register a plan of a unit or a company"))
    add.add_argument("title", metavar=_("title"))
    add.add_argument("--type", required=True, choices=[t.value for t in PlanType])
    owner = add.add_mutually_exclusive_group(required=True)
    owner.add_argument("--unit", help=_("the unit's name or id"))
    owner.add_argument("--company", help=_("the company's name or id"))
    add.add_argument("--version", default="")
    add.add_argument("--status", default=PlanStatus.NOT_STARTED.value,
                     choices=[s.value for s in PlanStatus if s != PlanStatus.FILED])
    for f in ("compiled", "reviewed", "issued", "evaluated"):
        add.add_argument(f"--{f}", metavar=_("DATE"))
    add.add_argument("--json", action="store_true")
    add.set_defaults(func=run_plan_add)

    st = ps.add_parser("status", help=_("move a plan to a status, dated"))
    st.add_argument("plan", metavar=_("plan"),
                    help=_("id, its first characters, or the exact title"))
    st.add_argument("status", choices=[s.value for s in PlanStatus if s != PlanStatus.FILED])
    st.add_argument("--on", metavar=_("DATE"))
    st.set_defaults(func=run_plan_status)

    fl = ps.add_parser("file", help=_("record the filing (备案) of an issued plan"))
    fl.add_argument("plan", metavar=_("plan"))
    fl.add_argument("--authority", required=True, help=_("receiving authority"))
    fl.add_argument("--number", required=True, help=_("filing number"))
    fl.add_argument("--date", required=True)
    fl.set_defaults(func=run_plan_file)

    ev = ps.add_parser("evaluate", help=_("record an evaluation or revision: the revision "
                                          "period starts again"))
    ev.add_argument("plan", metavar=_("plan"))
    ev.add_argument("--date", required=True)
    ev.set_defaults(func=run_plan_evaluate)

    at = ps.add_parser("attach", help=_("attach the plan's file (PDF, DOCX, JPEG, PNG)"))
    at.add_argument("plan", metavar=_("plan"))
    at.add_argument("file", metavar=_("file"), type=Path)
    at.set_defaults(func=run_plan_attach)

    dl = ps.add_parser("deadline", help=_("a unit's campaign deadline for its plans"))
    dl.add_argument("unit", metavar=_("unit"))
    dl.add_argument("date", metavar=_("date"))
    dl.add_argument("--text", default="", help=_("e.g. 11月底前全面完成预案编制、修订"))
    dl.set_defaults(func=run_deadline)

    pr = ps.add_parser("progress", help=_("each unit's progress toward its deadline"))
    pr.add_argument("--today", type=_day, help=argparse.SUPPRESS)
    pr.add_argument("--json", action="store_true")
    pr.set_defaults(func=run_progress)

    ci = ps.add_parser("circular", help=_(
        "the circular 关于全区应急预案编修工作情况的通报 (.pdf or .xlsx)"))
    ci.add_argument("output", metavar=_("output"), type=Path)
    ci.add_argument("--today", type=_day, help=_("the day the figures are taken (default today)"))
    ci.set_defaults(func=run_circular)

    ru = ps.add_parser("rules", help=_("show or change the revision and drill rules"))
    ru.add_argument("--revision-years", type=int)
    ru.add_argument("--drill-months", action="append", default=[], metavar=_("TYPE=MONTHS"),
                    help=_("e.g. onsite=6 (repeatable)"))
    ru.add_argument("--json", action="store_true")
    ru.set_defaults(func=run_rules)


def _register_drills(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("drills", help=_("emergency drills (应急演练) and their follow-up tasks"))
    ds = p.add_subparsers(dest="drills_command", metavar=_("ACTION"), required=True)

    ls = ds.add_parser("list", help=_("list drills"))
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=run_drill_list)

    add = ds.add_parser("add", help=_("record a drill held"))
    add.add_argument("plan", metavar=_("plan"),
                     help=_("the plan drilled: id, first characters or exact title"))
    add.add_argument("--date", required=True)
    add.add_argument("--form", required=True, choices=[f.value for f in DrillForm])
    add.add_argument("--scope", required=True, choices=[s.value for s in DrillScope])
    add.add_argument("--organiser", default="")
    add.add_argument("--participants", default="")
    add.add_argument("--scenario", default="")
    add.add_argument("--went-well", default="", help=_("the evaluation: what worked"))
    add.add_argument("--problem", action="append", default=[],
                     metavar=_("TEXT|DEADLINE[|RESPONSIBLE[|ACTION]]"),
                     help=_("a problem found; becomes a follow-up task (repeatable)"))
    add.add_argument("--photo", action="append", default=[], type=Path)
    add.add_argument("--json", action="store_true")
    add.set_defaults(func=run_drill_add)

    ph = ds.add_parser("photo", help=_("add a photo to a drill"))
    ph.add_argument("drill", metavar=_("drill"))
    ph.add_argument("file", metavar=_("file"), type=Path)
    ph.set_defaults(func=run_drill_photo)

    tk = ds.add_parser("tasks", help=_("open follow-up tasks, overdue first"))
    tk.add_argument("--today", type=_day, help=argparse.SUPPRESS)
    tk.add_argument("--json", action="store_true")
    tk.set_defaults(func=run_tasks)

    ct = ds.add_parser("close-task", help=_("a follow-up task is done"))
    ct.add_argument("task", metavar=_("task"))
    ct.add_argument("--date", required=True)
    ct.add_argument("--note", default="", help=_("how it was fixed"))
    ct.set_defaults(func=run_close_task)

    bh = ds.add_parser("behind", help=_("plans whose drill is overdue under the rules"))
    bh.add_argument("--today", type=_day, help=argparse.SUPPRESS)
    bh.add_argument("--json", action="store_true")
    bh.set_defaults(func=run_behind)


def _register_stations(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stations", help=_("base-level emergency stations (基层应急管理标准化)"))
    ss = p.add_subparsers(dest="stations_command", metavar=_("ACTION"), required=True)

    ls = ss.add_parser("list", help=_("stations with their milestones"))
    ls.add_argument("--today", type=_day, help=argparse.SUPPRESS)
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=run_station_list)

    add = ss.add_parser("add", help=_("a pilot site"))
    add.add_argument("name", metavar=_("name"))
    add.add_argument("--kind", required=True, choices=[k.value for k in StationKind])
    add.add_argument("--unit", help=_("the town it belongs to"))
    add.add_argument("--due", action="append", default=[], metavar=_("MILESTONE=DATE"),
                     help=_("milestones: {milestones}").format(
                         milestones=", ".join(m.value for m in Milestone)))
    add.set_defaults(func=run_station_add)

    ms = ss.add_parser("milestone", help=_("update a milestone"))
    ms.add_argument("station", metavar=_("station"))
    ms.add_argument("milestone", choices=[m.value for m in Milestone])
    ms.add_argument("--status", choices=[s.value for s in MilestoneStatus])
    ms.add_argument("--due", metavar=_("DATE"))
    ms.add_argument("--done", metavar=_("DATE"),
                    help=_("the day it was completed (implies --status done)"))
    ms.add_argument("--note")
    ms.add_argument("--photo", action="append", default=[], type=Path)
    ms.set_defaults(func=run_milestone)

    ck = ss.add_parser("check", help=_("a supervisor's check (督导) and its findings"))
    ck.add_argument("station", metavar=_("station"))
    ck.add_argument("--date", required=True)
    ck.add_argument("--checker", required=True)
    ck.add_argument("--findings", default="")
    ck.add_argument("--photo", action="append", default=[], type=Path)
    ck.set_defaults(func=run_check)


# -- plans --

def _plan_json(v: PlanView) -> dict[str, Any]:
    r = v.row
    return {"id": r["id"], "owner": r["owner_name"], "owner_kind": r["owner_kind"],
            "unit_id": r["unit_id"], "company_id": r["company_id"], "type": r["plan_type"],
            "title": r["title"], "version": r["version"], "status": r["status"],
            "compiled_on": r["compiled_on"], "reviewed_on": r["reviewed_on"],
            "issued_on": r["issued_on"], "evaluated_on": r["evaluated_on"],
            "filed_on": r["filed_on"], "filing_authority": r["filing_authority"],
            "filing_number": r["filing_number"], "files": r["files"],
            "last_drill": r["last_drill"],
            "revision_due": v.revision_due.isoformat() if v.revision_due else None,
            "revision_overdue": v.revision_overdue,
            "drill_due": v.drill_due.isoformat() if v.drill_due else None,
            "drill_behind": v.drill_behind}


def run_plan_list(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    unit_id = svc.find_unit(args.unit).id if args.unit else None
    views = svc.plan_views(_today(args), unit_id=unit_id, plan_type=args.type,
                           status=args.status, overdue_only=args.overdue)
    if args.json:
        _print_json([_plan_json(v) for v in views])
        return 0
    if not views:
        print(_("no plans"))
        return 0
    lang = ctx.lang
    print(table([_("owner"), _("type"), _("title"), _("status"), _("revision due"),
                 _("drill due"), ""],
                [[v.row["owner_name"], label(PLAN_TYPE_LABELS, v.row["plan_type"], lang),
                  v.row["title"], label(PLAN_STATUS_LABELS, v.row["status"], lang),
                  local_date(v.revision_due), local_date(v.drill_due),
                  " ".join(w for w, on in ((_("REVISION-OVERDUE"), v.revision_overdue),
                                           (_("DRILL-BEHIND"), v.drill_behind)) if on)]
                 for v in views]))
    return 0


def run_plan_add(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    unit_id = svc.find_unit(args.unit).id if args.unit else None
    company_id = resolve_company(ctx, args.company) if args.company else None
    row = svc.add_plan(title=args.title, plan_type=args.type, unit_id=unit_id,
                       company_id=company_id, version=args.version, status=args.status,
                       compiled_on=args.compiled, reviewed_on=args.reviewed,
                       issued_on=args.issued, evaluated_on=args.evaluated)
    if args.json:
        _print_json({"id": row["id"], "title": row["title"], "status": row["status"]})
    else:
        print(_("registered plan {title} ({plan_id})").format(title=row["title"],
                                                                plan_id=row["id"]))
    return 0


def run_plan_status(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    plan = svc.set_status(svc.find_plan(args.plan)["id"], args.status, args.on)
    print(f"{plan['title']}: {label(PLAN_STATUS_LABELS, plan['status'], ctx.lang)}")
    return 0


def run_plan_file(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    plan = svc.record_filing(svc.find_plan(args.plan)["id"], authority=args.authority,
                             number=args.number, filed_on=args.date)
    print(_("{title}: filed with {authority}, No. {number}, {date}").format(
        title=plan["title"], authority=plan["filing_authority"], number=plan["filing_number"],
        date=local_date(plan["filed_on"])))
    return 0


def run_plan_evaluate(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    plan = svc.record_evaluation(svc.find_plan(args.plan)["id"], args.date)
    view = next(v for v in svc.plan_views(date.today()) if v.id == plan["id"])
    print(_("{title}: evaluated {evaluated}; next revision due {due}").format(
        title=plan["title"], evaluated=local_date(plan["evaluated_on"]),
        due=local_date(view.revision_due)))
    return 0


def run_plan_attach(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    plan = svc.find_plan(args.plan)
    row = svc.attach("plan", plan["id"], args.file)
    print(_("attached {name} ({media}, {size} bytes, sha256 {sha256}…) to {title}").format(
        name=row["name"], media=row["media"], size=row["size"], sha256=row["sha256"][:12],
        title=plan["title"]))
    return 0


def run_deadline(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    unit = svc.find_unit(args.unit)
    svc.set_deadline(unit.id, args.date, args.text)
    print(_("{unit}: plans due by {date}").format(unit=unit.name, date=local_date(args.date)))
    return 0


def run_progress(args: argparse.Namespace, ctx: AppContext) -> int:
    rows = _service(ctx).unit_progress(_today(args))
    if args.json:
        _print_json([{"unit": r.unit_name, "unit_id": r.unit_id, "kind": r.unit_kind,
                      "plans": r.plans, "done": r.done, "in_progress": r.in_progress,
                      "not_started": r.not_started, "progress": r.progress.value,
                      "deadline": r.deadline, "overdue": r.overdue, "drills": r.drills}
                     for r in rows])
        return 0
    print(table([_("unit"), _("plans"), _("done"), _("in progress"), _("not started"),
                 _("progress"), _("deadline"), ""],
                [[r.unit_name, r.plans, r.done, r.in_progress, r.not_started,
                  label(PROGRESS_LABELS, r.progress, ctx.lang), local_date(r.deadline),
                  _("OVERDUE") if r.overdue else ""] for r in rows]))
    return 0


def run_circular(args: argparse.Namespace, ctx: AppContext) -> int:
    from inspector_app.services.reports.emergency_circular import write_circular

    number = write_circular(ctx.db, _service(ctx), args.output, _today(args), ctx.lang)
    print(_("wrote {path} ({number})").format(path=args.output, number=number))
    return 0


def run_rules(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    rules = svc.rules()
    if args.revision_years is not None or args.drill_months:
        months = dict(rules.drill_months)
        for item in args.drill_months:
            key, _sep, value = item.partition("=")
            try:
                months[key.strip()] = int(value)
            except ValueError:
                raise ValidationError(N_("--drill-months {item!r}: use TYPE=MONTHS, "
                                         "e.g. onsite=6."), item=item) from None
        rules = EmergencyRules.from_dict({
            "revision_years": rules.revision_years if args.revision_years is None
            else args.revision_years, "drill_months": months})
        svc.set_rules(rules)
    if args.json:
        _print_json(rules.to_dict())
    else:
        print(_("revision every {years} years after the last evaluation").format(
            years=rules.revision_years))
        for key, months in rules.drill_months.items():
            print(_("drill of a {plan_type} plan every {months} months").format(
                plan_type=label(PLAN_TYPE_LABELS, key, ctx.lang), months=months))
    return 0


# -- drills --

def run_drill_list(args: argparse.Namespace, ctx: AppContext) -> int:
    rows = _service(ctx).drills()
    if args.json:
        _print_json([{k: r[k] for k in ("id", "plan_id", "plan_title", "owner_name", "held_on",
                                         "form", "scope", "organiser", "participants",
                                         "scenario", "went_well", "tasks", "photos")}
                     for r in rows])
        return 0
    if not rows:
        print(_("no drills"))
        return 0
    print(table([_("date"), _("owner"), _("plan"), _("form"), _("tasks"), _("photos")],
                [[local_date(r["held_on"]), r["owner_name"], r["plan_title"],
                  label(DRILL_FORM_LABELS, r["form"], ctx.lang), r["tasks"], r["photos"]]
                 for r in rows]))
    return 0


def _problem(text: str) -> dict[str, str]:
    parts = [p.strip() for p in text.split("|")]
    if len(parts) < 2:
        raise ValidationError(N_("--problem {text!r}: give TEXT|DEADLINE, e.g. "
                                 "'通讯中断|2026-12-31'."), text=text)
    keys = ("problem", "due_on", "responsible", "action")
    return dict(zip(keys, parts[:4], strict=False))


def run_drill_add(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    plan = svc.find_plan(args.plan)
    problems = [_problem(p) for p in args.problem]
    from inspector_app.services.attachments import check_file
    photos = [check_file(p) for p in args.photo]     # all checked before anything is saved
    # Saved with its photos or not at all: run again after a full disk, it is saved once.
    drill = svc.add_drill(plan_id=plan["id"], held_on=args.date, form=args.form,
                          scope=args.scope, organiser=args.organiser,
                          participants=args.participants, scenario=args.scenario,
                          went_well=args.went_well, problems=problems, photos=photos)
    if args.json:
        _print_json({"id": drill["id"], "tasks": len(problems), "photos": len(photos)})
    else:
        print(_("drill of {title} on {date} recorded ({drill_id}); {tasks} follow-up task(s), "
                "{photos} photo(s)").format(title=plan["title"],
                                             date=local_date(drill["held_on"]),
                                             drill_id=drill["id"], tasks=len(problems),
                                             photos=len(photos)))
    return 0


def run_drill_photo(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    drill = svc.find_drill(args.drill)
    row = svc.attach("drill", drill["id"], args.file)
    print(_("added photo {name} to the drill of {date}").format(
        name=row["name"], date=local_date(drill["held_on"])))
    return 0


def run_tasks(args: argparse.Namespace, ctx: AppContext) -> int:
    rows = _service(ctx).open_tasks(_today(args))
    rows.sort(key=lambda r: (not r[1], r[0]["due_on"]))
    if args.json:
        _print_json([{**{k: t[k] for k in ("id", "drill_id", "owner_name", "plan_title",
                                          "problem", "action", "responsible", "due_on")},
                      "overdue": overdue} for t, overdue in rows])
        return 0
    if not rows:
        print(_("no open tasks"))
        return 0
    print(table([_("due"), _("owner"), _("problem"), _("responsible"), ""],
                [[local_date(t["due_on"]), t["owner_name"], t["problem"], t["responsible"],
                  _("OVERDUE") if o else ""] for t, o in rows]))
    return 0


def run_close_task(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    task = svc.find_task(args.task)
    svc.close_task(task["id"], args.date, args.note)
    print(_("task {problem} done on {date}").format(problem=task["problem"],
                                                      date=local_date(args.date)))
    return 0


def run_behind(args: argparse.Namespace, ctx: AppContext) -> int:
    views = _service(ctx).behind_on_drills(_today(args))
    if args.json:
        _print_json([_plan_json(v) for v in views])
        return 0
    if not views:
        print(_("nobody is behind on drills"))
        return 0
    print(table([_("owner"), _("plan"), _("last drill"), _("drill due")],
                [[v.row["owner_name"], v.row["title"],
                  local_date(v.row["last_drill"]) or _("never"), local_date(v.drill_due)]
                 for v in views]))
    return 0


# -- stations --

def run_station_list(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    today = _today(args)
    stations = svc.stations()
    milestones = svc.milestones()
    out = []
    for s in stations:
        ms = [{"milestone": m["milestone"], "due_on": m["due_on"], "status": m["status"],
               "done_on": m["done_on"], "note": m["note"], "photos": m["photos"],
               "late": m["status"] != MilestoneStatus.DONE and m["due_on"] is not None
               and parse_day(m["due_on"]) < today}
              for m in milestones if m["station_id"] == s["id"]]
        out.append({"id": s["id"], "name": s["name"], "kind": s["kind"],
                    "unit": s["unit_name"], "last_check": s["last_check"], "milestones": ms})
    if args.json:
        _print_json(out)
        return 0
    if not out:
        print(_("no stations"))
        return 0
    for s in out:
        print(_("{name} ({unit}), last check {date}").format(
            name=s["name"], unit=s["unit"] or "-",
            date=local_date(s["last_check"]) or _("never")))
        print(table([_("milestone"), _("due"), _("status"), ""],
                    [[label(MILESTONE_LABELS, m["milestone"], ctx.lang), local_date(m["due_on"]),
                      label(MILESTONE_STATUS_LABELS, m["status"], ctx.lang),
                      _("LATE") if m["late"] else ""] for m in s["milestones"]]))
    return 0


def run_station_add(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    unit_id = svc.find_unit(args.unit).id if args.unit else None
    dues = {}
    for item in args.due:
        key, _sep, value = item.partition("=")
        if key.strip() not in {m.value for m in Milestone}:
            raise ValidationError(N_("--due {item!r}: unknown milestone {strip!r} (use "
                                     "{join})."),
                                  item=item, strip=key.strip(),
                                  join=', '.join(m.value for m in Milestone))
        dues[key.strip()] = value.strip()
    station = svc.add_station(name=args.name, kind=args.kind, unit_id=unit_id, dues=dues)
    print(_("added station {name} ({station_id})").format(name=station["name"],
                                                            station_id=station["id"]))
    return 0


def run_milestone(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    from inspector_app.services.attachments import check_file
    photos = [check_file(p) for p in args.photo]
    station = svc.find_station(args.station)
    svc.set_milestone(station["id"], args.milestone, status=args.status, due_on=args.due,
                      done_on=args.done, note=args.note, photos=photos)
    milestone = svc.milestone(station["id"], args.milestone)
    print(f"{station['name']} {label(MILESTONE_LABELS, args.milestone, ctx.lang)}: "
          f"{label(MILESTONE_STATUS_LABELS, milestone['status'], ctx.lang)}")
    return 0


def run_check(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    from inspector_app.services.attachments import check_file
    photos = [check_file(p) for p in args.photo]
    station = svc.find_station(args.station)
    check = svc.add_check(station["id"], checked_on=args.date, checker=args.checker,
                          findings=args.findings, photos=photos)
    print(_("check of {name} on {date} recorded").format(
        name=station["name"], date=local_date(check["checked_on"])))
    return 0
