"""Opening a file: a bundle opens its import on the Sync page, a PDF its verification; a later
start hands its file to the window already open on the same data dir."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QMessageBox

from inspector_app.ui.dialogs.verify_dialog import VerifyDialog
from inspector_app.ui.pages.sync import SyncPage
from inspector_app.ui.single_instance import LOCK_NAME, SingleInstance, hand_over, server_name

ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.pop("INSPECTOR_DATA_DIR", None)
    return env


@pytest.fixture
def holder(qapp, tmp_path):
    instance = SingleInstance(tmp_path)
    assert instance.acquire()
    yield instance
    instance.release()


def test_one_window_per_data_dir(holder, tmp_path):
    second = SingleInstance(tmp_path)
    assert not second.acquire()
    assert (tmp_path / LOCK_NAME).exists()
    holder.release()
    assert second.acquire()
    second.release()


def test_another_data_dir_is_not_locked(holder, tmp_path):
    other = SingleInstance(tmp_path / "other")
    (tmp_path / "other").mkdir()
    assert other.acquire()
    other.release()


def test_nobody_to_hand_over_to_is_said_quickly(qapp, tmp_path):
    start = time.monotonic()
    assert not hand_over(tmp_path, tmp_path / "x.inspx", seconds=0.5)
    assert time.monotonic() - start < 5


def test_a_second_start_hands_its_file_to_the_running_window(qtbot, holder, tmp_path):
    bundle = tmp_path / "laptop-3.inspx"
    bundle.write_bytes(b"PK")
    with qtbot.waitSignal(holder.request, timeout=60_000) as got:
        second = subprocess.Popen(
            [sys.executable, "-m", "inspector_app", "--data-dir", str(tmp_path), bundle.name],
            cwd=tmp_path, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True)
    assert got.args == [{"open": str(bundle)}]
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
    _, err = second.communicate()
    assert second.returncode == 0, err


def test_a_bundle_opens_its_import_on_the_sync_page(qtbot, window, tmp_path):
    bundle = tmp_path / "not-really.inspx"
    bundle.write_text("not a bundle")
    window.handle_request({"open": str(bundle)})
    sync = window.current_page()
    assert isinstance(sync, SyncPage)
    offer = sync.import_offer
    qtbot.waitUntil(offer.isVisible)
    assert str(bundle) in offer.text()
    with qtbot.waitSignal(sync.finished, timeout=20_000) as done:
        offer.button(QMessageBox.StandardButton.Yes).click()
    ok, text = done.args
    assert not ok and text  # the import checked the file and said what is wrong with it


def test_cancelling_the_offered_import_changes_nothing(qtbot, window, tmp_path):
    bundle = tmp_path / "b.inspx"
    bundle.write_text("x")
    offer = window.open_path(bundle)
    sync = window.current_page()
    offer.button(QMessageBox.StandardButton.Cancel).click()
    assert sync._task is None and sync.table.rowCount() == 0


def test_a_pdf_opens_its_verification(qtbot, window, tmp_path):
    pdf = tmp_path / "unsigned.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    dialog = window.open_path(pdf)
    assert isinstance(dialog, VerifyDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.path.text() == str(pdf)
    assert dialog.result is None or not dialog.result.ok
    assert dialog.verdict.text()
    dialog.close()


def _listening(data_dir: Path) -> bool:
    if not (data_dir / LOCK_NAME).exists():
        return False
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    connected = socket.waitForConnected(200)
    socket.abort()
    return connected


@pytest.mark.slow
def test_the_program_hands_over_between_two_real_starts(qtbot, tmp_path):
    data = tmp_path / "data"
    cli = [sys.executable, "-m", "inspector_app", "--data-dir", str(data)]
    subprocess.run([*cli, "profile", "set", "--name", "张伟", "--organisation", "泉台区应急管理局",
                    "--prefix", "QT01"], env=_env(), check=True, capture_output=True, timeout=120)
    first = subprocess.Popen(cli, env=_env(), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        log = data / "logs" / "inspector.log"
        pdf = tmp_path / "record.pdf"
        pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
        qtbot.waitUntil(lambda: _listening(data), timeout=120_000)  # the first window is up
        second = subprocess.run([*cli, str(pdf)], env=_env(), capture_output=True, text=True,
                                timeout=120)
        assert second.returncode == 0, second.stderr
        qtbot.waitUntil(lambda: log.exists() and str(pdf) in log.read_text("utf-8"),
                        timeout=30_000)
        assert first.poll() is None  # still running: the second start did not open a window
    finally:
        first.terminate()
        first.wait(30)
