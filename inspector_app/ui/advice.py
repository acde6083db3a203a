"""What the user can do about a message, in the window's words: where in the window to do it.

A service raises a message with a ``Hint`` (``errors.py``) and never names a menu; the command
line words the same hints with its commands (``cli_advice.py``). The pages, menus and
buttons are named by their own texts in their own translation contexts, so the advice reads as
the window shows them, in the window's language. Installed by the main window (and
``app.run_gui``) with :func:`install`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from inspector_app.errors import Hint
from inspector_app.i18n import install_advisor

_MNEMONIC = re.compile(r"\(&\w\)")  # 工具(&T)
_MARK = re.compile(r"&(.)")            # &Tools, and && for an "&" shown


def _shown(context: str, source: str, lang: str | None) -> str:
    """A menu's or button's text as the window shows it (without its shortcut mark)."""
    text = source if lang == "en" else QCoreApplication.translate(context, source)
    return _MARK.sub(r"\1", _MNEMONIC.sub("", text))


def _page(cls: str, title: str, lang: str | None) -> str:
    """A page's title in the navigation (its "&" is text: "Plans & drills")."""
    return title if lang == "en" else QCoreApplication.translate(cls, title)


def _tr(source: str, lang: str | None) -> str:
    return source if lang == "en" else QCoreApplication.translate("Advice", source)


def menu_path(entry: str, lang: str | None = None) -> str:
    """``Tools → entry``: an entry of the Tools menu (its source text, as in ``MainWindow``),
    in ``lang`` (default: the window's language)."""
    return _tr(_IN_MENU, lang).format(_shown("MainWindow", "&Tools", lang),
                                      _shown("MainWindow", entry, lang))


_IN_MENU = str(QT_TRANSLATE_NOOP("Advice", "{0} → {1}"))
_IN_PAGE = str(QT_TRANSLATE_NOOP("Advice", "{0} page → {1}"))
# Each hint's words; {0}, {1} … are the places named by ``_places``.
TEXTS: dict[str, object] = {  # QT_TRANSLATE_NOOP: texts typed as objects
    Hint.ALLOCATE_NUMBERS: QT_TRANSLATE_NOOP(
        "Advice", "Ask the office for a number block (at the office: {0}), then import the "
                  "office's next bundle here ({1} page, {2})."),
    Hint.IMPORT_IDENTITY: QT_TRANSLATE_NOOP(
        "Advice", "Import the enrolment file from the office first ({0}, {1})."),
    Hint.CREATE_ORG: QT_TRANSLATE_NOOP(
        "Advice", "Create it on the supervisor's computer first ({0}, {1})."),
    Hint.NAME_ONE_COMPUTER: QT_TRANSLATE_NOOP(
        "Advice", "Choose the laptop from the list, or type the number prefix its window "
                  "shows at the right of the status bar."),
    Hint.NAME_UNKNOWN_COMPUTER: QT_TRANSLATE_NOOP(
        "Advice", "Import one of its bundles first ({0} page, {1}); the laptop is then in "
                  "the list."),
    Hint.REVIEW_NUMBER_CLASH: QT_TRANSLATE_NOOP(
        "Advice", "Select it on the {0} page and click {1}."),
    Hint.KEEP_ONE_VERSION: QT_TRANSLATE_NOOP(
        "Advice", "Select it on the {0} page and click {1} or {2}."),
    Hint.SEE_CONFLICTS: QT_TRANSLATE_NOOP("Advice", "— see the conflicts on the {0} page"),
    Hint.RECORD_FILING: QT_TRANSLATE_NOOP("Advice", "Use {1} on the {0} page."),
    Hint.LIST_TEMPLATES: QT_TRANSLATE_NOOP("Advice", "See the {0} page."),
    Hint.LIST_COMPANIES: QT_TRANSLATE_NOOP("Advice", "See the {0} page."),
    Hint.LIST_UNITS: QT_TRANSLATE_NOOP("Advice", "See {1} on the {0} page."),
    Hint.LIST_CAMPAIGNS: QT_TRANSLATE_NOOP("Advice", "See {1} on the {0} page."),
    Hint.ADD_HOLIDAYS: QT_TRANSLATE_NOOP(
        "Advice", "— add the State Council's notice with {1} ({0}) for the Spring Festival "
                  "and the other holidays"),
    Hint.LAYOUT_WORKBOOK: QT_TRANSLATE_NOOP(
        "Advice", "Start from a workbook in the layout: select a template on the {0} page, "
                  "click {1} and choose {2}."),
    Hint.GENERATE_YEAR_PLAN: QT_TRANSLATE_NOOP(
        "Advice", "Generate one first: {0}, choose the year and click {1}."),
}


