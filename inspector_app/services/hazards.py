"""The hazard ledger (隐患台账) for the Hazards page and the ``hazards`` command: every hazard
with its company, deadline and state, filtered, counted and sorted by the repository
(``storage/hazards_repo.py``). Its words and its CSV file: ``services/reports/hazard_ledger.py``.
"""

from __future__ import annotations

from inspector_app.storage.hazards_repo import (
    LEDGER_SORTS,
    NOT_CLOSED,
    STATUS_FILTERS,
    HazardLedger,
    LedgerCounts,
    LedgerFilter,
)

__all__ = ["LEDGER_SORTS", "NOT_CLOSED", "STATUS_FILTERS", "HazardLedger", "LedgerCounts",
           "LedgerFilter"]
