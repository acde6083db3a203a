"""Hazards (隐患): grades, the rectification lifecycle, default deadlines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from inspector_app.domain.finding_status import GRADE_LABELS, STATUS_LABELS, FindingStatus
from inspector_app.domain.grade import Grade
from inspector_app.errors import ValidationError
from inspector_app.i18n import N_

__all__ = ["DEFAULT_DEADLINE_DAYS", "GRADE_LABELS", "STATUS_LABELS", "Finding", "FindingStatus",
           "Grade", "default_deadline"]


# A major hazard needs a governance plan (治理方案) before it can be fixed: more time.
DEFAULT_DEADLINE_DAYS = {Grade.GENERAL: 15, Grade.MAJOR: 30}

# A re-inspection can find a hazard not rectified whether or not the company reported it done:
# it is reopened with a new deadline, again if need be.
_ALLOWED = {
    FindingStatus.OPEN: {FindingStatus.RECTIFIED, FindingStatus.CLOSED, FindingStatus.REOPENED},
    FindingStatus.RECTIFIED: {FindingStatus.CLOSED, FindingStatus.REOPENED},
    FindingStatus.REOPENED: {FindingStatus.RECTIFIED, FindingStatus.CLOSED,
                             FindingStatus.REOPENED},
    FindingStatus.CLOSED: set(),
}


def default_deadline(grade: Grade, found_on: date) -> date:
    return found_on + timedelta(days=DEFAULT_DEADLINE_DAYS[grade])


def check_transition(old: FindingStatus, new: FindingStatus) -> None:
    if new not in _ALLOWED[old]:
        raise ValidationError(N_("A hazard cannot go from {value} to {value2}."),
                              value=old.value, value2=new.value)


# Fields an inspector fills in on a hazard; everything else is set by the program.
EDITABLE_FIELDS = ("description", "grade", "legal_basis", "requirement", "deadline",
                   "responsible", "onsite_measure")


@dataclass(frozen=True)
class Finding:
    id: str
    inspection_id: str
    item_id: str | None
    seq: int
    description: str
    grade: Grade
    legal_basis: str | None
    requirement: str | None
    deadline: str | None
    responsible: str | None
    onsite_measure: str | None
    status: FindingStatus
    reinspection_result: str | None
    reinspected_at: str | None
    closed_at: str | None
    origin_finding_id: str | None
    created_at: str
    current_deadline: str | None = None  # set when a re-inspection reopens it
    # A major hazard's governance plan (治理方案) and the acceptance it was closed on.
    plan_goal: str | None = None
    plan_method: str | None = None
    plan_funds: str | None = None
    plan_organisation: str | None = None
    plan_timeline: str | None = None
    plan_safety: str | None = None
    accepted_on: str | None = None
    accepted_by: str | None = None
    acceptance_conclusion: str | None = None

    @property
    def deadline_in_force(self) -> str | None:
        """The deadline the company must now meet: a re-inspection's, else the order's."""
        return self.current_deadline or self.deadline

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> Finding:
        values = list(row)
        values[5] = Grade(values[5])
        values[11] = FindingStatus(values[11])
        return cls(*values)

    def incomplete_fields(self) -> list[str]:
        """What the inspector still has to fill in before the order can be issued."""
        return [name for name in ("description", "requirement", "deadline")
                if not (getattr(self, name) or "").strip()]
