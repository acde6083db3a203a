"""The dispatch statistics (调度统计): every figure, computed once, here, in SQL.

For a period (both days included) and optionally a campaign, grouped by the company's town
(属地), its supervising department (行业主管部门) or its industry. The rules, one per figure:

- Inspections counted: the latest revision of each record (no amendment supersedes it), not a
  draft, not a conflict copy, started within the period; with a campaign, also tagged to it:
  started within the campaign's period on a company in its scope, unless a person tagged it in
  or out (``campaign_tags``).
- companies_in_scope: companies of the group (with a campaign: those in its scope).
- companies_inspected: of those, the ones with at least one counted official or self-inspection.
- inspections_official / inspections_self (执法检查 / 企业自查), reinspections (复查).
- hazards_major / hazards_general: hazards recorded by counted official and self-inspections.
- rectified: of those, reported rectified or closed; rectification_rate = rectified / hazards.
- overdue / overdue_major: not rectified (open or reopened) with a deadline (the newest one a
  re-inspection set, else the order's) before ``as_of``.
- orders: rectification orders (责令限期整改指令书) issued for counted inspections.
- onsite_measures: hazards handled on the spot (a 现场处理措施 recorded).
- escalations: escalation decisions (曝光, 立案查处, 停产整顿, 关闭取缔) taken within the period
  about companies of the group (with a campaign: in its scope).
- silent: a unit (or group) with no counted official or self-inspection in the period;
  re-inspections follow up hazards found before and are a figure of their own, as the
  dispatch meeting reads them (a unit that only re-inspected is silent, and says so).

A company's department is the one named on the company (``companies.department_id``), else the
active department whose sectors include the company's industry (lowest position first).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from inspector_app.domain.bilingual import Bilingual
from inspector_app.domain.company import INDUSTRIES, industry_label
from inspector_app.domain.units import Campaign, Period

if TYPE_CHECKING:
    from sqlite_utils import Database

GROUPINGS = ("town", "department", "industry")

# Summed over the companies of a group; the order is the table's.
COUNTS = ("companies_in_scope", "companies_inspected", "inspections_official",
          "inspections_self", "reinspections", "hazards_major", "hazards_general", "rectified",
          "overdue", "overdue_major", "orders", "onsite_measures", "escalations")

_GROUP_KEY = {
    "town": "COALESCE(c.town, '')",
    "department": "COALESCE(d.department_id, '')",
    "industry": "COALESCE(c.industry, '')",
}

_NO_GROUP = {"town": Bilingual(zh="（未填写乡镇）", en="(no town)"),
             "department": Bilingual(zh="（未明确行业主管部门）", en="(no department)"),
             "industry": Bilingual(zh="（未填写行业）", en="(no industry)")}


@dataclass(frozen=True)
class DispatchQuery:
    period: Period
    by: str = "town"
    campaign: Campaign | None = None
    as_of: date | None = None       # overdue as of this day; default today

    def __post_init__(self) -> None:
        if self.by not in GROUPINGS:
            raise ValueError(f"unknown grouping {self.by!r}")


@dataclass
class DispatchRow:
    key: str                         # town name, department unit id, industry code; '' = none
    label: str
    figures: dict[str, int] = field(default_factory=dict)
    registered: bool = False         # a unit of the registry (towns and departments)

    def __getitem__(self, name: str) -> int:
        return self.figures[name]

    @property
    def hazards(self) -> int:
        return self.figures["hazards_major"] + self.figures["hazards_general"]

    @property
    def inspections(self) -> int:
        return self.figures["inspections_official"] + self.figures["inspections_self"]

    @property
    def coverage(self) -> float | None:
        scope = self.figures["companies_in_scope"]
        return self.figures["companies_inspected"] / scope if scope else None

    @property
    def rectification_rate(self) -> float | None:
        return self.figures["rectified"] / self.hazards if self.hazards else None

    @property
    def silent(self) -> bool:
        return self.inspections == 0

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, **self.figures,
                "hazards": self.hazards, "coverage": self.coverage,
                "rectification_rate": self.rectification_rate, "silent": self.silent}


@dataclass
class DispatchTable:
    query: DispatchQuery
    rows: list[DispatchRow]
    total: DispatchRow

    @property
    def silent(self) -> list[DispatchRow]:
        return [r for r in self.rows if r.silent and r.key]


def _params(q: DispatchQuery) -> dict[str, Any]:
    c = q.campaign
    return {
        "start": q.period.start.isoformat(), "end": q.period.end.isoformat(),
        "as_of": (q.as_of or date.today()).isoformat(),
        "has_campaign": int(c is not None), "campaign_id": c.id if c else "",
        "c_start": c.starts_on if c else "", "c_end": c.ends_on if c else "",
        "c_all": int(c is None or c.covers_everyone),
        "c_companies": json.dumps(list(c.company_ids) if c else []),
        "c_towns": json.dumps(list(c.towns) if c else [], ensure_ascii=False),
        "c_industries": json.dumps(list(c.industries) if c else []),
    }


def base_sql(by: str, drafts: bool = False) -> str:
    """The common tables every figure and every drill-down list is read from; with ``drafts``,
    the same tables over the drafts the figures leave out (see ``draft_hazards``)."""
    status = "i.status = 'draft'" if drafts else "i.status != 'draft'"
    return f"""
