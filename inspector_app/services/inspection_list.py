"""The list of inspections, for what only reads it (``inspections list``, the Inspections page).

``InspectionService`` brings the whole of doing an inspection (checklists, numbering, the audit
log, sqlite-utils); a listing needs its two queries only, so that a command and the window's
first page start without the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from inspector_app.storage.inspections_repo import InspectionFilter, InspectionRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

    from inspector_app.services.context import AppContext

__all__ = ["InspectionFilter", "count_inspections", "count_planned", "list_inspections"]


def _repo(ctx: AppContext) -> InspectionRepo:
    # list() and count() only run SQL, which a plain connection (AppContext.reader) runs as
    # sqlite-utils' Database does.
    return InspectionRepo(cast("Database", ctx.reader))


def list_inspections(ctx: AppContext, flt: InspectionFilter | None = None, *,
                     sort: str = "started", descending: bool = True, limit: int | None = None,
                     offset: int = 0) -> list[dict[str, Any]]:
    """The inspections ``flt`` selects, as ``InspectionService.list`` gives them."""
    return _repo(ctx).list(flt, sort=sort, descending=descending, limit=limit, offset=offset)


def count_inspections(ctx: AppContext, flt: InspectionFilter | None = None) -> int:
    """How many inspections ``list_inspections`` gives for ``flt``."""
    return _repo(ctx).count(flt)


def count_planned(ctx: AppContext) -> int:
    """Planned inspections still waiting to be started (``PlanService.planned_count``), read
    without the plan services: the count is on the page the window opens on."""
    from inspector_app.storage.plans_repo import PlanRepo

    return PlanRepo(cast("Database", ctx.reader)).planned_count()
