"""Re-inspecting a company's hazards in the dialog, from choosing the company to closing them."""

from __future__ import annotations

from datetime import date

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from inspector_app.domain.finding import FindingStatus
from inspector_app.domain.photo import PhotoTag
from inspector_app.services.inspections import InspectionService
from inspector_app.services.photos import PhotoService
from inspector_app.services.reinspection import ReinspectionService
from inspector_app.storage.repositories import InspectorRepo
from inspector_app.ui import confirm
from inspector_app.ui.dialogs.reinspection_dialog import OVERDUE_BACKGROUND, ReinspectionDialog
from tests.factories import add_company, add_template
from tests.pdf_scenarios import add_signature, sign_missing

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def questions(monkeypatch):
    """Completing asks first (hazards are closed for good): the texts asked, and the answer
    the test gives (yes unless it says otherwise)."""
    asked: dict = {"texts": [], "answer": True}

    def ask(_parent, _title, text, _action):
        asked["texts"].append(text)
        return asked["answer"]

    monkeypatch.setattr(confirm, "ask", ask)
    return asked


@pytest.fixture
def li(ctx, profile):
    return InspectorRepo(ctx.db, ctx.device.id).add("李娜", "32050002", "泉台区应急管理局")


@pytest.fixture
def recorded(ctx, profile, li):
    """A signed official inspection of the mill with two hazards, one of them overdue."""
    svc = InspectionService(ctx.db, ctx.device, profile.name)
    mill = add_company(ctx.db, name="泉台纺织有限公司")
    add_company(ctx.db, name="东山五金商店", industry="commerce")  # no hazards: not listed
    inspection = svc.start(company_id=mill, template_key=add_template(ctx.db), kind="official",
                           inspector_ids=[profile.id, li.id],
                           started_at="2026-11-02T09:00+08:00")
    for item, value in (("a1", "non_compliant"), ("a2", "non_compliant"), ("dust", False),
                        ("n1", 3), ("t1", "not_applicable")):
        svc.set_answer(inspection, item, value)
    a1, a2 = svc.get(inspection).findings
    svc.update_finding(a1.id, requirement="清理安全出口", deadline="2020-01-10")
    svc.update_finding(a2.id, requirement="停止无证作业", deadline="2099-01-10")
    assert svc.complete(inspection) == []
    sign_missing(svc, inspection)
    svc.lock(inspection)
    return {"company": mill, "inspection": inspection, "a1": a1.id, "a2": a2.id,
            "service": svc}


@pytest.fixture
def jpeg(tmp_path):
    path = tmp_path / "after.jpg"
    Image.new("RGB", (64, 48), (40, 160, 90)).save(path, "JPEG")
    return path


def sign_everyone(ctx, reinspection_id, profile, li):
    """The two inspectors and the company's person sign (as in the Signatures dialog)."""
    add_signature(ctx.db, reinspection_id, "inspector", profile.name, inspector_id=profile.id,
                  seed=1)
    add_signature(ctx.db, reinspection_id, "inspector", li.name, inspector_id=li.id, seed=2)
    add_signature(ctx.db, reinspection_id, "company", "赵厂长", seed=3)


