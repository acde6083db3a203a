"""The class dialog and the yearly-plan grid as an office user drives them."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from inspector_app.services.classification import ClassificationService
from inspector_app.services.plans import PlanService
from inspector_app.services.year_plan import YearPlanService
from inspector_app.storage.repositories import InspectorRepo
from inspector_app.ui import confirm
from inspector_app.ui.dialogs.classification_dialog import ClassificationDialog
from inspector_app.ui.dialogs.year_plan_dialog import YearPlanDialog
from tests.factories import add_company, add_template


def test_class_dialog_shows_the_suggestion_and_records_a_decision(qtbot, ctx) -> None:
    company = add_company(ctx.db, special_areas=["liquid_ammonia"])
    dialog = ClassificationDialog(ctx, company)
    qtbot.addWidget(dialog)
    assert "涉氨制冷" in dialog.reasons.text() or "refrigeration" in dialog.reasons.text()
    dialog.klass.setCurrentIndex(dialog.klass.findData("major"))
    assert not dialog.decide()  # no reason given
    assert dialog.error.text()
    dialog.why.setText("2025年发生氨泄漏")
    assert dialog.decide()
    assert ClassificationService(ctx.db, ctx.device).get(company).current == "major"
    assert dialog.history.count() == 1 and "氨泄漏" in dialog.history.item(0).text()
    dialog.grade.setCurrentIndex(dialog.grade.findData("grade3"))
    dialog.certificate.setText("AQBIII2025001")
    dialog.expires.setText("2024-13-01")
    assert not dialog.save_facts() and "YYYY-MM-DD" in dialog.error.text()
    dialog.expires.setText("2028-06-30")
    assert dialog.save_facts()
    std = ClassificationService(ctx.db, ctx.device).get(company).standardisation
    assert (std.grade, std.certificate, std.expires_on) == ("grade3", "AQBIII2025001",
                                                            "2028-06-30")


def test_year_plan_dialog_generates_moves_approves_and_issues(qtbot, ctx, monkeypatch) -> None:
    people = InspectorRepo(ctx.db, ctx.device.id)
    team = [people.add("张伟", "32050012", "局").id, people.add("李娜", "32050013", "局").id]
    key = add_template(ctx.db)
    classes = ClassificationService(ctx.db, ctx.device, "王科长")
    for i in range(6):
        classes.decide(add_company(ctx.db, name=f"公司{i}"), "moderate", "测试")
    YearPlanService(ctx.db, ctx.device).add_team("一组", team, 2)
    dialog = YearPlanDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.year.setValue(2027)
    dialog.template.setCurrentIndex(dialog.template.findData(key))
    with qtbot.waitSignal(dialog.generate().signals.finished, timeout=30_000):
        pass
    assert not dialog.error.text()
    counts = [dialog.grid.item(0, m).text() for m in range(12)]
    assert sum(int(c.split("/")[0]) for c in counts) == 6
    busy = next(m for m in range(12) if not counts[m].startswith("0/"))
    free = next(m for m in range(12) if counts[m].startswith("0/"))
    dialog.grid.setCurrentCell(0, busy)
    assert dialog.visits.count() >= 1
    dialog.visits.setCurrentRow(0)
    dialog.to_month.setValue(free + 1)
    assert dialog._move_selected(), dialog.error.text()
    assert dialog.grid.item(0, free).text() == "1/2"
    asked: list[tuple[str, str]] = []
    answer = [False]
    monkeypatch.setattr(confirm, "ask", lambda _parent, _title, text, action: (
        asked.append((text, action)) or answer[0]))
    # Approving cannot be undone: the office is asked first, and Cancel changes nothing.
    dialog.approve_button.click()
    assert YearPlanService(ctx.db, ctx.device).info(2027).status == "draft"
    assert dialog.move_button.isEnabled()
    text, action = asked[-1]
    assert "2027" in text and "6 visits" in text and "cannot be undone" in text
    assert action == "&Approve"
    answer[0] = True
    dialog.approve_button.click()
    assert dialog.issue_button.isEnabled() and not dialog.move_button.isEnabled()
    dialog.issue_button.click()
    assert "6 planned inspections" in asked[-1][0]
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert len(PlanService(ctx.db, ctx.device).list()) == 6
    assert "6" in dialog.status.text()


def test_in_chinese_the_year_plan_reads_its_months_and_years_as_chinese_writes_them(
        qtbot, ctx, languages) -> None:
    people = InspectorRepo(ctx.db, ctx.device.id)
    team = [people.add("张伟", "32050012", "局").id, people.add("李娜", "32050013", "局").id]
    key = add_template(ctx.db)
    ClassificationService(ctx.db, ctx.device, "王科长").decide(
        add_company(ctx.db, name="公司"), "moderate", "测试")
    YearPlanService(ctx.db, ctx.device).add_team("一组", team, 2)
    languages.apply("zh_CN")
    dialog = YearPlanDialog(ctx)
    qtbot.addWidget(dialog)
    heads = [dialog.grid.horizontalHeaderItem(m).text() for m in range(12)]
    assert heads == [f"{m}月" for m in range(1, 13)]
    dialog.year.setValue(2027)
    dialog.template.setCurrentIndex(dialog.template.findData(key))
    assert "尚无2027年度计划" in dialog.status.text()
    with qtbot.waitSignal(dialog.generate().signals.finished, timeout=30_000):
        pass
    assert dialog.status.text().startswith("2027年度计划：草稿")
    busy = next(m for m in range(12) if not dialog.grid.item(0, m).text().startswith("0/"))
    dialog.grid.setCurrentCell(0, busy)
    assert f"一组，{busy + 1}月" in [label.text() for label in dialog.findChildren(QLabel)]
