"""``inspector-app hazards``: the hazard ledger (隐患台账): list, count, export as CSV."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from inspector_app.commands.common import (
    clip,
    date_arg,
    day_arg,
    json_lines,
    resolve_company,
    table,
)
from inspector_app.commands.when import local_date
from inspector_app.domain.finding_status import GRADE_LABELS, STATUS_LABELS, FindingStatus
from inspector_app.domain.grade import Grade
from inspector_app.errors import ValidationError
from inspector_app.i18n import N_, _, count_text
from inspector_app.services.context import AppContext
from inspector_app.services.hazards import STATUS_FILTERS, HazardLedger, LedgerFilter

ALL = "all"
MAX_DESCRIPTION = 36
MAX_COMPANY = 20
_JSON_KEYS = ("finding_id", "ledger_number", "company_id", "company_name", "town", "industry",
              "found_on", "description", "grade", "legal_basis", "item_id", "requirement",
              "deadline", "responsible", "status", "overdue", "days_overdue",
              "reinspection_result", "reinspected_at", "closed_at", "inspection_id",
              "inspection_number", "inspection_status", "issued")


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--status", choices=(ALL, *STATUS_FILTERS), default=ALL,
                        help=_("open, rectified (awaiting re-inspection), closed, reopened, "
                               "not_closed (the first, second and fourth) or all (default)"))
    parser.add_argument("--grade", choices=[g.value for g in Grade])
    parser.add_argument("--overdue", action="store_true",
                        help=_("only hazards past their deadline and not closed"))
    parser.add_argument("--town", metavar="T", help=_("the company's town, exactly"))
    parser.add_argument("--company", metavar=_("ID"),
                        help=_("a company id, its first characters or its exact name"))
    parser.add_argument("--search", metavar=_("TEXT"),
                        help=_("a piece of the description or of the company name"))
    parser.add_argument("--from", dest="date_from", type=day_arg, metavar="YYYY-MM-DD",
                        help=_("found on or after this day"))
    parser.add_argument("--to", dest="date_to", type=day_arg, metavar="YYYY-MM-DD",
                        help=_("found on or before this day"))
    parser.add_argument("--today", type=date_arg, metavar="YYYY-MM-DD",
                        help=_("count overdue as of this day (default: today), e.g. the last day "
                               "of the month a circular covers"))


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("hazards", help=_("the hazard ledger: every hazard until it is closed"))
    hsub = p.add_subparsers(dest="hazards_command", metavar=_("ACTION"), required=True)

    ls = hsub.add_parser("list", help=_("list hazards of the latest revision of each inspection"))
    _filters(ls)
    ls.add_argument("--json", action="store_true", help=_("print JSON"))
    ls.set_defaults(func=run_list)

    counts = hsub.add_parser("counts", help=_("counts by status, grade, town and industry, "
                                              "for circulars"))
    _filters(counts)
    counts.add_argument("--json", action="store_true", help=_("print JSON"))
    counts.set_defaults(func=run_counts)

    export = hsub.add_parser("export-csv", help=_("write the ledger as CSV (UTF-8 with BOM, "
                                                  "opens in Excel)"))
    _filters(export)
    export.add_argument("-o", "--output", required=True, metavar=_("FILE"),
                        help=_("the CSV file to write"))
    export.set_defaults(func=run_export_csv)


# -- helpers ----------------------------------------------------------------------------------

def _zh(ctx: AppContext) -> bool:
    return (ctx.lang or "en").lower().startswith("zh")


def _label(labels: tuple[str, str], ctx: AppContext) -> str:
    return labels[0] if _zh(ctx) else labels[1]


def _ledger(args: argparse.Namespace, ctx: AppContext) -> HazardLedger:
    today: date | None = args.today
    return HazardLedger(ctx.reader, (lambda: today) if today else date.today)


def _filter(args: argparse.Namespace, ctx: AppContext) -> LedgerFilter:
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise ValidationError(N_("--from {date_from} is after --to {date_to}."),
                              date_from=args.date_from, date_to=args.date_to)
    return LedgerFilter(
        status=None if args.status == ALL else args.status, grade=args.grade,
        company_id=resolve_company(ctx, args.company) if args.company else None,
        town=args.town, overdue_only=args.overdue, search=args.search,
        date_from=args.date_from, date_to=args.date_to)


def _row_json(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in _JSON_KEYS}


# -- commands ---------------------------------------------------------------------------------

def run_list(args: argparse.Namespace, ctx: AppContext) -> int:
    rows = _ledger(args, ctx).rows(_filter(args, ctx))
    if args.json:
        print(json_lines([_row_json(r) for r in rows]))
        return 0
    if not rows:
        print(_("no hazards"))
        return 0
    body = [[r["ledger_number"], clip(r["company_name"] or "", MAX_COMPANY), r["town"] or "",
             local_date(r["found_on"]), _label(GRADE_LABELS[Grade(r["grade"])], ctx),
             clip(" ".join(r["description"].split()), MAX_DESCRIPTION), local_date(r["deadline"]),
             _label(STATUS_LABELS[FindingStatus(r["status"])], ctx)
             + ("" if r["issued"] else _(" (draft)")),
             str(r["days_overdue"] or "")]
            for r in rows]
    print(table([_("number"), _("company"), _("town"), _("found"), _("grade"), _("description"),
                 _("deadline"), _("status"), _("days overdue")], body))
    overdue = sum(1 for r in rows if r["overdue"])
    print(_("{count} hazard(s), {overdue} overdue").format(count=count_text(len(rows)),
                                                            overdue=count_text(overdue)))
    return 0


def run_counts(args: argparse.Namespace, ctx: AppContext) -> int:
    counts = _ledger(args, ctx).counts(_filter(args, ctx))
    if args.json:
        import json  # only for --json

        print(json.dumps(counts.as_dict(), ensure_ascii=False, indent=2))
        return 0
    print(_("{count} hazard(s), {overdue} overdue").format(
        count=count_text(counts.total), overdue=count_text(counts.overdue)))
    print(_("by status: {counts}").format(counts=_("; ").join(
        f"{_label(STATUS_LABELS[s], ctx)} {count_text(counts.by_status[s.value])}"
        for s in FindingStatus)))
    print(_("by grade: {counts}").format(counts=_("; ").join(
        f"{_label(GRADE_LABELS[g], ctx)} {count_text(counts.by_grade[g.value])}"
        for g in Grade)))
    rows = [[town or "-", count_text(n), count_text(counts.overdue_by_town[town])]
            for town, n in sorted(counts.by_town.items())]
    if rows:
        print(table([_("town"), _("hazards"), _("overdue")], rows))
    return 0


def run_export_csv(args: argparse.Namespace, ctx: AppContext) -> int:
    rows = _ledger(args, ctx).rows(_filter(args, ctx))
    lang = ctx.lang or "zh_CN"  # the user's language (--lang, the window's choice, the locale)
    from inspector_app.services.hazards import name_items
    from inspector_app.services.reports.hazard_ledger import write_ledger_csv

    name_items(ctx.db, rows, lang)
    count = write_ledger_csv(Path(args.output), rows, lang)
    print(_("{count} hazard(s) written to {path}").format(count=count_text(count),
                                                            path=args.output))
    return 0
