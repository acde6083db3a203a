import pytest
from PySide6.QtCore import Qt

from inspector_app.domain.company import Company, credit_check_char
from inspector_app.storage.companies_repo import CompanyRepo
from inspector_app.ui.dialogs.company_dialog import CompanyDialog
from inspector_app.ui.dialogs.company_import_dialog import CompanyImportDialog
from inspector_app.ui.models.companies_model import CompaniesModel
from inspector_app.ui.pages.companies import CompaniesPage


def code(serial: int) -> str:
    first17 = f"91350100MA{serial:06d}X"
    return first17 + credit_check_char(first17)


@pytest.fixture
def repo(ctx):
    return CompanyRepo(ctx.db, ctx.device.id, "张伟")


@pytest.fixture
def seeded(repo):
    repo.add(Company(name="泉台机械厂", credit_code=code(1), town="城关镇", industry="machinery",
                     risk_level="high", contact_name="林强", contact_phone="13812345678"))
    repo.add(Company(name="东园纺织厂", town="东园镇", industry="textile", risk_level="major"))
    repo.add(Company(name="城关食品厂", town="城关镇", industry="light_industry"))
    return repo


@pytest.fixture
def page(qtbot, ctx, profile, languages):
    widget = CompaniesPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    return widget


def visible_names(page):
    return sorted(page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount()))


def test_the_model_passes_the_model_tester(qtmodeltester, seeded, languages):
    model = CompaniesModel(seeded)
    model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    row = model.row_of(seeded.get_by_credit_code(code(1)).id)
    assert model.index(row, 3).data() == "Machinery"
    assert model.index(row, 4).data() == "High risk"
    model.set_search("城关")
    qtmodeltester.check(model)
    assert model.rowCount() == 2


def test_labels_follow_the_interface_language(qtbot, seeded, languages):
    model = CompaniesModel(seeded)
    model.reload()
    languages.apply("zh_CN")
    model.retranslate()
    labels = {model.index(r, 3).data() for r in range(model.rowCount())}
    assert labels == {"机械", "纺织", "轻工"}


def test_typing_a_two_character_chinese_search_filters_the_table(qtbot, seeded, page):
    page.refresh()
    assert len(visible_names(page)) == 3
    page.search.insert("纺织")  # QTest types ASCII only; an input method commits like this
    assert page.search_timer.isActive() and len(visible_names(page)) == 3  # debounced
    qtbot.waitUntil(lambda: visible_names(page) == ["东园纺织厂"], timeout=2000)
    page.search.clear()
    page.search.insert("厂")
    qtbot.waitUntil(lambda: len(visible_names(page)) == 3, timeout=2000)
    assert "3" in page.count_label.text()


def test_adding_a_company_checks_the_credit_code_as_typed(qtbot, page, repo):
    page.add_button.click()
    dialog = page.dialog
    assert isinstance(dialog, CompanyDialog)
    assert not dialog.ok_button.isEnabled()  # no name yet
    dialog.name.insert("西湖化工")
    good = code(7)
    bad = good[:17] + ("0" if good[-1] != "0" else "1")
    qtbot.keyClicks(dialog.credit_code, bad)
    assert dialog.credit_error.isVisible()
    assert dialog.credit_error.text() == f"wrong check character “{bad[-1]}”, expected “{good[-1]}”"
    assert not dialog.ok_button.isEnabled()

    dialog.credit_code.backspace()
    qtbot.keyClicks(dialog.credit_code, good[-1])
    assert not dialog.credit_error.isVisible()
    assert dialog.ok_button.isEnabled()
    dialog.industry.setCurrentIndex(dialog.industry.findData("chemical"))
    dialog.areas["hazardous_chemicals"].setChecked(True)
    dialog.risk_level.setCurrentIndex(dialog.risk_level.findData("major"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: visible_names(page) == ["西湖化工"], timeout=2000)
    stored = repo.get_by_credit_code(good)
    assert (stored.industry, stored.special_areas, stored.risk_level) == (
        "chemical", ("hazardous_chemicals",), "major")
    assert page.selected_company().id == stored.id
    audit_actor = repo.db.execute("SELECT actor FROM audit_log WHERE entity_id = ?",
                                  [stored.id]).fetchone()[0]
    assert audit_actor == "张伟"  # the profile's inspector


def test_editing_refuses_a_credit_code_another_company_has(qtbot, seeded, page):
    page.refresh()
    row = next(r for r in range(page.proxy.rowCount())
               if page.proxy.index(r, 0).data() == "东园纺织厂")
    page.table.selectRow(row)
    page.edit_button.click()
    dialog = page.dialog
    assert dialog.name.text() == "东园纺织厂" and dialog.ok_button.isEnabled()
    dialog.credit_code.setText(code(1))
    assert "泉台机械厂" in dialog.credit_error.text()
    assert not dialog.ok_button.isEnabled()
    dialog.contact_phone.setText("not a phone")
    assert dialog.phone_error.isVisible()
    dialog.reject()


def test_the_import_dialog_previews_an_error_row_in_red(qtbot, page, repo, tmp_path):
    good, bad_source = code(1), code(2)
    bad = bad_source[:17] + ("0" if bad_source[-1] != "0" else "1")
    path = tmp_path / "名单.csv"
    path.write_text(f"单位名称,统一社会信用代码,行业\n泉台机械厂,{good},机械\n东园纺织厂,{bad},纺织\n",
                    encoding="utf-8-sig")
    page.import_button.click()
    dialog = page.dialog
    assert isinstance(dialog, CompanyImportDialog)
    assert not dialog.import_button.isEnabled()
    assert dialog.load(path)
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(r, 3).text() for r in range(2)] == ["Add", "Error"]
    problem_cell = dialog.table.item(1, 4)
    assert f"expected “{bad_source[-1]}”" in problem_cell.text()
    assert problem_cell.foreground().color().name() == "#b00020"
    assert "1 to add" in dialog.summary.text() and "1 with errors" in dialog.summary.text()

    dialog.import_button.click()
    assert "1 added" in dialog.summary.text() and "1 skipped" in dialog.summary.text()
    assert repo.count() == 1
    dialog.reject()
    qtbot.waitUntil(lambda: visible_names(page) == ["泉台机械厂"], timeout=2000)


