"""How the law is quoted: citations of a standard's clauses and the wording of a hazard.

An order names the clause a hazard breaks the way a lawyer would, 《工贸企业重大事故隐患判定标准》
（应急管理部令第10号）第四条第（一）项, never the checklist's title or version; and a hazard
raised by a failed item of a determination standard is described with the situation the law
names (情形), not with the checklist's question turned round.
"""

from __future__ import annotations

from inspector_app.domain.checklist import Item, Template

__all__ = ["chinese_number", "clause_label", "hazard_wording", "legal_citation"]

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 13 → 十三, 20 → 二十, 64 → 六十四 (the numbering of articles and items)."""
    if not 0 < n < 100:
        raise ValueError(f"no Chinese numeral for {n}")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")


def clause_label(article: int | None, clause: int, lang: str | None = "zh_CN") -> str:
    """第四条第（一）项 / Art. 4 (1); a standard without articles: 第（一）项 / item (1)."""
    if _english(lang):
        return f"Art. {article} ({clause})" if article else f"item ({clause})"
    head = f"第{chinese_number(article)}条" if article else ""
    return f"{head}第（{chinese_number(clause)}）项"


def legal_citation(template: Template, item: Item, lang: str | None = "zh_CN") -> str | None:
    """The legal basis of ``item`` as it is printed, or None when the item cites nothing.

    A standard's item: 《标准》（文号）第四条第（一）项. Any other item keeps the basis its template
    writes (which names its law itself), never prefixed with the checklist's title.
    """
    situation = item.situation
    if situation is not None and template.citation is not None:
        clause = clause_label(situation.article, situation.clause, lang)
        title = template.citation.title.get(lang)
        document = template.citation.document.get(lang) if template.citation.document else ""
        if _english(lang):
            return f"{title} ({document}), {clause}" if document else f"{title}, {clause}"
        return f"《{title}》" + (f"（{document}）" if document else "") + clause
    if item.legal_basis is not None:
        return item.legal_basis.get(lang)
    return None


def hazard_wording(template: Template, item: Item, lang: str | None = "zh_CN") -> str:
    """How a hazard raised by ``item`` failing is first described (the inspector may edit it).

    The item's own hazard wording wins; else, in Chinese, the official situation text; else the
    requirement quoted as not met — quoted, so that a requirement worded in the negative never
    turns into a double negative.
    """
    if item.hazard is not None and (item.hazard.en if _english(lang) else item.hazard.zh):
        return item.hazard.get(lang)
    situation = item.situation
    if not _english(lang) and situation is not None and situation.text:
        return situation.text
    text = item.text.get(lang)
    if _english(lang):
        return f"Requirement not met: “{text}”"
    return f"经检查，“{text}”的要求未落实"


def _english(lang: str | None) -> bool:
    return lang is not None and lang.lower().startswith("en")
