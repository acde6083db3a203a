import re
import threading
from dataclasses import replace
from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QDialog

from inspector_app.domain.units import Period
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.demo import build_demo
from inspector_app.services.dispatch import page_figures
from inspector_app.storage.dispatch_stats import DispatchQuery, dispatch_table
from inspector_app.ui.datetimes import show_date
from inspector_app.ui.pages import dispatch as dispatch_page
from inspector_app.ui.pages.dispatch import CHART_READABLE, SHOWN, DispatchPage
from inspector_app.ui.widgets import figure_header

TODAY = date.today()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ctx = AppContext(DataDir(tmp_path_factory.mktemp("dispatch")))
    build_demo(ctx.db, ctx.device, ctx.data_dir.photos, companies=10, inspections=24,
               seed=2026, today=TODAY)
    yield ctx
    ctx.close()


@pytest.fixture
def page(qtbot, demo, languages):
    widget = DispatchPage(demo)
    qtbot.addWidget(widget)
    widget.resize(1024, 600)
    widget.show()
    with qtbot.waitSignal(widget.refreshed, timeout=30_000):
        widget.start.setDate(QDate(TODAY.year - 1, TODAY.month, 1))
    yield widget
    widget.hide()  # the language set back after the test must not start a count
    widget.cancel()
    widget.runner.wait()


def _column(name: str) -> int:
    return [c[0] for c in SHOWN].index(name)


def test_the_table_shows_the_statistics_and_marks_silent_units(page, demo):
    expected = dispatch_table(demo.db, DispatchQuery(
        Period(date(TODAY.year - 1, TODAY.month, 1), TODAY), "town", as_of=TODAY))
    table = page.table
    assert table.rowCount() == len(expected.rows) + 1
    last = table.rowCount() - 1
    assert table.item(last, 0).text() == "Total"
    assert table.item(last, _column("hazards_major")).text() == str(
        expected.total["hazards_major"])
    labels = [table.item(r, 0).text() for r in range(last)]
    silent = labels.index("百崎乡")
    assert table.item(silent, _column("remark")).text() == "Nothing this period"
    assert table.item(silent, 0).background().color().name() == "#fde7e9"
    # The bar chart has one category per unit.
    assert page.bar_chart.chart().series()[0].count() == 3


def test_a_header_names_its_group_on_hover(page):
    """The page has one row of headers: "Rate" and "Self" say of what when pointed at."""
    headers = {page.table.horizontalHeaderItem(c).text(): page.table.horizontalHeaderItem(c)
               for c in range(page.table.columnCount())}
    assert headers["Rate"].toolTip() == "Rectification: Rate"
    assert headers["Self"].toolTip() == "Inspections: Self"
    assert headers["Major"].toolTip() == "Hazards found: Major"
    assert not headers["Unit"].toolTip()


def test_the_table_follows_a_language_switch(page, qtbot, languages):
    last = page.table.rowCount() - 1
    assert page.table.item(last, 0).text() == "Total"
    with qtbot.waitSignal(page.refreshed, timeout=30_000):
        languages.apply("zh_CN")
    assert page.table.horizontalHeaderItem(0).text() == "单位"
    assert page.table.item(page.table.rowCount() - 1, 0).text() == "合计"
    with qtbot.waitSignal(page.refreshed, timeout=30_000):
        languages.apply("en")
    assert page.table.item(page.table.rowCount() - 1, 0).text() == "Total"


def test_grouping_and_bad_period(page, qtbot):
    with qtbot.waitSignal(page.refreshed, timeout=30_000):
        page.by.setCurrentIndex(page.by.findData("department"))
    labels = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    assert "综合执法与应急管理局" in labels and "消安办" in labels
    page.end.setDate(page.start.date().addDays(-1))
    assert page.status.text() == "The period ends before it starts."


def test_double_click_lists_the_records_behind_a_figure(page, qtbot):
    last = page.table.rowCount() - 1
    column = _column("hazards_general")
    dialog = page.drill(last, column)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == int(page.table.item(last, column).text()) > 0
    assert page.drill(last, _column("label")) is None


