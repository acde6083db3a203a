"""The Plans & drills page: a supervisor records a town's filing and sees who has not started."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from inspector_app.services.emergency import EmergencyService
from inspector_app.storage.units_repo import UnitRepo
from inspector_app.ui.datetimes import show_date
from inspector_app.ui.pages.emergency import (
    EmergencyPage,
    FilingDialog,
    NewPlanDialog,
    StatusDialog,
)
from tests.failing_disk import fail_on


@pytest.fixture
def svc(ctx):
    units = UnitRepo(ctx.db, ctx.device.id)
    units.add("洛阳镇", "town")
    units.add("张坂镇", "town")
    svc = EmergencyService(ctx.db, ctx.device.id, ctx.data_dir)
    for unit in units.all():
        svc.set_deadline(unit.id, "2026-11-30", "11月底前全面完成预案编制、修订")
    return svc


@pytest.fixture
def page(qtbot, ctx, svc, languages):
    widget = EmergencyPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1024, 600)
    widget.show()
    return widget


def _cells(table, column):
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_record_a_towns_filing_and_see_who_has_not_started(qtbot, page, svc, monkeypatch):
    luoyang = svc.units.find("洛阳镇").id
    plan = svc.add_plan(title="洛阳镇综合应急预案", plan_type="comprehensive", unit_id=luoyang,
                        status="issued", issued_on="2026-09-01")
    page.refresh()
    page.tabs.setCurrentWidget(page.plans)
    page.plans.selectRow(0)
    assert page.selected_plan() == (plan["id"], "洛阳镇综合应急预案")

    def fill_and_accept(dialog):
        dialog.authority.setText("泉台区应急管理局")
        dialog.number.setText("350521-2026-017")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(FilingDialog, "exec", fill_and_accept)
    page.record_filing()
    assert svc.repo.plan(plan["id"])["status"] == "filed"
    status_col = 3
    assert _cells(page.plans, status_col) == ["Filed"]
    units = _cells(page.progress, 0)
    progress = dict(zip(units, _cells(page.progress, 5), strict=True))
    assert progress == {"洛阳镇": "Done", "张坂镇": "Not started"}


def test_a_filing_without_number_stays_open_with_the_reason(qtbot, page, svc):
    plan = svc.add_plan(title="P", plan_type="special", unit_id=svc.units.find("洛阳镇").id,
                        status="issued", issued_on="2026-09-01")
    dialog = FilingDialog(svc, plan["id"], "P", page)
    qtbot.addWidget(dialog)
    dialog.authority.setText("区应急管理局")
    dialog.save()
    assert "filing number" in dialog.error.text()
    assert svc.repo.plan(plan["id"])["status"] == "issued"


def test_filters_by_unit_type_and_status(qtbot, page, svc):
    luoyang, zhangban = svc.units.find("洛阳镇").id, svc.units.find("张坂镇").id
    svc.add_plan(title="A", plan_type="comprehensive", unit_id=luoyang)
    svc.add_plan(title="B", plan_type="onsite", unit_id=zhangban, status="drafting")
    page.refresh()
    assert sorted(_cells(page.plans, 2)) == ["A", "B"]
    page.unit.setCurrentIndex(page.unit.findData(zhangban))
    assert _cells(page.plans, 2) == ["B"]
    page.unit.setCurrentIndex(0)
    page.type.setCurrentIndex(page.type.findData("comprehensive"))
    assert _cells(page.plans, 2) == ["A"]
    page.type.setCurrentIndex(0)
    page.status.setCurrentIndex(page.status.findData("drafting"))
    assert _cells(page.plans, 2) == ["B"]


def test_new_plan_dialog_registers_a_plan(qtbot, page, svc):
    dialog = NewPlanDialog(svc, page)
    qtbot.addWidget(dialog)
    dialog.owner.setCurrentIndex(dialog.owner.findText("张坂镇"))
    dialog.save()
    assert "title" in dialog.error.text()
    dialog.title.setText("张坂镇防汛专项应急预案")
    dialog.type.setCurrentIndex(dialog.type.findData("special"))
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    [plan] = svc.repo.plans()
    assert plan["owner_name"] == "张坂镇" and plan["plan_type"] == "special"
    assert plan["unit_id"] == svc.units.find("张坂镇").id


def test_a_plan_registered_as_issued_has_its_issue_date_and_deadlines(qtbot, page, svc):
    dialog = NewPlanDialog(svc, page)
    qtbot.addWidget(dialog)
    dialog.owner.setCurrentIndex(dialog.owner.findText("洛阳镇"))
    dialog.title.setText("洛阳镇突发事件总体应急预案")
    dialog.type.setCurrentIndex(dialog.type.findData("comprehensive"))
    assert not dialog.status_date.isEnabled()          # not started: no date to give
    dialog.status.setCurrentIndex(dialog.status.findData("issued"))
    assert dialog.status_date.isEnabled() and dialog.status_date_label.text() == "Issued on"
    dialog.status_date.setDate(QDate(2024, 3, 15))
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    [view] = svc.plan_views(date(2026, 12, 1))
    assert view.row["issued_on"] == "2024-03-15"
    assert view.revision_due is not None and view.drill_due is not None


def test_the_circular_is_written_in_the_background(qtbot, page, svc, tmp_path):
    svc.add_plan(title="A", plan_type="comprehensive", unit_id=svc.units.find("洛阳镇").id)
    target = tmp_path / "circular.pdf"
    task = page.write(target)
    with qtbot.waitSignal(task.signals.finished, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: page.last_output == target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert page.pdf_button.isEnabled()


def test_a_drill_with_a_photo_and_a_problem_becomes_a_tracked_task(qtbot, page, svc, tmp_path):
    from PIL import Image
    from PySide6.QtWidgets import QTableWidgetItem

    from inspector_app.ui.pages.emergency import DrillDialog

    plan = svc.add_plan(title="洛阳镇综合应急预案", plan_type="comprehensive",
                        unit_id=svc.units.find("洛阳镇").id, status="issued",
                        issued_on="2026-01-05")
    dialog = DrillDialog(svc, page)
    qtbot.addWidget(dialog)
    assert dialog.plan.currentData() == plan["id"]
    dialog.scenario.setText("化工仓库泄漏")
    dialog.problems.insertRow(0)
    dialog.problems.setItem(0, 0, QTableWidgetItem("堵漏器材不足"))
    dialog.problems.setItem(0, 1, QTableWidgetItem("2099-12-31"))
    bad = tmp_path / "clip.jpg"
    bad.write_bytes(b"not an image at all")
    good = tmp_path / "drill.jpg"
    Image.new("RGB", (40, 30), "red").save(good, "JPEG")
    dialog.photos.add([bad, good])
    dialog.save()
    assert "clip.jpg" in dialog.error.text() and svc.repo.drills() == []
    # The bad photo is taken out of the list; the good one stays.
    chosen = dialog.photos.list
    assert [chosen.item(i).text() for i in range(chosen.count())] == ["clip.jpg", "drill.jpg"]
    assert not dialog.photos.remove_button.isEnabled()  # nothing chosen to remove yet
    chosen.setCurrentRow(0)
    dialog.photos.remove_button.click()
    assert [chosen.item(i).text() for i in range(chosen.count())] == ["drill.jpg"]
    assert dialog.photos.label.text() == "1 photo"
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    [drill] = svc.repo.drills()
    assert drill["photos"] == 1 and drill["tasks"] == 1 and drill["scenario"] == "化工仓库泄漏"
    page.refresh()
    assert [page.tasks.item(0, 2).text()] == ["堵漏器材不足"]


def test_attaching_a_locked_pdf_is_refused_and_a_good_one_is_kept(qtbot, page, svc, tmp_path):
    import io

    from reportlab.pdfgen import canvas

    from inspector_app.ui import messages

    shown = []
    messages.install_sink(lambda level, title, text: shown.append(text))
    plan = svc.add_plan(title="P", plan_type="special", unit_id=svc.units.find("洛阳镇").id)

    def pdf(path, encrypt=None):
        buf = io.BytesIO()
        c = canvas.Canvas(buf, encrypt=encrypt)
        c.drawString(72, 720, "plan")
        c.save()
        path.write_bytes(buf.getvalue())
        return path

    assert not page.attach(plan["id"], pdf(tmp_path / "locked.pdf", "pw"))
    assert "password" in shown[-1] and svc.repo.files("plan", plan["id"]) == []
    assert page.attach(plan["id"], pdf(tmp_path / "预案.pdf"))
    [row] = svc.repo.files("plan", plan["id"])
    assert row["name"] == "预案.pdf"


def test_the_page_is_a_section_of_the_main_window(qtbot, window):
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    row = titles.index("Plans & drills")
    window.nav.setCurrentRow(row)
    assert isinstance(window.current_page(), EmergencyPage)
    assert window.current_page().isVisible()


def test_the_circular_is_saved_among_the_documents_under_a_name_in_the_users_language(
        page, languages):
    from inspector_app.ui.save_folder import documents_folder

    pdf = page.suggested_path(".pdf")
    assert pdf.parent == documents_folder()
    assert pdf.name == f"plans-circular-{page.today.isoformat()}.pdf"
    languages.apply("zh_CN")
    assert page.suggested_path(".xlsx").name == f"预案编修情况通报-{page.today.isoformat()}.xlsx"


def test_a_plan_in_drafting_is_moved_to_issued_with_its_date_and_the_list_shows_it(
        qtbot, page, svc, monkeypatch):
    plan = svc.add_plan(title="洛阳镇防汛专项应急预案", plan_type="special", version="V2.1",
                        unit_id=svc.units.find("洛阳镇").id, status="drafting",
                        compiled_on="2026-03-01")
    page.refresh()
    page.tabs.setCurrentWidget(page.plans)
    page.plans.selectRow(0)
    seen = {}

    def choose_issued(dialog):
        seen["first"] = dialog.status.currentData()     # the step after drafting is offered
        dialog.status.setCurrentIndex(dialog.status.findData("issued"))
        seen["label"] = dialog.status_date_label.text()
        dialog.status_date.setDate(QDate(2026, 6, 18))
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(StatusDialog, "exec", choose_issued)
    page.change_status()
    assert seen == {"first": "reviewed", "label": "Issued on"}
    row = svc.repo.plan(plan["id"])
    assert row["status"] == "issued" and row["issued_on"] == "2026-06-18"
    headers = [page.plans.horizontalHeaderItem(c).text() for c in range(page.plans.columnCount())]
    cells = dict(zip(headers, [page.plans.item(0, c).text()
                               for c in range(page.plans.columnCount())], strict=True))
    assert cells["Status"] == "Issued" and cells["Version"] == "V2.1"
    assert cells["Issued on"] == show_date("2026-06-18")
    assert cells["Revision due"] == show_date("2029-06-18")


def test_an_issue_date_still_to_come_is_refused_with_the_reason(qtbot, page, svc):
    plan = svc.add_plan(title="P", plan_type="special", unit_id=svc.units.find("洛阳镇").id,
                        status="reviewed", reviewed_on="2026-05-01")
    dialog = StatusDialog(svc, svc.repo.plan(plan["id"]), page)
    qtbot.addWidget(dialog)
    assert dialog.status.currentData() == "issued"
    ahead = date.today() + timedelta(days=30)
    dialog.status_date.setDate(QDate(ahead.year, ahead.month, ahead.day))
    dialog.save()
    assert "still to come" in dialog.error.text() and dialog.result() != dialog.DialogCode.Accepted
    assert svc.repo.plan(plan["id"])["status"] == "reviewed"


def test_change_status_without_a_chosen_plan_says_what_to_do(qtbot, page, svc):
    from inspector_app.ui import messages

    shown = []
    messages.install_sink(lambda level, title, text: shown.append(text))
    page.change_status()
    assert shown == ["Choose a plan in the Plans tab first."]
    assert page.tabs.currentWidget() is page.plans


def test_every_column_of_the_plans_says_what_it_holds(qtbot, page, svc):
    luoyang = svc.units.find("洛阳镇").id
    svc.add_plan(title="洛阳镇综合应急预案", plan_type="comprehensive", unit_id=luoyang,
                 status="issued", issued_on="2020-09-01")
    page.refresh()
    table = page.plans
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert all(headers), headers
    # The last column names what is late: its header says so.
    assert headers[-1] == "Late"
    assert "revision overdue" in table.item(0, table.columnCount() - 1).text()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_refusal_goes_once_the_user_changes_what_it_was_about(qtbot, page, svc, languages,
                                                                 lang, tmp_path):
    """The red line under the fields answers the last OK: typing or choosing anew takes it
    away, and OK says again what is still wrong."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableWidgetItem

    from inspector_app.ui.pages.emergency import DrillDialog

    languages.apply(lang)
    dialog = NewPlanDialog(svc, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save()
    assert dialog.error.text()
    qtbot.keyClicks(dialog.title, "Flood plan")
    assert dialog.error.text() == ""
    dialog.title.clear()
    dialog.save()
    assert dialog.error.text()          # still refused: OK says so again
    dialog.status.setCurrentIndex(dialog.status.count() - 1)
    assert dialog.error.text() == ""

    plan = svc.add_plan(title="P", plan_type="special", unit_id=svc.units.find("洛阳镇").id,
                        status="reviewed", reviewed_on="2026-05-01")
    filing = FilingDialog(svc, plan["id"], "P", page)
    qtbot.addWidget(filing)
    filing.show()
    filing.save()
    assert filing.error.text()
    qtbot.keyClicks(filing.number, "2026-1")
    assert filing.error.text() == ""

    status = StatusDialog(svc, svc.repo.plan(plan["id"]), page)
    qtbot.addWidget(status)
    status.show()
    ahead = date.today() + timedelta(days=30)
    status.status_date.setDate(QDate(ahead.year, ahead.month, ahead.day))
    status.save()
    assert status.error.text()
    status.status_date.setDate(QDate.currentDate())
    assert status.error.text() == ""

    drill = DrillDialog(svc, page)
    qtbot.addWidget(drill)
    drill.show()
    drill.problems.insertRow(0)
    drill.problems.setItem(0, 0, QTableWidgetItem("堵漏器材不足"))
    drill.problems.setItem(0, 1, QTableWidgetItem("明年"))
    drill.save()
    assert drill.error.text()
    drill.problems.item(0, 1).setData(Qt.ItemDataRole.EditRole, "2099-12-31")
    assert drill.error.text() == ""
    bad = tmp_path / "clip.jpg"
    bad.write_bytes(b"not an image at all")
    drill.photos.add([bad])
    drill.save()
    assert "clip.jpg" in drill.error.text()
    qtbot.keyClicks(drill.scenario, "Leak")
    assert drill.error.text() == ""


def test_a_plan_file_the_stick_cannot_give_is_named_with_the_reason(qtbot, page, svc, tmp_path,
                                                                    monkeypatch):
    from inspector_app.ui import messages

    shown = []
    messages.install_sink(lambda level, title, text: shown.append(text))
    plan = svc.add_plan(title="P", plan_type="special", unit_id=svc.units.find("洛阳镇").id)
    gone = tmp_path / "预案.pdf"
    gone.write_bytes(b"%PDF-1.4 whatever")
    fail_on(monkeypatch, "read_bytes", gone)
    assert not page.attach(plan["id"], gone)
    assert str(gone) in shown[-1] and "Input/output error" in shown[-1]
    assert "USB stick" in shown[-1]
    assert svc.repo.files("plan", plan["id"]) == []


def test_a_drill_photo_the_stick_cannot_give_is_named_and_nothing_is_saved(
        qtbot, page, svc, tmp_path, monkeypatch):
    from PIL import Image

    from inspector_app.ui.pages.emergency import DrillDialog

    svc.add_plan(title="洛阳镇综合应急预案", plan_type="comprehensive",
                 unit_id=svc.units.find("洛阳镇").id, status="issued", issued_on="2026-01-05")
    dialog = DrillDialog(svc, page)
    qtbot.addWidget(dialog)
    dialog.scenario.setText("化工仓库泄漏")
    photo = tmp_path / "drill.jpg"
    Image.new("RGB", (40, 30), "red").save(photo, "JPEG")
    dialog.photos.add([photo])
    fail_on(monkeypatch, "read_bytes", photo)
    dialog.save()
    assert str(photo) in dialog.error.text() and "Input/output error" in dialog.error.text()
    assert dialog.result() != dialog.DialogCode.Accepted and svc.repo.drills() == []
def test_the_progress_counts_stand_centred_under_their_headers(qtbot, page, svc):
    svc.add_plan(title="洛阳镇综合应急预案", plan_type="comprehensive",
                 unit_id=svc.units.find("洛阳镇").id, status="issued", issued_on="2026-09-01")
    page.refresh()
    table = page.progress
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "洛阳镇")
    centred = Qt.AlignmentFlag.AlignCenter
    assert [Qt.AlignmentFlag(table.item(row, c).textAlignment()) == centred
            for c in range(table.columnCount())] == [
        False, True, True, True, True, False, False, False, True]
