"""The grade of a hazard: general (一般事故隐患) or major (重大事故隐患).

A module of its own so that what only labels or counts hazards (a listing) does not load the
checklist model that defines items and templates.
"""

from __future__ import annotations

from enum import StrEnum


class Grade(StrEnum):
    GENERAL = "general"
    MAJOR = "major"
