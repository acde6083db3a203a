"""Every test gets a fresh data dir and runs Qt offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from pathlib import Path

import pytest

from inspector_app import i18n
from inspector_app.paths import DATA_DIR_ENV, DataDir
from inspector_app.services import key_encryption
from inspector_app.services.context import AppContext
from inspector_app.ui import messages

# The program speaks the system's language when nothing else is chosen (Chinese when the system
# names none): the suite runs in English unless a test asks for another language, in this
# process and in every command it starts.
for _variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_variable, None)
os.environ["LANG"] = "en_US.UTF-8"


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
def _cheap_key_derivation(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """600,000 PBKDF2 iterations take about a second here and the suite encrypts and unlocks
    keys hundreds of times: tests use few, except those marked ``real_kdf_cost``, which check
    the real cost."""
    if request.node.get_closest_marker("real_kdf_cost") is None:
        monkeypatch.setattr(key_encryption, "KDF_ITERATIONS", 1_000)


@pytest.fixture(autouse=True)
def _english_unless_asked():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(autouse=True)
def _reset_message_sink():
    yield
    messages.install_sink(None)
    i18n.install_advisor(None)  # a command's or a window's words for hints


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The reliability suite's counts (recorded as the ``reliability`` property), printed at
    the end of every run so they can be quoted without -s."""
    lines = [value for report in terminalreporter.stats.get("passed", [])
             + terminalreporter.stats.get("failed", [])
             for name, value in getattr(report, "user_properties", []) if name == "reliability"]
    if lines:
        terminalreporter.section("reliability")
        for line in lines:
            terminalreporter.write_line(str(line))
