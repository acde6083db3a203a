"""Handwritten signatures: strokes, what counts as a signature, who must sign.

A signature is kept twice: as vector strokes (points in pad coordinates, with time and pen
pressure, so it can be re-drawn at any size and examined later) and as a PNG cropped to the ink,
which the printed documents embed. Inspectors complain of signature widgets that save blank
images, so both are checked: a dot or a tiny scribble is not a signature.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import pairwise
from typing import Any, Protocol

from inspector_app.domain.bilingual import Bilingual
from inspector_app.domain.inspection import Kind
from inspector_app.domain.profile import Inspector
from inspector_app.errors import ValidationError
from inspector_app.i18n import N_, Message, Sentence

# (x, y, t_ms, pressure): pad coordinates in pixels, milliseconds since the first point of the
# signature, pen pressure 0–1 (a mouse reports a constant).
Point = tuple[float, float, int, float]
Stroke = list[Point]

MOUSE_PRESSURE = 0.5
# Thresholds of ``signature_problem``, as fractions of the pad.
MIN_INK_OF_DIAGONAL = 0.08
MIN_EXTENT_OF_PAD = 0.10
MIN_DISTINCT_POINTS = 2
# The pad size assumed for strokes stored without one (the demo data).
DEFAULT_PAD_SIZE = (560.0, 200.0)
MAX_NAME_LENGTH = 60

TOO_SHORT = N_("The signature is too short or empty; please sign again.")


class SignerRole(StrEnum):
    INSPECTOR = "inspector"  # 检查人员
    COMPANY = "company"      # 被检查单位现场负责人
    WITNESS = "witness"      # 见证人


ROLE_LABELS = {
    SignerRole.INSPECTOR: Bilingual(zh="检查人员", en="Inspector"),
    SignerRole.COMPANY: Bilingual(zh="被检查单位负责人", en="Company's person in charge"),
    SignerRole.WITNESS: Bilingual(zh="见证人", en="Witness"),
}


def point(x: float, y: float, t_ms: int = 0, pressure: float = MOUSE_PRESSURE) -> Point:
    return (float(x), float(y), int(t_ms), float(pressure))


def normalise_strokes(raw: Iterable[Iterable[Sequence[Any]]]) -> list[Stroke]:
    """Strokes from any list-of-lists of points; points of 2 or 3 values are completed.

    Refuses what is not numbers, so a stored signature can always be re-drawn.
    """
    strokes: list[Stroke] = []
    try:
        for raw_stroke in raw:
            stroke: Stroke = []
            for p in raw_stroke:
                values = list(p)
                if not 2 <= len(values) <= 4:
                    raise ValueError(f"a point has {len(values)} values")
                x, y = float(values[0]), float(values[1])
                t = int(values[2]) if len(values) > 2 else 0
                pressure = float(values[3]) if len(values) > 3 else MOUSE_PRESSURE
                if not all(math.isfinite(v) for v in (x, y, pressure)):
                    raise ValueError("a point is not a finite number")
                stroke.append((x, y, t, min(max(pressure, 0.0), 1.0)))
            if stroke:
                strokes.append(stroke)
    except (TypeError, ValueError) as exc:
        raise ValidationError(N_("The signature strokes are not valid: {exc}."), exc=exc) from None
    return strokes


def ink_length(strokes: Sequence[Stroke]) -> float:
    return sum(math.dist(a[:2], b[:2]) for s in strokes for a, b in pairwise(s))


def bounding_box(strokes: Sequence[Stroke]) -> tuple[float, float, float, float] | None:
    """(left, top, right, bottom) of all points, or None without any."""
    xs = [p[0] for s in strokes for p in s]
    ys = [p[1] for s in strokes for p in s]
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def signature_problem(strokes: Sequence[Stroke], width: float, height: float) -> str | None:
    """Why these strokes are no signature on a pad of this size; None when they are one.

    Three tests, each catching a different non-signature: a tap (fewer than two distinct
    points), a short flick (ink shorter than 8 % of the pad's diagonal) and a scribble in one
    spot (ink within less than 10 % of the pad both across and down).
    """
    if width <= 0 or height <= 0:
        raise ValueError("the pad has no size")
    distinct = {(round(p[0], 1), round(p[1], 1)) for s in strokes for p in s}
    if len(distinct) < MIN_DISTINCT_POINTS:
        return "empty"
    if ink_length(strokes) < MIN_INK_OF_DIAGONAL * math.hypot(width, height):
        return "too short"
    left, top, right, bottom = bounding_box(strokes)  # type: ignore[misc]
    if right - left < MIN_EXTENT_OF_PAD * width and bottom - top < MIN_EXTENT_OF_PAD * height:
        return "too small"
    return None


def is_meaningful(strokes: Sequence[Stroke], width: float, height: float) -> bool:
    """True when the strokes could be a signature on a pad of ``width`` × ``height``."""
    return signature_problem(strokes, width, height) is None


def strokes_to_json(strokes: Sequence[Stroke], pad_size: tuple[float, float]) -> str:
    """Stored with the pad size, without which the strokes cannot be judged or re-drawn."""
    return json.dumps({"pad": [round(pad_size[0], 1), round(pad_size[1], 1)],
                       "strokes": [[[round(x, 1), round(y, 1), t, round(p, 3)]
                                    for x, y, t, p in s] for s in strokes]},
                      separators=(",", ":"))


def strokes_from_json(text: str | None) -> tuple[list[Stroke], tuple[float, float]]:
    """Strokes and pad size; a bare list (older or demo data) gets the default pad size."""
    if not text:
        return [], DEFAULT_PAD_SIZE
    data = json.loads(text)
    if isinstance(data, dict):
        pad = data.get("pad") or DEFAULT_PAD_SIZE
        return normalise_strokes(data.get("strokes") or []), (float(pad[0]), float(pad[1]))
    return normalise_strokes(data), DEFAULT_PAD_SIZE


def clean_name(name: str | None, what: Message | None = None) -> str:
    """``name`` with its spaces tidied; ``what`` names the field in a refusal (a message, so
    that a Chinese refusal names it in Chinese)."""
    what = what or Message(N_("the signer's name"))
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise ValidationError(N_("Enter {what}."), what=what)
    if len(cleaned) > MAX_NAME_LENGTH:
        raise ValidationError(N_("{capitalize} is longer than {max_name_length} characters."),
                              capitalize=Sentence(what), max_name_length=MAX_NAME_LENGTH)
    return cleaned


@dataclass(frozen=True)
class Signature:
    """One row of the signatures table.

    A company that refuses to sign is one row of role ``company`` with ``refused`` set and no
    strokes or image, plus the witness's own signature (a ``witness`` row) beside it.
    """

    id: str
    inspection_id: str
    role: SignerRole
    signer_name: str
    signer_id_number: str | None
    inspector_id: str | None
    strokes: list[Stroke]
    pad_size: tuple[float, float]
    png: bytes | None
    refused: bool
    signed_at: str
    created_at: str
    # The record content it was given on; None for signatures stored before it was kept.
    record_fingerprint: str | None = None

    @property
    def is_refusal(self) -> bool:
        return self.refused and self.role is SignerRole.COMPANY

    @property
    def has_image(self) -> bool:
        return bool(self.png)


class GivenSignature(Protocol):
    """What deciding who still has to sign reads of a signature (a stored one, or a row a
    sync bundle brings)."""

    @property
    def role(self) -> SignerRole: ...
    @property
    def inspector_id(self) -> str | None: ...
    @property
    def refused(self) -> bool: ...
    @property
    def has_image(self) -> bool: ...


@dataclass(frozen=True)
class Required:
    """One signature a record still lacks.

    ``what``: ``inspector`` (this inspector), ``any_inspector`` (one of the team, for a
    self-inspection), ``company`` (the company's person, or their refusal and a witness) or
    ``refusal_witness`` (the company refused; a witness has not signed yet).
    """

    what: str
    inspector: Inspector | None = None
    again: bool = False  # signed before the record changed: the signature must be given again

    def text(self) -> str:
        suffix = " (again: the record changed after signing)" if self.again else ""
        return self._text() + suffix

    def message(self) -> Message:
        """Who still has to sign, in the reader's language (for a refusal that names them)."""
        if self.what == "inspector" and self.inspector is not None:
            who = Message(N_("inspector {name}"), name=self.inspector.name)
        else:
            who = Message({
                "any_inspector": N_("an inspector"),
                "company": N_("the company's person in charge (or their refusal and a "
                              "witness)"),
                "refusal_witness": N_("a witness to the company's refusal to sign"),
            }.get(self.what, N_("an inspector")))
        return Message(N_("{who} (again: the record changed after signing)"), who=who) \
            if self.again else who

    def _text(self) -> str:
        if self.what == "inspector" and self.inspector is not None:
            ident = f" ({self.inspector.enforcement_id})" if self.inspector.enforcement_id else ""
            return f"inspector {self.inspector.name}{ident}"
        return {
            "any_inspector": "at least one inspector",
            "company": "the company's person in charge (or their refusal and a witness)",
            "refusal_witness": "a witness to the company's refusal to sign",
        }.get(self.what, self.what)


def missing_signers(kind: Kind, inspectors: Sequence[Inspector],
                    signatures: Sequence[GivenSignature],
                    stale: Sequence[GivenSignature] = ()) -> list[Required]:
    """Who still has to sign a record of this kind.

    An official inspection and a re-inspection (done by officials) need every inspector of the
    team; a self-inspection needs one of them. Every record needs the company's person, or a
    recorded refusal together with a witness's signature. ``signatures`` are the ones valid for
    the record as it stands; ``stale`` ones, given before it changed, count for nothing but
    mark who must sign again.
    """
    missing = _missing(kind, inspectors, signatures)
    again_inspectors = {s.inspector_id for s in stale if s.role is SignerRole.INSPECTOR}
    again_company = any(s.role is SignerRole.COMPANY for s in stale)
    again_witness = any(s.role is SignerRole.WITNESS for s in stale)
    return [replace(r, again=(r.inspector is not None and r.inspector.id in again_inspectors)
                    or (r.what == "any_inspector" and bool(again_inspectors))
                    or (r.what == "company" and again_company)
                    or (r.what == "refusal_witness" and again_witness))
            for r in missing]


def _missing(kind: Kind, inspectors: Sequence[Inspector],
             signatures: Sequence[GivenSignature]) -> list[Required]:
    missing: list[Required] = []
    signed_inspectors = {s.inspector_id for s in signatures
                         if s.role is SignerRole.INSPECTOR and not s.refused}
    if kind is Kind.SELF:
        if not signed_inspectors:
            missing.append(Required("any_inspector"))
    else:
        missing.extend(Required("inspector", i) for i in inspectors
                       if i.id not in signed_inspectors)
    company = [s for s in signatures if s.role is SignerRole.COMPANY]
    witnessed = any(s.role is SignerRole.WITNESS and s.has_image for s in signatures)
    if not any(not s.refused for s in company):
        if not company:
            missing.append(Required("company"))
        elif not witnessed:
            missing.append(Required("refusal_witness"))
    return missing
