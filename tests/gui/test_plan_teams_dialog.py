"""A supervisor sets up the yearly plan's teams in the window, then makes the plan."""

from __future__ import annotations

from PySide6.QtCore import Qt

from inspector_app.services.classification import ClassificationService
from inspector_app.storage.repositories import InspectorRepo
from inspector_app.ui.dialogs.year_plan_dialog import YearPlanDialog
from tests.factories import add_company, add_template


def _tick(picker, name: str) -> None:
    for row in range(picker.list.count()):
        item = picker.list.item(row)
        if item.text().startswith(name):
            item.setCheckState(Qt.CheckState.Checked)


def test_teams_made_in_the_window_are_the_teams_the_plan_uses(qtbot, ctx):
    people = InspectorRepo(ctx.db, ctx.device.id)
    for name, number in (("张伟", "32050012"), ("李娜", "32050013"), ("王芳", "32050014")):
        people.add(name, number, "泉台区应急管理局")
    key = add_template(ctx.db)
    classes = ClassificationService(ctx.db, ctx.device, "王科长")
    for i in range(4):
        classes.decide(add_company(ctx.db, name=f"公司{i}", town="城关镇"), "moderate", "测试")
    plan = YearPlanDialog(ctx)
    qtbot.addWidget(plan)
    plan.year.setValue(2027)
    plan.template.setCurrentIndex(plan.template.findData(key))
    # With no team yet, the plan says what comes first and where.
    assert "First set up the inspection teams (Teams…)" in plan.status.text()

    teams = plan.edit_teams()
    qtbot.addWidget(teams)
    assert teams.table.rowCount() == 0 and not teams.people.checked_ids()
    teams.name.setText("一组")
    assert not teams.add_team()                      # no one in it: an official visit needs two
    assert "at least two inspectors" in teams.error.text()
    _tick(teams.people, "张伟")
    assert not teams.add_team() and teams.table.rowCount() == 0
    _tick(teams.people, "李娜")
    teams.capacity.setValue(3)
    assert teams.add_team(), teams.error.text()
    assert teams.table.rowCount() == 1
    assert teams.table.item(0, 1).text() == "张伟, 李娜" and teams.table.item(0, 2).text() == "3"
    # Changed: one more inspector and more visits a month.
    teams.table.setCurrentCell(0, 0)
    _tick(teams.people, "王芳")
    teams.capacity.setValue(4)
    assert teams.save_team()
    assert teams.table.item(0, 1).text() == "张伟, 李娜, 王芳"
    assert teams.table.item(0, 2).text() == "4"
    teams.accept()
    qtbot.waitUntil(lambda: [t.name for t in plan.teams] == ["一组"])
    assert plan.status.text() == "No plan for 2027 yet: choose the checklist and generate it."
    # The grid's cells say what their "0/4" means.
    assert plan.grid.item(0, 0).toolTip() == "一组 in month 1: 0 visits planned of the 4 the " \
        "team can make"


def test_the_plan_starts_from_the_industry_and_trade_standard(qtbot, ctx):
    from inspector_app.services.forms import ensure_shipped_templates
    from inspector_app.storage.templates_repo import TemplateRepo

    ensure_shipped_templates(TemplateRepo(ctx.db, ctx.device.id))
    plan = YearPlanDialog(ctx)
    qtbot.addWidget(plan)
    assert plan.template.currentData().startswith("gm-major-hazard-2023@")


def test_a_person_already_in_a_team_is_named_and_the_team_not_added(qtbot, ctx, languages):
    from inspector_app.services.year_plan import YearPlanService
    from inspector_app.ui.dialogs.plan_teams_dialog import PlanTeamsDialog

    people = InspectorRepo(ctx.db, ctx.device.id)
    ids = [people.add(name, number, "泉台区应急管理局").id for name, number in
           (("张伟", "32050012"), ("李娜", "32050013"), ("王芳", "32050014"))]
    YearPlanService(ctx.db, ctx.device).add_team("一组", ids[:2], 3)
    languages.apply("zh_CN")
    teams = PlanTeamsDialog(ctx)
    qtbot.addWidget(teams)
    # Each person's team is beside their name before anyone is ticked.
    labels = [teams.people.list.item(r).text() for r in range(teams.people.list.count())]
    assert [label.endswith("已在一组") for label in labels] == [True, True, False]
    teams.name.setText("二组")
    # Ticking someone of another team is refused at once, saying where they are and how to
    # move them.
    _tick(teams.people, "李娜")
    assert "李娜已在一组" in teams.error.text() and "一个检查组" in teams.error.text()
    assert teams.people.checked_ids() == []
    _tick(teams.people, "王芳")
    assert teams.people.checked_ids() == [ids[2]]
    assert not teams.add_team()
    assert teams.table.rowCount() == 1
    # Within its own team a person is ticked freely: 王芳 joins 一组, 李娜 leaves it.
    teams.table.setCurrentCell(0, 0)
    _tick(teams.people, "王芳")
    teams.people.set_checked(ids[1], False)
    assert teams.save_team(), teams.error.text()
    labels = [teams.people.list.item(r).text() for r in range(teams.people.list.count())]
    assert [label.endswith("已在一组") for label in labels] == [True, False, True]


