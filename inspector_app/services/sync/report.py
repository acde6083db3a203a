"""What an import did, table by table, in lines a person can read."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
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
