"""Who may send what: the merge's invariants, whoever signed the bundle (docs/sync-policy.md).

The signature says which enrolled device sent a bundle; these rules say what that device may
change. They run after the rows' schema was checked and before the first change, and any
violation refuses the whole bundle, naming the row. The office's own bundles (signed by its
root) carry its authority; everything else is a laptop's.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from sqlite_utils import Database

from inspector_app.domain.governance import PLAN_COLUMNS
from inspector_app.domain.inspection import Kind
from inspector_app.domain.numbering import DOC_WORDS, NumberBlock, parse_number
from inspector_app.domain.profile import Inspector
from inspector_app.domain.signature import (
    SignerRole,
    missing_signers,
    signature_problem,
    strokes_from_json,
)
from inspector_app.errors import ValidationError
from inspector_app.i18n import ENUMERATION, N_, Listing, Message
from inspector_app.services.pki import PkiService, cert_info, fingerprint, load_pem
from inspector_app.services.reinspection import RECTIFIED
from inspector_app.services.signatures import check_png
from inspector_app.services.sync import people
from inspector_app.services.sync.bundle import BundleRefused, Signer, refuse
from inspector_app.services.sync.files import Prints
from inspector_app.services.sync.row_schema import normalised, row_label, row_refused
from inspector_app.services.sync.tables import BY_NAME, LOCAL_COLUMNS
from inspector_app.services.sync.words import row_words, table_words
from inspector_app.storage import numbers as number_blocks
from inspector_app.storage import sync_rows
from inspector_app.storage.inspections_repo import InspectionRepo

Row = dict[str, Any]
# An amended record's number carries its revision: "…〔2026〕4号（第2版）".
_REVISION = re.compile(r"（第\d+版）$")

# Tables only the office's own bundle may add to or change (a laptop sends them back unchanged
# because it got them from the office).
OFFICE_ONLY = ("trust_roots", "revocations", "templates", "planned_inspections", "devices",
               "number_blocks", "units", "campaigns", "campaign_tags", "emergency_deadlines",
               "emergency_rules", "escalations")
# A child's parent: the column naming the record it belongs to, which never changes.
PARENTS: dict[str, tuple[str, ...]] = {
    "answers": ("inspection_id",), "findings": ("inspection_id",),
    "photos": ("inspection_id",), "signatures": ("inspection_id",),
    "documents": ("inspection_id",), "record_signatures": ("inspection_id",),
    "reinspection_results": ("reinspection_id", "finding_id"),
}
# A record's links to other records: set when the window creates the row (start, re-inspect,
# amend, issue, copy a hazard) and never changed afterwards, in the window or by any bundle. A
# link is checked when the row that makes it arrives; were it allowed to change later, a
# second bundle (or a copy the merge keeps out) could move it past that check.
LINKS: dict[str, tuple[str, ...]] = {
    "inspections": ("company_id", "subject_unit_id", "kind", "revision",
                    "follows_inspection_id", "supersedes_id"),
    "findings": ("origin_finding_id",),
    "documents": ("doc_type", "follows_document_id"),
}
# The table of what a plan's, drill's or station's file belongs to, by its owner_kind.
_FILE_OWNERS = {"plan": "emergency_plans", "drill": "drills", "station": "stations",
                "milestone": "station_milestones", "check": "station_checks"}
# What a laptop may change in a plan the office sent it: starting or cancelling it.
_PLAN_FIELDS = {"status", "inspection_id", "updated_at", "device_id"}
_TEMPLATE_CONTENT = ("template_id", "version", "title_zh", "title_en", "content_hash",
                     "definition", "item_count")


@dataclass
class Sender:
    """The bundle's sender as the policy sees it."""

    device_id: str
    signer: Signer
    encrypted: bool
    device_name: str = ""    # the computer's name and number prefix, as its manifest gives them
    device_prefix: str = ""

    @property
    def is_office(self) -> bool:
        return self.signer.is_root

    @property
    def label(self) -> str:
        """The sending computer as people know it: "name (prefix)", or its short id."""
        name = self.device_name or self.device_id[:8]
        return f"{name} ({self.device_prefix})" if self.device_prefix else name


@dataclass
class Decision:
    notes: list[str] = field(default_factory=list)
    skip: dict[str, set[tuple[Any, ...]]] = field(default_factory=dict)
    # Why the rows of a table in ``skip`` are left out, when not because only the office
    # sends them (an English reason, marked N_()).
    skip_reasons: dict[str, str] = field(default_factory=dict)
    # A row's own reason, where a table's rows are left out for more than one.
    row_reasons: dict[tuple[str, tuple[Any, ...]], str] = field(default_factory=dict)

    def why(self, table: str, key: tuple[Any, ...]) -> str:
        return self.row_reasons.get((table, key)) \
            or self.skip_reasons.get(table, N_("taken only from the office"))


def check_transport(sender: Sender, here_is_office: bool) -> None:
    """Laptops must encrypt for the office; the plain form is the office's own."""
    if sender.is_office:
        return
    if not here_is_office:
        raise refuse(N_("it was sent by {signer_name}'s computer, and a laptop takes bundles only "
                        "from the office"), signer_name=sender.signer.name)
    if not sender.encrypted:
        raise refuse(N_("it was sent by {signer_name}'s computer without encryption; a laptop's "
                        "bundle must be encrypted for the office"), signer_name=sender.signer.name)


# Rows changed in place, with no second version kept when two computers change one (as a
# draft inspection's are): the emergency registry. A laptop's copy of such a row must be its
# own not only by the device it names but by the device that wrote the copy here.
# What may change in a part of a record once it is signed, or of a record another laptop
# wrote: a hazard's follow-up (the company's report, a re-inspection's result, a major hazard's
# governance plan) and a document's file (printed again). Everything else is the record.
_FOLLOW_UP: dict[str, frozenset[str]] = {
    "findings": frozenset({"status", "reinspection_result", "reinspected_at", "closed_at",
                           "current_deadline", "accepted_on", "accepted_by",
                           "acceptance_conclusion", *PLAN_COLUMNS}),
    "documents": frozenset({"lang", "file_sha256", "file_name"}),
}
_STAMPS = frozenset({"updated_at", "device_id"})
# The parts the merge takes even from a record it keeps as it is here (merge._ISSUED_FROM).
TAKEN_WHEN_KEPT = ("findings", "documents")
# A hazard's statuses that only a completed re-inspection's result for it gives: closed when
# the result is "rectified", reopened when it is not.
_BY_RESULT = ("closed", "reopened")
_REINSPECTED = ("completed", "signed")

# Why a laptop's print of a document another computer issued or printed last is left out.
PRINTED_ELSEWHERE = N_("printed again on a computer that neither issued it nor printed it "
                       "last here")
# Why a laptop's PDF of its own document is left out: not the print of that document.
NOT_ITS_PRINT = N_("its PDF is not the print of that document, or did not come")

_AUTHOR_KEPT = frozenset({"emergency_plans", "drills", "drill_tasks", "stations",
                          "station_milestones", "station_checks", "emergency_files"})


