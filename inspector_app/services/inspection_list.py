"""The list of inspections, for what only reads it (``inspections list``, the Inspections page),
and what the page's filters and buttons read beside it.

``InspectionService`` brings the whole of doing an inspection (checklists, numbering, the audit
log, sqlite-utils); a listing needs its two queries only, so that a command and the window's
first page start without the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from inspector_app.storage import inspection_listing
from inspector_app.storage.inspection_listing import InspectionFilter
from inspector_app.storage.repositories import InspectorRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

    from inspector_app.domain.profile import Inspector
    from inspector_app.services.context import AppContext

__all__ = ["InspectionFilter", "count_inspections", "count_planned", "has_companies",
           "inspectors", "list_inspections", "towns"]


def _reader(ctx: AppContext) -> Database:
    # The listing only runs SQL, which a plain connection (AppContext.reader) runs as
    # sqlite-utils' Database does.
    return cast("Database", ctx.reader)


def list_inspections(ctx: AppContext, flt: InspectionFilter | None = None, *,
                     sort: str = "started", descending: bool = True, limit: int | None = None,
                     offset: int = 0) -> list[dict[str, Any]]:
    """The inspections ``flt`` selects, as ``InspectionService.list`` gives them."""
    return inspection_listing.list_inspections(_reader(ctx), flt, sort=sort,
                                               descending=descending, limit=limit, offset=offset)


def count_inspections(ctx: AppContext, flt: InspectionFilter | None = None) -> int:
    """How many inspections ``list_inspections`` gives for ``flt``."""
    return inspection_listing.count_inspections(_reader(ctx), flt)


def count_planned(ctx: AppContext) -> int:
    """Planned inspections still waiting to be started (``PlanService.planned_count``), read
    without the plan services: the count is on the page the window opens on."""
    from inspector_app.storage.plans_repo import PlanRepo

    return PlanRepo(cast("Database", ctx.reader)).planned_count()


def towns(ctx: AppContext) -> list[str]:
    """The towns of the companies, for the page's filter (``ctx.companies.towns()``)."""
    from inspector_app.storage.companies_repo import CompanyRepo

    return CompanyRepo(ctx.for_reading(), ctx.device.id).towns()


def has_companies(ctx: AppContext) -> bool:
    """Whether the register holds a company at all (``ctx.companies.has_any()``)."""
    from inspector_app.storage.companies_repo import CompanyRepo

    return CompanyRepo(ctx.for_reading(), ctx.device.id).has_any()


def inspectors(ctx: AppContext) -> list[Inspector]:
    """Every active inspector this computer knows, by name (``ctx.profile.inspectors()``)."""
    return InspectorRepo(ctx.for_reading(), ctx.device.id).all()
