"""Reading a bundle: refuse anything doubtful before the first change, then apply it all in one
transaction.

Order: open (and decrypt into the import's private scratch folder) → zip sanity from the central
directory → manifest format → manifest signature and signer trust → sizes → every entry's size
and SHA-256 → rows parse and match their declared schema (row_schema) → laptops must encrypt →
already imported? → every file carried is the file of one of its rows, and an attachment row
records its file's size → the sender's rights
(policy), in a transaction that only reads → only then the files (photos, PDFs, the files of
plans, drills and stations) of the rows they accepted, re-validated in the scratch folder (a
photo is decoded, seconds for a large one: a bundle the rules refuse has none of its files
opened), with no transaction open → in one transaction: the rules again if anything was saved
here meanwhile (the files of what that run accepts, and only those, are placed), the merge, the
record signatures, the files moved into their stores, the history entry. A refusal anywhere
leaves the database and the stores as they were.
"""

from __future__ import annotations

import contextlib
import errno
import json
import sqlite3
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlite_utils import Database

from inspector_app.domain.profile import Device
from inspector_app.domain.records import new_id, utcnow_iso
from inspector_app.errors import (
    CorruptFileError,
    DatabaseLockedError,
    DiskFullError,
    InspectorError,
    ValidationError,
    disk_write_failure,
    from_os_error,
    from_read_error,
    from_sqlite_error,
)
from inspector_app.i18n import ENUMERATION, N_, Listing, Message, count_text
from inspector_app.paths import DataDir
from inspector_app.services.emergency import attachment_folder
from inspector_app.services.pki import PkiService, decrypt_key, fingerprint
from inspector_app.services.sync import (
    bundle,
    envelope,
    files,
    people,
    policy,
    row_schema,
    tables,
    words,
)
from inspector_app.services.sync.bundle import REFUSED, BundleRefused, refuse
from inspector_app.services.sync.export import Control
from inspector_app.services.sync.merge import Merger
from inspector_app.services.sync.report import ImportReport, message_json
from inspector_app.services.sync.staging import StagedRows, read_checked
from inspector_app.storage import scratch, sync_refusals, sync_rows
from inspector_app.storage.attachment_store import MEDIA_SUFFIX, AttachmentStore
from inspector_app.storage.audit import AuditLog
from inspector_app.storage.photo_store import PhotoStore

MAX_SIGNATURE = 1024 * 1024
MAX_ENVELOPE = 64 * 1024


class _DryRun(Exception):
    """Raised to roll the transaction back after a dry run."""


@dataclass
class Verified:
    manifest: dict[str, Any]
    signer: bundle.Signer
    rows: StagedRows
    photos: dict[str, str] = field(default_factory=dict)   # sha256 → entry path
    documents: dict[str, str] = field(default_factory=dict)  # sha256 → entry path
    attachments: dict[str, str] = field(default_factory=dict)  # sha256 → entry path


def import_bundle(db: Database, data_dir: DataDir | Path, device: Device, path: Path, *,
                  org_passphrase: str | None = None, dry_run: bool = False,
                  control: Control | None = None) -> ImportReport:
    """Import one bundle; raises InspectorError (nothing changed) when it is refused, and
    records the refusal beside the database (a supervisor looks in the history for what came
    in, refused or not)."""
    seen: dict[str, str] = {"file_name": Path(path).name}
    try:
        return _import_bundle(db, data_dir, device, path, seen, org_passphrase=org_passphrase,
                              dry_run=dry_run, control=control)
    except (BundleRefused, CorruptFileError) as exc:
        named = _from_sender(exc, seen)
        if not dry_run:
            _record_refusal(_data_dir(data_dir), device, seen, named)
        if named is exc:
            raise
        raise named from None
    except (sqlite3.OperationalError, OSError, InspectorError) as exc:
        stopped = _stopped_by_the_disk(exc, _data_dir(data_dir).root)
        if stopped is not None:
            raise stopped from exc
        # What is written here is told as such where it is written: a bare OSError without a
        # file of its own is a read of the bundle's zip (the stick pulled out mid-import).
        if isinstance(exc, OSError) and exc.filename in (None, str(path)):
            raise _unreadable(exc, Path(path)) from exc
        if isinstance(exc, OSError):
            raise from_os_error(exc) from exc
        raise