def test_drill_down_names_its_columns_and_codes_in_words(page, qtbot):
    last = page.table.rowCount() - 1
    dialog = page.drill(last, _column("companies_in_scope"))
    qtbot.addWidget(dialog)
    headers = [dialog.table.horizontalHeaderItem(c).text()
               for c in range(dialog.table.columnCount())]
    assert headers == ["Company", "Town", "Industry"]
    industries = {dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}
    assert industries and not any("_" in i or i.islower() for i in industries)
    hazards = page.drill(last, _column("hazards_general"))
    qtbot.addWidget(hazards)
    column = [hazards.table.horizontalHeaderItem(c).text()
              for c in range(hazards.table.columnCount())].index("Grade")
    assert hazards.table.item(0, column).text() == "General accident hazard"


def test_xlsx_and_unit_table_are_written_in_the_background(page, qtbot, tmp_path):
    out = tmp_path / "table.xlsx"
    with qtbot.waitSignal(page.report_written, timeout=30_000):
        page.write(out)
    assert load_workbook(out).active["A1"].value.startswith("安全生产") or \
        load_workbook(out).active["A1"].value.startswith("Work safety")
    qtbot.waitUntil(page.xlsx_button.isEnabled)
    # A unit's own table from its row: the button waits for one, and says so.
    assert not page.unit_button.isEnabled()
    assert "select its row first" in page.unit_button.toolTip()
    assert page.write(tmp_path / "u.xlsx", unit=True) is None
    assert "Select a town's or a department's row first" in page.status.text()
    page.table.setCurrentCell(0, 0)
    with qtbot.waitSignal(page.report_written, timeout=30_000):
        page.write(tmp_path / "u.xlsx", unit=True)
    title = load_workbook(tmp_path / "u.xlsx").active["A1"].value
    assert title.startswith(page.table.item(0, 0).text())


def test_an_unwritable_output_is_refused_before_any_work(page, tmp_path):
    assert page.write(tmp_path / "missing" / "x.pdf") is None
    assert "does not exist" in page.status.text()


def test_the_figures_are_counted_off_the_window_thread_with_progress(page, qtbot):
    """The page stays usable: the count runs in a worker, shows its progress, and a new
    choice stops the count in progress so only the newest figures are shown."""
    page.by.setCurrentIndex(page.by.findData("department"))
    assert page.progress.isVisible() and page.cancel_button.isVisible()
    first = page._figures_task
    with qtbot.waitSignal(page.refreshed, timeout=30_000):
        page.by.setCurrentIndex(page.by.findData("industry"))
    assert first.control.cancelled
    assert not page.progress.isVisible() and not page.cancel_button.isVisible()
    assert page.report.query.by == "industry"
    expected = dispatch_table(page.ctx.db, page.report.query, "en")
    assert [page.table.item(r, 0).text() for r in range(page.table.rowCount() - 1)] == [
        r.label for r in expected.rows]


def test_cancel_stops_the_count_and_says_so(page, qtbot, monkeypatch):
    from inspector_app.ui.pages import dispatch

    started, release = threading.Event(), threading.Event()

    def held(*args):
        started.set()
        release.wait(10)
        return page_figures(*args)

    monkeypatch.setattr(dispatch, "page_figures", held)
    page.by.setCurrentIndex(page.by.findData("department"))
    assert started.wait(10)
    page.cancel_button.click()
    release.set()
    qtbot.waitUntil(lambda: "Counting cancelled" in page.status.text(), timeout=30_000)
    assert page.table.rowCount() == 0 and not page.progress.isVisible()
    assert not page.cancel_button.isVisible()


def test_the_weekly_trend_chart_has_a_point_per_week(page):
    weeks = page.trend
    period = (page.end.date().toPython() - page.start.date().toPython()).days
    assert period // 7 <= len(weeks) <= period // 7 + 2
    lines = page.trend_chart.chart().series()
    assert [s.name() for s in lines] == ["Inspections", "Hazards found", "Rectified"]
    assert all(s.count() == len(weeks) for s in lines)
    assert sum(p.y() for p in lines[1].points()) == page.report.table.total.hazards


def _first_date_on_the_trend_axis(page) -> str:
    chart = page.trend_chart.chart()
    axis = chart.axes(Qt.Orientation.Horizontal)[0]
    return chart.locale().toString(axis.min().date(), axis.format())


