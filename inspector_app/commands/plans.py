"""``inspector-app plans``: planned inspections (the office plans, laptops start them)."""

from __future__ import annotations

import argparse
import json
from datetime import date

from inspector_app.commands.common import resolve_inspectors
from inspector_app.commands.when import local_date
from inspector_app.errors import InspectorError
from inspector_app.i18n import _
from inspector_app.services.context import AppContext
from inspector_app.services.plans import PlanService


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("plans", help=_("planned inspections: company, checklist, due date"))
    psub = p.add_subparsers(dest="plans_command", metavar=_("ACTION"), required=True)
    add = psub.add_parser("add", help=_("plan an inspection"))
    add.add_argument("--company", required=True, help=_("company id"))
    add.add_argument("--template", required=True,
                     help=_("template id or key, e.g. fire-safety-routine"))
    add.add_argument("--due", required=True, help=_("due date YYYY-MM-DD"))
    add.add_argument("--inspector", action="append", default=[],
                     help=_("an inspector (id, enforcement-ID number or name); repeat for each"))
    add.add_argument("--kind", default="official", choices=["official", "self", "reinspection"])
    add.add_argument("--note")
    add.set_defaults(func=run_add)
    listing = psub.add_parser("list", help=_("planned inspections not yet started"))
    listing.add_argument("--all", action="store_true", help=_("started and cancelled ones too"))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=run_list)
    start = psub.add_parser("start", help=_("start a planned inspection on this computer"))
    start.add_argument("plan_id", metavar=_("plan_id"))
    start.add_argument("--inspector", action="append", default=[],
                       help=_("an inspector (id, enforcement-ID number or name), repeat "
                              "for each; default: the planned ones"))
    start.set_defaults(func=run_start)
    cancel = psub.add_parser("cancel", help=_("cancel a planned inspection"))
    cancel.add_argument("plan_id", metavar=_("plan_id"))
    cancel.add_argument("--reason", required=True)
    cancel.set_defaults(func=run_cancel)


def _service(ctx: AppContext) -> PlanService:
    return ctx.plans


def run_add(args: argparse.Namespace, ctx: AppContext) -> int:
    print(_service(ctx).add(args.company, args.template, args.due,
                            resolve_inspectors(ctx, args.inspector),
                            kind=args.kind, note=args.note))
    return 0


def run_list(args: argparse.Namespace, ctx: AppContext) -> int:
    plans = _service(ctx).list(include_done=args.all)
    if args.json:
        print(json.dumps([p.__dict__ | {"overdue": p.overdue(date.today())} for p in plans],
                         ensure_ascii=False, indent=2))
        return 0
    titles: dict[str, str] = {}
    for p in plans:
        late = "  " + _("OVERDUE") if p.overdue(date.today()) else ""
        print(f"{p.id[:8]}  {local_date(p.due_date)}  {p.company_name}  "
              f"{_checklist_title(ctx, p.template_key, titles)}  {p.status}{late}")
    return 0


def _checklist_title(ctx: AppContext, key: str, titles: dict[str, str]) -> str:
    """The checklist as the window's Planned list names it; its key only when it is not in
    this computer's library (a plan for a checklist the office has and this laptop lacks)."""
    if key not in titles:
        try:
            titles[key] = ctx.templates.record(key).title(ctx.lang)
        except InspectorError:
            titles[key] = key
    return titles[key]


def run_start(args: argparse.Namespace, ctx: AppContext) -> int:
    print(_service(ctx).start(_service(ctx).resolve(args.plan_id),
                              resolve_inspectors(ctx, args.inspector) or None))
    return 0


def run_cancel(args: argparse.Namespace, ctx: AppContext) -> int:
    plans = _service(ctx)
    plans.cancel(plans.resolve(args.plan_id), args.reason)
    return 0

