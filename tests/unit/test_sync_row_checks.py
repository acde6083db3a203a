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


# One value each kind of column takes, and for the kinds whose values a row's quick check
# searches together (texts, lines, keys, dates), characters none of them may hold.
def _fitting(table: str, column: str) -> object:
    col = SCHEMAS[table][column]
    if col.kind == "json":
        return {list: "[]", dict: "{}", (dict, list): "[]"}.get(col.json_type, '"x"')
    return {"text": "ok", "line": "ok.pdf", "key": "k1", "stamp": "2026-01-01T00:00:00+00:00",
            "sha": "a" * 64, "int": col.low, "real": col.low, "blob": b"x",
            "choice": col.choices[0] if col.choices else None}[col.kind]


def _full_row(table: str) -> dict:
    row = {column: _fitting(table, column) for column in SCHEMAS[table]}
    if table == "inspections":
        row["subject_unit_id"] = None  # a company's inspection, not a unit's
    return row


SEARCHED = [(table, column) for table in sorted(SCHEMAS) for column, col in SCHEMAS[table].items()
            if col.kind in ("text", "line", "key", "stamp")]
NOT_TEXT = {"text": ["\x00", "\x1f", "\x7f", "\x9f", "\ud800"],
            "line": ["\t", "\n", "\u2028", "\u202e", "\u2066", "\x00", "\udfff"]}


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_a_row_with_every_field_filled_as_the_program_writes_it_passes(table):
    assert _verdict(table, _full_row(table)) is None


@pytest.mark.parametrize("table, column", SEARCHED)
def test_a_character_a_field_may_not_hold_refuses_the_row_naming_that_field(table, column):
    # The quick check searches a row's texts together: the refusal is still the one the
    # value-by-value check gives, naming the field, whichever of them holds the character.
    from inspector_app.services.sync.row_schema import row_refused

    col = SCHEMAS[table][column]
    start = "2026-01-01" if col.kind == "stamp" else "ok"
    for bad in NOT_TEXT["text" if col.kind == "text" else "line"]:
        row = {**_full_row(table), column: start + bad}
        problem = check_value(col, start + bad)
        assert problem is not None
        assert _verdict(table, row) == str(row_refused(table, row, column, problem))


@pytest.mark.parametrize("table, column", SEARCHED)
def test_a_field_too_long_or_of_another_type_refuses_the_row_naming_that_field(table, column):
    from inspector_app.services.sync.row_schema import row_refused

    col = SCHEMAS[table][column]
    for value in ("x" * (col.max_len + 1), 7, b"x", "2026-02-30" if col.kind == "stamp" else ""):
        problem = check_value(col, value)
        if problem is None:  # an empty text or line is a value
            continue
        row = {**_full_row(table), column: value}
        assert _verdict(table, row) == str(row_refused(table, row, column, problem))
