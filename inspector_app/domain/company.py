"""Inspected companies (被检查单位): vocabularies, the credit code check, validation, matching.

A problem with a company's data (``Problem``) is a message of the catalogue with its field, shown
in the user's language by the CLI, the import preview and the dialog; the labels of the
vocabularies are bilingual data (``Bilingual``), matched in either language when importing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from inspector_app.domain.bilingual import Bilingual
from inspector_app.errors import ValidationError
from inspector_app.i18n import ENUMERATION, N_, Listing, Message, Sentence, render

Labels = Bilingual

# Ordered: the order is the one shown in combo boxes and used when storing special areas.
INDUSTRIES: dict[str, Labels] = {
    "metallurgy": Bilingual(zh="冶金", en="Metallurgy"),
    "nonferrous": Bilingual(zh="有色", en="Non-ferrous metals"),
    "building_materials": Bilingual(zh="建材", en="Building materials"),
    "machinery": Bilingual(zh="机械", en="Machinery"),
    "light_industry": Bilingual(zh="轻工", en="Light industry"),
    "textile": Bilingual(zh="纺织", en="Textiles"),
    "tobacco": Bilingual(zh="烟草", en="Tobacco"),
    "chemical": Bilingual(zh="化工和危险化学品", en="Chemicals and hazardous chemicals"),
    "commerce": Bilingual(zh="商贸", en="Commerce and trade"),
    "other": Bilingual(zh="其他", en="Other"),
}

SPECIAL_AREAS: dict[str, Labels] = {
    "combustible_dust": Bilingual(zh="粉尘涉爆", en="Combustible dust"),
    "liquid_ammonia": Bilingual(zh="涉氨制冷", en="Liquid-ammonia refrigeration"),
    "confined_space": Bilingual(zh="有限空间作业", en="Confined-space work"),
    "hazardous_chemicals": Bilingual(zh="危险化学品", en="Hazardous chemicals"),
}

RISK_LEVELS: dict[str, Labels] = {
    "major": Bilingual(zh="重大风险", en="Major risk"),
    "high": Bilingual(zh="较大风险", en="High risk"),
    "moderate": Bilingual(zh="一般风险", en="Moderate risk"),
    "low": Bilingual(zh="低风险", en="Low risk"),
}

# Other spellings found in real spreadsheets; the four-colour scheme (红橙黄蓝) is how offices
# often write risk levels.
_INDUSTRY_ALIASES = {
    "有色金属": "nonferrous", "化工": "chemical", "危险化学品": "chemical", "危化品": "chemical",
    "商业": "commerce", "贸易": "commerce", "其它": "other",
}
_SPECIAL_AREA_ALIASES = {
    "涉爆粉尘": "combustible_dust", "粉尘": "combustible_dust", "涉氨": "liquid_ammonia",
    "氨制冷": "liquid_ammonia", "有限空间": "confined_space", "危化品": "hazardous_chemicals",
}
_RISK_ALIASES = {
    "重大": "major", "红": "major", "红色": "major",
    "较大": "high", "橙": "high", "橙色": "high",
    "一般": "moderate", "黄": "moderate", "黄色": "moderate",
    "低": "low", "蓝": "low", "蓝色": "low",
}
VOCABULARIES: dict[str, dict[str, Labels]] = {
    "industry": INDUSTRIES, "special_areas": SPECIAL_AREAS, "risk_level": RISK_LEVELS,
}

CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
CREDIT_CODE_LENGTH = 18

# The fields as a problem names them ("credit code: ..."); placeholders filled with str.format.
FIELD_LABELS: dict[str, str] = {
    "name": N_("company name"),
    "credit_code": N_("credit code"),
    "address": N_("address"),
    "town": N_("town"),
    "industry": N_("industry"),
    "special_areas": N_("special areas"),
    "legal_rep": N_("legal representative"),
    "legal_rep_position": N_("position"),
    "contact_name": N_("on-site contact"),
    "contact_phone": N_("phone"),
    "risk_level": N_("risk level"),
    "notes": N_("notes"),
}

MESSAGES: dict[str, str] = {
    "name_required": N_("is required"),
    "credit_length": N_("must be 18 characters, not {length}"),
    "credit_char": N_(
        "invalid character “{char}” at position {position} (credit codes use digits and capital "
        "letters except I, O, S, V, Z)"),
    "credit_check": N_("wrong check character “{got}”, expected “{expected}”"),
    "credit_taken": N_("already used by “{other}” on this computer"),
    "unknown_industry": N_("unknown industry “{value}” (use one of: {choices})"),
    "unknown_special_area": N_("unknown special area “{value}” (use: {choices})"),
    "unknown_risk_level": N_("unknown risk level “{value}” (use one of: {choices})"),
    "bad_phone": N_("“{value}” does not look like a phone number"),
    "duplicate_code": N_("the same credit code is already on row {other}"),
    "duplicate_name": N_("the same company is already on row {other}"),
    "ambiguous_name": N_(
        "{count} companies on this computer are named “{value}”; add the credit code to say "
        "which"),
}


def label(vocabulary: Mapping[str, Labels], code: str | None, lang: str | None) -> str:
    """The label of ``code`` in ``lang``; an unknown code is shown as it is."""
    if not code:
        return ""
    labels = vocabulary.get(code)
    return labels.in_(lang) if labels else code


def industry_label(code: str | None, lang: str | None) -> str:
    return label(INDUSTRIES, code, lang)


def special_area_label(code: str | None, lang: str | None) -> str:
    return label(SPECIAL_AREAS, code, lang)


def risk_label(code: str | None, lang: str | None) -> str:
    return label(RISK_LEVELS, code, lang)


def choices(vocabulary: Mapping[str, Labels]) -> Listing:
    """The accepted values, listed in the language of the message they are shown in."""
    return Listing(vocabulary.values(), ENUMERATION)


def _key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lower().replace(" ", "").replace("-", "_")


def code_for(vocabulary: Mapping[str, Labels], text: str,
             aliases: Mapping[str, str] | None = None) -> str | None:
    """The code a spreadsheet cell means: the code itself, a Chinese or English label, an alias."""
    wanted = _key(text)
    if not wanted:
        return None
    for code, labels in vocabulary.items():
        if wanted == code or wanted in (_key(text) for text in labels.both()):
            return code
    return (aliases or {}).get(wanted)


def industry_code(text: str) -> str | None:
    return code_for(INDUSTRIES, text, _INDUSTRY_ALIASES)


def special_area_code(text: str) -> str | None:
    return code_for(SPECIAL_AREAS, text, _SPECIAL_AREA_ALIASES)


def risk_level_code(text: str) -> str | None:
    return code_for(RISK_LEVELS, text, _RISK_ALIASES)


# -- the unified social credit code (GB 32100-2015) --------------------------------------------

def normalise_credit_code(code: str | None) -> str:
    # NFKC turns full-width letters and digits (typed with a Chinese input method) into ASCII.
    text = unicodedata.normalize("NFKC", code or "")
    return re.sub(r"\s+", "", text).upper()


def credit_check_char(first17: str) -> str:
    """The 18th character for 17 valid characters."""
    total = sum(CREDIT_CODE_CHARSET.index(c) * w
                for c, w in zip(first17, CREDIT_CODE_WEIGHTS, strict=True))
    return CREDIT_CODE_CHARSET[(31 - total % 31) % 31]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a company's data: a catalogue message about one field."""

    field: str
    key: str
    params: tuple[tuple[str, Any], ...] = ()

    def _params(self) -> dict[str, Any]:
        params = dict(self.params)
        if "vocabulary" in params:
            params["choices"] = choices(VOCABULARIES[params.pop("vocabulary")])
        return params

    def message(self, lang: str | None = "en") -> str:
        """What is wrong, without the field: "must be 18 characters, not 17"."""
        return render(MESSAGES[self.key], self._params(), lang)

    def text(self, lang: str | None = "en") -> str:
        """The message prefixed with the field: "credit code: ..." / "统一社会信用代码：..."."""
        field_label = FIELD_LABELS.get(self.field)
        return render(N_("{field}: {problem}"), {
            "field": Message(field_label) if field_label else self.field,
            "problem": Message(MESSAGES[self.key], **self._params()),
        }, lang)

    def localized(self, lang: str | None = None) -> str:
        return self.text(lang)

    def __str__(self) -> str:
        return self.text("en")


