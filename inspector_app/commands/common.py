"""What several subcommands share: naming a record on the command line (an id, its first
characters, its number or its name), reading dates and industries from arguments, and laying
out text tables for a terminal that shows Chinese characters two columns wide (dates as the
user reads them are ``commands/when.py``)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from inspector_app.cli_parser import display_width
from inspector_app.errors import NotFoundError, ValidationError
from inspector_app.i18n import N_, _

if TYPE_CHECKING:  # imported when used: a listing must start fast (the hazards command too)
    from inspector_app.domain.profile import Inspector
    from inspector_app.services.context import AppContext
    from inspector_app.services.inspections import InspectionService

__all__ = ["MIN_PREFIX", "SHORT_ID", "clip", "date_arg", "day_arg", "display_width",
           "json_lines", "pad", "resolve_company", "resolve_id", "resolve_inspectors",
           "sectors_arg", "table"]

# A short id prefix is enough to name an inspection on the command line, like a git commit.
SHORT_ID = 8
MIN_PREFIX = 4


# -- text layout ---------------------------------------------------------------------------------
# display_width (terminal columns: Chinese characters take two) is cli_parser's, which aligns
# argparse's own help by it too.

def clip(text: str, limit: int) -> str:
    if display_width(text) <= limit:
        return text
    out, width = "", 0
    for ch in text:
        w = display_width(ch)
        if width + w > limit - 1:
            break
        out += ch
        width += w
    return out + "…"


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(display_width(str(r[i])) for r in [headers, *rows])
              for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(pad(str(c), w) for c, w in zip(cells, widths, strict=True)).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]),
                      *(line(r) for r in rows)])


def json_lines(rows: Sequence[dict[str, Any]]) -> str:
    """A JSON array with one row per line: readable, and written by json's C encoder (an
    indented dump goes through its Python one, several times slower on a district's list)."""
    if not rows:
        return "[]"
    import json  # only a command asked for JSON needs it

    # One encoder for every row: json.dumps() with an option builds a new one at each call.
    encode = json.JSONEncoder(ensure_ascii=False).encode
    return "[\n" + ",\n".join(f"  {encode(row)}" for row in rows) + "\n]"


# -- naming records and reading arguments -------------------------------------------------------

def resolve_id(svc: InspectionService, given: str) -> str:
    """The full id of the inspection named by an id, a unique id prefix or its number."""
    from inspector_app.services.inspections import InspectionFilter

    given = given.strip()
    rows = svc.list(InspectionFilter(include_superseded=True))
    exact = [r["id"] for r in rows if given in (r["id"], r["number"])]
    if exact:
        return exact[0]
    if len(given) >= MIN_PREFIX:
        matches = [r["id"] for r in rows if r["id"].startswith(given.lower())]
        if len(matches) > 1:
            raise ValidationError(N_("{given} is the start of {count} inspection ids; "
                                     "give more characters."), given=given, count=len(matches))
        if matches:
            return matches[0]
    raise NotFoundError(N_("No inspection with id {given}."), given=given)


def resolve_company(ctx: AppContext, given: str) -> str:
    """A company by its id, a unique start of it (four characters or more) or its name."""
    # ctx.reinspection is imported when asked: listing or counting hazards without --company
    # never loads the re-inspection service.
    given = given.strip()
    rows = list(ctx.reinspection.company_names().items())
    exact = [r[0] for r in rows if given in (r[0], r[1])]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise ValidationError(N_("{count} companies are called {given}; give the id."),
                              count=len(exact), given=given)
    if len(given) >= MIN_PREFIX:
        matches = [r[0] for r in rows if r[0].startswith(given.lower())]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise ValidationError(N_("{given} is the start of {count} company ids; give "
                                     "more characters."), given=given, count=len(matches))
    raise NotFoundError(N_("No company {given}."), given=given)


def _inspectors_named(people: list[Inspector], token: str) -> list[Inspector]:
    """Everyone the token names as an id, a 执法证号 or a name (more than one: the caller asks
    which), else as the start of an id. A 执法证号 learnt from another computer is free text:
    one that reads like a colleague's name must not silently win over that colleague."""
    found = [p for p in people if token in (p.id, p.enforcement_id, p.name)]
    if found:
        return found
    return [p for p in people if len(token) >= MIN_PREFIX and p.id.startswith(token.lower())]


def resolve_inspectors(ctx: AppContext, given: Sequence[str]) -> list[str]:
    """Inspector ids for what a user types: an id, a unique start of it, a 执法证号
    (enforcement-ID number) or a name only one inspector has. A miss lists who is known, since
    a supervisor never sees the ids."""
    people = ctx.inspectors()
    ids: list[str] = []
    for token in (g.strip() for g in given):
        found = _inspectors_named(people, token)
        if len(found) > 1:
            raise ValidationError(
                N_("{given} names {count} inspectors; give the id, or an enforcement-ID "
                   "number only one of them has: {choices}."), given=token, count=len(found),
                choices=", ".join(f"{p.name} {p.enforcement_id or '-'} {p.id[:SHORT_ID]}"
                                  for p in found))
        if not found:
            known = ", ".join(f"{p.name} {p.enforcement_id or p.id[:SHORT_ID]}"
                              for p in people[:12])
            raise NotFoundError(N_("No inspector {given} on this computer. Known: {known}{more}."),
                                given=token, known=known or "-",
                                more=" …" if len(people) > 12 else "")
        if found[0].id not in ids:
            ids.append(found[0].id)
    return ids


def date_arg(text: str) -> date:
    """An argument's date, YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a date (YYYY-MM-DD)").format(text=text)) from None


def day_arg(text: str) -> str:
    """An argument's date as ISO text."""
    return date_arg(text).isoformat()


def sectors_arg(text: str) -> tuple[str, ...]:
    """Industry codes or their Chinese names, separated by commas."""
    from inspector_app.domain.company import industry_code  # a listing need not load it

    out = []
    for part in text.replace("，", ",").split(","):
        if part.strip():
            code = industry_code(part.strip())
            if code is None:
                raise argparse.ArgumentTypeError(
                    _("unknown industry {name!r}").format(name=part.strip()))
            out.append(code)
    return tuple(out)
