"""What an import did, table by table, in lines a person can read."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass
class Tally:
    added: int = 0
    updated: int = 0
    conflicts: int = 0
    deleted: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def empty(self) -> bool:
        return not (self.added or self.updated or self.conflicts or self.deleted
                    or self.skipped)


@dataclass
class ImportReport:
    file_name: str
    bundle_id: str = ""
    kind: str = ""
    device_id: str = ""
    device_name: str = ""
    signer: str = ""
    created_at: str = ""
    status: str = "imported"          # imported | already imported | dry run
    photos_added: int = 0
    documents_added: int = 0          # PDF files stored
    tables: dict[str, Tally] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def tally(self, table: str) -> Tally:
        return self.tables.setdefault(table, Tally())

    def added(self, table: str, n: int = 1) -> None:
        self.tally(table).added += n

    def updated(self, table: str) -> None:
        self.tally(table).updated += 1

    def deleted(self, table: str) -> None:
        self.tally(table).deleted += 1

    def skipped(self, table: str, why: str) -> None:
        self.tally(table).skipped[why] += 1

    def conflict(self, table: str, line: str) -> None:
        self.tally(table).conflicts += 1
        self.notes.append(line)

    @property
    def changed(self) -> bool:
        return any(t.added or t.updated or t.conflicts or t.deleted
                   for t in self.tables.values())

    def lines(self) -> list[str]:
        head = {"imported": "Imported", "already imported": "Already imported — nothing changed",
                "dry run": "Dry run — nothing was changed; an import would do this"}[self.status]
        out = [f"{head}: {self.file_name}",
               f"from {self.device_name or '?'} (signed by {self.signer or '?'}), "
               f"{self.kind} bundle made {self.created_at[:16].replace('T', ' ')} UTC"]
        if self.status == "already imported":
            return out
        for table, t in self.tables.items():
            if t.empty():
                continue
            parts = [f"{t.added} added", f"{t.updated} updated"]
            if t.deleted:
                parts.append(f"{t.deleted} deleted")
            parts += [f"{n} skipped ({why})" for why, n in sorted(t.skipped.items())]
            if t.conflicts:
                parts.append(f"{t.conflicts} conflicts")
            out.append(f"  {table}: " + ", ".join(parts))
        if self.photos_added:
            out.append(f"  photo files stored: {self.photos_added}")
        if self.documents_added:
            out.append(f"  PDF files stored: {self.documents_added}")
        out += [f"  ! {n}" for n in self.notes]
        if not self.changed:
            out.append("  nothing new")
        return out

    def to_json(self) -> dict[str, Any]:
        return {"file_name": self.file_name, "bundle_id": self.bundle_id, "kind": self.kind,
                "device_id": self.device_id, "device_name": self.device_name,
                "signer": self.signer, "created_at": self.created_at, "status": self.status,
                "photos_added": self.photos_added,
                "documents_added": self.documents_added, "notes": self.notes,
                "tables": {k: {"added": t.added, "updated": t.updated, "conflicts": t.conflicts,
                                   "deleted": t.deleted,
                               "skipped": dict(t.skipped)}
                           for k, t in self.tables.items() if not t.empty()},
                "lines": self.lines()}


# -- in the user's words ----------------------------------------------------------------------
# What a table's rows are to a person, as (zh unit and noun, en singular, en plural). Rows that
# are only parts of a record (answers, team members, the audit trail) are told with the record.
_NOUNS: dict[str, tuple[str, str, str]] = {
    "inspections": ("项检查记录", "inspection record", "inspection records"),
    "findings": ("项隐患", "hazard", "hazards"),
    "photos": ("张照片", "photo", "photos"),
    "signatures": ("个手写签名", "handwritten signature", "handwritten signatures"),
    "documents": ("份文书", "document", "documents"),
    "reinspection_results": ("项复查结果", "re-inspection result", "re-inspection results"),
    "record_signatures": ("个数字签名", "digital signature", "digital signatures"),
    "companies": ("家企业", "company", "companies"),
    "inspectors": ("名检查人员", "inspector", "inspectors"),
    "templates": ("份检查表", "checklist", "checklists"),
    "planned_inspections": ("项检查计划", "planned inspection", "planned inspections"),
    "devices": ("台电脑", "computer", "computers"),
    "trust_roots": ("个单位根证书", "office root certificate", "office root certificates"),
    "revocations": ("个证书吊销", "certificate revocation", "certificate revocations"),
}
# Skips that are not news: the same row was already here.
_NOT_NEWS = {"identical", "already present", "present", "conflict already recorded",
             "conflict already resolved"}


def _count(n: int, table: str, zh: bool) -> str:
    unit, one, many = _NOUNS[table]
    return f"{n} {unit}" if zh else f"{n} {one if n == 1 else many}"


def local_minute(utc_iso: str | None) -> str:
    """A stored UTC time at this computer's local time, to the minute."""
    if not utc_iso:
        return ""
    try:
        moment = datetime.fromisoformat(utc_iso.replace("Z", "+00:00"))
    except ValueError:
        return utc_iso
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def summary(report: dict[str, Any], direction: str, lang: str) -> list[str]:
    """What a sync brought in (or wrote out), in the user's words and local time.

    ``report`` is the stored JSON of a history row (``ImportReport.to_json`` for an import,
    the counts of an export).
    """
    zh = not lang.lower().startswith("en")
    sep = "，" if zh else ", "
    if direction == "out":
        counts = report.get("counts", {})
        parts = [_count(n, t, zh) for t, n in counts.items() if n and t in _NOUNS]
        if counts.get("photos") is None and report.get("photos"):
            parts.append(_count(report["photos"], "photos", zh))
        head = "已写入导出文件：" if zh else "Written to the export file: "
        lines = [head + (sep.join(parts) if parts else ("无新内容" if zh else "nothing new"))]
        missing = len(report.get("missing_photos") or [])
        if missing:
            lines.append(f"{missing} 张照片的文件在本机缺失，未能导出" if zh else
                         f"{missing} photo file(s) missing on this computer were not exported")
        return lines

    status = report.get("status", "imported")
    heads = {"imported": ("已导入", "Imported"),
             "already imported": ("此文件以前已导入，未做任何更改",
                                  "Already imported before: nothing changed"),
             "dry run": ("试运行：未做任何更改；导入将会：",
                         "Dry run: nothing was changed; an import would:")}
    head = heads.get(status, (status, status))[0 if zh else 1]
    who = report.get("device_name") or "?"
    signer = report.get("signer") or "?"
    made = local_minute(report.get("created_at"))
    lines = [f"{head} {report.get('file_name', '')}".rstrip(),
             (f"来自 {who}（签名人：{signer}），生成于 {made}" if zh
              else f"From {who} (signed by {signer}), made {made}")]
    if status == "already imported":
        return lines
    given: dict[str, dict[str, Any]] = report.get("tables", {})
    # Records first, then reference data: the order of _NOUNS, not of the bundle.
    tables = {name: given[name] for name in _NOUNS if name in given}
    tables.update({name: t for name, t in given.items() if name not in tables})
    added = [_count(t["added"], name, zh) for name, t in tables.items()
             if t.get("added") and name in _NOUNS]
    updated = [_count(t["updated"], name, zh) for name, t in tables.items()
               if t.get("updated") and name in _NOUNS]
    deleted = [_count(t["deleted"], name, zh) for name, t in tables.items()
               if t.get("deleted") and name in _NOUNS]
    conflicts = sum(t.get("conflicts", 0) for t in tables.values())
    kept = sum(n for t in tables.values() for why, n in t.get("skipped", {}).items()
               if why not in _NOT_NEWS)
    if added:
        lines.append(("新收到：" if zh else "New: ") + sep.join(added))
    if updated:
        lines.append(("已更新：" if zh else "Updated: ") + sep.join(updated))
    if deleted:
        lines.append(("对方已删除，本机也已删除：" if zh else "Deleted there, deleted here: ")
                     + sep.join(deleted))
    photo_rows = given.get("photos", {}).get("added", 0)
    if report.get("photos_added") and report["photos_added"] != photo_rows:
        lines.append(f"保存了 {report['photos_added']} 个照片文件" if zh
                      else f"{report['photos_added']} photo file(s) stored")
    if report.get("documents_added"):
        lines.append(f"保存了 {report['documents_added']} 份 PDF 文书" if zh
                      else f"{report['documents_added']} PDF document(s) stored")
    if conflicts:
        lines.append(f"{conflicts} 个冲突：同一份草稿在两台电脑上都改过，两份都已保留，"
                     "请在下方的冲突列表中选择保留哪一份" if zh else
                     f"{conflicts} conflict(s): a draft changed on both computers; both are "
                     "kept until you choose one in the conflicts list below")
    if kept:
        lines.append(f"{kept} 项保留了本机的版本（本机的较新或已签名）" if zh else
                     f"{kept} item(s) kept as they are here (newer here or signed)")
    if len(lines) == 2:
        lines.append("没有新内容" if zh else "Nothing new")
    return lines
