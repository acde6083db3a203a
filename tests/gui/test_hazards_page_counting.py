"""A large ledger on the Hazards page: the rows at once, the counts from the background, never
the counts of an earlier filter."""

from datetime import date

import pytest

from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.demo import build_demo
from inspector_app.storage.hazards_repo import HazardLedger, LedgerFilter
from inspector_app.ui.models.hazards_model import Column
from inspector_app.ui.pages import hazards as hazards_page
from inspector_app.ui.pages.hazards import HazardsPage

TODAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ctx = AppContext(DataDir(tmp_path_factory.mktemp("counting")))
    build_demo(ctx.db, ctx.device, ctx.data_dir.photos, companies=8, inspections=30,
               seed=11, today=TODAY)
    yield ctx
    ctx.close()


@pytest.fixture
def page(qtbot, demo, languages, monkeypatch):
    # Every ledger counts as a large one: the counts always come from the background.
    monkeypatch.setattr(hazards_page, "COUNT_AT_ONCE", 0)
    widget = HazardsPage(demo)
    widget.today = lambda: TODAY
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.runner.wait()


def _expected(demo, flt: LedgerFilter) -> dict:
    return HazardLedger(demo.db, lambda: TODAY).counts(flt).as_dict()


def test_rows_at_once_and_the_summary_says_counting_until_the_counts_come(qtbot, page, demo):
    with qtbot.waitSignal(page.counts_shown, timeout=10_000):
        page.reload()
        assert page.model.rowCount() > 0  # the rows did not wait for the counts
        assert page.counting()
        assert page.summary.text() == "Counting the hazards…"
    expected = _expected(demo, page.current_filter())
    assert page._counts.as_dict() == expected
    assert page.summary.text().startswith(f"{expected['total']} hazards: ")
    assert not page.counting()


def test_a_new_filter_never_shows_the_counts_of_the_one_before(qtbot, page, demo):
    shown: list[str] = []
    page.counts_shown.connect(lambda: shown.append(page.summary.text()))
    page.reload()
    page.overdue_check.setChecked(True)   # each change starts a count, replacing the last
    page.status_filter.setCurrentIndex(page.status_filter.count() - 1)  # all statuses
    assert page.summary.text() == "Counting the hazards…"
    qtbot.waitUntil(lambda: not page.counting(), timeout=10_000)
    page.runner.wait()
    qtbot.wait(50)  # any result of a replaced count would be delivered by now
    expected = _expected(demo, LedgerFilter(status=None, overdue_only=True))
    assert shown == [page.summary.text()]
    assert page._counts.as_dict() == expected
    assert shown[0].startswith(f"{expected['total']} hazards: ")
    assert shown[0].endswith(f"; {expected['overdue']} overdue")


def test_the_selection_is_kept_while_the_counts_come(qtbot, page):
    with qtbot.waitSignal(page.counts_shown, timeout=10_000):
        page.reload()
    page.table.selectRow(2)
    selected = page.selected_id()
    with qtbot.waitSignal(page.counts_shown, timeout=10_000):
        page.reload()
        assert page.selected_id() == selected


def test_a_page_closed_while_counting_is_left_alone(qtbot, demo, languages, monkeypatch):
    monkeypatch.setattr(hazards_page, "COUNT_AT_ONCE", 0)
    widget = HazardsPage(demo)
    widget.reload()
    assert widget.counting()
    runner = widget.runner
    widget.deleteLater()
    qtbot.wait(10)
    assert runner.wait()
    qtbot.wait(50)  # the count's result finds no page, and nothing fails


def test_the_columns_keep_their_widths_when_the_filter_changes(qtbot, demo, languages):
    # Fitted to the first rows; refitting at each keystroke measured every cell again.
    widget = HazardsPage(demo)
    widget.today = lambda: TODAY
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() > 0)
    qtbot.wait(50)
    # Document numbers are shown whole: their column may grow, the others keep their widths.
    columns = [c for c in range(widget.model.columnCount()) if c != Column.NUMBER]
    widths = [widget.table.columnWidth(c) for c in columns]
    first = widget.model.index(0, 1).data()
    widget.search.setText(first[:2])
    widget.reload()
    widget.summary.setText("")  # the summary's height changes: the table is resized
    qtbot.wait(50)
    assert widget.model.rowCount() > 0
    assert [widget.table.columnWidth(c) for c in columns] == widths
    assert widget.table.columnWidth(Column.NUMBER) >= widget.table.sizeHintForColumn(
        Column.NUMBER)
