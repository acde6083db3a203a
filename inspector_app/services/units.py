"""The office's registry of units and campaigns, as the window edits it (``UnitsService``), and
the district's units (towns, sector departments, groups), its campaigns and the office's
escalation decisions as the front-ends read them (``ctx.units``, ``ctx.campaigns``,
``ctx.escalations``). The rows are kept by ``storage/units_repo.py`` and
``storage/escalations_repo.py``; the statistics over them are ``services/dispatch.py``.

Every change is checked before anything is written; a change to many companies at once is one
transaction, so a refused change leaves every company as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from inspector_app.domain.company import Company
from inspector_app.domain.units import Campaign, Unit, UnitKind, sector_conflicts
from inspector_app.errors import NotFoundError, ValidationError
from inspector_app.i18n import N_
from inspector_app.storage.companies_repo import CompanyRepo
from inspector_app.storage.escalations_repo import EscalationRepo
from inspector_app.storage.units_repo import CampaignRepo, UnitRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

__all__ = ["KEEP", "CampaignRepo", "CompanyUnits", "EscalationRepo", "UnitRepo", "UnitsService"]

KEEP = object()   # "leave this field as it is" in a bulk assignment


@dataclass(frozen=True)
class CompanyUnits:
    """A company with the units answerable for it."""

    id: str
    name: str
    town: str | None
    industry: str | None
    department: str | None          # the named or the industry's department, by name
    department_named: bool          # named on the company rather than by its industry


class UnitsService:
    def __init__(self, db: Database, device_id: str, actor: str | None = None) -> None:
        self.db = db
        self.units = UnitRepo(db, device_id)
        self.campaigns = CampaignRepo(db, device_id)
        self.companies = CompanyRepo(db, device_id, actor)

    # -- units --
    def all_units(self, kind: UnitKind | str | None = None, *,
                  active_only: bool = False) -> list[Unit]:
        return self.units.all(kind, active_only=active_only)

    def add_unit(self, name: str, kind: UnitKind | str, sectors: tuple[str, ...] = (),
                 parent_id: str | None = None) -> Unit:
        return self.units.add(name, kind, sectors=sectors, parent_id=parent_id)

    def edit_unit(self, unit_id: str, *, name: str | None = None,
                  sectors: tuple[str, ...] | None = None, active: bool | None = None) -> Unit:
        current = self.units.get(unit_id)
        if current is None:
            raise NotFoundError(N_("No unit with id {unit_id}."), unit_id=unit_id)
        if current.kind == UnitKind.TOWN and name is not None and name.strip() != current.name:
            # Companies and campaigns name a town by its name: renaming the town renames it
            # on them, in the same transaction, or their figures would leave the town's row.
            with self.db.atomic():
                unit = self.units.update(unit_id, name=name, sectors=sectors, active=active)
                for company in self.companies.list(town=current.name):
                    self.companies.update(replace(company, town=unit.name),
                                          reason=f"town renamed to {unit.name}")
                for campaign in self.campaigns.all():
                    if current.name in campaign.towns:
                        self.campaigns.update(replace(campaign, towns=tuple(
                            unit.name if t == current.name else t for t in campaign.towns)))
            return unit
        return self.units.update(unit_id, name=name, sectors=sectors, active=active)

    def sector_conflicts(self) -> dict[str, list[str]]:
        return sector_conflicts(self.units.all(UnitKind.DEPARTMENT))

    def own_unit(self) -> Unit | None:
        return self.units.own_unit()

    def set_own_unit(self, unit_id: str | None) -> None:
        if unit_id is not None:
            unit = self.units.get(unit_id)
            if unit is not None and not unit.active:
                raise ValidationError(N_("{name} is retired; choose a unit still at work."),
                                      name=unit.name)
        self.units.set_own_unit(unit_id)

    # -- campaigns --
    def all_campaigns(self) -> list[Campaign]:
        return self.campaigns.all()

    def save_campaign(self, campaign: Campaign) -> Campaign:
        """Add a new campaign, or replace the one with the same id."""
        known_towns = {u.name for u in self.units.all(UnitKind.TOWN)}
        unknown = [t for t in campaign.towns if t not in known_towns]
        if unknown:
            raise ValidationError(N_("Campaign {strip}: no town named "
                                     "{join} in the registry."),
                                  strip=campaign.name.strip(), join=', '.join(unknown))
        if campaign.id and self.campaigns.get(campaign.id) is not None:
            return self.campaigns.update(campaign)
        return self.campaigns.add(campaign)

    # -- companies --
    def companies_matching(self, search: str | None = None, town: str | None = None,
                           industry: str | None = None) -> list[CompanyUnits]:
        """The companies a filter finds, each with its town and supervising department."""
        departments = self.units.all(UnitKind.DEPARTMENT)
        by_id = {u.id: u for u in departments}
        by_sector: dict[str, Unit] = {}
        for unit in departments:       # the same rule as the statistics: lowest position first
            if unit.active:
                for sector in unit.sectors:
                    by_sector.setdefault(sector, unit)
        named = self.units.named_departments()
        out = []
        for c in self.companies.list(search or None, town or None, industry or None):
            unit = by_id.get(named.get(c.id or "", "")) or by_sector.get(c.industry or "")
            out.append(CompanyUnits(c.id or "", c.name, c.town, c.industry,
                                    unit.name if unit else None, c.id in named))
        return out

    def assign(self, company_ids: list[str], *, town: str | object | None = KEEP,
               department_id: str | object | None = KEEP) -> int:
        """Set the town and/or the named department of the companies; all or none."""
        if town is KEEP and department_id is KEEP:
            raise ValidationError(N_("Choose a town or a department to set."))
        if not company_ids:
            raise ValidationError(N_("No company is selected."))
        if isinstance(town, str):
            unit = next((u for u in self.units.all(UnitKind.TOWN) if u.name == town), None)
            if unit is None:
                raise ValidationError(N_("No town named {town} in the registry."), town=town)
            if not unit.active:
                raise ValidationError(N_("{town} is retired; companies cannot be put under it."),
                                      town=town)
        if isinstance(department_id, str):
            unit = self.units.get(department_id)
            if unit is None or unit.kind != UnitKind.DEPARTMENT:
                raise ValidationError(
                    N_("A company's supervising unit must be a sector department."))
            if not unit.active:
                raise ValidationError(N_("{name} is retired; companies cannot be put under it."),
                                      name=unit.name)
        with self.db.atomic():
            for company_id in company_ids:
                company = self.companies.get(company_id)
                if company is None:
                    raise NotFoundError(N_("No company with id {company_id}; nothing was changed."),
                                        company_id=company_id)
                if town is not KEEP and company.town != town:
                    self.companies.update(_with_town(company, town), reason="unit assignment")
                if department_id is not KEEP:
                    self.units.set_company_department(company_id, department_id)  # type: ignore[arg-type]
        return len(company_ids)


def _with_town(company: Company, town: object) -> Company:
    return replace(company, town=town if isinstance(town, str) else None)
