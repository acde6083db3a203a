"""The PDFs made travel in bundles, content-addressed and hash-checked like photos."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from inspector_app.services.sync import export as export_mod
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
