"""The Sync page: export and import in the background, history with reports."""

from __future__ import annotations

import pytest

from inspector_app.ui.pages.sync import SyncPage
from tests.unit.test_sync import ORG_PASS, OWN, World, laptop_work


@pytest.fixture
def world(tmp_path):
    w = World(tmp_path)
    yield w
    w.close()


def test_export_then_import_through_the_page(qtbot, world):
    laptop_work(world, world.a)
    usb = world.root / "usb"
    usb.mkdir()
    laptop_page = SyncPage(world.a)
    qtbot.addWidget(laptop_page)
    with qtbot.waitSignal(laptop_page.finished, timeout=20_000) as done:
        laptop_page.export_to(usb, OWN)
    ok, text = done.args
    assert ok, text
    bundle = next(usb.glob("*.inspx"))
    assert bundle.name in text
    assert laptop_page.table.rowCount() == 1

    office_page = SyncPage(world.office)
    qtbot.addWidget(office_page)
    with qtbot.waitSignal(office_page.finished, timeout=20_000) as done:
        office_page.import_file(bundle, ORG_PASS)
    assert done.args[0], done.args[1]
    assert "inspections: 1 added" in office_page.report.toPlainText()
    office_page.table.selectRow(0)
    assert "inspections: 1 added" in office_page.report.toPlainText()

    with qtbot.waitSignal(office_page.finished, timeout=20_000) as done:
        office_page.import_file(bundle, "wrong-passphrase-9")
    assert not done.args[0] and "passphrase" in done.args[1].lower()
    assert office_page.import_button.isEnabled()
