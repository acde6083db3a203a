"""Filling a checklist in the window, by keyboard, as an inspector on site would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from inspector_app.domain.checklist import ItemType
from inspector_app.domain.inspection import Status
from inspector_app.services.forms import ensure_shipped_templates
from inspector_app.services.inspections import InspectionService
from inspector_app.storage.repositories import InspectorRepo
from inspector_app.storage.templates_repo import TemplateRepo
from inspector_app.ui.inspection_window import InspectionWindow
from inspector_app.ui.models.checklist_model import ChecklistModel
from tests.factories import add_company, add_template


@pytest.fixture
def team(ctx, profile):
    repo = InspectorRepo(ctx.db, ctx.device.id)
    return [profile.id, repo.add("李娜", "32050002", "泉台区应急管理局").id]


@pytest.fixture
def service(ctx, profile):
    return InspectionService(ctx.db, ctx.device, profile.name)


def open_window(qtbot, ctx, inspection_id):
    win = InspectionWindow(ctx, inspection_id)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.tree.setFocus()
    return win


def key(qtbot, win, k, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(win.focusWidget() or win, k, modifier)


def test_fill_a_whole_shipped_standard_by_keyboard_and_complete(
        qtbot, qtmodeltester, ctx, service, team, languages):
    ensure_shipped_templates(TemplateRepo(ctx.db, ctx.device.id))
    company = add_company(ctx.db, name="泉台化工有限公司", industry="chemical",
                          special_areas=["hazardous_chemicals"])
    inspection = service.start(company_id=company, template_key="hc-major-hazard-2017@2017.2"
                               if ctx.db["templates"].count_where(
                                   "key = 'hc-major-hazard-2017@2017.2'") else
                               ctx.db.execute("SELECT key FROM templates WHERE template_id = "
                                              "'hc-major-hazard-2017'").fetchone()[0],
                               kind="official", inspector_ids=team)
    win = open_window(qtbot, ctx, inspection)
    qtmodeltester.check(win.model)
    items = win.model.ordered_items()
    assert len([i for i in items if i.type is ItemType.CHECK]) == 20
    assert win.current_item_id() == items[0].id

    for n, item in enumerate(items):
        assert win.current_item_id() == item.id
        if n == 4:
            key(qtbot, win, Qt.Key.Key_2)  # non-compliant: the hazard form takes the focus
            assert win.panel.hazard is not None
            assert win.focusWidget() is win.panel.hazard.requirement
            qtbot.keyClicks(win.panel.hazard.requirement, "Install emergency shutdown")
            key(qtbot, win, Qt.Key.Key_Escape)
            key(qtbot, win, Qt.Key.Key_N)  # a note on the same item
            assert win.focusWidget() is win.panel.note
            qtbot.keyClicks(win.panel.note, "ESD bypassed")
            key(qtbot, win, Qt.Key.Key_Escape)
            key(qtbot, win, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
        elif n == 7:
            key(qtbot, win, Qt.Key.Key_3)
        else:
            key(qtbot, win, Qt.Key.Key_1)

    record = service.get(inspection)
    assert len(record.answers) == 20
    assert record.answers[items[4].id] == "non_compliant"
    assert record.answers[items[7].id] == "not_applicable"
    assert record.notes[items[4].id] == "ESD bypassed"
    (hazard,) = record.findings
    assert hazard.requirement == "Install emergency shutdown"
    assert hazard.grade.value == "major"
    # Worded for the English interface, cited as law (never the checklist's title or version).
    assert hazard.description.startswith("Requirement not met: “Tank farms that are level 1")
    assert hazard.legal_basis.endswith("(SAWS Doc. Anjian Zongguan San [2017] No. 121), item (5)")
    # The legal basis panel shows the citation and the law's own wording of the situation.
    win.panel.set_show_basis(True)
    assert win.select_item(items[4].id)
    assert "item (5)" in win.panel.basis.text()
    assert "构成一级、二级重大危险源的危险化学品罐区未实现紧急切断功能" in win.panel.basis.text()
    win.panel.set_show_basis(False)
    history = service.history(inspection)
    note_entries = [e for e in history if e.field == "note"]
    assert [(e.old_value, e.new_value) for e in note_entries] == [(None, "ESD bypassed")]

    key(qtbot, win, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert service.get(inspection).status is Status.COMPLETED
    assert not win.panel.editor.isEnabled()
    assert "Completed" in win.banner.text()


def test_show_if_applies_live_and_missing_items_jump(qtbot, ctx, service, team, languages):
    key_ = add_template(ctx.db)
    inspection = service.start(company_id=add_company(ctx.db), template_key=key_,
                               kind="official", inspector_ids=team)
    win = open_window(qtbot, ctx, inspection)
    ids = [i.id for i in win.model.ordered_items()]
    assert "d1" not in ids
    win.select_item("dust")
    key(qtbot, win, Qt.Key.Key_1)  # yes: the dust items appear
    assert "d1" in [i.id for i in win.model.ordered_items()]
    assert win.current_item_id() == "d1"

    win.act_complete.trigger()
    dialog = win.missing_dialog
    qtbot.waitExposed(dialog)
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert any("Dust extraction works" in t for t in texts)  # in the interface language
    target = next(i for i in range(dialog.list.count()) if "Extinguishers" in texts[i])
    dialog.list.itemActivated.emit(dialog.list.item(target))
    assert win.current_item_id() == "n1"
    assert service.get(inspection).status is Status.DRAFT


def test_number_outside_range_is_not_saved(qtbot, ctx, service, team, languages):
    inspection = service.start(company_id=add_company(ctx.db), template_key=add_template(ctx.db),
                               kind="official", inspector_ids=team)
    win = open_window(qtbot, ctx, inspection)
    win.select_item("n1")
    win.panel.editor.focus_input()
    qtbot.keyClicks(win.panel.editor.edit, "12")
    assert "not saved" in win.panel.editor.status.text()
    assert "n1" not in service.get(inspection).answers
    win.panel.editor.edit.clear()
    qtbot.keyClicks(win.panel.editor.edit, "7")
    assert "normal range" in win.panel.editor.status.text()
    assert service.get(inspection).answers["n1"] == 7


def test_reopening_returns_to_the_same_item(qtbot, ctx, service, team, languages):
    inspection = service.start(company_id=add_company(ctx.db), template_key=add_template(ctx.db),
                               kind="official", inspector_ids=team)
    win = open_window(qtbot, ctx, inspection)
    win.select_item("n1")
    win.close()
    again = open_window(qtbot, ctx, inspection)
    assert again.current_item_id() == "n1"


def test_signed_inspection_opens_read_only_and_amends(qtbot, ctx, service, team, languages,
                                                       monkeypatch):
    inspection = service.start(company_id=add_company(ctx.db), template_key=add_template(ctx.db),
                               kind="official", inspector_ids=team)
    for item, value in (("a1", "compliant"), ("a2", "compliant"), ("dust", False), ("n1", 3),
                        ("t1", "compliant")):
        service.set_answer(inspection, item, value)
    assert service.complete(inspection) == []
    service.lock(inspection)
    win = open_window(qtbot, ctx, inspection)
    assert "Signed and locked" in win.banner.text()
    win.select_item("a1")
    assert not win.panel.editor.isEnabled()
    key(qtbot, win, Qt.Key.Key_2)
    assert service.get(inspection).answers["a1"] == "compliant"
    assert win.act_amend.isVisible() and not win.act_complete.isEnabled()

    from PySide6.QtWidgets import QInputDialog
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("补充遗漏项", True))
    with qtbot.waitSignal(win.revision_opened) as opened:
        win.act_amend.trigger()
    revision = service.get(opened.args[0])
    assert revision.revision == 2 and revision.supersedes_id == inspection


def test_checklist_model_with_500_items(qtbot, qtmodeltester, ctx, service, team, languages):
    big = {
        "format": "inspector-template/1", "id": "big", "version": "1",
        "title": {"zh": "大检查表", "en": "Big"},
        "sections": [{"id": f"s{s}", "title": {"zh": f"第{s}部分"}, "items": [
            {"id": f"i{s}-{n}", "type": "check", "grade": "general",
             "text": {"zh": f"检查项 {s}-{n}"}} for n in range(50)]} for s in range(10)],
    }
    inspection = service.start(company_id=add_company(ctx.db), template_key=add_template(
        ctx.db, big), kind="official", inspector_ids=team)
    win = open_window(qtbot, ctx, inspection)
    assert len(win.model.ordered_items()) == 500
    qtmodeltester.check(win.model)
    win.select_item("i9-49")
    assert win.current_item_id() == "i9-49"
    standalone = ChecklistModel()
    qtmodeltester.check(standalone)


def test_free_form_hazard_added_completed_from_the_missing_list_and_deleted(
        qtbot, ctx, service, team, languages, monkeypatch):
    inspection = service.start(company_id=add_company(ctx.db), template_key=add_template(ctx.db),
                               kind="official", inspector_ids=team)
    for item, value in (("a1", "compliant"), ("a2", "compliant"), ("dust", False), ("n1", 3),
                        ("t1", "compliant")):
        service.set_answer(inspection, item, value)
    win = open_window(qtbot, ctx, inspection)
    win.act_hazard.trigger()
    dialog = win.hazard_dialog
    dialog.accept()
    assert "Describe the hazard" in dialog.error.text()  # nothing saved without a description
    dialog.description.setPlainText("配电箱门缺失")
    dialog.accept()
    assert win.tabs.currentIndex() == 1
    assert win.hazards.table.rowCount() == 1
    assert win.tabs.tabText(1) == "Hazards (1)"

    win.act_complete.trigger()  # the new hazard has no rectification requirement yet
    missing = win.missing_dialog
    assert missing.list.count() == 1
    assert missing.list.item(0).text() == (
        "[Hazard] Hazard 1: the rectification requirement is missing")
    missing.list.itemActivated.emit(missing.list.item(0))
    edit = win.hazard_dialog
    edit.requirement.setPlainText("加装箱门并上锁")
    edit.accept()
    assert service.get(inspection).findings[0].requirement == "加装箱门并上锁"

    from PySide6.QtWidgets import QInputDialog
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("重复记录", True))
    win.hazards.table.setCurrentCell(0, 0)
    win.hazards.delete_button.click()
    assert service.get(inspection).findings == []
    assert win.hazards.table.rowCount() == 0
    win.act_complete.trigger()
    assert service.get(inspection).status is Status.COMPLETED


def test_sign_and_lock_needs_every_signature_then_signs_digitally(
        qtbot, ctx, service, team, languages, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from inspector_app.services.pki import PkiService
    from inspector_app.services.signatures import SignatureService
    from inspector_app.services.signing import SigningService
    from inspector_app.ui.dialogs import passphrase_dialog
    from tests.unit.test_signatures import PAD, png_bytes, wave

    inspection = service.start(company_id=add_company(ctx.db), template_key=add_template(ctx.db),
                               kind="official", inspector_ids=team)
    for item, value in (("a1", "compliant"), ("a2", "compliant"), ("dust", False), ("n1", 3),
                        ("t1", "compliant")):
        service.set_answer(inspection, item, value)
    assert service.complete(inspection) == []
    win = open_window(qtbot, ctx, inspection)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    win.act_lock.trigger()
    assert "Signatures are still missing" in told[0]
    assert service.get(inspection).status is Status.COMPLETED
    win.signatures_dialog.close()

    signatures = SignatureService(ctx.db, ctx.device, "张伟")
    for inspector in service.get(inspection).inspectors:
        signatures.add(inspection, "inspector", inspector.name, wave(), png_bytes(),
                       inspector_id=inspector.id, pad_size=PAD)
    signatures.add(inspection, "company", "王经理", wave(), png_bytes(), pad_size=PAD)
    pki = PkiService(ctx.db, ctx.device)  # the office and the laptop share a data dir here
    pki.init_org("泉台区应急管理局", "office-secret-1")
    enrolment, _ = pki.issue("张伟", "32050012", "office-secret-1", "one-time-pass-2")
    pki.import_identity(enrolment, "one-time-pass-2", "my-own-passphrase")
    key = PkiService(ctx.db, ctx.device).identity()[0].fingerprint
    passphrase_dialog._session[key] = "my-own-passphrase"  # kept for the session earlier
    win.act_lock.trigger()
    assert service.get(inspection).status is Status.SIGNED
    assert SigningService(ctx.db, ctx.device).check_record(inspection)[0]
    assert "Signed and locked" in win.banner.text()
    passphrase_dialog.forget_session()
