import csv
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QStyleOptionViewItem

from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.demo import build_demo
from inspector_app.storage.hazards_repo import HazardLedger, LedgerFilter
from inspector_app.ui.models.hazards_model import (
    CLOSED_COLOUR,
    COMPANY_ROLE,
    ID_ROLE,
    INSPECTION_ROLE,
    OVERDUE_COLOUR,
    Column,
    HazardsModel,
    make_proxy,
)
from inspector_app.ui.pages.hazards import HazardsPage

TODAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """One demo district for the whole module: the page only reads it."""
    ctx = AppContext(DataDir(tmp_path_factory.mktemp("hazards")))
    build_demo(ctx.db, ctx.device, ctx.data_dir.photos, companies=10, inspections=24,
               seed=2026, today=TODAY)
    yield ctx
    ctx.close()


@pytest.fixture
def page(qtbot, demo, languages):
    widget = HazardsPage(demo)
    widget.today = lambda: TODAY
    widget.reload()
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    return widget


def _row(n, seq=1, **kw):
    row = {"finding_id": f"f-{n}-{seq}", "seq": seq,
           "inspection_number": f"（泉台）应急检记〔2026〕{n}号",
           "ledger_number": f"（泉台）应急检记〔2026〕{n}号-{seq}",
           "company_id": f"c-{n}", "company_name": "泉台纺织有限公司", "town": "城关镇",
           "industry": "textile", "found_at": f"2026-11-{n % 28 + 1:02d}T09:00+08:00",
           "found_on": f"2026-11-{n % 28 + 1:02d}", "description": "消防通道堆放杂物",
           "grade": "general", "legal_basis": "第五条", "item_id": None,
           "requirement": "立即整改", "deadline": "2026-12-01", "responsible": "车间主任",
           "status": "open", "reinspection_result": None, "reinspected_at": None,
           "closed_at": None, "inspection_id": f"i-{n}", "inspection_status": "signed",
           "kind": "official", "issued": True, "overdue": False, "days_overdue": 0}
    row.update(kw)
    return row


def test_model_passes_the_model_tester(qtmodeltester, languages):
    model = HazardsModel()
    model.set_rows([
        _row(1, overdue=True, days_overdue=12, grade="major"),
        _row(2, status="closed", reinspection_result="rectified", reinspected_at="2026-11-20",
             closed_at="2026-11-21"),
        _row(3, inspection_status="draft", issued=False, town=None, legal_basis=None,
             deadline=None, reinspection_result="整改不到位"),
    ])
    qtmodeltester.check(model)
    assert model.data(model.index(0, Column.GRADE)) == "Major accident hazard"
    assert model.data(model.index(0, Column.OVERDUE)) == "12"
    assert model.data(model.index(1, Column.RESULT)) == "Rectified"
    assert model.data(model.index(2, Column.RESULT)) == "整改不到位"  # free text as it is
    assert model.data(model.index(2, Column.STATUS)) == "Open (draft)"
    assert model.headerData(Column.OVERDUE, Qt.Orientation.Horizontal) == "Days overdue"
    red = model.data(model.index(0, Column.COMPANY), Qt.ItemDataRole.ForegroundRole)
    grey = model.data(model.index(1, Column.COMPANY), Qt.ItemDataRole.ForegroundRole)
    assert red.color() == OVERDUE_COLOUR and grey.color() == CLOSED_COLOUR
    assert model.data(model.index(2, 0), Qt.ItemDataRole.ForegroundRole) is None


def test_proxy_sorts_numbers_dates_and_days_by_value(languages):
    model = HazardsModel()
    model.set_rows([_row(999, seq=2, days_overdue=9, overdue=True, deadline="2026-11-18"),
                    _row(1000, seq=1, days_overdue=10, overdue=True, deadline="2026-11-17"),
                    _row(999, seq=10, deadline=None),
                    _row(7, seq=1, days_overdue=2, overdue=True, deadline="2026-11-25")])
    proxy = make_proxy(model)

    def order(column, ascending=True):
        proxy.sort(column, Qt.SortOrder.AscendingOrder if ascending
                   else Qt.SortOrder.DescendingOrder)
        return [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]

    # As text "-1000号" < "-999号" and "-10" < "-2".
    assert order(Column.NUMBER) == ["f-7-1", "f-999-2", "f-999-10", "f-1000-1"]
    assert order(Column.OVERDUE, ascending=False) == ["f-1000-1", "f-999-2", "f-7-1",
                                                      "f-999-10"]
    assert order(Column.DEADLINE) == ["f-1000-1", "f-999-2", "f-7-1", "f-999-10"]


