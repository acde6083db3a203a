"""Half-written files left by a killed run are swept at a start; the per-photo folders of the
derived store only once a day, so a large store does not slow every start."""

from __future__ import annotations

import os
import time

from inspector_app.storage.scratch import DERIVED_SWEEP_S, PART_AGE_S, clean_stale


def _old_part(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"half")
    then = time.time() - 2 * PART_AGE_S
    os.utime(path, (then, then))
    return path


def test_derived_leftovers_go_once_a_day(tmp_path):
    derived = tmp_path / "photos" / "derived" / "ab" / ("ab" + "0" * 62)
    first = _old_part(derived / ".thumb.jpg.k1.part")
    original = _old_part(tmp_path / "photos" / "originals" / "ab" / ".ab12.jpg.x1.part")

    clean_stale(tmp_path)
    assert not first.exists() and not original.exists()

    second = _old_part(derived / ".print-a4.jpg.k2.part")
    again = _old_part(tmp_path / "photos" / "originals" / "ab" / ".ab34.jpg.x2.part")
    clean_stale(tmp_path)
    assert second.exists(), "the derived store was walked again within a day"
    assert not again.exists(), "originals are swept at every start"

    clean_stale(tmp_path, now=time.time() + DERIVED_SWEEP_S + 60)
    assert not second.exists()


def test_a_fresh_part_in_the_derived_store_stays(tmp_path):
    derived = tmp_path / "photos" / "derived" / "cd" / ("cd" + "1" * 62)
    derived.mkdir(parents=True)
    fresh = derived / ".thumb.jpg.z9.part"  # perhaps being written right now
    fresh.write_bytes(b"being written")
    clean_stale(tmp_path)
    assert fresh.exists()
