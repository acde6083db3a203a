"""``inspector-app escalations``: companies that do not rectify, and the steps taken."""

from __future__ import annotations

import argparse
import json
from datetime import date

from inspector_app.commands.common import clip, date_arg, day_arg, resolve_company, table
from inspector_app.commands.when import local_date
from inspector_app.domain.escalation import (
    MEASURE_LABELS,
    REASON_LABELS,
    Decision,
    Measure,
    Reason,
)
from inspector_app.errors import NotFoundError, ValidationError
from inspector_app.i18n import N_, _, count_text
from inspector_app.services.context import AppContext


def _amount(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("{text!r} is not an amount").format(text=text)) from None
    if value < 0:
        raise argparse.ArgumentTypeError(_("a fine cannot be negative"))
    return value


def _days(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a number of days").format(text=text))
    return int(text)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("escalations", help=_("companies that do not rectify: the escalation "
                                             "list and the decisions taken"))
    esub = p.add_subparsers(dest="escalations_command", metavar=_("ACTION"), required=True)

    ls = esub.add_parser("list", help=_("hazards to escalate: overdue past the grace period, "
                                        "not rectified at two re-inspections, or refused"))
    ls.add_argument("--grace", type=_days, metavar=_("DAYS"),
                    help=_("days past the deadline before a hazard is escalated (remembered; "
                           "default 30)"))
    ls.add_argument("--today", type=date_arg, metavar="YYYY-MM-DD")
    ls.add_argument("--json", action="store_true", help=_("print JSON"))
    ls.set_defaults(func=run_list)

    decided = esub.add_parser("decided", help=_("the decisions recorded"))
    decided.add_argument("--from", dest="start", type=day_arg, metavar="YYYY-MM-DD")
    decided.add_argument("--to", dest="end", type=day_arg, metavar="YYYY-MM-DD")
    decided.add_argument("--json", action="store_true", help=_("print JSON"))
    decided.set_defaults(func=run_decided)

    decide = esub.add_parser("decide", help=_("record the measure taken against a company"))
    which = decide.add_mutually_exclusive_group(required=True)
    which.add_argument("--finding", metavar=_("ID"), help=_("the hazard (its company follows)"))
    which.add_argument("--company", metavar=_("ID"), help=_("a company id or exact name"))
    decide.add_argument("--reason", choices=[r.value for r in Reason], default="overdue")
    decide.add_argument("--measure", required=True, choices=[m.value for m in Measure],
                        help=_("exposure, case (a case opened), suspension or closure"))
    decide.add_argument("--date", dest="decided_on", required=True, type=day_arg,
                        metavar="YYYY-MM-DD")
    decide.add_argument("--case-number", metavar=_("TEXT"))
    decide.add_argument("--fine", type=_amount, metavar=_("YUAN"))
    decide.add_argument("--document", metavar=_("TEXT"), help=_("the decision's number or file"))
    decide.add_argument("--note", metavar=_("TEXT"))
    decide.set_defaults(func=run_decide)


def _zh(ctx: AppContext) -> bool:
    return (ctx.lang or "en").startswith("zh")


def run_list(args: argparse.Namespace, ctx: AppContext) -> int:
    repo = ctx.escalations
    if args.grace is not None:
        repo.set_grace_days(args.grace)
    rows = repo.candidates(args.today or date.today())
    if args.json:
        keys = ("id", "company_id", "company_name", "town", "description", "grade", "status",
                "deadline", "failed_checks", "reason", "inspection_number")
        print(json.dumps([{k: r[k] for k in keys} for r in rows], ensure_ascii=False,
                         indent=2))
        return 0
    if not rows:
        print(_("no hazard to escalate"))
        return 0
    zh = _zh(ctx)
    print(table([_("hazard"), _("company"), _("deadline"), _("reason"), _("description")], [
        [r["id"][:8], clip(r["company_name"], 20), local_date(r["deadline"]),
         REASON_LABELS[Reason(r["reason"])].in_("zh_CN" if zh else "en"),
         clip(" ".join(r["description"].split()), 30)] for r in rows]))
    print(_("{count} hazard(s) to escalate (grace {days} days)").format(
        count=count_text(len(rows)), days=repo.grace_days()))
    return 0


def run_decided(args: argparse.Namespace, ctx: AppContext) -> int:
    if args.start and args.end and args.end < args.start:
        raise ValidationError(N_("--to {end} is before --from {start}."),
                              end=args.end, start=args.start)
    rows = ctx.escalations.decisions(args.start, args.end)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(_("no decisions"))
        return 0
    zh = _zh(ctx)
    print(table([_("date"), _("company"), _("measure"), _("case"), _("fine")], [
        [local_date(r["decided_on"]), clip(r["company_name"], 20),
         MEASURE_LABELS[Measure(r["measure"])].in_("zh_CN" if zh else "en"), r["case_number"] or "",
         "" if r["fine_amount"] is None else f"{r['fine_amount']:.2f}"] for r in rows]))
    return 0


def run_decide(args: argparse.Namespace, ctx: AppContext) -> int:
    finding_id = None
    if args.finding:
        row = ctx.escalations.hazards_starting(args.finding)
        if len(row) != 1:
            raise NotFoundError(N_("No single hazard {finding} (give more of its id)."),
                                finding=args.finding)
        finding_id, company_id = row[0]
    else:
        company_id = resolve_company(ctx, args.company)
    ctx.escalations.record(Decision(
        company_id, args.reason, args.measure, args.decided_on, finding_id, args.case_number,
        args.fine, args.document, args.note))
    print(_("recorded: {measure} on {date}").format(
        measure=MEASURE_LABELS[Measure(args.measure)].in_("zh_CN" if _zh(ctx) else "en"),
        date=local_date(args.decided_on)))
    return 0