WITH
sector AS MATERIALIZED (
    -- Each industry's department: the first active one (by position) that names it.
    SELECT industry, department_id FROM (
        SELECT s.value AS industry, u.id AS department_id,
               ROW_NUMBER() OVER (PARTITION BY s.value ORDER BY u.position, u.name) AS n
        FROM units u, json_each(u.sectors) s
        WHERE u.kind = 'department' AND u.active = 1)
    WHERE n = 1
),
dept AS (
    SELECT c.id AS company_id, COALESCE(c.department_id, sector.department_id) AS department_id
    FROM companies c LEFT JOIN sector ON sector.industry = c.industry
),
co AS MATERIALIZED (
    SELECT c.id, c.name, c.town, c.industry, d.department_id, {_GROUP_KEY[by]} AS grp,
           {_GROUP_KEY["town"]} AS g_town, {_GROUP_KEY["department"]} AS g_department,
           {_GROUP_KEY["industry"]} AS g_industry,
           (:c_all OR c.id IN (SELECT value FROM json_each(:c_companies))
            OR COALESCE(c.town, '') IN (SELECT value FROM json_each(:c_towns))
            OR COALESCE(c.industry, '') IN (SELECT value FROM json_each(:c_industries)))
           AS in_scope
    FROM companies c JOIN dept d ON d.company_id = c.id
),
ins AS MATERIALIZED (
    -- CROSS JOIN keeps the inspections the outer loop: one pass over the table, the small
    -- list of companies looked up, instead of a random read of the inspections per company.
    SELECT i.id, i.company_id, i.kind, i.number, i.started_at, co.grp
    FROM inspections i CROSS JOIN co ON co.id = i.company_id
    WHERE {status} AND i.conflict_of IS NULL
      AND NOT EXISTS (SELECT 1 FROM inspections n WHERE n.supersedes_id = i.id)
      AND substr(i.started_at, 1, 10) BETWEEN :start AND :end
      AND (NOT :has_campaign OR COALESCE(
            (SELECT t.included FROM campaign_tags t
             WHERE t.campaign_id = :campaign_id AND t.inspection_id = i.id),
            substr(i.started_at, 1, 10) BETWEEN :c_start AND :c_end AND co.in_scope))
),
fin AS (
    SELECT f.id, f.inspection_id, f.seq, f.description, f.grade, f.status, f.responsible,
           ins.company_id,
           ins.grp, ins.number,
           COALESCE(f.current_deadline, f.deadline) AS deadline,
           f.status IN ('rectified', 'closed') AS is_rectified,
           f.status IN ('open', 'reopened')
             AND COALESCE(f.current_deadline, f.deadline) IS NOT NULL
             AND substr(COALESCE(f.current_deadline, f.deadline), 1, 10) < :as_of AS is_overdue,
           TRIM(COALESCE(f.onsite_measure, '')) != '' AS is_onsite
    FROM findings f JOIN ins ON ins.id = f.inspection_id
    WHERE ins.kind IN ('official', 'self')
),
ord AS (
    SELECT d.id, d.number, d.inspection_id, ins.company_id, ins.grp
    FROM documents d JOIN ins ON ins.id = d.inspection_id
    WHERE d.doc_type = 'order'
),
esc AS (
    SELECT e.id, e.company_id, e.measure, e.decided_on, e.case_number, co.grp
    FROM escalations e JOIN co ON co.id = e.company_id
    WHERE e.decided_on BETWEEN :start AND :end AND co.in_scope
)"""


def _per_company_sql() -> str:
    """Every figure of every company; the groupings add these up.

    The same rules as ``fin`` and ``ord`` above, added up in the order that costs least:
    the hazards per inspection straight from the index ``findings_dispatch`` (read in its
    order, nothing sorted, no table row read), then per company over the inspections.
    """
    return base_sql("town") + """,
