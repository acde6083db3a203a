"""The command line speaks the language the user chose — the way the window chooses it — in its
help, argparse's own words, its tables and summaries, and its errors."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from datetime import UTC
from pathlib import Path

import pytest

from inspector_app import i18n
from inspector_app.cli import build_parser, main
from inspector_app.cli_parser import localize_message, wrap
from inspector_app.commands.when import local_date, local_minute

HAN = re.compile(r"[\u4e00-\u9fff]")
# Three English words in a row is a sentence left untranslated. Commands, options, file names
# and examples (inspector-app guide card -o card.pdf, TYPE=MONTHS, e.g. onsite=6) are not words.
ENGLISH = re.compile(r"(?<![\w./=@-])[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}(?![\w./=@-])")
NOT_WORDS = re.compile(r"inspector-app[^\u4e00-\u9fff（），。；：]*|\S*[-_=@./{}|\[\]]\S*")


def _command_paths() -> list[tuple[str, ...]]:
    """Every subcommand of the command line, as the words that name it."""
    paths: list[tuple[str, ...]] = []

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> None:
        paths.append(path)
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    walk(child, (*path, name))

    walk(build_parser(), ())
    return paths


COMMANDS = _command_paths()


def english_sentences(text: str) -> list[str]:
    return ENGLISH.findall(NOT_WORDS.sub(" ", text))


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_every_command_is_walked() -> None:
    assert len(COMMANDS) > 100
    assert ("inspections", "show") in COMMANDS and ("export", "pdf") in COMMANDS


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "inspector-app")
def test_help_of_every_command_is_chinese(path, tmp_path, capsys) -> None:
    code, out, _ = _run(capsys, "--data-dir", str(tmp_path), "--lang", "zh_CN", *path, "--help")
    assert code == 0
    assert out.startswith("用法：") and "显示本帮助信息并退出" in out, out
    assert "usage:" not in out and "options:" not in out
    # The usage block is syntax (options and their placeholders); the rest is words.
    words = out.split("\n\n", 1)[1] if "\n\n" in out else ""
    assert not english_sentences(words), english_sentences(words)


@pytest.mark.parametrize("path", [(), ("inspections", "show"), ("export", "pdf")],
                         ids=lambda p: " ".join(p) or "inspector-app")
def test_help_in_english_stays_english(path, tmp_path, capsys) -> None:
    code, out, _ = _run(capsys, "--data-dir", str(tmp_path), "--lang", "en", *path, "--help")
    assert code == 0 and out.startswith("usage: ") and not HAN.search(out.split("\n\n")[0])
    assert "show this help message and exit" in out


# Each command that names a record by id, given one that does not exist.
MISSING_ID = [
    ("inspections", "show", "feedbeef"),
    ("inspections", "history", "feedbeef"),
    ("export", "pdf", "feedbeef", "--document", "record", "-o", "{tmp}/out.pdf"),
    ("sign", "feedbeef", "--passphrase-file", "{tmp}/pass"),
    ("photos", "list", "feedbeef"),
    ("photos", "add", "feedbeef", "{tmp}/pass"),
    ("reinspect", "start", "feedbeef", "--inspector", "张三"),
    ("reinspect", "result", "feedbeef", "1", "rectified"),
    ("reinspect", "complete", "feedbeef"),
    ("reinspect", "plan", "feedbeef"),
    ("reinspect", "mark-rectified", "feedbeef"),
    ("hazards", "list", "--company", "feedbeef"),
    ("classify", "set", "feedbeef", "low", "--why", "x"),
    ("classify", "history", "feedbeef"),
    ("standardisation", "set", "feedbeef", "--grade", "一级", "--certificate", "X1"),
    ("units", "assign", "feedbeef"),
    ("escalations", "decide", "--finding", "feedbeef", "--measure", "exposure",
     "--date", "2026-11-30"),
    ("campaigns", "tag", "feedbeef", "feedbeef", "--in"),
    ("plans", "start", "feedbeef"),
    ("plans", "cancel", "feedbeef", "--reason", "x"),
    ("sync", "resolve", "feedbeef", "--keep", "local"),
    ("plans-registry", "status", "feedbeef", "issued"),
    ("plans-registry", "attach", "feedbeef", "{tmp}/pass"),
    ("drills", "photo", "feedbeef", "{tmp}/pass"),
    ("drills", "close-task", "feedbeef", "--date", "2026-11-30"),
    ("stations", "check", "feedbeef", "--checker", "x", "--date", "2026-11-30"),
    ("stations", "milestone", "feedbeef", "design", "--status", "done"),
]


@pytest.mark.parametrize("argv", MISSING_ID, ids=lambda a: " ".join(a[:2]))
def test_a_missing_id_is_reported_in_chinese(argv, tmp_path, capsys) -> None:
    (tmp_path / "pass").write_text("secret", encoding="utf-8")
    args = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code, out, err = _run(capsys, "--data-dir", str(tmp_path / "data"), "--lang", "zh_CN", *args)
    lines = err.strip().splitlines()
    assert code == 1 and len(lines) == 1, (out, err)  # not refused by the parser (exit 2)
    prefix, message = lines[0].split("：错误：", 1)
    assert prefix == "inspector-app"
    assert HAN.search(message) and not english_sentences(message), message


def test_the_same_error_in_english(tmp_path, capsys) -> None:
    code, _, err = _run(capsys, "--data-dir", str(tmp_path), "--lang", "en", "inspections",
                        "show", "feedbeef")
    assert code == 1 and err == "inspector-app: error: No inspection with id feedbeef.\n"


def test_argparse_errors_are_chinese(tmp_path, capsys) -> None:
    code, _, err = _run(capsys, "--data-dir", str(tmp_path), "--lang", "zh_CN", "inspections",
                        "list", "--status", "lost")
    assert code == 2
    assert "用法：inspector-app inspections list" in err
    assert "错误：参数 --status：无效的选项：'lost'（可选：" in err
    code, _, err = _run(capsys, "--data-dir", str(tmp_path), "--lang", "zh_CN", "export", "pdf")
    assert code == 2 and "缺少必需的参数：检查ID" in err
    code, _, err = _run(capsys, "--data-dir", str(tmp_path), "--lang", "zh_CN", "info",
                        "--frobnicate")
    assert code == 2 and "无法识别的参数：--frobnicate" in err


def test_an_unknown_argparse_message_is_shown_as_it_is() -> None:
    i18n.set_language("zh_CN")
    assert localize_message("something argparse says") == "something argparse says"
    assert localize_message("argument --x: expected one argument") == "参数 --x：需要一个参数值"


def _cli(data_dir: Path, *argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items()
               if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run([sys.executable, "-m", "inspector_app", "--data-dir", str(data_dir),
                           *argv], env={**environ, **env}, capture_output=True, text=True,
                          encoding="utf-8", timeout=120, check=False)


def test_the_system_locale_chooses_chinese_without_lang(tmp_path) -> None:
    listed = _cli(tmp_path, "inspections", "list", LANG="zh_CN.UTF-8")
    assert listed.returncode == 0 and listed.stdout.strip() == "没有检查。"
    missing = _cli(tmp_path, "inspections", "show", "feedbeef", LANG="zh_CN.UTF-8")
    assert missing.stderr == "inspector-app：错误：没有 ID 为 feedbeef 的检查。\n"


def test_lang_en_wins_over_a_chinese_locale(tmp_path) -> None:
    done = _cli(tmp_path, "--lang", "en", "inspections", "show", "feedbeef", LANG="zh_CN.UTF-8")
    assert done.stderr == "inspector-app: error: No inspection with id feedbeef.\n"


def test_the_windows_saved_choice_is_honoured(tmp_path) -> None:
    (tmp_path / "settings.ini").write_text("[ui]\nlanguage=en\n", encoding="utf-8")
    english = _cli(tmp_path, "inspections", "list", LANG="zh_CN.UTF-8")
    assert english.stdout.strip() == "no inspections"
    (tmp_path / "settings.ini").write_text("[ui]\nlanguage=zh_CN\n", encoding="utf-8")
    chinese = _cli(tmp_path, "inspections", "list", LANG="en_US.UTF-8")
    assert chinese.stdout.strip() == "没有检查。"
    assert _cli(tmp_path, "--lang", "en", "inspections", "list",
                LANG="zh_CN.UTF-8").stdout.strip() == "no inspections"


def test_a_subcommands_own_lang_is_not_the_interface_language(tmp_path, capsys) -> None:
    # `export pdf --lang en` asks for an English document; the messages stay in Chinese.
    code, _, err = _run(capsys, "--data-dir", str(tmp_path), "--lang", "zh_CN", "export", "pdf",
                        "feedbeef", "--document", "record", "--lang", "en", "-o",
                        str(tmp_path / "x.pdf"))
    assert code == 1 and err == "inspector-app：错误：没有 ID 为 feedbeef 的检查。\n"


def test_dates_are_local_and_in_the_users_style() -> None:
    assert local_date("2026-11-30", "zh_CN") == "2026年11月30日"
    assert local_date("2026-11-30", "en") == "2026-11-30"
    assert local_date(None, "zh_CN") == ""
    # A stored UTC time is shown at this computer's local time.
    from datetime import datetime

    moment = datetime(2026, 11, 30, 18, 5, tzinfo=UTC)
    local = moment.astimezone()
    assert local_minute(moment.isoformat(), "zh_CN") == (
        f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}")
    assert local_minute("2026-11-30T18:05:00Z", "en") == f"{local:%Y-%m-%d %H:%M}"
    assert local_minute("not a time", "en") == "not a time"


def test_chinese_help_is_wrapped_by_display_width() -> None:
    lines = wrap("存放数据库、照片和文书的数据文件夹（默认：本平台的用户数据文件夹）", 20)
    assert all(sum(2 for _ in line) <= 22 for line in lines)
    assert not any(line.startswith(("，", "。", "）", "：")) for line in lines)
    assert wrap("folder holding the database", 12) == ["folder", "holding the", "database"]


def test_a_scheme_file_that_cannot_be_read_is_named_in_chinese(tmp_path, capsys):
    missing = tmp_path / "方案.yaml"
    assert main(["--lang", "zh_CN", "--data-dir", str(tmp_path / "d"), "classify", "scheme",
                 "--set", str(missing)]) == 1
    err = capsys.readouterr().err
    assert f"{missing}：文件不存在。" in err, err
    assert "No such file" not in err and "Errno" not in err
# What Chinese the English help may show: examples and accepted values, which are data, and the
# names of the documents printed, which a reader must recognise. A Chinese gloss of an English
# word ("campaigns (专项行动)") is not among them.
CHINESE_IN_ENGLISH_HELP = {
    "11月底前全面完成预案编制、修订", "一级", "二级", "三级", "小微企业", "人民政府", "人民法院",
    "泉台区", "泉州市应急管理局", "泉台区应急管理局", "台安办", "应急检记", "应急责改", "机械",
    "每家重点企业至少检查一次", "红/橙/黄/蓝", "重大/较大/一般/低", "现场检查记录",
    "责令限期整改指令书", "现场处理措施决定书", "整改复查意见书",
}
HAN_RUN = re.compile(r"[^\s(),:;]*[\u4e00-\u9fff][^\s(),:;]*")


def test_english_help_shows_chinese_only_as_data_or_a_document_name(tmp_path, capsys) -> None:
    shown: dict[str, str] = {}
    for path in COMMANDS:
        code, out, _ = _run(capsys, "--data-dir", str(tmp_path), "--lang", "en", *path, "--help")
        assert code == 0
        # A Chinese text wrapped at the end of a line is one text.
        out = re.sub(r"(?<=[\u4e00-\u9fff])\s*\n\s*(?=[\u4e00-\u9fff])", "", out)
        for run in HAN_RUN.findall(out):
            shown.setdefault(run, " ".join(path))
    assert {run: path for run, path in shown.items()
            if run not in CHINESE_IN_ENGLISH_HELP} == {}
