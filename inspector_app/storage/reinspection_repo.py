"""Re-inspection (复查) queries: hazards still open, and the results a re-inspection records per
hazard (``reinspection_results``). Callers own the transactions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from inspector_app.domain.finding import Finding, FindingStatus
from inspector_app.domain.finding_status import AWAITING_COMPANY
from inspector_app.storage.inspections_repo import _FINDING_COLUMNS

if TYPE_CHECKING:
    from sqlite_utils import Database

# A hazard that still waits for its re-inspection.
NOT_CLOSED = (FindingStatus.OPEN.value, FindingStatus.RECTIFIED.value,
              FindingStatus.REOPENED.value)

_RESULT_COLUMNS = ("r.finding_id, r.result, r.new_deadline, r.note, r.updated_at, r.accepted_on, "
                   "r.accepted_by, r.acceptance_conclusion")
_F_COLUMNS = ", ".join(f"f.{c.strip()}" for c in _FINDING_COLUMNS.split(","))
# The newest revision of a completed or signed inspection: what hazards are followed up from.
_FOLLOWABLE = ("i.status IN ('completed', 'signed') AND i.kind != 'reinspection' "
               "AND f.withdrawn_at IS NULL "
               "AND NOT EXISTS (SELECT 1 FROM inspections n WHERE n.supersedes_id = i.id)")


class ReinspectionRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- what is open ----------------------------------------------------------------------
    def companies_with_open_hazards(self, today: str) -> list[tuple[str, str, str | None, int,
                                                                     int]]:
        """Each company with hazards not closed yet (of the newest revision of its completed or
        signed inspections), by name: (company id, name, town, open hazards, of them overdue
        on ``today`` (YYYY-MM-DD), by their current deadline, while awaiting the company)."""
        rows = self.db.execute(
            f"""SELECT c.id, c.name, c.town, COUNT(f.id),
                       SUM(CASE WHEN COALESCE(f.current_deadline, f.deadline) < ?
                                 AND f.status IN (?, ?) THEN 1 ELSE 0 END)
                FROM findings f JOIN inspections i ON i.id = f.inspection_id
                JOIN companies c ON c.id = i.company_id
                WHERE f.status IN (?, ?, ?) AND {_FOLLOWABLE}
                GROUP BY c.id ORDER BY c.name, c.id""",
            [today, *(s.value for s in AWAITING_COMPANY), *NOT_CLOSED]).fetchall()
        return [(r[0], r[1], r[2], int(r[3]), int(r[4] or 0)) for r in rows]

    def company_names(self) -> dict[str, str]:
        """Every company's name by its id."""
        return {r[0]: r[1] for r in self.db.execute("SELECT id, name FROM companies")}

    def company_name(self, company_id: str) -> str | None:
        """The company's name; None when there is no such company."""
        row = self.db.execute("SELECT name FROM companies WHERE id = ?",
                              [company_id]).fetchone()
        return str(row[0]) if row else None

    def open_hazards(self, company_id: str) -> list[tuple[Finding, str | None, str | None]]:
        """The company's hazards not closed yet, oldest inspection first: (hazard, the number
        of the inspection that found it, when that inspection started)."""
        rows = self.db.execute(
            f"""SELECT {_F_COLUMNS}, i.number, i.started_at
                FROM findings f JOIN inspections i ON i.id = f.inspection_id
                WHERE i.company_id = ? AND f.status IN (?, ?, ?) AND {_FOLLOWABLE}
                ORDER BY i.started_at, i.id, f.seq""",
            [company_id, *NOT_CLOSED]).fetchall()
        return [(Finding.from_row(r[:-2]), r[-2], r[-1]) for r in rows]

    def draft_following(self, inspection_id: str) -> str | None:
        """The number of a re-inspection of this inspection still in progress (a draft);
        None when there is none."""
        row = self.db.execute(
            "SELECT number FROM inspections WHERE follows_inspection_id = ? AND status = 'draft'",
            [inspection_id]).fetchone()
        return row[0] if row else None

    # -- results ---------------------------------------------------------------------------
    def upsert_result(self, result_id: str, reinspection_id: str, finding_id: str,
                      values: tuple[Any, ...], stamp: dict[str, str]) -> None:
        """Store one hazard's result; ``values`` are (result, new deadline, note, accepted on,
        accepted by, acceptance conclusion). A result recorded before is replaced (its id and
        creation time stay)."""
        self.db.execute(
            "INSERT INTO reinspection_results (id, reinspection_id, finding_id, result, "
            "new_deadline, note, accepted_on, accepted_by, acceptance_conclusion, "
            "created_at, updated_at, device_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(reinspection_id, finding_id) DO UPDATE SET result = excluded.result,"
            " new_deadline = excluded.new_deadline, note = excluded.note, "
            "accepted_on = excluded.accepted_on, accepted_by = excluded.accepted_by, "
            "acceptance_conclusion = excluded.acceptance_conclusion, "
            "updated_at = excluded.updated_at, device_id = excluded.device_id",
            [result_id, reinspection_id, finding_id, *values, stamp["created_at"],
             stamp["updated_at"], stamp["device_id"]])

    def result(self, reinspection_id: str, finding_id: str) -> tuple[Any, ...] | None:
        """One hazard's result: (finding id, result, new deadline, note, updated at, accepted
        on, accepted by, acceptance conclusion); None when none was recorded."""
        row = self.db.execute(
            f"SELECT {_RESULT_COLUMNS} FROM reinspection_results r"
            " WHERE reinspection_id = ? AND finding_id = ?",
            [reinspection_id, finding_id]).fetchone()
        return tuple(row) if row else None

    def results(self, reinspection_id: str) -> list[tuple[Any, ...]]:
        """The re-inspection's results in the order of their hazards, each as ``result``
        gives it."""
        rows = self.db.execute(
            f"SELECT {_RESULT_COLUMNS} "
            "FROM reinspection_results r JOIN findings f ON f.id = r.finding_id "
            "WHERE r.reinspection_id = ? ORDER BY f.seq", [reinspection_id]).fetchall()
        return [tuple(r) for r in rows]

    def printed_results(self, reinspection_id: str) -> list[tuple[Any, ...]]:
        """The results as the re-inspection opinion prints them, in the order recorded:
        (finding id, result, new deadline, note, accepted on, accepted by, acceptance
        conclusion)."""
        return [tuple(r) for r in self.db.execute(
            "SELECT finding_id, result, new_deadline, note, accepted_on, accepted_by, "
            "acceptance_conclusion FROM reinspection_results "
            "WHERE reinspection_id = ? ORDER BY rowid", [reinspection_id])]