def test_page_shows_the_hazards_not_closed_by_default(page, demo):
    ledger = HazardLedger(demo.db, lambda: TODAY)
    expected = ledger.rows(LedgerFilter())
    assert page.model.rowCount() == len(expected) > 0
    assert {r["status"] for r in page.visible_rows()} <= {"open", "rectified", "reopened"}
    counts = ledger.counts(LedgerFilter())
    assert page.summary.text() == (
        f"{counts.total} hazard{'' if counts.total == 1 else 's'}: "
        f"{counts.by_status['open']} open, "
        f"{counts.by_status['rectified']} awaiting re-inspection, "
        f"{counts.by_status['reopened']} reopened; {counts.overdue} overdue")
    # All statuses: the closed ones are counted too.
    page.status_filter.setCurrentIndex(page.status_filter.count() - 1)
    every = ledger.counts(LedgerFilter(status=None))
    assert page.summary.text().endswith(
        f"{every.by_status['reopened']} reopened, {every.by_status['closed']} closed; "
        f"{every.overdue} overdue")
    # Most overdue first.
    days = [r["days_overdue"] for r in page.visible_rows()]
    assert days == sorted(days, reverse=True) and days[0] > 0


def test_filters_narrow_the_rows(qtbot, page, demo):
    everything = HazardLedger(demo.db, lambda: TODAY).rows(LedgerFilter(status=None))
    not_closed = page.model.rowCount()

    page.overdue_check.setChecked(True)
    overdue = page.visible_rows()
    assert 0 < len(overdue) < not_closed and all(r["overdue"] for r in overdue)
    assert page.summary.text().startswith(
        f"{len(overdue)} hazard{'' if len(overdue) == 1 else 's'}")
    page.overdue_check.setChecked(False)

    page.status_filter.setCurrentIndex(page.status_filter.findData("closed"))
    closed = page.visible_rows()
    assert closed and {r["status"] for r in closed} == {"closed"}
    assert len(closed) == sum(1 for r in everything if r["status"] == "closed")
    assert not any(r["overdue"] for r in closed)

    page.status_filter.setCurrentIndex(page.status_filter.findData(None))
    assert page.model.rowCount() == len(everything)
    page.grade_filter.setCurrentIndex(page.grade_filter.findData("major"))
    assert {r["grade"] for r in page.visible_rows()} == {"major"}

    town = everything[0]["town"]
    page.grade_filter.setCurrentIndex(0)
    page.town_filter.setCurrentIndex(page.town_filter.findData(town))
    assert {r["town"] for r in page.visible_rows()} == {town}

    # Typing waits for a pause, then one query; two characters of Chinese are enough.
    page.reset_filters()
    page.status_filter.setCurrentIndex(page.status_filter.findData(None))
    word = everything[0]["company_name"][:2]
    page.search.setText(word)
    assert page.model.rowCount() == len(everything)  # not yet: debounced
    qtbot.waitUntil(lambda: page.model.rowCount() < len(everything), timeout=2000)
    assert all(word in r["company_name"] or word in r["description"]
               for r in page.visible_rows())

    page.reset_filters()
    assert page.model.rowCount() == not_closed and page.search.text() == ""


def test_buttons_emit_the_selected_hazards_ids(qtbot, page):
    assert not page.open_button.isEnabled() and not page.reinspect_button.isEnabled()
    page.table.selectRow(2)
    index = page.table.selectionModel().selectedRows()[0]
    assert page.open_button.isEnabled() and page.reinspect_button.isEnabled()
    with qtbot.waitSignal(page.open_inspection_requested, timeout=1000) as opened:
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [index.data(INSPECTION_ROLE)]
    with qtbot.waitSignal(page.reinspect_requested, timeout=1000) as reinspect:
        qtbot.mouseClick(page.reinspect_button, Qt.MouseButton.LeftButton)
    assert reinspect.args == [index.data(COMPANY_ROLE)]
    row = page.visible_rows()[2]
    assert (opened.args[0], reinspect.args[0]) == (row["inspection_id"], row["company_id"])
    with qtbot.waitSignal(page.open_inspection_requested, timeout=1000) as entered:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert entered.args == [row["inspection_id"]]
    # The selection survives a reload (the page is shown again).
    page.refresh()
    assert page.selected_id() == row["finding_id"]


def export(qtbot, page, target):
    """Export as the button does (in the background) and wait for the end; whether written."""
    with qtbot.waitSignal(page.export_finished, timeout=60_000) as finished:
        page.export_csv(target)
        assert page.exporting() and not page.export_button.isEnabled()
    assert not page.exporting() and page.export_button.isEnabled()
    return finished.args[0]


def test_export_writes_the_rows_shown(qtbot, page, tmp_path):
    page.overdue_check.setChecked(True)
    target = tmp_path / "逾期隐患.csv"
    assert export(qtbot, page, target)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0][:2] == ["Hazard number", "Company"]  # the interface language: English
    assert [line[0] for line in table[1:]] == [r["ledger_number"] for r in page.visible_rows()]
    assert page.last_export == target


