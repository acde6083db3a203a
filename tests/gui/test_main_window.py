import os

from PySide6.QtCore import Qt

from inspector_app import __version__
from inspector_app.app import open_settings
from inspector_app.errors import DiskFullError
from inspector_app.ui import messages
from inspector_app.ui.i18n import SETTING_KEY
from inspector_app.ui.main_window import MainWindow

SECTIONS_EN = ["Companies", "Inspections", "Hazards", "Templates", "Sync", "Dispatch"]
SECTIONS_ZH = ["被检查单位", "检查记录", "隐患台账", "检查表模板", "数据同步", "调度"]


def nav_texts(win):
    """The first sections; pages added later (dispatch, plans & drills) come after them."""
    return [win.nav.item(i).text() for i in range(win.nav.count())][:len(SECTIONS_EN)]


def test_every_section_can_be_visited_by_click_and_shortcut(qtbot, window):
    assert nav_texts(window) == SECTIONS_EN
    for row, title in enumerate(SECTIONS_EN):
        window.nav.setCurrentRow(row)
        assert window.current_page().heading.text() == title
        assert window.current_page().isVisible()
    for index, title in enumerate(SECTIONS_EN):
        qtbot.keyClick(window, Qt.Key.Key_1 + index, Qt.KeyboardModifier.ControlModifier)
        assert window.current_page().heading.text() == title
        assert window.nav.currentRow() == index


def test_every_section_has_its_own_icon_at_every_size(window):
    pictures = []
    for row in range(window.nav.count()):
        icon = window.nav.item(row).icon()
        sizes = [size.width() for size in icon.availableSizes()]
        assert min(sizes) <= 24 and max(sizes) >= 32, (row, sizes)  # also on a 2x screen
        pictures.append(icon.pixmap(16, 16).toImage())
    assert all(not picture.isNull() for picture in pictures)
    assert all(pictures[i] != pictures[j] for i in range(len(pictures))
               for j in range(i + 1, len(pictures)))


def test_switching_language_changes_visible_texts(qtbot, window, settings):
    assert window.menu_file.title() == "&File"
    window.language_actions["zh_CN"].trigger()
    # Qt posts LanguageChange events; the window retranslates when they are delivered.
    qtbot.waitUntil(lambda: nav_texts(window) == SECTIONS_ZH)
    assert window.menu_file.title() == "文件(&F)"
    assert window.current_page().heading.text() in SECTIONS_ZH
    assert "编号前缀 QT01" in window.identity.text()
    assert settings.value(SETTING_KEY) == "zh_CN"
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: nav_texts(window) == SECTIONS_EN)
    assert window.menu_file.title() == "&File"


def test_geometry_and_section_are_remembered(qtbot, ctx, settings, languages, profile):
    first = MainWindow(ctx, settings, languages)
    qtbot.addWidget(first)
    first.show()
    default = first.size()
    # The offscreen screen is 800 px wide, so the height is what can differ from the default.
    first.resize(first.width(), first.minimumSizeHint().height() + 10)
    chosen = first.size()
    assert chosen.height() != default.height()
    first.show_page(3)
    first.close()
    second = MainWindow(ctx, settings, languages)
    qtbot.addWidget(second)
    second.show()
    assert second.size() == chosen
    assert second.current_page().page_id == "templates"
    second.close()


def test_closing_unchanged_leaves_the_settings_file_alone(qtbot, ctx, settings, languages,
                                                          profile, data_dir):
    # A window closed as it opened does not rewrite settings.ini; one moved to another page
    # does, and opens there next time.
    for _ in range(2):  # the first start has no geometry to restore: a default one
        first = MainWindow(ctx, open_settings(data_dir), languages)
        qtbot.addWidget(first)
        first.show()
        first.close()
    ini = data_dir.settings
    written = ini.read_bytes()
    ini.write_bytes(written)  # a stamp of our own, to see whether the file is written again
    stamp = ini.stat().st_mtime_ns - 10_000_000_000
    os.utime(ini, ns=(stamp, stamp))
    again = MainWindow(ctx, open_settings(data_dir), languages)
    qtbot.addWidget(again)
    again.show()
    again.close()
    assert ini.stat().st_mtime_ns == stamp
    assert ini.read_bytes() == written
    moved = MainWindow(ctx, open_settings(data_dir), languages)
    qtbot.addWidget(moved)
    moved.show()
    moved.show_page(3)
    moved.close()
    assert ini.stat().st_mtime_ns != stamp
    last = MainWindow(ctx, open_settings(data_dir), languages)
    qtbot.addWidget(last)
    last.show()
    assert last.current_page().page_id == "templates"
    last.close()


