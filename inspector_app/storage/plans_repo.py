"""The office's planned inspections (``planned_inspections``): who inspects which company, with
what, by when; and the yearly plan they are issued from (``YearPlanRepo``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from inspector_app.storage.like import like_prefix

if TYPE_CHECKING:
    from sqlite_utils import Database

    # Imported where used: the window's first page counts the plans without the year plan.
    from inspector_app.domain.year_plan import PlanCompany, Team


class PlanRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def company_exists(self, company_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM companies WHERE id = ?",
                               [company_id]).fetchone() is not None

    def insert(self, record: dict[str, Any]) -> None:
        self.db.table("planned_inspections").insert(record)

    def update(self, plan_id: str, fields: dict[str, Any]) -> None:
        self.db.table("planned_inspections").update(plan_id, fields)

    def rows(self, *, include_done: bool = False) -> list[tuple[Any, ...]]:
        """(id, company id, company name, template key, kind, due date, inspector ids as JSON,
        note, status, inspection id), by due date, then company."""
        sql = ("SELECT p.id, p.company_id, c.name, p.template_key, p.kind, p.due_date, "
               "p.inspector_ids, p.note, p.status, p.inspection_id FROM planned_inspections p "
               "JOIN companies c ON c.id = p.company_id")
        if not include_done:
            sql += " WHERE p.status = 'planned'"
        return [tuple(r) for r in self.db.execute(sql + " ORDER BY p.due_date, c.name")]

    def ids_starting(self, prefix: str) -> list[str]:
        """Up to two plan ids starting with ``prefix`` (two: enough to tell it is ambiguous)."""
        rows = self.db.execute(
            "SELECT id FROM planned_inspections WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
            [like_prefix(prefix)]).fetchall()
        return [str(r[0]) for r in rows]

    def planned_count(self) -> int:
        """Plans still waiting to be started."""
        return int(self.db.execute(
            "SELECT COUNT(*) FROM planned_inspections WHERE status = 'planned'").fetchone()[0])


class YearPlanRepo:
    """The yearly enforcement plan: teams (``plan_teams``), one plan a year (``year_plans``)
    and its visits (``year_plan_visits``). Writes do not open a transaction of their own: the
    year-plan service wraps each step, with its audit entry, in one."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- teams --
    def team_named(self, name: str) -> bool:
        """True when a team is called ``name``."""
        return self.db.execute("SELECT 1 FROM plan_teams WHERE name = ?",
                               [name]).fetchone() is not None

    def add_team(self, record: dict[str, Any]) -> None:
        """Store a team (a row of ``plan_teams``, inspector ids and towns as JSON)."""
        self.db.table("plan_teams").insert(record)

    def update_team(self, team_id: str, changes: dict[str, Any]) -> None:
        """Set ``changes`` on the team's row."""
        self.db.table("plan_teams").update(team_id, changes)

    def teams(self) -> list[Team]:
        """Every team, by name."""
        import json  # the window's start counts planned inspections here, without json

        from inspector_app.domain.year_plan import Team

        return [Team(r[0], r[1], tuple(json.loads(r[2])), r[3], tuple(json.loads(r[4])))
                for r in self.db.execute("SELECT id, name, inspector_ids, capacity, towns "
                                         "FROM plan_teams ORDER BY name").fetchall()]

    # -- the plan --
    def plan_row(self, year: int) -> tuple[Any, ...] | None:
        """The plan for ``year``: (id, year, seed, status, template key, created by, approved
        by, approved at), or None when there is none."""
        row = self.db.execute(
            "SELECT id, year, seed, status, template_key, created_by, approved_by, approved_at "
            "FROM year_plans WHERE year = ?", [year]).fetchone()
        return tuple(row) if row else None

    def companies(self) -> list[PlanCompany]:
        """Every company as a plan sees it: id, town ("" when unknown), class decided."""
        from inspector_app.domain.year_plan import PlanCompany

        return [PlanCompany(r[0], r[1] or "", r[2]) for r in self.db.execute(
            "SELECT id, town, risk_level FROM companies").fetchall()]

    def delete_plan(self, plan_id: str) -> None:
        """Remove a plan and its visits (a draft generated again)."""
        self.db.execute("DELETE FROM year_plan_visits WHERE plan_id = ?", [plan_id])
        self.db.execute("DELETE FROM year_plans WHERE id = ?", [plan_id])

    def add_plan(self, record: dict[str, Any], visits: Iterable[dict[str, Any]]) -> None:
        """Store a plan (a row of ``year_plans``) and its visits (rows of
        ``year_plan_visits``)."""
        self.db.table("year_plans").insert(record)
        self.db.table("year_plan_visits").insert_all(visits, batch_size=500)

    def update_plan(self, plan_id: str, changes: dict[str, Any]) -> None:
        """Set ``changes`` on the plan's row (its status, who approved it, …)."""
        self.db.table("year_plans").update(plan_id, changes)

    # -- visits --
    def visits(self, plan_id: str) -> list[tuple[Any, ...]]:
        """The plan's visits still planned, by day, town, company name: (visit id, month, day,
        team id, company id, town, seq, company name, planned inspection id or None)."""
        return [tuple(r) for r in self.db.execute(
            "SELECT v.id, v.month, v.day, v.team_id, v.company_id, c.town, v.seq, c.name, "
            "v.planned_inspection_id FROM year_plan_visits v JOIN companies c "
            "ON c.id = v.company_id WHERE v.plan_id = ? AND v.status = 'planned' "
            "ORDER BY v.day, c.town, c.name", [plan_id]).fetchall()]

    def company_visits_from(self, plan_id: str, company_id: str,
                            day: str) -> list[tuple[str, str | None]]:
        """The company's visits still planned on ``day`` (ISO) or later: (visit id, planned
        inspection id or None)."""
        return [(r[0], r[1]) for r in self.db.execute(
            "SELECT id, planned_inspection_id FROM year_plan_visits WHERE plan_id = ? AND "
            "company_id = ? AND status = 'planned' AND day >= ?",
            [plan_id, company_id, day]).fetchall()]

    def update_visit(self, visit_id: str, changes: dict[str, Any]) -> None:
        """Set ``changes`` on the visit's row (its team, month and day, status, planned
        inspection)."""
        self.db.table("year_plan_visits").update(visit_id, changes)

    def coverage(self, plan_id: str) -> list[tuple[int, int, int]]:
        """Per month that has visits still planned: (month, visits, visits whose planned
        inspection has been started)."""
        return [(r[0], r[1], r[2] or 0) for r in self.db.execute(
            "SELECT v.month, COUNT(*), SUM(p.status = 'started') FROM year_plan_visits v "
            "LEFT JOIN planned_inspections p ON p.id = v.planned_inspection_id "
            "WHERE v.plan_id = ? AND v.status = 'planned' GROUP BY v.month",
            [plan_id]).fetchall()]
