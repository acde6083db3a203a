"""``inspector-app units``: the district's units registry (towns, departments, groups)."""

from __future__ import annotations

import argparse
import json

from inspector_app.commands.common import resolve_company, sectors_arg, table
from inspector_app.domain.units import UNIT_KIND_LABELS, UnitKind
from inspector_app.errors import ValidationError
from inspector_app.i18n import N_, _, current_language
from inspector_app.services.context import AppContext
from inspector_app.services.units import UnitRepo


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("units", help=_("the district's units: towns, sector departments, groups"))
    usub = p.add_subparsers(dest="units_command", metavar=_("ACTION"), required=True)

    ls = usub.add_parser("list", help=_("list the units"))
    ls.add_argument("--kind", choices=[k.value for k in UnitKind])
    ls.add_argument("--json", action="store_true", help=_("print JSON"))
    ls.set_defaults(func=run_list)

    add = usub.add_parser("add", help=_("add a unit"))
    add.add_argument("name", metavar=_("name"))
    add.add_argument("--kind", required=True, choices=[k.value for k in UnitKind])
    add.add_argument("--sectors", type=sectors_arg, default=(), metavar="A,B",
                     help=_("industries a department supervises (codes or Chinese names)"))
    add.add_argument("--parent", metavar=_("UNIT"), help=_("the unit it belongs to"))
    add.set_defaults(func=run_add)

    sectors = usub.add_parser("set-sectors", help=_("set the industries a department supervises"))
    sectors.add_argument("unit", metavar=_("unit"))
    sectors.add_argument("sectors", type=sectors_arg, metavar="A,B")
    sectors.set_defaults(func=run_set_sectors)

    own = usub.add_parser("set-own", help=_("the unit this computer's inspections belong to"))
    own.add_argument("unit", metavar=_("unit"))
    own.set_defaults(func=run_set_own)

    assign = usub.add_parser("assign", help=_("name a company's supervising department, where "
                                              "its industry does not tell"))
    assign.add_argument("company", metavar=_("company"),
                        help=_("company id, its first characters or its exact name"))
    assign.add_argument("department", metavar=_("department"), nargs="?",
                        help=_("the department (omit to clear)"))
    assign.set_defaults(func=run_assign)


def _repo(ctx: AppContext) -> UnitRepo:
    return ctx.units


def run_list(args: argparse.Namespace, ctx: AppContext) -> int:
    repo = _repo(ctx)
    units = repo.all(args.kind)
    own = repo.own_unit()
    zh = (ctx.lang or "en").startswith("zh")
    if args.json:
        print(json.dumps([{"id": u.id, "name": u.name, "kind": u.kind.value,
                           "parent_id": u.parent_id, "sectors": list(u.sectors),
                           "active": u.active, "own": own is not None and own.id == u.id}
                          for u in units], ensure_ascii=False, indent=2))
        return 0
    if not units:
        print(_("no units"))
        return 0
    print(table([_("name"), _("kind"), _("sectors"), _("own")],
                [[u.name, UNIT_KIND_LABELS[u.kind].in_("zh_CN" if zh else "en"),
                  ",".join(u.sectors), "*" if own and own.id == u.id else ""] for u in units]))
    return 0


def run_add(args: argparse.Namespace, ctx: AppContext) -> int:
    repo = _repo(ctx)
    parent = repo.find(args.parent).id if args.parent else None
    unit = repo.add(args.name, args.kind, sectors=args.sectors, parent_id=parent)
    print(_("added {kind} {name} ({unit_id})").format(
        kind=UNIT_KIND_LABELS[unit.kind].in_(current_language()),
        name=unit.name, unit_id=unit.id))
    return 0


def run_set_sectors(args: argparse.Namespace, ctx: AppContext) -> int:
    repo = _repo(ctx)
    unit = repo.update(repo.find(args.unit).id, sectors=args.sectors)
    print(_("{label}: {value}").format(label=unit.name,
                                       value=", ".join(unit.sectors) or _("no industries")))
    return 0


def run_set_own(args: argparse.Namespace, ctx: AppContext) -> int:
    repo = _repo(ctx)
    unit = repo.find(args.unit)
    repo.set_own_unit(unit.id)
    print(_("this computer's inspections are now carried out by {unit}").format(unit=unit.name))
    return 0


def run_assign(args: argparse.Namespace, ctx: AppContext) -> int:
    repo = _repo(ctx)
    company_id = resolve_company(ctx, args.company)
    unit = repo.find(args.department) if args.department else None
    if unit is not None and unit.kind != UnitKind.DEPARTMENT:
        raise ValidationError(N_("{name} is not a sector department."), name=unit.name)
    repo.set_company_department(company_id, unit.id if unit else None)
    dept = repo.department_for(company_id)
    print(_("supervising department: {name}").format(name=dept.name if dept else _("none")))
    return 0
