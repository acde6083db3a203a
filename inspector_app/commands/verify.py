"""``inspector-app verify FILE.pdf``: exit 0 only when intact and trusted."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from inspector_app.services.context import AppContext
from inspector_app.services.pki import PkiService
from inspector_app.services.signing import verify_pdf


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help="verify a signed PDF against this computer's trust store")
    p.add_argument("file")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: AppContext) -> int:
    result = verify_pdf(Path(args.file), PkiService(ctx.db, ctx.device))
    if result.ok:
        print(f"{args.file}: {result.summary()}")
        return 0
    print(f"{args.file}: NOT VALID: {result.summary()}", file=sys.stderr)
    return 1
