import sys

from inspector_app.storage.repositories import ProfileRepo
from inspector_app.ui.crash import CrashDialog, crash_report
from inspector_app.ui.dialogs.first_run import FirstRunDialog


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
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    inspector = ProfileRepo(ctx.db, ctx.device).current_inspector()
    assert (inspector.name, inspector.enforcement_id) == ("李娜", "32050099")
    assert ctx.device.doc_prefix == "泉台A"


def test_crash_dialog_saves_a_report(qtbot, tmp_path):
    try:
        raise ZeroDivisionError("division by zero in the test")
    except ZeroDivisionError:
        report = crash_report(*sys.exc_info())
    dialog = CrashDialog(report, tmp_path / "logs")
    qtbot.addWidget(dialog)
    assert "ZeroDivisionError" in dialog.detailedText()
    saved = dialog.save_report(tmp_path / "logs" / "crash.txt")
    text = saved.read_text(encoding="utf-8")
    assert "division by zero in the test" in text
    assert "Inspector" in text.splitlines()[0]
