"""Writing a bundle: everything changed since the last export (or everything), signed by this
device, encrypted for the office when the office is known, written atomically.

The file appears under its final name only after it is complete and fsynced: a full disk, an
unplugged stick, a cancel or a killed process leaves at most a ``.part`` file, which the import
refuses anyway (no valid zip, or no valid signature).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from sqlite_utils import Database

from inspector_app.domain.profile import Device
from inspector_app.domain.records import new_id, utcnow_iso
from inspector_app.errors import InspectorError, NotFoundError, from_os_error
from inspector_app.paths import DataDir
from inspector_app.services.emergency import attachment_folder
from inspector_app.services.pki import PkiService, decrypt_key, fingerprint
from inspector_app.services.progress import Progress
from inspector_app.services.sync import bundle, envelope
from inspector_app.services.sync.rows import dump_rows
from inspector_app.services.sync.tables import (
    CHILDREN,
    LOCAL_COLUMNS,
    OFFICE_ONLY,
    REFERENCE,
    TableSpec,
)
from inspector_app.storage.attachment_store import AttachmentStore
from inspector_app.storage.document_store import document_copy
from inspector_app.storage.photo_store import PhotoStore

Control = Progress  # the sync modules' name for it


def _signer(pki: PkiService, passphrase: str
            ) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey, list[x509.Certificate]]:
    """The device identity; on the office computer without one, the organisation's root."""
    if pki.identity() is not None:
        return pki.unlock(passphrase)
    org = pki.org()
    if org is not None:
        return org[1], decrypt_key(org[2], passphrase), []
    raise NotFoundError("This computer has no signing identity, so it cannot sign an export: "
                        "import the enrolment file from the office (identity import) first.")


def _recipient(pki: PkiService, cert: x509.Certificate, chain: list[x509.Certificate]
               ) -> x509.Certificate | None:
    """The office root to encrypt for: the trusted root that issued this laptop's identity."""
    if pki.org() is not None:
        return None  # the office itself: its bundles are for laptops, which hold no org key
    trusted = {fingerprint(r) for r in pki.trust_roots()}
    return next((r for r in chain if r.subject == cert.issuer and r.subject != cert.subject
                 and fingerprint(r) in trusted), None)


def previous_watermark(db: Database) -> str | None:
    row = db.execute("SELECT MAX(watermark) FROM sync_history WHERE direction = 'out' "
                     "AND status = 'written'").fetchone()
    return row[0] if row else None


