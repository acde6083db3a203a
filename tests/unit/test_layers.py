"""docs/DESIGN.md layers: ui, commands → services → storage → domain; only ui imports QtWidgets."""

import ast
import re
from pathlib import Path

from inspector_app.services.sync.tables import NEVER_CARRIED, TABLES
from inspector_app.storage.db import open_database

PACKAGE = Path(__file__).resolve().parents[2] / "inspector_app"

# Front-end modules allowed to reach into storage: none. A page, dialog or command goes through
# the context's services (docs/DESIGN.md); when it needs a query no service offers, it gets a
# named service method, not an entry here.
FRONT_END_STORAGE_IMPORTS: set[tuple[str, str]] = set()


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            # ``from inspector_app.ui import messages`` names a module too.
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def modules_under(sub: str) -> list[Path]:
    return sorted((PACKAGE / sub).rglob("*.py")) if sub else sorted(PACKAGE.rglob("*.py"))


def arrows(layer: str, target: str) -> set[tuple[str, str]]:
    """(module of ``layer``, module of ``target`` it imports), ``from x import y`` counted once."""
    found = set()
    for path in modules_under(layer):
        rel = path.relative_to(PACKAGE).as_posix()
        for name in imports_of(path):
            if name == target or name.startswith(target + "."):
                found.add((rel, name))
    # "from inspector_app.storage.db import connect" also yields ...db.connect: keep the module.
    return {(rel, name) for rel, name in found
            if not any(other != name and name.startswith(other + ".")
                       for r, other in found if r == rel)}


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


def test_no_qt_at_all_below_the_front_ends():
    # Services run in the CLI and on worker threads; the Qt parts of background work
    # (ui/tasks.py) and of messages (ui/message_bridge.py) live in ui.
    offenders = [(layer, name) for layer in ("domain", "storage", "services")
                 for _, name in arrows(layer, "PySide6")]
    assert offenders == []


def test_lower_layers_do_not_import_upper_layers():
    front_ends = ("inspector_app.ui", "inspector_app.commands", "inspector_app.cli",
                  "inspector_app.app")
    rules = {
        "domain": ("inspector_app.storage", "inspector_app.services", *front_ends),
        "storage": ("inspector_app.services", *front_ends),
        "services": front_ends,
    }
    for layer, forbidden in rules.items():
        for path in modules_under(layer):
            for name in imports_of(path):
                assert not name.startswith(forbidden), (str(path.relative_to(PACKAGE)), name)


def test_the_two_front_ends_do_not_import_each_other():
    both = arrows("ui", "inspector_app.commands") | arrows("commands", "inspector_app.ui")
    assert both == set()


def test_no_new_front_end_import_of_storage():
    found = arrows("ui", "inspector_app.storage") | arrows("commands", "inspector_app.storage")
    assert sorted(found - FRONT_END_STORAGE_IMPORTS) == [], (
        "a page, dialog or command reads or writes through a service, never storage")
    # A converted import leaves the list, so that the list keeps telling the truth.
    assert sorted(FRONT_END_STORAGE_IMPORTS - found) == []


def reach_through_in(path: Path) -> list[int]:
    """Lines where a module uses a service's repository (``svc.repo.plans()``,
    ``self.service.repo.row(...)``) instead of asking the service."""
    return [node.lineno for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute)
            and node.value.attr == "repo"
            and not (isinstance(node.value.value, ast.Name) and node.value.value.id == "self")]


def test_front_ends_ask_services_not_their_repositories():
    found = {path.relative_to(PACKAGE).as_posix(): lines
             for path in modules_under("ui") + modules_under("commands")
             if (lines := reach_through_in(path))}
    assert found == {}, "a page, dialog or command asks the service; a missing query becomes " \
                        "a service method"


def test_the_reach_through_finder_finds_it(tmp_path):
    module = tmp_path / "page.py"
    module.write_text("rows = svc.repo.plans()\nrow = self.service.repo.row(x)\n"
                      "kept = self.repo.list()\n", encoding="utf-8")
    assert reach_through_in(module) == [1, 2]


def test_every_table_is_carried_by_sync_or_says_why_not(tmp_path):
    db = open_database(tmp_path / "inspector.db")
    try:
        tables = set(db.table_names())
    finally:
        db.close()
    carried = {spec.name for spec in TABLES}
    assert carried & set(NEVER_CARRIED) == set()
    assert sorted(tables - carried - set(NEVER_CARRIED)) == [], (
        "a new table goes in services/sync/tables.py: TABLES (and row_schema.py) or "
        "NEVER_CARRIED with its reason")
    # Names of tables that no longer exist would hide a renamed one.
    assert sorted((carried | set(NEVER_CARRIED)) - tables) == []
    assert all(reason.strip() for reason in NEVER_CARRIED.values())


