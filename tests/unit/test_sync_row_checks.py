"""The quick checks a bundle's rows take give the same verdict as the value-by-value checks
they stand in for: a quick check may only accept what the full one accepts, and a refusal
names the same column with the same reason."""

from __future__ import annotations

import pytest

from inspector_app.services.sync.bundle import BundleRefused
from inspector_app.services.sync.row_schema import SCHEMAS, check_row, check_value

ANSWER = {"id": "a1", "inspection_id": "i1", "item_id": "1.1", "note": None,
          "created_at": "2026-01-01T00:00:00+00:00", "updated_at": "2026-01-01T00:00:00+00:00",
          "device_id": "d1"}
COMPANY = {"id": "c1", "name": "某公司", "created_at": "2026-01-01T00:00:00+00:00",
           "updated_at": "2026-01-01T00:00:00+00:00", "device_id": "d1"}

JSON_VALUES = [
    '"yes"', "true", "null", "12", "-1.5e3", '{"a": [1, 2]}', "[]", '["甲", "乙"]',
    ' "leading space"', '"trailing space" ', '"a" "b"', "[1, 2] x", "", " ", "[", '{"a": 1',
    "NaN", "Infinity", "-Infinity", "[NaN]", '{"a": Infinity}', "1e999", "01", '"\\ud800"',
    '"\\u0000"', '"tab\there"', '"line\nbreak"', '"\x01"', "\x7f", "[" * 5000 + "]" * 5000,
    '"' + "长" * 19_999 + '"', '"' + "长" * 20_000 + '"', '{"a": 1, "a": 2}', "\ud800",
    '"\u202e"', "[1,]", "{'a': 1}", "tru", "nul", '"\\x41"',
]


def _verdict(table: str, row: dict) -> str | None:
    try:
        check_row(table, row)
    except BundleRefused as exc:
        return str(exc)
    return None


@pytest.mark.parametrize("value", JSON_VALUES)
def test_an_answer_value_gets_the_verdict_of_the_full_check(value):
    problem = check_value(SCHEMAS["answers"]["value"], value)
    verdict = _verdict("answers", {**ANSWER, "value": value})
    if problem is None:
        assert verdict is None
    else:
        assert verdict is not None and "answer" in verdict and str(problem) in verdict


@pytest.mark.parametrize("value", ["[]", '["化工"]', "{}", '"化工"', "[NaN]", "[1] 2", " []"])
def test_a_json_column_of_one_type_gets_the_verdict_of_the_full_check(value):
    problem = check_value(SCHEMAS["companies"]["special_areas"], value)
    verdict = _verdict("companies", {**COMPANY, "special_areas": value})
    if problem is None:
        assert verdict is None
    else:
        assert verdict is not None and "special areas" in verdict and str(problem) in verdict


def test_a_json_value_that_is_not_text_is_refused():
    for value in (1, ["a"], {"a": 1}, True):
        assert _verdict("answers", {**ANSWER, "value": value}) is not None
