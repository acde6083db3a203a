"""A refused bundle is told by its file name, shown in the Sync page's details instead of the
import before it, and kept in the sync history (page and ``sync history``) with why."""

from __future__ import annotations

from datetime import date

import pytest

from inspector_app.cli import main
from inspector_app.errors import InspectorError
from inspector_app.services.demo import build_demo
from inspector_app.services.pki import PkiService
from inspector_app.services.sync import history
from inspector_app.ui.pages.sync import SyncPage
from tests.unit.test_sync import ONE_TIME, ORG_PASS, OWN, World, laptop_work
from tests.unit.test_sync_policy import forge, plain_export


def _refused_bundle(world: World):
    """A bundle of an enrolled laptop claiming a hazard another computer wrote: its signature
    is checked first, so its sender is known, then its rows are refused."""
    laptop = world.ctx("c")
    data, _ = PkiService(world.office.db, world.office.device).issue(
        "王芳", "3205009", ORG_PASS, ONE_TIME)
    PkiService(laptop.db, laptop.device).import_identity(data, ONE_TIME, OWN)
    build_demo(laptop.db, laptop.device, laptop.data_dir.photos, companies=2, inspections=2,
               seed=3, today=date(2026, 6, 1))

    def claimed(tables) -> None:
        tables["findings"][0]["device_id"] = world.office.device.id

    bundle = forge(world, laptop, plain_export(world, laptop), claimed)
    laptop.close()
    return bundle, laptop.device.doc_prefix


def test_the_page_names_the_refused_file_and_shows_its_refusal(qtbot, world):
    laptop_work(world, world.a)
    good = world.export(world.a)
    refused, prefix = _refused_bundle(world)
    page = SyncPage(world.office)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.finished, timeout=30_000) as done:
        page.import_file(good, ORG_PASS)
    assert done.args[0], done.args[1]
    assert "New:" in page.report.toPlainText()

    with qtbot.waitSignal(page.finished, timeout=30_000) as done:
        page.import_file(refused, ORG_PASS)
    ok, text = done.args
    assert not ok
    assert refused.name in text and refused.name in page.status.text()
    shown = page.report.toPlainText()
    assert "New:" not in shown, shown  # not the import before
    assert f"Refused: {refused.name}" in shown
    assert "computer that wrote it: names another device" in shown
    assert "signed by 王芳" in shown
    # The history lists it beside the import that went through.
    assert page.table.rowCount() == 2
    assert page.table.item(0, 3).text() == refused.name
    assert page.table.item(0, 5).text() == "refused"
    assert page.table.item(0, 4).text() == f"王芳 ({prefix})"  # as its bundle named them
    assert page.table.item(1, 5).text() == "imported"


def test_a_damaged_file_is_recorded_and_sync_history_says_why(world, capsys):
    laptop_work(world, world.a)
    bundle = world.export(world.a)
    damaged = bundle.with_name("damaged.inspx")
    damaged.write_bytes(bundle.read_bytes()[:2000])
    with pytest.raises(InspectorError):
        world.import_(damaged)
    world.import_(bundle)  # a refusal does not count as the bundle imported
    rows = history(world.office.db, data_dir=world.office.data_dir)
    assert [r["status"] for r in rows] == ["imported", "refused"]
    world.office.close()
    capsys.readouterr()
    assert main(["--lang", "zh_CN", "--data-dir", str(world.office.data_dir.root), "sync",
                 "history"]) == 0
    out = capsys.readouterr().out
    refused_line = next(line for line in out.splitlines() if "damaged.inspx" in line)
    assert "已拒绝" in refused_line
    assert "不是完整的" in out  # why, in the reader's language


def test_a_dry_run_records_nothing(world):
    with pytest.raises(InspectorError):
        world.import_(_refused_bundle(world)[0], dry_run=True)
    assert history(world.office.db, data_dir=world.office.data_dir) == []