def test_design_document_names_only_files_that_exist():
    # docs/DESIGN.md tells newcomers which files to touch: a moved file must not leave it lying.

    root = PACKAGE.parent
    text = (root / "docs" / "DESIGN.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([\w./-]+\.(?:py|md|ts))`", text))
    assert len(named) > 20
    bases = (root, PACKAGE, PACKAGE / "services", PACKAGE / "services" / "sync",
             root / "tests" / "unit")
    missing = sorted(n for n in named if "NAME" not in n  # the placeholder for a new file
                     and not any((base / n).exists() for base in bases))
    assert missing == []


# Services that run SQL themselves instead of asking a repository in storage/: none any more,
# and a new service asks a repository too (docs/DESIGN.md).
SERVICES_RUNNING_SQL: set[str] = set()
# The sync merge writes rows of any table by name: the one intended exception.
TABLE_GENERIC_SQL = {"services/sync/merge.py"}

_SQL_TEXT = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|PRAGMA|CREATE|DROP|ALTER|WITH"
                       r"|BEGIN|VACUUM|ANALYZE)\b")
_SQL_CALLS = {"execute", "executemany", "executescript", "query"}


def sql_in(path: Path) -> list[tuple[int, str]]:
    """Where a module runs SQL: a statement's text, a connection's execute/query, or a table
    reached by name (``db["table"]``)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and _SQL_TEXT.match(node.value)):
            found.append((node.lineno, node.value.strip()[:40]))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in _SQL_CALLS):
            found.append((node.lineno, f".{node.func.attr}("))
        elif isinstance(node, ast.Subscript) and (
                (isinstance(node.value, ast.Attribute) and node.value.attr == "db")
                or (isinstance(node.value, ast.Name) and node.value.id == "db")):
            found.append((node.lineno, "db[...]"))
    return sorted(found)


def test_sql_runs_only_in_storage():
    running = {}
    for path in modules_under(""):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("storage/") or rel in TABLE_GENERIC_SQL:
            continue
        if found := sql_in(path):
            running[rel] = found
    front_ends = {rel: found for rel, found in running.items()
                  if not rel.startswith(("services/", "domain/"))}
    assert front_ends == {}, "a page, dialog or command asks a service, it never runs SQL"
    assert sorted(set(running) - SERVICES_RUNNING_SQL) == [], (
        "a service asks a repository in storage/ for its rows; SQL stays in storage/")
    # A service that stopped running SQL leaves the list, so that the list keeps telling the truth.
    assert sorted(SERVICES_RUNNING_SQL - set(running)) == []


def test_the_sql_finder_finds_sql(tmp_path):
    # The test above passes for a front-end only because the finder would have seen its SQL.
    module = tmp_path / "page.py"
    module.write_text('rows = ctx.db.execute("SELECT id FROM companies").fetchall()\n'
                      'n = db["photos"].count\n'
                      'total = ctx.db.query(sql)\n', encoding="utf-8")
    assert sorted(line for line, _what in sql_in(module)) == [1, 1, 2, 3]
    module.write_text('label = tr("Select a company")\nwidget.selectRow(0)\n', encoding="utf-8")
    assert sql_in(module) == []


def test_a_command_imports_only_the_shared_helpers_of_other_commands():
    # What several commands need lives in commands/common.py (and passphrases.py, and when.py
    # for dates in the user's style), so that changing one command never breaks another.
    shared = {"inspector_app.commands.common", "inspector_app.commands.passphrases",
              "inspector_app.commands.when"}
    assert sorted((module, name) for module, name in arrows("commands", "inspector_app.commands")
                  if module != "commands/__init__.py" and name not in shared) == []


def test_printed_documents_are_laid_out_from_domain_data_only():
    # services/pdf turns a record into pages: it reads domain data (InspectionRecord included)
    # and fonts, never the database or another service (the program's version is printed; its
    # errors carry message ids from the catalogue, inspector_app.i18n).
    allowed = ("inspector_app.domain", "inspector_app.services.pdf", "inspector_app.errors",
               "inspector_app.i18n", "inspector_app.paths")
    reached = sorted((module, name) for module, name in arrows("services/pdf", "inspector_app")
                     if name != "inspector_app" and not name.startswith(allowed))
    assert reached == []
