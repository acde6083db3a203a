"""The list of inspections: its filter, its sorts and its two queries (a page, a count).

Apart from ``inspections_repo``: a listing (the window's first page, ``inspections list``)
needs these alone, not the hazards, photos and answers of an inspection and their modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from inspector_app.storage.like import like_pattern

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class InspectionFilter:
    status: str | None = None
    company_id: str | None = None
    town: str | None = None
    inspector_id: str | None = None
    date_from: str | None = None    # YYYY-MM-DD, on started_at
    date_to: str | None = None
    search: str | None = None       # substring of the company name or number, any length
    include_superseded: bool = False


def list_inspections(db: Database, flt: InspectionFilter | None = None, *,
                     sort: str = "started", descending: bool = True, limit: int | None = None,
                     offset: int = 0) -> list[dict[str, Any]]:
    """The inspections ``flt`` selects, sorted in SQL so that a page of them is cheap.

    ``sort`` is one of ``LIST_SORTS``; ``limit``/``offset`` give one page of the result.
    """
    where, params = _where(flt or InspectionFilter())
    direction = "DESC" if descending else "ASC"
    order = ", ".join(f"{term} {direction}" for term in LIST_SORTS[sort])
    if limit is not None:
        # The page's rows are picked first, by the filter and the sort alone; the counts and
        # names below are then computed for those rows only, not for every match.
        # Only the joins they need: a join kept reads each matching inspection's wide row.
        picked = f"{where} ORDER BY {order}"
        joins = " ".join(join for alias, join in _JOINS if re.search(rf"\b{alias}\.", picked))
        if _walk_by_date(db, flt or InspectionFilter(), sort, offset + limit):
            # An inner join the planner may not reorder: the inspections stay the outer loop.
            joins = joins.replace(_JOINS[0][1], "CROSS JOIN companies c ON c.id = i.company_id")
        where = (f"WHERE i.rowid IN (SELECT i.rowid FROM inspections i {joins} {picked} "
                 "LIMIT ? OFFSET ?)")
        params = [*params, limit, offset]
    sql = f"""
            SELECT i.id, i.number, i.revision, i.status, i.kind, i.started_at, i.ended_at,
                   i.template_id, i.template_version, t.title_zh, t.title_en,
                   i.company_id, COALESCE(c.name, su.name) AS company_name, c.town,
                   i.subject_unit_id,
                   (SELECT COUNT(*) FROM findings f WHERE f.inspection_id = i.id
                        AND f.withdrawn_at IS NULL) AS hazards,
                   (SELECT COUNT(*) FROM findings f WHERE f.inspection_id = i.id
                        AND f.withdrawn_at IS NULL AND f.grade = 'major') AS major_hazards,
                   (SELECT COUNT(*) FROM findings f WHERE f.inspection_id = i.id
                        AND f.withdrawn_at IS NULL
                        AND f.status IN ('open', 'reopened')) AS open_hazards,
                   (SELECT group_concat(name, '、') FROM (
                        SELECT p.name FROM inspection_inspectors x
                        JOIN inspectors p ON p.id = x.inspector_id
                        WHERE x.inspection_id = i.id ORDER BY x.position)) AS inspectors
            FROM inspections i
            {_SUBJECT_JOINS}
            {_TEMPLATE_JOIN}
            {where}
            ORDER BY {order}
        """
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]

def count_inspections(db: Database, flt: InspectionFilter | None = None) -> int:
    """How many inspections ``list_inspections`` gives for ``flt``, without reading them.

    Read from indexes only: every inspection the filter selects less those of them that a
    later revision supersedes (few), rather than a look for a later revision per row.
    """
    flt = flt or InspectionFilter()
    where, params = _where(replace(flt, include_superseded=True), count=True)
    joins = "LEFT JOIN companies c ON c.id = i.company_id" if flt.town or flt.search else ""
    sql = " ".join(p for p in ("SELECT COUNT(*) FROM inspections i", joins, where) if p)
    total = int(db.execute(sql, params).fetchone()[0])
    if not flt.include_superseded:
        superseded = ("i.id IN (SELECT n.supersedes_id FROM inspections n "
                      "WHERE n.supersedes_id IS NOT NULL)")
        sql += f" {'AND' if where else 'WHERE'} {superseded}"
        total -= int(db.execute(sql, params).fetchone()[0])
    return total


_TEMPLATE_JOIN = "LEFT JOIN templates t ON t.key = i.template_key"
# The same joins one by one, each with the alias it brings in.
_JOINS = (("c", "LEFT JOIN companies c ON c.id = i.company_id"),
          ("su", "LEFT JOIN units su ON su.id = i.subject_unit_id"),
          ("t", _TEMPLATE_JOIN))

# The subject of an inspection: a company, or a unit (a supervision inspection of its work).
_SUBJECT_JOINS = f"{_JOINS[0][1]} {_JOINS[1][1]}"

# The ORDER BY terms of each sort of ``InspectionRepo.list``; each ends with the rowid so a page
# boundary never splits or repeats rows that sort alike. Numbers of one prefix and year sort by
# their sequence because a longer number is a larger sequence (…-999号 before …-1000号).
LIST_SORTS: dict[str, tuple[str, ...]] = {
    "started": ("i.started_at", "i.number", "i.rowid"),
    "number": ("length(i.number)", "i.number", "i.rowid"),
    "company": ("COALESCE(c.name, su.name)", "i.started_at", "i.rowid"),
    "town": ("c.town", "i.started_at", "i.rowid"),
    "template": ("t.title_zh", "i.started_at", "i.rowid"),
    "kind": ("i.kind", "i.started_at", "i.rowid"),
    "inspectors": ("(SELECT p.name FROM inspection_inspectors x JOIN inspectors p "
                   "ON p.id = x.inspector_id WHERE x.inspection_id = i.id "
                   "ORDER BY x.position LIMIT 1)", "i.started_at", "i.rowid"),
    "status": ("CASE i.status WHEN 'draft' THEN 0 WHEN 'completed' THEN 1 ELSE 2 END",
               "i.started_at", "i.rowid"),
    "hazards": ("(SELECT COUNT(*) FROM findings f WHERE f.inspection_id = i.id)",
                "i.started_at", "i.rowid"),
    "open_hazards": ("(SELECT COUNT(*) FROM findings f WHERE f.inspection_id = i.id "
                     "AND f.status IN ('open', 'reopened'))", "i.started_at", "i.rowid"),
}


def _walk_by_date(db: Database, flt: InspectionFilter, sort: str, last: int) -> bool:
    """Whether a town's page is found faster by walking the inspections newest first (their
    index on the date) and keeping those of the town, than by gathering every inspection of
    the town and sorting them, which SQLite does unless told: for a town of a seventh of a
    100,000-inspection district, 1 ms against 14 for the first page. The walk reads about
    ``last`` / share rows, the gathering share × all of them; past the first pages, or for a
    town of few companies, gathering is cheaper (a town with none would be walked whole).
    Only for the town alone: another filter would thin the walk by a share not known here."""
    others = (flt.search, flt.company_id, flt.inspector_id, flt.status, flt.date_from,
              flt.date_to)
    if not flt.town or sort != "started" or any(others):
        return False
    in_town, companies, inspections = db.execute(
        "SELECT (SELECT COUNT(*) FROM companies WHERE town = ?), "
        "(SELECT COUNT(*) FROM companies), (SELECT MAX(rowid) FROM inspections)",
        [flt.town]).fetchone()
    if not in_town or not inspections:
        return False
    share = in_town / companies
    # A row walked costs about three gathered (the company looked up for each).
    return bool(last / share * 3 < share * inspections)


def may_be_a_number(term: str) -> bool:
    """Whether a search term may be (part of) a document number: it has a digit, or the
    brackets of a number's year (〔2026〕)."""
    return any(ch.isdigit() or ch in "〔〕[]" for ch in term)


