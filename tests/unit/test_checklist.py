"""The checklist rules: show_if, required items, scoring, applicability, number ranges."""

from __future__ import annotations

import copy
import hashlib
from typing import Any

import pytest

from inspector_app.domain.checklist import (
    Answer,
    Grade,
    ItemType,
    LocalText,
    Template,
    canonical_json,
    content_hash,
    is_visible,
    missing_required,
    number_status,
    score,
    visible_items,
)


def check(item_id: str, grade: str = "general", **extra: Any) -> dict[str, Any]:
    return {"id": item_id, "type": "check", "grade": grade, "text": {"zh": item_id}, **extra}


def item(item_id: str, item_type: str, **extra: Any) -> dict[str, Any]:
    return {"id": item_id, "type": item_type, "text": {"zh": item_id}, **extra}


def template(*sections: dict[str, Any]) -> Template:
    return Template.from_dict(
        {
            "format": "inspector-template/1",
            "id": "t",
            "version": "1",
            "title": {"zh": "检查表", "en": "Checklist"},
            "kind": "routine",
            "sections": list(sections),
        }
    )


def section(section_id: str, *items: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"id": section_id, "title": {"zh": section_id}, "items": list(items), **extra}


def shown(t: Template, answers: dict[str, Any]) -> list[str]:
    return [i.id for i in visible_items(t, answers)]


# --- show_if ------------------------------------------------------------------------------------


def test_equals():
    t = template(section("s", item("dust", "yes_no"),
                         check("d1", show_if={"item": "dust", "equals": True})))
    assert shown(t, {}) == ["dust"]
    assert shown(t, {"dust": False}) == ["dust"]
    assert shown(t, {"dust": True}) == ["dust", "d1"]


def test_equals_does_not_confuse_true_with_one():
    t = template(section("s", item("n", "number"), check("c", show_if={"item": "n", "equals": 1})))
    assert shown(t, {"n": True}) == ["n"]
    assert shown(t, {"n": 1}) == ["n", "c"]


def test_not_equals_waits_for_an_answer():
    t = template(section("s", item("dust", "yes_no"),
                         check("d1", show_if={"item": "dust", "not_equals": False})))
    assert shown(t, {}) == ["dust"]
    assert shown(t, {"dust": False}) == ["dust"]
    assert shown(t, {"dust": True}) == ["dust", "d1"]


def test_in_single_and_multi_choice():
    choices = [{"value": v, "text": {"zh": v}} for v in ("gas", "oil", "coal")]
    t = template(section(
        "s",
        item("fuel", "single_choice", choices=choices),
        check("burner", show_if={"item": "fuel", "in": ["gas", "oil"]}),
        item("stores", "multi_choice", choices=choices),
        check("tank", show_if={"item": "stores", "in": ["oil"]}),
    ))
    assert shown(t, {"fuel": "coal", "stores": ["coal"]}) == ["fuel", "stores"]
    assert shown(t, {"fuel": "gas", "stores": ["gas", "oil"]}) == [
        "fuel", "burner", "stores", "tank"]
    assert shown(t, {"stores": []}) == ["fuel", "stores"]


def test_equals_on_multi_choice_ignores_order():
    choices = [{"value": v, "text": {"zh": v}} for v in ("a", "b")]
    t = template(section("s", item("m", "multi_choice", choices=choices),
                         check("c", show_if={"item": "m", "equals": ["a", "b"]})))
    assert shown(t, {"m": ["b", "a"]}) == ["m", "c"]
    assert shown(t, {"m": ["a"]}) == ["m"]


def test_answered():
    t = template(section("s", item("note", "text"),
                         check("yes", show_if={"item": "note", "answered": True}),
                         check("no", show_if={"item": "note", "answered": False})))
    assert shown(t, {}) == ["note", "no"]
    assert shown(t, {"note": "   "}) == ["note", "no"]
    assert shown(t, {"note": "漏水"}) == ["note", "yes"]


def test_not():
    t = template(section("s", item("dust", "yes_no"),
                         check("c", show_if={"not": {"item": "dust", "equals": True}})))
    assert shown(t, {"dust": False}) == ["dust", "c"]
    assert shown(t, {"dust": True}) == ["dust"]
    assert shown(t, {}) == ["dust"]  # unknown stays unknown under "not": hidden until answered


def test_all_and_any():
    t = template(section(
        "s",
        item("a", "yes_no"),
        item("b", "yes_no"),
        check("both", show_if={"all": [{"item": "a", "equals": True},
                                       {"item": "b", "equals": True}]}),
        check("either", show_if={"any": [{"item": "a", "equals": True},
                                         {"item": "b", "equals": True}]}),
    ))
    assert shown(t, {"a": True, "b": True}) == ["a", "b", "both", "either"]
    assert shown(t, {"a": True, "b": False}) == ["a", "b", "either"]
    assert shown(t, {"a": False, "b": False}) == ["a", "b"]
    assert shown(t, {"a": True}) == ["a", "b", "either"]  # b unanswered: "all" unknown


