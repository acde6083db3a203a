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
from datetime import date
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, NamedTuple

from inspector_app.domain.finding_status import FindingStatus
from inspector_app.domain.grade import Grade
from inspector_app.storage.like import like_pattern

if TYPE_CHECKING:
    from inspector_app.storage.db import Queryable

# The ledger reads ``hazard_ledger`` (h), one row per hazard kept current by the database (see
# migration 0025_hazard_ledger), and the hazard's own row (f) only for the page it shows.
# ``h.due`` is the deadline's day while the hazard awaits the company on an issued order: it is
# overdue when that day is before today, which is the only part of a row that moves by itself.
_OVERDUE = "h.due < ?"
# The ORDER BY terms behind each column of the ledger, for ``HazardLedger.rows(sort=…)``;
# "overdue" is read in two parts, the overdue hazards and the others
# (``HazardLedger._overdue_page``).
LEDGER_SORTS: dict[str, tuple[str, ...]] = {
    "number": ("length(h.number)", "h.number", "h.seq"),
    "company": ("h.company_name", "h.deadline"),
    "town": ("h.town", "h.deadline"),
    "found": ("h.found_at", "h.seq"),
    "grade": ("CASE h.grade WHEN 'major' THEN 0 ELSE 1 END", "h.deadline"),
    "deadline": ("h.deadline IS NULL", "h.deadline", "h.found_at"),
    "overdue": ("h.due", "h.deadline"),  # not a plain ORDER BY: two parts, see above
    "status": ("CASE h.status WHEN 'reopened' THEN 0 WHEN 'open' THEN 1 "
               "WHEN 'rectified' THEN 2 ELSE 3 END", "h.deadline"),
    "description": ("h.description",),
    "responsible": ("h.responsible",),
    "requirement": ("f.requirement",),
    "legal_basis": ("f.legal_basis",),
    "result": ("h.reinspection_result",),
    "reinspected": ("h.reinspected_at",),
    "closed": ("h.closed_at",),
}
_DEFAULT_ORDER = ("h.deadline IS NULL", "h.deadline", "h.found_at", "h.number", "h.seq")
# What the page shows of each hazard, beside the ledger's own columns.
_ROW_COLUMNS = """h.finding_id, h.seq, h.number AS inspection_number,
                   h.company_id, h.company_name, h.town, h.industry,
                   h.found_at, h.description, h.grade, f.legal_basis, f.item_id,
                   f.requirement, h.deadline,
                   h.responsible, h.status,
                   h.reinspection_result, h.reinspected_at, h.closed_at,
                   f.plan_goal, f.plan_method, f.plan_funds, f.plan_organisation,
                   f.plan_timeline, f.plan_safety, f.accepted_on, f.accepted_by,
                   f.acceptance_conclusion,
                   h.inspection_id, h.inspection_status, h.kind, h.issued, h.due"""
_MAJOR = Grade.MAJOR.value
NOT_CLOSED = "not_closed"  # a status filter value beside the four finding statuses
STATUS_FILTERS = (NOT_CLOSED, *(s.value for s in FindingStatus))

# LedgerFilter and LedgerCounts are not dataclasses: a command that only counts hazards
# should not load dataclasses (and the inspect module it loads) for them, milliseconds of its
# start.
class LedgerFilter(NamedTuple):
    status: str | None = NOT_CLOSED   # a FindingStatus value, NOT_CLOSED, or None for all
    grade: str | None = None
    company_id: str | None = None
    town: str | None = None
    overdue_only: bool = False
    search: str | None = None         # substring of the description or the company name
    date_from: str | None = None      # YYYY-MM-DD, on the day the hazard was found
    date_to: str | None = None