def open_dialog(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_reinspect_from_choosing_the_company_to_closing_hazards(
        qtbot, ctx, recorded, li, profile, languages, jpeg, monkeypatch, questions):
    dialog = open_dialog(qtbot, ReinspectionDialog(ctx))
    # Only the company with open hazards is offered, and being the only one it is chosen.
    assert dialog.company.count() == 1
    assert dialog.selected_company_id() == recorded["company"]
    assert "2 open" in dialog.company.currentText() and "1 overdue" in dialog.company.currentText()
    table = dialog.hazard_table
    assert table.rowCount() == 2
    assert table.item(0, 3).text() == "经检查，“安全出口畅通”的要求未落实"
    assert table.item(0, 4).background().color() == OVERDUE_BACKGROUND  # overdue
    assert table.item(1, 4).background().color() != OVERDUE_BACKGROUND
    assert table.item(0, 5).text() == "Open"
    assert " of 2 Nov 2026 — 2 open hazards" in dialog.follows.currentText()
    # The profile's inspector is ticked; an official record needs a second one.
    assert dialog.checked_inspector_ids() == [profile.id]
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert "at least two inspectors" in dialog.start_error.text()
    assert dialog.pages.currentIndex() == 0

    dialog.set_inspector_checked(li.id)
    with qtbot.waitSignal(dialog.reinspection_created) as created:
        qtbot.mouseClick(dialog.start_button, LEFT)
    reinspection_id = created.args[0]
    assert dialog.pages.currentIndex() == 1
    assert set(dialog.editors) == {recorded["a1"], recorded["a2"]}
    assert "（泉台）应急检记〔2026〕2号" in dialog.results_header.text()
    assert "of 2 Nov 2026" in dialog.results_header.text()  # the day as the user writes it

    first = dialog.editors[recorded["a1"]]
    qtbot.mouseClick(first.rectified, LEFT)
    assert not first.new_deadline.isEnabled()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(jpeg)], "")))
    qtbot.mouseClick(first.photos_button, LEFT)
    assert first.photos_label.text() == "1 after-photo"
    photos = PhotoService(ctx.db, ctx.data_dir, ctx.device).list(
        reinspection_id, finding_id=recorded["a1"], tag=PhotoTag.AFTER)
    assert len(photos) == 1

    # Completing with a hazard still open changes nothing.
    qtbot.mouseClick(dialog.complete_button, LEFT)
    assert "1 hazard has no result yet: 2" in dialog.results_error.text()
    second = dialog.editors[recorded["a2"]]
    assert second.message.isVisible()
    assert recorded["service"].get(recorded["inspection"]).findings[0].status is \
        FindingStatus.OPEN

    qtbot.mouseClick(second.not_rectified, LEFT)
    assert second.new_deadline.isEnabled()
    new_deadline = second.new_deadline.date().toPython()
    assert new_deadline > date.today()
    second.note.setFocus()
    second.note.insert("防护罩仍未安装")
    qtbot.keyClick(second.note, Qt.Key.Key_Return)  # editingFinished saves the note

    # Every result is in, but nobody has signed: completing names who must and changes nothing.
    qtbot.mouseClick(dialog.complete_button, LEFT)
    assert dialog.results_error.text() == (
        "Signatures are still missing: 张伟; 李娜; the company's person. Collect them with "
        "Signatures… before completing; nothing was changed.")
    assert dialog.complete_button.isVisible()
    assert recorded["service"].get(recorded["inspection"]).findings[0].status is \
        FindingStatus.OPEN
    sign_everyone(ctx, reinspection_id, profile, li)
    assert questions["texts"] == []  # nothing was ready: nothing was asked

    # Closing a hazard is final: the inspector is told what will close and reopen, and
    # Cancel leaves every hazard as it was.
    questions["answer"] = False
    qtbot.mouseClick(dialog.complete_button, LEFT)
    assert "1 hazard(s) found rectified will be closed and" in questions["texts"][-1]
    assert "1 not rectified will be reopened" in questions["texts"][-1]
    assert dialog.complete_button.isVisible()
    assert recorded["service"].get(recorded["inspection"]).findings[0].status is \
        FindingStatus.OPEN
    questions["answer"] = True
    with qtbot.waitSignal(dialog.reinspection_completed):
        qtbot.mouseClick(dialog.complete_button, LEFT)
    assert dialog.summary.text() == "Re-inspection completed: 1 hazard(s) closed, 1 reopened."
    assert not dialog.complete_button.isVisible()
    assert not dialog.editors[recorded["a1"]].rectified.isEnabled()  # results are final now
    closed, reopened = recorded["service"].get(recorded["inspection"]).findings
    assert closed.status is FindingStatus.CLOSED and closed.closed_at == date.today().isoformat()
    assert reopened.status is FindingStatus.REOPENED
    assert reopened.deadline_in_force == new_deadline.isoformat()
    results = ReinspectionService(ctx.db, ctx.device).results(reinspection_id)
    assert [(r.result, r.note) for r in results] == [("rectified", None),
                                                     ("not_rectified", "防护罩仍未安装")]


def test_a_draft_reinspection_is_reopened_where_it_was_left(qtbot, ctx, recorded, li, profile,
                                                            languages):
    service = ReinspectionService(ctx.db, ctx.device)
    reinspection_id = service.start(recorded["inspection"], [profile.id, li.id])
    service.record_result(reinspection_id, recorded["a2"], "not_rectified", "2099-03-01",
                          "未整改")
    dialog = open_dialog(qtbot, ReinspectionDialog.for_reinspection(ctx, reinspection_id))
    assert dialog.pages.currentIndex() == 1
    first, second = dialog.editors[recorded["a1"]], dialog.editors[recorded["a2"]]
    assert first.result() is None
    assert second.result() == "not_rectified" and second.deadline() == "2099-03-01"
    assert second.note.text() == "未整改" and second.new_deadline.isEnabled()
    assert dialog.complete_button.isVisible()

    qtbot.mouseClick(first.rectified, LEFT)
    sign_everyone(ctx, reinspection_id, profile, li)
    qtbot.mouseClick(dialog.complete_button, LEFT)
    assert "1 hazard(s) closed, 1 reopened" in dialog.summary.text()

    # A completed one opens read-only, with its summary.
    again = open_dialog(qtbot, ReinspectionDialog.for_reinspection(ctx, reinspection_id))
    assert not again.complete_button.isVisible()
    assert "1 hazard(s) closed, 1 reopened" in again.summary.text()
    editor = again.editors[recorded["a1"]]
    assert editor.result() == "rectified" and not editor.rectified.isEnabled()
    assert not editor.photos_button.isEnabled()