def test_chain_of_three_hides_when_the_first_changes():
    t = template(section(
        "s",
        item("a", "yes_no"),
        item("b", "yes_no", show_if={"item": "a", "equals": True}),
        check("c", show_if={"item": "b", "equals": True}),
    ))
    assert shown(t, {"a": True, "b": True}) == ["a", "b", "c"]
    # b keeps its stored answer, but hidden it does not count, so c is hidden too.
    answers = {"a": False, "b": True}
    assert shown(t, answers) == ["a"]
    assert not is_visible(t.item("c"), answers, t)
    assert not is_visible(t.item("b"), answers, t)


def test_condition_on_a_hidden_item_is_hidden_even_when_negated():
    t = template(section(
        "s",
        item("a", "yes_no"),
        item("b", "yes_no", show_if={"item": "a", "equals": True}),
        check("c", show_if={"not": {"item": "b", "equals": True}}),
        check("d", show_if={"item": "b", "answered": False}),
    ))
    assert shown(t, {"a": False}) == ["a"]
    assert shown(t, {"a": True}) == ["a", "b", "d"]


def test_any_with_a_hidden_branch_still_shows_on_a_true_branch():
    t = template(section(
        "s",
        item("kind", "yes_no"),
        item("gas", "yes_no", show_if={"item": "kind", "equals": True}),
        item("oil", "yes_no", show_if={"item": "kind", "equals": False}),
        check("c", show_if={"any": [{"item": "gas", "equals": True},
                                    {"item": "oil", "equals": True}]}),
    ))
    assert shown(t, {"kind": False, "gas": True, "oil": True}) == ["kind", "oil", "c"]
    assert shown(t, {"kind": False, "gas": True, "oil": False}) == ["kind", "oil"]


def test_item_in_a_section_not_chosen_counts_as_hidden():
    t = template(
        section("s1", item("dust", "yes_no")),
        section("s2", check("c", show_if={"item": "dust", "equals": True})),
    )
    s2 = [t.section("s2")]
    assert [i.id for i in visible_items(t, {"dust": True}, s2)] == []
    assert [i.id for i in visible_items(t, {"dust": True})] == ["dust", "c"]


def test_invalid_forward_or_cyclic_references_hide_and_do_not_loop():
    t = template(section(
        "s",
        check("a", show_if={"item": "b", "answered": True}),
        check("b", show_if={"item": "a", "answered": True}),
        check("self", show_if={"item": "self", "answered": False}),
        check("ghost", show_if={"item": "nowhere", "answered": False}),
    ))
    assert shown(t, {"a": "compliant", "b": "compliant"}) == []


# --- required items -----------------------------------------------------------------------------


def test_missing_required():
    t = template(section(
        "s",
        item("intro", "info"),
        check("c1"),
        item("note", "text"),
        item("remark", "long_text", required=False),
        item("dust", "yes_no"),
        check("d1", show_if={"item": "dust", "equals": True}),
        item("pics", "photo", min_photos=2),
        item("areas", "multi_choice", choices=[{"value": "x", "text": {"zh": "x"}}]),
    ))
    assert [i.id for i in missing_required(t, {})] == ["c1", "note", "dust", "pics", "areas"]
    answers = {"c1": Answer.COMPLIANT, "note": "  ", "dust": False, "pics": 1, "areas": []}
    assert [i.id for i in missing_required(t, answers)] == ["note", "pics", "areas"]
    answers |= {"note": "ok", "dust": True, "pics": 2, "areas": ["x"]}
    assert [i.id for i in missing_required(t, answers)] == ["d1"]
    assert missing_required(t, answers | {"d1": "not_applicable"}) == []


def test_info_is_never_required_and_required_defaults_to_true():
    t = template(section("s", item("intro", "info", required=True), item("n", "number")))
    assert t.item("intro").required is False
    assert t.item("n").required is True


def test_missing_required_only_in_the_given_sections():
    t = template(section("s1", check("a")), section("s2", check("b")))
    assert [i.id for i in missing_required(t, {}, [t.section("s2")])] == ["b"]


# --- scoring ------------------------------------------------------------------------------------


def scored_template() -> Template:
    return template(
        section(
            "s1",
            check("a1", "general", weight=2),
            check("a2", "major"),
            check("a3", "major"),
            item("dust", "yes_no"),
            check("d1", "major", show_if={"item": "dust", "equals": True}),
            check("open", "general"),
        ),
        section("s2", check("b1", "general", weight=3), check("b2", "general")),
        section("s3", check("c1")),
    )