def test_export_to_a_missing_folder_reports_an_error(qtbot, page, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("inspector_app.ui.messages._sink",
                        lambda level, title, text: shown.append((level.value, text)))
    assert not export(qtbot, page, tmp_path / "missing" / "x.csv")
    assert shown and shown[0][0] == "error"


def test_a_cancelled_export_writes_nothing(qtbot, page, tmp_path, monkeypatch):
    import threading

    import inspector_app.ui.pages.hazards as hazards_page

    release = threading.Event()

    class SlowLedger(hazards_page.HazardLedger):
        def rows(self, *args, **kwargs):
            release.wait(10)  # a district's ledger: the user cancels while it is read
            return super().rows(*args, **kwargs)

    monkeypatch.setattr(hazards_page, "HazardLedger", SlowLedger)
    shown = []
    monkeypatch.setattr("inspector_app.ui.messages._sink",
                        lambda level, title, text: shown.append(text))
    target = tmp_path / "cancelled.csv"
    with qtbot.waitSignal(page.export_finished, timeout=60_000) as finished:
        page.export_csv(target)
        progress = page._export_progress
        qtbot.waitUntil(progress.isVisible, timeout=5000)  # a long export shows its progress
        progress.findChild(QPushButton).click()  # the dialog's Cancel button
        release.set()
    assert finished.args == [False]
    assert not target.exists() and list(tmp_path.iterdir()) == []
    assert shown == ["The export was cancelled; no file was written."]
    assert page.export_button.isEnabled()


def test_a_page_of_rows_is_read_but_counts_sorting_and_export_cover_all(
        qtbot, demo, languages, monkeypatch, tmp_path):
    from inspector_app.ui.models import rows_model

    monkeypatch.setattr(rows_model, "PAGE_SIZE", 3)
    page = HazardsPage(demo)
    page.today = lambda: TODAY
    qtbot.addWidget(page)
    page.show()
    expected = HazardLedger(demo.db, lambda: TODAY).rows(LedgerFilter())
    assert page.model.rowCount() == 3 < len(expected) and page.model.canFetchMore()
    assert page.summary.text().startswith(
        f"{len(expected)} hazard{'' if len(expected) == 1 else 's'}")
    assert len(page.visible_rows()) == len(expected)
    page.table.sortByColumn(Column.COMPANY, Qt.SortOrder.AscendingOrder)
    names = [r["company_name"] for r in page.visible_rows()]
    assert names == sorted(names)
    assert [page.model.index(r, Column.COMPANY).data() for r in range(3)] == names[:3]
    target = tmp_path / "all.csv"
    assert export(qtbot, page, target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle))) == len(expected) + 1


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_dates_grades_statuses_and_results_show_whole_in_every_row(qtbot, demo, languages,
                                                                    lang):
    """At 1366 px, the columns are fitted to the first page (the most overdue, all "open"); the
    rows read later, and those of another filter, say "awaiting re-inspection" or "closed" and
    have dates of other months: none of them is cut."""
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QStyleOptionViewItem

    languages.apply(lang)
    page = HazardsPage(demo)
    page.today = lambda: TODAY
    qtbot.addWidget(page)
    page.resize(1366 - 200, 420)  # the page beside the navigation, on a 1366x768 screen
    page.show()
    page.reload()
    qtbot.waitExposed(page)
    qtbot.wait(150)
    page.status_filter.setCurrentIndex(page.status_filter.count() - 1)  # closed ones too
    qtbot.wait(150)
    model, table = page.model, page.table
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    statuses = {model.index(r, Column.STATUS).data() for r in range(model.rowCount())}
    assert len(statuses) >= 4, statuses  # the demo has hazards in every state
    option = QStyleOptionViewItem()
    option.font = table.font()
    delegate = table.itemDelegate()
    for column in (Column.FOUND, Column.GRADE, Column.DEADLINE, Column.OVERDUE, Column.STATUS,
                   Column.RESULT, Column.REINSPECTED, Column.CLOSED):
        width = table.columnWidth(column)
        for row in range(model.rowCount()):
            index = model.index(row, column)
            assert delegate.sizeHint(option, index).width() <= width, (column, index.data())
    # Long free text is cut at a bound, and its tooltip has it whole.
    for column in (Column.COMPANY, Column.DESCRIPTION, Column.LEGAL_BASIS):
        index = next(model.index(r, column) for r in range(model.rowCount())
                     if model.index(r, column).data())
        assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()


