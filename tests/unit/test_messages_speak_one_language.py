"""A message raised below the window reads as one language: in Chinese, no English sentence
is left in it — not from a list of problems, not from a parameter that is itself a message."""

from __future__ import annotations

import errno
import re
from typing import Any

import pytest

from inspector_app import i18n
from inspector_app.domain.company import Company
from inspector_app.domain.profile import Profile
from inspector_app.errors import InspectorError, NotFoundError, ValidationError, from_os_error
from inspector_app.services import company_import
from inspector_app.services.plans import PlanService
from inspector_app.services.year_plan import YearPlanService
from inspector_app.storage.companies_repo import CompanyRepo
from inspector_app.storage.emergency_repo import EmergencyRepo
from inspector_app.storage.repositories import InspectorRepo
from tests.factories import add_company, add_template

HAN = re.compile(r"[\u4e00-\u9fff]")
# Three English words in a row: what an untranslated sentence or fragment leaves behind.
ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[ ,;:'’-]+[A-Za-z]{2,}){2,}")


def _values(params: dict[str, Any]) -> list[str]:
    """The parameters' own texts (names, paths, what the user typed), which stay as they are."""
    found = []
    for value in params.values():
        if isinstance(value, i18n.Listing):
            found += [str(item) for item in value.items if not hasattr(item, "localized")]
        elif not hasattr(value, "localized"):
            found.append(str(value))
    return found


def english_left(text: str, params: dict[str, Any] | None = None) -> list[str]:
    for value in sorted(_values(params or {}), key=len, reverse=True):
        if value:
            text = text.replace(value, "…")
    return ENGLISH_RUN.findall(text)


def shown_in_chinese(error: InspectorError) -> str:
    i18n.set_language("zh_CN")
    text = error.localized()
    assert HAN.search(text), text
    assert not english_left(text, error.params), text
    assert HAN.search(error.localized_title())
    return text


def test_a_domain_error_lists_its_problems_in_chinese() -> None:
    with pytest.raises(ValidationError) as refused:
        Profile(name=" ", enforcement_id="", organisation="",
                doc_prefix="no spaces here").validated()
    assert str(refused.value) == (
        "The inspector's name is empty. The organisation is empty. The document-number prefix "
        "must be 1 to 12 letters, digits, Chinese characters or '-'.")
    assert shown_in_chinese(refused.value) == (
        "检查人员姓名为空。单位名称为空。文书编号前缀必须由 1 至 12 个字母、数字、汉字或“-”组成。")


def test_company_problems_name_their_fields_in_chinese() -> None:
    with pytest.raises(ValidationError) as refused:
        Company(name="泉台机械厂", credit_code="9135", industry="mining",
                contact_phone="张三").validated()
    assert str(refused.value).startswith("Credit code: must be 18 characters, not 4; industry:")
    text = shown_in_chinese(refused.value)
    assert text.startswith("统一社会信用代码：应为 18 位，实际为 4 位；"
                           "行业：未知行业“mining”（可选：冶金、")
    assert text.endswith("联系电话：“张三”不是有效的电话号码。")


def test_a_service_refusal_with_the_teams_problems_is_chinese(ctx) -> None:
    company = add_company(ctx.db)
    add_template(ctx.db)
    lone = InspectorRepo(ctx.db, ctx.device.id).add("张伟", "", "局").id
    with pytest.raises(ValidationError) as refused:
        PlanService(ctx.db, ctx.device).add(company, "test-small", "2026-12-10", [lone])
    assert str(refused.value) == ("Cannot plan it: an official inspection needs at least two "
                                  "inspectors; no enforcement-ID number for 张伟.")
    assert shown_in_chinese(refused.value) == (
        "无法列入计划：执法检查至少需要两名检查人员；张伟没有执法证号。")


def test_a_year_plan_refusal_names_the_team_in_chinese(ctx) -> None:
    service = YearPlanService(ctx.db, ctx.device)
    lone = InspectorRepo(ctx.db, ctx.device.id).add("李明", "3501", "局").id
    service.add_team("一组", [lone], 10)
    add_company(ctx.db)
    template = add_template(ctx.db)
    with pytest.raises(ValidationError) as refused:
        service.generate(2027, template)
    text = shown_in_chinese(refused.value)
    assert "检查组“一组”：执法检查至少需要两名检查人员" in text, text


def test_a_storage_error_names_the_kind_of_record_in_chinese(ctx) -> None:
    with pytest.raises(NotFoundError) as refused:
        EmergencyRepo(ctx.db, ctx.device.id).find_drill("no such drill")
    assert str(refused.value) == "No drill 'no such drill'."
    assert shown_in_chinese(refused.value) == "没有演练 'no such drill'。"


def test_an_os_error_names_the_place_in_the_sentence_of_its_language() -> None:
    error = from_os_error(OSError(errno.ENOSPC, "No space left on device"), "/media/usb/a.pdf")
    assert str(error) == "The disk is full (/media/usb/a.pdf). Free some space and try again."
    assert shown_in_chinese(error) == "磁盘已满（/media/usb/a.pdf）。请释放一些空间后重试。"


def test_company_import_problems_are_chinese_row_by_row(ctx, tmp_path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("单位名称,统一社会信用代码,行业,风险等级\n"
                    ",91350100M000100Y4,机械,紫色\n", encoding="utf-8-sig")
    i18n.set_language("zh_CN")
    preview = company_import.preview(path, CompanyRepo(ctx.db, ctx.device.id))
    [row] = preview.rows
    messages = row.messages("zh_CN")
    assert messages == [
        "第 2 行，单位名称：不能为空",
        "第 2 行，统一社会信用代码：应为 18 位，实际为 17 位",
        "第 2 行，风险等级：未知风险等级“紫色”（可选：重大风险、较大风险、一般风险、低风险）",
    ]
    assert not any(english_left(message) for message in messages)
    assert row.messages("en")[0] == "Row 2, company name: is required"


def test_a_list_is_joined_the_way_its_language_writes_lists() -> None:
    problems = i18n.Listing([i18n.Message(i18n.N_("at least one inspector is needed")),
                             i18n.Message(i18n.N_("there are no teams"))])
    assert problems.localized("en") == "at least one inspector is needed; there are no teams"
    assert problems.localized("zh_CN") == "至少需要一名检查人员；没有检查组"
    names = i18n.Listing(["张伟", "李明"], i18n.ENUMERATION)
    assert (names.localized("en"), names.localized("zh_CN")) == ("张伟, 李明", "张伟、李明")


def test_a_refused_bundle_says_why_in_the_same_language() -> None:
    from inspector_app.services.sync.bundle import BundleRefused, parse_manifest

    with pytest.raises(BundleRefused) as refused:
        parse_manifest(b'{"format": "something-else/1"}')
    assert str(refused.value) == ("The bundle was refused: it is not an Inspector bundle. "
                                  "Nothing was changed.")
    assert shown_in_chinese(refused.value) == (
        "同步包被拒绝：它不是 Inspector 同步包。未作任何更改。")


def test_an_unsigned_pdf_is_said_to_be_unsigned_in_chinese(ctx, tmp_path) -> None:
    from inspector_app.services.pki import PkiService
    from inspector_app.services.signing import verify_pdf

    path = tmp_path / "plain.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages"
                     b"/Kids[]/Count 0>>endobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000"
                     b" n \n0000000052 00000 n \ntrailer<</Size 3/Root 1 0 R>>\nstartxref\n96\n"
                     b"%%EOF\n")
    result = verify_pdf(path, PkiService(ctx.db, ctx.device))
    assert not result.ok and result.reason == "not signed"
    i18n.set_language("zh_CN")
    assert result.reason == "未签名"


def test_no_english_message_below_the_window_carries_a_chinese_gloss() -> None:
    # A message's English is English only (its Chinese is in the catalogue). A workbook's or a
    # file's own column headers, quoted so the user finds them, and examples of what to type
    # are the data itself and stay.
    import ast
    from pathlib import Path

    app = Path(__file__).resolve().parents[2] / "inspector_app"
    gloss = re.compile(r"\((?![^)]*e\.g\.)[^)]*[\u4e00-\u9fff][^)]*\)")
    quoting_their_file = {"services/company_import.py", "services/forms_xlsx.py"}
    found = []
    for root in (app / "services", app / "storage", app / "domain"):
        for path in sorted(root.rglob("*.py")):
            if str(path.relative_to(app)) in quoting_their_file:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                        and node.func.id in ("N_", "_") and node.args
                        and isinstance(node.args[0], ast.Constant)
                        and gloss.search(str(node.args[0].value))):
                    found.append(f"{path.relative_to(app)}:{node.lineno}")
    assert found == []
