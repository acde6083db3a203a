"""Signing an inspection locks it and vouches for its data."""

from __future__ import annotations

import pytest

from inspector_app.domain.inspection import Status
from inspector_app.errors import LockedRecordError, ValidationError
from inspector_app.services.inspections import InspectionService
from inspector_app.services.pki import PkiService, WrongPassphrase
from inspector_app.services.signing import SigningService
from tests.factories import completed_self_inspection
from tests.pdf_scenarios import sign_missing

OWN = "my-own-passphrase"


@pytest.fixture
def completed(ctx):
    inspection = completed_self_inspection(ctx)
    PkiService(ctx.db, ctx.device).create_self_signed("张伟", "泉台纺织有限公司", OWN)
    return inspection


def test_signing_locks_and_the_record_matches(ctx, completed):
    signing = SigningService(ctx.db, ctx.device)
    with pytest.raises(WrongPassphrase):
        signing.sign_inspection(completed, "not-the-passphrase")
    assert InspectionService(ctx.db, ctx.device).get(completed).status is Status.COMPLETED
    sign_missing(ctx, completed)
    signing.sign_inspection(completed, OWN)
    assert InspectionService(ctx.db, ctx.device).get(completed).status is Status.SIGNED
    assert signing.check_record(completed) == (True, "the record matches its signature")
    with pytest.raises(LockedRecordError):
        signing.sign_inspection(completed, OWN)


def test_a_record_changed_behind_the_programs_back_is_detected(ctx, completed):
    signing = SigningService(ctx.db, ctx.device)
    sign_missing(ctx, completed)
    signing.sign_inspection(completed, OWN)
    # The triggers refuse edits of answers; a note smuggled in with them dropped shows up.
    ctx.db.execute("DROP TRIGGER answers_signed_locked_upd")
    ctx.db.execute("UPDATE answers SET note = 'forged' WHERE item_id = 'a1'")
    ok, reason = signing.check_record(completed)
    assert not ok and reason == "the record was changed after signing"


def test_a_draft_cannot_be_signed(ctx, completed):
    InspectionService(ctx.db, ctx.device).reopen(completed, "one more item")
    with pytest.raises(ValidationError):
        SigningService(ctx.db, ctx.device).sign_inspection(completed, OWN)


def test_cli_sign(ctx, completed, tmp_path, capsys):
    from inspector_app.cli import main

    sign_missing(ctx, completed)
    ctx.close()
    secret = tmp_path / "pass"
    secret.write_text(OWN)
    args = ["--data-dir", str(ctx.data_dir.root), "sign"]
    assert main([*args, completed[:8], "--passphrase-file", str(secret)]) == 0
    assert "signed and locked" in capsys.readouterr().out
    assert main([*args, completed, "--passphrase-file", str(secret)]) == 1
    assert "signed and locked" in capsys.readouterr().err  # already locked: one line
    assert main([*args, "nope", "--passphrase-file", str(secret)]) == 1


def test_signed_record_pdf_verifies_with_both_verifiers(ctx, completed, tmp_path, capsys):
    import shutil
    import subprocess

    from inspector_app.cli import main

    # An identity issued by an office this computer trusts.
    office = PkiService(ctx.db, ctx.device)
    office.init_org("泉台区应急管理局", "office-secret-1")
    data, _ = office.issue("张伟", "32050012", "office-secret-1", "one-time-pass-2")
    office.import_identity(data, "one-time-pass-2", OWN)
    sign_missing(ctx, completed)
    ctx.close()
    secret = tmp_path / "pass"
    secret.write_text(OWN)
    base = ["--data-dir", str(ctx.data_dir.root)]
    assert main([*base, "sign", completed, "--passphrase-file", str(secret)]) == 0
    pdf = tmp_path / "record.pdf"
    assert main([*base, "export", "pdf", completed, "--document", "record", "-o", str(pdf),
                 "--sign", "--passphrase-file", str(secret)]) == 0
    assert main([*base, "verify", str(pdf)]) == 0
    assert "张伟（32050012）" in capsys.readouterr().out
    if shutil.which("pdfsig"):
        out = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True).stdout
        assert "Signature is Valid" in out and "Total document signed" in out
    unsigned = tmp_path / "plain.pdf"
    assert main([*base, "export", "pdf", completed, "--document", "record",
                 "-o", str(unsigned)]) == 0
    assert main([*base, "verify", str(unsigned)]) == 1


def test_editing_the_company_later_changes_neither_the_signed_record_nor_its_signature(
        ctx, completed):
    from inspector_app.services.documents import load_record_data

    sign_missing(ctx, completed)
    SigningService(ctx.db, ctx.device).sign_inspection(completed, OWN)
    company_id = InspectionService(ctx.db, ctx.device).get(completed).company_id
    with ctx.db.atomic():
        ctx.db.execute("UPDATE companies SET name = '改名后的公司', contact_phone = '000' "
                       "WHERE id = ?", [company_id])
    assert SigningService(ctx.db, ctx.device).check_record(completed)[0]
    assert load_record_data(ctx.db, completed).company.name == "泉台纺织有限公司"


def test_only_an_inspector_of_the_record_can_sign_it(ctx, completed):
    office = PkiService(ctx.db, ctx.device)
    office.init_org("泉台区应急管理局", "office-secret-1")
    data, _ = office.issue("谢军", "32053740", "office-secret-1", "one-time-pass-2")
    office.import_identity(data, "one-time-pass-2", OWN)
    from inspector_app.services.signing import SigningError

    with pytest.raises(SigningError, match="belongs to 谢军（32053740）, who is not an inspector"):
        SigningService(ctx.db, ctx.device).sign_inspection(completed, OWN)
    assert InspectionService(ctx.db, ctx.device).get(completed).status is Status.COMPLETED