fi AS (
    SELECT f.inspection_id, SUM(f.grade = 'major') AS major,
           SUM(f.grade = 'general') AS general,
           SUM(f.status IN ('rectified', 'closed')) AS rectified,
           SUM(f.status IN ('open', 'reopened')
               AND COALESCE(f.current_deadline, f.deadline) IS NOT NULL
               AND substr(COALESCE(f.current_deadline, f.deadline), 1, 10) < :as_of)
               AS overdue,
           SUM(f.grade = 'major' AND f.status IN ('open', 'reopened')
               AND COALESCE(f.current_deadline, f.deadline) IS NOT NULL
               AND substr(COALESCE(f.current_deadline, f.deadline), 1, 10) < :as_of)
               AS overdue_major,
           SUM(TRIM(COALESCE(f.onsite_measure, '')) != '') AS onsite
    FROM findings f
    WHERE f.inspection_id IN (SELECT id FROM ins WHERE kind IN ('official', 'self'))
    GROUP BY f.inspection_id
),
ia AS (
    SELECT ins.company_id, SUM(ins.kind = 'official') AS official,
           SUM(ins.kind = 'self') AS self, SUM(ins.kind = 'reinspection') AS re,
           TOTAL(fi.major) AS major, TOTAL(fi.general) AS general,
           TOTAL(fi.rectified) AS rectified, TOTAL(fi.overdue) AS overdue,
           TOTAL(fi.overdue_major) AS overdue_major, TOTAL(fi.onsite) AS onsite,
           SUM(EXISTS (SELECT 1 FROM documents d
                       WHERE d.inspection_id = ins.id AND d.doc_type = 'order')) AS orders
    FROM ins LEFT JOIN fi ON fi.inspection_id = ins.id
    GROUP BY ins.company_id
),
ea AS (SELECT company_id, COUNT(*) AS escalations FROM esc GROUP BY company_id),
pc AS MATERIALIZED (
    SELECT co.g_town, co.g_department, co.g_industry, co.in_scope AS scope,
           co.in_scope AND COALESCE(ia.official, 0) + COALESCE(ia.self, 0) > 0 AS inspected,
           ia.official, ia.self, ia.re, ia.major, ia.general, ia.rectified, ia.overdue,
           ia.overdue_major, ia.orders, ia.onsite, ea.escalations
    FROM co
    LEFT JOIN ia ON ia.company_id = co.id
    LEFT JOIN ea ON ea.company_id = co.id
)
"""


def _group_select(by: str) -> str:
    return f"""
SELECT '{by}', g_{by}, SUM(scope), SUM(inspected), TOTAL(official), TOTAL(self), TOTAL(re),
       TOTAL(major), TOTAL(general), TOTAL(rectified), TOTAL(overdue), TOTAL(overdue_major),
       TOTAL(orders), TOTAL(onsite), TOTAL(escalations)
FROM pc GROUP BY g_{by}"""


def _figures_sql(by: str) -> str:
    return _per_company_sql() + _group_select(by)


def _all_figures_sql() -> str:
    """All three groupings in one statement: the companies' figures are computed once."""
    return _per_company_sql() + "\nUNION ALL".join(_group_select(by) for by in GROUPINGS)


