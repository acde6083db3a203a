"""Writing a bundle: everything changed since the last export (or everything), signed by this
device, encrypted for the office when the office is known, written atomically.

The file appears under its final name only after it is complete and fsynced: a full disk, an
unplugged stick, a cancel or a killed process leaves at most a ``.part`` file, which the import
refuses anyway (no valid zip, or no valid signature).
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import logging
import os
import queue
import tempfile
import threading
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from sqlite_utils import Database

from inspector_app.domain.profile import Device
from inspector_app.domain.records import new_id, utcnow_iso
from inspector_app.errors import (
    Hint,
    InspectorError,
    NotFoundError,
    from_os_error,
    from_read_error,
)
from inspector_app.i18n import N_, Clause, Message
from inspector_app.paths import DataDir
from inspector_app.services.emergency import attachment_folder
from inspector_app.services.pki import PkiService, decrypt_key, fingerprint
from inspector_app.services.progress import Progress
from inspector_app.services.sync import bundle, envelope
from inspector_app.services.sync.rows import dump_line
from inspector_app.services.sync.tables import (
    BY_NAME,
    CHILDREN,
    LOCAL_COLUMNS,
    OFFICE_ONLY,
    REFERENCE,
    TableSpec,
)
from inspector_app.storage import sync_rows
from inspector_app.storage.attachment_store import AttachmentStore
from inspector_app.storage.document_store import document_copy
from inspector_app.storage.photo_store import PhotoStore

log = logging.getLogger(__name__)

Control = Progress  # the sync modules' name for it


def _signer(pki: PkiService, passphrase: str
            ) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey, list[x509.Certificate]]:
    """The device identity; on the office computer without one, the organisation's root."""
    if pki.identity() is not None:
        return pki.unlock(passphrase)
    org = pki.org()
    if org is not None:
        return org[1], decrypt_key(org[2], passphrase), []
    raise NotFoundError(N_("This computer has no signing identity, so it cannot sign an "
                           "export."), hint=Hint.IMPORT_IDENTITY)


def _recipient(pki: PkiService, cert: x509.Certificate, chain: list[x509.Certificate]
               ) -> x509.Certificate | None:
    """The office root to encrypt for: the trusted root that issued this laptop's identity."""
    if pki.org() is not None:
        return None  # the office itself: its bundles are for laptops, which hold no org key
    trusted = {fingerprint(r) for r in pki.trust_roots()}
    return next((r for r in chain if r.subject == cert.issuer and r.subject != cert.subject
                 and fingerprint(r) in trusted), None)


def previous_watermark(db: Database) -> str | None:
    return sync_rows.last_export_watermark(db)