def test_about_box_shows_the_version(qtbot, window):
    window.act_about.trigger()
    box = window.about_box
    qtbot.waitUntil(box.isVisible)
    assert __version__ in box.text()
    assert str(window.ctx.data_dir.root) in box.text()
    box.close()


def test_service_error_from_a_worker_thread_reaches_the_window(qtbot, window):
    import threading

    worker = threading.Thread(
        target=lambda: messages.error(DiskFullError("The disk is full (E:). Free some space.")))
    with qtbot.waitSignal(window.bridge.posted):
        worker.start()
        worker.join()
    qtbot.waitUntil(lambda: window.bridge.last_dialog is not None)
    box = window.bridge.last_dialog
    assert box.windowTitle() == "Disk full"
    assert "The disk is full (E:)" in box.text()
    assert "The disk is full (E:)" in window.statusBar().currentMessage()
    box.close()


def test_identity_in_status_bar(window):
    assert window.identity.text() == "张伟 · prefix QT01"


def test_opening_an_inspection_from_the_list_shows_its_form(qtbot, window, ctx, profile):
    from inspector_app.services.inspections import InspectionService
    from inspector_app.storage.repositories import InspectorRepo
    from tests.factories import add_company, add_template

    second = InspectorRepo(ctx.db, ctx.device.id).add("李娜", "32050002", "泉台区应急管理局")
    inspection = InspectionService(ctx.db, ctx.device, profile.name).start(
        company_id=add_company(ctx.db), template_key=add_template(ctx.db), kind="official",
        inspector_ids=[profile.id, second.id])
    window.show_page(1)
    window.inspections_page.refresh()
    window.inspections_page.open_requested.emit(inspection)
    form = window.inspection_windows[inspection]
    qtbot.waitExposed(form)
    assert form.windowTitle() == "泉台纺织有限公司 — Test checklist"
    assert window.open_inspection(inspection) is form  # opened once, brought to the front
    form.close()
    qtbot.waitUntil(lambda: inspection not in window.inspection_windows)


def test_a_hazard_opened_from_the_ledger_shows_that_hazard(qtbot, window, ctx, profile):
    from inspector_app.services.inspections import InspectionService
    from inspector_app.storage.repositories import InspectorRepo
    from tests.factories import add_company, add_template

    second = InspectorRepo(ctx.db, ctx.device.id).add("李娜", "32050002", "泉台区应急管理局")
    service = InspectionService(ctx.db, ctx.device, profile.name)
    inspection = service.start(company_id=add_company(ctx.db),
                               template_key=add_template(ctx.db), kind="official",
                               inspector_ids=[profile.id, second.id])
    for item in ("a1", "a2"):
        service.set_answer(inspection, item, "non_compliant")
    wanted = service.get(inspection).findings[1]
    page = window.hazards_page
    window.show_page(window.pages.index(page))
    page.status_filter.setCurrentIndex(page.status_filter.count() - 1)  # drafts' too
    page.refresh()
    page.select_hazard(wanted.id)
    page.open_button.click()
    form = window.inspection_windows[inspection]
    qtbot.waitExposed(form)
    assert form.tabs.currentIndex() == 1 and form.hazards.current().id == wanted.id
    assert form.current_item_id() == wanted.item_id
    form.close()
    qtbot.waitUntil(lambda: inspection not in window.inspection_windows)


def test_reinspection_opens_from_the_menu_and_from_the_list(qtbot, window, ctx, profile):
    from inspector_app.services.inspections import InspectionService
    from inspector_app.services.reinspection import ReinspectionService
    from inspector_app.storage.repositories import InspectorRepo
    from inspector_app.ui.dialogs.reinspection_dialog import ReinspectionDialog
    from tests.factories import add_company, add_template

    second = InspectorRepo(ctx.db, ctx.device.id).add("李娜", "32050002", "泉台区应急管理局")
    team = [profile.id, second.id]
    svc = InspectionService(ctx.db, ctx.device, profile.name)
    original = svc.start(company_id=add_company(ctx.db), template_key=add_template(ctx.db),
                         kind="official", inspector_ids=team)
    for item, value in (("a1", "non_compliant"), ("a2", "compliant"), ("dust", False),
                        ("n1", 3), ("t1", "compliant")):
        svc.set_answer(original, item, value)
    svc.update_finding(svc.get(original).findings[0].id, requirement="清理通道")
    assert svc.complete(original) == []

    window.act_reinspection.trigger()
    assert isinstance(window.reinspection_dialog, ReinspectionDialog)
    window.reinspection_dialog.close()

    follow_up = ReinspectionService(ctx.db, ctx.device, profile.name).start(original, team)
    opened = window.open_inspection(follow_up)
    assert isinstance(opened, ReinspectionDialog)
    assert not window.inspection_windows  # no checklist form for a re-inspection
    opened.close()


