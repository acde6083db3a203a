"""Planned inspections: the office says who inspects which company, with what, by when."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from inspector_app.domain.inspection import Kind, inspector_problems
from inspector_app.domain.profile import Device
from inspector_app.domain.records import new_id, record_stamp, utcnow_iso
from inspector_app.domain.year_plan import read_visit_note
from inspector_app.errors import NotFoundError, ValidationError
from inspector_app.i18n import N_, Listing
from inspector_app.storage.audit import AuditLog
from inspector_app.storage.plans_repo import PlanRepo
from inspector_app.storage.repositories import InspectorRepo

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Plan:
    id: str
    company_id: str
    company_name: str
    template_key: str
    kind: str
    due_date: str
    inspector_ids: list[str]
    note: str | None
    status: str
    inspection_id: str | None

    def overdue(self, today: date) -> bool:
        return self.status == "planned" and self.due_date < today.isoformat()

    def shown_note(self, lang: str | None = None) -> str:
        """The note in the reader's language where the program wrote it (a yearly plan's
        visit); a note someone typed, as typed."""
        message = read_visit_note(self.note)
        return message.localized(lang) if message is not None else (self.note or "")


class PlanService:
    def __init__(self, db: Database, device: Device, actor: str | None = None) -> None:
        self.db = db
        self.device = device
        self.actor = actor
        self.audit = AuditLog(db, device.id, actor)
        self.repo = PlanRepo(db)

    def add(self, company_id: str, template_key: str, due_date: str,
            inspector_ids: list[str] | None = None, *, kind: str = "official",
            note: str | None = None) -> str:
        if not self.repo.company_exists(company_id):
            raise NotFoundError(N_("No company with id {company_id}."), company_id=company_id)
        from inspector_app.storage.templates_repo import TemplateRepo  # the checklist model

        # "fire-safety-routine" as `forms list` shows it means its newest current version.
        template_key = TemplateRepo(self.db, self.device.id).resolve(template_key)
        people = [InspectorRepo(self.db, self.device.id).get(i) for i in inspector_ids or []]
        if None in people:
            raise NotFoundError(N_("One of the planned inspectors is not known here."))
        if inspector_ids:
            problems = inspector_problems(Kind(kind), people)  # type: ignore[arg-type]
            if problems:
                raise ValidationError(N_("Cannot plan it: {problems}."),
                                      problems=Listing(problems))
        try:
            due = date.fromisoformat(due_date).isoformat()
        except ValueError:
            raise ValidationError(N_("The due date must be YYYY-MM-DD, not {due_date!r}."),
                                  due_date=due_date) from None
        plan_id = new_id()
        with self.db.atomic():
            self.repo.insert({
                "id": plan_id, "company_id": company_id, "template_key": template_key,
                "kind": Kind(kind).value, "due_date": due,
                "inspector_ids": json.dumps(inspector_ids or []), "note": note,
                "status": "planned", **record_stamp(self.device.id)})
            self.audit.record("plan", plan_id, "create",
                              new={"company": company_id, "template": template_key, "due": due})
        return plan_id

    def list(self, *, include_done: bool = False) -> list[Plan]:
        rows = self.repo.rows(include_done=include_done)
        return [Plan(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6] or "[]"), r[7], r[8],
                     r[9]) for r in rows]

    def get(self, plan_id: str) -> Plan:
        plan = next((p for p in self.list(include_done=True) if p.id == plan_id), None)
        if plan is None:
            raise NotFoundError(N_("No planned inspection with id {plan_id}."), plan_id=plan_id)
        return plan

    def resolve(self, key: str) -> str:
        """The full id of the plan named by its id or a unique prefix of four or more
        characters."""
        ids = self.repo.ids_starting(key)
        if len(ids) != 1 or len(key) < 4:
            raise NotFoundError(N_("No planned inspection with id {key}."), key=key)
        return ids[0]

    def planned_count(self) -> int:
        """Plans still waiting to be started (the count on the Inspections page's button)."""
        return self.repo.planned_count()

    def start(self, plan_id: str, inspector_ids: list[str] | None = None,
              **kwargs: Any) -> str:
        """Start the planned inspection on this computer; the plan is marked started."""
        # Imported here: the page that shows the count of plans starts without it.
        from inspector_app.services.inspections import InspectionService

        plan = self.get(plan_id)
        if plan.status != "planned":
            raise ValidationError(N_("This plan is already {status}."), status=plan.status)
        with self.db.atomic():
            inspection_id = InspectionService(self.db, self.device, self.actor).start(
                company_id=plan.company_id, template_key=plan.template_key, kind=plan.kind,
                inspector_ids=inspector_ids or plan.inspector_ids, **kwargs)
            self._set(plan, {"status": "started", "inspection_id": inspection_id})
        return inspection_id

    def cancel(self, plan_id: str, reason: str) -> None:
        plan = self.get(plan_id)
        if plan.status != "planned":
            raise ValidationError(N_("This plan is already {status}."), status=plan.status)
        if not reason.strip():
            raise ValidationError(N_("Say why the plan is cancelled."))
        with self.db.atomic():
            self._set(plan, {"status": "cancelled"}, reason)

    def _set(self, plan: Plan, fields: dict[str, Any], reason: str | None = None) -> None:
        self.repo.update(
            plan.id, {**fields, "updated_at": utcnow_iso(), "device_id": self.device.id})
        self.audit.record("plan", plan.id, "update", field="status", old=plan.status,
                          new=fields["status"], reason=reason)
