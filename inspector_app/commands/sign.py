"""``inspector-app sign INSPECTION_ID``: lock a completed inspection and sign its record."""

from __future__ import annotations

import argparse

from inspector_app.commands.common import resolve_id
from inspector_app.commands.passphrases import read_passphrase
from inspector_app.i18n import _
from inspector_app.services.context import AppContext


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sign", help=_("lock a completed inspection and sign it digitally"))
    p.add_argument("inspection", metavar=_("INSPECTION_ID"),
                   help=_("id or number of the inspection"))
    p.add_argument("--passphrase-file", help=_("file holding your signing passphrase"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: AppContext) -> int:
    inspection_id = resolve_id(ctx.inspections, args.inspection)
    passphrase = read_passphrase(args.passphrase_file, _("Signing passphrase: "))
    ctx.signing.sign_inspection(inspection_id, passphrase, ctx.actor)
    print(_("signed and locked {inspection_id}").format(inspection_id=inspection_id))
    return 0
