"""Named sizes of ``demo --preset``: (companies, inspections).

"district" is a year of a whole district's inspections: the data set the benchmarks measure the
lists and the window with (``INSPECTOR_BENCH_INSPECTIONS`` scales it, keeping ten inspections
per company). Kept apart from the demo itself, which is large to import.
"""

from __future__ import annotations

PRESETS: dict[str, tuple[int, int]] = {"district": (2_000, 20_000)}


def district_companies(inspections: int) -> int:
    """How many companies a district with ``inspections`` inspections has (at least one)."""
    companies, per_preset = PRESETS["district"]
    return max(1, inspections * companies // per_preset)
