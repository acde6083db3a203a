"""The wheel works on its own: installed into a fresh venv outside the checkout, it finds its
templates, font and translations (packaged data, read through importlib.resources).

The venv borrows the dependencies from the running interpreter's site-packages through a .pth
file (no network, a few seconds) and gets the wheel with ``pip install --no-deps``; every
command runs with the working directory outside the checkout and no PYTHONPATH.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow
# What the wheel is built from (the sdist's contents).
PACKAGED = ("pyproject.toml", "setup.py", "README.md", "LICENSE", "inspector_app", "resources",
            "forms", "docs/guide")


def _run(cmd: list[str], cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "INSPECTOR_DATA_DIR")}
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, f"{cmd}: exit {result.returncode}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the venv's inspector-app, a folder outside the checkout to run it in)."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"  # a copy: building writes build/ and *.egg-info into the tree
    for name in PACKAGED:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name,  # parents made as needed
                            ignore=shutil.ignore_patterns("__pycache__"))
        elif (ROOT / name).exists():
            source.mkdir(exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    wheels = work / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels),
          str(source)], cwd=work)
    [wheel] = wheels.glob("inspector_app-*.whl")

    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / Path(sys.executable).name
    purelib = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_path("
                         "'purelib'))"], cwd=work).stdout.strip())
    # The dependencies come from here; this interpreter's own copy of inspector_app (an
    # editable install) is not on that path, as .pth files in it are not processed.
    (purelib / "borrowed-deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q",
          str(wheel)], cwd=work)
    outside = work / "elsewhere"
    outside.mkdir()
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {f"inspector_app/forms/{p.name}" for p in (ROOT / "forms").glob("*.yaml")}
    assert shipped <= names
    assert "inspector_app/resources/fonts/wqy-microhei.ttc" in names
    assert "inspector_app/resources/translations/inspector_zh_CN.qm" in names
    assert {"inspector_app/guide/zh_CN/index.md", "inspector_app/guide/en/index.md"} <= names
    return bin_dir / "inspector-app", outside


def test_commands_work_outside_the_checkout(installed):
    program, cwd = installed
    where = _run([str(program.with_name(Path(sys.executable).name)), "-c",
                  "import inspector_app.paths as p; print(p.__file__); print(p.forms_dir())"],
                 cwd=cwd).stdout.splitlines()
    assert not where[0].startswith(str(ROOT)) and not where[1].startswith(str(ROOT))

    assert "inspector-app" in _run([str(program), "--version"], cwd=cwd).stdout
    data = ["--data-dir", str(cwd / "data")]
    listing = _run([str(program), *data, "forms", "list", "--json"], cwd=cwd).stdout
    ids = {row["id"] for row in json.loads(listing)}
    assert len(ids) >= 5, ids

    _run([str(program), *data, "demo", "--companies", "2", "--inspections", "3", "--seed", "1"],
         cwd=cwd)
    inspections = json.loads(_run([str(program), *data, "inspections", "list", "--json"],
                                  cwd=cwd).stdout)
    pdf = cwd / "record.pdf"
    _run([str(program), *data, "export", "pdf", inspections[0]["id"], "--document", "record",
          "--lang", "zh_CN", "-o", str(pdf)], cwd=cwd)
    assert pdf.read_bytes().startswith(b"%PDF")
    index = Path(_run([str(program), "guide", "path"], cwd=cwd).stdout.strip().splitlines()[-1])
    assert not str(index).startswith(str(ROOT)) and index.is_file()  # the guide, from the wheel
    if shutil.which("pdffonts"):  # the shipped Chinese font is embedded, found in the wheel
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
        assert "WenQuanYi" in fonts


def test_translations_load_from_the_wheel(installed):
    program, cwd = installed
    python = program.with_name(Path(sys.executable).name)
    code = ("from PySide6.QtCore import QCoreApplication\n"
            "from inspector_app.ui.i18n import LanguageSwitcher\n"
            "app = QCoreApplication([])\n"
            "languages = LanguageSwitcher()\n"
            "print(languages.apply('zh_CN'))\n"
            "print(QCoreApplication.translate('MainWindow', '&File'))\n")
    loaded, file_menu = _run([str(python), "-c", code], cwd=cwd).stdout.split()
    assert loaded == "True" and file_menu != "&File"
