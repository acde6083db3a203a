"""Checklists written in Excel: layout, round trip with YAML, and refusing bad workbooks."""

from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from inspector_app import cli_advice, i18n
from inspector_app.cli import main
from inspector_app.paths import resources_dir
from inspector_app.services.forms import (
    TemplateInvalid,
    load_template_file,
    shipped_template_files,
)
from inspector_app.services.forms_xlsx import (
    ITEMS_SHEET,
    export_workbook,
    load_workbook_template,
    write_layout_workbook,
)
from inspector_app.storage.templates_repo import TemplateRepo


def problems_of(path: Path) -> list[str]:
    with pytest.raises(TemplateInvalid) as info:
        load_workbook_template(path)
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize("source", shipped_template_files(), ids=lambda p: p.stem)
def test_yaml_to_xlsx_to_yaml_keeps_the_content_hash(source: Path, tmp_path: Path) -> None:
    loaded = load_template_file(source)
    book = tmp_path / "t.xlsx"
    export_workbook(loaded.definition, book)
    again = load_workbook_template(book)
    assert again.definition == loaded.definition
    assert again.content_hash == loaded.content_hash


@pytest.fixture
def layout(tmp_path: Path) -> Path:
    path = tmp_path / "layout.xlsx"
    write_layout_workbook(path)
    return path


def test_layout_workbook_has_the_documented_columns_and_an_example_that_imports(
    layout: Path,
) -> None:
    wb = load_workbook(layout)
    headers = [c.value for c in wb[ITEMS_SHEET][1]]
    documented = ("序号", "检查内容", "检查方法", "依据", "隐患等级", "必填", "需拍照", "适用条件")
    for column in documented:
        assert column in headers
    loaded = load_workbook_template(layout)
    items = loaded.template.items
    assert [i.id for i in items] == ["mgmt-01", "mgmt-01-photo"]  # 需拍照 = 是 adds the photo


def test_shipped_layout_workbook_imports() -> None:
    shipped = resources_dir() / "checklist-layout.xlsx"
    assert load_workbook_template(shipped).template.id == "my-checklist"


def _edit(path: Path, sheet: str, changes: dict[str, object]) -> None:
    wb = load_workbook(path)
    for ref, value in changes.items():
        wb[sheet][ref] = value
    wb.save(path)


def _col(path: Path, header: str) -> str:
    wb = load_workbook(path)
    for cell in wb[ITEMS_SHEET][1]:
        if cell.value == header:
            return cell.column_letter
    raise AssertionError(header)


def test_problems_name_sheet_and_cell(layout: Path) -> None:
    grade = _col(layout, "隐患等级")
    _edit(layout, ITEMS_SHEET, {f"{grade}3": "很大", "A3": "Bad Id"})
    found = problems_of(layout)
    assert any(f"检查项!{grade}3" in p and "隐患等级" in p for p in found), found
    assert any("检查项!A3" in p and "lower-case" in p for p in found), found


def test_a_bad_grade_is_reported_once_at_its_cell(layout: Path) -> None:
    grade = _col(layout, "隐患等级")
    _edit(layout, ITEMS_SHEET, {f"{grade}3": "很大"})
    found = problems_of(layout)
    assert len(found) == 1, found
    assert f"检查项!{grade}3" in found[0] and "很大" in found[0], found


def test_an_empty_grade_is_reported_at_the_grade_cell(layout: Path) -> None:
    grade = _col(layout, "隐患等级")
    _edit(layout, ITEMS_SHEET, {f"{grade}3": None})
    found = problems_of(layout)
    assert len(found) == 1, found
    assert f"检查项!{grade}3" in found[0] and "grade" in found[0], found


def test_duplicate_item_id_names_both_cells(layout: Path) -> None:
    wb = load_workbook(layout)
    ws = wb[ITEMS_SHEET]
    ws.append([c.value for c in ws[3]])
    ws["A5"] = "mgmt-02"
    ws.append([c.value for c in ws[3]])  # row 6: mgmt-01 again
    wb.save(layout)
    found = problems_of(layout)
    assert any("检查项!A6" in p and "检查项!A3" in p for p in found), found


