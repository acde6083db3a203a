"""A company of the issued yearly plan closed in the summer: the office drops its remaining
visits in the window, as `year-plan drop` does on the command line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate

from inspector_app.services.classification import ClassificationService
from inspector_app.services.plans import PlanService
from inspector_app.services.year_plan import YearPlanService
from inspector_app.storage.repositories import InspectorRepo
from inspector_app.ui.dialogs.year_plan_dialog import YearPlanDialog
from tests.factories import add_company, add_template


def test_a_closed_company_loses_its_visits_from_the_day_it_closed(qtbot, ctx):
    people = InspectorRepo(ctx.db, ctx.device.id)
    team = [people.add("张伟", "32050012", "局").id, people.add("李娜", "32050013", "局").id]
    key = add_template(ctx.db)
    classes = ClassificationService(ctx.db, ctx.device, "王科长")
    closing = add_company(ctx.db, name="华兴纺织有限公司", town="城关镇")
    classes.decide(closing, "major", "测试")                 # four visits a year
    classes.decide(add_company(ctx.db, name="顺达物流", town="城关镇"), "major", "测试")
    plans = YearPlanService(ctx.db, ctx.device, "王科长")
    plans.add_team("一组", team, 4)
    plans.generate(2027, key, seed=3)
    plans.approve(2027)
    assert plans.issue(2027) == 8
    window = YearPlanDialog(ctx)
    qtbot.addWidget(window)
    window.year.setValue(2027)
    assert window.drop_button.isEnabled()

    dialog = window.drop_company()
    qtbot.addWidget(dialog)
    assert [dialog.company.itemText(i) for i in range(dialog.company.count())] == [
        "华兴纺织有限公司", "顺达物流"]
    dialog.company.setEditText("华兴纺织有限公司")
    dialog.as_of.setDate(QDate(2027, 7, 1))
    assert not dialog.save()                                 # the reason is asked for
    assert "Say why" in dialog.error.text()
    dialog.reason.setText("企业停业")
    assert dialog.save(), dialog.error.text()
    left = [v.visit.day for v in plans.visits(2027) if v.visit.company_id == closing]
    assert dialog.dropped == 4 - len(left) > 0 and all(day < "2027-07-01" for day in left)
    planned = [p for p in PlanService(ctx.db, ctx.device).list() if p.company_id == closing]
    assert sorted(p.due_date for p in planned) == sorted(left)   # the later ones are cancelled
    assert window.status.text().startswith(f"{dialog.dropped} visits dropped.")


def test_a_name_that_is_not_in_the_plan_drops_nothing(qtbot, ctx):
    from inspector_app.ui.dialogs.drop_company_dialog import DropCompanyDialog

    people = InspectorRepo(ctx.db, ctx.device.id)
    team = [people.add("张伟", "32050012", "局").id, people.add("李娜", "32050013", "局").id]
    key = add_template(ctx.db)
    ClassificationService(ctx.db, ctx.device, "王科长").decide(
        add_company(ctx.db, name="顺达物流"), "major", "测试")
    plans = YearPlanService(ctx.db, ctx.device, "王科长")
    plans.add_team("一组", team, 4)
    plans.generate(2027, key, seed=3)
    dialog = DropCompanyDialog(plans, 2027)
    qtbot.addWidget(dialog)
    dialog.company.setEditText("顺达")
    dialog.reason.setText("迁出本区")
    assert not dialog.save() and dialog.error.text() == "Choose a company of the plan."
    assert len(plans.visits(2027)) == 4


def _own_words(widget) -> list[str]:
    """What a window says itself: titles, labels, buttons, tooltips, placeholders (not the
    data it lists, which may be Chinese in any language)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

    words = [widget.windowTitle(), widget.toolTip()]
    for child in widget.findChildren(QWidget):
        words.append(child.toolTip())
        if isinstance(child, (QLabel, QAbstractButton)):
            words.append(child.text())
        if isinstance(child, QLineEdit):
            words.append(child.placeholderText())
    return [w for w in words if w]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_yearly_plan_and_its_company_closed_dialog_speak_the_windows_language(
        qtbot, ctx, languages, lang):
    import re

    from inspector_app.ui.dialogs.drop_company_dialog import DropCompanyDialog

    people = InspectorRepo(ctx.db, ctx.device.id)
    team = [people.add("张伟", "32050012", "局").id, people.add("李娜", "32050013", "局").id]
    ClassificationService(ctx.db, ctx.device, "王科长").decide(
        add_company(ctx.db, name="华兴纺织有限公司"), "major", "测试")
    plans = YearPlanService(ctx.db, ctx.device, "王科长")
    plans.add_team("一组", team, 4)
    plans.generate(2026, add_template(ctx.db), seed=3)   # a year with the shipped holidays
    languages.apply(lang)
    window = YearPlanDialog(ctx)
    qtbot.addWidget(window)
    window.year.setValue(2026)
    dialog = DropCompanyDialog(plans, 2026)
    qtbot.addWidget(dialog)
    words = _own_words(window) + _own_words(dialog)
    assert any("2026" in w for w in words)    # the holiday line is among them
    chinese = [w for w in words if re.search(r"[\u4e00-\u9fff]", w)]
    if lang == "en":
        assert chinese == []
    else:
        assert window.drop_button.toolTip() in chinese
        assert dialog.reason.placeholderText() in chinese
