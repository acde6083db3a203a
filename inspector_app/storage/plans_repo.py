"""The office's planned inspections (``planned_inspections``): who inspects which company, with
what, by when."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from inspector_app.storage.inspections_repo import like_prefix

if TYPE_CHECKING:
    from sqlite_utils import Database


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
