"""Short commands start fast: only the module of the given subcommand is imported.

Targets on the reference 2-core machine: ``inspector-app --version`` under 0.3 s and
``inspector-app info`` under 0.8 s. They are checked as ratios to ``python -c pass`` with the
same interpreter and site-packages (the fastest of several runs of each), since these machines
are noisy; a ratio stays meaningful when the whole machine is slower or busier.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

RUNS = 7
# python -c pass takes ~0.04 s there: 0.3 s and 0.8 s are ~7.5x and ~20x of it.
VERSION_RATIO = 7.5
INFO_RATIO = 20.0


def _program() -> list[str]:
    script = Path(sys.executable).with_name("inspector-app")
    found = str(script) if script.exists() else shutil.which("inspector-app")
    return [found] if found else [sys.executable, "-m", "inspector_app"]


def _fastest(cmd: list[str]) -> float:
    best = float("inf")
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, timeout=60)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.fixture(scope="module")
def baseline() -> float:
    return _fastest([sys.executable, "-c", "pass"])


def test_version_starts_within_its_ratio(baseline):
    seconds = _fastest([*_program(), "--version"])
    ratio = seconds / baseline
    print(f"--version {seconds:.3f} s = {ratio:.1f} x python -c pass ({baseline:.3f} s)")
    assert ratio <= VERSION_RATIO


def test_info_starts_within_its_ratio(baseline, tmp_path):
    cmd = [*_program(), "--data-dir", str(tmp_path / "data"), "info"]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, timeout=60)  # creates the database
    seconds = _fastest(cmd)
    ratio = seconds / baseline
    print(f"info {seconds:.3f} s = {ratio:.1f} x python -c pass ({baseline:.3f} s)")
    assert ratio <= INFO_RATIO

