"""What the window's start does besides building the window: PySide's module check made
quicker, the garbage collector held back until the first page."""

from __future__ import annotations

import gc
import sys
import typing

import inspector_app.app as entry
import inspector_app.services.inspection_list
import inspector_app.ui.main_window  # the ui package installs the quicker check
from inspector_app.paths import DataDir


def test_pysides_module_check_gives_pysides_answer_quicker():
    feature = sys.modules["shibokensupport.feature"]
    quick = feature._mod_uses_pyside
    assert getattr(quick, "quick", False)
    slow = quick.pysides  # PySide's own, still asked for a module without a source file
    modules = [inspector_app.ui.main_window,             # names PySide6
               inspector_app.services.inspection_list,   # does not
               typing,                                   # the standard library's
               sys,                                      # built in: no file
               sys.modules["shibokensupport.feature"]]   # PySide's own, no file on disk
    assert [quick(m) for m in modules] == [slow(m) for m in modules] == [True, False, False,
                                                                          False, False]


def test_the_collector_runs_again_when_the_window_cannot_start(tmp_path, monkeypatch):
    monkeypatch.setattr(entry, "display_available", lambda: False)
    assert gc.isenabled()
    assert entry.run_gui(DataDir(tmp_path / "data"), "en", leave=False) == 2
    assert gc.isenabled()
