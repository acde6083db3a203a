"""What the table, the xlsx and the circular say of a unit with no inspection in the period.

Re-inspections (复查) follow up hazards found before and are a figure of their own at a
dispatch meeting: a unit that only re-inspected is still one with no inspection, and its
remark says it re-inspected rather than that it did nothing.
"""

from __future__ import annotations

from inspector_app.services.reports.circular import lagging
from inspector_app.services.reports.dispatch_xlsx import remark
from inspector_app.storage.dispatch_stats import COUNTS, DispatchRow


def _row(label: str, **figures: int) -> DispatchRow:
    return DispatchRow(key=label, label=label,
                       figures={name: figures.get(name, 0) for name in COUNTS},
                       registered=True)


def test_the_remark_tells_nothing_from_re_inspections_only():
    nothing = _row("百崎乡", companies_in_scope=3)
    reinspected = _row("西湖街道", companies_in_scope=4, reinspections=1)
    inspected = _row("东山镇", companies_in_scope=4, inspections_self=1, reinspections=2)
    assert nothing.silent and reinspected.silent and not inspected.silent
    assert remark(nothing).zh == "本期无检查"
    assert remark(nothing).en == "Nothing this period"
    assert remark(reinspected).zh == "本期无检查，仅有复查"
    assert remark(reinspected).en == "No inspection, re-inspections only"
    assert remark(inspected).zh == remark(inspected).en == ""
    total = DispatchRow(key="", label="合计", figures=dict(nothing.figures))
    assert remark(total).en == ""


def test_the_circular_names_a_unit_that_only_re_inspected_and_says_so():
    rows = [_row("百崎乡", companies_in_scope=3),
            _row("西湖街道", companies_in_scope=4, reinspections=1),
            _row("东山镇", companies_in_scope=4, companies_inspected=4,
                 inspections_official=5)]
    named = {row.label: why for row, why in lagging(rows)}
    assert set(named) == {"百崎乡", "西湖街道"}
    assert named["百崎乡"].zh == "本期无检查记录"
    assert named["百崎乡"].en == "no inspection in the period"
    assert named["西湖街道"].zh == "本期无检查记录，仅有复查"
    assert named["西湖街道"].en == "no inspection in the period, re-inspections only"
