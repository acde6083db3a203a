"""An inspector opens the planned inspections: what to check with, and why it was planned, in the
window's language."""

from __future__ import annotations

from inspector_app.domain.year_plan import visit_note
from inspector_app.services.plans import PlanService
from inspector_app.storage.repositories import InspectorRepo
from inspector_app.ui.dialogs.plans_dialog import PlansDialog
from tests.factories import add_company, add_template


def _columns(dialog: PlansDialog) -> dict[str, str]:
    table = dialog.table
    return {table.horizontalHeaderItem(c).text(): table.item(0, c).text()
            for c in range(table.columnCount())}


def test_a_yearly_plans_visit_reads_in_the_windows_language_with_the_checklists_title(
        qtbot, ctx, languages):
    people = InspectorRepo(ctx.db, ctx.device.id)
    team = [people.add("张伟", "32050012", "局").id, people.add("李娜", "32050013", "局").id]
    key = add_template(ctx.db)
    plans = PlanService(ctx.db, ctx.device)
    plans.add(add_company(ctx.db, name="华兴纺织"), key, "2027-03-02", team,
              note=visit_note(2027, "一组", 2))
    dialog = PlansDialog(ctx)
    qtbot.addWidget(dialog)
    seen = _columns(dialog)
    assert seen["Checklist"] == "Test checklist"
    assert seen["Note"] == "Yearly plan 2027: 一组, visit 2 of the year"
    languages.apply("zh_CN")
    dialog = PlansDialog(ctx)
    qtbot.addWidget(dialog)
    seen = _columns(dialog)
    assert seen["检查表"] == "测试检查表"
    assert seen["备注"] == "2027年度监督检查计划 一组 第2次"


def test_a_note_typed_by_the_office_is_shown_as_typed(qtbot, ctx):
    key = add_template(ctx.db)
    PlanService(ctx.db, ctx.device).add(add_company(ctx.db), key, "2027-03-02",
                                        note="带上噪声计")
    dialog = PlansDialog(ctx)
    qtbot.addWidget(dialog)
    assert _columns(dialog)["Note"] == "带上噪声计"
