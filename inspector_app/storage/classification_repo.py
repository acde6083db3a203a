"""Rows behind the supervision classes: the office's decisions (``company_classifications``), the
facts it keeps per company (``company_supervision``) and the figures a suggestion is made from.

Writes do not open a transaction of their own: the classification service wraps each decision
and each change of facts, with its audit entry, in one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


SUPERVISION_TABLE = "company_supervision"


class ClassificationRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- what a suggestion is made from --
    def companies(self) -> list[tuple[str, str, str | None, str | None, str | None, str | None]]:
        """Every company, by town then name: (id, name, town, industry, special areas as JSON,
        class decided (risk_level))."""
        return [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in self.db.execute(
            "SELECT id, name, town, industry, special_areas, risk_level FROM companies "
            "ORDER BY town, name").fetchall()]

    def major_findings_since(self, since: str) -> dict[str, int]:
        """Per company id: how many major findings were recorded from ``since`` (ISO) on;
        companies without any are absent."""
        return {str(company_id): int(count) for company_id, count in self.db.execute(
            "SELECT i.company_id, COUNT(*) FROM findings f JOIN inspections i "
            "ON i.id = f.inspection_id WHERE f.grade = 'major' AND f.created_at >= ? "
            "GROUP BY i.company_id", [since]).fetchall()}

    def supervision_facts(self) -> dict[str, tuple[Any, ...]]:
        """Per company id, the facts the office keeps: (company id, major hazard source,
        accidents, standardisation grade, certificate, issued on, expires on)."""
        return {r[0]: tuple(r) for r in self.db.execute(
            "SELECT company_id, major_hazard_source, accidents, std_grade, std_certificate, "
            "std_issued_on, std_expires_on FROM company_supervision").fetchall()}

    def standardisation_rows(self) -> list[tuple[Any, ...]]:
        """Every company by town then name, with its standardisation certificate when it has
        one: (id, name, town, grade, certificate, issued on, expires on)."""
        return [tuple(r) for r in self.db.execute(
            "SELECT c.id, c.name, c.town, s.std_grade, s.std_certificate, s.std_issued_on, "
            "s.std_expires_on FROM companies c LEFT JOIN company_supervision s "
            "ON s.company_id = c.id ORDER BY c.town, c.name").fetchall()]

    # -- decisions --
    def latest_decisions(self) -> dict[str, tuple[str, str | None, str, str]]:
        """Per company id, its latest decision: (company id, decided by, decided at, why)."""
        return {r[0]: (r[0], r[1], r[2], r[3]) for r in self.db.execute(
            "SELECT company_id, decided_by, decided_at, why FROM company_classifications c "
            "WHERE decided_at = (SELECT MAX(decided_at) FROM company_classifications d "
            "WHERE d.company_id = c.company_id)").fetchall()}

    def add_decision(self, record: dict[str, Any]) -> None:
        """Keep one decision (a row of ``company_classifications``)."""
        self.db.table("company_classifications").insert(record)

    def decisions(self, company_id: str) -> list[tuple[str, str, str | None, str]]:
        """A company's decisions, newest first: (when, class, who, why)."""
        return [(r[0], r[1], r[2], r[3]) for r in self.db.execute(
            "SELECT decided_at, risk_class, decided_by, why FROM company_classifications "
            "WHERE company_id = ? ORDER BY decided_at DESC", [company_id]).fetchall()]

    # -- facts the office keeps --
    def supervision(self, company_id: str) -> dict[str, Any] | None:
        """The company's row of ``company_supervision`` by column name, or None."""
        rows = list(self.db.table(SUPERVISION_TABLE).rows_where("company_id = ?", [company_id]))
        return rows[0] if rows else None

    def supervision_values(self, company_id: str) -> tuple[Any, ...] | None:
        """The same row as stored, its values in column order (as the audit log keeps an old
        row), or None."""
        row = self.db.execute("SELECT * FROM company_supervision WHERE company_id = ?",
                              [company_id]).fetchone()
        return tuple(row) if row else None

    def save_supervision(self, row: dict[str, Any]) -> None:
        """Insert or replace the company's row of ``company_supervision``."""
        self.db.table(SUPERVISION_TABLE).upsert(row, pk="company_id")
