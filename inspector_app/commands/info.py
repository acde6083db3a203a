"""``inspector-app info``: where the data lives and what it holds."""

from __future__ import annotations

import argparse
import json

from inspector_app.services.context import AppContext
from inspector_app.services.info import describe


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("info", help="show the data dir, schema version and record counts")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: AppContext) -> int:
    data = describe(ctx)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for key, value in data.items():
            if key == "counts":
                for t, n in value.items():
                    print(f"{t}: {n}")
            else:
                print(f"{key}: {value}")
    return 0
