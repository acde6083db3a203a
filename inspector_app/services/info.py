"""What ``inspector-app info`` tells: where the data lives and what it holds."""

from __future__ import annotations

from typing import Any

from inspector_app import __version__
from inspector_app.services.context import AppContext
from inspector_app.storage.db import row_counts
from inspector_app.storage.migrations import schema_version

COUNTED = ("companies", "inspectors", "templates", "inspections", "findings", "photos")


def describe(ctx: AppContext) -> dict[str, Any]:
    """The program's version, the data dir and database, the schema version, this device and
    how many records of each main kind the database holds."""
    return {
        "version": __version__,
        "data_dir": str(ctx.data_dir.root),
        "database": str(ctx.data_dir.database),
        "schema_version": schema_version(),
        "device_id": ctx.device.id,
        "counts": row_counts(ctx.db, COUNTED),
    }
