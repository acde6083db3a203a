"""Inside an emergency-readiness inspection the company's plans and last drill are shown, with
a warning when the plan is overdue for revision or no drill was held in the required period."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from inspector_app.domain.emergency import add_months, add_years
from inspector_app.services.emergency import EmergencyService
from inspector_app.services.forms import ensure_shipped_templates
from inspector_app.services.inspections import InspectionService
from inspector_app.storage.repositories import InspectorRepo
from inspector_app.storage.templates_repo import TemplateRepo
from inspector_app.ui.inspection_window import InspectionWindow
from tests.factories import add_company, add_template


@pytest.fixture
def started(ctx, profile):
    InspectorRepo(ctx.db, ctx.device.id).add("李娜", "32050002", "泉台区应急管理局")
    ensure_shipped_templates(TemplateRepo(ctx.db, ctx.device.id))
    company = add_company(ctx.db)
    service = InspectionService(ctx.db, ctx.device, profile.name)
    key = ctx.db.execute("SELECT key FROM templates WHERE template_id = "
                         "'emergency-readiness'").fetchone()[0]
    team = [r[0] for r in ctx.db.execute("SELECT id FROM inspectors").fetchall()]

    def start(template_key=key):
        return service.start(company_id=company, template_key=template_key, kind="official",
                             inspector_ids=team)
    return company, start


def _window(qtbot, ctx, inspection_id):
    win = InspectionWindow(ctx, inspection_id)
    qtbot.addWidget(win)
    win.show()
    return win


def test_overdue_plan_and_missing_drill_are_warned(qtbot, ctx, started, languages):
    company, start = started
    svc = EmergencyService(ctx.db, ctx.device.id, ctx.data_dir)
    today = date.today()
    issued = add_years(today, -3) - timedelta(days=1)
    svc.add_plan(title="综合应急预案", plan_type="comprehensive", company_id=company,
                 status="issued", issued_on=issued.isoformat())
    win = _window(qtbot, ctx, start())
    text = win.readiness.text()
    assert win.readiness.isVisible() and "综合应急预案" in text
    # The English window punctuates in English, about a plan with a Chinese title too.
    due = add_years(issued, 3).isoformat()
    assert f"Registered plans (revision due): 综合应急预案 (Issued, {due})" in text
    assert "Overdue for revision: 综合应急预案" in text
    assert "No drill in the required period" in text and "No drill recorded." in text


def test_a_current_plan_and_recent_drill_show_without_warning(qtbot, ctx, started, languages):
    company, start = started
    svc = EmergencyService(ctx.db, ctx.device.id, ctx.data_dir)
    today = date.today()
    plan = svc.add_plan(title="现场处置方案", plan_type="onsite", company_id=company,
                        status="issued", issued_on=add_months(today, -8).isoformat())
    svc.add_drill(plan_id=plan["id"], held_on=add_months(today, -2).isoformat(), form="live",
                  scope="single")
    win = _window(qtbot, ctx, start())
    text = win.readiness.text()
    assert f"Last drill: {add_months(today, -2).isoformat()}" in text
    assert "⚠" not in text


def test_other_checklists_show_nothing(qtbot, ctx, started, languages):
    _, start = started
    win = _window(qtbot, ctx, start(add_template(ctx.db)))
    assert not win.readiness.isVisible()
