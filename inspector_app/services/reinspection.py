"""Re-inspection (复查): re-check a company's hazards and close (销号) or reopen them.

A re-inspection is an inspection row of kind ``reinspection`` whose ``follows_inspection_id``
is the inspection that found the hazards; it has no checklist of its own. While it is a draft
the inspector records one result per hazard (``reinspection_results``); completing it applies
every result to the hazards in one transaction, so a hazard is never closed by a half-finished
re-inspection.

Only hazards of completed or signed inspections are re-inspected: a draft's hazards can still be
edited or withdrawn, and no rectification was ordered for them yet.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from inspector_app.domain import inspection as rules
from inspector_app.domain.finding import Finding, FindingStatus, Grade, check_transition
from inspector_app.domain.governance import PLAN_COLUMNS, PLAN_ELEMENTS, Acceptance, GovernancePlan
from inspector_app.domain.inspection import Kind, Status
from inspector_app.domain.numbering import DocType
from inspector_app.domain.profile import Device, Inspector
from inspector_app.domain.records import new_id, record_stamp, utcnow_iso
from inspector_app.errors import NotFoundError, ValidationError
from inspector_app.i18n import ENUMERATION, N_, Listing
from inspector_app.storage.audit import AuditLog
from inspector_app.storage.inspections_repo import InspectionRepo
from inspector_app.storage.numbers import next_number
from inspector_app.storage.reinspection_repo import ReinspectionRepo
from inspector_app.storage.repositories import InspectorRepo, SettingsRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

RECTIFIED = "rectified"
NOT_RECTIFIED = "not_rectified"
RESULTS = (RECTIFIED, NOT_RECTIFIED)


@dataclass(frozen=True)
class OpenHazard:
    """A hazard not closed yet, with the inspection that found it."""

    finding: Finding
    inspection_number: str | None
    inspection_date: str  # YYYY-MM-DD

    def __iter__(self) -> Iterator[Any]:  # unpacks as (finding, number, date)
        return iter((self.finding, self.inspection_number, self.inspection_date))


@dataclass(frozen=True)
class CompanyHazards:
    company_id: str
    name: str
    town: str | None
    open_hazards: int
    overdue: int


@dataclass(frozen=True)
class ReinspectionResult:
    finding_id: str
    result: str            # "rectified" | "not_rectified"
    new_deadline: str | None
    note: str | None
    updated_at: str
    accepted_on: str | None = None       # a major hazard's acceptance (评估/验收)
    accepted_by: str | None = None
    acceptance_conclusion: str | None = None


@dataclass(frozen=True)
class ReinspectionInfo:
    id: str
    number: str | None
    status: Status
    follows_id: str
    follows_number: str | None
    follows_date: str
    official: bool
    company_id: str
    company_name: str
    started_at: str | None
    ended_at: str | None
    inspectors: list[Inspector]


@dataclass
class Outcome:
    """What ``complete`` did: nothing when ``missing`` is not empty."""

    missing: list[Finding] = field(default_factory=list)
    closed: list[Finding] = field(default_factory=list)
    reopened: list[Finding] = field(default_factory=list)

    @property
    def completed(self) -> bool:
        return not self.missing


def parse_deadline(value: str | None) -> date | None:
    if value is None or not str(value).strip():
        return None
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(N_("The new deadline must be a date (YYYY-MM-DD).")) from None


class ReinspectionService:
    def __init__(self, db: Database, device: Device, actor: str | None = None, *,
                 today: Callable[[], date] = date.today) -> None:
        self.db = db
        self.device = device
        self.actor = actor
        self.today = today  # injectable, so tests can fix "today"
        self.repo = InspectionRepo(db)
        self.reinspections = ReinspectionRepo(db)
        self.audit = AuditLog(db, device.id, actor)

    # -- what is open --
    def companies_with_open_hazards(self) -> builtins.list[CompanyHazards]:
        return [CompanyHazards(*r) for r in
                self.reinspections.companies_with_open_hazards(self.today().isoformat())]

    def company_names(self) -> dict[str, str]:
        """Every company's name by its id, to name a company on the command line."""
        return self.reinspections.company_names()

    def open_hazards(self, company_id: str) -> builtins.list[OpenHazard]:
        """Hazards of the company not closed yet, oldest inspection first."""
        return [OpenHazard(finding, number, (started_at or "")[:10])
                for finding, number, started_at in self.reinspections.open_hazards(company_id)]

    # -- starting --
    def start(self, original_inspection_id: str, inspector_ids: builtins.list[str],
              started_at: str | None = None, place: str | None = None) -> str:
        original = self.repo.row(original_inspection_id)
        if original is None:
            raise NotFoundError(N_("No inspection with id {original_inspection_id}."),
                                original_inspection_id=original_inspection_id)
        if original["kind"] == Kind.REINSPECTION.value:
            raise ValidationError(N_("Start a re-inspection from the inspection that found the "
                                     "hazards, not from another re-inspection."))
        newer = self.repo.superseded_by(original_inspection_id)
        if newer:
            raise ValidationError(N_("This record was amended; re-inspect its newest revision."))
        if original["status"] == Status.DRAFT.value:
            raise ValidationError(N_("The inspection is still a draft: complete it before its "
                                     "hazards are re-inspected."))
        if not self._not_closed(original_inspection_id):
            raise ValidationError(N_("Every hazard of this inspection is already closed: there is "
                                     "nothing to re-inspect."))
        running = self.reinspections.draft_following(original_inspection_id)
        if running:
            raise ValidationError(N_("A re-inspection of this inspection is already in progress "
                                     "({running}); finish that one."), running=running)
        inspectors_repo = InspectorRepo(self.db, self.device.id)
        inspectors = [inspectors_repo.get(i) for i in inspector_ids]
        if None in inspectors:
            raise NotFoundError(N_("One of the chosen inspectors is not known on this computer."))
        # An official record is followed up officially: two inspectors with enforcement IDs.
        kind = Kind.OFFICIAL if original["kind"] == Kind.OFFICIAL.value else Kind.SELF
        problems = rules.inspector_problems(kind, inspectors)  # type: ignore[arg-type]
        if problems:
            raise ValidationError(N_("Cannot start: {problems}."), problems=Listing(problems))
        started_at = started_at or datetime.now().astimezone().isoformat(timespec="minutes")
        reinspection_id = new_id()
        with self.db.atomic():
            number, _ = next_number(self.db, DocType.RECORD, int(started_at[:4]), self.device.id,
                                    self.device.doc_prefix,
                                    SettingsRepo(self.db).get("authority_short"))
            self.repo.insert({
                "id": reinspection_id, "revision": 1, "company_id": original["company_id"],
                "template_key": original["template_key"],
                "template_id": original["template_id"],
                "template_version": original["template_version"],
                "template_hash": original["template_hash"],
                "kind": Kind.REINSPECTION.value, "status": Status.DRAFT.value,
                "number": number, "place": place, "started_at": started_at,
                "follows_inspection_id": original_inspection_id, "section_ids": "[]",
                **record_stamp(self.device.id),
            })
            self.repo.set_inspectors(reinspection_id, inspector_ids)
            self.audit.record("inspection", reinspection_id, "create",
                              inspection_id=reinspection_id,
                              new={"number": number, "kind": Kind.REINSPECTION.value,
                                   "follows": original["number"] or original_inspection_id})
        return reinspection_id

    def _not_closed(self, inspection_id: str) -> builtins.list[Finding]:
        return [f for f in self.repo.findings(inspection_id)
                if f.status is not FindingStatus.CLOSED]

    # -- the company reports --
    def mark_rectified(self, finding_id: str) -> Finding:
        """The company reports the hazard rectified: it now awaits re-inspection."""
        finding = self._finding(finding_id)
        row = self.repo.row(finding.inspection_id)
        if row["status"] == Status.DRAFT.value:  # type: ignore[index]
            raise ValidationError(N_("The inspection that found this hazard is still a draft."))
        if self.repo.superseded_by(finding.inspection_id):
            raise ValidationError(N_("This hazard belongs to a record that was amended; use the "
                                     "newest revision."))
        if finding.status is FindingStatus.RECTIFIED:
            return finding
        check_transition(finding.status, FindingStatus.RECTIFIED)
        with self.db.atomic():
            self._set_status(finding, FindingStatus.RECTIFIED, {}, "the company reports it "
                             "rectified")
        return self._finding(finding_id)

    # -- a major hazard's governance plan --
    def finding(self, finding_id: str) -> Finding | None:
        """The hazard with this id, or None."""
        return self.repo.finding(finding_id)

    def set_plan(self, finding_id: str, plan: GovernancePlan) -> Finding:
        """Record the company's governance plan (治理方案) of a major hazard; audited per element.

        A plan comes after the order, so the hazard's inspection may be signed: the plan is
        follow-up data like the hazard's status, not part of the signed record.
        """
        finding = self._finding(finding_id)
        if finding.grade is not Grade.MAJOR:
            raise ValidationError(N_("A governance plan is kept for major hazards only."))
        if finding.status is FindingStatus.CLOSED:
            raise ValidationError(N_("Hazard {seq} is closed; its plan can no longer "
                                     "change."), seq=finding.seq)
        new = GovernancePlan.of(plan)
        old = GovernancePlan.of(finding)
        changes = {c: getattr(new, c) for c in PLAN_COLUMNS if getattr(new, c) != getattr(old, c)}
        if not changes:
            return finding
        with self.db.atomic():
            self.repo.update_finding(finding.id, {**changes, "updated_at": utcnow_iso(),
                                                  "device_id": self.device.id})
            for name, value in changes.items():
                self.audit.record("finding", finding.id, "update", field=name,
                                  old=getattr(old, name), new=value,
                                  inspection_id=finding.inspection_id,
                                  reason="governance plan")
        return self._finding(finding_id)

    # -- recording results --
    def get(self, reinspection_id: str) -> ReinspectionInfo:
        row = self._reinspection_row(reinspection_id)
        original = self.repo.row(row["follows_inspection_id"]) or {}
        company_name = self.reinspections.company_name(row["company_id"])
        return ReinspectionInfo(
            id=row["id"], number=row["number"], status=Status(row["status"]),
            follows_id=row["follows_inspection_id"], follows_number=original.get("number"),
            follows_date=(original.get("started_at") or "")[:10],
            official=original.get("kind") == Kind.OFFICIAL.value,
            company_id=row["company_id"], company_name=company_name or "",
            started_at=row["started_at"], ended_at=row["ended_at"],
            inspectors=self.repo.inspectors(reinspection_id))

    def _reinspection_row(self, reinspection_id: str) -> dict[str, Any]:
        row = self.repo.row(reinspection_id)
        if row is None:
            raise NotFoundError(N_("No inspection with id {reinspection_id}."),
                                reinspection_id=reinspection_id)
        if row["kind"] != Kind.REINSPECTION.value or not row["follows_inspection_id"]:
            raise ValidationError(N_("This inspection is not a re-inspection."))
        return row

    def _finding(self, finding_id: str) -> Finding:
        finding = self.repo.finding(finding_id)
        if finding is None:
            raise NotFoundError(N_("No hazard with id {finding_id}."), finding_id=finding_id)
        return finding

    def hazards(self, reinspection_id: str) -> builtins.list[Finding]:
        """The hazards this re-inspection re-checks: while a draft, every hazard of the
        followed inspection not closed yet; afterwards, those it recorded a result for."""
        row = self._reinspection_row(reinspection_id)
        with_result = {r.finding_id for r in self.results(reinspection_id)}
        findings = self.repo.findings(row["follows_inspection_id"])
        if row["status"] == Status.DRAFT.value:
            return [f for f in findings
                    if f.status is not FindingStatus.CLOSED or f.id in with_result]
        return [f for f in findings if f.id in with_result]

    def record_result(self, reinspection_id: str, finding_id: str, result: str,
                      new_deadline: str | None = None,
                      note: str | None = None, *, accepted_on: str | None = None,
                      accepted_by: str | None = None,
                      acceptance_conclusion: str | None = None) -> ReinspectionResult:
        """Record one hazard's result; a major hazard is accepted only with its complete
        governance plan and a recorded acceptance (date, by whom, conclusion)."""
        row = self._reinspection_row(reinspection_id)
        rules.ensure_editable(Status(row["status"]))
        finding = self._finding(finding_id)
        if finding.inspection_id != row["follows_inspection_id"]:
            raise ValidationError(N_("This hazard was not found by the inspection this "
                                     "re-inspection follows."))
        if finding.status is FindingStatus.CLOSED:
            raise ValidationError(N_("Hazard {seq} is already closed."), seq=finding.seq)
        if result not in RESULTS:
            raise ValidationError(N_("The result is rectified or not_rectified."))
        deadline = parse_deadline(new_deadline)
        if result == NOT_RECTIFIED:
            if deadline is None:
                raise ValidationError(N_("A hazard not rectified needs a new deadline."))
            if deadline <= self.today():
                raise ValidationError(N_("The new deadline must be after today."))
        elif deadline is not None:
            raise ValidationError(N_("A rectified hazard gets no new deadline."))
        acceptance = (None, None, None)
        if result == RECTIFIED and finding.grade is Grade.MAJOR:
            require_plan(finding)
            accepted = Acceptance.parse(accepted_on, accepted_by, acceptance_conclusion,
                                        today=self.today())
            acceptance = (accepted.accepted_on, accepted.accepted_by,
                          accepted.acceptance_conclusion)
        note = (note or "").strip() or None
        values = (result, deadline.isoformat() if deadline else None, note, *acceptance)
        previous = self._result_row(reinspection_id, finding_id)
        if previous is not None and (previous.result, previous.new_deadline, previous.note,
                                     previous.accepted_on, previous.accepted_by,
                                     previous.acceptance_conclusion) == values:
            return previous
        stamp = record_stamp(self.device.id)
        with self.db.atomic():
            self.reinspections.upsert_result(new_id(), reinspection_id, finding_id, values,
                                             stamp)
            self.repo.update(reinspection_id, {"updated_at": stamp["updated_at"],
                                               "device_id": self.device.id})
            self.audit.record(
                "reinspection_result", finding_id, "update" if previous else "create",
                inspection_id=reinspection_id,
                old=None if previous is None else {
                    "result": previous.result, "new_deadline": previous.new_deadline,
                    "note": previous.note, "accepted_on": previous.accepted_on,
                    "accepted_by": previous.accepted_by,
                    "acceptance_conclusion": previous.acceptance_conclusion},
                new={"result": values[0], "new_deadline": values[1], "note": values[2],
                     "accepted_on": values[3], "accepted_by": values[4],
                     "acceptance_conclusion": values[5]})
        return self._result_row(reinspection_id, finding_id)  # type: ignore[return-value]

    def _result_row(self, reinspection_id: str, finding_id: str) -> ReinspectionResult | None:
        row = self.reinspections.result(reinspection_id, finding_id)
        return ReinspectionResult(*row) if row else None

    def results(self, reinspection_id: str) -> builtins.list[ReinspectionResult]:
        return [ReinspectionResult(*r) for r in self.reinspections.results(reinspection_id)]

    def missing(self, reinspection_id: str) -> builtins.list[Finding]:
        """Hazards re-checked without a result yet."""
        done = {r.finding_id for r in self.results(reinspection_id)}
        return [f for f in self.hazards(reinspection_id) if f.id not in done]

    # -- completing --
    def complete(self, reinspection_id: str) -> Outcome:
        """Apply every result and complete the re-inspection, all in one transaction.

        With a hazard still lacking a result nothing changes and ``Outcome.missing`` lists them.
        """
        row = self._reinspection_row(reinspection_id)
        rules.ensure_editable(Status(row["status"]))
        missing = self.missing(reinspection_id)
        if missing:
            return Outcome(missing=missing)
        results = {r.finding_id: r for r in self.results(reinspection_id)}
        if not results:
            raise ValidationError(N_("This re-inspection has no hazard to re-check."))
        # The plan may have been edited since the result was recorded: check again, before
        # anything changes.
        for finding in self.hazards(reinspection_id):
            result = results[finding.id]
            if result.result == RECTIFIED and finding.grade is Grade.MAJOR:
                require_plan(finding)
                if not (result.accepted_on and result.accepted_by
                        and result.acceptance_conclusion):
                    raise ValidationError(
                        N_("Hazard {seq} is a major hazard: it is closed only with a "
                           "recorded acceptance. Nothing was changed."),
                        seq=finding.seq)
        # The opinion prints the results with the signatures under them: every signature is
        # given on the results as they stand before the hazards are closed or reopened.
        self._require_signatures(reinspection_id)
        reinspected_at = (row["started_at"] or self.today().isoformat())[:10]
        today = self.today().isoformat()
        outcome = Outcome()
        label = row["number"] or reinspection_id
        with self.db.atomic():
            for finding in self.hazards(reinspection_id):
                result = results[finding.id]
                common = {"reinspection_result": result.result, "reinspected_at": reinspected_at}
                if result.result == RECTIFIED:
                    check_transition(finding.status, FindingStatus.CLOSED)
                    accepted = ({"accepted_on": result.accepted_on,
                                 "accepted_by": result.accepted_by,
                                 "acceptance_conclusion": result.acceptance_conclusion}
                                if finding.grade is Grade.MAJOR else {})
                    self._set_status(finding, FindingStatus.CLOSED,
                                     {**common, "closed_at": today, **accepted},
                                     f"accepted at re-inspection {label}")
                    outcome.closed.append(finding)
                else:
                    self._reopen(finding, result, common, label)
                    outcome.reopened.append(finding)
            ended_at = datetime.now().astimezone().isoformat(timespec="minutes")
            rules.check_transition(Status(row["status"]), Status.COMPLETED)
            self.repo.update(reinspection_id, {"status": Status.COMPLETED.value,
                                               "ended_at": ended_at,
                                               "updated_at": utcnow_iso(),
                                               "device_id": self.device.id})
            self.audit.record("inspection", reinspection_id, "update", field="status",
                              old=row["status"], new=Status.COMPLETED.value,
                              inspection_id=reinspection_id,
                              reason=f"{len(outcome.closed)} closed, "
                                     f"{len(outcome.reopened)} reopened")
        return outcome

    def _require_signatures(self, reinspection_id: str) -> None:
        from inspector_app.services.signatures import SignatureService

        unsigned = SignatureService(self.db, self.device).missing_signers(reinspection_id)
        if unsigned:
            raise ValidationError(
                N_("Signatures are still missing: {signers}. Collect them before completing "
                   "the re-inspection; nothing was changed."),
                signers=Listing([r.message() for r in unsigned]))

    def _reopen(self, finding: Finding, result: ReinspectionResult, common: dict[str, Any],
                label: str) -> None:
        check_transition(finding.status, FindingStatus.REOPENED)
        self._set_status(finding, FindingStatus.REOPENED,
                         {**common, "current_deadline": result.new_deadline},
                         f"not accepted at re-inspection {label}")

    def _set_status(self, finding: Finding, status: FindingStatus, extra: dict[str, Any],
                    reason: str) -> None:
        """Update a hazard inside the caller's transaction; audit each changed field."""
        changes = {"status": status.value, **extra}
        old = {name: getattr(finding, name) for name in changes}
        old["status"] = finding.status.value
        self.repo.update_finding(finding.id, {**changes, "updated_at": utcnow_iso(),
                                              "device_id": self.device.id})
        for name, value in changes.items():
            if old[name] != value:
                self.audit.record("finding", finding.id, "update", field=name, old=old[name],
                                  new=value, reason=reason, inspection_id=finding.inspection_id)


def require_plan(finding: Finding) -> None:
    missing = GovernancePlan.of(finding).missing()
    if missing:
        labels = Listing([label for column, label in PLAN_ELEMENTS if column in missing],
                         ENUMERATION)
        raise ValidationError(N_("Hazard {seq} is a major hazard: it is closed only with "
                                 "a complete governance plan; missing: {labels}."),
                              seq=finding.seq, labels=labels)