def problem(field_name: str, key: str, **params: Any) -> Problem:
    return Problem(field_name, key, tuple(params.items()))


def credit_code_problem(code: str) -> Problem | None:
    """What is wrong with an already normalised credit code, or None."""
    for pos, char in enumerate(code, start=1):
        if char not in CREDIT_CODE_CHARSET:
            return problem("credit_code", "credit_char", char=char, position=pos)
    if len(code) != CREDIT_CODE_LENGTH:
        return problem("credit_code", "credit_length", length=len(code))
    expected = credit_check_char(code[:17])
    if code[17] != expected:
        return problem("credit_code", "credit_check", got=code[17], expected=expected)
    return None


def validate_credit_code(code: str, lang: str | None = "en") -> str | None:
    """None when ``code`` is a valid credit code; else what is wrong with it, in ``lang``."""
    found = credit_code_problem(normalise_credit_code(code))
    return found.message(lang) if found else None


# -- phone numbers -----------------------------------------------------------------------------

# Mobile (11 digits), landline with or without area code, "+86", extensions (转 / ext): loose on
# purpose, it only catches a name or an ID number typed in the phone column.
_PHONE_RE = re.compile(r"^(\+|00)?[\d\s()\-]{7,20}((转|ext\.?|x)\s*\d{1,6})?$", re.IGNORECASE)
_PHONE_SPLIT = re.compile(r"[/、,，;；]+")


