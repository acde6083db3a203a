"""Files the program writes: never a formula in a spreadsheet cell, never success on a full
disk, never a device or a folder replaced, a clear message for every target that cannot be."""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import os
import stat
import subprocess

import pytest

from inspector_app.cli import main
from inspector_app.domain.text import spreadsheet_text
from inspector_app.errors import DiskFullError
from inspector_app.services.reports.hazard_ledger import ledger_csv
from inspector_app.storage.files import write_atomic_checked, write_fully
from tests import pdf_scenarios as sc
from tests.failing_disk import fail_on

FORMULAS = ["=HYPERLINK(\"http://x\",\"点我\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]


def hazards_csv(ctx, tmp_path, capsys) -> list[list[str]]:
    out = tmp_path / "ledger.csv"
    assert main(["hazards", "export-csv", "-o", str(out)]) == 0, capsys.readouterr().err
    return list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))


def test_cells_that_would_be_formulas_are_written_as_text(ctx, tmp_path, capsys):
    built = sc.official_inspection(ctx)
    insp, _, _ = sc.services(ctx)
    for n, text in enumerate(FORMULAS):
        finding = insp.add_finding(built.inspection_id, description=text, grade="general",
                                   requirement=f"整改{n}")
        # Entry refuses tabs and line breaks in one-line fields; older or imported rows may
        # still hold them, so the value goes in underneath.
        ctx.db.execute("UPDATE findings SET responsible = ? WHERE id = ?", [text, finding.id])
    ctx.close()
    rows = hazards_csv(ctx, tmp_path, capsys)
    cells = [cell for row in rows[1:] for cell in row]
    for text in FORMULAS:
        assert "'" + text in cells, text
    # Nothing a spreadsheet would evaluate is left anywhere in the file.
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "二号仓库配电箱门缺失" in cells  # ordinary text untouched


def test_spreadsheet_text_leaves_ordinary_values_alone():
    assert spreadsheet_text("2026-12-13") == "2026-12-13"
    assert spreadsheet_text("3") == "3"
    assert spreadsheet_text("=1") == "'=1"
    rows = [{"description": "=1+1", "grade": "general", "status": "open"}]
    assert "'=1+1" in ledger_csv(rows).decode("utf-8-sig")


# -- full disks ------------------------------------------------------------------------------------
def test_a_write_to_a_full_device_is_a_failure():
    fd = os.open("/dev/full", os.O_WRONLY)
    try:
        with pytest.raises(OSError) as caught:
            write_fully(fd, b"x" * 100_000)
    finally:
        os.close(fd)
    assert caught.value.errno == errno.ENOSPC


@pytest.fixture
def small_disk(tmp_path):
    """A 64 KB file system: writing more than fits fails as on a full USB stick."""
    mount = tmp_path / "stick"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root)")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_is_reported_and_leaves_nothing(small_disk, tmp_path):
    target = small_disk / "big.csv"
    with pytest.raises(DiskFullError, match="disk is full"):
        write_atomic_checked(target, b"x" * 200_000)
    assert list(small_disk.iterdir()) == []


