"""Save dialogs start where the user's own files go, not among the issued copies."""

from pathlib import Path

from inspector_app.paths import DataDir
from inspector_app.ui.save_folder import save_folder


def test_saves_start_in_exports_apart_from_the_copies_kept_by_hash(tmp_path):
    data_dir = DataDir(tmp_path / "data")
    data_dir.documents.mkdir(parents=True)
    (data_dir.documents / f"{'a' * 64}.pdf").write_bytes(b"%PDF-1.7")
    folder = save_folder(data_dir)
    assert folder == data_dir.exports and folder.is_dir()
    assert list(folder.iterdir()) == []          # no hash-named files beside the user's own


def test_a_data_folder_that_cannot_hold_it_sends_the_dialog_home(tmp_path):
    blocked = tmp_path / "data"
    blocked.write_text("a file, not a folder")
    assert save_folder(DataDir(blocked)) == Path.home()


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
