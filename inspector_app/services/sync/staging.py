"""A bundle's rows, checked as they stream out of the zip and kept in a scratch database until
the import's transaction applies them.

A bundle may carry a district's year of inspections: holding every row as a Python object
would need gigabytes. Each rows entry is read in chunks, hashed as it passes, parsed line by
line, checked against its schema (row_schema) and written to a SQLite file in the import's
private scratch folder, keyed so that a row appearing twice is found by the database rather
than by a set in memory. The policy and the merge then read one table, or one inspection's
parts, at a time.
"""

from __future__ import annotations

import json
import json.scanner
import marshal
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from inspector_app.i18n import N_, Message
from inspector_app.services.sync import bundle, row_schema, words
from inspector_app.services.sync.bundle import refuse
from inspector_app.services.sync.rows import decode_value
from inspector_app.services.sync.tables import BY_NAME, CHILDREN
from inspector_app.storage.sync_staging import StagingStore

Row = dict[str, Any]
_CHUNK = 1024 * 1024
_BATCH = 1000
# Tables whose staged rows the merge applies in SQL, from the values the checks read (kept
# beside the lines, see ``StagingStore.keep_values``, each as Python read it: text, integers,
# reals, bytes or null). The parts of new inspections go in with one statement per table and
# batch rather than read back, rebuilt and copied through a temporary table (the district's
# 53,000 answers, 6,600 signatures and 3,000 hazards: about 0.4 s of CPU less). A table with
# a key of two columns stays in ``staged``.
SQL_READ = frozenset({"audit_log", *(spec.name for spec in CHILDREN if len(spec.key) == 1)})
_SEP = "\x1f"  # between the parts of a composite key; never in a key (row_schema refuses it)


_DECODER = json.JSONDecoder()
_scan = json.scanner.make_scanner(_DECODER)  # the C scanner that ``decode`` wraps


def _decode(line: str) -> Any:
    """``json.loads(line)``, without its Python wrapper for a line that is one JSON value
    and nothing else (anything else takes the wrapper, which says what is wrong)."""
    try:
        obj, end = _scan(line, 0)
    except StopIteration:
        return _DECODER.decode(line)
    if end != len(line):
        return _DECODER.decode(line)
    return obj

_CONTAINERS = (dict, list)
# A checked row is staged as marshal bytes, not as its JSON line: reading it back (the policy
# and the merge read most rows again, some several times) takes a third to a half of parsing
# the line, BLOBs come back as bytes without base64, and a row is marshalled in a fraction of
# what its parse cost. The bytes are made here and kept in the import's private scratch folder;
# nothing else writes them.
_load = marshal.loads


def _parse(line: str) -> Row:
    obj = _decode(line)
    if type(obj) is not dict:
        raise ValueError("a row is not a JSON object")
    # Most values are plain; only objects (BLOBs) and lists (refused) need decoding, and a
    # line holding neither has no "[" and no "{" after its first character.
    if "[" in line or line.find("{", 1) >= 0:  # a search, not a copy of the line
        for k, v in obj.items():
            if type(v) in _CONTAINERS:
                obj[k] = decode_value(v)
    return obj


def _rows_of(columns: list[str], kept: Iterable[tuple[Any, ...]]) -> Iterator[Row]:
    """Rows staged as values (the columns a row lacks, then its values), as they were parsed
    (absent columns absent)."""
    for absent, *values in kept:
        row = dict(zip(columns, values, strict=True))
        if absent is not None:
            for name in absent.split(","):
                del row[name]
        yield row


class TableRows:
    """One table's staged rows, read afresh on every iteration (in the bundle's order)."""

    def __init__(self, staged: StagedRows, table: str) -> None:
        self.staged = staged
        self.table = table

    def __iter__(self) -> Iterator[Row]:
        skip = self.staged.skip.get(self.table)
        spec = BY_NAME[self.table]
        rows = (self._kept() if self.table in SQL_READ
                else map(_load, self.staged.store.lines(self.table)))
        for row in rows:
            if skip and tuple(row[k] for k in spec.key) in skip:
                continue
            yield row

    def _kept(self) -> Iterator[Row]:
        """The rows of a table staged as values, as they were parsed (absent columns absent)."""
        return _rows_of(self.staged.store.columns[self.table],
                        self.staged.store.values(self.table))

    def __len__(self) -> int:
        return self.staged.counts.get(self.table, 0)


