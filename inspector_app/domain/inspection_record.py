"""An inspection as the form, the command line and the printed documents read it: the record,
its template, team, answers, notes, hazards and photo counts (``InspectionService.get``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from inspector_app.domain.checklist import ItemType, Section, Template, visibility
from inspector_app.domain.finding import Finding
from inspector_app.domain.inspection import Kind, Status
from inspector_app.domain.profile import Inspector


@dataclass
class InspectionRecord:
    """An inspection as the form sees it."""

    id: str
    number: str | None
    revision: int
    supersedes_id: str | None
    superseded_by: str | None
    status: Status
    kind: Kind
    company_id: str | None          # None when the subject is a unit
    company_name: str               # the subject's name: the company's or the unit's
    company_address: str | None
    template: Template
    section_ids: list[str]
    place: str | None
    started_at: str | None
    ended_at: str | None
    current_item: str | None
    amend_reason: str | None
    inspectors: list[Inspector]
    answers: dict[str, Any] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    photo_counts: dict[str, int] = field(default_factory=dict)
    # Hazards withdrawn when their answer changed: kept, restorable, in no list or document.
    withdrawn: list[Finding] = field(default_factory=list)
    # A supervision inspection (督导检查) of a town's or a department's work: the unit inspected.
    subject_unit_id: str | None = None

    @property
    def locked(self) -> bool:
        return self.status is Status.SIGNED

    @property
    def editable(self) -> bool:
        return self.status is Status.DRAFT

    @cached_property
    def sections(self) -> list[Section]:
        wanted = set(self.section_ids)
        return [s for s in self.template.sections if s.id in wanted]

    def answers_for_rules(self) -> dict[str, Any]:
        """Answers plus photo counts, the shape the checklist rules read."""
        merged = dict(self.answers)
        for item in self.template.items:
            if item.type is ItemType.PHOTO:
                merged[item.id] = self.photo_counts.get(item.id, 0)
        return merged

    def visibility(self) -> dict[str, bool]:
        return visibility(self.template, self.answers_for_rules(), self.sections)

    def finding_for_item(self, item_id: str) -> Finding | None:
        return next((f for f in self.findings if f.item_id == item_id), None)
