"""Resolving a draft kept twice by an import: a person keeps this computer's version or takes
the incoming one, and the other goes, in one transaction with its audit entries.

Conflicts of the "both versions kept" kind are resolved here: the incoming copy is an
inspection whose ``conflict_of`` names the local one. A number printed on two records names two
real records that both keep it (a signed record's printed number never changes): a person checks
them and marks the clash reviewed (``review``). Other conflict rows (a part that clashed) are
for a person to fix by hand.

"Take the other" moves the copy's content onto the local record (keeping the local id, number
and documents) with the copy's own stamps and device, so the record here becomes exactly the
version the other machine has: its next edit from there is an ordinary update, not a new conflict.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any, Literal

from sqlite_utils import Database

from inspector_app.domain.profile import Device
from inspector_app.domain.records import utcnow_iso
from inspector_app.errors import Hint, NotFoundError, ValidationError
from inspector_app.i18n import N_, Message
from inspector_app.services.sync.merge import derived_id
from inspector_app.services.sync.people import device_label
from inspector_app.services.sync.words import database_problem
from inspector_app.storage import sync_conflicts as store
from inspector_app.storage import sync_rows
from inspector_app.storage.audit import AuditLog

Keep = Literal["local", "incoming"]
# The reason the import gives a number printed on two records (services/sync/merge.py).
NUMBER_CLASH = "number"
# The reason of a draft changed on both computers (kept twice, resolvable).
EDITED_TWICE = "edited on two machines"
Row = dict[str, Any]

# The parts _keep_both copies, children before parents (photos point at findings).
_PARTS: tuple[tuple[str, str], ...] = (
    ("reinspection_results", "reinspection_id"),
    ("photos", "inspection_id"),
    ("findings", "inspection_id"),
    ("answers", "inspection_id"),
    ("signatures", "inspection_id"),
    ("inspection_inspectors", "inspection_id"),
)
# Columns holding the id of another part of the same inspection, remapped with the ids.
_REF_COLUMNS = ("finding_id", "origin_finding_id")
# What stays the local record's own when it takes the other version.
_KEEP_LOCAL = ("id", "number", "conflict_of")


@dataclass(frozen=True)
class ConflictInfo:
    id: str
    table_name: str
    reason: str
    local_id: str
    incoming_id: str | None
    company: str
    number: str
    answers_differing: int
    findings_here: int
    findings_incoming: int
    changed_by: str        # the device (and its person) the incoming version came from
    changed_at: str        # when that version was last changed there
    created_at: str
    resolved_at: str | None
    resolvable: bool       # a draft kept twice; other conflicts are fixed by hand
    reviewable: bool = False  # a number printed on two records, not yet marked reviewed
    other_company: str = ""   # a number clash: the company of the second record

    def said(self) -> Message:
        """The reason in the reader's words: the row keeps a code or SQLite's own English
        refusal of the row, put into words when shown."""
        if self.reason == NUMBER_CLASH:
            return Message(N_("the same number is printed on two records"))
        if self.reason == EDITED_TWICE:
            return Message(N_("the same draft was changed on two computers"))
        return database_problem(self.reason)


def _inspection(db: Database, inspection_id: str | None) -> Row | None:
    if not inspection_id:
        return None
    return store.inspection(db, inspection_id)


def _changed_by(db: Database, inspection_id: str | None, device_id: str | None) -> str:
    """The laptop by its enrolled inspector, and the person who last worked on the record
    there (from its carried audit log) when another: "张伟 (53C6)", "张伟 (53C6): 李娜"."""
    device = device_label(db, device_id)
    if not (inspection_id and device_id):
        return device
    actor = store.last_actor(db, inspection_id, device_id)
    return f"{device}: {actor}" if actor and not device.startswith(f"{actor} (") else device


def _is_copy_pair(local: Row | None, copy: Row | None) -> bool:
    return local is not None and copy is not None and copy.get("conflict_of") == local["id"]


def _describe(db: Database, row: Row) -> ConflictInfo:
    local = _inspection(db, row["local_id"]) if row["table_name"] == "inspections" else None
    copy = _inspection(db, row["incoming_id"]) if row["table_name"] == "inspections" else None
    shown = local or copy
    company = ""
    if shown is not None:
        company = store.company_name(db, shown["company_id"]) or ""
    differing = here = incoming = 0
    if local is not None and copy is not None:
        mine, theirs = store.answers(db, local["id"]), store.answers(db, copy["id"])
        differing = sum(1 for item in set(mine) | set(theirs)
                        if mine.get(item) != theirs.get(item))
        here = store.open_findings(db, local["id"])
        incoming = store.open_findings(db, copy["id"])
    number_clash = row["reason"] == NUMBER_CLASH and copy is not None
    return ConflictInfo(
        id=row["id"], table_name=row["table_name"], reason=row["reason"],
        local_id=row["local_id"], incoming_id=row["incoming_id"], company=company,
        number=(local or {}).get("number") or "", answers_differing=differing,
        findings_here=here, findings_incoming=incoming,
        changed_by=_changed_by(db, row["local_id"],
                               (copy or {}).get("device_id") or row["peer_device"]),
        changed_at=(copy or {}).get("updated_at") or "", created_at=row["created_at"],
        resolved_at=row["resolved_at"],
        resolvable=row["resolved_at"] is None and _is_copy_pair(local, copy),
        reviewable=row["resolved_at"] is None and number_clash,
        other_company=(store.company_name(db, copy["company_id"]) or ""
                       if number_clash and copy is not None else ""))


def list_conflicts(db: Database, include_resolved: bool = False) -> list[ConflictInfo]:
    """Conflicts, oldest first, each with what a person needs to choose."""
    return [_describe(db, row) for row in store.conflicts(db, include_resolved)]


def resolve(db: Database, device: Device, conflict_id: str, keep: Keep,
            actor: str | None) -> ConflictInfo:
    """Keep one version of a draft kept twice; the other is removed. One transaction."""
    if keep not in ("local", "incoming"):
        raise ValidationError(N_("Keep 'local' or 'incoming', not {keep!r}."), keep=keep)
    row = store.conflict(db, conflict_id)
    if row is None:
        raise NotFoundError(N_("There is no conflict {conflict_id}."), conflict_id=conflict_id)
    if row["resolved_at"] is not None:
        raise ValidationError(N_("This conflict was already resolved ({resolved_at}). "
                                 "Nothing was changed."), resolved_at=row['resolved_at'][:19])
    local, copy = _inspection(db, row["local_id"]), _inspection(db, row["incoming_id"])
    if row["reason"] == NUMBER_CLASH:
        raise ValidationError(N_(
            "Two records carry the number {number}; both are kept and keep it, since a signed "
            "record's printed number never changes, so there is no version to choose. Check "
            "both records, then mark the clash reviewed. Nothing was changed."),
            number=(local or {}).get("number") or "?", conflict_id=conflict_id,
            hint=Hint.REVIEW_NUMBER_CLASH)
    if row["table_name"] != "inspections" or not _is_copy_pair(local, copy):
        raise ValidationError(N_("This conflict does not hold two versions of one draft; correct "
                                 "the records by hand. Nothing was changed."))
    assert local is not None and copy is not None
    if "signed" in (local["status"], copy["status"]):
        raise ValidationError(N_("A signed inspection is never changed: this conflict cannot be "
                                 "resolved by keeping one version. Nothing was changed."))
    info = _describe(db, row)
    try:
        with db.atomic():
            # Parts are deleted and re-inserted under their ids; checked once, at commit.
            sync_rows.defer_foreign_keys(db)
            if keep == "incoming":
                _take_incoming(db, local, copy)
            _delete_inspection(db, copy["id"])
            # The version resolved is "seen": the same version arriving again is not a new
            # conflict.
            store.mark_seen(db, local["id"], row["peer_device"] or copy["device_id"],
                            copy["updated_at"])
            now = utcnow_iso()
            store.mark_resolved(db, conflict_id, now)
            AuditLog(db, device.id, actor).record(
                "conflict", conflict_id, "resolve", field="keep", new=keep,
                old={"local": local["id"], "incoming": copy["id"],
                     "from": info.changed_by, "changed_at": copy["updated_at"]},
                reason=row["reason"], inspection_id=local["id"])
    except sqlite3.IntegrityError as exc:
        raise ValidationError(N_("The conflict could not be resolved ({exc}). Nothing was "
                                 "changed."), exc=exc) from None
    return _describe(db, {**row, "resolved_at": now})


def review(db: Database, device: Device, conflict_id: str, actor: str | None) -> ConflictInfo:
    """A number printed on two records, checked by a person: off the list, both records and
    both numbers as they are, and the review noted in each record's history."""
    row = store.conflict(db, conflict_id)
    if row is None:
        raise NotFoundError(N_("There is no conflict {conflict_id}."), conflict_id=conflict_id)
    if row["resolved_at"] is not None:
        raise ValidationError(N_("This conflict was already resolved ({resolved_at}). "
                                 "Nothing was changed."), resolved_at=row['resolved_at'][:19])
    info = _describe(db, row)
    if not info.reviewable:
        raise ValidationError(N_("Only a number printed on two records is marked reviewed; "
                                 "this conflict is resolved by keeping one version or by "
                                 "correcting the records by hand. Nothing was changed."),
                              conflict_id=conflict_id, hint=Hint.KEEP_ONE_VERSION)
    now = utcnow_iso()
    with db.atomic():
        store.mark_resolved(db, conflict_id, now)
        audit = AuditLog(db, device.id, actor)
        for inspection_id in (row["local_id"], row["incoming_id"]):
            audit.record("conflict", conflict_id, "review", field="number", new=info.number,
                         reason=row["reason"], inspection_id=inspection_id)
    return _describe(db, {**row, "resolved_at": now})


