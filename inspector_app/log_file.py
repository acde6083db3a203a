"""The log file of a run, and the command line's way of setting the log up: once something
loads ``logging``.

Most commands log nothing and load nothing that logs, and loading ``logging`` (with the
traceback, threading, weakref and string modules it brings) is 4 ms of their start, a tenth
of what ``hazards counts`` adds to Python's own. So the file is made at once, as
``logs.setup_logging`` makes it, and the handler is added the moment ``logging`` is loaded,
before the module that loaded it can make a record.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from inspector_app.storage.files import make_private_dir, make_private_file

if TYPE_CHECKING:
    from pathlib import Path

LOG_NAME = "inspector.log"


def prepare(log_dir: Path) -> bool:
    """The log file there, and the user's only, from the start; whether it can be written
    (a folder that cannot take the log is said now, not at a failure)."""
    try:
        make_private_dir(log_dir)
        make_private_file(log_dir / LOG_NAME)
        with (log_dir / LOG_NAME).open("a", encoding="utf-8"):
            pass
    except OSError:
        return False
    return True


def set_up_when_loaded(log_dir: Path) -> None:
    """``logs.setup_logging(log_dir)``, or records dropped where the folder cannot take
    them: now if ``logging`` is loaded already, else as soon as something loads it."""
    if "logging" in sys.modules:
        _set_up(log_dir)
        return
    prepare(log_dir)
    sys.meta_path.insert(0, _SetUpOnLoad(log_dir))


def _set_up(log_dir: Path) -> None:
    import logging

    from inspector_app.logs import setup_logging

    if setup_logging(log_dir) is None:
        # Not on stderr either: a library's warning is no message for the user.
        logging.getLogger().addHandler(logging.NullHandler())


class _SetUpOnLoad:
    """First of ``sys.meta_path``, for ``logging`` only: the other finders find it (the
    frozen build's too), and the log is set up as soon as the module has run."""

    def __init__(self, log_dir: Path) -> None:
        self.log_dir = log_dir

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name != "logging":
            return None
        sys.meta_path.remove(self)
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            spec = find(name, path, target) if find is not None else None
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _ThenSetUp(spec.loader, self.log_dir)
                return spec
        return None


class _ThenSetUp:
    """A module's loader, which then sets the log up."""

    def __init__(self, loader: Any, log_dir: Path) -> None:
        self._loader = loader
        self._log_dir = log_dir

    def create_module(self, spec: Any) -> Any:
        return self._loader.create_module(spec)

    def exec_module(self, module: Any) -> None:
        self._loader.exec_module(module)
        _set_up(self._log_dir)

    def __getattr__(self, name: str) -> Any:  # what else the import system asks of it
        return getattr(self._loader, name)
