"""``inspector-app profile``: show or set who uses this computer (the first-run answers)."""

from __future__ import annotations

import argparse

from inspector_app.domain.profile import Profile
from inspector_app.services.context import AppContext


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("profile", help="show or set this computer's inspector and number prefix")
    psub = p.add_subparsers(dest="profile_command", metavar="ACTION")
    show = psub.add_parser("show", help="print the profile")
    show.set_defaults(func=run_show)
    s = psub.add_parser("set", help="set the profile (what the first-run dialog asks)")
    s.add_argument("--name", required=True)
    s.add_argument("--enforcement-id", help="kept as it is when not given")
    s.add_argument("--organisation", required=True)
    s.add_argument("--authority", help="authority short name used in numbers (kept if not given)")
    s.add_argument("--prefix", required=True, help="this device's document-number prefix")
    s.add_argument("--review-government", help="people's government that hears administrative "
                   "reconsideration, without 人民政府 (e.g. 泉台区); kept if not given")
    s.add_argument("--review-department", help="higher authority that also hears it "
                   "(e.g. 泉州市应急管理局); kept if not given, '' to remove")
    s.add_argument("--review-court", help="people's court for lawsuits, without 人民法院 "
                   "(e.g. 泉台区); kept if not given")
    s.set_defaults(func=run_set)
    p.set_defaults(func=run_show)


def run_show(args: argparse.Namespace, ctx: AppContext) -> int:
    inspector = ctx.current_inspector()
    settings = ctx.profile
    print(f"inspector: {inspector.name if inspector else '(not set)'}")
    print(f"enforcement_id: {(inspector.enforcement_id if inspector else '') or ''}")
    print(f"organisation: {settings.setting('organisation') or ''}")
    print(f"authority: {settings.setting('authority_short') or ''}")
    print(f"review_government: {settings.setting('review_government') or ''}")
    print(f"review_department: {settings.setting('review_department') or ''}")
    print(f"review_court: {settings.setting('review_court') or ''}")
    print(f"prefix: {ctx.device.doc_prefix}")
    print(f"device_id: {ctx.device.id}")
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