def _labels(db: Database, by: str, lang: str) -> tuple[dict[str, str], list[str]]:
    """Labels of the group keys, and the registry's units that must appear even when silent."""
    if by == "industry":
        return {code: industry_label(code, lang) for code in INDUSTRIES}, []
    if by == "town":
        towns = [r[0] for r in db.execute(
            "SELECT name FROM units WHERE kind = 'town' AND active = 1 ORDER BY position, name")]
        return {t: t for t in towns}, towns
    rows = db.execute("SELECT id, name, active FROM units WHERE kind = 'department' "
                      "ORDER BY position, name").fetchall()
    return {r[0]: r[1] for r in rows}, [r[0] for r in rows if r[2]]


def _table(db: Database, query: DispatchQuery, found: dict[str, dict[str, int]],
           lang: str) -> DispatchTable:
    zh = lang.lower().startswith("zh")
    labels, registered = _labels(db, query.by, lang)
    rows: list[DispatchRow] = []
    zero = dict.fromkeys(COUNTS, 0)
    for key in registered:
        rows.append(DispatchRow(key, labels[key], found.pop(key, dict(zero)), True))
    for key in sorted(found, key=lambda k: (k == "", labels.get(k, k))):
        figures = found[key]
        if not any(figures.values()):
            continue   # e.g. an industry no company of a campaign's scope belongs to
        label = labels.get(key) or (key if key else _NO_GROUP[query.by].in_(lang))
        rows.append(DispatchRow(key, label, figures))
    total = DispatchRow("", "合计" if zh else "Total",
                        {name: sum(r.figures[name] for r in rows) for name in COUNTS})
    return DispatchTable(query, rows, total)


def _figures(values: tuple[Any, ...]) -> dict[str, int]:
    return {name: int(v or 0) for name, v in zip(COUNTS, values, strict=True)}


def dispatch_table(db: Database, query: DispatchQuery, lang: str = "zh_CN") -> DispatchTable:
    """The figures of every group of ``query.by``, registry units first, then the rest."""
    found = {values[1]: _figures(values[2:])
             for values in db.execute(_figures_sql(query.by), _params(query)).fetchall()}
    return _table(db, query, found, lang)


def dispatch_tables(db: Database, query: DispatchQuery, lang: str = "zh_CN"
                    ) -> dict[str, DispatchTable]:
    """Every grouping at once (``query.by`` is ignored), from one statement."""
    found: dict[str, dict[str, dict[str, int]]] = {by: {} for by in GROUPINGS}
    for values in db.execute(_all_figures_sql(), _params(query)).fetchall():
        found[values[0]][values[1]] = _figures(values[2:])
    return {by: _table(db, replace(query, by=by), found[by], lang) for by in GROUPINGS}


def draft_hazards(db: Database, query: DispatchQuery) -> dict[str, int]:
    """Hazards of drafts (latest revisions started in the period) per group of ``query.by``:
    the ledger lists them, the figures leave them out until the record is completed, so the
    page can say how many it did not count."""
    sql = base_sql(query.by, drafts=True) + "\nSELECT grp, COUNT(*) FROM fin GROUP BY grp"
    return {grp: int(n) for grp, n in db.execute(sql, _params(query)).fetchall()}


# -- drill-down: the list behind a figure ---------------------------------------------------

# figure -> (the common table it counts, the condition)
_DRILL: dict[str, tuple[str, str]] = {
    "companies_in_scope": ("co", "co.in_scope"),
    "companies_inspected": ("co", "co.in_scope AND EXISTS (SELECT 1 FROM ins "
                                  "WHERE ins.company_id = co.id AND ins.kind != 'reinspection')"),
    "inspections_official": ("ins", "ins.kind = 'official'"),
    "inspections_self": ("ins", "ins.kind = 'self'"),
    "reinspections": ("ins", "ins.kind = 'reinspection'"),
    "hazards_major": ("fin", "fin.grade = 'major'"),
    "hazards_general": ("fin", "fin.grade = 'general'"),
    "rectified": ("fin", "fin.is_rectified"),
    "overdue": ("fin", "fin.is_overdue"),
    "overdue_major": ("fin", "fin.is_overdue AND fin.grade = 'major'"),
    "orders": ("ord", "1"),
    "onsite_measures": ("fin", "fin.is_onsite"),
    "escalations": ("esc", "1"),
}

