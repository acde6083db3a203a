"""Managing the district's units and campaigns in the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt

from inspector_app.domain.records import new_id
from inspector_app.domain.units import Campaign, UnitKind
from inspector_app.services.units import UnitsService
from inspector_app.ui.dialogs.units_dialog import UnitsDialog, checked_keys, set_checked
from tests.factories import add_company


@pytest.fixture
def service(ctx):
    return UnitsService(ctx.db, ctx.device.id)


@pytest.fixture
def dialog(qtbot, ctx, service, languages):
    service.add_unit("东园镇", UnitKind.TOWN)
    service.add_unit("洛阳镇", UnitKind.TOWN)
    service.add_unit("综合执法与应急管理局", UnitKind.DEPARTMENT, ("chemical",))
    for n in range(3):
        add_company(ctx.db, f"东园纺织{n}厂", "textile", town="东园镇")
    add_company(ctx.db, "洛阳化工厂", "chemical", town="洛阳镇")
    widget = UnitsDialog(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _rows(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_add_a_department_with_its_sectors(dialog, service, qtbot):
    unit_dialog = dialog.add_unit()
    qtbot.addWidget(unit_dialog)
    unit_dialog.kind.setCurrentIndex(unit_dialog.kind.findData("department"))
    assert unit_dialog.sectors.isVisible()
    unit_dialog.name.setText("  农林水与生态环境局 ")
    set_checked(unit_dialog.sectors, ("textile",))
    unit_dialog.accept()
    assert not unit_dialog.isVisible()
    saved = [u for u in service.all_units(UnitKind.DEPARTMENT) if u.name == "农林水与生态环境局"]
    assert saved and saved[0].sectors == ("textile",)
    assert ["农林水与生态环境局", "Sector department", "Textiles", ""] in _rows(
        dialog.units_table)
    assert dialog.status.text() == "Saved 农林水与生态环境局."


def test_a_duplicate_or_blank_name_is_refused_and_the_dialog_stays(dialog, service, qtbot):
    unit_dialog = dialog.add_unit()
    qtbot.addWidget(unit_dialog)
    unit_dialog.name.setText("东园镇")
    unit_dialog.accept()
    assert unit_dialog.isVisible()
    assert unit_dialog.error.text() == "There is already a unit named 东园镇."
    unit_dialog.name.setText("   ")
    unit_dialog.accept()
    assert unit_dialog.error.text() == "A unit needs a name."
    assert len(service.all_units(UnitKind.TOWN)) == 2


def test_renaming_a_town_keeps_its_companies_and_campaigns(dialog, service, qtbot):
    service.save_campaign(Campaign(new_id(), "安全生产月", "2026-06-01", "2026-06-30",
                                   towns=("东园镇", "洛阳镇")))
    dialog.select_unit("东园镇")
    unit_dialog = dialog.edit_unit()
    qtbot.addWidget(unit_dialog)
    assert not unit_dialog.kind.isEnabled()
    unit_dialog.name.setText("东园街道")
    unit_dialog.accept()
    towns = {c.name: c.town for c in service.companies_matching()}
    assert towns["东园纺织0厂"] == "东园街道" and towns["洛阳化工厂"] == "洛阳镇"
    assert service.all_campaigns()[0].towns == ("东园街道", "洛阳镇")


def test_retire_restore_and_this_computers_unit(dialog, service):
    dialog.select_unit("洛阳镇")
    # The button says what it does; the unit's row then says what it is.
    assert dialog.own_button.text() == "Set as this computer's unit"
    dialog.own_button.click()
    assert service.own_unit().name == "洛阳镇"
    assert "This computer's unit" in _rows(dialog.units_table)[1]
    dialog.retire_button.click()
    assert "洛阳镇 is this computer's unit" in dialog.status.text()
    assert all(u.active for u in service.all_units())
    dialog.select_unit("东园镇")
    dialog.retire_button.click()
    assert not next(u for u in service.all_units() if u.name == "东园镇").active
    assert dialog.retire_button.text() == "Restore"
    assert not dialog.own_button.isEnabled()
    # A retired town takes no new companies.
    assert dialog.new_town.findData("东园镇") == -1
    dialog.retire_button.click()
    assert next(u for u in service.all_units() if u.name == "东园镇").active


def test_set_town_and_department_in_bulk_by_filter(dialog, service):
    dialog.town_filter.setCurrentIndex(dialog.town_filter.findData("东园镇"))
    assert dialog.companies_table.rowCount() == 3
    dialog.apply_to.setCurrentIndex(dialog.apply_to.findData("shown"))
    assert dialog.apply_to.currentText() == "to all companies shown (3)"
    dialog.new_town.setCurrentIndex(dialog.new_town.findData("洛阳镇"))
    assert dialog.assign(town=True)
    assert dialog.status.text() == "Companies changed: 3."
    assert {c.town for c in service.companies_matching()} == {"洛阳镇"}
    # One company, by selection: its department named, whatever its industry.
    dialog.town_filter.setCurrentIndex(0)
    dialog.search.setText("洛阳化工")
    dialog.companies_table.selectRow(0)
    dialog.apply_to.setCurrentIndex(dialog.apply_to.findData("selected"))
    assert dialog.apply_to.currentText() == "to the selected companies (1)"
    department = service.all_units(UnitKind.DEPARTMENT)[0]
    dialog.new_department.setCurrentIndex(dialog.new_department.findData(department.id))
    assert dialog.assign(department=True)
    assert _rows(dialog.companies_table) == [
        ["洛阳化工厂", "洛阳镇", "Chemicals and hazardous chemicals",
         "综合执法与应急管理局"]]


def test_a_bulk_change_with_nothing_selected_changes_nothing(dialog, service):
    dialog.apply_to.setCurrentIndex(dialog.apply_to.findData("selected"))
    dialog.new_town.setCurrentIndex(dialog.new_town.findData("洛阳镇"))
    assert not dialog.assign(town=True)
    assert dialog.status.text() == "No company is selected."
    assert sorted(c.town for c in service.companies_matching()) == ["东园镇"] * 3 + ["洛阳镇"]


def test_add_and_edit_a_campaign(dialog, service, qtbot):
    campaign_dialog = dialog.add_campaign()
    qtbot.addWidget(campaign_dialog)
    campaign_dialog.name.setText("重大事故隐患专项排查整治2023行动")
    campaign_dialog.start.setDate(QDate(2023, 4, 1))
    campaign_dialog.end.setDate(QDate(2023, 12, 31))
    campaign_dialog.add_row(campaign_dialog.phases, 3, ["集中攻坚", "2023-06-01", "2023-12-31"])
    campaign_dialog.add_row(campaign_dialog.targets, 2, ["每家重点企业至少检查一次", "1"])
    set_checked(campaign_dialog.towns, ("洛阳镇",))
    campaign_dialog.companies.setPlainText("东园纺织1厂\n")
    campaign_dialog.accept()
    assert not campaign_dialog.isVisible(), campaign_dialog.error.text()
    (saved,) = service.all_campaigns()
    assert saved.towns == ("洛阳镇",) and len(saved.company_ids) == 1
    assert saved.phases[0].name == "集中攻坚" and saved.targets[0].min_inspections == 1
    assert _rows(dialog.campaigns_table)[0][:2] == [
        "重大事故隐患专项排查整治2023行动", "2023-04-01 – 2023-12-31"]

    dialog.campaigns_table.selectRow(0)
    edit = dialog.edit_campaign()
    qtbot.addWidget(edit)
    assert checked_keys(edit.towns) == ("洛阳镇",)
    assert edit.companies.toPlainText() == "东园纺织1厂"
    edit.phases.item(0, 1).setText("2023-03-01")      # before the campaign starts
    edit.accept()
    assert edit.isVisible()
    assert "must lie within the campaign" in edit.error.text()
    edit.phases.item(0, 1).setText("2023-06-01")
    edit.companies.setPlainText("没有这家公司")
    edit.accept()
    assert edit.error.text() == "No company named 没有这家公司 on this computer."
    edit.companies.setPlainText("")
    set_checked(edit.industries, ("textile",))
    edit.accept()
    assert not edit.isVisible()
    (saved,) = service.all_campaigns()
    assert saved.industries == ("textile",) and saved.company_ids == ()


def test_a_campaign_that_ends_before_it_starts_is_refused(dialog, service, qtbot):
    campaign_dialog = dialog.add_campaign()
    qtbot.addWidget(campaign_dialog)
    campaign_dialog.name.setText("安全生产月")
    campaign_dialog.start.setDate(QDate(2023, 6, 30))
    campaign_dialog.end.setDate(QDate(2023, 6, 1))
    campaign_dialog.accept()
    assert "ends (2023-06-01) before it starts (2023-06-30)" in campaign_dialog.error.text()
    assert service.all_campaigns() == []


def test_the_dispatch_page_opens_it_and_reads_the_new_units(qtbot, ctx, service, languages):
    from inspector_app.ui.pages.dispatch import DispatchPage

    page = DispatchPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    dialog = page.open_units()
    unit_dialog = dialog.add_unit()
    qtbot.addWidget(unit_dialog)
    unit_dialog.name.setText("张坂镇")
    unit_dialog.accept()
    dialog.done(0)
    qtbot.waitUntil(lambda: any(
        page.table.item(r, 0) and page.table.item(r, 0).text() == "张坂镇"
        for r in range(page.table.rowCount())))
    page.runner.wait()


def test_the_unit_stays_selected_when_ctrl_is_held(dialog, service, qtbot):
    # Ctrl held as the list refreshes (Ctrl+click on a button, a shortcut): the selection the
    # user works on is kept, not toggled off.
    dialog.select_unit("洛阳镇")
    qtbot.keyPress(dialog.units_table, Qt.Key.Key_Control, Qt.KeyboardModifier.ControlModifier)
    try:
        dialog.own_button.click()
        assert dialog.selected_unit().name == "洛阳镇"
        dialog.retire_button.click()
        assert "洛阳镇 is this computer's unit" in dialog.status.text()
    finally:
        qtbot.keyRelease(dialog.units_table, Qt.Key.Key_Control)


def test_a_campaigns_period_reads_as_every_date_of_the_window(dialog, qtbot, languages):
    languages.apply("zh_CN")
    campaign_dialog = dialog.add_campaign()
    qtbot.addWidget(campaign_dialog)
    campaign_dialog.start.setDate(QDate(2026, 5, 1))
    assert campaign_dialog.start.text() == "2026年05月01日"   # as the dispatch page's period
