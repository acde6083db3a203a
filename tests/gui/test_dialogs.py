import sys
from pathlib import Path

from inspector_app.storage.repositories import ProfileRepo, SettingsRepo
from inspector_app.ui.crash import CrashDialog, crash_report
from inspector_app.ui.dialogs.first_run import FirstRunDialog
from inspector_app.ui.dialogs.number_blocks_dialog import NumberBlocksDialog


def test_first_run_refuses_missing_fields_then_saves_the_profile(qtbot, ctx):
    dialog = FirstRunDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.prefix.setText("QT 01")  # a space would break document numbers
    dialog.accept()
    assert dialog.result() == 0
    assert "name is empty" in dialog.error.text()
    assert "prefix" in dialog.error.text()
    assert not ProfileRepo(ctx.db, ctx.device).is_set_up()

    # QTest types ASCII only; Chinese arrives as an input method would commit it.
    dialog.name.insert("李娜")
    qtbot.keyClicks(dialog.enforcement_id, "32050099")
    dialog.organisation.insert("泉台区应急管理局")
    dialog.prefix.setText("泉台A")
    # Where the company may seek redress, printed on every order and on-site decision.
    dialog.review_government.insert("泉台区人民政府")  # the form prints 人民政府 itself
    dialog.review_department.insert("泉州市应急管理局")
    dialog.review_court.insert("泉台区")
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    inspector = ProfileRepo(ctx.db, ctx.device).current_inspector()
    assert (inspector.name, inspector.enforcement_id) == ("李娜", "32050099")
    assert ctx.device.doc_prefix == "泉台A"
    settings = SettingsRepo(ctx.db)
    assert [settings.get(k) for k in ("review_government", "review_department",
                                      "review_court")] == ["泉台区", "泉州市应急管理局", "泉台区"]


def test_office_allocates_number_blocks_and_sees_them_used(qtbot, ctx, monkeypatch):
    from inspector_app.ui import confirm

    asked: list[str] = []
    answer = [False]
    monkeypatch.setattr(confirm, "ask", lambda _parent, _title, text, _action: (
        asked.append(text) or answer[0]))
    laptop = "3f2c7a10-0d1e-4c55-9a6b-2b7e8f9a0c11"
    dialog = NumberBlocksDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.device.setEditText(laptop)
    dialog.doc_type.setCurrentIndex(dialog.doc_type.findData("order"))
    dialog.year.setValue(2026)
    assert (dialog.first.value(), dialog.last.value()) == (1, 100)  # nothing issued yet
    dialog.first.setValue(101)
    dialog.last.setValue(200)
    # A block is given for good: the office is asked, and Cancel gives nothing.
    dialog.allocate_button.click()
    assert "101–200" in asked[-1] and "cannot be taken back" in asked[-1]
    assert dialog.table.rowCount() == 0
    answer[0] = True
    dialog.allocate_button.click()
    assert dialog.error.text() == ""
    assert dialog.table.rowCount() == 1
    assert [dialog.table.item(0, c).text() for c in range(1, 6)] == [
        "应急责改", "2026", "101–200", "0", "100"]
    # The next proposal starts after the block just given.
    assert (dialog.first.value(), dialog.last.value()) == (201, 300)
    dialog.first.setValue(150)
    dialog.last.setValue(250)
    asked.clear()
    dialog.allocate_button.click()
    assert "overlaps the block 101–200" in dialog.error.text()
    assert asked == []  # refused without a question
    assert dialog.table.rowCount() == 1


def test_crash_dialog_saves_a_report(qtbot, tmp_path):
    try:
        raise ZeroDivisionError("division by zero in the test")
    except ZeroDivisionError:
        report = crash_report(*sys.exc_info())
    dialog = CrashDialog(report)
    qtbot.addWidget(dialog)
    assert "ZeroDivisionError" in dialog.detailedText()
    saved = dialog.save_report(tmp_path / "logs" / "crash.txt")
    text = saved.read_text(encoding="utf-8")
    assert "division by zero in the test" in text
    assert "Inspector" in text.splitlines()[0]


def test_the_crash_report_is_saved_where_the_user_keeps_files_and_says_where(
        qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings, QStandardPaths
    from PySide6.QtWidgets import QFileDialog

    from inspector_app.ui import save_folder

    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(
        lambda _location: str(documents)))
    kept = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(save_folder, "_settings", lambda: kept)
    offered: list[str] = []
    target = tmp_path / "U盘" / "给技术支持"   # typed without ".txt"
    target.parent.mkdir()

    def dialog(_parent, _title, start, _filters):
        offered.append(start)
        return (str(target) if len(offered) == 1 else ""), ""   # the second time: cancelled

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    dialog_ = CrashDialog("Inspector 1.0\nTraceback: a test\n")
    qtbot.addWidget(dialog_)
    assert dialog_.informativeText() == ""
    dialog_.save_button.click()
    # The first time in Documents, under a name that says what it is; never the logs folder.
    assert Path(offered[0]).parent == documents
    assert Path(offered[0]).name.startswith("inspector-crash-")
    saved = target.with_name("给技术支持.txt")
    assert "Traceback: a test" in saved.read_text(encoding="utf-8")
    # The dialog stays open and says where the file went.
    assert dialog_.saved == saved
    assert f"Report saved: {saved}" in dialog_.informativeText()
    # The next report starts where this one was saved, as other save dialogs do.
    again = CrashDialog("Inspector 1.0\n")
    qtbot.addWidget(again)
    again.save_button.click()
    assert Path(offered[1]).parent == target.parent
    assert again.saved is None and again.informativeText() == ""


def test_a_report_that_cannot_be_saved_says_why_in_the_windows_language(
        qtbot, tmp_path, monkeypatch, languages):
    import errno

    from PySide6.QtWidgets import QMessageBox

    from inspector_app.ui import crash

    languages.apply("zh_CN")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda _parent, _title, text, *a: told.append(text)))
    dialog = CrashDialog("Inspector 1.0\n")
    qtbot.addWidget(dialog)

    def full(path, _text):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(crash, "write_report", full)
    assert dialog.save_report(tmp_path / "crash.txt") is None
    assert "磁盘已满" in told[-1] and "crash.txt" in told[-1], told
    assert "disk is full" not in told[-1] and "No space" not in told[-1]

    def stick_gone(path, _text):
        from inspector_app.errors import from_os_error

        raise from_os_error(OSError(errno.EIO, "Input/output error"), path)

    monkeypatch.setattr(crash, "write_report", stick_gone)
    assert dialog.save_report(tmp_path / "crash.txt") is None
    assert "U盘" in told[-1] and "not available" not in told[-1], told