class Policy:
    def __init__(self, db: Database, own_device: str, sender: Sender,
                 rows: dict[str, list[Row]], prints: Prints | None = None) -> None:
        """``prints``: the PDFs the documents name, checked against them (None: not checked,
        as when nothing but rows is judged)."""
        self.db = db
        self.prints = prints
        self.own_device = own_device
        self.sender = sender
        self.rows = rows
        self.decision = Decision()
        self._local: dict[str, dict[tuple[Any, ...], Row]] = {}

    # -- local rows, fetched once per table for the keys the bundle names --
    def local(self, table: str) -> dict[tuple[Any, ...], Row]:
        if table not in self._local:
            spec = BY_NAME[table]
            if not sync_rows.has_rows(self.db, table):
                # Nothing here (a computer set up anew): the bundle's keys need no reading.
                self._local[table] = {}
                return self._local[table]
            # The bundle's keys stream by (a district's answers are millions); only the rows
            # found here are kept.
            keys = ((v,) for v in self._key_values(table)) if len(spec.key) == 1 \
                else (tuple(r[c] for c in spec.key) for r in self.rows.get(table, []))
            self._local[table] = {tuple(row[k] for k in spec.key): row
                                  for row in sync_rows.rows_by_keys(self.db, table, spec.key,
                                                                    keys)}
        return self._local[table]

    def _key_values(self, table: str) -> Iterator[Any]:
        """The keys of a single-key table's rows: as staged, without reading the rows."""
        keys = getattr(self.rows, "keys_of", None)
        if keys is not None:
            return iter(keys(table))
        key = BY_NAME[table].key[0]
        return (r[key] for r in self.rows.get(table, []))

    def local_row(self, table: str, row: Row) -> Row | None:
        spec = BY_NAME[table]
        return self.local(table).get(tuple(row[k] for k in spec.key))

    @staticmethod
    def same(table: str, row: Row, local: Row) -> bool:
        skip = LOCAL_COLUMNS.get(table, ())
        return all(local.get(k) == v for k, v in row.items() if k not in skip)

    def changes(self, table: str, row: Row) -> bool:
        """Would this row add something here, or differ from what is here without being an
        older copy of it? (An older copy is what a laptop sends back of what it was given.)"""
        local = self.local_row(table, row)
        if local is None:
            return True
        if self.same(table, row, local):
            return False
        stamp = BY_NAME[table].stamp
        return stamp is None or str(row.get(stamp)) >= str(local.get(stamp))

    # -- the rules --
    def check(self) -> Decision:
        self._device_binding()
        self._parents_never_change()
        self._links_never_change()
        self._photos_show_their_own_hazards()
        self._reinspections_follow_their_inspection()
        self._amendments_correct_a_signed_revision()
        self._amendments_keep_their_hazards()
        self._opinions_follow_their_order()
        self._plans_start_their_own_company()
        self._emergency_work_follows_its_rules()
        if not self.sender.is_office:
            self._stamps_not_ahead()
            self._registry_of_units_never_sent()
            self._office_only()
            self._authorship()
            self._documents_printed_again_by_their_issuer()
            self._documents_filed_with_their_own_print()
            self._files_of_their_owners()
            self._signed_records_closed()
            self._parts_keep_their_content()
            self._hazards_closed_by_a_reinspection()
            self._signatures_drawn()
            self._records_completed_with_their_signatures()
            self._team()
            self._inspectors()
            self._audit()
            self._documents_numbered_by_their_sender()
        return self.decision

    def _device_binding(self) -> None:
        device = self.sender.device_id
        if device == self.own_device:
            raise refuse(N_("it claims to come from this computer's own device id"))
        if self.sender.is_office:
            return
        bound = sync_rows.device_binding(self.db, device)
        signer = self.sender.signer
        if bound is not None:
            if bound[2]:
                # The laptop's former owner was revoked: it may have a new one, but not a
                # colleague whose own laptop already speaks with that certificate.
                other = sync_rows.other_device_of_certificate(self.db, signer.serial, device)
                revoked_at = sync_rows.bound_revoked_at(self.db, device)
                issued_at = sync_rows.issued_here_at(self.db, signer.serial)
                if not _issued_after(issued_at, revoked_at):
                    # A new owner is enrolled for the laptop after its former owner's
                    # certificate was revoked; a colleague's older certificate is not theirs.
                    raise refuse(N_("it claims the device id {device} of a revoked "
                                    "certificate, but its signer {signer_name} was enrolled "
                                    "before that revocation"),
                                 device=device[:8], signer_name=signer.name)
                if other is not None:
                    raise refuse(N_("it claims the device id {device} of a revoked certificate, "
                                    "but its signer {signer_name} already signs for the "
                                    "computer {other}"),
                                 device=device[:8], signer_name=signer.name, other=other[:8])
                return
            if (normalised(bound[0]), bound[1] or None) != (normalised(signer.name),
                                                           signer.enforcement_id or None):
                raise refuse(N_("it claims the device id {device}, which belongs to {owner}'s "
                                "computer, but it was signed by {signer_name}"),
                             device=device[:8], owner=bound[0], signer_name=signer.name)
            return
        # Bundles imported before devices were bound to signers name their signer in the history.
        for report in sync_rows.signers_in_history(self.db, device):
            if report and normalised(str(report)) != normalised(signer.name):
                raise refuse(N_("it claims the device id {device}, which belongs to {owner}'s "
                                "computer, but it was signed by {signer_name}"),
                             device=device[:8], owner=report, signer_name=signer.name)

    def _stamps_not_ahead(self) -> None:
        """A laptop's rows are not dated ahead of today (a day's grace for its clock): newer
        wins when two copies of a row meet, and a row dated years ahead would win over every
        later correction made here."""
        latest = (date.today() + timedelta(days=1)).isoformat()
        for table, rows in self.rows.items():
            stamps = [c for c in ("created_at", "updated_at", "at") if c in _columns(table)]
            if not stamps:
                continue
            for row in rows:
                for column in stamps:
                    value = row.get(column)
                    if value and str(value)[:10] > latest:
                        raise row_refused(table, row, column, Message(
                            N_("is dated {value}, after today"), value=value))

    def _parents_never_change(self) -> None:
        self._never_change(PARENTS, N_("moves it from {here} to {sent} (a part never changes "
                                       "the record it belongs to)"))

    def _links_never_change(self) -> None:
        self._never_change(LINKS, N_("changes it from {here} to {sent} (a record's link to "
                                     "another never changes once it exists)"))

    def _never_change(self, fixed: Mapping[str, Iterable[str]], reason: str) -> None:
        """Refuse a row that gives one of its ``fixed`` columns another value than the row
        here has."""
        for table, columns in fixed.items():
            if not self.local(table):
                continue  # nothing here yet: no row of it can change
            for row in self.rows.get(table, []):
                local = self.local_row(table, row)
                if local is None:
                    continue
                for column in columns:
                    if column in row and local.get(column) != row[column]:
                        raise row_refused(table, row, column, Message(
                            reason, here=local.get(column), sent=row[column]))

    def _photos_show_their_own_hazards(self) -> None:
        """A photo of a hazard shows a hazard of its own inspection: the window never attaches
        one to another record's hazard, and a bundle may not either."""
        for row, finding in self._with_named("photos", "finding_id", "findings"):
            if finding["inspection_id"] != row["inspection_id"]:
                raise row_refused("photos", row, "finding_id", Message(
                    N_("names hazard {finding} of another inspection ({inspection}); a photo "
                       "shows a hazard of its own record"),
                    finding=row["finding_id"], inspection=finding["inspection_id"]))

    def _reinspections_follow_their_inspection(self) -> None:
        """A re-inspection follows an inspection that found hazards (not another
        re-inspection), of the same company, and records results only for the hazards of the
        inspection it follows: what ``ReinspectionService.start`` and ``record_result``
        enforce in the window."""
        for inspections in _chunks(row for row in self.rows.get("inspections", [])
                                   if row.get("follows_inspection_id")):
            followed = self._by_id("inspections",
                                   {row["follows_inspection_id"] for row in inspections})
            for row in inspections:
                self._follows(row, followed.get(row["follows_inspection_id"]))
        for results in _chunks(iter(self.rows.get("reinspection_results", []))):
            reinspections = self._by_id("inspections",
                                        {row["reinspection_id"] for row in results})
            findings = self._by_id("findings", {row["finding_id"] for row in results})
            for row in results:
                self._result(row, reinspections.get(row["reinspection_id"]),
                             findings.get(row["finding_id"]))

    @staticmethod
    def _follows(row: Row, followed: Row | None) -> None:
        if row["kind"] != "reinspection":
            raise row_refused("inspections", row, "follows_inspection_id", Message(
                N_("names inspection {followed} to follow, but it is not a re-inspection; "
                   "only a re-inspection follows another"),
                followed=row["follows_inspection_id"]))
        if followed is None:
            return  # nowhere: the database refuses the missing inspection at commit
        if followed["kind"] == "reinspection":
            raise row_refused("inspections", row, "follows_inspection_id", Message(
                N_("follows {followed}, which is itself a re-inspection; a re-inspection "
                   "follows the inspection that found the hazards"), followed=followed["id"]))
        if followed["company_id"] != row["company_id"]:
            raise row_refused("inspections", row, "follows_inspection_id", Message(
                N_("follows {followed}, an inspection of another company ({company}); a "
                   "re-inspection re-checks the hazards of its own company"),
                followed=followed["id"], company=followed["company_id"]))

    @staticmethod
    def _result(row: Row, reinspection: Row | None, finding: Row | None) -> None:
        if reinspection is not None and (reinspection["kind"] != "reinspection"
                                         or not reinspection["follows_inspection_id"]):
            raise row_refused("reinspection_results", row, "reinspection_id", Message(
                N_("names {reinspection}, which is not a re-inspection; a result is recorded "
                   "only by a re-inspection"), reinspection=row["reinspection_id"]))
        if reinspection is None or finding is None:
            return  # nowhere: the database refuses the missing row at commit
        followed = reinspection["follows_inspection_id"]
        if finding["inspection_id"] != followed:
            raise row_refused("reinspection_results", row, "finding_id", Message(
                N_("names hazard {finding}, a hazard of inspection {inspection}; "
                   "re-inspection {reinspection} follows inspection {followed} and records "
                   "results only for its hazards"),
                finding=row["finding_id"], inspection=finding["inspection_id"],
                reinspection=row["reinspection_id"], followed=followed))

    def _amendments_correct_a_signed_revision(self) -> None:
        """A new revision corrects a signed record of its own subject and kind and is numbered
        the next revision of it: what ``InspectionService.amend`` makes. (Two computers may
        each amend the same revision; the window cannot tell them apart either, so that is
        not refused; one computer amends a revision once, as the window allows.)"""
        amended: set[str] = set()
        for inspections in _chunks(row for row in self.rows.get("inspections", [])
                                   if row.get("supersedes_id")
                                   and self.local_row("inspections", row) is None):
            ids = {row["supersedes_id"] for row in inspections}
            carried = self._by_id("inspections", ids)
            here = {row["id"]: row for row in sync_rows.rows_by_keys(
                self.db, "inspections", ("id",), [(i,) for i in sorted(ids)])}
            if not self.sender.is_office:
                amended |= sync_rows.amended_by(self.db, sorted(ids), self.sender.device_id)
            for row in inspections:
                target = row["supersedes_id"]
                self._amends(row, carried.get(target), here.get(target))
                if self.sender.is_office:
                    continue
                if target in amended:
                    raise row_refused("inspections", row, "supersedes_id", Message(
                        N_("amends inspection {corrected} a second time from the same "
                           "computer; a revision is amended once, then its amendment is"),
                        corrected=target))
                amended.add(target)

    @staticmethod
    def _amends(row: Row, carried: Row | None, here: Row | None) -> None:
        corrected = carried or here
        if corrected is None:
            return  # nowhere: the database refuses the missing inspection at commit
        # Signed once the merge is done: signed here (the merge keeps it), or the bundle's
        # signed copy replaces an older one here.
        signed = ((here is not None and here["status"] == "signed")
                  or (carried is not None and carried["status"] == "signed"
                      and (here is None or str(carried["updated_at"]) > str(here["updated_at"]))))
        if not signed:
            raise row_refused("inspections", row, "supersedes_id", Message(
                N_("corrects inspection {corrected}, which is not signed; only a signed "
                   "record is amended"), corrected=corrected["id"]))
        for column in ("company_id", "subject_unit_id", "kind"):
            if row.get(column) != corrected.get(column):
                raise row_refused("inspections", row, column, Message(
                    N_("is {value}, but the record it corrects ({corrected}) has {theirs}; an "
                       "amendment corrects a record of its own subject and kind"),
                    value=row.get(column), corrected=corrected["id"],
                    theirs=corrected.get(column)))
        if row["revision"] != corrected["revision"] + 1:
            raise row_refused("inspections", row, "revision", Message(
                N_("is {revision}, but it corrects revision {theirs} ({corrected}); an "
                   "amendment is the next revision of the record it corrects"),
                revision=row["revision"], theirs=corrected["revision"],
                corrected=corrected["id"]))

    def _amendments_keep_their_hazards(self) -> None:
        """A hazard of an amended record comes from the revision that record corrects: the
        window copies each hazard with ``origin_finding_id`` naming the one it copies."""
        for findings in _chunks(row for row in self.rows.get("findings", [])
                                if row.get("origin_finding_id")):
            inspections = self._by_id("inspections", {row["inspection_id"] for row in findings})
            origins = self._by_id("findings", {row["origin_finding_id"] for row in findings})
            for row in findings:
                inspection = inspections.get(row["inspection_id"])
                origin = origins.get(row["origin_finding_id"])
                if inspection is None or origin is None:
                    continue  # nowhere: the database refuses the missing row at commit
                if origin["inspection_id"] != inspection["supersedes_id"]:
                    raise row_refused("findings", row, "origin_finding_id", Message(
                        N_("names hazard {origin} of inspection {inspection}, which inspection "
                           "{amendment} does not amend; an amended record's hazard comes from "
                           "the revision it corrects"),
                        origin=row["origin_finding_id"], inspection=origin["inspection_id"],
                        amendment=row["inspection_id"]))

    def _opinions_follow_their_order(self) -> None:
        """A re-inspection opinion follows the order to rectify issued from the inspection its
        re-inspection follows (``DocumentService``); no other document follows one."""
        for documents in _chunks(row for row in self.rows.get("documents", [])
                                 if row.get("follows_document_id")):
            followed = self._by_id("documents",
                                   {row["follows_document_id"] for row in documents})
            inspections = self._by_id("inspections",
                                      {row["inspection_id"] for row in documents})
            for row in documents:
                order = followed.get(row["follows_document_id"])
                inspection = inspections.get(row["inspection_id"])
                if row["doc_type"] != "reinspection":
                    raise row_refused("documents", row, "follows_document_id", Message(
                        N_("is a document of type {doc_type} that names {followed} to follow; "
                           "only a re-inspection opinion follows a document"),
                        doc_type=row["doc_type"], followed=row["follows_document_id"]))
                if order is None or inspection is None:
                    continue  # nowhere: the database refuses the missing row at commit
                if (order["doc_type"] != "order"
                        or order["inspection_id"] != inspection["follows_inspection_id"]):
                    raise row_refused("documents", row, "follows_document_id", Message(
                        N_("follows document {document} ({doc_type} of inspection "
                           "{inspection}); a re-inspection opinion follows the order to "
                           "rectify of the inspection its re-inspection follows"),
                        document=order["id"], doc_type=order["doc_type"],
                        inspection=order["inspection_id"]))

    def _plans_start_their_own_company(self) -> None:
        """A planned visit is started as an inspection of the planned company."""
        for row, inspection in self._with_named("planned_inspections", "inspection_id",
                                                "inspections"):
            if inspection["company_id"] != row["company_id"]:
                raise row_refused("planned_inspections", row, "inspection_id", Message(
                    N_("names inspection {inspection} of another company ({company}); a "
                       "planned visit is started as an inspection of the planned company"),
                    inspection=row["inspection_id"], company=inspection["company_id"]))
            if (not self.sender.is_office and self.changes("planned_inspections", row)
                    and inspection["device_id"] != self.sender.device_id):
                raise row_refused("planned_inspections", row, "inspection_id", Message(
                    N_("names inspection {inspection}, which another device wrote; a laptop "
                       "starts a planned visit with an inspection of its own"),
                    inspection=row["inspection_id"]))

    def _with_named(self, table: str, column: str, target: str) -> Iterator[tuple[Row, Row]]:
        """Each row of ``table`` whose ``column`` names a row of ``target``, with that row, a
        few hundred lookups at a time (``_by_id``). A row naming nothing known is left to the
        database, which refuses the missing row at commit."""
        for rows in _chunks(row for row in self.rows.get(table, []) if row.get(column)):
            named = self._by_id(target, {row[column] for row in rows})
            for row in rows:
                other = named.get(row[column])
                if other is not None:
                    yield row, other

    def _by_id(self, table: str, ids: set[str]) -> dict[str, Row]:
        """The rows of a single-key table with these ids, by id: the bundle's where it carries
        one, else this computer's. Read by key, never by a pass over the table. Either copy
        will do for the links checked against it: ``_links_never_change`` refused the bundle
        first if its copy's links differ from this computer's (the merge may keep either)."""
        key = BY_NAME[table].key[0]
        row_of = getattr(self.rows, "row_of", None)  # staged rows: read by key
        if row_of is not None:
            found = {i: row for i in ids if (row := row_of(table, i)) is not None}
        else:
            found = {row[key]: row for row in self.rows.get(table, []) if row[key] in ids}
        if missing := ids - found.keys():
            found.update({row[key]: row for row in sync_rows.rows_by_keys(
                self.db, table, (key,), [(i,) for i in sorted(missing)])})
        return found

    def _office_only(self) -> None:
        device = self.sender.device_id
        for table in OFFICE_ONLY:
            for row in self.rows.get(table, []):
                if table == "devices" and row["id"] == device:
                    continue  # the laptop's own device row, with the prefix it numbers from
                local = self.local_row(table, row)
                if table == "trust_roots":
                    if local is None or local["cert_pem"] != row["cert_pem"]:
                        raise row_refused(table, row, None, Message(
                            N_("trust roots are taken only from the office")))
                    continue
                if table == "templates":
                    self._template(row, local)
                    continue
                if not self.changes(table, row):
                    continue
                if table == "planned_inspections" and local is not None:
                    changed = {k for k, v in row.items() if local.get(k) != v}
                    if (changed <= _PLAN_FIELDS and local["status"] == "planned"
                            and row["status"] in ("started", "cancelled")
                            and row["device_id"] == device):
                        if row["status"] == "started" and not row.get("inspection_id"):
                            # The yearly plan counts a started visit as made.
                            raise row_refused(table, row, "inspection_id", Message(
                                N_("is started without the inspection that started it")))
                        continue
                raise row_refused(table, row, None, Message(
                    N_("only the office may add or change {table}"),
                    table=table_words(table)))

    def _template(self, row: Row, local: Row | None) -> None:
        """A laptop's copy of a template is never applied: each computer stamps the shipped
        templates itself, so only the content is compared."""
        self.decision.skip.setdefault("templates", set()).add((row["key"],))
        if local is None:
            # Imported on the laptop: its inspections carry their own snapshot, and the
            # office's library stays the office's.
            self.decision.notes.append(Message(
                N_("checklist {key}: not added to the office's library (checklists are taken "
                   "only from the office; the inspection records keep their own copy)"),
                key=row["key"]))
        elif any(local.get(k) != row.get(k) for k in _TEMPLATE_CONTENT):
            raise row_refused("templates", row, None, Message(
                N_("only the office may add or change {table}"),
                table=table_words("templates")))

    def _registry_of_units_never_sent(self) -> None:
        """Emergency plans and stations that name units neither carried nor here, with their
        drills, tasks, milestones, checks and files, are left out and said; the rest of the
        bundle is taken. A laptop never sends units (they are the office's), so it named units
        it made itself: a demo run on it before it was enrolled does. Its own inspections,
        hazards and photos need no unit of the office and are not held back by them."""
        named = {row["unit_id"] for table in ("emergency_plans", "stations")
                 for row in self.rows.get(table, []) if row.get("unit_id")}
        if not named:
            return
        carried = {row["id"] for row in self.rows.get("units", [])}
        here = {row["id"] for row in sync_rows.rows_by_keys(
            self.db, "units", ("id",), ((u,) for u in sorted(named - carried)))}
        missing = named - carried - here
        if not missing:
            return
        left: dict[str, set[str]] = {}

        def leave(table: str, ids: set[str]) -> None:
            if ids:
                left.setdefault(table, set()).update(ids)

        def ids_of(table: str, column: str, owners: set[str]) -> set[str]:
            return {row["id"] for row in self.rows.get(table, []) if row.get(column) in owners}

        leave("emergency_plans", ids_of("emergency_plans", "unit_id", missing))
        leave("stations", ids_of("stations", "unit_id", missing))
        leave("drills", ids_of("drills", "plan_id", left.get("emergency_plans", set())))
        leave("drill_tasks", ids_of("drill_tasks", "drill_id", left.get("drills", set())))
        for part in ("station_milestones", "station_checks"):
            leave(part, ids_of(part, "station_id", left.get("stations", set())))
        owners = set().union(*left.values())
        leave("emergency_files", ids_of("emergency_files", "owner_id", owners))
        for table, ids in left.items():
            self.decision.skip.setdefault(table, set()).update((i,) for i in ids)
            self.decision.skip_reasons[table] = N_("names a unit made on the sending computer")
        self.decision.notes.append(Message(
            N_("left out, the rest taken: {rows}. They name {count} units made on the sending "
               "computer itself (a demo run there before it was enrolled makes them), which no "
               "bundle carries: units are the office's. Enter those plans and stations here, "
               "or on that computer once the office's bundle has brought its units, and send "
               "them again"),
            rows=Listing((Message(N_("{n} {what}"), n=len(ids), what=table_words(table))
                          for table, ids in left.items()), ENUMERATION),
            count=len(missing)))

    def _authorship(self) -> None:
        """A laptop adds and changes only rows it wrote itself."""
        device = self.sender.device_id
        for table, rows in self.rows.items():
            if table in ("audit_log", "trust_roots") or "device_id" not in _columns(table):
                continue
            for row in rows:
                if not self.changes(table, row):
                    continue
                if (row.get("key"),) in self.decision.skip.get(table, ()):
                    continue
                # The device the row names, and the one that wrote the copy here: a laptop
                # claiming another's row as its own is still changing another's row.
                local = self.local_row(table, row) if table in _AUTHOR_KEPT else None
                if (table in _AUTHOR_KEPT and local is not None
                        and local.get("device_id") != device):
                    raise row_refused(table, row, "device_id", Message(
                        N_("was written by another device ({device}) than the one that sent "
                           "it ({sender}); a laptop may change only rows it wrote"),
                        device=str(local.get("device_id") or "")[:8], sender=device[:8]))
                if row["device_id"] == device:
                    continue
                raise row_refused(table, row, "device_id", Message(
                    N_("names another device ({device}) than the one that sent it ({sender}); "
                       "a laptop may add or change only rows it wrote"),
                    device=row["device_id"][:8], sender=device[:8]))

    def _documents_printed_again_by_their_issuer(self) -> None:
        """A laptop's new print of a document is taken only where the copy here is its own:
        one it issued and nobody printed again here since. Its file is what the office keeps
        on file for the record, and a PDF is checked only for being a PDF, never against the
        record: a print of another computer's document (the office's, or another laptop's,
        which the window lets any computer print) would put any PDF in place of that
        computer's copy. Left out, said, rather than refused: printing a record received from
        the office is what the window does, and the rest of the bundle is the laptop's own.
        A change of anything else than the print, the print as it is here, is judged by the
        rules of a record's parts; a new print is left out whatever else the row changes (one
        more column changed beside it would otherwise carry the file in)."""
        device = self.sender.device_id
        printed = _FOLLOW_UP["documents"] | _STAMPS | frozenset(LOCAL_COLUMNS.get("documents",
                                                                                   ()))
        for row in self.rows.get("documents", []):
            local = self.local_row("documents", row)
            if local is None or local.get("device_id") == device \
                    or not self.changes("documents", row):
                continue
            same_print = all(local.get(k) == row.get(k) for k in _FOLLOW_UP["documents"])
            if same_print and any(local.get(k) != v for k, v in row.items()
                                  if k not in printed):
                continue
            self.decision.skip.setdefault("documents", set()).add((row["id"],))
            self.decision.skip_reasons["documents"] = PRINTED_ELSEWHERE
            writer = str(local.get("device_id") or "")
            self.decision.notes.append(Message(
                N_("document {number} of inspection {inspection}: printed again on the "
                   "sending computer, not taken; {writer} issued it or printed it last, and "
                   "its file stays (a laptop replaces the file only of a document it "
                   "issued)"),
                number=local["number"],
                inspection=sync_rows.inspection_number(self.db, local["inspection_id"])
                or local["inspection_id"][:8],
                writer=Message(N_("this computer")) if writer == self.own_device
                else people.device_label(self.db, writer) or writer[:8]))

    def _documents_filed_with_their_own_print(self) -> None:
        """A document's PDF is what the office keeps on file for it: a laptop's print of its
        own document, first sent or printed again, is taken only when it is that document's
        print (``files.print_problem``), whether the bundle carries it or names a file already
        here. A print never taken back (a row naming no file, or one neither carried nor here,
        in place of a file kept here) is not taken either: the office's copy would be lost.
        Left out and said, as a print of another computer's document is; a document sent
        anew without a PDF (its copy was not kept where it was printed) comes as before."""
        if self.prints is None:
            return
        skipped = self.decision.skip.get("documents", set())
        for row in self.rows.get("documents", []):
            if (row["id"],) in skipped:
                continue
            local = self.local_row("documents", row)
            sha, kept = row.get("file_sha256"), local.get("file_sha256") if local else None
            if sha == kept:
                continue
            if not sha or self.prints.missing(sha):
                if not kept:
                    continue
                why: Message | None = Message(N_("its PDF came neither with the bundle nor "
                                                 "is here"))
            else:
                why = self.prints.problem(row)
            if why is None:
                continue
            self.decision.skip.setdefault("documents", set()).add((row["id"],))
            self.decision.row_reasons[("documents", (row["id"],))] = NOT_ITS_PRINT
            self.decision.notes.append(Message(
                N_("document {number} of inspection {inspection}: the PDF sent for it is not "
                   "taken, {why}; {kept}"),
                number=row["number"], inspection=self._inspection_label(row["inspection_id"]),
                why=why, kept=Message(N_("the file here stays")) if kept
                else Message(N_("the document is not taken either"))))

    def _inspection_label(self, inspection_id: str) -> str:
        """An inspection's number, here or as the bundle carries it; else its id's start."""
        number = sync_rows.inspection_number(self.db, inspection_id)
        row_of = getattr(self.rows, "row_of", None)
        if not number and row_of is not None:
            carried = row_of("inspections", inspection_id)
            number = carried.get("number") if carried else None
        return str(number or inspection_id[:8])

    def _documents_numbered_by_their_sender(self) -> None:
        """A laptop numbers its documents inside the blocks the office allocated to it, with
        numbers no other document here has: what ``next_number`` gives it. A provisional
        number carries the laptop's own code and cannot meet a block; a plain number outside
        any block is what a laptop numbering alone gives, accepted only from a laptop that
        holds no block (a clash is then kept on both records as a conflict); a record's own
        number, given when the record was started, is checked with the record."""
        blocks = number_blocks.load_blocks(self.db, self.sender.device_id)
        for documents in _chunks(row for row in self.rows.get("documents", [])
                                 if row.get("number") and self._newly_numbered(row)):
            inspections = self._by_id("inspections", {row["inspection_id"] for row in documents})
            taken = sync_rows.documents_numbered(self.db, sorted({r["number"] for r in documents}))
            for row in documents:
                inspection = inspections.get(row["inspection_id"])
                if inspection is not None and inspection.get("number") == row["number"]:
                    continue
                self._numbered_in_block(row, blocks, taken.get(row["number"], set()))

    def _newly_numbered(self, row: Row) -> bool:
        local = self.local_row("documents", row)
        return local is None or local.get("number") != row["number"]

    def _numbered_in_block(self, row: Row, blocks: list[NumberBlock], taken: set[str]) -> None:
        number = str(row["number"])
        parts = parse_number(_REVISION.sub("", number))
        if parts is not None and parts["prefix"]:
            return  # provisional: the laptop's own code, outside every block by design
        if not blocks:
            return
        laptop = self.sender.label
        seq = int(parts["seq"] or 0) if parts else 0
        year = int(parts["year"] or 0) if parts else 0
        inside = parts is not None and any(
            block.doc_type.value == row.get("doc_type") and block.year == year
            and parts["word"] == DOC_WORDS[block.doc_type] and block.first <= seq <= block.last
            for block in blocks)
        if not inside:
            raise row_refused("documents", row, "number", Message(
                N_("number {number} lies outside the number blocks the office allocated to "
                   "{laptop}; a laptop holding blocks numbers its documents inside them"),
                number=number, laptop=laptop))
        others = sorted(taken - {row["id"]})
        if others:
            raise row_refused("documents", row, "number", Message(
                N_("number {number} from {laptop} is already on document {other} here; a "
                   "number of a block is given once"),
                number=number, laptop=laptop, other=others[0]))

    def _emergency_work_follows_its_rules(self) -> None:
        """What the emergency service refuses when it is asked on a computer is refused when
        a bundle brings it: a follow-up task closed before its drill, after today or closed
        again; a milestone or check dated after today, or a completion date on a milestone not
        done. A day's grace: the sender's clock may run ahead of this one."""
        latest = (date.today() + timedelta(days=1)).isoformat()
        carried = {r["id"]: r for r in self.rows.get("drills", [])}
        for row in self.rows.get("drill_tasks", []):
            if not self.changes("drill_tasks", row):
                continue
            done, local = row.get("done_on"), self.local_row("drill_tasks", row)
            if local is not None and local.get("done_on") and done != local["done_on"]:
                raise row_refused("drill_tasks", row, "done_on", Message(
                    N_("the task was closed on {day}; a task is closed once"),
                    day=local["done_on"]))
            if not done:
                continue
            if str(done) > latest:
                raise row_refused("drill_tasks", row, "done_on", Message(
                    N_("completion date {day} is in the future"), day=done))
            drill = carried.get(row["drill_id"]) or next(iter(sync_rows.rows_by_keys(
                self.db, "drills", ("id",), [(row["drill_id"],)])), None)
            if drill is not None and str(done) < str(drill["held_on"]):
                raise row_refused("drill_tasks", row, "done_on", Message(
                    N_("completion date {day} is before the drill of {held}"), day=done,
                    held=drill["held_on"]))
        for row in self.rows.get("station_milestones", []):
            if not self.changes("station_milestones", row) or not row.get("done_on"):
                continue
            if row.get("status") != "done":
                raise row_refused("station_milestones", row, "done_on", Message(
                    N_("has a completion date but is not done")))
            if str(row["done_on"]) > latest:
                raise row_refused("station_milestones", row, "done_on", Message(
                    N_("completion date {day} is in the future"), day=row["done_on"]))
        for row in self.rows.get("station_checks", []):
            if self.changes("station_checks", row) and str(row["checked_on"]) > latest:
                raise row_refused("station_checks", row, "checked_on", Message(
                    N_("check date {day} is in the future"), day=row["checked_on"]))

    def _files_of_their_owners(self) -> None:
        """A plan's, drill's or station's file is attached as the emergency service attaches
        one: to something that exists (carried, or here), and to a drill, a milestone or a
        check only a photo. Left out with what it belongs to when the rules leave that out."""
        left = self.decision.skip.get("emergency_files", set())
        for row in self.rows.get("emergency_files", []):
            if (row["id"],) in left or not self.changes("emergency_files", row):
                continue
            kind, table = row["owner_kind"], _FILE_OWNERS[row["owner_kind"]]
            if kind in ("drill", "milestone", "check") and row["media"] not in ("jpeg", "png"):
                raise row_refused("emergency_files", row, "media", Message(
                    N_("a {owner} takes photos (JPEG or PNG), not a {media}"),
                    owner=row_words(table), media=row["media"]))
            if not self._by_id(table, {row["owner_id"]}):
                raise row_refused("emergency_files", row, "owner_id", Message(
                    N_("belongs to the {owner} {owner_id}, which is neither in the bundle nor "
                       "here"), owner=row_words(table), owner_id=row["owner_id"]))

    def _status_here(self, inspection_ids: set[str]) -> dict[str, tuple[str, str]]:
        """Status and device of these inspections as they are here."""
        return sync_rows.status_and_device(self.db, sorted(inspection_ids))

    def _signed_records_closed(self) -> None:
        """Nothing is added to a record signed here but the documents issued from it."""
        parents = {**{t: c for t, c in PARENTS.items() if t != "documents"},
                   "inspection_inspectors": ("inspection_id",)}
        wanted = {r[cols[0]] for t, cols in parents.items() for r in self.rows.get(t, [])}
        here = self._status_here(wanted)
        for table, columns in parents.items():
            for row in self.rows.get(table, []):
                status = here.get(row[columns[0]], ("", ""))[0]
                if status != "signed":
                    continue
                local = self.local_row(table, row)
                if local is None:
                    raise row_refused(table, row, None, Message(
                        N_("adds to inspection {inspection}, which is signed and locked"),
                        inspection=row[columns[0]]))

    def _parts_keep_their_content(self) -> None:
        """A part of a record signed here, or of a record another laptop wrote, changes only
        in its follow-up: a hazard's status, result and plan, a document's file. The rest is
        the record, which the window never changes after signing nor on another's laptop."""
        device = self.sender.device_id
        for table, columns in PARENTS.items():
            may_change = _FOLLOW_UP.get(table, frozenset()) | _STAMPS \
                | frozenset(LOCAL_COLUMNS.get(table, ()))
            left_out = self.decision.skip.get(table, set())
            key = BY_NAME[table].key
            for rows in _chunks(row for row in self.rows.get(table, [])
                                if self.changes(table, row)):
                # A row left out above changes nothing here (a print of another computer's
                # document is not taken, whatever else the row changes).
                pairs = [(row, local) for row in rows
                         if (local := self.local_row(table, row)) is not None
                         and tuple(row[k] for k in key) not in left_out]
                parents = {local[columns[0]] for _row, local in pairs}
                here = self._status_here(parents)
                kept_whole = self._kept_whole(parents)
                senders = sync_rows.seen_from(self.db, sorted(parents), device)
                for row, local in pairs:
                    if local[columns[0]] in kept_whole and table not in TAKEN_WHEN_KEPT:
                        continue
                    status, record_writer = here.get(local[columns[0]], ("", ""))
                    signed = status == "signed"
                    writer = str(local.get("device_id") or "")
                    # A laptop changes what it wrote, and what this computer wrote of the
                    # laptop's own record (one it sent here, or last wrote); a part this
                    # computer wrote of a record of its own, or of another laptop's, is not the
                    # laptop's to rewrite either.
                    own_record = record_writer == device or local[columns[0]] in senders
                    if not signed and (writer == device
                                       or (writer == self.own_device and own_record)):
                        continue
                    if signed and table == "answers":
                        continue  # locked by the database: the merge keeps them, saying so
                    changed = sorted(k for k, v in row.items()
                                     if k not in may_change and local.get(k) != v)
                    if not changed:
                        continue
                    if signed:
                        raise row_refused(table, row, changed[0], Message(
                            N_("changes inspection {inspection}, which is signed and locked "
                               "(after signing only a hazard's follow-up and a document's file "
                               "change)"), inspection=local[columns[0]]))
                    raise row_refused(table, row, changed[0], Message(
                        N_("changes a record another device ({device}) wrote; a laptop "
                           "changes only the follow-up of others' hazards"),
                        device=writer[:8]))

    def _kept_whole(self, inspection_ids: set[str]) -> set[str]:
        """Those of these inspections the bundle carries in another version than the one
        here: the merge keeps such a record whole (signed here) or twice (a conflict), taking
        into the copy here none of its parts but those issued from it (TAKEN_WHEN_KEPT)."""
        carried = self._by_id("inspections", inspection_ids)
        kept = set()
        for inspection, row in carried.items():
            local = self.local_row("inspections", row)
            if local is not None and not self.same("inspections", row, local):
                kept.add(inspection)
        return kept

    def _hazards_closed_by_a_reinspection(self) -> None:
        """A hazard is closed or reopened by a completed re-inspection's result for it, as
        ``ReinspectionService.complete`` does, or arrives so as an amendment's copy of a hazard
        that was. Nothing else in the window closes a hazard."""
        carried_results: dict[str, list[tuple[str, str]]] = {}
        for row in self.rows.get("reinspection_results", []):
            carried_results.setdefault(row["finding_id"], []).append(
                (row["result"], row["reinspection_id"]))
        reinspections = {row["id"]: row["status"] for row in self.rows.get("inspections", [])
                         if row["kind"] == Kind.REINSPECTION.value}
        for rows in _chunks(row for row in self.rows.get("findings", [])
                            if row.get("status") in _BY_RESULT
                            and self.changes("findings", row)):
            rows = [row for row in rows
                    if (local := self.local_row("findings", row)) is None
                    or local["status"] != row["status"]]
            if not rows:
                continue
            origins = self._by_id("findings", {row["origin_finding_id"] for row in rows
                                               if row.get("origin_finding_id")})
            ids = {row["id"] for row in rows}
            results = {f: list(carried_results.get(f, [])) for f in ids}
            for finding, result, reinspection in sync_rows.results_of_findings(
                    self.db, sorted(ids)):
                results[finding].append((result, reinspection))
            status_here = {i: status for i, (status, _device) in self._status_here(
                {r for found in results.values() for _result, r in found}
                - reinspections.keys()).items()}
            for row in rows:
                origin = origins.get(row.get("origin_finding_id") or "")
                if origin is not None and origin["status"] == row["status"]:
                    continue  # an amendment's copy keeps its origin's status
                closed = row["status"] == "closed"
                if any((result == RECTIFIED) == closed
                       and reinspections.get(reinspection, status_here.get(reinspection))
                       in _REINSPECTED
                       for result, reinspection in results.get(row["id"], [])):
                    continue
                raise row_refused("findings", row, "status", Message(
                    N_("is {status} without a completed re-inspection's result for it"),
                    status=row["status"]))

    def _signatures_drawn(self) -> None:
        """A handwritten signature a laptop sends is drawn, as the Signatures dialog requires:
        strokes that make a signature on their pad and an image with ink on it. A refusal
        carries neither. Without this, an enrolled laptop could complete a record with blank
        signatures the window would never have accepted."""
        judged: dict[bytes, Message | None] = {}
        for row in self.rows.get("signatures", []):
            if not self.changes("signatures", row):
                continue
            if row.get("refused"):
                if row["role"] != SignerRole.COMPANY.value or row.get("strokes") or \
                        row.get("png"):
                    raise row_refused("signatures", row, None, Message(
                        N_("is a refusal to sign that carries a signature")))
                continue
            problem = _strokes_problem(row.get("strokes"))
            if problem is not None:
                raise row_refused("signatures", row, "strokes", problem)
            png = row.get("png") or b""
            digest = hashlib.sha256(png).digest()
            if digest not in judged:
                judged[digest] = _image_problem(png)
            if judged[digest] is not None:
                raise row_refused("signatures", row, "png", judged[digest])

    def _records_completed_with_their_signatures(self) -> None:
        """A re-inspection a laptop completes arrives with the signatures it needs: each
        inspector of its team and the company's person, or the company's refusal with a
        witness (``ReinspectionService.complete`` refuses it otherwise). The bundle that
        completes it carries its team and those signatures, and only what it carries counts:
        rows here were judged for another state of the record. Whether they were given on the
        results as they stand is decided by the record's content after the merge, which a
        bundle's rows cannot show before it: not checked here."""
        arriving = [row for row in self.rows.get("inspections", [])
                    if (row["status"] == "signed" or (row["kind"] == "reinspection"
                                                      and row["status"] != "draft"))
                    and self._completed_by_this_bundle(row)]
        if not arriving:
            return
        ids = {row["id"] for row in arriving}
        given: dict[str, list[_Given]] = {i: [] for i in ids}
        for row in self.rows.get("signatures", []):
            if row["inspection_id"] in ids:
                given[row["inspection_id"]].append(_Given(
                    SignerRole(row["role"]), row.get("inspector_id"),
                    bool(row.get("refused")), bool(row.get("png"))))
        teams = self._carried_teams(ids)
        for row in arriving:
            team = teams.get(row["id"])
            if not team:
                raise row_refused("inspections", row, "status", Message(
                    N_("is {status} without the inspectors who did it"),
                    status=row["status"]))
            missing = missing_signers(Kind(row["kind"]), team, given[row["id"]])
            if missing and row["kind"] == Kind.REINSPECTION.value:
                raise row_refused("inspections", row, "status", Message(
                    N_("is {status} without the signatures it needs ({missing}); a "
                       "re-inspection is completed only once they are given"),
                    status=row["status"],
                    missing=Listing([r.message() for r in missing])))
            if missing:
                raise row_refused("inspections", row, "status", Message(
                    N_("is {status} without the signatures it needs ({missing}); a record "
                       "is signed and locked only once they are given"),
                    status=row["status"],
                    missing=Listing([r.message() for r in missing])))

    def _completed_by_this_bundle(self, row: Row) -> bool:
        """Completed or signed in the bundle, not yet so here (or not here at all)."""
        local = self.local_row("inspections", row)
        before = "draft" if local is None else local["status"]
        was = before == "signed" or (row["kind"] == "reinspection" and before != "draft")
        return not was and self.changes("inspections", row)

    def _carried_teams(self, ids: set[str]) -> dict[str, list[Inspector]]:
        """Each of these inspections' team as the bundle carries it, in its order, named as
        the bundle names them, else as they are named here."""
        rows = sorted((r for r in self.rows.get("inspection_inspectors", [])
                       if r["inspection_id"] in ids),
                      key=lambda r: (r["inspection_id"], r.get("position") or 0))
        names = {r["id"]: r["name"] for r in self.rows.get("inspectors", [])}
        unnamed = sorted({r["inspector_id"] for r in rows} - names.keys())
        names.update(sync_rows.inspector_names(self.db, unnamed))
        teams: dict[str, list[Inspector]] = {}
        for row in rows:
            inspector = row["inspector_id"]
            teams.setdefault(row["inspection_id"], []).append(
                Inspector(inspector, names.get(inspector, inspector)))
        return teams

    def _team(self) -> None:
        """A team changes only with its inspection, by the device that wrote that version."""
        device = self.sender.device_id
        carried = {r["id"]: r["device_id"] for r in self.rows.get("inspections", [])}
        here = self._status_here({r["inspection_id"]
                                  for r in self.rows.get("inspection_inspectors", [])})
        for row in self.rows.get("inspection_inspectors", []):
            if not self.changes("inspection_inspectors", row):
                continue
            author = carried.get(row["inspection_id"]) or here.get(row["inspection_id"],
                                                                   ("", ""))[1]
            if author and author != device:
                raise row_refused("inspection_inspectors", row, None, Message(
                    N_("changes the team of an inspection another device wrote")))

    def _inspectors(self) -> None:
        """An inspector's name and enforcement id are changed only where the inspector was
        created: a laptop renaming another's inspector would rewrite whoever signed records."""
        device = self.sender.device_id
        for row in self.rows.get("inspectors", []):
            local = self.local_row("inspectors", row)
            if (local is not None and local["device_id"] != device
                    and self.changes("inspectors", row)):
                raise row_refused("inspectors", row, None, Message(
                    N_("was created on another computer; a laptop may change only its own "
                       "inspector")))

    def _audit(self) -> None:
        """Audit entries are appended, never rewritten, and speak for the bundle's signer."""
        device = self.sender.device_id
        actors = {normalised(self.sender.signer.name)}
        for row in self.rows.get("inspectors", []):
            if row["device_id"] == device:
                actors.add(normalised(row["name"]))
        for name in sync_rows.inspector_names_of_device(self.db, device):
            actors.add(normalised(name))
        for row in self.rows.get("audit_log", []):
            local = self.local_row("audit_log", row)
            if local is not None:
                if not self.same("audit_log", row, local):
                    raise row_refused("audit_log", row, None, Message(
                        N_("rewrites an entry of the audit log (it is append-only)")))
                continue
            if row["device_id"] != device:
                raise row_refused("audit_log", row, "device_id", Message(
                    N_("is attributed to another device than the one that sent it")))
            if row["actor"] is not None and normalised(row["actor"]) not in actors:
                raise row_refused("audit_log", row, "actor", Message(
                    N_("is attributed to {actor!r}, not to the bundle's signer ({signer})"),
                    actor=row["actor"], signer=self.sender.signer.name))


