"""Filling a checklist in the window, by keyboard, as an inspector on site would."""

from __future__ import annotations

import re
import subprocess
import time
from datetime import datetime, timedelta

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
from tests.pdf_scenarios import sign_missing


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


def completed_and_signed(ctx, service, team, photos=()):
    """A completed official inspection that every inspector and the company have signed (its
    id), and the signature service that took the signatures; ``photos`` (files) are added to
    it while it is a draft."""
    from inspector_app.services.photos import PhotoService
    from inspector_app.services.signatures import SignatureService
    from tests.unit.test_signatures import PAD, png_bytes, wave

    inspection = service.start(company_id=add_company(ctx.db), template_key=add_template(ctx.db),
                               kind="official", inspector_ids=team)
    if photos:
        PhotoService(ctx.db, ctx.data_dir, ctx.device, "张伟").add_files(inspection, list(photos))
    for item, value in (("a1", "compliant"), ("a2", "compliant"), ("dust", False), ("n1", 3),
                        ("t1", "compliant")):
        service.set_answer(inspection, item, value)
    assert service.complete(inspection) == []
    signatures = SignatureService(ctx.db, ctx.device, "张伟")
    for inspector in service.get(inspection).inspectors:
        signatures.add(inspection, "inspector", inspector.name, wave(), png_bytes(),
                       inspector_id=inspector.id, pad_size=PAD)
    signatures.add(inspection, "company", "王经理", wave(), png_bytes(), pad_size=PAD)
    return inspection, signatures


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
    sign_missing(service, inspection)
    service.lock(inspection)
    win = open_window(qtbot, ctx, inspection)
    assert "Signed and locked" in win.banner.text()
    win.select_item("a1")
    assert not win.panel.editor.isEnabled()
    assert win.panel.note_label.text() == "&Note:"  # no "press N to type" where nothing types
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
    win.passphrases.keep(key, "my-own-passphrase")  # kept for the session earlier
    win.act_lock.trigger()
    qtbot.waitUntil(lambda: not win.signing(), timeout=30_000)  # signed in the background
    assert service.get(inspection).status is Status.SIGNED
    assert SigningService(ctx.db, ctx.device).check_record(inspection)[0]
    assert "Signed and locked" in win.banner.text()


