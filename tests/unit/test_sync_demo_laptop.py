"""A laptop set up with ``demo`` sends what a laptop may send, and a refusal for rows that name
what never came says so in the reader's words, with what to do next."""

from __future__ import annotations

from datetime import date

from inspector_app.services.demo import build_demo
from inspector_app.services.emergency import EmergencyService
from inspector_app.services.pki import PkiService
from inspector_app.services.sync.report import summary
from inspector_app.services.units import UnitsService
from tests.unit.test_sync import ONE_TIME, ORG_PASS, OWN, World


def test_an_enrolled_laptops_demo_is_taken_by_an_office_set_up_anew(tmp_path):
    world = World(tmp_path)
    try:
        build_demo(world.a.db, world.a.device, world.a.data_dir.photos, companies=3,
                   inspections=6, seed=3, today=date(2026, 6, 1))
        # The district's units are the office's: the laptop made none of its own.
        assert UnitsService(world.a.db, world.a.device.id).all_units() == []
        report = world.import_(world.export(world.a), org_passphrase=ORG_PASS)
        assert report.status == "imported"
        # The six inspections and the re-inspections the demo made of them.
        made = world.a.db.execute("SELECT COUNT(*) FROM inspections").fetchone()[0]
        assert made > 6 and report.tables["inspections"].added == made
        assert report.tables["emergency_plans"].added > 0
    finally:
        world.close()


def test_a_demo_made_before_enrolling_brings_its_own_work_and_says_what_it_left(tmp_path):
    world = World(tmp_path)
    laptop = world.ctx("c")
    try:
        build_demo(laptop.db, laptop.device, laptop.data_dir.photos, companies=3,
                   inspections=2, seed=3, today=date(2026, 6, 1))
        office = PkiService(world.office.db, world.office.device)
        data, _ = office.issue("王芳", "3205009", ORG_PASS, ONE_TIME)
        PkiService(laptop.db, laptop.device).import_identity(data, ONE_TIME, OWN)
        stations = len(EmergencyService(laptop.db, laptop.device.id,
                                        laptop.data_dir).stations())
        report = world.import_(world.export(laptop), org_passphrase=ORG_PASS)
        # The laptop's own work is taken: its inspections and the plans of its companies.
        assert report.status == "imported"
        made = laptop.db.execute("SELECT COUNT(*) FROM inspections").fetchone()[0]
        assert report.tables["inspections"].added == made > 0
        assert report.tables["emergency_plans"].added > 0       # the companies' plans
        # What names the units it made itself is left out, and said, with what to do.
        assert report.tables["stations"].skipped[
            "names a unit made on the sending computer"] == stations > 0
        here = EmergencyService(world.office.db, world.office.device.id,
                                world.office.data_dir)
        assert here.stations() == []
        [note] = [n for n in report.notes if "left out" in str(n)]
        english = note.localized("en")
        assert f"{stations} emergency stations" in english
        assert "a demo run there before it was enrolled" in english
        assert "Enter those plans and stations here" in english
        chinese = note.localized("zh_CN")
        assert "应急站点" in chinese and "单位" in chinese
        assert "stations" not in chinese and "units" not in chinese
        summary_lines = summary(report.to_json(), "in", "en")
        assert not any("kept as" in line for line in summary_lines), summary_lines
    finally:
        laptop.close()
        world.close()
