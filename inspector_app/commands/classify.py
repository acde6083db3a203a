"""``inspector-app classify`` and ``standardisation``: supervision classes and certificates."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

import yaml

from inspector_app.domain.risk import (
    REASONS,
    STANDARDISATION_GRADES,
    RiskScheme,
    Standardisation,
    reason_label,
)
from inspector_app.errors import ValidationError
from inspector_app.services.classification import ClassificationService, Classified
from inspector_app.services.context import AppContext


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("classify", help="supervision classes of companies (分级分类)")
    psub = p.add_subparsers(dest="classify_command", metavar="ACTION", required=True)
    ls = psub.add_parser("list", help="companies with their class, the suggested class and why")
    ls.add_argument("--differs", action="store_true",
                    help="only companies whose class differs from the suggestion")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=run_list)
    st = psub.add_parser("set", help="record the office's decision on a company's class")
    st.add_argument("company", help="company id")
    st.add_argument("risk_class", metavar="CLASS", help="major/high/moderate/low or 红/橙/黄/蓝")
    st.add_argument("--why", required=True, help="the reason for the decision")
    st.set_defaults(func=run_set)
    acc = psub.add_parser("accept", help="decide the suggested class for every company not "
                          "yet classified")
    acc.add_argument("--why", required=True)
    acc.add_argument("--all", action="store_true", help="also companies already classified")
    acc.set_defaults(func=run_accept)
    facts = psub.add_parser("facts", help="what the office knows: 重大危险源, accidents")
    facts.add_argument("company", help="company id")
    facts.add_argument("--major-hazard-source", choices=["yes", "no"])
    facts.add_argument("--accidents", type=int, help="accidents on record")
    facts.set_defaults(func=run_facts)
    hist = psub.add_parser("history", help="a company's decisions: when, class, who, why")
    hist.add_argument("company")
    hist.set_defaults(func=run_history)
    sch = psub.add_parser("scheme", help="show the scheme, or replace it from a YAML file")
    sch.add_argument("--set", metavar="FILE.yaml", help="classes, frequencies and reasons")
    sch.set_defaults(func=run_scheme)

    s = sub.add_parser("standardisation", help="safety standardisation (安全生产标准化) "
                       "grades and certificates")
    ssub = s.add_subparsers(dest="std_command", metavar="ACTION", required=True)
    put = ssub.add_parser("set", help="record a company's grade and certificate")
    put.add_argument("company", help="company id")
    put.add_argument("--grade", required=True, help="一级 / 二级 / 三级 / 小微企业")
    put.add_argument("--certificate", required=True, help="certificate number")
    put.add_argument("--issued", help="YYYY-MM-DD")
    put.add_argument("--expires", help="YYYY-MM-DD")
    put.set_defaults(func=run_std_set)
    exp = ssub.add_parser("expiring", help="certificates expiring within N days (or expired)")
    exp.add_argument("--days", type=int, default=90)
    exp.add_argument("--json", action="store_true")
    exp.set_defaults(func=run_std_expiring)
    none = ssub.add_parser("missing", help="companies without a certificate")
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
    raise ValidationError(f"Unknown class {value!r}; use one of "
                          f"{', '.join(f'{c.key} ({c.zh})' for c in scheme.classes)}.")


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
        why = ", ".join(reason_label(x, lang) for x in r.reasons) or "—"
        mark = "  *" if r.differs else ""
        print(f"{r.company_id[:8]}  {r.name}  {r.town or ''}  class {name(r.current)}  "
              f"suggested {name(r.suggested)} ({why}){mark}")
    return 0


def run_set(args: argparse.Namespace, ctx: AppContext) -> int:
    service = _service(ctx)
    company = _company_id(ctx, args.company)
    service.decide(company, _class_key(service, args.risk_class), args.why)
    print(f"{company}: class {args.risk_class} recorded")
    return 0


def run_accept(args: argparse.Namespace, ctx: AppContext) -> int:
    n = _service(ctx).accept_suggestions(args.why, unclassified_only=not args.all)
    print(f"{n} companies classified as suggested")
    return 0


def run_facts(args: argparse.Namespace, ctx: AppContext) -> int:
    source = None if args.major_hazard_source is None else args.major_hazard_source == "yes"
    _service(ctx).set_facts(_company_id(ctx, args.company), major_hazard_source=source,
                            accidents=args.accidents)
    return 0


def run_history(args: argparse.Namespace, ctx: AppContext) -> int:
    for when, klass, who, why in _service(ctx).history(_company_id(ctx, args.company)):
        print(f"{when}  {klass}  {who or '—'}  {why}")
    return 0


def run_scheme(args: argparse.Namespace, ctx: AppContext) -> int:
    service = _service(ctx)
    if args.set:
        try:
            data = yaml.safe_load(Path(args.set).read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise ValidationError(f"{args.set}: cannot read the scheme: {exc}") from None
        if not isinstance(data, dict):
            raise ValidationError(f"{args.set}: a scheme is a mapping with classes, reasons "
                                  "and default.")
        service.set_scheme(RiskScheme.from_dict(data))
    print(yaml.safe_dump(service.scheme().to_dict(), allow_unicode=True, sort_keys=False))
    print("# reasons: " + ", ".join(f"{k} ({v[0]})" for k, v in REASONS.items()))
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
        print(f"{r.company_id[:8]}  {r.name}  {grade}  {s.certificate or '—'}  "
              f"expires {s.expires_on or '—'}")


def run_std_expiring(args: argparse.Namespace, ctx: AppContext) -> int:
    _std_rows(_service(ctx).expiring(args.days, date.today()), args.json, _lang(ctx))
    return 0


def run_std_missing(args: argparse.Namespace, ctx: AppContext) -> int:
    _std_rows(_service(ctx).without_certificate(), args.json, _lang(ctx))
    return 0


def _company_id(ctx: AppContext, key: str) -> str:
    """A company id, or an unambiguous start of one (as `classify list` prints it)."""
    return _service(ctx).resolve_company(key)
