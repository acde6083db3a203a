"""The Linux desktop entry: icon, the .inspx MIME type, AppStream metainfo, user-local install."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "installer" / "linux"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _desktop() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(LINUX / "inspector-app.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_entry_opens_inspx_files_with_the_program_and_its_icon():
    entry = _desktop()
    mime = ET.parse(LINUX / "inspector-app-mime.xml").getroot().find(f"{MIME_NS}mime-type")
    assert mime.find(f"{MIME_NS}glob").get("pattern") == "*.inspx"
    assert entry["MimeType"].rstrip(";").split(";") == [mime.get("type")]
    assert entry["Exec"].split()[-1] == "%f"  # the file is handed to `inspector-app FILE`
    assert (ROOT / "resources" / "icons" / f"{entry['Icon']}.svg").exists()
    metainfo = ET.parse(LINUX / "inspector-app.metainfo.xml").getroot()
    assert metainfo.find("launchable").text == "inspector-app.desktop"
    assert metainfo.find("provides/mediatype").text == mime.get("type")


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_the_entry_is_valid():
    result = subprocess.run(["desktop-file-validate", str(LINUX / "inspector-app.desktop")],
                            capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@pytest.mark.skipif(not shutil.which("make"), reason="make")
def test_make_install_desktop_installs_for_this_user_only(tmp_path):
    data = tmp_path / "share"
    subprocess.run(["make", "-s", "install-desktop", f"XDG_DATA_HOME={data}",
                    "DESKTOP_EXEC=/opt/inspector/inspector-app"], cwd=ROOT, check=True,
                   capture_output=True, timeout=120)
    installed = (data / "applications" / "inspector-app.desktop").read_text("utf-8")
    assert 'Exec="/opt/inspector/inspector-app" %f' in installed
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / "inspector-app.png").exists()
    assert (data / "metainfo" / "inspector-app.metainfo.xml").exists()
    if shutil.which("update-mime-database"):
        globs = (data / "mime" / "globs2").read_text("utf-8")
        assert "application/x-inspector-bundle:*.inspx" in globs


def test_the_window_icon_comes_in_every_size(qapp):
    from inspector_app.ui.app_icon import app_icon

    icon = app_icon()
    assert not icon.isNull()
    assert {16, 32, 48, 256} <= {size.width() for size in icon.availableSizes()}