def test_the_trend_axis_writes_dates_as_the_window_does(page, qtbot, languages):
    # The page's period crosses into this year: the dates keep their year.
    first = page.trend[0].monday
    assert _first_date_on_the_trend_axis(page) == show_date(first) == (
        f"{first.day} {first.strftime('%b')} {first.year}")
    # Within one year, the year is the period's: day and month only.
    with qtbot.waitSignal(page.refreshed, timeout=30_000):
        page.start.setDate(QDate(TODAY.year - 1, 3, 2))
    with qtbot.waitSignal(page.refreshed, timeout=30_000):
        page.end.setDate(QDate(TODAY.year - 1, 6, 30))
    first = page.trend[0].monday
    assert first.month in (2, 3)  # named alike in every English
    assert _first_date_on_the_trend_axis(page) == f"{first.day} {first.strftime('%b')}"
    languages.apply("zh_CN")
    qtbot.waitUntil(lambda: _first_date_on_the_trend_axis(page)
                    == f"{first.month}月{first.day}日")
    assert [s.name() for s in page.trend_chart.chart().series()] == ["检查", "发现隐患", "已整改"]


def test_every_unit_name_is_whole_in_the_bar_chart(page):
    axis = page.bar_chart.chart().axes(Qt.Orientation.Vertical)[0]
    names = [r.label for r in page.report.table.rows if r.key]
    assert list(reversed(axis.categories())) == names
    assert page.bar_chart.minimumHeight() >= 24 * len(names)


def test_the_save_dialog_starts_in_documents_with_the_period_named(page, demo):
    from PySide6.QtCore import QDate

    from inspector_app.ui.save_folder import documents_folder

    page.start.setDate(QDate(2026, 1, 1))
    page.end.setDate(QDate(2026, 6, 30))
    xlsx, pdf = page.suggested_path(".xlsx"), page.suggested_path(".pdf")
    assert xlsx.parent == pdf.parent == documents_folder()
    assert xlsx.name == "dispatch-statistics-2026-01-01-to-2026-06-30.xlsx"
    assert pdf.name == "dispatch-circular-2026-01-01-to-2026-06-30.pdf"


def test_the_circular_says_its_number_and_keeps_it_when_written_again(page, qtbot, tmp_path):
    shown = []
    for name in ("first.pdf", "again.pdf"):
        with qtbot.waitSignal(page.report_written, timeout=60_000):
            page.write(tmp_path / name)
        qtbot.waitUntil(page.pdf_button.isEnabled)
        shown.append(page.status.text())
    number = re.search(r"〔\d{4}〕\d+号", shown[0])
    assert number is not None, shown[0]
    assert number.group(0) in shown[1]


def test_the_page_says_what_it_counts_so_the_ledger_reconciles(page, demo):
    """A supervisor comparing with the Hazards page finds the difference named on screen:
    the figures count completed and signed records, the ledger also lists drafts' hazards."""
    from inspector_app.services.hazards import HazardLedger, LedgerFilter

    start = page.start.date().toString("yyyy-MM-dd")
    end = page.end.date().toString("yyyy-MM-dd")
    in_ledger = HazardLedger(demo.db).count(LedgerFilter(status=None, date_from=start,
                                                         date_to=end))
    counted = page.report.table.total.hazards
    in_drafts = page.report.draft_hazards
    assert in_drafts > 0 and counted + in_drafts == in_ledger
    assert page.basis.isVisible()
    text = page.basis.text()
    assert "completed and signed" in text and f"{in_drafts} hazard" in text


def test_the_xlsx_says_what_it_counts(page, qtbot, tmp_path):
    out = tmp_path / "table.xlsx"
    with qtbot.waitSignal(page.report_written, timeout=30_000):
        page.write(out)
    sheet = load_workbook(out).active
    notes = [c.value for c in sheet["A"] if isinstance(c.value, str)
             and ("统计口径" in c.value or c.value.startswith("Counted:"))]
    assert len(notes) == 1 and str(page.report.draft_hazards) in notes[0]
    # A unit with nothing in the period says so in the same words as the page's table.
    remarks = {row[1].value: row[-1].value for row in sheet.iter_rows(min_row=5)}
    silent = page.table.item(next(r for r in range(page.table.rowCount())
                                  if page.table.item(r, 0).text() == "百崎乡"), 0)
    assert remarks["百崎乡"] == page.table.item(silent.row(), _column("remark")).text()


