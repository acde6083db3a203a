"""An issued year plan inspects each company under the standard that is the law for it."""

from __future__ import annotations

from collections import Counter

from inspector_app.services.classification import ClassificationService
from inspector_app.services.forms import ensure_shipped_templates
from inspector_app.services.plans import PlanService
from inspector_app.services.year_plan import YearPlanService
from inspector_app.storage.repositories import InspectorRepo
from inspector_app.storage.templates_repo import TemplateRepo
from tests.factories import add_company


def test_a_chemical_works_is_planned_under_the_chemical_standard(ctx) -> None:
    people = InspectorRepo(ctx.db, ctx.device.id)
    team = [people.add("张伟", "32050012", "泉台区应急管理局").id,
            people.add("李娜", "32050013", "泉台区应急管理局").id]
    library = TemplateRepo(ctx.db, ctx.device.id)
    ensure_shipped_templates(library)
    gm = library.resolve("gm-major-hazard-2023")
    hc = library.resolve("hc-major-hazard-2017")
    textile = add_company(ctx.db, name="泉台纺织有限公司", industry="textile")
    chemical = add_company(ctx.db, name="嘉禾精细化工有限公司", industry="chemical",
                           special_areas=["hazardous_chemicals"])
    # A chemical works whose special areas were never recorded is a chemical works still.
    paints = add_company(ctx.db, name="南岭涂料厂", industry="chemical")
    classes = ClassificationService(ctx.db, ctx.device, "王科长")
    for company in (textile, chemical, paints):
        classes.decide(company, "major", "测试")
    plans = YearPlanService(ctx.db, ctx.device, "王科长")
    plans.add_team("一组", team, 10)
    plans.generate(2027, gm, seed=3)
    plans.approve(2027)
    assert plans.issue(2027) == 12
    planned = PlanService(ctx.db, ctx.device).list()
    used = Counter((p.company_id, p.template_key) for p in planned)
    assert used == {(textile, gm): 4, (chemical, hc): 4, (paints, hc): 4}
