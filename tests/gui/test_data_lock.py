"""The window holds its data folder: a second one is told, in the user's language."""

from __future__ import annotations

import subprocess
import sys

from inspector_app.ui import data_lock


def test_a_second_window_on_one_data_folder_is_told_and_a_dead_owner_frees_it(data_dir,
                                                                              languages):
    from PySide6.QtCore import QTranslator

    from inspector_app.paths import resources_dir

    data_dir.ensure()
    first = data_lock.hold(data_dir.root)
    assert first is not None
    assert data_lock.hold(data_dir.root) is None
    chinese = QTranslator()  # read, not installed: other windows need no language change
    assert chinese.load(str(resources_dir() / "translations" / "inspector_zh_CN.qm"))
    source = ("Another Inspector is using this data folder ({path}). Close it there, or start "
              "Inspector with another data folder.")
    assert chinese.translate("DataLock", source).startswith(
        "另一个 Inspector 正在使用这个数据目录（{path}）")
    assert data_lock.busy_message(data_dir.root).startswith(
        "Another Inspector is using this data folder")
    first.unlock()
    # A window that was killed leaves its lock file; the next window takes it over.
    subprocess.run([sys.executable, "-c", (
        "import sys, os; from PySide6.QtCore import QLockFile; "
        "lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0); "
        "assert lock.tryLock(100); os._exit(9)"), str(data_dir.root / data_lock.LOCK_NAME)],
        check=False)
    assert (data_dir.root / data_lock.LOCK_NAME).exists()
    again = data_lock.hold(data_dir.root)
    assert again is not None
    again.unlock()
