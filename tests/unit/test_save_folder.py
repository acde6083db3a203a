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
