"""The printed documents, checked as a reader would: poppler reads the text, lists the fonts and
images, renders the pages."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from inspector_app.cli import main
from inspector_app.domain.numbering import DocType
from inspector_app.errors import DiskFullError, NotFoundError, ValidationError
from inspector_app.services import documents as documents_module
from inspector_app.services.documents import (
    DocumentRefused,
    canonical_record_data,
    load_record_data,
    parse_qr_payload,
    qr_payload,
    record_digest,
)
from inspector_app.services.pdf import page as pdf_page
from inspector_app.services.pdf.texts import fmt_date
from tests import pdf_scenarios as sc
from tests.pdf_scenarios import sign_missing

RECORD_NUMBER = "（泉台）应急检记〔2026〕1号"  # the inspection's own, from its start date
YEAR = datetime.now().year  # orders and opinions are numbered in the year they are issued
ORDER_NUMBER = f"（泉台）应急责改〔{YEAR}〕1号"


# -- reading PDFs with poppler ---------------------------------------------------------------------
def text_of(path: Path) -> str:
    """The text in reading order (-raw keeps the spaces poppler drops between CJK glyphs)."""
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                          text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def fonts_of(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                         text=True).stdout
    return [line.split() for line in out.splitlines()[2:]]


def images_of(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdfimages", "-list", str(path)], check=True, capture_output=True,
                         text=True).stdout
    return [line.split() for line in out.splitlines()[2:]]


# -- fixtures --------------------------------------------------------------------------------------
@pytest.fixture
def built(ctx, tmp_path):
    """An official inspection: a major hazard from a2 and a free-form one, four photos (one
    annotated, one taken sideways), signed by both inspectors and the company."""
    b = sc.official_inspection(ctx)
    insp, _, _ = sc.services(ctx)
    record = insp.get(b.inspection_id)
    major = record.finding_for_item("a2")
    other = next(f for f in record.findings if f.item_id is None)
    photos = sc.add_photos(ctx, b.inspection_id, tmp_path / "cam", 2, finding_id=major.id)
    sc.annotate(ctx, photos[0])
    sc.add_photos(ctx, b.inspection_id, tmp_path / "cam", 1, finding_id=other.id, seed=10)
    sideways = sc.jpeg(tmp_path / "cam" / "sideways.jpg", (640, 480), seed=30, orientation=6)
    sc.add_photos(ctx, b.inspection_id, tmp_path, 0, files=[sideways], item_id="a1")
    sc.sign_all(ctx, b)
    return b


@pytest.fixture
def docs(ctx):
    return sc.services(ctx)[2]


# -- the record ------------------------------------------------------------------------------------
def test_record_in_chinese_has_every_field_embedded_font_and_page_numbers(ctx, built, docs,
                                                                          tmp_path):
    target = docs.export(built.inspection_id, DocType.RECORD, "zh_CN", tmp_path / "记录.pdf")
    text = text_of(target)
    pages = page_count(target)
    for expected in (sc.COMPANY, RECORD_NUMBER, "泉台区应急管理局", "现场检查记录", "王建国",
                     "赵敏", "0595-22881234", "一号车间及仓库", "2026年11月28日 09:00",
                     "张伟（执法证号 3205001）", "李娜（执法证号 3205002）",
                     "安全出口畅通", "特种作业人员持证上岗", "不符合", "东侧出口已清理",
                     "不适用：第1项", "符合率 50.0%", "重大事故隐患", "二号仓库配电箱门缺失",
                     "立即停止无证人员作业", "图1", "IMG_0000.jpg", "sideways.jpg",
                     "被检查单位现场负责人（签名）", "检查人员（签名）", "见证人（签名）",
                     "我们是泉台区应急管理局行政执法人员张伟、李娜，证件号码为3205001、3205002，"
                     "这是我们的证件（出示证件）。现依法对你单位进行现场检查，请予以配合。",
                     "职务", "厂长"):
        assert flat(expected) in flat(text), expected
    for page in range(1, pages + 1):
        assert f"第 {page} 页 共 {pages} 页" in text
    fonts = fonts_of(target)
    assert fonts and all("WenQuanYiMicroHei" in f[0] for f in fonts)
    # name type encoding emb sub uni: every subset embedded, no font left to the reader's system
    assert all(f[-5:-2] == ["yes", "yes", "yes"] for f in fonts)  # embedded, subset, unicode
    out = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png", str(target), str(out)],
                   check=True, capture_output=True)
    (png,) = tmp_path.glob("page*.png")
    with Image.open(png) as page:
        assert abs(page.width - 413) <= 1 and abs(page.height - 585) <= 1  # A4 at 50 dpi


def test_record_in_english_uses_english_labels_and_checklist_texts(ctx, built, docs, tmp_path):
    target = docs.export(built.inspection_id, "record", "en", tmp_path / "record.pdf")
    text = text_of(target)
    for expected in ("On-site inspection record", "Inspected company", sc.COMPANY,
                     RECORD_NUMBER, "Exits clear", "Special workers certified", "Non-compliant",
                     "Not applicable: item 1", "compliance 50.0%", "Major accident hazard",
                     "Company's on-site person in charge (signature)", "Fig. 1",
                     "These are our credentials (credentials shown)"):
        assert flat(expected) in flat(text), expected
    assert f"Page 1 of {page_count(target)}" in text
    assert "安全出口畅通" not in text


def test_photos_are_copied_into_the_pdf_unchanged_from_their_print_copies(ctx, built, docs,
                                                                          tmp_path):
    target = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "r.pdf")
    data = target.read_bytes()
    _, photos, _ = sc.services(ctx)
    listed = photos.list(built.inspection_id)
    for photo in listed:
        assert photos.print_copy(photo).read_bytes() in data
    jpegs = [i for i in images_of(target) if i[8] == "jpeg"]
    assert len(jpegs) == len(listed) == 4
    # The photo taken sideways is stored as portrait pixels and printed upright (landscape).
    sideways = next(p for p in listed if p.original_name == "sideways.jpg")
    with Image.open(photos.original_path(sideways)) as image:
        assert image.height > image.width
    with Image.open(photos.print_copy(sideways)) as image:
        assert image.width > image.height


def test_a_long_record_numbers_every_page(ctx, docs, tmp_path):
    b = sc.official_inspection(ctx, template=sc.big_template(120))
    sc.answer_big(ctx, b.inspection_id, 120)
    target = docs.export(b.inspection_id, "record", "zh_CN", tmp_path / "long.pdf")
    pages = page_count(target)
    assert pages >= 4
    text = text_of(target)
    assert [int(n) for n in re.findall(r"第 (\d+) 页 共 (?:\d+) 页", text)] == \
        list(range(1, pages + 1))
    assert set(re.findall(r"第 \d+ 页 共 (\d+) 页", text)) == {str(pages)}
    assert text.count(RECORD_NUMBER) >= pages  # the number on every page
    assert "不适用：第7、14项" in flat(text)  # collapsed per section, numbered within it


def test_a_record_prints_before_signing_with_blank_lines(ctx, docs, tmp_path):
    b = sc.official_inspection(ctx, hazards=False)
    target = docs.export(b.inspection_id, "record", "zh_CN", tmp_path / "draft.pdf")
    text = flat(text_of(target))
    assert "日期：________年_____月_____日" in text and "本次检查未发现事故隐患" in text
    assert not [i for i in images_of(target) if i[2] == "image"]  # no signature drawn


def test_refused_signature_is_printed_with_the_witness(ctx, docs, tmp_path):
    b = sc.official_inspection(ctx)
    sc.sign_all(ctx, b, refused=True)
    text = text_of(docs.export(b.inspection_id, "record", "zh_CN", tmp_path / "r.pdf"))
    assert "被检查单位拒绝签名" in text and "见证人（签名）" in text and "陈立" in text


# -- numbers ---------------------------------------------------------------------------------------
def test_a_refused_signed_export_gives_its_number_back(ctx, built, docs, tmp_path):
    from inspector_app.services.signing import SigningError

    def refuse(_data: bytes) -> bytes:  # the signature fails once the pages are laid out
        raise SigningError("Your signing certificate expired on 2026-11-30.")

    target = tmp_path / "order.pdf"
    with pytest.raises(SigningError):
        docs.export(built.inspection_id, "order", "zh_CN", target, sign=refuse)
    assert not target.exists()
    assert docs.issued(built.inspection_id, "order") is None
    actions = [(e.action, e.reason) for e in sc.services(ctx)[0].history(built.inspection_id)
               if e.entity == "document"]
    assert actions[-1][0] == "delete" and "number given back" in actions[-1][1]
    # The next document issued gets the number the refused one had: none is lost.
    other = sc.official_inspection(ctx)
    written = docs.export(other.inspection_id, "order", "zh_CN", tmp_path / "other.pdf")
    assert docs.issued(other.inspection_id, "order").number == ORDER_NUMBER
    assert ORDER_NUMBER in text_of(written)
    assert docs.issue(built.inspection_id, "order")[0] == f"（泉台）应急责改〔{YEAR}〕2号"


def test_a_number_already_shown_stays_when_a_later_export_is_refused(ctx, built, docs,
                                                                     tmp_path):
    number, _ = docs.issue(built.inspection_id, "order")  # previewed, printed: it is in use
    with pytest.raises(NotFoundError):
        docs.export(built.inspection_id, "order", "zh_CN", tmp_path / "nowhere" / "o.pdf")
    assert docs.issued(built.inspection_id, "order").number == number == ORDER_NUMBER


def test_a_number_printed_on_a_written_pdf_is_never_given_back(ctx, built, docs, tmp_path,
                                                               monkeypatch):
    # The PDF is written, then recording it fails (the disk filled up): the paper carries the
    # number, so the number stays the document's and the next document gets the next one.
    import sqlite3

    def full(*_a, **_k):
        raise sqlite3.OperationalError("database or disk is full")

    target = tmp_path / "order.pdf"
    monkeypatch.setattr(docs.documents, "update", full)
    with pytest.raises(sqlite3.OperationalError):
        docs.export(built.inspection_id, "order", "zh_CN", target)
    monkeypatch.undo()
    assert ORDER_NUMBER in text_of(target)
    assert docs.issued(built.inspection_id, "order").number == ORDER_NUMBER
    other = sc.official_inspection(ctx)
    assert docs.issue(other.inspection_id, "order")[0] == f"（泉台）应急责改〔{YEAR}〕2号"


def test_numbers_are_issued_once_and_recorded_with_the_file(ctx, built, docs, tmp_path):
    assert docs.issue(built.inspection_id, "record")[0] == RECORD_NUMBER
    number, issued_at = docs.issue(built.inspection_id, "order")
    assert number == ORDER_NUMBER
    first = docs.export(built.inspection_id, "order", "zh_CN", tmp_path / "a.pdf")
    again = docs.export(built.inspection_id, "order", "en", tmp_path / "b.pdf")
    assert docs.issue(built.inspection_id, "order") == (number, issued_at)
    assert ORDER_NUMBER in text_of(first) and ORDER_NUMBER in text_of(again)
    issued = docs.issued(built.inspection_id, "order")
    assert (issued.lang, issued.file_name) == ("en", "b.pdf")
    assert issued.file_sha256 == hashlib.sha256(again.read_bytes()).hexdigest()
    other = sc.official_inspection(ctx)
    assert docs.issue(other.inspection_id, "order")[0] == f"（泉台）应急责改〔{YEAR}〕2号"
    actions = [(e.entity, e.action) for e in sc.services(ctx)[0].history(built.inspection_id)]
    assert actions.count(("document", "create")) == 2
    assert actions.count(("document", "export")) == 2


def test_an_amended_record_prints_its_revision_number(ctx, built, docs, tmp_path):
    insp, _, _ = sc.services(ctx)
    assert insp.complete(built.inspection_id) == []
    sign_missing(insp, built.inspection_id)
    insp.lock(built.inspection_id)
    revision = insp.amend(built.inspection_id, "补充现场照片说明")
    number, _ = docs.issue(revision, "record")
    assert number == RECORD_NUMBER + "（第2版）"
    text = flat(text_of(docs.export(revision, "record", "zh_CN", tmp_path / "r2.pdf")))
    assert flat(number) in text and "本记录为第2版，更正原因：补充现场照片说明" in text
    assert qr_payload(load_record_data(ctx.db, revision), DocType.RECORD).split("?")[1] \
        .startswith("rev=2&")


# -- the order -------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_order_lists_each_problem_with_its_deadline_and_the_legal_wording(ctx, built, docs,
                                                                          tmp_path, lang):
    target = docs.export(built.inspection_id, "order", lang, tmp_path / "order.pdf")
    text = flat(text_of(target))
    zh = lang == "zh_CN"
    for expected in (sc.COMPANY, ORDER_NUMBER, "泉台区应急管理局",
                     "特种作业人员持证上岗", "立即停止无证人员作业", "二号仓库配电箱门缺失",
                     "2026年12月28日" if zh else "2026-12-28",
                     "2026年12月13日" if zh else "2026-12-13",
                     "责令限期整改指令书" if zh else "Order to rectify within a deadline"):
        assert flat(expected) in text, expected
    words = ("经查，你单位存在下列问题：",
             "现责令你单位对上述第2项问题于2026年12月13日前整改完毕，第1项问题于2026年12月28日前"
             "整改完毕，达到有关法律法规规章和标准规定的要求。由此造成事故的，依法追究有关人员的"
             "责任。",
             "整改期间，你单位应当采取措施，确保安全生产。对安全生产违法行为，将依法予以行政处罚。",
             "如果不服本指令，可以依法在60日内向泉台区人民政府或者泉州市应急管理局申请行政复议，"
             "或者在6个月内依法向泉台区人民法院提起行政诉讼，但本指令不停止执行，法律另有规定的"
             "除外。",
             "安全生产监管行政执法人员（签名）", "被检查单位负责人（签名）",
             "本文书一式两份：一份由安全生产监督管理部门备案，一份交被检查单位。") if zh else \
        ("problem 2 by 2026-12-13; problem 1 by 2026-12-28", "will be punished",
         "people's government of 泉台区 or to 泉州市应急管理局 within 60 days",
         "people's court of 泉台区 within 6 months", "not suspended", "Made in duplicate")
    for w in words:
        assert flat(w) in text, w
    # Dated with the day it was signed on site, not the day it was printed.
    assert flat("2026年11月28日" if zh else "2026-11-28") in text


def test_order_is_refused_without_hazards_and_for_self_inspections(ctx, docs, tmp_path):
    clean = sc.official_inspection(ctx, hazards=False)
    with pytest.raises(DocumentRefused, match="found no hazards") as refused:
        docs.export(clean.inspection_id, "order", "zh_CN", tmp_path / "o.pdf")
    assert refused.value.code == "no_hazards"
    assert not (tmp_path / "o.pdf").exists()
    assert docs.issued(clean.inspection_id, "order") is None
    insp, _, _ = sc.services(ctx)
    row = ctx.db.execute("SELECT template_key, company_id FROM inspections WHERE id = ?",
                         [clean.inspection_id]).fetchone()
    own = insp.start(company_id=row[1], template_key=row[0], kind="self",
                     inspector_ids=clean.team[:1])
    insp.add_finding(own, description="消防通道堆物", grade="general", requirement="清理")
    assert docs.availability(own)[DocType.ORDER].code == "self_inspection"


def test_order_waits_for_every_hazard_to_have_a_requirement(ctx, docs):
    b = sc.official_inspection(ctx, hazards=False)
    insp, _, _ = sc.services(ctx)
    insp.set_answer(b.inspection_id, "a1", "non_compliant")
    refusal = docs.availability(b.inspection_id)[DocType.ORDER]
    assert refusal.code == "incomplete_hazards" and "hazard 1: no requirement" in refusal.message


# -- the re-inspection opinion ---------------------------------------------------------------------
def test_opinion_needs_a_reinspection_and_the_order_it_follows(ctx, built, docs, tmp_path):
    with pytest.raises(DocumentRefused, match="not a re-inspection"):
        docs.issue(built.inspection_id, "reinspection")
    follow_up = sc.reinspection(ctx, built, {1: "rectified", 2: "rectified"})
    with pytest.raises(DocumentRefused, match="cannot exist without the order") as refused:
        docs.export(follow_up, "reinspection", "zh_CN", tmp_path / "op.pdf")
    assert refused.value.code == "no_order"
    assert not list(tmp_path.glob("*.pdf"))
    docs.issue(built.inspection_id, "order")
    assert docs.availability(follow_up)[DocType.REINSPECTION] is None


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_draft_reinspections_opinion_prints_marked_as_a_draft_without_a_number(
        ctx, built, docs, tmp_path, lang):
    docs.issue(built.inspection_id, "order")
    follow_up = sc.reinspection(ctx, built, {1: "rectified"}, status="draft")
    warnings: list[str] = []
    target = docs.export(follow_up, "reinspection", lang, tmp_path / "draft.pdf",
                         warn=lambda m: warnings.append(m.localized(lang)))
    text = flat(text_of(target))
    zh = lang == "zh_CN"
    for expected in ("草稿（未编号）" if zh else "DRAFT (not numbered)",
                     "复查尚未完成，本意见书未编号、未生效，不得作为正式文书送达" if zh
                     else "This opinion has no number and is not in force"):
        assert flat(expected) in text, expected
    assert "应急复查〔" not in text
    assert docs.issued(follow_up, "reinspection") is None
    assert warnings and ("草稿" if zh else "marked as a draft") in warnings[0]
    # Never signed while a draft, and never numbered by asking for its number either.
    with pytest.raises(ValidationError, match="only a draft, which is never signed"):
        docs.export(follow_up, "reinspection", lang, tmp_path / "signed.pdf",
                    sign=lambda data: data)
    assert not (tmp_path / "signed.pdf").exists()
    with pytest.raises(ValidationError, match="issued, and numbered, when it is completed"):
        docs.issue(follow_up, "reinspection")

    # Completed: the opinion is issued with the first number, which the draft did not take.
    with ctx.db.atomic():
        ctx.db["inspections"].update(follow_up, {"status": "completed"})
    final = flat(text_of(docs.export(follow_up, "reinspection", lang, tmp_path / "op.pdf")))
    assert f"（泉台）应急复查〔{YEAR}〕1号" in final
    assert ("草稿" if zh else "DRAFT") not in final


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_opinion_shows_results_photos_and_the_order(ctx, built, docs, tmp_path, lang):
    order_number, order_issued = docs.issue(built.inspection_id, "order")
    follow_up = sc.reinspection(ctx, built, {1: "not_rectified", 2: "rectified"})
    insp, _, _ = sc.services(ctx)
    other = next(f for f in insp.get(built.inspection_id).findings if f.item_id is None)
    sc.add_photos(ctx, follow_up, tmp_path / "after", 1, finding_id=other.id, tag="after",
                  seed=50)
    sc.add_signature(ctx.db, follow_up, "inspector", "张伟", inspector_id=built.team[0])
    target = docs.export(follow_up, "reinspection", lang, tmp_path / "op.pdf")
    text = flat(text_of(target))
    zh = lang == "zh_CN"
    for expected in (sc.COMPANY, f"（泉台）应急复查〔{YEAR}〕1号", order_number,
                     fmt_date(lang, order_issued),
                     f"作出了责令限期整改的决定［{order_number}］" if zh else "2026-12-10",
                     "未整改到位" if zh else "Not rectified", "已整改" if zh else "Rectified",
                     "2026年12月25日" if zh else "2026-12-25",
                     "整改前" if zh else "Before", "整改后" if zh else "After",
                     "经复查，第2项问题已整改完毕，同意销号。第1项问题未整改到位，责令你单位于"
                     "2026年12月25日前整改完毕。" if zh else
                     "problem 2 rectified; accepted and closed. Problem 1 not rectified: to be "
                     "rectified by 2026-12-25.",
                     "被复查单位负责人（签名）" if zh else "re-inspected company (signature)",
                     "本文书一式两份：一份由安全生产监督管理部门备案，一份交被复查单位。" if zh
                     else "one for the re-inspected company"):
        assert flat(expected) in text, expected
    assert "其余" not in text
    # Before: two photos of hazard 1 and one of hazard 2; after: one of hazard 2.
    assert len([i for i in images_of(target) if i[8] == "jpeg"]) == 4
    assert docs.issued(follow_up, "reinspection").follows_document_id == \
        docs.issued(built.inspection_id, "order").id


def test_opinion_agrees_to_close_when_everything_is_rectified(ctx, built, docs, tmp_path):
    docs.issue(built.inspection_id, "order")
    follow_up = sc.reinspection(ctx, built, {1: "rectified", 2: "rectified"})
    text = flat(text_of(docs.export(follow_up, "reinspection", "zh_CN", tmp_path / "op.pdf")))
    assert "经复查，第1、2项问题已整改完毕，同意销号。" in text


def test_opinion_never_accepts_a_hazard_it_did_not_check(ctx, built, docs, tmp_path):
    docs.issue(built.inspection_id, "order")
    follow_up = sc.reinspection(ctx, built, {2: "rectified"})
    text = flat(text_of(docs.export(follow_up, "reinspection", "zh_CN", tmp_path / "op.pdf")))
    assert "经复查，第2项问题已整改完毕，同意销号。第1项问题本次未复查，不予销号。" in text
    assert "其余" not in text and "第1、2项问题已整改完毕" not in text


# -- issue date, deadlines, the on-site decision ------------------------------------------------
def test_an_order_whose_deadline_precedes_its_issue_date_is_refused(ctx, built, docs, tmp_path):
    insp, _, _ = sc.services(ctx)
    other = next(f for f in insp.get(built.inspection_id).findings if f.item_id is None)
    insp.update_finding(other.id, deadline="2026-11-20")  # signed on site on 2026-11-28
    with pytest.raises(DocumentRefused, match=r"cannot be issued on 2026-11-28: the deadline of "
                                              r"hazard 2 \(2026-11-20\) is before") as refused:
        docs.export(built.inspection_id, "order", "zh_CN", tmp_path / "o.pdf")
    assert refused.value.code == "deadline_before_issue"
    assert docs.issued(built.inspection_id, "order") is None
    assert not (tmp_path / "o.pdf").exists()
    assert insp.get(built.inspection_id).status.value == "draft"
    insp.update_finding(other.id, deadline="2026-11-28")  # the issue day itself is allowed
    _, issued_at = docs.issue(built.inspection_id, "order")
    assert issued_at.startswith("2026-11-28")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_onsite_decision_lists_the_measures_taken_on_the_spot(ctx, built, docs, tmp_path, lang):
    assert docs.availability(built.inspection_id)[DocType.ONSITE].code == "no_onsite_measures"
    insp, _, _ = sc.services(ctx)
    major = insp.get(built.inspection_id).finding_for_item("a2")
    insp.update_finding(major.id, onsite_measure="责令无证人员立即停止作业，撤出作业人员")
    target = docs.export(built.inspection_id, "onsite", lang, tmp_path / "onsite.pdf")
    text = flat(text_of(target))
    zh = lang == "zh_CN"
    for expected in (f"（泉台）应急现决〔{YEAR}〕1号", sc.COMPANY,
                     "现场处理措施决定书" if zh else "Decision on on-site measures",
                     "责令无证人员立即停止作业，撤出作业人员",
                     "本机关于2026年11月28日现场检查时，发现你单位有下列违法违规行为和事故隐患："
                     if zh else "on 2026-11-28",
                     "以上存在的问题无法保证安全生产，依据《中华人民共和国安全生产法》第六十五条第一款"
                     "第（三）项的规定，现作出如下现场处理决定：" if zh else "Article 65(1)(3)",
                     "但本决定不停止执行" if zh else "decision is not suspended"):
        assert flat(expected) in text, expected
    assert "二号仓库配电箱门缺失" not in text  # no measure was taken for it on the spot


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_opinion_states_a_major_hazards_plan_and_acceptance(ctx, built, docs, tmp_path, lang):
    from inspector_app.domain.governance import GovernancePlan
    from inspector_app.services.reinspection import ReinspectionService

    docs.issue(built.inspection_id, "order")
    insp, _, _ = sc.services(ctx)
    major = next(f for f in insp.get(built.inspection_id).findings if f.item_id == "a2")
    ReinspectionService(ctx.db, ctx.device).set_plan(
        major.id, GovernancePlan(*(f"要素{n}" for n in range(1, 7))))
    follow_up = sc.reinspection(ctx, built, {1: "rectified", 2: "rectified"})
    ctx.db.execute("UPDATE reinspection_results SET accepted_on = '2026-12-10', "
                   "accepted_by = '张伟、李娜', acceptance_conclusion = '整改到位，同意销号' "
                   "WHERE finding_id = ?", [major.id])
    text = flat(text_of(docs.export(follow_up, "reinspection", lang, tmp_path / "op.pdf")))
    zh = lang == "zh_CN"
    for expected in ("治理方案：六项内容齐全" if zh else "Governance plan: all six elements",
                     "评估验收：2026年12月10日，张伟、李娜；结论：整改到位，同意销号" if zh
                     else "Accepted 2026-12-10 by 张伟、李娜: 整改到位，同意销号"):
        assert flat(expected) in text, expected


# -- fingerprint and QR code -----------------------------------------------------------------------
def test_canonical_data_is_stable_and_covers_the_content(ctx, built):
    data = load_record_data(ctx.db, built.inspection_id)
    raw = canonical_record_data(data)
    assert raw == canonical_record_data(load_record_data(ctx.db, built.inspection_id))
    assert b'"format":"inspector-record/1"' in raw and b": " not in raw  # compact, sorted keys
    for needle in (built.inspection_id, RECORD_NUMBER, "特种作业人员持证上岗", "积尘",
                   data.photos[0].sha256, data.signatures[0].sha256, data.template_hash):
        assert needle.encode() in raw
    digest = record_digest(data)
    _, photos, _ = sc.services(ctx)
    photos.set_caption(data.photos[0].id, "配电箱全貌")
    assert record_digest(load_record_data(ctx.db, built.inspection_id)) != digest


def test_qr_code_holds_id_revision_and_hash_on_every_page(ctx, built, docs, tmp_path):
    data = load_record_data(ctx.db, built.inspection_id)
    payload = qr_payload(data, DocType.RECORD)
    digest = hashlib.sha256(canonical_record_data(data)).hexdigest()
    assert payload == f"inspector:record/{built.inspection_id}?rev=1&sha256={digest}"
    assert parse_qr_payload(payload) == {"doc_type": "record", "id": built.inspection_id,
                                         "revision": 1, "sha256": digest}
    widget = pdf_page.qr_widget(payload)
    assert widget.value == payload
    target = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "r.pdf")
    sheet = docs.sheet(built.inspection_id, "record", "zh_CN")
    assert sheet.qr == payload and digest[:16] in text_of(target)
    for page in (1, page_count(target)):
        assert read_qr_modules(target, page, tmp_path) == qr_modules(payload)


def qr_modules(payload: str) -> list[list[bool]]:
    widget = pdf_page.qr_widget(payload)
    widget.qr.make()
    return [[bool(v) for v in row] for row in widget.qr.modules]


def read_qr_modules(pdf: Path, page: int, tmp_path: Path) -> list[list[bool]]:
    """The QR code as printed: render its corner of the page at 600 dpi and sample each
    module's centre. (No QR decoder is installed; matching the encoder's module grid for the
    expected payload is as strict: one wrong module and the lists differ.)"""
    dpi = 600
    x, y = pdf_page.qr_position()
    size = pdf_page.QR_SIZE
    px = dpi / 72
    crop = [round(x * px), round((pdf_page.PAGE_H - y - size) * px), round(size * px) + 1]
    stem = tmp_path / f"qr{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-gray",
                    "-x", str(crop[0]), "-y", str(crop[1]), "-W", str(crop[2]), "-H",
                    str(crop[2]), "-png", str(pdf), str(stem)], check=True, capture_output=True)
    (png,) = tmp_path.glob(f"qr{page}*.png")
    with Image.open(png) as image:
        gray = image.convert("L")
        dark = gray.point(lambda v: 255 if v < 128 else 0)
        left, top, right, bottom = dark.getbbox()
        n = len(qr_modules(parse_payload_from(pdf)))
        step = (right - left) / n
        assert abs((bottom - top) / n - step) < 0.5  # square
        return [[gray.getpixel((round(left + (c + 0.5) * step),
                                round(top + (r + 0.5) * step))) < 128
                 for c in range(n)] for r in range(n)]


def parse_payload_from(pdf: Path) -> str:
    """The payload the PDF says it carries (its Keywords), to size the module grid."""
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    return re.search(r"^Keywords:\s+(\S+)", info, re.M).group(1)


# -- writing safely --------------------------------------------------------------------------------
def _folder_listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_full_disk_leaves_no_pdf_and_no_temporary_file(ctx, built, docs, tmp_path,
                                                         monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "record.pdf"

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(DiskFullError, match="disk is full") as failure:
        docs.export(built.inspection_id, "record", "zh_CN", target)
    assert str(target) in failure.value.message
    assert _folder_listing(folder) == []
    assert docs.issued(built.inspection_id, "record").file_sha256 is None


def test_a_failed_render_keeps_the_earlier_file_byte_for_byte(ctx, built, docs, tmp_path,
                                                              monkeypatch):
    target = tmp_path / "record.pdf"
    docs.export(built.inspection_id, "record", "zh_CN", target)
    before = target.read_bytes()
    listing = _folder_listing(tmp_path)

    def broken(self):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(Canvas, "save", broken)
    with pytest.raises(OSError):
        docs.export(built.inspection_id, "record", "en", target)
    assert target.read_bytes() == before
    assert _folder_listing(tmp_path) == listing


def test_bad_targets_and_languages_are_refused_in_words(ctx, built, docs, tmp_path):
    with pytest.raises(NotFoundError, match="does not exist"):
        docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "no" / "r.pdf")
    with pytest.raises(ValidationError, match="is a folder"):
        docs.export(built.inspection_id, "record", "zh_CN", tmp_path)
    with pytest.raises(ValidationError, match=r"Chinese .* or English"):
        docs.export(built.inspection_id, "record", "fr", tmp_path / "r.pdf")


# -- the command line ------------------------------------------------------------------------------
def test_cli_exports_by_number_and_says_why_not(ctx, built, data_dir, tmp_path, capsys):
    ctx.close()
    args = ["--data-dir", str(data_dir.root), "export", "pdf"]
    out = tmp_path / "order.pdf"
    assert main([*args, RECORD_NUMBER, "--document", "order", "--lang", "en", "-o",
                 str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert "Order to rectify within a deadline" in text_of(out)
    assert main([*args, built.inspection_id[:8], "--document", "reinspection", "-o",
                 str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is not a re-inspection" in err[0]
    assert not (tmp_path / "x.pdf").exists()


def test_cli_documents_default_to_the_language_of_the_command_line(ctx, built, data_dir,
                                                                  tmp_path, capsys):
    ctx.close()
    base = ["--data-dir", str(data_dir.root)]
    english, chinese = tmp_path / "en.pdf", tmp_path / "zh.pdf"
    assert main([*base, "--lang", "en", "export", "pdf", RECORD_NUMBER, "--document", "order",
                 "-o", str(english)]) == 0
    assert "Order to rectify within a deadline" in text_of(english)
    assert main([*base, "--lang", "zh_CN", "export", "pdf", RECORD_NUMBER, "--document",
                 "order", "-o", str(chinese)]) == 0
    assert "责令限期整改指令书" in flat(text_of(chinese))
    capsys.readouterr()


def test_documents_module_exports_the_public_api():
    for name in ("DocumentService", "canonical_record_data", "qr_payload", "record_digest",
                 "load_record_data", "DocumentRefused"):
        assert hasattr(documents_module, name)


def test_a_self_inspection_record_has_no_identity_statement(ctx, docs, tmp_path):
    clean = sc.official_inspection(ctx, hazards=False)
    insp, _, _ = sc.services(ctx)
    row = ctx.db.execute("SELECT template_key, company_id FROM inspections WHERE id = ?",
                         [clean.inspection_id]).fetchone()
    own = insp.start(company_id=row[1], template_key=row[0], kind="self",
                     inspector_ids=clean.team[:1])
    text = flat(text_of(docs.export(own, "record", "zh_CN", tmp_path / "self.pdf")))
    assert "这是我们的证件" not in text and "被检查单位现场负责人（签名）" in text
    official = flat(text_of(docs.export(clean.inspection_id, "record", "zh_CN",
                                        tmp_path / "official.pdf")))
    assert "这是我们的证件（出示证件）。现依法对你单位进行现场检查，请予以配合。" in official


def test_texts_longer_than_a_page_flow_onto_the_next_page(ctx, built, docs, tmp_path):
    insp, _, _ = sc.services(ctx)
    record = insp.get(built.inspection_id)
    # The documents are printed from a completed record; the texts are typed in the draft.
    ctx.db.execute("UPDATE inspections SET place = ? WHERE id = ?",
                   ["一号车间" + "东侧" * 1500 + "末尾", built.inspection_id])
    other = next(f for f in record.findings if f.item_id is None)
    ctx.db.execute("UPDATE findings SET requirement = ? WHERE id = ?",
                   ["加装防护" * 3000 + "完毕", other.id])
    for doc_type in ("record", "order"):
        target = docs.export(built.inspection_id, doc_type, "zh_CN", tmp_path / f"{doc_type}.pdf")
        text = flat(text_of(target))
        assert page_count(target) >= 3
        assert "完毕" in text  # nothing cut off
    assert "末尾" in flat(text_of(tmp_path / "record.pdf"))
