"""A laptop's PDF of its own document is taken only when it is that document's print."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

import pytest

from inspector_app.services.sync.report import summary
from tests.pdf_scenarios import services
from tests.unit.test_sync import World, laptop_work
from tests.unit.test_sync_documents import _office_order, _print
from tests.unit.test_sync_policy import forge, later, one, plain_export


def _any_pdf(text: str = "anything", title: str = "", keywords: str = "") -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setTitle(title)
    canvas.setKeywords(keywords)
    canvas.drawString(100, 700, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _sent_order(world: World) -> tuple[str, str]:
    """Laptop A's order, printed and imported at the office: (inspection, sha256 on file)."""
    inspection = laptop_work(world, world.a, photos=1)
    sha = _print(world.a, inspection, "zh_CN", "order.pdf")
    assert world.import_(world.export(world.a)).status == "imported"
    assert _office_order(world)[2] == sha
    return inspection, sha


def _with_file(world: World, data: bytes | None, sha: str | None = None) -> Path:
    """Laptop A's next bundle, its order's row naming ``data`` (carried) or the file ``sha``
    (not carried) as its print."""
    source = plain_export(world, world.a, full=True)
    named = hashlib.sha256(data).hexdigest() if data is not None else sha

    def edit(tables) -> None:
        row = one(tables, "documents", doc_type="order")
        row["file_sha256"] = named
        row["updated_at"] = later()

    carried = {f"documents/{named}.pdf": data} if data is not None else None
    return forge(world, world.a, source, edit, files=carried, drop=("documents/",))


def _kept(world: World, report, number: str, sha: str) -> None:
    assert report.status == "imported"
    assert report.tables["documents"].skipped == {
        "its PDF is not the print of that document, or did not come": 1}
    assert _office_order(world)[1:] == (number, sha)
    assert (world.office.data_dir.documents / f"{sha}.pdf").exists()
    note = next(n for n in report.lines() if number in n)
    assert "not taken" in note and "the file here stays" in note


def test_any_pdf_in_place_of_the_laptops_own_order_is_not_taken(world):
    _inspection, sha = _sent_order(world)
    number = _office_order(world)[1]
    forged = _any_pdf()
    report = world.import_(_with_file(world, forged))
    _kept(world, report, number, sha)
    assert not (world.office.data_dir.documents
                / f"{hashlib.sha256(forged).hexdigest()}.pdf").exists()
    assert "not the print of that document" in next(n for n in report.lines() if number in n)
    assert number in "\n".join(report.lines("zh_CN"))
    # The Sync page says it in the note, not as kept for being newer or signed.
    told = summary(report.to_json(), "in", "en")
    assert any(number in line for line in told)
    assert not [line for line in told if "newer here or signed" in line]


def test_the_print_of_another_document_of_the_laptop_is_not_taken(world):
    # A real print of the laptop's own, from its other record: numbered, coded, not this one.
    _inspection, sha = _sent_order(world)
    number = _office_order(world)[1]
    other = laptop_work(world, world.a, photos=1, seed=1)
    docs = services(world.a)[2]
    record = docs.export(other, "record", "zh_CN", world.root / "other-record.pdf").read_bytes()
    report = world.import_(_with_file(world, record))
    _kept(world, report, number, sha)


def test_a_row_naming_a_file_already_here_must_name_its_own_print(world):
    # The file is not carried: the row names another document's PDF the office holds.
    _inspection, sha = _sent_order(world)
    number = _office_order(world)[1]
    office_inspection = laptop_work(world, world.office, photos=1, seed=2)
    other = _print(world.office, office_inspection, "zh_CN", "office-order.pdf")
    report = world.import_(_with_file(world, None, other))
    _kept(world, report, number, sha)


@pytest.mark.parametrize("named", [None, "0" * 64])
def test_a_row_taking_back_the_file_on_record_is_not_taken(world, named):
    _inspection, sha = _sent_order(world)
    number = _office_order(world)[1]
    report = world.import_(_with_file(world, None, named))
    _kept(world, report, number, sha)


def _order_printed_again_signed(world: World) -> tuple[str, str, Any]:
    """Laptop A's order on file at the office, printed again on A with A's signature:
    (sha256 on file, sha256 of the signed print, A's certificate)."""
    from inspector_app.services.pki import PkiService
    from inspector_app.services.signing import sign_pdf_bytes
    from tests.unit.test_sync import OWN

    inspection, sha = _sent_order(world)
    cert, key, chain = PkiService(world.a.db, world.a.device).unlock(OWN)
    target = services(world.a)[2].export(
        inspection, "order", "en", world.root / "signed.pdf",
        sign=lambda data: sign_pdf_bytes(data, cert, key, chain))
    return sha, hashlib.sha256(target.read_bytes()).hexdigest(), cert


def test_a_signed_print_of_its_own_order_is_taken(world):
    sha, signed, _cert = _order_printed_again_signed(world)
    report = world.import_(world.export(world.a))
    assert report.tables["documents"].updated == 1 and not report.tables["documents"].skipped
    assert _office_order(world)[2] == signed != sha


