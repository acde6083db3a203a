"""Where a hazard stands in its rectification lifecycle, and the labels of its grades and
statuses.

A module of its own, beside ``grade.py``: what only labels or counts hazards (the ledger's
counts, a listing) needs these and not the ``Finding`` record, whose dataclass machinery costs
every command that loads it milliseconds at start.
"""

from __future__ import annotations

from enum import StrEnum

from inspector_app.domain.bilingual import Bilingual
from inspector_app.domain.grade import Grade


class FindingStatus(StrEnum):
    OPEN = "open"              # ordered to rectify
    RECTIFIED = "rectified"    # company reports done, awaiting re-inspection
    CLOSED = "closed"          # accepted at re-inspection (销号)
    REOPENED = "reopened"      # not accepted at re-inspection, new deadline


# Overdue is counted only while the company still owes the work: a hazard it reports rectified
# waits on the office's re-inspection, not on the company (the ledger's ``due`` says the same).
AWAITING_COMPANY = (FindingStatus.OPEN, FindingStatus.REOPENED)


GRADE_LABELS = {Grade.GENERAL: Bilingual(zh="一般事故隐患", en="General accident hazard"),
                Grade.MAJOR: Bilingual(zh="重大事故隐患", en="Major accident hazard")}
STATUS_LABELS = {
    FindingStatus.OPEN: Bilingual(zh="待整改", en="Open"),
    FindingStatus.RECTIFIED: Bilingual(zh="已整改待复查", en="Rectified, awaiting re-inspection"),
    FindingStatus.CLOSED: Bilingual(zh="已销号", en="Closed"),
    FindingStatus.REOPENED: Bilingual(zh="复查未通过", en="Reopened"),
}