def test_preselected_company_and_no_open_hazards(qtbot, ctx, profile, languages):
    dialog = open_dialog(qtbot, ReinspectionDialog(ctx))
    assert dialog.company.count() == 0 and not dialog.start_button.isEnabled()
    assert "nothing to re-inspect" in dialog.start_error.text()
    quiet = add_company(ctx.db, name="东山五金商店", industry="commerce")
    other = open_dialog(qtbot, ReinspectionDialog(ctx, company_id=quiet))
    assert "no open hazards" in other.start_error.text()


def test_a_major_hazard_closes_only_with_its_plan_and_acceptance(
        qtbot, ctx, recorded, li, profile, languages, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from inspector_app.ui.dialogs.governance_plan_dialog import GovernancePlanDialog

    service = ReinspectionService(ctx.db, ctx.device)
    reinspection_id = service.start(recorded["inspection"], [profile.id, li.id])
    dialog = open_dialog(qtbot, ReinspectionDialog.for_reinspection(ctx, reinspection_id))
    general, major = dialog.editors[recorded["a1"]], dialog.editors[recorded["a2"]]
    assert not hasattr(general, "plan_button") or not general.plan_button.isVisible()
    assert major.plan_status.text() == "6 elements missing"
    assert "Goal and tasks" in major.plan_status.toolTip()
    assert not major.accepted_by.isEnabled()  # acceptance belongs to a closing

    qtbot.mouseClick(major.rectified, LEFT)
    assert major.accepted_by.isEnabled()
    assert "complete governance plan" in major.message.text()

    def fill(self):
        for n, edit in enumerate(self.edits.values(), start=1):
            edit.setPlainText(f"要素{n}")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(GovernancePlanDialog, "exec", fill)
    qtbot.mouseClick(major.plan_button, LEFT)
    assert major.plan_status.text() == "complete (all six elements)"
    assert "recorded acceptance" in major.message.text()  # re-checked: acceptance still missing
    for widget, text in ((major.accepted_by, "张伟、李娜"),
                         (major.acceptance_conclusion, "整改到位，同意销号")):
        widget.setFocus()
        widget.insert(text)
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert not major.message.isVisible()
    qtbot.mouseClick(general.rectified, LEFT)
    sign_everyone(ctx, reinspection_id, profile, li)
    with qtbot.waitSignal(dialog.reinspection_completed):
        qtbot.mouseClick(dialog.complete_button, LEFT)
    closed = recorded["service"].get(recorded["inspection"]).findings[1]
    assert closed.status is FindingStatus.CLOSED
    assert (closed.accepted_by, closed.acceptance_conclusion) == (
        "张伟、李娜", "整改到位，同意销号")
    assert closed.plan_safety == "要素6"


def test_the_opinion_is_printed_from_the_reinspection_window(
        qtbot, ctx, recorded, li, profile, languages, tmp_path, monkeypatch):
    from inspector_app.domain.numbering import DocType
    from inspector_app.ui.dialogs.document_dialog import DocumentDialog
    from tests.pdf_scenarios import pdf_text

    service = ReinspectionService(ctx.db, ctx.device)
    reinspection_id = service.start(recorded["inspection"], [profile.id, li.id])
    service.record_result(reinspection_id, recorded["a1"], "rectified")
    service.record_result(reinspection_id, recorded["a2"], "not_rectified", "2099-03-01")
    dialog = open_dialog(qtbot, ReinspectionDialog.for_reinspection(ctx, reinspection_id))
    assert dialog.documents_button.isVisible() and dialog.documents_button.text() == "Documents…"

    # No order was issued for the inspection it follows: the opinion says so, as the CLI does.
    qtbot.mouseClick(dialog.documents_button, LEFT)
    documents = dialog.document_dialog
    assert "issue the order first" in documents.unavailable.text()
    documents.close()

    # The order was issued on site, before its first deadline (2020-01-10).
    with monkeypatch.context() as patch:
        patch.setattr(type(ctx.documents), "issue_time", lambda self, _id: "2020-01-02T09:00")
        ctx.documents.issue(recorded["inspection"], DocType.ORDER)
    qtbot.mouseClick(dialog.documents_button, LEFT)
    documents = dialog.document_dialog
    assert documents.doc_type is DocType.REINSPECTION  # opens on the opinion
    assert documents.isVisible()
    qtbot.waitUntil(lambda: documents.page_count() > 0, timeout=10_000)
    assert documents.print_button.isEnabled()
    target = tmp_path / "opinion.pdf"
    with qtbot.waitSignal(documents.exported, timeout=20_000):
        documents.export_to(target)
    text = pdf_text(target)
    assert "Re-inspection opinion" in text and "To: 泉台纺织有限公司" in text
    # Still under way: printed as a draft, without a number, and the dialog says so.
    assert "DRAFT (not numbered)" in text
    assert "marked as a draft, without a number" in documents.status.text()
    assert ctx.documents.issued(reinspection_id, DocType.REINSPECTION) is None
    documents.close()

    # In the inspection it follows, the greyed opinion says where to get it.
    original = DocumentDialog(ctx, recorded["inspection"])
    qtbot.addWidget(original)
    assert ("open the re-inspection (its row in the Inspections list, or File → "
            "Re-inspection…) and press Documents… there") in original.unavailable.text()
    original.close()


def test_choosing_a_result_and_saving_the_plan_keep_the_form_still_under_the_pointer(
        qtbot, ctx, recorded, li, profile, languages, monkeypatch):
    """What the inspector reaches for next (photos, the note, the hazard below) stays where it
    was after choosing 已整改 or saving the 治理方案: the next click lands where aimed."""
    from PySide6.QtWidgets import QDialog

    from inspector_app.ui.dialogs.governance_plan_dialog import GovernancePlanDialog

    service = ReinspectionService(ctx.db, ctx.device)
    reinspection_id = service.start(recorded["inspection"], [profile.id, li.id])
    dialog = open_dialog(qtbot, ReinspectionDialog.for_reinspection(ctx, reinspection_id))
    dialog.resize(920, 1100)  # both hazards in view
    general, major = dialog.editors[recorded["a1"]], dialog.editors[recorded["a2"]]
    qtbot.waitUntil(lambda: major.photos_button.isVisible())
    targets = [major.photos_button, major.plan_button, major.note, major.accepted_by,
               general.photos_button, general.not_rectified]

    points = [w.mapTo(dialog, w.rect().center()) for w in targets]  # where the pointer goes

    def under_the_pointer():
        qtbot.wait(20)  # the layout settles as on screen (it is redone from the event loop)
        return [dialog.childAt(p) for p in points]

    assert under_the_pointer() == targets

    qtbot.mouseClick(major.rectified, LEFT)  # shows the plan's refusal below
    assert "complete governance plan" in major.message.text()
    assert under_the_pointer() == targets

    def fill(self):
        for n, edit in enumerate(self.edits.values(), start=1):
            edit.setPlainText(f"要素{n}")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(GovernancePlanDialog, "exec", fill)
    qtbot.mouseClick(major.plan_button, LEFT)  # saved: now the acceptance is missing
    assert major.plan_status.text() == "complete (all six elements)"
    assert "recorded acceptance" in major.message.text()
    assert under_the_pointer() == targets

    qtbot.mouseClick(general.rectified, LEFT)
    qtbot.mouseClick(major.not_rectified, LEFT)  # the refusal goes, its room stays
    assert not major.message.isVisible()
    assert under_the_pointer() == targets


def test_an_after_photo_not_added_says_why_in_the_windows_language(
        qtbot, ctx, recorded, li, profile, languages, tmp_path, monkeypatch):
    from tests import images

    languages.apply("zh_CN")
    dialog = open_dialog(qtbot, ReinspectionDialog(ctx))
    dialog.set_inspector_checked(li.id)
    with qtbot.waitSignal(dialog.reinspection_created):
        qtbot.mouseClick(dialog.start_button, LEFT)
    half = images.truncated_jpeg(tmp_path / "half.jpg")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(half)], "")))
    first = dialog.editors[recorded["a1"]]
    qtbot.mouseClick(first.photos_button, LEFT)
    said = first.message.text()
    # The file's name, not its folder; the reason with its details in Chinese.
    assert said.startswith("half.jpg：") and str(tmp_path) not in said, said
    assert "图片已损坏或不完整" in said and "damaged" not in said and "refused" not in said