def phone_plausible(text: str) -> bool:
    parts = [p.strip() for p in _PHONE_SPLIT.split(unicodedata.normalize("NFKC", text))]
    parts = [p for p in parts if p]
    if not parts:
        return False
    for part in parts:
        digits = sum(ch.isdigit() for ch in part)
        if not _PHONE_RE.match(part) or not 7 <= digits <= 18:
            return False
    return True


# -- the company -------------------------------------------------------------------------------

# The fields that describe a company, in display and storage order (id and stamps excluded).
CONTENT_FIELDS = (
    "name", "credit_code", "address", "town", "industry", "special_areas", "legal_rep",
    "legal_rep_position", "contact_name", "contact_phone", "risk_level", "notes",
)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


@dataclass(frozen=True)
class Company:
    name: str
    credit_code: str | None = None
    address: str | None = None
    town: str | None = None
    industry: str | None = None
    special_areas: tuple[str, ...] = ()
    legal_rep: str | None = None
    legal_rep_position: str | None = None   # 职务, printed beside the name on the record
    contact_name: str | None = None
    contact_phone: str | None = None
    risk_level: str | None = None
    notes: str | None = None
    id: str | None = None  # None until stored

    def normalised(self) -> Company:
        """Trimmed, blanks as None, the credit code in canonical form, areas in vocabulary order."""
        values: dict[str, Any] = {
            f.name: _clean(getattr(self, f.name))
            for f in fields(self) if f.name not in ("special_areas", "id")
        }
        values["name"] = values["name"] or ""
        values["credit_code"] = normalise_credit_code(self.credit_code) or None
        areas = set(self.special_areas)
        known = [a for a in SPECIAL_AREAS if a in areas]
        unknown = sorted(areas - set(SPECIAL_AREAS))
        return Company(**values, special_areas=tuple(known + unknown), id=self.id)

    def problems(self) -> list[Problem]:
        """Everything wrong with this company (call on a normalised one)."""
        found: list[Problem] = []
        if not (self.name or "").strip():
            found.append(problem("name", "name_required"))
        if self.credit_code:
            bad = credit_code_problem(normalise_credit_code(self.credit_code))
            if bad:
                found.append(bad)
        if self.industry and self.industry not in INDUSTRIES:
            found.append(problem("industry", "unknown_industry", value=self.industry,
                                 vocabulary="industry"))
        for area in self.special_areas:
            if area not in SPECIAL_AREAS:
                found.append(problem("special_areas", "unknown_special_area", value=area,
                                     vocabulary="special_areas"))
        if self.risk_level and self.risk_level not in RISK_LEVELS:
            found.append(problem("risk_level", "unknown_risk_level", value=self.risk_level,
                                 vocabulary="risk_level"))
        if self.contact_phone and not phone_plausible(self.contact_phone):
            found.append(problem("contact_phone", "bad_phone", value=self.contact_phone))
        return found

    def validated(self) -> Company:
        """The normalised company; ValidationError listing every problem otherwise."""
        company = self.normalised()
        found = company.problems()
        if found:
            raise ValidationError(N_("{problems}."), problems=Sentence(Listing(found)))
        return company

    def content(self) -> dict[str, Any]:
        """The describing fields, without id: what 'unchanged' compares."""
        return {name: getattr(self, name) for name in CONTENT_FIELDS}


