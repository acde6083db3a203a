"""A checklist template in words, for the Templates page's preview.

Sums up a template (sections, items by type and grade, whom it is for) and describes an item
(its type, grade, limits, legal basis and the condition that shows it) in the window's language.
It reads the template it is given and keeps nothing: the page owns the widgets that show it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QObject

from inspector_app.domain.checklist import (
    INDUSTRIES,
    SPECIAL_AREAS,
    AllOf,
    AnyOf,
    AppliesTo,
    Compare,
    Condition,
    Grade,
    Item,
    ItemType,
    Not,
    Template,
    TemplateKind,
)
from inspector_app.domain.finding import GRADE_LABELS
from inspector_app.domain.legal import legal_citation
from inspector_app.ui.labels import answer_label, list_separator, local, pair, ui_lang


class TemplateDescriber(QObject):
    """Texts about a template and its items; every method reads only its arguments."""

    # -- names ------------------------------------------------------------------------------------
    def type_label(self, item_type: ItemType) -> str:
        return {
            ItemType.CHECK: self.tr("Check"),
            ItemType.YES_NO: self.tr("Yes/No"),
            ItemType.TEXT: self.tr("Text"),
            ItemType.LONG_TEXT: self.tr("Long text"),
            ItemType.NUMBER: self.tr("Number"),
            ItemType.SINGLE_CHOICE: self.tr("Single choice"),
            ItemType.MULTI_CHOICE: self.tr("Multiple choice"),
            ItemType.DATE: self.tr("Date"),
            ItemType.DATETIME: self.tr("Date and time"),
            ItemType.PHOTO: self.tr("Photo"),
            ItemType.SIGNATURE: self.tr("Signature"),
            ItemType.INFO: self.tr("Information"),
        }[item_type]

    def short_grade(self, grade: Grade | None) -> str:
        return self.tr("Major") if grade is Grade.MAJOR else self.tr("General")

    def kind_label(self, kind: str) -> str:
        return {
            TemplateKind.MAJOR_HAZARD_STANDARD: self.tr("Major-hazard determination standard"),
            TemplateKind.ROUTINE: self.tr("Routine inspection"),
            TemplateKind.READINESS: self.tr("Readiness check"),
            TemplateKind.AUDIT: self.tr("Audit"),
        }.get(kind, str(kind))

    # -- the template -----------------------------------------------------------------------------
    def summary(self, template: Template) -> str:
        """"Sections: 11 · Items: 67 (Check 64, Yes/No 3) · Check items by grade: Major 64"."""
        sep = list_separator()
        by_type = Counter(item.type for item in template.items)
        types = sep.join(f"{self.type_label(t)} {by_type[t]}" for t in ItemType if by_type[t])
        # "Sections: 11" rather than "11 section(s)": English has no plural translation file.
        parts = [self.tr("Sections: {0}").format(len(template.sections)),
                 self.tr("Items: {0}").format(len(template.items))
                 + (self.tr(" ({0})").format(types) if types else "")]
        checks = [item for item in template.items if item.type is ItemType.CHECK]
        if checks:
            by_grade = Counter(item.grade or Grade.GENERAL for item in checks)
            grades = sep.join(f"{self.short_grade(g)} {by_grade[g]}"
                              for g in (Grade.MAJOR, Grade.GENERAL) if by_grade[g])
            parts.append(self.tr("Check items by grade: {0}").format(grades))
        return " · ".join(parts)

    def info(self, template: Template, *, retired: bool = False) -> str:
        """Id and version, kind, authority, legal basis; whom it is for on a second line."""
        parts = [f"{template.id} {template.version}", self.kind_label(template.kind)]
        if retired:
            parts.insert(1, self.tr("retired version"))
        if template.authority:
            parts.append(local(template.authority))
        if template.legal_basis:
            parts.append(local(template.legal_basis))
        lines = [" · ".join(parts)]
        applies = self.applies(template.applicability)
        if applies:
            lines.append(applies)
        return "\n".join(lines)

    def applies(self, applies: AppliesTo | None) -> str:
        """"For industries: …; special areas: …", or "" for a template meant for everyone."""
        if applies is None or not (applies.industries or applies.special_areas):
            return ""
        sep = list_separator()
        parts = []
        if applies.industries:
            parts.append(self.tr("industries: {0}").format(sep.join(
                local(INDUSTRIES[c]) if c in INDUSTRIES else c for c in sorted(applies.industries,
                                                                               key=_vocab_order))))
        if applies.special_areas:
            parts.append(self.tr("special areas: {0}").format(sep.join(
                local(SPECIAL_AREAS[c]) if c in SPECIAL_AREAS else c
                for c in sorted(applies.special_areas, key=_vocab_order))))
        return self.tr("For {0}").format("; ".join(parts))

    # -- an item ----------------------------------------------------------------------------------
    def meta(self, item: Item) -> str:
        parts = [self.tr("Type: {0}").format(self.type_label(item.type))]
        if item.type is ItemType.CHECK:
            parts.append(self.tr("Grade if non-compliant: {0}").format(
                pair(GRADE_LABELS[item.grade or Grade.GENERAL])))
            if item.weight != 1:
                parts.append(self.tr("Weight: {0}").format(f"{item.weight:g}"))
        if item.answerable:
            parts.append(self.tr("Required") if item.required else self.tr("Optional"))
        parts.append(self.tr("ID: {0}").format(item.id))
        return " · ".join(parts)

    def required_marker(self, item: Item) -> str:
        return self.tr(" (required)") if item.required and item.answerable else ""

    def basis(self, template: Template, item: Item) -> str:
        """The item's legal citation, and the official wording of its situation if it has one."""
        basis = legal_citation(template, item, ui_lang()) or ""
        if item.situation is not None and item.situation.text:
            basis += "\n" + self.tr("Situation (official wording): {0}").format(
                item.situation.text)
        return basis

    def limits(self, item: Item) -> str:
        if item.type is ItemType.NUMBER:
            unit = local(item.unit)
            parts = []
            if item.min is not None or item.max is not None:
                parts.append(self.tr("Allowed: {0} – {1} {2}").format(
                    _num(item.min), _num(item.max), unit).strip())
            if item.normal_min is not None or item.normal_max is not None:
                parts.append(self.tr("Normal: {0} – {1} {2}").format(
                    _num(item.normal_min), _num(item.normal_max), unit).strip())
            return " · ".join(parts)
        if item.type is ItemType.PHOTO:
            return self.tr("Photos needed: at least {0}").format(item.min_photos)
        if item.type is ItemType.TEXT and item.max_length:
            return self.tr("Maximum length: {0} characters").format(item.max_length)
        if item.type is ItemType.SIGNATURE and item.role:
            roles = {"inspector": self.tr("inspector"), "company": self.tr("company"),
                     "witness": self.tr("witness")}
            return self.tr("Signed by: {0}").format(roles.get(item.role, item.role))
        return ""

    def shown_when(self, template: Template, item: Item) -> str:
        """"Shown only when: …" for an item an earlier answer calls for, else ""."""
        if item.show_if is None:
            return ""
        return self.tr("Shown only when: {0}").format(
            self.condition(template, item.show_if, item.section_id))

    # -- conditions -------------------------------------------------------------------------------
    def condition(self, template: Template, condition: Condition, section_id: str = "") -> str:
        """A show_if condition in words, naming the items it reads by number and text.

        ``section_id`` is the section of the item the condition belongs to: items of another
        section are named with their section's title, as numbers restart in each section.
        """
        if isinstance(condition, AllOf):
            return self.tr(" and ").join(self._grouped(template, c, section_id)
                                         for c in condition.conditions)
        if isinstance(condition, AnyOf):
            return self.tr(" or ").join(self._grouped(template, c, section_id)
                                        for c in condition.conditions)
        if isinstance(condition, Not):
            return self.tr("not ({0})").format(self.condition(template, condition.condition,
                                                              section_id))
        return self._compare(template, condition, section_id)

    def _grouped(self, template: Template, condition: Condition, section_id: str) -> str:
        text = self.condition(template, condition, section_id)
        return f"({text})" if isinstance(condition, AllOf | AnyOf) else text

    def _compare(self, template: Template, cond: Compare, section_id: str) -> str:
        ref, name = _item_name(template, cond.item, section_id)
        if cond.op == "answered":
            return (self.tr("{0} is answered") if cond.value else
                    self.tr("{0} is not answered")).format(name)
        if cond.op == "in":
            values = cond.value if isinstance(cond.value, tuple) else (cond.value,)
            shown = list_separator().join(self._value(ref, v) for v in values)
            return self.tr("{0} is one of: {1}").format(name, shown)
        value = self._value(ref, cond.value)
        if cond.op == "not_equals":
            return self.tr("{0} is not {1}").format(name, value)
        return self.tr("{0} is {1}").format(name, value)

    def _value(self, ref: Item | None, value: Any) -> str:
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if ref is not None and ref.type is ItemType.CHECK:
            try:
                return answer_label(value)
            except ValueError:
                return str(value)
        if ref is not None and ref.choices:
            choice = ref.choice(value)
            if choice is not None:
                return local(choice.text)
        return str(value)


def _item_name(template: Template, item_id: str, section_id: str) -> tuple[Item | None, str]:
    """The item a condition reads and how to name it: number and text, and its section's
    title when that is not ``section_id``."""
    try:
        ref = template.item(item_id)
        section = template.section(ref.section_id)
    except KeyError:
        return None, item_id
    number = next(n for n, i in enumerate(section.items, start=1) if i.id == item_id)
    where = "" if ref.section_id == section_id else f"{local(section.title)} "
    return ref, f"{where}{number}. “{_clip(local(ref.text), 60)}”"


def _vocab_order(code: str) -> tuple[int, str]:
    """Controlled vocabulary codes in the order the format document lists them."""
    order = [*INDUSTRIES, *SPECIAL_AREAS]
    return (order.index(code) if code in order else len(order), code)


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"
