"""Template files: every problem with its exact message and line; hostile files refused fast."""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from inspector_app import cli
from inspector_app.domain.checklist import INDUSTRIES, SPECIAL_AREAS, ItemType, canonical_json
from inspector_app.services.forms import (
    Problem,
    TemplateInvalid,
    load_template_file,
    template_schema,
    validate_file,
)

# Line numbers matter below: the comment on each line of GOOD is its number.
GOOD = """\
format: inspector-template/1
id: demo-checklist
version: "1.0"
title: {zh: 演示检查表, en: Demo checklist}
kind: routine
language: zh_CN
sections:
  - id: general
    title: {zh: 基本情况, en: General}
    items:
      - id: has-dust
        type: yes_no
        text: {zh: 存在粉尘作业, en: Dust work present}
      - id: dust-1
        type: check
        grade: major
        weight: 2
        text: {zh: 除尘系统完好, en: Dust extraction works}
        legal_basis: {zh: 第八条, en: Art. 8}
        show_if: {item: has-dust, equals: true}
      - id: fuel
        type: single_choice
        text: {zh: 燃料, en: Fuel}
        choices:
          - {value: gas, text: {zh: 燃气, en: Gas}}
          - {value: oil, text: {zh: 燃油, en: Oil}}
      - id: pressure
        type: number
        unit: MPa
        min: 0
        max: 10
        normal_max: 1.6
        text: {zh: 压力, en: Pressure}
  - id: textile
    title: {zh: 纺织, en: Textile}
    applies_to: {industries: [textile]}
    items:
      - id: tx-1
        type: check
        grade: general
        text: {zh: 设备防护, en: Guards}
"""

TYPES = ", ".join(t.value for t in ItemType)


def variant(changes: dict[int, str]) -> str:
    """GOOD with some lines (1-based) replaced; a replacement may hold several lines."""
    lines = GOOD.splitlines()
    for number, text in changes.items():
        lines[number - 1] = text
    return "\n".join(lines) + "\n"


def problems_of(tmp_path: Path, text: str) -> list[tuple[int, str]]:
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    found = validate_file(path)
    assert all(p.file == str(path) for p in found)
    return [(p.line, p.message) for p in found]


def test_good_file_has_no_problems_and_loads(tmp_path):
    assert problems_of(tmp_path, GOOD) == []
    loaded = load_template_file(tmp_path / "t.yaml")
    assert loaded.template.key == "demo-checklist@1.0"
    assert [i.id for i in loaded.template.items] == [
        "has-dust", "dust-1", "fuel", "pressure", "tx-1"]
    assert loaded.source == tmp_path / "t.yaml"
    expected = hashlib.sha256(canonical_json(loaded.definition).encode("utf-8")).hexdigest()
    assert loaded.content_hash == expected


def test_hash_ignores_yaml_layout_and_comments(tmp_path):
    a = load_template_file(_write(tmp_path / "a.yaml", GOOD))
    relaid = GOOD.replace("title: {zh: 演示检查表, en: Demo checklist}",
                          "# a comment\ntitle:\n  en: Demo checklist\n  zh: 演示检查表")
    b = load_template_file(_write(tmp_path / "b.yaml", relaid))
    assert a.content_hash == b.content_hash


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


