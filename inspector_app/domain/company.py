"""Inspected companies (被检查单位): vocabularies, the credit code check, validation, matching.

Messages about a company are data here, in English and Chinese (``Problem.text(lang)``), because
the CLI, the import preview and the dialog all show them; the GUI's own texts go through Qt.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from inspector_app.errors import ValidationError

Labels = tuple[str, str]  # (zh, en)

# Ordered: the order is the one shown in combo boxes and used when storing special areas.
INDUSTRIES: dict[str, Labels] = {
    "metallurgy": ("冶金", "Metallurgy"),
    "nonferrous": ("有色", "Non-ferrous metals"),
    "building_materials": ("建材", "Building materials"),
    "machinery": ("机械", "Machinery"),
    "light_industry": ("轻工", "Light industry"),
    "textile": ("纺织", "Textiles"),
    "tobacco": ("烟草", "Tobacco"),
    "chemical": ("化工和危险化学品", "Chemicals and hazardous chemicals"),
    "commerce": ("商贸", "Commerce and trade"),
    "other": ("其他", "Other"),
}

SPECIAL_AREAS: dict[str, Labels] = {
    "combustible_dust": ("粉尘涉爆", "Combustible dust"),
    "liquid_ammonia": ("涉氨制冷", "Liquid-ammonia refrigeration"),
    "confined_space": ("有限空间作业", "Confined-space work"),
    "hazardous_chemicals": ("危险化学品", "Hazardous chemicals"),
}

RISK_LEVELS: dict[str, Labels] = {
    "major": ("重大风险", "Major risk"),
    "high": ("较大风险", "High risk"),
    "moderate": ("一般风险", "Moderate risk"),
    "low": ("低风险", "Low risk"),
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

# Labels, like the vocabularies, are (zh, en); placeholders are filled with str.format.
FIELD_LABELS: dict[str, Labels] = {
    "name": ("单位名称", "name"),
    "credit_code": ("统一社会信用代码", "credit code"),
    "address": ("地址", "address"),
    "town": ("乡镇", "town"),
    "industry": ("行业", "industry"),
    "special_areas": ("涉及领域", "special areas"),
    "legal_rep": ("法定代表人", "legal representative"),
    "legal_rep_position": ("职务", "position"),
    "contact_name": ("现场负责人", "on-site contact"),
    "contact_phone": ("联系电话", "phone"),
    "risk_level": ("风险等级", "risk level"),
    "notes": ("备注", "notes"),
}

# Messages are (en, zh): the English text is the source, as with Qt's tr().
MESSAGES: dict[str, tuple[str, str]] = {
    "name_required": ("is required", "不能为空"),
    "credit_length": ("must be 18 characters, not {n}", "应为 18 位，实际为 {n} 位"),
    "credit_char": (
        "invalid character “{char}” at position {pos} (credit codes use digits and capital "
        "letters except I, O, S, V, Z)",
        "第 {pos} 位字符“{char}”无效（只能是数字和除 I、O、S、V、Z 外的大写字母）",
    ),
    "credit_check": (
        "wrong check character “{got}”, expected “{expected}”",
        "校验位错误，应为 {expected}",
    ),
    "credit_taken": (
        "already used by “{other}” on this computer",
        "已被本机的“{other}”使用",
    ),
    "unknown_industry": ("unknown industry “{value}” (use one of: {choices})",
                         "未知行业“{value}”（可选：{choices}）"),
    "unknown_special_area": ("unknown special area “{value}” (use: {choices})",
                             "未知领域“{value}”（可选：{choices}）"),
    "unknown_risk_level": ("unknown risk level “{value}” (use one of: {choices})",
                           "未知风险等级“{value}”（可选：{choices}）"),
    "bad_phone": ("“{value}” does not look like a phone number",
                  "“{value}”不是有效的电话号码"),
    "duplicate_code": ("the same credit code is already on row {other}",
                       "与第 {other} 行的统一社会信用代码重复"),
    "duplicate_name": ("the same company is already on row {other}",
                       "与第 {other} 行是同一家单位"),
    "ambiguous_name": (
        "{n} companies on this computer are named “{value}”; add the credit code to say which",
        "本机有 {n} 家单位名为“{value}”，请填写统一社会信用代码以区分",
    ),
}


def is_zh(lang: str | None) -> bool:
    return bool(lang) and str(lang).lower().startswith("zh")


def _pick(labels: Labels, lang: str | None) -> str:
    return labels[0] if is_zh(lang) else labels[1]


def label(vocabulary: Mapping[str, Labels], code: str | None, lang: str | None) -> str:
    """The label of ``code`` in ``lang``; an unknown code is shown as it is."""
    if not code:
        return ""
    labels = vocabulary.get(code)
    return _pick(labels, lang) if labels else code


def industry_label(code: str | None, lang: str | None) -> str:
    return label(INDUSTRIES, code, lang)


def special_area_label(code: str | None, lang: str | None) -> str:
    return label(SPECIAL_AREAS, code, lang)


def risk_label(code: str | None, lang: str | None) -> str:
    return label(RISK_LEVELS, code, lang)


def choices_text(vocabulary: Mapping[str, Labels], lang: str | None) -> str:
    return ("、" if is_zh(lang) else ", ").join(label(vocabulary, c, lang) for c in vocabulary)


def _key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lower().replace(" ", "").replace("-", "_")


def code_for(vocabulary: Mapping[str, Labels], text: str,
             aliases: Mapping[str, str] | None = None) -> str | None:
    """The code a spreadsheet cell means: the code itself, a Chinese or English label, an alias."""
    wanted = _key(text)
    if not wanted:
        return None
    for code, (zh, en) in vocabulary.items():
        if wanted in (code, _key(zh), _key(en)):
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
    """One thing wrong with a company's data, printable in English or Chinese."""

    field: str
    key: str
    params: tuple[tuple[str, Any], ...] = ()

    def message(self, lang: str | None = "en") -> str:
        en, zh = MESSAGES[self.key]
        params = dict(self.params)
        if "vocabulary" in params:  # the accepted values, listed in the message's language
            params["choices"] = choices_text(VOCABULARIES[params["vocabulary"]], lang)
        return (zh if is_zh(lang) else en).format(**params)

    def text(self, lang: str | None = "en") -> str:
        """The message prefixed with the field: "credit code: ..." / "统一社会信用代码：..."."""
        field_label = _pick(FIELD_LABELS.get(self.field, (self.field, self.field)), lang)
        sep = "：" if is_zh(lang) else ": "
        return f"{field_label}{sep}{self.message(lang)}"


def problem(field_name: str, key: str, **params: Any) -> Problem:
    return Problem(field_name, key, tuple(params.items()))


def credit_code_problem(code: str) -> Problem | None:
    """What is wrong with an already normalised credit code, or None."""
    for pos, char in enumerate(code, start=1):
        if char not in CREDIT_CODE_CHARSET:
            return problem("credit_code", "credit_char", char=char, pos=pos)
    if len(code) != CREDIT_CODE_LENGTH:
        return problem("credit_code", "credit_length", n=len(code))
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
            text = "; ".join(p.text("en") for p in found)
            # Not str.capitalize(): it would lower-case the credit code in the message.
            raise ValidationError(text[:1].upper() + text[1:] + ".")
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
        super().__init__(found.text("en"))
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
            raise AmbiguousMatchError(problem("name", "ambiguous_name", n=len(same_name),
                                              value=incoming.name))
        return same_name[0] if same_name else None


def plan_upsert(existing: Company | None, incoming: Company) -> tuple[str, Company]:
    """("added" | "updated" | "unchanged", the company as it would be stored)."""
    if existing is None:
        return "added", incoming
    merged = merge_keep_blanks(existing, incoming)
    return ("updated" if differences(existing, merged) else "unchanged"), merged
