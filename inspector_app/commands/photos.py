"""``inspector-app photos``: add photo files to an inspection, list its photos."""

from __future__ import annotations

import argparse
import json
from typing import Any

from inspector_app.commands.common import SHORT_ID, clip, resolve_id, table
from inspector_app.domain.photo import Photo, PhotoTag
from inspector_app.errors import NotFoundError, ValidationError
from inspector_app.services.context import AppContext
from inspector_app.services.inspections import InspectionRecord, InspectionService
from inspector_app.services.photos import PhotoService


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("photos", help="add photos to an inspection, list them")
    psub = p.add_subparsers(dest="photos_command", metavar="ACTION", required=True)

    add = psub.add_parser("add", help="add photo files; one line per file, exit 1 if any "
                                      "was refused")
    add.add_argument("inspection", metavar="INSPECTION_ID",
                     help="the id, its first characters, or the number")
    add.add_argument("files", metavar="FILE", nargs="+")
    target = add.add_mutually_exclusive_group()
    target.add_argument("--item", metavar="ITEM_ID", help="attach to this checklist item")
    target.add_argument("--hazard", metavar="HAZARD_ID",
                        help="attach to this hazard (its id, id prefix or number in the list)")
    add.add_argument("--after", action="store_true",
                     help="tag as after rectification (default: before, as found)")
    add.set_defaults(func=run_add)

    ls = psub.add_parser("list", help="print the photos of an inspection")
    ls.add_argument("inspection", metavar="INSPECTION_ID",
                    help="the id, its first characters, or the number")
    ls.add_argument("--json", action="store_true", help="print JSON")
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
        raise ValidationError(f"{given} is the start of {len(matches)} hazard ids; "
                              "give more characters.")
    raise NotFoundError(f"No hazard {given} in inspection {record.id}.")


def run_add(args: argparse.Namespace, ctx: AppContext) -> int:
    inspections, photos = _services(ctx)
    record = inspections.get(resolve_id(inspections, args.inspection))
    item_id = finding_id = None
    if args.item:
        if args.item not in {i.id for i in record.template.items}:
            raise NotFoundError(f"No item {args.item} in the checklist of this inspection.")
        item_id = args.item
    elif args.hazard:
        finding_id = _hazard_id(record, args.hazard)
    results = photos.add_files(record.id, args.files, item_id=item_id, finding_id=finding_id,
                               tag=PhotoTag.AFTER if args.after else PhotoTag.BEFORE)
    for result in results:
        print(result.line())
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
        print("no photos")
        return 0
    seq = {f.id: f.seq for f in record.findings}

    def attached(p: Photo) -> str:
        if p.finding_id:
            return f"hazard {seq.get(p.finding_id, '?')}"
        return f"item {p.item_id}" if p.item_id else "inspection"

    body = [[p.id[:SHORT_ID], clip(p.original_name or "", 32), p.tag.value, attached(p),
             f"{p.width}×{p.height}" if p.width else "", (p.taken_at or "").replace("T", " "),
             clip(p.caption or "", 32)] for p in rows]
    print(table(["id", "file", "tag", "attached to", "pixels", "taken", "caption"], body))
    return 0
