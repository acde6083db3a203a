"""Help → About → Licences shows Inspector's licence and every shipped component's notice."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from inspector_app.services import notices
from inspector_app.services.notices import NOTICES_NAME, build_notices, notices_text


def test_about_leads_to_the_licences(qtbot, window):
    box = window.show_about()
    qtbot.waitUntil(box.isVisible)
    button = next(b for b in box.buttons()
                  if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole)
    button.click()
    dialog = window.licences_dialog
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.text.toPlainText()
    assert "Apache License 2.0" in text
    for name in ("PySide6", "reportlab", "pyHanko", "pi_heif", "WenQuanYi Micro Hei"):
        assert f"\n  {name} " in text, name
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text  # Qt's licence, shipped in resources
    assert "x265" not in text  # no GPL encoder among the HEIC libraries
    dialog.close()


def test_a_bundle_shows_the_notices_written_at_build_time(tmp_path, monkeypatch):
    built = build_notices()
    written = notices.write_notices(tmp_path / NOTICES_NAME, leave_out=["aiohttp"])
    monkeypatch.setattr(notices, "resources_dir", lambda: tmp_path)
    assert notices_text() == written.read_text(encoding="utf-8")
    assert "\n  aiohttp " not in notices_text() and "\n  aiohttp " in built
