"""Checking a file before it is attached to a plan, a drill or a station.

Only what an office files is accepted: PDF, Word (DOCX), JPEG and PNG, up to a size limit.
Every check reads the file's content, not its name: a video renamed ``.pdf`` is refused, a
password-protected PDF is refused (nobody at the office could open it), a DOCX whose parts
unpack to an absurd size (a zip bomb) is refused without unpacking it. The original name is kept
only as a label; a name with folder parts (``../../x.pdf``) is refused.
"""

from __future__ import annotations

import hashlib
import io
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from inspector_app.errors import ValidationError, from_read_error
from inspector_app.i18n import N_

# What pyhanko raises on a damaged or hostile PDF besides its own PdfError: a number that is
# none (decimal's InvalidOperation, an ArithmeticError), a structure it asserts (no root), a
# reference to itself, a feature it lacks. Whoever reads a PDF that came from elsewhere
# catches these, so such a file is refused rather than a traceback.
PDF_READ_ERRORS: tuple[type[Exception], ...] = (
    ValueError, KeyError, IndexError, TypeError, AttributeError, RecursionError, OSError,
    NotImplementedError, ArithmeticError, AssertionError)

MAX_BYTES = 50 * 1024 * 1024            # a scanned plan of a few hundred pages fits
MAX_DOCX_UNPACKED = 200 * 1024 * 1024   # what a DOCX's parts may claim to unpack to, in total
MAX_DOCX_RATIO = 200                    # XML compresses well, but not a thousandfold
MAX_DOCX_ENTRIES = 10_000
MAX_PIXELS = 120_000_000
MAX_NAME = 200


class AttachmentRefused(ValidationError):
    pass


@dataclass(frozen=True)
class CheckedFile:
    name: str
    media: str           # pdf, docx, jpeg, png
    sha256: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)


def name_problem(name: str) -> str | None:
    """Why ``name`` is no file's label ("empty", "folders", "unusable"), or None: the rule of
    ``check_name``, for those (a bundle's check) who word it themselves."""
    clean = name.strip()
    if not clean or clean in (".", ".."):
        return "empty"
    if "/" in clean or "\\" in clean or ".." in clean.split("/") or ":" in clean:
        return "folders"
    if any(ord(c) < 32 for c in clean) or len(clean) > MAX_NAME:
        return "unusable"
    return None


def kept_name_problem(name: str) -> str | None:
    """Why ``name`` is not a label as ``check_name`` keeps it, or None: ``name_problem``'s
    reasons, and "spaces" for blanks before or after it, which ``check_name`` trims, so that a
    name kept with them was never taken by it (a bundle's row names what was kept)."""
    problem = name_problem(name)
    if problem is None and name != name.strip():
        return "spaces"
    return problem


def check_name(name: str) -> str:
    """A file's label: no folders, no control characters, not empty."""
    problem = name_problem(name)
    if problem == "empty":
        raise AttachmentRefused(N_("A file needs a name."))
    if problem == "folders":
        raise AttachmentRefused(N_("{name!r}: a file name must not contain folders "
                                   "(/, \\, :, ..)."), name=name)
    if problem is not None:
        raise AttachmentRefused(N_("{name!r}…: not a usable file name "
                                   "(control characters or over {max_name} characters)."),
                                name=name[:40], max_name=MAX_NAME)
    return name.strip()


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def check_bytes(name: str, data: bytes) -> CheckedFile:
    name = check_name(name)
    if len(data) > MAX_BYTES:
        raise AttachmentRefused(N_("{name}: {mb} is over the {mb2} limit "
                                   "for an attached file."),
                                name=name, mb=_mb(len(data)), mb2=_mb(MAX_BYTES))
    if not data:
        raise AttachmentRefused(N_("{name}: the file is empty."), name=name)
    if data.startswith(b"%PDF-"):
        media = _check_pdf(name, data)
    elif data.startswith(b"PK\x03\x04"):
        media = _check_docx(name, data)
    elif data.startswith(b"\xff\xd8\xff") or data.startswith(b"\x89PNG\r\n\x1a\n"):
        media = _check_image(name, data)
    else:
        raise AttachmentRefused(N_("{name}: not a PDF, Word (DOCX), JPEG or PNG file."), name=name)
    return CheckedFile(name, media, hashlib.sha256(data).hexdigest(), data)


def check_file(path: Path, name: str | None = None) -> CheckedFile:
    """Check a file on disk; its size is looked at before a byte is read."""
    label = name if name is not None else path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise AttachmentRefused(N_("{check_name}: {mb} is over the "
                                       "{mb2} limit for an attached file."),
                                    check_name=check_name(label), mb=_mb(size),
                                    mb2=_mb(MAX_BYTES))
        data = path.read_bytes()
    except OSError as exc:
        # Any of them, not only a missing file: a USB stick pulled out mid-read is EIO.
        raise from_read_error(exc, path) from None
    return check_bytes(label, data)


def _check_pdf(name: str, data: bytes) -> str:
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        encrypted = reader.encrypt_dict is not None
    except (PdfError, *PDF_READ_ERRORS):
        raise AttachmentRefused(N_("{name}: a damaged PDF that cannot be read."),
                                name=name) from None
    if encrypted:
        raise AttachmentRefused(N_("{name}: the PDF is password-protected or encrypted; attach "
                                   "a copy without a password."), name=name)
    return "pdf"


def _check_docx(name: str, data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        # NotImplementedError: parts that need a zip version or method zipfile lacks.
        raise AttachmentRefused(N_("{name}: a damaged Word (DOCX) file."), name=name) from None
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or "word/document.xml" not in names:
        raise AttachmentRefused(N_("{name}: a ZIP archive, not a Word (DOCX) document."), name=name)
    if len(infos) > MAX_DOCX_ENTRIES:
        raise AttachmentRefused(N_("{name}: {count} parts is not a Word document "
                                   "(a zip bomb?)."), name=name, count=len(infos))
    total = sum(i.file_size for i in infos)
    worst = max((i.file_size / max(i.compress_size, 1) for i in infos
                 if i.file_size > 1024 * 1024), default=0)
    if total > MAX_DOCX_UNPACKED or worst > MAX_DOCX_RATIO:
        raise AttachmentRefused(N_("{name}: unpacks to {mb} from {mb2}: "
                                   "not a Word document but a zip bomb."),
                                name=name, mb=_mb(total), mb2=_mb(len(data)))
    if any(i.flag_bits & 0x1 for i in infos):
        raise AttachmentRefused(N_("{name}: the Word document is password-protected."), name=name)
    return "docx"


def _check_image(name: str, data: bytes) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise AttachmentRefused(N_("{name}: {width} × {height} pixels "
                                               "is absurdly large (a decompression bomb)."),
                                            name=name, width=image.width, height=image.height)
                fmt = image.format
                image.verify()
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise AttachmentRefused(N_("{name}: absurdly large (a decompression bomb)."),
                                    name=name) from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
            # Pillow says a damaged header with ValueError too ("Truncated IHDR chunk").
            raise AttachmentRefused(N_("{name}: a damaged image that cannot be read."),
                                    name=name) from None
    return "jpeg" if fmt == "JPEG" else "png"