def _rows_seen(page) -> tuple[int, int]:
    """(rows wholly in view, rows partly in view): what the user sees of the table, its total
    row (under the table, pinned) included."""
    whole = partly = 0
    for view in (page.table, page.total_row):
        if not view.isVisible():
            continue
        seen = view.viewport().rect()
        for r in range(view.model().rowCount()):
            if view.isRowHidden(r):
                continue
            rect = view.visualRect(view.model().index(r, 0))
            if seen.contains(rect):
                whole += 1
            elif seen.intersects(rect):
                partly += 1
    return whole, partly


def _in_view(page, widget) -> bool:
    """``widget`` wholly in the page's scrolled area, as it is scrolled now."""
    viewport = page.scroll_area.viewport()
    return viewport.rect().contains(QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size()))


def _plot_height(page, tab: int, view) -> float:
    page.charts.setCurrentIndex(tab)
    return view.chart().plotArea().height()


def test_every_row_is_in_view_at_the_height_of_a_small_laptop(page, qtbot):
    # The page's share of a 1024x600 screen's window (96% of it, tools/screenshots.py): the
    # menu, the list of pages and the status line take the rest.
    page.resize(790, 485)
    qtbot.waitUntil(lambda: _rows_seen(page) == (page.table.rowCount(), 0))
    qtbot.waitUntil(lambda: not page.table.verticalScrollBar().isVisible())
    # The table first: whole at the top of the page.
    assert page.scroll_area.verticalScrollBar().value() == 0
    assert _in_view(page, page.table) and _in_view(page, page.total_row)


def test_the_charts_are_readable_at_the_height_of_a_small_laptop(page, qtbot):
    page.resize(790, 485)
    qtbot.waitUntil(lambda: _rows_seen(page) == (page.table.rowCount(), 0))
    # Not a thin strip under the table: a readable height, the page scrolling to it.
    assert page.charts.height() >= CHART_READABLE
    bar = page.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.isVisible() and bar.maximum() > 0)
    page.scroll_area.ensureWidgetVisible(page.charts, 0, 0)
    assert bar.value() > 0 and _in_view(page, page.charts)
    # What the user reads: the trend's plot and the bars of the first units.
    qtbot.waitUntil(lambda: _plot_height(page, 1, page.trend_chart) >= 120)
    qtbot.waitUntil(lambda: _plot_height(page, 0, page.bar_chart) >= 120)
    assert page.bar_scroll.viewport().height() >= 150


def test_the_table_comes_first_and_whole_on_a_common_laptop(page, qtbot):
    # The page's share of a 1366x768 screen's window: no page scroll, every row, the charts
    # under the table with more than their least height.
    page.resize(1106, 647)
    qtbot.waitUntil(lambda: _rows_seen(page) == (page.table.rowCount(), 0))
    qtbot.waitUntil(lambda: page.charts.height() > CHART_READABLE)
    qtbot.waitUntil(lambda: not page.scroll_area.verticalScrollBar().isVisible())
    assert not page.table.verticalScrollBar().isVisible()
    assert page.table.mapTo(page, QPoint(0, 0)).y() < page.charts.mapTo(page, QPoint(0, 0)).y()
    assert _in_view(page, page.table) and _in_view(page, page.charts)


def _more_rows_than_the_tables_share(page, qtbot, monkeypatch, by: str = "department"):
    """A district with more units than the table's least share shows (TABLE_MOST): the demo's
    few units, with that share made smaller."""
    monkeypatch.setattr(dispatch_page, "TABLE_MOST", 110)
    with qtbot.waitSignal(page.refreshed, timeout=30_000):
        page.by.setCurrentIndex(page.by.findData(by))


def test_rows_that_do_not_fit_are_whole_and_scroll(page, qtbot, monkeypatch):
    _more_rows_than_the_tables_share(page, qtbot, monkeypatch)
    page.resize(790, 430)
    rows = page.table.rowCount()
    # Whole rows, none cut in half, and the scroll bar, once the page has shared its height.
    qtbot.waitUntil(lambda: 0 < _rows_seen(page)[0] < rows and _rows_seen(page)[1] == 0
                    and page.table.verticalScrollBar().isVisible())
    assert page.charts.height() >= CHART_READABLE


