"""``inspector-app report dispatch``: the dispatch table (xlsx) or circular (PDF)."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from inspector_app.commands.common import date_arg, day_arg, table
from inspector_app.domain.profile import normal_circular_word
from inspector_app.errors import ValidationError
from inspector_app.i18n import N_, _, count_text
from inspector_app.services.context import AppContext
from inspector_app.services.dispatch import (
    COUNTS,
    GROUPINGS,
    DispatchRequest,
    check_output,
    prepare,
    write_report,
)
from inspector_app.services.reports.circular import WORD_SETTING, circulars_issued


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help=_("reports for the office's dispatch meetings"))
    rsub = p.add_subparsers(dest="report_command", metavar=_("REPORT"), required=True)
    d = rsub.add_parser("dispatch", help=_("figures by town, department or industry: a "
                                           "statistics table (.xlsx) or a circular (.pdf)"))
    d.add_argument("--from", dest="start", required=True, type=day_arg, metavar="YYYY-MM-DD")
    d.add_argument("--to", dest="end", required=True, type=day_arg, metavar="YYYY-MM-DD")
    d.add_argument("--campaign", metavar=_("NAME"), help=_("only what the campaign counts"))
    d.add_argument("--by", choices=GROUPINGS, default="town")
    d.add_argument("--unit", metavar=_("NAME"),
                   help=_("one town's or department's own report, from its row"))
    d.add_argument("--today", type=date_arg, metavar="YYYY-MM-DD",
                   help=_("count overdue as of this day (default: today)"))
    d.add_argument("--word", metavar=_("TEXT"),
                   help=_("the office's short name in circular numbers, e.g. 台安办 "
                          "(remembered for the next circular)"))
    out = d.add_mutually_exclusive_group(required=True)
    out.add_argument("-o", "--output", metavar=_("FILE.xlsx|FILE.pdf"))
    out.add_argument("--json", action="store_true", help=_("print the figures as JSON"))
    d.set_defaults(func=run_dispatch)
    c = rsub.add_parser("circulars", help=_("the circulars issued, with their numbers"))
    c.add_argument("--year", type=int, help=_("only this year's"))
    c.set_defaults(func=run_circulars)


def run_dispatch(args: argparse.Namespace, ctx: AppContext) -> int:
    path = Path(args.output) if args.output else None
    if path is not None:
        check_output(path)   # before the work: a wrong name costs nothing
    lang = ctx.lang or "zh_CN"
    word = None if args.word is None else _circular_word(args.word)
    report = prepare(ctx.db, DispatchRequest(args.start, args.end, args.by, args.campaign,
                                             args.unit, args.today or date.today(), lang),
                     ctx.device.id)
    rows = report.rows if report.rows is not None else report.table.rows
    if args.json:
        print(json.dumps({"period": [args.start, args.end], "by": report.query.by,
                          "campaign": report.query.campaign.name if report.query.campaign
                          else None,
                          "rows": [r.as_dict() for r in rows],
                          "total": report.table.total.as_dict(),
                          "unit_inspections": [
                              {"unit_id": u.unit_id, "name": u.name, "kind": u.kind,
                               "inspections": u.inspections}
                              for u in report.unit_inspections]},
                         ensure_ascii=False, indent=2))
        return 0
    assert path is not None
    number = write_report(ctx.db, report, path, word)
    if word is not None:  # remembered once a circular was written with it
        ctx.profile.set_setting(WORD_SETTING, word)
    print(table([_("unit"), _("inspections"), _("hazards"), _("overdue")],
                [[r.label, count_text(r.inspections), count_text(r.hazards),
                  count_text(r.figures["overdue"])]
                 for r in rows]))
    if report.unit_inspections:
        print(_("supervision inspections of units (not counted as companies covered): {units}")
              .format(units=", ".join(f"{u.name} {count_text(u.inspections)}"
                                       for u in report.unit_inspections)))
    print(_("written to {path} ({rows} row(s), {figures} figures each)").format(
        path=path, rows=len(rows), figures=len(COUNTS)))
    if number:
        print(_("circular {number}").format(number=number))
    return 0


def _circular_word(given: str) -> str:
    """The office's short name as numbers print it (the rule of the profile's field)."""
    word = normal_circular_word(given)
    if word is None:
        raise ValidationError(N_("--word {word!r}: the office's short name, 1 to 10 letters "
                                 "without spaces, brackets or punctuation, e.g. 台安办."),
                              word=given)
    return word


def run_circulars(args: argparse.Namespace, ctx: AppContext) -> int:
    issued = circulars_issued(ctx.db, args.year)
    print(table([_("number"), _("issued on"), _("title")],
                [[c.number, c.issued_on, c.title] for c in issued]))
    return 0
