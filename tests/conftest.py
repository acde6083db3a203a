"""Every test gets a fresh data dir and runs Qt offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from pathlib import Path

import pytest

from inspector_app.paths import DATA_DIR_ENV, DataDir
from inspector_app.services import messages
from inspector_app.services.context import AppContext


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataDir:
    """A fresh data dir; also the default, so nothing reaches the real user's data."""
    root = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(root))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return DataDir(root)


@pytest.fixture
def ctx(data_dir: DataDir):
    context = AppContext(data_dir)
    yield context
    context.close()


@pytest.fixture(autouse=True)
def _reset_message_sink():
    yield
    messages.install_sink(None)
