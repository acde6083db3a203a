"""``inspector-app demo``: fill the data dir with a realistic synthetic district."""

from __future__ import annotations

import argparse
import sys
import time

from inspector_app.domain.finding import STATUS_LABELS as HAZARD_STATUS_LABELS
from inspector_app.domain.finding import FindingStatus
from inspector_app.domain.inspection import STATUS_LABELS, Status
from inspector_app.i18n import _, count_text, current_language
from inspector_app.services.context import AppContext
from inspector_app.services.demo import DemoSummary, build_demo
from inspector_app.services.demo_sizes import PRESETS


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(_("must not be negative: {value}").format(value=value))
    return value


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo", help=_("add synthetic companies, inspectors, inspections, hazards and photos"),
        description=_("Build a realistic synthetic dataset through the program's own services. "
          "The same --seed gives the same data; dates are relative to today."))
    p.add_argument("--preset", choices=sorted(PRESETS),
                   help=_("a named size: 'district' is a year of a whole district "
                          "({companies} companies, {inspections} inspections), the data set "
                          "of the benchmarks; --companies and --inspections override it").format(
                       companies=f"{PRESETS['district'][0]:,}",
                       inspections=f"{PRESETS['district'][1]:,}"))
    p.add_argument("--companies", type=_count, metavar="N",
                   help=_("companies to add (default 20)"))
    p.add_argument("--inspections", type=_count, metavar="M",
                   help=_("inspections to add (default 40)"))
    p.add_argument("--photos-per-inspection", type=_count, default=0, metavar="K",
                   help=_("small generated photos per inspection (default 0; a checklist "
                     "item that requires a photo always gets one)"))
    p.add_argument("--seed", type=int, metavar="S", help=_("random seed (default: a new one)"))
    p.set_defaults(func=run)


PROGRESS_EVERY = 3.0  # seconds between progress lines


class _Progress:
    """A line on stderr every few seconds while a large demo is written."""

    def __init__(self) -> None:
        self.every = PROGRESS_EVERY
        self.started = self.shown = time.monotonic()
        self.done = 0

    def progress(self, done: int, total: int, text: str = "") -> None:
        self.done = done
        now = time.monotonic()
        if now - self.shown < self.every:
            return
        self.shown = now
        print(_("demo: {done} of {total} inspections written ({rate} a second)").format(
            done=f"{done:,}", total=f"{total:,}", rate=f"{done / (now - self.started):.0f}"),
            file=sys.stderr, flush=True)

    def check_cancelled(self) -> None:
        """Ctrl-C stops the command (KeyboardInterrupt), not this."""


def run(args: argparse.Namespace, ctx: AppContext) -> int:
    companies, inspections = PRESETS[args.preset] if args.preset else (20, 40)
    progress = _Progress()
    try:
        summary = build_demo(ctx.db, ctx.device, ctx.data_dir.photos,
                             companies=companies if args.companies is None else args.companies,
                             inspections=inspections if args.inspections is None
                             else args.inspections,
                             photos_per_inspection=args.photos_per_inspection, seed=args.seed,
                             progress=progress)
    except KeyboardInterrupt:
        # Each batch is one transaction: what was written is whole, the rest was never begun.
        print(_("demo: stopped; the {done} inspections written before are kept whole").format(
            done=f"{progress.done:,}"), file=sys.stderr, flush=True)
        raise
    print(_summary(summary))
    print(_registry(summary), file=sys.stderr)
    return 0


def _registry(summary: DemoSummary) -> str:
    """Who makes the district's registry, and what that means for the next sync."""
    if summary.registry == "laptop":
        return _("demo: units, campaigns and emergency plan deadlines were left to the office; "
                 "this laptop receives them with the office's next bundle, and its plans and "
                 "stations name only units the office sent")
    if summary.set_up:
        return _("demo: this computer holds the organisation's key: it made the district's "
                 "units, campaigns and emergency plan deadlines, and its bundle carries them "
                 "to the laptops")
    return _("demo: this computer is not enrolled with an office yet and holds no "
             "organisation key: it made units, campaigns and deadlines of its own. Were it to "
             "become a laptop, no bundle carries them: sent to the office, its inspections go "
             "and the plans and stations naming its own units stay here, as the import says")


def _summary(summary: DemoSummary) -> str:
    """What was built, with the statuses in the user's words (in English as stored)."""
    zh = current_language() == "zh_CN"
    statuses = _(", ").join(
        f"{STATUS_LABELS[s][0]} {count_text(summary.by_status[s.value])}" if zh
        else f"{count_text(summary.by_status[s.value])} {s.value}" for s in Status)
    hazards = _(", ").join(
        f"{HAZARD_STATUS_LABELS[s][0]} {count_text(summary.by_hazard_status[s.value])}" if zh
        else f"{count_text(summary.by_hazard_status[s.value])} {s.value}"
        for s in FindingStatus)
    return _("demo: {companies} companies, {inspectors} inspectors, {inspections} inspections "
             "({statuses}), {hazards} hazards ({hazard_statuses}), {orders} rectification "
             "orders, {reinspections} re-inspections, {photos} photos in {seconds} s "
             "(seed {seed})").format(
        companies=count_text(summary.companies), inspectors=count_text(summary.inspectors),
        inspections=count_text(summary.inspections), statuses=statuses,
        hazards=count_text(summary.hazards), hazard_statuses=hazards,
        orders=count_text(summary.orders), reinspections=count_text(summary.reinspections),
        photos=count_text(summary.photos), seconds=f"{summary.seconds:.1f}",
        seed=summary.seed)
