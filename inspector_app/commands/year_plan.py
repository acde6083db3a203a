"""``inspector-app plan-year YEAR`` generates the yearly enforcement plan (年度监督检查计划);
``inspector-app year-plan ACTION`` keeps its teams and shows, changes, approves and issues it."""

from __future__ import annotations

import argparse
import json
from datetime import date

from inspector_app.services.context import AppContext
from inspector_app.services.year_plan import YearPlanService


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("plan-year", help="generate the draft yearly plan for YEAR")
    p.add_argument("year", type=int)
    p.add_argument("--template", default="gm-major-hazard-2023",
                   help="checklist of the planned inspections (id or key)")
    p.add_argument("--seed", type=int, help="seed of the random sample (default: a new one, "
                   "recorded with the plan)")
    p.set_defaults(func=run_generate)
    y = sub.add_parser("year-plan", help="the yearly plan's teams; show, move, approve, issue")
    psub = y.add_subparsers(dest="year_plan_command", metavar="ACTION", required=True)
    team = psub.add_parser("team", help="add a team: name, inspectors, visits a month")
    team.add_argument("name")
    team.add_argument("--inspector", action="append", default=[], help="inspector id (repeat)")
    team.add_argument("--capacity", type=int, required=True, help="visits a month")
    team.add_argument("--town", action="append", default=[], help="towns it serves (repeat; "
                      "default any)")
    team.set_defaults(func=run_team)
    tset = psub.add_parser("team-set", help="change a team's capacity or inspectors")
    tset.add_argument("name", help="team name or id")
    tset.add_argument("--capacity", type=int, help="visits a month")
    tset.add_argument("--inspector", action="append", help="inspector id (repeat): the "
                      "team's new members")
    tset.set_defaults(func=run_team_set)
    teams = psub.add_parser("teams", help="list the teams")
    teams.set_defaults(func=run_teams)
    show = psub.add_parser("show", help="the plan as a month-by-team grid")
    show.add_argument("year", type=int)
    show.add_argument("--json", action="store_true", help="every visit as JSON")
    show.set_defaults(func=run_show)
    mv = psub.add_parser("move", help="move a visit of a draft to another team or month")
    mv.add_argument("year", type=int)
    mv.add_argument("visit", help="visit id (from show --json)")
    mv.add_argument("--team", required=True, help="team name or id")
    mv.add_argument("--month", type=int, required=True)
    mv.set_defaults(func=run_move)
    ap = psub.add_parser("approve", help="approve the draft plan")
    ap.add_argument("year", type=int)
    ap.set_defaults(func=run_approve)
    iss = psub.add_parser("issue", help="turn the approved plan into planned inspections")
    iss.add_argument("year", type=int)
    iss.set_defaults(func=run_issue)
    cov = psub.add_parser("coverage", help="visits planned and started, month by month")
    cov.add_argument("year", type=int)
    cov.set_defaults(func=run_coverage)
    drop = psub.add_parser("drop", help="a company closed: drop its remaining visits")
    drop.add_argument("year", type=int)
    drop.add_argument("company", help="company id")
    drop.add_argument("--from", dest="as_of", default=None, help="YYYY-MM-DD (default today)")
    drop.add_argument("--reason", required=True)
    drop.set_defaults(func=run_drop)


def _service(ctx: AppContext) -> YearPlanService:
    return ctx.year_plan


def run_generate(args: argparse.Namespace, ctx: AppContext) -> int:
    service = _service(ctx)
    info = service.generate(args.year, args.template, args.seed)
    visits = service.visits(args.year)
    print(f"draft plan for {info.year}: {len(visits)} visits, seed {info.seed}, checklist "
          f"{info.template_key}")
    _grid(service, args.year)
    return 0


def run_team(args: argparse.Namespace, ctx: AppContext) -> int:
    print(_service(ctx).add_team(args.name, args.inspector, args.capacity, args.town))
    return 0


def run_team_set(args: argparse.Namespace, ctx: AppContext) -> int:
    _service(ctx).update_team(args.name, capacity=args.capacity, inspector_ids=args.inspector)
    return 0


def run_teams(args: argparse.Namespace, ctx: AppContext) -> int:
    for t in _service(ctx).teams():
        towns = "、".join(t.towns) or "any town"
        print(f"{t.id[:8]}  {t.name}  {len(t.inspector_ids)} inspectors  {t.capacity}/month  "
              f"{towns}")
    return 0


def _grid(service: YearPlanService, year: int) -> None:
    grid = service.grid(year)
    print("team".ljust(14) + "".join(f"{m:>5}" for m in range(1, 13)))
    for t in service.teams():
        cells = "".join(f"{len(grid.get((t.id, m), [])):>5}" for m in range(1, 13))
        print(f"{t.name[:12]:<14}{cells}   (capacity {t.capacity})")


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
    print(f"plan {info.year}: {info.status}, seed {info.seed}, checklist {info.template_key}"
          + (f", approved by {info.approved_by} at {info.approved_at}" if info.approved_at
             else ""))
    _grid(service, args.year)
    return 0


def run_move(args: argparse.Namespace, ctx: AppContext) -> int:
    v = _service(ctx).move_visit(args.year, args.visit, args.team, args.month)
    print(f"moved to {v.day}")
    return 0


def run_approve(args: argparse.Namespace, ctx: AppContext) -> int:
    _service(ctx).approve(args.year)
    print(f"plan {args.year} approved")
    return 0


def run_issue(args: argparse.Namespace, ctx: AppContext) -> int:
    n = _service(ctx).issue(args.year)
    print(f"{n} planned inspections created; they reach the laptops with the next sync")
    return 0


def run_drop(args: argparse.Namespace, ctx: AppContext) -> int:
    as_of = date.fromisoformat(args.as_of) if args.as_of else date.today()
    n = _service(ctx).drop_company(args.year, args.company, as_of, args.reason)
    print(f"{n} visits dropped")
    return 0


def run_coverage(args: argparse.Namespace, ctx: AppContext) -> int:
    total_planned = total_started = 0
    for month, (planned, started) in _service(ctx).coverage(args.year).items():
        total_planned += planned
        total_started += started
        share = f"{100 * started / planned:.0f}%" if planned else "—"
        print(f"{args.year}-{month:02d}  planned {planned:>5}  started {started:>5}  {share}")
    print(f"year      planned {total_planned:>5}  started {total_started:>5}")
    return 0
