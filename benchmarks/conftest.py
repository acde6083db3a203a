"""What every benchmark shares: the district data set, ratios against a baseline, the record.

Each figure is a ratio against a baseline measured in the same run on the same machine (these
machines are noisy, and shared), checked against its target. Every figure of a run is appended
to ``benchmarks/RESULTS.md`` so a regression shows; a missed target fails and says by how much.

Sizes: ``INSPECTOR_BENCH_INSPECTIONS`` (default 2,000; ``demo --preset district`` is 20,000) sets
the data set, built once with ``demo`` and kept in ``INSPECTOR_BENCH_DIR`` (default
``~/.cache/inspector-bench``) for later runs.
"""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from benchmarks.measure import CACHE, COMPANIES, FIGURES, INSPECTIONS, RESULTS, cli, machine
from inspector_app.storage.migrations import schema_version

_HEADER = ("| date (UTC) | machine | data set | figure | measured | baseline | ratio | target "
           "| result |\n|---|---|---|---|---|---|---|---|---|\n")


@pytest.fixture(scope="session", autouse=True)
def bytecode() -> None:
    """The program's modules compiled, as an installed program has them: where
    PYTHONDONTWRITEBYTECODE is set, every child process would otherwise compile every module it
    imports, and start-up figures would measure the compiler."""
    import compileall

    import inspector_app

    compileall.compile_dir(Path(inspector_app.__file__).parent, quiet=1)


@pytest.fixture(scope="session")
def district() -> Path:
    """A data dir with INSPECTIONS inspections of COMPANIES companies, built once and kept."""
    root = CACHE / f"district-{COMPANIES}-{INSPECTIONS}-v{schema_version()}"
    done = root / ".complete"
    if not done.exists():
        import shutil

        shutil.rmtree(root, ignore_errors=True)
        # The district preset, at the size asked for (``demo --preset district`` at 20,000).
        subprocess.run(cli("--data-dir", str(root), "demo", "--preset", "district",
                           "--companies", str(COMPANIES), "--inspections", str(INSPECTIONS),
                           "--seed", "2026"), check=True)
        done.write_text(datetime.now(UTC).isoformat())
    return root


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not FIGURES:
        return
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M")
    data = f"{INSPECTIONS:,} inspections"
    lines = [f"| {stamp} | {machine()} | {data} | {f.name} | {f.measured:.4g} {f.unit} | "
             f"{f.baseline:.4g} {f.unit} | {f.ratio:.2f}x | {f.target} | "
             f"{'pass' if f.passed else 'FAIL'} |\n" for f in FIGURES]
    new = not RESULTS.exists()
    with RESULTS.open("a", encoding="utf-8") as handle:
        if new:
            handle.write("# Benchmark results\n\nAppended by every `make bench` run.\n\n"
                         + _HEADER)
        handle.writelines(lines)