def _strip(table: str, rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    drop = LOCAL_COLUMNS.get(table, ())
    for row in rows:
        yield {k: v for k, v in row.items() if k not in drop} if drop and LINE not in row \
            else row


# The key under which a row comes already encoded (see ``Selection.encoded``), and the columns
# the selection reads of each table as its rows pass.
LINE = "__json_line__"  # never a column name
_WATCHED: dict[str, tuple[str, ...]] = {
    "inspections": ("company_id", "template_key", "template_hash"),
    "inspection_inspectors": ("inspector_id",), "signatures": ("inspector_id",),
    "photos": ("sha256",), "documents": ("file_sha256",),
    "emergency_files": ("sha256", "media"),
}


def _line(row: dict[str, Any]) -> str:
    """The row's JSON line, without its newline."""
    line = row.get(LINE)
    return dump_line(row) if line is None else line


_CHUNK = 500
# Row text compresses about tenfold at the lowest level; higher levels gain little and cost
# most of an export's time.
_LEVEL = 1  # SQLite's bound-parameter limit, with room to spare


@dataclass
class Selection:
    """What a bundle carries, as keys and queries: rows are read only while they are written.

    ``rows(table)`` yields a table's rows in the bundle's order; the keys the rows refer to
    (companies, templates, inspectors, photo and document files) are gathered while the rows
    stream by, so the tables they name are written after them (see ``order``)."""

    db: Database
    kind: str
    since: str
    inspection_ids: list[str]
    referenced: dict[str, set[str]] = field(default_factory=lambda: {
        "companies": set(), "templates": set(), "template_snapshots": set(),
        "inspectors": set()})
    photo_shas: list[str] = field(default_factory=list)
    document_shas: list[str] = field(default_factory=list)
    attachment_files: list[tuple[str, str]] = field(default_factory=list)  # (sha256, media)
    # True: a row of a table holding only text and integers comes as its JSON line made by
    # SQLite (under LINE) with the few columns the selection reads, not as a dict of values.
    encoded: bool = False
    # A laptop's own device id: its bundle carries only the rows naming it (what it wrote),
    # never back what it received. None: every row changed since (the office, a full export).
    own: str | None = None
    _selects: dict[str, str] = field(default_factory=dict)
    _carried_ids: frozenset[str] | None = None

    def select_list(self, table: str, *needed: str) -> str:
        """What ``SELECT`` reads of ``table``: ``*``, or its JSON line and ``needed``."""
        if not self.encoded:
            return "*"
        if table not in self._selects:
            # A table SQLite cannot encode as Python does is encoded by Python, row by row.
            self._selects[table] = sync_rows.json_select(
                self.db, table, LOCAL_COLUMNS.get(table, ()), LINE) or "*"
        found = self._selects[table]
        wanted = [n for n in dict.fromkeys((*needed, *_WATCHED.get(table, ())))]
        return found if found == "*" else ", ".join([found, *(f'"{n}"' for n in wanted)])

    def order(self) -> list[str]:
        """Tables in writing order: inspections and their parts first, then what they name."""
        return ["inspections", *(c.name for c in CHILDREN), *(r.name for r in REFERENCE),
                "audit_log"]

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        if table == "inspections":
            return self._watch(table, _strip(table, self._by_ids("inspections", "id",
                                                                  self.inspection_ids)))
        if table in BY_NAME and BY_NAME[table].parent:
            spec = BY_NAME[table]
            # Sorted by parent, then key, within each chunk: found through the parent's index.
            # A plain ORDER BY on the primary key makes SQLite walk the whole table instead,
            # once for every chunk.
            order = ", ".join(dict.fromkeys((spec.parent or "", *spec.key)))
            carried = self._by_ids(table, spec.parent or "", self.inspection_ids, order=order)
            return self._watch(table, itertools.chain(carried, self._own_parts(spec)))
        if table == "audit_log":
            return sync_rows.rows_since(self.db, "audit_log", self.select_list("audit_log"),
                                        "at", self.since, order="at, id", device=self.own)
        if table == "emergency_files":
            return self._attachments(_strip(table, self._reference(BY_NAME[table])))
        return _strip(table, self._reference(BY_NAME[table]))

    def lines(self, table: str) -> Iterator[str] | None:
        """The rows of ``table`` as the JSON lines SQLite makes of them, in the order of
        ``rows``, when nothing else of them is read as they pass (an inspection's parts that
        name nothing, the audit log); None otherwise: ``rows`` gives them."""
        if not self.encoded or table in _WATCHED or table not in (
                "audit_log", *(c.name for c in CHILDREN)):
            return None
        self.select_list(table)
        line = self._selects[table]
        if line == "*":
            return None
        if table == "audit_log":
            return sync_rows.lines_since(self.db, "audit_log", line, "at", self.since,
                                         order="at, id", device=self.own)
        spec = BY_NAME[table]
        parent = spec.parent or ""
        order = ", ".join(dict.fromkeys((parent, *spec.key)))
        carried = (found for start in range(0, len(self.inspection_ids), _CHUNK)
                   for found in sync_rows.lines_of(self.db, table, line, parent,
                                                   self.inspection_ids[start:start + _CHUNK],
                                                   order))
        return itertools.chain(carried, (row[LINE] for row in self._own_parts(spec)))

    def _own_parts(self, spec: TableSpec) -> Iterator[dict[str, Any]]:
        """A laptop's own changes to parts of inspections it does not carry (the record is
        another computer's): the hazards its re-inspection closed, the documents it issued."""
        if self.own is None or spec.stamp is None:
            return
        carried = self._carried()
        parent = spec.parent or ""
        order = ", ".join(dict.fromkeys((parent, *spec.key)))
        for row in sync_rows.own_parts_since(self.db, spec.name,
                                             self.select_list(spec.name, parent), parent,
                                             spec.stamp, self.since, self.own, order):
            if row[parent] not in carried:
                yield row

    def _carried(self) -> frozenset[str]:
        if self._carried_ids is None:
            self._carried_ids = frozenset(self.inspection_ids)
        return self._carried_ids

    def _attachments(self, rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for row in rows:
            self.attachment_files.append((row["sha256"], row["media"]))
            yield row

    def _by_ids(self, table: str, column: str, ids: list[str], order: str | None = None
                ) -> Iterator[dict[str, Any]]:
        for start in range(0, len(ids), _CHUNK):
            part = ids[start:start + _CHUNK]
            found = sync_rows.rows_of(self.db, table, self.select_list(table, column), column,
                                      part, order)
            if order is None:
                # The order of ``ids`` itself: the inspections' creation order.
                rank = {value: n for n, value in enumerate(part)}
                yield from sorted(found, key=lambda r: rank[r[column]])
            else:
                yield from found

    def _reference(self, spec: TableSpec) -> Iterator[dict[str, Any]]:
        if spec.name in OFFICE_ONLY and self.kind == "laptop":
            return
        key = spec.key[0]
        wanted = self.referenced.get(spec.name, set())
        if spec.stamp is not None:  # a table without a stamp travels only where referred to
            for row in sync_rows.rows_since(self.db, spec.name,
                                            self.select_list(spec.name, key), spec.stamp,
                                            self.since, device=self.own):
                wanted.discard(row.get(key))
                yield row
        # The company, template, checklist and inspectors of every carried inspection travel
        # with it; from a laptop only those it wrote itself (the office has the others), and
        # the checklist by its content hash, whoever wrote it.
        own = self.own if spec.stamp is not None else None
        missing = sorted(wanted)
        for start in range(0, len(missing), _CHUNK):
            part = missing[start:start + _CHUNK]
            yield from sync_rows.rows_of(self.db, spec.name, self.select_list(spec.name, key),
                                         key, part, device=own)

    def _watch(self, table: str, rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for row in rows:
            if table == "inspections":
                if row["company_id"]:  # none when the subject is a unit
                    self.referenced["companies"].add(row["company_id"])
                self.referenced["templates"].add(row["template_key"])
                self.referenced["template_snapshots"].add(row["template_hash"])
            elif table in ("inspection_inspectors", "signatures") and row.get("inspector_id"):
                self.referenced["inspectors"].add(row["inspector_id"])
            elif table == "photos":
                self.photo_shas.append(row["sha256"])
            elif table == "documents" and row.get("file_sha256"):
                self.document_shas.append(row["file_sha256"])
            yield row


def select(db: Database, kind: str, watermark: str | None,
           device_id: str | None = None) -> Selection:
    """What a bundle of ``kind`` carries; ``watermark`` None means everything. A laptop's
    bundle (``device_id`` its own device) carries only the rows naming that device: what it
    received from the office is the office's already, and echoing it back cost the office an
    import of everything it had sent."""
    since = watermark or ""
    own = device_id if kind == "laptop" else None
    # An inspection travels whole (with all its parts) when any part of it changed, so the
    # receiver can keep a complete copy when it has to keep both versions.
    found = sync_rows.changed_inspections(
        db, since, [(c.name, c.parent or "", c.stamp) for c in CHILDREN if c.stamp],
        office=kind == "office", device=own)
    return Selection(db, kind, since, _with_followed(db, found, own), own=own)


def collect_rows(db: Database, kind: str, watermark: str | None,
                 device_id: str | None = None) -> dict[str, list[dict]]:
    """The rows a bundle of ``kind`` carries, all in memory (for checks and small bundles;
    the export itself streams them)."""
    selection = select(db, kind, watermark, device_id)
    out = {table: list(selection.rows(table)) for table in selection.order()}
    return {t: out[t] for t in ([r.name for r in REFERENCE] + ["inspections"]
                                + [c.name for c in CHILDREN] + ["audit_log"])}


def _with_followed(db: Database, found: list[tuple[str, str | None, str | None]],
                   own: str | None = None) -> list[str]:
    """Add the inspections these follow or supersede, so a bundle applies on its own, in any
    order: a re-inspection's results point at the hazards of the inspection it follows. From
    a laptop (``own``), only those it wrote: the office holds the others already."""
    ids = [row[0] for row in found]
    have = set(ids)
    queue = list(found)
    while queue:
        row = queue.pop()
        for ref in row[1:]:
            if ref and ref not in have:
                hit = sync_rows.inspection_links(db, ref, own)
                have.add(ref)
                ids += [h[0] for h in hit]
                queue += hit
    return ids


def bundle_name(device: Device, now: datetime, folder: Path) -> str:
    stem = f"inspector-{device.doc_prefix}-{now:%Y%m%d-%H%M%S}"
    name, n = f"{stem}{bundle.SUFFIX}", 1
    while (folder / name).exists() or (folder / f"{name}.part").exists():
        n += 1
        name = f"{stem}-{n}{bundle.SUFFIX}"
    return name


@contextlib.contextmanager
def _part_file(path: Path) -> Iterator[IO[bytes]]:
    """Open ``path`` for writing; remove it on any failure, cancel included."""
    try:
        handle = open(path, "xb")  # noqa: SIM115 - closed below, or removed on failure
    except OSError as exc:
        raise from_os_error(exc, path.parent) from exc
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise


def export_bundle(db: Database, data_dir: DataDir | Path, device: Device, dest_dir: Path, *,
                  passphrase: str, full: bool = False, control: Control | None = None) -> Path:
    """Write one bundle into ``dest_dir``; returns its path."""
    root = data_dir.root if isinstance(data_dir, DataDir) else Path(data_dir)
    dest_dir = Path(dest_dir)
    try:
        there = dest_dir.is_dir()  # a stick pulled out answers EIO here, not False
    except OSError as exc:
        raise _write_failed(exc, dest_dir) from exc
    if not there:
        raise NotFoundError(N_("The folder {dest_dir} does not exist (is the USB stick plugged "
                               "in?)."), dest_dir=dest_dir)
    pki = PkiService(db, device)
    cert, key, chain = _signer(pki, passphrase)
    recipient = _recipient(pki, cert, chain)
    kind = "full" if full else ("office" if pki.org() is not None else "laptop")
    started = utcnow_iso()  # the next watermark: taken before reading, so nothing slips by
    watermark = None if full else previous_watermark(db)
    selection = select(db, kind, watermark, device.id)
    selection.encoded = True
    bundle_id = new_id()
    manifest: dict[str, Any] = {
        "format": f"{bundle.FORMAT}/{bundle.VERSION}", "bundle_id": bundle_id, "kind": kind,
        "device_id": device.id, "device_name": device.name, "device_prefix": device.doc_prefix,
        "created_at": started, "previous_watermark": watermark, "encrypted": bool(recipient),
        "counts": {}, "entries": [], "missing_photos": []}
    try:
        name = bundle_name(device, datetime.now(UTC), dest_dir)
    except OSError as exc:
        raise _write_failed(exc, dest_dir) from exc
    final, part = dest_dir / name, dest_dir / f"{name}.part"
    store = PhotoStore(root / "photos")
    writer = _InnerWriter(selection, manifest, store, DataDir(root), (cert, key, chain), control)
    try:
        if recipient is None:
            with _part_file(part) as handle, sync_rows.sorts_in_memory(db):
                writer.write(handle)
        else:
            # The clear inner zip stays on this computer's disk, beside the data it copies:
            # written to the stick, its deleted blocks could be recovered from a lost one.
            with tempfile.TemporaryDirectory(dir=root, prefix=".sync-") as tmp:
                inner = Path(tmp) / "inner.zip"
                with _part_file(inner) as handle, sync_rows.sorts_in_memory(db):
                    writer.write(handle)
                with _part_file(part) as handle:
                    _write_envelope(handle, inner, recipient, bundle_id, control)
        os.replace(part, final)
        _fsync_dir(dest_dir)
    except OSError as exc:
        with contextlib.suppress(OSError):
            part.unlink()
        raise _write_failed(exc, final) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink()
        raise
    with db.atomic():
        sync_rows.add_history(db, {
            "id": new_id(), "direction": "out", "bundle_id": bundle_id, "kind": kind,
            "file_name": name, "device_id": device.id, "peer_device": None,
            "peer_name": None, "watermark": started, "created_at": utcnow_iso(),
            "report": json.dumps({"counts": manifest["counts"], "encrypted": bool(recipient),
                                  "missing_photos": manifest["missing_photos"]},
                                 ensure_ascii=False),
            "status": "written"})
    return final


def _write_failed(exc: OSError, target: Path) -> InspectorError:
    # One message, so that the window and the command line (which show ``localized()``, not
    # ``message``) say it too, in the user's language. A clause: the system's reason told as
    # it is ("{reason}{where}") has no full stop of its own, the others have one.
    error = from_os_error(exc, target)
    return type(error)(N_("{problem}. No export file was written."),
                       problem=Clause(Message(error.msgid, **error.params)))


def _fsync_dir(folder: Path) -> None:
    # The rename itself must reach the stick before the user pulls it out (POSIX only).
    if hasattr(os, "O_DIRECTORY"):
        try:
            fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            return
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)


def _files(selection: Selection, store: PhotoStore, data_dir: DataDir,
           manifest: dict[str, Any]) -> dict[str, Path]:
    """Entry path → file on disk: the photo originals and the kept PDFs the rows name. A photo
    missing here is listed in the manifest; a PDF made before copies were kept, or by an older
    version, simply does not travel (its documents row does)."""
    files: dict[str, Path] = {}
    for sha in selection.photo_shas:
        found = store.find_original(sha)
        if found is not None and not _holds(found, sha):
            # Changed on disk since it was taken in: the office would refuse the whole bundle
            # for it, and every later one. It travels as missing, and the log names it.
            log.warning("photo %s was changed on disk and is not exported: put the original "
                        "back from a backup", found)
            found = None
        if found is None:
            if sha not in manifest["missing_photos"]:
                manifest["missing_photos"].append(sha)
        else:
            files[f"photos/{sha}{found.suffix.lower()}"] = found
    for sha in selection.document_shas:
        try:
            kept = document_copy(data_dir.documents, sha)
        except ValueError:
            continue  # not a hash: nothing could be stored under it
        if kept.is_file():
            files[f"documents/{sha}.pdf"] = kept
    attachments = AttachmentStore(attachment_folder(data_dir))
    for sha, media in selection.attachment_files:
        try:
            kept = attachments.path(sha, media)
        except (ValueError, KeyError):
            continue  # not a hash or not a kind of file the store keeps: nothing to carry
        if kept.is_file():
            files[f"emergency_files/{kept.name}"] = kept
    return files


_COPY_CHUNK = 1024 * 1024
_LINES = 2048  # rows encoded, hashed and compressed together (a cancel is seen between them)
_BLOCK = 1024 * 1024  # and at most about this many characters of them


def _holds(path: Path, sha: str) -> bool:
    """Whether the file still holds the bytes its name is the hash of."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_COPY_CHUNK):
                digest.update(chunk)
    except OSError:
        return False
    return digest.hexdigest() == sha


class _InnerWriter:
    """The clear inner zip, each table streamed from SQLite into its entry and each file copied
    in chunks: its hash and size are taken as the bytes pass, so nothing is held whole."""

    def __init__(self, selection: Selection, manifest: dict[str, Any], store: PhotoStore,
                 data_dir: DataDir,
                 signer: tuple[x509.Certificate, ec.EllipticCurvePrivateKey,
                               list[x509.Certificate]],
                 control: Control | None) -> None:
        self.selection = selection
        self.manifest = manifest
        self.store = store
        self.data_dir = data_dir
        self.signer = signer
        self.control = control

    def write(self, handle: IO[bytes]) -> None:
        manifest, control = self.manifest, self.control
        tables = self.selection.order()
        total = len(tables) + 1
        done = 0
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True,
                             compresslevel=_LEVEL) as zf:
            with _Compressor(zf) as compressor:
                for table in tables:
                    manifest["counts"][table] = self._table(compressor, table)
                    done += 1
                    _tick(control, done, total, table)
            files = _files(self.selection, self.store, self.data_dir, manifest)
            total += len(files)
            for path, source in sorted(files.items()):
                self._file(zf, path, source)
                done += 1
                _tick(control, done, total, "files")
            raw = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
            zf.writestr(bundle.MANIFEST, raw)
            zf.writestr(bundle.SIGNATURE, bundle.sign_manifest(raw, *self.signer))
        _tick(control, total, total, "")

    def _table(self, compressor: _Compressor, table: str) -> int:
        lines = self.selection.lines(table)
        if lines is None:
            lines = map(_line, self.selection.rows(table))
        first = next(lines, None)
        if first is None:
            return 0  # an empty table has no entry
        path = f"rows/{table}.jsonl"
        count, held = 0, 0
        compressor.open(path, self.manifest["entries"])
        buffer: list[str] = []
        for line in itertools.chain((first,), lines):
            buffer.append(line)
            count += 1
            held += len(line)
            if held >= _BLOCK or len(buffer) >= _LINES:
                self._flush(compressor, buffer)
                held = 0
                self._check()
        self._flush(compressor, buffer)
        compressor.close()
        return count

    @staticmethod
    def _flush(compressor: _Compressor, buffer: list[str]) -> None:
        if not buffer:
            return
        buffer.append("")  # the last line's newline
        data = "\n".join(buffer).encode()
        buffer.clear()
        compressor.write(data)

    def _check(self) -> None:
        if self.control is not None:
            self.control.check_cancelled()

    def _file(self, zf: zipfile.ZipFile, path: str, source: Path) -> None:
        digest, size = hashlib.sha256(), 0
        try:
            handle = open(source, "rb")  # noqa: SIM115 - closed by the with below
        except OSError as exc:  # a read, of this computer's file: not "cannot be written"
            raise from_read_error(exc, source) from exc
        # JPEGs and PDFs hardly shrink; storing them saves time and keeps the ratio check honest.
        info = zipfile.ZipInfo(path, date_time=(2020, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_STORED
        with handle, zf.open(info, "w", force_zip64=True) as sink:
            while True:
                try:
                    chunk = handle.read(_COPY_CHUNK)
                except OSError as exc:
                    raise from_read_error(exc, source) from exc
                if not chunk:
                    break
                sink.write(chunk)
                digest.update(chunk)
                size += len(chunk)
        self.manifest["entries"].append({"path": path, "sha256": digest.hexdigest(),
                                         "size": size})


class _Compressor:
    """Rows entries compressed, hashed and written by a second thread while the first reads
    and encodes the next rows from SQLite: zlib, hashlib and SQLite all release the GIL, so on
    two cores neither waits for the other. The queue holds a few blocks of lines at most; the
    first failure in the writing thread is raised in the reading one."""

    _DEPTH = 4  # blocks waiting (each about _LINES lines)

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        self.queue: queue.Queue[tuple[str, Any] | None] = queue.Queue(self._DEPTH)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="bundle-compressor", daemon=True)

    def __enter__(self) -> _Compressor:
        self.thread.start()
        return self

    def __exit__(self, kind: object, exc: BaseException | None, tb: object) -> None:
        if exc is not None:
            self.error = self.error or exc  # the writing thread drops what is still queued
        self._put(None, check=False)
        self.thread.join()
        if exc is None and self.error is not None:
            raise self.error

    def open(self, path: str, entries: list[dict[str, Any]]) -> None:
        """Start an entry; its path, size and hash go into ``entries`` when it is closed."""
        self._put(("open", (path, entries)))

    def write(self, data: bytes) -> None:
        self._put(("write", data))

    def close(self) -> None:
        self._put(("close", None))

    def _put(self, item: tuple[str, Any] | None, check: bool = True) -> None:
        if check and self.error is not None:
            raise self.error
        self.queue.put(item)

    def _run(self) -> None:
        sink: IO[bytes] | None = None
        digest, size = hashlib.sha256(), 0
        target: tuple[str, list[dict[str, Any]]] = ("", [])
        while (item := self.queue.get()) is not None:
            if self.error is not None:
                continue  # failed or abandoned: only drain, so the reading thread never blocks
            action, value = item
            try:
                if action == "open":
                    target = value
                    sink = self.zf.open(value[0], "w")
                    digest, size = hashlib.sha256(), 0
                elif action == "write":
                    assert sink is not None
                    sink.write(value)
                    digest.update(value)
                    size += len(value)
                else:
                    assert sink is not None
                    sink.close()
                    sink = None
                    path, entries = target
                    entries.append({"path": path, "sha256": digest.hexdigest(), "size": size})
            except BaseException as exc:  # handed to the reading thread
                self.error = exc
        if sink is not None:
            with contextlib.suppress(Exception):
                sink.close()


def _write_envelope(handle: IO[bytes], inner: Path, recipient: x509.Certificate,
                    bundle_id: str, control: Control | None) -> None:
    _header, raw, ephemeral = envelope.make_header(recipient, bundle_id)
    size = inner.stat().st_size
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
        zf.writestr(bundle.ENVELOPE, raw)
        with open(inner, "rb") as source, zf.open(bundle.PAYLOAD, "w", force_zip64=True) as sink:
            envelope.encrypt_stream(recipient, raw, ephemeral, source, sink, size, control)


def _tick(control: Control | None, done: int, total: int, text: str) -> None:
    if control is not None:
        control.progress(done, total, text)
        control.check_cancelled()
