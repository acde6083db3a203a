"""The SQL of sync: what an export reads and an import checks and records.

The merge itself (services/sync/merge.py) writes rows of any table by name and keeps its own
SQL; everything else the sync services ask of the database is here, as typed functions.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlite_utils import Database

# Pages SQLite keeps in memory while an import writes (negative: KiB). The default 2 MB makes
# every insert into a large index read its pages again; 64 MB holds the indexes a district's
# year touches, and stays far below the import's memory budget.
_BULK_CACHE_KIB = 64 * 1024


@contextlib.contextmanager
def bulk_cache(db: Database) -> Iterator[None]:
    """A larger page cache for the duration of a bulk write, the usual one afterwards."""
    before = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{_BULK_CACHE_KIB}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {int(before)}")
