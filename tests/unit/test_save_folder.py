"""File dialogs start where the user's own files of that kind are: the folder last used for
them, else Documents; never the program's working folder, nor its data folder."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog

from inspector_app.ui import save_folder
from inspector_app.ui.save_folder import Kind, open_file, save_file, start_folder


@pytest.fixture
def documents(tmp_path, monkeypatch):
    folder = tmp_path / "Documents"
    folder.mkdir()
    real = QStandardPaths.writableLocation

    def writable(location):
        if location == QStandardPaths.StandardLocation.DocumentsLocation:
            return str(folder)
        return real(location)

    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(writable))
    return folder


@pytest.fixture
def settings(tmp_path, monkeypatch):
    kept = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(save_folder, "_settings", lambda: kept)
    return kept


def test_a_dialog_starts_in_documents_then_where_that_kind_was_last_saved(
        qtbot, tmp_path, documents, settings, monkeypatch):
    usb = tmp_path / "U盘"
    usb.mkdir()
    offered: list[str] = []

    def dialog(_parent, _title, start, _filters):
        offered.append(start)
        return str(usb / "台账.csv"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    chosen, _ = save_file(None, Kind.CSV, "Export", "hazard-ledger.csv", "CSV (*.csv)")
    assert chosen == str(usb / "台账.csv")
    assert offered == [str(documents / "hazard-ledger.csv")]
    save_file(None, Kind.CSV, "Export", "hazard-ledger.csv", "CSV (*.csv)")
    assert offered[-1] == str(usb / "hazard-ledger.csv")
    # Each kind its own folder: a PDF still starts in Documents.
    assert start_folder(Kind.PDF) == documents
    # Kept for the next start of the program.
    settings.sync()
    again = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    monkeypatch.setattr(save_folder, "_settings", lambda: again)
    assert start_folder(Kind.CSV) == usb


def test_a_folder_gone_since_sends_the_dialog_back_to_documents(
        qtbot, tmp_path, documents, settings, monkeypatch):
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *_a: (str(stick / "office.inspx"), "")))
    assert open_file(None, Kind.BUNDLES, "Import", "*.inspx") == stick / "office.inspx"
    assert start_folder(Kind.BUNDLES) == stick
    stick.rmdir()                              # the USB stick taken out
    assert start_folder(Kind.BUNDLES) == documents


def test_cancelled_changes_nothing_and_no_documents_means_home(qtbot, settings, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a: ("", "")))
    assert open_file(None, Kind.CHECKLISTS, "Import", "*.yaml") is None
    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(lambda _l: ""))
    assert start_folder(Kind.CHECKLISTS) == Path.home()


def test_the_suffix_is_added_never_put_in_place_of_part_of_the_name(qtbot, tmp_path):
    from inspector_app.ui.save_folder import saved_as

    assert saved_as(None, str(tmp_path / "ledger.v2"), ".csv") == tmp_path / "ledger.v2.csv"
    assert saved_as(None, str(tmp_path / "ledger.CSV"), ".csv") == tmp_path / "ledger.CSV"
    assert saved_as(None, "", ".csv") is None


def test_a_file_the_added_suffix_would_replace_is_asked_about(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from inspector_app.ui.save_folder import saved_as

    kept = tmp_path / "budget.csv"
    kept.write_text("the user's own budget")
    asked: list[str] = []

    def answer(reply):
        def question(_parent, _title, text, *args, **kwargs):
            asked.append(text)
            return reply
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    assert saved_as(None, str(tmp_path / "budget"), ".csv") is None
    assert asked == ["budget.csv already exists. Replace it?"]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    assert saved_as(None, str(tmp_path / "budget"), ".csv") == kept
    assert kept.read_text() == "the user's own budget"      # asking wrote nothing
