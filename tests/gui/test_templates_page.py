"""The Templates page: the library table, the preview, import with its errors, retire, export."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTreeWidgetItem

from inspector_app.commands.forms import run_validate
from inspector_app.services.forms import (
    ensure_shipped_templates,
    load_template_file,
    validate_file,
)
from inspector_app.storage.templates_repo import TemplateRepo
from inspector_app.ui import messages
from inspector_app.ui.models.templates_model import FINGERPRINT_CHARS, TemplatesModel
from inspector_app.ui.pages import templates as templates_page
from inspector_app.ui.pages.templates import ITEM_ID_ROLE, SECTION_ID_ROLE, TemplatesPage

GM = "gm-major-hazard-2023@2023.2"

VALID = """\
format: inspector-template/1
id: test-mini
version: "1"
title: {zh: 测试模板, en: Test template}
kind: routine
language: zh_CN
sections:
  - id: s1
    title: {zh: 第一部分, en: Part one}
    items:
      - id: a
        type: check
        text: {zh: 安全出口畅通, en: Exits are clear}
        grade: general
        legal_basis: {zh: 第一条, en: Art. 1}
      - id: b
        type: yes_no
        text: {zh: 设有仓库, en: There is a store}
      - id: c
        type: number
        text: {zh: 压力, en: Pressure}
        unit: MPa
        min: 0
        max: 3
        show_if: {item: b, equals: true}
"""

# Line 15 repeats the id of line 11; line 19 has a type the format does not know.
BROKEN = """\
format: inspector-template/1
id: test-bad
version: "1"
title: {zh: 坏模板, en: Broken template}
kind: routine
language: zh_CN
sections:
  - id: s1
    title: {zh: 第一部分, en: Part one}
    items:
      - id: a
        type: check
        text: {zh: 甲, en: A}
        grade: general
      - id: a
        type: yes_no
        text: {zh: 乙, en: B}
      - id: c
        type: checkbox
        text: {zh: 丙, en: C}
