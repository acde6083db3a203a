"""LIKE patterns that take the user's text literally (for ``ESCAPE '\\'``).

A module of its own: the hazard ledger and the company register search with them, and neither
should load the inspections' repository (and the domain it reads) to do so.
"""

from __future__ import annotations


def _like_literal(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_pattern(text: str) -> str:
    """``%text%`` with LIKE's own characters taken literally (for ESCAPE '\\')."""
    return f"%{_like_literal(text)}%"


def like_prefix(text: str) -> str:
    """``text%`` with LIKE's own characters taken literally (for ESCAPE '\\')."""
    return f"{_like_literal(text)}%"