class LedgerCounts:
    """Figures for a circular (通报), over the rows a filter selects."""

    def __init__(self) -> None:
        self.total = 0
        self.overdue = 0
        self.by_status: Counter[str] = Counter()
        self.by_grade: Counter[str] = Counter()
        self.by_town: Counter[str] = Counter()
        self.by_industry: Counter[str] = Counter()
        self.overdue_by_town: Counter[str] = Counter()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LedgerCounts):
            return NotImplemented
        return self.as_dict() == other.as_dict()

    __hash__ = None  # type: ignore[assignment]  # mutable: as the dataclass it was

    def __repr__(self) -> str:
        return f"LedgerCounts({self.as_dict()!r})"

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
        flt = flt or LedgerFilter()
        if limit is None:
            offset = 0  # as LIMIT-less SQL: the whole list
        if sort == "overdue":
            found = self._overdue_page(flt, today, descending, limit, offset)
        else:
            if sort is None:
                order = ", ".join((*_DEFAULT_ORDER, "h.rowid"))
            else:
                direction = "DESC" if descending else "ASC"
                order = ", ".join(f"{term} {direction}"
                                  for term in (*LEDGER_SORTS[sort], "h.rowid"))
            found = self._select(flt, today, None, order, limit, offset)
        return [_ledger_row(row, today) for row in found]

    def _overdue_page(self, flt: LedgerFilter, today: date, descending: bool,
                      limit: int | None, offset: int) -> list[dict[str, Any]]:
        """Rows by days overdue: the overdue ones by their deadline's day (the oldest is the
        most overdue), then the others (0 days) by deadline. Each part is read in the order
        of an index, so a page never sorts the whole ledger; which part a page starts in is
        counted only when a page starts past the first part's end."""
        late, late_order = _OVERDUE, "h.due ASC, h.deadline DESC, h.rowid DESC"
        on_time, on_time_order = "(h.due IS NULL OR h.due >= ?)", "h.deadline DESC, h.rowid DESC"
        if not descending:
            late_order, on_time_order = _reversed(late_order), _reversed(on_time_order)
        parts = [(late, late_order), (on_time, on_time_order)]
        if flt.overdue_only:
            parts = parts[:1]
        elif not descending:
            parts.reverse()
        out: list[dict[str, Any]] = []
        before = 0  # rows of the parts already read
        for index, (condition, order) in enumerate(parts):
            start = max(0, offset - before)
            want = None if limit is None else limit - len(out)
            got = self._select(flt, today, condition, order, want, start)
            out.extend(got)
            if limit is not None and len(out) >= limit:
                break
            if index + 1 < len(parts):  # this part ended on this page, or before it
                before += start + len(got) if got or not start else self._count(
                    flt, today, condition)
        return out

    def _select(self, flt: LedgerFilter, today: date, condition: str | None, order: str,
                limit: int | None, offset: int) -> list[dict[str, Any]]:
        where, params = self._where(flt, today, condition)
        page = ""
        if limit is not None:
            page = " LIMIT ? OFFSET ?"
            params = [*params, limit, offset]
        # The page is chosen from the ledger alone (a sort by a column only the hazard's own
        # row has joins that row too), then joined to the rows it shows: a filter sorted in
        # memory never reads the hazards it leaves out. CROSS JOIN keeps the ledger the outer
        # loop (SQLite does not reorder it): read in the order of its sort's index, a page
        # stops after its last row.
        own = "CROSS JOIN findings f ON f.id = h.finding_id" if "f." in order else ""
        cursor = self.db.execute(f"""
            SELECT {_ROW_COLUMNS}
            FROM (SELECT h.rowid AS page_row FROM hazard_ledger h {own}
                  {where}
                  ORDER BY {order}{page}) p
            CROSS JOIN hazard_ledger h ON h.rowid = p.page_row
            CROSS JOIN findings f ON f.id = h.finding_id
            ORDER BY {order}
        """, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]

    def counts(self, flt: LedgerFilter | None = None) -> LedgerCounts:
        """The figures of ``count_rows(self.rows(flt))``, grouped by the database."""
        today = self.today()
        where, params = self._where(flt or LedgerFilter(), today)
        # Grouped in the order of hazard_ledger_counts, so no group is sorted; the overdue
        # ones are summed inside each group.
        sql = f"""
            SELECT h.status, h.grade, h.town, h.industry, COUNT(*),
                   SUM(COALESCE({_OVERDUE}, 0))
            FROM {_counted_rows(flt or LedgerFilter())}
            {where}
            GROUP BY 1, 2, 3, 4
        """
        counts = LedgerCounts()
        for status, grade, town, industry, n, overdue in self.db.execute(
                sql, [today.isoformat(), *params]):
            counts.total += n
            counts.by_status[status] += n
            counts.by_grade[grade] += n
            counts.by_town[town or ""] += n
            counts.by_industry[industry or ""] += n
            if overdue:
                counts.overdue += overdue
                counts.overdue_by_town[town or ""] += overdue
        return counts

    def count(self, flt: LedgerFilter | None = None) -> int:
        """How many hazards ``rows`` gives for ``flt``, without reading them."""
        return self._count(flt or LedgerFilter(), self.today())

    def _count(self, flt: LedgerFilter, today: date, condition: str | None = None) -> int:
        where, params = self._where(flt, today, condition)
        return int(self.db.execute(f"SELECT COUNT(*) FROM {_counted_rows(flt)} {where}",
                                   params).fetchone()[0])

    @staticmethod
    def _where(flt: LedgerFilter, today: date,
               condition: str | None = None) -> tuple[str, list[Any]]:
        """The WHERE clause for ``flt``, and ``condition`` (whose "?" is today)."""
        where: list[str] = []
        params: list[Any] = []
        if flt.status == NOT_CLOSED:
            where.append("h.status != 'closed'")
        elif flt.status:
            where.append("h.status = ?")
            params.append(FindingStatus(flt.status).value)
        if flt.grade:
            where.append("h.grade = ?")
            params.append(Grade(flt.grade).value)
        if flt.company_id:
            where.append("h.company_id = ?")
            params.append(flt.company_id)
        if flt.town:
            where.append("h.town = ?")
            params.append(flt.town)
        if flt.overdue_only and condition != _OVERDUE:
            where.append(_OVERDUE)
            params.append(today.isoformat())
        if flt.search and flt.search.strip():
            # LIKE, not FTS: trigram search misses the one- and two-character queries that
            # Chinese users type ("粉尘", "消防").
            where.append("(h.description LIKE ? ESCAPE '\\' OR h.company_name LIKE ? "
                         "ESCAPE '\\')")
            params.extend([like_pattern(flt.search.strip())] * 2)
        if flt.date_from:
            where.append("h.found_at >= ?")
            params.append(flt.date_from)
        if flt.date_to:
            where.append("h.found_at < ?")
            params.append(flt.date_to + "~")  # "~" sorts after any time of that day
        if condition:
            where.append(condition)
            params.extend([today.isoformat()] * condition.count("?"))
        return ("WHERE " + " AND ".join(where)) if where else "", params

    def towns(self) -> list[str]:
        """Towns of companies that have a hazard in the ledger: the choices of a filter."""
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT h.town FROM hazard_ledger h "
            "WHERE h.town IS NOT NULL AND h.town != '' ORDER BY h.town")]


