"""The change history (修改记录) of an inspection, told in an inspector's words.

The audit log stores what changed as the program sees it (entity, action, field, JSON values,
UTC times). An inspector reads "第三条第（一）项：符合 → 不符合", "隐患 1 整改要求已修改" or
"照片 site-photo.jpg 已添加" at local time; the raw entry stays available as the details.
Both the window and ``inspections history`` print these lines.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from inspector_app.domain.bilingual import Bilingual
from inspector_app.domain.checklist import Item, ItemType, Template
from inspector_app.domain.finding import GRADE_LABELS, Grade
from inspector_app.domain.signature import ROLE_LABELS, SignerRole
from inspector_app.storage.audit import AuditEntry
from inspector_app.storage.inspections_repo import InspectionRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

# An item is named by its clause when the clause is short ("第三条第（一）项"), else by its text.
CLAUSE_MAX = 16
ITEM_TEXT_MAX = 24
VALUE_MAX = 80

_ANSWERS = {"compliant": Bilingual(zh="符合", en="compliant"),
            "non_compliant": Bilingual(zh="不符合", en="non-compliant"),
            "not_applicable": Bilingual(zh="不适用", en="not applicable")}
_STATUS = {"draft": Bilingual(zh="草稿", en="draft"),
           "completed": Bilingual(zh="已完成", en="completed"),
           "signed": Bilingual(zh="已签署", en="signed")}
_FINDING_FIELDS = {"description": Bilingual(zh="隐患描述", en="description"),
                   "grade": Bilingual(zh="隐患等级", en="grade"),
                   "legal_basis": Bilingual(zh="依据条款", en="legal basis"),
                   "requirement": Bilingual(zh="整改要求", en="rectification requirement"),
                   "deadline": Bilingual(zh="整改期限", en="deadline"),
                   "responsible": Bilingual(zh="责任人", en="responsible"),
                   "onsite_measure": Bilingual(zh="现场处理措施", en="on-the-spot measure"),
                   "status": Bilingual(zh="状态", en="status"),
                   "current_deadline": Bilingual(zh="新整改期限", en="new deadline"),
                   "closed_at": Bilingual(zh="销号日期", en="closing date")}
_INSPECTION_FIELDS = {"place": Bilingual(zh="检查地点", en="place inspected"),
                      "started_at": Bilingual(zh="开始时间", en="start time"),
                      "status": Bilingual(zh="状态", en="status")}
_PHOTO_FIELDS = {"caption": Bilingual(zh="说明", en="caption"),
                 "annotations": Bilingual(zh="标注", en="annotations"),
                 "tag": Bilingual(zh="类别", en="tag"),
                 "item_id": Bilingual(zh="所属检查项", en="item"),
                 "finding_id": Bilingual(zh="所属隐患", en="hazard")}
_RESULTS = {"rectified": Bilingual(zh="整改合格", en="rectified"),
            "not_rectified": Bilingual(zh="整改不合格", en="not rectified")}
_DOCUMENTS = {"record": Bilingual(zh="现场检查记录", en="inspection record"),
              "order": Bilingual(zh="责令限期整改指令书", en="rectification order"),
              "reinspection": Bilingual(zh="整改复查意见书", en="re-inspection opinion")}


def _same(text: str) -> Bilingual:
    """A stored value without a label reads the same in both languages."""
    return Bilingual(zh=text, en=text)


@dataclass(frozen=True)
class HistoryLine:
    when: str       # local time, to the minute
    who: str
    what: str       # the change in words
    old: str
    new: str
    reason: str
    details: str    # the audit entry as stored, for whoever needs it


def local_time(utc_iso: str) -> str:
    """A stored UTC time as this computer's local time, to the minute."""
    try:
        moment = datetime.fromisoformat(utc_iso.replace("Z", "+00:00"))
    except ValueError:
        return utc_iso
    if moment.tzinfo is None:
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _text(value: dict[str, Any], key: str) -> str:
    """``value[key]`` as text: empty when missing or null (a log row another computer wrote)."""
    found = value.get(key)
    return "" if found is None else str(found)


def _json(value: str | None) -> Any:
    if value is None:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return value


