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
    resolve_inspectors,
    table,
)
from inspector_app.commands.when import local_date
from inspector_app.domain.finding import GRADE_LABELS, Finding
from inspector_app.domain.finding import STATUS_LABELS as HAZARD_STATUS_LABELS
from inspector_app.domain.governance import PLAN_COLUMNS, PLAN_ELEMENTS, GovernancePlan
from inspector_app.errors import NotFoundError, ValidationError
from inspector_app.i18n import ENUMERATION, N_, Listing, _, count_text, current_language
from inspector_app.services.context import AppContext
from inspector_app.services.reinspection import (
    NOT_RECTIFIED,
    RECTIFIED,
    RESULTS,
    OpenHazard,
    ReinspectionService,
)

MAX_DESCRIPTION = 40


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("reinspect", help=_("re-inspect hazards: list open ones, record results, "
                                           "close or reopen them"))
    rsub = p.add_subparsers(dest="reinspect_command", metavar=_("ACTION"), required=True)

    ls = rsub.add_parser("open-hazards", help=_("hazards not closed yet, by company"))
    ls.add_argument("--company", metavar=_("ID"), help=_("a company id, its first characters or "
                                                      "its exact name"))
    ls.add_argument("--json", action="store_true", help=_("print JSON"))
    ls.set_defaults(func=run_open_hazards)

    start = rsub.add_parser("start", help=_("start a re-inspection of an inspection's hazards"))
    start.add_argument("inspection", metavar=_("INSPECTION_ID"),
                       help=_("the inspection that found the hazards: id, first characters or "
                              "number"))
    start.add_argument("--inspector", metavar=_("ID"), action="append", required=True,
                       help=_("an inspector (id, enforcement-ID number or name); repeat for each"))
    start.add_argument("--place", metavar=_("TEXT"))
    start.add_argument("--started-at", metavar="ISO", help=_("default: now"))
    start.set_defaults(func=run_start)

    result = rsub.add_parser("result", help=_("record the result for one hazard"))
    result.add_argument("reinspection", metavar=_("REINSPECTION_ID"))
    result.add_argument("finding", metavar=_("FINDING_ID"),
                        help=_("the hazard's id, its first characters or its number (1, 2, …)"))
    result.add_argument("result", choices=RESULTS)
    result.add_argument("--new-deadline", metavar="YYYY-MM-DD")
    result.add_argument("--note", metavar=_("TEXT"))
    result.add_argument("--accepted-on", metavar="YYYY-MM-DD",
                        help=_("a major hazard: the date of its acceptance"))
    result.add_argument("--accepted-by", metavar=_("TEXT"),
                        help=_("a major hazard: who accepted it"))
    result.add_argument("--acceptance", metavar=_("TEXT"),
                        help=_("a major hazard: the acceptance conclusion"))
    result.set_defaults(func=run_result)

    plan = rsub.add_parser("plan", help=_("record a major hazard's governance plan"))
    plan.add_argument("finding", metavar=_("FINDING_ID"), help=_("the hazard's id"))
    for column, label in PLAN_ELEMENTS:
        plan.add_argument("--" + column.removeprefix("plan_"), dest=column, metavar=_("TEXT"),
                          help=label.zh if current_language() == "zh_CN" else label.en.lower())
    plan.set_defaults(func=run_plan)

    rectified = rsub.add_parser("mark-rectified",
                                help=_("the company reports a hazard rectified"))
    rectified.add_argument("finding", metavar=_("FINDING_ID"), help=_("the hazard's id"))
    rectified.set_defaults(func=run_mark_rectified)

    complete = rsub.add_parser("complete", help=_("apply the results: close or reopen hazards"))
    complete.add_argument("reinspection", metavar=_("REINSPECTION_ID"))
    complete.set_defaults(func=run_complete)


# A re-inspection's result for one hazard, as the command line prints it.
RESULT_WORDS = {RECTIFIED: N_("rectified"), NOT_RECTIFIED: N_("not rectified")}


# -- helpers ----------------------------------------------------------------------------------

def _label(labels: tuple[str, str], ctx: AppContext) -> str:
    return labels[0] if (ctx.lang or "en").lower().startswith("zh") else labels[1]


def _service(ctx: AppContext) -> ReinspectionService:
    return ctx.reinspection


def _inspection_id(ctx: AppContext, given: str) -> str:
    return resolve_id(ctx.inspections, given)


