"""Where a file dialog starts, and the name a saved file is then written under.

Each kind of file (a record's PDF, the hazard ledger's CSV, a bundle on the USB stick, photos
from the camera…) starts in the folder last used for it, kept in the window's settings; the
first time in the user's Documents. Never in the program's working folder or its data folder,
where a newcomer would not find the file again.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

_GROUP = "folders"


class Kind(Enum):
    """The kinds of file that share a starting folder (the setting's key is the value)."""

    PDF = "pdf"                  # records, notices and circulars saved as PDF
    SPREADSHEET = "spreadsheet"  # the statistics and circulars' xlsx
    CSV = "csv"                  # the hazard ledger, the standardisation list
    RECEIVED_PDF = "received-pdf"  # a signed PDF to verify
    PHOTOS = "photos"            # photos of inspections, re-inspections, drills, stations
    COMPANIES = "companies"      # lists of companies to import
    CHECKLISTS = "checklists"    # checklist templates, imported and exported
    HOLIDAYS = "holidays"        # holiday lists of the yearly plan
    BUNDLES = "bundles"          # sync bundles: exported to and imported from the USB stick
    ENROLMENT = "enrolment"      # enrolment files (.p12), issued and installed
    PLAN_FILES = "plan-files"    # files attached to an emergency plan
    SUPPORT = "support"          # reports of an unexpected problem, saved for support


def _settings() -> QSettings | None:
    from inspector_app.ui import screen_fit

    return screen_fit.settings()


def documents_folder() -> Path:
    """The user's Documents, or their home folder when there is none."""
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def start_folder(kind: Kind) -> Path:
    """The folder last used for ``kind`` if it is still there, else the user's Documents."""
    settings = _settings()
    if settings is not None:
        kept = settings.value(f"{_GROUP}/{kind.value}")
        if isinstance(kept, str) and kept and Path(kept).is_dir():
            return Path(kept)
    return documents_folder()


def remember_folder(kind: Kind, chosen: str | Path) -> None:
    """Start the next dialog of ``kind`` where ``chosen`` (a file or a folder) is."""
    settings = _settings()
    if settings is None or not str(chosen):
        return
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    key = f"{_GROUP}/{kind.value}"
    if settings.value(key) != str(folder):  # QSettings rewrites its file for any value set
        settings.setValue(key, str(folder))


def open_file(parent: QWidget | None, kind: Kind, title: str, filters: str) -> Path | None:
    """One file to read, chosen from the folder last used for ``kind``."""
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(kind)), filters)
    if not chosen:
        return None
    remember_folder(kind, chosen)
    return Path(chosen)


def open_files(parent: QWidget | None, kind: Kind, title: str, filters: str) -> list[Path]:
    """Files to read, chosen from the folder last used for ``kind``."""
    chosen, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder(kind)), filters)
    if chosen:
        remember_folder(kind, chosen[0])
    return [Path(c) for c in chosen]


def open_folder(parent: QWidget | None, kind: Kind, title: str) -> Path | None:
    """A folder, chosen from the one last used for ``kind``."""
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start_folder(kind)))
    if not chosen:
        return None
    remember_folder(kind, chosen)
    return Path(chosen)


def save_file(parent: QWidget | None, kind: Kind, title: str, name: str,
              filters: str) -> tuple[str, str]:
    """The file to write (as typed, "" when cancelled) and the filter chosen; the dialog
    starts in the folder last used for ``kind`` with ``name`` filled in."""
    chosen, selected = QFileDialog.getSaveFileName(
        parent, title, str(start_folder(kind) / name), filters)
    if chosen:
        remember_folder(kind, chosen)
    return chosen, selected


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