# The reasons the program writes into the audit log, which keeps them in English (its rows are
# synchronised and never rewritten): said in the reader's language when shown.
_REASONS = {
    "non-compliant answer": Bilingual(zh="答案为不符合", en="non-compliant answer"),
    "answer changed from non-compliant": Bilingual(
        zh="答案不再是不符合", en="answer no longer non-compliant"),
    "added by inspector": Bilingual(zh="检查人员添加", en="added by the inspector"),
    "given again: the record changed after it was signed": Bilingual(
        zh="记录签名后有修改，重新签名", en="signed again after the record changed"),
    "governance plan": Bilingual(zh="治理方案", en="governance plan"),
    "export refused before any file was written; number given back": Bilingual(
        zh="导出被拒，未写出任何文件；文书编号已退回",
        en="export refused before any file was written; number given back"),
}
# A conflict's reason (services/sync/merge.py), kept with its resolution: said so only on a
# conflict's line ('number' on a removed signature is what a person typed).
_CONFLICT_REASONS = {
    "edited on two machines": Bilingual(zh="同一草稿在两台电脑上都有修改",
                                        en="the same draft changed on two computers"),
    "number": Bilingual(zh="同一文书编号印在两份记录上",
                        en="the same number printed on two records"),
}
# Those with details in them (services/signatures.py, services/reinspection.py).
_REASONS_WITH_DETAILS = (
    (re.compile(r"witness to (?P<person>.+)'s refusal to sign", re.DOTALL),
     Bilingual(zh="见证{person}拒绝签名", en="witness to {person}'s refusal to sign")),
    (re.compile(r"accepted at re-inspection (?P<label>.+)", re.DOTALL),
     Bilingual(zh="复查 {label} 验收合格", en="accepted at re-inspection {label}")),
    (re.compile(r"not accepted at re-inspection (?P<label>.+)", re.DOTALL),
     Bilingual(zh="复查 {label} 验收不合格", en="not accepted at re-inspection {label}")),
    (re.compile(r"(?P<closed>\d+) closed, (?P<reopened>\d+) reopened"),
     Bilingual(zh="{closed} 项销号，{reopened} 项重新整改",
               en="{closed} closed, {reopened} reopened")),
)


