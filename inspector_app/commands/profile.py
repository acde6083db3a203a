"""``inspector-app profile``: show or set who uses this computer (the first-run answers)."""

from __future__ import annotations

import argparse

from inspector_app.domain.profile import Profile
from inspector_app.i18n import N_, _
from inspector_app.services.context import AppContext


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("profile", help=_("show or set this computer's inspector and number prefix"))
    psub = p.add_subparsers(dest="profile_command", metavar=_("ACTION"))
    show = psub.add_parser("show", help=_("print the profile"))
    show.set_defaults(func=run_show)
    s = psub.add_parser("set", help=_("set the profile (what the first-run dialog asks)"))
    s.add_argument("--name", required=True)
    s.add_argument("--enforcement-id", help=_("kept as it is when not given"))
    s.add_argument("--organisation", required=True)
    s.add_argument("--authority", help=_("authority short name used in numbers (kept if not "
                                         "given)"))
    s.add_argument("--prefix", required=True, help=_("this device's document-number prefix"))
    s.add_argument("--review-government", help=_("people's government that hears administrative "
                     "reconsideration, without 人民政府 (e.g. 泉台区); kept if not given"))
    s.add_argument("--review-department", help=_("higher authority that also hears it "
                     "(e.g. 泉州市应急管理局); kept if not given, '' to remove"))
    s.add_argument("--review-court", help=_("people's court for lawsuits, without 人民法院 "
                     "(e.g. 泉台区); kept if not given"))
    s.set_defaults(func=run_set)
    p.set_defaults(func=run_show)


def run_show(args: argparse.Namespace, ctx: AppContext) -> int:
    inspector = ctx.current_inspector()
    settings = ctx.profile
    for label, value in (
            (N_("inspector"), inspector.name if inspector else _("(not set)")),
            (N_("enforcement_id"), (inspector.enforcement_id if inspector else "") or ""),
            (N_("organisation"), settings.setting("organisation") or ""),
            (N_("authority"), settings.setting("authority_short") or ""),
            (N_("review_government"), settings.setting("review_government") or ""),
            (N_("review_department"), settings.setting("review_department") or ""),
            (N_("review_court"), settings.setting("review_court") or ""),
            (N_("prefix"), ctx.device.doc_prefix),
            (N_("device_id"), ctx.device.id)):
        print(_("{label}: {value}").format(label=_(label), value=value))
    return 0


def run_set(args: argparse.Namespace, ctx: AppContext) -> int:
    repo = ctx.profile
    current = repo.current_inspector()
    enforcement_id = args.enforcement_id
    if enforcement_id is None:
        enforcement_id = (current.enforcement_id if current else "") or ""
    authority = args.authority
    if authority is None:
        authority = repo.setting("authority_short") or ""
    review = {key: getattr(args, key) if getattr(args, key) is not None
              else repo.setting(key) or ""
              for key in ("review_government", "review_department", "review_court")}
    repo.save(Profile(name=args.name, enforcement_id=enforcement_id,
                      organisation=args.organisation, doc_prefix=args.prefix,
                      authority_short=authority, **review))
    return run_show(args, ctx)
