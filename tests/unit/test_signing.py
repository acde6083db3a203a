"""Issue → enrol → sign → verify, and every way verification must fail."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from inspector_app.cli import main
from inspector_app.errors import CorruptFileError, ValidationError
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.pki import PkiService, WrongPassphrase
from inspector_app.services.signing import sign_pdf, verify_pdf

ORG_PASS = "office-secret-1"
ONE_TIME = "one-time-pass-2"
OWN = "my-own-passphrase"


@pytest.fixture
def office(tmp_path):
    ctx = AppContext(DataDir(tmp_path / "office"))
    PkiService(ctx.db, ctx.device).init_org("泉台区应急管理局", ORG_PASS)
    yield ctx
    ctx.close()


@pytest.fixture
def laptop(tmp_path):
    ctx = AppContext(DataDir(tmp_path / "laptop"))
    yield ctx
    ctx.close()


def enrol(office, laptop, **kw):
    data, info = PkiService(office.db, office.device).issue("张伟", "32050012", ORG_PASS,
                                                            ONE_TIME, **kw)
    PkiService(laptop.db, laptop.device).import_identity(data, ONE_TIME, OWN)
    return info


def document(path: Path) -> Path:
    c = canvas.Canvas(str(path))
    c.drawString(100, 700, "Inspection record 12345")
    c.showPage()
    c.save()
    return path


def signed_document(laptop, tmp_path, **kw) -> Path:
    cert, key, chain = PkiService(laptop.db, laptop.device).unlock(OWN)
    return sign_pdf(document(tmp_path / "doc.pdf"), tmp_path / "signed.pdf", cert, key, chain,
                    **kw)


def test_issue_enrol_sign_verify(office, laptop, tmp_path):
    info = enrol(office, laptop)
    assert info.enforcement_id == "32050012" and not info.self_signed
    signed = signed_document(laptop, tmp_path)
    for ctx in (laptop, office):
        result = verify_pdf(signed, PkiService(ctx.db, ctx.device))
        assert result.ok, result.reason
        assert result.signer.subject_name == "张伟"
        assert result.intact and result.trusted and result.covers_whole_file


def test_one_changed_byte_is_detected(office, laptop, tmp_path):
    enrol(office, laptop)
    data = bytearray(signed_document(laptop, tmp_path).read_bytes())
    data[data.find(b"12345")] = ord("9")
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    result = verify_pdf(tampered, PkiService(laptop.db, laptop.device))
    assert not result.ok
    assert result.reason.startswith("modified after signing")


def test_content_appended_after_signing_is_detected(office, laptop, tmp_path):
    enrol(office, laptop)
    signed = signed_document(laptop, tmp_path)
    signed.write_bytes(signed.read_bytes() + b"\n% appended\n")
    result = verify_pdf(signed, PkiService(laptop.db, laptop.device))
    assert not result.ok and "modified after signing" in result.reason


def test_unknown_signer_is_not_trusted(office, laptop, tmp_path):
    enrol(office, laptop)
    signed = signed_document(laptop, tmp_path)
    stranger = AppContext(DataDir(tmp_path / "stranger"))
    result = verify_pdf(signed, PkiService(stranger.db, stranger.device))
    stranger.close()
    assert not result.ok and result.reason.startswith("unknown signer")


def test_self_signed_identity_is_never_trusted(laptop, tmp_path):
    info = PkiService(laptop.db, laptop.device).create_self_signed("王经理", "泉台纺织有限公司",
                                                                   OWN)
    assert info.self_signed and "not issued by the office" in info.describe()
    result = verify_pdf(signed_document(laptop, tmp_path), PkiService(laptop.db, laptop.device))
    assert not result.ok and result.reason.startswith("unknown signer")


def test_expired_certificate(office, laptop, tmp_path):
    enrol(office, laptop, days=30, now=datetime.now(UTC) - timedelta(days=400))
    signed = signed_document(laptop, tmp_path)
    result = verify_pdf(signed, PkiService(laptop.db, laptop.device))
    assert not result.ok and "expired" in result.reason


def test_revoked_certificate_reaches_the_laptop(office, laptop, tmp_path):
    info = enrol(office, laptop)
    signed = signed_document(laptop, tmp_path)
    PkiService(office.db, office.device).revoke(info.serial, ORG_PASS, "lost laptop")
    assert "revoked" in verify_pdf(signed, PkiService(office.db, office.device)).reason
    # What sync carries: the revocation row.
    row = office.db.execute("SELECT * FROM revocations").fetchone()
    with laptop.db.atomic():
        laptop.db.execute("INSERT INTO revocations VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row)
    result = verify_pdf(signed, PkiService(laptop.db, laptop.device))
    assert not result.ok and "revoked" in result.reason


def test_wrong_passphrases_and_corrupt_enrolment(office, laptop, tmp_path):
    pki = PkiService(office.db, office.device)
    with pytest.raises(WrongPassphrase):
        pki.issue("张伟", "1", "not-the-passphrase", ONE_TIME)
    data, _ = pki.issue("张伟", "1", ORG_PASS, ONE_TIME)
    lp = PkiService(laptop.db, laptop.device)
    with pytest.raises(WrongPassphrase, match="enrolment passphrase is wrong"):
        lp.import_identity(data, "wrong-one-time", OWN)
    with pytest.raises(CorruptFileError, match="damaged or is not an enrolment file"):
        lp.import_identity(data[: len(data) // 2], ONE_TIME, OWN)
    with pytest.raises(CorruptFileError):
        lp.import_identity(b"PK\x03\x04 a zip, not a p12" * 10, ONE_TIME, OWN)
    with pytest.raises(ValidationError, match="at least 12 characters"):
        lp.import_identity(data, ONE_TIME, "short")
    assert lp.identity() is None  # nothing half-imported
    lp.import_identity(data, ONE_TIME, OWN)
    with pytest.raises(WrongPassphrase):
        lp.unlock("not-my-passphrase")


def test_private_keys_are_stored_encrypted(office, laptop):
    enrol(office, laptop)
    for ctx, table in ((office, "org_keys"), (laptop, "identities")):
        key_pem = ctx.db.execute(f"SELECT key_pem FROM {table}").fetchone()[0]
        assert key_pem.startswith("-----BEGIN ENCRYPTED PRIVATE KEY-----")


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler-utils not installed")
def test_pdfsig_agrees(office, laptop, tmp_path):
    enrol(office, laptop)
    signed = signed_document(laptop, tmp_path)
    out = subprocess.run(["pdfsig", str(signed)], capture_output=True, text=True).stdout
    assert "Signature is Valid" in out and "Total document signed" in out
    assert "张伟" in out
    data = bytearray(signed.read_bytes())
    data[data.find(b"12345")] = ord("9")
    signed.write_bytes(bytes(data))
    out = subprocess.run(["pdfsig", str(signed)], capture_output=True, text=True).stdout
    assert "Signature is Valid" not in out


def test_cli_org_identity_verify(tmp_path, capsys):
    office, laptop = str(tmp_path / "o"), str(tmp_path / "l")
    secret = tmp_path / "org.pass"
    secret.write_text(ORG_PASS + "\n")
    own = tmp_path / "own.pass"
    own.write_text(OWN)
    p12 = tmp_path / "zhang.p12"
    assert main(["--data-dir", office, "org", "init", "--name", "泉台区应急管理局",
                 "--passphrase-file", str(secret)]) == 0
    assert main(["--data-dir", office, "org", "issue", "--name", "张伟", "--enforcement-id",
                 "32050012", "-o", str(p12), "--passphrase-file", str(secret)]) == 0
    out = capsys.readouterr().out
    one_time = out.split("one-time passphrase: ")[1].strip()
    enrol_file = tmp_path / "enrol.pass"
    enrol_file.write_text(one_time)
    assert main(["--data-dir", laptop, "identity", "import", str(p12),
                 "--enrolment-passphrase-file", str(enrol_file),
                 "--passphrase-file", str(own)]) == 0
    assert "张伟（32050012）" in capsys.readouterr().out
    ctx = AppContext(DataDir(Path(laptop)))
    signed = signed_document(ctx, tmp_path)
    ctx.close()
    assert main(["--data-dir", laptop, "verify", str(signed)]) == 0
    unsigned = document(tmp_path / "plain.pdf")
    assert main(["--data-dir", laptop, "verify", str(unsigned)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"{unsigned}: NOT VALID: not signed"]
    # A wrong passphrase file: one line, exit 1, nothing issued.
    bad = tmp_path / "bad.pass"
    bad.write_text("nope-nope-nope")
    assert main(["--data-dir", office, "org", "issue", "--name", "李娜", "-o",
                 str(tmp_path / "x.p12"), "--passphrase-file", str(bad)]) == 1
    assert "passphrase is wrong" in capsys.readouterr().err
    assert not (tmp_path / "x.p12").exists()


LONG_OFFICE = "泉州台商投资区应急管理局"
VERY_LONG_OFFICE = ("泉州市台商投资区管理委员会安全生产委员会办公室"
                    "（泉州台商投资区应急管理局）执法大队")


@pytest.mark.parametrize("office_name", [LONG_OFFICE, VERY_LONG_OFFICE])
def test_real_office_names_of_any_length_make_a_working_root(tmp_path, capsys, office_name):
    office_dir, laptop_dir = tmp_path / "o", tmp_path / "l"
    secret = tmp_path / "org.pass"
    secret.write_text(ORG_PASS)
    assert main(["--data-dir", str(office_dir), "org", "init", "--name", office_name,
                 "--passphrase-file", str(secret)]) == 0, capsys.readouterr().err
    assert f"organisation: {office_name}" in capsys.readouterr().out  # the full name
    office = AppContext(DataDir(office_dir))
    laptop = AppContext(DataDir(laptop_dir))
    try:
        assert PkiService(office.db, office.device).org()[0] == office_name
        # An inspector's certificate under that root signs documents the office trusts.
        data, info = PkiService(office.db, office.device).issue(
            "欧阳慧敏", "闽A-3505001", ORG_PASS, ONE_TIME)
        assert info.subject_name == "欧阳慧敏" and info.enforcement_id == "闽A-3505001"
        assert office_name.startswith(info.organisation.rstrip("…"))
        PkiService(laptop.db, laptop.device).import_identity(data, ONE_TIME, OWN)
        result = verify_pdf(signed_document(laptop, tmp_path),
                            PkiService(office.db, office.device))
        assert result.ok, result.reason
        # A company's own identity with a long name works too.
        own = PkiService(laptop.db, laptop.device).create_self_signed(
            "王建国", VERY_LONG_OFFICE, OWN)
        assert own.subject_name == "王建国"
    finally:
        office.close()
        laptop.close()


def test_a_name_no_certificate_can_hold_gets_a_clear_message(office, capsys, tmp_path):
    secret = tmp_path / "org.pass"
    secret.write_text(ORG_PASS)
    with pytest.raises(ValidationError, match="too long"):
        PkiService(office.db, office.device).issue("张" * 30, None, ORG_PASS, ONE_TIME)
    assert main(["--data-dir", str(office.data_dir.root), "org", "issue", "--name", "张" * 30,
                 "-o", str(tmp_path / "x.p12"), "--passphrase-file", str(secret)]) == 1
    err = capsys.readouterr().err
    assert "internal error" not in err and "too long" in err
    assert not (tmp_path / "x.p12").exists()
    # In Chinese the field is named in Chinese too (it was a parameter left in English).
    assert main(["--lang", "zh_CN", "--data-dir", str(office.data_dir.root), "org", "issue",
                 "--name", "张" * 30, "-o", str(tmp_path / "x.p12"),
                 "--passphrase-file", str(secret)]) == 1
    err = capsys.readouterr().err
    assert "检查人员姓名“张张" in err and "太长" in err and "name" not in err, err
    for days in ("-5", "10000000"):  # no validity a certificate can hold
        assert main(["--data-dir", str(office.data_dir.root), "org", "issue", "--name", "张伟",
                     "--days", days, "-o", str(tmp_path / "x.p12"),
                     "--passphrase-file", str(secret)]) == 1
        err = capsys.readouterr().err
        assert "internal error" not in err and "valid for 1 to" in err