class HistoryWriter:
    """Turns audit entries of one inspection into ``HistoryLine``s in one language."""

    def __init__(self, db: Database, inspection_id: str, template: Template | None,
                 lang: str) -> None:
        self.zh = not lang.lower().startswith("en")
        self.lang = "zh_CN" if self.zh else "en"
        self.template = template
        repo = InspectionRepo(db)
        self.seq = repo.finding_seqs(inspection_id)
        self.photos = repo.photo_names(inspection_id)

    def _(self, text: Bilingual) -> str:
        return text.in_(self.lang)

    def lines(self, entries: list[AuditEntry]) -> list[HistoryLine]:
        return [self.line(e) for e in entries]

    def line(self, e: AuditEntry) -> HistoryLine:
        what, old, new = self._describe(e)
        if not self.zh and what:  # a line of its own reads as a sentence
            what = what[0].upper() + what[1:]
        return HistoryLine(when=local_time(e.at), who=e.actor or "", what=what,
                           old=_clip(old, VALUE_MAX), new=_clip(new, VALUE_MAX),
                           reason=self._reason(e.reason, e.entity), details=details(e))

    # -- naming things --
    def _item(self, item_id: str) -> Item | None:
        if self.template is None:
            return None
        try:
            return self.template.item(item_id)
        except KeyError:
            return None

    def item_name(self, item_id: str) -> str:
        item = self._item(item_id)
        if item is None:
            return item_id
        clause = item.legal_basis.get(self.lang) if item.legal_basis else ""
        if clause and len(clause) <= CLAUSE_MAX:
            return clause
        return _clip(item.text.get(self.lang), ITEM_TEXT_MAX)

    def hazard_name(self, finding_id: str, stored: Any = None) -> str:
        seq = self.seq.get(finding_id)
        if seq is None and isinstance(stored, dict):
            seq = stored.get("seq")
        return (f"隐患 {seq}" if self.zh else f"hazard {seq}") if seq is not None else \
            self._(Bilingual(zh="隐患", en="hazard"))

    def answer_text(self, item_id: str, raw: str | None) -> str:
        value = _json(raw) if raw not in _ANSWERS else raw
        if value is None:
            return self._(Bilingual(zh="未作答", en="unanswered"))
        if isinstance(value, str) and value in _ANSWERS:
            return self._(_ANSWERS[value])
        if isinstance(value, bool):
            return self._(Bilingual(zh="是", en="yes") if value else Bilingual(zh="否", en="no"))
        item = self._item(item_id)
        if item is not None and item.choices:
            labels = {str(c.value): c.text.get(self.lang) for c in item.choices}
            if isinstance(value, list):
                return "、".join(labels.get(str(v), str(v)) for v in value)
            return labels.get(str(value), str(value))
        if item is not None and item.type is ItemType.NUMBER and item.unit:
            return f"{value} {item.unit.get(self.lang)}"
        return str(value)

    def _plain(self, raw: str | None) -> str:
        value = _json(raw)
        if value is None:
            return ""
        if isinstance(value, (dict, list)):
            return ""  # structured values are in the details
        return str(value)

    def _reason(self, reason: str | None, entity: str) -> str:
        if not reason:
            return ""
        known = _CONFLICT_REASONS if entity == "conflict" else _REASONS
        if reason in known:
            return self._(known[reason])
        for pattern, words in _REASONS_WITH_DETAILS:
            found = pattern.fullmatch(reason)
            if found:
                return self._(words).format(**found.groupdict())
        return reason  # typed by a person, or written by a newer version

    # -- the sentences --
    def _describe(self, e: AuditEntry) -> tuple[str, str, str]:
        handler = (self._document_withdrawn if (e.entity, e.action) == ("document", "delete")
                   else getattr(self, f"_{e.entity}", None))
        if handler is not None:
            described = handler(e)
            if described is not None:
                return described
        return (f"{e.entity} {e.action}", self._plain(e.old_value), self._plain(e.new_value))

    def _answer(self, e: AuditEntry) -> tuple[str, str, str] | None:
        name = self.item_name(e.entity_id)
        if e.field == "note":
            return ((f"{name}：备注已修改" if self.zh else f"{name}: note changed"),
                    e.old_value or "", e.new_value or "")
        old = self.answer_text(e.entity_id, e.old_value)
        new = self.answer_text(e.entity_id, e.new_value)
        return (f"{name}：{old} → {new}" if self.zh else f"{name}: {old} → {new}"), old, new

    def _finding(self, e: AuditEntry) -> tuple[str, str, str] | None:
        stored = _json(e.new_value) if e.action in ("create", "restore") else _json(e.old_value)
        name = self.hazard_name(e.entity_id, stored)
        zh_en = {"create": Bilingual(zh="{0} 已记录", en="{0} recorded"),
                 "withdraw": Bilingual(zh="{0} 已撤回（内容保留，可恢复）",
                                       en="{0} withdrawn (kept, restorable)"),
                 "restore": Bilingual(zh="{0} 已恢复", en="{0} restored"),
                 "delete": Bilingual(zh="{0} 已删除", en="{0} deleted")}
        if e.action in zh_en:
            text = self._(zh_en[e.action]).format(name)
            description = stored.get("description", "") if isinstance(stored, dict) else ""
            if e.action in ("withdraw", "delete"):
                return text, description, ""
            return text, "", description
        if e.action == "update" and e.field:
            label = self._(_FINDING_FIELDS.get(e.field, _same(e.field)))
            text = f"{name} {label}已修改" if self.zh else f"{name}: {label} changed"
            return text, self._value(e.field, e.old_value), self._value(e.field, e.new_value)
        return None

    def _value(self, field: str, raw: str | None) -> str:
        value = self._plain(raw)
        if field == "grade" and value in {g.value for g in Grade}:
            return self._(GRADE_LABELS[Grade(value)])
        if field == "status" and value in _STATUS:
            return self._(_STATUS[value])
        return value

    def _inspection(self, e: AuditEntry) -> tuple[str, str, str] | None:
        new = _json(e.new_value)
        if e.action == "create":
            number = (new.get("number") if isinstance(new, dict) else "") or ""
            text = f"检查记录 {number} 已创建" if self.zh else f"record {number} created"
            return " ".join(text.split()), "", number
        if e.action == "update" and e.field == "status":
            old_s = self._(_STATUS.get(e.old_value or "", _same(e.old_value or "")))
            new_s = self._(_STATUS.get(e.new_value or "", _same(e.new_value or "")))
            text = f"状态：{old_s} → {new_s}" if self.zh else f"status: {old_s} → {new_s}"
            return text, old_s, new_s
        if e.action == "update" and e.field:
            label = self._(_INSPECTION_FIELDS.get(e.field, _same(e.field)))
            return (f"{label}已修改" if self.zh else f"{label} changed",
                    self._plain(e.old_value), self._plain(e.new_value))
        if e.action == "amend":
            return self._(Bilingual(zh="修订版已创建", en="corrected revision created")), "", ""
        if e.action == "superseded":
            return self._(Bilingual(zh="已被修订版取代",
                                    en="superseded by a corrected revision")), "", ""
        return None

    def _photo(self, e: AuditEntry) -> tuple[str, str, str] | None:
        stored = _json(e.new_value if e.action == "create" else e.old_value)
        name = self.photos.get(e.entity_id) or (
            stored.get("file") if isinstance(stored, dict) else "") or ""
        photo = f"照片 {name}" if self.zh else f"photo {name}"
        if e.action == "create":
            return (f"{photo} 已添加" if self.zh else f"{photo} added"), "", ""
        if e.action == "delete":
            return (f"{photo} 已删除" if self.zh else f"{photo} deleted"), "", ""
        if e.action == "update" and e.field:
            label = self._(_PHOTO_FIELDS.get(e.field, _same(e.field)))
            return (f"{photo} {label}已修改" if self.zh else f"{photo}: {label} changed",
                    self._plain(e.old_value), self._plain(e.new_value))
        return None

    def _signature(self, e: AuditEntry) -> tuple[str, str, str] | None:
        stored = _json(e.new_value if e.action in ("create", "refuse") else e.old_value)
        if not isinstance(stored, dict):
            return None
        signer = stored.get("signer") or ""
        try:
            role = self._(ROLE_LABELS[SignerRole(stored.get("role"))])
        except ValueError:
            role = stored.get("role") or ""
        texts = {"create": Bilingual(zh="{0}（{1}）已签名", en="{0} ({1}) signed"),
                 "refuse": Bilingual(zh="{0}（{1}）拒绝签名", en="{0} ({1}) refused to sign"),
                 "delete": Bilingual(zh="{0}（{1}）的签名已移除",
                                     en="signature of {0} ({1}) removed")}
        if e.action not in texts:
            return None
        return self._(texts[e.action]).format(signer, role), "", ""

    def _document(self, e: AuditEntry) -> tuple[str, str, str] | None:
        new = _json(e.new_value)
        if not isinstance(new, dict):
            return None
        if e.action == "create":
            kind = self._document_kind(new)
            return (f"{kind}已编号" if self.zh else f"{kind} numbered"), "", _text(new, "number")
        if e.action == "export":
            return (self._(Bilingual(zh="文书已导出",
                                     en="document exported")), "", _text(new, "file"))
        return None

    def _document_withdrawn(self, e: AuditEntry) -> tuple[str, str, str] | None:
        old = _json(e.old_value)
        if not isinstance(old, dict):
            return None
        kind = self._document_kind(old)
        return (f"{kind}编号已退回" if self.zh else f"{kind} number given back"), \
            _text(old, "number"), ""

    def _document_kind(self, value: dict[str, Any]) -> str:
        # The log comes from other computers too: a type of another shape is a document.
        kind = value.get("type")
        known = _DOCUMENTS.get(kind) if isinstance(kind, str) else None
        return self._(known or Bilingual(zh="文书", en="document"))

    def _conflict(self, e: AuditEntry) -> tuple[str, str, str] | None:
        if e.action == "resolve":
            kept = {"local": Bilingual(zh="保留本机的版本", en="this computer's version kept"),
                    "incoming": Bilingual(zh="采用另一台电脑的版本",
                                          en="the other computer's version taken")}
            chosen = _json(e.new_value)
            what = self._(Bilingual(zh="冲突已处理", en="conflict resolved"))
            return what, "", (self._(kept[chosen]) if isinstance(chosen, str) and chosen in kept
                              else self._plain(e.new_value))
        if e.action == "review":
            return (self._(Bilingual(zh="编号重复已核对", en="number used twice reviewed")), "",
                    self._plain(e.new_value))
        return None

    def _reinspection_result(self, e: AuditEntry) -> tuple[str, str, str] | None:
        name = self.hazard_name(e.entity_id)
        old, new = _json(e.old_value), _json(e.new_value)

        def result(value: Any) -> str:
            if not isinstance(value, dict):
                return ""
            return self._(_RESULTS.get(value.get("result", ""), _same(value.get("result", ""))))

        text = f"{name} 复查结果" if self.zh else f"{name}: re-inspection result"
        return text, result(old), result(new)


def details(e: AuditEntry) -> str:
    """The entry as stored, on one line."""
    parts = [e.at, e.entity, e.action, e.entity_id]
    if e.field:
        parts.append(e.field)
    if e.old_value is not None or e.new_value is not None:
        parts.append(f"{e.old_value if e.old_value is not None else '∅'} → "
                     f"{e.new_value if e.new_value is not None else '∅'}")
    return "  ".join(parts)


def history_lines(db: Database, inspection_id: str, template: Template | None,
                  entries: list[AuditEntry], lang: str) -> list[HistoryLine]:
    return HistoryWriter(db, inspection_id, template, lang).lines(entries)
