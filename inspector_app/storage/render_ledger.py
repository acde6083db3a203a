"""Which rendering this computer made for each document slot of the render cache, and the
SHA-256 of its bytes (``render_ledger``; see ``render_cache``). Callers own the transactions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from inspector_app.domain.records import utcnow_iso

if TYPE_CHECKING:
    from sqlite_utils import Database


class RenderLedger:
    def __init__(self, db: Database) -> None:
        self.db = db

    def made(self, slot: str) -> tuple[str, str] | None:
        """The render key and SHA-256 of the rendering last made for ``slot``, or None."""
        row = self.db.execute("SELECT render_key, sha256 FROM render_ledger WHERE slot = ?",
                              [slot]).fetchone()
        return (str(row[0]), str(row[1])) if row else None

    def sha256(self, slot: str, key: str) -> str | None:
        """The SHA-256 of the rendering made for ``slot`` under ``key``, or None (none made
        here under that key)."""
        made = self.made(slot)
        return made[1] if made is not None and made[0] == key else None

    def record(self, slot: str, key: str, sha256: str) -> None:
        """The rendering of ``slot`` under ``key``, of these bytes, was just kept."""
        self.db.execute(
            "INSERT INTO render_ledger (slot, render_key, sha256, written_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT(slot) DO UPDATE SET render_key = excluded.render_key, "
            "sha256 = excluded.sha256, written_at = excluded.written_at",
            [slot, key, sha256, utcnow_iso()])
