"""The register of the office's circulars (通报): which number each was issued with."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from inspector_app.domain.records import utcnow_iso
from inspector_app.errors import DatabaseLockedError
from inspector_app.i18n import N_
from inspector_app.storage.numbers import take_counter

if TYPE_CHECKING:
    from sqlite_utils import Database

CIRCULAR_COUNTER = "circular"     # its counter in number_sequences, beside the documents'
# Another circular holds the lock while it is laid out and written (a few seconds on a
# district's year); a writer waits that long and a good margin more before giving up.
NUMBERING_WAIT_S = 30.0


@contextmanager
def numbering(db: Database, wait_s: float | None = None) -> Iterator[None]:
    """The transaction that takes a circular's number and writes its file, begun holding the
    database's write lock (waiting up to ``wait_s`` for it). Begun as a plain transaction, it
    would read the counter first and fail at once on taking it whenever another circular (a
    second command, the window) had taken one meanwhile. A lock not had in time is said
    plainly (DatabaseLockedError), nothing written; any failure inside gives the number
    back. ``wait_s``: default NUMBERING_WAIT_S."""
    if db.conn.in_transaction:  # inside a caller's transaction: it holds the lock already
        with db.atomic():
            yield
        return
    kept = db.execute("PRAGMA busy_timeout").fetchone()[0]
    wait_ms = int((NUMBERING_WAIT_S if wait_s is None else wait_s) * 1000)
    db.execute(f"PRAGMA busy_timeout = {max(1, wait_ms)}")
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        raise DatabaseLockedError(
            N_("Another circular is being numbered in this data folder (by another window or "
               "command), or another Inspector is writing to it: try again in a moment. No "
               "number was taken and no file written.")) from exc
    finally:
        db.execute(f"PRAGMA busy_timeout = {int(kept)}")
    try:
        yield
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise
    try:
        db.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise


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
