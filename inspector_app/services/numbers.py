"""Number blocks: the office hands each laptop ranges of document numbers per type and year.

The office allocates (``numbers allocate``); its sync bundle carries the blocks to the laptops;
each laptop numbers inside its own blocks (``storage.numbers``); the office sees how much of
every block is used from the documents the laptops send back (``numbers list``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from inspector_app.domain.numbering import (
    DOC_WORDS,
    LOW_WATER,
    DocType,
    NumberBlock,
    RangeRefused,
    check_range,
)
from inspector_app.domain.profile import Device
from inspector_app.domain.records import new_id, record_stamp
from inspector_app.errors import Hint, NotFoundError, ValidationError
from inspector_app.i18n import ENUMERATION, N_, Listing
from inspector_app.storage.audit import AuditLog
from inspector_app.storage.numbers import (
    add_block,
    all_block_uses,
    enrolled,
    load_blocks,
    managed,
    office,
    remaining,
    used_seqs,
)
from inspector_app.storage.repositories import DeviceRepo, SettingsRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

_UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@dataclass(frozen=True)
class BlockRow:
    """One block as the office's ledger shows it."""

    id: str
    device_id: str
    device: str              # the laptop's name and prefix, or its id when not known here
    doc_type: DocType
    word: str
    year: int
    first: int
    last: int
    used: int

    @property
    def unused(self) -> int:
        return self.last - self.first + 1 - self.used


@dataclass(frozen=True)
class Shortage:
    """A laptop's numbers of one type and year nearly used up (fewer than ``LOW_WATER`` left
    unused in its blocks), as the office counts them from the documents sent back."""

    device_id: str
    device: str
    doc_type: DocType
    word: str
    year: int
    left: int


def parse_doc_type(text: str) -> DocType:
    """A document type by its value (``order``) or its word (``应急责改``)."""
    for doc_type in DocType:
        if text in (doc_type.value, DOC_WORDS[doc_type]):
            return doc_type
    raise ValidationError(N_("Unknown document type {text!r}: use one of {choices}."), text=text,
                          choices=Listing((f"{t.value} ({DOC_WORDS[t]})" for t in DocType),
                                          ENUMERATION))