_DRILL_SELECT = {
    "co": "SELECT co.id, co.name AS company_name, co.town, co.industry FROM co",
    "ins": "SELECT ins.id, ins.number, ins.kind, ins.started_at, c.name AS company_name, "
           "c.town FROM ins JOIN companies c ON c.id = ins.company_id",
    "fin": "SELECT fin.id, fin.number AS inspection_number, fin.seq, fin.description, "
           "fin.grade, fin.status, fin.deadline, fin.responsible, c.name AS company_name, "
           "c.town "
           "FROM fin JOIN companies c ON c.id = fin.company_id",
    "ord": "SELECT ord.id, ord.number, c.name AS company_name, c.town "
           "FROM ord JOIN companies c ON c.id = ord.company_id",
    "esc": "SELECT esc.id, esc.decided_on, esc.measure, esc.case_number, "
           "c.name AS company_name, c.town FROM esc JOIN companies c ON c.id = esc.company_id",
}

_DRILL_ORDER = {"co": "co.name", "ins": "ins.started_at, ins.id",
                "fin": "fin.deadline IS NULL, fin.deadline, fin.number, fin.seq",
                "ord": "ord.number", "esc": "esc.decided_on, esc.id"}


def drill_down(db: Database, query: DispatchQuery, figure: str,
               group: str | None = None) -> list[dict[str, Any]]:
    """The records a figure counts, for one group (its key) or for the total (None)."""
    if figure not in _DRILL:
        raise ValueError(f"unknown figure {figure!r}")
    table, condition = _DRILL[figure]
    params = _params(query)
    where = condition
    if group is not None:
        where += f" AND {table}.grp = :grp"
        params["grp"] = group
    sql = (base_sql(query.by) + f"\n{_DRILL_SELECT[table]} WHERE {where} "
           f"ORDER BY {_DRILL_ORDER[table]}")
    return [dict(r) for r in db.query(sql, params)]


# -- the trend by ISO week --------------------------------------------------------------------

@dataclass(frozen=True)
class WeekFigures:
    """One ISO week (Monday to Sunday) of the counted work, by the day inspections started."""

    monday: date
    inspections: int     # official and self-inspections
    hazards: int         # found by them
    rectified: int       # of those, reported rectified or closed

    @property
    def label(self) -> str:
        year, week, _ = self.monday.isocalendar()
        return f"{year}-W{week:02d}"


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_trend(db: Database, query: DispatchQuery) -> list[WeekFigures]:
    """Every week the period touches, the empty ones too, with the same rules as the table."""
    day = "substr(ins.started_at, 1, 10)"
    sql = base_sql("town") + f""",
wk AS (
    SELECT ins.id, ins.kind,
           date({day}, '-' || ((CAST(strftime('%w', {day}) AS INTEGER) + 6) % 7) || ' days')
           AS monday
    FROM ins WHERE ins.kind IN ('official', 'self')
)
SELECT monday, COUNT(*), 0, 0 FROM wk GROUP BY monday
UNION ALL
SELECT wk.monday, 0, COUNT(*), TOTAL(fin.is_rectified)
FROM fin JOIN wk ON wk.id = fin.inspection_id GROUP BY wk.monday"""
    found: dict[str, list[int]] = {}
    for monday, inspections, hazards, rectified in db.execute(sql, _params(query)).fetchall():
        sums = found.setdefault(monday, [0, 0, 0])
        sums[0] += int(inspections)
        sums[1] += int(hazards)
        sums[2] += int(rectified)
    weeks = []
    monday = _monday(query.period.start)
    while monday <= query.period.end:
        weeks.append(WeekFigures(monday, *found.get(monday.isoformat(), (0, 0, 0))))
        monday += timedelta(days=7)
    return weeks