def _places(hint: str, lang: str | None) -> list[str]:
    """The pages, menus and buttons ``TEXTS[hint]`` names, as the window shows them."""
    sync, import_ = _page("SyncPage", "Sync", lang), _shown("SyncPage", "&Import…", lang)
    places: dict[str, Callable[[], list[str]]] = {
        Hint.ALLOCATE_NUMBERS: lambda: [menu_path("Document-number &blocks…", lang), sync, import_],
        Hint.IMPORT_IDENTITY: lambda: [
            menu_path("Signing &identity…", lang),
            _shown("IdentityDialog", "&Import enrolment file…", lang)],
        Hint.CREATE_ORG: lambda: [menu_path("Office signing &authority…", lang),
                                  _shown("OrgDialog", "Create the organisation", lang)],
        Hint.NAME_UNKNOWN_COMPUTER: lambda: [sync, import_],
        Hint.REVIEW_NUMBER_CLASH: lambda: [sync, _shown("SyncPage", "Mark as reviewed", lang)],
        Hint.KEEP_ONE_VERSION: lambda: [
            sync, _shown("SyncPage", "Keep this computer's", lang),
            _shown("SyncPage", "Take the other", lang)],
        Hint.SEE_CONFLICTS: lambda: [sync],
        Hint.RECORD_FILING: lambda: [_page("EmergencyPage", "Plans & drills", lang),
                                     _shown("EmergencyPage", "Record filing…", lang)],
        Hint.LIST_TEMPLATES: lambda: [_page("TemplatesPage", "Templates", lang)],
        Hint.LIST_COMPANIES: lambda: [_page("CompaniesPage", "Companies", lang)],
        Hint.LIST_UNITS: lambda: [_page("DispatchPage", "Dispatch", lang),
                                  _shown("DispatchPage", "Units and campaigns…", lang)],
        Hint.LIST_CAMPAIGNS: lambda: [_page("DispatchPage", "Dispatch", lang),
                                      _shown("DispatchPage", "Units and campaigns…", lang)],
        Hint.ADD_HOLIDAYS: lambda: [
            _tr(_IN_PAGE, lang).format(_page("CompaniesPage", "Companies", lang),
                                       _shown("CompaniesPage", "&Yearly plan…", lang)),
            _shown("YearPlanDialog", "&Holidays…", lang)],
        Hint.LAYOUT_WORKBOOK: lambda: [_page("TemplatesPage", "Templates", lang),
                                       _shown("TemplatesPage", "E&xport…", lang),
                                       _shown("TemplatesPage", "Excel workbooks (*.xlsx)", lang)],
        Hint.GENERATE_YEAR_PLAN: lambda: [
            _tr(_IN_PAGE, lang).format(_page("CompaniesPage", "Companies", lang),
                                       _shown("CompaniesPage", "&Yearly plan…", lang)),
            _shown("YearPlanDialog", "&Generate", lang)],
    }
    return places[hint]() if hint in places else []


def advise(hint: str, params: Mapping[str, Any], lang: str | None) -> str | None:
    """Where in the window to do what ``hint`` names, in ``lang``; None for a hint the window
    has no place for."""
    text = TEXTS.get(hint)
    return None if text is None else _tr(str(text), lang).format(*_places(hint, lang))


def install() -> None:
    """Word every message's hint in the window's words from now on."""
    install_advisor(advise)