"""


@pytest.fixture
def page(qtbot, ctx, languages):
    widget = TemplatesPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1040, 740)
    widget.show()
    widget.refresh()
    return widget


@pytest.fixture
def said() -> list[str]:
    """What the page tells the user through services.messages (the status bar in the app)."""
    texts: list[str] = []
    messages.install_sink(lambda _level, _title, text: texts.append(text))
    return texts


def library(page: TemplatesPage) -> list[tuple[str, str, bool]]:
    return [(r.key, r.content_hash, r.retired) for r in page.repo.list(include_retired=True)]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def tree_items(page: TemplatesPage) -> dict[str, QTreeWidgetItem]:
    found = {}
    for s in range(page.tree.topLevelItemCount()):
        section = page.tree.topLevelItem(s)
        for i in range(section.childCount()):
            node = section.child(i)
            found[node.data(0, ITEM_ID_ROLE)] = node
    return found


def test_model_passes_the_model_tester(qtmodeltester, ctx):
    repo = TemplateRepo(ctx.db, ctx.device.id)
    ensure_shipped_templates(repo)
    repo.set_retired(GM, True)
    model = TemplatesModel(repo)
    model.reload()
    qtmodeltester.check(model)
    assert model.row_of(GM) == -1
    model.set_include_retired(True)
    qtmodeltester.check(model)
    row = model.row_of(GM)
    columns = TemplatesModel.COLUMNS
    shown = {c: model.index(row, columns.index(c)).data() for c in columns}
    assert shown["items"] == 71
    assert shown["retired"] == "yes"
    assert len(shown["hash"]) == FINGERPRINT_CHARS
    assert model.index(row, 0).data(TemplatesModel.KeyRole) == GM


def test_shipped_templates_are_listed_and_previewed(page, monkeypatch):
    record = page.repo.record(GM)
    # The Art. 14 note, 64 situations (Arts. 3-13), the general item of Art. 13 (1)'s single gap,
    # 3 yes/no screening questions and the two questions of Art. 13 (1).
    assert record.item_count == 71
    row = page.model.row_of(GM)
    assert row >= 0
    assert page.model.index(row, TemplatesModel.COLUMNS.index("items")).data() == 71

    assert page.select_key(GM)
    assert page.selected_key() == GM
    template = page.repo.get(GM)
    assert page.tree.topLevelItemCount() == len(template.sections) == 11
    assert page.tree.topLevelItem(0).text(0) == "Management (Art. 3)"
    note = page.tree.topLevelItem(0).child(0)
    assert "Art. 14" in note.text(0)
    first = page.tree.topLevelItem(0).child(1)
    assert first.text(0).startswith("2. ") and first.text(0).endswith(" *")
    assert (first.text(1), first.text(2), first.text(3)) == ("Check", "Major", "Art. 3 (1)")
    summary = page.summary.text()
    for part in ("Sections: 11", "Items: 71", "Check 65", "Yes/No 5", "Major 64"):
        assert part in summary

    # The first item is chosen; a check item shows its answer widget the way the inspector sees
    # it, off.
    assert page.tree.currentItem() is note
    page.tree.setCurrentItem(first)
    assert page.editor is not None and not page.editor.isEnabled()
    basis = page.detail.basis.text()
    assert basis.startswith("Determination Standard for Major Accident Hazards in Industry and "
                            "Trade Enterprises (MEM Order No. 10), Art. 3 (1)")
    assert "未对承包单位、承租单位的安全生产工作统一协调、管理，或者未定期进行安全检查的" in basis
    assert page.detail.guidance.text()

    # A section shows what it is for; a conditional item says when it is shown.
    page.tree.setCurrentItem(page.tree.topLevelItem(1))
    assert page.editor is None
    assert "Metallurgy" in page.detail.text.text()

    calls = []
    monkeypatch.setattr(templates_page, "ensure_shipped_templates",
                        lambda *a, **k: calls.append(a) or [])
    page.refresh()
    assert calls == []  # once per page life, already done by the fixture
    # Showing the page again keeps the chosen template and the place in its tree.
    assert page.selected_key() == GM
    assert page.tree.currentItem().data(0, SECTION_ID_ROLE) == "metallurgy"


def test_a_broken_file_lists_every_problem_and_changes_nothing(page, tmp_path, capsys):
    before = library(page)
    path = write(tmp_path, "broken.yaml", BROKEN)

    assert page.import_file(path) is None

    dialog = page.last_errors_dialog
    assert dialog is not None and dialog.isVisible()
    entries = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert entries[0] == f"{path}:15: duplicate item id 'a' (first used on line 11)"
    assert entries[1].startswith(f"{path}:19: item 'c': unknown item type 'checkbox'")
    assert len(entries) == 2
    assert "broken.yaml" in dialog.summary.text()
    # The same text as the command line prints.
    run_validate(argparse.Namespace(files=[str(path)]), None)
    assert capsys.readouterr().out.splitlines() == entries
    assert [str(p) for p in validate_file(path)] == entries

    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text().splitlines() == entries
    assert library(page) == before


def test_same_version_with_other_content_is_refused(page, tmp_path):
    page.import_file(write(tmp_path, "mini.yaml", VALID))
    before = library(page)
    changed = write(tmp_path, "mini-changed.yaml", VALID.replace("Exits are clear",
                                                                 "Exits are kept clear"))

    assert page.import_file(changed) is None

    entries = page.last_errors_dialog.lines
    assert len(entries) == 1
    assert entries[0].startswith(f"{changed}: Template test-mini version 1 is already in the "
                                 "library with different content")
    assert library(page) == before


def test_two_versions_are_told_apart_by_a_short_fingerprint_in_plain_words(
        qtbot, page, tmp_path, languages):
    page.import_file(write(tmp_path, "mini.yaml", VALID))
    page.import_file(write(tmp_path, "mini-2.yaml", VALID.replace('version: "1"', 'version: "2"')
                           .replace("Exits are clear", "Exits are kept clear")))
    column = TemplatesModel.COLUMNS.index("hash")
    header = page.model.headerData(column, Qt.Orientation.Horizontal)
    assert header == "Fingerprint"
    meaning = page.model.headerData(column, Qt.Orientation.Horizontal,
                                    Qt.ItemDataRole.ToolTipRole)
    assert "same fingerprint" in meaning and "hash" not in meaning.lower()
    # A plain-text tooltip is not wrapped: each line fits a 1024-wide screen.
    assert all(page.fontMetrics().horizontalAdvance(line) < 900
               for line in meaning.splitlines())
    shown = {}
    for key in ("test-mini@1", "test-mini@2"):
        index = page.model.index(page.model.row_of(key), column)
        full = page.repo.record(key).content_hash
        shown[key] = index.data()
        assert shown[key] == full[:8]  # a few characters to read out, the CLI's start
        # The tooltip's lines are lines, not control marks.
        assert index.data(Qt.ItemDataRole.ToolTipRole).splitlines() == [
            *meaning.splitlines(), f"Full value: {full}"]
    assert shown["test-mini@1"] != shown["test-mini@2"]
    title = page.model.index(page.model.row_of("test-mini@1"),
                             TemplatesModel.COLUMNS.index("title"))
    assert title.data(Qt.ItemDataRole.ToolTipRole).splitlines()[:2] == ["Test template",
                                                                       "测试模板"]

    languages.apply("zh_CN")
    qtbot.waitUntil(lambda: page.model.headerData(column, Qt.Orientation.Horizontal)
                    == "识别码")
    meaning = page.model.headerData(column, Qt.Orientation.Horizontal,
                                    Qt.ItemDataRole.ToolTipRole)
    assert "哈希" not in meaning and "识别码" in meaning


def test_importing_a_new_template_adds_and_selects_it(page, tmp_path, said):
    rows = page.model.rowCount()
    path = write(tmp_path, "mini.yaml", VALID)

    result = page.import_file(path)

    assert result is not None and result.status == "added"
    assert page.model.rowCount() == rows + 1
    assert page.selected_key() == "test-mini@1"
    assert page.template_title.text() == "Test template"
    assert said[-1] == "Template Test template (test-mini@1) added to the library."
    nodes = tree_items(page)
    assert nodes["a"].text(0) == "1. Exits are clear *"
    assert "Shown only when: 2. “There is a store” is Yes" in nodes["c"].toolTip(0)
    page.tree.setCurrentItem(nodes["c"])
    assert page.detail.limits.text() == "Allowed: 0 – 3 MPa"
    assert not page.editor.isEnabled()

    # The same file again changes nothing and says so.
    assert page.import_file(path).status == "unchanged"
    assert page.model.rowCount() == rows + 1
    assert "nothing changed" in said[-1]


def test_retired_versions_are_hidden_unless_asked_for(page, tmp_path, said):
    page.import_file(write(tmp_path, "mini.yaml", VALID))
    assert page.retire_button.text() == "&Retire"

    page.retire_button.click()

    assert page.repo.record("test-mini@1").retired
    assert page.model.row_of("test-mini@1") == -1
    assert page.selected_key() is not None  # the neighbouring row is selected instead
    assert "retired" in said[-1]
    # Importing the retired version's file again shows it rather than hiding it.
    assert page.import_file(tmp_path / "mini.yaml").status == "unchanged"
    assert page.show_retired.isChecked()
    assert page.selected_key() == "test-mini@1"
    assert "retired version" in page.template_info.text()
    page.show_retired.setChecked(False)
    assert page.model.row_of("test-mini@1") == -1

    page.show_retired.setChecked(True)
    row = page.model.row_of("test-mini@1")
    assert row >= 0
    assert page.model.index(row, TemplatesModel.COLUMNS.index("retired")).data() == "yes"
    assert page.select_key("test-mini@1")
    assert page.retire_button.text() == "&Restore"

    page.retire_button.click()
    assert not page.repo.record("test-mini@1").retired
    assert page.selected_key() == "test-mini@1"
    page.show_retired.setChecked(False)
    assert page.model.row_of("test-mini@1") >= 0


def test_export_writes_a_file_that_validates(page, tmp_path, said):
    page.select_key(GM)
    target = tmp_path / "exported.yaml"

    assert page.export_selected(target)

    assert validate_file(target) == []
    loaded = load_template_file(target)
    assert loaded.template.key == GM
    assert loaded.content_hash == page.repo.record(GM).content_hash
    assert str(target) in said[-1]


def test_the_preview_follows_the_interface_language(qtbot, page, languages):
    page.select_key(GM)
    item_id = "gm-3-2"
    page.tree.setCurrentItem(tree_items(page)[item_id])
    languages.apply("zh_CN")  # LanguageChange reaches the page through the event loop
    qtbot.waitUntil(lambda: page.template_title.text() == "工贸企业重大事故隐患判定标准")
    assert page.tree.topLevelItem(0).text(0) == "管理类（第三条）"
    assert page.tree.currentItem().data(0, ITEM_ID_ROLE) == item_id
    title_column = TemplatesModel.COLUMNS.index("title")
    assert page.model.index(page.model.row_of(GM), title_column).data(
        Qt.ItemDataRole.DisplayRole) == "工贸企业重大事故隐患判定标准"


def test_greyed_out_preview_and_buttons_say_why(page):
    from PySide6.QtWidgets import QAbstractButton

    assert page.select_key(GM)
    page.tree.setCurrentItem(tree_items(page)["gm-3-1"])  # an item answered with buttons
    buttons = [b for b in page.editor.findChildren(QAbstractButton) if not b.isEnabled()
               or not page.editor.isEnabled()]
    assert buttons
    for button in buttons:
        assert "inspection" in button.toolTip()
    assert page.detail.editor_note.isVisible()
    assert "start an inspection" in page.detail.editor_note.text()
    page.table.clearSelection()
    page.table.setCurrentIndex(page.model.index(-1, 0))
    if not page.export_button.isEnabled():
        assert "Select a template" in page.export_button.toolTip()
        assert "Select a template" in page.retire_button.toolTip()


def test_a_checklist_written_in_excel_imports_and_exports(page, tmp_path, said):
    from openpyxl import load_workbook

    from inspector_app.services.forms_xlsx import load_workbook_template, write_layout_workbook

    book = tmp_path / "mine.xlsx"
    write_layout_workbook(book)
    wb = load_workbook(book)
    wb["检查项"]["I3"] = "很大"  # 隐患等级 must be 一般 or 重大
    wb.save(book)
    assert page.import_file(book) is None
    assert any("检查项!I3" in line for line in page.last_errors_dialog.lines)
    assert "my-checklist" not in {r.template_id for r in page.repo.list(include_retired=True)}

    write_layout_workbook(book)
    result = page.import_file(book)
    assert result is not None and result.status == "added"
    assert page.selected_key() == "my-checklist@2027.1"
    target = tmp_path / "back.xlsx"
    assert page.export_selected(target)
    assert load_workbook_template(target).content_hash == page.repo.record(
        "my-checklist@2027.1").content_hash


def test_a_broken_file_is_explained_in_the_language_of_the_window(page, tmp_path, languages):
    languages.apply("zh_CN")
    path = write(tmp_path, "broken.yaml", BROKEN)

    assert page.import_file(path) is None

    dialog = page.last_errors_dialog
    entries = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert entries[0] == f"{path}:15: 检查项编号 'a' 重复（第 11 行已使用）"
    assert entries[1].startswith(f"{path}:19: 检查项 'c'：未知的检查项类型 'checkbox'（可选：")


def test_a_refused_workbook_is_listed_in_chinese_with_the_window_s_advice(page, tmp_path,
                                                                          languages):
    from openpyxl import Workbook, load_workbook

    from inspector_app.services.forms_xlsx import ITEMS_SHEET, write_layout_workbook
    from inspector_app.ui import advice

    languages.apply("zh_CN")
    advice.install()
    other = tmp_path / "清单.xlsx"
    Workbook().save(other)  # one sheet, "Sheet"

    assert page.import_file(other) is None

    dialog = page.last_errors_dialog
    entries = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert entries == [f"{other}: A1: 工作簿中没有名为“模板、检查项”的工作表（现有工作表：Sheet）。"
                       "请以本程序导出的工作簿为底稿填写：在检查表模板页面选中一个模板，"
                       "点“导出…”，保存类型选“Excel 工作簿 (*.xlsx)”。"]
    assert "inspector-app" not in dialog.list.item(0).text()

    book = tmp_path / "mine.xlsx"
    write_layout_workbook(book)
    wb = load_workbook(book)
    headers = [c.value for c in wb[ITEMS_SHEET][1]]
    wb[ITEMS_SHEET].cell(3, headers.index("权重") + 1, "2")
    wb.save(book)
    assert page.import_file(book) is None
    entries = [page.last_errors_dialog.list.item(i).text()
               for i in range(page.last_errors_dialog.list.count())]
    assert entries == [f"{book}: 检查项!Y3: “权重”：数字 2 是以文本格式保存的；请把单元格格式设为"
                       "数值后重新输入"]
