"""The dispatch statistics, recomputed in plain Python over the raw rows of a randomised demo.

The demo is made messier by hand (amendments, conflict copies, re-inspections, orders, campaign
tags set by a person, companies with no town or industry, a department named on a company) so
every rule of the SQL has rows on both sides of it.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

import pytest

from inspector_app.domain.escalation import Decision, Measure, Reason
from inspector_app.domain.units import Period
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.demo import build_demo
from inspector_app.storage.dispatch_stats import (
    COUNTS,
    GROUPINGS,
    DispatchQuery,
    dispatch_table,
    dispatch_tables,
    drill_down,
    weekly_trend,
)
from inspector_app.storage.escalations_repo import EscalationRepo
from inspector_app.storage.units_repo import CampaignRepo, UnitRepo

TODAY = date(2026, 6, 20)
SEED = random.SystemRandom().randrange(1_000_000)


def _rows(db, table: str) -> list[dict[str, Any]]:
    return [dict(r) for r in db.query(f"SELECT * FROM {table}")]


def _mess_up(ctx: AppContext, rng: random.Random) -> None:
    """Raw rows the demo does not make, written as sync or amendments would."""
    db = ctx.db
    inspections = _rows(db, "inspections")
    findings = _rows(db, "findings")
    companies = _rows(db, "companies")
    stamp = {"created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
             "device_id": ctx.device.id}
    with db.atomic():
        # Companies with no town or industry, one with a department named by hand.
        db.execute("UPDATE companies SET town = NULL WHERE id = ?", [companies[0]["id"]])
        db.execute("UPDATE companies SET industry = NULL WHERE id = ?", [companies[1]["id"]])
        dept = UnitRepo(db, ctx.device.id).all("department")[-2]   # not 消安办: it stays silent
        db.execute("UPDATE companies SET department_id = ? WHERE id = ?",
                   [dept.id, companies[2]["id"]])
        done = [i for i in inspections if i["status"] != "draft"]
        for n, source in enumerate(rng.sample(done, k=min(6, len(done)))):
            new = dict(source, id=f"x-{n}", number=None, **stamp)
            if n % 3 == 0:     # an amendment: the new revision replaces the old one
                new.update(revision=2, supersedes_id=source["id"], status="completed")
            elif n % 3 == 1:   # a conflict copy, never counted
                new.update(conflict_of=source["id"])
            else:              # a re-inspection of the same company some days later
                day = date.fromisoformat(source["started_at"][:10]) + timedelta(days=10)
                new.update(kind="reinspection", follows_inspection_id=source["id"],
                           started_at=day.isoformat() + "T10:00")
            db["inspections"].insert(new)
            for f in [f for f in findings if f["inspection_id"] == source["id"]][:3]:
                db["findings"].insert(dict(f, id=f"{f['id']}-{n}", inspection_id=new["id"],
                                           origin_finding_id=f["id"], **stamp))
        # Orders for some more inspections that found hazards (the demo's come when signed).
        ordered = {d["inspection_id"] for d in _rows(db, "documents")}
        with_hazards = sorted({f["inspection_id"] for f in findings} - ordered)
        for n, inspection_id in enumerate(rng.sample(with_hazards,
                                                     k=min(8, len(with_hazards)))):
            db["documents"].insert({
                "id": f"doc-{n}", "inspection_id": inspection_id, "doc_type": "order",
                "number": f"令-{n}", "prefix": "T", "year": 2026, "seq": n,
                "issued_at": "2026-01-01T00:00:00Z", **stamp})
        # Onsite measures and deadlines on both sides of the overdue line.
        for f in rng.sample(findings, k=min(10, len(findings))):
            db.execute("UPDATE findings SET current_deadline = ?, onsite_measure = ? "
                       "WHERE id = ?",
                       [(TODAY + timedelta(days=rng.randint(-20, 20))).isoformat(),
                        rng.choice([None, "", "  ", "已停止作业"]), f["id"]])
        # At least one major hazard past its deadline: the demo's re-inspections close or
        # reschedule most hazards, and a small district may have none left overdue.
        counted = {i["id"] for i in done}
        late = rng.choice([f for f in findings if f["inspection_id"] in counted])
        db.execute("UPDATE findings SET grade = 'major', status = 'open', current_deadline = ? "
                   "WHERE id = ?", [(TODAY - timedelta(days=5)).isoformat(), late["id"]])
        # A person tags some inspections into and out of the major campaign.
        campaign = CampaignRepo(db, ctx.device.id).all()
    escalations = EscalationRepo(db, ctx.device.id)
    for n, company in enumerate(rng.sample(companies, k=min(6, len(companies)))):
        escalations.record(Decision(
            company["id"], Reason.OVERDUE, list(Measure)[n % 4],
            (TODAY - timedelta(days=rng.randint(0, 200))).isoformat(),
            case_number=f"泉台应急罚〔2026〕{n + 1}号", fine_amount=rng.choice([None, 20000.0])))
    for c in campaign:
        for i in rng.sample(done, k=min(5, len(done))):
            CampaignRepo(db, ctx.device.id).tag(c.id, i["id"], rng.random() < 0.5)


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    ctx = AppContext(DataDir(tmp_path_factory.mktemp("dispatch")))
    build_demo(ctx.db, ctx.device, ctx.data_dir.photos, companies=25, inspections=70,
               seed=SEED, today=TODAY)
    _mess_up(ctx, random.Random(SEED))
    yield ctx
    ctx.close()


# -- the oracle -------------------------------------------------------------------------------

def _expected(db, query: DispatchQuery) -> dict[str, dict[str, int]]:
    companies = _rows(db, "companies")
    units = _rows(db, "units")
    inspections = _rows(db, "inspections")
    findings = _rows(db, "findings")
    documents = _rows(db, "documents")
    tags = {(t["campaign_id"], t["inspection_id"]): t["included"]
            for t in _rows(db, "campaign_tags")}
    campaign = query.campaign
    start, end = query.period.start.isoformat(), query.period.end.isoformat()
    as_of = query.as_of.isoformat()

    departments = sorted((u for u in units if u["kind"] == "department" and u["active"]),
                         key=lambda u: (u["position"], u["name"]))

    def department(c: dict) -> str:
        if c["department_id"]:
            return c["department_id"]
        for u in departments:
            if c["industry"] in json.loads(u["sectors"]):
                return u["id"]
        return ""

    def key(c: dict) -> str:
        return {"town": c["town"] or "", "industry": c["industry"] or "",
                "department": department(c)}[query.by]

    def in_scope(c: dict) -> bool:
        return campaign is None or campaign.in_scope(c["id"], c["town"], c["industry"])

    by_id = {c["id"]: c for c in companies}
    superseded = {i["supersedes_id"] for i in inspections if i["supersedes_id"]}

    def counted(i: dict) -> bool:
        day = i["started_at"][:10]
        if (i["status"] == "draft" or i["conflict_of"] or i["id"] in superseded
                or not start <= day <= end):
            return False
        if campaign is None:
            return True
        tag = tags.get((campaign.id, i["id"]))
        if tag is not None:
            return bool(tag)
        return (campaign.starts_on <= day <= campaign.ends_on
                and in_scope(by_id[i["company_id"]]))

    figures: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COUNTS, 0))
    ins = {i["id"]: i for i in inspections if counted(i)}
    inspected = set()
    for i in ins.values():
        f = figures[key(by_id[i["company_id"]])]
        f[{"official": "inspections_official", "self": "inspections_self",
           "reinspection": "reinspections"}[i["kind"]]] += 1
        if i["kind"] != "reinspection":
            inspected.add(i["company_id"])
    for c in companies:
        if in_scope(c):
            figures[key(c)]["companies_in_scope"] += 1
            if c["id"] in inspected:
                figures[key(c)]["companies_inspected"] += 1
    for h in findings:
        i = ins.get(h["inspection_id"])
        if i is None or i["kind"] == "reinspection":
            continue
        f = figures[key(by_id[i["company_id"]])]
        f["hazards_major" if h["grade"] == "major" else "hazards_general"] += 1
        if h["status"] in ("rectified", "closed"):
            f["rectified"] += 1
        deadline = h["current_deadline"] or h["deadline"]
        if h["status"] in ("open", "reopened") and deadline and deadline[:10] < as_of:
            f["overdue"] += 1
            f["overdue_major"] += h["grade"] == "major"
        if (h["onsite_measure"] or "").strip():
            f["onsite_measures"] += 1
    for d in documents:
        if d["doc_type"] == "order" and d["inspection_id"] in ins:
            figures[key(by_id[ins[d["inspection_id"]]["company_id"]])]["orders"] += 1
    for e in _rows(db, "escalations"):
        company = by_id[e["company_id"]]
        if start <= e["decided_on"] <= end and in_scope(company):
            figures[key(company)]["escalations"] += 1
    return dict(figures)


def _queries(db) -> list[DispatchQuery]:
    campaigns = CampaignRepo(db, "x").all()
    periods = [Period(TODAY - timedelta(days=365), TODAY),
               Period(TODAY - timedelta(days=60), TODAY - timedelta(days=20))]
    return [DispatchQuery(p, by, c, as_of=TODAY)
            for p in periods for by in GROUPINGS for c in (None, *campaigns)]


def test_every_figure_matches_a_plain_recount_for_every_grouping(district):
    db = district.db
    checked = 0
    for query in _queries(db):
        table = dispatch_table(db, query)
        expected = _expected(db, query)
        got = {r.key: r.figures for r in table.rows}
        for group, figures in expected.items():
            if any(figures.values()):
                assert got.get(group) == figures, (SEED, query, group)
                checked += 1
        for group, figures in got.items():
            assert figures == expected.get(group, dict.fromkeys(COUNTS, 0)), (SEED, query)
        totals = {name: sum(f[name] for f in expected.values()) for name in COUNTS}
        assert table.total.figures == totals, (SEED, query)
        # All groupings in one statement give the same tables.
        together = dispatch_tables(db, query)[query.by]
        assert [(r.key, r.figures) for r in together.rows] == [
            (r.key, r.figures) for r in table.rows]
    assert checked > 20


def test_the_demo_data_reaches_every_figure(district):
    """Otherwise the comparison above would prove little."""
    table = dispatch_table(district.db, _queries(district.db)[0])
    assert all(table.total.figures[name] > 0 for name in COUNTS), (SEED, table.total.figures)


def test_drill_down_lists_exactly_what_each_figure_counts(district):
    db = district.db
    for query in _queries(db)[:6]:
        table = dispatch_table(db, query)
        for row in [*table.rows, None]:
            figures = (row or table.total).figures
            for name in COUNTS:
                listed = drill_down(db, query, name, None if row is None else row.key)
                assert len(listed) == figures[name], (SEED, query, name, row and row.key)


def test_registered_units_with_nothing_in_the_period_are_marked(district):
    db = district.db
    query = DispatchQuery(Period(TODAY - timedelta(days=365), TODAY), "town", as_of=TODAY)
    table = dispatch_table(db, query)
    towns = [u.name for u in UnitRepo(db, "x").all("town")]
    assert [r.label for r in table.rows if r.registered] == towns
    silent = [r.label for r in table.silent]
    assert "百崎乡" in silent   # the demo's town that has no company
    assert all(r.inspections == 0 for r in table.silent)
    departments = dispatch_table(db, DispatchQuery(query.period, "department", as_of=TODAY))
    assert "消安办" in [r.label for r in departments.silent]


def test_an_empty_period_gives_zeros_but_still_lists_the_units(district):
    query = DispatchQuery(Period(date(2001, 1, 1), date(2001, 12, 31)), "town", as_of=TODAY)
    table = dispatch_table(district.db, query)
    assert table.total.inspections == 0 and table.total.hazards == 0
    assert table.rows and all(r.silent for r in table.rows if r.registered)


def test_the_weekly_trend_recounts_week_by_week_and_adds_up_to_the_table(district):
    db = district.db
    for query in _queries(db)[::3]:
        weeks = weekly_trend(db, query)
        assert weeks[0].monday <= query.period.start < weeks[0].monday + timedelta(days=7)
        assert weeks[-1].monday <= query.period.end < weeks[-1].monday + timedelta(days=7)
        assert all(b.monday - a.monday == timedelta(days=7) for a, b in pairwise(weeks))
        # Week by week, the inspections and hazards the drill-down lists, by their start day.
        started = {}
        for figure in ("inspections_official", "inspections_self"):
            for i in drill_down(db, query, figure):
                day = date.fromisoformat(i["started_at"][:10])
                monday = day - timedelta(days=day.weekday())
                started[i["id"]] = monday
                assert next(w for w in weeks if w.monday == monday)
        per_week = defaultdict(int)
        for monday in started.values():
            per_week[monday] += 1
        assert {w.monday: w.inspections for w in weeks if w.inspections} == dict(per_week)
        found_by = dict(db.execute("SELECT id, inspection_id FROM findings").fetchall())
        hazards = defaultdict(int)
        for figure in ("hazards_major", "hazards_general"):
            for h in drill_down(db, query, figure):
                hazards[started[found_by[h["id"]]]] += 1
        assert {w.monday: w.hazards for w in weeks if w.hazards} == dict(hazards)
        total = dispatch_table(db, query).total
        assert sum(w.inspections for w in weeks) == total.inspections
        assert sum(w.hazards for w in weeks) == total.hazards
        assert sum(w.rectified for w in weeks) == total["rectified"]
    assert weeks[0].label == f"{weeks[0].monday.isocalendar()[0]}-W" \
        f"{weeks[0].monday.isocalendar()[1]:02d}"