BAD_CASES = {
    "missing required field": (
        {5: ""}, [(1, "missing required field 'kind'")]),
    "unknown type": (
        {12: "        type: yes_or_no"},
        [(12, f"item 'has-dust': unknown item type 'yes_or_no' (use one of: {TYPES})")]),
    "unknown grade": (
        {16: "        grade: critical"},
        [(16, "item 'dust-1': unknown grade 'critical' (use general or major)")]),
    "wrong value type": (
        {17: "        weight: heavy"}, [(17, "item 'dust-1': weight must be a number, not text")]),
    "weight not positive": (
        {17: "        weight: 0"},
        [(17, "item 'dust-1': weight must be greater than 0 (found 0)")]),
    "version as a number": (
        {3: "version: 1.10"},
        [(3, 'version must be text, not a number; put it in quotes: version: "1.10"')]),
    "text not a mapping": (
        {23: "        text: 燃料"},
        [(23, "item 'fuel': text must be a mapping of Chinese and English text, "
              "e.g. text: {zh: ..., en: ...}")]),
    "zh missing": (
        {23: "        text: {en: Fuel}"},
        [(23, "item 'fuel': text: Chinese text (zh) is missing")]),
    "zh empty": (
        {4: 'title: {zh: "  ", en: Demo}'}, [(4, "title: Chinese text (zh) is empty")]),
    "zh missing in a section title": (
        {9: "    title: {en: General}"},
        [(9, "section 'general': title: Chinese text (zh) is missing")]),
    "zh missing in a choice": (
        {26: "          - {value: oil, text: {en: Oil}}"},
        [(26, "item 'fuel': choices[1].text: Chinese text (zh) is missing")]),
    "unknown field": (
        {41: "        text: {zh: 设备防护, en: Guards}\n        grades: major"},
        [(42, "item 'tx-1': unknown field 'grades' (did you mean 'grade'?)")]),
    "unknown top-level field": (
        {6: "language: zh_CN\ncolour: red"}, [(7, "unknown field 'colour'")]),
    "bad id": (
        {38: "      - id: TX 1"},
        [(38, "item 'TX 1': id must use lower-case letters a-z, digits and . _ - and start "
              "with a letter or digit (found 'TX 1')")]),
    "duplicate item id": (
        {38: "      - id: fuel"}, [(38, "duplicate item id 'fuel' (first used on line 21)")]),
    "duplicate section id": (
        {34: "  - id: general"},
        [(34, "duplicate section id 'general' (first used on line 8)")]),
    "show_if unknown item": (
        {20: "        show_if: {item: has-dusty, equals: true}"},
        [(20, "item 'dust-1': show_if refers to unknown item 'has-dusty' "
              "(did you mean 'has-dust'?)")]),
    "show_if later item": (
        {20: "        show_if: {item: fuel, equals: gas}"},
        [(20, "item 'dust-1': show_if refers to item 'fuel' (line 21), which comes later; "
              "a condition can only use earlier items")]),
    "show_if nested later item": (
        {20: "        show_if:\n          any:\n            - {item: has-dust, equals: true}\n"
             "            - {not: {item: pressure, answered: true}}"},
        [(23, "item 'dust-1': show_if refers to item 'pressure' (line 30), which comes later; "
              "a condition can only use earlier items")]),
    "show_if self": (
        {20: "        show_if: {item: dust-1, answered: true}"},
        [(20, "item 'dust-1': show_if refers to the item itself (a cycle)")]),
    "show_if cycle": (
        {20: "        show_if: {item: fuel, equals: gas}",
         23: "        text: {zh: 燃料, en: Fuel}\n"
             "        show_if: {item: dust-1, equals: compliant}"},
        [(20, "item 'dust-1': show_if cycle: dust-1 → fuel → dust-1; a condition can only use "
              "earlier items")]),
    "show_if impossible value": (
        {20: "        show_if: {item: has-dust, equals: 'yes'}"},
        [(20, "item 'dust-1': show_if: 'yes' is not a possible answer of item 'has-dust' "
              "(yes_no: true or false)")]),
    "show_if impossible choice": (
        {26: "          - {value: oil, text: {zh: 燃油, en: Oil}}\n      - id: gas-1\n"
             "        type: check\n        grade: major\n        text: {zh: 燃气}\n"
             "        show_if: {item: fuel, in: [gas, coal]}"},
        [(31, "item 'gas-1': show_if: 'coal' is not a possible answer of item 'fuel' "
              "(single_choice: gas, oil)")]),
    "show_if typo in operator": (
        {20: "        show_if: {item: has-dust, equal: true}"},
        [(20, "item 'dust-1': show_if: unknown field 'equal' (did you mean 'equals'?)")]),
    "show_if without operator": (
        {20: "        show_if: {item: has-dust}"},
        [(20, "item 'dust-1': show_if is not a valid condition: write {item: ID, equals: "
              "VALUE}, {item: ID, not_equals: VALUE}, {item: ID, in: [...]}, {item: ID, "
              "answered: true}, {all: [...]}, {any: [...]} or {not: CONDITION}")]),
    "choices missing": (
        {24: "", 25: "", 26: ""},
        [(21, "item 'fuel': missing required field 'choices' (a single_choice item needs its "
              "list of choices)")]),
    "choices empty": (
        {24: "        choices: []", 25: "", 26: ""},
        [(24, "item 'fuel': choices must not be empty")]),
    "duplicate choice value": (
        {26: "          - {value: gas, text: {zh: 燃油, en: Oil}}"},
        [(26, "item 'fuel': duplicate choice value 'gas' (first on line 25)")]),
    "min above max": (
        {30: "        min: 20"}, [(30, "item 'pressure': min (20) is greater than max (10)")]),
    "check without grade": (
        {40: ""},
        [(38, "item 'tx-1': missing required field 'grade' (a check item needs a grade: "
              "general or major)")]),
    "field of another type": (
        {29: "        grade: major"},
        [(29, "item 'pressure': field 'grade' does not apply to a number item")]),
    "unknown industry": (
        {36: "    applies_to: {industries: [textiles]}"},
        [(36, "section 'textile': applies_to.industries[0] is an unknown industry 'textiles' "
              f"(use one of: {', '.join(INDUSTRIES)})")]),
    "wrong format": (
        {1: "format: inspector-template/2"},
        [(1, "format must be inspector-template/1 (found 'inspector-template/2')")]),
    "field written twice": (
        {13: "        text: {zh: 存在粉尘作业, en: Dust work present}\n        type: check"},
        [(14, "field 'type' is written twice in the same place (first on line 12)")]),
    "alias": (
        {4: "title: &t {zh: 演示检查表, en: Demo checklist}"},
        [(4, "YAML anchors and aliases (&name, *name) are not allowed in a template; "
             "write each text out in full")]),
    "yaml tag": (
        {31: "        max: !!binary MTA="},
        [(31, "the YAML tag !!binary is not allowed in a template")]),
    "not finite": (
        {31: "        max: .inf"}, [(31, ".inf is not allowed: numbers must be finite")]),
}


