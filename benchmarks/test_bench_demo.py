"""``demo --preset district`` builds a year of a district's inspections in under a minute.

The demo writes inspections in bulk (one transaction and one prepared statement per table for
each batch) under the same rules as the window; row by row through the services it wrote about
16 inspections a second (2,000 in 121 s). A budget, like the company import's: the command is
timed as a user runs it, in a child process, from an empty data dir, to its end: the secondary
indexes a new data dir's load builds once after the last batch, and the final checkpoint of
the write-ahead log into the database file, are inside the time. A tenth of the district is
timed in the same run too, so that the figures show whether the cost grows faster than the data
(ten times the inspections may take at most twelve times as long).
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.measure import check_budget, check_ratio, cli, require, run_timed
from inspector_app.services.demo_sizes import PRESETS

BUDGET_S = 60.0  # 20,000 inspections, on a 2-core machine


def timed_demo(root: Path, companies: int, inspections: int) -> float:
    elapsed, _peak = run_timed(cli("--data-dir", str(root), "demo", "--preset", "district",
                                   "--companies", str(companies),
                                   "--inspections", str(inspections), "--seed", "2026"))
    return elapsed


def test_district_demo_within_a_minute(tmp_path):
    companies, inspections = PRESETS["district"]
    tenth = timed_demo(tmp_path / "small", companies // 10, inspections // 10)
    whole = timed_demo(tmp_path / "district", companies, inspections)
    require(
        check_budget(f"demo --preset district ({inspections:,} inspections)", whole, BUDGET_S),
        # Ten times the inspections in at most twelve times the time: linear, not worse.
        check_ratio("demo, 10x the inspections", whole, tenth * 10, at_most=1.2),
    )
