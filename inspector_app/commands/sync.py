"""``inspector-app sync``: bundles on a USB stick, from laptops to the office and back."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from inspector_app.commands.passphrases import read_passphrase
from inspector_app.services.context import AppContext
from inspector_app.services.sync import export_bundle, history, import_bundle
from inspector_app.services.sync.conflicts import list_conflicts, resolve


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sync", help="exchange data by USB stick (export / import bundles)")
    ssub = p.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    exp = ssub.add_parser("export", help="write a bundle of everything new since the last export")
    exp.add_argument("--to", required=True, metavar="DIR", help="folder, e.g. the USB stick")
    exp.add_argument("--full", action="store_true", help="everything, not only what changed")
    exp.add_argument("--passphrase-file",
                     help="your signing key's passphrase (the root key's on the office computer)")
    exp.set_defaults(func=run_export)
    imp = ssub.add_parser("import", help="check and merge a bundle")
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help="check and report, change nothing")
    imp.add_argument("--passphrase-file",
                     help="the organisation key's passphrase, for bundles encrypted for the office")
    imp.set_defaults(func=run_import)
    hist = ssub.add_parser("history", help="bundles written and read, newest first")
    hist.add_argument("--reports", action="store_true", help="print each import's report")
    hist.set_defaults(func=run_history)
    conf = ssub.add_parser("conflicts", help="records kept twice by an import, to resolve")
    conf.set_defaults(func=run_conflicts)
    res = ssub.add_parser("resolve", help="keep one version of a draft kept twice")
    res.add_argument("conflict_id", metavar="CONFLICT_ID")
    res.add_argument("--keep", required=True, choices=("local", "incoming"),
                     help="this computer's version, or the one that came in the bundle")
    res.set_defaults(func=run_resolve)


def run_export(args: argparse.Namespace, ctx: AppContext) -> int:
    pki = ctx.pki
    prompt = "Your passphrase: " if pki.identity() or not pki.org() else "Root key passphrase: "
    passphrase = read_passphrase(args.passphrase_file, prompt)
    path = export_bundle(ctx.db, ctx.data_dir, ctx.device, Path(args.to),
                         passphrase=passphrase, full=args.full)
    print(path)
    return 0


def _encrypted(path: Path) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            return "envelope.json" in zf.namelist()
    except (OSError, zipfile.BadZipFile):
        return False  # the import says what is wrong with it


def run_import(args: argparse.Namespace, ctx: AppContext) -> int:
    path = Path(args.file)
    passphrase = None
    if args.passphrase_file or _encrypted(path):
        passphrase = read_passphrase(args.passphrase_file, "Organisation key passphrase: ")
    report = import_bundle(ctx.db, ctx.data_dir, ctx.device, path, org_passphrase=passphrase,
                           dry_run=args.dry_run)
    print("\n".join(report.lines()))
    return 0


def run_history(args: argparse.Namespace, ctx: AppContext) -> int:
    rows = history(ctx.db)
    if not rows:
        print("no bundles written or read yet")
    for row in rows:
        arrow = "out" if row["direction"] == "out" else "in "
        who = f" from {row['peer_name'] or row['peer_device'] or '?'}" if arrow == "in " else ""
        print(f"{row['created_at'][:19].replace('T', ' ')}  {arrow}  {row['kind'] or '':6}  "
              f"{row['status']:9}  {row['file_name'] or ''}{who}")
        if args.reports and row["report"] and row["direction"] == "in":
            for line in json.loads(row["report"]).get("lines", []):
                print(f"    {line}")
    return 0


def run_conflicts(args: argparse.Namespace, ctx: AppContext) -> int:
    conflicts = list_conflicts(ctx.db)
    if not conflicts:
        print("no open conflicts")
    for c in conflicts:
        print(f"{c.created_at[:19].replace('T', ' ')}  {c.id}  {c.table_name}  "
              f"here {c.local_id}  incoming {c.incoming_id}  ({c.reason})")
        if c.resolvable:
            print(f"    {c.company} {c.number}: {c.answers_differing} answer(s) differ; "
                  f"changed by {c.changed_by} at {c.changed_at[:19].replace('T', ' ')} — "
                  f"sync resolve {c.id} --keep local|incoming")
    return 0


def run_resolve(args: argparse.Namespace, ctx: AppContext) -> int:
    done = resolve(ctx.db, ctx.device, args.conflict_id, args.keep, ctx.actor)
    kept = "this computer's version" if args.keep == "local" else "the incoming version"
    print(f"conflict {done.id} resolved: kept {kept} of {done.number or done.local_id}")
    return 0
