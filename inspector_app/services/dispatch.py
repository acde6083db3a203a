"""The dispatch report (调度): the statistics for a period, as a table or a circular.

Everything is checked before anything is written: the period, the campaign, the unit, the
output's type and folder. The figures themselves come from ``storage.dispatch_stats``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector_app.domain.bilingual import Bilingual, counted, written_day
from inspector_app.domain.units import Campaign, Period, Unit, UnitKind
from inspector_app.errors import ValidationError
from inspector_app.i18n import N_
from inspector_app.services.progress import Cancelled, Progress
from inspector_app.services.reports.dispatch_xlsx import TableTitle, dispatch_xlsx
from inspector_app.storage.circulars_repo import numbering
from inspector_app.storage.dispatch_stats import (
    COUNTS,
    GROUPINGS,
    DispatchQuery,
    DispatchRow,
    DispatchTable,
    WeekFigures,
    dispatch_table,
    draft_hazards,
    drill_down,
    weekly_trend,
)
from inspector_app.storage.files import is_folder, write_atomic_checked
from inspector_app.storage.repositories import SettingsRepo
from inspector_app.storage.unit_inspections import UnitInspections, unit_inspection_counts
from inspector_app.storage.units_repo import CampaignRepo, UnitRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

# The statistics' names the Dispatch page uses come through here with the service's own.
__all__ = ["COUNTS", "FORMATS", "GROUPINGS", "DispatchReport", "DispatchRequest", "DispatchRow",
           "WeekFigures", "basis_text", "check_output", "drill_down", "interruptible",
           "page_figures", "period_text", "prepare", "records_behind", "report_bytes",
           "write_report"]

FORMATS = (".xlsx", ".pdf")
CHECK_EVERY = 20_000    # SQLite steps between two "cancelled?" checks: a few ms, little cost
_BY_LABELS = {"town": Bilingual(zh="按乡镇（街道）", en="by town"),
              "department": Bilingual(zh="按行业主管部门", en="by department"),
              "industry": Bilingual(zh="按行业", en="by industry")}


@dataclass(frozen=True)
class DispatchRequest:
    start: str
    end: str
    by: str = "town"
    campaign: str | None = None      # name or id
    unit: str | None = None          # name or id: that unit's own report
    as_of: date | None = None
    lang: str = "zh_CN"


@dataclass
class DispatchReport:
    query: DispatchQuery
    table: DispatchTable
    unit: Unit | None
    rows: list[DispatchRow] | None   # the unit's row only, for its own report
    title: TableTitle
    lang: str
    # Supervision inspections of units: no company covered, counted on their own.
    unit_inspections: list[UnitInspections] = field(default_factory=list)
    # Hazards of the period's drafts: in the ledger, not in the figures (the table's note).
    draft_hazards: int = 0

    @property
    def zh(self) -> bool:
        return self.lang.lower().startswith("zh")


def period_text(period: Period, zh: bool) -> str:
    def day(d: date) -> str:
        return written_day(d, zh)

    return f"{day(period.start)}至{day(period.end)}" if zh else \
        f"{day(period.start)} to {day(period.end)}"


def basis_text(draft_hazards: int, zh: bool) -> str:
    """What the figures count, under the table: without it the hazards of drafts, which the
    ledger lists, look lost."""
    if zh:
        return ("统计口径：已完成和已签署的检查记录（取最新修订版本），按检查开始日期计入统计时段；"
                f"草稿不计入，本期草稿中的隐患{draft_hazards}条。")
    return ("Counted: completed and signed inspection records (their latest revision) started "
            f"within the period; drafts are not counted ({counted(draft_hazards, 'hazard')} in "
            "drafts of the period).")


def prepare(db: Database, request: DispatchRequest, device_id: str) -> DispatchReport:
    """Check the request and compute the figures; raises ``ValidationError``/``NotFoundError``."""
    period = Period.parse(request.start, request.end)
    if request.by not in GROUPINGS:
        raise ValidationError(N_("Unknown grouping {by!r} (use one of: "
                                 "{join})."), by=request.by, join=', '.join(GROUPINGS))
    campaign: Campaign | None = (CampaignRepo(db, device_id).find(request.campaign)
                                 if request.campaign else None)
    unit = UnitRepo(db, device_id).find(request.unit) if request.unit else None
    by = request.by
    if unit is not None:
        if unit.kind not in (UnitKind.TOWN, UnitKind.DEPARTMENT):
            raise ValidationError(N_("{name} is not a town or a sector department: its own "
                                     "report is made from a town's or a department's row."),
                                  name=unit.name)
        by = "town" if unit.kind == UnitKind.TOWN else "department"
    query = DispatchQuery(period, by, campaign, request.as_of)
    table = dispatch_table(db, query, request.lang)
    drafts = draft_hazards(db, query)
    rows = None
    zh = request.lang.lower().startswith("zh")
    in_drafts = sum(drafts.values())
    if unit is not None:
        key = unit.name if unit.kind == UnitKind.TOWN else unit.id
        rows = [r for r in table.rows if r.key == key]
        in_drafts = drafts.get(key, 0)
    organisation = SettingsRepo(db).get("organisation") or ""
    subject = campaign.name if campaign else ("安全生产" if zh else "Work safety")
    if zh:
        title = (f"{unit.name}所排查发现的隐患问题及整改落实情况表" if unit else
                 f"{subject}隐患排查整治情况调度统计表（{_BY_LABELS[by].zh}）")
    else:
        title = (f"{unit.name}: hazards found and their rectification" if unit else
                 f"{subject}: hazard investigation and rectification, {_BY_LABELS[by].en}")
    reporting = unit.name if unit else organisation
    supervised = unit_inspection_counts(db, period.start.isoformat(), period.end.isoformat(),
                                        unit.id if unit else None)
    return DispatchReport(query, table, unit, rows,
                          TableTitle(title, reporting, period_text(period, zh),
                                     basis_text(in_drafts, zh)),
                          request.lang, supervised, in_drafts)


def check_output(path: Path) -> str:
    """The output's format, refusing what cannot be written before any work is done."""
    if is_folder(path):
        raise ValidationError(N_("{path} is a folder; give a file name."), path=path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError(N_("{path}: the report is written as .xlsx or .pdf, "
                                 "not {value}."),
                              path=path, value=suffix or 'a file without an extension')
    if not is_folder(path.parent):
        raise ValidationError(N_("The folder {parent} does not exist."), parent=path.parent)
    return suffix


def records_behind(db: Database, report: DispatchReport, figure: str, group: str | None
                   ) -> list[dict[str, Any]]:
    """The inspections or hazards one figure of the report counts, for one group's row."""
    return drill_down(db, report.query, figure, group)


def report_bytes(db: Database, report: DispatchReport, suffix: str,
                 number: str | None = None) -> bytes:
    from inspector_app.services.reports.circular import annexed_hazards, circular_pdf

    if suffix == ".xlsx":
        hazards = None
        if report.unit is not None:
            group = report.rows[0].key if report.rows else None
            hazards = [] if group is None else [
                h for figure in ("hazards_major", "hazards_general")
                for h in drill_down(db, report.query, figure, group)]
        return dispatch_xlsx(report.table, report.title, report.lang, report.rows, hazards,
                             annexed_hazards(db, report))

    return circular_pdf(db, report, number)


def write_report(db: Database, report: DispatchReport, path: Path,
                 word: str | None = None) -> str | None:
    """Write the statistics (xlsx) or the circular (PDF); the circular's number, if any
    (``word``: the office's short name it is numbered under, default the one kept)."""
    suffix = check_output(path)
    # A circular's number is taken in this transaction: a file that cannot be written gives
    # its number back.
    with numbering(db):
        number = None
        if suffix == ".pdf":
            from inspector_app.services.reports.circular import (
                dispatch_circular_number,
                issue_day,
            )

            number = dispatch_circular_number(db, report, issue_day(report), word=word)
        write_atomic_checked(path, report_bytes(db, report, suffix, number))
    return number


@contextmanager
def interruptible(db: Database, progress: Progress) -> Iterator[None]:
    """Stop a long statement as soon as the user cancels, not after it ends: SQLite asks
    every few thousand steps whether to go on."""
    def stop() -> int:
        try:
            progress.check_cancelled()
        except Cancelled:
            return 1
        return 0

    db.conn.set_progress_handler(stop, CHECK_EVERY)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise Cancelled() from exc
        raise
    finally:
        db.conn.set_progress_handler(None, 0)


def page_figures(db: Database, request: DispatchRequest, device_id: str,
                 progress: Progress) -> tuple[DispatchReport, list[WeekFigures]]:
    """What the Dispatch page shows: the table of the chosen grouping and the weekly trend."""
    with interruptible(db, progress):
        progress.progress(0, 2, "table")
        report = prepare(db, request, device_id)
        progress.progress(1, 2, "trend")
        trend = weekly_trend(db, report.query)
        progress.progress(2, 2, "")
    return report, trend
