"""``inspector-app inspections``: list inspections, show one, print its audit trail."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from inspector_app.commands.common import (
    SHORT_ID,
    clip,
    display_width,
    json_lines,
    pad,
    resolve_id,
    resolve_inspectors,
    table,
)
from inspector_app.commands.when import local_date, local_minute
from inspector_app.domain.finding import GRADE_LABELS
from inspector_app.domain.finding import STATUS_LABELS as HAZARD_STATUS_LABELS
from inspector_app.domain.inspection import KIND_LABELS, STATUS_LABELS, Kind, Status
from inspector_app.i18n import _
from inspector_app.services.context import AppContext

if TYPE_CHECKING:  # imported when used: a listing must start fast (the hazards command too)
    from inspector_app.services.history import HistoryLine
    from inspector_app.services.inspections import InspectionRecord, InspectionService

MAX_CELL = 32  # display columns; long template titles are cut with an ellipsis


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("inspections", help=_("list inspections, show one, print its history"))
    isub = p.add_subparsers(dest="inspections_command", metavar=_("ACTION"))

    ls = isub.add_parser("list", help=_("print the inspections, newest first"))
    ls.add_argument("--status", choices=[s.value for s in Status])
    ls.add_argument("--search", metavar=_("TEXT"),
                    help=_("part of the company name or of the record number"))
    ls.add_argument("--json", action="store_true", help=_("print JSON"))
    ls.set_defaults(func=run_list)

    show = isub.add_parser("show", help=_("print one inspection: header, answers, hazards"))
    show.add_argument("id", metavar=_("ID"), help=_("the id, its first characters, or the number"))
    show.add_argument("--json", action="store_true", help=_("print JSON"))
    show.set_defaults(func=run_show)

    history = isub.add_parser("history", help=_("print the audit log of one inspection"))
    history.add_argument("id", metavar=_("ID"),
                         help=_("the id, its first characters, or the number"))
    history.add_argument("--json", action="store_true", help=_("print JSON"))
    history.set_defaults(func=run_history)

    new = isub.add_parser("new", help=_("start a draft inspection of a company or of a unit"))
    subject = new.add_mutually_exclusive_group(required=True)
    subject.add_argument("--company", metavar=_("NAME"), help=_("the company's name or id"))
    subject.add_argument("--unit", metavar=_("NAME"),
                         help=_("a town or department whose work is checked"))
    new.add_argument("--template", metavar=_("KEY"), required=True, help=_("the checklist's key"))
    new.add_argument("--inspector", metavar=_("ID"), action="append", required=True,
                     help=_("an inspector (id, enforcement-ID number or name); repeat for each"))
    new.add_argument("--kind", choices=[Kind.OFFICIAL.value, Kind.SELF.value],
                     default=Kind.OFFICIAL.value)
    new.add_argument("--place", metavar=_("TEXT"))
    new.add_argument("--started-at", metavar=_("ISO"), help=_("default: now"))
    new.set_defaults(func=run_new)

    p.set_defaults(func=run_list, status=None, search=None, json=False)


# -- helpers --------------------------------------------------------------------------------------

def _service(ctx: AppContext) -> InspectionService:
    return ctx.inspections


def _zh(ctx: AppContext) -> bool:
    return (ctx.lang or "en").lower().startswith("zh")


def _label(labels: tuple[str, str], ctx: AppContext) -> str:
    return labels[0] if _zh(ctx) else labels[1]


def _row_json(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "number", "revision", "status", "kind", "started_at", "ended_at",
            "template_id", "template_version", "title_zh", "title_en", "company_id",
            "company_name", "subject_unit_id", "town", "inspectors", "hazards",
            "major_hazards", "open_hazards")
    return {k: row[k] for k in keys}


# -- list ------------------------------------------------------------------------------------------

def run_list(args: argparse.Namespace, ctx: AppContext) -> int:
    from inspector_app.services.inspection_list import InspectionFilter, list_inspections

    rows = list_inspections(ctx, InspectionFilter(status=args.status,
                                                  search=args.search or None))
    if args.json:
        print(json_lines([_row_json(r) for r in rows]))
        return 0
    if not rows:
        print(_("no inspections"))
        return 0
    zh = _zh(ctx)
    headers = [_("id"), _("number"), _("company"), _("template"), _("status"), _("started"),
               _("ended"), _("hazards (total/major/open)")]
    body = []
    for r in rows:
        # English titles of the standards all begin "Determination standard for major…": the
        # template id tells them apart in a narrow column.
        title = (r["title_zh"] or r["template_id"]) if zh else r["template_id"]
        body.append([
            r["id"][:SHORT_ID], r["number"] or "", clip(r["company_name"], MAX_CELL),
            clip(title, MAX_CELL), _label(STATUS_LABELS[Status(r["status"])], ctx),
            local_date(r["started_at"]), local_date(r["ended_at"]),
            f"{r['hazards']}/{r['major_hazards']}/{r['open_hazards']}",
        ])
    print(table(headers, body))
    return 0


# -- new -----------------------------------------------------------------------------------------

def run_new(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    if args.unit:
        subject = {"subject_unit_id": svc.find_unit(args.unit).id}
    else:
        subject = {"company_id": svc.find_company(args.company)}
    inspection_id = svc.start(template_key=svc.template_key(args.template), kind=args.kind,
                              inspector_ids=resolve_inspectors(ctx, args.inspector),
                              place=args.place,
                              started_at=args.started_at, **subject)
    record = svc.get(inspection_id)
    print(f"{record.id}  {record.number or ''}  {record.company_name}")
    return 0


# -- show ------------------------------------------------------------------------------------------

def _record_json(record: InspectionRecord) -> dict[str, Any]:
    from inspector_app.domain.checklist import ItemType, is_answered, score

    merged = record.answers_for_rules()
    tally = score(record.template, merged, record.sections).overall
    shown = [record.template.item(i) for i, v in record.visibility().items() if v]
    answerable = [i for i in shown if i.answerable and i.type is not ItemType.SIGNATURE]
    return {
        "id": record.id, "number": record.number, "revision": record.revision,
        "supersedes_id": record.supersedes_id, "superseded_by": record.superseded_by,
        "status": record.status.value, "kind": record.kind.value,
        "company_id": record.company_id, "company_name": record.company_name,
        "company_address": record.company_address, "subject_unit_id": record.subject_unit_id,
        "template": {"id": record.template.id, "version": record.template.version,
                     "title_zh": record.template.title.zh,
                     "title_en": record.template.title.en},
        "sections": record.section_ids, "place": record.place,
        "started_at": record.started_at, "ended_at": record.ended_at,
        "inspectors": [{"id": i.id, "name": i.name, "enforcement_id": i.enforcement_id}
                       for i in record.inspectors],
        "answers": {
            "answered": sum(1 for i in answerable if is_answered(i, merged.get(i.id))),
            "items": len(answerable),
            "compliant": tally.compliant, "non_compliant": tally.non_compliant,
            "not_applicable": tally.not_applicable, "compliance": tally.compliance,
        },
        "notes": len(record.notes),
        "findings": [{
            "id": f.id, "seq": f.seq, "item_id": f.item_id, "description": f.description,
            "grade": f.grade.value, "status": f.status.value, "legal_basis": f.legal_basis,
            "requirement": f.requirement, "deadline": f.deadline, "responsible": f.responsible,
            "onsite_measure": f.onsite_measure, "reinspection_result": f.reinspection_result,
            "reinspected_at": f.reinspected_at, "closed_at": f.closed_at,
        } for f in record.findings],
    }


def run_show(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    record = svc.get(resolve_id(svc, args.id))
    data = _record_json(record)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    zh = _zh(ctx)
    answers = data["answers"]
    compliance = answers["compliance"]
    team = "、".join(f"{i.name}（{i.enforcement_id}）" if i.enforcement_id else i.name
                    for i in record.inspectors)
    header = [
        (_("id"), record.id),
        (_("number"), record.number or ""),
        (_("revision"), str(record.revision)
         + (_(" (superseded by {inspection_id})").format(inspection_id=record.superseded_by)
            if record.superseded_by else "")),
        (_("status"), _label(STATUS_LABELS[record.status], ctx)),
        (_("kind"), _label(KIND_LABELS[Kind(record.kind)], ctx)),
        *([(_("unit"), record.company_name)] if record.subject_unit_id else
          [(_("company"), record.company_name), (_("address"), record.company_address or "")]),
        (_("template"), _("{title} ({key})").format(
            title=record.template.title.get("zh" if zh else "en"), key=record.template.key)),
        (_("place"), record.place or ""),
        (_("started"), local_minute(record.started_at)),
        (_("ended"), local_minute(record.ended_at)),
        (_("inspectors"), team),
        (_("answers"), _("{answered} of {items} items answered; check items: {compliant} "
                         "compliant, {non_compliant} non-compliant, {not_applicable} not "
                         "applicable").format(
            **answers)
         + (_("; compliance {percent}%").format(percent=f"{compliance:.0f}")
            if compliance is not None else "")),
        (_("hazards"), str(len(record.findings))),
    ]
    width = max(display_width(k) for k, _value in header)
    for key, value in header:
        print(f"{pad(key, width)}  {value}")
    for f in record.findings:
        print()
        print(f"{f.seq}. [{_label(GRADE_LABELS[f.grade], ctx)}] "
              f"[{_label(HAZARD_STATUS_LABELS[f.status], ctx)}] {f.description}")
        for key, value in ((_("requirement"), f.requirement),
                           (_("deadline"), local_date(f.deadline)),
                           (_("responsible"), f.responsible), (_("on-site"), f.onsite_measure),
                           (_("re-inspection"), f.reinspection_result),
                           (_("closed"), local_minute(f.closed_at))):
            if value:
                print("   " + _("{label}: {value}").format(label=key, value=value))
    return 0


# -- history ---------------------------------------------------------------------------------------

def run_history(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = _service(ctx)
    inspection_id = resolve_id(svc, args.id)
    entries = svc.history(inspection_id)
    if args.json:
        print(json.dumps([e.__dict__ for e in entries], ensure_ascii=False, indent=2))
        return 0
    from inspector_app.services.history import history_lines

    zh = _zh(ctx)
    lines = history_lines(ctx.db, inspection_id, svc.get(inspection_id).template, entries,
                          "zh_CN" if zh else "en")
    for line in lines:
        print(history_text(line, zh))
    return 0


def history_text(line: HistoryLine, zh: bool) -> str:
    """One change on one line, as the window's History shows it (local time, in words)."""
    text = f"{local_minute(line.when)}  {line.who or '-'}  {line.what}"
    if (line.old or line.new) and not (line.old in line.what and line.new in line.what):
        text += f"{'：' if zh else ': '}{line.old or '∅'} → {line.new or '∅'}"
    if line.reason:
        text += f"（{line.reason}）" if zh else f" ({line.reason})"
    return text
