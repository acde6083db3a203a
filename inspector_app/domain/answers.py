"""Checking an answer against its item before it is stored."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from inspector_app.domain.checklist import Answer, Item, ItemType, number_status
from inspector_app.errors import ValidationError


def normalise_answer(item: Item, value: Any) -> Any:
    """The value to store for ``item``, or ValidationError saying what is wrong.

    ``None`` clears an answer. Photo and signature items are answered by attaching photos and
    signatures, not through here.
    """
    if value is None or (isinstance(value, str) and not value.strip()
                         and item.type not in (ItemType.TEXT, ItemType.LONG_TEXT)):
        return None
    kind = item.type
    where = f"item {item.id}"
    if kind is ItemType.CHECK:
        try:
            return Answer(value).value
        except ValueError:
            raise ValidationError(
                f"{where}: answer must be compliant, non_compliant or not_applicable") from None
    if kind is ItemType.YES_NO:
        if isinstance(value, bool):
            return value
        raise ValidationError(f"{where}: answer must be yes or no")
    if kind in (ItemType.TEXT, ItemType.LONG_TEXT):
        text = str(value)
        if item.max_length and len(text) > item.max_length:
            raise ValidationError(f"{where}: at most {item.max_length} characters")
        return text if text.strip() else None
    if kind is ItemType.NUMBER:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValidationError(f"{where}: a number is needed")
        if number_status(item, value) == "error":
            raise ValidationError(
                f"{where}: {value} is outside the allowed range {item.min} – {item.max}")
        return value
    if kind is ItemType.SINGLE_CHOICE:
        if item.choice(value) is None:
            raise ValidationError(f"{where}: {value!r} is not one of the choices")
        return value
    if kind is ItemType.MULTI_CHOICE:
        if not isinstance(value, list | tuple):
            raise ValidationError(f"{where}: a list of choices is needed")
        unknown = [v for v in value if item.choice(v) is None]
        if unknown:
            raise ValidationError(f"{where}: {unknown!r} not among the choices")
        chosen = [c.value for c in item.choices if any(c.value == v for v in value)]
        return chosen or None
    if kind is ItemType.DATE:
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise ValidationError(f"{where}: a date YYYY-MM-DD is needed") from None
    if kind is ItemType.DATETIME:
        try:
            return datetime.fromisoformat(str(value)).isoformat(timespec="minutes")
        except ValueError:
            raise ValidationError(f"{where}: a date and time is needed") from None
    raise ValidationError(f"{where}: items of type {kind.value} are not answered directly")
