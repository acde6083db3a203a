"""Queries the front-ends used to run themselves, now asked of services."""

from __future__ import annotations

import re

import pytest

from inspector_app.errors import NotFoundError
from inspector_app.services.pki import WORDS_ALPHABET, PkiService, one_time_passphrase
from inspector_app.services.plans import PlanService
from tests.factories import add_company, add_template

ORG_PASS = "office-secret-1"


def test_a_plan_is_named_by_a_unique_prefix_and_like_wildcards_match_nothing(ctx):
    plans = PlanService(ctx.db, ctx.device, "王科长")
    company = add_company(ctx.db)
    key = add_template(ctx.db)
    first = plans.add(company, key, "2026-12-10")
    plans.add(company, key, "2026-12-11")
    assert plans.resolve(first) == first
    assert plans.resolve(first[:8]) == first
    # "%" and "_" are LIKE's wildcards: typed, they are taken as they are, not as "anything".
    for key_typed in ("%%%%", "____", first[:7] + "_", "%" + first[1:8]):
        with pytest.raises(NotFoundError, match="No planned inspection"):
            plans.resolve(key_typed)
    with pytest.raises(NotFoundError):
        plans.resolve(first[:3])  # too short to name one plan safely


def test_the_office_lists_what_it_issued_and_what_it_revoked(ctx):
    pki = PkiService(ctx.db, ctx.device)
    pki.init_org("泉台区应急管理局", ORG_PASS)
    _, zhang = pki.issue("张伟", "32050012", ORG_PASS, one_time_passphrase())
    _, li = pki.issue("李娜", None, ORG_PASS, one_time_passphrase())
    pki.revoke(li.serial, ORG_PASS, "laptop lost")
    issued = pki.issued()
    assert [(serial, info.subject_name, info.enforcement_id) for serial, info, _ in issued] == [
        (zhang.serial, "张伟", "32050012"), (li.serial, "李娜", None)]
    assert issued[0][2] is None
    assert issued[1][2] is not None and issued[1][2].startswith("20")


def test_one_time_passphrases_are_readable_and_differ():
    words = [one_time_passphrase() for _ in range(50)]
    assert len(set(words)) == 50
    pattern = re.compile(f"^[{WORDS_ALPHABET}]{{4}}(-[{WORDS_ALPHABET}]{{4}}){{3}}$")
    assert all(pattern.match(w) for w in words)
    assert not set("01ilo") & set(WORDS_ALPHABET)  # no look-alike characters