@dataclass(frozen=True)
class _Given:
    """A handwritten signature as deciding who still has to sign reads it."""

    role: SignerRole
    inspector_id: str | None
    refused: bool
    has_image: bool


_STROKES_PROBLEMS = {
    "empty": N_("is not drawn: its strokes hold fewer than two points"),
    "too short": N_("is not drawn: its ink is too short to be a signature"),
    "too small": N_("is not drawn: its ink lies in a spot too small to be a signature"),
}


def _issued_after(issued_at: str | None, revoked_at: str | None) -> bool:
    """Whether a certificate this office issued at ``issued_at`` came after a revocation
    recorded at ``revoked_at`` (both this office's own clock)."""
    if issued_at is None or revoked_at is None:
        return False
    try:
        return datetime.fromisoformat(issued_at) > datetime.fromisoformat(revoked_at)
    except (TypeError, ValueError):
        return False


def _strokes_problem(stored: str | None) -> Message | None:
    """Why stored strokes are no signature, in the reader's words; None when they are one."""
    try:
        strokes, pad = strokes_from_json(stored)
        problem = signature_problem(strokes, *pad)
    except (ValueError, TypeError, ValidationError):
        return Message(N_("cannot be read as the strokes of a signature"))
    if problem is None:
        return None
    return Message(_STROKES_PROBLEMS.get(problem, _STROKES_PROBLEMS["empty"]))


