"""DESIGN.md layers: ui → services → storage → domain; only ui imports QtWidgets."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "inspector_app"


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def modules_under(sub: str) -> list[Path]:
    return sorted((PACKAGE / sub).rglob("*.py")) if sub else sorted(PACKAGE.rglob("*.py"))


def test_only_ui_imports_qtwidgets():
    offenders = []
    for path in modules_under(""):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "ui" or rel.name == "app.py":
            continue
        if any(name.startswith("PySide6.QtWidgets") for name in imports_of(path)):
            offenders.append(str(rel))
    assert offenders == []


def test_app_imports_qtwidgets_only_inside_run_gui():
    # app.py starts the GUI; the CLI imports it lazily, so headless commands never load widgets.
    tree = ast.parse((PACKAGE / "app.py").read_text(encoding="utf-8"))
    top_level = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    assert not any("PySide6" in (getattr(n, "module", "") or "") for n in top_level)


def test_domain_has_no_qt_and_no_sql():
    for path in modules_under("domain"):
        for name in imports_of(path):
            assert not name.startswith(("PySide6", "sqlite3", "sqlite_utils")), (path, name)


def test_lower_layers_do_not_import_upper_layers():
    rules = {
        "domain": ("inspector_app.storage", "inspector_app.services", "inspector_app.ui"),
        "storage": ("inspector_app.services", "inspector_app.ui"),
        "services": ("inspector_app.ui",),
    }
    for layer, forbidden in rules.items():
        for path in modules_under(layer):
            for name in imports_of(path):
                assert not name.startswith(forbidden), (str(path.relative_to(PACKAGE)), name)
