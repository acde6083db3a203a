"""Company lists that are bombs, not lists: refused quickly, with a message, without the memory
they would take."""

from __future__ import annotations

import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from inspector_app.cli import main
from inspector_app.services import company_import

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>')


def xlsx(path: Path, rows: int, *, cells: str = "", repeat: int = 1) -> Path:
    """A minimal workbook whose sheet has a header and ``rows`` rows of inline strings,
    written as a stream so the test itself stays small in memory."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://'
                        b'schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                        b'<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row>')
            chunk = []
            for n in range(2, rows + 2):
                body = cells.replace("{n}", str(n)) if cells else \
                    f'<c r="A{n}" t="inlineStr"><is><t>Co {n}</t></is></c>'
                chunk.append(f'<row r="{n}">{body * repeat}</row>')
                if len(chunk) == 10_000:
                    sheet.write("".join(chunk).encode())
                    chunk = []
            sheet.write("".join(chunk).encode() + b"</sheetData></worksheet>")
    return path


def run_limited(args: list[str], memory_mb: int = 1500) -> subprocess.CompletedProcess:
    """The CLI in a child process that may not use more than ``memory_mb`` of memory."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb << 20, memory_mb << 20))

    return subprocess.run([sys.executable, "-m", "inspector_app", *args], capture_output=True,
                          text=True, preexec_fn=limit, timeout=300)


@pytest.mark.slow
def test_an_xlsx_bomb_is_refused_by_its_unpacked_size(tmp_path, data_dir):
    # ~1 MB on disk, ~190 MB of XML once unpacked.
    bomb = xlsx(tmp_path / "bomb.xlsx", 1, cells="<c><v>1</v></c>", repeat=12_000_000)
    assert bomb.stat().st_size < 2_000_000
    done = run_limited(["--data-dir", str(data_dir.root), "companies", "import", str(bomb)])
    assert done.returncode == 1, done.stderr
    assert "bomb.xlsx would unpack to" in done.stderr and "are refused" in done.stderr
    assert "internal error" not in done.stderr and "MemoryError" not in done.stderr


def test_millions_of_rows_stop_at_the_row_limit(tmp_path, capsys, monkeypatch):
    # Small unpacked, but more rows than a company list has (the limit made small here).
    monkeypatch.setattr(company_import, "MAX_ROWS", 1_000)
    many = xlsx(tmp_path / "many.xlsx", 5_000)
    assert main(["companies", "import", str(many)]) == 1
    assert "many.xlsx has more than 1,000 rows; split it" in capsys.readouterr().err


def test_a_cell_far_to_the_right_does_not_pad_every_row(tmp_path, capsys):
    wide = xlsx(tmp_path / "wide.xlsx", 3, cells='<c r="XFD{n}" t="inlineStr"><is><t>x</t>'
                '</is></c>')
    assert main(["companies", "import", str(wide), "--dry-run"]) == 1
    # Refused for what it is (no companies), not for memory.
    assert "has a header row but no companies" in capsys.readouterr().err


def test_a_csv_with_too_many_rows_is_refused(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(company_import, "MAX_ROWS", 50)
    path = tmp_path / "list.csv"
    path.write_text("name\n" + "".join(f"Co {n}\n" for n in range(200)), encoding="utf-8")
    assert main(["companies", "import", str(path)]) == 1
    assert "list.csv has more than 50 rows" in capsys.readouterr().err


def test_a_cell_too_long_is_refused_naming_the_row(tmp_path, capsys):
    path = tmp_path / "list.csv"
    path.write_text("name,notes\nCo 1,ok\nCo 2," + "x" * 6_000 + "\n", encoding="utf-8")
    assert main(["--lang", "en", "companies", "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "list.csv, row 3: a cell has 6,000 characters; at most 5,000" in err
    assert main(["companies", "list"]) == 0
    assert "Co 1" not in capsys.readouterr().out  # nothing half-imported


def test_an_ordinary_xlsx_still_imports(tmp_path, capsys):
    path = xlsx(tmp_path / "ok.xlsx", 5)
    assert main(["companies", "import", str(path)]) == 0, capsys.readouterr().err
    assert main(["companies", "list"]) == 0
    assert "Co 6" in capsys.readouterr().out
