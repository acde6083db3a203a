"""The district's units and campaigns: who is responsible for which companies, and when.

A town (乡镇/街道) answers for the companies in its territory (属地); a sector department
(行业主管部门) for the industries it supervises (管行业必须管安全); a campaign (专项行动) runs
for a period over the companies its scope names. Plain rules, no storage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from inspector_app.domain.bilingual import Bilingual
from inspector_app.domain.company import INDUSTRIES
from inspector_app.errors import ValidationError
from inspector_app.i18n import N_, Message


class UnitKind(StrEnum):
    DISTRICT = "district"
    TOWN = "town"
    DEPARTMENT = "department"
    GROUP = "group"


UNIT_KIND_LABELS: dict[UnitKind, Bilingual] = {
    UnitKind.DISTRICT: Bilingual(zh="区", en="District"),
    UnitKind.TOWN: Bilingual(zh="乡镇（街道）", en="Town"),
    UnitKind.DEPARTMENT: Bilingual(zh="行业主管部门", en="Sector department"),
    UnitKind.GROUP: Bilingual(zh="国有企业集团", en="State-owned group"),
}


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    kind: UnitKind
    parent_id: str | None = None
    sectors: tuple[str, ...] = ()
    position: int = 0
    active: bool = True

    def validated(self) -> Unit:
        name = self.name.strip()
        if not name:
            raise ValidationError(N_("A unit needs a name."))
        unknown = [s for s in self.sectors if s not in INDUSTRIES]
        if unknown:
            raise ValidationError(
                N_("Unit {name}: unknown industr{value} "
                   "{join} (use one of: {join2})."),
                name=name, value='y' if len(unknown) == 1 else 'ies', join=', '.join(unknown),
                join2=', '.join(INDUSTRIES))
        if self.sectors and self.kind != UnitKind.DEPARTMENT:
            raise ValidationError(N_("Unit {name}: only a sector department supervises "
                                     "industries."),
                                  name=name)
        return Unit(self.id, name, UnitKind(self.kind), self.parent_id,
                    tuple(dict.fromkeys(self.sectors)), self.position, self.active)


def sector_conflicts(units: list[Unit]) -> dict[str, list[str]]:
    """Industries claimed by more than one active department: who supervises them is unclear."""
    claims: dict[str, list[str]] = {}
    for unit in units:
        if unit.active and unit.kind == UnitKind.DEPARTMENT:
            for sector in unit.sectors:
                claims.setdefault(sector, []).append(unit.name)
    return {s: names for s, names in claims.items() if len(names) > 1}


@dataclass(frozen=True)
class Phase:
    name: str
    starts_on: str
    ends_on: str


@dataclass(frozen=True)
class Target:
    text: str                      # e.g. 每家重点企业至少检查一次
    min_inspections: int = 1       # per company in scope, within the campaign's period


@dataclass(frozen=True)
class Campaign:
    id: str
    name: str
    starts_on: str
    ends_on: str
    phases: tuple[Phase, ...] = ()
    industries: tuple[str, ...] = ()
    towns: tuple[str, ...] = ()
    company_ids: tuple[str, ...] = ()
    targets: tuple[Target, ...] = field(default_factory=tuple)

    @property
    def covers_everyone(self) -> bool:
        return not (self.industries or self.towns or self.company_ids)

    def in_scope(self, company_id: str, town: str | None, industry: str | None) -> bool:
        """A company is in scope when the scope names it, its town or its industry.

        The SQL of the dispatch statistics applies the same rule; tests hold both to it.
        """
        return (self.covers_everyone or company_id in self.company_ids
                or (town or "") in self.towns or (industry or "") in self.industries)

    def validated(self) -> Campaign:
        name = self.name.strip()
        if not name:
            raise ValidationError(N_("A campaign needs a name."))
        start = parse_day(self.starts_on, Message(N_("campaign {name}: start"), name=name))
        end = parse_day(self.ends_on, Message(N_("campaign {name}: end"), name=name))
        if end < start:
            raise ValidationError(N_("Campaign {name} ends ({end}) before it starts ({start})."),
                                  name=name, end=end, start=start)
        for phase in self.phases:
            p_start = parse_day(phase.starts_on,
                                Message(N_("phase {name}: start"), name=phase.name))
            p_end = parse_day(phase.ends_on, Message(N_("phase {name}: end"), name=phase.name))
            if p_end < p_start or p_start < start or p_end > end:
                raise ValidationError(
                    N_("Campaign {name}: phase {name2} ({p_start} – {p_end}) must lie within "
                       "the campaign ({start} – {end}) and end after it starts."),
                    name=name, name2=phase.name, p_start=p_start, p_end=p_end, start=start,
                    end=end)
        unknown = [i for i in self.industries if i not in INDUSTRIES]
        if unknown:
            raise ValidationError(N_("Campaign {name}: unknown industry {join}."),
                                  name=name, join=', '.join(unknown))
        for target in self.targets:
            if target.min_inspections < 0:
                raise ValidationError(N_("Campaign {name}: a target cannot ask for fewer than "
                                         "zero inspections."), name=name)
        return Campaign(self.id, name, start.isoformat(), end.isoformat(), self.phases,
                        self.industries, self.towns, self.company_ids, self.targets)


def parse_day(text: str, what: Message) -> date:
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        raise ValidationError(N_("{what}: {text!r} is not a date (YYYY-MM-DD)."),
                              what=what, text=text) from None


@dataclass(frozen=True)
class Period:
    """A statistics period: both days included."""

    start: date
    end: date

    @classmethod
    def parse(cls, start: str, end: str) -> Period:
        first = parse_day(start, Message(N_("period start")))
        last = parse_day(end, Message(N_("period end")))
        if last < first:
            raise ValidationError(N_("The period ends ({last}) before it starts ({first})."),
                                  last=last, first=first)
        return cls(first, last)
