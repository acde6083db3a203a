"""The declared shape of every row a bundle may carry, checked before anything changes.

A signature says who sent a bundle, not that its rows are sane: every row of every table is
checked here for its keys, types, lengths, allowed values and characters, and a bundle as a
whole for its row counts and size (docs/sync-policy.md states the same limits). The first
offending row refuses the bundle, named by table, id and column.
"""

from __future__ import annotations

import functools
import json
import json.scanner
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from inspector_app.i18n import N_, Message
from inspector_app.services.sync.bundle import BundleRefused, refuse
from inspector_app.services.sync.words import table_words

Row = dict[str, Any]

MAX_INT = 2**63 - 1          # what SQLite stores; anything larger is refused, not an overflow
# All rows/*.jsonl entries of one bundle together, and all its rows: far above a district's
# full bundle (100,000 inspections: about 3.6 GB, 8 million rows), which the import streams
# through a scratch database, never holding the rows; the room it needs on disk is checked
# against the free space (bundle.check_room).
MAX_ROW_BYTES = 32 * 1024**3
MAX_ROWS_TOTAL = 200_000_000
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
# What local ingest takes of a photo (photos.MAX_FILE_BYTES) and of a plan's, drill's or
# station's file (attachments.MAX_BYTES): such a file is read whole to be checked, so a larger
# one is refused by its declared size before any of it is read.
MAX_PHOTO_BYTES = 100 * 1024 * 1024
MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
DESCRIPTION = 20_000         # a hazard description, a note, a requirement
LONG = 200_000               # audit values (they may quote a whole description)
TEMPLATE = 5_000_000         # one checklist definition as JSON text

# Control characters other than tab, newline and carriage return; in single-line values also
# those three, and the bidirectional overrides and isolates that make a name read backwards.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKING = re.compile("[\t\n\r\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SHA = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class Column:
    kind: str                        # text | line | key | sha | stamp | int | real | blob | json
    required: bool = False
    max_len: int = 200
    low: float = 0
    high: float = MAX_INT
    choices: tuple[str, ...] = ()
    json_type: type | tuple[type, ...] | None = None  # for json: the parsed value's type(s)
    # For json: what the program reads in it, beyond its type (None: no more is read).
    shape: Callable[[Any], Message | None] | None = None


def key(required: bool = False) -> Column:
    return Column("key", required, 200)


def line(max_len: int = 200, required: bool = False) -> Column:
    return Column("line", required, max_len)


def text(max_len: int = DESCRIPTION, required: bool = False) -> Column:
    return Column("text", required, max_len)


def stamp(required: bool = False) -> Column:
    return Column("stamp", required, 40)


def sha(required: bool = False) -> Column:
    return Column("sha", required, 64)


def integer(low: int = 0, high: int = MAX_INT, required: bool = False) -> Column:
    return Column("int", required, low=low, high=high)


def real(low: float, high: float) -> Column:
    return Column("real", False, low=low, high=high)


def choice(*values: str, required: bool = True) -> Column:
    return Column("choice", required, choices=values)


def flag() -> Column:
    return Column("int", True, low=0, high=1)


def blob(max_len: int) -> Column:
    return Column("blob", False, max_len)


def json_text(json_type: type | tuple[type, ...], max_len: int, required: bool = False,
              shape: Callable[[Any], Message | None] | None = None) -> Column:
    return Column("json", required, max_len, json_type=json_type, shape=shape)


# The shapes the program reads out of its JSON columns: a value the window never writes would
# otherwise break the office's window on that record (a photo whose marks cannot be drawn, a
# record whose team cannot be read).
def _strings(value: list[Any]) -> Message | None:
    if all(isinstance(v, str) for v in value):
        return None
    return Message(N_("must hold a JSON list of texts"))


def _team(value: list[Any]) -> Message | None:
    for member in value:
        if not (isinstance(member, dict) and isinstance(member.get("id"), str)
                and isinstance(member.get("name"), str)
                and all(isinstance(member.get(k), str | None)
                        for k in ("enforcement_id", "organisation", "phone"))):
            return Message(N_("must hold the team as the program writes it (each member's id "
                              "and name)"))
    return None


def _marks(value: list[Any]) -> Message | None:
    from inspector_app.domain.photo import Shape
    from inspector_app.errors import ValidationError

    for mark in value:
        try:
            Shape.from_dict(mark if isinstance(mark, dict) else {})
        except ValidationError:
            return Message(N_("must hold marks on the photo as the program draws them"))
    return None


_RECORD = {"created_at": stamp(True), "updated_at": stamp(True), "device_id": key(True)}
_KINDS = ("official", "self", "reinspection")

