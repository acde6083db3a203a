"""What several subcommands share: naming a record on the command line (an id, its first
characters, its number or its name), reading dates and industries from arguments, and laying
out text tables for a terminal that shows Chinese characters two columns wide."""

from __future__ import annotations

import argparse
import unicodedata
from collections.abc import Sequence
from datetime import date

from inspector_app.domain.company import industry_code
from inspector_app.errors import NotFoundError, ValidationError
from inspector_app.services.context import AppContext
from inspector_app.services.inspections import InspectionFilter, InspectionService

# A short id prefix is enough to name an inspection on the command line, like a git commit.
SHORT_ID = 8
MIN_PREFIX = 4


# -- text layout ---------------------------------------------------------------------------------

def display_width(text: str) -> int:
    """Terminal columns: Chinese characters take two, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


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


# -- naming records and reading arguments -------------------------------------------------------

def resolve_id(svc: InspectionService, given: str) -> str:
    """The full id of the inspection named by an id, a unique id prefix or its number."""
    given = given.strip()
    rows = svc.list(InspectionFilter(include_superseded=True))
    exact = [r["id"] for r in rows if given in (r["id"], r["number"])]
    if exact:
        return exact[0]
    if len(given) >= MIN_PREFIX:
        matches = [r["id"] for r in rows if r["id"].startswith(given.lower())]
        if len(matches) > 1:
            raise ValidationError(f"{given} is the start of {len(matches)} inspection ids; "
                                  "give more characters.")
        if matches:
            return matches[0]
    raise NotFoundError(f"No inspection with id {given}.")


def resolve_company(ctx: AppContext, given: str) -> str:
    """A company by its id, a unique start of it (four characters or more) or its name."""
    given = given.strip()
    rows = list(ctx.reinspection.company_names().items())
    exact = [r[0] for r in rows if given in (r[0], r[1])]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise ValidationError(f"{len(exact)} companies are called {given}; give the id.")
    if len(given) >= MIN_PREFIX:
        matches = [r[0] for r in rows if r[0].startswith(given.lower())]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise ValidationError(f"{given} is the start of {len(matches)} company ids; give "
                                  "more characters.")
    raise NotFoundError(f"No company {given}.")


def date_arg(text: str) -> date:
    """An argument's date, YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def day_arg(text: str) -> str:
    """An argument's date as ISO text."""
    return date_arg(text).isoformat()


def sectors_arg(text: str) -> tuple[str, ...]:
    """Industry codes or their Chinese names, separated by commas."""
    out = []
    for part in text.replace("，", ",").split(","):
        if part.strip():
            code = industry_code(part.strip())
            if code is None:
                raise argparse.ArgumentTypeError(f"unknown industry {part.strip()!r}")
            out.append(code)
    return tuple(out)
