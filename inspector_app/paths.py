"""Where things live: the user's data dir, and the resources shipped with the program."""

from __future__ import annotations

import os
from pathlib import Path

from inspector_app import APP_ID
from inspector_app.i18n import N_

DATA_DIR_ENV = "INSPECTOR_DATA_DIR"


def _package() -> Path:
    # The package's own folder, as importlib.resources.files() gives it for a package on disk
    # (a wheel, a checkout, a PyInstaller bundle), without importing importlib.resources and
    # zipfile at every start.
    return Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    """A folder shipped with the program: ``resources`` or ``forms``.

    The wheel and the PyInstaller bundle carry them inside the package (``inspector_app/forms``);
    a source checkout keeps them at the top of the repository, beside the package.
    """
    package = _package()
    inside = package / name
    return inside if inside.is_dir() else package.parent / name


def resources_dir() -> Path:
    return _shipped("resources")


def forms_dir() -> Path:
    return _shipped("forms")


def guide_dir() -> Path:
    """The user guide: one folder of Markdown pages (and img/) per language.

    Packaged as ``inspector_app/guide``; in a checkout it is ``docs/guide``.
    """
    package = _package()
    inside = package / "guide"
    return inside if inside.is_dir() else package.parent / "docs" / "guide"


def chinese_font() -> Path:
    return resources_dir() / "fonts" / "wqy-microhei.ttc"


def default_data_dir() -> Path:
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env)
    import platformdirs

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
    def rendered_documents(self) -> Path:
        """Documents as last laid out (a cache: deleting it loses nothing but time)."""
        return self.root / "cache" / "documents"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def sync_refusals(self) -> Path:
        """The bundles this computer refused, one JSON line each (the database stays as it
        was when a bundle is refused, so they are kept beside it)."""
        return self.root / "sync-refused.jsonl"

    @property
    def settings(self) -> Path:
        return self.root / "settings.ini"

    def ensure(self) -> None:
        from inspector_app.errors import InspectorError, from_os_error
        from inspector_app.storage.files import make_private_dir

        if self.root.exists() and not self.root.is_dir():
            raise InspectorError(N_("The data folder {root} is a file, not a folder: give "
                                    "--data-dir a folder (it is created if missing)."),
                                 root=self.root)
        try:
            # The database, keys and logs are for this user only.
            make_private_dir(self.root)
        except OSError as exc:
            raise from_os_error(exc, self.root) from exc
