"""Resolving a draft kept twice by an import: keep this computer's version or take the other."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from inspector_app.cli import main
from inspector_app.errors import ValidationError
from inspector_app.services.inspections import InspectionService
from inspector_app.services.sync.conflicts import list_conflicts, resolve
from inspector_app.ui.pages.sync import SyncPage
from tests.unit.test_sync import World, laptop_work, rows

PARTS = ("answers", "findings", "photos", "signatures", "inspection_inspectors")


def kept_twice(world: World) -> tuple[str, str]:
    """A draft edited at the office and on laptop A (which also adds a hazard), imported:
    returns (the draft's id, the conflict's id)."""
    draft = laptop_work(world, world.a)
    world.import_(world.export(world.a))
    InspectionService(world.office.db, world.office.device, "主任").set_note(
        draft, "a1", "办公室修改")
    field = InspectionService(world.a.db, world.a.device, "张伟")
    field.set_note(draft, "a1", "现场修改")
    field.add_finding(draft, description="消防通道堵塞", grade="general")
    world.import_(world.export(world.a))
    (conflict,) = list_conflicts(world.office.db)
    return draft, conflict.id


def part_count(db, inspection_id: str) -> dict[str, int]:
    return {t: db.execute(f"SELECT COUNT(*) FROM {t} WHERE inspection_id = ?",
                          [inspection_id]).fetchone()[0] for t in PARTS}


def note(db, inspection_id: str) -> str:
    return db.execute("SELECT note FROM answers WHERE inspection_id = ? AND item_id = 'a1'",
                      [inspection_id]).fetchone()[0]


def test_the_conflict_is_listed_with_what_differs(world):
    draft, conflict_id = kept_twice(world)
    (info,) = list_conflicts(world.office.db)
    assert info.id == conflict_id and info.local_id == draft and info.resolvable
    assert info.answers_differing == 1
    assert info.findings_incoming == info.findings_here + 1
    assert info.company and info.changed_at
    # The laptop by its enrolled inspector (its computer name is the same on every laptop).
    assert info.changed_by == f"张伟 ({world.a.device.doc_prefix})"
    assert list_conflicts(world.office.db, include_resolved=True) == [info]


def test_keep_local_removes_the_copy_and_its_parts(world):
    draft, conflict_id = kept_twice(world)
    db = world.office.db
    (info,) = list_conflicts(db)
    before = part_count(db, draft)
    resolve(db, world.office.device, conflict_id, "local", "主任")
    assert db.execute("SELECT COUNT(*) FROM inspections WHERE conflict_of IS NOT NULL"
                      ).fetchone()[0] == 0
    assert set(part_count(db, info.incoming_id).values()) == {0}
    assert part_count(db, draft) == before
    assert note(db, draft) == "办公室修改"
    assert list_conflicts(db) == []
    (done,) = list_conflicts(db, include_resolved=True)
    assert done.resolved_at and not done.resolvable
    audit = db.execute("SELECT actor, new_value, inspection_id FROM audit_log "
                       "WHERE entity = 'conflict' AND entity_id = ?", [conflict_id]).fetchall()
    assert audit == [("主任", "local", draft)]
    # The same version arriving again does not bring the copy back.
    again = world.import_(world.export(world.a, full=True))
    assert again.tables["inspections"].conflicts == 0
    assert list_conflicts(db) == []
    assert note(db, draft) == "办公室修改"


def test_take_incoming_makes_the_record_the_other_version(world):
    draft, conflict_id = kept_twice(world)
    db = world.office.db
    number = db.execute("SELECT number FROM inspections WHERE id = ?", [draft]).fetchone()[0]
    resolve(db, world.office.device, conflict_id, "incoming", "主任")
    assert db.execute("SELECT COUNT(*) FROM inspections WHERE conflict_of IS NOT NULL"
                      ).fetchone()[0] == 0
    assert note(db, draft) == "现场修改"
    assert db.execute("SELECT number FROM inspections WHERE id = ?", [draft]).fetchone()[0] \
        == number
    # Every part now has the id the laptop uses: the office holds exactly the laptop's version.
    for table in ("inspections", *PARTS):
        mine = {k: v for k, v in rows(world.a, table).items()
                if v.get("inspection_id", v.get("id")) == draft}
        theirs = rows(world.office, table)
        assert all(theirs.get(k) == v for k, v in mine.items()), table
    audit = db.execute("SELECT new_value FROM audit_log WHERE entity = 'conflict'").fetchall()
    assert audit == [("incoming",)]
    # The laptop's next edit is an ordinary update, not a new conflict.
    InspectionService(world.a.db, world.a.device, "张伟").set_note(draft, "a1", "再改")
    report = world.import_(world.export(world.a))
    assert report.tables["inspections"].conflicts == 0
    assert note(db, draft) == "再改"


def test_an_already_resolved_conflict_is_refused(world):
    _draft, conflict_id = kept_twice(world)
    db = world.office.db
    resolve(db, world.office.device, conflict_id, "local", "主任")
    audit = db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    with pytest.raises(ValidationError, match="already resolved"):
        resolve(db, world.office.device, conflict_id, "incoming", "主任")
    assert db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == audit


def test_a_signed_side_is_refused_and_nothing_changes(world):
    draft, conflict_id = kept_twice(world)
    db = world.office.db
    with db.atomic():  # locked as signing would
        db.execute("UPDATE inspections SET status = 'signed' WHERE id = ?", [draft])
    before = {t: rows(world.office, t) for t in ("inspections", "conflicts", *PARTS)
              if t != "conflicts"}
    for keep in ("local", "incoming"):
        with pytest.raises(ValidationError, match="signed"):
            resolve(db, world.office.device, conflict_id, keep, "主任")
    assert {t: rows(world.office, t) for t in before} == before
    assert len(list_conflicts(db)) == 1


def test_cli_lists_and_resolves(world, capsys):
    _draft, conflict_id = kept_twice(world)
    office = ["--data-dir", str(world.office.data_dir.root), "sync"]
    world.office.close()
    assert main([*office, "conflicts"]) == 0
    assert conflict_id in capsys.readouterr().out
    assert main([*office, "resolve", conflict_id, "--keep", "incoming"]) == 0
    assert "resolved" in capsys.readouterr().out
    assert main([*office, "resolve", conflict_id, "--keep", "local"]) == 1
    assert "already resolved" in capsys.readouterr().err
    assert main([*office, "conflicts"]) == 0
    assert "no open conflicts" in capsys.readouterr().out


def test_sync_page_shows_and_resolves_a_conflict(qtbot, world, monkeypatch):
    draft, _conflict_id = kept_twice(world)
    page = SyncPage(world.office)
    qtbot.addWidget(page)
    assert page.conflicts.rowCount() == 1
    assert "1" in page.conflicts.item(0, 2).text()
    assert not page.take_other_button.isEnabled()
    page.conflicts.selectRow(0)
    assert page.take_other_button.isEnabled()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a)
                        or QMessageBox.StandardButton.Yes)
    page.take_other_button.click()
    assert asked and page.conflicts.rowCount() == 0
    assert note(world.office.db, draft) == "现场修改"
    assert page.status.text() == "Conflict resolved."


def test_a_conflict_the_database_refused_is_said_in_chinese(qtbot, qapp, world, capsys):
    # The row keeps SQLite's English refusal; the page and 'sync conflicts' put it into words.
    from inspector_app.ui.fonts import register_fonts
    from inspector_app.ui.i18n import LanguageSwitcher

    world.office.db["conflicts"].insert({
        "id": "c-clash", "table_name": "companies", "local_id": "?", "incoming_id": "co-1",
        "bundle_id": "b-1", "peer_device": world.a.device.id,
        "reason": "UNIQUE constraint failed: companies.credit_code",
        "created_at": "2026-12-01T08:00:00Z", "resolved_at": None})
    register_fonts(qapp)
    switcher = LanguageSwitcher()
    switcher.apply("zh_CN")
    try:
        page = SyncPage(world.office)
        qtbot.addWidget(page)
        [said] = [page.conflicts.item(r, 2).text() for r in range(page.conflicts.rowCount())]
        assert "统一社会信用代码" in said and "constraint" not in said, said
        page.conflicts.selectRow(0)
        assert "统一社会信用代码" in page.conflict_help.text()
        assert "constraint" not in page.conflict_help.text()
    finally:
        switcher.apply("en")
    world.office.close()
    assert main(["--lang", "zh_CN", "--data-dir", str(world.office.data_dir.root), "sync",
                 "conflicts"]) == 0
    out = capsys.readouterr().out
    assert "c-clash" in out and "统一社会信用代码" in out, out
    assert "constraint failed" not in out and "companies" not in out
