"""What an import did, table by table, in lines a person can read."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from inspector_app.domain.bilingual import is_english
from inspector_app.errors import Hint, InspectorError
from inspector_app.i18n import (
    ENUMERATION,
    N_,
    Clause,
    Listing,
    Message,
    Sentence,
    count_text,
    ngettext,
    render,
    translate,
)
from inspector_app.services.sync.words import database_problem, table_words


@dataclass
class Tally:
    added: int = 0
    updated: int = 0
    conflicts: int = 0
    deleted: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def empty(self) -> bool:
        return not (self.added or self.updated or self.conflicts or self.deleted
                    or self.skipped)


@dataclass
class ImportReport:
    file_name: str
    bundle_id: str = ""
    kind: str = ""
    device_id: str = ""
    device_name: str = ""
    signer: str = ""
    created_at: str = ""
    status: str = "imported"          # imported | already imported | dry run
    photos_added: int = 0
    documents_added: int = 0          # PDF files stored
    tables: dict[str, Tally] = field(default_factory=dict)
    # What the import says beside its counts, each rendered in the reader's language.
    notes: list[Message] = field(default_factory=list)

    def tally(self, table: str) -> Tally:
        return self.tables.setdefault(table, Tally())

    def added(self, table: str, n: int = 1) -> None:
        self.tally(table).added += n

    def updated(self, table: str) -> None:
        self.tally(table).updated += 1

    def deleted(self, table: str) -> None:
        self.tally(table).deleted += 1

    def skipped(self, table: str, why: str) -> None:
        """``why``: an English reason, marked ``N_()`` where it is fixed text (one that
        carries the database's refusal is made by ``refused_because``)."""
        self.tally(table).skipped[why] += 1

    def conflict(self, table: str, line: Message) -> None:
        self.tally(table).conflicts += 1
        self.notes.append(line)

    def note(self, line: Message) -> None:
        """Say ``line`` once, however often it is met."""
        if line not in self.notes:
            self.notes.append(line)

    @property
    def changed(self) -> bool:
        return any(t.added or t.updated or t.conflicts or t.deleted
                   for t in self.tables.values())

    def lines(self, lang: str = "en") -> list[str]:
        """Every count and note, table by table, in ``lang``."""
        return detail_lines(self.to_json(with_lines=False), lang)

    def to_json(self, *, with_lines: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "file_name": self.file_name, "bundle_id": self.bundle_id, "kind": self.kind,
            "device_id": self.device_id, "device_name": self.device_name,
            "signer": self.signer, "created_at": self.created_at, "status": self.status,
            "photos_added": self.photos_added,
            "documents_added": self.documents_added,
            # English for the log and older readers; the messages to show them in any language.
            "notes": [note.localized("en") for note in self.notes],
            "note_messages": [message_json(note) for note in self.notes],
            "tables": {k: {"added": t.added, "updated": t.updated, "conflicts": t.conflicts,
                           "deleted": t.deleted, "skipped": dict(t.skipped)}
                       for k, t in self.tables.items() if not t.empty()}}
        if with_lines:
            out["lines"] = self.lines()
        return out


def message_json(message: Message) -> dict[str, Any]:
    """A message as stored in a sync history row: its id and parameters (messages and lists
    of them nested), and its hint (what the user can do, worded where it is shown)."""
    out: dict[str, Any] = {"msgid": message.msgid,
                           "params": {k: _param_json(v) for k, v in message.params.items()}}
    if message.hint:
        out["hint"] = str(message.hint)
    return out


def _param_json(value: Any) -> Any:
    if isinstance(value, Message):
        return message_json(value)
    if isinstance(value, InspectorError):  # a reason that is itself an error (a photo's)
        return message_json(Message(value.msgid, hint=value.hint, **value.params))
    if isinstance(value, Listing):
        return {"listing": [_param_json(item) for item in value.items],
                "separator": value.separator}
    # Kept as what they wrap, or their text would be stored in English.
    if isinstance(value, Clause):
        return {"clause": _param_json(value.inner)}
    if isinstance(value, Sentence):
        return {"sentence": _param_json(value.value)}
    if value is None or isinstance(value, str | int | float | bool | list | dict):
        return value
    # Another object (an exception a library raised on a hostile file, a path) is stored
    # as the text it shows; json would refuse it and the import's history with it.
    return str(value)


def message_from_json(stored: Any) -> Message | str:
    """A message stored by ``message_json``; a plain text (an older row's) as it is."""
    if not isinstance(stored, dict) or not isinstance(stored.get("msgid"), str):
        return str(stored)
    params = stored.get("params") or {}
    hint = stored.get("hint")
    msgid, hint = _SUPERSEDED.get(stored["msgid"], (stored["msgid"], hint))
    return Message(msgid, hint=hint if isinstance(hint, str) else None,
                   **{str(k): _param_from_json(v) for k, v in params.items()})


# Messages stored by earlier versions that named a command, and what says them now: the message
# without it and the hint each front-end words (so an older history row still reads in Chinese).
_SUPERSEDED: dict[str, tuple[str, str]] = {
    "number {number} is printed on two records here ({first} and {second}): both keep it — "
    "see sync conflicts": (N_("number {number} is printed on two records here ({first} and "
                              "{second}): both keep it"), Hint.SEE_CONFLICTS),
}


def _param_from_json(value: Any) -> Any:
    if isinstance(value, dict) and isinstance(value.get("listing"), list):
        return Listing((_param_from_json(item) for item in value["listing"]),
                       str(value.get("separator", ENUMERATION)))
    if isinstance(value, dict) and set(value) == {"clause"}:
        return Clause(_param_from_json(value["clause"]))
    if isinstance(value, dict) and set(value) == {"sentence"}:
        return Sentence(_param_from_json(value["sentence"]))
    return message_from_json(value) if isinstance(value, dict) else value


def stored_notes(report: dict[str, Any]) -> list[Message | str]:
    """The notes of a stored report: as messages, or an older row's English texts."""
    if "note_messages" in report:
        return [message_from_json(n) for n in report["note_messages"]]
    return [str(n) for n in report.get("notes") or []]


def _shown(note: Message | str, lang: str) -> str:
    return note.localized(lang) if isinstance(note, Message) else note


# Skips whose reason ends with SQLite's own (English) refusal of the row. A history row keeps
# the tally by its English text, so the words are found again in it when it is shown.
REFUSED_HERE = N_("refused here: {problem}")
NOT_COPIED = N_("not copied: {problem}")
_ENDING_WITH_A_REFUSAL = (REFUSED_HERE, NOT_COPIED)


def refused_because(reason: str, problem: str) -> str:
    """The skip ``reason`` (``REFUSED_HERE``, ``NOT_COPIED``) with the database's refusal, as
    the report's tally and its history row keep it."""
    return reason.format(problem=problem)


def skip_words(why: str, lang: str) -> str:
    """A skip's reason in ``lang``: a fixed one from the catalogue; one that ends with the
    database's refusal says what it means (``words.database_problem``)."""
    for reason in _ENDING_WITH_A_REFUSAL:
        start = reason.removesuffix("{problem}")
        if why.startswith(start):
            return render(reason, {"problem": database_problem(why[len(start):])}, lang)
    return translate(why, lang)


_DETAIL_HEADS = {
    "imported": N_("Imported: {file_name}"),
    "already imported": N_("Already imported — nothing changed: {file_name}"),
    "dry run": N_("Dry run — nothing was changed; an import would do this: {file_name}")}
_FROM = {
    "laptop": N_("from {device} (signed by {signer}), laptop bundle made {made} UTC"),
    "office": N_("from {device} (signed by {signer}), office bundle made {made} UTC"),
    "full": N_("from {device} (signed by {signer}), full bundle made {made} UTC")}
_FROM_ANY = N_("from {device} (signed by {signer}), {kind} bundle made {made} UTC")


def detail_lines(report: dict[str, Any], lang: str) -> list[str]:
    """A stored import report (``ImportReport.to_json``), every count and note, in ``lang``:
    what ``sync import`` prints and the Sync page's details show."""
    lang = "en" if is_english(lang) else "zh_CN"
    status = report.get("status", "imported")
    if status == "refused":
        return refusal_lines(report, lang)
    kind = report.get("kind", "")
    out = [_say(_DETAIL_HEADS.get(status, _DETAIL_HEADS["imported"]), lang,
                file_name=report.get("file_name", "")),
           _say(_FROM.get(kind, _FROM_ANY), lang, device=report.get("device_name") or "?",
                signer=report.get("signer") or "?", kind=kind,
                made=str(report.get("created_at", ""))[:16].replace("T", " "))]
    if status == "already imported":
        return out
    changed = False
    for table, t in (report.get("tables") or {}).items():
        parts = [Message(N_("{n} added"), n=count_text(t.get("added", 0))),
                 Message(N_("{n} updated"), n=count_text(t.get("updated", 0)))]
        if t.get("deleted"):
            parts.append(Message(N_("{n} deleted"), n=count_text(t["deleted"])))
        parts += [Message(N_("{n} skipped ({why})"), n=count_text(n), why=skip_words(why, lang))
                  for why, n in sorted((t.get("skipped") or {}).items())]
        if t.get("conflicts"):
            parts.append(Message(N_("{n} conflicts"), n=count_text(t["conflicts"])))
        changed = changed or any(t.get(k) for k in ("added", "updated", "conflicts", "deleted"))
        out.append("  " + _say(N_("{table}: {counts}"), lang, table=table_words(table),
                               counts=Listing(parts, ENUMERATION)))
    if report.get("photos_added"):
        out.append("  " + _say(N_("photo files stored: {n}"), lang,
                               n=count_text(report["photos_added"])))
    if report.get("documents_added"):
        out.append("  " + _say(N_("PDF files stored: {n}"), lang,
                               n=count_text(report["documents_added"])))
    out += [f"  ! {_shown(note, lang)}" for note in stored_notes(report)]
    if not changed:
        out.append("  " + translate(N_("nothing new"), lang))
    return out


# -- in the user's words ----------------------------------------------------------------------
# How many rows of a table, as a person counts them. Rows that are only parts of a record
# (answers, team members, the audit trail) are told with the record.
_NOUNS: dict[str, Callable[[int, str], str]] = {
    "inspections": lambda n, lang: ngettext(
        "{n} inspection record", "{n} inspection records", n, lang),
    "findings": lambda n, lang: ngettext("{n} hazard", "{n} hazards", n, lang),
    "photos": lambda n, lang: ngettext("{n} photo", "{n} photos", n, lang),
    "signatures": lambda n, lang: ngettext(
        "{n} handwritten signature", "{n} handwritten signatures", n, lang),
    "documents": lambda n, lang: ngettext("{n} document", "{n} documents", n, lang),
    "reinspection_results": lambda n, lang: ngettext(
        "{n} re-inspection result", "{n} re-inspection results", n, lang),
    "record_signatures": lambda n, lang: ngettext(
        "{n} digital signature", "{n} digital signatures", n, lang),
    "companies": lambda n, lang: ngettext("{n} company", "{n} companies", n, lang),
    "inspectors": lambda n, lang: ngettext("{n} inspector", "{n} inspectors", n, lang),
    "templates": lambda n, lang: ngettext("{n} checklist", "{n} checklists", n, lang),
    "planned_inspections": lambda n, lang: ngettext(
        "{n} planned inspection", "{n} planned inspections", n, lang),
    "devices": lambda n, lang: ngettext("{n} computer", "{n} computers", n, lang),
    "trust_roots": lambda n, lang: ngettext(
        "{n} office root certificate", "{n} office root certificates", n, lang),
    "revocations": lambda n, lang: ngettext(
        "{n} certificate revocation", "{n} certificate revocations", n, lang),
}
# Skips that are not news: the same row was already here, or a newer version of it from the
# same computer (a full export re-imported carries everything again).
_NOT_NEWS = {"identical", "already present", "present", "conflict already recorded",
             "conflict already resolved", "older than a version already imported from that device"}
# Skips of what only the office sends: left as here, and said so, not counted as kept-local.
_OFFICE_SENDS = {"taken only from the office", "trust roots are taken only from the office",
                 "number blocks are allocated only by the office"}
# Rows left out for what the import's note says of each (which, why, what to do): naming what
# the office never had, or a print of a document another computer issued or printed last
# (policy.PRINTED_ELSEWHERE), or a PDF that is not its document's print (policy.NOT_ITS_PRINT);
# they are neither news nor kept-local.
_LEFT_OUT = {"names a unit made on the sending computer",
             "printed again on a computer that neither issued it nor printed it last here",
             "its PDF is not the print of that document, or did not come"}
_HEADS = {"imported": N_("Imported"),
          "already imported": N_("Already imported before: nothing changed"),
          "dry run": N_("Dry run: nothing was changed; an import would:")}


def _count(n: int, table: str, lang: str) -> str:
    return _NOUNS[table](n, lang).format(n=count_text(n))


def _say(message: str, lang: str, **params: Any) -> str:
    return render(message, params, lang)


def local_minute(utc_iso: str | None) -> str:
    """A stored UTC time at this computer's local time, to the minute."""
    if not utc_iso:
        return ""
    try:
        moment = datetime.fromisoformat(utc_iso.replace("Z", "+00:00"))
    except ValueError:
        return utc_iso
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def summary(report: dict[str, Any], direction: str, lang: str) -> list[str]:
    """What a sync brought in (or wrote out), in the user's words and local time.

    ``report`` is the stored JSON of a history row (``ImportReport.to_json`` for an import,
    the counts of an export).
    """
    lang = "en" if is_english(lang) else "zh_CN"
    sep = ", " if lang == "en" else "，"  # counts of one sentence, as the sync page shows them
    if direction == "out":
        counts = report.get("counts", {})
        parts = [_count(n, t, lang) for t, n in counts.items() if n and t in _NOUNS]
        if counts.get("photos") is None and report.get("photos"):
            parts.append(_count(report["photos"], "photos", lang))
        lines = [_say(N_("Written to the export file: {counts}"), lang,
                      counts=sep.join(parts) if parts else translate(N_("nothing new"), lang))]
        missing = len(report.get("missing_photos") or [])
        if missing:
            lines.append(ngettext(
                "{n} photo file missing on this computer was not exported",
                "{n} photo files missing on this computer were not exported",
                missing, lang).format(n=count_text(missing)))
        return lines

    status = report.get("status", "imported")
    if status == "refused":
        return refusal_lines(report, lang)
    head = translate(_HEADS[status], lang) if status in _HEADS else status
    who = report.get("device_name") or "?"
    signer = report.get("signer") or "?"
    made = local_minute(report.get("created_at"))
    lines = [f"{head} {report.get('file_name', '')}".rstrip(),
             _say(N_("From {device} (signed by {signer}), made {made}"), lang,
                  device=who, signer=signer, made=made)]
    if status == "already imported":
        return lines
    given: dict[str, dict[str, Any]] = report.get("tables", {})
    # Records first, then reference data: the order of _NOUNS, not of the bundle.
    tables = {name: given[name] for name in _NOUNS if name in given}
    tables.update({name: t for name, t in given.items() if name not in tables})
    added = [_count(t["added"], name, lang) for name, t in tables.items()
             if t.get("added") and name in _NOUNS]
    updated = [_count(t["updated"], name, lang) for name, t in tables.items()
               if t.get("updated") and name in _NOUNS]
    deleted = [_count(t["deleted"], name, lang) for name, t in tables.items()
               if t.get("deleted") and name in _NOUNS]
    conflicts = sum(t.get("conflicts", 0) for t in tables.values())
    skips = [(why, n) for t in tables.values() for why, n in t.get("skipped", {}).items()]
    same = sum(n for why, n in skips if why in _NOT_NEWS)
    office = sum(n for why, n in skips if why in _OFFICE_SENDS)
    kept = sum(n for why, n in skips
               if why not in _NOT_NEWS and why not in _OFFICE_SENDS and why not in _LEFT_OUT)
    if added:
        lines.append(_say(N_("New: {counts}"), lang, counts=sep.join(added)))
    if updated:
        lines.append(_say(N_("Updated: {counts}"), lang, counts=sep.join(updated)))
    if deleted:
        lines.append(_say(N_("Deleted there, deleted here: {counts}"), lang,
                          counts=sep.join(deleted)))
    photo_rows = given.get("photos", {}).get("added", 0)
    if report.get("photos_added") and report["photos_added"] != photo_rows:
        lines.append(ngettext("{n} photo file stored", "{n} photo files stored",
                              report["photos_added"], lang).format(
                                  n=count_text(report["photos_added"])))
    if report.get("documents_added"):
        lines.append(ngettext("{n} PDF document stored", "{n} PDF documents stored",
                              report["documents_added"], lang).format(
                                  n=count_text(report["documents_added"])))
    if conflicts:
        lines.append(ngettext(
            "{n} conflict (a draft changed on both computers, or a number on two records): "
            "nothing was dropped; the conflicts list below says what each choice does",
            "{n} conflicts (drafts changed on both computers, or numbers on two records): "
            "nothing was dropped; the conflicts list below says what each choice does",
            conflicts, lang).format(
                n=count_text(conflicts)))
    if kept:
        lines.append(ngettext("{n} item kept as it is here (newer here or signed)",
                              "{n} items kept as they are here (newer here or signed)",
                              kept, lang).format(n=count_text(kept)))
    if len(lines) == 2:
        lines.append(translate(N_("Nothing new"), lang))
    # Reassurance last: what the bundle carried again (a full export re-imported) is here.
    if same:
        lines.append(ngettext(
            "{n} item was already here, the same or newer from the same computer: nothing to do",
            "{n} items were already here, the same or newer from the same computer: nothing "
            "to do", same, lang).format(n=count_text(same)))
    if office:
        lines.append(ngettext(
            "{n} item left as it is here: only the office sends it",
            "{n} items left as they are here: only the office sends them",
            office, lang).format(n=count_text(office)))
    lines += [_shown(note, lang) for note in stored_notes(report)]
    return lines


def refusal_lines(report: dict[str, Any], lang: str) -> list[str]:
    """A refused bundle's history row: the file, its sender as far as it was read, and why."""
    lang = "en" if is_english(lang) else "zh_CN"
    lines = [_say(N_("Refused: {file_name}"), lang, file_name=report.get("file_name", ""))]
    if report.get("signer"):
        lines.append(_say(N_("From {device} (signed by {signer}), made {made}"), lang,
                          device=report.get("device_name") or "?", signer=report["signer"],
                          made=local_minute(report.get("created_at"))))
    reason = message_from_json(report.get("reason", ""))
    lines.append(_shown(reason, lang))
    return lines
