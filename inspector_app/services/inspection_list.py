"""The list of inspections, for what only reads it (``inspections list``).

``InspectionService`` brings the whole of doing an inspection (checklists, numbering, the audit
log, sqlite-utils); a listing needs one query, on the plain connection ``AppContext.reader``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from inspector_app.storage.inspections_repo import InspectionFilter, InspectionRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

    from inspector_app.services.context import AppContext

__all__ = ["InspectionFilter", "list_inspections"]


def list_inspections(ctx: AppContext, flt: InspectionFilter | None = None) -> list[dict[str, Any]]:
    """The inspections ``flt`` selects, newest first, as ``InspectionService.list`` gives them."""
    # list() only runs SQL, which a plain connection does as sqlite-utils' Database does.
    return InspectionRepo(cast("Database", ctx.reader)).list(flt)