def test_a_record_is_not_locked_over_signatures_given_before_it_changed(ctx, completed):
    from inspector_app.services.signatures import SignatureService
    from tests.unit.test_signatures import PAD, png_bytes, wave

    svc = InspectionService(ctx.db, ctx.device, "张伟")
    team = svc.get(completed).inspectors
    signatures = SignatureService(ctx.db, ctx.device, "张伟")
    signatures.add(completed, "inspector", "张伟", wave(), png_bytes(), inspector_id=team[0].id,
                   pad_size=PAD)
    signatures.add(completed, "company", "王经理", wave(), png_bytes(), pad_size=PAD)
    svc.reopen(completed, "补充检查")
    svc.set_note(completed, "a1", "东侧出口堆放杂物，已当场清理")
    assert svc.complete(completed) == []
    with pytest.raises(ValidationError, match=r"again.*张伟"):
        SigningService(ctx.db, ctx.device).sign_inspection(completed, OWN)
    assert svc.get(completed).status is Status.COMPLETED


def test_a_record_is_not_locked_while_a_signature_is_missing(ctx, completed, capsys):
    # The window asks for every signature first; the service (and `sign`) refuse the same.
    from inspector_app.cli import main
    from inspector_app.services.signatures import SignatureService
    from tests.unit.test_signatures import PAD, png_bytes, wave

    team = InspectionService(ctx.db, ctx.device).get(completed).inspectors
    SignatureService(ctx.db, ctx.device, "张伟").add(
        completed, "inspector", team[0].name, wave(), png_bytes(), inspector_id=team[0].id,
        pad_size=PAD)
    with pytest.raises(ValidationError, match=r"Signatures are still missing: the company's "
                       r"person in charge \(or their refusal and a witness\)"):
        SigningService(ctx.db, ctx.device).sign_inspection(completed, OWN)
    with pytest.raises(ValidationError, match="Signatures are still missing"):
        InspectionService(ctx.db, ctx.device).lock(completed)
    assert InspectionService(ctx.db, ctx.device).get(completed).status is Status.COMPLETED
    secret = ctx.data_dir.root / "secret.txt"
    secret.write_text(OWN)
    ctx.close()
    assert main(["--lang", "en", "--data-dir", str(ctx.data_dir.root), "sign", completed,
                 "--passphrase-file", str(secret)]) == 1
    assert "Signatures are still missing" in capsys.readouterr().err
class _Watcher:
    """A watcher of the signing's progress that stops it at the ``stop_at``-th step, or that
    is told to stop just after the ``stop_after``-th step was reported (too late for that
    step's own check)."""

    def __init__(self, stop_at: int | None = None, stop_after: int | None = None) -> None:
        self.steps: list[tuple[int, int, str]] = []
        self.stop_at = stop_at
        self.stop_after = stop_after
        self.stopped = False

    def progress(self, done: int, total: int, text: str = "") -> None:
        self.steps.append((done, total, text))
        self.check_cancelled()
        self.stopped = len(self.steps) == self.stop_after

    def check_cancelled(self) -> None:
        from inspector_app.services.progress import Cancelled

        if self.stopped or (self.stop_at is not None and len(self.steps) >= self.stop_at):
            raise Cancelled


@pytest.fixture
def with_photos(ctx, completed, tmp_path):
    """The completed record with three photos taken in while it was a draft."""
    from inspector_app.services.photos import PhotoService
    from tests.images import jpeg

    service = InspectionService(ctx.db, ctx.device, "张伟")
    service.reopen(completed, "photos forgotten")
    PhotoService(ctx.db, ctx.data_dir, ctx.device, "张伟").add_files(
        completed, [jpeg(tmp_path / f"site-{n}.jpg", seed=n) for n in range(3)])
    assert service.complete(completed) == []
    sign_missing(ctx, completed)
    return completed


def test_signing_counts_the_photos_checked_and_a_stop_before_the_signature_changes_nothing(
        ctx, with_photos):
    from inspector_app.services.progress import Cancelled

    service = InspectionService(ctx.db, ctx.device, "张伟")
    cert, key, _chain = ctx.pki.unlock(OWN)
    history = len(service.history(with_photos))
    for stop_at in (1, 3, 4):  # the first photo, the last one, just before the signature
        watcher = _Watcher(stop_at)
        with pytest.raises(Cancelled):
            ctx.signing.sign_unlocked(with_photos, cert, key, "张伟", watcher)
        assert service.get(with_photos).status is Status.COMPLETED
        assert len(service.history(with_photos)) == history
        assert ctx.signing.check_record(with_photos) == (False, "not signed")

    # A stop asked once the signature has begun is not heard: signed is signed.
    watcher = _Watcher(stop_after=4)
    ctx.signing.sign_unlocked(with_photos, cert, key, "张伟", watcher)
    assert service.get(with_photos).status is Status.SIGNED
    assert ctx.signing.check_record(with_photos)[0]
    # Three photos, then the signature: the same total throughout, each photo named.
    assert [(d, t) for d, t, _ in watcher.steps] == [(1, 4), (2, 4), (3, 4), (3, 4)]
    assert sorted(text for _, _, text in watcher.steps[:3]) == [
        "site-0.jpg", "site-1.jpg", "site-2.jpg"]
