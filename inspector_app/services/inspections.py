"""Doing an inspection: start it, answer items, record hazards, complete, lock, amend.

Every public method is one transaction that also writes the audit log, so an answer is on disk
the moment it is given and a crash loses nothing already shown.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from inspector_app.domain import finding as finding_rules
from inspector_app.domain import inspection as rules
from inspector_app.domain.answers import normalise_answer
from inspector_app.domain.checklist import (
    Answer,
    Item,
    ItemType,
    Template,
    missing_required,
)
from inspector_app.domain.finding import Finding, FindingStatus, Grade, default_deadline
from inspector_app.domain.governance import ACCEPTANCE_COLUMNS, PLAN_COLUMNS
from inspector_app.domain.inspection import Kind, Missing, Status
from inspector_app.domain.inspection_record import InspectionRecord
from inspector_app.domain.legal import hazard_wording, legal_citation
from inspector_app.domain.numbering import DocType
from inspector_app.domain.profile import Device
from inspector_app.domain.records import new_id, record_stamp, utcnow_iso
from inspector_app.domain.units import Unit
from inspector_app.errors import Hint, NotFoundError, ValidationError
from inspector_app.i18n import N_, Listing
from inspector_app.storage.audit import AuditEntry, AuditLog
from inspector_app.storage.inspections_repo import InspectionFilter, InspectionRepo
from inspector_app.storage.numbers import next_number
from inspector_app.storage.repositories import InspectorRepo, SettingsRepo
from inspector_app.storage.units_repo import UnitRepo

if TYPE_CHECKING:
    from sqlite_utils import Database


def _check_entry(table: str, fields: dict[str, Any]) -> None:
    """The sync row schema's limits on what is typed, checked before it is saved."""
    # Imported here: the sync package is large, and listing inspections never needs it.
    from inspector_app.services.sync.row_schema import check_entry as check

    check(table, fields)


# What a signed record keeps of its company (the fields its documents print).
COMPANY_SNAPSHOT_FIELDS = ("id", "name", "credit_code", "address", "legal_rep", "contact_name",
                           "contact_phone", "legal_rep_position")

_TEMPLATES: dict[str, Template] = {}


def subject_info(db: Database, row: dict[str, Any]) -> dict[str, Any]:
    """The company fields a record prints, for a company or (name only) for a unit subject."""
    repo = InspectionRepo(db)
    if row.get("subject_unit_id"):
        unit_name = repo.unit_name(row["subject_unit_id"])
        info: dict[str, Any] = dict.fromkeys(COMPANY_SNAPSHOT_FIELDS)
        info.update(id=row["subject_unit_id"], name=unit_name or "?", subject="unit")
        return info
    fields = repo.company_fields(row["company_id"], COMPANY_SNAPSHOT_FIELDS)
    if fields is None:
        raise NotFoundError(N_("No company with id {company_id}."), company_id=row["company_id"])
    return fields


def subject_name_address(db: Database, row: dict[str, Any]) -> tuple[str, str | None]:
    info = subject_info(db, row)
    return info["name"], info["address"]


def snapshot_template(repo: InspectionRepo, content_hash: str) -> Template:
    """The template an inspection was started with, parsed once per content hash.

    Answering an item must not re-parse a checklist of hundreds of items each time.
    """
    template = _TEMPLATES.get(content_hash)
    if template is None:
        definition = repo.template_definition(content_hash)
        if definition is None:
            raise NotFoundError(N_("The checklist this inspection was started with (content hash "
                                   "{content_hash}…) is not on this computer."),
                                content_hash=content_hash[:12])
        if len(_TEMPLATES) > 64:
            _TEMPLATES.clear()
        template = _TEMPLATES[content_hash] = Template.from_dict(json.loads(definition))
    return template


