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
import gc
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from inspector_app import app as entry
from inspector_app.paths import DataDir
from inspector_app.ui import main_window

LATER = ("json", "sqlite_utils", "reportlab", "pyhanko", "PIL", "jsonschema", "yaml", "openpyxl",
         "PySide6.QtNetwork", "inspector_app.services.plans", "inspector_app.domain.year_plan",
         "inspector_app.ui.help_window", "inspector_app.ui.dialogs.first_run",
         "inspector_app.storage.inspections_repo", "inspector_app.services.print_copies",
         "inspector_app.ui.crash", "inspector_app.ui.dialogs.passphrase_dialog")
show = main_window.MainWindow.show

def shown(self):
    # Said as soon as the page has read its rows, before it is drawn: polling for the rows
    # instead could see them only after the first frame and the work that follows it.
    page = self.inspections_page
    load = page.load
    def loaded():
        load()
        filled(self, page)
    page.load = loaded
    show(self)

def filled(self, page):
    assert page.model.rowCount()
    print("LOADED", sorted(m for m in sys.modules if m.split(".")[0] in LATER
                           or m in LATER), file=sys.stderr)
    # Made by PySide once a widget Qt made itself (a viewport) is asked for in Python.
    widgets = vars(sys.modules["PySide6.QtWidgets"])
    print("CLASSES", [name for name in ("QColorDialog", "QWizard", "QMdiArea")
                      if name in widgets], file=sys.stderr)
    # Classes PySide makes (with all their enums) when first used: those of dialogs.
    print("DIALOGS", [name for name in ("QMessageBox", "QFileDialog", "QDialogButtonBox")
                      if name in widgets], file=sys.stderr)
    # The style's hundreds of enums: the navigation's icons are files, not the style's.
    print("STYLE", [name for name in ("QStyle", "QStyleOptionViewItem") if name in widgets],
          file=sys.stderr)
    print("BACKGROUND", self.ctx.print_copies is not None, gc.isenabled(), file=sys.stderr)
    stale = Path(sys.argv[1]) / ".sync-999999-k1l2"
    print("STALE", stale.exists(), file=sys.stderr)
    def later():  # the work the start left for after the first page has run
        print("STALE LATER", stale.exists(), file=sys.stderr)
        print("BACKGROUND LATER", self.ctx.print_copies is not None, gc.isenabled(),
              file=sys.stderr)
        QApplication.instance().quit()
    QTimer.singleShot(1500, later)

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
    # What a killed run left (its process id is no process's): swept, but not before the page.
    (data / ".sync-999999-k1l2").mkdir(mode=0o700)
    run = subprocess.run([sys.executable, "-c", UNTIL_FILLED, str(data)], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    said = {line.split(" ", 1)[0]: line for line in run.stderr.splitlines()
            if line.startswith(("LOADED", "CLASSES", "DIALOGS", "STYLE", "STALE", "BACKGROUND"))}
    assert said["LOADED"] == "LOADED []"
    assert said["CLASSES"] == "CLASSES []"
    assert said["DIALOGS"] == "DIALOGS []"
    assert said["STYLE"] == "STYLE []"
    assert "STALE True" in run.stderr and "STALE LATER False" in run.stderr
    # The print copies' maker and the garbage collector start a moment after the first page.
    assert "BACKGROUND False False" in run.stderr
    assert "BACKGROUND LATER True True" in run.stderr
