"""The determination standards, word for word: counts per article and the law's own phrases.

The counts and phrases come from the published texts named in each template's "sources"; they
are pinned here so that an edit to a template can never quietly drop, add or reword a situation.
"""

from __future__ import annotations

import functools
from collections import Counter

import pytest

from inspector_app.domain.checklist import Answer, Grade, ItemType, Template, score, visibility
from inspector_app.services.forms import load_template_file, shipped_template_files

# Order No. 10, Art. 3-13 (issue 11; DOMAIN.md): 64 situations.
GM_COUNTS = {3: 3, 4: 8, 5: 13, 6: 8, 7: 7, 8: 7, 9: 2, 10: 2, 11: 10, 12: 2, 13: 2}


@functools.cache
def standard(template_id: str) -> Template:
    for path in shipped_template_files():
        template = load_template_file(path).template
        if template.id == template_id:
            return template
    raise AssertionError(f"no shipped template {template_id}")


def situations(template_id: str) -> dict[tuple[int | None, int], str | None]:
    return {(i.situation.article, i.situation.clause): i.situation.text
            for i in standard(template_id).items if i.situation is not None}


def test_order_10_has_the_published_number_of_situations_per_article():
    per_article = Counter(article for article, _ in situations("gm-major-hazard-2023"))
    assert dict(per_article) == GM_COUNTS
    assert sum(per_article.values()) == 64


def test_order_10_clauses_are_numbered_without_gaps():
    found = situations("gm-major-hazard-2023")
    for article, count in GM_COUNTS.items():
        assert sorted(c for a, c in found if a == article) == list(range(1, count + 1)), article


def test_the_2017_chemical_standard_has_its_20_items_numbered_1_to_20():
    found = situations("hc-major-hazard-2017")
    assert sorted(found) == [(None, n) for n in range(1, 21)]


# A few exact phrases of each article, as the law words them.
GM_PHRASES = {
    (3, 1): "未对承包单位、承租单位的安全生产工作统一协调、管理，或者未定期进行安全检查的",
    (3, 2): "特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业的",
    (3, 3): "金属冶炼企业主要负责人、安全生产管理人员未按照规定经考核合格的",
    (4, 1): "等6类人员聚集场所，以及钢铁水罐冷（热）修工位设置在铁水、钢水、液渣吊运跨的地坪区域内",
    (4, 2): "厂房内吊运和地面运输通道等6类区域存在积水的",
    (4, 4): "氧（副）枪自动提升、电极自动断电和升起装置联锁的",
    (5, 4): "铸造机（铝加工深井铸造工艺的结晶器除外）、加热炉未设置应急水源的",
    (5, 10): "铝加工深井铸造机钢丝卷扬系统选用非钢芯钢丝绳",
    (5, 11): "一氧化碳、砷化氢、氯气、硫化氢等4种有毒气体",
    (5, 12): "使用煤气（天然气）并强制送风的燃烧装置的燃气总管未设置压力监测报警装置",
    (5, 13): "正压煤气输配管线水封式排水器的最高封堵煤气压力小于30kPa",
    (6, 1): "煤磨袋式收尘器、煤粉仓未设置温度和固定式一氧化碳浓度监测报警装置",
    (6, 5): "采用预混燃烧方式的燃气窑炉（热发生炉煤气窑炉除外）的燃气总管",
    (6, 7): "电熔制品电炉的水冷设备失效的",
    (7, 1): "等5类人员聚集场所设置在熔融金属吊运跨或者浇注跨",
    (7, 2): "铸造用熔炼炉、精炼炉、保温炉未设置紧急排放和应急储存设施的",
    (10, 1): "或者未配备防毒面具",
    (10, 2): "使用液态二氧化碳制造膨胀烟丝的生产线和场所未设置固定式二氧化碳浓度监测报警装置",
    (11, 1): "粉尘爆炸危险场所设置在非框架结构的多层建（构）筑物内",
    (11, 3): "干式除尘系统未采取泄爆、惰化、抑爆等任一种爆炸防控措施的",
    (11, 7): "除尘器、收尘仓等划分为20区的粉尘爆炸危险场所电气设备不符合防爆要求的",
    (12, 2): "快速冻结装置作业间内作业人员数量超过9人的",
    (13, 1): "未对有限空间进行辨识、建立安全管理台账，并且未设置明显的安全警示标志的",
}

