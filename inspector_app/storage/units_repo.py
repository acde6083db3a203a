"""The units registry and the campaigns, as the office keeps them. Each public write is one
transaction; the office's bundle carries both to the laptops."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from inspector_app.domain.records import new_id, record_stamp, utcnow_iso
from inspector_app.domain.units import Campaign, Phase, Target, Unit, UnitKind
from inspector_app.errors import Hint, NotFoundError, ValidationError
from inspector_app.i18n import N_
from inspector_app.storage.repositories import SettingsRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

UNIT_SETTING = "unit_id"   # this laptop's unit, from the profile


def _unit(row: tuple[Any, ...]) -> Unit:
    return Unit(row[0], row[1], UnitKind(row[2]), row[3], tuple(json.loads(row[4] or "[]")),
                row[5], bool(row[6]))


class UnitRepo:
    _COLUMNS = "id, name, kind, parent_id, sectors, position, active"

    def __init__(self, db: Database, device_id: str) -> None:
        self.db = db
        self.device_id = device_id

    def all(self, kind: UnitKind | str | None = None, *, active_only: bool = False) -> list[Unit]:
        where, params = [], []
        if kind:
            where.append("kind = ?")
            params.append(UnitKind(kind).value)
        if active_only:
            where.append("active = 1")
        sql = (f"SELECT {self._COLUMNS} FROM units"
               + (f" WHERE {' AND '.join(where)}" if where else "")
               + " ORDER BY CASE kind WHEN 'district' THEN 0 WHEN 'town' THEN 1 "
                 "WHEN 'department' THEN 2 ELSE 3 END, position, name")
        return [_unit(r) for r in self.db.execute(sql, params).fetchall()]

    def get(self, unit_id: str) -> Unit | None:
        row = self.db.execute(f"SELECT {self._COLUMNS} FROM units WHERE id = ?",
                              [unit_id]).fetchone()
        return _unit(row) if row else None

    def find(self, text: str) -> Unit:
        """A unit by its exact name or id: what a user types on the command line."""
        row = self.db.execute(f"SELECT {self._COLUMNS} FROM units WHERE name = ? OR id = ?",
                              [text.strip(), text.strip()]).fetchone()
        if row is None:
            raise NotFoundError(N_("No unit named {text!r} in the registry."), text=text,
                                hint=Hint.LIST_UNITS)
        return _unit(row)

    def add(self, name: str, kind: UnitKind | str, *, sectors: tuple[str, ...] = (),
            parent_id: str | None = None, position: int | None = None) -> Unit:
        unit = Unit(new_id(), name, UnitKind(kind), parent_id, tuple(sectors),
                    0 if position is None else position).validated()
        with self.db.atomic():
            self._check_free(unit.name, None)
            if parent_id and self.get(parent_id) is None:
                raise NotFoundError(N_("No parent unit with id {parent_id}."), parent_id=parent_id)
            if position is None:
                (last,) = self.db.execute("SELECT COALESCE(MAX(position), -1) FROM units "
                                          "WHERE kind = ?", [unit.kind.value]).fetchone()
                unit = Unit(unit.id, unit.name, unit.kind, parent_id, unit.sectors, last + 1)
            self.db.table("units").insert({
                "id": unit.id, "name": unit.name, "kind": unit.kind.value,
                "parent_id": parent_id, "sectors": json.dumps(list(unit.sectors)),
                "position": unit.position, "active": 1, **record_stamp(self.device_id)})
        return unit

    def update(self, unit_id: str, *, name: str | None = None,
               sectors: tuple[str, ...] | None = None, active: bool | None = None) -> Unit:
        current = self.get(unit_id)
        if current is None:
            raise NotFoundError(N_("No unit with id {unit_id}."), unit_id=unit_id)
        unit = Unit(current.id, current.name if name is None else name, current.kind,
                    current.parent_id, current.sectors if sectors is None else tuple(sectors),
                    current.position, current.active if active is None else active).validated()
        with self.db.atomic():
            self._check_free(unit.name, unit.id)
            self.db.execute(
                "UPDATE units SET name = ?, sectors = ?, active = ?, updated_at = ?, "
                "device_id = ? WHERE id = ?",
                [unit.name, json.dumps(list(unit.sectors)), int(unit.active), utcnow_iso(),
                 self.device_id, unit.id])
        return unit

    def _check_free(self, name: str, own_id: str | None) -> None:
        row = self.db.execute("SELECT id FROM units WHERE name = ?", [name]).fetchone()
        if row and row[0] != own_id:
            raise ValidationError(N_("There is already a unit named {name}."), name=name)

    def set_company_department(self, company_id: str, unit_id: str | None) -> None:
        """Name the company's supervising department when its industry does not say it."""
        if unit_id is not None:
            unit = self.get(unit_id)
            if unit is None or unit.kind != UnitKind.DEPARTMENT:
                raise ValidationError(N_("A company's supervising unit must be a sector "
                                         "department."))
        with self.db.atomic():
            cur = self.db.execute(
                "UPDATE companies SET department_id = ?, updated_at = ?, device_id = ? "
                "WHERE id = ?", [unit_id, utcnow_iso(), self.device_id, company_id])
            if cur.rowcount == 0:
                raise NotFoundError(N_("No company with id {company_id}."), company_id=company_id)

    def named_departments(self) -> dict[str, str]:
        """Company id → the department named on it (only companies that name one)."""
        return {str(r[0]): str(r[1]) for r in self.db.execute(
            "SELECT id, department_id FROM companies WHERE department_id IS NOT NULL")}

    def department_for(self, company_id: str) -> Unit | None:
        """The company's supervising department: named on the company, or by its industry."""
        row = self.db.execute("SELECT department_id, industry FROM companies WHERE id = ?",
                              [company_id]).fetchone()
        if row is None:
            raise NotFoundError(N_("No company with id {company_id}."), company_id=company_id)
        if row[0]:
            return self.get(row[0])
        for unit in self.all(UnitKind.DEPARTMENT, active_only=True):
            if row[1] and row[1] in unit.sectors:
                return unit
        return None

    # -- this laptop --
    def own_unit(self) -> Unit | None:
        unit_id = SettingsRepo(self.db).get(UNIT_SETTING)
        return self.get(unit_id) if unit_id else None

    def set_own_unit(self, unit_id: str | None) -> None:
        if unit_id is not None and self.get(unit_id) is None:
            raise NotFoundError(N_("No unit with id {unit_id}."), unit_id=unit_id)
        SettingsRepo(self.db).set(UNIT_SETTING, unit_id)


