"""The template library: import, versions, conflicts, retiring, export, shipped templates."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector_app.domain.checklist import LoadedTemplate
from inspector_app.errors import InspectorError, NotFoundError
from inspector_app.services.forms import ensure_shipped_templates, load_template_file
from inspector_app.storage.templates_repo import TemplateConflict, TemplateRepo

TEMPLATE = """\
format: inspector-template/1
id: fire-routine
version: "{version}"
title: {{zh: {title}, en: Routine fire check}}
kind: routine
sections:
  - id: s1
    title: {{zh: 消防, en: Fire}}
    items:
      - id: exits
        type: check
        grade: major
        text: {{zh: 安全出口畅通, en: Exits are clear}}
        legal_basis: {{zh: 《消防法》第二十八条, en: Fire Protection Law Art. 28}}
      - id: count
        type: number
        min: 0
        text: {{zh: 灭火器数量, en: Number of extinguishers}}
"""


def loaded(tmp_path: Path, version: str = "1", title: str = "日常消防检查",
           name: str | None = None) -> LoadedTemplate:
    path = tmp_path / (name or f"fire-{version}.yaml")
    path.write_text(TEMPLATE.format(version=version, title=title), encoding="utf-8")
    return load_template_file(path)


@pytest.fixture
def repo(db) -> TemplateRepo:
    return TemplateRepo(db, "device-1")


def rows(repo: TemplateRepo) -> list[tuple]:
    return repo.db.execute("SELECT * FROM templates ORDER BY key").fetchall()


def test_import_adds_the_template(repo, tmp_path):
    t = loaded(tmp_path)
    result = repo.import_template(t)
    assert (result.key, result.status) == ("fire-routine@1", "added")
    [record] = repo.list()
    assert (record.template_id, record.version, record.title_zh, record.title_en) == (
        "fire-routine", "1", "日常消防检查", "Routine fire check")
    assert (record.item_count, record.content_hash, record.source_file) == (
        2, t.content_hash, str(t.source))
    assert repo.get("fire-routine@1") == t.template
    assert repo.definition("fire-routine@1") == t.definition
    row = repo.db.execute("SELECT device_id, created_at FROM templates").fetchone()
    assert row[0] == "device-1" and row[1].endswith("Z")


def test_same_content_twice_changes_nothing(repo, tmp_path):
    repo.import_template(loaded(tmp_path))
    before = rows(repo)
    again = repo.import_template(loaded(tmp_path, name="copy.yaml"))
    assert (again.key, again.status) == ("fire-routine@1", "unchanged")
    assert rows(repo) == before


def test_same_version_with_other_content_is_refused_and_nothing_changes(repo, tmp_path):
    repo.import_template(loaded(tmp_path))
    before = rows(repo)
    with pytest.raises(TemplateConflict) as caught:
        repo.import_template(loaded(tmp_path, title="改过的标题", name="changed.yaml"))
    assert isinstance(caught.value, InspectorError)
    assert caught.value.message.startswith(
        "Template fire-routine version 1 is already in the library with different content")
    assert caught.value.message.endswith(
        "Give the changed template a new version number; the library was not changed.")
    assert rows(repo) == before


def test_a_new_version_lives_beside_the_old(repo, tmp_path):
    for version in ("2", "10", "1"):
        repo.import_template(loaded(tmp_path, version=version, title=f"消防 v{version}"))
    assert [r.key for r in repo.list()] == ["fire-routine@1", "fire-routine@2", "fire-routine@10"]
    assert repo.get("fire-routine@2").title.zh == "消防 v2"
    assert repo.resolve("fire-routine") == "fire-routine@10"
    assert repo.resolve("fire-routine@2") == "fire-routine@2"


def test_retired_versions_are_hidden_from_the_list(repo, tmp_path):
    repo.import_template(loaded(tmp_path, version="1"))
    repo.import_template(loaded(tmp_path, version="2"))
    repo.set_retired("fire-routine@2", True)
    assert [r.key for r in repo.list()] == ["fire-routine@1"]
    assert [(r.key, r.retired) for r in repo.list(include_retired=True)] == [
        ("fire-routine@1", False), ("fire-routine@2", True)]
    assert repo.resolve("fire-routine") == "fire-routine@1"
    assert repo.get("fire-routine@2").key == "fire-routine@2"  # still there for old records
    repo.set_retired("fire-routine@2", False)
    assert len(repo.list()) == 2


def test_unknown_keys_are_not_found(repo):
    for call in (lambda: repo.get("nope@1"), lambda: repo.set_retired("nope@1", True),
                 lambda: repo.resolve("nope"), lambda: repo.export("nope@1", Path("x"))):
        with pytest.raises(NotFoundError, match="There is no template nope"):
            call()


def test_export_round_trip_keeps_the_hash(repo, tmp_path):
    original = loaded(tmp_path)
    repo.import_template(original)
    out = tmp_path / "out" / "exported.yaml"
    out.parent.mkdir()
    out.write_text("old content", encoding="utf-8")
    repo.export("fire-routine@1", out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# fire-routine@1: exported from the Inspector template library\n")
    assert text.index("format:") < text.index("id:") < text.index("sections:")
    assert "日常消防检查" in text  # readable Chinese, not \u escapes
    again = load_template_file(out)
    assert again.content_hash == original.content_hash
    assert again.template == original.template
    assert [p.name for p in out.parent.iterdir()] == ["exported.yaml"]  # no temp file left


def test_export_to_a_missing_folder_is_an_expected_failure(repo, tmp_path):
    repo.import_template(loaded(tmp_path))
    with pytest.raises(InspectorError, match="not available"):
        repo.export("fire-routine@1", tmp_path / "no-such-dir" / "x.yaml")


def test_ensure_shipped_imports_missing_files_once_and_survives_bad_ones(repo, tmp_path):
    good = loaded(tmp_path).source
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: inspector-template/1\n", encoding="utf-8")
    first = ensure_shipped_templates(repo, [good, bad])
    assert sorted((r.status, r.source) for r in first) == [("added", good), ("refused", bad)]
    assert ensure_shipped_templates(repo, [good])[0].status == "unchanged"
    assert [r.key for r in repo.list()] == ["fire-routine@1"]


def test_ensure_shipped_reports_a_conflict_without_raising(repo, tmp_path):
    repo.import_template(loaded(tmp_path))
    changed = loaded(tmp_path, title="改过的标题", name="changed.yaml").source
    [result] = ensure_shipped_templates(repo, [changed])
    assert (result.key, result.status) == ("fire-routine@1", "refused")
    assert repo.get("fire-routine@1").title.zh == "日常消防检查"


def test_window_start_skips_shipped_files_already_imported_but_not_new_or_broken_ones(
        repo, tmp_path, monkeypatch):
    import inspector_app.services.forms as forms

    good = loaded(tmp_path).source
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: inspector-template/1\n", encoding="utf-8")
    # A refused file is tried again at the next start: it may have been fixed.
    assert ensure_shipped_templates(repo, [good, bad], skip_if_unchanged=True)
    assert ensure_shipped_templates(repo, [good, bad], skip_if_unchanged=True)
    assert [r.status for r in ensure_shipped_templates(repo, [good], skip_if_unchanged=True)] \
        == ["unchanged"]
    parsed = []
    monkeypatch.setattr(forms, "load_template_file", lambda path: parsed.append(path))
    assert ensure_shipped_templates(repo, [good], skip_if_unchanged=True) == []
    assert parsed == []  # the same files as last time: not even read as templates
    other = loaded(tmp_path, version="2").source
    monkeypatch.undo()
    [result] = [r for r in ensure_shipped_templates(repo, [good, other], skip_if_unchanged=True)
                if r.source == other]
    assert result.status == "added"


def test_a_refused_shipped_template_says_why_in_the_language_it_is_read_in(repo, tmp_path):
    # The refusal is kept, not its text of the moment the library was filled.
    repo.import_template(loaded(tmp_path))
    changed = loaded(tmp_path, title="改过的标题", name="changed.yaml").source
    [result] = ensure_shipped_templates(repo, [changed])
    assert result.said_in("en").startswith(
        "Template fire-routine version 1 is already in the library with different content")
    chinese = result.said_in("zh_CN")
    assert "fire-routine" in chinese and "already in the library" not in chinese, chinese
    assert isinstance(result.said, TemplateConflict)
