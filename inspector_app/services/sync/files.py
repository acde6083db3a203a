"""Photo and document files of a bundle: re-validated as local ingest validates them, staged in
the import's private scratch folder, and moved into the stores only inside the import's
transaction, just before it commits; a refused import removes what it moved.

Thumbnails and print copies never travel: the office derives its own from the originals.
"""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from inspector_app.errors import from_os_error
from inspector_app.i18n import N_
from inspector_app.services.progress import Progress
from inspector_app.services.sync.bundle import refuse, sha256
from inspector_app.storage.document_store import document_copy
from inspector_app.storage.photo_store import PhotoStore


@dataclass
class Staged:
    """Checked files waiting in the scratch folder, and where each one goes."""

    moves: list[tuple[Path, Path]] = field(default_factory=list)
    photos: int = 0
    documents: int = 0
    placed: list[Path] = field(default_factory=list)
    checked: set[str] = field(default_factory=set)  # the hashes of the files staged

    def place(self) -> None:
        """Move every staged file to its store (call inside the import's transaction)."""
        for source, target in self.moves:
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
    except (PdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RecursionError, OSError):
        return "it is not a readable PDF"
    return None if pages > 0 else "the PDF has no pages"


def stage(zf: zipfile.ZipFile, photos: dict[str, str], documents: dict[str, str],
          photo_store: PhotoStore, document_folder: Path, scratch: Path,
          progress: Progress | None = None, into: Staged | None = None) -> Staged:
    """Extract and validate every file not stored here yet (into ``into``, the files staged
    so far, if given); raises BundleRefused."""
    from inspector_app.services.photos import PhotoRefused, inspect_file

    staged = into if into is not None else Staged()
    folder = scratch / "files"
    folder.mkdir(exist_ok=True)
    todo = [("photo", sha, entry) for sha, entry in sorted(photos.items())
            if sha not in staged.checked and photo_store.find_original(sha) is None]
    todo += [("document", sha, entry) for sha, entry in sorted(documents.items())
             if sha not in staged.checked and not document_copy(document_folder, sha).exists()]
    for n, (kind, sha, entry) in enumerate(todo):
        data = zf.read(entry)
        if sha256(data) != sha:  # read again: it must still be what was checked
            raise refuse(N_("the file {entry!r} changed while it was read"), entry=entry)
        ext = Path(entry).suffix
        path = folder / f"{sha}{ext}"
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
                             entry=entry, exc=exc) from None
            thumb.close()
            if inspected.ext != ext and not (ext == ".jpeg" and inspected.ext == ".jpg"):
                raise refuse(N_("the photo {entry!r} is not accepted: its content is {mime}, not "
                                "what its name says"), entry=entry, mime=inspected.mime)
            staged.moves.append((path, photo_store.original(sha, ext)))
            staged.photos += 1
            staged.checked.add(sha)
        else:
            problem = check_pdf(path.read_bytes())
            if problem:
                raise refuse(N_("the document {entry!r} is not accepted: {problem}"),
                             entry=entry, problem=problem)
            staged.moves.append((path, document_copy(document_folder, sha)))
            staged.documents += 1
            staged.checked.add(sha)
        if progress is not None:
            progress.progress(n + 1, len(todo), "photos")
            progress.check_cancelled()
    return staged