def _unreadable(exc: OSError, path: Path) -> InspectorError:
    """The bundle's own file could not be read: named, in the system's words. The bundle is
    not at fault (no refusal is recorded) and nothing was changed (the import rolled back)."""
    if exc.errno in _NOT_THERE:
        return from_read_error(exc, path)
    return InspectorError(N_("The bundle {path} could not be read ({reason}). Nothing was "
                             "changed. If it is on a USB stick, check that it is still "
                             "plugged in, and import the bundle again."),
                          path=path, reason=exc.strerror or exc)


_NOT_THERE = (errno.ENOENT, errno.EISDIR, errno.EACCES, errno.EPERM)


class _Reading:
    """The bundle's payload as ``decrypt_stream`` reads it, a failed read told as the bundle's
    (the clear copy it writes has failures of its own)."""

    def __init__(self, source: IO[bytes], path: Path) -> None:
        self.source = source
        self.path = path

    def read(self, size: int = -1) -> bytes:
        try:
            return self.source.read(size)
        except OSError as exc:
            raise _unreadable(exc, self.path) from exc


def _lost_to_another_write(exc: sqlite3.OperationalError) -> bool:
    """The merge's transaction lost the database to another connection's write committed
    after it had begun reading (its snapshot went stale). A write lock held by another
    Inspector past the wait is not this (``from_sqlite_error`` tells that one)."""
    return getattr(exc, "sqlite_errorname", "") == "SQLITE_BUSY_SNAPSHOT"


def _stopped_by_the_disk(exc: BaseException, root: Path) -> InspectorError | None:
    """The import stopped by a write the disk refused (the scratch rows, a photo, the
    database, its log), told as such: what failed, that nothing was changed (the transaction
    rolled back, the files taken back, the scratch folder gone) and what to do. None for any
    other failure. The bundle is not at fault: no refusal is recorded."""
    cause = exc.__cause__ if isinstance(exc, InspectorError) else exc
    how = disk_write_failure(cause) if cause is not None else None
    if how == "full":
        return DiskFullError(N_("The import stopped: the disk holding the data folder {path} "
                                "is full. Nothing was changed. Free some space on it and "
                                "import the bundle again."), path=root)
    if how == "failed":
        return _disk_failed(root, str(cause))
    return None


def _disk_failed(root: Path, reason: object) -> InspectorError:
    return InspectorError(N_("The import stopped: the disk holding the data folder {path} "
                             "could not be written or read ({reason}); it may be full, or "
                             "failing. Nothing was changed. Free some space on it, check "
                             "the disk, and import the bundle again."),
                          path=root, reason=reason)


@contextlib.contextmanager
def _read_here(root: Path) -> Iterator[None]:
    """Around the reads of a sealed bundle's clear copy, in the data folder: the stick was read
    whole to make it, so a read failing now is this computer's disk, not the bundle's (which
    ``import_bundle`` takes a bare OSError to be)."""
    try:
        yield
    except OSError as exc:
        if exc.filename is not None or disk_write_failure(exc) is not None:
            raise  # named, or a full disk: ``import_bundle`` tells those
        raise _disk_failed(root, exc.strerror or exc) from exc


def _from_sender(exc: InspectorError, seen: dict[str, str]) -> InspectorError:
    """The refusal naming the computer that sent the bundle, once its signature told which
    (the office reads at once whose laptop to call); as it was before that."""
    # As the signed manifest gives them; shortened, and the id instead of a name that is not
    # one line of text (the manifest's check may be what refuses it).
    name, prefix = seen.get("device_name") or "", (seen.get("device_prefix") or "")[:20]
    if not name.isprintable() or len(name) > 100:
        name = ""
    name = name or (seen.get("device_id") or "")[:8]
    if not isinstance(exc, BundleRefused) or not name or exc.msgid != REFUSED:
        return exc
    prefix = prefix if prefix.isprintable() else ""
    return BundleRefused(N_("The bundle from {sender} was refused: {reason}. Nothing was "
                            "changed."), sender=f"{name} ({prefix})" if prefix else name,
                         reason=exc.params["reason"])


def _data_dir(data_dir: DataDir | Path) -> DataDir:
    return data_dir if isinstance(data_dir, DataDir) else DataDir(Path(data_dir))


