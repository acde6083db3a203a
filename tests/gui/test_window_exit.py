"""The window's exit: the process ends at once after the window closed, and loses nothing.

The program's own start leaves without tearing down every object (``app.leave_process``), so
this runs the real ``run_gui`` in a process of its own and looks at what it left on disk.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from inspector_app.ui.data_lock import LOCK_NAME

ROOT = Path(__file__).resolve().parents[2]

# Once the window shows: a company is saved, a line logged, another page chosen and a bug
# raised in a slot (the crash handler logs it; its dialog is not clicked here). Then the window
# is closed as the user closes it, and the event loop ends with the status asked for.
SESSION = """
import logging, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from inspector_app import app as entry
from inspector_app.paths import DataDir
from inspector_app.ui import crash, main_window
from tests.factories import add_company

crash.CrashDialog.exec = lambda self: 0
show = main_window.MainWindow.show

def shown(self):
    show(self)

    def work():
        add_company(self.ctx.db, name="Closing Time Ltd")
        logging.getLogger("inspector_app.exit_check").warning("written before the exit")
        self.show_page(2)
        raise RuntimeError("a bug in a slot")

    def close():
        self.close()
        QApplication.instance().exit(int(sys.argv[2]))

    QTimer.singleShot(0, work)
    QTimer.singleShot(100, close)

main_window.MainWindow.show = shown
entry.run_gui(DataDir(Path(sys.argv[1])), "en")
sys.exit("run_gui returned: the process did not end when the window closed")
"""


def _env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.pop("INSPECTOR_DATA_DIR", None)
    return env


@pytest.mark.slow
def test_closing_the_window_ends_the_process_with_everything_saved(tmp_path):
    data = tmp_path / "data"
    cli = [sys.executable, "-m", "inspector_app", "--data-dir", str(data)]
    subprocess.run([*cli, "profile", "set", "--name", "张伟", "--organisation", "泉台区应急管理局",
                    "--prefix", "QT01"], env=_env(), check=True, capture_output=True, timeout=120)

    run = subprocess.run([sys.executable, "-c", SESSION, str(data), "3"], env=_env(), cwd=ROOT,
                         capture_output=True, text=True, timeout=120)

    assert run.returncode == 3, run.stderr  # the event loop's status, kept
    assert "did not end" not in run.stderr
    # The database closed: its write-ahead log checkpointed and gone, the company in the file.
    assert not (data / "inspector.sqlite3-wal").exists()
    with sqlite3.connect(data / "inspector.sqlite3") as db:
        names = [r[0] for r in db.execute("SELECT name FROM companies")]
    assert names == ["Closing Time Ltd"]
    # The settings the window saves as it closes are on disk.
    settings = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)
    assert int(settings.value("window/page")) == 2
    assert settings.value("window/geometry") is not None
    # The log has the line and the bug the crash handler caught, whole.
    log = (data / "logs" / "inspector.log").read_text("utf-8")
    assert "written before the exit" in log
    assert "unexpected error" in log and "RuntimeError: a bug in a slot" in log
    # The window's lock is released: the next start is not told the data dir is in use.
    assert not (data / LOCK_NAME).exists()
