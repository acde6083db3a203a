import json

import openpyxl
import pytest

from inspector_app import i18n
from inspector_app.cli import main
from inspector_app.domain.company import credit_check_char
from inspector_app.errors import InspectorError
from inspector_app.services import company_import
from inspector_app.storage.companies_repo import CompanyRepo


def code(serial: int) -> str:
    first17 = f"91350100MA{serial:06d}X"
    return first17 + credit_check_char(first17)


def wrong_check(good: str) -> tuple[str, str]:
    bad = good[:17] + ("0" if good[-1] != "0" else "1")
    return bad, good[-1]


BAD, EXPECTED = wrong_check(code(2))
HEADER = "单位名称,统一社会信用代码,乡镇,行业,涉及领域,联系电话,风险等级,备注\n"
ROWS = (
    f"泉台机械厂,{code(1)},城关镇,机械,粉尘涉爆、有限空间,13812345678,较大,\n"
    f"东园纺织厂,{BAD},东园镇,纺织,,0595-22345678,一般,\n"
    f"城关食品厂,{code(3)},城关镇,轻工,涉氨制冷,,低,冷库\n"
)


@pytest.fixture
def repo(ctx):
    return CompanyRepo(ctx.db, ctx.device.id, "张伟")


def write(path, text, encoding):
    path.write_bytes(text.encode(encoding))
    return path


def test_csv_utf8_with_bom_previews_rows_and_errors_by_row_number(repo, tmp_path):
    path = write(tmp_path / "企业名单.csv", HEADER + ROWS, "utf-8-sig")
    preview = company_import.preview(path, repo)
    assert [(r.row, r.action) for r in preview.rows] == [(2, "add"), (3, "error"), (4, "add")]
    first = preview.rows[0].company
    assert (first.name, first.industry, first.special_areas, first.risk_level) == (
        "泉台机械厂", "machinery", ("combustible_dust", "confined_space"), "high")
    assert preview.rows[1].messages() == [
        f"Row 3, credit code: wrong check character “{BAD[-1]}”, expected “{EXPECTED}”"]
    assert preview.rows[1].messages("zh_CN") == [
        f"第 3 行，统一社会信用代码：校验位“{BAD[-1]}”错误，应为“{EXPECTED}”"]
    assert repo.count() == 0  # a preview writes nothing

    result = company_import.apply(preview, repo)
    assert (result.added, result.updated, result.unchanged, result.skipped) == (2, 0, 0, 1)
    assert repo.get_by_credit_code(code(3)).notes == "冷库"


def test_csv_in_gb18030_as_chinese_excel_saves_it(repo, tmp_path):
    path = write(tmp_path / "list.csv", HEADER + ROWS, "gb18030")
    preview = company_import.preview(path, repo, lang="zh_CN")
    assert [r.values["name"] for r in preview.rows] == ["泉台机械厂", "东园纺织厂", "城关食品厂"]
    assert preview.summary() == "新增 2 家，更新 0 家，无变化 0 家，有错误 1 行。"