def _record_refusal(data_dir: DataDir, device: Device, seen: dict[str, str],
                    exc: InspectorError) -> None:
    """A history entry for a refused bundle: its file, when, why, and its sender as far as it
    was read (from a verified signature only). Kept out of the database, which a refusal
    leaves as it was; nothing counts it as imported (already_imported, device bindings)."""
    report = {**seen, "status": "refused",
              "reason": message_json(_as_message(exc))}
    # The refusal itself is what the user must see; its record is a convenience.
    with contextlib.suppress(OSError):
        sync_refusals.add(data_dir.sync_refusals, {
            "id": new_id(), "direction": "in", "bundle_id": seen.get("bundle_id", ""),
            "kind": seen.get("kind") or None, "file_name": seen["file_name"],
            "device_id": device.id, "peer_device": seen.get("device_id") or None,
            "peer_name": seen.get("device_name") or None,
            "watermark": None, "created_at": utcnow_iso(),
            "report": json.dumps(report, ensure_ascii=False, default=str),
            "status": "refused"})


def _as_message(exc: InspectorError) -> Message:
    """The refusal as a message to store, a reason that is itself an error (a photo's, an
    attachment's) kept translatable too; other values are stored as their text."""
    return Message(exc.msgid, **{k: _as_message(v) if isinstance(v, InspectorError) else v
                                 for k, v in exc.params.items()})


def _import_bundle(db: Database, data_dir: DataDir | Path, device: Device, path: Path,
                   seen: dict[str, str], *, org_passphrase: str | None, dry_run: bool,
                   control: Control | None) -> ImportReport:
    root = data_dir.root if isinstance(data_dir, DataDir) else Path(data_dir)
    path = Path(path)
    pki = PkiService(db, device)
    with scratch.folder(root) as tmp:
        inner_path, envelope_id = _open_outer(path, pki, org_passphrase, tmp, root)
        try:
            zf = zipfile.ZipFile(inner_path)
        except OSError as exc:
            raise (_unreadable(exc, path) if inner_path == path
                   else _disk_failed(root, exc.strerror or exc)) from exc
        except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError):
            raise bundle.not_a_bundle() from None
        with zf, (contextlib.nullcontext() if inner_path == path else _read_here(root)):
            try:
                verified = _verify(zf, pki, control, tmp, seen)
            except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, UnicodeDecodeError,
                    KeyError, RecursionError, NotImplementedError) as exc:
                if isinstance(exc, InspectorError):
                    raise
                raise bundle.not_a_bundle(str(exc)[:200]) from None
            manifest = verified.manifest
            if envelope_id is not None and envelope_id != manifest["bundle_id"]:
                raise refuse(N_("its envelope and its content belong to different bundles"))
            sender = policy.Sender(manifest["device_id"], verified.signer,
                                   encrypted=envelope_id is not None,
                                   device_name=str(manifest.get("device_name") or ""),
                                   device_prefix=str(manifest.get("device_prefix") or ""))
            policy.check_transport(sender, here_is_office=pki.org() is not None)
            report = ImportReport(
                file_name=path.name, bundle_id=manifest["bundle_id"], kind=manifest["kind"],
                device_id=manifest["device_id"], device_name=str(manifest.get("device_name", "")),
                signer=verified.signer.name, created_at=str(manifest.get("created_at", "")))
            # Who sent it, for the history row of a refusal from here on.
            seen.update({known: getattr(report, known) for known in (
                "bundle_id", "kind", "device_id", "device_name", "signer", "created_at")},
                device_prefix=str(manifest.get("device_prefix") or ""))
            if manifest.get("missing_photos"):
                report.note(Message(N_("{n} photo file(s) were missing on the sending "
                                       "computer; their records came without them"),
                                    n=count_text(len(manifest["missing_photos"]))))
            if verified.signer.expired_on:
                report.note(Message(N_("the signer's certificate expired on {day}; accepted, "
                                       "it is not revoked"), day=str(verified.signer.expired_on)))
            if sync_rows.already_imported(db, manifest["bundle_id"]):
                report.status = "already imported"
                return report
            if dry_run:
                report.status = "dry run"
            _files_named_by_rows(verified)
            _file_sizes_as_rows_say(verified, _attachments_here(root))
            staged = files.Staged()

            def stage_files() -> None:
                _stage_files(zf, verified, staged, root, tmp, control)

            try:
                with (sync_rows.bulk_cache(db),
                      sync_rows.staged_attached(db, verified.rows.path) as attached):
                    _apply(db, pki, device, verified, sender, staged, report, dry_run, root,
                           control, attached, stage_files,
                           files.Prints(zf, verified.documents, DataDir(root).documents, pki))
            finally:
                verified.rows.close()
    if not dry_run:  # a dry run wrote nothing: the database's files stay byte for byte
        sync_rows.fold_log(db)
    return report


