"""``inspector-app forms``: check template files and manage the template library.

``validate`` reads files only and never opens the database, so an author can run it anywhere.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from inspector_app.domain.legal import clause_label
from inspector_app.errors import InspectorError
from inspector_app.i18n import _, count_text
from inspector_app.services.context import AppContext
from inspector_app.services.forms import (
    Problem,
    TemplateInvalid,
    ensure_shipped_templates,
)
from inspector_app.services.forms_xlsx import (
    CellProblem,
    export_workbook,
    is_workbook,
    load_checklist,
    write_layout_workbook,
)
from inspector_app.services.templates import TemplateRepo


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("forms", help=_("check checklist template files and manage the library"))
    psub = p.add_subparsers(dest="forms_command", metavar=_("ACTION"), required=True)

    v = psub.add_parser("validate", help=_("check template files (YAML or .xlsx); print "
                          "FILE:LINE: problem or FILE: SHEET!CELL: problem"))
    v.add_argument("files", nargs="+", metavar=_("FILE"))
    v.set_defaults(func=run_validate)

    ls = psub.add_parser("list", help=_("list the templates in the library"))
    ls.add_argument("--json", action="store_true", help=_("print JSON"))
    ls.add_argument("--all", action="store_true", help=_("include retired versions"))
    ls.set_defaults(func=run_list)

    imp = psub.add_parser("import", help=_("add template files (YAML or .xlsx) to the library"))
    imp.add_argument("files", nargs="+", metavar=_("FILE"))
    imp.set_defaults(func=run_import)

    exp = psub.add_parser("export", help=_("write a library template to a YAML file, or to an "
                            "Excel workbook when FILE ends in .xlsx"))
    exp.add_argument("key", metavar=_("KEY"), help=_("ID@VERSION, or an ID for its newest version"))
    exp.add_argument("-o", "--output", required=True, metavar=_("FILE"))
    exp.set_defaults(func=run_export)

    lay = psub.add_parser("layout", help=_("write the blank spreadsheet layout (with an example "
                            "row) to write a checklist in Excel"))
    lay.add_argument("-o", "--output", required=True, metavar=_("FILE.xlsx"))
    lay.set_defaults(func=run_layout)


def _where(name: str, problem: Problem) -> str:
    """FILE:LINE for a YAML file, FILE: SHEET!CELL for a workbook."""
    if isinstance(problem, CellProblem):
        return f"{name}: {problem.cell}"
    return f"{name}:{problem.line}"


def run_validate(args: argparse.Namespace, ctx: AppContext) -> int:
    failed = False
    for name in args.files:
        try:
            loaded = load_checklist(Path(name))
        except TemplateInvalid as exc:
            failed = True
            for problem in exc.problems:
                print(f"{_where(name, problem)}: {problem.message_in()}")
            continue
        t = loaded.template
        print(_("{file}: ok — {template} {version}, {items} items, sha256 {sha256}").format(
            file=name, template=t.id, version=t.version, items=len(t.items),
            sha256=loaded.content_hash[:12]))
        pending = [clause_label(i.situation.article, i.situation.clause) for i in t.items
                   if i.situation is not None and i.situation.unverified]
        if pending:
            # Not an error: the file says so itself, and hazards fall back to the item's wording.
            print(_("{file}: note — {count} situation texts await word-for-word "
                    "verification: {clauses}").format(file=name, count=len(pending),
                                                      clauses="、".join(pending)))
    return 1 if failed else 0


def _library(ctx: AppContext) -> TemplateRepo:
    """The library, with the shipped templates in it; a broken shipped file is only a warning."""
    repo = ctx.templates
    for result in ensure_shipped_templates(repo):
        if result.status == "refused":
            print(_("warning: shipped template {source} not imported: {reason}").format(
                source=result.source, reason=result.message), file=sys.stderr)
    return repo


def run_list(args: argparse.Namespace, ctx: AppContext) -> int:
    records = _library(ctx).list(include_retired=args.all)
    if args.json:
        rows = [
            {
                "key": r.key, "id": r.template_id, "version": r.version, "title_zh": r.title_zh,
                "title_en": r.title_en, "items": r.item_count, "sha256": r.content_hash,
                "file": r.source_file, "retired": r.retired,
            }
            for r in records
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not records:
        print(_("The library has no templates."))
    for r in records:
        retired = _(" (retired)") if r.retired else ""
        items = _("{count} items").format(count=count_text(r.item_count))
        print(f"{r.template_id}\t{r.version}\t{r.title(ctx.lang)}{retired}\t{items}"
              f"\tsha256 {r.content_hash[:12]}\t{r.source_file or ''}")
    return 0


def run_import(args: argparse.Namespace, ctx: AppContext) -> int:
    repo = _library(ctx)
    failed = False
    for name in args.files:
        try:
            result = repo.import_template(load_checklist(Path(name)))
        except TemplateInvalid as exc:
            failed = True
            first, more = exc.problems[0], len(exc.problems) - 1
            also = (_("; {count} more problem(s), see `forms validate`").format(count=more)
                    if more else "")
            place = (first.cell if isinstance(first, CellProblem)
                     else _("line {line}").format(line=first.line))
            print(_("{file}: refused — {place}: {reason}{also}").format(
                file=name, place=place, reason=first.message_in(), also=also))
        except InspectorError as exc:
            failed = True
            print(_("{file}: refused — {reason}").format(file=name, reason=exc.localized()))
        else:
            what = _("added") if result.status == "added" else _("already present, no change")
            print(f"{name}: {what} — {result.key}")
    return 1 if failed else 0


def run_export(args: argparse.Namespace, ctx: AppContext) -> int:
    repo = _library(ctx)
    key = repo.resolve(args.key)
    if is_workbook(args.output):
        export_workbook(repo.definition(key), Path(args.output))
    else:
        repo.export(key, Path(args.output))
    print(_("{key} written to {path}").format(key=key, path=args.output))
    return 0


def run_layout(args: argparse.Namespace, ctx: AppContext) -> int:
    write_layout_workbook(Path(args.output))
    print(_("spreadsheet layout written to {path}").format(path=args.output))
    return 0