def merge_keep_blanks(existing: Company, incoming: Company) -> Company:
    """``incoming`` onto ``existing``, where a blank incoming field keeps the stored value.

    An import row with an empty cell must not erase what an inspector typed earlier.
    """
    changes = {name: value for name, value in incoming.content().items()
               if value not in (None, "", ())}
    return replace(existing, **changes)


def differences(old: Company, new: Company) -> dict[str, tuple[Any, Any]]:
    a, b = old.content(), new.content()
    return {name: (a[name], b[name]) for name in CONTENT_FIELDS if a[name] != b[name]}


class AmbiguousMatchError(ValidationError):
    def __init__(self, found: Problem) -> None:
        super().__init__(N_("{problem}"), problem=found)
        self.problem = found


class CompanyIndex:
    """Finds the stored company an incoming one stands for, so nothing is ever doubled.

    The credit code decides when both sides have one. Without a code on the incoming side, the
    exact name decides, and several companies of that name are ambiguous. A new code may also
    complete a stored company of the same name that has none yet.
    """

    def __init__(self, companies: Iterable[Company]) -> None:
        self.by_id: dict[str, Company] = {}
        self.by_code: dict[str, Company] = {}
        self.by_name: dict[str, list[Company]] = {}
        for company in companies:
            self.put(company)

    def put(self, company: Company) -> None:
        """Add ``company`` (it needs an id), or replace the one with its id."""
        if company.id is None:
            raise ValueError("CompanyIndex.put() needs a company with an id")
        old = self.by_id.pop(company.id, None)
        if old is not None:
            if old.credit_code and self.by_code.get(old.credit_code) is old:
                del self.by_code[old.credit_code]
            self.by_name[old.name] = [c for c in self.by_name[old.name] if c is not old]
        self.by_id[company.id] = company
        if company.credit_code:
            self.by_code[company.credit_code] = company
        self.by_name.setdefault(company.name, []).append(company)

    def match(self, incoming: Company) -> Company | None:
        same_name = self.by_name.get(incoming.name, [])
        if incoming.credit_code:
            if incoming.credit_code in self.by_code:
                return self.by_code[incoming.credit_code]
            uncoded = [c for c in same_name if not c.credit_code]
            return uncoded[0] if len(uncoded) == 1 else None
        if len(same_name) > 1:
            raise AmbiguousMatchError(problem("name", "ambiguous_name", count=len(same_name),
                                              value=incoming.name))
        return same_name[0] if same_name else None


def plan_upsert(existing: Company | None, incoming: Company) -> tuple[str, Company]:
    """("added" | "updated" | "unchanged", the company as it would be stored)."""
    if existing is None:
        return "added", incoming
    merged = merge_keep_blanks(existing, incoming)
    return ("updated" if differences(existing, merged) else "unchanged"), merged
