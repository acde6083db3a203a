"""Where things live: the user's data dir, and the resources shipped with the program."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from inspector_app import APP_ID

DATA_DIR_ENV = "INSPECTOR_DATA_DIR"


def install_root() -> Path:
    """The folder holding resources/ and forms/ (the repo, or the PyInstaller bundle)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return install_root() / "resources"


def forms_dir() -> Path:
    return install_root() / "forms"


def guide_dir() -> Path:
    """The user guide: one folder of Markdown pages (and img/) per language."""
    return install_root() / "docs" / "guide"


def chinese_font() -> Path:
    return resources_dir() / "fonts" / "wqy-microhei.ttc"


def default_data_dir() -> Path:
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def resolve_data_dir(override: str | os.PathLike[str] | None) -> Path:
    return Path(override).expanduser().resolve() if override else default_data_dir()


class DataDir:
    """The files of one data dir; creating the folder is the caller's choice."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @property
    def database(self) -> Path:
        return self.root / "inspector.sqlite3"

    @property
    def photos(self) -> Path:
        return self.root / "photos"

    @property
    def documents(self) -> Path:
        return self.root / "documents"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def settings(self) -> Path:
        return self.root / "settings.ini"

    def ensure(self) -> None:
        from inspector_app.errors import InspectorError, from_os_error

        if self.root.exists() and not self.root.is_dir():
            raise InspectorError(f"The data folder {self.root} is a file, not a folder: give "
                                 "--data-dir a folder (it is created if missing).")
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise from_os_error(exc, self.root) from exc
