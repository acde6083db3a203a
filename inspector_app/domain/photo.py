"""Site photos: what the database knows of one, and the shapes drawn over it."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from inspector_app.errors import ValidationError
from inspector_app.i18n import N_


class PhotoTag(StrEnum):
    BEFORE = "before"  # the hazard as found
    AFTER = "after"    # evidence of rectification at re-inspection


class ShapeKind(StrEnum):
    ARROW = "arrow"
    RECT = "rect"
    ELLIPSE = "ellipse"
    TEXT = "text"


_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Shape:
    """A mark over a photo. Coordinates are fractions (0–1) of the upright photo's width and
    height, so the same shape fits the thumbnail, the screen and the print copy."""

    kind: ShapeKind
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str = "#e00000"
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind.value, "x1": self.x1, "y1": self.y1,
                                "x2": self.x2, "y2": self.y2, "colour": self.colour}
        if self.text:
            data["text"] = self.text
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Shape:
        try:
            kind = ShapeKind(data["kind"])
            x1, y1, x2, y2 = (float(data[k]) for k in ("x1", "y1", "x2", "y2"))
            shape = cls(kind, x1, y1, x2, y2,
                        colour=str(data.get("colour", "#e00000")), text=str(data.get("text", "")))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationError(N_("Not a valid annotation: {data!r} ({exc})."),
                                  data=data, exc=exc) from None
        return shape.validated()

    def validated(self) -> Shape:
        if not all(-0.01 <= v <= 1.01 for v in (self.x1, self.y1, self.x2, self.y2)):
            raise ValidationError(N_("An annotation lies outside the photo."))
        if not _COLOUR.match(self.colour):
            raise ValidationError(N_("Not a colour: {colour!r}."), colour=self.colour)
        if self.kind is ShapeKind.TEXT and not self.text.strip():
            raise ValidationError(N_("A text annotation needs text."))
        if len(self.text) > 200:
            raise ValidationError(N_("An annotation text is at most 200 characters."))
        return self


def shapes_to_json(shapes: list[Shape]) -> str:
    return json.dumps([s.to_dict() for s in shapes], ensure_ascii=False, sort_keys=True)


def shapes_from_json(text: str | None) -> list[Shape]:
    return [Shape.from_dict(d) for d in json.loads(text or "[]")]


@dataclass(frozen=True)
class Photo:
    id: str
    sha256: str
    inspection_id: str
    item_id: str | None
    finding_id: str | None
    caption: str | None
    tag: PhotoTag
    original_name: str | None
    mime: str | None
    size_bytes: int | None
    width: int | None
    height: int | None
    orientation: int | None
    taken_at: str | None
    gps_lat: float | None
    gps_lon: float | None
    camera: str | None
    annotations: list[Shape] = field(default_factory=list)
    deleted_at: str | None = None
    created_at: str | None = None