@pytest.mark.parametrize("case", list(BAD_CASES))
def test_bad_file(tmp_path, case):
    changes, expected = BAD_CASES[case]
    assert problems_of(tmp_path, variant(changes)) == expected


# libyaml and PyYAML word syntax errors differently; the line and the lead are what count.
SYNTAX_CASES = {
    "unclosed flow mapping": ({9: "    title: {zh: 基本情况, en: General"}, 10, ""),
    "tab": ({3: '\tversion: "1.0"'}, 3, ": indent with spaces, not tabs"),
    "bad indentation": ({12: "         type: yes_no"}, 12, ""),
}


@pytest.mark.parametrize("case", list(SYNTAX_CASES))
def test_yaml_syntax_error(tmp_path, case):
    changes, line, hint = SYNTAX_CASES[case]
    [(found_line, message)] = problems_of(tmp_path, variant(changes))
    assert found_line == line
    assert message.startswith(f"YAML syntax error at line {line}, column ")
    assert message.endswith(hint)


def test_several_problems_are_all_reported_in_line_order(tmp_path):
    text = variant({16: "        grade: critical", 30: "        min: 20", 5: ""})
    assert [line for line, _ in problems_of(tmp_path, text)] == [1, 16, 30]


def test_load_raises_template_invalid_with_every_problem(tmp_path):
    text = variant({16: "        grade: critical", 30: "        min: 20"})
    path = _write(tmp_path / "t.yaml", text)
    with pytest.raises(TemplateInvalid) as caught:
        load_template_file(path)
    assert [p.line for p in caught.value.problems] == [16, 30]
    assert caught.value.message == (
        f"{path}:16: item 'dust-1': unknown grade 'critical' (use general or major) "
        "(and 1 more problem)")
    assert str(caught.value.problems[1]) == (
        f"{path}:30: item 'pressure': min (20) is greater than max (10)")


