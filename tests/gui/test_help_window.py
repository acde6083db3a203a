"""The user guide in the program: F1 at the page of the screen, "?" in dialogs, links, search."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from inspector_app.services import guide
from inspector_app.services.inspections import InspectionService
from inspector_app.storage.repositories import InspectorRepo
from inspector_app.ui.help_window import SCREEN_TOPICS, HelpWindow
from tests.factories import add_company, add_template


@pytest.fixture(autouse=True)
def _no_help_window_left_open():
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, HelpWindow):
            widget.close()


def shown_topic(window) -> str:
    return Path(window.browser.source().toLocalFile()).stem


def help_window(qtbot):
    qtbot.waitUntil(lambda: any(isinstance(w, HelpWindow) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    return next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, HelpWindow) and w.isVisible())


def test_f1_opens_the_page_of_the_section_in_front(qtbot, window):
    window.show_page(window.pages.index(window.companies_page))
    window.activateWindow()
    qtbot.keyClick(window.companies_page.table if hasattr(window.companies_page, "table")
                   else window, Qt.Key.Key_F1)
    help = help_window(qtbot)
    assert shown_topic(help) == "companies"
    assert "Companies" in help.browser.toPlainText()
    window.show_page(window.pages.index(window.hazards_page))
    window.act_guide.trigger()
    assert shown_topic(help) == "ledger"
    assert help.contents.currentItem().text() == "The hazard ledger"
    help.close()


@pytest.mark.parametrize(("page_id", "topic", "heading"), [
    ("dispatch", "dispatch", "Dispatch: statistics and circulars"),
    ("emergency", "emergency", "Emergency plans, drills and stations"),
    ("templates", "checklists-excel", "Checklists written in Excel"),
])
def test_f1_on_the_office_pages_opens_their_page(qtbot, window, page_id, topic, heading):
    page = next(p for p in window.pages if p.page_id == page_id)
    window.show_page(window.pages.index(page))
    window.activateWindow()
    qtbot.keyClick(page.focusWidget() or page, Qt.Key.Key_F1)
    help = help_window(qtbot)
    assert shown_topic(help) == topic
    assert heading in help.browser.toPlainText()
    help.close()


def test_the_question_mark_of_the_yearly_plan_opens_its_page(qtbot, window):
    companies = window.companies_page
    window.show_page(window.pages.index(companies))
    companies.show_year_plan()
    dialog = companies.dialog
    qtbot.waitExposed(dialog)
    button = dialog.findChildren(QDialogButtonBox)[-1].button(
        QDialogButtonBox.StandardButton.Help)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert shown_topic(help_window(qtbot)) == "year-plan"
    dialog.reject()


def test_f1_in_the_inspection_window_opens_answering(qtbot, window, ctx, profile):
    key = add_template(ctx.db)
    company = add_company(ctx.db)
    colleague = InspectorRepo(ctx.db, ctx.device.id).add("李娜", "32050002", "泉台区应急管理局")
    inspection = InspectionService(ctx.db, ctx.device, profile.name).start(
        company_id=company, template_key=key, kind="official",
        inspector_ids=[profile.id, colleague.id])
    form = window.open_inspection(inspection)
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    qtbot.keyClick(form.focusWidget() or form, Qt.Key.Key_F1)
    assert shown_topic(help_window(qtbot)) == "answering"
    form.tabs.setCurrentIndex(1)
    qtbot.keyClick(form.focusWidget() or form, Qt.Key.Key_F1)
    assert shown_topic(help_window(qtbot)) == "hazards"


def test_the_question_mark_of_a_dialog_opens_its_page_above_it(qtbot, window):
    window.inspections_page.new_inspection()
    dialog = window.inspections_page.dialog
    qtbot.waitExposed(dialog)
    box = dialog.findChildren(QDialogButtonBox)[-1]
    button = box.button(QDialogButtonBox.StandardButton.Help)
    assert button is not None and button.text() == "?"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    help = help_window(qtbot)
    assert shown_topic(help) == "start-inspection"
    # Not blocked by the dialog: it is a window of the dialog's own.
    assert help.parentWidget() is dialog or not dialog.isModal()
    help.close()
    dialog.reject()


@pytest.mark.parametrize("lang", guide.GUIDE_LANGUAGES)
def test_every_link_of_every_page_opens_its_page_and_pictures_load(qtbot, lang):
    window = HelpWindow()
    qtbot.addWidget(window)
    window.lang = lang
    for page in guide.pages(lang):
        window.show_topic(page.stem)
        assert shown_topic(window) == page.stem
        assert guide.title(page) in window.browser.toPlainText()
        base = window.browser.source()
        for target in guide.links(page):
            url = base.resolved(QUrl(target))
            if target.startswith("img/"):
                image = window.browser.loadResource(QTextDocument.ResourceType.ImageResource, url)
                assert image is not None and not getattr(image, "isNull", lambda: False)(), target
                continue
            window.browser.setSource(url)
            assert guide.title(Path(url.toLocalFile())) in window.browser.toPlainText()
            window.browser.backward()
            assert shown_topic(window) == page.stem


def test_back_and_forward_and_search(qtbot):
    window = HelpWindow()
    qtbot.addWidget(window)
    window.lang = "en"
    window.show()
    window.show_topic("index")
    window.show_topic("photos")
    assert window.back_button.isEnabled()
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert shown_topic(window) == "index"
    qtbot.mouseClick(window.forward_button, Qt.MouseButton.LeftButton)
    assert shown_topic(window) == "photos"

    qtbot.keyClicks(window.search_edit, "revoke")
    assert window.results.isVisible()
    found = [window.results.item(i).data(Qt.ItemDataRole.UserRole)
             for i in range(window.results.count())]
    assert "office-setup" in found
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert shown_topic(window) == found[0]
    assert window.browser.textCursor().selectedText().lower() == "revoke"


def test_every_screen_names_an_existing_page():
    for topic in SCREEN_TOPICS.values():
        for lang in guide.GUIDE_LANGUAGES:
            assert guide.page_path(topic, lang).stem == topic


def test_f1_in_a_modal_dialog_opens_its_page_in_a_window_the_dialog_does_not_block(
        qtbot, window):
    from PySide6.QtCore import QTimer

    from inspector_app.ui.dialogs.number_blocks_dialog import NumberBlocksDialog

    seen = {}

    def press_f1() -> None:
        modal = QApplication.activeModalWidget()
        qtbot.keyClick(modal.focusWidget() or modal, Qt.Key.Key_F1)
        help = help_window(qtbot)
        seen.update(topic=shown_topic(help), parent=help.parentWidget(), modal=modal,
                    blocked=help.isEnabled() is False)
        help.close()
        modal.reject()

    QTimer.singleShot(0, press_f1)
    NumberBlocksDialog(window.ctx, window).exec()
    assert seen["topic"] == "office-setup"
    assert seen["parent"] is seen["modal"]
    assert not seen["blocked"]


def test_the_office_dialogs_each_have_a_question_mark_to_their_page(qtbot, window, ctx):
    """A station's check, a plan's status, units and campaigns, the plan's teams: each "?"
    opens the guide's page that explains it, as its siblings' do."""
    from inspector_app.services.emergency import EmergencyService
    from inspector_app.storage.units_repo import UnitRepo
    from inspector_app.ui.dialogs.plan_teams_dialog import PlanTeamsDialog
    from inspector_app.ui.dialogs.station_dialogs import CheckDialog
    from inspector_app.ui.dialogs.units_dialog import CampaignDialog, UnitsDialog
    from inspector_app.ui.pages.emergency import StatusDialog

    town = UnitRepo(ctx.db, ctx.device.id).add("洛阳镇", "town")
    svc = EmergencyService(ctx.db, ctx.device.id, ctx.data_dir)
    station = svc.add_station(name="洛阳镇应急管理站", kind="town", unit_id=town.id)
    plan = svc.add_plan(title="洛阳镇综合应急预案", plan_type="comprehensive", unit_id=town.id)
    for dialog, topic in ((CheckDialog(svc, station["id"], station["name"], parent=window),
                           "emergency"),
                          (StatusDialog(svc, svc.repo.plan(plan["id"]), window), "emergency"),
                          (UnitsDialog(ctx, window), "dispatch"),
                          (CampaignDialog(ctx.registry, parent=window), "dispatch"),
                          (PlanTeamsDialog(ctx, window), "year-plan")):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        button = dialog.findChildren(QDialogButtonBox)[-1].button(
            QDialogButtonBox.StandardButton.Help)
        assert button is not None, type(dialog).__name__
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        help = help_window(qtbot)
        assert shown_topic(help) == topic, type(dialog).__name__
        help.close()
        dialog.reject()
