"""Every list, ledger, count and export query is planned: no full scan of a large table per row.

The statements are the ones the program really runs (caught with SQLite's trace callback while
lists are filtered, sorted and paged, the ledger counted and a bundle exported), each checked
with ``EXPLAIN QUERY PLAN``. A full scan of a large table is refused inside a loop (a correlated
subquery, or the inner side of a join); at the top of a statement it needs a reviewed entry in
``WHOLE_TABLE_READS``, because a query that reads one inspection must search, not scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest

from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.demo import build_demo
from inspector_app.services.inspections import InspectionService
from inspector_app.services.plans import PlanService
from inspector_app.services.sync.export import collect_rows
from inspector_app.storage.companies_repo import COMPANY_SORTS, CompanyRepo
from inspector_app.storage.hazards_repo import (
    LEDGER_SORTS,
    NOT_CLOSED,
    HazardLedger,
    LedgerFilter,
)
from inspector_app.storage.inspections_repo import LIST_SORTS, InspectionFilter

# Tables that grow with the district's data; the others hold a handful of rows.
LARGE = {"inspections", "findings", "answers", "photos", "signatures", "audit_log",
         "inspection_inspectors", "companies", "documents", "reinspection_results",
         "record_signatures", "planned_inspections", "sync_seen", "conflicts",
         "hazard_ledger"}

# Statements allowed to scan a large table once, at their top level, with the reason.
WHOLE_TABLE_READS: dict[str, str] = {
    "LEFT JOIN units su ON su.id = i.subject_unit_id\n            LEFT JOIN templates":
        "the inspections list: filtered by company (or unit) name or town it reads the "
        "companies once "
        "(LIKE '%…%' cannot use an index; Chinese search needs 1- and 2-character substrings)",
    "SELECT COUNT(*) FROM inspections i LEFT JOIN companies c":
        "the count beside the list: the same filters, read once",
    "SELECT COUNT(*) FROM inspections i":
        "the count beside the list without a town or a name: read once, from an index",
    "FROM (SELECT h.rowid AS page_row FROM hazard_ledger h":
        "the hazard ledger's page: its narrow copy read in the order of the sort's index "
        "(hazard_ledger_*), up to the page's last row; whole for a search (LIKE) or a sort by "
        "a column only the hazard's own row has",
    "SELECT COUNT(*) FROM hazard_ledger h":
        "the count beside the ledger: the narrow copy (or one of its indexes) read once",
    "SELECT h.status, h.grade, h.town, h.industry, COUNT(*)":
        "the ledger's counts: hazard_ledger_counts read once, in the order of its groups",
    "FROM companies WHERE (name LIKE":
        "company search: substrings of several fields (LIKE cannot use an index)",
    "SELECT count(*) FROM companies": "the number of companies",
    "SELECT (SELECT COUNT(*) FROM companies WHERE town":
        "a town's share of the companies, to choose how its page is found: the smallest "
        "index of the companies counted once",
    "FROM companies ORDER BY name ASC, id ASC":
        "the companies list, in the order of companies_name",
    "FROM companies ORDER BY ":
        "the companies list sorted by another column: read once for its first page",
    "FROM planned_inspections p": "the planned inspections (a short list) with their companies",
    "FROM companies c LEFT JOIN company_supervision s ON s.company_id = c.id":
        "the standardisation overview: every company once, its certificate by primary key",
    "SELECT COUNT(*) FROM planned_inspections WHERE status = 'planned'":
        "the number of planned inspections (planned_inspections_due covers it)",
}
# A sync export reads each table once: the rows changed since the last export (the whole table
# for a full one), and the parts of the inspections it carries, 500 ids a statement.
EXPORT_READS = (r"SELECT (\*|json_object\(.*) FROM \w+ WHERE \w+ > '[^']*' ORDER BY rowid",
                r"SELECT (\*|id, follows_inspection_id, supersedes_id) FROM inspections "
                r"WHERE conflict_of IS NULL( AND device_id = '[^']*')? AND \(updated_at > .*",
                # A laptop's bundle: its own changes of each table, read once (no index on a
                # stamp; the laptop's own rows are few, what it received may be many).
                r"SELECT (\*|json_object\(.*) FROM \w+ WHERE \w+ > '[^']*' "
                r"AND device_id = '[^']*'( AND \w+ NOT IN \(SELECT id FROM inspections "
                r"WHERE conflict_of IS NOT NULL\))? ORDER BY [\w, ]+",
                r"SELECT \* FROM \w+ WHERE inspection_id IN \('[^)]*\) ORDER BY [\w, ]+")


@pytest.fixture(scope="module")
def traced() -> Iterator[tuple[AppContext, list[str]]]:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        ctx = AppContext(DataDir(Path(tmp) / "data"))
        build_demo(ctx.db, ctx.device, ctx.data_dir.photos, companies=12, inspections=40,
                   seed=7, today=date(2026, 6, 1))
        ctx.db.execute("ANALYZE")  # as PRAGMA optimize leaves a data dir that has been used
        company = ctx.db.execute("SELECT id, town FROM companies LIMIT 1").fetchone()
        inspector = ctx.db.execute("SELECT id FROM inspectors LIMIT 1").fetchone()[0]
        statements: list[str] = []
        ctx.db.conn.set_trace_callback(statements.append)
        _run_every_list(ctx, company, inspector)
        ctx.db.conn.set_trace_callback(None)
        yield ctx, statements
        ctx.close()


def _run_every_list(ctx: AppContext, company: tuple[str, str], inspector: str) -> None:
    service = InspectionService(ctx.db, ctx.device)
    filters = [InspectionFilter(), InspectionFilter(status="signed"),
               InspectionFilter(company_id=company[0]), InspectionFilter(town=company[1]),
               InspectionFilter(inspector_id=inspector),
               InspectionFilter(date_from="2026-01-01", date_to="2026-03-31"),
               InspectionFilter(search="机械"), InspectionFilter(include_superseded=True)]
    for flt in filters:
        service.list(flt)
        service.count(flt)
        service.list(flt, limit=50)
    for sort in LIST_SORTS:
        service.list(InspectionFilter(), sort=sort, descending=False, limit=50, offset=50)
    one = service.list(InspectionFilter(status="signed"))[0]["id"]
    service.get(one)

    ledger = HazardLedger(ctx.db, today=lambda: date(2026, 6, 1))
    for lf in (LedgerFilter(), LedgerFilter(status=None), LedgerFilter(status="closed"),
               LedgerFilter(grade="major"), LedgerFilter(company_id=company[0]),
               LedgerFilter(town=company[1]), LedgerFilter(overdue_only=True),
               LedgerFilter(search="粉尘"), LedgerFilter(status=NOT_CLOSED,
                                                         date_from="2026-01-01")):
        ledger.rows(lf)
        ledger.rows(lf, limit=50)
        ledger.count(lf)
        ledger.counts(lf)
    ledger.towns()
    for sort in LEDGER_SORTS:
        ledger.rows(LedgerFilter(status=None), sort=sort, descending=True, limit=50, offset=50)

    companies = CompanyRepo(ctx.db, ctx.device.id)
    companies.list()
    companies.list("机械 有限")
    for sort in COMPANY_SORTS:
        companies.list(sort=sort, descending=True, limit=50, offset=50)
    companies.count()
    companies.count("机械")
    companies.towns()
    PlanService(ctx.db, ctx.device).list(include_done=True)
    ctx.classification.standardisation_overview(date(2026, 6, 1))

    collect_rows(ctx.db, "full", None)
    collect_rows(ctx.db, "office", "2026-05-01")
    collect_rows(ctx.db, "laptop", "2026-05-01", ctx.device.id)


def _alias_map(sql: str) -> dict[str, str]:
    names: dict[str, str] = {}
    for table, alias in re.findall(r"\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?", sql,
                                   re.IGNORECASE):
        names[table] = table
        if alias and alias.upper() not in {"WHERE", "JOIN", "ON", "LEFT", "ORDER", "GROUP",
                                           "INNER", "LIMIT", "USING", "AND"}:
            names[alias] = table
    return names


def full_scans(db, sql: str) -> tuple[list[str], list[str]]:
    """(scans of a large table inside a loop, scans of one at the top of the statement)."""
    plan = db.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
    names = _alias_map(sql)
    nodes = {row[0]: (row[1], row[3]) for row in plan}
    in_loop: list[str] = []
    top: list[str] = []
    loops_seen: dict[int, int] = {}
    for _node, parent, _, detail in plan:
        is_loop = detail.startswith(("SCAN ", "SEARCH "))
        position = loops_seen.get(parent, 0)
        if is_loop:
            loops_seen[parent] = position + 1
        match = re.match(r"SCAN (\w+)", detail)
        if not match or names.get(match.group(1), match.group(1)) not in LARGE:
            continue
        ancestors = []
        up = parent
        while up in nodes:
            ancestors.append(nodes[up][1])
            up = nodes[up][0]
        correlated = any(a.startswith("CORRELATED") for a in ancestors)
        if correlated or position > 0:
            in_loop.append(detail)
        else:
            top.append(detail)
    return in_loop, top


def _checked(statements: list[str]) -> list[str]:
    seen, out = set(), []
    for sql in statements:
        head = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
        if head not in ("SELECT", "WITH", "UPDATE", "DELETE") or sql in seen:
            continue
        if "sqlite_master" in sql or "pragma_" in sql:
            continue
        seen.add(sql)
        out.append(sql)
    return out


def test_the_lists_ledger_and_export_were_traced(traced):
    _, statements = traced
    checked = _checked(statements)
    assert any("ORDER BY" in s and "LIMIT" in s and "FROM inspections i" in s for s in checked)
    assert any("FROM findings f" in s for s in checked)
    assert any("FROM audit_log" in s for s in checked)
    assert len(checked) > 60


def test_no_full_scan_of_a_large_table_inside_a_loop(traced):
    ctx, statements = traced
    problems = []
    for sql in _checked(statements):
        in_loop, _ = full_scans(ctx.db, sql)
        if in_loop:
            problems.append(f"{in_loop} in: {' '.join(sql.split())[:300]}")
    assert not problems, "\n".join(problems)


def test_every_whole_table_read_is_reviewed(traced):
    ctx, statements = traced
    problems = []
    for sql in _checked(statements):
        _, top = full_scans(ctx.db, sql)
        if not top or any(key in sql for key in WHOLE_TABLE_READS):
            continue
        flat = " ".join(sql.split())
        if any(re.fullmatch(pattern, flat) for pattern in EXPORT_READS):
            continue
        problems.append(f"{top} in: {flat[:300]}")
    assert not problems, "\n".join(problems)


def test_the_check_catches_a_scan_per_row():
    # The latest-revision test and a join on a column without an index: a scan per row.
    import sqlite3

    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE inspections (id TEXT PRIMARY KEY, supersedes_id TEXT)")
    db.execute("CREATE TABLE findings (id TEXT PRIMARY KEY, inspection_id TEXT)")
    in_loop, top = full_scans(db, "SELECT i.id FROM inspections i WHERE NOT EXISTS "
                                  "(SELECT 1 FROM inspections n WHERE n.supersedes_id = i.id)")
    assert in_loop == ["SCAN n"] and top
    db.execute("PRAGMA automatic_index = OFF")
    in_loop, _ = full_scans(db, "SELECT i.id, f.id FROM inspections i "
                                "JOIN findings f ON f.inspection_id = i.supersedes_id")
    assert in_loop
    db.execute("CREATE INDEX inspections_supersedes ON inspections(supersedes_id)")
    in_loop, _ = full_scans(db, "SELECT i.id FROM inspections i WHERE NOT EXISTS "
                                "(SELECT 1 FROM inspections n WHERE n.supersedes_id = i.id)")
    assert in_loop == []


def test_closing_a_used_data_dir_leaves_statistics_for_the_planner(tmp_path):
    ctx = AppContext(DataDir(tmp_path / "data"))
    build_demo(ctx.db, ctx.device, ctx.data_dir.photos, companies=2, inspections=3, seed=1,
               today=date(2026, 6, 1))
    InspectionService(ctx.db, ctx.device).list()
    ctx.close()  # PRAGMA optimize, as SQLite recommends before a connection closes
    reopened = AppContext(DataDir(tmp_path / "data"))
    try:
        analysed = {r[0] for r in reopened.db.execute("SELECT tbl FROM sqlite_stat1")}
    finally:
        reopened.close()
    assert "inspections" in analysed


def test_the_ledger_never_reads_an_inspection_row_for_its_status(traced):
    """An inspection row holds its template snapshot before its status and number: the
    ledger reads its own narrow table (hazard_ledger) and a hazard's row, never an inspection."""
    ctx, statements = traced
    ledger = [s for s in _checked(statements) if "FROM hazard_ledger h" in s]
    assert ledger
    problems = []
    for sql in ledger:
        for *_, detail in ctx.db.execute("EXPLAIN QUERY PLAN " + sql).fetchall():
            if re.match(r"(SEARCH|SCAN) (i|inspections)\b", detail):
                problems.append(f"{detail} in: {' '.join(sql.split())[:200]}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("term", ["公司", "〔2026〕1"])
def test_a_search_s_count_reads_the_inspections_by_index(traced, term):
    """The count beside a searched list (a name, or a number's part) finds its inspections by
    the companies', units' and numbers' indexes; reading every inspection row for it took
    0.4 s at 100,000 inspections, at each keystroke's search."""
    from inspector_app.storage.inspection_listing import count_inspections

    ctx, _ = traced
    statements: list[str] = []
    ctx.db.conn.set_trace_callback(statements.append)
    try:
        count_inspections(ctx.db, InspectionFilter(search=term))
    finally:
        ctx.db.conn.set_trace_callback(None)
    counts = [s for s in statements if s.startswith("SELECT COUNT(*)")]
    assert counts
    for sql in counts:
        plan = [d for *_, d in ctx.db.execute("EXPLAIN QUERY PLAN " + sql).fetchall()]
        assert not [d for d in plan if re.fullmatch(r"SCAN (i|inspections)", d)], plan
