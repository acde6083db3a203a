from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from inspector_app.domain.inspection import Status
from inspector_app.services.inspections import InspectionService
from inspector_app.storage.repositories import InspectorRepo
from inspector_app.ui.dialogs.new_inspection import NewInspectionDialog
from inspector_app.ui.models.inspections_model import (
    ID_ROLE,
    Column,
    InspectionsModel,
    make_proxy,
    number_sort_key,
)
from inspector_app.ui.pages.inspections import InspectionsPage
from tests.factories import add_company, add_template


def _row(n, **kw):
    row = {"id": f"id-{n}", "number": f"（泉台）应急检记〔2026〕{n}号", "revision": 1,
           "status": "draft", "kind": "official", "started_at": f"2026-11-{n % 28 + 1:02d}T09:00",
           "ended_at": None, "template_id": "t", "template_version": "1", "title_zh": "检查表",
           "title_en": "Checklist", "company_id": "c", "company_name": "泉台纺织有限公司",
           "town": "城关镇", "hazards": 0, "major_hazards": 0, "open_hazards": 0,
           "inspectors": "张伟、李娜"}
    row.update(kw)
    return row


def test_model_passes_the_model_tester(qtmodeltester, languages):
    model = InspectionsModel()
    model.set_rows([_row(1, hazards=2, major_hazards=1, open_hazards=1),
                    _row(2, status="signed", kind="self", revision=2, ended_at=None),
                    _row(3, town=None, inspectors=None)])
    qtmodeltester.check(model)
    assert model.data(model.index(0, Column.HAZARDS)) == "2 (1)"
    assert model.data(model.index(1, Column.STATUS)) == "Signed"
    assert model.data(model.index(1, Column.KIND)) == "Company self-inspection"
    assert model.data(model.index(0, Column.STARTED)) == "2 Nov 2026 09:00"  # in the user's style
    assert model.headers()[0] == "Number"
    assert model.data(model.index(0, Column.INSPECTORS)) == "张伟, 李娜"  # English commas
    languages.apply("zh_CN")
    assert model.data(model.index(0, Column.INSPECTORS)) == "张伟、李娜"


def test_proxy_sorts_numbers_counts_and_dates_by_value(languages):
    model = InspectionsModel()
    model.set_rows([_row(999, hazards=9, started_at="2026-11-20T09:00+08:00"),
                    _row(1000, hazards=10, started_at="2026-02-01T09:00+08:00"),
                    _row(7, hazards=2, major_hazards=2, started_at="2026-10-03T09:00+08:00")])
    proxy = make_proxy(model)

    def order(column, ascending=True):
        proxy.sort(column, Qt.SortOrder.AscendingOrder if ascending
                   else Qt.SortOrder.DescendingOrder)
        return [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]

    assert order(Column.NUMBER) == ["id-7", "id-999", "id-1000"]  # text would put 1000 first
    assert order(Column.HAZARDS) == ["id-7", "id-999", "id-1000"]  # text: "10" < "2" < "9"
    assert order(Column.STARTED, ascending=False) == ["id-999", "id-7", "id-1000"]
    assert number_sort_key("（泉台）应急检记〔2026〕1号（第2版）") > number_sort_key(
        "（泉台）应急检记〔2026〕1号")


def _data(ctx):
    svc = InspectionService(ctx.db, ctx.device, actor="张伟")
    repo = InspectorRepo(ctx.db, ctx.device.id)
    me = next(i for i in repo.all() if i.name == "张伟")
    colleague = repo.add("李娜", "32050013", "泉台区应急管理局")
    key = add_template(ctx.db)
    ids = {}
    for name, town, kind, day in (("泉台纺织有限公司", "城关镇", "official", "01"),
                                  ("东山化工厂", "东山镇", "self", "05"),
                                  ("西湖纺织印染厂", "西湖街道", "self", "09")):
        company = add_company(ctx.db, name=name, town=town)
        ids[name] = svc.start(company_id=company, template_key=key, kind=kind,
                              inspector_ids=[me.id, colleague.id] if kind == "official"
                              else [colleague.id], started_at=f"2026-11-{day}T09:00+08:00")
    ctx.db.execute("UPDATE inspections SET status = 'completed' WHERE id = ?",
                   [ids["东山化工厂"]])
    return ids, me, colleague