def _finding(svc: ReinspectionService, reinspection_id: str, given: str) -> Finding:
    given = given.strip()
    hazards = svc.hazards(reinspection_id)
    found = [f for f in hazards if given in (f.id, str(f.seq))]
    if not found and len(given) >= MIN_PREFIX:
        found = [f for f in hazards if f.id.startswith(given.lower())]
    if len(found) == 1:
        return found[0]
    if found:
        raise ValidationError(N_("{given} is the start of {count} hazard ids; give more."),
                              given=given, count=len(found))
    raise NotFoundError(N_("This re-inspection re-checks no hazard {given}."), given=given)


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
             local_date(h.inspection_date), str(h.finding.seq), h.finding.id[:SHORT_ID],
             _label(GRADE_LABELS[h.finding.grade], ctx),
             clip(h.finding.description, MAX_DESCRIPTION), local_date(h.finding.deadline),
             _label(HAZARD_STATUS_LABELS[h.finding.status], ctx)]
            for _, name, hazards in groups for h in hazards]
    if not rows:
        print(_("no open hazards"))
        return 0
    print(table([_("company"), _("inspection"), _("date"), _("no."), _("id"), _("grade"),
                 _("description"), _("deadline"), _("status")], rows))
    return 0


def run_start(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    original = _inspection_id(ctx, args.inspection)
    inspectors = resolve_inspectors(ctx, args.inspector)
    reinspection_id = svc.start(original, inspectors, started_at=args.started_at,
                                place=args.place)
    info = svc.get(reinspection_id)
    print(f"{reinspection_id}  {info.number}")
    for f in svc.hazards(reinspection_id):
        print("  " + _("{hazard}  (id {finding_id}, deadline {deadline})").format(
            hazard=_hazard_line(f, ctx), finding_id=f.id[:SHORT_ID],
            deadline=local_date(f.deadline)))
    return 0


def run_result(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    reinspection_id = _inspection_id(ctx, args.reinspection)
    finding = _finding(svc, reinspection_id, args.finding)
    saved = svc.record_result(reinspection_id, finding.id, args.result,
                              new_deadline=args.new_deadline, note=args.note,
                              accepted_on=args.accepted_on, accepted_by=args.accepted_by,
                              acceptance_conclusion=args.acceptance)
    deadline = (_(", new deadline {date}").format(date=local_date(saved.new_deadline))
                if saved.new_deadline else "")
    print(_("hazard {seq}: {result}{deadline}").format(
        seq=finding.seq, result=_(RESULT_WORDS.get(saved.result, saved.result)),
        deadline=deadline))
    missing = svc.missing(reinspection_id)
    if missing:
        print(_("still without a result: {hazards}").format(
            hazards=", ".join(str(f.seq) for f in missing)))
    return 0


def run_plan(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    finding = svc.finding(args.finding.strip())
    if finding is None:
        raise NotFoundError(N_("No hazard with id {finding}."), finding=args.finding)
    given = {c: getattr(args, c) for c in PLAN_COLUMNS if getattr(args, c) is not None}
    current = GovernancePlan.of(finding)
    finding = svc.set_plan(finding.id, replace(current, **given))
    missing = GovernancePlan.of(finding).missing()
    labels = Listing([label for column, label in PLAN_ELEMENTS if column in missing],
                     ENUMERATION).localized()
    print(_("hazard {seq}: governance plan incomplete, missing {elements}").format(
        seq=finding.seq, elements=labels) if missing
        else _("hazard {seq}: governance plan complete").format(seq=finding.seq))
    return 0


def run_mark_rectified(args: argparse.Namespace, ctx: AppContext) -> int:
    finding = _service(ctx).mark_rectified(args.finding.strip())
    print(_("hazard {seq}: {status}").format(
        seq=finding.seq, status=_label(HAZARD_STATUS_LABELS[finding.status], ctx)))
    return 0


def run_complete(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    reinspection_id = _inspection_id(ctx, args.reinspection)
    outcome = svc.complete(reinspection_id)
    if outcome.missing:
        listed = "; ".join(f"{f.seq}. {clip(f.description, MAX_DESCRIPTION)}"
                           for f in outcome.missing)
        raise ValidationError(N_("{count} hazard(s) have no re-inspection result: "
                                 "{listed}"), count=len(outcome.missing), listed=listed)
    results = {r.finding_id: r for r in svc.results(reinspection_id)}
    for f in outcome.closed:
        print(_("closed    {hazard}").format(hazard=_hazard_line(f, ctx)))
    for f in outcome.reopened:
        print(_("reopened  {hazard}  (new deadline {date})").format(
            hazard=_hazard_line(f, ctx), date=local_date(results[f.id].new_deadline)))
    print(_("{closed} closed, {reopened} reopened").format(
        closed=count_text(len(outcome.closed)), reopened=count_text(len(outcome.reopened))))
    return 0