def test_the_import_dialog_shows_why_a_file_is_refused(qtbot, repo, tmp_path):
    dialog = CompanyImportDialog(repo)
    qtbot.addWidget(dialog)
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a workbook at all")
    assert not dialog.load(path)
    assert "broken.xlsx" in dialog.message.text()
    assert dialog.table.rowCount() == 0 and not dialog.import_button.isEnabled()


def test_the_import_preview_shows_credit_codes_whole(qtbot, repo, tmp_path, languages):
    path = tmp_path / "名单.csv"
    long_name = "泉州台商投资区某某精密机械制造股份有限公司第二分公司"
    path.write_text(f"单位名称,统一社会信用代码\n{long_name},{code(1)}\n泉台纺织厂,{code(2)}\n",
                    encoding="utf-8-sig")
    dialog = CompanyImportDialog(repo)
    qtbot.addWidget(dialog)
    dialog.resize(700, 400)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.load(path)
    table = dialog.table

    def whole() -> None:
        width = table.columnWidth(2)
        text = table.item(0, 2).text()
        assert text == code(1)
        assert width >= table.fontMetrics().horizontalAdvance(text) + 6

    qtbot.waitUntil(whole, timeout=3000)
    assert table.columnWidth(1) >= table.fontMetrics().averageCharWidth() * 14


@pytest.fixture
def district(repo):
    """More companies than one page of the table: 250, named 单位000 … 单位249."""
    from inspector_app.ui.models.rows_model import PAGE_SIZE

    for n in range(250):
        repo.add(Company(name=f"单位{n:03d}", town="城关镇" if n % 2 else "东园镇",
                         risk_level="major" if n % 50 == 7 else "low"))
    assert PAGE_SIZE < 250
    return repo


def _shown(page):
    return [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]


def test_a_long_list_is_read_a_page_at_a_time_and_sorted_by_the_database(qtbot, district,
                                                                       page):
    from inspector_app.ui.models.rows_model import PAGE_SIZE

    page.refresh()
    shown = _shown(page)
    assert len(shown) < 250 and shown[:2] == ["单位000", "单位001"]
    assert "250" in page.count_label.text()  # counted, not only what was read
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.proxy.rowCount() > PAGE_SIZE, timeout=3000)

    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _shown(page)[:2] == ["单位249", "单位248"]
    page.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # risk: the gravest first
    assert _shown(page)[:5] == ["单位007", "单位057", "单位107", "单位157", "单位207"]

    page.search.insert("单位1")
    qtbot.waitUntil(lambda: "match" in page.count_label.text(), timeout=2000)
    assert "100" in page.count_label.text()  # 单位100 … 单位199


def test_the_selection_stays_across_a_refresh_beyond_the_first_page(qtbot, district, page):
    page.refresh()
    target = district.list("单位230")[0]
    page.select_company(target.id)  # reads on until its page is there
    assert page.proxy.rowCount() > 200
    assert page.selected_company().id == target.id

    page.refresh()  # e.g. after an import: the first page is read again
    assert page.selected_company() is not None
    assert page.selected_company().id == target.id


def test_a_count_in_the_thousands_is_grouped_in_both_languages(qtbot, repo, page, languages):
    # "1001 家单位" is hard to read at a glance; the locale groups the digits: "1,001 家单位".
    with repo.db.atomic():
        for n in range(1001):
            repo.add(Company(name=f"单位{n:04d}", town="城关镇"))
    page.refresh()
    qtbot.waitUntil(lambda: "1,001" in page.count_label.text(), timeout=5000)
    assert page.count_label.text() == "1,001 companies"
    languages.apply("zh_CN")
    qtbot.waitUntil(lambda: page.count_label.text() == "1,001 家单位", timeout=3000)


def test_the_search_hint_cut_short_in_a_narrow_box_is_whole_on_hover(qtbot, page):
    page.resize(800, 500)
    page.show()
    qtbot.waitExposed(page)
    hint = page.search.placeholderText()
    assert page.search.fontMetrics().horizontalAdvance(hint) > page.search.width()  # cut
    assert page.search.toolTip() == hint
