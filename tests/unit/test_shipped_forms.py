"""The templates shipped in forms/: valid, complete, and bilingual."""

from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path

import pytest

from inspector_app.domain.checklist import ItemType
from inspector_app.paths import forms_dir
from inspector_app.services.forms import load_template_file, shipped_template_files, validate_file

SHIPPED = shipped_template_files()


@functools.cache
def load(path: Path):
    return load_template_file(path)


def by_id(template_id: str):
    for path in SHIPPED:
        if load(path).template.id == template_id:
            return load(path).template
    raise AssertionError(f"no shipped template {template_id} in {forms_dir()}")


def test_templates_are_shipped():
    assert SHIPPED, f"no *.yaml in {forms_dir()}"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_file_is_valid(path):
    assert [str(p) for p in validate_file(path)] == []


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_template_is_bilingual_and_every_check_has_basis_and_grade(path):
    template = load(path).template
    assert template.title.zh and template.title.en
    for item in template.items:
        if item.type is ItemType.CHECK:
            assert item.legal_basis is not None and item.legal_basis.zh, item.id
            assert item.grade is not None, item.id


def check_counts(template_id: str) -> Counter[str]:
    template = by_id(template_id)
    return Counter(item.section_id for item in template.items if item.situation is not None)


def test_gm_major_hazard_2023_has_64_situations():
    template = by_id("gm-major-hazard-2023")
    checks = [i for i in template.items if i.situation is not None]
    assert len(checks) == 64
    by_section = check_counts("gm-major-hazard-2023")
    management = by_section["management"]
    special = sum(n for s, n in by_section.items()
                  if (sec := template.section(s)).applies_to and sec.applies_to.special_areas)
    assert (management, 64 - management - special, special) == (3, 47, 14)


def test_hc_major_hazard_2017_has_20_checks():
    template = by_id("hc-major-hazard-2017")
    assert sum(1 for i in template.items if i.type is ItemType.CHECK) == 20


def test_shipped_ids_and_versions_are_unique():
    keys = [load(p).template.key for p in SHIPPED]
    assert len(keys) == len(set(keys))
