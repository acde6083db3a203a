"""Applying verified rows, by UUID, inside the caller's transaction.

Rules (the same result whatever order bundles arrive in):
- Trust roots are taken only from bundles signed by a trusted office root itself.
- Reference data (devices, inspectors, companies, templates, trust roots, revocations): absent →
  insert; identical → skip; otherwise the newer ``updated_at`` wins (ties: the larger content,
  so every machine picks the same one).
- An inspection travels whole and is decided as a whole: absent → insert; identical → its parts
  are merged one by one (newer wins); signed here → kept, never touched (but the documents
  issued from it and its hazards' progress are merged, newer wins); unchanged here since the
  last import from that device (or last written by that same device) → updated; changed on both
  machines → both kept: the incoming version becomes a copy with a new id and ``conflict_of``,
  and a row in ``conflicts`` for a person to resolve. An old version already superseded by one
  from that device is skipped. An inspection travels with all its parts, so an update also
  deletes the hazards, signatures and team members here that the incoming version no longer
  has (they were deleted there); a hazard still referred to here is kept.
- A document or inspection number already used here by another record is kept on both (a
  signed record's printed number never changes) and recorded as a conflict for a person.
- audit_log is insert-only.
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from collections.abc import Iterator
from typing import Any

from sqlite_utils import Database

from inspector_app.domain.records import utcnow_iso
from inspector_app.errors import Hint
from inspector_app.i18n import N_, Message
from inspector_app.services.progress import Progress
from inspector_app.services.sync import words
from inspector_app.services.sync.policy import TAKEN_WHEN_KEPT
from inspector_app.services.sync.report import (
    NOT_COPIED,
    REFUSED_HERE,
    ImportReport,
    refused_because,
)
from inspector_app.services.sync.row_schema import SCHEMAS
from inspector_app.services.sync.staging import SQL_READ, StagedRows
from inspector_app.services.sync.tables import (
    BY_NAME,
    CHILDREN,
    LOCAL_COLUMNS,
    OFFICE_ONLY,
    REFERENCE,
    TableSpec,
)
from inspector_app.storage import sync_rows

# Parts the program deletes outright; an update removes the ones the new version lacks.
_DELETABLE = ("findings", "signatures", "inspection_inspectors")
# Parts that still change once their record is signed: the documents issued from it, and its
# hazards as a re-inspection closes or reopens them (they are merged whatever happens to the
# record's own copy).
_ISSUED_FROM = TAKEN_WHEN_KEPT  # the policy checks them as it must
# Rows per statement (under SQLite's bound-parameter limit), and inspections per batch, whose
# parts are held in memory together.
_BATCH = 500
_INSPECTIONS = 200
# Staged rows (by staging sequence number) per statement when audit entries go in from SQL.
_AUDIT_BLOCK = 20_000
_SEEN = ("INSERT INTO sync_seen (inspection_id, peer_device, updated_at) VALUES (?, ?, ?) "
         "ON CONFLICT(inspection_id, peer_device) DO UPDATE SET updated_at = "
         "MAX(updated_at, excluded.updated_at)")
_NS = uuid.UUID("5b0c6e0e-8d1f-4f59-9a3e-6c1d2b7f4a10")
Row = dict[str, Any]


class _NotInSql(Exception):
    """The staged audit entries go in entry by entry after all."""


def derived_id(*parts: str) -> str:
    """Ids made by an import are derived, not random, so any import order gives the same ids."""
    return str(uuid.uuid5(_NS, "|".join(parts)))


def _canon(row: Row) -> str:
    return json.dumps({k: (v.hex() if isinstance(v, bytes) else v) for k, v in row.items()},
                      sort_keys=True, ensure_ascii=False)


class Merger:
    def __init__(self, db: Database, rows: StagedRows, report: ImportReport,
                 bundle_id: str, peer: str, peer_name: str, *, from_office: bool = False,
                 control: Progress | None = None, attached: bool = False) -> None:
        self.db = db
        self.control = control
        self._done = 0
        self.from_office = from_office
        self.signed_in: list[str] = []   # signed inspections this import added or updated
        self.report = report
        self.bundle_id = bundle_id
        self.peer = peer
        self.peer_name = peer_name or peer[:8]
        self.columns = {t.name: [c.name for c in db[t.name].columns] for t in BY_NAME.values()}
        self._keep: dict[str, frozenset[str]] = {}
        # Table → rows of the new inspections of the batch being merged, waiting to go in (for
        # a table of _from_sql, none: its rows go in from the staged values).
        self._held: dict[str, list[Row]] | None = None
        self.staged = rows
        # The staged rows can be read by the import's own statements (see _staged_audit).
        self.attached = attached
        # Tables of parts whose rows new inspections may take from the staged values
        # (_in_sql), and for those that the batch being held takes so, how many rows each of
        # its inspections has there.
        self._from_sql: tuple[str, ...] = ()
        self._sql_counts: dict[str, dict[str, int]] = {}

    def _clean(self, table: str, row: Row) -> Row:
        keep = self._keep.get(table)
        if keep is None:
            keep = self._keep[table] = (frozenset(self.columns[table])
                                        - frozenset(LOCAL_COLUMNS.get(table, ())))
        if row.keys() <= keep:
            return row
        dropped = set(row) - keep
        if dropped and table not in LOCAL_COLUMNS:
            # A newer program's fields: they have no words here, so they are named as sent.
            self.report.note(Message(N_("{table}: fields this program does not know were "
                                        "left out ({columns})"),
                                     table=words.table_words(table),
                                     columns=", ".join(sorted(dropped))))
        return {k: v for k, v in row.items() if k in keep}

    def _rows(self, table: str) -> Iterator[Row]:
        """A table's rows as the bundle carries them, read one at a time."""
        for row in self.staged.get(table, ()):
            yield self._clean(table, row)

    def _parts(self, inspection_id: str) -> dict[str, list[Row]]:
        return {table: [self._clean(table, r) for r in rows]
                for table, rows in self.staged.parts_of(inspection_id).items()}

    # -- small SQL helpers --
    def _get(self, spec: TableSpec, row: Row) -> Row | None:
        where = " AND ".join(f"{k} = ?" for k in spec.key)
        cursor = self.db.execute(f"SELECT * FROM {spec.name} WHERE {where}",
                                 [row[k] for k in spec.key])
        found = cursor.fetchone()
        if found is None:
            return None
        names = [d[0] for d in cursor.description]
        return dict(zip(names, found, strict=True))

    def _same(self, table: str, incoming: Row, local: Row) -> bool:
        return all(local.get(k) == v for k, v in incoming.items()
                   if k not in LOCAL_COLUMNS.get(table, ()))

    def _insert(self, table: str, row: Row) -> str | None:
        """Insert; a clash with a unique rule here comes back as a message, not an abort."""
        cols = list(row)
        try:
            with self.db.atomic():
                self.db.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
                                f"({', '.join('?' * len(cols))})", [row[c] for c in cols])
        except sqlite3.IntegrityError as exc:
            return str(exc)
        return None

    def _update(self, spec: TableSpec, row: Row) -> str | None:
        cols = [c for c in row if c not in spec.key]
        try:
            with self.db.atomic():
                self.db.execute(
                    f"UPDATE {spec.name} SET {', '.join(f'{c} = ?' for c in cols)} WHERE "
                    + " AND ".join(f"{k} = ?" for k in spec.key),
                    [row[c] for c in cols] + [row[k] for k in spec.key])
        except sqlite3.IntegrityError as exc:
            return str(exc)
        return None

    def _conflict_row(self, table: str, local_id: str, incoming_id: str, reason: str,
                      line: Message) -> None:
        conflict_id = derived_id("conflict", table, local_id, incoming_id, reason)
        if self.db.execute("SELECT 1 FROM conflicts WHERE id = ?", [conflict_id]).fetchone():
            self.report.skipped(table, N_("conflict already recorded"))
            return
        self.db["conflicts"].insert({
            "id": conflict_id, "table_name": table, "local_id": local_id,
            "incoming_id": incoming_id, "bundle_id": self.bundle_id, "peer_device": self.peer,
            "reason": reason, "created_at": utcnow_iso(), "resolved_at": None})
        self.report.conflict(table, line)

    # -- the run --
    def run(self) -> None:
        for spec in REFERENCE:
            for row in self._rows(spec.name):
                if spec.name == "trust_roots" and not self.from_office:
                    self._offered_root(spec, row)
                elif spec.name in OFFICE_ONLY and not self.from_office:
                    self.report.skipped(spec.name, N_("number blocks are allocated only "
                                                      "by the office")
                                        if spec.name == "number_blocks"
                                        else N_("taken only from the office"))
                else:
                    self._newest_wins(spec, row)
        # A batch of inspections and their parts at a time: a large bundle is never all in
        # memory, and new inspections go in with one statement per table and batch.
        self._from_sql = self._in_sql()
        batch: list[Row] = []
        for row in self._rows("inspections"):
            batch.append(row)
            if len(batch) >= _INSPECTIONS:
                self._tick(len(batch))
                self._inspections(batch)
        self._tick(len(batch))
        self._inspections(batch)
        for parent_id in self.staged.orphan_parents():
            self._orphans(parent_id, self._parts(parent_id))
        if self._staged_audit():
            return
        for row in self._rows("audit_log"):
            batch.append(row)
            if len(batch) >= _BATCH:
                self._tick(len(batch))
                self._new_audit(batch)
        self._tick(len(batch))
        self._new_audit(batch)

    def _tick(self, rows: int) -> None:
        """Progress over the inspections and audit entries, and a cancel, between batches
        (a cancel rolls the caller's transaction back: nothing of the bundle stays)."""
        if self.control is None:
            return
        self._done += rows
        total = len(self.staged.get("inspections", ())) + len(self.staged.get("audit_log", ()))
        self.control.progress(self._done, max(total, self._done), "applying")
        self.control.check_cancelled()

    def _staged_audit(self) -> bool:
        """The audit entries straight from the staged rows to the audit log, a block at a
        time, without a Python object per entry; False (nothing done) when that cannot say
        what the entry by entry path says: the staged rows are not attached, the policy left
        some out, the bundle may carry a column this database lacks (the path below notes
        it), or the database refuses a block (the path below finds which entry)."""
        if (not self.attached or "audit_log" not in self.staged
                or self.staged.skip.get("audit_log") or "audit_log" not in SQL_READ):
            return False
        here = {c for c in self.columns["audit_log"]
                if c not in LOCAL_COLUMNS.get("audit_log", ())}
        # The staged values hold the schema's columns; one this database lacks is noted by
        # the path below. The others get their defaults, as entry by entry.
        columns = list(SCHEMAS["audit_log"])
        span = sync_rows.staged_span(self.db, "audit_log")
        if not set(columns) <= here or span is None:
            return False
        added, present = 0, 0
        try:
            with self.db.atomic():
                for first in range(span[0], span[1] + 1, _AUDIT_BLOCK):
                    done = sync_rows.add_staged_audit(self.db, columns, first,
                                                      first + _AUDIT_BLOCK - 1)
                    if done is None:
                        raise _NotInSql
                    added, present = added + done[0], present + done[1]
                    self._tick(done[0] + done[1])
        except (sqlite3.IntegrityError, _NotInSql):
            self._done -= added + present
            return False
        self.report.added("audit_log", added)
        for _ in range(present):
            self.report.skipped("audit_log", N_("already present"))
        return True

    def _in_sql(self) -> tuple[str, ...]:
        """The tables of parts (staged as values) whose rows new inspections may take straight
        from the staged values, one statement per batch, where that does what their rows read
        one by one would: the staged rows are attached, the policy left none of them out, and
        this database has every column they hold (a batch takes them so only if none of its
        rows lacks a column, which would take the column's default here)."""
        if not self.attached:
            return ()
        found = []
        for table in sorted(SQL_READ):
            if (BY_NAME[table].parent is None or table not in self.staged
                    or self.staged.skip.get(table)):
                continue
            here = {c for c in self.columns[table] if c not in LOCAL_COLUMNS.get(table, ())}
            if set(SCHEMAS[table]) <= here:
                found.append(table)
        return tuple(found)

    def _new_audit(self, batch: list[Row]) -> None:
        """The entries of ``batch`` not here yet, added; ``batch`` is emptied."""
        present = _existing(self.db, "audit_log", "id", [row["id"] for row in batch])
        fresh = []
        for row in batch:
            if row["id"] in present:
                self.report.skipped("audit_log", N_("already present"))
            else:
                fresh.append(row)
        batch.clear()
        self._add_audit(fresh)

    def _add_audit(self, batch: list[Row]) -> None:
        """New audit entries in one statement; row by row when one of them is refused here."""
        if not batch:
            return
        cols = list(batch[0])
        try:
            if any(list(row) != cols for row in batch):
                raise sqlite3.IntegrityError("columns differ")
            with self.db.atomic():
                self.db.conn.executemany(
                    f"INSERT INTO audit_log ({', '.join(cols)}) VALUES "
                    f"({', '.join('?' * len(cols))})", [[row[c] for c in cols] for row in batch])
            self.report.added("audit_log", len(batch))
        except sqlite3.IntegrityError:
            for row in batch:
                if (problem := self._insert("audit_log", row)) is None:
                    self.report.added("audit_log")
                else:
                    self.report.skipped("audit_log",
                                        refused_because(REFUSED_HERE, problem))
        batch.clear()

    def _offered_root(self, spec: TableSpec, row: Row) -> None:
        """A laptop may not add to the trust store: a root it slipped in would make this
        computer believe whatever that root signs. Only the office's own bundles may."""
        local = self._get(spec, row)
        if local is not None and local["cert_pem"] == row.get("cert_pem"):
            self.report.skipped(spec.name, N_("identical"))
        else:
            self.report.skipped(spec.name, N_("trust roots are taken only from the office"))

    def _newest_wins(self, spec: TableSpec, row: Row) -> str:
        """Insert, update or skip one row of reference data or of an inspection's parts."""
        local = self._get(spec, row)
        if local is None:
            problem = self._insert(spec.name, row)
            if problem is None:
                self.report.added(spec.name)
                return "added"
            self._conflict_row(spec.name, "?", _key_text(spec, row), problem,
                               Message(N_("{table} {key}: not added, it clashes with a "
                                          "record here ({problem})"),
                                       table=words.row_words(spec.name),
                                       key=_key_text(spec, row)[:8],
                                       problem=words.database_problem(problem)))
            return "conflict"
        if self._same(spec.name, row, local):
            self.report.skipped(spec.name, N_("identical"))
            return "identical"
        if spec.stamp is None:
            self.report.skipped(spec.name, N_("present"))
            return "present"
        newer = (row[spec.stamp], _canon(row)) > (local[spec.stamp], _canon(
            {k: local.get(k) for k in row}))
        if not newer:
            self.report.skipped(spec.name, N_("the copy here is newer"))
            return "older"
        problem = self._update(spec, row)
        if problem is None:
            self.report.updated(spec.name)
            return "updated"
        self._conflict_row(spec.name, _key_text(spec, row), _key_text(spec, row), problem,
                           Message(N_("{table} {key}: not updated ({problem})"),
                                   table=words.row_words(spec.name),
                                   key=_key_text(spec, row)[:8],
                                   problem=words.database_problem(problem)))
        return "conflict"

    # -- inspections --
    def _seen(self, inspection_id: str) -> str | None:
        row = self.db.execute("SELECT updated_at FROM sync_seen WHERE inspection_id = ? AND "
                              "peer_device = ?", [inspection_id, self.peer]).fetchone()
        return row[0] if row else None

    def _mark_seen(self, row: Row) -> None:
        if self._speaks_for(row):
            self.db.execute(_SEEN, [row["id"], self.peer, row["updated_at"]])

    def _speaks_for(self, row: Row) -> bool:
        """Whether the sender's copy of this record counts as seen from it: the office's
        always; a laptop's only when the laptop wrote it. A laptop sending back another's
        record unchanged must not make that record count as its own next time (an update
        instead of a conflict)."""
        return self.from_office or row["device_id"] == self.peer

    def _verdict(self, row: Row, local: Row | None) -> tuple[str, str]:
        if local is None:
            return "insert", ""
        if self._same("inspections", row, local):
            return "identical", ""
        if local["status"] == "signed":
            return "kept", N_("signed, kept")
        seen = self._seen(row["id"])
        if seen is not None and row["updated_at"] <= seen:
            return "older", N_("older than a version already imported from that device")
        if ((seen is not None and local["updated_at"] == seen)
                or local["device_id"] == row["device_id"]):
            if row["updated_at"] > local["updated_at"]:
                return "update", ""
            return "older", N_("the copy here is newer")
        return "conflict", N_("changed both here and on the other machine")

    def _number_holders(self, inspection_id: str) -> list[tuple[str, str, str]]:
        """Other inspections here printed with a number this one carries (its record's or
        one of its documents'): (number, other inspection, this one)."""
        return [tuple(r) for r in self.db.execute(
            "SELECT i.number, o.id, i.id FROM inspections i JOIN inspections o "
            "ON o.number = i.number AND o.id != i.id WHERE i.id = :id UNION "
            "SELECT d.number, o.inspection_id, d.inspection_id FROM documents d "
            "JOIN documents o ON o.number = d.number AND o.inspection_id != d.inspection_id "
            "WHERE d.inspection_id = :id", {"id": inspection_id})]

    def _flag_number_clashes(self, inspection_id: str) -> None:
        """Two records printed with one number (a laptop numbered before it had a block, or
        two laptops were given one prefix): both keep it, since a signed record's number was
        printed and handed over and must never be lost or changed, and a person is told.
        The pair is recorded in the same order whatever the import order, and later (once a
        draft of it is signed): the record made first is named first."""
        for number, other_id, own_id in self._number_holders(inspection_id):
            first, second = sorted((own_id, other_id), key=self._number_rank)
            self._conflict_row("inspections", first, second, "number",
                               Message(N_("number {number} is printed on two records here "
                                          "({first} and {second}): both keep it"),
                                       number=number, first=first[:8], second=second[:8],
                                       hint=Hint.SEE_CONFLICTS))

    def _number_rank(self, inspection_id: str) -> tuple[str, str]:
        row = self.db.execute("SELECT created_at FROM inspections WHERE id = ?",
                              [inspection_id]).fetchone()
        return (row[0], inspection_id)

    def _inspections(self, batch: list[Row]) -> None:
        """A batch of inspections; ``batch`` is emptied. When every one of them is new here
        (no row, no part and no number of it here yet, no number twice in the batch), each is
        decided as usual but its rows are held back and the batch goes in with one statement
        per table; otherwise, or when the database refuses that, one by one, where every
        clash is decided as usual."""
        if not batch:
            return
        ids = [row["id"] for row in batch]
        # The parts taken from SQL are read only if the batch is not all new after all (a
        # clash of them, such as two answers to one item, is refused by the database's own
        # rules and the batch goes one by one).
        counts = {table: self.staged.kept_counts(table, ids) for table in self._from_sql}
        from_sql = tuple(table for table, (_n, partial) in counts.items() if not partial)
        parts = self._batch_parts(ids, from_sql)
        held = self._all_new(batch, parts, from_sql)
        if held:
            self._held = {}
            self._sql_counts = {table: counts[table][0] for table in from_sql}
            try:
                for row in batch:
                    self._inspection(row, parts.get(row["id"], {}))
                held = self._insert_held(batch)
            finally:
                self._held = None
                self._sql_counts = {}
        if not held:
            if from_sql:
                parts = self._batch_parts(ids)
            for row in batch:
                self._inspection(row, parts.get(row["id"], {}))
        batch.clear()

    def _batch_parts(self, ids: list[str], leave_out: tuple[str, ...] = ()
                     ) -> dict[str, dict[str, list[Row]]]:
        """The parts of these inspections, by inspection and table, but those of
        ``leave_out``."""
        return {parent: {table: [self._clean(table, r) for r in rows]
                         for table, rows in found.items()}
                for parent, found in self.staged.parts_of_many(ids, leave_out).items()}

    def _all_new(self, batch: list[Row], parts: dict[str, dict[str, list[Row]]],
                 from_sql: tuple[str, ...] = ()) -> bool:
        ids = [row["id"] for row in batch]
        numbers = [row["number"] for row in batch if row.get("number")]
        # The documents' numbers even when their rows go in from the staged values: nothing
        # in the database refuses a number printed twice, which one by one is a conflict.
        documents = ([str(n) for n in self.staged.kept_column("documents", "number", ids)]
                     if "documents" in from_sql
                     else [d["number"] for found in parts.values()
                           for d in found.get("documents", ())])
        if (len(set(numbers)) != len(numbers) or len(set(ids)) != len(ids)
                or len(set(documents)) != len(documents)):
            return False
        if (_existing(self.db, "inspections", "id", ids)
                or _existing(self.db, "inspections", "number", numbers)
                or _existing(self.db, "documents", "number", documents)):
            return False
        for found in parts.values():
            answers = found.get("answers", [])
            if len({a["item_id"] for a in answers}) != len(answers):
                return False
        for spec in BY_NAME.values():
            if spec.parent and _existing(self.db, spec.name, spec.parent, ids):
                return False
        return True

    def _hold(self, row: Row, parts: dict[str, list[Row]]) -> None:
        """A new inspection of a batch of new ones: its rows wait for ``_insert_held`` (a
        table whose rows go in from SQL is only noted, in its place among the parts)."""
        assert self._held is not None
        for spec in CHILDREN:
            rows = parts.get(spec.name)
            if rows:
                self._held.setdefault(spec.name, []).extend(rows)
            elif self._sql_counts.get(spec.name, {}).get(row["id"]):
                self._held.setdefault(spec.name, [])

    def _insert_held(self, batch: list[Row]) -> bool:
        """Parts first (once a row says "signed", the triggers lock its parts), then the
        inspections; False, with nothing changed, when the database refuses any of it."""
        held = self._held or {}
        added = {table: len(rows) for table, rows in held.items()}
        ids = [row["id"] for row in batch]
        try:
            with self.db.atomic():
                for table, rows in held.items():
                    if table not in self._sql_counts:
                        _insert_many(self.db, table, rows)
                        continue
                    added[table] = sync_rows.add_staged_parts(
                        self.db, table, list(SCHEMAS[table]), BY_NAME[table].parent or "", ids)
                    if added[table] != sum(self._sql_counts[table].values()):
                        raise sqlite3.IntegrityError(f"{table}: not every staged row went in")
                _insert_many(self.db, "inspections", batch)
                self.db.conn.executemany(_SEEN, [[row["id"], self.peer, row["updated_at"]]
                                                 for row in batch if self._speaks_for(row)])
        except sqlite3.IntegrityError:
            return False
        for table, n in added.items():
            self.report.added(table, n)
        self.report.added("inspections", len(batch))
        self.signed_in += [row["id"] for row in batch if row["status"] == "signed"]
        return True

    def _inspection(self, row: Row, parts: dict[str, list[Row]]) -> None:
        if self._held is not None:
            self._hold(row, parts)  # new, with the rest of its batch: nothing to decide
            return
        spec = BY_NAME["inspections"]
        local = self._get(spec, row)
        verdict, why = self._verdict(row, local)
        label = row.get("number") or row["id"][:8]
        if verdict in ("kept", "older"):
            self.report.skipped("inspections", why)
            for table, rows in parts.items():
                if table in _ISSUED_FROM:
                    continue
                for _ in rows:
                    self.report.skipped(table, why)
            self._issued_from(row["id"], parts)
            return
        if verdict == "conflict":
            self._keep_both(row, parts, label)
            return
        # Parts before the inspection row: once a row says "signed", the triggers lock its parts.
        overwrite = verdict in ("insert", "update")
        if verdict != "insert" or not self._insert_new_parts(row["id"], parts):
            for table, rows in parts.items():
                for part in rows:
                    self._part(BY_NAME[table], part, overwrite)
        if verdict == "update":
            self._drop_deleted(row["id"], parts)
        if verdict == "identical":
            self.report.skipped("inspections", N_("identical"))
        else:
            problem = (self._insert("inspections", row) if local is None
                       else self._update(spec, row))
            if problem is not None:
                raise sqlite3.IntegrityError(f"inspection {label}: {problem}")
            self._flag_number_clashes(row["id"])
            if local is None:
                self.report.added("inspections")
            else:
                self.report.updated("inspections")
            if row["status"] == "signed":
                self.signed_in.append(row["id"])
        self._mark_seen(row)

    def _insert_new_parts(self, inspection_id: str, parts: dict[str, list[Row]]) -> bool:
        """A new inspection's parts, one statement per table. Only when nothing here can
        clash (no part of it here yet, one answer per item): then each part would simply be
        added, row by row. Any refusal rolls the batch back and the caller goes row by row,
        where each clash becomes a conflict as usual."""
        answers = parts.get("answers", [])
        if len({a["item_id"] for a in answers}) != len(answers):
            return False
        for table in parts:
            spec = BY_NAME[table]
            if self.db.execute(f"SELECT 1 FROM {table} WHERE {spec.parent} = ? LIMIT 1",
                               [inspection_id]).fetchone():
                return False
        try:
            with self.db.atomic():
                for table, rows in parts.items():
                    _insert_many(self.db, table, rows)
        except sqlite3.IntegrityError:
            return False
        for table, rows in parts.items():
            for _ in rows:
                self.report.added(table)
        return True

    def _part(self, spec: TableSpec, row: Row, overwrite: bool) -> None:
        """One part of an inspection being inserted/updated (``overwrite``) or merged."""
        if spec.name == "answers":
            # Two machines answering the same item make two ids for one (inspection, item).
            other = self.db.execute(
                "SELECT id, updated_at FROM answers WHERE inspection_id = ? AND item_id = ? "
                "AND id != ?", [row["inspection_id"], row["item_id"], row["id"]]).fetchone()
            if other is not None:
                if not overwrite and other[1] >= row["updated_at"]:
                    self.report.skipped("answers", N_("the copy here is newer"))
                    return
                self.db.execute("DELETE FROM answers WHERE id = ?", [other[0]])
        if overwrite and spec.stamp is not None:
            local = self._get(spec, row)
            if local is not None and not self._same(spec.name, row, local):
                problem = self._update(spec, row)
                if problem is None:
                    self.report.updated(spec.name)
                else:
                    self._conflict_row(spec.name, row["id"], row["id"], problem,
                                       Message(N_("{table} {key}: not updated ({problem})"),
                                               table=words.row_words(spec.name),
                                               key=row["id"][:8],
                                               problem=words.database_problem(problem)))
                return
        self._newest_wins(spec, row)

    def _drop_deleted(self, inspection_id: str, parts: dict[str, list[Row]]) -> None:
        """Hard-deleted parts (answers and photos are never deleted, only cleared or marked)."""
        for table in _DELETABLE:
            spec = BY_NAME[table]
            carried = {tuple(r[k] for k in spec.key) for r in parts.get(table, [])}
            # A laptop deletes only what it wrote: a part another computer added here (the
            # company's signature given at the office, which leaves the record's own row as
            # it was) is one the laptop never had, so its absence is no deletion.
            owner = ("device_id" if not self.from_office and "device_id" in self.columns[table]
                     else "NULL")
            cursor = self.db.execute(f"SELECT {owner}, {', '.join(spec.key)} FROM {table} "
                                     f"WHERE {spec.parent} = ?", [inspection_id])
            for device, *key in cursor.fetchall():
                if tuple(key) in carried:
                    continue
                if device is not None and device != self.peer:
                    self.report.skipped(table, N_("deleted there, kept: written by another "
                                                  "computer"))
                    continue
                if table == "findings" and self._finding_referred(key[0]):
                    self.report.skipped(table,
                                        N_("deleted there, kept: still referred to here"))
                    continue
                self.db.execute(f"DELETE FROM {table} WHERE "
                                + " AND ".join(f"{k} = ?" for k in spec.key), list(key))
                self.report.deleted(table)

    def _finding_referred(self, finding_id: str) -> bool:
        return self.db.execute(
            "SELECT 1 FROM photos WHERE finding_id = :f UNION ALL "
            "SELECT 1 FROM reinspection_results WHERE finding_id = :f UNION ALL "
            "SELECT 1 FROM findings WHERE origin_finding_id = :f LIMIT 1",
            {"f": finding_id}).fetchone() is not None

    def _issued_from(self, inspection_id: str, parts: dict[str, list[Row]]) -> None:
        """The documents issued from a record kept here as it is (signed here, or newer
        here), and the hazards its re-inspection moved on: a laptop issues them from a record
        it received, and they must not be dropped with the copy of the record."""
        for table in _ISSUED_FROM:
            for part in parts.get(table, ()):
                if table == "findings" and self._get(BY_NAME[table], part) is None:
                    self.report.skipped(table, N_("signed, kept"))
                    continue
                self._part(BY_NAME[table], part, overwrite=False)
        if parts.get("documents"):
            self._flag_number_clashes(inspection_id)

    def _orphans(self, parent_id: str, parts: dict[str, list[Row]]) -> None:
        """Parts whose inspection is not in the bundle: a laptop sends only the rows it wrote
        (a hazard its re-inspection closed, a document it issued from a record of another)."""
        status = self.db.execute("SELECT status FROM inspections WHERE id = ?",
                                 [parent_id]).fetchone()
        if status is not None and status[0] == "signed":
            for table, rows in parts.items():
                if table not in _ISSUED_FROM:
                    for _ in rows:
                        self.report.skipped(table, N_("signed, kept"))
            self._issued_from(parent_id, parts)
            return
        for table, rows in parts.items():
            for row in rows:
                if status is None:
                    self.report.skipped(
                        table, N_("its inspection is neither here nor in the bundle"))
                else:
                    self._part(BY_NAME[table], row, overwrite=False)
        if status is not None and "documents" in parts:
            self._flag_number_clashes(parent_id)

    def _keep_both(self, row: Row, parts: dict[str, list[Row]], label: str) -> None:
        copy_id = derived_id("copy", row["id"], row["device_id"], row["updated_at"])
        if self.db.execute("SELECT 1 FROM inspections WHERE id = ?", [copy_id]).fetchone():
            self.report.skipped("inspections", N_("conflict already recorded"))
            return
        # Once a person resolved it, the copy is gone on purpose: never bring it back.
        conflict_id = derived_id("conflict", "inspections", row["id"], copy_id,
                                 "edited on two machines")
        if self.db.execute("SELECT 1 FROM conflicts WHERE id = ? AND resolved_at IS NOT NULL",
                           [conflict_id]).fetchone():
            self.report.skipped("inspections", N_("conflict already resolved"))
            return
        ids = {row["id"]: copy_id}
        for table in ("findings", "answers", "photos", "signatures", "reinspection_results"):
            for part in parts.get(table, []):
                ids[part["id"]] = derived_id(copy_id, part["id"])
        for table, rows in parts.items():
            if table in ("documents", "record_signatures"):
                # Numbers and signatures belong to the original record, never to a copy.
                for _ in rows:
                    self.report.skipped(table, N_("stays with the original of a conflict"))
                continue
            spec = BY_NAME[table]
            for part in rows:
                copied = {k: ids.get(v, v) if k in ("id", "inspection_id", "reinspection_id",
                                                     "finding_id") else v
                          for k, v in part.items()}
                problem = self._insert(table, copied)
                if problem is None:
                    self.report.added(spec.name)
                else:
                    self.report.skipped(spec.name, refused_because(NOT_COPIED, problem))
        copy = {**row, "id": copy_id, "number": None, "conflict_of": row["id"]}
        problem = self._insert("inspections", copy)
        if problem is not None:
            raise sqlite3.IntegrityError(f"inspection {label}: {problem}")
        self._conflict_row("inspections", row["id"], copy_id, "edited on two machines",
                           Message(N_("inspection {label} was changed here and on {peer}: "
                                      "both versions kept, the incoming one as {copy} — "
                                      "resolve it"),
                                   label=label, peer=self.peer_name, copy=copy_id[:8]))