def test_formula_merged_cells_and_number_as_text_are_refused(layout: Path) -> None:
    wb = load_workbook(layout)
    ws = wb[ITEMS_SHEET]
    headers = [c.value for c in ws[1]]
    weight = headers.index("权重") + 1
    ws.cell(3, weight, "2")  # a number typed into a text-formatted cell
    ws.cell(3, headers.index("检查方法") + 1, "=A3&\"x\"")
    ws.merge_cells("C2:D2")
    wb.save(layout)
    found = "\n".join(problems_of(layout))
    assert "stored as text" in found and f"检查项!{ws.cell(3, weight).column_letter}3" in found
    assert "formula" in found
    assert "merged cells 检查项!C2:D2" in found


def test_version_typed_as_a_number_is_refused(layout: Path) -> None:
    _edit(layout, "模板", {"B3": 2027.1})
    assert any("模板!B3" in p and "版本" in p for p in problems_of(layout))


def test_empty_rows_are_ignored(layout: Path) -> None:
    wb = load_workbook(layout)
    wb[ITEMS_SHEET].insert_rows(3, amount=3)
    wb.save(layout)
    assert len(load_workbook_template(layout).template.items) == 2


def test_not_a_workbook_and_a_big_file_are_refused_without_reading(tmp_path: Path) -> None:
    text = tmp_path / "list.xlsx"
    text.write_text("序号,检查内容\n", encoding="utf-8")
    assert "not an Excel workbook" in problems_of(text)[0]
    big = tmp_path / "big.xlsx"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    start = time.perf_counter()
    found = problems_of(big)
    assert time.perf_counter() - start < 1
    assert "too large (50.0 MB)" in found[0]


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (200 * 1024 * 1024))
    assert bomb.stat().st_size < 1024 * 1024
    start = time.perf_counter()
    found = problems_of(bomb)
    assert time.perf_counter() - start < 1
    assert "expands" in found[0]


def test_a_sheet_of_100000_rows_is_refused(tmp_path: Path, layout: Path) -> None:
    wb = load_workbook(layout)
    ws = wb[ITEMS_SHEET]
    for n in range(100_000):
        ws.append([f"x{n}", "检查", "内容"])
    wb.save(layout)
    found = problems_of(layout)
    assert "a checklist has at most 5000" in found[0] or "more than 5000 rows" in found[0]


def test_refused_workbook_changes_nothing_in_the_library(ctx, layout: Path, capsys) -> None:
    _edit(layout, ITEMS_SHEET, {"C3": None})
    assert main(["forms", "import", str(layout)]) == 1
    out = capsys.readouterr().out
    assert "检查项!C3: item 'mgmt-01': text: Chinese text (zh) is missing" in out
    repo = TemplateRepo(ctx.db, ctx.device.id)
    assert "my-checklist" not in {r.template_id for r in repo.list(include_retired=True)}


def test_cli_import_and_export(tmp_path: Path, layout: Path, capsys) -> None:
    assert main(["forms", "import", str(layout)]) == 0
    assert "added — my-checklist@2027.1" in capsys.readouterr().out
    out = tmp_path / "back.xlsx"
    assert main(["forms", "export", "my-checklist", "-o", str(out)]) == 0
    assert load_workbook_template(out).content_hash == load_workbook_template(layout).content_hash
    assert main(["forms", "validate", str(layout)]) == 0


def test_cli_validate_prints_file_and_cell(layout: Path, capsys) -> None:
    _edit(layout, ITEMS_SHEET, {"B3": "检察"})
    assert main(["forms", "validate", str(layout)]) == 1
    assert f"{layout}: 检查项!B3:" in capsys.readouterr().out


