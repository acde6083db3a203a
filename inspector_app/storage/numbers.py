"""This device's document-number sequences."""

from __future__ import annotations

from sqlite_utils import Database

from inspector_app.domain.numbering import DocType, format_number


def next_number(db: Database, doc_type: DocType, year: int, prefix: str,
                authority_short: str | None) -> tuple[str, int]:
    """The next free number; call inside the transaction that stores it.

    Skips numbers already present (e.g. arrived by sync from a device that once used the same
    prefix), so a clash can never be written.
    """
    row = db.execute(
        "SELECT last_seq FROM number_sequences WHERE prefix = ? AND doc_type = ? AND year = ?",
        [prefix, doc_type.value, year],
    ).fetchone()
    seq = (row[0] if row else 0) + 1
    while True:
        number = format_number(doc_type, year, prefix, seq, authority_short)
        taken = db.execute(
            "SELECT 1 FROM inspections WHERE number = ? UNION ALL "
            "SELECT 1 FROM documents WHERE number = ?", [number, number]).fetchone()
        if not taken:
            break
        seq += 1
    db.execute(
        "INSERT INTO number_sequences (prefix, doc_type, year, last_seq) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(prefix, doc_type, year) DO UPDATE SET last_seq = excluded.last_seq",
        [prefix, doc_type.value, year, seq],
    )
    return number, seq
