"""The bundles this computer refused: a JSON-lines file beside the database.

A refusal changes nothing in the database (the import's promise, and what lets a supervisor
retry without fear), so its record is kept outside it. Only the newest ``KEEP`` are kept: a
stick full of damaged files must not grow the file without end.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

KEEP = 200


def add(path: Path, entry: dict[str, Any]) -> None:
    """Append ``entry``; past twice ``KEEP`` lines, keep the newest ``KEEP``."""
    line = json.dumps(entry, ensure_ascii=False) + "\n"
    with open(path, "a", encoding="utf-8") as out:
        out.write(line)
    lines = _lines(path)
    if len(lines) > 2 * KEEP:
        part = path.with_name(path.name + ".part")
        part.write_text("".join(lines[-KEEP:]), encoding="utf-8")
        os.replace(part, path)


def newest(path: Path, limit: int) -> list[dict[str, Any]]:
    """The newest ``limit`` entries, newest first; a damaged line is passed over."""
    found: list[dict[str, Any]] = []
    for line in reversed(_lines(path)):
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict):
            found.append(entry)
        if len(found) >= limit:
            break
    return found


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
    except FileNotFoundError:
        return []