def test_a_filled_in_hazard_survives_a_changed_answer_and_ctrl_z(qtbot, ctx, service, team,
                                                                  languages):
    inspection = service.start(company_id=add_company(ctx.db), template_key=add_template(ctx.db),
                               kind="official", inspector_ids=team)
    win = open_window(qtbot, ctx, inspection)
    win.select_item("a2")
    win.tree.setFocus()
    key(qtbot, win, Qt.Key.Key_2)  # non-compliant: the hazard form takes the focus
    hazard = win.panel.hazard
    # Typed as an input method commits Chinese: saved as typed, like every keystroke.
    hazard.requirement.insertPlainText("立即停止无证人员作业")
    hazard.responsible.insert("车间主任")
    hazard.onsite.insert("责令无证人员离岗")
    key(qtbot, win, Qt.Key.Key_Escape)
    win.select_item("a2")
    key(qtbot, win, Qt.Key.Key_1)  # one keystroke: compliant
    record = service.get(inspection)
    assert record.answers["a2"] == "compliant" and record.findings == []
    assert [f.requirement for f in record.withdrawn] == ["立即停止无证人员作业"]
    message = win.statusBar().currentMessage()
    assert "Hazard 1" in message and "withdrawn" in message and "Ctrl+Z" in message
    # Ctrl+Z: the answer and the hazard as they were.
    win.tree.setFocus()
    key(qtbot, win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    record = service.get(inspection)
    assert record.answers["a2"] == "non_compliant" and record.withdrawn == []
    finding = record.finding_for_item("a2")
    assert (finding.requirement, finding.responsible, finding.onsite_measure) == (
        "立即停止无证人员作业", "车间主任", "责令无证人员离岗")
    assert win.current_item_id() == "a2"
    assert win.panel.hazard is not None
    assert win.panel.hazard.requirement.toPlainText() == "立即停止无证人员作业"
    assert "restored" in win.statusBar().currentMessage()
    # Answered away and back by hand: the same hazard again, never an empty one.
    win.select_item("a2")
    win.tree.setFocus()
    key(qtbot, win, Qt.Key.Key_3)
    win.select_item("a2")
    win.tree.setFocus()
    key(qtbot, win, Qt.Key.Key_2)
    finding = service.get(inspection).finding_for_item("a2")
    assert finding.requirement == "立即停止无证人员作业" and finding.seq == 1


def test_a_change_that_voids_signatures_is_asked_first_and_names_whose(
        qtbot, ctx, service, team, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    inspection, signatures = completed_and_signed(ctx, service, team)
    service.reopen(inspection, "补充检查")
    win = open_window(qtbot, ctx, inspection)
    asked, reply = [], [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append((a[1], a[2])) or reply[0])
    win.select_item("a1")  # choosing the item to look at is no change: nothing asked
    win.select_item("n1")
    assert asked == []

    # Declined: nothing changes, the editor shows the stored answer again.
    win.answer("n1", 4)
    assert len(asked) == 1
    title, text = asked[0]
    assert title == "Signatures will be cleared"
    assert "张伟" in text and "李娜" in text and "王经理" in text and "must be given again" in text
    assert service.get(inspection).answers["n1"] == 3
    qtbot.waitUntil(lambda: win.panel.editor.edit.text() == "3", timeout=2_000)
    assert signatures.missing_signers(inspection) == []
    win.panel.note.setPlainText("东侧灭火器过期")  # a note is printed too
    assert len(asked) == 2 and not service.get(inspection).notes.get("n1")
    qtbot.waitUntil(lambda: win.panel.note.toPlainText() == "", timeout=2_000)
    win.panel.finish()  # a declined edit is no change: nothing in the history either
    assert not [e for e in service.history(inspection) if e.field == "note"]

    # Agreed: the change is made, the signatures no longer cover the record, asked only once.
    reply[0] = QMessageBox.StandardButton.Yes
    win.answer("n1", 4)
    assert service.get(inspection).answers["n1"] == 4
    assert {r.what for r in signatures.missing_signers(inspection)} == {"inspector", "company"}
    assert all(r.again for r in signatures.missing_signers(inspection))
    win.answer("n1", 5)
    assert len(asked) == 3 and service.get(inspection).answers["n1"] == 5


def test_signatures_given_before_a_change_must_be_given_again(
        qtbot, ctx, service, team, languages, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from inspector_app.services.documents import DocumentService, load_record_data
    from tests.unit.test_signatures import PAD, png_bytes, wave

    inspection, signatures = completed_and_signed(ctx, service, team)
    assert signatures.missing_signers(inspection) == []
    # Reopened, one answer changed, completed again.
    service.reopen(inspection, "补充检查")
    win = open_window(qtbot, ctx, inspection)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    win.select_item("n1")
    service.set_answer(inspection, "t1", "not_applicable")
    win.reload()
    win.act_complete.trigger()
    assert service.get(inspection).status is Status.COMPLETED
    assert told and "must be given again" in told[-1]
    assert "张伟" in told[-1] and "李娜" in told[-1] and "company" in told[-1]
    # The signature dialog says whose signatures are stale, and does not say all are done.
    win.open_signatures()
    dialog = win.signatures_dialog
    texts = [dialog.signers.item(r).text() for r in range(dialog.signers.count())]
    assert sum("sign again" in t for t in texts) == 3
    assert "Every required signature" not in dialog.status.text()
    assert "again" in dialog.status.text()
    assert dialog.current_entry() == ("inspector", team[0])  # first to sign again
    assert dialog.pad.isEnabled() and not dialog.remove_button.isVisible()
    dialog.close()
    # The PDF prints none of them beside content they were not given on.
    assert load_record_data(ctx.db, inspection).signatures == []
    pdf = tmp_path / "record.pdf"
    DocumentService(ctx.db, ctx.data_dir, ctx.device).export(inspection, "record", "zh_CN", pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "王经理" not in text
    # Locking is refused until they are given again.
    told.clear()
    win.act_lock.trigger()
    assert "again" in told[0] and service.get(inspection).status is Status.COMPLETED
    win.signatures_dialog.close()
    signatures.add(inspection, "inspector", "张伟", wave(), png_bytes(), inspector_id=team[0],
                   pad_size=PAD)
    left = signatures.missing_signers(inspection)
    assert [(r.what, r.again) for r in left] == [("inspector", True), ("company", True)]
    assert len(signatures.list(inspection)) == 3  # the stale one of 张伟 was replaced
    assert len(load_record_data(ctx.db, inspection).signatures) == 1
    signatures.add(inspection, "company", "王经理", wave(), png_bytes(), pad_size=PAD)
    DocumentService(ctx.db, ctx.data_dir, ctx.device).export(inspection, "record", "zh_CN", pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "王经理" in text  # given on this content: printed


def test_history_reads_as_an_inspector_speaks(qtbot, ctx, service, team, languages, tmp_path,
                                              monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    from inspector_app.services.photos import PhotoService
    from tests.images import jpeg

    inspection = service.start(company_id=add_company(ctx.db), template_key=add_template(ctx.db),
                               kind="official", inspector_ids=team)
    service.set_answer(inspection, "a2", "compliant")
    finding = service.set_answer(inspection, "a2", "non_compliant")
    service.update_finding(finding.id, requirement="立即停止无证人员作业")
    service.set_answer(inspection, "a2", "not_applicable")
    photo = jpeg(tmp_path / "site-photo.jpg")
    PhotoService(ctx.db, ctx.data_dir, ctx.device, "张伟").add_files(inspection, [photo])
    win = open_window(qtbot, ctx, inspection)

    languages.apply("zh_CN")
    dialog = win.show_history()
    text = dialog.visible_text()
    for words in ("第三条第（二）项：未作答 → 符合", "第三条第（二）项：符合 → 不符合",
                  "隐患 1 整改要求已修改", "隐患 1 已撤回", "照片 site-photo.jpg 已添加",
                  "张伟", "立即停止无证人员作业"):
        assert words in text, words
    # No raw rows: no table names, no item ids, no JSON, no UTC stamps.
    for raw in ("answer", "finding", "a2", "{"):
        assert raw not in text, raw
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d", text)
    # Local time (here China Standard Time), not UTC.
    first_at = service.history(inspection)[0].at
    utc = datetime.fromisoformat(first_at.replace("Z", "+00:00"))
    assert text.splitlines()[0].startswith(
        (utc + timedelta(hours=8)).strftime("%Y-%m-%d %H:%M"))
    headers = [dialog.table.horizontalHeaderItem(c).text()
               for c in range(dialog.table.columnCount())
               if not dialog.table.isColumnHidden(c)]
    assert all(headers)
    # The stored entries are there on demand.
    dialog.details.setChecked(True)
    assert "answer" in dialog.visible_text() and "a2" in dialog.visible_text()
    dialog.close()

    languages.apply("en")
    text = win.show_history().visible_text()
    assert "Art. 3 (2): compliant → non-compliant" in text
    assert "Hazard 1: rectification requirement changed" in text
    assert "Photo site-photo.jpg added" in text and "Hazard 1 withdrawn" in text
    win.history_dialog.close()
    monkeypatch.undo()
    time.tzset()


def test_a_record_locked_in_the_window_is_laid_out_ahead_for_its_first_export(
        qtbot, ctx, service, team, languages, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from inspector_app.services import pdf

    maker = ctx.make_print_copies_ahead()  # as the program does for its window
    inspection, _signatures = completed_and_signed(ctx, service, team)
    laid_out: list[str] = []
    real = pdf.render
    monkeypatch.setattr(pdf, "render", lambda sheet: laid_out.append(sheet.lang) or real(sheet))
    win = open_window(qtbot, ctx, inspection)
    # No signing identity on this computer: locked without a digital signature.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    win.act_lock.trigger()
    assert service.get(inspection).status is Status.SIGNED
    qtbot.waitUntil(lambda: laid_out == ["en"] and maker.pending() == 0, timeout=30_000)
    ctx.documents.export(inspection, "record", "en", tmp_path / "record.pdf")
    assert laid_out == ["en"]  # the export was a copy of what was laid out ahead


def test_a_hazard_opened_from_the_ledger_is_shown_with_its_item(
        qtbot, ctx, service, team, languages):
    inspection = service.start(company_id=add_company(ctx.db), template_key=add_template(ctx.db),
                               kind="official", inspector_ids=team)
    for item in ("a1", "a2"):
        service.set_answer(inspection, item, "non_compliant")
    findings = service.get(inspection).findings
    assert [f.item_id for f in findings] == ["a1", "a2"]
    win = open_window(qtbot, ctx, inspection)
    assert win.show_finding(findings[1].id)
    assert win.tabs.currentIndex() == 1  # the Hazards tab
    assert win.hazards.current().id == findings[1].id
    assert win.current_item_id() == "a2"  # the item it came from, in the checklist
    assert not win.show_finding("not-a-hazard-of-this-record")


def _identity_kept(ctx, win):
    """This computer's signing identity (张伟's, issued by the office), its passphrase kept
    for the session."""
    from inspector_app.services.pki import PkiService

    pki = PkiService(ctx.db, ctx.device)  # the office and the laptop share a data dir here
    pki.init_org("泉台区应急管理局", "office-secret-1")
    enrolment, _ = pki.issue("张伟", "32050012", "office-secret-1", "one-time-pass-2")
    pki.import_identity(enrolment, "one-time-pass-2", "my-own-passphrase")
    win.passphrases.keep(PkiService(ctx.db, ctx.device).identity()[0].fingerprint,
                         "my-own-passphrase")


@pytest.fixture
def slow_disk(monkeypatch):
    """Photos read from a slow disk: every original's hashing waits until ``release`` is set,
    checking between its chunks whether it was stopped, as the real hashing does. The
    originals begun are counted in ``started``."""
    import threading

    from inspector_app.services import photos

    release = threading.Event()
    started: list[str] = []
    real = photos.sha256_file

    def slow(path, check=None):
        started.append(path.name)
        while not release.wait(0.01):
            if check is not None:
                check()
        return real(path, check)

    monkeypatch.setattr(photos, "sha256_file", slow)
    return release, started


def test_sign_and_lock_checks_photos_off_the_window_and_cancel_changes_nothing(
        qtbot, ctx, service, team, languages, monkeypatch, tmp_path, slow_disk):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

    from inspector_app.services.signing import SigningService
    from tests.images import jpeg

    release, started = slow_disk
    files = [jpeg(tmp_path / f"site-{n}.jpg", seed=n) for n in range(6)]
    inspection, _signatures = completed_and_signed(ctx, service, team, files)
    win = open_window(qtbot, ctx, inspection)
    _identity_kept(ctx, win)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    history = len(service.history(inspection))
    heading = ctx.documents.heading(inspection)
    ticks: list[int] = []
    timer = QTimer(win)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)

    win.act_lock.trigger()
    # The window's event loop runs while the photos are being checked: timers fire, the
    # progress dialog shows, and nothing is locked yet.
    assert win.signing() and not win.act_lock.isEnabled()
    qtbot.waitUntil(lambda: bool(started), timeout=10_000)
    progress = win.findChild(QProgressDialog)
    qtbot.waitUntil(progress.isVisible, timeout=10_000)
    assert len(ticks) >= 10
    assert service.get(inspection).status is Status.COMPLETED
    assert "Checking" in progress.labelText()

    cancel = progress.findChild(QPushButton)
    assert cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not win.signing(), timeout=10_000)
    # Exactly as before: not locked, not signed, no audit entry, no number.
    assert service.get(inspection).status is Status.COMPLETED
    assert SigningService(ctx.db, ctx.device).check_record(inspection)[0] is False
    assert len(service.history(inspection)) == history
    assert ctx.documents.heading(inspection) == heading
    assert win.act_lock.isVisible() and win.act_lock.isEnabled()
    assert "cancelled" in win.statusBar().currentMessage()
    assert win.findChild(QProgressDialog) is None or not win.findChild(
        QProgressDialog).isVisible()
    assert len(started) < len(files)  # stopped part-way, not after hashing them all

    # Again, the disk answering: signed and locked, every photo checked.
    started.clear()
    release.set()
    win.act_lock.trigger()
    qtbot.waitUntil(lambda: not win.signing(), timeout=30_000)
    assert service.get(inspection).status is Status.SIGNED
    assert SigningService(ctx.db, ctx.device).check_record(inspection)[0]
    assert len(set(started)) == len(files)  # each photo's original read and hashed
    assert "Signed and locked" in win.banner.text()
    timer.stop()


def test_a_photo_changed_on_disk_refuses_signing_from_the_background(
        qtbot, ctx, service, team, languages, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from inspector_app.services.photos import PhotoService
    from inspector_app.storage.photo_store import PhotoStore
    from tests.images import jpeg

    inspection, _signatures = completed_and_signed(
        ctx, service, team, [jpeg(tmp_path / "site-1.jpg", seed=1),
                             jpeg(tmp_path / "site-2.jpg", seed=2)])
    photo = next(p for p in PhotoService(ctx.db, ctx.data_dir, ctx.device, "张伟")
                 .list(inspection) if p.original_name == "site-2.jpg")
    original = PhotoStore(ctx.data_dir.photos).find_original(photo.sha256)
    original.write_bytes(original.read_bytes()[:-10])  # cut short on disk
    win = open_window(qtbot, ctx, inspection)
    _identity_kept(ctx, win)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    shown: list[str] = []
    monkeypatch.setattr("inspector_app.ui.messages.error",
                        lambda exc, *a, **k: shown.append(exc.localized()))
    win.act_lock.trigger()
    qtbot.waitUntil(lambda: not win.signing(), timeout=30_000)
    assert service.get(inspection).status is Status.COMPLETED
    assert shown and "site-2.jpg" in shown[0] and "not signed" in shown[0]
    assert "site-2.jpg" in win.statusBar().currentMessage()


def test_the_signing_key_is_unlocked_off_the_window(qtbot, ctx, service, team, languages,
                                                      monkeypatch):
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox, QProgressDialog

    from inspector_app.services import pki as pki_module

    inspection, _signatures = completed_and_signed(ctx, service, team)
    win = open_window(qtbot, ctx, inspection)
    _identity_kept(ctx, win)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    ticks: list[bool] = []  # on each tick of the window's thread: a busy dialog shown?
    timer = QTimer(win)
    timer.timeout.connect(lambda: ticks.append(
        any(d.isVisible() for d in win.findChildren(QProgressDialog))))
    timer.start(20)
    seen: dict[str, object] = {}
    real = pki_module.decrypt_key

    def slow_derivation(key_pem, passphrase):
        # The real derivation's cost on a slow laptop, the window watched meanwhile.
        seen["thread"] = threading.current_thread()
        before = len(ticks)
        time.sleep(0.8)
        seen["ticks"] = ticks[before:]
        return real(key_pem, passphrase)

    monkeypatch.setattr(pki_module, "decrypt_key", slow_derivation)
    win.act_lock.trigger()
    qtbot.waitUntil(lambda: service.get(inspection).status is Status.SIGNED, timeout=30_000)
    assert seen["thread"] is not threading.main_thread()
    assert len(seen["ticks"]) >= 10  # the window's timers ran while the key was derived
    assert any(seen["ticks"])  # and a busy dialog kept the user from starting anything else
    timer.stop()


def test_closing_the_window_while_the_key_is_unlocked_signs_nothing(
        qtbot, ctx, service, team, languages, monkeypatch):
    # Quit (or the window's close box) while the passphrase is being derived: the record is
    # not signed behind the user's back by a window that is gone, and nothing fails.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from inspector_app.services import pki as pki_module

    inspection, _signatures = completed_and_signed(ctx, service, team)
    win = open_window(qtbot, ctx, inspection)
    _identity_kept(ctx, win)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    real = pki_module.decrypt_key
    derived = []

    def slow_derivation(key_pem, passphrase):
        time.sleep(0.5)
        derived.append(True)
        return real(key_pem, passphrase)

    monkeypatch.setattr(pki_module, "decrypt_key", slow_derivation)
    QTimer.singleShot(100, win.close)
    win.act_lock.trigger()
    qtbot.waitUntil(lambda: bool(derived), timeout=10_000)
    qtbot.wait(300)
    assert service.get(inspection).status is Status.COMPLETED


def test_without_a_signing_identity_the_menu_is_named_as_the_window_shows_it(
        qtbot, ctx, service, team, languages, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    languages.apply("zh_CN")
    inspection, _signatures = completed_and_signed(ctx, service, team)
    win = open_window(qtbot, ctx, inspection)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    win.act_lock.trigger()
    assert asked and "本机没有签名证书（工具 → 签名证书…）" in asked[0]
    assert "Signing" not in asked[0] and "&" not in asked[0]
