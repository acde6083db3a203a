"""A page of the Inspections or Hazards list, and the count beside it, agree with the whole list.

The pages read one page at a time (the page's rows picked first, their details after) and count
with a separate query; the whole list, read in one statement, is what they must agree with:
the same rows in the same order for every sort and direction, the same totals.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.demo import build_demo
from inspector_app.services.inspections import InspectionService
from inspector_app.storage.hazards_repo import (
    LEDGER_SORTS,
    HazardLedger,
    LedgerFilter,
    count_rows,
)
from inspector_app.storage.inspections_repo import LIST_SORTS, InspectionFilter, InspectionRepo

TODAY = date(2026, 6, 1)
PAGE = 4


@pytest.fixture(scope="module")
def ctx(tmp_path_factory) -> Iterator[AppContext]:
    context = AppContext(DataDir(Path(tmp_path_factory.mktemp("lists")) / "data"))
    build_demo(context.db, context.device, context.data_dir.photos, companies=12, inspections=60,
               seed=11, today=TODAY)
    service = InspectionService(context.db, context.device)
    for row in service.list(InspectionFilter(status="signed"), limit=3):
        service.amend(row["id"], "漏记一处隐患")  # a draft that supersedes a signed record
    yield context
    context.close()


def _inspection_filters(ctx: AppContext) -> list[InspectionFilter]:
    town = ctx.db.execute("SELECT town FROM companies WHERE town IS NOT NULL "
                          "ORDER BY town LIMIT 1").fetchone()[0]
    inspector = ctx.db.execute("SELECT id FROM inspectors ORDER BY id LIMIT 1").fetchone()[0]
    return [InspectionFilter(), InspectionFilter(status="signed"), InspectionFilter(town=town),
            InspectionFilter(search="司"), InspectionFilter(search="公司"),
            InspectionFilter(search="有限公司"), InspectionFilter(search="%"),
            InspectionFilter(inspector_id=inspector, date_from="2026-01-01"),
            InspectionFilter(include_superseded=True, search="厂"),
            InspectionFilter(search="〕1")]  # numbers, as in （泉台）应急检记〔2026〕12号


def test_the_demo_gives_the_lists_something_to_order(ctx):
    repo = InspectionRepo(ctx.db)
    for flt in _inspection_filters(ctx)[:6]:
        assert len(repo.list(flt)) > PAGE, flt
    assert len(HazardLedger(ctx.db, today=lambda: TODAY).rows(LedgerFilter(status=None))) > 30


@pytest.mark.parametrize("sort", list(LIST_SORTS))
def test_each_page_of_inspections_is_a_slice_of_the_whole_list(ctx, sort):
    repo = InspectionRepo(ctx.db)
    for flt in _inspection_filters(ctx):
        for descending in (True, False):
            whole = repo.list(flt, sort=sort, descending=descending)
            paged = [row for offset in range(0, len(whole) + PAGE, PAGE)
                     for row in repo.list(flt, sort=sort, descending=descending,
                                          limit=PAGE, offset=offset)]
            assert paged == whole, (flt, sort, descending)


def test_the_count_of_inspections_is_the_length_of_the_list(ctx):
    repo = InspectionRepo(ctx.db)
    for flt in _inspection_filters(ctx):
        assert repo.count(flt) == len(repo.list(flt)), flt


def test_a_superseded_inspection_is_counted_only_when_asked_for(ctx):
    repo = InspectionRepo(ctx.db)
    superseded = ctx.db.execute("SELECT COUNT(DISTINCT supersedes_id) FROM inspections "
                                "WHERE supersedes_id IS NOT NULL").fetchone()[0]
    assert superseded == 3
    assert (repo.count(InspectionFilter(include_superseded=True))
            == repo.count(InspectionFilter()) + superseded)


def _ledger_filters(ctx: AppContext) -> list[LedgerFilter]:
    town = ctx.db.execute("SELECT town FROM companies WHERE town IS NOT NULL "
                          "ORDER BY town LIMIT 1").fetchone()[0]
    return [LedgerFilter(), LedgerFilter(status=None), LedgerFilter(overdue_only=True),
            LedgerFilter(status=None, overdue_only=True), LedgerFilter(grade="major"),
            LedgerFilter(town=town), LedgerFilter(search="火"), LedgerFilter(search="检查"),
            LedgerFilter(status=None, search="有限"), LedgerFilter(status="closed"),
            LedgerFilter(status=None, date_from="2026-01-01", date_to="2026-04-30")]


@pytest.mark.parametrize("sort", [None, *LEDGER_SORTS])
def test_each_page_of_hazards_is_a_slice_of_the_whole_ledger(ctx, sort):
    ledger = HazardLedger(ctx.db, today=lambda: TODAY)
    for flt in _ledger_filters(ctx):
        for descending in (True, False):
            whole = ledger.rows(flt, sort=sort, descending=descending)
            paged = [row for offset in range(0, len(whole) + PAGE, PAGE)
                     for row in ledger.rows(flt, sort=sort, descending=descending,
                                            limit=PAGE, offset=offset)]
            assert paged == whole, (flt, sort, descending)


def test_the_ledger_counts_are_those_of_its_rows(ctx):
    ledger = HazardLedger(ctx.db, today=lambda: TODAY)
    for flt in _ledger_filters(ctx):
        rows = ledger.rows(flt)
        assert ledger.count(flt) == len(rows), flt
        assert ledger.counts(flt).as_dict() == count_rows(rows).as_dict(), flt


def test_a_town_s_pages_agree_whether_walked_by_date_or_gathered(tmp_path):
    # One town holds every company: its first pages are found by walking the inspections
    # newest first, the later ones by gathering the town's inspections; each page must still
    # be the same slice of the whole list.
    context = AppContext(DataDir(tmp_path / "data"))
    try:
        build_demo(context.db, context.device, context.data_dir.photos, companies=3,
                   inspections=40, seed=5, today=TODAY)
        context.db.execute("UPDATE companies SET town = '城关镇'")
        context.db.conn.commit()
        repo = InspectionRepo(context.db)
        flt = InspectionFilter(town="城关镇")
        whole = repo.list(flt)
        assert len(whole) > 20
        walked: list[bool] = []
        context.db.conn.set_trace_callback(
            lambda sql: walked.append("CROSS JOIN companies" in sql)
            if "LIMIT" in sql else None)
        try:
            paged = [row for offset in range(0, len(whole) + PAGE, PAGE)
                     for row in repo.list(flt, limit=PAGE, offset=offset)]
        finally:
            context.db.conn.set_trace_callback(None)
        assert paged == whole
        assert walked[0] and not walked[-1]
    finally:
        context.close()
