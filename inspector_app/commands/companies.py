"""``inspector-app companies``: list, add and import the inspected companies (被检查单位)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from inspector_app.domain.company import (
    Company,
    industry_code,
    industry_label,
    risk_label,
    risk_level_code,
    special_area_code,
    special_area_label,
)
from inspector_app.errors import ValidationError
from inspector_app.i18n import N_, _
from inspector_app.services import company_import
from inspector_app.services.companies import CompanyRepo
from inspector_app.services.context import AppContext


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("companies", help=_("list, add or import the inspected companies"))
    csub = p.add_subparsers(dest="companies_command", metavar=_("ACTION"))

    ls = csub.add_parser("list", help=_("print the companies"))
    ls.add_argument("--search", metavar=_("TEXT"),
                    help=_("part of a name, credit code, town, contact or legal representative"))
    ls.add_argument("--town")
    ls.add_argument("--industry", help=_("an industry code or label"))
    ls.add_argument("--json", action="store_true", help=_("print JSON"))
    ls.set_defaults(func=run_list)

    add = csub.add_parser("add", help=_("add one company"))
    add.add_argument("--name", required=True)
    add.add_argument("--credit-code", help=_("unified social credit code"))
    add.add_argument("--address")
    add.add_argument("--town")
    add.add_argument("--industry", help=_("an industry code or label, e.g. machinery or 机械"))
    add.add_argument("--special-areas", metavar="A,B",
                     help=_("comma-separated codes or labels, e.g. "
                            "combustible_dust,confined_space"))
    add.add_argument("--legal-rep")
    add.add_argument("--position", help=_("the legal representative's position"))
    add.add_argument("--contact-name")
    add.add_argument("--contact-phone")
    add.add_argument("--risk-level", help=_("major, high, moderate or low (or 重大/较大/一般/低)"))
    add.add_argument("--notes")
    add.add_argument("--json", action="store_true", help=_("print the added company as JSON"))
    add.set_defaults(func=run_add)

    imp = csub.add_parser("import", help=_("import companies from a CSV or .xlsx file"))
    imp.add_argument("file", metavar=_("FILE"), type=Path)
    imp.add_argument("--dry-run", action="store_true",
                     help=_("show what would happen without changing anything"))
    imp.set_defaults(func=run_import)

    p.set_defaults(func=run_list, search=None, town=None, industry=None, json=False)


def _repo(ctx: AppContext) -> CompanyRepo:
    return ctx.companies


def _lang(ctx: AppContext) -> str:
    return ctx.lang or "en"


def _as_json(company: Company) -> dict[str, object]:
    return {"id": company.id, **company.content(), "special_areas": list(company.special_areas)}


# What an import would do with a row, as `companies import` prints it.
ROW_ACTIONS = {"add": N_("add"), "update": N_("update"), "unchanged": N_("unchanged"),
               "error": N_("error")}


def run_list(args: argparse.Namespace, ctx: AppContext) -> int:
    industry = (industry_code(args.industry) or args.industry) if args.industry else None
    companies = _repo(ctx).list(args.search, town=args.town, industry=industry)
    if args.json:
        print(json.dumps([_as_json(c) for c in companies], ensure_ascii=False, indent=2))
        return 0
    lang = _lang(ctx)
    for c in companies:
        print("\t".join([c.credit_code or "-", c.name, c.town or "-",
                         industry_label(c.industry, lang) or "-",
                         risk_label(c.risk_level, lang) or "-", c.contact_name or "-",
                         c.contact_phone or "-"]))
    return 0


def _coded(value: str | None, lookup: Callable[[str], str | None],
           unknown: str) -> str | None:
    """The code of ``value``; ``unknown`` (a message id with ``{value}``) when it has none."""
    if not value:
        return None
    code = lookup(value)
    if code is None:
        raise ValidationError(unknown, value=value)
    return code


def run_add(args: argparse.Namespace, ctx: AppContext) -> int:
    areas = tuple(_coded(a.strip(), special_area_code,
                         N_("Unknown special area: {value}.")) or ""
                  for a in (args.special_areas or "").split(",") if a.strip())
    company = _repo(ctx).add(Company(
        name=args.name, credit_code=args.credit_code, address=args.address, town=args.town,
        industry=_coded(args.industry, industry_code, N_("Unknown industry: {value}.")),
        special_areas=areas,
        legal_rep=args.legal_rep, legal_rep_position=args.position,
        contact_name=args.contact_name,
        contact_phone=args.contact_phone,
        risk_level=_coded(args.risk_level, risk_level_code,
                          N_("Unknown risk level: {value}.")), notes=args.notes))
    if args.json:
        print(json.dumps(_as_json(company), ensure_ascii=False, indent=2))
    else:
        lang = _lang(ctx)
        areas_text = _(", ").join(special_area_label(a, lang) for a in company.special_areas)
        print(_("added: {name} ({credit_code}) {areas}").format(
            name=company.name, credit_code=company.credit_code or _("no credit code"),
            areas=areas_text).rstrip())
        print(_("id: {company_id}").format(company_id=company.id))
    return 0


def run_import(args: argparse.Namespace, ctx: AppContext) -> int:
    lang = _lang(ctx)
    repo = _repo(ctx)
    preview = company_import.preview(args.file, repo, lang)  # a refused file exits 1
    for warning in preview.warnings():
        print(_("warning: {warning}").format(warning=warning))
    for row in preview.rows:
        name = row.company.name if row.company else row.values.get("name", "")
        code = row.company.credit_code if row.company else row.values.get("credit_code", "")
        print(_("row {row}: {action}").format(row=row.row,
                                              action=_(ROW_ACTIONS.get(row.action, row.action)))
              + (_(": {name}").format(name=name) if name else "")
              + (f" ({code})" if code else ""))
        for message in row.messages(lang):
            print(f"  {message}")
    print(preview.summary())
    if args.dry_run:
        print(_("dry run: nothing was changed"))
        return 0
    result = company_import.apply(preview, repo)
    for failure in result.failure_lines(lang):
        print(failure)
    print(result.summary(lang))
    return 0
