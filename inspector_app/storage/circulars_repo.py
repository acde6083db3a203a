"""The register of the office's circulars (通报): which number each was issued with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from inspector_app.domain.records import utcnow_iso
from inspector_app.storage.numbers import take_counter

if TYPE_CHECKING:
    from sqlite_utils import Database

CIRCULAR_COUNTER = "circular"     # its counter in number_sequences, beside the documents'


@dataclass(frozen=True)
class IssuedCircular:
    kind: str          # "dispatch", "plans"
    subject: str       # what makes two writings the same circular (period, campaign, ...)
    number: str
    title: str
    issued_on: str
    created_at: str


def circular_number(db: Database, kind: str, subject: str, word: str, year: int, title: str,
                    issued_on: str) -> IssuedCircular:
    """The number of this circular: the one it was issued with, or the next of ``word`` and
    ``year`` for a new one. Call it inside the transaction that writes the file, so a file
    that cannot be written gives a new number back."""
    row = db.execute("SELECT kind, subject, number, title, issued_on, created_at "
                     "FROM issued_circulars WHERE kind = ? AND subject = ?",
                     [kind, subject]).fetchone()
    if row is not None:
        return IssuedCircular(*row)
    seq = take_counter(db, word, CIRCULAR_COUNTER, year)
    issued = IssuedCircular(kind, subject, f"{word}〔{year}〕{seq}号", title, issued_on,
                            utcnow_iso())
    db.execute("INSERT INTO issued_circulars (kind, subject, word, year, seq, number, title, "
               "issued_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [kind, subject, word, year, seq, issued.number, title, issued_on,
                issued.created_at])
    return issued


def issued_circulars(db: Database, year: int | None = None) -> list[IssuedCircular]:
    """The circulars issued, the latest issued first."""
    where, args = ("WHERE year = ?", [year]) if year is not None else ("", [])
    return [IssuedCircular(*r) for r in db.execute(
        f"SELECT kind, subject, number, title, issued_on, created_at FROM issued_circulars "
        f"{where} ORDER BY rowid DESC", args).fetchall()]
