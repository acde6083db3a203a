"""``inspector-app info``: where the data lives and what it holds."""

from __future__ import annotations

import argparse
import json

from inspector_app import __version__
from inspector_app.services.context import AppContext
from inspector_app.storage.migrations import schema_version

COUNTED = ("companies", "inspectors", "templates", "inspections", "findings", "photos")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("info", help="show the data dir, schema version and record counts")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: AppContext) -> int:
    db = ctx.db
    data = {
        "version": __version__,
        "data_dir": str(ctx.data_dir.root),
        "database": str(ctx.data_dir.database),
        "schema_version": schema_version(),
        "device_id": ctx.device.id,
        "counts": {t: db[t].count for t in COUNTED},
    }
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
