"""``inspector-app info``: where the data lives and what it holds."""

from __future__ import annotations

import argparse
import json

from inspector_app.i18n import N_, _, count_text
from inspector_app.services.context import AppContext
from inspector_app.services.info import describe

# The English labels are the keys of --json, as scripts read them.
LABELS = {"version": N_("version"), "data_dir": N_("data_dir"), "database": N_("database"),
          "schema_version": N_("schema_version"), "device_id": N_("device_id"),
          "companies": N_("companies"), "inspectors": N_("inspectors"),
          "templates": N_("templates"), "inspections": N_("inspections"),
          "findings": N_("findings"), "photos": N_("photos")}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("info", help=_("show the data dir, schema version and record counts"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: AppContext) -> int:
    data = describe(ctx)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for key, value in data.items():
            if key == "counts":
                for t, n in value.items():
                    print(_("{label}: {value}").format(label=_(LABELS[t]), value=count_text(n)))
            else:
                print(_("{label}: {value}").format(label=_(LABELS[key]), value=value))
    return 0
