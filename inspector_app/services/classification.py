"""Classifying companies for supervision and keeping their standardisation certificates.

The suggested class comes from the data (``domain.risk``); the office decides, and every decision
is kept with who, when and why, written to the audit log and to the company's ``risk_level`` (which
is how the class reaches the laptops).
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from inspector_app.domain.profile import Device
from inspector_app.domain.records import new_id, record_stamp, utcnow_iso
from inspector_app.domain.risk import (
    CERTIFICATE_STATES,
    DEFAULT_SCHEME,
    EXPIRY_WARNING_DAYS,
    STANDARDISATION_GRADES,
    CompanyFacts,
    RiskScheme,
    Standardisation,
    reasons_of,
    suggest,
)
from inspector_app.errors import NotFoundError, ValidationError
from inspector_app.i18n import N_
from inspector_app.storage.audit import AuditLog
from inspector_app.storage.classification_repo import ClassificationRepo
from inspector_app.storage.companies_repo import CompanyRepo
from inspector_app.storage.repositories import SettingsRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

SCHEME_SETTING = "risk_scheme"
ANY = "*"       # the overview's choice of every grade (None is "no grade")


@dataclass(frozen=True)
class Classified:
    """One company as the classification list shows it."""

    company_id: str
    name: str
    town: str | None
    current: str | None                 # the class decided (companies.risk_level)
    suggested: str
    reasons: tuple[str, ...]
    decided_by: str | None = None
    decided_at: str | None = None
    why: str | None = None
    standardisation: Standardisation = field(default_factory=Standardisation)
    major_hazard_source: bool = False
    accidents: int = 0

    @property
    def differs(self) -> bool:
        return self.current != self.suggested


@dataclass(frozen=True)
class Certified:
    """One company in the standardisation overview: its certificate and where it stands."""

    company_id: str
    name: str
    town: str | None
    standardisation: Standardisation
    state: str                          # a CERTIFICATE_STATES key


@dataclass(frozen=True)
class StandardisationOverview:
    """Every company's certificate on a day, with the counts the office reports: companies
    per grade (None: no grade) and per state."""

    today: date
    days: int
    rows: list[Certified]

    def by_grade(self) -> dict[str | None, int]:
        counts: dict[str | None, int] = {g: 0 for g in (*STANDARDISATION_GRADES, None)}
        for row in self.rows:
            counts[row.standardisation.grade] = counts.get(row.standardisation.grade, 0) + 1
        return counts

    def by_state(self) -> dict[str, int]:
        counts = {state: 0 for state in CERTIFICATE_STATES}
        for row in self.rows:
            counts[row.state] += 1
        return counts

    def chosen(self, grade: str | None = ANY,
               states: Collection[str] | None = None) -> list[Certified]:
        """The rows of one grade (None: without a grade; ``ANY``: every grade) and, when
        given, in one of ``states``; soonest expiry first, then by town and name."""
        rows = [r for r in self.rows
                if (grade == ANY or r.standardisation.grade == grade)
                and (states is None or r.state in states)]
        return sorted(rows, key=lambda r: r.standardisation.expires_on or "9999")


class ClassificationService:
    def __init__(self, db: Database, device: Device, actor: str | None = None) -> None:
        self.db = db
        self.device = device
        self.actor = actor
        self.audit = AuditLog(db, device.id, actor)
        self.repo = ClassificationRepo(db)

    def resolve_company(self, key: str) -> str:
        """A company id, or an unambiguous start of one (as ``classify list`` prints it)."""
        ids = CompanyRepo(self.db, self.device.id).ids_starting(key)
        if len(ids) != 1 or len(key) < 4:
            raise NotFoundError(N_("No company with id {key}."), key=key)
        return ids[0]

    # --- the scheme ---------------------------------------------------------------------------
    def scheme(self) -> RiskScheme:
        text = SettingsRepo(self.db).get(SCHEME_SETTING)
        return RiskScheme.from_dict(json.loads(text)) if text else DEFAULT_SCHEME

    def set_scheme(self, scheme: RiskScheme) -> None:
        with self.db.atomic():
            old = SettingsRepo(self.db).get(SCHEME_SETTING)
            new = json.dumps(scheme.to_dict(), ensure_ascii=False)
            SettingsRepo(self.db).set(SCHEME_SETTING, new)
            self.audit.record("risk_scheme", "office", "update", old=old, new=new)

    # --- facts and suggestions ------------------------------------------------------------------
    def overview(self, today: date | None = None) -> list[Classified]:
        """Every company with its class, the suggestion and the reasons; a few queries in all."""
        today = today or date.today()
        scheme = self.scheme()
        since = (today - timedelta(days=365)).isoformat()
        major = self.repo.major_findings_since(since)
        supervision = self.repo.supervision_facts()
        decisions = self.repo.latest_decisions()
        out = []
        for cid, name, town, industry, areas, level in self.repo.companies():
            sup = supervision.get(cid)
            facts = CompanyFacts(industry, tuple(json.loads(areas or "[]")),
                                 bool(sup and sup[1]), sup[2] if sup else 0, major.get(cid, 0))
            reasons = tuple(reasons_of(facts))
            decision = decisions.get(cid)
            out.append(Classified(
                cid, name, town, level, suggest(scheme, reasons), reasons,
                *(decision[1:] if decision else (None, None, None)),
                Standardisation(*sup[3:]) if sup else Standardisation(),
                facts.major_hazard_source, facts.accidents))
        return out

    def get(self, company_id: str, today: date | None = None) -> Classified:
        found = next((c for c in self.overview(today) if c.company_id == company_id), None)
        if found is None:
            raise NotFoundError(N_("No company with id {company_id}."), company_id=company_id)
        return found

    # --- decisions ------------------------------------------------------------------------------
    def decide(self, company_id: str, risk_class: str, why: str,
               today: date | None = None) -> None:
        """Record the office's decision: the class, who, when, why; the company's risk_level."""
        scheme = self.scheme()
        if scheme.get(risk_class) is None:
            names = "、".join(f"{c.zh} ({c.key})" for c in scheme.classes)
            raise ValidationError(N_("Unknown class {risk_class!r}; the scheme has {names}."),
                                  risk_class=risk_class, names=names)
        if not why.strip():
            raise ValidationError(N_("Say why the company is put in this class."))
        self._decide(self.get(company_id, today), risk_class, why)

    def _decide(self, row: Classified, risk_class: str, why: str) -> None:
        company_id = row.company_id
        repo = CompanyRepo(self.db, self.device.id, self.actor)
        with self.db.atomic():
            company = repo.get(company_id)
            if company is None:
                raise NotFoundError(N_("No company with id {company_id}."), company_id=company_id)
            self.repo.add_decision({
                "id": new_id(), "company_id": company_id, "risk_class": risk_class,
                "suggested_class": row.suggested, "reasons": json.dumps(list(row.reasons)),
                "why": why.strip(), "decided_by": self.actor, "decided_at": utcnow_iso(),
                **record_stamp(self.device.id)})
            if company.risk_level != risk_class:
                repo.update(replace(company, risk_level=risk_class), reason=why.strip())
            self.audit.record("company", company_id, "classify", field="risk_class",
                              old=row.current, new=risk_class, reason=why.strip())

    def accept_suggestions(self, why: str, *, unclassified_only: bool = True,
                           today: date | None = None) -> int:
        """Decide the suggested class for every (unclassified) company; how many were decided."""
        if not why.strip():
            raise ValidationError(N_("Say why the companies are put in their classes."))
        count = 0
        with self.db.atomic():
            for row in self.overview(today):  # one pass: not one overview per company
                if unclassified_only and row.decided_at is not None:
                    continue
                self._decide(row, row.suggested, why)
                count += 1
        return count

    def history(self, company_id: str) -> list[tuple[str, str, str | None, str]]:
        """(when, class, who, why), newest first."""
        return self.repo.decisions(company_id)

    # --- facts the office keeps -----------------------------------------------------------------
    def _supervision_row(self, company_id: str) -> dict:
        if CompanyRepo(self.db, self.device.id).get(company_id) is None:
            raise NotFoundError(N_("No company with id {company_id}."), company_id=company_id)
        row = self.repo.supervision(company_id)
        if row is not None:
            return row
        return {"company_id": company_id, "major_hazard_source": 0, "accidents": 0,
                "std_grade": None, "std_certificate": None, "std_issued_on": None,
                "std_expires_on": None, **record_stamp(self.device.id)}

    def _save(self, row: dict, what: str) -> None:
        old = self.repo.supervision_values(row["company_id"])
        row = {**row, "updated_at": utcnow_iso(), "device_id": self.device.id}
        with self.db.atomic():
            self.repo.save_supervision(row)
            self.audit.record("company", row["company_id"], what,
                              old=json.dumps(old, ensure_ascii=False, default=str) if old
                              else None, new=json.dumps(row, ensure_ascii=False))

    def set_facts(self, company_id: str, *, major_hazard_source: bool | None = None,
                  accidents: int | None = None) -> None:
        row = self._supervision_row(company_id)
        if major_hazard_source is not None:
            row["major_hazard_source"] = int(major_hazard_source)
        if accidents is not None:
            if accidents < 0:
                raise ValidationError(N_("The number of accidents cannot be negative."))
            row["accidents"] = accidents
        self._save(row, "supervision_facts")

    def set_standardisation(self, company_id: str, std: Standardisation) -> None:
        std = std.validated()
        row = self._supervision_row(company_id)
        row.update({"std_grade": std.grade, "std_certificate": std.certificate,
                    "std_issued_on": std.issued_on, "std_expires_on": std.expires_on})
        self._save(row, "standardisation")

    def expiring(self, days: int, today: date | None = None) -> list[Classified]:
        """Companies whose standardisation certificate expires within ``days`` (or has expired),
        soonest first."""
        today = today or date.today()
        rows = [c for c in self.overview(today) if c.standardisation.expires_within(today, days)]
        return sorted(rows, key=lambda c: (c.standardisation.expires_on or "", c.name))

    def standardisation_overview(self, today: date | None = None,
                                 days: int = EXPIRY_WARNING_DAYS) -> StandardisationOverview:
        """Every company with its standardisation certificate and whether it has expired or
        expires within ``days`` of ``today``; one query, without the classes' suggestions."""
        today = today or date.today()
        rows = []
        for cid, name, town, grade, certificate, issued, expires in \
                self.repo.standardisation_rows():
            std = Standardisation(grade, certificate, issued, expires)
            rows.append(Certified(cid, name, town, std, std.state(today, days)))
        return StandardisationOverview(today, days, rows)

    def without_certificate(self, today: date | None = None) -> list[Classified]:
        return [c for c in self.overview(today) if not c.standardisation.certificate]
