"""The emergency registry as users work with it: plans through their lifecycle and filing,
the office's deadlines and rules, drills whose problems become tracked tasks, stations and their
milestones, and what is overdue or behind on a given day."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector_app.domain.emergency import (
    MILESTONE_LABELS,
    PLAN_STATUS_LABELS,
    PLAN_STATUS_ORDER,
    DrillForm,
    DrillScope,
    EmergencyRules,
    Milestone,
    MilestoneStatus,
    PlanStatus,
    PlanType,
    Progress,
    StationKind,
    drill_due,
    is_overdue,
    next_revision_due,
    owner_progress,
    parse_day,
)
from inspector_app.domain.units import Unit, UnitKind
from inspector_app.errors import Hint, InspectorError, NotFoundError, ValidationError
from inspector_app.i18n import ENUMERATION, N_, Listing, Message
from inspector_app.paths import DataDir
from inspector_app.services.attachments import CheckedFile, check_file
from inspector_app.storage.attachment_store import AttachmentStore
from inspector_app.storage.audit import AuditLog
from inspector_app.storage.companies_repo import CompanyRepo
from inspector_app.storage.emergency_repo import EmergencyRepo
from inspector_app.storage.units_repo import UnitRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

# The date each status step records, so that moving to a status dates it.
STATUS_DATE = {PlanStatus.DRAFTING: "compiled_on", PlanStatus.REVIEWED: "reviewed_on",
               PlanStatus.ISSUED: "issued_on", PlanStatus.FILED: "filed_on"}
DATE_FIELDS = ("compiled_on", "reviewed_on", "issued_on", "evaluated_on", "filed_on")
# What each date is called where it is not a date: words of the catalogue, so that a Chinese
# sentence names the field in Chinese too.
DATE_WORDS = {"compiled_on": N_("compiling date"), "reviewed_on": N_("review date"),
              "issued_on": N_("issue date"), "evaluated_on": N_("evaluation date"),
              "filed_on": N_("filing date")}
# Each step is recorded once it happened: a date still to come would start the revision and
# drill periods from a day that has not been, and a circular would count the plan as done.
FUTURE_DATE = {
    "compiled_on": N_("Plan {title}: drafting cannot have started on {day}, a day still to "
                      "come."),
    "reviewed_on": N_("Plan {title}: the review date {day} is still to come; record the "
                      "review once it was held."),
    "issued_on": N_("Plan {title}: the issue date {day} is still to come; record the issue "
                    "once the plan is issued."),
    "evaluated_on": N_("Plan {title}: the evaluation date {day} is still to come; record "
                       "the evaluation once it was made."),
    "filed_on": N_("Plan {title}: the filing date {day} is still to come; record the filing "
                   "once the authority has it."),
}


def attachment_folder(data_dir: DataDir) -> Path:
    return data_dir.root / "emergency_files"


@dataclass(frozen=True)
class PlanView:
    """One plan with what the rules say about it today."""
    row: dict[str, Any]
    revision_due: date | None
    revision_overdue: bool
    drill_due: date | None
    drill_behind: bool

    @property
    def id(self) -> str:
        return self.row["id"]


@dataclass(frozen=True)
class UnitProgress:
    unit_id: str
    unit_name: str
    unit_kind: str
    plans: int
    done: int
    in_progress: int
    not_started: int
    progress: Progress
    deadline: date | None
    deadline_text: str
    overdue: bool                # the deadline passed and not every plan is filed
    drills: int                  # drills held this year


@dataclass(frozen=True)
class CompanyReadiness:
    plans: list[PlanView]
    last_drill: date | None

    @property
    def revision_overdue(self) -> list[PlanView]:
        return [v for v in self.plans if v.revision_overdue]

    @property
    def drill_behind(self) -> list[PlanView]:
        return [v for v in self.plans if v.drill_behind]



# What takes photos only, in the reader's words (the kind itself is the program's own name).
_PHOTO_OWNERS = {"drill": N_("drill"), "milestone": N_("milestone"),
                 "check": N_("station check")}

class EmergencyService:
    def __init__(self, db: Database, device_id: str, data_dir: DataDir,
                 actor: str | None = None) -> None:
        self.db = db
        self.audit = AuditLog(db, device_id, actor)
        self.repo = EmergencyRepo(db, device_id)
        self.units = UnitRepo(db, device_id)
        self.companies = CompanyRepo(db, device_id)
        self.store = AttachmentStore(attachment_folder(data_dir))

    # -- plans --
    def add_plan(self, *, title: str, plan_type: str, unit_id: str | None = None,
                 company_id: str | None = None, version: str = "",
                 status: str = PlanStatus.NOT_STARTED, notes: str = "",
                 **dates: str | None) -> dict[str, Any]:
        if (unit_id is None) == (company_id is None):
            raise ValidationError(N_("A plan belongs to exactly one unit or one company."))
        if not title.strip():
            raise ValidationError(N_("A plan needs a title."))
        row = {"unit_id": unit_id, "company_id": company_id,
               "plan_type": PlanType(plan_type).value, "title": title.strip(),
               "version": version.strip(), "status": PlanStatus(status).value,
               "notes": notes, **self._dates(dates)}
        # As moving to a status dates it: a plan registered as issued without its date has
        # its revision and drill deadlines counted from today, never from nothing.
        step_date = STATUS_DATE.get(PlanStatus(status))
        if step_date and not row.get(step_date):
            row[step_date] = date.today().isoformat()
        if unit_id and self.units.get(unit_id) is None:
            raise NotFoundError(N_("No unit with id {unit_id}."), unit_id=unit_id)
        if company_id and self.companies.get(company_id) is None:
            raise NotFoundError(N_("No company with id {company_id}."), company_id=company_id)
        self._check_past(row, DATE_FIELDS)
        self._check_plan(row)
        with self.db.atomic():
            added = self.repo.add_plan(row)
            self.audit.record("emergency_plan", added["id"], "create", new=row)
        return added

    @staticmethod
    def _dates(dates: dict[str, str | None]) -> dict[str, str | None]:
        unknown = set(dates) - set(DATE_FIELDS)
        if unknown:
            raise ValidationError(N_("Unknown date field(s): {join}."),
                                  join=', '.join(sorted(unknown)))
        out = {}
        for key, value in dates.items():
            day = parse_day(value, Message(DATE_WORDS[key]))
            out[key] = day.isoformat() if day else None
        return out

    @staticmethod
    def _check_past(row: dict[str, Any], changed: Iterable[str]) -> None:
        """The dates written now are today or before (dates kept from before stay as they
        were, so a plan recorded earlier can still be changed)."""
        today = date.today()
        for key in DATE_FIELDS:
            day = parse_day(row.get(key)) if key in changed else None
            if day is not None and day > today:
                raise ValidationError(FUTURE_DATE[key], title=row["title"], day=day)

    @staticmethod
    def _check_plan(row: dict[str, Any]) -> None:
        status = PlanStatus(row["status"])
        if status == PlanStatus.FILED:
            # Messages, so that a Chinese sentence names the fields in Chinese too.
            missing = [Message(n) for n, k in ((N_("receiving authority"), "filing_authority"),
                                               (N_("filing number"), "filing_number"),
                                               (N_("filing date"), "filed_on"))
                       if not row.get(k)]
            if missing:
                raise ValidationError(N_("Plan {title}: a filed plan needs its "
                                         "{join}."), title=row['title'],
                                      join=Listing(missing, ENUMERATION))
        order = [row.get(k) for k in ("compiled_on", "reviewed_on", "issued_on", "filed_on")]
        known = [d for d in order if d]
        if known != sorted(known):
            raise ValidationError(N_("Plan {title}: the dates must follow each other "
                                     "(compiled ≤ reviewed ≤ issued ≤ filed)."), title=row['title'])

    def set_status(self, plan_id: str, status: str, on: str | None = None) -> dict[str, Any]:
        plan = self.repo.plan(plan_id)
        new = PlanStatus(status)
        if new == PlanStatus.FILED:
            raise ValidationError(N_("Record the filing with its authority, number and "
                                     "date."), hint=Hint.RECORD_FILING)
        current = PlanStatus(plan["status"])
        if PLAN_STATUS_ORDER.index(new) < PLAN_STATUS_ORDER.index(current):
            # Its later steps' dates, filing and deadlines would stay behind a status that
            # denies them. A plan revised after issue is a new version, registered as such.
            raise ValidationError(N_("Plan {title} is {current}: a plan's status only moves "
                                     "forward. Register its revised version as a new plan."),
                                  title=plan["title"], current=PLAN_STATUS_LABELS[current])
        changes: dict[str, Any] = {"status": new.value}
        field_name = STATUS_DATE.get(new)
        if field_name:
            day = parse_day(on, Message(N_("date"))) or date.today()
            changes[field_name] = day.isoformat()
        updated = {**plan, **changes}
        self._check_past(updated, changes)
        self._check_plan(updated)
        self._change_plan(plan, changes)
        return updated

    def _change_plan(self, plan: dict[str, Any], changes: dict[str, Any]) -> None:
        """One transaction: the change and its audit entries (old and new value per field)."""
        with self.db.atomic():
            self.repo.update_plan(plan["id"], changes)
            for key, value in changes.items():
                if plan.get(key) != value:
                    self.audit.record("emergency_plan", plan["id"], "update", field=key,
                                      old=plan.get(key), new=value)

    def record_filing(self, plan_id: str, *, authority: str, number: str,
                      filed_on: str) -> dict[str, Any]:
        plan = self.repo.plan(plan_id)
        if PLAN_STATUS_ORDER.index(PlanStatus(plan["status"])) < \
                PLAN_STATUS_ORDER.index(PlanStatus.ISSUED):
            raise ValidationError(N_("Plan {title} is not issued yet: a plan is filed "
                                     "after it is issued."), title=plan['title'])
        day = parse_day(filed_on, Message(DATE_WORDS["filed_on"]))
        changes = {"status": PlanStatus.FILED.value, "filing_authority": authority.strip(),
                   "filing_number": number.strip(), "filed_on": day.isoformat() if day else None}
        updated = {**plan, **changes}
        self._check_past(updated, changes)
        self._check_plan(updated)
        self._change_plan(plan, changes)
        return updated

    def record_evaluation(self, plan_id: str, on: str) -> dict[str, Any]:
        """A plan evaluated (评估) or revised: its revision period starts again."""
        plan = self.repo.plan(plan_id)
        day = parse_day(on, Message(DATE_WORDS["evaluated_on"]))
        if day is None:
            raise ValidationError(N_("An evaluation needs its date."))
        self._check_past({**plan, "evaluated_on": day.isoformat()}, ["evaluated_on"])
        self._change_plan(plan, {"evaluated_on": day.isoformat()})
        return {**plan, "evaluated_on": day.isoformat()}

    def rules(self) -> EmergencyRules:
        return self.repo.rules()

    def set_rules(self, rules: EmergencyRules) -> None:
        """Keep the office's revision and drill intervals (checked first), with an audit entry."""
        with self.db.atomic():
            self.repo.set_rules(rules)
            self.audit.record("emergency_rules", "rules", "update", new=rules.to_dict())

    # -- what the pages and commands list and find (the repository's rows, read-only) --
    def active_units(self) -> list[Unit]:
        """The towns and departments still in use, the owners a plan or drill may name."""
        return self.units.all(active_only=True)

    def find_unit(self, text: str) -> Unit:
        """The unit whose id or name is ``text``; NotFoundError names it otherwise."""
        return self.units.find(text)

    def plans(self) -> list[dict[str, Any]]:
        return self.repo.plans()

    def find_plan(self, text: str) -> dict[str, Any]:
        """The plan whose id or title is ``text``; NotFoundError names it otherwise."""
        return self.repo.find_plan(text)

    def drills(self) -> list[dict[str, Any]]:
        return self.repo.drills()

    def find_drill(self, text: str) -> dict[str, Any]:
        return self.repo.find_drill(text)

    def find_task(self, text: str) -> dict[str, Any]:
        return self.repo.find_task(text)

    def stations(self) -> list[dict[str, Any]]:
        return self.repo.stations()

    def find_station(self, text: str) -> dict[str, Any]:
        return self.repo.find_station(text)

    def milestones(self, station_id: str | None = None) -> list[dict[str, Any]]:
        return self.repo.milestones(station_id)

    def milestone(self, station_id: str, milestone: str) -> dict[str, Any]:
        return self.repo.milestone(station_id, milestone)

    def plan_views(self, today: date, *, unit_id: str | None = None,
                   plan_type: str | None = None, status: str | None = None,
                   overdue_only: bool = False) -> list[PlanView]:
        rules = self.rules()
        out = []
        for row in self.repo.plans():
            if unit_id and row["unit_id"] != unit_id:
                continue
            if plan_type and row["plan_type"] != plan_type:
                continue
            if status and row["status"] != status:
                continue
            issued = parse_day(row["issued_on"])
            due = next_revision_due(parse_day(row["evaluated_on"]), issued, rules)
            d_due = drill_due(row["plan_type"], parse_day(row["last_drill"]), issued, rules)
            view = PlanView(row, due, is_overdue(due, today), d_due, is_overdue(d_due, today))
            if overdue_only and not (view.revision_overdue or view.drill_behind
                                     or self._filing_overdue(row, today)):
                continue
            out.append(view)
        return out

    def _filing_overdue(self, row: dict[str, Any], today: date) -> bool:
        deadline = self.repo.deadlines().get(row["unit_id"] or "")
        return (deadline is not None and row["status"] != PlanStatus.FILED
                and is_overdue(parse_day(deadline["due_on"]), today))

    def company_readiness(self, company_id: str, today: date) -> CompanyReadiness:
        """What an inspector checking the company's emergency readiness should know."""
        views = [v for v in self.plan_views(today) if v.row["company_id"] == company_id]
        drills = [d["held_on"] for d in self.repo.drills() if d["company_id"] == company_id]
        return CompanyReadiness(views, parse_day(max(drills)) if drills else None)

    # -- deadlines and progress --
    def set_deadline(self, unit_id: str, due_on: str, text: str = "") -> None:
        day = parse_day(due_on, Message(N_("emergency plan deadline")))
        if day is None:
            raise ValidationError(N_("A deadline needs its date."))
        if self.units.get(unit_id) is None:
            raise NotFoundError(N_("No unit with id {unit_id}."), unit_id=unit_id)
        self.repo.set_deadline(unit_id, day.isoformat(), text.strip())

    def unit_progress(self, today: date) -> list[UnitProgress]:
        """Every active town and department, with or without plans: not starting is news."""
        plans = self.repo.plans()
        deadlines = self.repo.deadlines()
        year = str(today.year)
        drills: dict[str, int] = {}
        for d in self.repo.drills():
            if d["unit_id"] and d["held_on"].startswith(year):
                drills[d["unit_id"]] = drills.get(d["unit_id"], 0) + 1
        out = []
        for unit in self.units.all(active_only=True):
            if unit.kind not in (UnitKind.TOWN, UnitKind.DEPARTMENT):
                continue
            statuses = [p["status"] for p in plans if p["unit_id"] == unit.id]
            counts = {p: 0 for p in Progress}
            for s in statuses:
                counts[owner_progress([s])] += 1
            progress = owner_progress(statuses)
            dl = deadlines.get(unit.id)
            due = parse_day(dl["due_on"]) if dl else None
            out.append(UnitProgress(
                unit.id, unit.name, unit.kind.value, len(statuses), counts[Progress.DONE],
                counts[Progress.IN_PROGRESS], counts[Progress.NOT_STARTED], progress, due,
                dl["text"] if dl else "", is_overdue(due, today) and progress != Progress.DONE,
                drills.get(unit.id, 0)))
        return out

    # -- drills --
    def add_drill(self, *, plan_id: str, held_on: str, form: str, scope: str,
                  organiser: str = "", participants: str = "", scenario: str = "",
                  went_well: str = "", problems: list[dict[str, str]] | None = None,
                  photos: Sequence[CheckedFile] = ()) -> dict[str, Any]:
        """A drill held, with its follow-up tasks and its photos (checked first), saved whole
        or not at all."""
        plan = self.repo.plan(plan_id)
        day = parse_day(held_on, Message(N_("drill date")))
        if day is None:
            raise ValidationError(N_("A drill needs its date."))
        if day > date.today():
            raise ValidationError(N_("Drill date {day} is in the future: record a drill once "
                                     "it was held."), day=day)
        tasks = [self._task(p, day) for p in (problems or [])]
        row = {"plan_id": plan["id"], "held_on": day.isoformat(),
               "form": DrillForm(form).value, "scope": DrillScope(scope).value,
               "organiser": organiser.strip(), "participants": participants.strip(),
               "scenario": scenario.strip(), "went_well": went_well.strip()}
        self._store_files("drill", photos)
        with self.db.atomic():
            drill = self.repo.add_drill(row, tasks)
            self.audit.record("drill", drill["id"], "create",
                              new={**row, "tasks": [t["problem"] for t in tasks]})
            self._add_file_rows("drill", drill["id"], photos)
        return drill

    @staticmethod
    def _task(problem: dict[str, str], held: date) -> dict[str, Any]:
        text = (problem.get("problem") or "").strip()
        if not text:
            raise ValidationError(N_("A problem found in a drill needs its description."))
        due = parse_day(problem.get("due_on"),
                        Message(N_("deadline of {text!r}"), text=text))
        if due is None:
            raise ValidationError(N_("Problem {text!r}: give the deadline for fixing it."),
                                  text=text)
        if due < held:
            raise ValidationError(N_("Problem {text!r}: deadline {due} is before the drill."),
                                  text=text, due=due)
        return {"problem": text, "action": (problem.get("action") or "").strip(),
                "responsible": (problem.get("responsible") or "").strip(),
                "due_on": due.isoformat(), "done_on": None}

    def add_task(self, drill_id: str, problem: dict[str, str]) -> dict[str, Any]:
        drill = self.repo.drill(drill_id)
        return self.repo.add_task(drill_id, self._task(problem, parse_day(drill["held_on"])))

    def close_task(self, task_id: str, done_on: str, note: str = "", *,
                   today: date | None = None) -> dict[str, Any]:
        """A follow-up task done, on a day between its drill and today, with how it was fixed;
        a task is closed once."""
        task = self.repo.task(task_id)
        where = Message(N_("Task “{problem}” ({owner})"), problem=task["problem"],
                        owner=task["owner_name"])
        if task["done_on"]:
            raise ValidationError(N_("{where}: already done on {day}."), where=where,
                                  day=task["done_on"])
        day = parse_day(done_on, Message(N_("completion date")))
        if day is None:
            raise ValidationError(N_("{where}: closing a task needs its completion date."),
                                  where=where)
        if day > (today or date.today()):
            raise ValidationError(N_("{where}: completion date {day} is in the future: close a "
                                     "task once it is done."), where=where, day=day)
        if day.isoformat() < task["held_on"]:
            raise ValidationError(N_("{where}: completion date {day} is before the drill of "
                                     "{held} that found the problem."), where=where, day=day,
                                  held=task["held_on"])
        with self.db.atomic():
            self.repo.close_task(task_id, day.isoformat(), note.strip())
            self.audit.record("drill_task", task_id, "update", field="done_on",
                              new=day.isoformat(), reason=note.strip() or None)
        return {**task, "done_on": day.isoformat(), "done_note": note.strip()}

    def tasks(self, today: date) -> list[tuple[dict[str, Any], bool]]:
        """Every follow-up task, open ones first by deadline, each with whether it is overdue
        (a task done is never overdue)."""
        return [(t, not t["done_on"] and is_overdue(parse_day(t["due_on"]), today))
                for t in self.repo.tasks()]

    def open_tasks(self, today: date) -> list[tuple[dict[str, Any], bool]]:
        return [(t, is_overdue(parse_day(t["due_on"]), today))
                for t in self.repo.tasks() if not t["done_on"]]

    def behind_on_drills(self, today: date) -> list[PlanView]:
        return [v for v in self.plan_views(today) if v.drill_behind]

    # -- stations --
    def add_station(self, *, name: str, kind: str, unit_id: str | None,
                    dues: dict[str, str | None] | None = None) -> dict[str, Any]:
        """A pilot site with its six milestones, each due on the day given (or not yet dated).
        A name names one station: the command line and the circulars find it by its name."""
        name = name.strip()
        if not name:
            raise ValidationError(N_("A station needs a name."))
        if kind not in StationKind.__members__.values():
            raise ValidationError(N_("Station {name}: unknown kind {kind!r} (use {join})."),
                                  name=name, kind=kind, join=", ".join(StationKind))
        if unit_id is not None:
            unit = self.units.get(unit_id)
            if unit is None:
                raise NotFoundError(N_("No unit with id {unit_id}."), unit_id=unit_id)
            if unit.kind != UnitKind.TOWN:
                raise ValidationError(N_("Station {name}: {unit} is not a town; a station "
                                         "belongs to the town it serves."),
                                      name=name, unit=unit.name)
        if self.repo.stations_named(name):
            raise ValidationError(N_("A station named {name} is already registered: give the "
                                     "new one a name of its own."), name=name)
        clean = {}
        for key, value in (dues or {}).items():
            milestone = self._milestone(name, key)
            day = parse_day(value, Message(N_("station {name}, due date of {milestone}"),
                                           name=name, milestone=MILESTONE_LABELS[milestone]))
            clean[milestone.value] = day.isoformat() if day else None
        row = {"name": name, "kind": StationKind(kind).value, "unit_id": unit_id}
        with self.db.atomic():
            station = self.repo.add_station(row, clean)
            self.audit.record("station", station["id"], "create", new={**row, "dues": clean})
        return station

    @staticmethod
    def _milestone(station: str, key: str) -> Milestone:
        if key not in Milestone.__members__.values():
            raise ValidationError(N_("Station {station}: unknown milestone {key!r} (use "
                                     "{join})."), station=station, key=key,
                                  join=", ".join(Milestone))
        return Milestone(key)

    def set_milestone(self, station_id: str, milestone: str, *, status: str | None = None,
                      due_on: str | None = None, done_on: str | None = None,
                      note: str | None = None, today: date | None = None,
                      photos: Sequence[CheckedFile] = ()) -> dict[str, Any]:
        """Change what is given of a station's milestone. A completion date means done: it
        goes with the status done (which it implies when no status is given), and it is not in
        the future. Each changed field is audited with its old value. The changes and the
        photos (checked first) are saved together or not at all."""
        station = self.repo.station(station_id)
        key = self._milestone(station["name"], milestone)
        row = self.repo.milestone(station_id, key.value)
        where = Message(N_("Station {name}, {milestone}"), name=station["name"],
                        milestone=MILESTONE_LABELS[key])
        today = today or date.today()
        if status is None and done_on:
            status = MilestoneStatus.DONE.value
        changes: dict[str, Any] = {}
        if status is not None:
            if status not in MilestoneStatus.__members__.values():
                raise ValidationError(N_("{where}: unknown status {status!r} (use {join})."),
                                      where=where, status=status,
                                      join=", ".join(MilestoneStatus))
            changes["status"] = status
            if status == MilestoneStatus.DONE:
                day = parse_day(done_on, Message(N_("{where}: completion date"), where=where))
                day = day or parse_day(row["done_on"]) or today
                if day > today:
                    raise ValidationError(N_("{where}: completion date {day} is in the future: "
                                             "record a milestone done once it is done."),
                                          where=where, day=day)
                changes["done_on"] = day.isoformat()
            elif done_on:
                raise ValidationError(N_("{where}: a completion date goes with the status "
                                         "done."), where=where)
            else:
                changes["done_on"] = None
        if due_on is not None:
            day = parse_day(due_on, Message(N_("{where}: due date"), where=where))
            changes["due_on"] = day.isoformat() if day else None
        if note is not None:
            changes["note"] = note.strip()
        changes = {k: v for k, v in changes.items() if row.get(k) != v}
        self._store_files("milestone", photos)
        if changes or photos:
            with self.db.atomic():
                if changes:
                    self.repo.update_milestone(row["id"], changes)
                for field_name, value in changes.items():
                    self.audit.record("station_milestone", row["id"], "update",
                                      field=field_name, old=row.get(field_name), new=value)
                self._add_file_rows("milestone", row["id"], photos)
        return {**row, **changes}

    def add_check(self, station_id: str, *, checked_on: str, checker: str,
                  findings: str, today: date | None = None,
                  photos: Sequence[CheckedFile] = ()) -> dict[str, Any]:
        """A supervisor's check (督导) of a station: held (not in the future), by someone named,
        with what was found; audited. Saved with its photos (checked first) or not at all."""
        station = self.repo.station(station_id)
        where = Message(N_("Check of station {name}"), name=station["name"])
        day = parse_day(checked_on, Message(N_("{where}: date"), where=where))
        if day is None:
            raise ValidationError(N_("{where}: a check needs its date."), where=where)
        if day > (today or date.today()):
            raise ValidationError(N_("{where}: date {day} is in the future: record a check "
                                     "once it was made."), where=where, day=day)
        if not checker.strip():
            raise ValidationError(N_("{where}: say who checked (e.g. 区应急管理局督导组)."),
                                  where=where)
        row = {"station_id": station_id, "checked_on": day.isoformat(),
               "checker": checker.strip(), "findings": findings.strip()}
        self._store_files("check", photos)
        with self.db.atomic():
            check = self.repo.add_check(row)
            self.audit.record("station_check", check["id"], "create", new=row)
            self._add_file_rows("check", check["id"], photos)
        return check

    def late_milestones(self, today: date) -> list[dict[str, Any]]:
        return [m for m in self.repo.milestones()
                if m["status"] != MilestoneStatus.DONE and is_overdue(parse_day(m["due_on"]),
                                                                     today)]

    # -- files --
    def attach(self, owner_kind: str, owner_id: str, path: Path,
               name: str | None = None) -> dict[str, Any]:
        """Check first; then store the bytes once and record them. A refused file changes
        nothing."""
        checked = check_file(path, name)
        return self.attach_checked(owner_kind, owner_id, checked)

    @staticmethod
    def refuse_non_photos(owner_kind: str, files: Iterable[CheckedFile]) -> None:
        """A drill, a milestone or a check takes photos only. Asked before the record is saved
        (``_store_files``): refused only when its files are attached, the record would stay,
        and saving again (once the file is taken out) would save it a second time."""
        owner = _PHOTO_OWNERS.get(owner_kind)
        if owner is None:
            return
        for checked in files:
            if checked.media not in ("jpeg", "png"):
                raise ValidationError(N_("{name}: a {owner_kind} takes photos (JPEG or PNG)."),
                                      name=checked.name, owner_kind=Message(owner))

    def attach_checked(self, owner_kind: str, owner_id: str,
                       checked: CheckedFile) -> dict[str, Any]:
        """One file more for a record already saved: its bytes are stored before its row is
        written, so a failure leaves the record as it was."""
        if not self.repo.owner_exists(owner_kind, owner_id):
            raise NotFoundError(N_("No {owner_kind} with id {owner_id}."),
                                owner_kind=owner_kind, owner_id=owner_id)
        self._store_files(owner_kind, [checked])
        with self.db.atomic():
            return self._add_file_rows(owner_kind, owner_id, [checked])[0]

    def _store_files(self, owner_kind: str, files: Sequence[CheckedFile]) -> None:
        """Keep the bytes of the files a record is about to be saved with, before anything is
        written to the database: a file that cannot be stored (a full disk, a folder not
        writable) stops the save while nothing of it is saved, so the user can fix the cause
        and save again, once. Bytes stored before the failure are named by no row: the store
        is content-addressed, and the next try finds them there."""
        self.refuse_non_photos(owner_kind, files)
        for checked in files:
            try:
                self.store.keep(checked.sha256, checked.media, checked.data)
            except InspectorError as exc:
                raise type(exc)(N_("{name} could not be stored, so nothing was saved. "
                                   "{problem}"), name=checked.name,
                                problem=Message(exc.msgid, **exc.params)) from exc

    def _add_file_rows(self, owner_kind: str, owner_id: str,
                       files: Sequence[CheckedFile]) -> list[dict[str, Any]]:
        """The rows naming stored files; inside the caller's transaction."""
        return [self.repo.add_file({"owner_kind": owner_kind, "owner_id": owner_id,
                                    "sha256": checked.sha256, "name": checked.name,
                                    "media": checked.media, "size": checked.size})
                for checked in files]