class StagedRows(Mapping[str, TableRows]):
    """Table name → its rows, for the tables the bundle carries."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.store = StagingStore(path)
        for table in sorted(SQL_READ):
            (key,) = BY_NAME[table].key  # one column: its values are kept unique
            self.store.keep_values(table, list(row_schema.SCHEMAS[table]), key,
                                   BY_NAME[table].parent)
        self.counts: dict[str, int] = {}
        # (content hash, template id, version) each carried inspection names → the first such
        # inspection, for the import to check that the checklist is in the bundle or here.
        self.checklists: dict[tuple[str, str, str], Message] = {}
        # Checklists carried inside each inspection (bundle format 1), staged once per hash.
        self.legacy: dict[str, Row] = {}
        # Rows the policy decided to leave out (never applied, never counted as carried).
        self.skip: dict[str, set[tuple[Any, ...]]] = {}

    def close(self) -> None:
        self.store.close()

    # -- Mapping --
    def __getitem__(self, table: str) -> TableRows:
        if table not in self.counts:
            raise KeyError(table)
        return TableRows(self, table)

    def __iter__(self) -> Iterator[str]:
        return iter(self.counts)

    def __len__(self) -> int:
        return len(self.counts)

    # -- what the merge asks --
    def parts_of(self, inspection_id: str) -> dict[str, list[Row]]:
        """The parts of one inspection that the bundle carries, table by table in the order
        of ``CHILDREN``."""
        return self.parts_of_many([inspection_id]).get(inspection_id, {})

    def row_of(self, table: str, key: str) -> Row | None:
        """The staged row of a single-key table with this key (None if the bundle has none, or
        the policy left it out), read by its key rather than by a pass over the table."""
        if table not in self.counts:
            return None
        skip = self.skip.get(table)
        if skip and (key,) in skip:
            return None
        if table in SQL_READ:
            kept = self.store.kept_row(table, key)
            return None if kept is None else next(_rows_of(self.store.columns[table], [kept]))
        line = self.store.line_of(table, key)
        return None if line is None else _load(line)

    def keys_of(self, table: str) -> Iterator[str]:
        """The keys of a single-key table's rows (text, as every such key is), unread."""
        if table not in self.counts:
            return
        if len(BY_NAME[table].key) != 1:
            raise ValueError(f"{table} has a composite key")
        skip = self.skip.get(table)
        for key in self.store.keys(table):
            if not skip or (key,) not in skip:
                yield key

    def parts_of_many(self, inspection_ids: list[str], leave_out: Iterable[str] = ()
                      ) -> dict[str, dict[str, list[Row]]]:
        """``parts_of`` for several inspections, read in one query per kind of staging (ids
        with no parts are left out), without the tables in ``leave_out``."""
        found: dict[str, dict[str, list[Row]]] = {}
        for table, parent, line in self.store.parts(inspection_ids):
            row = _load(line)
            skip = self.skip.get(table)
            if skip and tuple(row[k] for k in BY_NAME[table].key) in skip:
                continue
            found.setdefault(parent, {}).setdefault(table, []).append(row)
        for table, column in self.store.parents_of.items():
            if table in leave_out or table not in self.counts:
                continue
            skip = self.skip.get(table)
            key = BY_NAME[table].key
            for row in _rows_of(self.store.columns[table],
                                self.store.kept_parts(table, inspection_ids)):
                if skip and tuple(row[k] for k in key) in skip:
                    continue
                found.setdefault(row[column], {}).setdefault(table, []).append(row)
        order = {spec.name: n for n, spec in enumerate(CHILDREN)}
        return {parent: dict(sorted(tables.items(), key=lambda item: order[item[0]]))
                for parent, tables in found.items()}

    def orphan_parents(self) -> list[str]:
        """Inspections the bundle carries parts of but not the inspection itself, in the order
        their first parts come in the bundle (its entries were staged one after the other)."""
        entries = {table: n for n, table in enumerate(self.counts)}
        found = sorted(self.store.orphan_parents(), key=lambda f: (entries[f[1]], f[2]))
        return list(dict.fromkeys(parent for parent, _table, _seq in found))

    def kept_counts(self, table: str, inspection_ids: list[str]) -> tuple[dict[str, int], bool]:
        """How many rows of ``table``, staged as values, each of these inspections has (none:
        left out), and whether one of them lacks a column; for a table the policy left no row
        of out."""
        if self.skip.get(table):
            raise ValueError(f"the policy left rows of {table} out")
        if table not in self.counts:
            return {}, False
        return self.store.kept_counts(table, inspection_ids)

    def kept_column(self, table: str, column: str, inspection_ids: list[str]) -> list[Any]:
        """``column`` of the rows of ``table``, staged as values, that these inspections have;
        for a table the policy left no row of out."""
        if self.skip.get(table):
            raise ValueError(f"the policy left rows of {table} out")
        if table not in self.counts:
            return []
        return self.store.kept_column(table, column, inspection_ids)

    # -- filling it --
    def load(self, zf: zipfile.ZipFile, info: zipfile.ZipInfo, table: str, size: int,
             sha256: str, checker: row_schema.RowChecker) -> None:
        """Stage one rows entry. Its hash is checked over the whole entry before any fault in
        its rows is reported, so an altered entry is named as altered."""
        import hashlib

        spec = BY_NAME[table]
        key, parent = spec.key, spec.parent
        (single,) = key if len(key) == 1 else (None,)
        digest = hashlib.sha256()
        fault: BaseException | None = None
        count = 0
        # The staged form of each checked row not staged yet (a row the bundle carries twice
        # is named by the key it holds; the row itself is let go at once). Done in this loop
        # rather than in a call per row: a district's bundle has 100,000s of rows, and each
        # call, tuple and row held is a cost per row.
        pending: list[tuple[Any, ...]] = []
        columns = self.store.columns.get(table)
        width = len(columns) if columns is not None else 0
        limit = row_schema.max_line_bytes(table)
        with zf.open(info) as handle:
            for number, raw in enumerate(_lines(handle, size, limit, digest, info.filename), 1):
                if raw is None:
                    count += 1
                    fault = fault or refuse(
                        N_("line {number:,} of the entry {filename!r} is longer than {limit:,} "
                           "bytes, more than any row of its table can be"),
                        number=number, filename=info.filename, limit=limit)
                    continue
                if not raw or raw.isspace():  # as ``not raw.strip()``, without a copy
                    continue
                count += 1
                if fault is not None:
                    continue  # counted only: the first fault is the one reported
                try:
                    row = _parse(raw.decode("utf-8"))
                    checker.add(table, row)
                except (ValueError, KeyError, RecursionError, bundle.BundleRefused) as exc:
                    fault = exc
                    continue
                if table == "inspections":
                    self._inspection(row)
                if columns is not None:
                    # Staged as the values just checked, which the merge applies (where a line
                    # names a column twice, the last value, as Python and so the checks read
                    # it), after the columns the row lacks.
                    pending.append((None if len(row) == width else ",".join(
                        c for c in columns if c not in row), *map(row.get, columns)))
                else:
                    pending.append((table, str(row[single]) if single is not None
                                    else _SEP.join(str(row[k]) for k in key),
                                    str(row[parent]) if parent else None, marshal.dumps(row)))
                if len(pending) >= _BATCH:
                    fault = self._flush(table, pending, count)
        if digest.hexdigest() != sha256:
            raise refuse(N_("the file {filename!r} does not match its hash (it was altered)"),
                         filename=info.filename)
        row_schema.RowChecker.check_count(table, count)
        if fault is None:
            fault = self._flush(table, pending, count)
        if fault is not None:
            raise fault
        if count:
            self.counts[table] = count

    def _inspection(self, row: Row) -> None:
        """Note the checklist an inspection names; one it carries itself (format 1) is staged
        as a template_snapshots row, and the inspection staged as format 2 has it."""
        named = (row["template_hash"], row["template_id"], row["template_version"])
        self.checklists.setdefault(named, row_schema.row_label("inspections", row))
        if "template_snapshot" not in row:
            return
        definition = row.pop("template_snapshot")
        if definition is not None:
            self.legacy.setdefault(row["template_hash"], {
                "content_hash": row["template_hash"], "template_id": row["template_id"],
                "version": row["template_version"], "definition": definition})

    def finish(self) -> None:
        """After every entry: the checklists format-1 inspections carried, once per hash (one
        the bundle also carries as a row is the same content: its hash was checked)."""
        added = 0
        for content_hash, row in self.legacy.items():
            added += self.store.add_if_absent("template_snapshots", content_hash,
                                              marshal.dumps(row))
        if added:
            self.counts["template_snapshots"] = self.counts.get("template_snapshots", 0) + added
        self.legacy.clear()

    def checklist(self, content_hash: str) -> Row | None:
        """The template_snapshots row the bundle carries for ``content_hash``."""
        found = self.store.line_of("template_snapshots", content_hash)
        return _load(found) if found is not None else None

    def _flush(self, table: str, pending: list[tuple[Any, ...]], count: int
               ) -> BaseException | None:
        """Stage the ``pending`` rows, the last of which is number ``count`` of the entry (no
        fault came before them, so the rows before it are all there, one a number); the
        refusal of the first whose key is staged already, if any."""
        twice = self.store.add_many(table, pending) if pending else None
        fault = (None if twice is None
                 else self._twice(table, pending[twice], count - len(pending) + 1 + twice))
        pending.clear()
        return fault

    def _twice(self, table: str, staged: tuple[Any, ...], number: int) -> BaseException:
        """The refusal of a row (number ``number`` of its entry, ``staged`` as ``load`` staged
        it) whose key the bundle already carried, naming both rows by their place in the
        table's entry."""
        key = BY_NAME[table].key
        columns = self.store.columns.get(table)
        # The key's values, all text (as row_schema checks every key column): what names a row.
        row: Row = ({k: staged[1 + columns.index(k)] for k in key} if columns is not None
                    else dict(zip(key, staged[1].split(_SEP), strict=True)))
        first = self.store.position(table, _SEP.join(row[k] for k in key))
        return row_schema.row_refused(
            table, row, None, Message(
                N_("appears twice in the bundle (numbers {first:,} and {second:,} of its "
                   "{rows})"), rows=words.table_words(table), first=first,
                second=number))


