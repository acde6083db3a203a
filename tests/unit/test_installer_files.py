"""What the Windows installer script expects matches what the PyInstaller spec builds.

The installer cannot be built here (Inno Setup runs on Windows), so its script is read: the
executables and folders it names must be the ones the spec makes, and, once a bundle has been
built (`make installer`), the files it installs or points to must be in it.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path

import pytest

from inspector_app import __version__

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build_installer.spec"
ISS = ROOT / "installer" / "windows" / "inspector.iss"


def _spec_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Tuple) \
                and isinstance(node.value, ast.Tuple):
            for target, value in zip(node.targets[0].elts, node.value.elts, strict=True):
                if isinstance(target, ast.Name) and isinstance(value, ast.Constant):
                    names[target.id] = value.value
    return names


def _iss() -> tuple[dict[str, str], str]:
    text = ISS.read_text(encoding="utf-8")
    defines = dict(re.findall(r'^#define (\w+) "([^"]*)"', text, re.MULTILINE))
    expanded = re.sub(r"\{#(\w+)\}", lambda m: defines.get(m.group(1), m.group(0)), text)
    return defines, expanded


def _app_files(expanded: str) -> set[str]:
    """Files of the installed folder the script points to: {app}\\NAME."""
    return set(re.findall(r"\{app\}\\([\w.-]+)", expanded))


def _bundle() -> Path:
    defines, _ = _iss()
    return (ISS.parent / defines["BundleDir"].replace("\\", "/")).resolve()


def test_the_script_installs_the_bundle_the_spec_builds():
    names = _spec_names()
    defines, expanded = _iss()
    assert defines["GuiExe"] == f"{names['GUI_NAME']}.exe"
    assert defines["CliExe"] == f"{names['CLI_NAME']}.exe"
    assert _bundle() == ROOT / "dist" / names["FOLDER"]
    assert _app_files(expanded) <= {defines["GuiExe"], defines["CliExe"]}
    for key in ("LicenseFile", "SetupIconFile"):
        value = re.search(rf"^{key}=(.+)$", expanded, re.MULTILINE).group(1)
        assert (ISS.parent / value.replace("\\", "/")).is_file(), key


def test_inspx_opens_the_windowed_program_with_the_file():
    defines, expanded = _iss()
    command = re.search(r'shell\\open\\command".*ValueData: "(.*)"$', expanded, re.MULTILINE)
    assert command.group(1) == f'""{{app}}\\{defines["GuiExe"]}"" ""%1""'


def test_the_version_resource_carries_the_package_version(tmp_path):
    sys.path.insert(0, str(ROOT / "installer" / "windows"))
    try:
        import version_info
    finally:
        sys.path.pop(0)
    assert version_info.version_numbers("0.1.0") == (0, 1, 0, 0)
    assert version_info.version_numbers("1.2rc1") == (1, 2, 1, 0)
    path = version_info.write_version_file(tmp_path / "v.txt", __version__, "Inspector.exe",
                                           "Inspector")
    text = path.read_text(encoding="utf-8")
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    assert f"filevers={version_info.version_numbers(__version__)}" in text
    if importlib.util.find_spec("pefile"):  # PyInstaller's parser needs it (Windows)
        from PyInstaller.utils.win32.versioninfo import load_version_info_from_text_file

        assert load_version_info_from_text_file(str(path)).ffi.fileVersionMS == \
            (version_info.version_numbers(__version__)[0] << 16) | \
            version_info.version_numbers(__version__)[1]


@pytest.mark.skipif(not (ROOT / "dist" / "inspector-app").is_dir(),
                    reason="no bundle built (make installer)")
def test_the_built_bundle_has_what_the_script_installs():
    bundle = _bundle()
    _, expanded = _iss()
    suffix = ".exe" if sys.platform == "win32" else ""
    for name in _app_files(expanded):
        assert (bundle / (Path(name).stem + suffix)).is_file(), name
    assert (bundle / "LICENSE").is_file() and (bundle / "THIRD_PARTY_NOTICES.txt").is_file()
    internal = bundle / "_internal" / "inspector_app"
    assert (internal / "resources" / "THIRD_PARTY_NOTICES.txt").is_file()
    assert sorted(p.name for p in (internal / "forms").glob("*.yaml")) == \
        sorted(p.name for p in (ROOT / "forms").glob("*.yaml"))
    shipped = {p.name.lower() for p in bundle.rglob("*")}
    assert not [n for n in shipped if "qt6quick" in n or "virtualkeyboard" in n]