SCHEMAS: dict[str, dict[str, Column]] = {
    "devices": {"id": key(True), "name": line(200, True), "doc_prefix": line(60, True),
                **_RECORD},
    "inspectors": {"id": key(True), "name": line(100, True), "enforcement_id": line(60),
                   "organisation": line(200), "phone": line(60), "active": flag(), **_RECORD},
    # Companies come from spreadsheets, where a cell may hold a line break: text, not line.
    "companies": {"id": key(True), "name": text(200, True), "credit_code": line(60),
                  "address": text(500), "town": text(100), "industry": text(100),
                  "special_areas": json_text(list, 4000, True, _strings), "legal_rep": text(100),
                  "contact_name": text(100), "contact_phone": text(60), "risk_level": text(60),
                  "legal_rep_position": text(100), "notes": text(), "department_id": key(),
                  **_RECORD},
    "templates": {"key": key(True), "template_id": line(100, True), "version": line(60, True),
                  "title_zh": line(500, True), "title_en": line(500),
                  "content_hash": sha(True), "definition": json_text(dict, TEMPLATE, True),
                  "item_count": integer(0, 10_000, True), "source_file": line(4096),
                  "retired": flag(), **_RECORD},
    "template_snapshots": {"content_hash": sha(True), "template_id": line(100, True),
                           "version": line(60, True),
                           "definition": json_text(dict, TEMPLATE, True)},
    "planned_inspections": {"id": key(True), "company_id": key(True),
                            "template_key": key(True), "kind": choice(*_KINDS),
                            "due_date": stamp(True),
                            "inspector_ids": json_text(list, 4000, True, _strings),
                            "note": text(2000),
                            "status": choice("planned", "started", "cancelled"),
                            "inspection_id": key(), **_RECORD},
    "number_blocks": {"id": key(True), "holder_device_id": key(True),
                      "doc_type": choice("record", "order", "reinspection", "onsite"),
                      "year": integer(1900, 9999, True),
                      "first_seq": integer(1, 1_000_000_000, True),
                      "last_seq": integer(1, 1_000_000_000, True), "note": text(2000),
                      **_RECORD},
    "trust_roots": {"fingerprint": sha(True), "name": line(500, True),
                    "cert_pem": text(20_000, True), **_RECORD},
    "revocations": {"id": key(True), "issuer_fingerprint": sha(True), "serial": line(100, True),
                    "revoked_at": stamp(True), "reason": text(2000), **_RECORD},
    "inspections": {"id": key(True), "revision": integer(1, 100_000, True),
                    "supersedes_id": key(), "amend_reason": text(), "company_id": key(),
                    "template_key": key(True), "template_id": line(100, True),
                    "template_version": line(60, True), "template_hash": sha(True),
                    # Bundles of format 1 carry the checklist in every inspection; since
                    # format 2 it travels once, in template_snapshots.
                    "template_snapshot": json_text(dict, TEMPLATE),
                    "kind": choice(*_KINDS), "status": choice("draft", "completed", "signed"),
                    "number": line(100), "place": text(2000), "started_at": stamp(),
                    "ended_at": stamp(), "signed_at": stamp(), "current_item": key(),
                    "follows_inspection_id": key(),
                    "section_ids": json_text(list, 20_000, shape=_strings),
                    "company_snapshot": json_text(dict, 40_000),
                    "team_snapshot": json_text(list, 40_000, shape=_team), "unit_id": key(),
                    "subject_unit_id": key(), **_RECORD},
    "inspection_inspectors": {"inspection_id": key(True), "inspector_id": key(True),
                              "position": integer(0, 1000, True)},
    "answers": {"id": key(True), "inspection_id": key(True), "item_id": key(True),
                "value": json_text(object, DESCRIPTION), "note": text(), **_RECORD},
    "findings": {"id": key(True), "inspection_id": key(True), "item_id": key(),
                 "seq": integer(0, 1_000_000, True), "description": text(required=True),
                 "grade": choice("general", "major"), "legal_basis": text(),
                 "requirement": text(), "deadline": stamp(), "responsible": line(200),
                 "onsite_measure": text(),
                 "status": choice("open", "rectified", "closed", "reopened"),
                 "reinspection_result": text(), "reinspected_at": stamp(), "closed_at": stamp(),
                 "origin_finding_id": key(), "current_deadline": stamp(),
                 "plan_goal": text(), "plan_method": text(), "plan_funds": text(),
                 "plan_organisation": text(), "plan_timeline": text(), "plan_safety": text(),
                 "accepted_on": stamp(), "accepted_by": line(200),
                 "acceptance_conclusion": text(), "withdrawn_at": stamp(), **_RECORD},
    "photos": {"id": key(True), "sha256": sha(True), "inspection_id": key(True),
               "item_id": key(), "finding_id": key(), "caption": text(2000),
               "tag": choice("before", "after"), "original_name": text(1000),
               "mime": line(100), "size_bytes": integer(0, 100 * 1024 * 1024),
               "width": integer(0, 1_000_000), "height": integer(0, 1_000_000),
               "orientation": integer(0, 8), "taken_at": stamp(), "gps_lat": real(-90, 90),
               "gps_lon": real(-180, 180), "camera": text(200),
               "annotations": json_text(list, 1_000_000, True, _marks), "deleted_at": stamp(),
               **_RECORD},
    "signatures": {"id": key(True), "inspection_id": key(True),
                   "role": choice("inspector", "company", "witness"),
                   "signer_name": line(200, True), "signer_id_number": line(100),
                   "inspector_id": key(), "strokes": json_text((dict, list), 4_000_000),
                   "png": blob(4 * 1024 * 1024), "refused": flag(), "signed_at": stamp(True),
                   "record_fingerprint": sha(), **_RECORD},
    "documents": {"id": key(True), "inspection_id": key(True),
                  "doc_type": choice("record", "order", "reinspection", "onsite"),
                  "number": line(100, True), "prefix": line(100, True),
                  "year": integer(1900, 9999, True), "seq": integer(0, 1_000_000_000, True),
                  "follows_document_id": key(), "lang": line(20), "file_sha256": sha(),
                  "file_name": line(1000), "issued_at": stamp(True), **_RECORD},
    "reinspection_results": {"id": key(True), "reinspection_id": key(True),
                             "finding_id": key(True),
                             "result": choice("rectified", "not_rectified"),
                             "new_deadline": stamp(), "note": text(), "accepted_on": stamp(),
                             "accepted_by": line(200), "acceptance_conclusion": text(),
                             **_RECORD},
    "record_signatures": {"id": key(True), "inspection_id": key(True),
                          "revision": integer(1, 100_000, True), "data_sha256": sha(True),
                          "signature": line(2000, True), "cert_pem": text(20_000, True),
                          "signed_at": stamp(True), **_RECORD},
    "audit_log": {"id": key(True), "at": stamp(True), "device_id": key(True),
                  "actor": line(200), "entity": line(100, True), "entity_id": key(True),
                  "inspection_id": key(), "action": line(100, True), "field": line(200),
                  "old_value": text(LONG), "new_value": text(LONG), "reason": text()},
    # The district's units and campaigns (office only) and the emergency registry.
    "units": {"id": key(True), "name": line(200, True),
              "kind": choice("district", "town", "department", "group"), "parent_id": key(),
              "sectors": json_text(list, 4000, True), "position": integer(0, 1_000_000, True),
              "active": flag(), **_RECORD},
    "campaigns": {"id": key(True), "name": line(200, True), "starts_on": stamp(True),
                  "ends_on": stamp(True), "phases": json_text(list, 20_000, True),
                  "industries": json_text(list, 4000, True),
                  "towns": json_text(list, 20_000, True),
                  "company_ids": json_text(list, 2_000_000, True),
                  "targets": json_text(list, 20_000, True), **_RECORD},
    "campaign_tags": {"id": key(True), "campaign_id": key(True), "inspection_id": key(True),
                      "included": flag(), **_RECORD},
    "escalations": {"id": key(True), "company_id": key(True), "finding_id": key(),
                    "reason": choice("overdue", "reopened", "refused"),
                    "measure": choice("exposure", "case", "suspension", "closure"),
                    "decided_on": stamp(True), "case_number": line(200),
                    "fine_amount": real(0, 1e12), "document": line(1000), "note": text(),
                    **_RECORD},
    "emergency_plans": {"id": key(True), "unit_id": key(), "company_id": key(),
                        "plan_type": choice("comprehensive", "special", "onsite"),
                        "title": line(500, True), "version": line(100),
                        "status": choice("not_started", "drafting", "reviewed", "issued",
                                         "filed"),
                        "compiled_on": stamp(), "reviewed_on": stamp(), "issued_on": stamp(),
                        "evaluated_on": stamp(), "filed_on": stamp(),
                        "filing_authority": line(200), "filing_number": line(200),
                        "notes": text(), **_RECORD},
    "emergency_deadlines": {"id": key(True), "unit_id": key(True), "due_on": stamp(True),
                            "text": text(2000), **_RECORD},
    "emergency_rules": {"key": line(100, True), "value": text(20_000, True), **_RECORD},
    "drills": {"id": key(True), "plan_id": key(True), "held_on": stamp(True),
               "form": choice("live", "tabletop"), "scope": choice("comprehensive", "single"),
               "organiser": line(200), "participants": text(), "scenario": text(),
               "went_well": text(), **_RECORD},
    "drill_tasks": {"id": key(True), "drill_id": key(True), "problem": text(required=True),
                    "action": text(), "responsible": line(200), "due_on": stamp(True),
                    "done_on": stamp(), "done_note": text(), **_RECORD},
    "stations": {"id": key(True), "name": line(200, True),
                 "kind": choice("village", "community", "town"), "unit_id": key(), **_RECORD},
    "station_milestones": {"id": key(True), "station_id": key(True),
                           "milestone": choice("design", "renovation", "staffing", "team",
                                               "supplies", "platform"),
                           "due_on": stamp(),
                           "status": choice("not_started", "in_progress", "done"),
                           "done_on": stamp(), "note": text(), **_RECORD},
    "station_checks": {"id": key(True), "station_id": key(True), "checked_on": stamp(True),
                       "checker": line(200), "findings": text(), **_RECORD},
    "emergency_files": {"id": key(True),
                        "owner_kind": choice("plan", "drill", "station", "milestone", "check"),
                        "owner_id": key(True), "sha256": sha(True), "name": line(1000, True),
                        "media": choice("pdf", "docx", "jpeg", "png"),
                        "size": integer(0, 100 * 1024 * 1024, True), **_RECORD},
}

