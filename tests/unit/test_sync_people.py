"""Laptops set up from one image share a computer name ("vm"): the office tells them apart by
the inspector enrolled on each, with its number prefix, in the sync history and the
number-block dialog."""

from __future__ import annotations

from inspector_app.services.sync import history
from inspector_app.ui.dialogs.number_blocks_dialog import NumberBlocksDialog
from inspector_app.ui.pages.sync import SyncPage
from tests.unit.test_sync import laptop_work


def test_the_office_names_each_laptop_by_its_inspector(qtbot, world):
    for laptop, seed in ((world.a, 0), (world.b, 1)):
        laptop_work(world, laptop, photos=0, seed=seed)
        world.import_(world.export(laptop))
    a, b = world.a.device, world.b.device
    assert a.name == b.name  # one computer name for both: what the supervisor saw
    expected = {f"张伟 ({a.doc_prefix})", f"李娜 ({b.doc_prefix})"}

    assert {row["from"] for row in history(world.office.db)} == expected
    page = SyncPage(world.office)
    qtbot.addWidget(page)
    assert {page.table.item(r, 4).text() for r in range(page.table.rowCount())} == expected

    dialog = NumberBlocksDialog(world.office)
    qtbot.addWidget(dialog)
    listed = {dialog.device.itemText(i) for i in range(dialog.device.count())}
    assert expected <= listed
    dialog.device.setCurrentIndex(dialog.device.findText(f"李娜 ({b.doc_prefix})"))
    assert dialog.device_ref() == b.id
