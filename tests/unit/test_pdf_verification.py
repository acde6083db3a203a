"""Every signature of a PDF is judged: a change after a signature that is not a further
signature makes the file "modified", naming the revision; poppler's pdfsig agrees on each case."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from reportlab.pdfgen import canvas

from inspector_app.cli import main
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.pki import PkiService
from inspector_app.services.signing import sign_pdf_bytes, verify_pdf

ORG_PASS = "office-secret-1"
ONE_TIME = "one-time-pass-2"
OWN = "my-own-passphrase"


@dataclass
class Team:
    office: AppContext
    first: tuple          # cert, key, chain of 张伟
    second: tuple         # of 李娜


@pytest.fixture
def team(tmp_path):
    office = AppContext(DataDir(tmp_path / "office"))
    pki = PkiService(office.db, office.device)
    pki.init_org("泉台区应急管理局", ORG_PASS)
    identities = []
    for n, (name, number) in enumerate((("张伟", "32050012"), ("李娜", "32050013"))):
        laptop = AppContext(DataDir(tmp_path / f"laptop{n}"))
        data, _ = pki.issue(name, number, ORG_PASS, ONE_TIME)
        lp = PkiService(laptop.db, laptop.device)
        lp.import_identity(data, ONE_TIME, OWN)
        identities.append(lp.unlock(OWN))
        laptop.close()
    yield Team(office, identities[0], identities[1])
    office.close()


def document() -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    c.drawString(100, 700, "Inspection record 12345")
    c.showPage()
    c.save()
    return buffer.getvalue()


def sign(data: bytes, who: tuple, field: str = "InspectorSignature") -> bytes:
    cert, key, chain = who
    return sign_pdf_bytes(data, cert, key, chain, field_name=field)


def overlay(data: bytes) -> bytes:
    """An incremental update that paints a box over the page: what a forger appends."""
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    stream = generic.StreamObject(stream_data=b"q 1 0 0 rg 90 690 200 30 re f Q")
    writer.add_stream_to_page(0, writer.add_object(stream))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def flip(data: bytes) -> bytes:
    out = bytearray(data)
    out[out.find(b"12345")] = ord("9")
    return bytes(out)


# name -> (how the file is made, valid?, words the reason must hold)
CASES = {
    "signed": (lambda t: sign(document(), t.first), True, "intact and trusted"),
    "byte changed": (lambda t: flip(sign(document(), t.first)), False,
                     "signed bytes do not match"),
    "overlay": (lambda t: overlay(sign(document(), t.first)), False,
                "modified after signing: revision 3 of 3 changes the document"),
    "countersigned": (lambda t: sign(sign(document(), t.first), t.second, "Countersignature"),
                      True, "all 2 signatures valid"),
    "overlay then countersigned": (
        lambda t: sign(overlay(sign(document(), t.first)), t.second, "Countersignature"),
        False, "signature 1 of 2: modified after signing: revision 3 of 4 changes the "
               "document"),
    "countersigned then overlay": (
        lambda t: overlay(sign(sign(document(), t.first), t.second, "Countersignature")),
        False, "signature 1 of 2: modified after signing: revision 4 of 4"),
    "bytes appended": (lambda t: sign(document(), t.first) + b"\n% appended\n", False,
                       "modified after signing"),
}


def build(team: Team, tmp_path: Path, case: str) -> Path:
    path = tmp_path / f"{case.replace(' ', '-')}.pdf"
    path.write_bytes(CASES[case][0](team))
    return path


@pytest.mark.parametrize("case", list(CASES))
def test_every_signature_is_judged(team, tmp_path, case):
    _, valid, words = CASES[case]
    result = verify_pdf(build(team, tmp_path, case), PkiService(team.office.db, None))
    assert result.ok is valid, result.reason
    assert words in result.reason


def test_a_countersignature_lists_both_signers_with_time_and_coverage(team, tmp_path):
    path = build(team, tmp_path, "overlay then countersigned")
    result = verify_pdf(path, PkiService(team.office.db, None))
    first, second = result.signatures
    assert first.verification.signer.subject_name == "张伟"
    assert second.verification.signer.subject_name == "李娜"
    assert first.coverage == "covers revisions 1–2 of 4"
    assert second.coverage == "covers the whole file"
    assert not first.verification.ok and second.verification.ok
    assert "NOT VALID: modified after signing: revision 3 of 4" in first.line()
    assert second.line().endswith("; valid") and "signed 20" in second.line()


def pdfsig(path: Path) -> list[tuple[bool, bool]]:
    """(cryptographically valid, covers the whole file) of each signature, as pdfsig sees it."""
    out = subprocess.run(["pdfsig", "-nocert", str(path)], capture_output=True,
                         text=True).stdout
    blocks = re.split(r"^Signature #\d+:", out, flags=re.M)[1:]
    return [("Signature is Valid" in b, "Total document signed" in b
             and "Not total document signed" not in b) for b in blocks]


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("case", list(CASES))
def test_pdfsig_and_the_program_agree(team, tmp_path, case):
    path = build(team, tmp_path, case)
    result = verify_pdf(path, PkiService(team.office.db, None))
    theirs = pdfsig(path)
    ours = [(c.verification.intact, c.verification.covers_whole_file)
            for c in result.signatures]
    # Each signature: the same cryptographic verdict and the same coverage.
    assert theirs == ours, (case, theirs, ours)
    if result.ok:
        # Valid for us: pdfsig finds every signature valid and the last one covering the file.
        assert all(valid for valid, _ in theirs) and theirs[-1][1]
    if not all(valid for valid, _ in theirs) or not theirs[-1][1]:
        assert not result.ok


def test_verify_prints_each_signature(team, tmp_path, capsys):
    path = build(team, tmp_path, "overlay then countersigned")
    office = str(tmp_path / "office")
    team.office.close()
    assert main(["--data-dir", office, "verify", str(path)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].startswith("  signature 1 of 2: 张伟（32050012）, issued by")
    assert "covers revisions 1–2 of 4; NOT VALID: modified after signing: revision 3 of 4" \
        in lines[0]
    assert lines[1].startswith("  signature 2 of 2: 李娜（32050013）")
    assert "covers the whole file; valid" in lines[1]
    assert "NOT VALID: signature 1 of 2: modified after signing" in captured.err
    good = build(team, tmp_path, "countersigned")
    assert main(["--data-dir", office, "verify", str(good)]) == 0
    out = capsys.readouterr().out
    assert out.count("; valid") == 2 and "all 2 signatures valid" in out
