"""In the window a message says where in the window to do what it asks: pages, menus and
buttons as the window shows them, in its language; never a command."""

from __future__ import annotations

import pytest

from inspector_app.errors import Hint
from inspector_app.ui import advice
from inspector_app.ui.dialogs.number_blocks_dialog import NumberBlocksDialog


def test_every_hint_is_worded_by_the_window(qapp):
    assert [hint for hint in Hint if not advice.advise(hint, {}, "en")] == []


def test_every_place_the_window_names_is_shown_in_chinese(languages):
    # The advice names pages, menus and buttons by their source texts: one that no longer
    # matches the window's (a menu renamed) would stay English among Chinese words.
    import re

    languages.apply("zh_CN")
    english = {hint.value: re.findall(r"[A-Za-z]{2,}", advice.advise(hint, {}, "zh_CN")
                                      .replace("Excel", "").replace("xlsx", ""))
               for hint in Hint}
    assert {hint: words for hint, words in english.items() if words} == {}


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_laptop_unknown_to_the_office_is_named_in_window_words(qtbot, ctx, languages, lang):
    languages.apply(lang)
    advice.install()
    dialog = NumberBlocksDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.device.setEditText("QT07")  # a laptop that has sent nothing yet
    dialog.allocate_button.click()
    text = dialog.error.text()
    assert "profile show" not in text and "device id" not in text
    if lang == "en":
        assert "No computer 'QT07' is known here. Import one of its bundles first (Sync page, " \
               "Import…)" in text
    else:
        assert "本机不认识计算机 'QT07'。请先导入它的一个同步包（数据同步页面，“导入…”）" in text


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_numbers_run_out_names_the_menu_as_the_window_shows_it(window, languages, lang):
    languages.apply(lang)
    window.retranslate()
    from inspector_app.storage.numbers import NumbersExhausted

    exc = NumbersExhausted("No {doc_words} number of {year} is left on this computer ({title}); "
                           "nothing was changed.", doc_words="应急责改", year=2026,
                           title="责令限期整改指令书", value="order", hint=Hint.ALLOCATE_NUMBERS)
    shown = exc.localized()
    tools = window.menu_tools.title().replace("(&T)", "").replace("&", "")
    entry = window.act_numbers.text().replace("(&B)", "").replace("&", "")
    assert f"{tools} → {entry}" in shown
    assert "numbers allocate" not in shown
    if lang == "zh_CN":
        assert shown.startswith("本机已没有 2026 年的应急责改编号（责令限期整改指令书），"
                                "未作任何更改。请监管部门分配号段")


def test_the_sync_page_names_the_signing_identity_menu_as_the_window_shows_it(
        qtbot, ctx, languages):
    from inspector_app.ui.pages.sync import SyncPage

    languages.apply("zh_CN")
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.finished):
        page.choose_export()  # this computer has no signing identity
    assert "请先导入单位签发的证书文件（工具 → 签名证书…）。" in page.status.text()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_year_without_a_plan_names_the_yearly_plan_dialog(window, ctx, languages, lang):
    languages.apply(lang)
    window.retranslate()
    from inspector_app.errors import NotFoundError

    with pytest.raises(NotFoundError) as caught:
        ctx.year_plan.visits(2031)
    shown = caught.value.localized()
    assert "plan-year" not in shown
    if lang == "en":
        assert shown == ("There is no plan for 2031. Generate one first: Companies page → "
                         "Yearly plan…, choose the year and click Generate.")
    else:
        assert shown.startswith("没有 2031 年的计划。")
        assert "被检查单位页面 → 年度计划…" in shown and "“生成”" in shown