def test_yes_no_on_and_dates_stay_text(tmp_path):
    text = GOOD.replace("value: gas", "value: 'no'").replace("value: oil", "value: on")
    text = text.replace("en: Art. 8", "en: 2023-05-15")
    loaded = load_template_file(_write(tmp_path / "t.yaml", text))
    assert [c.value for c in loaded.template.item("fuel").choices] == ["no", "on"]
    assert loaded.definition["sections"][0]["items"][1]["legal_basis"]["en"] == "2023-05-15"


def test_empty_file_and_not_a_mapping(tmp_path):
    assert problems_of(tmp_path, "# nothing here\n") == [(1, "the file is empty")]
    assert problems_of(tmp_path, "\n- a\n- b\n") == [
        (2, "a template must be a mapping of fields (format, id, version, title, kind, "
            "sections ...)")]


def test_missing_file(tmp_path):
    path = tmp_path / "absent.yaml"
    assert validate_file(path) == [
        Problem(str(path), 1, "cannot read the file: No such file or directory")]


# --- hostile files ------------------------------------------------------------------------------


def timed_problems(path: Path) -> list[tuple[int, str]]:
    start = time.perf_counter()
    found = validate_file(path)
    assert time.perf_counter() - start < 0.5
    return [(p.line, p.message) for p in found]


def test_too_large_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"# " + b"x" * (3 * 1024 * 1024))
    assert timed_problems(path) == [
        (1, "file is too large (3.0 MB); a template is at most 2 MB")]


def test_binary_file(tmp_path):
    path = tmp_path / "photo.yaml"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 40)
    assert timed_problems(path) == [
        (1, "this is a binary file, not a YAML template (it contains NUL bytes)")]


def test_file_not_in_utf8(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes("format: inspector-template/1\ntitle: {zh: 标题}\n".encode("gbk"))
    assert timed_problems(path) == [
        (2, "the file is not UTF-8 text (byte 0xb1 cannot be read); save it as UTF-8, not GBK "
            "or another encoding")]


def test_control_character(tmp_path):
    path = _write(tmp_path / "t.yaml", "format: inspector-template/1\nid: x\x07\n")
    assert timed_problems(path) == [(2, "the file contains a character YAML does not allow")]


def test_billion_laughs_returns_quickly(tmp_path):
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, 10):
        refs = ", ".join([f"*lol{n - 1}"] * 9)
        lines.append(f"lol{n}: &lol{n} [{refs}]")
    path = _write(tmp_path / "bomb.yaml", "\n".join(lines) + "\n")
    assert timed_problems(path) == [
        (1, "YAML anchors and aliases (&name, *name) are not allowed in a template; "
            "write each text out in full")]


def test_deep_nesting_is_refused(tmp_path):
    path = _write(tmp_path / "deep.yaml", "a:\n  " + "[" * 41 + "]" * 41 + "\n")
    assert timed_problems(path) == [(2, "the document is nested more than 40 levels deep")]


def test_very_deep_nesting_returns_quickly(tmp_path):
    path = _write(tmp_path / "deep.yaml", "[" * 50_000 + "]" * 50_000)
    [(line, message)] = timed_problems(path)
    assert line == 1 and "nest" in message


# --- the schema ---------------------------------------------------------------------------------


def test_schema_is_valid_draft_2020_12_and_matches_the_domain_vocabularies():
    schema = template_schema()
    Draft202012Validator.check_schema(schema)
    defs = schema["$defs"]
    assert defs["industry"]["enum"] == list(INDUSTRIES)
    assert defs["special_area"]["enum"] == list(SPECIAL_AREAS)
    assert defs["item"]["properties"]["type"]["enum"] == [t.value for t in ItemType]


# --- the CLI ------------------------------------------------------------------------------------


def run_cli(tmp_path: Path, *args: str) -> int:
    return cli.main(["--data-dir", str(tmp_path / "data"), *args])


def test_cli_validate_ok(tmp_path, capsys):
    path = _write(tmp_path / "good.yaml", GOOD)
    digest = load_template_file(path).content_hash
    assert run_cli(tmp_path, "forms", "validate", str(path)) == 0
    out = capsys.readouterr().out
    assert out == f"{path}: ok — demo-checklist 1.0, 5 items, sha256 {digest[:12]}\n"
    assert not (tmp_path / "data" / "inspector.sqlite3").exists()  # validate never opens the db


