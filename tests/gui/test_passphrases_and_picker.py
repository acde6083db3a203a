"""The passphrase kept by the main window for every window it opens, and the inspector picker
that a new inspection and a re-inspection share."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from inspector_app.errors import InspectorError
from inspector_app.services.inspections import InspectionService
from inspector_app.ui.dialogs.passphrase_dialog import PassphraseDialog, PassphraseKeeper
from inspector_app.ui.dialogs.reinspection_dialog import ReinspectionDialog
from inspector_app.ui.widgets.inspector_picker import InspectorPicker
from tests.factories import add_company, add_template
from tests.pdf_scenarios import sign_missing


def unlock(passphrase: str) -> str:
    if passphrase != "right one":
        raise InspectorError("The passphrase is wrong.")
    return f"unlocked with {passphrase}"


def type_into_dialog(qtbot, answers: list[tuple[str, bool]], seen: list[str]) -> None:
    """Answer the next passphrase dialogs in turn: (text, keep it), noting each error shown."""

    def answer() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, PassphraseDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(10, answer)
            return
        seen.append(dialog.error.text())
        text, keep = answers.pop(0)
        dialog.edit.setText(text)
        dialog.keep.setChecked(keep)
        dialog.accept()
        if answers:
            QTimer.singleShot(10, answer)

    QTimer.singleShot(10, answer)


def test_a_passphrase_is_kept_only_when_asked_and_only_once_it_fits(qtbot, languages):
    keeper = PassphraseKeeper()
    seen: list[str] = []
    type_into_dialog(qtbot, [("wrong", True), ("right one", True)], seen)
    assert keeper.ask(None, "Passphrase:", "fp1", unlock) == "unlocked with right one"
    assert seen == ["", "The passphrase is wrong."]  # the wrong one was refused, in place
    assert keeper.kept("fp1") == "right one"
    # Asked again: the kept one is used, no dialog opens.
    assert keeper.ask(None, "Passphrase:", "fp1", unlock) == "unlocked with right one"
    assert seen == ["", "The passphrase is wrong."]

    type_into_dialog(qtbot, [("right one", False)], seen)
    assert keeper.ask(None, "Passphrase:", "fp2", unlock) == "unlocked with right one"
    assert keeper.kept("fp2") is None  # "Keep it" was not ticked
    keeper.forget()
    assert keeper.kept("fp1") is None


def test_a_kept_passphrase_that_no_longer_fits_is_asked_again(qtbot, languages):
    keeper = PassphraseKeeper()
    keeper.keep("fp1", "old one")
    seen: list[str] = []
    type_into_dialog(qtbot, [("right one", True)], seen)
    assert keeper.ask(None, "Passphrase:", "fp1", unlock) == "unlocked with right one"
    assert keeper.kept("fp1") == "right one"


def test_the_main_window_keeps_passphrases_for_its_windows_and_forgets_them_on_closing(
        qtbot, ctx, window, profile, monkeypatch):
    inspection = InspectionService(ctx.db, ctx.device, profile.name).start(
        company_id=add_company(ctx.db), template_key=add_template(ctx.db), kind="self",
        inspector_ids=[profile.id])
    form = window.open_inspection(inspection)
    assert form.passphrases is window.passphrases
    assert window.sync_page.passphrases is window.passphrases
    form.passphrases.keep("fp1", "kept in the form")
    assert window.sync_page.passphrases.kept("fp1") == "kept in the form"

    from inspector_app.ui.dialogs import identity_dialogs

    monkeypatch.setattr(identity_dialogs.IdentityDialog, "exec", lambda self: 0)
    window.act_identity.trigger()  # the signing identity may have been replaced there
    assert window.passphrases.kept("fp1") is None

    from inspector_app.ui.dialogs import first_run

    window.passphrases.keep("fp1", "kept again")
    monkeypatch.setattr(first_run.FirstRunDialog, "exec", lambda self: 0)
    window.edit_profile()  # cancelled: nothing changed
    assert window.passphrases.kept("fp1") == "kept again"
    monkeypatch.setattr(first_run.FirstRunDialog, "exec", lambda self: 1)
    window.edit_profile()  # saved: perhaps another inspector now
    assert window.passphrases.kept("fp1") is None

    window.passphrases.keep("fp1", "kept again")
    window.close()
    assert window.passphrases.kept("fp1") is None


@pytest.fixture
def open_hazard(ctx, profile):
    svc = InspectionService(ctx.db, ctx.device, profile.name)
    inspection = svc.start(company_id=add_company(ctx.db), template_key=add_template(ctx.db),
                           kind="self", inspector_ids=[profile.id])
    for item, value in (("a1", "non_compliant"), ("a2", "compliant"), ("dust", False),
                        ("n1", 3), ("t1", "not_applicable")):
        svc.set_answer(inspection, item, value)
    hazard = svc.get(inspection).findings[0]
    svc.update_finding(hazard.id, requirement="清理安全出口", deadline="2099-01-10")
    assert svc.complete(inspection) == []
    sign_missing(svc, inspection)
    svc.lock(inspection)
    return inspection


def test_enter_in_the_re_inspection_s_add_inspector_form_adds_and_does_not_start(
        qtbot, ctx, profile, languages, open_hazard):
    dialog = ReinspectionDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    picker = dialog.inspectors
    assert isinstance(picker, InspectorPicker)
    assert not picker.add_form.isVisible()
    picker.add_button.click()
    assert picker.add_form.isVisible()
    picker.new_name.insert("李娜")
    qtbot.keyClick(picker.new_name, Qt.Key.Key_Return)
    assert picker.focusWidget() is picker.new_enforcement_id
    qtbot.keyClicks(picker.new_enforcement_id, "32050013")
    qtbot.keyClick(picker.new_enforcement_id, Qt.Key.Key_Return)
    assert dialog.pages.currentIndex() == 0  # Enter added the colleague; nothing started
    assert len(dialog.checked_inspector_ids()) == 2
    assert [p.name for p in ctx.profile.inspectors() if p.name == "李娜"] == ["李娜"]
    assert not picker.add_form.isVisible()


def test_the_picker_says_what_is_missing_and_relabels_in_the_new_language(
        qtbot, ctx, profile, languages):
    colleague = ctx.profile.add_inspector("王五", None)
    picker = InspectorPicker(ctx)
    qtbot.addWidget(picker)
    picker.show()
    texts = [picker.list.item(row).text() for row in range(picker.list.count())]
    assert texts == ["张伟  (32050012)", "王五  (no enforcement ID)"]  # the profile's first
    assert picker.checked_ids() == [profile.id]
    picker.set_checked(colleague.id)
    assert picker.checked_ids() == [profile.id, colleague.id]

    with qtbot.waitSignal(picker.problem) as told:
        picker.add_inspector()  # no name typed
    assert told.args == ["Enter the new inspector's name."]
    assert len(ctx.profile.inspectors()) == 2

    languages.apply("zh_CN")
    qtbot.waitUntil(lambda: picker.list.item(1).text() == "王五  (无执法证号)")
    assert picker.add_button.text() != "Add inspector…"
