"""The hazard ledger (隐患台账) for the Hazards page and the ``hazards`` command: every hazard
with its company, deadline and state, filtered, counted and sorted by the repository
(``storage/hazards_repo.py``). Its words and its CSV file: ``services/reports/hazard_ledger.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from inspector_app.storage.hazards_repo import (
    LEDGER_SORTS,
    NOT_CLOSED,
    STATUS_FILTERS,
    HazardLedger,
    LedgerCounts,
    LedgerFilter,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

__all__ = ["LEDGER_SORTS", "NOT_CLOSED", "STATUS_FILTERS", "HazardLedger", "LedgerCounts",
           "LedgerFilter", "name_items"]


def name_items(db: Database, rows: Sequence[dict[str, Any]], lang: str) -> None:
    """Give each ledger row its checklist item as the form shows it (``row["item"]``: the
    section, the item's number in it and its text), from the checklist its inspection was
    started with; a row whose checklist is not on this computer keeps the item's id."""
    # Imported here: a command that only counts hazards need not load the inspections' code.
    from inspector_app.errors import NotFoundError
    from inspector_app.services.inspections import snapshot_template
    from inspector_app.storage.inspections_repo import InspectionRepo

    repo = InspectionRepo(db)
    hashes = repo.template_hashes(r["inspection_id"] for r in rows if r.get("item_id"))
    names: dict[tuple[str, str], str] = {}
    for row in rows:
        item_id = row.get("item_id")
        content_hash = hashes.get(row["inspection_id"]) if item_id else None
        if not item_id or content_hash is None:
            row["item"] = item_id or ""
            continue
        key = (content_hash, item_id)
        if key not in names:
            try:
                place = snapshot_template(repo, content_hash).item_places.get(item_id)
            except NotFoundError:
                place = None
            if place is None:
                names[key] = item_id
            else:
                section, number = place
                item = section.items[number - 1]
                names[key] = f"{section.title.in_(lang)} {number}. {item.text.in_(lang)}"
        row["item"] = names[key]