def _existing(db: Database, table: str, column: str, values: list[Any]) -> set[Any]:
    """Which of ``values`` are in ``table.column`` here."""
    found: set[Any] = set()
    for start in range(0, len(values), _BATCH):
        part = values[start:start + _BATCH]
        found.update(v for (v,) in db.execute(
            f"SELECT {column} FROM {table} WHERE {column} IN ({','.join('?' * len(part))})",
            part))
    return found


# A set of rows at least this large, of a table with an insert trigger (the hazard ledger's,
# the locks of signed records), goes in through a temporary table with one INSERT ... SELECT:
# a statement that fires a trigger opens a statement journal and copies into it every page
# it is the first to touch, once per statement, which with executemany is once per row. The
# district's 2,000 inspections, 53,000 answers and 3,000 hazards took 0.68-0.79, 0.89-0.97
# and 0.12-0.15 s of CPU row by row, 0.28-0.30, 0.35-0.46 and 0.06-0.07 s through the
# temporary table (measured alone, in batches). A table without such a trigger gains nothing
# (its rows are copied twice): the signatures with their images took longer.
_VIA_TEMP = 16
_INSERT_TRIGGER = re.compile(r"\bINSERT\s+ON\b", re.IGNORECASE)


def _fires_on_insert(db: Database, table: str) -> bool:
    return any(_INSERT_TRIGGER.search(sql or "") for (sql,) in db.conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", [table]))


def _insert_many(db: Database, table: str, rows: list[Row]) -> None:
    """Rows in as few statements as their sets of columns allow, in their order per set."""
    by_columns: dict[tuple[str, ...], list[Row]] = {}
    for row in rows:
        by_columns.setdefault(tuple(row), []).append(row)
    for cols, same in by_columns.items():
        names, marks = ", ".join(cols), ", ".join("?" * len(cols))
        values = [[row[c] for c in cols] for row in same]
        if len(same) < _VIA_TEMP or not _fires_on_insert(db, table):
            db.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", values)
            continue
        # Columns without a type: the values are kept as given, and converted by the table's
        # own columns as a direct insert would.
        db.conn.execute("DROP TABLE IF EXISTS temp.sync_batch")
        db.conn.execute(f"CREATE TEMP TABLE sync_batch ({names})")
        try:
            db.conn.executemany(f"INSERT INTO temp.sync_batch VALUES ({marks})", values)
            db.conn.execute(f"INSERT INTO main.{table} ({names}) SELECT {names} "
                            f"FROM temp.sync_batch ORDER BY rowid")
        finally:
            db.conn.execute("DROP TABLE IF EXISTS temp.sync_batch")


def _key_text(spec: TableSpec, row: Row) -> str:
    return "/".join(str(row[k]) for k in spec.key)
