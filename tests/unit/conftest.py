"""Fixtures for the unit tests of the storage layer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from inspector_app.storage.db import open_database


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated database of its own."""
    database = open_database(tmp_path / "x.sqlite3")
    yield database
    database.close()
