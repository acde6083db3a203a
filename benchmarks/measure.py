"""Measuring: ratios against a baseline of the same run, budgets, timed child processes.

Every figure is collected in ``FIGURES``; ``conftest.py`` appends them to ``RESULTS.md``.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from inspector_app.services.demo_sizes import district_companies

RESULTS = Path(__file__).with_name("RESULTS.md")
INSPECTIONS = int(os.environ.get("INSPECTOR_BENCH_INSPECTIONS", "2000"))
# The district of ``demo --preset district``, scaled to INSPECTIONS.
COMPANIES = district_companies(INSPECTIONS)
CACHE = Path(os.environ.get("INSPECTOR_BENCH_DIR", Path.home() / ".cache" / "inspector-bench"))

@dataclass
class Figure:
    name: str
    measured: float      # seconds (or bytes / MB for memory figures)
    baseline: float
    target: str          # "<= 3x", ">= 0.5x", ...
    passed: bool
    unit: str = "s"

    @property
    def ratio(self) -> float:
        return self.measured / self.baseline if self.baseline else float("inf")


FIGURES: list[Figure] = []


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.node()}, {os.cpu_count()} cores, {cpu}"


def check_ratio(name: str, measured: float, baseline: float, at_most: float | None = None,
                at_least: float | None = None, unit: str = "s") -> str | None:
    """Record ``measured / baseline``; what it misses its target by, or None if it meets it.

    ``at_least`` is for throughput figures: ``measured`` and ``baseline`` are then rates.
    """
    ratio = measured / baseline if baseline else float("inf")
    if at_most is not None:
        target, passed = f"<= {at_most:g}x", ratio <= at_most
        miss = f"{ratio / at_most:.2f}x over" if not passed else ""
    else:
        assert at_least is not None
        target, passed = f">= {at_least:g}x", ratio >= at_least
        miss = f"{at_least / ratio:.2f}x short" if not passed else ""
    FIGURES.append(Figure(name, measured, baseline, target, passed, unit))
    print(f"\n{name}: {measured:.4g} {unit} against {baseline:.4g} {unit} = {ratio:.2f}x "
          f"(target {target})")
    return None if passed else f"{name}: {ratio:.2f}x misses the target {target} ({miss})"


def note_ratio(name: str, measured: float, baseline: float, unit: str = "s") -> None:
    """Record a figure that has no target of its own (work moved out of the user's way)."""
    FIGURES.append(Figure(name, measured, baseline, "-", True, unit))
    print(f"\n{name}: {measured:.4g} {unit} against {baseline:.4g} {unit} = "
          f"{measured / baseline if baseline else float('inf'):.2f}x (no target)")


def check_budget(name: str, measured: float, budget: float, unit: str = "s") -> str | None:
    """An absolute bound (a median in milliseconds, a peak in MB), recorded like a ratio."""
    passed = measured <= budget
    FIGURES.append(Figure(name, measured, budget, f"<= {budget:g} {unit}", passed, unit))
    print(f"\n{name}: {measured:.4g} {unit} (budget {budget:g} {unit})")
    if passed:
        return None
    return f"{name}: {measured:.4g} {unit} is {measured / budget:.2f}x the budget of " \
           f"{budget:g} {unit}"


def require(*misses: str | None) -> None:
    """Fail with every missed target of a benchmark, after all of them were recorded."""
    missed = [m for m in misses if m]
    assert not missed, "\n".join(missed)


def median_time(fn: Callable[[], object], runs: int = 7, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def interleaved_medians(*fns: Callable[[], object], runs: int = 7, warmup: int = 1
                        ) -> list[float]:
    """The median time of each of ``fns``, called in turn round after round: a figure and its
    baseline measured in the same moments, so that a busy spell of the shared disk or CPU
    weighs on both alike (measured one block after the other, the same code gave 0.8x and
    4.3x its baseline)."""
    for _ in range(warmup):
        for fn in fns:
            fn()
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(runs):
        for fn, kept in zip(fns, times, strict=True):
            start = time.perf_counter()
            fn()
            kept.append(time.perf_counter() - start)
    return [statistics.median(kept) for kept in times]


def run_timed(args: list[str]) -> tuple[float, int]:
    """Wall time and peak RSS (kB) of one child process.

    The peak comes from GNU time when it is installed: a child forked straight from this
    (large) test process would be charged with the parent's pages it had before ``exec``.
    """
    gnu_time = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists()
                                        else None)
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "rss"
        command = [gnu_time, "-f", "%M", "-o", str(report), *args] if gnu_time else args
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            raise subprocess.CalledProcessError(child.returncode, args)
        peak = int(report.read_text().split()[-1]) if gnu_time else usage.ru_maxrss
    return elapsed, peak


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "inspector_app", *args]




def camera_jpeg(path: Path, size: tuple[int, int] = (4000, 3000), seed: int = 0) -> Path:
    """A photo as a camera takes it: a scene with detail and sensor noise (a few MB at 12 MP).

    Smooth synthetic pictures compress to a fraction of that and decode faster, so they flatter
    every figure that reads photos.
    """
    from PIL import Image

    scene = Image.linear_gradient("L").resize(size).convert("RGB")
    detail = Image.effect_noise((max(1, size[0] // 40), max(1, size[1] // 40)), 60 + seed % 7)
    scene = Image.blend(scene, detail.convert("RGB").resize(size, Image.Resampling.BICUBIC), 0.6)
    noise = Image.merge("RGB", [Image.effect_noise(size, 18) for _ in range(3)])
    photo = Image.blend(scene, noise, 0.3)
    exif = Image.Exif()
    exif[271], exif[272] = "Canon", "EOS R5"
    photo.save(path, "JPEG", quality=92, exif=exif)
    return path
