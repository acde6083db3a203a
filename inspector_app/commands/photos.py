"""``inspector-app photos``: add photo files to an inspection, list its photos."""

from __future__ import annotations

import argparse
import json
from typing import Any

from inspector_app.commands.common import SHORT_ID, clip, resolve_id, table
from inspector_app.commands.when import local_minute
from inspector_app.domain.photo import Photo, PhotoTag
from inspector_app.errors import NotFoundError, ValidationError
from inspector_app.i18n import N_, _
from inspector_app.services.context import AppContext
from inspector_app.services.inspections import InspectionRecord, InspectionService
from inspector_app.services.photos import PhotoService


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("photos", help=_("add photos to an inspection, list them"))
    psub = p.add_subparsers(dest="photos_command", metavar=_("ACTION"), required=True)

    add = psub.add_parser("add", help=_("add photo files; one line per file, exit 1 if any "
                                        "was refused"))
    add.add_argument("inspection", metavar=_("INSPECTION_ID"),
                     help=_("the id, its first characters, or the number"))
    add.add_argument("files", metavar=_("FILE"), nargs="+")
    target = add.add_mutually_exclusive_group()
    target.add_argument("--item", metavar=_("ITEM_ID"), help=_("attach to this checklist item"))
    target.add_argument("--hazard", metavar=_("HAZARD_ID"),
                        help=_("attach to this hazard (its id, id prefix or number in the list)"))
    add.add_argument("--after", action="store_true",
                     help=_("tag as after rectification (default: before, as found)"))
    add.set_defaults(func=run_add)

    ls = psub.add_parser("list", help=_("print the photos of an inspection"))
    ls.add_argument("inspection", metavar=_("INSPECTION_ID"),
                    help=_("the id, its first characters, or the number"))
    ls.add_argument("--json", action="store_true", help=_("print JSON"))
    ls.set_defaults(func=run_list)


def _services(ctx: AppContext) -> tuple[InspectionService, PhotoService]:
    return ctx.inspections, ctx.photos


def _hazard_id(record: InspectionRecord, given: str) -> str:
    given = given.strip()
    for f in record.findings:
        if given in (f.id, str(f.seq)):
            return f.id
    matches = [f.id for f in record.findings if len(given) >= 4 and f.id.startswith(given)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise ValidationError(N_("{given} is the start of {count} hazard ids; "
                                 "give more characters."), given=given, count=len(matches))
    raise NotFoundError(N_("No hazard {given} in inspection {id}."), given=given, id=record.id)


def run_add(args: argparse.Namespace, ctx: AppContext) -> int:
    inspections, photos = _services(ctx)
    record = inspections.get(resolve_id(inspections, args.inspection))
    item_id = finding_id = None
    if args.item:
        if args.item not in {i.id for i in record.template.items}:
            raise NotFoundError(N_("No item {item} in the checklist of this inspection."),
                                item=args.item)
        item_id = args.item
    elif args.hazard:
        finding_id = _hazard_id(record, args.hazard)
    results = photos.add_files(record.id, args.files, item_id=item_id, finding_id=finding_id,
                               tag=PhotoTag.AFTER if args.after else PhotoTag.BEFORE)
    for result in results:
        if result.status == "refused":
            line = _("{file}: refused: {reason}")
        elif result.status == "present":
            line = _("{file}: already present ({photo_id})")
        else:
            line = _("{file}: added ({photo_id})")
        print(line.format(file=result.path, reason=result.said(), photo_id=result.photo_id))
    return 1 if any(r.status == "refused" for r in results) else 0


def _photo_json(photo: Photo) -> dict[str, Any]:
    return {
        "id": photo.id, "sha256": photo.sha256, "item_id": photo.item_id,
        "hazard_id": photo.finding_id, "tag": photo.tag.value, "caption": photo.caption,
        "original_name": photo.original_name, "mime": photo.mime,
        "size_bytes": photo.size_bytes, "width": photo.width, "height": photo.height,
        "taken_at": photo.taken_at, "gps": [photo.gps_lat, photo.gps_lon]
        if photo.gps_lat is not None else None, "camera": photo.camera,
        "annotations": [s.to_dict() for s in photo.annotations],
        "created_at": photo.created_at,
    }


def run_list(args: argparse.Namespace, ctx: AppContext) -> int:
    inspections, photos = _services(ctx)
    record = inspections.get(resolve_id(inspections, args.inspection))
    rows = photos.list(record.id)
    if args.json:
        print(json.dumps([_photo_json(p) for p in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(_("no photos"))
        return 0
    seq = {f.id: f.seq for f in record.findings}

    def attached(p: Photo) -> str:
        if p.finding_id:
            return _("hazard {seq}").format(seq=seq.get(p.finding_id, "?"))
        return _("item {item}").format(item=p.item_id) if p.item_id else _("inspection")

    body = [[p.id[:SHORT_ID], clip(p.original_name or "", 32), p.tag.value, attached(p),
             f"{p.width}×{p.height}" if p.width else "", local_minute(p.taken_at),
             clip(p.caption or "", 32)] for p in rows]
    print(table([_("id"), _("file"), _("tag"), _("attached to"), _("pixels"), _("taken"),
                 _("caption")], body))
    return 0
