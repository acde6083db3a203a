"""The synthetic district of the demo: its units and campaigns.

Towns are those of the demo's companies plus one with no company yet (a town that has nothing to
report still appears at a dispatch meeting); departments share the industries between them as a
district's 三定 would. Made with its own random generator so the rest of the demo stays the same
for a given seed.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlite_utils import Database

from inspector_app.domain.company import INDUSTRIES
from inspector_app.domain.records import new_id
from inspector_app.domain.units import Campaign, Phase, Target, UnitKind
from inspector_app.storage.units_repo import CampaignRepo, UnitRepo

DISTRICT = "泉台区"
EXTRA_TOWN = "百崎乡"
# Department -> the industries it supervises; the first is this laptop's unit in the demo.
DEPARTMENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("综合执法与应急管理局", ("chemical", "metallurgy", "nonferrous", "machinery")),
    ("自然资源与规划建设交通局", ("building_materials",)),
    ("农林水与生态环境局", ("light_industry", "tobacco")),
    ("经济发展局", ("textile", "commerce")),
    ("消安办", ()),
)
GROUPS = ("泉台城投集团",)
MAJOR_CAMPAIGN = "重大事故隐患专项排查整治行动"
SAFETY_MONTH = "安全生产月"


def ensure_district(db: Database, device_id: str, towns: list[str], seed: int,
                    today: date) -> None:
    """Add the district's units and two campaigns, unless the registry already has units."""
    units = UnitRepo(db, device_id)
    if units.all():
        return
    rng = random.Random(seed)
    district = units.add(DISTRICT, UnitKind.DISTRICT)
    for town in [*sorted(set(towns)), EXTRA_TOWN]:
        units.add(town, UnitKind.TOWN, parent_id=district.id)
    own = None
    for name, sectors in DEPARTMENTS:
        unit = units.add(name, UnitKind.DEPARTMENT, sectors=sectors, parent_id=district.id)
        own = own or unit
    for name in GROUPS:
        units.add(name, UnitKind.GROUP, parent_id=district.id)
    assert own is not None
    units.set_own_unit(own.id)

    campaigns = CampaignRepo(db, device_id)
    start = today - timedelta(days=150)
    end = today + timedelta(days=60)
    middle = start + timedelta(days=60)
    scope = tuple(i for i in INDUSTRIES if i not in ("commerce", "other"))
    campaigns.add(Campaign(
        new_id(), MAJOR_CAMPAIGN, start.isoformat(), end.isoformat(),
        phases=(Phase("动员部署", start.isoformat(), (start + timedelta(days=14)).isoformat()),
                Phase("企业自查自改和部门精准执法", (start + timedelta(days=15)).isoformat(),
                      middle.isoformat()),
                Phase("专项整治", (middle + timedelta(days=1)).isoformat(), end.isoformat())),
        industries=tuple(rng.sample(scope, k=min(5, len(scope)))),
        targets=(Target("每家重点企业至少检查一次", 1),)))
    june = date(today.year, 6, 1)
    campaigns.add(Campaign(new_id(), f"{today.year}年{SAFETY_MONTH}", june.isoformat(),
                           date(today.year, 6, 30).isoformat()))