def test_a_print_signed_then_changed_is_not_taken(world):
    from inspector_app.services.pki import PkiService
    from inspector_app.services.signing import sign_pdf_bytes
    from tests.unit.test_sync import OWN

    _inspection, sha = _sent_order(world)
    number = _office_order(world)[1]
    cert, key, chain = PkiService(world.a.db, world.a.device).unlock(OWN)
    data = (world.a.data_dir.documents / f"{sha}.pdf").read_bytes()
    signed = sign_pdf_bytes(data, cert, key, chain)
    changed = signed.replace(b"/Creator (Inspector)", b"/Creator (Inspecter)", 1)
    assert changed != signed
    report = world.import_(_with_file(world, changed))
    _kept(world, report, number, sha)
    assert "signature" in next(n for n in report.lines() if number in n)


def test_a_new_document_with_any_pdf_is_not_taken(world):
    inspection = laptop_work(world, world.a, photos=1)
    _print(world.a, inspection, "zh_CN", "order.pdf")
    report = world.import_(_with_file(world, _any_pdf()))
    assert report.status == "imported"
    assert report.tables["documents"].skipped == {
        "its PDF is not the print of that document, or did not come": 1}
    assert world.office.db.execute("SELECT COUNT(*) FROM documents").fetchone() == (0,)
    assert not world.office.data_dir.documents.exists() or not any(
        world.office.data_dir.documents.iterdir())
    (number,) = world.a.db.execute("SELECT number FROM inspections").fetchone()
    note = next(n for n in report.lines() if "the document is not taken either" in n)
    assert f"of inspection {number}:" in note  # as the bundle carries it


@pytest.mark.parametrize("code", ["inspector:order/{id}?sha256=00",  # cut short: no revision
                                  "inspector:record/{id}?rev=1&sha256=00",
                                  "inspector:order/someone-else?rev=1&sha256=00",
                                  "{id}"])
def test_a_pdf_titled_as_the_document_with_another_code_is_not_taken(world, code):
    inspection, sha = _sent_order(world)
    number = _office_order(world)[1]
    forged = _any_pdf(title=f"责令限期整改指令书 {number}", keywords=code.format(id=inspection))
    report = world.import_(_with_file(world, forged))
    _kept(world, report, number, sha)


def test_a_print_signed_before_its_signers_certificate_expired_is_taken(world, monkeypatch):
    # The certificate ran out between the print and the import: the bundle is taken (its
    # signer is not revoked), and so is the print, judged as of when it was made.
    from datetime import timedelta

    from inspector_app.services import signing
    from inspector_app.services.pki import cert_info

    sha, signed, cert = _order_printed_again_signed(world)
    after = cert_info(cert).not_after + timedelta(days=1)
    real = signing.verify_pdf_data
    monkeypatch.setattr(signing, "verify_pdf_data",
                        lambda data, pki, now=None: real(data, pki, now=now or after))
    report = world.import_(world.export(world.a))
    assert report.tables["documents"].updated == 1 and not report.tables["documents"].skipped
    assert _office_order(world)[2] == signed != sha


# A number in the cross-reference table that is none (pyhanko's decimal refuses it) and an
# entry so broken the PDF's root is looked up in nothing (pyhanko asserts): found by feeding
# mutated prints to the import's checks.
@pytest.mark.parametrize("old, new", [(b"0 8\n", b"0 8.1.\n"),
                                      (b"0000000000 65535 f", b"0.0.0 65535 f")])
def test_a_pdf_pyhanko_cannot_read_is_refused_not_a_traceback(world, old, new):
    from inspector_app.services.attachments import AttachmentRefused, check_bytes
    from inspector_app.services.pki import PkiService
    from inspector_app.services.signing import verify_pdf_data
    from inspector_app.services.sync.files import check_pdf, print_problem

    data = _any_pdf()
    assert old in data
    broken = data.replace(old, new, 1)
    assert check_pdf(broken) == "it is not a readable PDF"
    pki = PkiService(world.office.db, world.office.device)
    assert print_problem(broken, {"inspection_id": "x", "doc_type": "order", "number": "1"},
                         pki) is None  # the bundle is refused by the file's own check
    checked = verify_pdf_data(broken, pki)
    assert not checked.ok and "not a readable PDF" in checked.message.localized("en")
    assert "()" not in checked.message.localized("en")
    try:  # an attachment's check reads less of the file: refused, or taken as it is
        check_bytes("plan.pdf", broken)
    except AttachmentRefused as exc:
        assert "damaged PDF" in str(exc)


def test_a_print_whose_signature_pyhanko_cannot_validate_is_not_taken(world, monkeypatch):
    # pyHanko raises several types on broken CMS data; the refusal keeps the error in its
    # message, which the import's history stores: the print is left out, the import done.
    from inspector_app.services import signing
    from inspector_app.services.pki import PkiService
    from inspector_app.services.signing import sign_pdf_bytes
    from tests.unit.test_sync import OWN

    _inspection, sha = _sent_order(world)
    number = _office_order(world)[1]
    cert, key, chain = PkiService(world.a.db, world.a.device).unlock(OWN)
    data = (world.a.data_dir.documents / f"{sha}.pdf").read_bytes()
    signed = sign_pdf_bytes(data, cert, key, chain)

    def broken(*_args, **_kwargs):
        raise ValueError("signer_infos should contain exactly one entry")

    monkeypatch.setattr(signing, "validate_pdf_signature", broken)
    report = world.import_(_with_file(world, signed))
    _kept(world, report, number, sha)
    note = next(n for n in report.lines() if number in n)
    assert "the signature is damaged" in note and "exactly one entry" in note
