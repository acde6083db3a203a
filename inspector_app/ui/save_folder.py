"""The folder a save dialog starts in."""

from __future__ import annotations

from pathlib import Path

from inspector_app.paths import DataDir


def save_folder(data_dir: DataDir) -> Path:
    """The data folder's exports, made if need be; the home folder if it cannot be."""
    folder = data_dir.exports
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return Path.home()
    return folder
