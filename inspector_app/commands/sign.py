"""``inspector-app sign INSPECTION_ID``: lock a completed inspection and sign its record."""

from __future__ import annotations

import argparse

from inspector_app.commands.common import resolve_id
from inspector_app.commands.passphrases import read_passphrase
from inspector_app.services.context import AppContext


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sign", help="lock a completed inspection and sign it digitally")
    p.add_argument("inspection", metavar="INSPECTION_ID", help="id or number of the inspection")
    p.add_argument("--passphrase-file", help="file holding your signing passphrase")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: AppContext) -> int:
    inspection_id = resolve_id(ctx.inspections, args.inspection)
    passphrase = read_passphrase(args.passphrase_file, "Signing passphrase: ")
    ctx.signing.sign_inspection(inspection_id, passphrase, ctx.actor)
    print(f"signed and locked {inspection_id}")
    return 0
