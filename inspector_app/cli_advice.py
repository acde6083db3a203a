"""What the user can do about a message, in the command line's words: its commands.

A service raises a message with a ``Hint`` (``errors.py``) and never names a command; the
window words the same hints with its pages, menus and buttons (``ui/advice.py``). ``cli.main``
installs :func:`advise` before a command runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from inspector_app.errors import Hint
from inspector_app.i18n import N_, render

ADVICE: dict[str, str] = {
    Hint.ALLOCATE_NUMBERS: N_("Ask the office to allocate a number block (numbers allocate "
                              "--type {value} --year {year}), then import its sync bundle "
                              "(sync import)."),
    Hint.IMPORT_IDENTITY: N_("Import the enrolment file from the office first (identity "
                             "import)."),
    Hint.CREATE_ORG: N_("Run 'org init' on the supervisor's computer first."),
    Hint.NAME_ONE_COMPUTER: N_("Give the device id (profile show on the laptop prints it)."),
    Hint.NAME_UNKNOWN_COMPUTER: N_("Give its device id (profile show on the laptop prints it) "
                                   "or import one of its bundles first."),
    Hint.REVIEW_NUMBER_CLASH: N_("Mark it reviewed with: sync resolve {conflict_id} "
                                 "--reviewed"),
    Hint.KEEP_ONE_VERSION: N_("Keep one with: sync resolve {conflict_id} --keep "
                              "local|incoming"),
    Hint.SEE_CONFLICTS: N_("— see sync conflicts"),
    Hint.RECORD_FILING: N_("Use plans-registry file."),
    Hint.LIST_TEMPLATES: N_("See `inspector-app forms list`."),
    Hint.LIST_COMPANIES: N_("See `inspector-app companies list`."),
    Hint.LIST_UNITS: N_("See `inspector-app units list`."),
    Hint.LIST_CAMPAIGNS: N_("See `inspector-app campaigns list`."),
    Hint.ADD_HOLIDAYS: N_("— add the State Council's notice with --holidays FILE for the "
                          "Spring Festival and the other holidays"),
    Hint.LAYOUT_WORKBOOK: N_("Start from the layout workbook (inspector-app forms layout -o "
                             "FILE.xlsx)."),
    Hint.GENERATE_YEAR_PLAN: N_("Generate one with plan-year {year}."),
}


def advise(hint: str, params: Mapping[str, Any], lang: str | None) -> str | None:
    """The command to use for ``hint``, in ``lang``; None for a hint without one."""
    message = ADVICE.get(hint)
    return None if message is None else render(message, params, lang)
