"""Planned inspections: made at the office, carried to a laptop, started there, reported back."""

from __future__ import annotations

import json

import pytest

from inspector_app.cli import main
from inspector_app.errors import NotFoundError, ValidationError
from inspector_app.services.plans import PlanService
from inspector_app.services.sync import export_bundle, import_bundle
from inspector_app.storage.repositories import InspectorRepo
from tests.factories import SMALL_TEMPLATE, add_company, add_template
from tests.unit.test_sync import ORG_PASS


def test_plan_validation(ctx):
    plans = PlanService(ctx.db, ctx.device, "王科长")
    company = add_company(ctx.db)
    key = add_template(ctx.db)
    with pytest.raises(NotFoundError):
        plans.add("nope", key, "2026-12-10")
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        plans.add(company, key, "10/12/2026")
    plan = plans.add(company, key, "2026-12-10")
    with pytest.raises(ValidationError, match="Say why"):
        plans.cancel(plan, " ")
    plans.cancel(plan, "企业已停产")
    assert plans.list() == []
    assert plans.get(plan).status == "cancelled"
    with pytest.raises(ValidationError, match="already cancelled"):
        plans.start(plan)


def test_office_plan_travels_to_the_laptop_and_comes_back_started(world):
    office, laptop = world.office, world.a
    company = add_company(office.db, name="泉台纺织有限公司")
    key = add_template(office.db)
    repo = InspectorRepo(office.db, office.device.id)
    team = [repo.add("张伟", "32050012", "泉台区应急管理局").id,
            repo.add("李娜", "32050013", "泉台区应急管理局").id]
    plan = PlanService(office.db, office.device, "王科长").add(
        company, key, "2026-12-10", team, note="双随机抽查")
    dest = world.root / "to-laptops"
    dest.mkdir()
    bundle = export_bundle(office.db, office.data_dir, office.device, dest, passphrase=ORG_PASS)
    report = import_bundle(laptop.db, laptop.data_dir, laptop.device, bundle)
    assert report.tables["planned_inspections"].added == 1

    on_laptop = PlanService(laptop.db, laptop.device, "张伟")
    (received,) = on_laptop.list()
    assert (received.company_name, received.due_date, received.note) == (
        "泉台纺织有限公司", "2026-12-10", "双随机抽查")
    inspection = on_laptop.start(plan)
    assert on_laptop.get(plan).status == "started"
    assert on_laptop.get(plan).inspection_id == inspection

    world.import_(world.export(laptop))
    back = PlanService(office.db, office.device).get(plan)
    assert (back.status, back.inspection_id) == ("started", inspection)


def test_cli_plans(ctx, capsys):
    company = add_company(ctx.db)
    key = add_template(ctx.db)
    repo = InspectorRepo(ctx.db, ctx.device.id)
    team = [repo.add("张伟", "1", "局").id, repo.add("李娜", "2", "局").id]
    ctx.close()
    base = ["--data-dir", str(ctx.data_dir.root), "plans"]
    args = [*base, "add", "--company", company, "--template", key, "--due", "2026-12-10"]
    for inspector in team:
        args += ["--inspector", inspector]
    assert main(args) == 0
    plan = capsys.readouterr().out.strip()
    assert main([*base, "list"]) == 0
    listed = capsys.readouterr().out
    assert "2026-12-10  泉台纺织有限公司" in listed
    # The checklist by its title, as the window's Planned list names it, not its key.
    assert SMALL_TEMPLATE["title"]["en"] in listed
    assert key not in listed
    assert main([*base, "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["template_key"] == key
    assert main([*base, "start", plan[:8]]) == 0
    assert capsys.readouterr().out.strip()
    assert main([*base, "start", plan[:8]]) == 1
    assert "already started" in capsys.readouterr().err


def test_the_inspections_page_starts_a_planned_inspection(qtbot, ctx):
    from inspector_app.domain.profile import Profile
    from inspector_app.storage.repositories import ProfileRepo
    from inspector_app.ui.pages.inspections import InspectionsPage

    profile = ProfileRepo(ctx.db, ctx.device).save(
        Profile("张伟", "32050012", "泉台区应急管理局", "QT01"))
    second = InspectorRepo(ctx.db, ctx.device.id).add("李娜", "32050013", "泉台区应急管理局")
    PlanService(ctx.db, ctx.device).add(add_company(ctx.db), add_template(ctx.db), "2026-12-10",
                                        [profile.id, second.id])
    page = InspectionsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    assert page.plans_button.text() == "&Planned (1)…"
    dialog = page.show_plans()
    assert dialog.table.rowCount() == 1
    with qtbot.waitSignal(page.open_requested) as opened:
        dialog.start_button.click()
    assert page.model.row_of(opened.args[0]) >= 0
    assert page.plans_button.text() == "&Planned (0)…"


def test_plan_takes_a_bare_template_id_and_checks_the_team(ctx):
    plans = PlanService(ctx.db, ctx.device)
    company = add_company(ctx.db)
    add_template(ctx.db)
    lone = InspectorRepo(ctx.db, ctx.device.id).add("张伟", "1", "局").id
    with pytest.raises(ValidationError, match="at least two inspectors"):
        plans.add(company, "test-small", "2026-12-10", [lone])
    plan = plans.add(company, "test-small", "2026-12-10", [lone], kind="self")
    assert plans.get(plan).template_key == "test-small@1"
