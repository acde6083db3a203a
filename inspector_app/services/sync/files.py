"""Photo, document and attachment files of a bundle: re-validated as local ingest validates
them, staged in the import's private scratch folder, and moved into the stores only inside the
import's transaction, just before it commits; a refused import removes what it moved.

Thumbnails and print copies never travel: the office derives its own from the originals.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from inspector_app.errors import ValidationError, from_os_error
from inspector_app.i18n import N_, Clause, Message
from inspector_app.services.attachments import PDF_READ_ERRORS, AttachmentRefused, check_bytes
from inspector_app.services.pki import PkiService
from inspector_app.services.progress import Progress
from inspector_app.services.sync.bundle import refuse, sha256
from inspector_app.storage.attachment_store import MEDIA_SUFFIX, AttachmentStore
from inspector_app.storage.document_store import document_copy
from inspector_app.storage.photo_store import PhotoStore


@dataclass
class Staged:
    """Checked files waiting in the scratch folder: each one's place in its store → its kind
    ("photo", "document", "attachment") and where it waits."""

    waiting: dict[Path, tuple[str, Path]] = field(default_factory=dict)
    placed: list[Path] = field(default_factory=list)

    def add(self, kind: str, source: Path, target: Path) -> None:
        self.waiting[target] = (kind, source)

    def count(self, kind: str) -> int:
        return sum(1 for waiting_kind, _ in self.waiting.values() if waiting_kind == kind)

    @property
    def photos(self) -> int:
        return self.count("photo")

    @property
    def documents(self) -> int:
        return self.count("document")

    def keep_only(self, targets: set[Path]) -> None:
        """Forget the files checked for rows a later run of the rules left out: only what the
        last run accepted is placed (a file checked but no row shows has no business here)."""
        for target in [t for t in self.waiting if t not in targets]:
            del self.waiting[target]

    def place(self) -> None:
        """Move every staged file to its store (call inside the import's transaction)."""
        for target, (_, source) in self.waiting.items():
            if target.exists():
                continue  # content-addressed: the same name holds the same bytes
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(source, target)
            except OSError as exc:
                raise from_os_error(exc, target) from exc
            self.placed.append(target)

    def take_back(self) -> None:
        """The import was refused after ``place``: remove the files it brought."""
        for target in self.placed:
            target.unlink(missing_ok=True)
        self.placed.clear()


def check_pdf(data: bytes) -> str | None:
    """None for a readable PDF with at least one page; otherwise why not."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    if not data.startswith(b"%PDF-"):
        return "it is not a PDF"
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        pages = int(reader.root["/Pages"]["/Count"])
    except (PdfError, *PDF_READ_ERRORS):
        return "it is not a readable PDF"
    return None if pages > 0 else "the PDF has no pages"


class Prints:
    """The PDFs the documents of a bundle name: carried in it, or already in this computer's
    store (a row may name a file it does not carry, the one a document here already has)."""

    def __init__(self, zf: zipfile.ZipFile, carried: dict[str, str], folder: Path,
                 pki: PkiService) -> None:
        self.zf = zf
        self.carried = carried  # sha256 → entry path
        self.folder = folder
        self.pki = pki

    def problem(self, row: Mapping[str, Any]) -> Message | None:
        """Why the PDF ``row`` names is not the print of the document it describes; None when
        it is, or when there is no such file (``missing`` tells)."""
        data = self._read(str(row["file_sha256"]))
        return None if data is None else print_problem(data, row, self.pki)

    def missing(self, sha: str) -> bool:
        return sha not in self.carried and not document_copy(self.folder, sha).is_file()

    def _read(self, sha: str) -> bytes | None:
        entry = self.carried.get(sha)
        if entry is not None:
            return self.zf.read(entry)  # its hash was checked with the bundle's entries
        kept = document_copy(self.folder, sha)
        try:
            return kept.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise from_os_error(exc, kept) from exc


def print_problem(data: bytes, row: Mapping[str, Any], pki: PkiService) -> Message | None:
    """Why ``data`` is not the print of the document ``row`` describes; None when it is (or
    when it is no PDF at all, which the file's check when it is staged refuses).

    A print names its document: the program writes the document's number at the end of the
    PDF's title and the text of its QR code (the type of document and the record) in its
    keywords. Any PDF would otherwise stand on file for a document a laptop issued. A print
    that carries digital signatures is taken only with valid ones by signers this office's
    roots issued: a signature is what makes the file the signer's own word."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    from inspector_app.services.documents import parse_qr_payload
    from inspector_app.services.signing import verify_pdf_data

    if check_pdf(data) is not None:
        return None  # not a PDF at all: the file's own check refuses the bundle, as before
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        info = _info(reader.trailer)
        title, code = str(info.get("/Title") or ""), str(info.get("/Keywords") or "")
        signed = bool(reader.embedded_signatures)
    except (PdfError, *PDF_READ_ERRORS):
        return Message(N_("it is not a readable PDF"))
    try:
        named: dict[str, Any] | None = parse_qr_payload(code)
    except (ValidationError, ValueError, IndexError, KeyError):  # a code cut short
        named = None
    if named is None or named["id"] != row.get("inspection_id") \
            or named["doc_type"] != row.get("doc_type") \
            or not title.endswith(f" {row.get('number')}"):
        # Shown in the import's report: one line, whatever the sender put in the title.
        shown = "".join(c if c.isprintable() else " " for c in title[:120])
        return Message(N_("it is not the print of that document (its title reads {title!r})"),
                       title=shown)
    if signed:
        checked = verify_pdf_data(data, pki)
        if not checked.ok and checked.expired and not checked.revoked_at:
            # A certificate that ran out between the print and this import: judged as of the
            # print, as the bundle of a signer whose certificate expired is taken.
            printed_at = _moment(row.get("updated_at"))
            if printed_at is not None:
                checked = verify_pdf_data(data, pki, now=printed_at)
        if not checked.ok:
            return Message(N_("its digital signature is not valid: {reason}"),
                           reason=checked.message)
    return None


def _moment(stamp: Any) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _info(trailer: Any) -> Any:
    """The PDF's document information, resolved; empty when it has none."""
    try:
        return trailer["/Info"]
    except KeyError:
        return {}


def stage(zf: zipfile.ZipFile, photos: dict[str, str], documents: dict[str, str],
          attachments: dict[str, str], photo_store: PhotoStore, document_folder: Path,
          attachment_store: AttachmentStore, scratch: Path, progress: Progress | None = None,
          into: Staged | None = None) -> Staged:
    """Extract and validate every file not stored here yet (into ``into``, the files staged
    so far, if given), then keep waiting only the files given here (sha256 → entry path of
    the photos, documents and attachments the rules accepted): what an earlier run of the
    rules accepted and this one left out is dropped. Raises BundleRefused."""
    staged = into if into is not None else Staged()
    wanted: list[tuple[str, str, str, Path]] = []
    for sha, entry in sorted(photos.items()):
        wanted.append(("photo", sha, entry, photo_store.original(sha, Path(entry).suffix)))
    for sha, entry in sorted(documents.items()):
        wanted.append(("document", sha, entry, document_copy(document_folder, sha)))
    media_of = {suffix: media for media, suffix in MEDIA_SUFFIX.items()}
    for sha, entry in sorted(attachments.items()):
        wanted.append(("attachment", sha, entry,
                       attachment_store.path(sha, media_of[Path(entry).suffix])))
    todo = [item for item in wanted if item[3] not in staged.waiting and not _here(
        item, photo_store)]
    for n, (kind, sha, entry, target) in enumerate(todo):
        # Each kind in a folder of its own: one picture may be a photo and a drill's file.
        folder = scratch / "files" / kind
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{sha}{Path(entry).suffix}"
        _check(zf, kind, sha, entry, path)
        staged.add(kind, path, target)
        if progress is not None:
            progress.progress(n + 1, len(todo), "photos")
            progress.check_cancelled()
    staged.keep_only({item[3] for item in wanted})
    return staged


def _here(item: tuple[str, str, str, Path], photo_store: PhotoStore) -> bool:
    """The file is in its store already (a photo under any of its names)."""
    kind, sha, _entry, target = item
    if kind == "photo":
        return photo_store.find_original(sha) is not None
    return target.exists()


def _check(zf: zipfile.ZipFile, kind: str, sha: str, entry: str, path: Path) -> None:
    """Write the entry to ``path`` and check it as local ingest checks a file of its kind."""
    from inspector_app.services.photos import PhotoRefused, inspect_file

    data = zf.read(entry)
    if sha256(data) != sha:  # read again: it must still be what was checked
        raise refuse(N_("the file {entry!r} changed while it was read"), entry=entry)
    ext = path.suffix
    if kind == "attachment":
        _check_attachment(entry, data)
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise from_os_error(exc, path) from exc
    del data
    if kind == "photo":
        try:
            inspected, thumb = inspect_file(path, sha)  # its hash was checked above
        except PhotoRefused as exc:
            raise refuse(N_("the photo {entry!r} is not accepted: {exc}"),
                         entry=entry, exc=Clause(exc)) from None
        thumb.close()
        if inspected.ext != ext and not (ext == ".jpeg" and inspected.ext == ".jpg"):
            raise refuse(N_("the photo {entry!r} is not accepted: its content is {mime}, not "
                            "what its name says"), entry=entry, mime=inspected.mime)
    elif kind == "document":
        problem = check_pdf(path.read_bytes())
        if problem:
            raise refuse(N_("the document {entry!r} is not accepted: {problem}"),
                         entry=entry, problem=problem)


def _check_attachment(entry_path: str, data: bytes) -> None:
    """A plan's or a drill's file is checked as it was when it was attached here."""
    try:
        checked = check_bytes(Path(entry_path).name, data)
    except AttachmentRefused as exc:
        raise refuse(N_("it carries a file that is not accepted: {exc}"),
                     exc=Clause(exc)) from None
    if MEDIA_SUFFIX[checked.media] != Path(entry_path).suffix:
        raise refuse(N_("the file {entry_path!r} is a {media}, not what its name says"),
                     entry_path=entry_path, media=checked.media)
