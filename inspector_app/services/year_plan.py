"""The office's yearly enforcement plan: teams, generating, reviewing, approving, issuing.

A plan is generated as a draft (``domain.year_plan``; the seed of its random sample is recorded, so
the same data and seed give the same plan), reviewed and changed visit by visit, approved, and
issued: every visit becomes a planned inspection for the team's inspectors, which sync carries to
the laptops like any other plan.
"""

from __future__ import annotations

import json
import secrets
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from inspector_app.domain.inspection import Kind, inspector_problems
from inspector_app.domain.profile import Device
from inspector_app.domain.records import new_id, record_stamp, utcnow_iso
from inspector_app.domain.year_plan import (
    PlanInfeasible,
    Team,
    Visit,
    YearPlan,
    generate,
    move,
    shared_inspectors,
    visit_note,
)
from inspector_app.errors import Hint, NotFoundError, ValidationError
from inspector_app.i18n import ENUMERATION, N_, Listing, Message
from inspector_app.services.classification import ClassificationService
from inspector_app.services.holidays import office_calendar
from inspector_app.services.plans import PlanService
from inspector_app.services.progress import Progress
from inspector_app.storage.audit import AuditLog
from inspector_app.storage.companies_repo import CompanyRepo
from inspector_app.storage.plans_repo import YearPlanRepo
from inspector_app.storage.repositories import InspectorRepo
from inspector_app.storage.templates_repo import TemplateRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

    from inspector_app.domain.checklist import AppliesTo, Template
    from inspector_app.services.context import AppContext


class _Unwatched:
    """Progress nobody watches: the command line's."""

    def progress(self, done: int, total: int, text: str = "") -> None:
        pass

    def check_cancelled(self) -> None:
        pass


def plan_task(progress: Progress, ctx: AppContext, action: str, year: int,
              template: str | None = None) -> PlanInfo | int:
    """``generate`` or ``issue`` on a context of its own (its own connection), for a worker
    thread; the window's ``ctx`` is only used to open it."""
    with ctx.for_worker() as worker:
        service = worker.year_plan
        if action == "generate":
            assert template is not None
            return service.generate(year, template, progress=progress)
        if action == "issue":
            return service.issue(year, progress=progress)
        raise ValueError(f"unknown plan action {action!r}")


@dataclass(frozen=True)
class PlanInfo:
    id: str
    year: int
    seed: int
    status: str
    template_key: str
    created_by: str | None
    approved_by: str | None
    approved_at: str | None


@dataclass(frozen=True)
class StoredVisit:
    id: str
    visit: Visit
    company_name: str
    planned_inspection_id: str | None


# The checklist a yearly plan starts from: the industry-and-trade determination standard, which
# covers most of a district's companies; a company it does not apply to gets the standard that
# does when the plan is issued (checklist_chooser).
DEFAULT_CHECKLIST = "gm-major-hazard-2023"


def _checklist_for(chosen_key: str, chosen: AppliesTo | None, standards: list[Template],
                   industry: str | None, areas: Sequence[str]) -> str:
    """The plan's checklist where it applies to the company; else the first standard that
    applies to its industry and special areas; else one of its industry (a chemical works
    with no special area recorded is still one); else the plan's."""
    if chosen is None or chosen.matches(industry, areas):
        return chosen_key
    for fits in (lambda a: a.matches(industry, areas), lambda a: industry in a.industries):
        found = next((t.key for t in standards
                      if t.applicability is not None and fits(t.applicability)), None)
        if found is not None:
            return found
    return chosen_key


