"""A laptop set up with ``demo`` sends what a laptop may send, and a refusal for rows that name
what never came says so in the reader's words, with what to do next."""

from __future__ import annotations

from datetime import date

import pytest

from inspector_app.errors import InspectorError
from inspector_app.services.demo import build_demo
from inspector_app.services.pki import PkiService
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


def test_a_demo_made_before_enrolling_is_refused_in_words_saying_what_to_do(tmp_path):
    world = World(tmp_path)
    laptop = world.ctx("c")
    try:
        build_demo(laptop.db, laptop.device, laptop.data_dir.photos, companies=3,
                   inspections=2, seed=3, today=date(2026, 6, 1))
        office = PkiService(world.office.db, world.office.device)
        data, _ = office.issue("王芳", "3205009", ORG_PASS, ONE_TIME)
        PkiService(laptop.db, laptop.device).import_identity(data, ONE_TIME, OWN)
        with pytest.raises(InspectorError) as refused:
            world.import_(world.export(laptop), org_passphrase=ORG_PASS)
        english = refused.value.localized("en")
        assert "emergency stations name units" in english
        assert "a demo run there before it was enrolled" in english
        assert "enter those emergency stations here" in english
        chinese = refused.value.localized("zh_CN")
        assert "应急站点" in chinese and "单位" in chinese
        assert "stations" not in chinese and "units" not in chinese
    finally:
        laptop.close()
        world.close()
