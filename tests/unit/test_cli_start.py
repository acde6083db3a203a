"""The command line loads only what the given command needs, and tells files from commands."""

from __future__ import annotations

import subprocess
import sys

import pytest

from inspector_app.cli import _plan, build_parser, main
from inspector_app.commands import COMMAND_MODULES, command_names


def _loaded_command_modules(argv: list[str]) -> list[str]:
    code = ("import sys; from inspector_app.cli import main\n"
            f"try: main({argv!r})\nexcept SystemExit: pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('inspector_app.commands.')),"
            " file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    return eval(result.stderr.strip().splitlines()[-1])


def test_version_loads_no_command_module():
    assert _loaded_command_modules(["--version"]) == []


def test_a_subcommand_loads_only_its_own_module(tmp_path):
    assert _loaded_command_modules(["--data-dir", str(tmp_path), "info"]) == [
        "inspector_app.commands.info"]


def test_help_still_lists_every_subcommand(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for module in COMMAND_MODULES:
        for command in command_names(module):
            assert command in out


def test_subcommand_help_and_typos_are_argparse_as_before(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["forms", "--help"])
    assert exit_.value.code == 0 and "validate" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_:
        main(["froms", "list"])
    assert exit_.value.code == 2 and "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["x.inspx"], ["--data-dir", "d", "Bundle.INSPX"],
                                  ["--lang", "en", "signed.pdf"]])
def test_a_bundle_or_pdf_opens_the_window(argv):
    assert _plan(argv) == ("open", None)


def test_an_existing_file_named_like_no_command_opens_too(tmp_path):
    file = tmp_path / "export"
    file.write_bytes(b"x")
    assert _plan([str(file)]) == ("open", None)


def test_every_command_module_registers_the_command_named_like_it():
    """The fast path finds a command's module by its name; a mismatch would load them all."""
    for module in COMMAND_MODULES:
        subcommands = build_parser([module])._subparsers._group_actions[0].choices
        assert set(subcommands) == set(command_names(module)), module


def test_a_command_named_unlike_its_module_loads_only_that_module(tmp_path):
    loaded = _loaded_command_modules(["--data-dir", str(tmp_path), "drills", "list"])
    assert "inspector_app.commands.emergency" in loaded
    assert len(loaded) < len(COMMAND_MODULES) // 2  # its own helpers, not every command


def test_a_missing_file_is_said_without_opening_a_window(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), str(tmp_path / "gone.inspx")]) == 2
    assert "gone.inspx: no such file" in capsys.readouterr().err


# Libraries only printing, photos, spreadsheets, signing, checking forms or sync need.
HEAVY = ("reportlab", "PIL", "openpyxl", "cryptography", "pyhanko", "jsonschema", "yaml",
         "PySide6", "inspector_app.services.sync")


def _loaded_heavy(argv: list[str]) -> list[str]:
    code = ("import sys; from inspector_app.cli import main\n"
            f"try: main({argv!r})\nexcept SystemExit: pass\n"
            f"print(sorted(m for m in sys.modules if m.startswith({HEAVY!r})), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    return eval(result.stderr.strip().splitlines()[-1])


def test_version_imports_no_heavy_library():
    assert _loaded_heavy(["--version"]) == []


@pytest.mark.parametrize("argv", [["info"], ["inspections", "list", "--json"],
                                  ["hazards", "counts"], ["hazards", "list", "--overdue"]])
def test_listing_and_counting_import_no_heavy_library(tmp_path, argv):
    assert _loaded_heavy(["--data-dir", str(tmp_path), *argv]) == []
