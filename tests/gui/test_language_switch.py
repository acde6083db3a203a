"""Switching the language while windows are open re-translates all of them."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton

from inspector_app.services.inspections import InspectionService
from inspector_app.ui.labels import local
from tests import pdf_scenarios as sc


def test_the_open_item_panel_follows_the_language(qtbot, window):
    built = sc.official_inspection(window.ctx)
    win = window.open_inspection(built.inspection_id)
    qtbot.waitExposed(win)
    item = next(i for i in win.model.ordered_items() if i.answerable)
    assert win.select_item(item.id)
    InspectionService(window.ctx.db, window.ctx.device, "张伟").set_note(
        built.inspection_id, item.id, "typed before the switch")
    win.reload()
    assert win.select_item(item.id)

    def shown_texts() -> str:
        buttons = win.panel.findChildren(QAbstractButton)
        return " ".join([win.panel.text.text(), win.panel.place.text()]
                        + [b.text() for b in buttons])

    window.set_language("zh_CN", remember=False)
    qtbot.waitUntil(lambda: local(item.text) in win.panel.text.text())
    assert item.text.get("zh_CN") in win.panel.text.text()
    assert "Compliant" not in shown_texts()
    assert win.act_complete.text() != "Complete…"
    assert win.panel.note.toPlainText() == "typed before the switch"
    window.set_language("en", remember=False)
    qtbot.waitUntil(lambda: item.text.get("en") in win.panel.text.text())
    assert "符合" not in shown_texts()
    win.close()