def _where(flt: InspectionFilter, *, count: bool = False) -> tuple[str, list[Any]]:
    """The WHERE clause of ``flt`` on ``inspections i`` joined to its subject (``c`` and
    ``su``); ``count``: on ``c`` only, its search on the names' indexes (for ``count``)."""
    where: list[str] = []
    params: list[Any] = []
    if not flt.include_superseded:
        where.append("NOT EXISTS (SELECT 1 FROM inspections n WHERE n.supersedes_id = i.id)")
    if flt.status:
        where.append("i.status = ?")
        params.append(flt.status)
    if flt.company_id:
        where.append("i.company_id = ?")
        params.append(flt.company_id)
    if flt.town:
        where.append("c.town = ?")
        params.append(flt.town)
    if flt.inspector_id:
        where.append("i.id IN (SELECT x.inspection_id FROM inspection_inspectors x "
                     "WHERE x.inspector_id = ?)")
        params.append(flt.inspector_id)
    # started_at is ISO text, so a range on the column (usable by its index) is a range of days.
    if flt.date_from:
        where.append("i.started_at >= ?")
        params.append(flt.date_from)
    if flt.date_to:
        where.append("i.started_at < ?")
        params.append(flt.date_to + "~")  # "~" sorts after any time of that day
    if flt.search:
        # LIKE, not FTS: the trigram tokenizer misses queries under three characters.
        pattern = like_pattern(flt.search)
        # A record is looked for by its number as often as by whom it inspected; a number is
        # typed with its digits. A term without any is a name only: the numbers are not read
        # (every number holds its document's words: "应急" would list every record).
        by_number = may_be_a_number(flt.search)
        if count:
            # COALESCE(c.name, su.name) LIKE ?, as two lists of names that the planner can
            # look up by index instead of a join per inspection; the numbers from their own
            # index (a LIKE over the rows themselves read every inspection: 0.4 s at 100,000).
            where.append("(i.company_id IN (SELECT id FROM companies WHERE name LIKE ? "
                         "ESCAPE '\\') OR (i.subject_unit_id IN (SELECT id FROM units WHERE "
                         "name LIKE ? ESCAPE '\\') AND c.name IS NULL)"
                         + (" OR i.rowid IN (SELECT rowid FROM inspections WHERE number IS NOT "
                            "NULL AND number LIKE ? ESCAPE '\\'))" if by_number else ")"))
            params.extend([pattern, pattern, pattern] if by_number else [pattern, pattern])
        elif by_number:
            where.append("(COALESCE(c.name, su.name) LIKE ? ESCAPE '\\' "
                         "OR i.number LIKE ? ESCAPE '\\')")
            params.extend([pattern, pattern])
        else:
            where.append("COALESCE(c.name, su.name) LIKE ? ESCAPE '\\'")
            params.append(pattern)
    return ("WHERE " + " AND ".join(where) if where else ""), params
