"""Lists at district scale: a filter or a search on the Inspections and Hazards pages, and the
``inspections list --json`` / ``hazards counts`` commands, against the same SQL run directly.

The pages read one page of rows and count the rest with a separate query; the baseline runs
exactly the statements the page ran (caught with SQLite's trace callback) and nothing else.

The Hazards page counts a ledger of more than ``COUNT_AT_ONCE`` hazards in the background (the
summary says it is counting): its first figure is then the time until the rows are shown, the
baseline the statements run on the window's connection, and the count the page started is
waited for after the clock stops, so it never competes with the next run. A second figure
times what the user waits for the counts: from the filter's change until the summary shows
them. A third adds to the reload what the window does before the user sees the new rows: the
events it then handles (the table painted, its columns fitted).
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import subprocess
import time
from collections.abc import Callable

import pytest

from benchmarks.measure import (
    INSPECTIONS,
    check_budget,
    check_ratio,
    cli,
    median_time,
    note_ratio,
    require,
    run_timed,
)
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.storage.hazards_repo import HazardLedger, LedgerFilter
from inspector_app.storage.inspections_repo import InspectionFilter, InspectionRepo

PAGE_RATIO = 3.0
PAGE_MEDIAN_MS = 50.0
CLI_RATIO = 3.0
# Issue #14 states the commands' target at 100,000 inspections. On a small district the
# sqlite3 shell answers in a few milliseconds, less than a third of an empty Python's start
# (``python -c pass``, measured beside it): there the ratio is reported, not gated.
CLI_GATED_FROM = 100_000
COUNTS_SHOWN_MS = 500.0


@pytest.fixture
def ctx(district):
    context = AppContext(DataDir(district))
    yield context
    context.close()


def _traced(ctx, action) -> list[tuple[sqlite3.Connection, str]]:
    """The statements ``action`` ran, each with the connection it ran on: the window's own,
    or the plain one what only lists reads through (``AppContext.reader``)."""
    statements: list[tuple[sqlite3.Connection, str]] = []
    connections = {id(c): c for c in (ctx.db.conn, ctx.reader)}.values()
    for conn in connections:
        conn.set_trace_callback(lambda sql, conn=conn: statements.append((conn, sql)))
    try:
        action()
    finally:
        for conn in connections:
            conn.set_trace_callback(None)
    return [(conn, sql) for conn, sql in statements
            if sql.lstrip().upper().startswith(("SELECT", "PRAGMA DATA"))]


def _direct(statements: list[tuple[sqlite3.Connection, str]]) -> None:
    for conn, sql in statements:
        conn.execute(sql).fetchall()


@pytest.mark.parametrize("change", ["search 机械", "status signed", "town"])
def test_inspections_page_filter(qtbot, ctx, change):
    from inspector_app.ui.pages.inspections import InspectionsPage

    page = InspectionsPage(ctx)
    qtbot.addWidget(page)
    page.show()

    if change.startswith("search"):
        page.search.setText(change.split()[1])
    elif change.startswith("status"):
        page.status_filter.setCurrentIndex(page.status_filter.findData("signed"))
    else:  # its choices are read just after the first rows show
        qtbot.waitUntil(lambda: page.town_filter.count() > 1)
        page.town_filter.setCurrentIndex(1)
    _check_page(ctx, f"Inspections page: {change}", page.reload)


@pytest.mark.parametrize("change", ["search 消防", "overdue", "all statuses"])
def test_hazards_page_filter(qtbot, ctx, change):
    from PySide6.QtWidgets import QApplication

    from inspector_app.ui.pages.hazards import HazardsPage

    page = HazardsPage(ctx)
    qtbot.addWidget(page)
    page.show()

    if change.startswith("search"):
        page.search.setText(change.split()[1])
    elif change == "overdue":
        page.overdue_check.setChecked(True)
    else:
        page.status_filter.setCurrentIndex(page.status_filter.count() - 1)
    qtbot.waitUntil(lambda: not page.counting(), timeout=120_000)

    def counted() -> None:  # the count a reload started, if it went to the background
        qtbot.waitUntil(lambda: not page.counting(), timeout=120_000)

    def counts_shown() -> float:
        start = time.perf_counter()
        with qtbot.waitSignal(page.counts_shown, timeout=120_000):
            page.reload()
        return time.perf_counter() - start

    def painted() -> float:
        start = time.perf_counter()
        page.reload()
        QApplication.processEvents()
        elapsed = time.perf_counter() - start
        counted()
        return elapsed

    name = f"Hazards page: {change}"
    miss = _check_page(ctx, name, page.reload, settle=counted, fail=False)
    shown = statistics.median(painted() for _ in range(7))
    counts = statistics.median(counts_shown() for _ in range(7))
    require(miss,
            check_budget(f"{name}, rows painted, median", shown * 1000, PAGE_MEDIAN_MS,
                         unit="ms"),
            check_budget(f"{name}, counts shown, median", counts * 1000,
                         COUNTS_SHOWN_MS, unit="ms"))


def _check_page(ctx, name: str, reload, settle: Callable[[], None] = lambda: None,
                fail: bool = True) -> str | None:
    """Time the page's reload with the filter set, against the statements it runs;
    ``settle`` waits, outside the clock, for what a reload left running."""
    reload()  # warm: the pages of the database are in memory
    settle()
    statements = _traced(ctx, reload)
    settle()
    assert any("LIMIT" in sql for _, sql in statements)

    def timed(action: Callable[[], object]) -> float:
        start = time.perf_counter()
        action()
        return time.perf_counter() - start

    # Each timed reload and each timed run of its statements comes after the same thing: a
    # reload and what it left running, settled. Statements run back to back find the CPU's
    # caches full of the pages they read and measure half what the same statements take
    # after any pause (0.7 against 1.3 ms at 100,000 inspections), which no reload a user
    # starts ever finds; that figure is still reported, beside the target's.
    page_runs: list[float] = []
    sql_runs: list[float] = []
    for _ in range(7):
        page_runs.append(timed(reload))
        settle()
        sql_runs.append(timed(lambda: _direct(statements)))
        reload()
        settle()
    measured, baseline = statistics.median(page_runs), statistics.median(sql_runs)
    note_ratio(f"{name}, against its SQL run back to back", measured,
               median_time(lambda: _direct(statements)))
    misses = [check_budget(f"{name}, median", measured * 1000, PAGE_MEDIAN_MS, unit="ms"),
              check_ratio(f"{name}, against its SQL", measured, baseline, at_most=PAGE_RATIO)]
    if fail:
        require(*misses)
    return "\n".join(m for m in misses if m) or None


def _sqlite3_cli() -> str:
    path = shutil.which("sqlite3")
    if path is None:
        pytest.skip("the sqlite3 command-line shell is not installed")
    return path


def test_inspections_list_json_command(ctx, district):
    sqlite3 = _sqlite3_cli()
    # The command's own query: the latest revision of every inspection.
    statements = _traced(ctx, lambda: InspectionRepo(ctx.db).list(InspectionFilter()))
    sql = next(s for _, s in statements if "FROM inspections i" in s)
    _compare_command(district, "inspections list --json",
                     cli("--data-dir", str(district), "inspections", "list", "--json"),
                     [sqlite3, "-json", str(district / "inspector.sqlite3"), sql])


def test_hazards_counts_command(ctx, district):
    sqlite3 = _sqlite3_cli()
    # The command counts every hazard (its --status is "all" unless given).
    statements = _traced(ctx, lambda: HazardLedger(ctx.db).counts(LedgerFilter(status=None)))
    sql = next(s for _, s in statements if "GROUP BY" in s)
    _compare_command(district, "hazards counts",
                     cli("--data-dir", str(district), "hazards", "counts"),
                     [sqlite3, str(district / "inspector.sqlite3"), sql])


def _compare_command(district, name: str, ours: list[str], theirs: list[str]) -> None:
    """The command against the shell, with Python's own start measured in the same rounds."""
    subprocess.run(ours, check=True, stdout=subprocess.DEVNULL)  # warm the file cache
    python = [cli()[0], "-c", "pass"]
    with_sqlite = [cli()[0], "-c", "import sqlite3"]
    runs: dict[str, list[float]] = {"ours": [], "theirs": [], "python": [], "sqlite3": []}
    for _ in range(3):  # interleaved, so a burst of load falls on every figure alike
        for key, args in (("ours", ours), ("theirs", theirs), ("python", python),
                          ("sqlite3", with_sqlite)):
            runs[key].append(run_timed(args)[0])
    measured, baseline = min(runs["ours"]), min(runs["theirs"])
    figure = f"`{name}`, against the sqlite3 shell"
    note_ratio(f"{figure}: `python -c pass`", min(runs["python"]), baseline)
    note_ratio(f"{figure}: `python -c \"import sqlite3\"`", min(runs["sqlite3"]), baseline)
    if INSPECTIONS < CLI_GATED_FROM:
        note_ratio(f"{figure} (gated from {CLI_GATED_FROM:,} inspections)", measured, baseline)
        return
    require(check_ratio(figure, measured, baseline, at_most=CLI_RATIO))