def _dicts(db: Database, sql: str, params: Any) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def _strip(table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    drop = LOCAL_COLUMNS.get(table, ())
    return [{k: v for k, v in r.items() if k not in drop} for r in rows] if drop else rows


def collect_rows(db: Database, kind: str, watermark: str | None) -> dict[str, list[dict]]:
    """The rows a bundle of ``kind`` carries; ``watermark`` None means everything."""
    since = watermark or ""
    out: dict[str, list[dict]] = {}
    for spec in REFERENCE:
        if spec.name in OFFICE_ONLY and kind == "laptop":
            out[spec.name] = []
            continue
        out[spec.name] = _strip(spec.name, _dicts(
            db, f"SELECT * FROM {spec.name} WHERE {spec.stamp} > ? ORDER BY 1", [since]))
    # An inspection travels whole (with all its parts) when any part of it changed, so the
    # receiver can keep a complete copy when it has to keep both versions.
    changed_parts = " UNION ".join(
        f"SELECT {c.parent} FROM {c.name} WHERE {c.stamp} > :since"
        for c in CHILDREN if c.stamp)
    where = (f"conflict_of IS NULL AND (updated_at > :since OR id IN ({changed_parts}))")
    if kind == "office":
        # Laptops get what they re-inspect: inspections with hazards not yet closed.
        where += (" AND id IN (SELECT inspection_id FROM findings "
                  "WHERE status IN ('open', 'rectified', 'reopened') "
                  "AND withdrawn_at IS NULL)")
    inspections = _dicts(db, f"SELECT * FROM inspections WHERE {where} ORDER BY created_at, id",
                         {"since": since})
    inspections = _with_followed(db, inspections)
    out["inspections"] = _strip("inspections", inspections)
    ids = [r["id"] for r in inspections]
    for spec in CHILDREN:
        out[spec.name] = _children(db, spec, ids)
    _add_referenced(db, out)
    out["audit_log"] = _dicts(db, "SELECT * FROM audit_log WHERE at > ? ORDER BY at, id", [since])
    return out


def _with_followed(db: Database, inspections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add the inspections these follow or supersede, so a bundle applies on its own, in any
    order: a re-inspection's results point at the hazards of the inspection it follows."""
    have = {r["id"] for r in inspections}
    queue = list(inspections)
    while queue:
        row = queue.pop()
        for ref in (row.get("follows_inspection_id"), row.get("supersedes_id")):
            if ref and ref not in have:
                found = _dicts(db, "SELECT * FROM inspections WHERE id = ?", [ref])
                have.add(ref)
                inspections += found
                queue += found
    return inspections


def _add_referenced(db: Database, out: dict[str, list[dict]]) -> None:
    """The company, template and inspectors of every carried inspection travel with it."""
    wanted = {
        "companies": ("id", {r["company_id"] for r in out["inspections"]}),
        "templates": ("key", {r["template_key"] for r in out["inspections"]}),
        "inspectors": ("id", {r["inspector_id"] for r in out["inspection_inspectors"]}
                       | {r["inspector_id"] for r in out["signatures"] if r["inspector_id"]}),
    }
    for table, (key, values) in wanted.items():
        have = {r[key] for r in out[table]}
        missing = sorted(values - have)
        for start in range(0, len(missing), 500):
            part = missing[start:start + 500]
            out[table] += _dicts(db, f"SELECT * FROM {table} WHERE {key} IN "
                                     f"({','.join('?' * len(part))})", part)


def _children(db: Database, spec: TableSpec, ids: list[str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for start in range(0, len(ids), 500):  # SQLite's bound-parameter limit
        part = ids[start:start + 500]
        marks = ",".join("?" * len(part))
        rows += _dicts(db, f"SELECT * FROM {spec.name} WHERE {spec.parent} IN ({marks}) "
                           f"ORDER BY {', '.join(spec.key)}", part)
    return rows


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
    if not dest_dir.is_dir():
        raise NotFoundError(f"The folder {dest_dir} does not exist (is the USB stick plugged "
                            "in?).")
    pki = PkiService(db, device)
    cert, key, chain = _signer(pki, passphrase)
    recipient = _recipient(pki, cert, chain)
    kind = "full" if full else ("office" if pki.org() is not None else "laptop")
    started = utcnow_iso()  # the next watermark: taken before reading, so nothing slips by
    watermark = None if full else previous_watermark(db)
    rows = collect_rows(db, kind, watermark)
    bundle_id = new_id()
    manifest: dict[str, Any] = {
        "format": f"{bundle.FORMAT}/{bundle.VERSION}", "bundle_id": bundle_id, "kind": kind,
        "device_id": device.id, "device_name": device.name, "device_prefix": device.doc_prefix,
        "created_at": started, "previous_watermark": watermark, "encrypted": bool(recipient),
        "counts": {t: len(r) for t, r in rows.items()}, "entries": [], "missing_photos": []}
    name = bundle_name(device, datetime.now(UTC), dest_dir)
    final, part = dest_dir / name, dest_dir / f"{name}.part"
    store = PhotoStore(root / "photos")
    files = _files(rows, store, DataDir(root), manifest)
    try:
        if recipient is None:
            with _part_file(part) as handle:
                _write_inner(handle, rows, manifest, files, (cert, key, chain), control)
        else:
            # The clear inner zip stays on this computer's disk, beside the data it copies:
            # written to the stick, its deleted blocks could be recovered from a lost one.
            with tempfile.TemporaryDirectory(dir=root, prefix=".sync-") as tmp:
                inner = Path(tmp) / "inner.zip"
                with _part_file(inner) as handle:
                    _write_inner(handle, rows, manifest, files, (cert, key, chain), control)
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
        db["sync_history"].insert({
            "id": new_id(), "direction": "out", "bundle_id": bundle_id, "kind": kind,
            "file_name": name, "device_id": device.id, "peer_device": None,
            "peer_name": None, "watermark": started, "created_at": utcnow_iso(),
            "report": json.dumps({"counts": manifest["counts"], "encrypted": bool(recipient),
                                  "missing_photos": manifest["missing_photos"]},
                                 ensure_ascii=False),
            "status": "written"})
    return final


def _write_failed(exc: OSError, target: Path) -> InspectorError:
    error = from_os_error(exc, target)
    error.message += " No export file was written."
    return error


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


def _files(rows: dict[str, list[dict]], store: PhotoStore, data_dir: DataDir,
           manifest: dict[str, Any]) -> dict[str, Path]:
    """Entry path → file on disk: the photo originals and the kept PDFs the rows name. A photo
    missing here is listed in the manifest; a PDF made before copies were kept, or by an older
    version, simply does not travel (its documents row does)."""
    files: dict[str, Path] = {}
    for row in rows.get("photos", []):
        sha = row["sha256"]
        found = store.find_original(sha)
        if found is None:
            if sha not in manifest["missing_photos"]:
                manifest["missing_photos"].append(sha)
        else:
            files[f"photos/{sha}{found.suffix.lower()}"] = found
    for row in rows.get("documents", []):
        sha = row.get("file_sha256")
        if sha:
            try:
                kept = document_copy(data_dir.documents, sha)
            except ValueError:
                continue  # not a hash: nothing could be stored under it
            if kept.is_file():
                files[f"documents/{sha}.pdf"] = kept
    attachments = AttachmentStore(attachment_folder(data_dir))
    for row in rows.get("emergency_files", []):
        try:
            kept = attachments.path(row["sha256"], row["media"])
        except (ValueError, KeyError):
            continue
        if kept.is_file():
            files[f"emergency_files/{kept.name}"] = kept
    return files


def _write_inner(handle: IO[bytes], rows: dict[str, list[dict]], manifest: dict[str, Any],
                 files: dict[str, Path],
                 signer: tuple[x509.Certificate, ec.EllipticCurvePrivateKey,
                               list[x509.Certificate]],
                 control: Control | None) -> None:
    total = len(rows) + len(files) + 1
    done = 0
    entries: list[dict[str, Any]] = manifest["entries"]
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
        for table, table_rows in rows.items():
            if not table_rows:
                continue
            data = dump_rows(table_rows)
            path = f"rows/{table}.jsonl"
            zf.writestr(path, data)
            entries.append({"path": path, "sha256": bundle.sha256(data), "size": len(data)})
            done += 1
            _tick(control, done, total, table)
        for path, source in sorted(files.items()):
            try:
                data = source.read_bytes()
            except OSError as exc:
                raise from_os_error(exc, source) from exc
            # JPEGs and PDFs hardly shrink; storing them saves time and keeps the ratio check
            # honest.
            zf.writestr(zipfile.ZipInfo(path, date_time=(2020, 1, 1, 0, 0, 0)), data,
                        compress_type=zipfile.ZIP_STORED)
            entries.append({"path": path, "sha256": bundle.sha256(data), "size": len(data)})
            done += 1
            _tick(control, done, total, "files")
        raw = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
        zf.writestr(bundle.MANIFEST, raw)
        zf.writestr(bundle.SIGNATURE, bundle.sign_manifest(raw, *signer))
    _tick(control, total, total, "")


def _write_envelope(handle: IO[bytes], inner: Path, recipient: x509.Certificate,
                    bundle_id: str, control: Control | None) -> None:
    _header, raw, ephemeral = envelope.make_header(recipient, bundle_id)
    size = inner.stat().st_size
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
        zf.writestr(bundle.ENVELOPE, raw)
        with open(inner, "rb") as source, zf.open(bundle.PAYLOAD, "w", force_zip64=True) as sink:
            tick: Callable[[int], None] | None = (
                (lambda n: _tick(control, n, size, "encrypting")) if control else None)
            envelope.encrypt_stream(recipient, raw, ephemeral, source, sink, size, tick)


def _tick(control: Control | None, done: int, total: int, text: str) -> None:
    if control is not None:
        control.progress(done, total, text)
        control.check_cancelled()