def _counted_rows(flt: LedgerFilter) -> str:
    """The table to count ``flt``'s hazards from. A search reads every description: in the
    table's own order that is one sequential read, where walking an index in its order would
    fetch each row apart (2-3 times slower at 150,000 hazards). A company or a town narrows
    the rows first, through its index."""
    searching = bool(flt.search and flt.search.strip())
    return ("hazard_ledger h NOT INDEXED" if searching and not (flt.company_id or flt.town)
            else "hazard_ledger h")


def _reversed(order: str) -> str:
    flip = {"ASC": "DESC", "DESC": "ASC"}
    return ", ".join(f"{term} {flip[direction]}" for term, direction in
                     (part.rsplit(" ", 1) for part in order.split(", ")))


def _ledger_row(row: dict[str, Any], today: date) -> dict[str, Any]:
    # A page of the window is a hundred of these each time a filter changes: plain
    # statements, no call per field.
    number, seq = row["inspection_number"], row["seq"]
    row["issued"] = bool(row["issued"])
    row["ledger_number"] = f"{number}-{seq}" if number else str(seq)  # as ledger_number()
    row["found_on"] = (row["found_at"] or "")[:10]
    # ``due`` is set only while the company must act: reported rectified means it met its
    # part (the re-inspection is the office's), and a draft's hazards were never ordered.
    due = row.pop("due")
    late = 0
    if due:
        day = _day(due)
        if day is not None and day < today:
            late = (today - day).days
    row["days_overdue"] = late
    row["overdue"] = late > 0
    row["plan_missing"] = _plan_missing(row) if row["grade"] == _MAJOR else None
    return row


def _plan_missing(row: dict[str, Any]) -> list[str]:
    """A major hazard's governance plan: which of the six elements are still missing."""
    # Imported for the rows of major hazards only: a count reads no plan.
    from inspector_app.domain.governance import missing_plan_elements

    return missing_plan_elements(SimpleNamespace(**row))


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
