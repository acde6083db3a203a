"""Where a save dialog starts, and the name the file is then written under."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from inspector_app.paths import DataDir


def save_folder(data_dir: DataDir) -> Path:
    """The data folder's exports, made if need be; the home folder if it cannot be."""
    folder = data_dir.exports
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return Path.home()
    return folder


def saved_as(parent: QWidget | None, chosen: str, suffix: str) -> Path | None:
    """The file ``chosen`` in a save dialog is written as: with ``suffix`` added if it lacks
    it (never replacing part of the name: "budget.v2" becomes "budget.v2.csv"). The dialog
    asked before replacing what the user typed, not the name with the suffix: when that one
    exists, ask now. None: not chosen, or the user keeps the existing file."""
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix.lower():
        path = path.with_name(path.name + suffix)
    if path == Path(chosen) or not path.exists():
        return path
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("SaveFolder", "Replace the file?"),
        QCoreApplication.translate("SaveFolder", "{0} already exists. Replace it?")
        .format(path.name))
    return path if answer == QMessageBox.StandardButton.Yes else None
