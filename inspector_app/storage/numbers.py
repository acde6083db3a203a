"""Document-number sequences: inside the office's blocks, or from 1 on a computer without any.

A computer that holds number blocks (allocated by the office, carried by its sync bundle) issues
only numbers inside its own blocks, in order; a computer that never received a block (a laptop
used alone, a company's self-inspection laptop) numbers from 1 each year. A laptop enrolled
with an office that holds no block of a type and year yet issues provisional numbers carrying
its own code (``…〔2026〕3F2A-001号``): numbering from 1 there would reuse the office's numbers,
and refusing would stop an inspector on site, without network, from starting a record at all.
The office itself numbers after its own sequence, past every block it gave away.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from inspector_app.domain.numbering import (
    DOC_TITLES,
    DOC_WORDS,
    DocType,
    NumberBlock,
    format_number,
    parse_number,
    provisional_number,
)
from inspector_app.errors import Hint, ValidationError
from inspector_app.i18n import N_

if TYPE_CHECKING:
    from sqlite_utils import Database


class NumbersExhausted(ValidationError):
    """No number is left for this document type and year on this computer."""

    title = N_("No document number left")


def load_blocks(db: Database, holder_device_id: str | None = None) -> list[NumberBlock]:
    sql = "SELECT id, holder_device_id, doc_type, year, first_seq, last_seq FROM number_blocks"
    params: list[object] = []
    if holder_device_id is not None:
        sql += " WHERE holder_device_id = ?"
        params.append(holder_device_id)
    sql += " ORDER BY year, doc_type, first_seq"
    return [NumberBlock(r[0], r[1], DocType(r[2]), r[3], r[4], r[5])
            for r in db.execute(sql, params)]


def add_block(db: Database, record: dict[str, Any]) -> None:
    """Store a block the office hands out (checked by ``NumberService.allocate``)."""
    db.table("number_blocks").insert(record)


def managed(db: Database) -> bool:
    """True when the office numbers this computer: it holds blocks (its own or others')."""
    return db.execute("SELECT 1 FROM number_blocks LIMIT 1").fetchone() is not None


def enrolled(db: Database) -> bool:
    """True on a laptop enrolled with an office: it signs with a certificate the office issued
    and is not the office itself (which holds the organisation's key)."""
    return db.execute(
        "SELECT 1 FROM identities WHERE kind = 'issued' AND NOT EXISTS "
        "(SELECT 1 FROM org_keys) LIMIT 1").fetchone() is not None


def office(db: Database) -> bool:
    """True on the office's computer: it holds the organisation's key."""
    return db.execute("SELECT 1 FROM org_keys LIMIT 1").fetchone() is not None


def _taken(db: Database, number: str) -> bool:
    return db.execute("SELECT 1 FROM inspections WHERE number = ? UNION ALL "
                      "SELECT 1 FROM documents WHERE number = ?", [number, number]
                      ).fetchone() is not None


def _next_in_block(db: Database, block: NumberBlock, start: int,
                   authority_short: str | None) -> int | None:
    seq = max(start, block.first)
    while seq <= block.last:
        if not _taken(db, format_number(block.doc_type, block.year, seq, authority_short)):
            return seq
        seq += 1
    return None


def _counter(db: Database, key: str, doc_type: DocType, year: int) -> int:
    row = db.execute(
        "SELECT last_seq FROM number_sequences WHERE prefix = ? AND doc_type = ? AND year = ?",
        [key, doc_type.value, year]).fetchone()
    return row[0] if row else 0


def _store_counter(db: Database, key: str, doc_type: DocType, year: int, seq: int) -> None:
    db.execute(
        "INSERT INTO number_sequences (prefix, doc_type, year, last_seq) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(prefix, doc_type, year) DO UPDATE SET last_seq = excluded.last_seq",
        [key, doc_type.value, year, seq])


def take_counter(db: Database, prefix: str, counter: str, year: int) -> int:
    """The next value of a counter kept beside the documents' (``counter`` is not a
    ``DocType``: the circulars'), stored as taken; 1 for the first of ``prefix`` and ``year``.
    Call it inside the transaction that uses the number."""
    row = db.execute("SELECT last_seq FROM number_sequences WHERE prefix = ? AND doc_type = ? "
                     "AND year = ?", [prefix, counter, year]).fetchone()
    seq = (int(row[0]) if row else 0) + 1
    db.execute("INSERT INTO number_sequences (prefix, doc_type, year, last_seq) "
               "VALUES (?, ?, ?, ?) ON CONFLICT(prefix, doc_type, year) "
               "DO UPDATE SET last_seq = excluded.last_seq", [prefix, counter, year, seq])
    return seq


def remaining(db: Database, device_id: str, doc_type: DocType, year: int,
              authority_short: str | None) -> int | None:
    """How many numbers this device can still issue; None when it is not numbered by blocks
    (no office; or no block of its own for this type and year, where an enrolled laptop
    numbers provisionally and the office past the blocks it gave away)."""
    if not managed(db):
        return None
    blocks = [b for b in load_blocks(db, device_id) if b.doc_type is doc_type and b.year == year]
    if not blocks and (enrolled(db) or office(db)):
        return None
    # From each block's next free number (not its count of used ones: that reads every number
    # here, and the window asks this whenever a record is opened).
    left = 0
    for block in blocks:
        seq = _next_in_block(db, block, block.first, authority_short)
        if seq is not None:
            left += block.last - seq + 1
    return left


def next_number(db: Database, doc_type: DocType, year: int, device_id: str, counter_key: str,
                authority_short: str | None) -> tuple[str, int]:
    """The next free number; call inside the transaction that stores it.

    ``counter_key`` names this device's own counter (its prefix): a computer without blocks
    continues the sequence it used before. Numbers already present (arrived by sync, or typed
    in an older version) are skipped, so a clash is never written. A laptop enrolled with an
    office and holding no block of this type and year gets a provisional number with its code.
    Raises ``NumbersExhausted`` when the office numbers this computer and its blocks of this
    type and year are used up.
    """
    blocks = [b for b in load_blocks(db, device_id)
              if b.doc_type is doc_type and b.year == year]
    if blocks:
        last = _counter(db, counter_key, doc_type, year)
        # In order, after the last one issued; a block given later below it is used after.
        for start in (last + 1, 1):
            for block in blocks:
                seq = _next_in_block(db, block, start, authority_short)
                if seq is not None:
                    _store_counter(db, counter_key, doc_type, year, seq)
                    return format_number(doc_type, year, seq, authority_short), seq
    elif enrolled(db):
        return _next_provisional(db, doc_type, year, counter_key, authority_short)
    elif office(db):
        return _next_outside_blocks(db, doc_type, year, counter_key, authority_short)
    if blocks or managed(db):
        title = DOC_TITLES[doc_type].zh
        raise NumbersExhausted(
            N_("No {doc_words} number of {year} is left on this computer ({title}); "
               "nothing was changed."),
            doc_words=DOC_WORDS[doc_type], year=year, title=title, value=doc_type.value,
            hint=Hint.ALLOCATE_NUMBERS)
    seq = _counter(db, counter_key, doc_type, year) + 1
    while _taken(db, format_number(doc_type, year, seq, authority_short)):
        seq += 1
    _store_counter(db, counter_key, doc_type, year, seq)
    return format_number(doc_type, year, seq, authority_short), seq


def give_back(db: Database, doc_type: DocType, year: int, counter_key: str, number: str,
              seq: int) -> bool:
    """Return ``number`` (just taken by ``next_number`` with ``counter_key``, its record
    deleted in the same transaction) to its sequence, so that the next document gets it: only
    while it is still the last number that counter gave. True when it was given back."""
    parts = parse_number(number)
    key = f"{counter_key}/provisional" if parts and parts["prefix"] else counter_key
    if _counter(db, key, doc_type, year) != seq:
        return False
    _store_counter(db, key, doc_type, year, seq - 1)
    return True


def _next_outside_blocks(db: Database, doc_type: DocType, year: int, counter_key: str,
                         authority_short: str | None) -> tuple[str, int]:
    # The office numbers its own records too: after its sequence, past every block it gave a
    # laptop (those numbers are the laptop's, issued or not yet).
    given = [b for b in load_blocks(db) if b.doc_type is doc_type and b.year == year]
    seq = _counter(db, counter_key, doc_type, year) + 1
    while True:
        inside = next((b for b in given if b.first <= seq <= b.last), None)
        if inside is not None:
            seq = inside.last + 1
        elif _taken(db, format_number(doc_type, year, seq, authority_short)):
            seq += 1
        else:
            break
    _store_counter(db, counter_key, doc_type, year, seq)
    return format_number(doc_type, year, seq, authority_short), seq


def _next_provisional(db: Database, doc_type: DocType, year: int, prefix: str,
                      authority_short: str | None) -> tuple[str, int]:
    # Its own counter: the plain sequence (from 1) of the same computer is another series.
    key = f"{prefix}/provisional"
    seq = _counter(db, key, doc_type, year) + 1
    while _taken(db, provisional_number(doc_type, year, prefix, seq, authority_short)):
        seq += 1
    _store_counter(db, key, doc_type, year, seq)
    return provisional_number(doc_type, year, prefix, seq, authority_short), seq


def used_by_block(db: Database, blocks: list[NumberBlock]) -> list[tuple[NumberBlock, int]]:
    """How many numbers of each block exist in this database (whoever issued them)."""
    if not blocks:
        return []
    words = {DOC_WORDS[b.doc_type] for b in blocks}
    seqs: dict[tuple[str, int], set[int]] = {}
    for (number,) in db.execute(
            "SELECT number FROM inspections WHERE number IS NOT NULL UNION "
            "SELECT number FROM documents"):
        parts = parse_number(number)
        if not parts or parts["prefix"] or parts["word"] not in words:
            continue
        seqs.setdefault((parts["word"] or "", int(parts["year"] or 0)), set()).add(
            int(parts["seq"] or 0))
    out = []
    for block in blocks:
        have = seqs.get((DOC_WORDS[block.doc_type], block.year), set())
        out.append((block, sum(1 for s in have if block.first <= s <= block.last)))
    return out


def used_seqs(db: Database, doc_type: DocType, year: int) -> set[int]:
    """The sequences of ``doc_type`` and ``year`` printed on a record or document here (plain
    numbers only: a provisional one carries its computer's code and cannot meet a block)."""
    mark = f"{DOC_WORDS[doc_type]}〔{year}〕"
    found: set[int] = set()
    for (number,) in db.execute(
            "SELECT number FROM inspections WHERE instr(number, :m) > 0 UNION "
            "SELECT number FROM documents WHERE instr(number, :m) > 0", {"m": mark}):
        parts = parse_number(number)
        if parts and not parts["prefix"] and parts["word"] == DOC_WORDS[doc_type]:
            found.add(int(parts["seq"] or 0))
    return found


def all_block_uses(db: Database) -> list[tuple[NumberBlock, int]]:
    """Every block held here with how many of its numbers exist here (the office's view)."""
    return used_by_block(db, load_blocks(db))