def test_choices_and_units_round_trip(tmp_path: Path) -> None:
    definition = {
        "format": "inspector-template/1", "id": "t", "version": "1", "kind": "audit",
        "title": {"zh": "测试"},
        "sections": [{"id": "s", "title": {"zh": "节"}, "items": [
            {"id": "a", "type": "single_choice", "text": {"zh": "选"},
             "choices": [{"value": "1", "text": {"zh": "一"}},
                         {"value": 2, "text": {"zh": "二", "en": "two"}}]},
            {"id": "b", "type": "number", "text": {"zh": "数"}, "unit": {"zh": "米", "en": "m"},
             "min": 0, "max": 2.5},
            {"id": "c", "type": "number", "text": {"zh": "数"}, "unit": "kg"},
        ]}],
    }
    path = tmp_path / "c.xlsx"
    export_workbook(definition, path)
    assert load_workbook_template(path).definition == definition


def _refused(path: Path) -> list[str]:
    """The problems of ``path`` as the user reads them, in the current language."""
    with pytest.raises(TemplateInvalid) as info:
        load_workbook_template(path)
    return [p.localized() for p in info.value.problems]


def _english_words(text: str, *values: str) -> list[str]:
    for value in values:
        text = text.replace(value, "")
    return re.findall(r"[A-Za-z]{2,}", text)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_refused_workbook_is_told_in_the_users_language(tmp_path: Path, layout: Path,
                                                          lang: str) -> None:
    i18n.set_language(lang)
    other = tmp_path / "other.xlsx"
    wb = Workbook()
    wb.active.title = "Sheet1"
    wb.save(other)
    # Cell by cell: a number typed as text, a yes/no cell that is neither, and an item id used
    # twice (a rule of the YAML checker, whose "first on line N" names the cell).
    book = load_workbook(layout)
    ws = book[ITEMS_SHEET]
    headers = [c.value for c in ws[1]]
    ws.cell(3, headers.index("权重") + 1, "2")
    ws.cell(3, headers.index("必填") + 1, "也许")
    ws.append([c.value for c in ws[3]])  # row 4: mgmt-01 again
    book.save(layout)

    [refused] = _refused(other)
    found = _refused(layout)
    if lang == "zh_CN":
        assert refused == (f"{other}: A1: 工作簿中没有名为“模板、检查项”的工作表"
                           "（现有工作表：Sheet1）。")
        assert any("“权重”：数字 2 是以文本格式保存的" in p for p in found), found
        assert any("“必填”只能填“是”或“否”（实际为 '也许'）" in p for p in found), found
        assert any("检查项!A4: 检查项编号 'mgmt-01' 重复（检查项!A3 已使用）" in p
                   for p in found), found
        for text in [refused, *found]:
            assert _english_words(text, str(other), str(layout), "Sheet1", "mgmt-01-photo",
                                  "mgmt") == [], text
    else:
        assert refused == (f"{other}: A1: the workbook has no sheet named 模板、检查项 (sheets "
                           "found: Sheet1).")
        assert any("权重: the number 2 is stored as text; format the cell as a number" in p
                   for p in found), found
        assert any("必填 must be 是 or 否 (found '也许')" in p for p in found), found
        assert any("检查项!A4: duplicate item id 'mgmt-01' (first used at 检查项!A3)" in p
                   for p in found), found


