"""``inspector-app org``: the office's root certificate, issuing and revoking identities."""

from __future__ import annotations

import argparse
from pathlib import Path

from inspector_app.commands.passphrases import read_passphrase
from inspector_app.services.context import AppContext
from inspector_app.services.pki import (
    check_enrolment_target,
    one_time_passphrase,
    save_enrolment_file,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("org", help="the office's signing authority (supervisor's computer)")
    osub = p.add_subparsers(dest="org_command", metavar="ACTION", required=True)
    init = osub.add_parser("init", help="create the organisation's offline root certificate")
    init.add_argument("--name", required=True, help="organisation, e.g. 泉台区应急管理局")
    init.add_argument("--passphrase-file", help="file holding the root key's passphrase")
    init.set_defaults(func=run_init)
    issue = osub.add_parser("issue", help="issue an inspector's enrolment file (PKCS#12)")
    issue.add_argument("--name", required=True)
    issue.add_argument("--enforcement-id", default="")
    issue.add_argument("--days", type=int, default=3 * 365, help="validity (default 3 years)")
    issue.add_argument("-o", "--output", required=True, help="the .p12 file to write")
    issue.add_argument("--passphrase-file", help="file holding the root key's passphrase")
    issue.add_argument("--enrolment-passphrase-file",
                       help="one-time passphrase for the file (default: generated and printed)")
    issue.set_defaults(func=run_issue)
    revoke = osub.add_parser("revoke", help="revoke an issued certificate (e.g. a lost laptop)")
    revoke.add_argument("serial", help="certificate serial (hex), see 'org list'")
    revoke.add_argument("--reason", default="")
    revoke.add_argument("--passphrase-file")
    revoke.set_defaults(func=run_revoke)
    listing = osub.add_parser("list", help="issued certificates and revocations")
    listing.set_defaults(func=run_list)


def run_init(args: argparse.Namespace, ctx: AppContext) -> int:
    passphrase = read_passphrase(args.passphrase_file, "New passphrase for the root key: ",
                                 confirm=True)
    info = ctx.pki.init_org(args.name, passphrase)
    # The certificate may hold a shortened name; the full one is kept with the root key.
    print(f"organisation: {args.name.strip()}")
    print(f"root certificate fingerprint (SHA-256): {info.fingerprint}")
    print(f"valid until: {info.not_after:%Y-%m-%d}")
    return 0


def run_issue(args: argparse.Namespace, ctx: AppContext) -> int:
    org_pass = read_passphrase(args.passphrase_file, "Root key passphrase: ")
    generated = args.enrolment_passphrase_file is None
    enrol_pass = one_time_passphrase() if generated else read_passphrase(
        args.enrolment_passphrase_file, "")
    out = Path(args.output)
    # Checked before the work (and the number of the certificate) is spent on it.
    check_enrolment_target(out)
    data, info = ctx.pki.issue(
        args.name, args.enforcement_id, org_pass, enrol_pass, days=args.days)
    save_enrolment_file(out, data)
    print(f"wrote {out}: {info.describe()}, serial {info.serial}")
    if generated:
        print(f"one-time passphrase: {enrol_pass}")
    return 0


def run_revoke(args: argparse.Namespace, ctx: AppContext) -> int:
    passphrase = read_passphrase(args.passphrase_file, "Root key passphrase: ")
    ctx.pki.revoke(args.serial, passphrase, args.reason)
    print(f"revoked {args.serial}; laptops learn it with the next sync from the office")
    return 0


def run_list(args: argparse.Namespace, ctx: AppContext) -> int:
    for serial, info, revoked in ctx.pki.issued():
        state = f"REVOKED {revoked[:10]}" if revoked else "valid"
        print(f"{serial}  {info.subject_name}  {info.enforcement_id or ''}  "
              f"until {info.not_after:%Y-%m-%d}  {state}")
    return 0
