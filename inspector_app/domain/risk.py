"""Supervision classes of companies (分级分类) and safety standardisation (安全生产标准化).

A *scheme* is the office's list of classes, highest risk first, each stored in the companies'
``risk_level`` vocabulary (so the class travels to the laptops with the company) and each with
its own label, colour and inspection frequency. The default is the four colours 红/橙/黄/蓝.

The suggested class is the highest class any of the company's *reasons* calls for; which reason
calls for which class is part of the scheme, so an office can change it. The suggestion is only a
proposal: the office's decision is what counts, and it is recorded with who, when and why.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from inspector_app.domain.bilingual import Bilingual
from inspector_app.domain.company import RISK_LEVELS
from inspector_app.errors import ValidationError
from inspector_app.i18n import ENUMERATION, N_, Listing, Message

Labels = Bilingual


@dataclass(frozen=True)
class RiskClass:
    key: str                    # a RISK_LEVELS key: major | high | moderate | low
    zh: str
    en: str
    colour: str                 # #rrggbb, for lists and the plan grid
    visits: int = 0             # visits a year to every company of the class
    sample: float = 0.0         # or: this share of the class, drawn at random, visited once

    def label(self, lang: str = "zh_CN") -> str:
        return self.en if lang == "en" else self.zh


# Reasons a company may call for a class; (zh, en) labels.
REASONS: dict[str, Labels] = {
    "major_hazard_source": Bilingual(zh="重大危险源", en="Major hazard installation"),
    "major_hazard_found": Bilingual(zh="近12个月查出重大事故隐患",
                                    en="Major hazard found in the last 12 months"),
    "accident": Bilingual(zh="发生过生产安全事故", en="Accident history"),
    "industry_chemical": Bilingual(zh="行业：化工和危险化学品", en="Industry: chemicals"),
    "combustible_dust": Bilingual(zh="粉尘涉爆", en="Combustible dust"),
    "liquid_ammonia": Bilingual(zh="涉氨制冷", en="Liquid-ammonia refrigeration"),
    "confined_space": Bilingual(zh="有限空间作业", en="Confined-space work"),
    "hazardous_chemicals": Bilingual(zh="危险化学品", en="Hazardous chemicals"),
}


@dataclass(frozen=True)
class RiskScheme:
    classes: tuple[RiskClass, ...]
    reasons: Mapping[str, str] = field(default_factory=dict)  # reason -> class key
    default: str = "low"

    def __post_init__(self) -> None:
        problems = scheme_problems(self)
        if problems:
            raise ValidationError(N_("The classification scheme is not usable: {problems}."),
                                  problems=Listing(problems))

    def get(self, key: str | None) -> RiskClass | None:
        return next((c for c in self.classes if c.key == key), None)

    def rank(self, key: str) -> int:
        """0 for the highest-risk class."""
        return next(i for i, c in enumerate(self.classes) if c.key == key)

    def to_dict(self) -> dict[str, Any]:
        return {
            "classes": [{"key": c.key, "zh": c.zh, "en": c.en, "colour": c.colour,
                         "visits": c.visits, "sample": c.sample} for c in self.classes],
            "reasons": dict(self.reasons),
            "default": self.default,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RiskScheme:
        try:
            classes = tuple(RiskClass(str(c["key"]), str(c["zh"]), str(c.get("en", c["zh"])),
                                      str(c.get("colour", "#808080")), int(c.get("visits", 0)),
                                      float(c.get("sample", 0.0)))
                            for c in data["classes"])
            return cls(classes, dict(data.get("reasons", {})), str(data.get("default", "low")))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationError(N_("The classification scheme is not usable: {exc}"),
                                  exc=exc) from None


def scheme_problems(scheme: RiskScheme) -> list[Message]:
    problems = []
    keys = [c.key for c in scheme.classes]
    if not keys:
        problems.append(Message(N_("it has no classes")))
    for key in keys:
        if key not in RISK_LEVELS:
            problems.append(Message(N_("class {key!r} is not one of {choices}"), key=key,
                                    choices=Listing(RISK_LEVELS, ENUMERATION)))
    if len(set(keys)) != len(keys):
        problems.append(Message(N_("a class is listed twice")))
    for c in scheme.classes:
        if c.visits < 0 or not 0 <= c.sample <= 1:
            problems.append(Message(N_("class {key}: visits must be 0 or more and sample "
                                       "between 0 and 1"), key=c.key))
        if c.visits and c.sample:
            problems.append(Message(N_("class {key}: give visits a year or a random sample, "
                                       "not both"), key=c.key))
    for reason, key in scheme.reasons.items():
        if reason not in REASONS:
            problems.append(Message(N_("unknown reason {reason!r}"), reason=reason))
        if key not in keys:
            problems.append(Message(N_("reason {reason} names the class {key!r}, which is not "
                                       "in the scheme"), reason=reason, key=key))
    if scheme.default not in keys:
        problems.append(Message(N_("the default class {key!r} is not in the scheme"),
                                key=scheme.default))
    return problems


# The office's starting point; frequencies as in many districts' yearly plans (red four visits,
# orange two, yellow one, blue a random fifth), reasons as the issue of the office named them.
DEFAULT_SCHEME = RiskScheme(
    classes=(
        RiskClass("major", "红", "Red", "#d9342b", visits=4),
        RiskClass("high", "橙", "Orange", "#f28c28", visits=2),
        RiskClass("moderate", "黄", "Yellow", "#e8c31a", visits=1),
        RiskClass("low", "蓝", "Blue", "#2f6fd6", sample=0.2),
    ),
    reasons={
        "major_hazard_source": "major",
        "major_hazard_found": "major",
        "accident": "high",
        "industry_chemical": "high",
        "hazardous_chemicals": "high",
        "liquid_ammonia": "high",
        "combustible_dust": "high",
        "confined_space": "moderate",
    },
    default="low",
)


@dataclass(frozen=True)
class CompanyFacts:
    """What the classification is computed from, for one company."""

    industry: str | None = None
    special_areas: tuple[str, ...] = ()
    major_hazard_source: bool = False
    accidents: int = 0                      # accidents on record (the office enters them)
    major_hazards_12m: int = 0              # major hazards found by inspections, last 12 months


def reasons_of(facts: CompanyFacts) -> list[str]:
    found = []
    if facts.major_hazard_source:
        found.append("major_hazard_source")
    if facts.major_hazards_12m > 0:
        found.append("major_hazard_found")
    if facts.accidents > 0:
        found.append("accident")
    if facts.industry == "chemical":
        found.append("industry_chemical")
    found += [a for a in ("hazardous_chemicals", "liquid_ammonia", "combustible_dust",
                          "confined_space") if a in facts.special_areas]
    return found


def suggest(scheme: RiskScheme, reasons: Iterable[str]) -> str:
    """The highest class any reason calls for; the scheme's default when none does."""
    keys = [scheme.reasons[r] for r in reasons if r in scheme.reasons]
    if not keys:
        return scheme.default
    return min(keys, key=scheme.rank)


