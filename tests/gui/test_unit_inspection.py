"""A supervision inspection (督导检查) of a town's work, started from the window."""

from PySide6.QtWidgets import QDialogButtonBox

from inspector_app.domain.units import UnitKind
from inspector_app.services.inspections import InspectionService
from inspector_app.storage.repositories import InspectorRepo
from inspector_app.storage.units_repo import UnitRepo
from inspector_app.ui.models.inspections_model import Column
from inspector_app.ui.pages.inspections import InspectionsPage
from tests.factories import add_company, add_template


def test_a_town_is_chosen_as_the_subject_and_listed(qtbot, ctx, profile, languages):
    add_template(ctx.db)
    add_company(ctx.db, name="泉台纺织有限公司")
    town = UnitRepo(ctx.db, ctx.device.id).add("城关镇", UnitKind.TOWN)
    UnitRepo(ctx.db, ctx.device.id).add("泉台区", UnitKind.DISTRICT)
    colleague = InspectorRepo(ctx.db, ctx.device.id).add("李娜", "32050013", "泉台区应急管理局")
    page = InspectionsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.new_button.click()
    dialog = page.dialog
    # Only towns and departments are offered: the district supervises, it is not supervised.
    dialog.choose_unit(town.id)
    assert [dialog.unit.itemText(i) for i in range(dialog.unit.count())] == ["城关镇"]
    assert dialog.unit.isVisible() and not dialog.company_list.isVisible()
    assert not dialog.legal_rep.isVisible()            # a unit has no legal representative
    assert dialog.kind.currentData() == "official" and not dialog.kind.isEnabled()
    dialog.set_inspector_checked(colleague.id)
    dialog.place.insert("城关镇人民政府")
    with qtbot.waitSignal(page.open_requested) as blocker:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    record = InspectionService(ctx.db, ctx.device).get(blocker.args[0])
    assert record.subject_unit_id == town.id and record.company_id is None
    assert record.company_name == "城关镇"
    # The list names the town where a company's name would be.
    assert page.model.rowCount() == 1
    assert page.model.index(0, Column.COMPANY).data() == "城关镇"


def test_switching_back_to_a_company_inspects_the_company(qtbot, ctx, profile, languages):
    add_template(ctx.db)
    add_company(ctx.db, name="泉台纺织有限公司")
    town = UnitRepo(ctx.db, ctx.device.id).add("城关镇", UnitKind.TOWN)
    page = InspectionsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.new_button.click()
    dialog = page.dialog
    dialog.choose_unit(town.id)
    dialog.subject.setCurrentIndex(0)
    assert dialog.company_list.isVisible() and dialog.kind.isEnabled()
    dialog.company_search.insert("纺织")
    dialog.set_kind("self")
    dialog.place.insert("一号车间")
    with qtbot.waitSignal(page.open_requested) as blocker:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    record = InspectionService(ctx.db, ctx.device).get(blocker.args[0])
    assert record.subject_unit_id is None and record.company_name == "泉台纺织有限公司"


def test_without_units_the_dialog_offers_companies_only(qtbot, ctx, profile, languages):
    add_template(ctx.db)
    page = InspectionsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.new_button.click()
    assert page.dialog.subject.count() == 1