def _page(qtbot, ctx):
    page = InspectionsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def _shown_companies(page):
    return sorted(page.model.index(r, Column.COMPANY).data() for r in range(page.model.rowCount()))


def test_filters_narrow_the_rows(qtbot, ctx, profile, languages):
    _, me, _ = _data(ctx)
    page = _page(qtbot, ctx)
    assert page.model.rowCount() == 3
    page.status_filter.setCurrentIndex(page.status_filter.findData(Status.COMPLETED.value))
    assert _shown_companies(page) == ["东山化工厂"]
    page.reset_filters()
    assert page.model.rowCount() == 3

    # Two Chinese characters, committed as an input method would; the search waits for a pause.
    page.search.insert("纺织")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=2000)
    assert _shown_companies(page) == ["泉台纺织有限公司", "西湖纺织印染厂"]
    page.town_filter.setCurrentIndex(page.town_filter.findData("西湖街道"))
    assert _shown_companies(page) == ["西湖纺织印染厂"]
    page.reset_filters()

    page.inspector_filter.setCurrentIndex(page.inspector_filter.findData(me.id))
    assert _shown_companies(page) == ["泉台纺织有限公司"]  # the only official one
    page.reset_filters()
    page.date_from.setDate(page.date_from.date().fromString("2026-11-03", "yyyy-MM-dd"))
    assert page.model.rowCount() == 3  # unticked: no date filter
    page.from_check.setChecked(True)
    assert _shown_companies(page) == ["东山化工厂", "西湖纺织印染厂"]
    assert page.count_label.text() == "2 inspections"


def test_double_click_and_open_emit_the_id(qtbot, ctx, profile, languages):
    ids, _, _ = _data(ctx)
    page = _page(qtbot, ctx)
    assert not page.open_button.isEnabled()
    page.select_inspection(ids["东山化工厂"])
    assert page.open_button.isEnabled()
    with qtbot.waitSignal(page.open_requested) as blocker:
        page.open_button.click()
    assert blocker.args == [ids["东山化工厂"]]
    with qtbot.waitSignal(page.open_requested) as blocker:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert blocker.args == [ids["东山化工厂"]]


def _choose_company(dialog, name):
    dialog.company_search.insert(name)  # one match: chosen without a click
    assert dialog.selected_company_id() is not None


def test_official_inspection_with_one_inspector_stays_open(qtbot, ctx, profile, languages):
    add_template(ctx.db)
    add_company(ctx.db, name="泉台纺织有限公司")
    dialog = NewInspectionDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.checked_inspector_ids() == [profile.id]  # the profile's inspector is ticked
    _choose_company(dialog, "纺织")
    dialog.set_kind("official")
    dialog.place.insert("一号车间")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.created_id is None
    assert "two inspectors" in dialog.error.text()
    assert ctx.db["inspections"].count == 0


def test_new_inspection_from_the_page_opens_it(qtbot, ctx, profile, languages):
    add_template(ctx.db)
    add_company(ctx.db, name="泉台纺织有限公司")
    page = _page(qtbot, ctx)
    page.new_button.click()
    dialog = page.dialog
    assert isinstance(dialog, NewInspectionDialog) and dialog.isVisible()
    _choose_company(dialog, "纺织")
    dialog.set_kind("official")
    # The second inspector is added on the spot, with an enforcement-ID number.
    dialog.add_inspector_button.click()
    dialog.new_name.insert("李娜")
    qtbot.keyClicks(dialog.new_enforcement_id, "32050013")
    dialog.add_inspector_confirm.click()
    assert len(dialog.checked_inspector_ids()) == 2
    dialog.place.insert("一号车间")
    # The person in charge and the position (职务) the record prints, kept with the company.
    dialog.legal_rep.setText("")
    dialog.legal_rep.insert("王建国")
    dialog.legal_rep_position.insert("总经理")
    with qtbot.waitSignal(page.open_requested) as blocker:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    created = blocker.args[0]
    assert created == dialog.created_id
    record = InspectionService(ctx.db, ctx.device).get(created)
    assert record.company_name == "泉台纺织有限公司" and record.place == "一号车间"
    assert [i.name for i in record.inspectors] == ["张伟", "李娜"]
    assert ctx.db.execute("SELECT legal_rep, legal_rep_position FROM companies").fetchone() == (
        "王建国", "总经理")
    assert page.model.rowCount() == 1 and page.selected_id() == created