class NumberService:
    def __init__(self, db: Database, device: Device, actor: str | None = None) -> None:
        self.db = db
        self.device = device
        self.audit = AuditLog(db, device.id, actor)

    def other_devices(self) -> list[Device]:
        """The laptops a block can be given to: every other computer known here."""
        return DeviceRepo(self.db).others()

    def resolve_device(self, ref: str) -> str:
        """A laptop by its device id, its number prefix or its name (as ``sync history`` and
        ``profile show`` print them)."""
        ref = ref.strip()
        ids = DeviceRepo(self.db).ids_named(ref)
        if len(ids) == 1:
            return ids[0]
        if len(ids) > 1:
            raise ValidationError(N_("{ref!r} names {count} computers here."),
                                  ref=ref, count=len(ids), hint=Hint.NAME_ONE_COMPUTER)
        if _UUID_RE.match(ref.lower()):
            return ref.lower()  # a laptop that has not sent a bundle yet
        raise NotFoundError(N_("No computer {ref!r} is known here."), ref=ref,
                            hint=Hint.NAME_UNKNOWN_COMPUTER)

    def allocate(self, device_ref: str, doc_type: DocType | str, year: int, first: int,
                 last: int, note: str | None = None, *, dry_run: bool = False) -> NumberBlock:
        """Give a laptop the numbers first…last of a type and year; they must be free. With
        ``dry_run`` every check runs and nothing is written (the window asks the office to
        confirm only a block that would be given)."""
        doc_type = doc_type if isinstance(doc_type, DocType) else parse_doc_type(doc_type)
        if not 2000 <= year <= 2100:
            raise ValidationError(N_("Year {year} is not a year numbers are issued in."), year=year)
        try:
            check_range(first, last)
        except RangeRefused as exc:
            raise ValidationError(N_("Block {first}–{last}: {exc}."),
                                  first=first, last=last, exc=exc.said) from None
        holder = self.resolve_device(device_ref)
        block = NumberBlock(new_id(), holder, doc_type, year, first, last)
        with self.db.atomic():
            for other in load_blocks(self.db):
                if block.overlaps(other):
                    raise ValidationError(
                        N_("{doc_words} {year}: {first}–{last} overlaps the block "
                           "{first2}–{last2} already given to "
                           "{device_label}. Nothing was changed."),
                        doc_words=DOC_WORDS[doc_type], year=year, first=first, last=last,
                        first2=other.first, last2=other.last,
                        device_label=self._device_label(other.holder_device_id))
            issued = sorted(s for s in used_seqs(self.db, doc_type, year) if first <= s <= last)
            if issued:
                raise ValidationError(
                    N_("{doc_words}〔{year}〕: numbers {low}–{high} are in use here ({count} "
                       "issued between {first} and {last}); the first free range starts at "
                       "{free}. Nothing was changed."),
                    doc_words=DOC_WORDS[doc_type], year=year, low=issued[0], high=issued[-1],
                    count=len(issued), first=first, last=last,
                    free=self.first_free(doc_type, year))
            if dry_run:
                return block
            add_block(self.db, {
                "id": block.id, "holder_device_id": holder, "doc_type": doc_type.value,
                "year": year, "first_seq": first, "last_seq": last, "note": note,
                **record_stamp(self.device.id)})
            self.audit.record("number_block", block.id, "create",
                              new={"device": holder, "type": doc_type.value, "year": year,
                                   "first": first, "last": last})
        return block

    def enrolled(self) -> bool:
        """True on a laptop enrolled with an office: without a block it numbers provisionally
        (``…〔2026〕QT01-001号``), never from 1."""
        return enrolled(self.db)

    def first_free(self, doc_type: DocType, year: int) -> int:
        """The first number of ``doc_type`` and ``year`` after every one issued here or
        allocated to any laptop: where the next block starts."""
        allocated = [b.last for b in load_blocks(self.db)
                     if b.doc_type is doc_type and b.year == year]
        return max([0, *allocated, *used_seqs(self.db, doc_type, year)]) + 1

    def proposal(self, doc_type: DocType, year: int, size: int = 100) -> tuple[int, int]:
        """The block the office would give next: ``size`` numbers from the first free one."""
        first = self.first_free(doc_type, year)
        return first, first + size - 1

    def _device_label(self, device_id: str) -> str:
        return DeviceRepo(self.db).label(device_id) or device_id[:8]

    def allocates(self) -> bool:
        """True on the office's computer, which gives the laptops their blocks."""
        return office(self.db)

    def shortages(self, rows: list[BlockRow] | None = None,
                  year: int | None = None) -> list[Shortage]:
        """The laptops whose blocks of a type for ``year`` (default this year) or a later one
        have fewer than ``LOW_WATER`` numbers left unused, fewest first: the office gives them
        another block before they run out. ``rows``: the blocks already read (``rows()``)."""
        year = year or date.today().year
        left: dict[tuple[str, DocType, int], list[BlockRow]] = {}
        for row in self.rows() if rows is None else rows:
            if row.year >= year:
                left.setdefault((row.device_id, row.doc_type, row.year), []).append(row)
        out = [Shortage(device_id, held[0].device, doc_type, DOC_WORDS[doc_type], held_year,
                        sum(r.unused for r in held))
               for (device_id, doc_type, held_year), held in left.items()]
        return sorted((s for s in out if s.left < LOW_WATER),
                      key=lambda s: (s.left, s.device, s.year, s.word))

    def left_here(self, year: int | None = None) -> dict[DocType, int]:
        """The numbers this computer may still issue from its own blocks, per type of ``year``
        (default this year) it is numbered by; empty when no office numbers it."""
        if not managed(self.db):
            return {}
        year = year or date.today().year
        authority_short = SettingsRepo(self.db).get("authority_short")
        out = {}
        for doc_type in DocType:
            left = remaining(self.db, self.device.id, doc_type, year, authority_short)
            if left is not None:
                out[doc_type] = left
        return out

    def low_here(self, year: int | None = None) -> dict[DocType, int]:
        """The types of which this computer has fewer than ``LOW_WATER`` numbers left."""
        return {t: n for t, n in self.left_here(year).items() if n < LOW_WATER}

    def rows(self) -> list[BlockRow]:
        """Every block with its holder and how many of its numbers came back used."""
        return [BlockRow(b.id, b.holder_device_id, self._device_label(b.holder_device_id),
                         b.doc_type, DOC_WORDS[b.doc_type], b.year, b.first, b.last, used)
                for b, used in all_block_uses(self.db)]

