"""Companies in the database. Each public write is one transaction and leaves an audit trail."""

from __future__ import annotations

import builtins
import json
import sqlite3
from typing import TYPE_CHECKING, Any, Literal, cast

from inspector_app.domain.company import (
    CONTENT_FIELDS,
    Company,
    CompanyIndex,
    differences,
    plan_upsert,
)
from inspector_app.domain.records import new_id, record_stamp, utcnow_iso
from inspector_app.errors import NotFoundError, ValidationError
from inspector_app.i18n import N_
from inspector_app.storage.like import like_pattern

if TYPE_CHECKING:
    from sqlite_utils import Database

UpsertOutcome = Literal["added", "updated", "unchanged"]

_COLUMNS = ("id", *CONTENT_FIELDS)
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM companies"
# Searched by a substring: FTS5's trigram tokenizer misses one- and two-character Chinese
# queries, and a LIKE scan of a few thousand rows takes well under a millisecond.
_SEARCHED = ("name", "credit_code", "town", "contact_name", "legal_rep")


# The ORDER BY terms behind each column of the companies list, for ``CompanyRepo.list(sort=…)``.
COMPANY_SORTS: dict[str, tuple[str, ...]] = {
    "name": ("name",),
    "credit_code": ("credit_code", "name"),
    "town": ("town", "name"),
    "industry": ("industry", "name"),
    # By risk, the gravest first, as the four-colour scheme ranks them.
    "risk_level": ("CASE risk_level WHEN 'major' THEN 0 WHEN 'high' THEN 1 "
                   "WHEN 'moderate' THEN 2 WHEN 'low' THEN 3 ELSE 4 END", "name"),
    "contact_name": ("contact_name", "name"),
    "contact_phone": ("contact_phone", "name"),
}


def _where(search: str | None, town: str | None,
           industry: str | None) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    for word in (search or "").split():
        pattern = like_pattern(word)
        where.append("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in _SEARCHED) + ")")
        params.extend([pattern] * len(_SEARCHED))
    if town:
        where.append("town = ?")
        params.append(town)
    if industry:
        where.append("industry = ?")
        params.append(industry)
    return (" WHERE " + " AND ".join(where) if where else ""), params


def _from_row(row: tuple[Any, ...]) -> Company:
    values = dict(zip(_COLUMNS, row, strict=True))
    values["special_areas"] = tuple(json.loads(values["special_areas"] or "[]"))
    return Company(**values)


def _stored(value: Any) -> Any:
    """A field's value as the companies table (and the audit log) keep it."""
    if isinstance(value, tuple):
        return json.dumps(list(value), ensure_ascii=False)
    return value


