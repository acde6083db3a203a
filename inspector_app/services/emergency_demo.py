"""Synthetic emergency plans, drills and stations for the demo district: every town and
department with a deadline, plans at every stage, drills with problems to follow up, pilot
stations with milestones, and plans of some companies (some overdue for revision)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlite_utils import Database

from inspector_app.domain.emergency import Milestone, add_months, add_years
from inspector_app.domain.units import UnitKind
from inspector_app.paths import DataDir
from inspector_app.services.emergency import EmergencyService
from inspector_app.storage.companies_repo import CompanyRepo

_PLANS = (("comprehensive", "生产安全事故综合应急预案"), ("special", "危险化学品事故专项应急预案"),
          ("special", "防汛防台风专项应急预案"), ("onsite", "火灾事故现场处置方案"))
_SCENARIOS = ("仓库火灾疏散", "危化品泄漏处置", "台风期间人员转移", "有限空间中毒救援")
_PROBLEMS = ("对讲机信号中断，指挥联络不畅", "应急物资台账与实物不符", "疏散路线标识不清",
             "部分人员不熟悉报警程序")
_STEPS = ("not_started", "drafting", "reviewed", "issued", "filed")


def ensure_emergency(db: Database, device_id: str, data_dir: DataDir, seed: int,
                     today: date, *, deadlines: bool = True) -> None:
    """Add the registry unless it already has plans (a second demo run adds nothing here).
    ``deadlines``: set the units' deadlines too (the office's to set, not a laptop's)."""
    svc = EmergencyService(db, device_id, data_dir)
    if svc.repo.plans():
        return
    rng = random.Random(seed)
    real_today = min(today, date.today())
    deadline = date(today.year, 11, 30)
    units = [u for u in svc.units.all(active_only=True)
             if u.kind in (UnitKind.TOWN, UnitKind.DEPARTMENT)]
    idle = [u for u in units if u.kind == UnitKind.TOWN][-1:]
    for i, unit in enumerate(units):
        if deadlines:
            svc.set_deadline(unit.id, deadline.isoformat(), "11月底前全面完成预案编制、修订")
        if unit in idle:
            continue                       # one town has not started at all
        stage = rng.choice((0, 1, 2, 3, 4, 4, 4)) if i else 4
        for kind, title in _PLANS[: rng.randint(1, 3)]:
            _plan(svc, rng, real_today, {"unit_id": unit.id}, kind,
                  f"{unit.name}{title}", _STEPS[min(stage + rng.randint(-1, 0), 4)
                                               if stage else 0])
    for company in CompanyRepo(db, device_id).list(limit=12):
        _plan(svc, rng, real_today, {"company_id": company.id}, "comprehensive",
              f"{company.name}{_PLANS[0][1]}", "filed", years_ago=rng.choice((1, 2, 3, 4)))
    for task, _ in svc.open_tasks(real_today):
        if task["due_on"] < (real_today - timedelta(days=30)).isoformat():
            svc.close_task(task["id"], task["due_on"])     # old problems were fixed
    towns = [u for u in units if u.kind == UnitKind.TOWN][:3]
    for n, town in enumerate(towns):
        # Milestones a month apart around today: some done, one late, some still ahead.
        dues = {m: add_months(real_today, k - 3 + n) for k, m in enumerate(Milestone)}
        station = svc.add_station(
            name=f"{town.name}{'应急管理站' if n == 0 else '应急服务站'}",
            kind="town" if n == 0 else "village", unit_id=town.id,
            dues={m.value: d.isoformat() for m, d in dues.items()})
        late_one = rng.randrange(2)
        for k, (m, due) in enumerate(dues.items()):
            if due < real_today and k != late_one:
                svc.set_milestone(station["id"], m.value, status="done",
                                  done_on=(due - timedelta(days=rng.randint(0, 9))).isoformat())
            elif due < real_today or k == late_one + 3:
                svc.set_milestone(station["id"], m.value, status="in_progress")
        svc.add_check(station["id"], checked_on=(real_today - timedelta(days=20)).isoformat(),
                      checker="区应急管理局督导组", findings="平台建设进度滞后，需加快设备采购")


def _plan(svc: EmergencyService, rng: random.Random, today: date, owner: dict, kind: str,
          title: str, status: str, years_ago: int = 0) -> None:
    issued = add_years(today - timedelta(days=rng.randint(30, 200)), -years_ago)
    dates: dict[str, str] = {}
    steps = _STEPS.index(status)
    if steps >= 1:
        dates["compiled_on"] = (issued - timedelta(days=60)).isoformat()
    if steps >= 2:
        dates["reviewed_on"] = (issued - timedelta(days=20)).isoformat()
    if steps >= 3:
        dates["issued_on"] = issued.isoformat()
    plan = svc.add_plan(title=title, plan_type=kind, status=_STEPS[min(steps, 3)], **owner,
                        **dates)
    if steps == 4:
        svc.record_filing(plan["id"], authority="泉台区应急管理局",
                          number=f"350521-{issued.year}-{rng.randint(1, 999):03d}",
                          filed_on=min(issued + timedelta(days=15), today).isoformat())
    if steps >= 3 and rng.random() < 0.7:
        held = min(issued + timedelta(days=rng.randint(20, 300)),
                   today - timedelta(days=rng.randint(1, 25)))
        problems = []
        if rng.random() < 0.6:
            problems.append({"problem": rng.choice(_PROBLEMS),
                             "due_on": (held + timedelta(days=rng.randint(15, 60))).isoformat(),
                             "responsible": "安全管理员"})
        svc.add_drill(plan_id=plan["id"], held_on=held.isoformat(),
                      form=rng.choice(("live", "tabletop")),
                      scope="comprehensive" if kind != "onsite" else "single",
                      organiser="应急办", participants=f"{rng.randint(12, 80)}人",
                      scenario=rng.choice(_SCENARIOS), went_well="响应及时，分工明确",
                      problems=problems)
