"""``inspector-app identity``: this computer's signing identity."""

from __future__ import annotations

import argparse
from pathlib import Path

from inspector_app.commands.passphrases import read_passphrase
from inspector_app.errors import from_read_error
from inspector_app.i18n import _
from inspector_app.services.context import AppContext


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("identity", help=_("this computer's signing identity"))
    isub = p.add_subparsers(dest="identity_command", metavar=_("ACTION"), required=True)
    imp = isub.add_parser("import", help=_("import the enrolment file (.p12) from the office"))
    imp.add_argument("file", metavar=_("file"))
    imp.add_argument("--enrolment-passphrase-file", help=_("the one-time passphrase"))
    imp.add_argument("--passphrase-file", help=_("your own new passphrase for the key"))
    imp.set_defaults(func=run_import)
    own = isub.add_parser("self-signed",
                          help=_("a company's own identity (shown as not issued by the office)"))
    own.add_argument("--name", required=True)
    own.add_argument("--organisation", required=True)
    own.add_argument("--passphrase-file")
    own.set_defaults(func=run_self_signed)
    show = isub.add_parser("show", help=_("print the active identity"))
    show.set_defaults(func=run_show)


def run_import(args: argparse.Namespace, ctx: AppContext) -> int:
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise from_read_error(exc, path) from exc
    enrol = read_passphrase(args.enrolment_passphrase_file, _("One-time passphrase: "))
    own = read_passphrase(args.passphrase_file, _("Your new passphrase: "), confirm=True)
    info = ctx.pki.import_identity(data, enrol, own)
    print(_("imported: {identity}").format(identity=info.describe()))
    return 0


def run_self_signed(args: argparse.Namespace, ctx: AppContext) -> int:
    own = read_passphrase(args.passphrase_file, _("Your new passphrase: "), confirm=True)
    info = ctx.pki.create_self_signed(args.name, args.organisation, own)
    print(_("created: {identity}").format(identity=info.describe()))
    return 0


def run_show(args: argparse.Namespace, ctx: AppContext) -> int:
    identity = ctx.pki.identity()
    print(identity[0].describe() if identity else _("no signing identity on this computer"))
    return 0