def make_xlsx(path, rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_xlsx_with_a_title_line_english_headers_and_numeric_phones(repo, tmp_path):
    path = make_xlsx(tmp_path / "companies.xlsx", [
        ["2026 年重点企业名单"],
        ["name", "Credit Code", "town", "industry", "special_areas", "phone", "risk", "region"],
        ["泉台机械厂", code(1), "城关镇", "machinery", "combustible_dust; 有限空间",
         13812345678, "high", "north"],
        [None, None, None],
        ["西湖化工", None, "西湖乡", "化工", "危险化学品", None, "重大", None],
        ["坏行业", None, None, "造船", None, None, None, None],
    ])
    preview = company_import.preview(path, repo)
    assert [(r.row, r.action) for r in preview.rows] == [(3, "add"), (5, "add"), (6, "error")]
    assert preview.rows[0].company.contact_phone == "13812345678"
    assert preview.rows[1].company.industry == "chemical"
    assert "Row 6, industry: unknown industry “造船”" in preview.rows[2].messages()[0]
    assert preview.warnings() == ["Column “region” is not recognised and was ignored."]


def test_importing_the_same_file_twice_changes_nothing_the_second_time(repo, tmp_path):
    path = write(tmp_path / "list.csv", HEADER + ROWS + "无代码五金店,,东园镇,机械,,,,\n",
                 "utf-8")
    company_import.apply(company_import.preview(path, repo), repo)
    assert repo.count() == 3
    again = company_import.preview(path, repo)
    assert [r.action for r in again.rows] == ["unchanged", "error", "unchanged", "unchanged"]
    result = company_import.apply(again, repo)
    assert (result.added, result.updated, result.unchanged, result.skipped) == (0, 0, 3, 1)
    assert repo.count() == 3


def test_a_changed_row_updates_the_stored_company_and_blank_cells_keep_values(repo, tmp_path):
    company_import.apply(company_import.preview(
        write(tmp_path / "a.csv", HEADER + ROWS, "utf-8"), repo), repo)
    kept_id = repo.get_by_credit_code(code(1)).id
    update = write(tmp_path / "b.csv", f"统一社会信用代码,单位名称,现场负责人\n"
                   f"{code(1).lower()},泉台机械有限公司,林强\n", "utf-8")
    preview = company_import.preview(update, repo)
    assert preview.rows[0].action == "update" and preview.rows[0].existing_id == kept_id
    assert company_import.apply(preview, repo).updated == 1
    stored = repo.get(kept_id)
    assert (stored.name, stored.contact_name, stored.town) == ("泉台机械有限公司", "林强", "城关镇")
    assert repo.count() == 2
    trail = repo.db.execute("SELECT field, reason FROM audit_log WHERE entity_id = ? "
                            "AND action = 'update'", [kept_id]).fetchall()
    assert sorted(trail) == [("contact_name", "import b.csv"), ("name", "import b.csv")]


def test_a_duplicate_credit_code_in_one_file_is_an_error_on_the_later_row(repo, tmp_path):
    path = write(tmp_path / "dup.csv", HEADER + ROWS + f"又一家,{code(1)},,,,,,\n"
                 "无代码厂,,,,,,,\n无代码厂,,,,,,,\n", "utf-8")
    preview = company_import.preview(path, repo)
    assert [r.action for r in preview.rows] == ["add", "error", "add", "error", "add", "error"]
    assert preview.rows[3].messages() == ["Row 5, credit code: the same credit code is already "
                                          "on row 2"]
    assert preview.rows[5].messages("zh_CN") == ["第 7 行，单位名称：与第 6 行是同一家单位"]
    company_import.apply(preview, repo)
    assert repo.count() == 3


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("broken.xlsx", b"\x00\x01this is not a zip file" * 40, "cannot be read as an Excel"),
    ("list.xls", b"\xd0\xcf\x11\xe0", "old Excel (.xls)"),
    ("list.pdf", b"%PDF-1.7", "is not a CSV or Excel"),
    ("empty.csv", b"", "is empty"),
    ("blank.csv", b"\n ,, \n\n", "is empty"),
    ("noname.csv", "乡镇,行业\n城关镇,机械\n".encode(), "no header row with a company-name"),
    ("header.csv", HEADER.encode(), "no companies below it"),
])
def test_unusable_files_are_refused_naming_the_file(repo, tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InspectorError) as exc:
        company_import.preview(path, repo)
    assert name in exc.value.message and expected in exc.value.message


def test_files_over_the_size_limit_are_refused(repo, tmp_path, monkeypatch):
    monkeypatch.setattr(company_import, "MAX_FILE_BYTES", 100)
    path = write(tmp_path / "big.csv", HEADER + ROWS, "utf-8")
    with pytest.raises(InspectorError, match=r"big\.csv is .* MB; files over 20 MB are refused"):
        company_import.preview(path, repo)


def test_the_refusal_speaks_chinese_when_asked(repo, tmp_path):
    path = tmp_path / "坏文件.xlsx"
    path.write_bytes(b"not a workbook")
    i18n.set_language("zh_CN")
    with pytest.raises(InspectorError) as refused:
        company_import.preview(path, repo, lang="zh_CN")
    assert refused.value.localized().startswith("坏文件.xlsx 无法作为 Excel 工作簿读取")
    assert str(refused.value).startswith("坏文件.xlsx cannot be read")  # the log's English


# -- the CLI -----------------------------------------------------------------------------------

