"""The PDFs made travel in bundles, content-addressed and hash-checked like photos."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from inspector_app.services.sync import export as export_mod
from inspector_app.services.sync.report import summary
from tests.pdf_scenarios import services
from tests.unit.test_sync import World, flip, laptop_work, refused, resigned, rezip


@pytest.fixture
def plain(monkeypatch):
    """Bundles without the envelope, so tests can reach inside them."""
    monkeypatch.setattr(export_mod, "_recipient", lambda *a: None)


def made_order(world: World) -> tuple[str, bytes]:
    """An inspection on laptop A with its rectification order exported; (sha256, PDF bytes)."""
    inspection = laptop_work(world, world.a, photos=1)
    _, _, docs = services(world.a)
    target = docs.export(inspection, "order", "zh_CN", world.root / "整改指令书.pdf")
    data = target.read_bytes()
    return hashlib.sha256(data).hexdigest(), data


def test_the_export_keeps_a_copy_by_hash(world):
    sha, data = made_order(world)
    kept = world.a.data_dir.documents / f"{sha}.pdf"
    assert kept.read_bytes() == data
    assert world.a.db.execute("SELECT file_sha256 FROM documents").fetchone()[0] == sha


def test_the_pdf_arrives_byte_identical_at_the_office(world):
    sha, data = made_order(world)
    report = world.import_(world.export(world.a))
    assert report.status == "imported" and report.documents_added == 1
    assert "  PDF files stored: 1" in report.lines()
    assert (world.office.data_dir.documents / f"{sha}.pdf").read_bytes() == data
    row = world.office.db.execute("SELECT file_sha256 FROM documents").fetchone()
    assert row == (sha,)
    again = world.import_(world.export(world.a, full=True))  # already there: left as it is
    assert again.status == "imported" and again.documents_added == 0
    assert (world.office.data_dir.documents / f"{sha}.pdf").read_bytes() == data


def test_a_tampered_pdf_is_refused_with_nothing_changed(world, plain, tmp_path):
    sha, _data = made_order(world)
    good = world.export(world.a)
    name = f"documents/{sha}.pdf"
    with zipfile.ZipFile(good) as zf:
        assert name in zf.namelist()
    bad = rezip(good, tmp_path / "bad.inspx", change={name: lambda d: flip(d, len(d) // 2)})
    refused(world, bad, match="does not match its hash")
    assert not world.office.data_dir.documents.exists()
    # Listed and signed, yet not a PDF named by its hash: still refused.
    extra = rezip(good, tmp_path / "extra.inspx", add={"documents/notes.txt": b"hello"})
    entry = {"path": "documents/notes.txt", "size": 5,
             "sha256": hashlib.sha256(b"hello").hexdigest()}
    odd = resigned(world, extra, tmp_path / "odd.inspx", lambda m: m["entries"].append(entry))
    refused(world, odd, match="unexpected file")
    assert not world.office.data_dir.documents.exists()


def test_a_pdf_kept_nowhere_leaves_only_its_row(world, plain):
    sha, _data = made_order(world)
    (world.a.data_dir.documents / f"{sha}.pdf").unlink()
    bundle = world.export(world.a)
    with zipfile.ZipFile(bundle) as zf:
        assert not [n for n in zf.namelist() if n.startswith("documents/")]
    assert world.import_(world.seal(bundle)).status == "imported"
    assert world.office.db.execute("SELECT file_sha256 FROM documents").fetchone() == (sha,)


def test_the_history_tells_the_files_an_import_stored(world):
    # The Sync page's history reads the report stored with the import: it says the PDFs
    # stored, as the report shown at the end of the import did.
    from inspector_app.services.sync.importer import history
    from inspector_app.services.sync.report import detail_lines

    made_order(world)
    report = world.import_(world.export(world.a))
    assert report.documents_added == 1 and report.photos_added == 1
    [row] = [r for r in history(world.office.db) if r["direction"] == "in"]
    lines = detail_lines(json.loads(row["report"]), "en")
    assert "  photo files stored: 1" in lines and "  PDF files stored: 1" in lines


# -- printed again: a laptop replaces the file only of a document it issued --
def _to_laptop(world: World, laptop) -> None:
    from inspector_app.services.sync import export_bundle
    from tests.unit.test_sync import ORG_PASS

    dest = world.root / "to-laptops"
    dest.mkdir(exist_ok=True)
    bundle = export_bundle(world.office.db, world.office.data_dir, world.office.device, dest,
                           passphrase=ORG_PASS)
    assert world.import_(bundle, laptop).status == "imported"


def _print(ctx, inspection: str, lang: str, name: str) -> str:
    """The order printed (exported) on ``ctx`` in ``lang``; the sha256 of its PDF."""
    target = services(ctx)[2].export(inspection, "order", lang, ctx.data_dir.root / name)
    return hashlib.sha256(target.read_bytes()).hexdigest()


def _office_order(world: World) -> tuple[str, str, str]:
    """The order of an inspection: (inspection, document's number, sha256 of the PDF here)."""
    row = world.office.db.execute(
        "SELECT inspection_id, number, file_sha256 FROM documents WHERE doc_type = 'order'"
    ).fetchone()
    return row[0], row[1], row[2]


def _printed_again_not_taken(world: World, report, number: str, kept: str) -> None:
    assert report.status == "imported"
    assert report.tables["documents"].skipped == {
        "printed again on a computer that neither issued it nor printed it last here": 1}
    assert report.tables["documents"].updated == 0
    assert _office_order(world)[1:] == (number, kept)
    assert report.documents_added == 0
    note = next(n for n in report.lines() if "printed again" in n and number in n)
    assert "not taken" in note


def test_a_laptop_printing_the_offices_document_again_leaves_the_offices_file(world):
    # The office's own record and its order, printed at the office, reach laptop A, which
    # prints the order again (in English): the office's copy stays the one on file.
    inspection = laptop_work(world, world.office, photos=1)
    office_sha = _print(world.office, inspection, "zh_CN", "office-order.pdf")
    _to_laptop(world, world.a)
    laptop_sha = _print(world.a, inspection, "en", "laptop-order.pdf")
    assert laptop_sha != office_sha
    _, number, _ = _office_order(world)

    report = world.import_(world.export(world.a))
    _printed_again_not_taken(world, report, number, office_sha)
    assert not (world.office.data_dir.documents / f"{laptop_sha}.pdf").exists()
    assert world.office.db.execute("SELECT device_id FROM documents WHERE doc_type = 'order'"
                                   ).fetchone() == (world.office.device.id,)
    note = next(n for n in report.lines() if number in n)
    assert "this computer" in note
    chinese = "\n".join(report.lines("zh_CN"))
    assert number in chinese and "printed again" not in chinese
    # The Sync page's summary says it in the note, not as kept for being newer or signed.
    told = summary(report.to_json(), "in", "en")
    assert [line for line in told if number in line] == [note[4:]]
    assert not [line for line in told if "newer here or signed" in line]


def test_a_laptop_printing_another_laptops_document_again_leaves_its_file(world):
    inspection = laptop_work(world, world.b, photos=1)
    b_sha = _print(world.b, inspection, "zh_CN", "b-order.pdf")
    assert world.import_(world.export(world.b)).status == "imported"
    _to_laptop(world, world.a)
    a_sha = _print(world.a, inspection, "en", "a-order.pdf")
    _, number, _ = _office_order(world)

    report = world.import_(world.export(world.a))
    _printed_again_not_taken(world, report, number, b_sha)
    assert not (world.office.data_dir.documents / f"{a_sha}.pdf").exists()
    note = next(n for n in report.lines() if number in n)
    assert "李娜" in note  # whose copy stays: laptop B's, by the inspector enrolled on it


def test_a_laptop_prints_its_own_document_again(world):
    inspection = laptop_work(world, world.a, photos=1)
    first = _print(world.a, inspection, "zh_CN", "order.pdf")
    assert world.import_(world.export(world.a)).status == "imported"
    again = _print(world.a, inspection, "en", "order-en.pdf")
    assert again != first

    report = world.import_(world.export(world.a))
    assert report.status == "imported" and report.tables["documents"].updated == 1
    assert not report.tables["documents"].skipped
    assert _office_order(world)[2] == again and report.documents_added == 1
    assert (world.office.data_dir.documents / f"{again}.pdf").exists()


def test_the_offices_print_of_a_laptops_document_is_not_overwritten_by_the_laptop(world):
    # The office files its own print of the laptop's order; the laptop's later print does
    # not replace it.
    inspection = laptop_work(world, world.a, photos=1)
    first = _print(world.a, inspection, "zh_CN", "order.pdf")
    assert world.import_(world.export(world.a)).status == "imported"
    office_sha = _print(world.office, inspection, "en", "office-order.pdf")
    assert office_sha != first
    assert _print(world.a, inspection, "zh_CN", "order-again.pdf") == first
    _, number, _ = _office_order(world)
    assert _office_order(world)[2] == office_sha

    report = world.import_(world.export(world.a))
    _printed_again_not_taken(world, report, number, office_sha)


@pytest.mark.parametrize("column", ["issued_at", "created_at"])
def test_a_print_of_the_offices_document_is_not_taken_for_another_change_beside_it(world,
                                                                                column):
    # A forged row: the laptop's print of the office's order with one more column changed.
    # The print is still not the laptop's to file: the office's copy stays on file.
    from tests.unit.test_sync_policy import forge, one, plain_export

    inspection = laptop_work(world, world.office, photos=1)
    office_sha = _print(world.office, inspection, "zh_CN", "office-order.pdf")
    _to_laptop(world, world.a)
    laptop_sha = _print(world.a, inspection, "en", "laptop-order.pdf")
    _, number, _ = _office_order(world)
    source = plain_export(world, world.a)

    def edit(tables) -> None:
        one(tables, "documents", doc_type="order")[column] = "2026-01-02T03:04:05+00:00"

    report = world.import_(forge(world, world.a, source, edit))
    _printed_again_not_taken(world, report, number, office_sha)
    assert not (world.office.data_dir.documents / f"{laptop_sha}.pdf").exists()