def test_window_shows_before_the_list_loads_and_each_page_loads_once(
        qtbot, ctx, settings, languages, profile, monkeypatch):
    from inspector_app.ui.pages.base import Page

    loads: list[str] = []
    real_load = Page.load

    def counted(page):
        loads.append(page.page_id)
        real_load(page)

    monkeypatch.setattr(Page, "load", counted)
    win = MainWindow(ctx, settings, languages)
    qtbot.addWidget(win)
    assert loads == []  # building the window reads no list
    win.show()
    assert loads == []  # shown first …
    qtbot.waitUntil(lambda: loads == ["inspections"])  # … then the shown page fills
    win.show_page(2)
    win.show_page(1)
    win.show_page(2)
    assert loads == ["inspections", "hazards"]  # nothing changed: nothing read again
    ctx.db.execute("INSERT INTO settings (key, value) VALUES ('x', 'y')")
    win.show_page(1)
    assert loads == ["inspections", "hazards", "inspections"]
    win.close()
    win.bridge.uninstall()


def _saved_geometry(qtbot, ctx, settings, languages, width: int, height: int) -> None:
    """The geometry a run on another screen left behind: a window of ``width``×``height``."""
    other = MainWindow(ctx, settings, languages)
    qtbot.addWidget(other)
    other.setMinimumSize(1, 1)
    other.resize(width, height)
    settings.setValue("window/geometry", other.saveGeometry())


def test_a_tiny_remembered_geometry_gives_way_to_the_default(qtbot, ctx, settings, languages,
                                                             profile):
    # A run on a virtual 722×320 screen saved its size; on this screen the window opens at
    # the default size for the screen, inside it.
    fresh = MainWindow(ctx, settings, languages)
    qtbot.addWidget(fresh)
    fresh.show()
    default = fresh.size()
    fresh.hide()
    _saved_geometry(qtbot, ctx, settings, languages, 722, 320)
    window = MainWindow(ctx, settings, languages)
    qtbot.addWidget(window)
    window.show()
    assert window.size() == default
    area = window.screen().availableGeometry()
    assert area.contains(window.geometry())
    window.resize(300, 200)  # and it cannot be made that small by hand either
    assert window.width() >= 720 and window.height() >= 440


def test_a_remembered_geometry_larger_than_the_screen_gives_way_to_the_default(
        qtbot, ctx, settings, languages, profile):
    fresh = MainWindow(ctx, settings, languages)
    qtbot.addWidget(fresh)
    fresh.show()
    default = fresh.size()
    fresh.hide()
    area = fresh.screen().availableGeometry()
    _saved_geometry(qtbot, ctx, settings, languages, area.width() + 400, area.height() + 300)
    window = MainWindow(ctx, settings, languages)
    qtbot.addWidget(window)
    window.show()
    assert window.size() == default


def test_a_usable_remembered_geometry_is_restored(qtbot, ctx, settings, languages, profile):
    _saved_geometry(qtbot, ctx, settings, languages, 740, 500)
    window = MainWindow(ctx, settings, languages)
    qtbot.addWidget(window)
    window.show()
    assert (window.width(), window.height()) == (740, 500)


def test_quit_closes_the_record_windows_too(qtbot, window, ctx, profile):
    # A record window left open kept the program running after Quit, and a new start only
    # woke that hidden instance.
    from inspector_app.services.inspections import InspectionService
    from inspector_app.storage.repositories import InspectorRepo
    from tests.factories import add_company, add_template

    second = InspectorRepo(ctx.db, ctx.device.id).add("李娜", "32050002", "泉台区应急管理局")
    inspection = InspectionService(ctx.db, ctx.device, profile.name).start(
        company_id=add_company(ctx.db), template_key=add_template(ctx.db), kind="official",
        inspector_ids=[profile.id, second.id])
    window.show()
    form = window.open_inspection(inspection)
    qtbot.waitExposed(form)
    window.act_quit.trigger()
    qtbot.waitUntil(lambda: not form.isVisible() and not window.isVisible())
