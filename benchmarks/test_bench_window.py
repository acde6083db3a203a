"""The main window with a district's data: shown, first page filled, against a bare Qt window.

Both start as a fresh process, so interpreter and Qt start-up are in both figures.
"""

from __future__ import annotations

import sys

from benchmarks.measure import check_budget, check_ratio, require, run_timed

RATIO = 1.5
RSS_MB = 300

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 820)
window.show()
app.processEvents()
"""

# The program's own start (run_gui) until the Inspections page shows its first rows.
OURS = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from inspector_app import app as entry
from inspector_app.paths import DataDir
from inspector_app.ui import main_window

show = main_window.MainWindow.show

def shown(self):
    show(self)
    def filled():
        page = self.inspections_page
        if page.loaded and page.model.rowCount():
            QApplication.instance().quit()
        else:
            QTimer.singleShot(2, filled)
    filled()

main_window.MainWindow.show = shown
from pathlib import Path
sys.exit(entry.run_gui(DataDir(Path(sys.argv[1])), "zh_CN"))
"""


def test_window_shown_with_the_first_page_filled(district, tmp_path):
    run_timed([sys.executable, "-c", BARE])  # warm: Qt's libraries in the file cache
    run_timed([sys.executable, "-c", OURS, str(district)])
    baseline = min(run_timed([sys.executable, "-c", BARE])[0] for _ in range(3))
    runs = [run_timed([sys.executable, "-c", OURS, str(district)]) for _ in range(3)]
    measured = min(r[0] for r in runs)
    peak_mb = max(r[1] for r in runs) / 1024
    require(check_budget("window: peak RSS", peak_mb, RSS_MB, unit="MB"),
            check_ratio("window shown, first page filled, against a bare QMainWindow", measured,
                        baseline, at_most=RATIO))