def _files_named_by_rows(verified: Verified) -> None:
    """Every file the bundle carries is the file of one of its rows (a photo's, a document's,
    an attachment's, of the kind its row says): each is opened to be checked, seconds for a
    large photo, and a file nothing shows has no business here."""
    if verified.photos:
        named = {row["sha256"] for row in verified.rows.get("photos", [])}
        for sha, entry in sorted(verified.photos.items()):
            if sha not in named:
                raise refuse(N_("the photo file {entry!r} is the file of none of its photos"),
                             entry=entry)
    for table, carried in (("documents", verified.documents),
                           ("emergency_files", verified.attachments)):
        named = _named(carried, verified.rows.get(table, []), table)
        for sha, entry in sorted(carried.items()):
            if sha not in named:
                raise refuse(N_("the file {entry!r} is the file of none of its {rows}"),
                             entry=entry, rows=words.table_words(table))


def _attachments_here(root: Path) -> AttachmentStore:
    return AttachmentStore(attachment_folder(DataDir(root)))


def _file_sizes_as_rows_say(verified: Verified, store: AttachmentStore) -> None:
    """A plan's, drill's or station's file row records the size of the file it names, as the
    window records it when the file is attached: the carried file's (its entry's size was
    checked against the bytes read), else the one here. The window shows and counts that
    size; a row saying another would tell of a file that is not the one kept."""
    sizes = {e["path"]: e["size"] for e in verified.manifest["entries"]}
    here: dict[Path, int | None] = {}
    for row in verified.rows.get("emergency_files", []):
        entry = _attachment_entry(row)
        if verified.attachments.get(row["sha256"]) == entry:
            actual = sizes[entry]
            if row["size"] != actual:
                raise row_schema.row_refused("emergency_files", row, "size", Message(
                    N_("says {size:,} bytes, but its file {entry!r} has {actual:,}"),
                    size=row["size"], entry=entry, actual=actual))
            continue
        kept = store.path(row["sha256"], row["media"])
        if kept not in here:
            here[kept] = kept.stat().st_size if kept.is_file() else None
        if here[kept] is not None and row["size"] != here[kept]:
            raise row_schema.row_refused("emergency_files", row, "size", Message(
                N_("says {size:,} bytes, but its file here has {actual:,}"),
                size=row["size"], actual=here[kept]))


def _missing_attachments(verified: Verified, store: AttachmentStore) -> Message | None:
    """The files of plans, drills and stations the rows the rules accepted name that are
    neither carried nor here, said as the photos a sending computer missed are: the laptop
    may have lost a file, and its row still says what was attached. None when there are
    none."""
    names: list[str] = []
    count = 0
    for row in verified.rows.get("emergency_files", []):  # the rows left out are not read
        if verified.attachments.get(row["sha256"]) == _attachment_entry(row) \
                or store.path(row["sha256"], row["media"]).is_file():
            continue
        count += 1
        if row["name"] not in names:
            names.append(row["name"])
    if not count:
        return None
    shown: list[str] = names[:_NAMES_SHOWN] + (["…"] if len(names) > _NAMES_SHOWN else [])
    return Message(N_("{n} emergency plan file(s) were missing on the sending computer; "
                      "their records came without them: {names}"),
                   n=count_text(count), names=Listing(shown, ENUMERATION))


_NAMES_SHOWN = 10  # files named in the import's note; the count tells the rest


def _named(carried: dict[str, str], rows: Iterable[dict[str, Any]], table: str
           ) -> dict[str, str]:
    """sha256 → entry path of the ``carried`` files that ``rows`` (of documents or
    emergency_files) name, under the name each row gives its file. The rows stream by; only
    the carried files are held."""
    if not carried:
        return {}
    by_entry = {entry: sha for sha, entry in carried.items()}
    entries = _document_entries(rows) if table == "documents" else _attachment_entries(rows)
    return {by_entry[entry]: entry for entry in entries if entry in by_entry}


