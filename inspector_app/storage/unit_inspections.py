"""Supervision inspections of units (督导检查 of a town's or a department's work), counted.

They check no company, so the dispatch figures' company coverage leaves them out; the office
still reports how many each unit received.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database



@dataclass(frozen=True)
class UnitInspections:
    unit_id: str
    name: str
    kind: str
    inspections: int


def unit_inspection_counts(db: Database, start: str, end: str,
                           unit_id: str | None = None) -> list[UnitInspections]:
    """Inspections of each unit started from ``start`` to ``end`` (ISO days, inclusive).

    As in the dispatch figures, a draft does not count, nor a kept conflicting copy, and of an
    amended record only its newest revision.
    """
    rows = db.execute(
        """SELECT u.id, u.name, u.kind, COUNT(*) FROM inspections i
           JOIN units u ON u.id = i.subject_unit_id
           WHERE i.subject_unit_id IS NOT NULL AND i.status != 'draft'
             AND i.conflict_of IS NULL AND substr(i.started_at, 1, 10) BETWEEN ? AND ?
             AND (? IS NULL OR u.id = ?)
             AND NOT EXISTS (SELECT 1 FROM inspections n WHERE n.supersedes_id = i.id)
           GROUP BY u.id ORDER BY u.kind DESC, u.position, u.name""",
        [start, end, unit_id, unit_id]).fetchall()
    return [UnitInspections(r[0], r[1], r[2], r[3]) for r in rows]
