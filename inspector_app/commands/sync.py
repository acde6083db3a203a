"""``inspector-app sync``: bundles on a USB stick, from laptops to the office and back."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from inspector_app.commands.common import pad
from inspector_app.commands.passphrases import read_passphrase
from inspector_app.commands.when import local_minute
from inspector_app.i18n import N_, Message, _, current_language
from inspector_app.services.context import AppContext
from inspector_app.services.sync import export_bundle, history, import_bundle
from inspector_app.services.sync.conflicts import list_conflicts, resolve, review
from inspector_app.services.sync.report import detail_lines, refusal_lines
from inspector_app.services.sync.words import table_words


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sync", help=_("exchange data by USB stick (export / import bundles)"))
    ssub = p.add_subparsers(dest="sync_command", metavar=_("ACTION"), required=True)
    exp = ssub.add_parser("export", help=_("write a bundle of everything new since the last "
                                           "export"))
    exp.add_argument("--to", required=True, metavar=_("DIR"), help=_("folder, e.g. the USB stick"))
    exp.add_argument("--full", action="store_true", help=_("everything, not only what changed"))
    exp.add_argument("--passphrase-file",
                     help=_("your signing key's passphrase (the root key's on the office "
                            "computer)"))
    exp.set_defaults(func=run_export)
    imp = ssub.add_parser("import", help=_("check and merge a bundle"))
    imp.add_argument("file", metavar=_("file"))
    imp.add_argument("--dry-run", action="store_true", help=_("check and report, change nothing"))
    imp.add_argument("--passphrase-file",
                     help=_("the organisation key's passphrase, for bundles encrypted for the "
                            "office"))
    imp.set_defaults(func=run_import)
    hist = ssub.add_parser("history", help=_("bundles written and read, newest first"))
    hist.add_argument("--reports", action="store_true", help=_("print each import's report"))
    hist.set_defaults(func=run_history)
    conf = ssub.add_parser("conflicts", help=_("records kept twice by an import, to resolve"))
    conf.set_defaults(func=run_conflicts)
    res = ssub.add_parser("resolve", help=_("keep one version of a draft kept twice, or mark "
                                            "a number printed on two records reviewed"))
    res.add_argument("conflict_id", metavar=_("CONFLICT_ID"))
    how = res.add_mutually_exclusive_group(required=True)
    how.add_argument("--keep", choices=("local", "incoming"),
                     help=_("this computer's version, or the one that came in the bundle"))
    how.add_argument("--reviewed", action="store_true",
                     help=_("a number printed on two records: both keep it; take the clash "
                            "off the list and note the review in both records' history"))
    res.set_defaults(func=run_resolve)


# A bundle's kind and what became of it, as `sync history` prints them.
BUNDLE_WORDS = {"full": N_("full"), "office": N_("office"), "laptop": N_("laptop"),
                "written": N_("written"), "imported": N_("imported"), "refused": N_("refused")}


def run_export(args: argparse.Namespace, ctx: AppContext) -> int:
    pki = ctx.pki
    prompt = (_("Your passphrase: ") if pki.identity() or not pki.org()
              else _("Root key passphrase: "))
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
        passphrase = read_passphrase(args.passphrase_file, _("Organisation key passphrase: "))
    report = import_bundle(ctx.db, ctx.data_dir, ctx.device, path, org_passphrase=passphrase,
                           dry_run=args.dry_run)
    print("\n".join(report.lines(ctx.lang or current_language())))
    return 0


def run_history(args: argparse.Namespace, ctx: AppContext) -> int:
    rows = history(ctx.db, data_dir=ctx.data_dir)
    if not rows:
        print(_("no bundles written or read yet"))
    for row in rows:
        incoming = row["direction"] != "out"
        arrow = _("in ") if incoming else _("out")
        who = (_(" from {peer}").format(peer=row["from"] or "?")
               if incoming else "")
        kind = _(BUNDLE_WORDS.get(row["kind"], row["kind"] or ""))
        status = _(BUNDLE_WORDS.get(row["status"], row["status"] or ""))
        print(f"{local_minute(row['created_at'])}  {arrow}  {pad(kind, 6)}  {pad(status, 9)}  "
              f"{row['file_name'] or ''}{who}")
        if row["status"] == "refused" and row["report"]:
            # Why, always: a refusal is what the reader of the history looks for.
            for line in refusal_lines(json.loads(row["report"]),
                                      ctx.lang or current_language())[1:]:
                print(f"    {line}")
        elif args.reports and row["report"] and row["direction"] == "in":
            # Said from the stored counts and messages in the reader's language; the row's
            # "lines" are the English of the day it was imported.
            for line in detail_lines(json.loads(row["report"]), ctx.lang or current_language()):
                print(f"    {line}")
    return 0


def _said(words: Message | str) -> str:
    return words.localized() if isinstance(words, Message) else words


def run_conflicts(args: argparse.Namespace, ctx: AppContext) -> int:
    conflicts = list_conflicts(ctx.db)
    if not conflicts:
        print(_("no open conflicts"))
    for c in conflicts:
        print(_("{when}  {conflict_id}  {table}  here {local_id}  incoming {incoming_id}  "
                "({reason})").format(when=local_minute(c.created_at), conflict_id=c.id,
                                     table=_said(table_words(c.table_name)),
                                     local_id=c.local_id,
                                     incoming_id=c.incoming_id,
                                     reason=c.said().localized()))
        if c.reviewable:
            print("    " + _("{number} is printed on two records ({company}; {other}): both "
                           "keep it, since a signed record's number never changes. Check "
                           "both, then: sync resolve {conflict_id} --reviewed").format(
                number=c.number, company=c.company, other=c.other_company, conflict_id=c.id))
        elif not c.resolvable:
            print("    " + _("not two versions of one draft: correct the records by hand "
                           "(sync resolve cannot choose one)"))
        if c.resolvable:
            print("    " + _("{company} {number}: {count} answer(s) differ; changed by {who} at "
                           "{when} — sync resolve {conflict_id} --keep local|incoming").format(
                company=c.company, number=c.number, count=c.answers_differing,
                who=c.changed_by, when=local_minute(c.changed_at), conflict_id=c.id))
    return 0


def run_resolve(args: argparse.Namespace, ctx: AppContext) -> int:
    if args.reviewed:
        reviewed = review(ctx.db, ctx.device, args.conflict_id, ctx.actor)
        print(_("conflict {conflict_id} marked reviewed: both records keep {number}").format(
            conflict_id=reviewed.id, number=reviewed.number))
        return 0
    done = resolve(ctx.db, ctx.device, args.conflict_id, args.keep, ctx.actor)
    kept = _("this computer's version") if args.keep == "local" else _("the incoming version")
    print(_("conflict {conflict_id} resolved: kept {kept} of {record}").format(
        conflict_id=done.id, kept=kept, record=done.number or done.local_id))
    return 0