def test_the_export_dialog_starts_in_documents_then_where_the_ledger_was_saved(
        qtbot, page, tmp_path, settings, monkeypatch):
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from inspector_app.ui import save_folder

    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(
        lambda location: str(documents)))
    monkeypatch.setattr(save_folder, "_settings", lambda: settings)
    usb = tmp_path / "U盘"
    usb.mkdir()
    offered: list[str] = []

    def dialog(_parent, _title, start, _filters):
        offered.append(start)
        return str(usb / "台账"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    with qtbot.waitSignal(page.export_finished, timeout=60_000):
        page.choose_export_file()
    assert (usb / "台账.csv").is_file()
    assert offered == [str(documents / f"hazard-ledger-{date.today().isoformat()}.csv")]
    # The same file again: asked before it is replaced, and kept.
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *_a, **_k: QMessageBox.StandardButton.No))
    page.choose_export_file()
    assert Path(offered[-1]).parent == usb


def _shown_small(qtbot, demo, today=None) -> HazardsPage:
    """The page beside the navigation of a 1024x600 screen, shown and filled."""
    page = HazardsPage(demo)
    if today is not None:
        page.today = lambda: today
    qtbot.addWidget(page)
    page.resize(1024 - 200, 480)
    page.show()
    page.reload()
    qtbot.waitExposed(page)
    qtbot.wait(150)
    return page

@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_what_a_supervisor_chases_shows_without_scrolling_on_a_1024_screen(qtbot, demo,
                                                                          languages, lang):
    """Beside the navigation of a 1024x600 screen, the days overdue, the deadline and the
    status show whole beside the number and the company, with no horizontal scroll."""
    languages.apply(lang)
    page = _shown_small(qtbot, demo, today=TODAY)
    table, header = page.table, page.table.horizontalHeader()
    assert table.horizontalScrollBar().value() == 0
    for column in (Column.NUMBER, Column.COMPANY, Column.DEADLINE, Column.OVERDUE,
                   Column.STATUS):
        left = header.sectionViewportPosition(column)
        assert left >= 0
        assert left + header.sectionSize(column) <= table.viewport().width(), (
            table.model().headerData(column, Qt.Orientation.Horizontal))
    # The numbers are still whole.
    number = table.model().index(0, Column.NUMBER)
    option = QStyleOptionViewItem()
    option.font = table.font()
    assert table.itemDelegate().sizeHint(option, number).width() <= table.columnWidth(
        Column.NUMBER)


def test_the_order_and_widths_a_user_gave_the_columns_stay(qtbot, demo, languages, settings):
    from inspector_app.ui import screen_fit

    screen_fit.install(settings)
    first = _shown_small(qtbot, demo)
    header = first.table.horizontalHeader()
    header.moveSection(header.visualIndex(Column.TOWN), 0)  # the user drags Town first
    first.column_fitter._dragging = True  # as during a drag on the header
    header.resizeSection(Column.GRADE, 60)
    first.column_fitter._dragging = False
    first.hide()  # saves the header
    again = _shown_small(qtbot, demo)
    header = again.table.horizontalHeader()
    assert header.logicalIndex(0) == Column.TOWN
    assert header.sectionSize(Column.GRADE) == 60


def test_the_guide_puts_the_counts_line_where_the_page_shows_it(qtbot, page):
    from inspector_app.paths import guide_dir

    qtbot.waitExposed(page)
    table = page.table.mapTo(page, page.table.rect().bottomLeft()).y()
    assert page.summary.mapTo(page, page.summary.rect().topLeft()).y() >= table  # under it
    english = (guide_dir() / "en" / "ledger.md").read_text(encoding="utf-8")
    chinese = (guide_dir() / "zh_CN" / "ledger.md").read_text(encoding="utf-8")
    assert "The line under the table counts" in english and "above the table" not in english
    assert "表格下方一行统计" in chinese and "表格上方" not in chinese


def test_a_column_moved_without_a_resize_stays_where_the_user_put_it(qtbot, demo, languages,
                                                                     settings):
    from inspector_app.ui import screen_fit

    screen_fit.install(settings)

    first = _shown_small(qtbot, demo)
    header = first.table.horizontalHeader()
    fitted = header.sectionSize(Column.GRADE)
    first.column_fitter._dragging = True  # the user drags Town first, widths untouched
    header.moveSection(header.visualIndex(Column.TOWN), 0)
    first.column_fitter._dragging = False
    first.hide()  # leaving the page (or the window closing) saves the header
    first.close()
    again = _shown_small(qtbot, demo)  # the page built anew, as after a restart
    header = again.table.horizontalHeader()
    assert header.logicalIndex(0) == Column.TOWN
    # The widths are still the program's: fitted again, not frozen by the move.
    assert header.sectionSize(Column.GRADE) == fitted
    assert not again.column_fitter.user_sized
