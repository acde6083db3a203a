"""A template and its items in words, in English and Chinese, apart from the Templates page."""

from __future__ import annotations

import copy

import pytest

from inspector_app.domain.checklist import Template
from inspector_app.ui.template_describer import TemplateDescriber
from tests.factories import SMALL_TEMPLATE


@pytest.fixture
def template() -> Template:
    definition = copy.deepcopy(SMALL_TEMPLATE)
    definition["sections"][1]["items"].append(
        {"id": "t2", "type": "check", "grade": "general",
         "show_if": {"all": [{"item": "dust", "equals": True},
                             {"any": [{"item": "a1", "equals": "non_compliant"},
                                      {"not": {"item": "n1", "answered": True}}]}]},
         "text": {"zh": "纺织车间除尘", "en": "Textile dust extraction"}})
    return Template.from_dict(definition)


def test_a_template_is_summed_up_with_whom_it_is_for(qapp, languages, template):
    describe = TemplateDescriber()
    assert describe.summary(template) == (
        "Sections: 2 · Items: 8 (Check 5, Yes/No 1, Long text 1, Number 1) · "
        "Check items by grade: Major 3, General 2")
    assert describe.info(template, retired=True) == (
        "test-small 1 · retired version · Routine inspection")
    assert describe.applies(template.sections[1].applies_to) == "For industries: Textile"


def test_an_item_is_described_with_its_limits_and_the_condition_that_shows_it(
        qapp, languages, template):
    describe = TemplateDescriber()
    number = template.item("n1")
    assert describe.meta(number) == "Type: Number · Required · ID: n1"
    assert describe.limits(number) == "Allowed: 0 – 10 · Normal:  – 5"
    assert describe.required_marker(template.item("remark")) == ""
    assert describe.shown_when(template, template.item("a1")) == ""
    # An item of another section is named with its section's title; numbers restart there.
    assert describe.shown_when(template, template.item("t2")) == (
        "Shown only when: Basics 3. “Dust operations present” is Yes and "
        "(Basics 1. “Exits clear” is Non-compliant or "
        "not (Basics 5. “Extinguishers” is answered))")


def test_the_describer_speaks_chinese(qapp, languages, template):
    languages.apply("zh_CN")
    describe = TemplateDescriber()
    assert describe.summary(template).startswith("部分：2 · 检查项：8（")
    assert describe.shown_when(template, template.item("d1")) == (
        "仅在以下情况显示：3. “存在粉尘作业” 为“是”")
