"""``inspector-app classify`` and ``standardisation``: supervision classes and certificates."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

import yaml

from inspector_app.commands.when import local_date, local_minute
from inspector_app.domain.risk import (
    REASONS,
    STANDARDISATION_GRADES,
    RiskScheme,
    Standardisation,
    reason_label,
)
from inspector_app.errors import ValidationError, from_read_error
from inspector_app.i18n import N_, _, count_text
from inspector_app.services.classification import ClassificationService, Classified
from inspector_app.services.context import AppContext


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("classify", help=_("supervision classes of companies"))
    psub = p.add_subparsers(dest="classify_command", metavar=_("ACTION"), required=True)
    ls = psub.add_parser("list", help=_("companies with their class, the suggested class and why"))
    ls.add_argument("--differs", action="store_true",
                    help=_("only companies whose class differs from the suggestion"))
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=run_list)
    st = psub.add_parser("set", help=_("record the office's decision on a company's class"))
    st.add_argument("company", metavar=_("company"), help=_("company id"))
    st.add_argument("risk_class", metavar=_("CLASS"),
                    help=_("major/high/moderate/low or 红/橙/黄/蓝"))
    st.add_argument("--why", required=True, help=_("the reason for the decision"))
    st.set_defaults(func=run_set)
    acc = psub.add_parser("accept", help=_("decide the suggested class for every company not "
                            "yet classified"))
    acc.add_argument("--why", required=True)
    acc.add_argument("--all", action="store_true", help=_("also companies already classified"))
    acc.set_defaults(func=run_accept)
    facts = psub.add_parser("facts", help=_("what the office knows: major hazard "
                                            "installations, accidents"))
    facts.add_argument("company", metavar=_("company"), help=_("company id"))
    facts.add_argument("--major-hazard-source", choices=["yes", "no"])
    facts.add_argument("--accidents", type=int, help=_("accidents on record"))
    facts.set_defaults(func=run_facts)
    hist = psub.add_parser("history", help=_("a company's decisions: when, class, who, why"))
    hist.add_argument("company", metavar=_("company"))
    hist.set_defaults(func=run_history)
    sch = psub.add_parser("scheme", help=_("show the scheme, or replace it from a YAML file"))
    sch.add_argument("--set", metavar=_("FILE.yaml"), help=_("classes, frequencies and reasons"))
    sch.set_defaults(func=run_scheme)

    s = sub.add_parser("standardisation", help=_("safety standardisation "
                         "grades and certificates"))
    ssub = s.add_subparsers(dest="std_command", metavar=_("ACTION"), required=True)
    put = ssub.add_parser("set", help=_("record a company's grade and certificate"))
    put.add_argument("company", metavar=_("company"), help=_("company id"))
    put.add_argument("--grade", required=True, help=_("一级 / 二级 / 三级 / 小微企业"))
    put.add_argument("--certificate", required=True, help=_("certificate number"))
    put.add_argument("--issued", help=_("YYYY-MM-DD"))
    put.add_argument("--expires", help=_("YYYY-MM-DD"))
    put.set_defaults(func=run_std_set)
    exp = ssub.add_parser("expiring", help=_("certificates expiring within N days (or expired)"))
    exp.add_argument("--days", type=int, default=90)
    exp.add_argument("--json", action="store_true")
    exp.set_defaults(func=run_std_expiring)
    none = ssub.add_parser("missing", help=_("companies without a certificate"))
    none.add_argument("--json", action="store_true")
    none.set_defaults(func=run_std_missing)


def _service(ctx: AppContext) -> ClassificationService:
    return ctx.classification


def _lang(ctx: AppContext) -> str:
    return ctx.lang or "en"


def _class_key(service: ClassificationService, value: str) -> str:
    scheme = service.scheme()
    for c in scheme.classes:
        if value in (c.key, c.zh, c.en, c.en.lower()):
            return c.key
    raise ValidationError(N_("Unknown class {value!r}; use one of "
                             "{join}."),
                          value=value,
                          join=', '.join(f'{c.key} ({c.zh})' for c in scheme.classes))


def _json(row: Classified) -> dict[str, object]:
    return {"company_id": row.company_id, "name": row.name, "town": row.town,
            "class": row.current, "suggested": row.suggested, "reasons": list(row.reasons),
            "decided_by": row.decided_by, "decided_at": row.decided_at, "why": row.why,
            "standardisation": row.standardisation.__dict__}


def run_list(args: argparse.Namespace, ctx: AppContext) -> int:
    service = _service(ctx)
    scheme = service.scheme()
    rows = [r for r in service.overview() if r.differs or not args.differs]
    if args.json:
        print(json.dumps([_json(r) for r in rows], ensure_ascii=False, indent=2))
        return 0
    lang = _lang(ctx)

    def name(key: str | None) -> str:
        c = scheme.get(key)
        return c.label(lang) if c else "—"

    for r in rows:
        why = _(", ").join(reason_label(x, lang) for x in r.reasons) or "—"
        mark = "  *" if r.differs else ""
        print(_("{company_id}  {name}  {town}  class {current}  suggested {suggested} "
                "({why}){mark}").format(company_id=r.company_id[:8], name=r.name,
                                        town=r.town or "", current=name(r.current),
                                        suggested=name(r.suggested), why=why, mark=mark))
    return 0


def run_set(args: argparse.Namespace, ctx: AppContext) -> int:
    service = _service(ctx)
    company = _company_id(ctx, args.company)
    service.decide(company, _class_key(service, args.risk_class), args.why)
    print(_("{company}: class {risk_class} recorded").format(company=company,
                                                               risk_class=args.risk_class))
    return 0


def run_accept(args: argparse.Namespace, ctx: AppContext) -> int:
    n = _service(ctx).accept_suggestions(args.why, unclassified_only=not args.all)
    print(_("{count} companies classified as suggested").format(
        count=count_text(n)))
    return 0


def run_facts(args: argparse.Namespace, ctx: AppContext) -> int:
    source = None if args.major_hazard_source is None else args.major_hazard_source == "yes"
    _service(ctx).set_facts(_company_id(ctx, args.company), major_hazard_source=source,
                            accidents=args.accidents)
    return 0


def run_history(args: argparse.Namespace, ctx: AppContext) -> int:
    for when, klass, who, why in _service(ctx).history(_company_id(ctx, args.company)):
        print(f"{local_minute(when)}  {klass}  {who or '—'}  {why}")
    return 0


def run_scheme(args: argparse.Namespace, ctx: AppContext) -> int:
    service = _service(ctx)
    if args.set:
        try:
            data = yaml.safe_load(Path(args.set).read_text(encoding="utf-8"))
        except OSError as exc:
            raise from_read_error(exc, args.set) from None
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise ValidationError(N_("{set}: cannot read the scheme: {exc}"),
                                  set=args.set, exc=exc) from None
        if not isinstance(data, dict):
            raise ValidationError(N_("{set}: a scheme is a mapping with classes, reasons "
                                     "and default."), set=args.set)
        service.set_scheme(RiskScheme.from_dict(data))
    print(yaml.safe_dump(service.scheme().to_dict(), allow_unicode=True, sort_keys=False))
    print(_("# reasons: {reasons}").format(reasons=", ".join(
        f"{k} ({reason_label(k, _lang(ctx))})" for k in REASONS)))
    return 0


def run_std_set(args: argparse.Namespace, ctx: AppContext) -> int:
    _service(ctx).set_standardisation(_company_id(ctx, args.company), Standardisation(
        args.grade, args.certificate, args.issued, args.expires))
    return 0


def _std_rows(rows: list[Classified], as_json: bool, lang: str) -> None:
    if as_json:
        print(json.dumps([_json(r) for r in rows], ensure_ascii=False, indent=2))
        return
    for r in rows:
        s = r.standardisation
        grade = STANDARDISATION_GRADES.get(s.grade or "", ("—", "—"))[lang == "en"]
        print(_("{company_id}  {name}  {grade}  {certificate}  expires {expires}").format(
            company_id=r.company_id[:8], name=r.name, grade=grade,
            certificate=s.certificate or "—", expires=local_date(s.expires_on) or "—"))


def run_std_expiring(args: argparse.Namespace, ctx: AppContext) -> int:
    _std_rows(_service(ctx).expiring(args.days, date.today()), args.json, _lang(ctx))
    return 0


def run_std_missing(args: argparse.Namespace, ctx: AppContext) -> int:
    _std_rows(_service(ctx).without_certificate(), args.json, _lang(ctx))
    return 0


def _company_id(ctx: AppContext, key: str) -> str:
    """A company id, or an unambiguous start of one (as `classify list` prints it)."""
    return _service(ctx).resolve_company(key)