class YearPlanService:
    def __init__(self, db: Database, device: Device, actor: str | None = None) -> None:
        self.db = db
        self.device = device
        self.actor = actor
        self.audit = AuditLog(db, device.id, actor)
        self.repo = YearPlanRepo(db)

    # --- teams --------------------------------------------------------------------------------
    def add_team(self, name: str, inspector_ids: list[str], capacity: int,
                 towns: list[str] | None = None) -> str:
        if not name.strip():
            raise ValidationError(N_("A team needs a name."))
        if capacity < 0:
            raise ValidationError(N_("Capacity (visits a month) cannot be negative."))
        people = InspectorRepo(self.db, self.device.id)
        unknown = [i for i in inspector_ids if people.get(i) is None]
        if unknown:
            raise NotFoundError(N_("Unknown inspector id(s): {join}."), join=', '.join(unknown))
        if self.repo.team_named(name):
            raise ValidationError(N_("There is already a team named {name}."), name=name)
        inspector_ids = list(dict.fromkeys(inspector_ids))
        team_id = new_id()
        self._check_one_team_each(Team(team_id, name.strip(), tuple(inspector_ids), capacity))
        with self.db.atomic():
            self.repo.add_team({
                "id": team_id, "name": name.strip(), "inspector_ids": json.dumps(inspector_ids),
                "capacity": capacity, "towns": json.dumps(towns or [], ensure_ascii=False),
                **record_stamp(self.device.id)})
            self.audit.record("plan_team", team_id, "create", new=name)
        return team_id

    def update_team(self, team: str, *, capacity: int | None = None,
                    inspector_ids: list[str] | None = None, name: str | None = None) -> None:
        found = self.team(team)
        changes: dict[str, object] = {}
        if name is not None and name.strip() != found.name:
            # Visits keep the team's id: a new name changes no plan.
            if not name.strip():
                raise ValidationError(N_("A team needs a name."))
            if self.repo.team_named(name.strip()):
                raise ValidationError(N_("There is already a team named {name}."),
                                      name=name.strip())
            changes["name"] = name.strip()
        if capacity is not None:
            if capacity < 0:
                raise ValidationError(N_("Capacity (visits a month) cannot be negative."))
            changes["capacity"] = capacity
        if inspector_ids is not None:
            people = InspectorRepo(self.db, self.device.id)
            unknown = [i for i in inspector_ids if people.get(i) is None]
            if unknown:
                raise NotFoundError(N_("Unknown inspector id(s): {join}."), join=', '.join(unknown))
            inspector_ids = list(dict.fromkeys(inspector_ids))
            self._check_one_team_each(Team(found.id, found.name, tuple(inspector_ids),
                                           found.capacity))
            changes["inspector_ids"] = json.dumps(inspector_ids)
        if not changes:
            return
        with self.db.atomic():
            self.repo.update_team(found.id, {**changes, "updated_at": utcnow_iso()})
            self.audit.record("plan_team", found.id, "update", new=json.dumps(changes))

    def teams(self) -> list[Team]:
        return self.repo.teams()

    def _check_one_team_each(self, team: Team) -> None:
        """Refuse a team that takes someone from another team, naming them."""
        others = [t for t in self.teams() if t.id != team.id]
        shared = shared_inspectors([*others, team])
        if shared:
            raise ValidationError(
                N_("An inspector can be in one team only, or the plan counts them twice: "
                   "{problems}."), problems=self._shared_problems(shared, exclude=team.id))

    def _shared_problems(self, shared: dict[str, list[Team]],
                         exclude: str | None = None) -> Listing:
        people = InspectorRepo(self.db, self.device.id)
        return Listing(Message(N_("{name} is in {teams}"),
                               name=getattr(people.get(person), "name", person),
                               teams=Listing((t.name for t in ts if t.id != exclude),
                                             ENUMERATION))
                       for person, ts in shared.items())

    def team(self, team_id: str) -> Team:
        found = next((t for t in self.teams() if t.id == team_id or t.name == team_id), None)
        if found is None:
            raise NotFoundError(N_("No team {team_id}."), team_id=team_id)
        return found

    # --- the plan -----------------------------------------------------------------------------
    def info(self, year: int) -> PlanInfo | None:
        row = self.repo.plan_row(year)
        return PlanInfo(*row) if row else None

    def _require(self, year: int, *statuses: str) -> PlanInfo:
        info = self.info(year)
        if info is None:
            raise NotFoundError(N_("There is no plan for {year}."), year=year,
                                hint=Hint.GENERATE_YEAR_PLAN)
        if statuses and info.status not in statuses:
            raise ValidationError(N_("The plan for {year} is {status}; this needs a plan "
                                     "that is {join}."),
                                  year=year, status=info.status, join=' or '.join(statuses))
        return info

    def generate(self, year: int, template: str, seed: int | None = None, *,
                 progress: Progress | None = None) -> PlanInfo:
        """A new draft plan for ``year`` (replacing an earlier draft); ``ValidationError`` that
        lists what does not fit when the teams cannot make the visits. Cancelled through
        ``progress`` before it is stored, the earlier draft stays as it was."""
        step = progress or _Unwatched()
        step.progress(0, 3, "reading the companies and teams")
        existing = self.info(year)
        if existing is not None and existing.status != "draft":
            raise ValidationError(N_("The plan for {year} is already {status}; it cannot "
                                     "be generated again."), year=year, status=existing.status)
        template_key = TemplateRepo(self.db, self.device.id).resolve(template)
        scheme = ClassificationService(self.db, self.device, self.actor).scheme()
        seed = secrets.randbelow(2**31) if seed is None else seed
        companies = self.repo.companies()
        unclassified = sum(1 for c in companies if c.risk_class is None)
        teams = self.teams()
        # The visits become official inspections: a team that could not make one is named now,
        # not when the approved plan is issued.
        people = InspectorRepo(self.db, self.device.id)
        unfit = [Message(N_("team {team}: {problems}"), team=t.name, problems=Listing(problems))
                 for t in teams if t.inspector_ids
                 for problems in [inspector_problems(Kind.OFFICIAL, [
                     p for p in (people.get(i) for i in t.inspector_ids) if p is not None])]
                 if problems]
        # Teams set up before a person could be in one team only (or carried in by sync).
        shared = shared_inspectors(teams)
        if shared:
            unfit.append(Message(N_("an inspector can be in one team only: {problems}"),
                                 problems=self._shared_problems(shared)))
        step.progress(1, 3, "spreading the visits over the year")
        try:
            plan = generate(companies, teams, scheme, year, seed,
                            holidays=office_calendar(self.db))
        except PlanInfeasible as exc:
            raise ValidationError(N_("The plan for {year} cannot be made: {problems}."),
                                  year=year, problems=Listing([*unfit, *exc.problems])) from None
        if unfit:
            raise ValidationError(N_("The plan for {year} cannot be made: {problems}."),
                                  year=year, problems=Listing(unfit))
        step.progress(2, 3, "storing the draft")
        plan_id = new_id()
        with self.db.atomic():
            if existing is not None:
                self.repo.delete_plan(existing.id)
            stamp = record_stamp(self.device.id)
            self.repo.add_plan(
                {"id": plan_id, "year": year, "seed": seed, "status": "draft",
                 "scheme": json.dumps(scheme.to_dict(), ensure_ascii=False),
                 "template_key": template_key,
                 "sampled": json.dumps(plan.sampled), "created_by": self.actor, **stamp},
                ({"id": new_id(), "plan_id": plan_id, "company_id": v.company_id,
                  "team_id": v.team_id, "month": v.month, "day": v.day, "seq": v.seq,
                  "status": "planned", **stamp} for v in plan.visits))
            self.audit.record("year_plan", plan_id, "generate",
                              new={"year": year, "seed": seed, "visits": len(plan.visits),
                                   "unclassified": unclassified})
            step.check_cancelled()  # the last moment to stop: the transaction is undone
        step.progress(3, 3, "")
        return self._require(year)

    def visits(self, year: int) -> list[StoredVisit]:
        info = self._require(year)
        rows = self.repo.visits(info.id)
        return [StoredVisit(r[0], Visit(r[1], r[2], r[3], r[4], r[5] or "", r[6]), r[7], r[8])
                for r in rows]

    def plan(self, year: int) -> YearPlan:
        info = self._require(year)
        plan = YearPlan(year, info.seed, [v.visit for v in self.visits(year)])
        return plan

    def grid(self, year: int) -> dict[tuple[str, int], list[StoredVisit]]:
        """Visits by (team id, month): the review grid."""
        out: dict[tuple[str, int], list[StoredVisit]] = defaultdict(list)
        for v in self.visits(year):
            out[(v.visit.team_id, v.visit.month)].append(v)
        return out

    def move_visit(self, year: int, visit_id: str, team_id: str, month: int) -> Visit:
        """Move a visit of a draft plan to another team or month (capacity is checked)."""
        self._require(year, "draft")
        stored = {v.id: v for v in self.visits(year)}
        if visit_id not in stored:
            raise NotFoundError(N_("The visit is no longer in the plan."))
        plan = self.plan(year)
        team = self.team(team_id)
        try:
            moved = move(plan, stored[visit_id].visit, team, month,
                         holidays=office_calendar(self.db))
        except PlanInfeasible as exc:
            raise ValidationError(N_("The visit cannot be moved: {problems}."),
                                  problems=Listing(exc.problems)) from None
        by_key = {(v.visit.company_id, v.visit.seq): k for k, v in stored.items()}
        with self.db.atomic():
            now = utcnow_iso()
            for v in plan.visits:  # days of the two months touched were assigned again
                key = by_key[(v.company_id, v.seq)]
                old = stored[key].visit
                if (old.team_id, old.month, old.day) != (v.team_id, v.month, v.day):
                    self.repo.update_visit(key, {
                        "team_id": v.team_id, "month": v.month, "day": v.day,
                        "updated_at": now, "device_id": self.device.id})
            before = stored[visit_id].visit
            self.audit.record("year_plan_visit", visit_id, "move",
                              old=f"{before.team_id} {before.month}", new=f"{team.id} {month}")
        return moved

    def approve(self, year: int) -> None:
        info = self._require(year, "draft")
        with self.db.atomic():
            self.repo.update_plan(info.id, {
                "status": "approved", "approved_by": self.actor, "approved_at": utcnow_iso(),
                "updated_at": utcnow_iso()})
            self.audit.record("year_plan", info.id, "approve", new=str(year))

    def issue(self, year: int, *, progress: Progress | None = None) -> int:
        """Turn an approved plan into planned inspections (one per visit, the team's inspectors,
        due on the visit's day); how many were created. All or nothing: cancelled through
        ``progress``, no planned inspection is kept and the plan stays approved."""
        info = self._require(year, "approved")
        teams = {t.id: t for t in self.teams()}
        plans = PlanService(self.db, self.device, self.actor)
        step = progress or _Unwatched()
        visits = self.visits(year)
        checklist = self.checklist_chooser(info.template_key)
        count = 0
        with self.db.atomic():
            for v in visits:
                if count % 25 == 0:
                    step.progress(count, len(visits), "planned inspections")
                team = teams[v.visit.team_id]
                plan_id = plans.add(v.visit.company_id, checklist(v.visit.company_id),
                                    v.visit.day,
                                    list(team.inspector_ids),
                                    note=visit_note(year, team.name, v.visit.seq))
                self.repo.update_visit(v.id, {"planned_inspection_id": plan_id,
                                              "updated_at": utcnow_iso()})
                count += 1
            self.repo.update_plan(info.id, {"status": "issued", "updated_at": utcnow_iso()})
            self.audit.record("year_plan", info.id, "issue", new=str(count))
            step.check_cancelled()
        step.progress(count, count, "")
        return count

    def checklist_chooser(self, chosen_key: str) -> Callable[[str], str]:
        """The checklist a company's visits use: the plan's, where it applies to the company's
        industry and special areas; else the determination standard of the library that does
        (the industry-and-trade standard is not the law for a chemical works). A company no
        standard covers keeps the plan's checklist."""
        library = TemplateRepo(self.db, self.device.id)
        chosen = library.get(chosen_key)
        standards = [t for t in (library.get(r.key) for r in reversed(library.list()))
                     if t.is_standard and t.applicability is not None]
        companies = CompanyRepo(self.db, self.device.id)
        memo: dict[str, str] = {}

        def choose(company_id: str) -> str:
            if company_id not in memo:
                company = companies.get(company_id)
                memo[company_id] = _checklist_for(
                    chosen_key, chosen.applicability, standards,
                    company.industry if company else None,
                    company.special_areas if company else ())
            return memo[company_id]
        return choose

    def coverage(self, year: int) -> dict[int, tuple[int, int]]:
        """Per month: (visits planned, visits whose planned inspection has been started)."""
        info = self._require(year)
        out = {m: (0, 0) for m in range(1, 13)}
        for month, planned, started in self.repo.coverage(info.id):
            out[month] = (planned, started)
        return out

    def plan_companies(self, year: int) -> list[tuple[str, str]]:
        """The companies with visits still planned in the year's plan, by name: (id, name)."""
        return sorted({(v.visit.company_id, v.company_name) for v in self.visits(year)},
                      key=lambda c: (c[1], c[0]))

    def drop_company(self, year: int, company_id: str, as_of: date, reason: str) -> int:
        """A company closed or moved away: its visits from ``as_of`` whose inspection has not
        started are dropped, and their planned inspections cancelled; earlier visits, and
        visits already started or carried out, stay."""
        info = self._require(year)
        if not reason.strip():
            raise ValidationError(N_("Say why the company's visits are dropped (closed, moved "
                                     "away…)."))
        rows = self.repo.company_visits_from(info.id, company_id, as_of.isoformat())
        plans = PlanService(self.db, self.device, self.actor)
        dropped = 0
        with self.db.atomic():
            for visit_id, plan_id in rows:
                # A visit whose inspection has started was made (or is being made): it stays
                # in the plan and in its figures, whatever day the company closed.
                status = plans.get(plan_id).status if plan_id else None
                if status == "started":
                    continue
                self.repo.update_visit(visit_id, {"status": "dropped",
                                                  "updated_at": utcnow_iso()})
                if status == "planned":
                    plans.cancel(plan_id, reason)
                dropped += 1
            self.audit.record("year_plan", info.id, "drop_company", field=company_id,
                              new=str(dropped), reason=reason)
        return dropped
