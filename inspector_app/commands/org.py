"""``inspector-app org``: the office's root certificate, issuing and revoking identities."""

from __future__ import annotations

import argparse
from pathlib import Path

from inspector_app.commands.passphrases import read_passphrase
from inspector_app.commands.when import local_date
from inspector_app.i18n import _
from inspector_app.services.context import AppContext
from inspector_app.services.pki import (
    check_enrolment_target,
    one_time_passphrase,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("org", help=_("the office's signing authority (supervisor's computer)"))
    osub = p.add_subparsers(dest="org_command", metavar=_("ACTION"), required=True)
    init = osub.add_parser("init", help=_("create the organisation's offline root certificate"))
    init.add_argument("--name", required=True, help=_("organisation, e.g. 泉台区应急管理局"))
    init.add_argument("--passphrase-file", help=_("file holding the root key's passphrase"))
    init.set_defaults(func=run_init)
    issue = osub.add_parser("issue", help=_("issue an inspector's enrolment file (PKCS#12)"))
    issue.add_argument("--name", required=True)
    issue.add_argument("--enforcement-id", default="")
    issue.add_argument("--days", type=int, default=3 * 365, help=_("validity (default 3 years)"))
    issue.add_argument("-o", "--output", required=True, help=_("the .p12 file to write"))
    issue.add_argument("--passphrase-file", help=_("file holding the root key's passphrase"))
    issue.add_argument("--enrolment-passphrase-file",
                       help=_("one-time passphrase for the file (default: generated and printed)"))
    issue.set_defaults(func=run_issue)
    revoke = osub.add_parser("revoke", help=_("revoke an issued certificate (e.g. a lost laptop)"))
    revoke.add_argument("serial", metavar=_("serial"),
                        help=_("certificate serial (hex), see 'org list'"))
    revoke.add_argument("--reason", default="")
    revoke.add_argument("--passphrase-file")
    revoke.set_defaults(func=run_revoke)
    listing = osub.add_parser("list", help=_("issued certificates and revocations"))
    listing.set_defaults(func=run_list)


def run_init(args: argparse.Namespace, ctx: AppContext) -> int:
    passphrase = read_passphrase(args.passphrase_file, _("New passphrase for the root key: "),
                                 confirm=True)
    info = ctx.pki.init_org(args.name, passphrase)
    # The certificate may hold a shortened name; the full one is kept with the root key.
    print(_("organisation: {name}").format(name=args.name.strip()))
    print(_("root certificate fingerprint (SHA-256): {fingerprint}").format(
        fingerprint=info.fingerprint))
    print(_("valid until: {date}").format(date=local_date(info.not_after.date())))
    return 0


def run_issue(args: argparse.Namespace, ctx: AppContext) -> int:
    org_pass = read_passphrase(args.passphrase_file, _("Root key passphrase: "))
    generated = args.enrolment_passphrase_file is None
    enrol_pass = one_time_passphrase() if generated else read_passphrase(
        args.enrolment_passphrase_file, "")
    out = Path(args.output)
    # Checked before the work (and the number of the certificate) is spent on it.
    check_enrolment_target(out)
    _data, info = ctx.pki.issue(
        args.name, args.enforcement_id, org_pass, enrol_pass, days=args.days, target=out)
    print(_("wrote {path}: {identity}, serial {serial}").format(
        path=out, identity=info.describe(), serial=info.serial))
    if generated:
        print(_("one-time passphrase: {passphrase}").format(passphrase=enrol_pass))
    return 0


def run_revoke(args: argparse.Namespace, ctx: AppContext) -> int:
    passphrase = read_passphrase(args.passphrase_file, _("Root key passphrase: "))
    ctx.pki.revoke(args.serial, passphrase, args.reason)
    print(_("revoked {serial}; laptops learn it with the next sync from the office").format(
        serial=args.serial))
    return 0


def run_list(args: argparse.Namespace, ctx: AppContext) -> int:
    for serial, info, revoked in ctx.pki.issued():
        state = f"REVOKED {revoked[:10]}" if revoked else "valid"
        print(_("{serial}  {name}  {enforcement_id}  until {date}  {state}").format(
            serial=serial, name=info.subject_name, enforcement_id=info.enforcement_id or "",
            date=local_date(info.not_after.date()), state=state))
    return 0
