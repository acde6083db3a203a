"""Checklist templates and the rules that run on their answers.

Plain Python: no Qt, no SQL, no YAML. ``Template.from_dict`` trusts its input, which
``services.forms`` has already checked against the format (docs/template-format.md); the rules
here still never loop or crash on a template whose ``show_if`` points at a later or unknown item,
they just treat that item as hidden.

Answers are a mapping ``item id -> value`` in the shapes the format gives: ``Answer`` values (or
their strings) for check items, ``bool`` for yes/no, ``str``, numbers, a list for multi-choice,
the photo count for photo items. A missing key, ``None``, ``""`` and ``[]`` all mean "no answer".
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from inspector_app.domain.bilingual import Bilingual
from inspector_app.domain.grade import Grade

FORMAT = "inspector-template/1"


class ItemType(StrEnum):
    CHECK = "check"
    YES_NO = "yes_no"
    TEXT = "text"
    LONG_TEXT = "long_text"
    NUMBER = "number"
    SINGLE_CHOICE = "single_choice"
    MULTI_CHOICE = "multi_choice"
    DATE = "date"
    DATETIME = "datetime"
    PHOTO = "photo"
    SIGNATURE = "signature"
    INFO = "info"


CHOICE_TYPES = frozenset({ItemType.SINGLE_CHOICE, ItemType.MULTI_CHOICE})


class Answer(StrEnum):
    COMPLIANT = "compliant"
    NON_COMPLIANT = "non_compliant"
    NOT_APPLICABLE = "not_applicable"


class TemplateKind(StrEnum):
    MAJOR_HAZARD_STANDARD = "major_hazard_standard"
    ROUTINE = "routine"
    READINESS = "readiness"
    AUDIT = "audit"


# A template's texts are bilingual by nature: the program's one type for such text.
LocalText = Bilingual


# The controlled vocabularies of the format; the JSON schema lists the same codes.
INDUSTRIES: dict[str, LocalText] = {
    "metallurgy": LocalText(zh="冶金", en="Metallurgy"),
    "nonferrous": LocalText(zh="有色", en="Non-ferrous metals"),
    "building_materials": LocalText(zh="建材", en="Building materials"),
    "machinery": LocalText(zh="机械", en="Machinery"),
    "light_industry": LocalText(zh="轻工", en="Light industry"),
    "textile": LocalText(zh="纺织", en="Textile"),
    "tobacco": LocalText(zh="烟草", en="Tobacco"),
    "chemical": LocalText(zh="化工和危险化学品", en="Chemicals and hazardous chemicals"),
    "commerce": LocalText(zh="商贸", en="Commerce"),
    "other": LocalText(zh="其他", en="Other"),
}
SPECIAL_AREAS: dict[str, LocalText] = {
    "combustible_dust": LocalText(zh="粉尘涉爆", en="Combustible dust"),
    "liquid_ammonia": LocalText(zh="涉氨制冷", en="Ammonia refrigeration"),
    "confined_space": LocalText(zh="有限空间作业", en="Confined-space work"),
    "hazardous_chemicals": LocalText(zh="危险化学品", en="Hazardous chemicals"),
}


@dataclass(frozen=True)
class Choice:
    value: str | int
    text: LocalText


# --- show_if conditions ---------------------------------------------------------------------

CompareOp = Literal["equals", "not_equals", "in", "answered"]
COMPARE_OPS: tuple[CompareOp, ...] = ("equals", "not_equals", "in", "answered")


@dataclass(frozen=True)
class Compare:
    item: str
    op: CompareOp
    value: Any  # a tuple for "in", a bool for "answered"


@dataclass(frozen=True)
class AllOf:
    conditions: tuple[Condition, ...]


@dataclass(frozen=True)
class AnyOf:
    conditions: tuple[Condition, ...]


@dataclass(frozen=True)
class Not:
    condition: Condition


Condition = Compare | AllOf | AnyOf | Not


def condition_from_dict(d: Mapping[str, Any]) -> Condition:
    if "all" in d:
        return AllOf(tuple(condition_from_dict(c) for c in d["all"]))
    if "any" in d:
        return AnyOf(tuple(condition_from_dict(c) for c in d["any"]))
    if "not" in d:
        return Not(condition_from_dict(d["not"]))
    for op in COMPARE_OPS:
        if op in d:
            value = _freeze(d[op])
            return Compare(str(d["item"]), op, value)
    raise ValueError(f"not a show_if condition: {d!r}")


def referenced_items(condition: Condition) -> list[str]:
    """The item ids a condition reads, in the order they are written."""
    if isinstance(condition, Compare):
        return [condition.item]
    if isinstance(condition, Not):
        return referenced_items(condition.condition)
    return [ref for c in condition.conditions for ref in referenced_items(c)]


def _freeze(value: Any) -> Any:
    # Lists become tuples so that a frozen Item stays hashable.
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


# --- the template -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Situation:
    """A situation (情形) of a determination standard: where it stands and what the law says.

    ``text`` is the official wording, verbatim, in Chinese (the only authentic language), without
    the closing "；"/"。" that only joins it to the next clause. A template may carry a situation
    whose text could not yet be checked word for word against a published source: it then has
    ``unverified`` (why) instead of ``text``, and the hazard falls back to the item's own wording.
    """

    clause: int
    article: int | None = None
    text: str | None = None
    source: str | None = None
    unverified: str | None = None

    @classmethod
    def from_value(cls, value: Mapping[str, Any] | None) -> Situation | None:
        if not value:
            return None
        return cls(
            clause=int(value["clause"]),
            article=int(value["article"]) if value.get("article") is not None else None,
            text=value.get("text"),
            source=value.get("source"),
            unverified=value.get("unverified"),
        )


@dataclass(frozen=True)
class Citation:
    """How the law a standard template reproduces is cited: 《title》（document number）."""

    title: LocalText
    document: LocalText | None = None

    @classmethod
    def from_value(cls, value: Mapping[str, Any] | None) -> Citation | None:
        if not value:
            return None
        title = LocalText.from_value(value.get("title"))
        if title is None:
            return None
        return cls(title, LocalText.from_value(value.get("document")))


@dataclass(frozen=True)
class Item:
    id: str
    type: ItemType
    text: LocalText
    section_id: str = ""
    required: bool = True
    guidance: LocalText | None = None
    legal_basis: LocalText | None = None
    grade: Grade | None = None
    weight: float = 1
    show_if: Condition | None = None
    unit: LocalText | None = None
    min: float | None = None
    max: float | None = None
    normal_min: float | None = None
    normal_max: float | None = None
    max_length: int | None = None
    choices: tuple[Choice, ...] = ()
    min_photos: int = 1
    role: str | None = None
    situation: Situation | None = None
    hazard: LocalText | None = None

    @property
    def answerable(self) -> bool:
        return self.type is not ItemType.INFO

    @property
    def scored(self) -> bool:
        return self.type is ItemType.CHECK

    def choice(self, value: Any) -> Choice | None:
        return next((c for c in self.choices if _same(c.value, value)), None)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], section_id: str = "") -> Item:
        item_type = ItemType(d["type"])
        # Information blocks are never required, whatever the file says.
        required = bool(d.get("required", True)) and item_type is not ItemType.INFO
        return cls(
            id=str(d["id"]),
            type=item_type,
            text=LocalText.from_value(d["text"]) or LocalText(""),
            section_id=section_id,
            required=required,
            guidance=LocalText.from_value(d.get("guidance")),
            legal_basis=LocalText.from_value(d.get("legal_basis")),
            grade=Grade(d["grade"]) if d.get("grade") else None,
            weight=d.get("weight", 1),
            show_if=condition_from_dict(d["show_if"]) if d.get("show_if") else None,
            unit=LocalText.from_value(d.get("unit")),
            min=d.get("min"),
            max=d.get("max"),
            normal_min=d.get("normal_min"),
            normal_max=d.get("normal_max"),
            max_length=d.get("max_length"),
            choices=tuple(_choice(c) for c in d.get("choices") or ()),
            min_photos=d.get("min_photos", 1),
            role=d.get("role"),
            situation=Situation.from_value(d.get("situation")),
            hazard=LocalText.from_value(d.get("hazard")),
        )


def _choice(d: Mapping[str, Any]) -> Choice:
    return Choice(d["value"], LocalText.from_value(d.get("text")) or LocalText(str(d["value"])))


@dataclass(frozen=True)
class AppliesTo:
    """Which companies something is for; every non-empty list must match (AND)."""

    industries: frozenset[str] = frozenset()
    special_areas: frozenset[str] = frozenset()

    def matches(self, industry: str | None, special_areas: Iterable[str]) -> bool:
        if self.industries and industry not in self.industries:
            return False
        return not self.special_areas or bool(self.special_areas & set(special_areas))

    @classmethod
    def from_value(cls, value: Mapping[str, Any] | None) -> AppliesTo | None:
        if value is None:
            return None
        return cls(
            frozenset(value.get("industries") or ()), frozenset(value.get("special_areas") or ())
        )


@dataclass(frozen=True)
class Section:
    id: str
    title: LocalText
    items: tuple[Item, ...]
    applies_to: AppliesTo | None = None

    def applies(self, industry: str | None, special_areas: Iterable[str]) -> bool:
        return self.applies_to is None or self.applies_to.matches(industry, special_areas)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Section:
        section_id = str(d["id"])
        return cls(
            id=section_id,
            title=LocalText.from_value(d["title"]) or LocalText(section_id),
            items=tuple(Item.from_dict(i, section_id) for i in d.get("items") or ()),
            applies_to=AppliesTo.from_value(d.get("applies_to")),
        )


@dataclass(frozen=True)
class Template:
    id: str
    version: str
    title: LocalText
    sections: tuple[Section, ...]
    kind: str = TemplateKind.ROUTINE
    language: str = "zh_CN"
    authority: LocalText | None = None
    legal_basis: LocalText | None = None
    retired: bool = False
    applicability: AppliesTo | None = None
    citation: Citation | None = None
    description: LocalText | None = None

    @property
    def is_standard(self) -> bool:
        """A determination standard: a failed item is a situation the law names."""
        return self.kind == TemplateKind.MAJOR_HAZARD_STANDARD

    @property
    def key(self) -> str:
        """The library key: one per id and version."""
        return template_key(self.id, self.version)

    @cached_property
    def items(self) -> tuple[Item, ...]:
        """Every item in file order."""
        return tuple(item for section in self.sections for item in section.items)

    @cached_property
    def _by_id(self) -> dict[str, Item]:
        return {item.id: item for item in self.items}

    @cached_property
    def item_places(self) -> dict[str, tuple[Section, int]]:
        """Each item's section and number in it, as the form shows them: "3." is always the
        same question, whatever ``show_if`` hides."""
        return {item.id: (section, n) for section in self.sections
                for n, item in enumerate(section.items, start=1)}

    def item(self, item_id: str) -> Item:
        try:
            return self._by_id[item_id]
        except KeyError:
            raise KeyError(f"template {self.key} has no item {item_id!r}") from None

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(f"template {self.key} has no section {section_id!r}")

    def applicable_sections(
        self, industry: str | None, special_areas: Iterable[str] = ()
    ) -> list[Section]:
        areas = set(special_areas)
        return [s for s in self.sections if s.applies(industry, areas)]

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Template:
        return cls(
            id=str(d["id"]),
            version=str(d["version"]),
            title=LocalText.from_value(d["title"]) or LocalText(str(d["id"])),
            sections=tuple(Section.from_dict(s) for s in d.get("sections") or ()),
            kind=d.get("kind", TemplateKind.ROUTINE),
            language=d.get("language", "zh_CN"),
            authority=LocalText.from_value(d.get("authority")),
            legal_basis=LocalText.from_value(d.get("legal_basis")),
            retired=bool(d.get("retired", False)),
            applicability=AppliesTo.from_value(d.get("applicability")),
            citation=Citation.from_value(d.get("citation")),
            description=LocalText.from_value(d.get("description")),
        )


def template_key(template_id: str, version: str) -> str:
    return f"{template_id}@{version}"


@dataclass(frozen=True)
class LoadedTemplate:
    """A template as read from a file: the parsed document is what gets stored and hashed."""

    template: Template
    definition: dict[str, Any]
    content_hash: str
    source: Path | None = None


def canonical_json(definition: Mapping[str, Any]) -> str:
    """The one text of a definition that is hashed and stored (docs/template-format.md)."""
    return json.dumps(
        definition, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    )


def content_hash(definition: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_json(definition).encode("utf-8")).hexdigest()


# --- answers: visibility, completeness, score --------------------------------------------------

Answers = Mapping[str, Any]
_COLLECTIONS = (list, tuple, set, frozenset)


def is_answered(item: Item | None, value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, _COLLECTIONS):
        return bool(value)
    if item is not None and item.type is ItemType.PHOTO:
        return isinstance(value, int) and value > 0
    return True


def _same(a: Any, b: Any) -> bool:
    # True == 1 in Python; an answer of "yes" must not equal the choice value 1.
    if isinstance(a, bool) != isinstance(b, bool):
        return False
    if isinstance(a, _COLLECTIONS) and isinstance(b, _COLLECTIONS):
        # A multi-choice answer equals a list of values whatever their order.
        return len(a) == len(b) and all(any(_same(x, y) for y in b) for x in a)
    return bool(a == b)


def _evaluate(
    cond: Condition, answers: Answers, visible: Mapping[str, bool], template: Template
) -> bool | None:
    """Three-valued: None when the condition reads a hidden or unanswered item.

    Unknown is not true, so the item stays hidden; but in an ``any`` a true branch still wins,
    which lets a condition look at two mutually exclusive branches.
    """
    if isinstance(cond, Not):
        inner = _evaluate(cond.condition, answers, visible, template)
        return None if inner is None else not inner
    if isinstance(cond, AllOf):
        results = [_evaluate(c, answers, visible, template) for c in cond.conditions]
        if False in results:
            return False
        return None if None in results else True
    if isinstance(cond, AnyOf):
        results = [_evaluate(c, answers, visible, template) for c in cond.conditions]
        if True in results:
            return True
        return None if None in results else False
    # Not yet computed means later, unknown or in a section that does not apply: hidden.
    if not visible.get(cond.item, False):
        return None
    ref = template._by_id.get(cond.item)
    value = answers.get(cond.item)
    answered = is_answered(ref, value)
    if cond.op == "answered":
        return answered == bool(cond.value)
    if not answered:
        return None
    if cond.op == "equals":
        return _same(value, cond.value)
    if cond.op == "not_equals":
        return not _same(value, cond.value)
    options = cond.value if isinstance(cond.value, tuple) else (cond.value,)
    selected = value if isinstance(value, list | tuple) else (value,)
    return any(_same(v, o) for v in selected for o in options)


def _in_order(template: Template, sections: Iterable[Section] | None) -> list[Section]:
    if sections is None:
        return list(template.sections)
    wanted = {s.id for s in sections}
    return [s for s in template.sections if s.id in wanted]


def visibility(
    template: Template, answers: Answers, sections: Iterable[Section] | None = None
) -> dict[str, bool]:
    """``item id -> shown`` for the items of ``sections`` (default: all), in file order."""
    visible: dict[str, bool] = {}
    for section in _in_order(template, sections):
        for item in section.items:
            visible[item.id] = item.show_if is None or (
                _evaluate(item.show_if, answers, visible, template) is True
            )
    return visible


def walk_items(
    template: Template, answers: Answers, sections: Iterable[Section] | None = None
) -> Iterator[tuple[Item, bool]]:
    """Each item of ``sections`` in file order with whether it is shown, judged on ``answers``
    as they stand when it is reached: a form filled in from top to bottom, the caller adding
    each answer before taking the next item (one pass, where ``visibility`` per item is one
    pass per item)."""
    visible: dict[str, bool] = {}
    for section in _in_order(template, sections):
        for item in section.items:
            shown = visible[item.id] = item.show_if is None or (
                _evaluate(item.show_if, answers, visible, template) is True
            )
            yield item, shown


def visible_items(
    template: Template, answers: Answers, sections: Iterable[Section] | None = None
) -> list[Item]:
    shown = visibility(template, answers, sections)
    return [item for item in template.items if shown.get(item.id, False)]


def is_visible(
    item: Item, answers: Answers, template: Template, sections: Iterable[Section] | None = None
) -> bool:
    return visibility(template, answers, sections).get(item.id, False)


def is_complete_answer(item: Item, value: Any) -> bool:
    """Whether ``value`` satisfies a required item."""
    if item.type is ItemType.PHOTO:
        return isinstance(value, int) and not isinstance(value, bool) and value >= item.min_photos
    return is_answered(item, value)


def missing_required(
    template: Template, answers: Answers, sections: Iterable[Section] | None = None
) -> list[Item]:
    """Shown, required items that have no (sufficient) answer yet, in file order."""
    return [
        item
        for item in visible_items(template, answers, sections)
        if item.required and not is_complete_answer(item, answers.get(item.id))
    ]


def as_answer(value: Any) -> Answer | None:
    try:
        return Answer(value) if value is not None else None
    except ValueError:
        return None


@dataclass
class Tally:
    """Check items of one section (or of all): counts, weights and compliance."""

    section_id: str | None = None
    compliant: int = 0
    non_compliant: int = 0
    not_applicable: int = 0
    unanswered: int = 0
    compliant_weight: float = 0.0
    non_compliant_weight: float = 0.0
    non_compliant_by_grade: dict[Grade, int] = field(
        default_factory=lambda: {grade: 0 for grade in Grade}
    )

    @property
    def compliance(self) -> float | None:
        """Compliance in per cent; None when no item was scorable."""
        total = self.compliant_weight + self.non_compliant_weight
        return None if total <= 0 else 100.0 * self.compliant_weight / total

    def add(self, item: Item, answer: Answer | None) -> None:
        if answer is Answer.COMPLIANT:
            self.compliant += 1
            self.compliant_weight += item.weight
        elif answer is Answer.NON_COMPLIANT:
            self.non_compliant += 1
            self.non_compliant_weight += item.weight
            self.non_compliant_by_grade[item.grade or Grade.GENERAL] += 1
        elif answer is Answer.NOT_APPLICABLE:
            self.not_applicable += 1
        else:
            self.unanswered += 1


@dataclass
class Score:
    overall: Tally
    sections: dict[str, Tally]

    @property
    def compliance(self) -> float | None:
        return self.overall.compliance

    @property
    def non_compliant_by_grade(self) -> dict[Grade, int]:
        return self.overall.non_compliant_by_grade


def score(
    template: Template, answers: Answers, sections: Iterable[Section] | None = None
) -> Score:
    """Weighted compliance of the shown check items; not-applicable and unanswered don't count."""
    chosen = _in_order(template, sections)
    shown = visibility(template, answers, chosen)
    result = Score(Tally(), {s.id: Tally(s.id) for s in chosen})
    for section in chosen:
        for item in section.items:
            if not item.scored or not shown.get(item.id, False):
                continue
            answer = as_answer(answers.get(item.id))
            result.sections[section.id].add(item, answer)
            result.overall.add(item, answer)
    return result


NumberStatus = Literal["ok", "warn", "error"]


def number_status(item: Item, value: float) -> NumberStatus:
    """"error" outside the hard limits (min/max), "warn" outside the normal range."""
    if isinstance(value, float) and math.isnan(value):
        return "error"
    if (item.min is not None and value < item.min) or (item.max is not None and value > item.max):
        return "error"
    if (item.normal_min is not None and value < item.normal_min) or (
        item.normal_max is not None and value > item.normal_max
    ):
        return "warn"
    return "ok"