def _document_entries(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The entry paths of the PDF files ``rows`` (documents) name."""
    for row in rows:
        if row.get("file_sha256"):
            yield f"documents/{row['file_sha256']}.pdf"


def _attachment_entries(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The entry paths of the files ``rows`` (emergency_files) name, as their media say."""
    for row in rows:
        yield _attachment_entry(row)


def _attachment_entry(row: dict[str, Any]) -> str:
    return f"emergency_files/{row['sha256']}{MEDIA_SUFFIX[row['media']]}"


def _stage_files(zf: zipfile.ZipFile, verified: Verified, staged: files.Staged, root: Path,
                 tmp: Path, control: Control | None) -> None:
    """Once the rows passed the rules: the files of the photos, documents and attachments
    they accepted (those of rows they left out are neither opened nor kept), checked as local
    ingest checks them and staged in the scratch folder. Called again after the rules ran
    again, it leaves waiting only the files of what that run accepted."""
    store = PhotoStore(root / "photos")
    rows = verified.rows  # the rows the rules left out are not read
    files.stage(zf, _accepted_photo_files(verified, store),
                _named(verified.documents, rows.get("documents", []), "documents"),
                _named(verified.attachments, rows.get("emergency_files", []),
                       "emergency_files"),
                store, DataDir(root).documents, _attachments_here(root), tmp, control,
                into=staged)


def _accepted_photo_files(verified: Verified, store: PhotoStore) -> dict[str, str]:
    """sha256 → entry path of the photo files the photos the rules accepted show (a file
    several photos show, once). A photo's file is carried, already here, or one the sending
    computer said it did not have: a photo naming a file nobody accounts for is refused. The
    photos stream by; only their files' hashes are kept."""
    wanted: dict[str, str] = {}
    absent: set[str] = set()  # named files neither carried nor here, each looked for once
    declared: set[str] | None = None
    for row in verified.rows.get("photos", []):  # the rows the policy left out are not read
        sha = row["sha256"]
        if sha in wanted or sha in absent:
            continue
        entry = verified.photos.get(sha)
        if entry is not None:
            wanted[sha] = entry
            continue
        if declared is None:
            declared = {m for m in verified.manifest.get("missing_photos") or []
                        if isinstance(m, str)}
        if sha not in declared and store.find_original(sha) is None:
            raise row_schema.row_refused("photos", row, "sha256", Message(
                N_("names a photo file the bundle does not carry, and the sending computer "
                   "did not say it was missing there")))
        absent.add(sha)
    return wanted


def _open_outer(path: Path, pki: PkiService, org_passphrase: str | None, tmp: Path,
                root: Path) -> tuple[Path, str | None]:
    """The plain bundle: the file itself, or its decrypted payload in ``tmp``."""
    try:
        zf = zipfile.ZipFile(path)
    except OSError as exc:  # the file, not its content: not "not a bundle"
        raise _unreadable(exc, path) from exc
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError):
        raise bundle.not_a_bundle() from None
    with zf:
        names = zf.namelist()
        if bundle.ENVELOPE not in names:
            return path, None
        infos = {i.filename: i for i in bundle.check_zip_entries(zf)}
        if set(infos) != {bundle.ENVELOPE, bundle.PAYLOAD}:
            raise refuse(N_("its encrypted envelope holds unexpected files"))
        try:
            raw = bundle.read_entry(zf, infos[bundle.ENVELOPE], MAX_ENVELOPE)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError):
            raise bundle.not_a_bundle() from None
        header = envelope.read_header(raw)
        org = pki.org()
        if org is None:
            raise refuse(N_("it is encrypted for the office, and this computer holds no "
                            "organisation key"))
        if header["recipient_fingerprint"] != fingerprint(org[1]):
            raise refuse(N_("it is encrypted for another office (a different organisation key)"))
        if org_passphrase is None:
            raise ValidationError(N_("The bundle is encrypted for the office: give the "
                                     "organisation key's passphrase. Nothing was changed."))
        key = decrypt_key(org[2], org_passphrase)
        bundle.check_room([infos[bundle.PAYLOAD]], tmp)  # the clear copy, before its own check
        inner = tmp / "inner.zip"
        try:
            with zf.open(infos[bundle.PAYLOAD]) as source, open(inner, "wb") as sink:
                envelope.decrypt_stream(key, raw, header, _Reading(source, path), sink,
                                        bundle.MAX_TOTAL)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError):
            raise bundle.not_a_bundle() from None
        except OSError as exc:  # the clear copy's write: the bundle's reads are ``_Reading``'s
            if disk_write_failure(exc) is not None:
                raise from_os_error(exc, tmp) from exc  # a full disk, told by import_bundle
            raise _disk_failed(root, exc.strerror or exc) from exc
        return inner, header["bundle_id"]