def test_cli_import_reports_rows_and_imports_the_valid_ones(tmp_path, capsys):
    data = ["--data-dir", str(tmp_path / "d")]
    path = write(tmp_path / "list.csv", HEADER + ROWS + "x,,,,,,,,多余\n", "utf-8-sig")
    assert main([*data, "companies", "import", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "row 2: add: 泉台机械厂" in out
    assert f"Row 3, credit code: wrong check character “{BAD[-1]}”, expected “{EXPECTED}”" in out
    assert "dry run: nothing was changed" in out

    assert main([*data, "companies", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []

    assert main([*data, "companies", "import", str(path)]) == 0
    assert "3 added, 0 updated, 0 unchanged, 1 skipped." in capsys.readouterr().out
    assert main([*data, "--lang", "zh_CN", "companies", "import", str(path)]) == 0
    assert "新增 0 家，更新 0 家，无变化 3 家，跳过 1 行。" in capsys.readouterr().out

    assert main([*data, "companies", "list", "--search", "机械"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        f"{code(1)}\t泉台机械厂\t城关镇\tMachinery\tHigh risk\t-\t13812345678"]


def test_cli_refused_file_exits_1_with_one_line(tmp_path, capsys):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"random bytes" * 10)
    assert main(["--data-dir", str(tmp_path / "d"), "companies", "import", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "broken.xlsx" in err[0]


def test_cli_add_and_list(tmp_path, capsys):
    data = ["--data-dir", str(tmp_path / "d")]
    assert main([*data, "companies", "add", "--name", "泉台机械厂", "--credit-code", code(1),
                 "--industry", "机械", "--special-areas", "combustible_dust,有限空间",
                 "--risk-level", "较大", "--town", "城关镇"]) == 0
    assert "added: 泉台机械厂" in capsys.readouterr().out
    assert main([*data, "companies", "add", "--name", "坏代码", "--credit-code", BAD]) == 1
    assert f"expected “{EXPECTED}”" in capsys.readouterr().err
    assert main([*data, "companies", "list", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert listed["special_areas"] == ["combustible_dust", "confined_space"]
    assert (listed["industry"], listed["risk_level"]) == ("machinery", "high")


@pytest.mark.parametrize(("code", "reason", "told"), [
    ("EACCES", "Permission denied", "list.csv: not allowed to read it."),
    ("EIO", "Input/output error", "list.csv: cannot be read (Input/output error). If it is "
                                  "on a USB stick, check that it is still plugged in."),
    ("ELOOP", "Too many levels of symbolic links",
     "list.csv: cannot be read (Too many levels of symbolic links)."),
])
def test_a_list_that_cannot_be_read_is_named_with_what_went_wrong(tmp_path, monkeypatch, code,
                                                                  reason, told):
    """A read refused or cut short says so, never "this location cannot be written"."""
    import errno
    from pathlib import Path

    path = tmp_path / "list.csv"
    path.write_text("名称,统一社会信用代码\n", encoding="utf-8")

    def unreadable(self):
        raise OSError(getattr(errno, code), reason)

    monkeypatch.setattr(Path, "read_bytes", unreadable)
    with pytest.raises(InspectorError) as refused:
        company_import.read_table(path)
    assert refused.value.localized("en") == f"{tmp_path}/{told}"


def test_a_row_refused_while_applying_is_said_in_the_language_it_is_read_in(repo, tmp_path,
                                                                           monkeypatch):
    from inspector_app.errors import ValidationError
    from inspector_app.i18n import N_

    path = write(tmp_path / "list.csv", HEADER + ROWS, "utf-8")
    preview = company_import.preview(path, repo)  # read in English

    def taken(company, reason=None):
        raise ValidationError(N_("Another company{holder} on this computer already has the "
                                 "credit code {credit_code}."), holder="",
                              credit_code=company.credit_code)

    monkeypatch.setattr(repo, "state", lambda: ("changed since", None))
    monkeypatch.setattr(repo, "upsert_by_credit_code", taken)
    result = company_import.apply(preview, repo)
    assert result.skipped == 3
    # Shown after the window was switched to Chinese: the refusal with its code, in Chinese.
    [first, *_] = result.failure_lines("zh_CN")
    assert first.startswith("第 2 行，") and code(1) in first and "credit code" not in first
    assert result.failure_lines("en")[0].startswith("Row 2, Another company on this computer")