def test_enter_in_the_enforcement_id_field_adds_the_colleague_only(qtbot, ctx, profile,
                                                                  languages):
    add_template(ctx.db)
    add_company(ctx.db, name="泉台纺织有限公司")
    dialog = NewInspectionDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _choose_company(dialog, "纺织")
    dialog.set_kind("official")
    dialog.add_inspector_button.click()
    dialog.new_name.insert("李娜")  # as an input method commits it
    qtbot.keyClick(dialog.new_name, Qt.Key.Key_Return)  # Enter in the name: on to the ID
    assert dialog.isVisible() and dialog.focusWidget() is dialog.new_enforcement_id
    qtbot.keyClicks(dialog.new_enforcement_id, "32050013")
    qtbot.keyClick(dialog.new_enforcement_id, Qt.Key.Key_Return)
    # The colleague is added and ticked; nothing was started.
    assert len(dialog.checked_inspector_ids()) == 2
    assert dialog.isVisible() and dialog.created_id is None
    assert ctx.db["inspections"].count == 0
    # Enter in the last field starts, but only after the place check.
    qtbot.keyClick(dialog.started, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.created_id is None
    assert "place" in dialog.error.text()
    dialog.place.insert("一号车间")
    qtbot.keyClick(dialog.place, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.created_id is not None


def test_a_start_time_in_the_future_is_refused(qtbot, ctx, profile, languages):
    add_template(ctx.db)
    add_company(ctx.db, name="泉台纺织有限公司")
    dialog = NewInspectionDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    _choose_company(dialog, "纺织")
    dialog.set_kind("self")
    dialog.place.insert("一号车间")
    dialog.started.setDateTime(dialog.started.dateTime().addDays(2))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.created_id is None
    assert "future" in dialog.error.text()
    assert ctx.db["inspections"].count == 0


def test_paged_model_reads_a_page_at_a_time_and_passes_the_model_tester(qtmodeltester,
                                                                       languages):
    rows = [_row(n) for n in range(1, 451)]
    reads = []

    def query(offset, limit):
        reads.append((offset, limit))
        return rows[offset:offset + limit]

    model = InspectionsModel()
    model.set_query(query, page_size=200)
    assert model.rowCount() == 200 and model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 450 and reads[-1] == (400, 200)
    assert len({r for r in reads}) == 3  # each page read once
    assert model.fetch_until("id-450") == 449
    assert model.data(model.index(449, Column.NUMBER)).endswith("〕450号")


def test_columns_sort_in_the_database(qtbot, ctx, profile, languages):
    _data(ctx)
    page = _page(qtbot, ctx)

    def companies():
        return [page.model.index(r, Column.COMPANY).data() for r in range(page.model.rowCount())]

    assert companies() == ["西湖纺织印染厂", "东山化工厂", "泉台纺织有限公司"]  # newest first
    page.table.sortByColumn(Column.COMPANY, Qt.SortOrder.AscendingOrder)
    assert companies() == ["东山化工厂", "泉台纺织有限公司", "西湖纺织印染厂"]
    page.table.sortByColumn(Column.STARTED, Qt.SortOrder.AscendingOrder)
    assert companies() == ["泉台纺织有限公司", "东山化工厂", "西湖纺织印染厂"]


def test_selection_survives_a_refresh_beyond_the_first_page(qtbot, ctx, profile, languages,
                                                            monkeypatch):
    from inspector_app.ui.models import rows_model

    monkeypatch.setattr(rows_model, "PAGE_SIZE", 2)
    ids, _, _ = _data(ctx)
    page = _page(qtbot, ctx)
    assert page.model.rowCount() == 2 and page.model.canFetchMore()
    assert page.count_label.text() == "3 inspections"  # counted, not loaded
    oldest = ids["泉台纺织有限公司"]
    page.select_inspection(oldest)  # on the second page: read to find it
    assert page.selected_id() == oldest
    page.refresh()
    assert page.selected_id() == oldest


def test_the_page_reads_nothing_until_it_is_shown(qtbot, ctx, profile, languages):
    _data(ctx)
    page = InspectionsPage(ctx)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0 and not page.loaded
    page.show()
    assert page.model.rowCount() == 3 and page.loaded


def test_headers_are_made_once_per_language(qtbot, languages, monkeypatch):
    model = InspectionsModel()
    made = []
    real = InspectionsModel._headers

    def counted(self):
        made.append(1)
        return real(self)

    monkeypatch.setattr(InspectionsModel, "_headers", counted)
    for _ in range(100):
        model.columnCount()
        model.headers()[Column.COMPANY]
    assert len(made) == 1 and model.headers()[0] == "Number"
    model.retranslate()  # the same language: nothing new
    assert len(made) == 2 and model.headers()[0] == "Number"
    languages.apply("zh_CN")
    model.retranslate()
    assert model.headers()[0] == "编号" and len(made) == 3


def test_the_header_shows_the_titles_and_the_newest_first_then_sorts_on_a_click(
        qtbot, ctx, profile, languages):
    _data(ctx)
    page = _page(qtbot, ctx)
    header = page.table.horizontalHeader()

    def title(column):
        return header.model().headerData(column, Qt.Orientation.Horizontal)

    assert title(Column.NUMBER) == "Number" and title(Column.STARTED) == "Started"
    assert header.isSortIndicatorShown()
    assert header.sortIndicatorSection() == Column.STARTED
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    qtbot.waitUntil(page.table.isSortingEnabled)  # a moment after the first frame
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(Column.COMPANY) + 5, 5))
    assert header.sortIndicatorSection() == Column.COMPANY
    assert [page.model.index(r, Column.COMPANY).data() for r in range(3)] == [
        "东山化工厂", "泉台纺织有限公司", "西湖纺织印染厂"]
    languages.apply("zh_CN")
    qtbot.waitUntil(lambda: title(Column.NUMBER) == "编号")


