"""The district's units (towns, sector departments, groups), its campaigns and the office's
escalation decisions, as the front-ends use them (``ctx.units``, ``ctx.campaigns``,
``ctx.escalations``). The rows are kept by ``storage/units_repo.py`` and
``storage/escalations_repo.py``; the statistics over them are ``services/dispatch.py``."""

from __future__ import annotations

from inspector_app.storage.escalations_repo import EscalationRepo
from inspector_app.storage.units_repo import CampaignRepo, UnitRepo

__all__ = ["CampaignRepo", "EscalationRepo", "UnitRepo"]
