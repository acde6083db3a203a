"""``inspector-app plan-year YEAR`` generates the yearly enforcement plan (年度监督检查计划);
``inspector-app year-plan ACTION`` keeps its teams and shows, changes, approves and issues it."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from inspector_app.commands.common import clip, pad, resolve_inspectors
from inspector_app.commands.when import local_date, local_minute
from inspector_app.i18n import N_, _, count_text
from inspector_app.services import holidays
from inspector_app.services.context import AppContext
from inspector_app.services.year_plan import DEFAULT_CHECKLIST, YearPlanService


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("plan-year", help=_("generate the draft yearly plan for YEAR"))
    p.add_argument("year", metavar=_("year"), type=int)
    p.add_argument("--template", default=DEFAULT_CHECKLIST,
                   help=_("checklist of the planned inspections (id or key)"))
    p.add_argument("--seed", type=int, help=_("seed of the random sample (default: a new one, "
                     "recorded with the plan)"))
    p.add_argument("--holidays", metavar=_("FILE"), help=_("official holidays and weekend days "
                   "worked (YAML, see docs/yearly-plan.md): added to the office's list first"))
    p.set_defaults(func=run_generate)
    y = sub.add_parser("year-plan", help=_("the yearly plan's teams; show, move, approve, issue"))
    psub = y.add_subparsers(dest="year_plan_command", metavar=_("ACTION"), required=True)
    team = psub.add_parser("team", help=_("add a team: name, inspectors, visits a month"))
    team.add_argument("name", metavar=_("name"))
    team.add_argument("--inspector", action="append", default=[],
                      help=_("an inspector (id, enforcement-ID number or name); repeat for each"))
    team.add_argument("--capacity", type=int, required=True, help=_("visits a month"))
    team.add_argument("--town", action="append", default=[], help=_("towns it serves (repeat; "
                        "default any)"))
    team.set_defaults(func=run_team)
    tset = psub.add_parser("team-set", help=_("change a team's capacity or inspectors"))
    tset.add_argument("name", metavar=_("name"), help=_("team name or id"))
    tset.add_argument("--capacity", type=int, help=_("visits a month"))
    tset.add_argument("--inspector", action="append", help=_("an inspector (id, enforcement-ID "
                        "number or name), repeat for each: the team's new members"))
    tset.set_defaults(func=run_team_set)
    teams = psub.add_parser("teams", help=_("list the teams"))
    teams.set_defaults(func=run_teams)
    show = psub.add_parser("show", help=_("the plan as a month-by-team grid"))
    show.add_argument("year", metavar=_("year"), type=int)
    show.add_argument("--json", action="store_true", help=_("every visit as JSON"))
    show.set_defaults(func=run_show)
    mv = psub.add_parser("move", help=_("move a visit of a draft to another team or month"))
    mv.add_argument("year", metavar=_("year"), type=int)
    mv.add_argument("visit", metavar=_("visit"), help=_("visit id (from show --json)"))
    mv.add_argument("--team", required=True, help=_("team name or id"))
    mv.add_argument("--month", type=int, required=True)
    mv.set_defaults(func=run_move)
    ap = psub.add_parser("approve", help=_("approve the draft plan"))
    ap.add_argument("year", metavar=_("year"), type=int)
    ap.set_defaults(func=run_approve)
    iss = psub.add_parser("issue", help=_("turn the approved plan into planned inspections"))
    iss.add_argument("year", metavar=_("year"), type=int)
    iss.set_defaults(func=run_issue)
    cov = psub.add_parser("coverage", help=_("visits planned and started, month by month"))
    cov.add_argument("year", metavar=_("year"), type=int)
    cov.set_defaults(func=run_coverage)
    drop = psub.add_parser("drop", help=_("a company closed: drop its remaining visits"))
    drop.add_argument("year", metavar=_("year"), type=int)
    drop.add_argument("company", metavar=_("company"), help=_("company id"))
    drop.add_argument("--from", dest="as_of", default=None, help=_("YYYY-MM-DD (default today)"))
    drop.add_argument("--reason", required=True)
    drop.set_defaults(func=run_drop)
    hol = psub.add_parser("holidays", help=_("the holiday list visits are planned around"))
    hol.add_argument("--set", metavar=_("FILE"), dest="file", help=_("add (or correct) the years "
                     "of FILE"))
    hol.add_argument("--year", type=int, help=_("the days of one year"))
    hol.set_defaults(func=run_holidays)


def _service(ctx: AppContext) -> YearPlanService:
    return ctx.year_plan


# A year plan's status, as the command line prints it.
PLAN_STATUS_WORDS = {"draft": N_("draft"), "approved": N_("approved"), "issued": N_("issued")}


def run_generate(args: argparse.Namespace, ctx: AppContext) -> int:
    service = _service(ctx)
    calendar = (holidays.add_file(ctx.db, Path(args.holidays)) if args.holidays
                else holidays.office_calendar(ctx.db))
    print(_("holidays {description}").format(
        description=holidays.describe(calendar, args.year)))
    info = service.generate(args.year, args.template, args.seed)
    visits = service.visits(args.year)
    print(_("draft plan for {year}: {visits} visits, seed {seed}, checklist {template}").format(
        year=info.year, visits=count_text(len(visits)), seed=info.seed, template=info.template_key))
    _grid(service, args.year)
    return 0


def run_team(args: argparse.Namespace, ctx: AppContext) -> int:
    print(_service(ctx).add_team(args.name, resolve_inspectors(ctx, args.inspector),
                                  args.capacity, args.town))
    return 0


def run_team_set(args: argparse.Namespace, ctx: AppContext) -> int:
    _service(ctx).update_team(
        args.name, capacity=args.capacity,
        inspector_ids=None if args.inspector is None else resolve_inspectors(ctx, args.inspector))
    return 0


def run_teams(args: argparse.Namespace, ctx: AppContext) -> int:
    for t in _service(ctx).teams():
        towns = "、".join(t.towns) or _("any town")
        print(_("{team_id}  {name}  {inspectors} inspectors  {capacity}/month  {towns}").format(
            team_id=t.id[:8], name=t.name, inspectors=len(t.inspector_ids),
            capacity=t.capacity, towns=towns))
    return 0


def _grid(service: YearPlanService, year: int) -> None:
    grid = service.grid(year)
    print(pad(_("team"), 14) + "".join(f"{m:>5}" for m in range(1, 13)))
    for t in service.teams():
        cells = "".join(f"{len(grid.get((t.id, m), [])):>5}" for m in range(1, 13))
        print(pad(clip(t.name, 13), 14) + cells + "   "
              + _("(capacity {capacity})").format(capacity=t.capacity))


def run_show(args: argparse.Namespace, ctx: AppContext) -> int:
    service = _service(ctx)
    info = service._require(args.year)
    if args.json:
        print(json.dumps([{"id": v.id, "company_id": v.visit.company_id, "company": v.company_name,
                           "town": v.visit.town, "team_id": v.visit.team_id,
                           "month": v.visit.month, "day": v.visit.day, "seq": v.visit.seq,
                           "planned_inspection_id": v.planned_inspection_id}
                          for v in service.visits(args.year)], ensure_ascii=False, indent=2))
        return 0
    print(_("plan {year}: {status}, seed {seed}, checklist {template}").format(
        year=info.year, status=_(PLAN_STATUS_WORDS.get(info.status, info.status)),
        seed=info.seed, template=info.template_key)
          + (_(", approved by {who} at {when}").format(who=info.approved_by,
                                                     when=local_minute(info.approved_at))
             if info.approved_at else ""))
    _grid(service, args.year)
    return 0


def run_move(args: argparse.Namespace, ctx: AppContext) -> int:
    v = _service(ctx).move_visit(args.year, args.visit, args.team, args.month)
    print(_("moved to {date}").format(date=local_date(v.day)))
    return 0


def run_approve(args: argparse.Namespace, ctx: AppContext) -> int:
    _service(ctx).approve(args.year)
    print(_("plan {year} approved").format(year=args.year))
    return 0


def run_issue(args: argparse.Namespace, ctx: AppContext) -> int:
    n = _service(ctx).issue(args.year)
    print(_("{count} planned inspections created; they reach the laptops with the next "
            "sync").format(count=count_text(n)))
    return 0


def run_drop(args: argparse.Namespace, ctx: AppContext) -> int:
    as_of = date.fromisoformat(args.as_of) if args.as_of else date.today()
    n = _service(ctx).drop_company(args.year, args.company, as_of, args.reason)
    print(_("{count} visits dropped").format(count=count_text(n)))
    return 0


def run_coverage(args: argparse.Namespace, ctx: AppContext) -> int:
    total_planned = total_started = 0
    for month, (planned, started) in _service(ctx).coverage(args.year).items():
        total_planned += planned
        total_started += started
        share = f"{100 * started / planned:.0f}%" if planned else "—"
        print(_("{year}-{month}  planned {planned}  started {started}  {share}").format(
            year=args.year, month=f"{month:02d}", planned=f"{planned:>5}",
            started=f"{started:>5}", share=share))
    print(_("year      planned {planned}  started {started}").format(
        planned=f"{total_planned:>5}", started=f"{total_started:>5}"))
    return 0


def run_holidays(args: argparse.Namespace, ctx: AppContext) -> int:
    calendar = (holidays.add_file(ctx.db, Path(args.file)) if args.file
                else holidays.office_calendar(ctx.db))
    years = [args.year] if args.year else calendar.years()
    for year in years:
        print(holidays.describe(calendar, year))
        if args.year:
            for label, days in ((_("holidays"), calendar.off), (_("workdays"), calendar.workdays)):
                shown = [local_date(d) for d in sorted(d for d in days if d.year == year)]
                print(_("  {label}: {days}").format(label=label, days=", ".join(shown) or "-"))
    for source in calendar.sources:
        print(_("source: {source}").format(source=source))
    return 0
