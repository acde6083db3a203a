"""Localised labels for domain values, in the interface language."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

if TYPE_CHECKING:  # the checklist model is imported where an answer is shown, not by every list
    from inspector_app.domain.checklist import Answer, Item, LocalText

_ANSWERS = {  # by the values of Answer
    "compliant": QT_TRANSLATE_NOOP("Labels", "Compliant"),
    "non_compliant": QT_TRANSLATE_NOOP("Labels", "Non-compliant"),
    "not_applicable": QT_TRANSLATE_NOOP("Labels", "Not applicable"),
}
_YES = QT_TRANSLATE_NOOP("Labels", "Yes")
_NO = QT_TRANSLATE_NOOP("Labels", "No")
_PHOTOS = QT_TRANSLATE_NOOP("Labels", "%Ln photo(s)")
# Texts of the answer editors, translated through label() below.
_EDITOR_TEXTS = (
    QT_TRANSLATE_NOOP("Labels", "Outside the allowed range {0} – {1}; not saved."),
    QT_TRANSLATE_NOOP("Labels", "Outside the normal range {0} – {1}: check it."),
    QT_TRANSLATE_NOOP("Labels", "Not a number; not saved."),
    QT_TRANSLATE_NOOP("Labels", "Today"),
    QT_TRANSLATE_NOOP("Labels", "Now"),
    QT_TRANSLATE_NOOP("Labels", "%Ln photo(s) attached; at least {0} needed."),
    QT_TRANSLATE_NOOP("Labels", "Signatures are collected when the record is signed."),
)


def label(text: str, n: int = -1) -> str:
    """Translate a text of the "Labels" context (listed above so that lupdate finds it)."""
    return QCoreApplication.translate("Labels", text, None, n)


def count_text(n: int) -> str:
    """A count as the interface's locale writes it, thousands grouped (100,000); a text's
    ``%Ln`` does the same for the count it is plural by."""
    return QLocale().toString(int(n))


def ui_lang() -> str:
    """"zh_CN" or "en": the language the interface is showing."""
    return "zh_CN" if QLocale().name().lower().startswith("zh") else "en"


def list_separator() -> str:
    # Chinese enumerations use the enumeration comma 、; English a comma and space.
    return "、" if ui_lang() == "zh_CN" else ", "


def labelled(name: str, value: str) -> str:
    """``name: value``; Chinese text takes the full-width colon and no space."""
    return f"{name}：{value}" if ui_lang() == "zh_CN" else f"{name}: {value}"


def local(text: LocalText | None) -> str:
    return text.get(ui_lang()) if text else ""


def pair(labels: Any) -> str:
    """A bilingual label in the interface language: a text with ``zh`` and ``en`` fields, or a
    (zh, en) tuple of the tables not yet converted."""
    zh = ui_lang() == "zh_CN"
    if hasattr(labels, "zh"):
        return labels.zh if zh else labels.en
    return labels[0] if zh else labels[1]


def answer_label(answer: Answer | str) -> str:
    from inspector_app.domain.checklist import Answer

    return label(_ANSWERS[Answer(answer).value])


def answer_text(item: Item, value: Any, photo_count: int = 0) -> str:
    """A short display of an answer for lists."""
    from inspector_app.domain.checklist import ItemType

    if item.type is ItemType.PHOTO:
        return label(_PHOTOS, photo_count) if photo_count else ""
    if value is None:
        return ""
    if item.type is ItemType.CHECK:
        return answer_label(value)
    if item.type is ItemType.YES_NO:
        return label(_YES) if value else label(_NO)
    if item.type is ItemType.NUMBER:
        unit = local(item.unit)
        return f"{value:g} {unit}".strip() if isinstance(value, int | float) else str(value)
    if item.type is ItemType.SINGLE_CHOICE:
        choice = item.choice(value)
        return local(choice.text) if choice else str(value)
    if item.type is ItemType.MULTI_CHOICE:
        return list_separator().join(local(c.text) for c in item.choices if c.value in value)
    text = str(value).replace("\n", " ")
    return text if len(text) <= 24 else text[:23] + "…"
