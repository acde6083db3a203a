"""Keys and files at rest: a modern key derivation, passphrases worth the name, files for the
user's eyes only, and a read-only data dir that still verifies."""

from __future__ import annotations

import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from inspector_app.cli import main
from inspector_app.domain.pki import PASSPHRASE_RULE, passphrase_problem
from inspector_app.errors import ValidationError
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.key_encryption import kdf_iterations
from inspector_app.services.pki import PkiService

ORG_PASS = "office-secret-1"
ONE_TIME = "one-time-pass-2"
OWN = "my-own-passphrase"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- passphrases ----------------------------------------------------------------------------------
@pytest.mark.parametrize("weak", ["short-1", "aaaaaaaaaaaaaaaa", "abababababab1212",
                                  "123456789012", "qwertyuiopas", "password1234",
                                  "P@ssw0rd2026!", "12345678"])
def test_weak_passphrases_are_refused_with_the_rule(weak):
    assert passphrase_problem(weak) == PASSPHRASE_RULE


@pytest.mark.parametrize("good", [OWN, ORG_PASS, "铁路局检查组二〇二六年春", "horse battery 7",
                                  "KXPT-9M3Q-ZR7W-4HVD"])
def test_reasonable_passphrases_pass(good):
    assert passphrase_problem(good) is None


def test_the_rule_is_told_when_a_weak_passphrase_is_chosen(ctx):
    with pytest.raises(ValidationError) as caught:
        PkiService(ctx.db, ctx.device).init_org("泉台区应急管理局", "password1234")
    assert "at least 12 characters, at least 6 of them different" in str(caught.value)


# -- key derivation -------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.real_kdf_cost
def test_keys_use_600000_iterations_and_old_keys_are_re_encrypted_on_unlock(tmp_path):
    office = AppContext(DataDir(tmp_path / "office"))
    laptop = AppContext(DataDir(tmp_path / "laptop"))
    pki = PkiService(office.db, office.device)
    pki.init_org("泉台区应急管理局", ORG_PASS)
    org_pem = office.db.execute("SELECT key_pem FROM org_keys").fetchone()[0]
    assert org_pem.startswith("-----BEGIN ENCRYPTED PRIVATE KEY-----")
    assert kdf_iterations(org_pem) == 600_000
    data, _ = pki.issue("张伟", "32050012", ORG_PASS, ONE_TIME)
    lp = PkiService(laptop.db, laptop.device)
    lp.import_identity(data, ONE_TIME, OWN)

    # A key stored by an earlier version: the library's default PKCS#8 encryption.
    _, key, _ = lp.unlock(OWN)
    legacy = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                               serialization.BestAvailableEncryption(OWN.encode())).decode()
    assert (kdf_iterations(legacy) or 0) < 600_000
    with laptop.db.atomic():
        laptop.db.execute("UPDATE identities SET key_pem = ?", [legacy])
    lp.unlock(OWN)
    stored = laptop.db.execute("SELECT key_pem FROM identities").fetchone()[0]
    assert stored != legacy and kdf_iterations(stored) == 600_000
    # Still the same key, still opened by the same passphrase.
    reopened = serialization.load_pem_private_key(stored.encode(), OWN.encode())
    assert reopened.private_numbers() == key.private_numbers()

    if shutil.which("openssl"):
        p12 = tmp_path / "张伟.p12"
        p12.write_bytes(data)
        info = subprocess.run(["openssl", "pkcs12", "-info", "-noout", "-in", str(p12),
                               "-passin", f"pass:{ONE_TIME}"], capture_output=True, text=True)
        assert "Iteration 600000" in info.stdout + info.stderr
        assert "AES-256-CBC" in info.stdout + info.stderr
    office.close()
    laptop.close()