def test_score_with_weights_excluding_na_hidden_and_unanswered():
    t = scored_template()
    answers = {
        "a1": "compliant",          # weight 2
        "a2": "non_compliant",      # weight 1, major
        "a3": "not_applicable",     # excluded
        "dust": False,
        "d1": "non_compliant",      # hidden: excluded although answered
        "b1": Answer.NON_COMPLIANT,  # weight 3, general
        "b2": "compliant",          # weight 1
    }
    result = score(t, answers)
    s1, s2, s3 = (result.sections[s] for s in ("s1", "s2", "s3"))
    assert s1.compliance == pytest.approx(100 * 2 / 3)
    assert (s1.compliant, s1.non_compliant, s1.not_applicable, s1.unanswered) == (1, 1, 1, 1)
    assert s2.compliance == pytest.approx(100 * 1 / 4)
    assert s3.compliance is None  # nothing scorable: not 0 %, not 100 %
    assert result.compliance == pytest.approx(100 * 3 / 7)
    assert result.non_compliant_by_grade == {Grade.GENERAL: 1, Grade.MAJOR: 1}
    assert s1.non_compliant_by_grade == {Grade.GENERAL: 0, Grade.MAJOR: 1}


def test_score_counts_a_shown_item_once_it_is_shown():
    t = scored_template()
    result = score(t, {"dust": True, "d1": "non_compliant"})
    assert result.compliance == 0.0
    assert result.non_compliant_by_grade[Grade.MAJOR] == 1


def test_score_of_nothing_is_none():
    t = scored_template()
    assert score(t, {}).compliance is None
    assert score(t, {"a1": "not_applicable"}).compliance is None


def test_score_only_over_the_given_sections():
    t = scored_template()
    result = score(t, {"a1": "non_compliant", "b1": "compliant"}, [t.section("s2")])
    assert list(result.sections) == ["s2"]
    assert result.compliance == 100.0


# --- applicability ------------------------------------------------------------------------------


def company_template() -> Template:
    return template(
        section("management", check("m1")),
        section("metallurgy", check("x1"), applies_to={"industries": ["metallurgy"]}),
        section("textile", check("t1"), applies_to={"industries": ["textile", "light_industry"]}),
        section("dust", check("d1"), applies_to={"special_areas": ["combustible_dust"]}),
        section("ammonia", check("n1"), applies_to={"special_areas": ["liquid_ammonia"]}),
        section("textile-dust", check("td1"),
                applies_to={"industries": ["textile"], "special_areas": ["combustible_dust"]}),
        section("anyone", check("e1"), applies_to={}),
    )


def ids(sections: list[Any]) -> list[str]:
    return [s.id for s in sections]


def test_applicable_sections_for_a_textile_company():
    t = company_template()
    assert ids(t.applicable_sections("textile", set())) == ["management", "textile", "anyone"]
    assert ids(t.applicable_sections("textile", {"combustible_dust"})) == [
        "management", "textile", "dust", "textile-dust", "anyone"]


def test_applicable_sections_for_other_companies():
    t = company_template()
    assert ids(t.applicable_sections("metallurgy", {"combustible_dust", "liquid_ammonia"})) == [
        "management", "metallurgy", "dust", "ammonia", "anyone"]
    assert ids(t.applicable_sections(None, set())) == ["management", "anyone"]


# --- numbers, texts, identity -------------------------------------------------------------------


def test_number_status():
    t = template(section("s", item("p", "number", min=0, max=10, normal_min=1, normal_max=1.6),
                         item("free", "number")))
    p = t.item("p")
    assert [number_status(p, v) for v in (-0.1, 0, 0.5, 1, 1.6, 1.7, 10, 10.5)] == [
        "error", "warn", "warn", "ok", "ok", "warn", "warn", "error"]
    assert number_status(t.item("free"), -1e9) == "ok"
    assert number_status(p, float("nan")) == "error"


def test_local_text_falls_back_to_chinese():
    assert LocalText("标题", "Title").get("en") == "Title"
    assert LocalText("标题", "Title").get("en_US") == "Title"
    assert LocalText("标题", "Title").get("zh_CN") == "标题"
    assert LocalText("标题").get("en") == "标题"
    assert LocalText("标题", "Title").get(None) == "标题"


def test_template_items_and_lookup():
    t = company_template()
    assert t.key == "t@1"
    assert [i.id for i in t.items][:3] == ["m1", "x1", "t1"]
    assert t.item("d1").section_id == "dust"
    assert t.item("d1").type is ItemType.CHECK
    with pytest.raises(KeyError, match="no item 'zz'"):
        t.item("zz")


def test_content_hash_is_sha256_of_canonical_json_whatever_the_key_order():
    d = {"id": "x", "title": {"zh": "标题", "en": "T"}, "n": [1, 2.5]}
    reordered = {"n": [1, 2.5], "title": {"en": "T", "zh": "标题"}, "id": "x"}
    assert canonical_json(d) == '{"id":"x","n":[1,2.5],"title":{"en":"T","zh":"标题"}}'
    assert content_hash(d) == content_hash(reordered)
    expected = hashlib.sha256(canonical_json(d).encode("utf-8")).hexdigest()
    assert content_hash(d) == expected
    changed = copy.deepcopy(d)
    changed["title"]["zh"] = "标题2"
    assert content_hash(changed) != content_hash(d)