def _lines(handle: IO[bytes], size: int, limit: int, digest: Any, filename: str
           ) -> Iterator[bytes | None]:
    """The entry's lines (without their newline), read in chunks of never more than ``size``
    bytes in all, each chunk hashed into ``digest`` as it passes; None for a line longer than
    ``limit``. A line's pieces are joined once, when it ends, not again at every chunk (a line
    of n chunks cost n joins of the whole line: quadratic), and the pieces of an over-long line
    are dropped as they come, so the entry is still read to its end and its hash checked."""
    read = 0
    held: list[bytes] = []  # the pieces of the line that goes on in the next chunk
    held_size = 0
    over = False  # the line going on is longer than ``limit``: its pieces are dropped
    while chunk := handle.read(min(_CHUNK, size + 1 - read)):
        read += len(chunk)
        if read > size:
            raise refuse(N_("the entry {filename!r} is larger than it says"), filename=filename)
        digest.update(chunk)
        lines = chunk.split(b"\n")
        last = lines.pop()  # the start of a line (or more of one, when the chunk has no end)
        for raw in lines:
            if over:  # the end of the over-long line
                over = False
                yield None
                continue
            if held:
                held.append(raw)
                raw = b"".join(held)
                held.clear()
            yield raw if len(raw) <= limit else None
        if lines:
            held_size = 0
        if over:
            continue
        held_size += len(last)
        if held_size > limit:
            over = True
            held.clear()
        elif last:
            held.append(last)
    if over:
        yield None
    elif held:
        yield b"".join(held)


def read_checked(zf: zipfile.ZipFile, info: zipfile.ZipInfo, size: int) -> str:
    """The SHA-256 of a file entry, read in chunks, never more than ``size`` bytes."""
    import hashlib

    digest = hashlib.sha256()
    read = 0
    with zf.open(info) as handle:
        while chunk := handle.read(min(_CHUNK, size + 1 - read)):
            read += len(chunk)
            if read > size:
                raise refuse(N_("the entry {filename!r} is larger than it says"),
                             filename=info.filename)
            digest.update(chunk)
    return digest.hexdigest()


__all__ = ["StagedRows", "TableRows", "read_checked"]
