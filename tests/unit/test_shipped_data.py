"""The program finds the data shipped with it, and says so when it is missing."""

from __future__ import annotations

from pathlib import Path

from inspector_app import paths
from inspector_app.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_a_checkout_finds_the_folders_at_the_top_of_the_repository():
    assert paths.forms_dir() == ROOT / "forms"
    assert paths.resources_dir() == ROOT / "resources"
    assert paths.chinese_font().is_file()


def test_no_shipped_templates_is_an_error_not_an_empty_library(tmp_path, monkeypatch, capsys):
    empty = tmp_path / "forms"
    empty.mkdir()
    monkeypatch.setattr(paths, "forms_dir", lambda: empty)
    monkeypatch.setattr("inspector_app.services.shipped_forms.forms_dir", lambda: empty)
    assert main(["--data-dir", str(tmp_path / "data"), "forms", "list"]) == 1
    err = capsys.readouterr().err
    assert "templates shipped with Inspector are missing" in err and str(empty) in err
