"""Fixtures shared by the unit tests: a database of their own, the office and two laptops."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlite_utils import Database

from inspector_app.storage.db import open_database

if TYPE_CHECKING:
    from tests.unit.test_sync import World


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated database of its own."""
    database = open_database(tmp_path / "x.sqlite3")
    yield database
    database.close()


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The language of each document actually laid out (not read from the render cache)."""
    from inspector_app.services import pdf

    made: list[str] = []
    real = pdf.render

    def counting(sheet):  # type: ignore[no-untyped-def]
        made.append(sheet.lang)
        return real(sheet)

    monkeypatch.setattr(pdf, "render", counting)
    return made


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    """The office and laptops A and B, each enrolled with the office's organisation."""
    from tests.unit.test_sync import World

    w = World(tmp_path)
    yield w
    w.close()