def test_after_adding_a_team_the_form_is_empty_for_the_next(qtbot, ctx):
    from inspector_app.ui.dialogs.plan_teams_dialog import PlanTeamsDialog

    people = InspectorRepo(ctx.db, ctx.device.id)
    for name, number in (("张伟", "32050012"), ("李娜", "32050013"), ("王芳", "32050014"),
                         ("赵磊", "32050015")):
        people.add(name, number, "泉台区应急管理局")
    teams = PlanTeamsDialog(ctx)
    qtbot.addWidget(teams)
    teams.name.setText("一组")
    _tick(teams.people, "张伟")
    _tick(teams.people, "李娜")
    teams.capacity.setValue(3)
    assert teams.add_team(), teams.error.text()
    assert teams.name.text() == "" and teams.people.checked_ids() == []
    assert teams.capacity.value() == 20 and not teams.save_button.isEnabled()
    # The next team is typed in straight away.
    teams.name.setText("二组")
    _tick(teams.people, "王芳")
    _tick(teams.people, "赵磊")
    assert teams.add_team(), teams.error.text()
    assert [teams.table.item(r, 0).text() for r in range(2)] == ["一组", "二组"]


def test_two_versions_of_one_checklist_are_told_apart_in_the_plan(qtbot, ctx):
    from tests.factories import SMALL_TEMPLATE

    first = add_template(ctx.db)
    second = add_template(ctx.db, {**SMALL_TEMPLATE, "version": "2.0"})
    plan = YearPlanDialog(ctx)
    qtbot.addWidget(plan)
    texts = {plan.template.itemData(i): plan.template.itemText(i)
             for i in range(plan.template.count())}
    title = SMALL_TEMPLATE["title"]["en"]
    assert texts[first] == f"{title} ({SMALL_TEMPLATE['version']})"
    assert texts[second] == f"{title} (2.0)"


def test_a_team_renamed_in_the_form_is_saved_under_its_new_name(qtbot, ctx):
    from inspector_app.services.year_plan import YearPlanService
    from inspector_app.ui.dialogs.plan_teams_dialog import PlanTeamsDialog

    people = InspectorRepo(ctx.db, ctx.device.id)
    ids = [people.add(name, number, "泉台区应急管理局").id for name, number in
           (("张伟", "32050012"), ("李娜", "32050013"))]
    service = YearPlanService(ctx.db, ctx.device)
    service.add_team("一组", ids, 3)
    service.add_team("二组", [], 3)
    teams = PlanTeamsDialog(ctx)
    qtbot.addWidget(teams)
    teams.table.setCurrentCell(0, 0)
    teams.name.setText("城关检查组")
    assert teams.save_team(), teams.error.text()
    assert [t.name for t in service.teams()] == ["二组", "城关检查组"]
    # Its row moved with the new name; it is still the one selected.
    assert teams.table.item(teams.table.currentRow(), 0).text() == "城关检查组"
    assert teams.name.text() == "城关检查组"
    # A name another team has is refused, saying so.
    teams.name.setText("二组")
    assert not teams.save_team()
    assert "already a team named 二组" in teams.error.text()


def test_new_team_empties_the_form_a_selected_team_filled(qtbot, ctx):
    from inspector_app.services.year_plan import YearPlanService
    from inspector_app.ui.dialogs.plan_teams_dialog import PlanTeamsDialog

    people = InspectorRepo(ctx.db, ctx.device.id)
    ids = [people.add(name, number, "泉台区应急管理局").id for name, number in
           (("张伟", "32050012"), ("李娜", "32050013"), ("王芳", "32050014"),
            ("赵磊", "32050015"))]
    YearPlanService(ctx.db, ctx.device).add_team("一组", ids[:2], 3)
    teams = PlanTeamsDialog(ctx)
    qtbot.addWidget(teams)
    assert not teams.new_button.isEnabled()     # the form is empty already
    teams.table.setCurrentCell(0, 0)
    assert teams.name.text() == "一组" and teams.new_button.isEnabled()
    qtbot.mouseClick(teams.new_button, Qt.MouseButton.LeftButton)
    assert teams.name.text() == "" and teams.people.checked_ids() == []
    assert teams.table.currentRow() == -1 and not teams.save_button.isEnabled()
    teams.name.setText("二组")
    _tick(teams.people, "王芳")
    _tick(teams.people, "赵磊")
    assert teams.add_team(), teams.error.text()
    assert teams.table.rowCount() == 2


def test_a_team_unfit_for_official_visits_is_told_in_one_chinese_sentence(qtbot, ctx,
                                                                          languages):
    InspectorRepo(ctx.db, ctx.device.id).add("赵六", None, "泉台区应急管理局")
    add_template(ctx.db)
    languages.apply("zh_CN")
    plan = YearPlanDialog(ctx)
    qtbot.addWidget(plan)
    teams = plan.edit_teams()
    qtbot.addWidget(teams)
    teams.name.setText("一组")
    _tick(teams.people, "赵六")
    assert not teams.add_team()
    told = teams.error.text()
    # Two problems, joined as Chinese joins clauses, not with the English "; ".
    assert "；" in told and "; " not in told, told