def read_record(db: Database, inspection_id: str) -> InspectionRecord:
    """The inspection as it is read and printed; reads only."""
    repo = InspectionRepo(db)
    row = repo.row(inspection_id)
    if row is None:
        raise NotFoundError(N_("No inspection with id {inspection_id}."),
                            inspection_id=inspection_id)
    company = subject_name_address(db, row)
    template = snapshot_template(repo, row["template_hash"])
    answers = repo.answers(inspection_id)
    return InspectionRecord(
        id=row["id"], number=row["number"], revision=row["revision"],
        supersedes_id=row["supersedes_id"],
        superseded_by=repo.superseded_by(inspection_id),
        status=Status(row["status"]), kind=Kind(row["kind"]),
        company_id=row["company_id"], company_name=company[0], company_address=company[1],
        template=template,
        section_ids=json.loads(row["section_ids"]) if row["section_ids"]
        else [s.id for s in template.sections],
        place=row["place"], started_at=row["started_at"], ended_at=row["ended_at"],
        current_item=row["current_item"], amend_reason=row["amend_reason"],
        inspectors=repo.inspectors(inspection_id),
        answers={k: v for k, (v, _) in answers.items() if v is not None},
        notes={k: n for k, (_, n) in answers.items() if n},
        findings=repo.findings(inspection_id),
        photo_counts=repo.photo_counts(inspection_id),
        withdrawn=repo.withdrawn_findings(inspection_id),
        subject_unit_id=row.get("subject_unit_id"),
    )


