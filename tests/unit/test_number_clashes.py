"""The newcomer's sequence: the office has numbers in use, a laptop is enrolled, the laptop
numbers records before any block reaches it, the office imports its bundle. No number clashes
silently, and nothing signed loses its number anywhere."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from inspector_app.cli import main
from inspector_app.domain.numbering import DocType, parse_number
from inspector_app.errors import ValidationError
from inspector_app.services.numbers import NumberService
from inspector_app.services.sync import export_bundle
from inspector_app.services.sync.conflicts import list_conflicts
from inspector_app.ui.pages.sync import SyncPage
from tests.pdf_scenarios import official_inspection, services, sign_missing
from tests.unit.test_sync import ORG_PASS, World

OFFICE_1 = "（泉台）应急检记〔2026〕1号"


def _sign(ctx, inspection_id: str) -> None:
    sign_missing(ctx, inspection_id)  # everyone signs first, as the window requires
    with ctx.db.atomic():  # as signing on site leaves it
        ctx.db.execute("UPDATE inspections SET status = 'signed', "
                       "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
                       [inspection_id])


def _number(ctx, inspection_id: str) -> str | None:
    return ctx.db.execute("SELECT number FROM inspections WHERE id = ?",
                          [inspection_id]).fetchone()[0]


def _ledger_numbers(ctx, inspection_id: str) -> set[str | None]:
    return {r[0] for r in ctx.db.execute("SELECT number FROM hazard_ledger "
                                         "WHERE inspection_id = ?", [inspection_id])}


def _office_bundle_to(world: World, laptop) -> None:
    dest = world.root / "to-laptops"
    dest.mkdir(exist_ok=True)
    bundle = export_bundle(world.office.db, world.office.data_dir, world.office.device, dest,
                           passphrase=ORG_PASS)
    world.import_(bundle, laptop)


def test_an_enrolled_laptop_without_a_block_numbers_so_it_cannot_clash(world):
    office, laptop = world.office, world.a
    for _ in range(3):
        official_inspection(office)                  # the office's own 1号, 2号, 3号
    record = official_inspection(laptop).inspection_id
    number = _number(laptop, record)
    # Not 1号 (the office's): a provisional number with the laptop's own code.
    assert number == f"（泉台）应急检记〔2026〕{laptop.device.doc_prefix}-001号"
    assert parse_number(number)["prefix"] == laptop.device.doc_prefix
    _sign(laptop, record)
    report = world.import_(world.export(laptop))
    assert report.tables["inspections"].conflicts == 0
    assert _number(office, record) == number
    assert _ledger_numbers(office, record) == {number}

    # The office's next block starts after the numbers in use, and says which are in use.
    numbers = NumberService(office.db, office.device, "王科长")
    assert numbers.proposal(DocType.RECORD, 2026) == (4, 103)
    with pytest.raises(ValidationError) as refused:
        numbers.allocate(laptop.device.id, "record", 2026, 1, 100)
    assert "numbers 1–3 are in use" in str(refused.value)
    assert "starts at 4" in str(refused.value)
    numbers.allocate(laptop.device.id, "record", 2026, *numbers.proposal(DocType.RECORD, 2026))
    assert numbers.proposal(DocType.RECORD, 2026) == (104, 203)
    # The office goes on numbering its own records, past the block it gave away.
    own = official_inspection(office).inspection_id
    assert _number(office, own) == "（泉台）应急检记〔2026〕104号"
    assert services(office)[2].low_numbers_warning(DocType.RECORD, 2026) is None

    # Once the block arrived, the laptop numbers inside it; the provisional number stays.
    _office_bundle_to(world, laptop)
    # Blocks for another type do not make its records "nearly out of numbers".
    assert services(laptop)[2].low_numbers_warning(DocType.ORDER, 2026) is None
    second = official_inspection(laptop).inspection_id
    assert _number(laptop, second) == "（泉台）应急检记〔2026〕4号"
    assert numbers.proposal(DocType.RECORD, 2026) == (105, 204)
    assert _number(laptop, record) == number


def test_a_number_printed_twice_stays_on_both_records_everywhere(world):
    office, laptop, other = world.office, world.a, world.b
    office_record = official_inspection(office).inspection_id
    assert _number(office, office_record) == OFFICE_1
    _sign(office, office_record)
    # The laptop numbered from 1 as earlier versions did before a block reached it, and the
    # record was signed and printed on site.
    record = official_inspection(laptop).inspection_id
    with laptop.db.atomic():
        laptop.db.execute("UPDATE inspections SET number = ? WHERE id = ?", [OFFICE_1, record])
    _sign(laptop, record)
    report = world.import_(world.export(laptop))
    assert report.tables["inspections"].conflicts == 1

    for ctx in (office, other):
        assert _number(ctx, office_record) == OFFICE_1
        assert _number(ctx, record) == OFFICE_1
        assert _ledger_numbers(ctx, record) == {OFFICE_1}
        if ctx is office:
            _office_bundle_to(world, other)
    [clash] = [c for c in list_conflicts(office.db) if c.reason == "number"]
    assert {clash.local_id, clash.incoming_id} == {office_record, record}
    assert clash.number == OFFICE_1
    # The office's next record skips the number in use twice.
    assert _number(office, official_inspection(office).inspection_id) == (
        "（泉台）应急检记〔2026〕2号")


def _number_printed_twice(world: World) -> tuple[str, str]:
    """The office's signed 1号 and a laptop's signed record numbered 1号, imported."""
    office_record = official_inspection(world.office).inspection_id
    _sign(world.office, office_record)
    record = official_inspection(world.a).inspection_id
    with world.a.db.atomic():
        world.a.db.execute("UPDATE inspections SET number = ? WHERE id = ?", [OFFICE_1, record])
    _sign(world.a, record)
    world.import_(world.export(world.a))
    return office_record, record


def test_the_cli_says_how_to_settle_a_number_printed_twice(world, capsys):
    _number_printed_twice(world)
    (clash,) = list_conflicts(world.office.db)
    office = ["--data-dir", str(world.office.data_dir.root), "sync"]
    world.office.close()
    try:
        assert main([*office, "conflicts"]) == 0
        out = capsys.readouterr().out
        assert f"{OFFICE_1} is printed on two records" in out
        assert f"sync resolve {clash.id} --reviewed" in out
        assert main([*office, "resolve", clash.id, "--keep", "local"]) == 1
        err = capsys.readouterr().err
        assert "both are kept and keep it" in err and "--reviewed" in err
        assert main([*office, "resolve", clash.id, "--reviewed"]) == 0
        assert f"both records keep {OFFICE_1}" in capsys.readouterr().out
        assert main([*office, "conflicts"]) == 0
        assert "no open conflicts" in capsys.readouterr().out
    finally:
        from inspector_app.paths import DataDir
        from inspector_app.services.context import AppContext
        world.office = AppContext(DataDir(world.office.data_dir.root))
    office_db = world.office.db
    assert office_db.execute("SELECT COUNT(*) FROM inspections WHERE number = ?",
                             [OFFICE_1]).fetchone()[0] == 2
    assert office_db.execute("SELECT COUNT(*) FROM audit_log WHERE entity = 'conflict' "
                             "AND action = 'review'").fetchone()[0] == 2
    # The same bundle again does not bring the reviewed clash back.
    world.import_(world.export(world.a, full=True))
    assert list_conflicts(office_db) == []


def test_the_sync_page_explains_each_choice_for_a_number_printed_twice(qtbot, world,
                                                                       monkeypatch):
    _number_printed_twice(world)
    page = SyncPage(world.office)
    qtbot.addWidget(page)
    assert page.conflicts.rowCount() == 1
    assert page.conflicts.item(0, 1).text() == OFFICE_1
    assert not page.review_button.isEnabled()
    assert page.review_button.toolTip() == "Select a conflict in the list first."
    page.conflicts.selectRow(0)
    assert not page.keep_local_button.isEnabled() and not page.take_other_button.isEnabled()
    assert "never changes" in page.keep_local_button.toolTip()
    assert page.review_button.isEnabled()
    assert "Both records keep the number" in page.review_button.toolTip()
    assert f"{OFFICE_1} is printed on two records" in page.conflict_help.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.review_button.click()
    assert page.conflicts.rowCount() == 0
    assert page.status.text() == "Conflict marked as reviewed."


def test_an_enrolled_laptop_is_told_its_numbers_are_provisional(world, capsys):
    laptop = world.a
    root = str(laptop.data_dir.root)
    device_id, prefix = laptop.device.id, laptop.device.doc_prefix
    laptop.close()
    try:
        assert main(["--data-dir", root, "numbers", "list"]) == 0
        out = capsys.readouterr().out
        assert f"provisional numbers with its own code ({prefix}-001" in out
        assert device_id in out and "numbers from 1" not in out
    finally:
        from inspector_app.paths import DataDir
        from inspector_app.services.context import AppContext
        world.a = AppContext(DataDir(root))


def test_cli_proposes_the_first_free_block(world, capsys):
    official_inspection(world.office)
    root = str(world.office.data_dir.root)
    world.office.close()
    try:
        assert main(["--data-dir", root, "numbers", "allocate", "--device", world.a.device.id,
                     "--type", "record", "--year", "2026"]) == 0
        assert " 2-101 " in capsys.readouterr().out
    finally:
        from inspector_app.paths import DataDir
        from inspector_app.services.context import AppContext
        world.office = AppContext(DataDir(root))