def _total_in_view(page) -> bool:
    footer, last = page.total_row, page.table.rowCount() - 1
    rect = footer.visualRect(footer.model().index(last, 0))
    return (footer.isVisible() and page.table.isRowHidden(last)
            and footer.viewport().rect().contains(rect))


def test_the_total_stays_in_view_while_the_rows_scroll(page, qtbot, monkeypatch):
    _more_rows_than_the_tables_share(page, qtbot, monkeypatch, "industry")
    page.resize(790, 400)
    last = page.table.rowCount() - 1
    qtbot.waitUntil(lambda: page.table.verticalScrollBar().isVisible())
    for end in (page.table.verticalScrollBar().minimum(),
                page.table.verticalScrollBar().maximum()):
        page.table.verticalScrollBar().setValue(end)
        qtbot.waitUntil(lambda: _total_in_view(page))
    assert page.table.item(last, 0).text() == "Total"
    # Its figures are whole: each column is as wide as the total needs.
    for column in range(1, page.table.columnCount()):
        assert page.total_row.sizeHintForColumn(column) <= page.table.columnWidth(column)
    # Scrolled sideways, the total moves with its columns.
    page.resize(500, 400)
    bar = page.table.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    assert page.total_row.horizontalScrollBar().value() == bar.value()
    column = _column("hazards_major")
    assert (page.total_row.visualRect(page.total_row.model().index(last, column)).x()
            == page.table.visualRect(page.table.model().index(0, column)).x())