# Rows of one table in one bundle: a district's full set with room to spare. Registers (read
# whole by the window and the policy) stay at what a district has; the records and their parts,
# which the import streams, at ten years of a 100,000-inspection district.
MAX_ROWS: dict[str, int] = {
    "devices": 1000, "inspectors": 10_000, "companies": 50_000, "templates": 500,
    "template_snapshots": 5000,
    "planned_inspections": 50_000, "number_blocks": 10_000, "trust_roots": 20,
    "revocations": 10_000,
    "inspections": 1_000_000, "inspection_inspectors": 5_000_000, "answers": 50_000_000,
    "findings": 5_000_000, "photos": 5_000_000, "signatures": 5_000_000,
    "documents": 3_000_000, "reinspection_results": 5_000_000, "record_signatures": 2_000_000,
    "audit_log": 100_000_000,
    "units": 10_000, "campaigns": 1000, "campaign_tags": 200_000, "escalations": 100_000,
    "emergency_plans": 100_000, "emergency_deadlines": 10_000, "emergency_rules": 100,
    "drills": 100_000, "drill_tasks": 200_000, "stations": 10_000,
    "station_milestones": 60_000, "station_checks": 100_000, "emergency_files": 200_000,
}


def _show(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "…"


def row_label(table: str, row: Mapping[str, Any]) -> Message:
    """The row as a person names it, ``hazard <id>``, for messages; an id that is not a plain
    short text is shown escaped."""
    from inspector_app.services.sync.tables import BY_NAME
    from inspector_app.services.sync.words import row_words

    spec = BY_NAME.get(table)
    parts = [row.get(k) for k in spec.key] if spec else []
    if parts and all(isinstance(p, str) and len(p) <= 80 and p.isprintable() for p in parts):
        key_text = "/".join(parts)
    else:
        key_text = _show(parts) if parts else ""
    return Message(N_("{what} {key}"), what=row_words(table), key=key_text)


# The most bytes one character of a text takes in a JSON line: written by any JSON writer,
# a character outside the Basic Multilingual Plane may be a pair of \u escapes (12 bytes).
_CHAR_BYTES = 12


def _value_bytes(col: Column) -> int:
    """The most bytes a value of ``col`` can take in a row's JSON line."""
    if col.kind == "blob":  # {"$b64":"..."}, base64 of at most max_len bytes
        return 11 + (col.max_len + 2) // 3 * 4
    if col.kind in ("int", "real"):
        return 32  # a 64-bit integer, or a float as Python writes it
    return 2 + _CHAR_BYTES * col.max_len


# A line up to this long is parsed whatever its table, so that a value too long for its
# field is refused naming the row and the field rather than the line.
_PARSED_LINE = 16 * 1024 * 1024


@functools.cache
def max_line_bytes(table: str) -> int:
    """The longest line of ``table``'s entry that is parsed: the longest a row that passes its
    checks can be (every column at its longest, each named once), or _PARSED_LINE if more. A
    longer line is refused before it is parsed, and never held whole in memory."""
    longest = 2 + sum(len(name) + 4 + _value_bytes(col) for name, col in SCHEMAS[table].items())
    return max(longest, _PARSED_LINE)


def row_refused(table: str, row: Mapping[str, Any], column: str | None,
                reason: Message) -> BundleRefused:
    """The bundle refused for one row (and column), both named in the reader's words."""
    from inspector_app.services.sync.words import column_words

    label = row_label(table, row)
    where = (Message(N_("{row}, {column}"), row=label, column=column_words(table, column))
             if column else label)
    return refuse(N_("{where}: {reason}"), where=where, reason=reason)


def _check_text(value: str, col: Column) -> Message | None:
    if len(value) > col.max_len:
        return Message(N_("longer than {limit:,} characters ({length:,})"), limit=col.max_len,
                       length=len(value))
    if _CONTROL.search(value):
        return Message(N_("contains control characters"))
    if col.kind != "text" and col.kind != "json" and _LINE_BREAKING.search(value):
        return Message(N_("contains line breaks, tabs or direction overrides"))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return Message(N_("is not valid Unicode text"))
    return None


def _parse_stamp(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


# For the common case, one search per value: what text of a kind may not hold (the two sets
# above, and lone surrogates, which are no text). A value that fails it, or any other kind,
# takes the full path below, which finds the reason to give.
_BAD_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_BAD_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                       "\ud800-\udfff]")


def _fits(col: Column, value: Any) -> bool:
    """True when ``value`` certainly fits ``col`` (False: look closer)."""
    kind = col.kind
    kind_of = type(value)
    if kind_of is str:
        if len(value) > col.max_len:
            return False
        if kind == "text":
            return _BAD_TEXT.search(value) is None
        if kind == "line" or (kind == "key" and value):
            return _BAD_LINE.search(value) is None
        if kind == "choice":
            return value in col.choices
        if kind == "sha":
            return _SHA.match(value) is not None
        if kind == "stamp":
            return _BAD_LINE.search(value) is None and _parse_stamp(value)
        return False
    if kind_of is int and kind == "int":
        return col.low <= value <= col.high
    return False


def check_value(col: Column, value: Any) -> Message | None:
    """None when ``value`` fits ``col``; otherwise the reason, in words."""
    if value is None:
        return Message(N_("is missing (null)")) if col.required else None
    if _fits(col, value):
        return None
    if isinstance(value, bool):
        return Message(N_("is true/false, not a value of this field"))
    if col.kind in ("int", "real"):
        if not isinstance(value, int | float) or (col.kind == "int" and isinstance(value, float)):
            return Message(N_("must be a whole number") if col.kind == "int"
                           else N_("must be a number"))
        if isinstance(value, float) and not math.isfinite(value):
            return Message(N_("is not a finite number"))
        if not col.low <= value <= col.high:
            return Message(N_("is out of range ({value}; allowed {low} to {high})"),
                           value=_show(value), low=f"{col.low:g}", high=f"{col.high:g}")
        return None
    if col.kind == "blob":
        if not isinstance(value, bytes):
            return Message(N_("must be binary data"))
        return (Message(N_("is larger than {limit:,} bytes"), limit=col.max_len)
                if len(value) > col.max_len else None)
    if not isinstance(value, str):
        return Message(N_("must be text"))
    problem = _check_text(value, col)
    if problem:
        return problem
    if col.kind == "key" and not value:
        return Message(N_("is empty"))
    if col.kind == "sha" and not _SHA.match(value):
        return Message(N_("is not a SHA-256 in hexadecimal"))
    if col.kind == "stamp" and not _parse_stamp(value):
        return Message(N_("is not a date or time ({value})"), value=_show(value))
    if col.kind == "choice" and value not in col.choices:
        return Message(N_("is {value}, not one of the values this program knows"),
                       value=_show(value))
    if col.kind == "json":
        try:
            parsed = json.loads(value, parse_constant=_no_constant)
        except (ValueError, RecursionError):
            return Message(N_("is not valid JSON"))
        if col.json_type is not object and not isinstance(parsed, col.json_type):
            wanted = col.json_type if isinstance(col.json_type, tuple) else (col.json_type,)
            return Message(N_("must hold a JSON list") if wanted == (list,)
                           else N_("must hold a JSON object") if wanted == (dict,)
                           else N_("must hold a JSON object or list"))
        if col.shape is not None:
            return col.shape(parsed)
    return None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


# The C scanner inside ``json.loads(value, parse_constant=_no_constant)``, called without its
# Python wrapper (an answer's value is a JSON text, and a bundle carries 100,000s of them).
_JSON_SCAN = json.scanner.make_scanner(json.JSONDecoder(parse_constant=_no_constant))


# Each kind's quick test of a value ``v``: what stands in for ``_fits`` and ``check_value``.
# A date is read as ``_parse_stamp`` reads it once it passed (a ValueError: not a date). The
# texts, lines, keys and dates of a row are then searched for the characters they may not
# hold (_SEARCHED), and last its JSON texts are read as ``check_value`` reads them
# (_JSON_AFTER).
_FAST_TESTS = {
    "text": "type(v) is str and len(v) <= {n}",
    "line": "type(v) is str and len(v) <= {n}",
    "key": "type(v) is str and len(v) <= {n} and v != ''",
    "choice": "type(v) is str and len(v) <= {n} and v in {choices!r}",
    "sha": "type(v) is str and len(v) <= {n} and _SHA.match(v) is not None",
    "stamp": "type(v) is str and len(v) <= {n}",
    "int": "type(v) is int and {low!r} <= v <= {high!r}",
    "json": "type(v) is str and len(v) <= {n} and _BAD_TEXT.search(v) is None",
}
# The kinds whose values are searched joined, one search per row and kind of search rather
# than one per value (the district's 169,000 rows hold 1.5 million): a character that may not
# be in any of them is in the joined text exactly when it is in one of them. ``fromisoformat``
# reads a date before it is searched: it takes any text, raising ValueError (or its subclass
# UnicodeEncodeError) for one it cannot read.
_SEARCHED = {"text": "_BAD_TEXT", "line": "_BAD_LINE", "key": "_BAD_LINE",
             "stamp": "_BAD_LINE"}
# A JSON text, after every other test of the row passed: one JSON value of the column's type
# and shape and nothing else. Its shape test may raise for a value it cannot read, so it is
# reached only by a row whose other values passed (as ``check_row`` reads them, in turn).
_JSON_AFTER = ["    parsed, end = _JSON_SCAN(j{n}, 0)", "    if end != len(j{n}):",
               "        return False"]


@functools.cache
def _validator(table: str) -> Callable[[Row], bool]:
    """The checks of ``check_row`` for one table as one compiled function, made once: True
    when the row certainly passes them (False: ``check_row`` looks closer and says why). It
    accepts only what ``_fits`` and ``check_value`` accept, with no call per value."""
    schema = SCHEMAS[table]
    # The columns as a set made once (a set written out in the source is built at each call).
    body = ["    if not row.keys() <= _COLUMNS:", "        return False", "    try:"]
    searched: dict[str, list[str]] = {}
    last: list[str] = []
    for n, (name, col) in enumerate(schema.items()):
        test = _FAST_TESTS.get(col.kind, "_check_value(_cols[{i}], v) is None")
        if col.kind == "int" and not (type(col.low) is int and type(col.high) is int):
            test = "type(v) is int and _cols[{i}].low <= v <= _cols[{i}].high"
        pattern = _SEARCHED.get(col.kind)
        kept = f"s{n}" if pattern else f"j{n}" if col.kind == "json" else None
        missing = ("return False" if col.required
                   else f"{kept} = {'None' if col.kind == 'json' else repr('')}" if kept
                   else "pass")
        body += [f"        v = row.get({name!r})",
                 "        if v is None:",
                 f"            {missing}",
                 "        elif not (" + test.format(n=col.max_len, choices=col.choices, i=n,
                                                   low=col.low, high=col.high) + "):",
                 "            return False"]
        after = ["_fromiso(v)"] if col.kind == "stamp" else []
        if kept:
            after.append(f"{kept} = v")
        if after:
            body += ["        else:", *("            " + a for a in after)]
        if pattern is not None:
            searched.setdefault(pattern, []).append(f"s{n}")
        if col.kind == "json":
            json_body = [a.format(n=n) for a in _JSON_AFTER]
            if (col.json_type or object) is not object:
                json_body += [f"    if not isinstance(parsed, _cols[{n}].json_type):",
                              "        return False"]
            if col.shape is not None:
                json_body += [f"    if _cols[{n}].shape(parsed) is not None:",
                              "        return False"]
            last += [f"if j{n} is not None:", *json_body]
    body += ["    except ValueError:", "        return False"]
    for pattern, names in searched.items():
        joined = names[0] if len(names) == 1 else f"''.join(({', '.join(names)}))"
        body += [f"    if {pattern}.search({joined}) is not None:", "        return False"]
    if last:
        body += ["    try:", *("        " + a for a in last),
                 "    except (StopIteration, ValueError, RecursionError):",
                 "        return False"]
    source = "def check(row):\n" + "\n".join(body) + "\n    return True\n"
    scope: dict[str, Any] = {"_BAD_TEXT": _BAD_TEXT, "_BAD_LINE": _BAD_LINE, "_SHA": _SHA,
                             "_fromiso": datetime.fromisoformat, "_check_value": check_value,
                             "_JSON_SCAN": _JSON_SCAN, "_cols": list(schema.values()),
                             "_COLUMNS": frozenset(schema)}
    # The source is made above from the schema alone, never from a bundle.
    exec(compile(source, f"<row check of {table}>", "exec"), scope)
    return scope["check"]  # type: ignore[no-any-return]


def check_row(table: str, row: Row) -> None:
    if not _validator(table)(row):
        _check_row_closely(table, row)
    if table == "inspections" and (row.get("company_id") is None) == (
            row.get("subject_unit_id") is None):
        # The subject of an inspection is one company or one unit, never both or neither.
        raise row_refused(table, row, "company_id", Message(
            N_("an inspection record names a company or a unit inspected, one and not both")))
    if table == "emergency_files":
        _check_file_name(row)


# Why a file's name is not one the window keeps (attachments.kept_name_problem), said of a row.
_NAME_PROBLEMS = {
    "empty": N_("is empty; a file needs a name"),
    "spaces": N_("{name!r} begins or ends with a space or another blank; a file's name is kept "
                 "without them"),
    "folders": N_("{name!r} names folders (/, \\, :, ..); a file's name must not"),
    "unusable": N_("{name!r}… is not a usable file name (control characters or over "
                   "{max_name} characters)"),
}


def _check_file_name(row: Row) -> None:
    """A file's name as the window keeps it when a file is attached (``check_name``): it
    is a label shown and offered when the file is saved, so a name the window refuses (with
    folders in it, empty, or too long) or would have trimmed is refused on arrival."""
    from inspector_app.services.attachments import MAX_NAME, kept_name_problem

    problem = kept_name_problem(row["name"])
    if problem is not None:
        raise row_refused("emergency_files", row, "name", Message(
            _NAME_PROBLEMS[problem], name=row["name"][:40], max_name=MAX_NAME))


def _check_row_closely(table: str, row: Row) -> None:
    """Every value of the row, one by one, raising for the first that does not fit."""
    schema = SCHEMAS[table]
    if not row.keys() <= schema.keys():
        unknown = sorted(set(row) - set(schema))
        raise row_refused(table, row, None, Message(
            N_("carries a field {rows} do not have ({field}); unknown fields are not "
               "accepted"), rows=table_words(table), field=_show(unknown[0]).strip("'")))
    for name, col in schema.items():
        if name in row:
            value = row[name]
            # Inline the common answers: a row has a dozen values and a bundle 100,000s of rows.
            if value is None:
                if not col.required:
                    continue
            elif _fits(col, value):
                continue
            problem = check_value(col, value)
            if problem:
                raise row_refused(table, row, name, problem)
        elif col.required:
            raise row_refused(table, row, name, Message(N_("is missing")))


_MANIFEST_WORDS = {"bundle_id": N_("bundle id"), "device_id": N_("sending computer's id"),
                   "device_name": N_("sending computer's name"),
                   "created_at": N_("creation time"),
                   "previous_watermark": N_("time of the previous export")}
_MANIFEST: dict[str, Column] = {
    "bundle_id": key(True), "device_id": key(True), "device_name": line(200),
    "created_at": stamp(), "previous_watermark": stamp(),
}


def check_manifest(manifest: Mapping[str, Any]) -> None:
    """The manifest's own fields that the import stores or shows."""
    for name, col in _MANIFEST.items():
        problem = check_value(col, manifest.get(name))
        if problem:
            raise refuse(N_("its manifest's {name} {problem}"), name=Message(_MANIFEST_WORDS[name]),
                         problem=problem)
    missing = manifest.get("missing_photos", [])
    if not isinstance(missing, list) or len(missing) > MAX_ROWS["photos"]:
        raise refuse(N_("its manifest's list of missing photos is not a list of photos"))


def check_entry_sizes(entries: Iterable[Mapping[str, Any]]) -> None:
    """Before any entry is read: the rows together and each file are within bounds."""
    total = 0
    files = (("documents/", MAX_DOCUMENT_BYTES, N_("the document {path!r} is larger than "
                                                   "{limit} MB")),
             ("photos/", MAX_PHOTO_BYTES, N_("the photo {path!r} is larger than {limit} MB")),
             ("emergency_files/", MAX_ATTACHMENT_BYTES,
              N_("the file {path!r} is larger than {limit} MB")))
    for entry in entries:
        path, size = entry["path"], entry["size"]
        if size < 0:
            raise refuse(N_("its manifest gives {path!r} a negative size"), path=path)
        if path.startswith("rows/"):
            total += size
            continue
        for folder, limit, too_large in files:
            if path.startswith(folder) and size > limit:
                raise refuse(too_large, path=path, limit=limit // (1024 * 1024))
    if total > MAX_ROW_BYTES:
        raise refuse(N_("its rows take {size:.0f} MB, more than a bundle may carry ({limit} MB)"),
                     size=total / 1e6, limit=MAX_ROW_BYTES // (1024 * 1024))


def check_rows(rows: Mapping[str, list[Row]],
               extra: Callable[[str, Row], None] | None = None) -> None:
    """Every row of every table, then the counts; raises BundleRefused at the first fault."""
    checker = RowChecker(extra)
    for table, table_rows in rows.items():
        checker.check_count(table, len(table_rows))
        for row in table_rows:
            checker.add(table, row)
    checker.finish()


class RowChecker:
    """The checks of ``check_rows``, one row at a time, for rows read as a stream.

    With ``track_keys`` False the caller finds rows that appear twice itself (the import does,
    in its scratch database, so a large bundle's keys are not all held in memory)."""

    def __init__(self, extra: Callable[[str, Row], None] | None = None, *,
                 track_keys: bool = True) -> None:
        self.extra = extra
        self.total = 0
        self.keys: dict[str, set[tuple[Any, ...]]] | None = {} if track_keys else None

    @staticmethod
    def check_count(table: str, count: int) -> None:
        if table not in SCHEMAS:
            raise refuse(N_("it carries a table this program does not accept ({table})"),
                         table=table)
        if count > MAX_ROWS[table]:
            raise refuse(N_("it carries {count:,} {table}, more than a bundle may carry "
                            "({limit:,})"), count=count, table=table_words(table),
                         limit=MAX_ROWS[table])

    def add(self, table: str, row: Row) -> None:
        if table not in SCHEMAS:
            raise refuse(N_("it carries a table this program does not accept ({table})"),
                         table=table)
        check_row(table, row)
        self.total += 1
        if self.keys is not None:
            from inspector_app.services.sync.tables import BY_NAME

            keys = self.keys.setdefault(table, set())
            row_key = tuple(row[k] for k in BY_NAME[table].key)
            if row_key in keys:
                raise row_refused(table, row, None, Message(N_("appears twice in the bundle")))
            keys.add(row_key)
        if self.extra is not None:
            self.extra(table, row)
        if table in _TEMPLATE_TABLES:
            _check_template(table, row)

    def finish(self) -> None:
        if self.total > MAX_ROWS_TOTAL:
            raise refuse(N_("it carries {total:,} rows, more than a bundle may carry "
                            "({limit:,})"),
                         total=self.total, limit=MAX_ROWS_TOTAL)


_TEMPLATE_TABLES = frozenset({"templates", "template_snapshots", "inspections"})


def _check_template(table: str, row: Row) -> None:
    """A checklist definition is what the program renders and exports: it must read as a
    template, be the one its row names, and have the hash the row states."""
    if table == "templates":
        problem = _template_problem(row["definition"], row["content_hash"], row["template_id"],
                                    row["version"])
        if problem:
            raise row_refused("templates", row, "definition", problem)
    elif table == "template_snapshots":
        problem = _template_problem(row["definition"], row["content_hash"], row["template_id"],
                                    row["version"])
        if problem:
            raise row_refused("template_snapshots", row, "definition", problem)
    elif table == "inspections" and row.get("template_snapshot") is not None:
        problem = _template_problem(row["template_snapshot"], row["template_hash"],
                                    row["template_id"], row["template_version"])
        if problem:
            raise row_refused("inspections", row, "template_snapshot", problem)


@functools.lru_cache(maxsize=64)  # every inspection of one template carries the same text
def _template_problem(definition_text: str, stated_hash: str, template_id: str, version: str
                      ) -> Message | None:
    from inspector_app.domain.checklist import Template, content_hash

    definition = json.loads(definition_text)
    try:
        template = Template.from_dict(definition)
        if not template.sections or not all(s.items for s in template.sections):
            raise ValueError("no items")
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as exc:
        return Message(N_("is not a checklist ({problem})"), problem=type(exc).__name__)
    if (template.id, template.version) != (template_id, version):
        return Message(N_("is another checklist than its record names"))
    if content_hash(definition) != stated_hash:
        return Message(N_("does not match its content fingerprint"))
    return None


def check_entry(table: str, values: Mapping[str, Any]) -> None:
    """Text typed or pasted on this computer meets the limits a bundle is held to, so what is
    saved here always travels (raises ValidationError naming the field)."""
    from inspector_app.errors import ValidationError

    for name, value in values.items():
        col = SCHEMAS[table].get(name)
        if col is None or not isinstance(value, str) or col.kind not in ("text", "line"):
            continue
        problem = _check_text(value, col)
        if problem:
            from inspector_app.services.sync.words import column_words

            raise ValidationError(N_("The {replace} is not accepted: {problem}."),
                                  replace=column_words(table, name), problem=problem)


def normalised(value: str) -> str:
    """Names compared for identity: Unicode-normalised, outer spaces dropped."""
    return unicodedata.normalize("NFC", value).strip()