def _verify(zf: zipfile.ZipFile, pki: PkiService, control: Control | None, tmp: Path,
            seen: dict[str, str] | None = None) -> Verified:
    infos = {i.filename: i for i in bundle.check_zip_entries(zf)}
    if bundle.MANIFEST not in infos or bundle.SIGNATURE not in infos:
        raise bundle.not_a_bundle("no signed manifest")
    raw = bundle.read_entry(zf, infos[bundle.MANIFEST], bundle.MAX_MANIFEST)
    manifest = bundle.parse_manifest(raw)
    signer = bundle.verify_manifest(raw, bundle.read_entry(zf, infos[bundle.SIGNATURE],
                                                           MAX_SIGNATURE), pki)
    if seen is not None:
        # The signed manifest says who sent it: a refusal of its rows from here on names it.
        seen.update(device_id=str(manifest.get("device_id") or ""),
                    device_name=str(manifest.get("device_name") or ""),
                    device_prefix=str(manifest.get("device_prefix") or ""))
    listed = {e["path"]: e for e in manifest["entries"]}
    if len(listed) != len(manifest["entries"]):
        raise refuse(N_("its manifest lists a file twice"))
    extra = set(infos) - set(listed) - {bundle.MANIFEST, bundle.SIGNATURE}
    if extra:
        raise refuse(N_("it holds a file its manifest does not list ({entry!r})"),
                     entry=sorted(extra)[0])
    missing = set(listed) - set(infos)
    if missing:
        raise refuse(N_("a file listed in its manifest is missing ({entry!r})"),
                     entry=sorted(missing)[0])
    row_schema.check_manifest(manifest)
    row_schema.check_entry_sizes(manifest["entries"])
    bundle.check_room(list(infos.values()), tmp)
    staged = StagedRows(tmp / "rows.sqlite3")
    try:
        verified = Verified(manifest, signer, staged)
        # Rows are checked as they stream; their keys are checked for repeats by the scratch
        # database, not held in memory.
        checker = row_schema.RowChecker(track_keys=False)
        for n, (entry_path, entry) in enumerate(sorted(listed.items())):
            kind, name = bundle.entry_kind(entry_path)
            info = infos[entry_path]
            if info.file_size != entry["size"]:
                raise refuse(N_("the file {entry_path!r} does not have the size its manifest says"),
                             entry_path=entry_path)
            if kind == "photo" and name in verified.photos:
                raise refuse(N_("it carries the photo file {entry!r} twice (also as "
                                "{other!r})"), entry=entry_path, other=verified.photos[name])
            if kind == "attachment" and name in verified.attachments:
                raise refuse(N_("it carries the file {entry!r} twice (also as {other!r})"),
                             entry=entry_path, other=verified.attachments[name])
            if kind == "rows":
                staged.load(zf, info, name, entry["size"], entry["sha256"], checker)
            else:
                # Only hashed here: a file is opened for what it holds once the rows naming
                # it passed the rules (_stage_files).
                digest = read_checked(zf, info, entry["size"])
                if digest != entry["sha256"] or digest != name:
                    raise refuse(N_("the file {entry_path!r} does not match its hash (it was "
                                    "altered)"), entry_path=entry_path)
                {"photo": verified.photos, "document": verified.documents,
                 "attachment": verified.attachments}[kind][name] = entry_path
            if control is not None:
                control.progress(n + 1, len(listed), "checking")
                control.check_cancelled()
        checker.finish()
        staged.finish()
        staged.store.commit()
    except BaseException:
        staged.close()
        raise
    return verified


