"""Numbers running low are said before they run out: on the laptop, how many it has left; at
the office, which laptop needs another block (after its documents came back)."""

from __future__ import annotations

import threading
from datetime import date

from inspector_app.domain.numbering import LOW_WATER, DocType
from inspector_app.services.numbers import NumberService
from inspector_app.services.sync import export_bundle
from inspector_app.ui.pages.sync import SyncPage, low_numbers
from tests.unit.test_numbering import _issue_orders
from tests.unit.test_sync import ORG_PASS, World

YEAR = date.today().year


def _blocks_to_laptop(world: World, orders: tuple[int, int]) -> NumberService:
    office = world.office
    numbers = NumberService(office.db, office.device, "王科长")
    numbers.allocate(world.a.device.id, "record", YEAR, 1, 500)
    numbers.allocate(world.a.device.id, "order", YEAR, *orders)
    dest = world.root / "to-laptops"
    dest.mkdir(exist_ok=True)
    world.import_(export_bundle(office.db, office.data_dir, office.device, dest,
                                passphrase=ORG_PASS), world.a)
    return numbers


def test_the_threshold_is_twenty():
    assert LOW_WATER == 20


def test_a_laptop_knows_how_many_numbers_it_has_left(world):
    _blocks_to_laptop(world, (101, 130))  # 30 orders
    here = world.a.numbers
    assert here.left_here() == {DocType.RECORD: 500, DocType.ORDER: 30}
    assert here.low_here() == {}
    _issue_orders(world.a, 10)
    assert here.low_here() == {}  # 20 left: not yet
    _issue_orders(world.a, 1)
    assert here.low_here() == {DocType.ORDER: 19}
    # A computer no office numbers is never "running low".
    assert world.b.numbers.left_here() == {}


def test_the_office_sees_which_laptop_runs_low_once_its_documents_came_back(world, qtbot,
                                                                           monkeypatch):
    numbers = _blocks_to_laptop(world, (101, 130))
    assert [(s.doc_type, s.left) for s in numbers.shortages()] == []
    _issue_orders(world.a, 11)
    assert numbers.shortages() == []  # the office has not seen them yet
    bundle = world.export(world.a)

    counted_on = []
    shortages = NumberService.shortages

    def counting(self, *args, **kwargs):
        counted_on.append(threading.current_thread())
        return shortages(self, *args, **kwargs)

    monkeypatch.setattr(NumberService, "shortages", counting)
    page = SyncPage(world.office)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.finished, timeout=20_000) as done:
        page.import_file(bundle, ORG_PASS)
    assert done.args[0], done.args[1]
    # Counted on the thread pool, the import told at once; the notice follows.
    qtbot.waitUntil(lambda: "nearly used up" in page.status.text(), timeout=20_000)
    assert counted_on and threading.main_thread() not in counted_on
    assert page.status.text().startswith(done.args[1] + "\n")
    (short,) = numbers.shortages()
    assert (short.device_id, short.doc_type, short.year, short.left) == (
        world.a.device.id, DocType.ORDER, YEAR, 19)
    told = page.status.text()
    assert "Document numbers nearly used up (fewer than 20 left): " in told
    assert f"应急责改〔{YEAR}〕 19 left" in told
    assert "Tools → Document-number blocks…" in told
    # Past years are no longer issued: their blocks never run low.
    assert numbers.shortages(year=YEAR + 1) == []


def test_a_laptop_counts_no_laptop_low_on_numbers(world):
    _blocks_to_laptop(world, (101, 110))  # 10: low at once, but the laptop allocates nothing
    assert low_numbers(None, world.a) == []


def test_numbers_list_names_the_blocks_nearly_used_up(world, capsys):
    from inspector_app.cli import main

    _blocks_to_laptop(world, (101, 119))  # 19 numbers: low from the start
    assert main(["--data-dir", str(world.office.data_dir.root), "numbers", "list"]) == 0
    out = capsys.readouterr().out
    assert f"应急责改〔{YEAR}〕 19 left (fewer than 20): allocate another block" in out
    assert out.count("nearly used up") == 1  # the records' block has 500