def _delete_inspection(db: Database, inspection_id: str) -> None:
    """An incoming copy and its parts (photo rows only: files are shared by hash)."""
    store.delete_parts(db, inspection_id, _PARTS)
    store.delete_inspection(db, inspection_id)


def _original_ids(db: Database, local_id: str, copy_id: str) -> dict[str, str]:
    """The copy's part ids back to the ids the other machine uses (the copy's are derived from
    them). Candidates: the local parts, and anything the carried audit log names for this
    inspection; a part matching none keeps its derived id."""
    candidates = store.audited_ids(db, local_id)
    for table, parent in _PARTS:
        if table != "inspection_inspectors":
            candidates |= store.part_ids(db, table, parent, local_id)
    mapping = {derived_id(copy_id, c): c for c in candidates}
    mapping[copy_id] = local_id
    return mapping


def _take_incoming(db: Database, local: Row, copy: Row) -> None:
    ids = _original_ids(db, local["id"], copy["id"])
    store.delete_parts(db, local["id"], _PARTS)
    for table, parent in reversed(_PARTS):   # parents first, so references resolve in order
        for part in store.parts_of(db, table, parent, copy["id"]):
            moved = {k: (ids.get(v, v) if k in ("id", parent, *_REF_COLUMNS) else v)
                     for k, v in part.items()}
            store.move_part(db, table, parent, part, moved)
    store.update_inspection(db, local["id"], {c: v for c, v in copy.items()
                                              if c not in _KEEP_LOCAL})
