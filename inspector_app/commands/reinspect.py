"""``inspector-app reinspect``: open hazards, start a re-inspection, record results, complete."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from typing import Any

from inspector_app.commands.common import (
    MIN_PREFIX,
    SHORT_ID,
    clip,
    resolve_company,
    resolve_id,
    table,
)
from inspector_app.domain.finding import GRADE_LABELS, Finding
from inspector_app.domain.finding import STATUS_LABELS as HAZARD_STATUS_LABELS
from inspector_app.domain.governance import PLAN_COLUMNS, PLAN_ELEMENTS, GovernancePlan
from inspector_app.errors import NotFoundError, ValidationError
from inspector_app.services.context import AppContext
from inspector_app.services.reinspection import RESULTS, OpenHazard, ReinspectionService

MAX_DESCRIPTION = 40


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("reinspect", help="re-inspect hazards: list open ones, record results, "
                                         "close or reopen them")
    rsub = p.add_subparsers(dest="reinspect_command", metavar="ACTION", required=True)

    ls = rsub.add_parser("open-hazards", help="hazards not closed yet, by company")
    ls.add_argument("--company", metavar="ID", help="a company id, its first characters or "
                                                    "its exact name")
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(func=run_open_hazards)

    start = rsub.add_parser("start", help="start a re-inspection of an inspection's hazards")
    start.add_argument("inspection", metavar="INSPECTION_ID",
                       help="the inspection that found the hazards: id, first characters or "
                            "number")
    start.add_argument("--inspector", metavar="ID", action="append", required=True,
                       help="an inspector (id, enforcement-ID number or name); repeat for each")
    start.add_argument("--place", metavar="TEXT")
    start.add_argument("--started-at", metavar="ISO", help="default: now")
    start.set_defaults(func=run_start)

    result = rsub.add_parser("result", help="record the result for one hazard")
    result.add_argument("reinspection", metavar="REINSPECTION_ID")
    result.add_argument("finding", metavar="FINDING_ID",
                        help="the hazard's id, its first characters or its number (1, 2, …)")
    result.add_argument("result", choices=RESULTS)
    result.add_argument("--new-deadline", metavar="YYYY-MM-DD")
    result.add_argument("--note", metavar="TEXT")
    result.add_argument("--accepted-on", metavar="YYYY-MM-DD",
                        help="a major hazard: the date of its acceptance (评估/验收)")
    result.add_argument("--accepted-by", metavar="TEXT", help="a major hazard: who accepted it")
    result.add_argument("--acceptance", metavar="TEXT",
                        help="a major hazard: the acceptance conclusion")
    result.set_defaults(func=run_result)

    plan = rsub.add_parser("plan", help="record a major hazard's governance plan (治理方案)")
    plan.add_argument("finding", metavar="FINDING_ID", help="the hazard's id")
    for column, zh, en in PLAN_ELEMENTS:
        plan.add_argument("--" + column.removeprefix("plan_"), dest=column, metavar="TEXT",
                          help=f"{zh} ({en.lower()})")
    plan.set_defaults(func=run_plan)

    rectified = rsub.add_parser("mark-rectified",
                                help="the company reports a hazard rectified")
    rectified.add_argument("finding", metavar="FINDING_ID", help="the hazard's id")
    rectified.set_defaults(func=run_mark_rectified)

    complete = rsub.add_parser("complete", help="apply the results: close or reopen hazards")
    complete.add_argument("reinspection", metavar="REINSPECTION_ID")
    complete.set_defaults(func=run_complete)


# -- helpers ----------------------------------------------------------------------------------

def _label(labels: tuple[str, str], ctx: AppContext) -> str:
    return labels[0] if (ctx.lang or "en").lower().startswith("zh") else labels[1]


def _service(ctx: AppContext) -> ReinspectionService:
    return ctx.reinspection


def _inspection_id(ctx: AppContext, given: str) -> str:
    return resolve_id(ctx.inspections, given)


def _inspector_id(ctx: AppContext, given: str) -> str:
    given = given.strip()
    people = ctx.inspectors()
    for match in (lambda p: p.id == given, lambda p: p.enforcement_id == given,
                  lambda p: p.name == given,
                  lambda p: len(given) >= MIN_PREFIX and p.id.startswith(given.lower())):
        found = [p.id for p in people if match(p)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise ValidationError(f"{given} names {len(found)} inspectors; give the id.")
    raise NotFoundError(f"No inspector {given} on this computer.")


def _finding(svc: ReinspectionService, reinspection_id: str, given: str) -> Finding:
    given = given.strip()
    hazards = svc.hazards(reinspection_id)
    found = [f for f in hazards if given in (f.id, str(f.seq))]
    if not found and len(given) >= MIN_PREFIX:
        found = [f for f in hazards if f.id.startswith(given.lower())]
    if len(found) == 1:
        return found[0]
    if found:
        raise ValidationError(f"{given} is the start of {len(found)} hazard ids; give more.")
    raise NotFoundError(f"This re-inspection re-checks no hazard {given}.")


def _hazard_line(f: Finding, ctx: AppContext) -> str:
    return f"{f.seq}. [{_label(GRADE_LABELS[f.grade], ctx)}] {f.description}"


def _hazard_json(h: OpenHazard) -> dict[str, Any]:
    f = h.finding
    return {"id": f.id, "inspection_id": f.inspection_id, "inspection_number":
            h.inspection_number, "inspection_date": h.inspection_date, "seq": f.seq,
            "description": f.description, "grade": f.grade.value, "deadline": f.deadline,
            "status": f.status.value, "requirement": f.requirement,
            "responsible": f.responsible}


# -- commands ---------------------------------------------------------------------------------

def run_open_hazards(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    if args.company:
        company_id = resolve_company(ctx, args.company)
        name = svc.company_names()[company_id]
        groups = [(company_id, name, svc.open_hazards(company_id))]
    else:
        groups = [(c.company_id, c.name, svc.open_hazards(c.company_id))
                  for c in svc.companies_with_open_hazards()]
    if args.json:
        print(json.dumps([{"company_id": cid, "company_name": name, **_hazard_json(h)}
                          for cid, name, hazards in groups for h in hazards],
                         ensure_ascii=False, indent=2))
        return 0
    rows = [[name, h.inspection_number or h.finding.inspection_id[:SHORT_ID],
             h.inspection_date, str(h.finding.seq), h.finding.id[:SHORT_ID],
             _label(GRADE_LABELS[h.finding.grade], ctx),
             clip(h.finding.description, MAX_DESCRIPTION), h.finding.deadline or "",
             _label(HAZARD_STATUS_LABELS[h.finding.status], ctx)]
            for _, name, hazards in groups for h in hazards]
    if not rows:
        print("no open hazards")
        return 0
    print(table(["company", "inspection", "date", "no.", "id", "grade", "description",
                 "deadline", "status"], rows))
    return 0


def run_start(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    original = _inspection_id(ctx, args.inspection)
    inspectors = [_inspector_id(ctx, i) for i in args.inspector]
    reinspection_id = svc.start(original, inspectors, started_at=args.started_at,
                                place=args.place)
    info = svc.get(reinspection_id)
    print(f"{reinspection_id}  {info.number}")
    for f in svc.hazards(reinspection_id):
        print(f"  {_hazard_line(f, ctx)}  (id {f.id[:SHORT_ID]}, deadline {f.deadline})")
    return 0


def run_result(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    reinspection_id = _inspection_id(ctx, args.reinspection)
    finding = _finding(svc, reinspection_id, args.finding)
    saved = svc.record_result(reinspection_id, finding.id, args.result,
                              new_deadline=args.new_deadline, note=args.note,
                              accepted_on=args.accepted_on, accepted_by=args.accepted_by,
                              acceptance_conclusion=args.acceptance)
    deadline = f", new deadline {saved.new_deadline}" if saved.new_deadline else ""
    print(f"hazard {finding.seq}: {saved.result}{deadline}")
    missing = svc.missing(reinspection_id)
    if missing:
        print(f"still without a result: {', '.join(str(f.seq) for f in missing)}")
    return 0


def run_plan(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    finding = svc.repo.finding(args.finding.strip())
    if finding is None:
        raise NotFoundError(f"No hazard with id {args.finding}.")
    given = {c: getattr(args, c) for c in PLAN_COLUMNS if getattr(args, c) is not None}
    current = GovernancePlan.of(finding)
    finding = svc.set_plan(finding.id, replace(current, **given))
    missing = GovernancePlan.of(finding).missing()
    labels = "、".join(zh for column, zh, _en in PLAN_ELEMENTS if column in missing)
    print(f"hazard {finding.seq}: governance plan "
          + (f"incomplete, missing {labels}" if missing else "complete"))
    return 0


def run_mark_rectified(args: argparse.Namespace, ctx: AppContext) -> int:
    finding = _service(ctx).mark_rectified(args.finding.strip())
    print(f"hazard {finding.seq}: {finding.status.value}")
    return 0


def run_complete(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    reinspection_id = _inspection_id(ctx, args.reinspection)
    outcome = svc.complete(reinspection_id)
    if outcome.missing:
        listed = "; ".join(f"{f.seq}. {clip(f.description, MAX_DESCRIPTION)}"
                           for f in outcome.missing)
        raise ValidationError(f"{len(outcome.missing)} hazard(s) have no re-inspection result: "
                              f"{listed}")
    results = {r.finding_id: r for r in svc.results(reinspection_id)}
    for f in outcome.closed:
        print(f"closed    {_hazard_line(f, ctx)}")
    for f in outcome.reopened:
        print(f"reopened  {_hazard_line(f, ctx)}  (new deadline "
              f"{results[f.id].new_deadline})")
    print(f"{len(outcome.closed)} closed, {len(outcome.reopened)} reopened")
    return 0
