"""The hazard ledger (隐患台账): every hazard of the latest revision of every inspection.

One row per hazard with what a supervisor tracks until re-inspection closes it: where and when it
was found, what must be done by when, where it stands, whether it is overdue. Read-only: hazards
change through the inspection and re-inspection services only.

Hazards of drafts are listed (the inspector is still on site) but marked ``issued = False`` and
never counted overdue: no rectification order has been issued for them yet, so a circular cannot
blame a company for missing a deadline it was never given. The draft of an amendment is the
exception: its hazards are copies (``origin_finding_id``) of hazards a signed record issued.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from inspector_app.domain.finding import FindingStatus, Grade
from inspector_app.domain.governance import PLAN_COLUMNS, missing_plan_elements
from inspector_app.storage.inspections_repo import like_pattern

if TYPE_CHECKING:
    from inspector_app.storage.db import Queryable

# Ordered to be rectified: the record was completed, or this is a copy of a hazard of a signed
# record made when it was amended.
_ISSUED = "(i.status != 'draft' OR f.origin_finding_id IS NOT NULL)"
_AWAITING_COMPANY = (FindingStatus.OPEN.value, FindingStatus.REOPENED.value)
# Days past the deadline of a hazard awaiting the company (0 otherwise), as _days_overdue()
# counts them; each "?" is today's date. A deadline that is not a date is never overdue.
_DEADLINE_DAY = "date(substr(COALESCE(f.current_deadline, f.deadline), 1, 10))"
_DAYS_OVERDUE = (f"(CASE WHEN f.status IN ('open', 'reopened') AND {_ISSUED} "
                 f"AND {_DEADLINE_DAY} < date(?) "
                 f"THEN CAST(julianday(?) - julianday({_DEADLINE_DAY}) AS INTEGER) ELSE 0 END)")
# The ORDER BY terms behind each column of the ledger, for ``HazardLedger.rows(sort=…)``.
LEDGER_SORTS: dict[str, tuple[str, ...]] = {
    "number": ("length(i.number)", "i.number", "f.seq"),
    "company": ("c.name", "deadline"),
    "town": ("c.town", "deadline"),
    "found": ("i.started_at", "f.seq"),
    "grade": ("CASE f.grade WHEN 'major' THEN 0 ELSE 1 END", "deadline"),
    "deadline": ("deadline IS NULL", "deadline", "i.started_at"),
    "overdue": (_DAYS_OVERDUE, "deadline"),
    "status": ("CASE f.status WHEN 'reopened' THEN 0 WHEN 'open' THEN 1 "
               "WHEN 'rectified' THEN 2 ELSE 3 END", "deadline"),
    "description": ("f.description",),
    "responsible": ("f.responsible",),
    "requirement": ("f.requirement",),
    "legal_basis": ("f.legal_basis",),
    "result": ("f.reinspection_result",),
    "reinspected": ("f.reinspected_at",),
    "closed": ("f.closed_at",),
}
NOT_CLOSED = "not_closed"  # a status filter value beside the four finding statuses
STATUS_FILTERS = (NOT_CLOSED, *(s.value for s in FindingStatus))

@dataclass(frozen=True)
class LedgerFilter:
    status: str | None = NOT_CLOSED   # a FindingStatus value, NOT_CLOSED, or None for all
    grade: str | None = None
    company_id: str | None = None
    town: str | None = None
    overdue_only: bool = False
    search: str | None = None         # substring of the description or the company name
    date_from: str | None = None      # YYYY-MM-DD, on the day the hazard was found
    date_to: str | None = None


@dataclass
class LedgerCounts:
    """Figures for a circular (通报), over the rows a filter selects."""

    total: int = 0
    overdue: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    by_grade: Counter[str] = field(default_factory=Counter)
    by_town: Counter[str] = field(default_factory=Counter)
    by_industry: Counter[str] = field(default_factory=Counter)
    overdue_by_town: Counter[str] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, Any]:
        return {"total": self.total, "overdue": self.overdue,
                "by_status": dict(self.by_status), "by_grade": dict(self.by_grade),
                "by_town": dict(self.by_town), "by_industry": dict(self.by_industry),
                "overdue_by_town": dict(self.overdue_by_town)}


def ledger_number(inspection_number: str | None, seq: int) -> str:
    """The hazard's number: its inspection's number, a dash, its place in that inspection."""
    return f"{inspection_number}-{seq}" if inspection_number else str(seq)


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:  # hand-edited or imported text: not a date, so never overdue
        return None


class _Plan:
    """A ledger row read as a plan (the six element columns as attributes)."""

    def __init__(self, row: dict[str, Any]) -> None:
        self.__dict__.update({c: row.get(c) for c in PLAN_COLUMNS})


class HazardLedger:
    def __init__(self, db: Queryable, today: Callable[[], date] = date.today) -> None:
        self.db = db  # it only reads: a plain connection does (AppContext.reader)
        self.today = today

    def rows(self, flt: LedgerFilter | None = None, *, sort: str | None = None,
             descending: bool = False, limit: int | None = None,
             offset: int = 0) -> list[dict[str, Any]]:
        """The hazards ``flt`` selects, oldest deadline first (what needs chasing first).

        ``sort`` (one of ``LEDGER_SORTS``) orders them otherwise; ``limit``/``offset`` give
        one page of them.
        """
        today = self.today()
        where, params = self._where(flt or LedgerFilter(), today)
        if sort is None:
            order = "deadline IS NULL, deadline, i.started_at, i.number, f.seq, f.rowid"
        else:
            direction = "DESC" if descending else "ASC"
            order = ", ".join(f"{term} {direction}" for term in (*LEDGER_SORTS[sort], "f.rowid"))
            params += [today.isoformat()] * order.count("?")
        page = ""
        if limit is not None:
            page = " LIMIT ? OFFSET ?"
            params = [*params, limit, offset]
        sql = f"""
            SELECT f.id AS finding_id, f.seq, i.number AS inspection_number,
                   i.company_id, c.name AS company_name, c.town, c.industry,
                   i.started_at AS found_at, f.description, f.grade, f.legal_basis, f.item_id,
                   f.requirement, COALESCE(f.current_deadline, f.deadline) AS deadline,
                   f.responsible, f.status,
                   f.reinspection_result, f.reinspected_at, f.closed_at,
                   f.plan_goal, f.plan_method, f.plan_funds, f.plan_organisation,
                   f.plan_timeline, f.plan_safety, f.accepted_on, f.accepted_by,
                   f.acceptance_conclusion,
                   i.id AS inspection_id, i.status AS inspection_status, i.kind,
                   {_ISSUED} AS issued
            FROM findings f
            JOIN inspections i ON i.id = f.inspection_id
            JOIN companies c ON c.id = i.company_id
            {where}
            ORDER BY {order}{page}
        """
        cursor = self.db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        out = []
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            row["issued"] = bool(row["issued"])
            row["ledger_number"] = ledger_number(row["inspection_number"], row["seq"])
            row["found_on"] = (row["found_at"] or "")[:10]
            row["days_overdue"] = _days_overdue(row, today)
            row["overdue"] = row["days_overdue"] > 0
            # A major hazard's governance plan: which of the six elements are still missing.
            row["plan_missing"] = (missing_plan_elements(_Plan(row))
                                   if row["grade"] == Grade.MAJOR.value else None)
            out.append(row)
        return out

    def counts(self, flt: LedgerFilter | None = None) -> LedgerCounts:
        """The figures of ``count_rows(self.rows(flt))``, grouped by the database."""
        today = self.today()
        where, params = self._where(flt or LedgerFilter(), today)
        sql = f"""
            SELECT f.status, f.grade, c.town, c.industry, {_DAYS_OVERDUE} > 0, COUNT(*)
            FROM findings f
            JOIN inspections i ON i.id = f.inspection_id
            JOIN companies c ON c.id = i.company_id
            {where}
            GROUP BY 1, 2, 3, 4, 5
        """
        params = [*[today.isoformat()] * _DAYS_OVERDUE.count("?"), *params]
        counts = LedgerCounts()
        for status, grade, town, industry, overdue, n in self.db.execute(sql, params):
            counts.total += n
            counts.by_status[status] += n
            counts.by_grade[grade] += n
            counts.by_town[town or ""] += n
            counts.by_industry[industry or ""] += n
            if overdue:
                counts.overdue += n
                counts.overdue_by_town[town or ""] += n
        return counts

    def count(self, flt: LedgerFilter | None = None) -> int:
        """How many hazards ``rows`` gives for ``flt``, without reading them."""
        where, params = self._where(flt or LedgerFilter(), self.today())
        return int(self.db.execute(
            "SELECT COUNT(*) FROM findings f JOIN inspections i ON i.id = f.inspection_id "
            f"JOIN companies c ON c.id = i.company_id {where}", params).fetchone()[0])

    @staticmethod
    def _where(flt: LedgerFilter, today: date) -> tuple[str, list[Any]]:
        where = ["NOT EXISTS (SELECT 1 FROM inspections n WHERE n.supersedes_id = i.id)",
                 "f.withdrawn_at IS NULL"]
        params: list[Any] = []
        if flt.status == NOT_CLOSED:
            where.append("f.status != 'closed'")
        elif flt.status:
            where.append("f.status = ?")
            params.append(FindingStatus(flt.status).value)
        if flt.grade:
            where.append("f.grade = ?")
            params.append(Grade(flt.grade).value)
        if flt.company_id:
            where.append("i.company_id = ?")
            params.append(flt.company_id)
        if flt.town:
            where.append("c.town = ?")
            params.append(flt.town)
        if flt.overdue_only:
            # Same rule as _overdue() below; deadlines are ISO dates, so text order is date order.
            where.append(f"f.status IN ('open', 'reopened') AND {_ISSUED} "
                         "AND COALESCE(f.current_deadline, f.deadline) IS NOT NULL "
                         "AND substr(COALESCE(f.current_deadline, f.deadline), 1, 10) < ?")
            params.append(today.isoformat())
        if flt.search and flt.search.strip():
            # LIKE, not FTS: trigram search misses the one- and two-character queries that
            # Chinese users type ("粉尘", "消防").
            where.append("(f.description LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\')")
            params.extend([like_pattern(flt.search.strip())] * 2)
        if flt.date_from:
            where.append("i.started_at >= ?")
            params.append(flt.date_from)
        if flt.date_to:
            where.append("i.started_at < ?")
            params.append(flt.date_to + "~")  # "~" sorts after any time of that day
        return "WHERE " + " AND ".join(where), params

    def towns(self) -> list[str]:
        """Towns of companies that have a hazard in the ledger: the choices of a filter."""
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT c.town FROM findings f JOIN inspections i ON i.id = f.inspection_id "
            "JOIN companies c ON c.id = i.company_id WHERE c.town IS NOT NULL AND c.town != '' "
            "AND f.withdrawn_at IS NULL "
            "ORDER BY c.town")]


def _days_overdue(row: dict[str, Any], today: date) -> int:
    # Reported rectified means the company met its part; the re-inspection is the office's.
    if row["status"] not in _AWAITING_COMPANY or not row["issued"]:
        return 0
    deadline = _day(row["deadline"])
    return max(0, (today - deadline).days) if deadline else 0


def count_rows(rows: Iterable[dict[str, Any]]) -> LedgerCounts:
    """Counts of ledger rows; from the rows themselves so they always agree with the list."""
    counts = LedgerCounts()
    for row in rows:
        town = row["town"] or ""
        counts.total += 1
        counts.by_status[row["status"]] += 1
        counts.by_grade[row["grade"]] += 1
        counts.by_town[town] += 1
        counts.by_industry[row["industry"] or ""] += 1
        if row["overdue"]:
            counts.overdue += 1
            counts.overdue_by_town[town] += 1
    return counts
