"""Every table: columns as wide as their content (within bounds), the main text column takes the
rest without collapsing, a width the user drags is remembered, and a language switch re-fits."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTableView

from inspector_app.services.demo import build_demo
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.models.inspections_model import Column
from inspector_app.ui.pages.companies import CompaniesPage
from inspector_app.ui.pages.hazards import HazardsPage
from inspector_app.ui.pages.inspections import InspectionsPage
from inspector_app.ui.pages.sync import SyncPage
from inspector_app.ui.pages.templates import TemplatesPage


@pytest.fixture
def demo(ctx, profile):
    return build_demo(ctx.db, ctx.device, ctx.data_dir.photos, companies=6, inspections=10,
                      seed=7, today=date(2026, 6, 1))


def page_of(window: MainWindow, cls):
    index = next(n for n, p in enumerate(window.pages) if isinstance(p, cls))
    window.show_page(index)
    return window.pages[index]


def settle(qtbot, table: QTableView) -> None:
    qtbot.wait(150)  # the columns are fitted once the rows and the layout are there


def visible_columns(table: QTableView) -> list[int]:
    header = table.horizontalHeader()
    return [c for c in range(header.count()) if not header.isSectionHidden(c)]


def chars(table: QTableView, n: int) -> int:
    return table.fontMetrics().averageCharWidth() * n


def assert_content_fits(table: QTableView, main: int, high_chars: int = 36,
                        whole: tuple[int, ...] = ()) -> None:
    """No column cuts its header, and no short content is cut."""
    header = table.horizontalHeader()
    high = chars(table, high_chars)
    for column in visible_columns(table):
        if column == main:
            continue
        if column in whole:
            assert header.sectionSize(column) >= table.sizeHintForColumn(column), column
            continue
        width = header.sectionSize(column)
        assert width >= min(header.sectionSizeHint(column), high), column
        assert width >= min(table.sizeHintForColumn(column), high), column
        assert width <= high + 1, column


def test_inspections_company_column_neither_collapses_nor_stays_wide(qtbot, window, demo):
    page = page_of(window, InspectionsPage)
    table = page.table
    window.resize(1280, 700)
    settle(qtbot, table)
    assert page.model.rowCount() > 0
    assert_content_fits(table, Column.COMPANY, 24, (Column.NUMBER,))
    company = table.columnWidth(Column.COMPANY)
    assert company >= chars(table, 14)
    window.resize(1900, 700)
    settle(qtbot, table)
    wide = table.columnWidth(Column.COMPANY)
    assert wide > company
    window.resize(1000, 580)
    settle(qtbot, table)
    assert table.columnWidth(Column.COMPANY) < wide
    assert table.columnWidth(Column.COMPANY) >= chars(table, 14)


@pytest.mark.parametrize("cls", [CompaniesPage, InspectionsPage, HazardsPage, TemplatesPage,
                                 SyncPage])
def test_every_page_table_sizes_its_columns_to_content(qtbot, window, demo, cls):
    page = page_of(window, cls)
    table = page.table
    window.resize(1366, 740)
    settle(qtbot, table)
    assert table.property("columnFitter"), "the table has no column fitting"
    fitter = page.column_fitter
    assert_content_fits(table, fitter.stretch, fitter.max_chars, fitter.whole)
    assert table.columnWidth(page.column_fitter.stretch) >= chars(table, 14)


def test_credit_codes_show_whole_on_the_companies_page(qtbot, window, demo):
    page = page_of(window, CompaniesPage)
    settle(qtbot, page.table)
    code = page.model.company(0).credit_code
    assert len(code) == 18
    assert page.table.columnWidth(1) >= page.table.sizeHintForColumn(1)


def test_a_dragged_width_is_remembered_per_page(qtbot, ctx, settings, languages, profile, demo,
                                                window):
    page = page_of(window, InspectionsPage)
    settle(qtbot, page.table)
    header = page.table.horizontalHeader()
    edge = header.sectionViewportPosition(Column.TOWN) + header.sectionSize(Column.TOWN) - 1
    y = header.height() // 2
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    qtbot.mouseMove(header.viewport(), QPoint(edge + 40, y))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge + 40, y))
    dragged = header.sectionSize(Column.TOWN)
    assert dragged > edge - header.sectionViewportPosition(Column.TOWN) + 1
    window.close()
    again = MainWindow(ctx, settings, languages)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    page = page_of(again, InspectionsPage)
    settle(qtbot, page.table)
    assert page.table.columnWidth(Column.TOWN) == dragged
    again.bridge.uninstall()


def test_switching_language_refits_the_columns(qtbot, window, demo):
    page = page_of(window, InspectionsPage)
    window.resize(1366, 740)
    settle(qtbot, page.table)
    for lang in ("zh_CN", "en"):
        window.set_language(lang, remember=False)
        qtbot.waitUntil(lambda: assert_content_fits(page.table, Column.COMPANY, 24,
                                                    (Column.NUMBER,)), timeout=5000)
