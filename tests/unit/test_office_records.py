"""What the office's records keep once written: revocations, signing identities, circular
numbers."""

from __future__ import annotations

import time

import pytest

from inspector_app.errors import NotFoundError
from inspector_app.services.pki import (
    PkiService,
    WrongPassphrase,
    cert_info,
    fingerprint,
    one_time_passphrase,
)
from inspector_app.storage.circulars_repo import circular_number, issued_circulars

ORG_PASS = "office-secret-1"


def test_a_certificate_revoked_twice_keeps_the_date_of_its_first_revocation(ctx):
    pki = PkiService(ctx.db, ctx.device)
    pki.init_org("泉台区应急管理局", ORG_PASS)
    _, info = pki.issue("张伟", "32050012", ORG_PASS, one_time_passphrase())
    pki.revoke(info.serial, ORG_PASS, "laptop lost")
    first = pki.issued()[0][2]
    time.sleep(0.01)  # timestamps count milliseconds: a second write would show
    pki.revoke(info.serial, ORG_PASS, "laptop lost again")
    assert [revoked for _, _, revoked in pki.issued()] == [first]
    [root] = pki.trust_roots()
    assert pki.revoked(fingerprint(root), info.serial) == first
    assert pki.revoked(fingerprint(root), "abc123") is None
    with pytest.raises(NotFoundError, match="No certificate with serial abc123"):
        pki.revoke("00ABC123", ORG_PASS)


def test_a_new_signing_identity_takes_over_and_the_old_passphrase_no_longer_unlocks(ctx):
    pki = PkiService(ctx.db, ctx.device)
    pki.create_self_signed("王经理", "泉台纺织有限公司", "first own passphrase")
    pki.create_self_signed("李经理", "泉台纺织有限公司", "second own passphrase")
    identity = pki.identity()
    assert identity is not None and identity[0].subject_name == "李经理"
    cert, _key, chain = pki.unlock("second own passphrase")
    assert cert_info(cert).subject_name == "李经理" and chain == []
    with pytest.raises(WrongPassphrase):
        pki.unlock("first own passphrase")


def test_circulars_are_numbered_from_one_per_office_word_and_year(ctx):
    def issue(word: str, subject: str, year: int) -> str:
        return circular_number(ctx.db, "dispatch", subject, word, year, "通报",
                               f"{year}-12-01").number

    with ctx.db.atomic():
        taken = [issue("台安办", "一月", 2026), issue("台安办", "二月", 2026),
                 issue("台安办", "2027年一月", 2027), issue("安办", "三月", 2026),
                 issue("台安办", "四月", 2026),
                 issue("台安办", "一月", 2026)]  # the same circular again: its own number
    assert taken == ["台安办〔2026〕1号", "台安办〔2026〕2号", "台安办〔2027〕1号",
                     "安办〔2026〕1号", "台安办〔2026〕3号", "台安办〔2026〕1号"]
    assert [c.number for c in issued_circulars(ctx.db, 2026)] == [
        "台安办〔2026〕3号", "安办〔2026〕1号", "台安办〔2026〕2号", "台安办〔2026〕1号"]
