"""The window's start: what it loads before its first page is filled."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# The program's own start until the Inspections page has its rows; then which of the libraries
# only other work needs were loaded by then.
UNTIL_FILLED = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from inspector_app import app as entry
from inspector_app.paths import DataDir
from inspector_app.ui import main_window

LATER = ("sqlite_utils", "reportlab", "pyhanko", "PIL", "jsonschema", "yaml", "openpyxl",
         "PySide6.QtNetwork", "inspector_app.services.plans", "inspector_app.domain.year_plan",
         "inspector_app.ui.help_window", "inspector_app.ui.dialogs.first_run")
show = main_window.MainWindow.show

def shown(self):
    show(self)
    def filled():
        page = self.inspections_page
        if page.loaded and page.model.rowCount():
            print("LOADED", sorted(m for m in sys.modules if m.split(".")[0] in LATER
                                   or m in LATER), file=sys.stderr)
            QApplication.instance().quit()
        else:
            QTimer.singleShot(2, filled)
    filled()

main_window.MainWindow.show = shown
sys.exit(entry.run_gui(DataDir(Path(sys.argv[1])), "zh_CN"))
"""


@pytest.mark.slow
def test_the_first_page_fills_before_the_libraries_of_other_work_load(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.pop("INSPECTOR_DATA_DIR", None)
    data = tmp_path / "data"
    subprocess.run([sys.executable, "-m", "inspector_app", "--data-dir", str(data), "demo",
                    "--companies", "3", "--inspections", "4"], env=env, check=True,
                   capture_output=True, timeout=300)
    run = subprocess.run([sys.executable, "-c", UNTIL_FILLED, str(data)], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    loaded = next(line for line in run.stderr.splitlines() if line.startswith("LOADED"))
    assert loaded == "LOADED []"
