"""The office's registry as the window changes it: checked first, all or nothing."""

from __future__ import annotations

import pytest

from inspector_app.domain.records import new_id
from inspector_app.domain.units import Campaign, UnitKind
from inspector_app.errors import NotFoundError, ValidationError
from inspector_app.services.units import UnitsService
from tests.factories import add_company


@pytest.fixture
def service(ctx):
    return UnitsService(ctx.db, ctx.device.id, "张伟")


def _towns(service) -> dict[str, str | None]:
    return {c.name: c.town for c in service.companies_matching()}


def test_a_bulk_change_with_one_unknown_company_changes_none(ctx, service):
    service.add_unit("东园镇", UnitKind.TOWN)
    first = add_company(ctx.db, "甲厂", town="城关镇")
    with pytest.raises(NotFoundError, match="nothing was changed"):
        service.assign([first, "no-such-company"], town="东园镇")
    assert _towns(service) == {"甲厂": "城关镇"}


def test_assignments_go_only_to_units_at_work_of_the_right_kind(ctx, service):
    town = service.add_unit("东园镇", UnitKind.TOWN)
    dept = service.add_unit("经济发展局", UnitKind.DEPARTMENT, ("textile",))
    company = add_company(ctx.db, "甲厂", town="城关镇")
    with pytest.raises(ValidationError, match="No town named 洛阳镇"):
        service.assign([company], town="洛阳镇")
    with pytest.raises(ValidationError, match="must be a sector department"):
        service.assign([company], department_id=town.id)
    service.edit_unit(dept.id, active=False)
    with pytest.raises(ValidationError, match="经济发展局 is retired"):
        service.assign([company], department_id=dept.id)
    with pytest.raises(ValidationError, match="Choose a town or a department"):
        service.assign([company])
    assert service.assign([company], town="东园镇", department_id=None) == 1
    assert _towns(service) == {"甲厂": "东园镇"}
    history = ctx.db.execute("SELECT field, old_value, new_value, actor FROM audit_log "
                             "WHERE entity = 'company' AND action = 'update'").fetchall()
    assert ("town", "城关镇", "东园镇", "张伟") in history


def test_the_named_department_wins_over_the_industry(ctx, service):
    textile = service.add_unit("经济发展局", UnitKind.DEPARTMENT, ("textile",))
    other = service.add_unit("综合执法与应急管理局", UnitKind.DEPARTMENT)
    company = add_company(ctx.db, "甲厂", industry="textile")
    (shown,) = service.companies_matching()
    assert (shown.department, shown.department_named) == (textile.name, False)
    service.assign([company], department_id=other.id)
    (shown,) = service.companies_matching()
    assert (shown.department, shown.department_named) == (other.name, True)


def test_a_campaign_names_only_towns_of_the_registry_and_can_be_edited(service):
    service.add_unit("东园镇", UnitKind.TOWN)
    with pytest.raises(ValidationError, match="no town named 西湖镇"):
        service.save_campaign(Campaign(new_id(), "安全生产月", "2026-06-01", "2026-06-30",
                                       towns=("西湖镇",)))
    saved = service.save_campaign(Campaign(new_id(), "安全生产月", "2026-06-01", "2026-06-30"))
    service.save_campaign(Campaign(saved.id, "2026年安全生产月", "2026-06-01", "2026-06-30",
                                   towns=("东园镇",)))
    (campaign,) = service.all_campaigns()
    assert (campaign.id, campaign.name, campaign.towns) == (saved.id, "2026年安全生产月",
                                                            ("东园镇",))
    other = service.save_campaign(Campaign(new_id(), "百日攻坚", "2026-07-01", "2026-10-08"))
    with pytest.raises(ValidationError, match="already a campaign named 2026年安全生产月"):
        service.save_campaign(Campaign(other.id, "2026年安全生产月", "2026-07-01",
                                       "2026-10-08"))


def test_a_retired_unit_cannot_become_this_computers_unit(service):
    town = service.add_unit("东园镇", UnitKind.TOWN)
    service.edit_unit(town.id, active=False)
    with pytest.raises(ValidationError, match="retired"):
        service.set_own_unit(town.id)
    assert service.own_unit() is None


def test_a_date_that_is_not_one_names_its_field_in_the_readers_language():
    from inspector_app.domain.units import Period, Phase

    with pytest.raises(ValidationError) as refused:
        Campaign(new_id(), "春查", "2026-03-01", "2026-02-30").validated()
    assert refused.value.localized("zh_CN").startswith("专项行动“春查”：结束日期：")
    assert refused.value.localized("en").startswith("campaign 春查: end: '2026-02-30'")
    with pytest.raises(ValidationError) as refused:
        Campaign(new_id(), "春查", "2026-03-01", "2026-06-30",
                 phases=(Phase("排查", "2026-03-01", "三月底"),)).validated()
    assert refused.value.localized("zh_CN").startswith("阶段“排查”：结束日期：'三月底'")
    with pytest.raises(ValidationError) as refused:
        Period.parse("2026-01-01", "2026-13-01")
    assert refused.value.localized("zh_CN").startswith("统计期结束日期：")
    assert "end" not in refused.value.localized("zh_CN")
