"""The window warns before document numbers run out: a laptop on its status bar, the office in
its list of blocks."""

from __future__ import annotations

from datetime import date

from inspector_app.domain.numbering import DocType
from inspector_app.ui.dialogs.number_blocks_dialog import NumberBlocksDialog

YEAR = date.today().year
LAPTOP = "3f2c7a10-0d1e-4c55-9a6b-2b7e8f9a0c11"


def test_the_status_bar_shows_the_numbers_left_when_they_run_low(qtbot, window, ctx, languages):
    assert window.numbers_left.isHidden()  # no office numbers this computer
    for doc_type in DocType:  # the office's blocks, as a bundle brings them
        last = 15 if doc_type is DocType.ORDER else 100
        ctx.numbers.allocate(ctx.device.id, doc_type, YEAR, 1, last)
    window.update_numbers_left()
    assert not window.numbers_left.isHidden()
    assert window.numbers_left.text() == "Document numbers running low — 应急责改: 15 left"
    assert "Fewer than 20 numbers" in window.numbers_left.toolTip()
    assert "Sync page, Import…" in window.numbers_left.toolTip()
    languages.apply("zh_CN")  # the window follows at its LanguageChange
    qtbot.waitUntil(lambda: window.numbers_left.text() == "文书编号快用完了——应急责改：剩 15 个")
    assert "少于 20 个" in window.numbers_left.toolTip()


def test_the_office_sees_the_blocks_nearly_used_up(qtbot, ctx, languages):
    ctx.numbers.allocate(LAPTOP, "order", YEAR, 1, 15)      # a small block: 15 left
    ctx.numbers.allocate(LAPTOP, "record", YEAR, 1, 100)    # plenty
    ctx.numbers.allocate(LAPTOP, "order", YEAR - 1, 1, 5)   # last year's: no longer issued
    dialog = NumberBlocksDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.low.isHidden()
    text = dialog.low.text()
    assert "fewer than 20 numbers left" in text
    assert f"应急责改〔{YEAR}〕 15 left" in text and f"〔{YEAR - 1}〕" not in text
    low = [r for r in range(dialog.table.rowCount())
           if dialog.table.item(r, 5).font().bold()]
    assert [(dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text()) for r in low] == [
        ("应急责改", str(YEAR))]
    assert "15 numbers" in dialog.table.item(low[0], 5).toolTip()
    languages.apply("zh_CN")
    qtbot.waitUntil(lambda: "少于 20 个" in dialog.low.text())
    assert "剩 15 个" in dialog.low.text()


def test_the_inspection_form_shows_them_too(qtbot, ctx, languages):
    from inspector_app.ui.inspection_window import InspectionWindow
    from tests.pdf_scenarios import official_inspection

    for doc_type in DocType:
        ctx.numbers.allocate(ctx.device.id, doc_type, YEAR, 1, 12 if doc_type is DocType.ORDER
                             else 100)
    built = official_inspection(ctx)
    win = InspectionWindow(ctx, built.inspection_id)
    qtbot.addWidget(win)
    win.show()
    assert not win.numbers_left.isHidden()
    assert win.numbers_left.text() == "Document numbers running low — 应急责改: 12 left"
    win.close()
