"""Services report progress through one typed protocol, which the window's tasks offer."""

from __future__ import annotations

import ast
from pathlib import Path

import inspector_app

PACKAGE = Path(inspector_app.__file__).parent
SERVICES = PACKAGE / "services"
PROGRESS_NAMES = {"progress", "control"}
# services/sync calls the protocol Control (services/sync/export.py: Control = Progress).
PROGRESS_TYPES = {"Progress", "Progress | None", "Control", "Control | None"}


def _progress_parameters() -> list[tuple[str, str, str]]:
    """(file:line, parameter, annotation) of every function parameter named like progress."""
    found = []
    for path in sorted(SERVICES.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            args = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
            for arg in args:
                if arg.arg in PROGRESS_NAMES:
                    annotation = ast.unparse(arg.annotation) if arg.annotation else ""
                    where = f"{path.relative_to(PACKAGE)}:{node.lineno}"
                    found.append((where, arg.arg, annotation))
    return found


def test_every_service_progress_parameter_is_the_progress_protocol():
    parameters = _progress_parameters()
    assert len(parameters) >= 5  # documents, photos, sync, dispatch, year plan take one
    untyped = [p for p in parameters if p[2] not in PROGRESS_TYPES]
    assert untyped == []


def test_the_protocol_is_what_the_windows_task_control_offers():
    from inspector_app.services.progress import Progress
    from inspector_app.ui.tasks import TaskControl

    needed = {name for name in vars(Progress) if not name.startswith("_")}
    assert needed == {"progress", "check_cancelled"}
    assert all(callable(getattr(TaskControl, name)) for name in needed)

