"""The office's own emergency work from the Plans & drills page: a supervisor registers a
station, records its milestones, and closes a drill's follow-up task with the day and a note,
seeing the service's refusal in the dialog when a rule is broken."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel

from inspector_app.services.emergency import EmergencyService
from inspector_app.storage.units_repo import UnitRepo
from inspector_app.ui.dialogs.station_dialogs import MilestoneDialog, NewStationDialog
from inspector_app.ui.dialogs.task_done_dialog import TaskDoneDialog
from inspector_app.ui.pages.emergency import DONE, LATE, EmergencyPage

TODAY = date.today()


@pytest.fixture
def svc(ctx):
    units = UnitRepo(ctx.db, ctx.device.id)
    units.add("洛阳镇", "town")
    units.add("区应急管理局", "department")
    return EmergencyService(ctx.db, ctx.device.id, ctx.data_dir)


@pytest.fixture
def page(qtbot, ctx, svc, languages):
    widget = EmergencyPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1024, 600)
    widget.show()
    return widget


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _row(table, row):
    return [table.item(row, c).text() for c in range(table.columnCount())]


def _header(table):
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def test_a_station_is_registered_from_the_window_with_its_milestones_due(qtbot, page, svc,
                                                                         monkeypatch):
    page.tabs.setCurrentWidget(page.stations)
    assert page.station_button.isVisible() and page.milestone_button.isVisible()
    assert not page.new_button.isVisible()           # the plans' actions belong to their tabs
    seen = []

    def fill(dialog):
        seen.append([dialog.town.itemText(i) for i in range(dialog.town.count())])
        dialog.save()
        seen.append(dialog.error.text())
        dialog.name.setText("洛阳镇应急管理站")
        dialog.kind.setCurrentIndex(dialog.kind.findData("town"))
        dialog.town.setCurrentIndex(dialog.town.findText("洛阳镇"))
        dialog.dues[next(iter(dialog.dues))].check.setChecked(True)
        dialog.dues[next(iter(dialog.dues))].edit.setDate(QDate(2026, 5, 31))
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(NewStationDialog, "exec", fill)
    page.new_station()
    towns, refusal = seen
    assert towns == ["(no town)", "洛阳镇"]           # a department is not offered
    assert "needs a name" in refusal
    assert _row(page.stations, 0)[:2] == ["洛阳镇应急管理站", "洛阳镇"]
    design = _header(page.stations).index("Design")
    assert "31 May 2026" in _row(page.stations, 0)[design]

    def same_again(dialog):
        dialog.name.setText("洛阳镇应急管理站")
        dialog.save()
        seen.append(dialog.error.text())
        return dialog.result()

    monkeypatch.setattr(NewStationDialog, "exec", same_again)
    page.new_station()
    assert "already registered" in seen[-1] and page.stations.rowCount() == 1


def test_a_milestone_recorded_done_in_the_future_is_refused_then_saved(qtbot, page, svc,
                                                                       monkeypatch):
    station = svc.add_station(name="洛阳镇应急管理站", kind="town",
                              unit_id=svc.units.find("洛阳镇").id,
                              dues={"platform": (TODAY - timedelta(days=3)).isoformat()})
    page.refresh()
    page.tabs.setCurrentWidget(page.stations)
    platform = _header(page.stations).index("Platform")
    assert _row(page.stations, 0)[platform].startswith("⚠ ")        # late
    assert page.stations.item(0, 0).background().color() == LATE
    page.stations.selectRow(0)
    refusals = []

    def fill(dialog):
        assert dialog.milestone.currentData() == "platform"     # the cell double-clicked
        assert dialog.due.iso() == (TODAY - timedelta(days=3)).isoformat()
        assert not dialog.done_on.isEnabled()
        dialog.status.setCurrentIndex(dialog.status.findData("done"))
        assert dialog.done_on.isEnabled()
        dialog.done_on.setDate(_qdate(TODAY + timedelta(days=1)))
        dialog.note.setText("平台已接入区指挥系统")
        dialog.save()
        refusals.append(dialog.error.text())
        dialog.done_on.setDate(_qdate(TODAY))
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(MilestoneDialog, "exec", fill)
    page._station_cell_activated(0, platform)
    [refusal] = refusals
    assert "洛阳镇应急管理站" in refusal and "Platform" in refusal and "future" in refusal
    row = svc.milestone(station["id"], "platform")
    assert (row["status"], row["done_on"], row["note"]) == ("done", TODAY.isoformat(),
                                                             "平台已接入区指挥系统")
    assert _row(page.stations, 0)[platform] == "Done"
    assert page.stations.item(0, 0).background().color() != LATE


def test_a_milestone_photo_that_is_not_an_image_changes_nothing(qtbot, page, svc, tmp_path):
    station = svc.add_station(name="张坂村应急服务站", kind="village", unit_id=None)
    dialog = MilestoneDialog(svc, station["id"], station["name"], parent=page)
    qtbot.addWidget(dialog)
    bad = tmp_path / "site.jpg"
    bad.write_bytes(b"not a photo")
    dialog.photos.add([bad])
    dialog.status.setCurrentIndex(dialog.status.findData("in_progress"))
    dialog.save()
    assert "site.jpg" in dialog.error.text()
    assert svc.milestone(station["id"], "design")["status"] == "not_started"
    # Taken out again (selected, then Delete as in any list): the milestone saves without it.
    dialog.photos.list.setCurrentRow(0)
    dialog.photos.list.setFocus()
    qtbot.keyClick(dialog.photos.list, Qt.Key.Key_Delete)
    assert dialog.photos.photos == [] and dialog.photos.list.count() == 0
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert svc.milestone(station["id"], "design")["status"] == "in_progress"


def test_recording_a_milestone_without_a_station_chosen_says_so(page, monkeypatch):
    from inspector_app.ui import messages

    shown = []
    messages.install_sink(lambda level, title, text: shown.append(text))
    page.record_milestone()
    assert shown == ["Choose a station in the Stations tab first."]


def _drill(svc, due: date):
    plan = svc.add_plan(title="洛阳镇综合应急预案", plan_type="comprehensive",
                        unit_id=svc.units.find("洛阳镇").id, status="issued",
                        issued_on=(TODAY - timedelta(days=200)).isoformat())
    svc.add_drill(plan_id=plan["id"], held_on=(TODAY - timedelta(days=20)).isoformat(),
                  form="live", scope="single",
                  problems=[{"problem": "对讲机信号中断", "due_on": due.isoformat(),
                             "responsible": "王五"},
                            {"problem": "疏散路线标识不清",
                             "due_on": (TODAY + timedelta(days=30)).isoformat()}])


def test_an_overdue_task_is_marked_and_closed_with_its_day_and_note(qtbot, page, svc,
                                                                    monkeypatch):
    _drill(svc, TODAY - timedelta(days=5))
    page.refresh()
    page.tabs.setCurrentWidget(page.tasks)
    assert page.task_done_button.isVisible() and page.show_done.isVisible()
    state = _header(page.tasks).index("State")
    assert [_row(page.tasks, r)[state] for r in range(2)] == ["Overdue", "Open"]
    assert page.tasks.item(0, 0).background().color() == LATE
    page.tasks.selectRow(0)
    refusals = []

    def fill(dialog):
        dialog.done_on.setDate(_qdate(TODAY - timedelta(days=30)))   # before the drill
        dialog.save()
        refusals.append(dialog.error.text())
        dialog.done_on.setDate(_qdate(TODAY - timedelta(days=1)))
        dialog.note.setText("更换数字对讲机")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(TaskDoneDialog, "exec", fill)
    page.mark_task_done()
    assert "对讲机信号中断" in refusals[0] and "before the drill" in refusals[0]
    assert [_row(page.tasks, r)[2] for r in range(page.tasks.rowCount())] == ["疏散路线标识不清"]
    page.show_done.setChecked(True)
    done = next(_row(page.tasks, r) for r in range(page.tasks.rowCount())
                if _row(page.tasks, r)[2] == "对讲机信号中断")
    headers = _header(page.tasks)
    assert done[headers.index("State")] == "Done"
    assert done[headers.index("Note")] == "更换数字对讲机"
    problems = [_row(page.tasks, r)[2] for r in range(page.tasks.rowCount())]
    done_row = problems.index("对讲机信号中断")
    assert page.tasks.item(done_row, 0).background().color() == DONE


def test_a_task_done_is_not_closed_again(qtbot, page, svc, monkeypatch):
    from inspector_app.ui import messages

    _drill(svc, TODAY + timedelta(days=5))
    [(task, _), _other] = svc.tasks(TODAY)
    svc.close_task(task["id"], TODAY.isoformat(), "已整改")
    shown = []
    messages.install_sink(lambda level, title, text: shown.append(text))
    page.show_done.setChecked(True)
    page.tabs.setCurrentWidget(page.tasks)
    row = [_row(page.tasks, r)[2] for r in range(page.tasks.rowCount())].index("对讲机信号中断")
    page.tasks.selectRow(row)
    monkeypatch.setattr(TaskDoneDialog, "exec", lambda dialog: pytest.fail("opened"))
    page.mark_task_done()
    assert shown == ["This task is already done."]


def test_overdue_only_and_the_unit_narrow_the_tasks_and_stations(qtbot, page, svc):
    _drill(svc, TODAY - timedelta(days=5))
    luoyang = svc.units.find("洛阳镇").id
    svc.add_station(name="洛阳镇应急管理站", kind="town", unit_id=luoyang,
                    dues={"design": (TODAY - timedelta(days=1)).isoformat()})
    svc.add_station(name="张坂村应急服务站", kind="village", unit_id=None,
                    dues={"design": (TODAY + timedelta(days=10)).isoformat()})
    page.refresh()
    assert page.tasks.rowCount() == 2 and page.stations.rowCount() == 2
    page.overdue.setChecked(True)
    assert [_row(page.tasks, r)[2] for r in range(page.tasks.rowCount())] == ["对讲机信号中断"]
    assert [_row(page.stations, r)[0] for r in range(page.stations.rowCount())] == [
        "洛阳镇应急管理站"]
    page.overdue.setChecked(False)
    page.unit.setCurrentIndex(page.unit.findData(svc.units.find("区应急管理局").id))
    assert page.tasks.rowCount() == 0 and page.stations.rowCount() == 0


def test_a_supervisors_check_is_recorded_with_a_photo(qtbot, page, svc, monkeypatch,
                                                      tmp_path):
    from PIL import Image

    from inspector_app.ui.dialogs.station_dialogs import CheckDialog

    svc.add_station(name="洛阳镇应急管理站", kind="town", unit_id=svc.units.find("洛阳镇").id)
    page.refresh()
    page.tabs.setCurrentWidget(page.stations)
    assert page.check_button.isVisible()
    page.stations.selectRow(0)
    photo = tmp_path / "check.jpg"
    Image.new("RGB", (40, 30), "blue").save(photo, "JPEG")
    refusals = []

    def fill(dialog):
        dialog.checked_on.setDate(_qdate(TODAY - timedelta(days=2)))
        dialog.save()
        refusals.append(dialog.error.text())
        dialog.checker.setText("区应急管理局督导组")
        dialog.findings.setPlainText("平台建设进度滞后")
        dialog.photos.add([photo])
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(CheckDialog, "exec", fill)
    page.record_check()
    assert "洛阳镇应急管理站" in refusals[0] and "who checked" in refusals[0]
    [station] = svc.stations()
    assert station["last_check"] == (TODAY - timedelta(days=2)).isoformat()
    last_check = _header(page.stations).index("Last check")
    assert _row(page.stations, 0)[last_check] != ""
    [check] = svc.repo.checks(station["id"])
    assert len(svc.repo.files("check", check["id"])) == 1


def test_a_synced_problem_written_as_mark_up_is_shown_whole_as_text(qtbot, svc):
    hidden = ("<p style='display:none'>消防泵房无人值守</p>"
              "<p>已整改完毕，请直接销号</p>")
    plan = svc.add_plan(title="P", plan_type="comprehensive", unit_id=svc.units.find("洛阳镇").id,
                        status="issued", issued_on=(TODAY - timedelta(days=200)).isoformat())
    svc.add_drill(plan_id=plan["id"], held_on=(TODAY - timedelta(days=20)).isoformat(),
                  form="live", scope="single",
                  problems=[{"problem": hidden, "due_on": TODAY.isoformat()}])
    [task] = [t for t, _late in svc.tasks(TODAY) if t["problem"] == hidden]
    dialog = TaskDoneDialog(svc, task)
    qtbot.addWidget(dialog)
    shown = [label for label in dialog.findChildren(QLabel) if label.text() == hidden]
    assert shown and all(label.textFormat() == Qt.TextFormat.PlainText for label in shown)


def test_a_refusal_goes_once_the_user_changes_what_it_was_about(qtbot, page, svc):
    """As in the plans' dialogs: the red line answers the last OK and goes at the next
    change."""
    from inspector_app.ui.dialogs.station_dialogs import CheckDialog

    new = NewStationDialog(svc, page)
    qtbot.addWidget(new)
    new.show()
    new.save()
    assert new.error.text()
    qtbot.keyClicks(new.name, "Luoyang station")
    assert new.error.text() == ""

    station = svc.add_station(name="洛阳镇应急管理站", kind="town",
                              unit_id=svc.units.find("洛阳镇").id)
    milestone = MilestoneDialog(svc, station["id"], station["name"], parent=page)
    qtbot.addWidget(milestone)
    milestone.show()
    milestone.status.setCurrentIndex(milestone.status.findData("done"))
    milestone.done_on.setDate(_qdate(TODAY + timedelta(days=1)))
    milestone.save()
    assert milestone.error.text()
    milestone.done_on.setDate(_qdate(TODAY))
    assert milestone.error.text() == ""

    check = CheckDialog(svc, station["id"], station["name"], parent=page)
    qtbot.addWidget(check)
    check.show()
    check.save()
    assert check.error.text()
    qtbot.keyClicks(check.findings, "Platform late")
    assert check.error.text() == ""

    _drill(svc, TODAY - timedelta(days=5))
    task = next(t for t, _ in svc.tasks(TODAY) if t["problem"] == "对讲机信号中断")
    done = TaskDoneDialog(svc, task, page)
    qtbot.addWidget(done)
    done.show()
    done.done_on.setDate(_qdate(TODAY - timedelta(days=30)))
    done.save()
    assert done.error.text()
    done.done_on.setDate(_qdate(TODAY - timedelta(days=1)))
    assert done.error.text() == ""


def test_a_drill_refused_for_a_pdf_among_its_photos_is_saved_once(qtbot, page, svc, tmp_path):
    """A PDF chosen as a drill's photo is refused before the drill is saved: taken out, OK
    saves the drill once, not a second time beside the one the refusal had left."""
    from reportlab.pdfgen.canvas import Canvas

    from inspector_app.ui.pages.emergency import DrillDialog

    svc.add_plan(title="洛阳镇综合应急预案", plan_type="comprehensive",
                 unit_id=svc.units.find("洛阳镇").id, status="issued",
                 issued_on=(TODAY - timedelta(days=200)).isoformat())
    pdf = tmp_path / "scheme.pdf"
    canvas = Canvas(str(pdf))
    canvas.drawString(100, 700, "drill scheme")
    canvas.save()
    dialog = DrillDialog(svc, parent=page)
    qtbot.addWidget(dialog)
    dialog.photos.add([pdf])
    dialog.save()
    assert "scheme.pdf" in dialog.error.text() and "photos" in dialog.error.text()
    assert svc.drills() == []
    dialog.photos.list.setCurrentRow(0)
    dialog.photos.remove_selected()
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert len(svc.drills()) == 1


@pytest.fixture
def disk(monkeypatch):
    """The emergency files' disk, which takes one file more and is then full (ENOSPC) until
    ``disk["room"] = None`` frees some space."""
    import errno
    import os

    from inspector_app.storage import attachment_store

    real = attachment_store.write_atomic
    state: dict = {"room": 1}

    def write(target, data, **kwargs):
        if state["room"] is not None:
            if state["room"] == 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
            state["room"] -= 1
        return real(target, data, **kwargs)

    monkeypatch.setattr(attachment_store, "write_atomic", write)
    return state


def _two_photos(tmp_path):
    from PIL import Image

    first, second = tmp_path / "前门.jpg", tmp_path / "second.png"
    Image.new("RGB", (40, 30), "red").save(first, "JPEG")
    Image.new("RGB", (40, 30), "blue").save(second, "PNG")
    return [first, second]


def _names(photos_row):
    return [photos_row.list.item(i).text() for i in range(photos_row.list.count())]


def _files_kept(ctx) -> int:
    return ctx.db.execute("SELECT COUNT(*) FROM emergency_files").fetchone()[0]


def _says_the_disk_is_full(text: str, ctx) -> None:
    assert "second.png" in text and "nothing was saved" in text
    assert "disk is full" in text and str(ctx.data_dir.root / "emergency_files") in text


def test_a_drill_whose_second_photo_finds_the_disk_full_is_saved_whole_once_space_is_freed(
        qtbot, page, svc, ctx, tmp_path, disk):
    from PySide6.QtWidgets import QTableWidgetItem

    from inspector_app.ui.pages.emergency import DrillDialog

    svc.add_plan(title="洛阳镇综合应急预案", plan_type="comprehensive",
                 unit_id=svc.units.find("洛阳镇").id, status="issued",
                 issued_on=(TODAY - timedelta(days=200)).isoformat())
    dialog = DrillDialog(svc, parent=page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.organiser.setText("洛阳镇应急办")
    dialog.scenario.setText("化工仓库泄漏")
    dialog.problems.insertRow(0)
    dialog.problems.setItem(0, 0, QTableWidgetItem("堵漏器材不足"))
    dialog.problems.setItem(0, 1, QTableWidgetItem((TODAY + timedelta(days=30)).isoformat()))
    dialog.photos.add(_two_photos(tmp_path))
    dialog.save()
    _says_the_disk_is_full(dialog.error.text(), ctx)
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert svc.drills() == [] and svc.tasks(TODAY) == [] and _files_kept(ctx) == 0
    # Everything typed and chosen is still there to save again.
    assert (dialog.organiser.text(), dialog.scenario.text()) == ("洛阳镇应急办", "化工仓库泄漏")
    assert dialog.problems.item(0, 0).text() == "堵漏器材不足"
    assert _names(dialog.photos) == ["前门.jpg", "second.png"]
    dialog.save()                                   # still full: still nothing
    assert "disk is full" in dialog.error.text() and svc.drills() == []

    disk["room"] = None
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    [drill] = svc.drills()
    assert (drill["photos"], drill["tasks"], drill["scenario"]) == (2, 1, "化工仓库泄漏")
    names = sorted(f["name"] for f in svc.repo.files("drill", drill["id"]))
    assert names == ["second.png", "前门.jpg"] and _files_kept(ctx) == 2


def test_a_check_whose_photo_finds_the_disk_full_is_saved_once_space_is_freed(
        qtbot, page, svc, ctx, tmp_path, disk):
    from inspector_app.ui.dialogs.station_dialogs import CheckDialog

    station = svc.add_station(name="洛阳镇应急管理站", kind="town",
                              unit_id=svc.units.find("洛阳镇").id)
    dialog = CheckDialog(svc, station["id"], station["name"], parent=page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.checker.setText("区应急管理局督导组")
    dialog.findings.setPlainText("平台建设进度滞后")
    dialog.photos.add(_two_photos(tmp_path))
    dialog.save()
    _says_the_disk_is_full(dialog.error.text(), ctx)
    assert dialog.isVisible() and svc.repo.checks(station["id"]) == []
    assert _files_kept(ctx) == 0
    assert dialog.checker.text() == "区应急管理局督导组"
    assert dialog.findings.toPlainText() == "平台建设进度滞后"
    assert _names(dialog.photos) == ["前门.jpg", "second.png"]

    disk["room"] = None
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    [check] = svc.repo.checks(station["id"])
    assert len(svc.repo.files("check", check["id"])) == 2 and _files_kept(ctx) == 2


def test_a_milestone_whose_photo_finds_the_disk_full_changes_nothing_until_saved_again(
        qtbot, page, svc, ctx, tmp_path, disk):
    station = svc.add_station(name="张坂村应急服务站", kind="village", unit_id=None)
    dialog = MilestoneDialog(svc, station["id"], station["name"], parent=page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.milestone.setCurrentIndex(dialog.milestone.findData("design"))
    dialog.status.setCurrentIndex(dialog.status.findData("in_progress"))
    dialog.note.setText("方案已送审")
    dialog.photos.add(_two_photos(tmp_path))
    dialog.save()
    _says_the_disk_is_full(dialog.error.text(), ctx)
    row = svc.milestone(station["id"], "design")
    assert (row["status"], row["note"] or "") == ("not_started", "") and _files_kept(ctx) == 0
    assert dialog.status.currentData() == "in_progress" and dialog.note.text() == "方案已送审"
    assert _names(dialog.photos) == ["前门.jpg", "second.png"]

    disk["room"] = None
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    row = svc.milestone(station["id"], "design")
    assert (row["status"], row["note"]) == ("in_progress", "方案已送审")
    assert len(svc.repo.files("milestone", row["id"])) == 2 and _files_kept(ctx) == 2


def test_in_chinese_a_missing_choice_names_the_tab_as_its_label_reads(qtbot, page, languages):
    """The tab is 应急站点 and the task's owner a unit: the words the page shows, in its
    messages and its task dialog alike."""
    from inspector_app.ui import messages

    languages.apply("zh_CN")
    qtbot.waitUntil(lambda: page.tabs.tabText(0) == "各单位进度")
    shown = []
    messages.install_sink(lambda level, title, text: shown.append(text))
    page.record_check()
    page.mark_task_done()
    page.change_status()
    tabs = [page.tabs.tabText(page.tabs.indexOf(t))
            for t in (page.stations, page.tasks, page.plans)]
    assert tabs == ["应急站点", "整改任务", "预案"]
    assert shown == [f"请先在“{tabs[0]}”页签中选择一个站点。",
                     f"请先在“{tabs[1]}”页签中选择一项任务。",
                     f"请先在“{tabs[2]}”页签中选择一项预案。"]
    assert page.tasks.horizontalHeaderItem(1).text() == "单位"


def test_in_chinese_a_milestones_due_date_is_in_full_width_brackets(qtbot, page, svc,
                                                                      languages):
    svc.add_station(name="洛阳镇应急管理站", kind="town", unit_id=svc.units.find("洛阳镇").id,
                    dues={"design": "2026-05-31"})
    languages.apply("zh_CN")
    qtbot.waitUntil(lambda: page.tabs.tabText(0) == "各单位进度")
    page.refresh()
    design = _header(page.stations).index("方案设计")
    assert _row(page.stations, 0)[design].endswith("未开始（2026年5月31日）")
