"""``inspector-app numbers``: the office's number blocks (which laptop issues which numbers)."""

from __future__ import annotations

import argparse
import json

from inspector_app.domain.numbering import LOW_WATER
from inspector_app.i18n import _
from inspector_app.services.context import AppContext
from inspector_app.services.numbers import NumberService, parse_doc_type


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("numbers", help=_("document-number blocks the office gives each laptop"))
    psub = p.add_subparsers(dest="numbers_command", metavar=_("ACTION"), required=True)
    alloc = psub.add_parser("allocate", help=_("give a laptop a block of numbers"))
    alloc.add_argument("--device", required=True,
                       help=_("the laptop: device id, number prefix or name"))
    alloc.add_argument("--type", required=True, dest="doc_type",
                       help=_("record, order, reinspection, onsite (or 应急检记, 应急责改 …)"))
    alloc.add_argument("--year", required=True, type=int)
    alloc.add_argument("--from", type=int, dest="first",
                       help=_("first number (default: the first after every number issued or "
                              "allocated)"))
    alloc.add_argument("--to", type=int, dest="last",
                       help=_("last number (default: 100 numbers from --from)"))
    alloc.add_argument("--note")
    alloc.set_defaults(func=run_allocate)
    listing = psub.add_parser("list", help=_("every block with its numbers used and unused"))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=run_list)


def _service(ctx: AppContext) -> NumberService:
    return ctx.numbers


def run_allocate(args: argparse.Namespace, ctx: AppContext) -> int:
    service = _service(ctx)
    first = args.first
    if first is None:
        first = service.first_free(parse_doc_type(args.doc_type), args.year)
    last = args.last if args.last is not None else first + 99
    block = service.allocate(args.device, args.doc_type, args.year, first, last, args.note)
    print(f"{block.id}  {block.doc_type.value}  {block.year}  {block.first}-{block.last}  "
          f"{block.holder_device_id}")
    print(_("The laptop receives the block with the next sync bundle of this computer."))
    return 0


def run_list(args: argparse.Namespace, ctx: AppContext) -> int:
    rows = _service(ctx).rows()
    if args.json:
        print(json.dumps([{"id": r.id, "device_id": r.device_id, "device": r.device,
                           "type": r.doc_type.value, "word": r.word, "year": r.year,
                           "first": r.first, "last": r.last, "used": r.used,
                           "unused": r.unused} for r in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows and _service(ctx).enrolled():
        print(_("No number blocks yet: this laptop issues provisional numbers with its own "
                "code ({prefix}-001, {prefix}-002 …), which no other computer issues. For "
                "plain numbers, give the office this device id ({device_id}) for a block and "
                "import the office's next sync bundle.").format(
                    prefix=ctx.device.doc_prefix, device_id=ctx.device.id))
    elif not rows:
        print(_("No number blocks: this computer numbers from 1 (no office allocates its "
                "numbers)."))
    for r in rows:
        print(_("{word}〔{year}〕 {first}-{last}  {device}  used {used}  unused {unused}").format(
            word=r.word, year=r.year, first=r.first, last=r.last, device=r.device, used=r.used,
            unused=r.unused))
    for short in _service(ctx).shortages(rows):
        print(_("nearly used up: {device} {word}〔{year}〕 {left} left (fewer than {low}): "
                "allocate another block").format(device=short.device, word=short.word,
                                                 year=short.year, left=short.left,
                                                 low=LOW_WATER))
    return 0
