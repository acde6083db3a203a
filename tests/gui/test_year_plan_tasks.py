"""Generating and issuing the yearly plan run off the window's thread, with progress and Cancel."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from inspector_app.services import year_plan as year_plan_service
from inspector_app.services.classification import ClassificationService
from inspector_app.services.plans import PlanService
from inspector_app.services.year_plan import YearPlanService
from inspector_app.storage.repositories import InspectorRepo
from inspector_app.ui import confirm
from inspector_app.ui.dialogs.year_plan_dialog import YearPlanDialog
from tests.factories import add_company, add_template


@pytest.fixture
def dialog(qtbot, ctx):
    people = InspectorRepo(ctx.db, ctx.device.id)
    team = [people.add("张伟", "32050012", "局").id, people.add("李娜", "32050013", "局").id]
    key = add_template(ctx.db)
    classes = ClassificationService(ctx.db, ctx.device, "王科长")
    for i in range(6):
        classes.decide(add_company(ctx.db, name=f"公司{i}", town="城关镇"), "moderate", "测试")
    YearPlanService(ctx.db, ctx.device).add_team("一组", team, 2)
    shown = YearPlanDialog(ctx)
    qtbot.addWidget(shown)
    shown.show()
    shown.year.setValue(2026)
    shown.template.setCurrentIndex(shown.template.findData(key))
    return shown


@pytest.fixture
def gate(monkeypatch):
    """Holds the worker inside the plan's computation until the test opens it."""
    opened, entered = threading.Event(), threading.Event()
    real = year_plan_service.generate

    def held(*args, **kwargs):
        entered.set()
        assert opened.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(year_plan_service, "generate", held)
    return opened, entered


def test_generating_shows_progress_and_keeps_the_window_usable(qtbot, dialog, gate):
    opened, entered = gate
    task = dialog.generate()
    assert task is not None
    qtbot.waitUntil(entered.is_set)
    # The worker is busy: the window still answers, shows progress, and offers Cancel.
    assert dialog.progress.isVisible() and dialog.cancel_button.isVisible()
    assert not dialog.generate_button.isEnabled() and not dialog.holidays_button.isEnabled()
    dialog.grid.setCurrentCell(0, 3)
    assert dialog.cell_label.text()
    with qtbot.waitSignal(task.signals.finished, timeout=20_000):
        opened.set()
    assert not dialog.progress.isVisible() and not dialog.error.text()
    assert sum(int(dialog.grid.item(0, m).text().split("/")[0]) for m in range(12)) == 6
    # What a newcomer reads: the plan, its state and its visits; the seed only on hover.
    assert dialog.status.text() == "Plan 2026: draft, 6 visits"
    seed = YearPlanService(dialog.ctx.db, dialog.ctx.device).info(2026).seed
    assert str(seed) in dialog.status.toolTip()


def test_cancelling_the_generation_keeps_the_earlier_draft(qtbot, dialog, ctx, gate):
    opened, entered = gate
    opened.set()
    with qtbot.waitSignal(dialog.generate().signals.finished, timeout=20_000):
        pass
    before = [(v.visit.company_id, v.visit.day) for v in
              YearPlanService(ctx.db, ctx.device).visits(2026)]
    seed = YearPlanService(ctx.db, ctx.device).info(2026).seed
    opened.clear()
    entered.clear()
    task = dialog.generate()
    qtbot.waitUntil(entered.is_set)
    dialog.cancel_button.click()
    with qtbot.waitSignal(task.signals.cancelled, timeout=20_000):
        opened.set()
    qtbot.waitUntil(lambda: dialog.task is None)
    assert "Cancelled" in dialog.error.text()
    assert YearPlanService(ctx.db, ctx.device).info(2026).seed == seed
    assert [(v.visit.company_id, v.visit.day) for v in
            YearPlanService(ctx.db, ctx.device).visits(2026)] == before


def test_cancelling_the_issue_creates_no_planned_inspection(qtbot, dialog, ctx, gate,
                                                           monkeypatch):
    opened, _ = gate
    opened.set()
    with qtbot.waitSignal(dialog.generate().signals.finished, timeout=20_000):
        pass
    monkeypatch.setattr(confirm, "ask", lambda *_args: True)
    dialog.approve_button.click()
    held, entered = threading.Event(), threading.Event()
    real_add = PlanService.add

    def slow_add(self, *args, **kwargs):
        entered.set()
        assert held.wait(20)
        return real_add(self, *args, **kwargs)

    monkeypatch.setattr(PlanService, "add", slow_add)
    task = dialog.issue()
    qtbot.waitUntil(entered.is_set)
    dialog.cancel()
    with qtbot.waitSignal(task.signals.cancelled, timeout=20_000):
        held.set()
    qtbot.waitUntil(lambda: dialog.task is None)
    assert PlanService(ctx.db, ctx.device).list() == []
    assert YearPlanService(ctx.db, ctx.device).info(2026).status == "approved"
    assert dialog.issue_button.isEnabled()


def test_a_holiday_file_is_added_from_the_page(qtbot, dialog, ctx, tmp_path: Path):
    assert "2026" in dialog.holidays_label.text() and "33" in dialog.holidays_label.text()
    dialog.year.setValue(2027)
    assert "No holiday list for 2027" in dialog.holidays_label.text()
    own = tmp_path / "2027.yaml"
    own.write_text("source: 测试\nholidays: ['2027-01-01..2027-01-03']\n", encoding="utf-8")
    assert dialog.add_holidays(own)
    assert "3 official holidays of 2027" in dialog.holidays_label.text()
    bad = tmp_path / "bad.yaml"
    bad.write_text("holidays: [2027-02-30]\n", encoding="utf-8")
    assert not dialog.add_holidays(bad)
    assert "bad.yaml: holidays, entry 1" in dialog.error.text()