def _apply(db: Database, pki: PkiService, device: Device, verified: Verified,
           sender: policy.Sender, staged: files.Staged, report: ImportReport, dry_run: bool,
           root: Path, control: Control | None, attached: bool,
           stage_files: Callable[[], None], prints: files.Prints) -> None:
    """The rules, then (``stage_files``) the files of what they accepted, then the merge and
    the checks of what it made."""
    manifest = verified.manifest
    rows = verified.rows
    try:
        _check_checklists(db, rows)
        # The rules first, in a transaction of their own that only reads; then the files of
        # what they accepted are opened (a photo is decoded: seconds for a large one) with no
        # transaction open, so that the window may save meanwhile.
        with sync_rows.reading_only(db), db.atomic():
            decision = policy.Policy(db, device.id, sender, rows, prints).check()
            seen = sync_rows.data_version(db)
        rows.skip = decision.skip
        stage_files()
        with db.atomic():
            # Parts may arrive before what they point at; checked once, at commit.
            sync_rows.defer_foreign_keys(db)
            if sync_rows.data_version(db) != seen:
                # Something was saved here since the rules read it: they read it again, and
                # the files of what they accept only now are checked too.
                rows.skip = {}
                decision = policy.Policy(db, device.id, sender, rows, prints).check()
                rows.skip = decision.skip
                stage_files()
            # rows.skip is the decision's from here on: left out of everything below.
            for note in decision.notes:
                report.note(note)
            missing = _missing_attachments(verified, _attachments_here(root))
            if missing is not None:
                report.note(missing)
            for table, keys in decision.skip.items():
                for key in keys:
                    report.skipped(table, decision.why(table, key))
            merger = Merger(db, rows, report, manifest["bundle_id"],
                            manifest["device_id"], str(manifest.get("device_name", "")),
                            from_office=sender.is_office, control=control,
                            attached=attached)
            merger.run()
            if sender.is_office:
                _check_signed(db, device, merger.signed_in, report)
            else:
                brought = {r["inspection_id"] for r in rows.get("record_signatures", [])}
                policy.check_record_signatures(db, pki, [*merger.signed_in, *brought],
                                               report.notes)
            broken = sync_rows.first_broken_reference(db)
            if broken is not None:
                raise _broken_reference(*broken)
            if dry_run:
                raise _DryRun
            # Counted before the history entry, which keeps the report the window shows again.
            report.photos_added = staged.photos
            report.documents_added = staged.documents
            policy.bind_device(db, sender, manifest["bundle_id"], utcnow_iso())
            AuditLog(db, device.id, None).record(
                "sync_bundle", manifest["bundle_id"], "import",
                new={"file": report.file_name, "from": report.device_name,
                     "signer": report.signer, "changed": report.changed}, reason="sync")
            sync_rows.add_history(db, {
                "id": new_id(), "direction": "in", "bundle_id": manifest["bundle_id"],
                "kind": manifest["kind"], "file_name": report.file_name, "device_id": device.id,
                "peer_device": manifest["device_id"], "peer_name": report.device_name,
                "watermark": manifest.get("created_at"), "created_at": utcnow_iso(),
                "report": json.dumps(report.to_json(), ensure_ascii=False),
                "status": "imported"})
            # Last, so a refusal above never leaves a file behind; a failure here rolls back.
            staged.place()
    except _DryRun:
        pass
    except sqlite3.IntegrityError as exc:
        staged.take_back()
        raise refuse(N_("applying it would break the database's rules ({exc})"),
                     exc=words.database_problem(str(exc))) from None
    except sqlite3.OperationalError as exc:
        staged.take_back()
        if disk_write_failure(exc) is not None:
            raise  # told by import_bundle, with the import's own words
        if _lost_to_another_write(exc):
            # The merge begins as a plain transaction on purpose: what the user saves in the
            # window meanwhile wins (it never waits for an import, and is never lost); the
            # import is the one to try again, and its message says so.
            raise DatabaseLockedError(
                N_("Something was saved in this data folder ({parent}) while the bundle was "
                   "being merged (by this window or by another Inspector): nothing of the "
                   "bundle was imported. Import it again; it picks up what was saved."),
                parent=root) from None
        known = from_sqlite_error(exc, DataDir(root).database)
        if known is None:
            raise
        raise known from None
    except BaseException:
        staged.take_back()
        raise


