"""``inspector-app campaigns``: campaigns (专项行动) and the inspections tagged to them."""

from __future__ import annotations

import argparse
import json

from inspector_app.commands.common import resolve_company, sectors_arg, table
from inspector_app.commands.when import local_date
from inspector_app.domain.records import new_id
from inspector_app.domain.units import Campaign, Phase, Target
from inspector_app.errors import ValidationError
from inspector_app.i18n import N_, _, count_text
from inspector_app.services.context import AppContext


def _list(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.replace("，", ",").split(",") if p.strip())


def _phase(text: str) -> Phase:
    try:
        name, start, end = (p.strip() for p in text.split(":"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r}: a phase is NAME:YYYY-MM-DD:YYYY-MM-DD").format(text=text)) from None
    return Phase(name, start, end)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("campaigns", help=_("campaigns and their scope"))
    csub = p.add_subparsers(dest="campaigns_command", metavar=_("ACTION"), required=True)

    ls = csub.add_parser("list", help=_("list the campaigns"))
    ls.add_argument("--json", action="store_true", help=_("print JSON"))
    ls.set_defaults(func=run_list)

    add = csub.add_parser("add", help=_("add a campaign; with no scope it covers every company"))
    add.add_argument("name", metavar=_("name"))
    add.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    add.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
    add.add_argument("--industries", type=sectors_arg, default=(), metavar="A,B")
    add.add_argument("--towns", type=_list, default=(), metavar="A,B")
    add.add_argument("--company", action="append", default=[], metavar=_("ID"),
                     help=_("a company in scope (repeat)"))
    add.add_argument("--phase", type=_phase, action="append", default=[],
                     metavar=_("NAME:FROM:TO"))
    add.add_argument("--target", action="append", default=[], metavar=_("TEXT"),
                     help=_("e.g. 每家重点企业至少检查一次"))
    add.set_defaults(func=run_add)

    tag = csub.add_parser("tag", help=_("count an inspection in a campaign, or not, whatever "
                                        "its date and company"))
    tag.add_argument("campaign", metavar=_("campaign"))
    tag.add_argument("inspection", metavar=_("inspection"), help=_("inspection id"))
    which = tag.add_mutually_exclusive_group(required=True)
    which.add_argument("--in", dest="included", action="store_true")
    which.add_argument("--out", dest="excluded", action="store_true")
    tag.set_defaults(func=run_tag)


def _json(c: Campaign) -> dict:
    return {"id": c.id, "name": c.name, "starts_on": c.starts_on, "ends_on": c.ends_on,
            "phases": [p.__dict__ for p in c.phases], "industries": list(c.industries),
            "towns": list(c.towns), "company_ids": list(c.company_ids),
            "targets": [t.__dict__ for t in c.targets]}


def run_list(args: argparse.Namespace, ctx: AppContext) -> int:
    campaigns = ctx.campaigns.all()
    if args.json:
        print(json.dumps([_json(c) for c in campaigns], ensure_ascii=False, indent=2))
        return 0
    if not campaigns:
        print(_("no campaigns"))
        return 0
    print(table([_("name"), _("from"), _("to"), _("scope")], [
        [c.name, local_date(c.starts_on), local_date(c.ends_on),
         _("all companies") if c.covers_everyone else
         _(", ").join([*c.industries, *c.towns,
                       *(_("{count} companies").format(count=count_text(len(c.company_ids))),)
                       * bool(c.company_ids)])] for c in campaigns]))
    return 0


def run_add(args: argparse.Namespace, ctx: AppContext) -> int:
    companies = tuple(resolve_company(ctx, c) for c in args.company)
    campaign = ctx.campaigns.add(Campaign(
        new_id(), args.name, args.start, args.end, tuple(args.phase), args.industries,
        args.towns, companies, tuple(Target(t) for t in args.target)))
    print(_("added campaign {name} ({starts} – {ends})").format(
        name=campaign.name, starts=local_date(campaign.starts_on),
        ends=local_date(campaign.ends_on)))
    return 0


def run_tag(args: argparse.Namespace, ctx: AppContext) -> int:
    repo = ctx.campaigns
    campaign = repo.find(args.campaign)
    if not (args.included or args.excluded):
        raise ValidationError(N_("Give --in or --out."))
    repo.tag(campaign.id, args.inspection, args.included)
    message = (_("{inspection} counted in {campaign}") if args.included
               else _("{inspection} left out of {campaign}"))
    print(message.format(inspection=args.inspection, campaign=campaign.name))
    return 0