def _garble(path: Path, member: str) -> None:
    """Spoil a few bytes in the middle of ``member``'s compressed data, as a bad disk would."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    raw = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for at in range(start + info.compress_size // 2, start + info.compress_size // 2 + 4):
        raw[at] ^= 0xFF
    path.write_bytes(bytes(raw))


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("member", ["xl/workbook.xml", "xl/worksheets/sheet2.xml"])
def test_a_damaged_workbook_is_told_in_the_users_words(layout: Path, lang: str,
                                                       member: str) -> None:
    # The items sheet is only unpacked while its rows are read; the workbook part at once.
    i18n.set_language(lang)
    _garble(layout, member)
    [refused] = _refused(layout)
    if lang == "zh_CN":
        assert refused.startswith(f"{layout}: A1: 该工作簿已损坏：其中有部分内容无法解压；")
        assert _english_words(refused, str(layout), "Excel", "WPS", "xlsx") == [], refused
    else:
        assert refused.startswith(f"{layout}: A1: the workbook is damaged: a part of it cannot "
                                  "be unpacked; open it in Excel or WPS and save it again")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_yaml_mistake_in_a_cell_is_told_in_the_users_words_with_its_place(
    layout: Path, lang: str
) -> None:
    i18n.set_language(lang)
    book = load_workbook(layout)
    ws = book[ITEMS_SHEET]
    column = [c.value for c in ws[1]].index("适用条件") + 1
    ws.cell(3, column, "{item: mgmt-01,\n equals: [true}")
    book.save(layout)
    [refused] = _refused(layout)
    cell = f"检查项!{ws.cell(3, column).column_letter}3"
    if lang == "zh_CN":
        assert refused == (f"{layout}: {cell}: “适用条件”填写有误："
                           "第 2 行第 15 列有 YAML 语法错误：列表 [ ... ] 缺少结尾的方括号，"
                           "或值之间缺少逗号；请按 YAML 写法填写，如 {item: ID, equals: true}")
    else:
        assert refused == (f"{layout}: {cell}: 适用条件 is not valid: YAML syntax error at "
                           "line 2, column 15: a list [ ... ] is missing its closing bracket, "
                           "or a comma is missing between its values; write it as in YAML, "
                           "e.g. {item: ID, equals: true}")


def test_an_unknown_library_error_comes_last_as_a_detail(tmp_path: Path) -> None:
    i18n.set_language("zh_CN")
    book = tmp_path / "bare.xlsx"
    with zipfile.ZipFile(book, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    [refused] = _refused(book)
    said, detail = refused.split("（详细信息：")
    assert said == (f"{book}: A1: 无法打开该工作簿；请在 Excel 或 WPS 中打开，再用“另存为”→ "
                    "Excel 工作簿（*.xlsx）保存")
    assert "[Content_Types].xml" in detail and detail.endswith("）")


def test_a_big_workbook_keeps_its_numbers_in_chinese(tmp_path: Path) -> None:
    i18n.set_language("zh_CN")
    big = tmp_path / "big.xlsx"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    assert _refused(big) == [f"{big}: A1: 工作簿太大（50.0 MB）；检查表工作簿最大 5 MB"]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_command_line_tells_how_to_get_the_layout_workbook(tmp_path: Path,
                                                               lang: str) -> None:
    i18n.set_language(lang)
    i18n.install_advisor(cli_advice.advise)
    other = tmp_path / "other.xlsx"
    Workbook().save(other)
    [refused] = _refused(other)
    if lang == "zh_CN":
        assert refused.endswith("。请以样表工作簿为底稿填写（用 inspector-app forms layout -o "
                                "文件.xlsx 生成）。")
    else:
        assert refused.endswith(". Start from the layout workbook (inspector-app forms layout "
                                "-o FILE.xlsx).")


@pytest.mark.parametrize("where", ["directory", "part", "opening"])
def test_a_workbook_the_stick_cannot_give_is_refused_with_the_systems_reason(
        layout: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    """A USB stick pulled out while the workbook is read: the file is named and the reason is
    the system's, not "not an Excel workbook" nor a crash."""
    import errno

    import inspector_app.services.forms_xlsx as forms_xlsx

    def eio(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    if where == "directory":
        monkeypatch.setattr(zipfile.ZipFile, "_RealGetContents", eio)
    elif where == "part":
        monkeypatch.setattr(zipfile.ZipExtFile, "read", eio)
    else:
        monkeypatch.setattr(forms_xlsx, "load_workbook", eio)
    [problem] = problems_of(layout)
    assert str(layout) in problem and "cannot read the file: Input/output error" in problem
