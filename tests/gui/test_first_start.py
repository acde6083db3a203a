"""The first start: the window says what to do next; cancelling the profile asks first."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QFileDialog

from inspector_app.ui.dialogs.company_dialog import CompanyDialog
from inspector_app.ui.dialogs.company_import_dialog import CompanyImportDialog
from inspector_app.ui.dialogs.first_run import FirstRunDialog
from inspector_app.ui.pages.companies import CompaniesPage
from inspector_app.ui.pages.sync import SyncPage
from tests.factories import add_company


def test_first_start_says_what_to_do_and_the_buttons_do_it(qtbot, window, monkeypatch):
    page = window.inspections_page
    assert window.current_page() is page
    assert page.empty.isVisible() and not page.table.isVisible()
    assert "company" in page.empty.text.text() and "bundle" in page.empty.text.text()
    add, import_, bundle = page.empty.buttons
    assert all(b.isVisible() for b in (add, import_, bundle))

    add.click()
    companies = window.current_page()
    assert isinstance(companies, CompaniesPage)
    assert isinstance(companies.dialog, CompanyDialog)
    companies.dialog.reject()

    window.show_page(window.pages.index(page))
    import_.click()
    assert isinstance(window.current_page().dialog, CompanyImportDialog)
    window.current_page().dialog.reject()

    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (asked.append(args[1]), ("", ""))[1])
    window.show_page(window.pages.index(page))
    bundle.click()
    assert isinstance(window.current_page(), SyncPage)
    assert asked == ["Import a bundle"]


def test_with_companies_the_empty_list_offers_a_new_inspection(qtbot, window):
    add_company(window.ctx.db)
    page = window.inspections_page
    page.refresh()
    assert page.empty.isVisible()
    assert page.empty.heading.text() == "No inspections yet"
    page.empty.buttons[0].click()
    assert page.dialog is not None and page.dialog.isVisible()
    page.dialog.reject()
    # A filter that finds nothing is not the first start: the table stays.
    page.search.setText("no such company")
    page.reload()
    assert page.table.isVisible() and not page.empty.isVisible()


def _answer_confirmation(qtbot, dialog, quit_: bool) -> None:
    def click() -> None:
        box = dialog.confirm_box
        button = next(b for b in box.buttons()
                      if ("Quit" in b.text()) == quit_)
        button.click()
    QTimer.singleShot(50, click)


def test_cancelling_the_first_run_dialog_asks_before_quitting(qtbot, ctx, languages):
    dialog = FirstRunDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    _answer_confirmation(qtbot, dialog, quit_=False)
    dialog.reject()
    assert dialog.isVisible()  # back to filling in
    assert "asks again" in dialog.confirm_box.text()
    _answer_confirmation(qtbot, dialog, quit_=True)
    dialog.reject()
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