class CompanyRepo:
    def __init__(self, db: Database, device_id: str, actor: str | None = None) -> None:
        self.db = db
        self.device_id = device_id
        self.actor = actor

    # -- reading ------------------------------------------------------------------------------
    def get(self, company_id: str) -> Company | None:
        row = self.db.execute(f"{_SELECT} WHERE id = ?", [company_id]).fetchone()
        return _from_row(row) if row else None

    def get_by_credit_code(self, credit_code: str) -> Company | None:
        row = self.db.execute(f"{_SELECT} WHERE credit_code = ?", [credit_code]).fetchone()
        return _from_row(row) if row else None

    def list(self, search: str | None = None, town: str | None = None,
             industry: str | None = None, limit: int | None = None, *,
             sort: str = "name", descending: bool = False,
             offset: int = 0) -> builtins.list[Company]:
        """Companies by name (or by ``sort``, one of ``COMPANY_SORTS``); every word of
        ``search`` must occur in one of the searched fields. ``limit``/``offset`` give a page."""
        where, params = _where(search, town, industry)
        direction = "DESC" if descending else "ASC"
        order = ", ".join(f"{term} {direction}" for term in (*COMPANY_SORTS[sort], "id"))
        sql = f"{_SELECT}{where} ORDER BY {order}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params.extend([limit, offset])
        return [_from_row(r) for r in self.db.execute(sql, params).fetchall()]

    def count(self, search: str | None = None, town: str | None = None,
              industry: str | None = None) -> int:
        """How many companies ``list`` gives for the same filters, without reading them."""
        where, params = _where(search, town, industry)
        return int(self.db.execute(f"SELECT count(*) FROM companies{where}",
                                   params).fetchone()[0])

    def ids_starting(self, prefix: str) -> builtins.list[str]:
        """Up to two company ids starting with ``prefix`` (two: enough to tell it is
        ambiguous); LIKE's own characters in ``prefix`` are dropped."""
        rows = self.db.execute("SELECT id FROM companies WHERE id LIKE ? LIMIT 2",
                               [prefix.replace("%", "").replace("_", "") + "%"]).fetchall()
        return [str(r[0]) for r in rows]

    def has_any(self) -> bool:
        """Whether the register holds a company at all (cheaper than counting them)."""
        return self.db.execute("SELECT 1 FROM companies LIMIT 1").fetchone() is not None

    def towns(self) -> builtins.list[str]:
        rows = self.db.execute(
            "SELECT DISTINCT town FROM companies WHERE town IS NOT NULL ORDER BY town").fetchall()
        return [r[0] for r in rows]

    def index(self) -> CompanyIndex:
        """Every company, indexed for matching import rows (one query instead of one per row)."""
        return CompanyIndex(self.list())

    def find_match(self, company: Company) -> Company | None:
        """The stored company ``company`` stands for (see ``CompanyIndex``); None if new."""
        company = company.normalised()
        rows = self.db.execute(
            f"{_SELECT} WHERE name = ? OR (credit_code IS NOT NULL AND credit_code = ?)",
            [company.name, company.credit_code],
        ).fetchall()
        return CompanyIndex(_from_row(r) for r in rows).match(company)

    # -- writing ------------------------------------------------------------------------------
    def add(self, company: Company, reason: str | None = None) -> Company:
        company = company.validated()
        company_id = new_id()
        stored = Company(**company.content(), id=company_id)
        with self.db.atomic():
            self._check_code_free(stored)
            row = {name: _stored(value) for name, value in stored.content().items()}
            try:
                _insert(self.db, "companies",
                        {"id": company_id, **row, **record_stamp(self.device_id)})
            except sqlite3.IntegrityError as exc:  # a race with another copy of the program
                raise self._code_taken(stored) from exc
            snapshot = {k: list(v) if isinstance(v, tuple) else v
                        for k, v in stored.content().items() if v not in (None, ())}
            self._audit(company_id, "create", new=json.dumps(snapshot, ensure_ascii=False),
                        reason=reason)
        return stored

    def state(self) -> tuple[int, str | None]:
        """What changes whenever any company is added or changed: an import compares it with
        the one its preview was planned on."""
        row = self.db.execute("SELECT count(*), max(updated_at) FROM companies").fetchone()
        return int(row[0]), row[1]

    def add_new(self, companies: builtins.list[Company], reason: str | None = None) -> int:
        """Add companies known to be new and already validated (an import's rows, planned
        against ``state()``) with one statement for the rows and one for their audit entries,
        inside the caller's transaction. Row by row is ten times slower, and a 100,000-row list
        matters."""
        stamp = record_stamp(self.device_id)
        rows: builtins.list[dict[str, Any]] = []
        audits: builtins.list[dict[str, Any]] = []
        for company in companies:
            company_id = new_id()
            content = company.content()
            rows.append({"id": company_id, **{n: _stored(v) for n, v in content.items()},
                         **stamp})
            snapshot = {k: list(v) if isinstance(v, tuple) else v
                        for k, v in content.items() if v not in (None, ())}
            audits.append({
                "id": new_id(), "at": stamp["created_at"], "device_id": self.device_id,
                "actor": self.actor, "entity": "company", "entity_id": company_id,
                "inspection_id": None, "action": "create", "field": None, "old_value": None,
                "new_value": json.dumps(snapshot, ensure_ascii=False), "reason": reason})
        try:
            _insert_many(self.db, "companies", rows)
        except sqlite3.IntegrityError as exc:  # a race with another copy of the program
            raise ValidationError(N_("Another copy of the program changed the companies while "
                                     "this list was imported; nothing was imported. Import it "
                                     "again.")) from exc
        _insert_many(self.db, "audit_log", audits)
        return len(rows)

    def update(self, company: Company, reason: str | None = None) -> Company:
        """Store ``company`` (found by its id) as given; one audit row per changed field."""
        company_id = company.id
        if not company_id:
            raise ValueError("update() needs a company with an id")
        company = company.validated()
        with self.db.atomic():
            existing = self.get(company_id)
            if existing is None:
                raise NotFoundError(N_("The company {name} is no longer on this computer."),
                                    name=company.name)
            self._write_changes(existing, company, reason)
        return company

    def upsert_by_credit_code(self, company: Company,
                              reason: str | None = None) -> UpsertOutcome:
        """Add ``company`` or update the one it matches, keeping that one's id.

        The credit code decides; without one, the exact name (see ``CompanyIndex``). Blank
        fields of ``company`` keep the stored values, so importing a partial list loses nothing.
        """
        company = company.validated()
        with self.db.atomic():
            existing = self.find_match(company)
            outcome, merged = plan_upsert(existing, company)
            if existing is None:
                self.add(merged, reason=reason)
            elif outcome == "updated":
                self._write_changes(existing, merged, reason)
        return cast(UpsertOutcome, outcome)

    # -- internals ----------------------------------------------------------------------------
    def _write_changes(self, existing: Company, new: Company, reason: str | None) -> None:
        changed = differences(existing, new)
        if not changed:
            return
        self._check_code_free(new)
        assignments = {name: _stored(value) for name, (_, value) in changed.items()}
        sets = ", ".join(f"{name} = ?" for name in assignments)
        try:
            # Stamped with this computer's device: an edit travels in its own sync bundle,
            # which carries only the rows naming it, and the office's policy takes it as its.
            self.db.execute(f"UPDATE companies SET {sets}, updated_at = ?, device_id = ? "
                            f"WHERE id = ?",
                            [*assignments.values(), utcnow_iso(), self.device_id, existing.id])
        except sqlite3.IntegrityError as exc:
            raise self._code_taken(new) from exc
        for name, (old, value) in changed.items():
            self._audit(existing.id or "", "update", field=name, old=_stored(old),
                        new=_stored(value), reason=reason)

    def _check_code_free(self, company: Company) -> None:
        if company.credit_code:
            other = self.get_by_credit_code(company.credit_code)
            if other is not None and other.id != company.id:
                raise self._code_taken(company, other)

    def _code_taken(self, company: Company, other: Company | None = None) -> ValidationError:
        other = other or (self.get_by_credit_code(company.credit_code or ""))
        holder = f" ({other.name})" if other else ""
        return ValidationError(
            N_("Another company{holder} on this computer already has the credit code "
               "{credit_code}."), holder=holder, credit_code=company.credit_code)

    def _audit(self, company_id: str, action: str, *, field: str | None = None,
               old: str | None = None, new: str | None = None,
               reason: str | None = None) -> None:
        # Written inside the caller's transaction: a change and its audit row land together.
        _insert(self.db, "audit_log", {
            "id": new_id(), "at": utcnow_iso(), "device_id": self.device_id,
            "actor": self.actor, "entity": "company", "entity_id": company_id,
            "inspection_id": None, "action": action, "field": field,
            "old_value": old, "new_value": new, "reason": reason,
        })


def _insert(db: Database, table: str, row: dict[str, Any]) -> None:
    # Plain SQL: sqlite-utils' insert() inspects the schema on every call, which made a
    # 100,000-row import spend most of its time asking SQLite what tables exist.
    columns = ", ".join(row)
    marks = ", ".join("?" * len(row))
    db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))


def _insert_many(db: Database, table: str, rows: builtins.list[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = ", ".join(rows[0])
    marks = ", ".join("?" * len(rows[0]))
    db.conn.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})",
                        [list(row.values()) for row in rows])