HC_PHRASES = {
    1: "危险化学品生产、经营单位主要负责人和安全生产管理人员未依法经考核合格",
    2: "特种作业人员未持证上岗",
    7: "有毒有害液化气体的充装未使用万向管道充装系统",
    9: "地区架空电力线路穿越生产区且不符合国家标准要求",
    11: "使用淘汰落后安全技术工艺、设备目录列出的工艺、设备",
    14: "自动化控制系统未设置不间断电源",
}


@pytest.mark.parametrize(("where", "phrase"), GM_PHRASES.items(), ids=str)
def test_order_10_phrase_is_verbatim(where, phrase):
    text = situations("gm-major-hazard-2023")[where]
    assert text is not None and phrase in text


@pytest.mark.parametrize(("number", "phrase"), HC_PHRASES.items(), ids=str)
def test_2017_phrase_is_verbatim(number, phrase):
    text = situations("hc-major-hazard-2017")[(None, number)]
    assert text is not None and phrase in text


def test_the_repealed_2017_trade_items_are_gone():
    template = standard("gm-major-hazard-2023")
    ids = {i.id for i in template.items}
    assert not {"gm-4-9", "gm-4-10", "gm-4-11"} & ids
    assert all("耳轴" not in i.text.zh for i in template.items)


def test_texts_carry_no_stray_traditional_or_ascii_punctuation():
    for template_id in ("gm-major-hazard-2023", "hc-major-hazard-2017"):
        for (_, _), text in situations(template_id).items():
            if text:
                assert not set(text) & set(",;()"), text
                assert not set(text) & set("會議處設應當積"), text
                assert not text.endswith(("；", "。")), text


def test_every_verified_text_names_a_published_source_and_the_rest_say_so():
    for template_id in ("gm-major-hazard-2023", "hc-major-hazard-2017"):
        for item in standard(template_id).items:
            s = item.situation
            if s is not None:
                assert (s.text and s.source) or (s.unverified and not s.text), item.id


def test_article_2_exclusions_are_in_the_description():
    description = standard("gm-major-hazard-2023").description
    assert description is not None
    for area in ("危险化学品", "消防（火灾）", "燃气", "特种设备"):
        assert area in description.zh


def test_article_14_is_guidance_for_the_whole_template():
    first = standard("gm-major-hazard-2023").items[0]
    assert first.type is ItemType.INFO and "第十四条" in first.text.zh


def confined(ledger: bool, signs: bool) -> dict[str, object]:
    return {"confined-screen": True, "gm-13-1-ledger": ledger, "gm-13-1-signs": signs}


@pytest.mark.parametrize(("ledger", "signs", "major", "general"), [
    (False, False, True, False),   # both missing: Art. 13 (1), a major hazard
    (True, False, False, True),    # one gap alone: a general hazard only
    (False, True, False, True),
    (True, True, False, False),
])
def test_13_1_is_major_only_when_both_ledger_and_signs_are_missing(ledger, signs, major, general):
    template = standard("gm-major-hazard-2023")
    shown = visibility(template, confined(ledger, signs))
    assert shown["gm-13-1"] is major
    assert shown["gm-13-1-partial"] is general
    answers = {**confined(ledger, signs), "gm-13-1": Answer.NON_COMPLIANT.value,
               "gm-13-1-partial": Answer.NON_COMPLIANT.value}
    section = [template.section("confined-space")]
    graded = score(template, answers, section).non_compliant_by_grade
    assert graded[Grade.MAJOR] == (1 if major else 0)
    assert graded[Grade.GENERAL] == (1 if general else 0)