def reason_label(reason: str, lang: str = "zh_CN") -> str:
    text = REASONS.get(reason, Bilingual(zh=reason, en=reason))
    return text.en if lang == "en" else text.zh


# --- safety standardisation ----------------------------------------------------------------------

STANDARDISATION_GRADES: dict[str, Labels] = {
    "grade1": Bilingual(zh="一级", en="Grade 1"),
    "grade2": Bilingual(zh="二级", en="Grade 2"),
    "grade3": Bilingual(zh="三级", en="Grade 3"),
    "small": Bilingual(zh="小微企业", en="Small and micro company"),
}
_GRADE_ALIASES = {"一级": "grade1", "二级": "grade2", "三级": "grade3", "小微": "small",
                  "小微企业": "small", "1": "grade1", "2": "grade2", "3": "grade3"}


def grade_key(value: str) -> str:
    v = value.strip()
    if v in STANDARDISATION_GRADES:
        return v
    if v in _GRADE_ALIASES:
        return _GRADE_ALIASES[v]
    raise ValidationError(N_("Unknown standardisation grade {value!r}: use 一级, 二级, 三级 or "
                             "小微企业."), value=value)


# How far ahead the office looks for certificates to renew (the overview's "expiring soon").
EXPIRY_WARNING_DAYS = 90
CERTIFICATE_STATES: dict[str, Labels] = {
    "expired": Bilingual(zh="已过期", en="Expired"),
    "expiring": Bilingual(zh="即将到期", en="Expiring soon"),
    "valid": Bilingual(zh="有效", en="Valid"),
    "undated": Bilingual(zh="未录有效期", en="No expiry date"),
    "none": Bilingual(zh="无证书", en="No certificate"),
}


@dataclass(frozen=True)
class Standardisation:
    grade: str | None = None
    certificate: str | None = None
    issued_on: str | None = None
    expires_on: str | None = None

    def validated(self) -> Standardisation:
        grade = grade_key(self.grade) if self.grade else None
        days = {}
        for name in ("issued_on", "expires_on"):
            value = getattr(self, name)
            if value:
                try:
                    days[name] = date.fromisoformat(value)
                except ValueError:
                    raise ValidationError(N_("{replace} must be YYYY-MM-DD, not "
                                             "{value!r}."),
                                          replace=name.replace('_', ' '), value=value) from None
        if len(days) == 2 and days["expires_on"] <= days["issued_on"]:
            raise ValidationError(N_("The certificate expires before it was issued."))
        if grade and not self.certificate:
            raise ValidationError(N_("A standardisation grade needs the certificate number."))
        return Standardisation(grade, (self.certificate or "").strip() or None,
                               self.issued_on or None, self.expires_on or None)

    def expires_within(self, today: date, days: int) -> bool:
        return (self.expires_on is not None and bool(self.expires_on)
                and date.fromisoformat(self.expires_on) <= today + timedelta(days=days))

    def state(self, today: date, days: int = EXPIRY_WARNING_DAYS) -> str:
        """Where the certificate stands on ``today`` (a ``CERTIFICATE_STATES`` key): valid on
        its expiry day itself, expired from the day after; "expiring" within ``days``."""
        if not self.certificate:
            return "none"
        if not self.expires_on:
            return "undated"
        expires = date.fromisoformat(self.expires_on)
        if today > expires:
            return "expired"
        return "expiring" if expires <= today + timedelta(days=days) else "valid"


