"""``inspector-app verify FILE.pdf``: exit 0 only when intact and trusted."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from inspector_app.domain.text import printable
from inspector_app.i18n import _
from inspector_app.services.context import AppContext
from inspector_app.services.pki import PkiService
from inspector_app.services.signing import verify_pdf


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help=_("verify a signed PDF against this computer's trust store"))
    p.add_argument("file", metavar=_("file"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: AppContext) -> int:
    # Read only: verifying works from a read-only data dir (a CD, a locked-down share) and
    # never changes it.
    with ctx.read_only_db() as db:
        result = verify_pdf(Path(args.file), PkiService(db, None))
    name = printable(args.file)
    for check in result.signatures:
        print(f"  {printable(check.line())}")
    if result.ok:
        print(f"{name}: {printable(result.summary())}")
        return 0
    print(_("{file}: NOT VALID: {summary}").format(file=name, summary=printable(result.summary())),
          file=sys.stderr)
    return 1