def test_cli_validate_reports_file_line_message_and_fails(tmp_path, capsys):
    good = _write(tmp_path / "good.yaml", GOOD)
    bad = _write(tmp_path / "bad.yaml", variant({16: "        grade: critical",
                                                 30: "        min: 20"}))
    assert run_cli(tmp_path, "forms", "validate", str(bad), str(good)) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [
        f"{bad}:16: item 'dust-1': unknown grade 'critical' (use general or major)",
        f"{bad}:30: item 'pressure': min (20) is greater than max (10)",
    ]
    assert out[2].startswith(f"{good}: ok — demo-checklist 1.0, 5 items, sha256 ")
    assert len(out) == 3


def test_cli_import_list_export(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("inspector_app.services.forms.shipped_template_files", lambda: [])
    good = _write(tmp_path / "good.yaml", GOOD)
    changed = _write(tmp_path / "changed.yaml", GOOD.replace("演示检查表", "改过的检查表"))
    assert run_cli(tmp_path, "forms", "import", str(good)) == 0
    assert capsys.readouterr().out == f"{good}: added — demo-checklist@1.0\n"
    assert run_cli(tmp_path, "forms", "import", str(good), str(changed)) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{good}: already present, no change — demo-checklist@1.0"
    assert out[1].startswith(f"{changed}: refused — Template demo-checklist version 1.0 is "
                             "already in the library with different content")

    assert run_cli(tmp_path, "forms", "list", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["version"], r["items"], r["file"]) for r in rows] == [
        ("demo-checklist", "1.0", 5, str(good))]

    exported = tmp_path / "exported.yaml"
    assert run_cli(tmp_path, "forms", "export", "demo-checklist", "-o", str(exported)) == 0
    capsys.readouterr()
    assert load_template_file(exported).content_hash == rows[0]["sha256"]


def test_cli_export_unknown_key_is_a_one_line_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("inspector_app.services.forms.shipped_template_files", lambda: [])
    assert run_cli(tmp_path, "forms", "export", "nope@1", "-o", str(tmp_path / "x.yaml")) == 1
    assert capsys.readouterr().err == (
        "inspector-app: error: There is no template nope@1 in the library.\n")


def test_pure_python_parser_fallback_gives_the_same_answers(tmp_path, monkeypatch):
    from inspector_app.services import forms

    monkeypatch.setattr(forms, "_Loader", forms._PyLoader)
    assert problems_of(tmp_path, GOOD) == []
    assert problems_of(tmp_path, variant({30: "        min: 20"})) == [
        (30, "item 'pressure': min (20) is greater than max (10)")]
    assert problems_of(tmp_path, variant({4: "title: &t {zh: 演示检查表}"})) == [
        (4, "YAML anchors and aliases (&name, *name) are not allowed in a template; "
            "write each text out in full")]
    assert problems_of(tmp_path, "a:\n  " + "[" * 41 + "]" * 41 + "\n") == [
        (2, "the document is nested more than 40 levels deep")]
    assert problems_of(tmp_path, "a: 1\nb: x\x07\n") == [
        (2, "the file contains a character YAML does not allow")]
    [(line, message)] = problems_of(tmp_path, variant({3: '\tversion: "1.0"'}))
    assert line == 3 and message.endswith(": indent with spaces, not tabs")


def test_cli_list_warns_about_a_broken_shipped_file_and_goes_on(tmp_path, capsys, monkeypatch):
    broken = _write(tmp_path / "broken.yaml", "format: inspector-template/1\n")
    good = _write(tmp_path / "good.yaml", GOOD)
    monkeypatch.setattr("inspector_app.services.forms.shipped_template_files",
                        lambda: [broken, good])
    assert run_cli(tmp_path, "forms", "list") == 0
    captured = capsys.readouterr()
    assert captured.err.startswith(f"warning: shipped template {broken} not imported: ")
    [line] = captured.out.splitlines()
    assert line.split("\t")[:4] == ["demo-checklist", "1.0", "Demo checklist", "5 items"]
