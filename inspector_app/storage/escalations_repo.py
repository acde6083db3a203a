"""The escalation list: hazards whose companies should be escalated, and the decisions taken."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from inspector_app.domain.escalation import DEFAULT_GRACE_DAYS, REOPENED_TIMES, Decision
from inspector_app.domain.records import new_id, record_stamp
from inspector_app.errors import NotFoundError
from inspector_app.i18n import N_
from inspector_app.storage.repositories import SettingsRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

GRACE_SETTING = "escalation_grace_days"

# Hazards of the latest, non-draft revision of each record that are not rectified, and why each
# is escalated; a hazard with a decision recorded is off the list.
_CANDIDATES = """
WITH live AS (
    SELECT f.id, f.description, f.grade, f.status, i.company_id, c.name AS company_name, c.town,
           i.id AS inspection_id, i.number AS inspection_number,
           COALESCE(f.current_deadline, f.deadline) AS deadline,
           (SELECT COUNT(*) FROM reinspection_results r JOIN inspections ri
              ON ri.id = r.reinspection_id AND ri.status != 'draft'
            WHERE r.finding_id = f.id AND r.result = 'not_rectified') AS failed_checks,
           EXISTS (SELECT 1 FROM signatures s WHERE s.inspection_id = i.id
                   AND s.role = 'company' AND s.refused = 1) AS refused
    FROM findings f
    JOIN inspections i ON i.id = f.inspection_id
    JOIN companies c ON c.id = i.company_id
    WHERE i.status != 'draft' AND i.conflict_of IS NULL
      AND NOT EXISTS (SELECT 1 FROM inspections n WHERE n.supersedes_id = i.id)
      AND f.status IN ('open', 'reopened')
      AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.finding_id = f.id)
)
SELECT *,
       CASE WHEN refused THEN 'refused'
            WHEN failed_checks >= :times THEN 'reopened'
            ELSE 'overdue' END AS reason
FROM live
WHERE refused OR failed_checks >= :times
   OR (deadline IS NOT NULL AND substr(deadline, 1, 10) < :cutoff)
ORDER BY company_name, deadline
"""


class EscalationRepo:
    def __init__(self, db: Database, device_id: str) -> None:
        self.db = db
        self.device_id = device_id

    def grace_days(self) -> int:
        value = SettingsRepo(self.db).get(GRACE_SETTING)
        return int(value) if value and value.isdigit() else DEFAULT_GRACE_DAYS

    def set_grace_days(self, days: int) -> None:
        SettingsRepo(self.db).set(GRACE_SETTING, str(max(0, int(days))))

    def candidates(self, as_of: date, grace_days: int | None = None) -> list[dict[str, Any]]:
        grace = self.grace_days() if grace_days is None else grace_days
        cutoff = (as_of - timedelta(days=grace)).isoformat()
        return [dict(r) for r in self.db.query(_CANDIDATES,
                                               {"times": REOPENED_TIMES, "cutoff": cutoff})]

    def decisions(self, start: str | None = None, end: str | None = None
                  ) -> list[dict[str, Any]]:
        where, params = [], []
        if start:
            where.append("e.decided_on >= ?")
            params.append(start)
        if end:
            where.append("e.decided_on <= ?")
            params.append(end)
        sql = ("SELECT e.*, c.name AS company_name, c.town FROM escalations e "
               "JOIN companies c ON c.id = e.company_id"
               + (f" WHERE {' AND '.join(where)}" if where else "")
               + " ORDER BY e.decided_on, c.name")
        return [dict(r) for r in self.db.query(sql, params)]

    def hazards_starting(self, key: str) -> list[tuple[str, str]]:
        """(hazard id, its company's id) of the hazards whose id is ``key`` or starts with it."""
        return [(str(r[0]), str(r[1])) for r in self.db.execute(
            "SELECT f.id, i.company_id FROM findings f JOIN inspections i "
            "ON i.id = f.inspection_id WHERE f.id = ? OR f.id LIKE ?",
            [key, key + "%"])]

    def record(self, decision: Decision) -> str:
        decision = decision.validated()
        if not self.db.execute("SELECT 1 FROM companies WHERE id = ?",
                               [decision.company_id]).fetchone():
            raise NotFoundError(N_("No company with id {company_id}."),
                                company_id=decision.company_id)
        if decision.finding_id:
            row = self.db.execute(
                "SELECT i.company_id FROM findings f JOIN inspections i "
                "ON i.id = f.inspection_id WHERE f.id = ?", [decision.finding_id]).fetchone()
            if row is None:
                raise NotFoundError(N_("No hazard with id {finding_id}."),
                                    finding_id=decision.finding_id)
            if row[0] != decision.company_id:
                raise NotFoundError(N_("That hazard was found at another company."))
        escalation_id = new_id()
        with self.db.atomic():
            self.db.table("escalations").insert({
                "id": escalation_id, "company_id": decision.company_id,
                "finding_id": decision.finding_id, "reason": decision.reason.value,
                "measure": decision.measure.value, "decided_on": decision.decided_on,
                "case_number": decision.case_number, "fine_amount": decision.fine_amount,
                "document": decision.document, "note": decision.note,
                **record_stamp(self.device_id)})
        return escalation_id
