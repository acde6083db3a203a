"""A full export imported again reads as reassurance: what it carried again is already here;
rows kept as they are here although the bundle's differ are told apart."""

from __future__ import annotations

from inspector_app.services.sync.report import summary
from tests.unit.test_sync import World, laptop_work


def test_a_full_export_imported_again_says_everything_is_already_here(tmp_path):
    world = World(tmp_path)
    try:
        laptop_work(world, world.a)
        world.import_(world.export(world.a, full=True))
        again = world.import_(world.export(world.a, full=True)).to_json()
    finally:
        world.close()
    told = summary(again, "in", "en")
    assert "Nothing new" in told
    assert any(line.endswith("items were already here, the same or newer from the same "
                             "computer: nothing to do") for line in told), told
    assert not any("kept as" in line for line in told), told
    chinese = "\n".join(summary(again, "in", "zh_CN"))
    assert "本机已有" in chinese and "无需处理" in chinese
    assert "保留了本机的版本" not in chinese


def test_rows_kept_although_they_differ_are_told_apart_from_those_already_here():
    report = {"file_name": "b.inspx", "status": "imported", "device_name": "laptop-2",
              "signer": "李娜", "created_at": "2026-11-28T01:30:00.000Z",
              "tables": {"answers": {"skipped": {"identical": 865, "signed, kept": 2}},
                         "templates": {"skipped": {"taken only from the office": 3}}}}
    told = summary(report, "in", "en")
    assert "865 items were already here, the same or newer from the same computer: nothing " \
           "to do" in told
    assert "2 items kept as they are here (newer here or signed)" in told
    assert "3 items left as they are here: only the office sends them" in told