def _broken_reference(table: str, parent: str) -> InspectorError:
    """Rows naming records that came nowhere, in the reader's words, with what to do."""
    if parent in tables.OFFICE_ONLY:
        # A laptop never sends these, so the sender made its own: units made anew here would
        # have other ids, and no window moves a station or plan to another unit; only entering
        # them again mends it.
        return refuse(N_("its {table} name {parent} that are neither in it nor here; only the "
                         "office's {parent} travel, and the sending computer made {parent} of "
                         "its own (a demo run there before it was enrolled does), which no "
                         "bundle carries: enter those {table} here, or on a computer set up "
                         "from the office's bundle, and send that computer's export"),
                      table=words.table_words(table), parent=words.table_words(parent))
    return refuse(N_("its {table} name {parent} that are neither in it nor here; export again "
                     "on the sending computer and import that file"),
                  table=words.table_words(table), parent=words.table_words(parent))


def _check_checklists(db: Database, rows: StagedRows) -> None:
    """Every carried inspection's checklist is in the bundle or already here, and is the
    template the inspection names."""
    for (content_hash, template_id, version), label in rows.checklists.items():
        carried = rows.checklist(content_hash)
        if carried is not None:
            found: tuple[str, str] | None = (carried["template_id"], carried["version"])
        else:
            found = sync_rows.checklist_here(db, content_hash)
        if found is None:
            raise refuse(N_("{label} was started with a checklist ({template} {version}, "
                            "fingerprint {fingerprint}…) that is neither in it nor here"),
                         label=label, template=template_id, version=version,
                         fingerprint=content_hash[:12])
        if found != (template_id, version):
            raise refuse(N_("{label} names the checklist {template} {version}, but the one "
                            "with its fingerprint {fingerprint}… is {found} {found_version}"),
                         label=label, template=template_id, version=version,
                         fingerprint=content_hash[:12], found=found[0], found_version=found[1])


def _check_signed(db: Database, device: Device, ids: list[str], report: ImportReport) -> None:
    """From the office: a signed record that no longer matches its signature is imported (the
    office's copy is the evidence) but flagged for a person, never silently trusted."""
    # A record locked without a digital signature (no identity) has nothing to check; the
    # signing service, which loads the PDF libraries, is loaded only for one that has.
    signed = sync_rows.with_record_signature(db, ids)
    ids = [i for i in ids if i in signed]
    if not ids:
        return
    from inspector_app.services.signing import SigningService

    signing = SigningService(db, device)
    for inspection_id in ids:
        ok, why = signing.check_record(inspection_id)
        if why == "not signed":
            continue
        if not ok:
            number = sync_rows.inspection_number(db, inspection_id)
            report.note(Message(N_("signed inspection {inspection}: {why}"),
                                inspection=number or inspection_id[:8], why=Message(why)))


def history(db: Database, limit: int = 200, data_dir: DataDir | Path | None = None
            ) -> list[dict[str, Any]]:
    """Sync history, newest first, for the CLI and the Sync page: with ``data_dir``, the
    bundles refused here among those written and imported."""
    rows = sync_rows.history(db, limit)
    if data_dir is not None:
        rows += sync_refusals.newest(_data_dir(data_dir).sync_refusals, limit)
        rows.sort(key=lambda row: str(row.get("created_at") or ""), reverse=True)
    rows = rows[:limit]
    # Who sent each bundle, as the supervisor knows them: "from" beside the computer's name.
    named: dict[str, tuple[str, str]] = {}  # device -> (signer, prefix) its bundles named
    for row in rows:
        if row.get("peer_device") and row.get("report"):
            with contextlib.suppress(ValueError, AttributeError):
                report = json.loads(row["report"])
                # The newest row's words win; an older row fills what it left out.
                signer, prefix = named.get(row["peer_device"], ("", ""))
                named[row["peer_device"]] = (signer or str(report.get("signer") or ""),
                                             prefix or str(report.get("device_prefix") or ""))
    labels = people.device_labels(db, (row.get("peer_device") for row in rows), named)
    for row in rows:
        row["from"] = labels.get(row.get("peer_device") or "") or row.get("peer_name") or ""
    return rows