# -- campaigns ------------------------------------------------------------------------------

def _campaign(row: dict[str, Any]) -> Campaign:
    return Campaign(
        row["id"], row["name"], row["starts_on"], row["ends_on"],
        tuple(Phase(**p) for p in json.loads(row["phases"])),
        tuple(json.loads(row["industries"])), tuple(json.loads(row["towns"])),
        tuple(json.loads(row["company_ids"])),
        tuple(Target(**t) for t in json.loads(row["targets"])))


class CampaignRepo:
    def __init__(self, db: Database, device_id: str) -> None:
        self.db = db
        self.device_id = device_id

    def all(self) -> list[Campaign]:
        return [_campaign(r) for r in self.db.query(
            "SELECT * FROM campaigns ORDER BY starts_on DESC, name")]

    def get(self, campaign_id: str) -> Campaign | None:
        rows = list(self.db.query("SELECT * FROM campaigns WHERE id = ?", [campaign_id]))
        return _campaign(rows[0]) if rows else None

    def find(self, text: str) -> Campaign:
        rows = list(self.db.query("SELECT * FROM campaigns WHERE name = ? OR id = ?",
                                  [text.strip(), text.strip()]))
        if not rows:
            raise NotFoundError(N_("No campaign named {text!r}."), text=text,
                                hint=Hint.LIST_CAMPAIGNS)
        return _campaign(rows[0])

    def add(self, campaign: Campaign) -> Campaign:
        campaign = campaign.validated()
        with self.db.atomic():
            if self.db.execute("SELECT 1 FROM campaigns WHERE name = ?",
                               [campaign.name]).fetchone():
                raise ValidationError(N_("There is already a campaign named {name}."),
                                      name=campaign.name)
            known = {r[0] for r in self.db.execute("SELECT id FROM companies")}
            missing = [c for c in campaign.company_ids if c not in known]
            if missing:
                raise NotFoundError(N_("Campaign {name}: no company with id "
                                       "{join}."), name=campaign.name, join=', '.join(missing[:3]))
            self.db.table("campaigns").insert({
                "id": campaign.id or new_id(), "name": campaign.name,
                "starts_on": campaign.starts_on, "ends_on": campaign.ends_on,
                "phases": json.dumps([p.__dict__ for p in campaign.phases], ensure_ascii=False),
                "industries": json.dumps(list(campaign.industries)),
                "towns": json.dumps(list(campaign.towns), ensure_ascii=False),
                "company_ids": json.dumps(list(campaign.company_ids)),
                "targets": json.dumps([t.__dict__ for t in campaign.targets],
                                      ensure_ascii=False),
                **record_stamp(self.device_id)})
        return campaign

    def update(self, campaign: Campaign) -> Campaign:
        """Replace a stored campaign's name, period, phases, scope and targets."""
        campaign = campaign.validated()
        with self.db.atomic():
            if self.get(campaign.id) is None:
                raise NotFoundError(N_("No campaign with id {id}."), id=campaign.id)
            if self.db.execute("SELECT 1 FROM campaigns WHERE name = ? AND id != ?",
                               [campaign.name, campaign.id]).fetchone():
                raise ValidationError(N_("There is already a campaign named {name}."),
                                      name=campaign.name)
            known = {r[0] for r in self.db.execute("SELECT id FROM companies")}
            missing = [c for c in campaign.company_ids if c not in known]
            if missing:
                raise NotFoundError(N_("Campaign {name}: no company with id "
                                       "{join}."), name=campaign.name, join=', '.join(missing[:3]))
            self.db.execute(
                "UPDATE campaigns SET name = ?, starts_on = ?, ends_on = ?, phases = ?, "
                "industries = ?, towns = ?, company_ids = ?, targets = ?, updated_at = ?, "
                "device_id = ? WHERE id = ?",
                [*self._columns(campaign).values(), utcnow_iso(), self.device_id, campaign.id])
        return campaign

    @staticmethod
    def _columns(campaign: Campaign) -> dict[str, str]:
        return {
            "name": campaign.name, "starts_on": campaign.starts_on, "ends_on": campaign.ends_on,
            "phases": json.dumps([p.__dict__ for p in campaign.phases], ensure_ascii=False),
            "industries": json.dumps(list(campaign.industries)),
            "towns": json.dumps(list(campaign.towns), ensure_ascii=False),
            "company_ids": json.dumps(list(campaign.company_ids)),
            "targets": json.dumps([t.__dict__ for t in campaign.targets], ensure_ascii=False)}

    def tag(self, campaign_id: str, inspection_id: str, included: bool) -> None:
        """Correct the automatic tagging: count this inspection in the campaign, or not."""
        if self.get(campaign_id) is None:
            raise NotFoundError(N_("No campaign with id {campaign_id}."), campaign_id=campaign_id)
        if not self.db.execute("SELECT 1 FROM inspections WHERE id = ?",
                               [inspection_id]).fetchone():
            raise NotFoundError(N_("No inspection with id {inspection_id}."),
                                inspection_id=inspection_id)
        stamp = record_stamp(self.device_id)
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO campaign_tags (id, campaign_id, inspection_id, included, "
                "created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (campaign_id, inspection_id) DO UPDATE SET "
                "included = excluded.included, updated_at = excluded.updated_at, "
                "device_id = excluded.device_id",
                [new_id(), campaign_id, inspection_id, int(included), stamp["created_at"],
                 stamp["updated_at"], self.device_id])