# -- files for the user only ----------------------------------------------------------------------
def test_data_dir_database_logs_and_enrolment_files_are_private(tmp_path, capsys):
    root = tmp_path / "office"
    secret = tmp_path / "org.pass"
    secret.write_text(ORG_PASS + "\n")
    assert main(["--data-dir", str(root), "org", "init", "--name", "泉台区应急管理局",
                 "--passphrase-file", str(secret)]) == 0
    p12 = tmp_path / "张伟.p12"
    assert main(["--data-dir", str(root), "org", "issue", "--name", "张伟", "-o", str(p12),
                 "--passphrase-file", str(secret)]) == 0
    data_dir = DataDir(root)
    assert mode(root) == 0o700
    assert mode(data_dir.database) == 0o600
    assert mode(data_dir.logs) == 0o700
    assert mode(data_dir.logs / "inspector.log") == 0o600
    assert mode(p12) == 0o600
    # Whatever else is in the data dir, nobody but the user can read it.
    for path in root.rglob("*"):
        assert not mode(path) & 0o077, path


def test_an_existing_world_readable_data_dir_is_tightened(tmp_path):
    root = tmp_path / "old"
    root.mkdir(mode=0o755)
    ctx = AppContext(DataDir(root))
    ctx.db.execute("SELECT 1")
    ctx.close()
    assert mode(root) == 0o700 and mode(DataDir(root).database) == 0o600


# -- a read-only data dir -------------------------------------------------------------------------
@pytest.fixture
def read_only_copy(tmp_path):
    """``office`` mounted read-only at ``ro``: writes fail with EROFS, for root too."""
    source, target = tmp_path / "office", tmp_path / "ro"
    target.mkdir()

    def mount() -> Path:
        for args in (["mount", "--bind", str(source), str(target)],
                     ["mount", "-o", "remount,ro,bind", str(target)]):
            if subprocess.run(args, capture_output=True).returncode != 0:
                subprocess.run(["umount", str(target)], capture_output=True)
                pytest.skip("cannot mount read-only here (needs root)")
        return target

    yield mount
    subprocess.run(["umount", str(target)], capture_output=True)


def test_verify_works_from_a_read_only_data_dir(tmp_path, read_only_copy, capsys):
    from tests.unit.test_pdf_verification import document, sign

    office = AppContext(DataDir(tmp_path / "office"))
    pki = PkiService(office.db, office.device)
    pki.init_org("泉台区应急管理局", ORG_PASS)
    laptop = AppContext(DataDir(tmp_path / "laptop"))
    data, _ = pki.issue("张伟", "32050012", ORG_PASS, ONE_TIME)
    lp = PkiService(laptop.db, laptop.device)
    lp.import_identity(data, ONE_TIME, OWN)
    pdf = tmp_path / "signed.pdf"
    pdf.write_bytes(sign(document(), lp.unlock(OWN)))
    office.close()
    laptop.close()
    ro = read_only_copy()
    before = sorted((p.name, p.stat().st_mtime_ns) for p in ro.rglob("*"))
    assert main(["--data-dir", str(ro), "verify", str(pdf)]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "signature valid: intact and trusted" in out and "张伟" in out
    assert sorted((p.name, p.stat().st_mtime_ns) for p in ro.rglob("*")) == before
    # Commands that write still say why they cannot.
    assert main(["--data-dir", str(ro), "profile", "set", "--name", "x", "--organisation", "y",
                 "--prefix", "Z1"]) == 1
    assert "internal error" not in capsys.readouterr().err


def test_an_enrolment_file_is_not_left_behind_when_its_certificate_cannot_be_recorded(
        ctx, tmp_path, monkeypatch):
    # The file is written inside the transaction recording the certificate; when the commit
    # then fails (the disk filled up), a key the office cannot list nor revoke must not remain.
    import sqlite3
    from contextlib import contextmanager

    pki = PkiService(ctx.db, ctx.device)
    pki.init_org("泉台区应急管理局", ORG_PASS)
    target = tmp_path / "stick" / "张伟.p12"
    target.parent.mkdir()
    real_atomic = ctx.db.atomic

    @contextmanager
    def commit_fails():
        with real_atomic():
            yield
            raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(ctx.db, "atomic", commit_fails)
    with pytest.raises(sqlite3.OperationalError):
        pki.issue("张伟", "32050012", ORG_PASS, ONE_TIME, target=target)
    monkeypatch.undo()
    assert not target.exists()
    assert list(target.parent.iterdir()) == []
    assert pki.issued() == []
    # Issued when the disk has room again.
    pki.issue("张伟", "32050012", ORG_PASS, ONE_TIME, target=target)
    assert target.exists()
    assert [info.subject_name for _s, info, _r in pki.issued()] == ["张伟"]
