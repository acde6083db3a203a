"""The user guide: both languages complete, every link and picture there, search finds terms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from inspector_app.paths import guide_dir
from inspector_app.services import guide

LANGS = guide.GUIDE_LANGUAGES


def test_both_languages_have_the_same_pages_and_every_topic():
    names = {lang: sorted(p.name for p in (guide_dir() / lang).glob("*.md")) for lang in LANGS}
    assert names["zh_CN"] == names["en"]
    assert sorted(f"{t}.md" for t in guide.TOPICS) == names["en"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_link_and_picture_of_every_page_exists(lang):
    missing = []
    for page in guide.pages(lang):
        targets = guide.links(page)
        assert targets, f"{page} links nowhere"
        for target in targets:
            if re.match(r"[a-z]+:", target):
                missing.append(f"{page.name}: {target} leaves the guide")
                continue
            path, _, fragment = target.partition("#")
            if fragment:
                missing.append(f"{page.name}: {target}: anchors are not shown by the help window")
            if not (page.parent / path).is_file():
                missing.append(f"{page.name}: {target} is missing")
    assert missing == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_is_reachable_from_the_contents_and_has_a_title(lang):
    home = guide.page_path(guide.HOME, lang)
    linked = {Path(t).stem for t in guide.links(home) if t.endswith(".md")}
    for page in guide.pages(lang):
        assert guide.title(page) != page.stem
        if page.stem != guide.HOME:
            assert page.stem in linked


@pytest.mark.parametrize("lang", LANGS)
def test_every_picture_is_used_and_small(lang):
    used = {Path(t).name for p in guide.pages(lang) for t in guide.links(p) if t.startswith("img/")}
    pictures = {p.name: p.stat().st_size for p in (guide_dir() / lang / "img").glob("*.png")}
    assert used <= set(pictures)
    assert all(size < 200_000 for size in pictures.values())


def test_chinese_pages_are_written_in_chinese():
    for page in guide.pages("zh_CN"):
        text = guide.plain_text(page.read_text(encoding="utf-8"))
        han = len(re.findall(r"[\u4e00-\u9fff]", text))
        assert han > len(text) // 5, page.name


def test_search_finds_a_term_in_either_language_title_hits_first():
    hits = guide.search("passphrase", "en")
    assert {"signing", "troubleshooting"} <= {h.topic for h in hits}
    assert all("passphrase" in h.snippet.lower() for h in hits)
    assert guide.search("复查", "zh_CN")[0].topic == "reinspection"
    assert guide.search("   ", "en") == []
    assert guide.search("no such words anywhere", "en") == []


def test_an_unknown_topic_opens_the_contents():
    assert guide.page_path("no-such-page", "en").name == "index.md"
    assert guide.page_path("ledger", "zh_CN").parent.name == "zh_CN"
    assert guide.page_path("ledger", "en_GB").parent.name == "en"


@pytest.mark.parametrize(("lang", "expected"), [("zh_CN", "签署并锁定"), ("en", "Sign and lock")])
def test_quick_start_card_is_one_printable_page(tmp_path, capsys, lang, expected):
    import shutil
    import subprocess

    from inspector_app.cli import main

    out = tmp_path / f"card-{lang}.pdf"
    assert main(["guide", "card", "-o", str(out), "--lang", lang]) == 0
    assert str(out) in capsys.readouterr().out
    if shutil.which("pdfinfo") is None:
        pytest.skip("poppler-utils not installed")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    assert re.search(r"^Pages:\s+1$", info.stdout, re.M)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert expected in text and "F1" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                           check=True).stdout
    assert "WenQuanYi" in fonts and " yes " in fonts  # the shipped font, embedded


def test_help_text_points_to_the_guide(capsys):
    from inspector_app.cli import main

    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert "F1" in text and str(guide_dir() / "zh_CN" / "index.md") in text.replace("\n", " ")


def test_guide_path_prints_the_contents_page_of_the_language(capsys):
    from inspector_app.cli import main

    assert main(["--lang", "en", "guide", "path"]) == 0
    assert Path(capsys.readouterr().out.strip()) == guide_dir() / "en" / "index.md"
    assert main(["guide", "path", "--lang", "zh_CN"]) == 0
    printed = Path(capsys.readouterr().out.strip())
    assert printed.is_file() and guide.title(printed) == "安全检查助手 用户手册"


def test_a_disk_that_fills_up_while_the_card_is_written_leaves_the_older_card(
        tmp_path, capsys, monkeypatch):
    """Half a card on the disk would look finished: the one written before stays instead."""
    import errno
    import os

    from reportlab.pdfbase import pdfdoc

    from inspector_app.cli import main
    from inspector_app.storage import files

    out = tmp_path / "stick" / "card.pdf"
    out.parent.mkdir()
    assert main(["guide", "card", "-o", str(out), "--lang", "en"]) == 0
    older = out.read_bytes()

    class HalfWritten:
        """A disk with room for half of what is written to it."""

        def __init__(self, path, mode="rb", *args, **kwargs):
            self.file = open(path, mode, *args, **kwargs)  # noqa: SIM115 - closed by close()

        def write(self, data):
            self.file.write(data[:len(data) // 2])
            self.file.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

        def close(self):
            self.file.close()

    def half_written(fd, data, *, durable=True):
        os.write(fd, bytes(data[:len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pdfdoc, "open", HalfWritten, raising=False)
    monkeypatch.setattr(files, "write_fully", half_written)
    capsys.readouterr()
    assert main(["guide", "card", "-o", str(out), "--lang", "zh_CN"]) == 1
    assert "disk is full" in capsys.readouterr().err
    assert out.read_bytes() == older
    assert [p.name for p in out.parent.iterdir()] == ["card.pdf"]
# Chinese kept in brackets after English words: the documents the program prints, whose names a
# reader must recognise, and what is written in the Chinese checklist workbook.
KEPT_IN_BRACKETS = {"现场检查记录", "责令限期整改指令书", "整改复查意见书", "现场处理措施决定书",
                    "编号", "一般/重大"}


def test_english_pages_do_not_gloss_their_words_in_chinese():
    """An English reader gets English: "the campaigns (专项行动)" tells nothing more."""
    glossed = {}
    for page in guide.pages("en"):
        text = page.read_text(encoding="utf-8")
        for term in re.findall(r"[A-Za-z*]\s+\(([\u4e00-\u9fff/、]+)\)", text):
            if term not in KEPT_IN_BRACKETS:
                glossed.setdefault(page.name, []).append(term)
    assert glossed == {}
# Bold names in the guide that stand for a text the window fills in, not a button's label.
NOT_A_BUTTON = {"Export written: …", "已写入导出文件：…", "Planned (N)…", "计划检查（N）…"}


@pytest.mark.parametrize("lang", LANGS)
def test_every_button_the_guide_names_is_labelled_so_in_the_window(lang):
    """A reader looks for the button by the name the guide gives it ("**所选单位的情况表…**"):
    every bold name ending in … is a label of the window in that language."""
    from xml.etree import ElementTree

    root = Path(__file__).resolve().parents[2]
    labels = set()
    for message in ElementTree.parse(
            root / "resources/translations/inspector_zh_CN.ts").getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("vanished", "obsolete"):
            continue
        text = (message.find("source").text if lang == "en"
                else "".join(translation.itertext())) or ""
        labels.add(re.sub(r"\(&\w\)|&(?=\w)", "", text))  # the shortcut's mark is not read
    named = {bold.split("→")[-1].strip()
             for page in (guide_dir() / lang).glob("*.md")
             for bold in re.findall(r"\*\*([^*]+?…)\*\*", page.read_text(encoding="utf-8"))}
    assert named - NOT_A_BUTTON - labels == set()