def _image_problem(png: bytes) -> Message | None:
    try:
        check_png(png)
    except ValidationError as exc:
        return Message(exc.msgid, **exc.params)
    return None


def _chunks(rows: Iterator[Row], size: int = 500) -> Iterator[list[Row]]:
    """Rows in lists of ``size``, so that a large bundle's links are read a batch at a time."""
    while chunk := list(itertools.islice(rows, size)):
        yield chunk


def _columns(table: str) -> set[str]:
    from inspector_app.services.sync.row_schema import SCHEMAS

    return set(SCHEMAS[table])


def bind_device(db: Database, sender: Sender, bundle_id: str, now: str) -> None:
    """Remember which signer speaks for this device id (inside the import's transaction)."""
    if sender.is_office:
        return
    sync_rows.bind_device(db, sender.device_id, sender.signer.name, sender.signer.enforcement_id,
                          sender.signer.fingerprint, sender.signer.serial, bundle_id, now)


# -- record signatures --
def check_record_signatures(db: Database, pki: PkiService, inspection_ids: Iterable[str],
                            notes: list[Message]) -> None:
    """Every signed record a laptop brought verifies against its fingerprint, with a trusted,
    unrevoked certificate of one of its inspectors (run after the merge, before commit)."""
    from inspector_app.services.documents import canonical_record_data, load_record_data

    roots = pki.trust_roots()
    for inspection_id in sorted(set(inspection_ids)):
        row = sync_rows.latest_record_signature(db, inspection_id)
        if row is None:
            continue  # locked without a digital signature (no identity on that computer)
        label = row_label("record_signatures", {"id": row[0]})
        data = canonical_record_data(load_record_data(db, inspection_id))
        if hashlib.sha256(data).hexdigest() != row[1]:
            raise refuse(N_("{label}: the record of inspection {inspection_id} was changed after "
                            "signing"), label=label, inspection_id=inspection_id)
        try:
            cert = load_pem(row[3])
            signature = base64.b64decode(row[2], validate=True)
        except ValueError:
            raise refuse(N_("{label}: its certificate or signature is damaged"),
                         label=label) from None
        try:
            cert.public_key().verify(signature, data, _ecdsa())  # type: ignore[call-arg]
        except (InvalidSignature, TypeError):
            raise refuse(N_("{label}: the signature does not verify against the record"),
                         label=label) \
                from None
        info = cert_info(cert)
        kind = sync_rows.inspection_kind(db, inspection_id)
        if info.self_signed:
            if kind != "self":
                raise refuse(N_("{label}: signed with a self-signed certificate ({certificate}), "
                                "which signs only company self-inspections"),
                             label=label, certificate=info.described())
            notes.append(Message(N_("inspection {inspection}: signed with a company's own "
                                    "(self-signed) certificate, {certificate}"),
                                 inspection=inspection_id[:8], certificate=info.described()))
            continue
        issuer = _issuer(cert, roots)
        if issuer is None:
            raise refuse(N_("{label}: signed with a certificate no trusted office issued "
                            "({certificate})"), label=label, certificate=info.described())
        if pki.revoked(fingerprint(issuer), info.serial):
            raise refuse(N_("{label}: signed with a revoked certificate ({certificate})"),
                         label=label, certificate=info.described())
        team = [(i.name, i.enforcement_id) for i in InspectionRepo(db).inspectors(inspection_id)]
        if not any((info.enforcement_id and eid == info.enforcement_id)
                   or normalised(name) == normalised(info.subject_name) for name, eid in team):
            raise refuse(N_("{label}: signed by {subject_name}, who is not an inspector of that "
                            "record"), label=label, subject_name=info.subject_name)


def _ecdsa() -> Any:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec

    return ec.ECDSA(hashes.SHA256())


def _issuer(cert: x509.Certificate, roots: list[x509.Certificate]) -> x509.Certificate | None:
    for root in roots:
        if root.subject != cert.issuer:
            continue
        try:
            cert.verify_directly_issued_by(root)
        except (ValueError, TypeError, InvalidSignature):
            continue
        return root
    return None


__all__ = ["BundleRefused", "Policy", "Sender", "bind_device", "check_record_signatures",
           "check_transport"]