def test_before_its_first_listing_the_page_shows_its_table_not_an_empty_register(
        qtbot, ctx, profile, languages, monkeypatch):
    asked = []
    monkeypatch.setattr("inspector_app.ui.pages.inspections.has_companies",
                        lambda c: asked.append(c) or False)
    page = InspectionsPage(ctx)  # nothing in the database, nothing read yet
    qtbot.addWidget(page)
    page.retranslate()
    assert page.body.currentWidget() is page.table and not asked
    page.show()  # read: the register is empty indeed
    assert page.body.currentWidget() is page.empty and asked
    assert page.empty.heading.text() == "Welcome: first add the companies you inspect"


def test_the_first_rows_come_before_the_choices_of_towns_and_inspectors(qtbot, ctx, profile,
                                                                        languages):
    _data(ctx)
    page = _page(qtbot, ctx)
    assert page.model.rowCount() == 3
    assert [page.town_filter.itemText(i) for i in range(page.town_filter.count())] == [
        "All towns"]
    assert page.inspector_filter.itemText(0) == "All inspectors"
    qtbot.waitUntil(lambda: page.town_filter.count() == 4, timeout=2000)
    assert page.town_filter.currentText() == "All towns" and page.model.rowCount() == 3
    assert page.inspector_filter.findText("李娜") > 0