def test_hazards_export_to_a_full_disk_exits_non_zero(ctx, small_disk, tmp_path, capsys):
    built = sc.official_inspection(ctx)
    insp, _, _ = sc.services(ctx)
    for _ in range(40):
        insp.add_finding(built.inspection_id, description="配电箱门缺失" * 300, grade="general")
    ctx.close()
    target = small_disk / "ledger.csv"
    assert main(["hazards", "export-csv", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "disk is full" in err and "internal error" not in err
    assert list(small_disk.iterdir()) == []


# -- targets that are no place for a file ---------------------------------------------------------
@pytest.fixture
def data(ctx):
    sc.official_inspection(ctx)
    ctx.close()


def export(target: str) -> list[str]:
    return ["hazards", "export-csv", "-o", target]


def test_a_device_as_output_is_refused_and_left_alone(data, capsys):
    before = os.stat("/dev/full")
    assert main(export("/dev/full")) == 1
    err = capsys.readouterr().err
    assert "is a device, a FIFO or another special file" in err
    after = os.stat("/dev/full")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_a_fifo_as_output_is_refused_and_stays_a_fifo(data, tmp_path, capsys):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert main(export(str(fifo))) == 1
    assert "not a regular file" in capsys.readouterr().err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_folder_as_output_is_refused(data, tmp_path, capsys):
    folder = tmp_path / "reports"
    folder.mkdir()
    assert main(export(str(folder))) == 1
    assert f"{folder} is a folder: give the name of a file" in capsys.readouterr().err
    assert folder.is_dir() and list(folder.iterdir()) == []


def test_a_read_only_file_is_not_replaced(data, tmp_path, capsys):
    target = tmp_path / "ledger.csv"
    target.write_text("kept")
    target.chmod(0o444)
    assert main(export(str(target))) == 1
    assert "is read-only; it was not replaced" in capsys.readouterr().err
    assert target.read_text() == "kept"


def test_a_file_name_too_long_is_explained(data, tmp_path, capsys):
    target = tmp_path / ("隐患台账" * 30 + ".csv")  # 366 bytes in UTF-8
    assert main(export(str(target))) == 1
    err = capsys.readouterr().err
    assert "file name is too long for this file system" in err and "internal" not in err
    assert list(tmp_path.glob("*.csv")) == []


def test_a_missing_folder_is_explained(data, tmp_path, capsys):
    assert main(export(str(tmp_path / "gone" / "ledger.csv"))) == 1
    assert "does not exist" in capsys.readouterr().err


def test_pdf_and_template_exports_refuse_a_fifo_too(ctx, tmp_path, capsys):
    built = sc.official_inspection(ctx)
    ctx.close()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert main(["export", "pdf", built.inspection_id, "--document", "record",
                 "-o", str(fifo)]) == 1
    assert main(["forms", "export", "test-small@1", "-o", str(fifo)]) == 1
    err = capsys.readouterr().err
    assert err.count("not a regular file") == 2, err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


# -- durations ------------------------------------------------------------------------------------
@pytest.mark.parametrize("days", ["-5", "0", "100000"])
def test_absurd_certificate_durations_are_refused(tmp_path, capsys, days):
    secret = tmp_path / "org.pass"
    secret.write_text("office-secret-1\n")
    assert main(["org", "init", "--name", "泉台区应急管理局", "--passphrase-file",
                 str(secret)]) == 0
    out = tmp_path / "张伟.p12"
    assert main(["org", "issue", "--name", "张伟", "--days", days, "-o", str(out),
                 "--passphrase-file", str(secret)]) == 1
    err = capsys.readouterr().err
    assert f"valid for 1 to 3650 days (ten years); {int(days)} days was asked for" in err
    assert not out.exists()
    with contextlib.suppress(FileNotFoundError):
        assert not list(tmp_path.glob("*.part"))


@pytest.mark.parametrize("output", ["report", "enrolment"])
def test_an_output_on_a_stick_pulled_out_names_its_folder(data, tmp_path, capsys, monkeypatch,
                                                          output):
    """Checked before the work (a report's figures, a certificate's number), as the window
    checks it: the stick's EIO is told with the folder, not as an internal error."""

    secret = tmp_path / "org.pass"
    secret.write_text("office-secret-1\n")
    if output == "enrolment":
        assert main(["org", "init", "--name", "泉台区应急管理局", "--passphrase-file",
                     str(secret)]) == 0
    stick = tmp_path / "usb"
    stick.mkdir()
    fail_on(monkeypatch, "is_dir", stick)
    if output == "report":
        args = ["report", "dispatch", "--from", "2026-01-01", "--to", "2026-06-30",
                "-o", str(stick / "figures.xlsx")]
    else:
        args = ["org", "issue", "--name", "张伟", "-o", str(stick / "张伟.p12"),
                "--passphrase-file", str(secret)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert f"({stick}): Input/output error" in err and "internal" not in err
    monkeypatch.undo()
    assert list(stick.iterdir()) == []