def test_the_pinned_total_selects_and_drills_down_as_its_row_did(page, qtbot):
    last = page.table.rowCount() - 1
    column = _column("hazards_general")
    footer = page.total_row
    qtbot.waitUntil(lambda: _total_in_view(page))
    centre = footer.visualRect(footer.model().index(last, column)).center()
    qtbot.mouseClick(footer.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert (page.table.currentRow(), page.table.currentColumn()) == (last, column)
    assert not page.unit_button.isEnabled()       # the district's total is no unit
    opened = []
    original = page.drill
    page.total_row.activated_cell.disconnect()
    page.total_row.activated_cell.connect(lambda r, c: opened.append(original(r, c)))
    qtbot.mouseDClick(footer.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.waitUntil(lambda: bool(opened))
    qtbot.addWidget(opened[0])
    assert opened[0].table.rowCount() == int(page.table.item(last, column).text()) > 0


def test_the_drill_down_shows_every_header_and_a_long_description_whole_on_hover(qtbot):
    from inspector_app.ui.pages.dispatch import DrillDownDialog

    long = "经检查，“生产、储存、经营易燃易爆危险品的场所不与居住场所设在同一建筑物内”" * 4
    rows = [{"id": "f1", "inspection_number": "（泉台）应急检记〔2026〕69号", "seq": 1,
             "description": long, "grade": "general", "status": "open",
             "deadline": "2026-12-01", "company_name": "鑫源涂料有限公司", "town": "北山镇"}]
    dialog = DrillDownDialog("东山镇 · 一般", rows)
    qtbot.addWidget(dialog)
    dialog.show()
    headers = [dialog.table.horizontalHeaderItem(c).text()
               for c in range(dialog.table.columnCount())]
    header = dialog.table.horizontalHeader()
    # A header's text is drawn in the middle of its section: each in view when the dialog
    # opens, the columns after the description too.
    for column in range(headers.index("Description") + 2):
        assert header.sectionViewportPosition(column) + header.sectionSize(column) // 2 \
            < dialog.table.viewport().width(), headers[column]
    assert headers[:2] == ["Company", "Town"]  # whose hazards, before what they are
    description = dialog.table.item(0, headers.index("Description"))
    assert description.toolTip() == description.text() == long


def test_the_escalations_behind_a_figure_have_named_columns_and_measures(qtbot):
    from inspector_app.ui.pages.dispatch import DrillDownDialog

    rows = [{"id": "e1", "decided_on": "2026-11-02", "measure": "suspension",
             "case_number": "泉应急罚〔2026〕7号", "company_name": "鑫源涂料有限公司",
             "town": "北山镇"}]
    dialog = DrillDownDialog("北山镇 · Escalated", rows)
    qtbot.addWidget(dialog)
    headers = [dialog.table.horizontalHeaderItem(c).text()
               for c in range(dialog.table.columnCount())]
    assert headers == ["Company", "Town", "Decided on", "Measure", "Case number"]
    assert dialog.table.item(0, 3).text() == "Suspension"


def test_a_language_switch_while_the_page_is_hidden_counts_when_it_is_shown(page, qtbot,
                                                                           languages):
    page.hide()
    languages.apply("zh_CN")
    assert page._figures_task is None  # nothing counted for a page no one sees
    with qtbot.waitSignal(page.refreshed, timeout=30_000):
        page.show()
    assert page.table.item(page.table.rowCount() - 1, 0).text() == "合计"
    with qtbot.waitSignal(page.refreshed, timeout=30_000):
        languages.apply("en")


def _reinspection_only_day(db) -> tuple[date, str]:
    """A day a town re-inspected on and made no official or self-inspection."""
    rows = [dict(r) for r in db.query(
        "SELECT substr(i.started_at, 1, 10) AS day, c.town, i.kind FROM inspections i "
        "JOIN companies c ON c.id = i.company_id WHERE i.status != 'draft' "
        "AND c.town IS NOT NULL")]
    inspected = {(r["day"], r["town"]) for r in rows if r["kind"] != "reinspection"}
    day, town = next((r["day"], r["town"]) for r in rows if r["kind"] == "reinspection"
                     and (r["day"], r["town"]) not in inspected)
    return date.fromisoformat(day), town


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_unit_that_only_re_inspected_is_shaded_and_says_so(page, demo, qtbot, languages,
                                                              lang):
    """Re-inspections follow up hazards found before and are a figure of their own (复查):
    they are not the inspections a unit is named for lacking, and its remark says it had
    re-inspections only, not nothing."""
    day, town = _reinspection_only_day(demo.db)
    if lang != "en":
        with qtbot.waitSignal(page.refreshed, timeout=30_000):
            languages.apply(lang)
    with qtbot.waitSignal(page.refreshed, timeout=30_000):
        page.start.setDate(QDate(day.year, day.month, day.day))
    if page.end.date() != page.start.date():
        with qtbot.waitSignal(page.refreshed, timeout=30_000):
            page.end.setDate(QDate(day.year, day.month, day.day))
    table = page.table
    labels = [table.item(r, 0).text() for r in range(table.rowCount())]
    row = labels.index(town)
    assert int(table.item(row, _column("reinspections")).text()) >= 1
    assert table.item(row, 0).background().color().name() == "#fde7e9"
    remark = table.item(row, _column("remark")).text()
    assert remark == {"en": "No inspection, re-inspections only",
                      "zh_CN": "本期无检查，仅有复查"}[lang]
    silent = labels.index("百崎乡")  # no company, nothing at all
    assert table.item(silent, _column("remark")).text() == {
        "en": "Nothing this period", "zh_CN": "本期无检查"}[lang]
    assert {"en": "re-inspections", "zh_CN": "复查"}[lang] in page.hint.text()
    if lang != "en":  # back in English while the page lives: it counts again at a switch
        with qtbot.waitSignal(page.refreshed, timeout=30_000):
            languages.apply("en")


def test_the_office_sets_the_word_of_its_circular_numbers_in_the_profile(page, demo, qtbot,
                                                                          tmp_path):
    """安办〔2026〕N号 until the office says its own short name: Tools → Inspector profile…
    has it beside the authority's short name, and the next circular is numbered with it."""
    from inspector_app.services.reports.circular import WORD_SETTING
    from inspector_app.ui.dialogs.first_run import FirstRunDialog

    try:
        dialog = FirstRunDialog(demo)
        qtbot.addWidget(dialog)
        assert dialog.circular_word.text() == ""
        assert "安办" in dialog.circular_word.placeholderText()
        dialog.circular_word.setText("台 安办")
        dialog.accept()
        assert "circular numbers" in dialog.error.text()
        assert dialog.result() != QDialog.DialogCode.Accepted
        dialog.circular_word.setText("台安办")
        dialog.accept()
        assert dialog.result() == QDialog.DialogCode.Accepted
        again = FirstRunDialog(demo)
        qtbot.addWidget(again)
        assert again.circular_word.text() == "台安办"      # saved like the other settings

        with qtbot.waitSignal(page.refreshed, timeout=30_000):
            page.by.setCurrentIndex(page.by.findData("industry"))   # a circular not yet issued
        with qtbot.waitSignal(page.report_written, timeout=60_000):
            page.write(tmp_path / "by-industry.pdf")
        qtbot.waitUntil(page.pdf_button.isEnabled)
        assert re.search(r"\(circular 台安办〔\d{4}〕\d+号\)", page.status.text()), (
            page.status.text())
    finally:
        demo.profile.set_setting(WORD_SETTING, None)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_column_to_the_remarks_shows_on_a_small_laptop(page, qtbot, languages, lang):
    """At the page's share of a 1024x600 screen every column is in view, the remarks too,
    with no sideways scroll; no figure is cut, and a header says all its words."""
    if lang != "en":
        with qtbot.waitSignal(page.refreshed, timeout=30_000):
            languages.apply(lang)
    page.resize(790, 485)
    table, header = page.table, page.table.horizontalHeader()
    remarks = _column("remark")
    qtbot.waitUntil(lambda: header.sectionViewportPosition(remarks) + header.sectionSize(remarks)
                    <= table.viewport().width())
    assert table.horizontalScrollBar().maximum() == 0
    assert header.sectionSize(remarks) >= header.sectionSizeHint(remarks)  # "Remarks" whole
    for column in range(1, table.columnCount() - 1):
        assert max(table.sizeHintForColumn(column),
                   page.total_row.sizeHintForColumn(column)) <= table.columnWidth(column)
        # The header is tall enough for its lines (wrapped, or turned to read upwards).
        assert header.sectionSizeFromContents(column).height() <= header.height()
    # A remark the column cuts is whole on hover.
    silent = [table.item(r, 0).text() for r in range(table.rowCount())].index("百崎乡")
    item = table.item(silent, remarks)
    assert item.text() and item.toolTip() == item.text()
    if lang != "en":
        with qtbot.waitSignal(page.refreshed, timeout=30_000):
            languages.apply("en")


def test_a_language_switch_during_the_first_count_counts_again(qtbot, demo, languages):
    """The page's first figures are still being counted when the language changes: they come
    in the language just left, so they are counted again in the new one."""
    widget = DispatchPage(demo)
    qtbot.addWidget(widget)
    widget.resize(1024, 600)
    widget.show()
    qtbot.waitUntil(lambda: widget._figures_task is not None)
    assert widget.report is None  # the first count runs
    try:
        languages.apply("zh_CN")
        qtbot.waitUntil(lambda: widget.report is not None and widget._figures_task is None,
                        timeout=30_000)
        assert widget.table.horizontalHeaderItem(0).text() == "单位"
        assert widget.table.item(widget.table.rowCount() - 1, 0).text() == "合计"
    finally:
        widget.hide()
        widget.cancel()
        widget.runner.wait()


def test_a_page_closed_while_it_counts_is_left_alone_by_the_count(qtbot, demo, monkeypatch):
    """The window closes the page (a language reload, the window itself) while its figures
    are counted: the count ends in its worker and calls nothing on the widget that is gone."""
    started, release = threading.Event(), threading.Event()

    def held(*args):
        started.set()
        release.wait(10)
        return page_figures(*args)

    monkeypatch.setattr(dispatch_page, "page_figures", held)
    widget = DispatchPage(demo)
    widget.resize(1024, 600)
    widget.show()
    assert started.wait(10)
    task, runner = widget._figures_task, widget.runner
    with qtbot.waitSignal(widget.destroyed):
        widget.close()
        widget.deleteLater()
    release.set()
    assert task.done.wait(30)
    runner.wait()
    qtbot.wait(100)  # the count's queued signals delivered, or dropped with their receiver


def _as_a_district(monkeypatch, scale: int = 500) -> None:
    """The figures of a whole district's year (thousands of inspections, five digits in a
    column: 14,233 official inspections), from the demo's few: each figure ``scale`` times."""
    def district(*args):
        report, trend = page_figures(*args)

        def bigger(row):
            return replace(row, figures={k: v * scale for k, v in row.figures.items()})
        table = replace(report.table, rows=[bigger(r) for r in report.table.rows],
                        total=bigger(report.table.total))
        return replace(report, table=table), trend

    monkeypatch.setattr(dispatch_page, "page_figures", district)


def _header_says_all(header, column: int) -> bool:
    """The header of ``column`` shows every word whole: no word wider than its lines, no line
    below the header's height."""
    metrics = QFontMetrics(header.font())
    text = header.model().headerData(column, Qt.Orientation.Horizontal)
    widest = max(metrics.horizontalAdvance(p) for p in figure_header._pieces(text))
    if column in header.turned:
        length, across = header.turned[column], header.sectionSize(column)
        tall = header.height() - 2 * figure_header.MARGIN
    else:
        length, across = header.sectionSize(column) - 2 * figure_header.MARGIN, \
            header.height() - 2 * figure_header.MARGIN
        tall = length
    lines = metrics.boundingRect(QRect(0, 0, length, 10_000), figure_header.WRAP, text)
    return widest <= min(length, tall) and lines.height() <= across


@pytest.mark.parametrize("by", ["town", "department"])
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_districts_table_is_whole_on_a_small_laptop(page, qtbot, monkeypatch, languages,
                                                      lang, by):
    """A district's figures at the page's share of a 1024x600 screen: every unit's row and
    every column to the remarks in view with no scrolling, under headers that say all their
    words, and the total under them."""
    _as_a_district(monkeypatch)
    with qtbot.waitSignal(page.refreshed, timeout=30_000):
        if lang != "en":
            languages.apply(lang)
        else:
            page.by.setCurrentIndex(page.by.findData("industry"))
    if page.by.currentData() != by:
        with qtbot.waitSignal(page.refreshed, timeout=30_000):
            page.by.setCurrentIndex(page.by.findData(by))
    assert page.table.item(0, _column("inspections_official")).text().replace(",", "") \
        .isdigit() and "," in page.table.item(page.table.rowCount() - 1, 1).text()
    page.resize(790, 485)
    table, header = page.table, page.header
    remarks = _column("remark")
    qtbot.waitUntil(lambda: _rows_seen(page) == (table.rowCount(), 0)
                    and header.sectionViewportPosition(remarks) + header.sectionSize(remarks)
                    <= table.viewport().width())
    qtbot.wait(100)    # and so it stays
    assert _rows_seen(page) == (table.rowCount(), 0)
    assert table.horizontalScrollBar().maximum() == 0
    assert not table.verticalScrollBar().isVisible()
    assert page.scroll_area.verticalScrollBar().value() == 0
    assert _in_view(page, table) and _in_view(page, page.total_row)
    for column in range(1, table.columnCount() - 1):
        assert max(table.sizeHintForColumn(column),
                   page.total_row.sizeHintForColumn(column)) <= table.columnWidth(column)
        assert _header_says_all(header, column), header.model().headerData(
            column, Qt.Orientation.Horizontal)
    if lang != "en":
        with qtbot.waitSignal(page.refreshed, timeout=30_000):
            languages.apply("en")


def test_a_page_too_low_for_the_rows_keeps_the_total_in_view(page, qtbot, monkeypatch):
    """Lower than a 1024x600 screen's page (a taller title bar, a panel): the rows scroll
    within the table, whole, and the total under them is in view without scrolling the page."""
    _as_a_district(monkeypatch)
    with qtbot.waitSignal(page.refreshed, timeout=30_000):
        page.by.setCurrentIndex(page.by.findData("department"))
    page.resize(790, 340)
    rows = page.table.rowCount()
    qtbot.waitUntil(lambda: page.table.verticalScrollBar().isVisible()
                    and 0 < _rows_seen(page)[0] < rows and _rows_seen(page)[1] == 0)
    assert page.scroll_area.verticalScrollBar().value() == 0
    assert _in_view(page, page.total_row) and _total_in_view(page)
    assert page.table.horizontalScrollBar().maximum() == 0