class InspectionService:
    def __init__(self, db: Database, device: Device, actor: str | None = None, *,
                 lang: str | None = None) -> None:
        self.db = db
        self.device = device
        self.actor = actor
        # The language new hazards are first worded in (the interface's); None: the template's.
        self.lang = lang
        self.repo = InspectionRepo(db)
        self.audit = AuditLog(db, device.id, actor)

    # -- reading --
    def get(self, inspection_id: str) -> InspectionRecord:
        return read_record(self.db, inspection_id)

    def kind_of(self, inspection_id: str) -> str | None:
        """The record's kind (``reinspection`` opens in its own dialog); None if unknown."""
        return self.repo.kind(inspection_id)

    def list(self, flt: InspectionFilter | None = None, *, sort: str = "started",
             descending: bool = True, limit: int | None = None,
             offset: int = 0) -> list[dict[str, Any]]:
        return self.repo.list(flt, sort=sort, descending=descending, limit=limit, offset=offset)

    def count(self, flt: InspectionFilter | None = None) -> int:
        return self.repo.count(flt)

    def history(self, inspection_id: str) -> list[AuditEntry]:
        return self.audit.for_inspection(inspection_id)

    # -- starting --
    def subject_units(self) -> list[Unit]:
        """The units a supervision inspection can check: active towns and departments."""
        return [u for u in UnitRepo(self.db, self.device.id).all(active_only=True)
                if u.kind.value in rules.SUBJECT_UNIT_KINDS]

    def find_unit(self, text: str) -> Unit:
        return UnitRepo(self.db, self.device.id).find(text)

    def template_key(self, text: str) -> str:
        """The library key of a template given by its key or by its id (newest version)."""
        key = self.repo.template_key_for(text)
        if key is None:
            raise NotFoundError(N_("No template {text} in the library."), text=text,
                                hint=Hint.LIST_TEMPLATES)
        return key

    def find_company(self, text: str) -> str:
        """A company's id from its exact name or id, as a user types it."""
        rows = self.repo.company_ids_named(text.strip())
        if len(rows) > 1:
            raise ValidationError(N_("More than one company is called {text}; give its id."),
                                  text=text)
        if not rows:
            raise NotFoundError(N_("No company named {text!r}."), text=text,
                                hint=Hint.LIST_COMPANIES)
        return rows[0]

    def start(self, *, company_id: str | None = None, template_key: str, kind: Kind | str,
              inspector_ids: list[str], place: str | None = None,
              started_at: str | None = None, section_ids: list[str] | None = None,
              subject_unit_id: str | None = None) -> str:
        """Start a draft inspection of a company or, with ``subject_unit_id``, of a unit."""
        kind = Kind(kind)
        unit = None
        if subject_unit_id is not None:
            unit = self.repo.active_unit(subject_unit_id)
            if unit is None:
                raise NotFoundError(N_("No active unit with id {subject_unit_id}."),
                                    subject_unit_id=subject_unit_id)
        problem = rules.subject_problem(company_id, subject_unit_id, unit[1] if unit else None,
                                        kind)
        if problem:
            raise ValidationError(N_("Cannot start: {problem}."), problem=problem)
        if unit is not None:
            company = (unit[0], None, None)
        else:
            company = self.repo.company_sections_basis(company_id)
            if company is None:
                raise NotFoundError(N_("No company with id {company_id}."), company_id=company_id)
        trow = self.repo.library_template(template_key)
        if trow is None:
            raise NotFoundError(N_("No template {template_key} in the library."),
                                template_key=template_key)
        template = Template.from_dict(json.loads(trow[3]))
        inspectors_repo = InspectorRepo(self.db, self.device.id)
        inspectors = [inspectors_repo.get(i) for i in inspector_ids]
        if None in inspectors:
            raise NotFoundError(N_("One of the chosen inspectors is not known on this computer."))
        problems = rules.inspector_problems(kind, inspectors)  # type: ignore[arg-type]
        if problems:
            raise ValidationError(N_("Cannot start: {problems}."), problems=Listing(problems))
        if section_ids is None and subject_unit_id is not None:
            # A unit has no industry: every section of a supervision checklist applies.
            section_ids = [s.id for s in template.sections]
        elif section_ids is None:
            section_ids = [s.id for s in template.applicable_sections(
                company[1], json.loads(company[2] or "[]"))]
        if not section_ids:
            raise ValidationError(
                N_("No section of {zh} applies to {company}: check the "
                   "company's industry and special areas, or choose another template."),
                zh=template.title.zh, company=company[0])
        started_at = started_at or datetime.now().astimezone().isoformat(timespec="minutes")
        inspection_id = new_id()
        settings = SettingsRepo(self.db)
        with self.db.atomic():
            number, _ = next_number(self.db, DocType.RECORD, int(started_at[:4]), self.device.id,
                                    self.device.doc_prefix, settings.get("authority_short"))
            self.repo.keep_template(trow[2], trow[0], trow[1], trow[3])
            self.repo.insert({
                "id": inspection_id, "revision": 1, "company_id": company_id,
                "subject_unit_id": subject_unit_id,
                "template_key": template_key, "template_id": trow[0],
                "template_version": trow[1], "template_hash": trow[2],
                "kind": kind.value, "status": Status.DRAFT.value,
                "number": number, "place": place, "started_at": started_at,
                "section_ids": json.dumps(section_ids),
                # The unit this laptop belongs to (profile): who carried the inspection out.
                "unit_id": settings.get("unit_id"),
                **record_stamp(self.device.id),
            })
            self.repo.set_inspectors(inspection_id, inspector_ids)
            self.audit.record("inspection", inspection_id, "create", inspection_id=inspection_id,
                              new={"number": number, "company": company[0],
                                   "template": template_key, "kind": kind.value})
        return inspection_id

    # -- answering --
    def _editable_row(self, inspection_id: str) -> dict[str, Any]:
        row = self.repo.row(inspection_id)
        if row is None:
            raise NotFoundError(N_("No inspection with id {inspection_id}."),
                                inspection_id=inspection_id)
        rules.ensure_editable(Status(row["status"]))
        return row

    def _editing_row(self, inspection_id: str) -> dict[str, Any]:
        """``_editable_row``'s id, status, template_hash and started_at only: for what is saved
        at every keystroke or click."""
        row = self.repo.editing_row(inspection_id)
        if row is None:
            raise NotFoundError(N_("No inspection with id {inspection_id}."),
                                inspection_id=inspection_id)
        rules.ensure_editable(Status(row["status"]))
        return row

    def _item(self, row: dict[str, Any], item_id: str) -> Item:
        template = snapshot_template(self.repo, row["template_hash"])
        try:
            return template.item(item_id)
        except KeyError:
            raise NotFoundError(N_("The checklist has no item {item_id}."),
                                item_id=item_id) from None

    def set_answer(self, inspection_id: str, item_id: str, value: Any, *,
                   audit: bool = True) -> Finding | None:
        """Store an answer; a non-compliant check creates its hazard, returned for completing.

        Typed answers are saved per keystroke with ``audit=False`` and audited per editing
        session through ``record_edit``.
        """
        row = self._editing_row(inspection_id)
        item = self._item(row, item_id)
        value = normalise_answer(item, value)
        with self.db.atomic():
            previous = self.repo.answer_row(inspection_id, item_id)
            old_value = previous[1] if previous else None
            note = previous[2] if previous else None
            if old_value == value:
                return None
            # One time for the answer, its inspection and the audit entry: one change.
            stamp = record_stamp(self.device.id)
            self.repo.upsert_answer(previous[0] if previous else new_id(), inspection_id,
                                    item_id, value, note, stamp)
            self._touch(inspection_id, stamp["updated_at"])
            if audit:
                self.audit.record("answer", item_id, "update" if previous else "create",
                                  field="value", old=old_value, new=value,
                                  inspection_id=inspection_id, at=stamp["updated_at"])
            return self._sync_finding(row, item, value)

    def _sync_finding(self, row: dict[str, Any], item: Item, value: Any) -> Finding | None:
        if item.type is not ItemType.CHECK:
            return None
        inspection_id = row["id"]
        existing = self.repo.finding_for_item(inspection_id, item.id)
        if value == Answer.NON_COMPLIANT.value and existing is None:
            withdrawn = self.repo.finding_for_item(inspection_id, item.id, withdrawn=True)
            if withdrawn is not None:
                # Non-compliant again: the hazard comes back as it was typed, not empty.
                self.repo.update_finding(withdrawn.id, {
                    "withdrawn_at": None, **self._stamp_update()})
                self.audit.record("finding", withdrawn.id, "restore",
                                  inspection_id=inspection_id,
                                  new={"item": item.id, "seq": withdrawn.seq},
                                  reason="non-compliant answer")
                return self.repo.finding(withdrawn.id)
            grade = item.grade or Grade.GENERAL
            found_on = date.fromisoformat(row["started_at"][:10])
            finding_id = new_id()
            template = snapshot_template(self.repo, row["template_hash"])
            lang = self.lang or template.language
            basis = legal_citation(template, item, lang)
            description = hazard_wording(template, item, lang)
            self.repo.insert_finding({
                "id": finding_id, "inspection_id": inspection_id, "item_id": item.id,
                "seq": self.repo.next_finding_seq(inspection_id),
                "description": description, "grade": grade.value, "legal_basis": basis,
                "deadline": default_deadline(grade, found_on).isoformat(),
                "status": FindingStatus.OPEN.value, **record_stamp(self.device.id),
            })
            self.audit.record("finding", finding_id, "create", inspection_id=inspection_id,
                              new={"item": item.id, "grade": grade.value},
                              reason="non-compliant answer")
            return self.repo.finding(finding_id)
        if value != Answer.NON_COMPLIANT.value and existing is not None:
            # The inspector corrected the answer: the hazard no longer stands, but what was
            # typed into it is never thrown away. It is withdrawn (out of every list and
            # document) and comes back if the answer turns non-compliant again.
            self.repo.update_finding(existing.id, {"withdrawn_at": utcnow_iso(),
                                                   **self._stamp_update()})
            self.audit.record("finding", existing.id, "withdraw", inspection_id=inspection_id,
                              old={"item": item.id, "seq": existing.seq,
                                   "description": existing.description},
                              reason="answer changed from non-compliant")
        return None

    def _stamp_update(self) -> dict[str, str]:
        return {"updated_at": utcnow_iso(), "device_id": self.device.id}

    def set_note(self, inspection_id: str, item_id: str, note: str, *,
                 audit: bool = True) -> None:
        """Store a note. The form saves every keystroke with ``audit=False`` and records one
        audit entry per editing session through ``record_edit``."""
        row = self._editing_row(inspection_id)
        self._item(row, item_id)
        _check_entry("answers", {"note": note})
        note = note if note.strip() else None
        with self.db.atomic():
            previous = self.repo.answer_row(inspection_id, item_id)
            if (previous[2] if previous else None) == note:
                return
            stamp = record_stamp(self.device.id)
            self.repo.upsert_answer(previous[0] if previous else new_id(), inspection_id,
                                    item_id, previous[1] if previous else None, note, stamp)
            self._touch(inspection_id, stamp["updated_at"])
            if audit:
                self.audit.record("answer", item_id, "update", field="note",
                                  old=previous[2] if previous else None, new=note,
                                  inspection_id=inspection_id, at=stamp["updated_at"])

    def record_edit(self, inspection_id: str, entity: str, entity_id: str, field: str,
                    old: Any, new: Any) -> None:
        """One audit entry for a text edited keystroke by keystroke (already saved): none when
        what is stored is not ``new`` (the change was declined or refused, never saved)."""
        if (old or None) == (new or None):
            return
        stored = self._stored_text(inspection_id, entity, entity_id, field, new)
        if (stored or None) != (new or None):
            return
        with self.db.atomic():
            self.audit.record(entity, entity_id, "update", field=field, old=old or None,
                              new=new or None, inspection_id=inspection_id)

    def _stored_text(self, inspection_id: str, entity: str, entity_id: str, field: str,
                     new: Any) -> Any:
        if entity == "answer":
            row = self.repo.answer_row(inspection_id, entity_id)
            return None if row is None else (row[2] if field == "note" else row[1])
        if entity == "finding":
            finding = self.repo.finding(entity_id)
            return None if finding is None else getattr(finding, field, None)
        return new  # another entity: audited as told

    def set_current_item(self, inspection_id: str, item_id: str) -> None:
        """Where the inspector is, so reopening returns there. Not audited: not a change."""
        row = self.repo.row(inspection_id)
        if row is None or row["status"] == Status.SIGNED.value or row["current_item"] == item_id:
            return
        with self.db.atomic():
            self.repo.update(inspection_id, {"current_item": item_id})

    def update_details(self, inspection_id: str, **fields: Any) -> None:
        """Place, start time: the header of the record."""
        allowed = {"place", "started_at"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValidationError(N_("Cannot change {join} here."), join=', '.join(sorted(unknown)))
        _check_entry("inspections", fields)
        row = self._editable_row(inspection_id)
        with self.db.atomic():
            for name, value in fields.items():
                if row[name] != value:
                    self.audit.record("inspection", inspection_id, "update", field=name,
                                      old=row[name], new=value, inspection_id=inspection_id)
            self.repo.update(inspection_id, {**fields, "updated_at": utcnow_iso(),
                                             "device_id": self.device.id})

    def _touch(self, inspection_id: str, at: str | None = None) -> None:
        self.repo.touch(inspection_id, at or utcnow_iso(), self.device.id)

    # -- hazards --
    def add_finding(self, inspection_id: str, *, description: str, grade: Grade | str,
                    requirement: str | None = None, deadline: str | None = None,
                    responsible: str | None = None, onsite_measure: str | None = None,
                    legal_basis: str | None = None) -> Finding:
        """A hazard that no checklist item covers (free-form)."""
        row = self._editable_row(inspection_id)
        if not description.strip():
            raise ValidationError(N_("A hazard needs a description."))
        _check_entry("findings", {"description": description, "requirement": requirement,
                                 "responsible": responsible, "onsite_measure": onsite_measure,
                                 "legal_basis": legal_basis})
        grade = Grade(grade)
        finding_id = new_id()
        with self.db.atomic():
            self.repo.insert_finding({
                "id": finding_id, "inspection_id": inspection_id, "item_id": None,
                "seq": self.repo.next_finding_seq(inspection_id),
                "description": description.strip(), "grade": grade.value,
                "legal_basis": legal_basis, "requirement": requirement,
                "deadline": deadline or default_deadline(
                    grade, date.fromisoformat(row["started_at"][:10])).isoformat(),
                "responsible": responsible, "onsite_measure": onsite_measure,
                "status": FindingStatus.OPEN.value, **record_stamp(self.device.id),
            })
            self._touch(inspection_id)
            self.audit.record("finding", finding_id, "create", inspection_id=inspection_id,
                              new={"description": description, "grade": grade.value},
                              reason="added by inspector")
        return self.repo.finding(finding_id)  # type: ignore[return-value]

    def update_finding(self, finding_id: str, *, audit: bool = True, **fields: Any) -> Finding:
        unknown = set(fields) - set(finding_rules.EDITABLE_FIELDS)
        if unknown:
            raise ValidationError(N_("Cannot change {join} of a hazard."),
                                  join=', '.join(sorted(unknown)))
        current = self.repo.finding(finding_id)
        if current is None:
            raise NotFoundError(N_("No hazard with id {finding_id}."), finding_id=finding_id)
        self._editable_row(current.inspection_id)
        if "grade" in fields:
            fields["grade"] = Grade(fields["grade"]).value
        if fields.get("deadline"):
            try:
                fields["deadline"] = date.fromisoformat(fields["deadline"]).isoformat()
            except ValueError:
                raise ValidationError(N_("The deadline must be a date (YYYY-MM-DD).")) from None
        if "description" in fields and not (fields["description"] or "").strip():
            raise ValidationError(N_("A hazard needs a description."))
        _check_entry("findings", fields)
        changes = {k: v for k, v in fields.items() if getattr(current, k) != v}
        if not changes:
            return current
        with self.db.atomic():
            self.repo.update_finding(finding_id, {**changes, "updated_at": utcnow_iso(),
                                                  "device_id": self.device.id})
            for name, value in changes.items():
                if not audit:
                    break
                old = getattr(current, name)
                self.audit.record("finding", finding_id, "update", field=name,
                                  old=old.value if hasattr(old, "value") else old, new=value,
                                  inspection_id=current.inspection_id)
            self._touch(current.inspection_id)
        return self.repo.finding(finding_id)  # type: ignore[return-value]

    def delete_finding(self, finding_id: str, reason: str) -> None:
        current = self.repo.finding(finding_id)
        if current is None:
            raise NotFoundError(N_("No hazard with id {finding_id}."), finding_id=finding_id)
        self._editable_row(current.inspection_id)
        if current.item_id:
            raise ValidationError(
                N_("This hazard comes from a non-compliant answer; change the answer instead."))
        with self.db.atomic():
            self.repo.delete_finding(finding_id)
            # The inspection changed: sync must carry it, and the receiver removes the hazard.
            self._touch(current.inspection_id)
            self.audit.record("finding", finding_id, "delete", reason=reason,
                              old={"description": current.description},
                              inspection_id=current.inspection_id)

    # -- completing, locking, amending --
    def missing(self, inspection_id: str) -> list[Missing]:
        record = self.get(inspection_id)
        answers = record.answers_for_rules()
        result: list[Missing] = []
        for item in missing_required(record.template, answers, record.sections):
            kind = {ItemType.PHOTO: "photo", ItemType.SIGNATURE: "signature"}.get(
                item.type, "answer")
            if kind == "signature" and self._signed_as(inspection_id, item.role):
                continue
            result.append(Missing(kind, item.id, item.section_id, item.text.localized()))
        for f in record.findings:
            for name in f.incomplete_fields():
                result.append(Missing("hazard", f.item_id, None,
                                      f"hazard {f.seq}: {name} is missing", f.id, name))
        return result

    def _signed_as(self, inspection_id: str, role: str | None) -> bool:
        """A signature of ``role`` given on the record as it stands (a stale one is not)."""
        if not self.repo.signature_count(inspection_id, role):
            return False
        # Imported here: signatures read the record's fingerprint through the documents.
        from inspector_app.services.signatures import SignatureService

        current, _ = SignatureService(self.db, self.device).current_and_stale(inspection_id)
        return any(role is None or s.role.value == role for s in current)

    def complete(self, inspection_id: str) -> list[Missing]:
        """Complete when nothing is missing; otherwise return what is, and change nothing."""
        row = self._editable_row(inspection_id)
        missing = self.missing(inspection_id)
        if missing:
            return missing
        ended_at = datetime.now().astimezone().isoformat(timespec="minutes")
        with self.db.atomic():
            rules.check_transition(Status(row["status"]), Status.COMPLETED)
            self.repo.update(inspection_id, {"status": Status.COMPLETED.value,
                                             "ended_at": ended_at, "updated_at": utcnow_iso(),
                                             "device_id": self.device.id})
            self.audit.record("inspection", inspection_id, "update", field="status",
                              old=row["status"], new=Status.COMPLETED.value,
                              inspection_id=inspection_id)
        return []

    def reopen(self, inspection_id: str, reason: str) -> None:
        row = self.repo.row(inspection_id)
        if row is None:
            raise NotFoundError(N_("No inspection with id {inspection_id}."),
                                inspection_id=inspection_id)
        rules.check_transition(Status(row["status"]), Status.DRAFT)
        with self.db.atomic():
            self.repo.update(inspection_id, {"status": Status.DRAFT.value, "ended_at": None,
                                             "updated_at": utcnow_iso(),
                                             "device_id": self.device.id})
            self.audit.record("inspection", inspection_id, "update", field="status",
                              old=row["status"], new=Status.DRAFT.value, reason=reason,
                              inspection_id=inspection_id)

    def lock(self, inspection_id: str) -> None:
        """Completed → signed: from now on nothing in it changes."""
        row = self.repo.row(inspection_id)
        if row is None:
            raise NotFoundError(N_("No inspection with id {inspection_id}."),
                                inspection_id=inspection_id)
        rules.check_transition(Status(row["status"]), Status.SIGNED)
        self._require_signatures(inspection_id)
        now = utcnow_iso()
        with self.db.atomic():
            self.audit.record("inspection", inspection_id, "update", field="status",
                              old=row["status"], new=Status.SIGNED.value,
                              inspection_id=inspection_id)
            self.repo.update(inspection_id, {"status": Status.SIGNED.value, "signed_at": now,
                                             "updated_at": now, "device_id": self.device.id,
                                             "company_snapshot": self._company_snapshot(row),
                                             "team_snapshot": self._team_snapshot(inspection_id)})

    def _require_signatures(self, inspection_id: str) -> None:
        """Locked only once everyone who must sign has signed the record as it stands (the
        window asks for them first; the command line and any caller obey the same rule)."""
        from inspector_app.services.signatures import SignatureService

        unsigned = SignatureService(self.db, self.device).missing_signers(inspection_id)
        if unsigned:
            raise ValidationError(
                N_("Signatures are still missing: {signers}. Collect them before the record is "
                   "signed and locked; nothing was changed."),
                signers=Listing([r.message() for r in unsigned]))

    def _team_snapshot(self, inspection_id: str) -> str:
        return json.dumps([{"id": i.id, "name": i.name, "enforcement_id": i.enforcement_id,
                            "organisation": i.organisation, "phone": i.phone}
                           for i in self.repo.inspectors(inspection_id)],
                          ensure_ascii=False, sort_keys=True)

    def _company_snapshot(self, row: dict[str, Any]) -> str:
        # A unit's record keeps the unit's name; it has no company fields to keep.
        return json.dumps(subject_info(self.db, row), ensure_ascii=False, sort_keys=True)

    def amend(self, inspection_id: str, reason: str) -> str:
        """A corrected revision of a signed record; the signed one stays as it was."""
        if not reason.strip():
            raise ValidationError(N_("Say why the signed record is amended."))
        row = self.repo.row(inspection_id)
        if row is None:
            raise NotFoundError(N_("No inspection with id {inspection_id}."),
                                inspection_id=inspection_id)
        if row["status"] != Status.SIGNED.value:
            raise ValidationError(N_("Only a signed inspection is amended; edit the draft "
                                     "instead."))
        if self.repo.superseded_by(inspection_id):
            raise ValidationError(N_("This revision was already amended; amend the newest one."))
        new = new_id()
        stamp = record_stamp(self.device.id)
        copy = {k: v for k, v in row.items()
                if k not in ("id", "status", "signed_at", "number", "ended_at",
                             "company_snapshot", "team_snapshot")}
        with self.db.atomic():
            self.repo.insert({**copy, **stamp, "id": new, "revision": row["revision"] + 1,
                              "supersedes_id": inspection_id, "amend_reason": reason.strip(),
                              "status": Status.DRAFT.value, "number": None})
            # The corrected record keeps the number of the one it corrects, with its revision.
            self.repo.update(new, {"number": f"{row['number']}（第{row['revision'] + 1}版）"})
            self.repo.set_inspectors(new, [i.id for i in self.repo.inspectors(inspection_id)])
            for item_id, (value, note) in self.repo.answers(inspection_id).items():
                self.repo.upsert_answer(new_id(), new, item_id, value, note, stamp)
            copied_findings: dict[str, str] = {}
            for f in self.repo.findings(inspection_id):
                values = {k: getattr(f, k) for k in (
                    "item_id", "seq", "description", "legal_basis", "requirement", "deadline",
                    "responsible", "onsite_measure", "reinspection_result", "reinspected_at",
                    "closed_at", *PLAN_COLUMNS, *ACCEPTANCE_COLUMNS)}
                copied_findings[f.id] = new_id()
                self.repo.insert_finding({**values, **stamp, "id": copied_findings[f.id],
                                          "inspection_id": new, "grade": f.grade.value,
                                          "status": f.status.value, "origin_finding_id": f.id})
            # Photos are evidence of the same visit: the revision shows them too (same files).
            # Signatures are not copied: the corrected record is signed anew.
            self.repo.copy_photos(inspection_id, new, copied_findings, stamp)
            self.audit.record("inspection", new, "amend", reason=reason.strip(),
                              old=inspection_id, new=new, inspection_id=new)
            self.audit.record("inspection", inspection_id, "superseded", new=new,
                              reason=reason.strip(), inspection_id=inspection_id)
        return new
