"""What the office reads about a refused bundle or an import names rows and fields in its own
words, in both languages: never a table or column of the database (``findings.deadline``)."""

from __future__ import annotations

import re

import pytest

from inspector_app.errors import ValidationError
from inspector_app.i18n import N_, Message
from inspector_app.services.sync.bundle import BundleRefused
from inspector_app.services.sync.report import detail_lines
from inspector_app.services.sync.row_schema import (
    MAX_ROWS,
    SCHEMAS,
    RowChecker,
    check_entry,
    check_row,
    check_value,
    row_refused,
)
from inspector_app.services.sync.tables import BY_NAME
from inspector_app.services.sync.words import database_problem, table_words

TABLES = sorted(SCHEMAS)
COLUMNS = sorted({(table, column) for table in TABLES for column in SCHEMAS[table]})
IDENTIFIERS = set(TABLES) | {column for _, column in COLUMNS}
SNAKE = re.compile(r"\b[a-z0-9]+_[a-z0-9_]+\b|\bcolumn [a-z]|\b(?:"
                   + "|".join(TABLES) + r")\.[a-z]")
ASCII_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
KEY = "R-1"


def leaks(text: str, lang: str) -> list[str]:
    """The internal names in ``text``: in English any snake_case or table.column name, or a
    "column" named (a plain word such as "name" is English too); in Chinese any Latin word
    that names a table or a column."""
    if lang == "en":
        return SNAKE.findall(text)
    return [w for w in ASCII_WORD.findall(text) if w in IDENTIFIERS and w != "id"]


def assert_in_words(shown: str | Message | BaseException) -> None:
    for lang in ("en", "zh_CN"):
        text = (shown.localized(lang) if hasattr(shown, "localized") else str(shown))
        assert leaks(text, lang) == [], text


def a_row(table: str) -> dict[str, str]:
    return {k: KEY for k in BY_NAME[table].key}


@pytest.mark.parametrize("table, column", COLUMNS)
def test_a_refused_value_names_its_row_and_field_in_words(table, column):
    problem = check_value(SCHEMAS[table][column], True)
    assert problem is not None
    refused = row_refused(table, a_row(table), column, problem)
    assert_in_words(refused)
    assert f"{table} {KEY}" not in refused.localized("en") or "_" not in table
    # What the database itself refuses in a merge, said of the same field.
    for failure in ("UNIQUE", "NOT NULL"):
        assert_in_words(database_problem(f"{failure} constraint failed: {table}.{column}"))


@pytest.mark.parametrize("table", TABLES)
def test_every_table_the_policy_knows_is_refused_in_words(table):
    # The schema's own first complaint about a row of nothing but wrong values.
    with pytest.raises(BundleRefused) as refused:
        check_row(table, {column: True for column in SCHEMAS[table]})
    assert_in_words(refused.value)
    # A field from a newer program has no words here: it is named as sent, the row in words.
    with pytest.raises(BundleRefused) as refused:
        check_row(table, {**a_row(table), "secret": 1})
    assert_in_words(refused.value)
    assert "secret" in str(refused.value)
    with pytest.raises(BundleRefused) as refused:
        RowChecker.check_count(table, MAX_ROWS[table] + 1)
    assert_in_words(refused.value)
    assert_in_words(row_refused(table, a_row(table), None, Message(
        N_("only the office may add or change {table}"), table=table_words(table))))


def test_an_import_reports_every_table_in_words():
    report = {"status": "imported", "file_name": "x.inspx", "kind": "laptop",
              "tables": {table: {"added": 2, "updated": 1, "conflicts": 0, "deleted": 0,
                                 "skipped": {"identical": 1}} for table in TABLES}}
    for lang in ("en", "zh_CN"):
        text = "\n".join(detail_lines(report, lang))
        assert leaks(text, lang) == [], text


@pytest.mark.parametrize("table, column", [(t, c) for t, c in COLUMNS
                                           if SCHEMAS[t][c].kind in ("text", "line")])
def test_text_too_long_for_a_bundle_is_refused_in_words(table, column):
    with pytest.raises(ValidationError) as refused:
        check_entry(table, {column: "x" * (SCHEMAS[table][column].max_len + 1)})
    assert_in_words(refused.value)
