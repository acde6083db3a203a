"""Site photos: ingest, metadata, derived images, captions, annotations, deletion.

Ingest checks each file before anything is stored: size, that it is an image of a supported
format, that it decodes completely, that it is no decompression bomb. A bad file is refused with
a message naming it; the other files of the batch are still added. Each added photo is its own
transaction. Derived images (thumbnail, print copy) are made with libjpeg's draft mode and cached
by content, so the same photo is never decoded twice for the same purpose.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import io
import logging
import os
import re
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pi_heif
from PIL import Image, ImageDraw, ImageFont, UnidentifiedImageError

from inspector_app.domain.inspection import Status
from inspector_app.domain.photo import (
    Photo,
    PhotoTag,
    Shape,
    ShapeKind,
    shapes_to_json,
)
from inspector_app.domain.profile import Device
from inspector_app.domain.records import new_id, record_stamp, utcnow_iso
from inspector_app.errors import (
    InspectorError,
    LockedRecordError,
    NotFoundError,
    ValidationError,
    from_os_error,
)
from inspector_app.i18n import N_, render
from inspector_app.paths import DataDir, chinese_font
from inspector_app.services.print_copies import print_copy_seal
from inspector_app.services.progress import Progress
from inspector_app.storage.audit import AuditLog
from inspector_app.storage.photo_store import (
    PhotoStore,
    StagedOriginal,
    sha256_file,
    write_atomic,
)
from inspector_app.storage.photos_repo import PhotosRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

    from inspector_app.services.print_copies import PrintCopyMaker

log = logging.getLogger(__name__)
# HEIC (iPhone photos): pi-heif is the decoder-only build of pillow-heif; no GPL encoder shipped.
pi_heif.register_heif_opener()

MAX_FILE_BYTES = 100 * 1024 * 1024      # phone photos are under 30 MB; RAW and videos are not
MAX_PIXELS = 120_000_000                 # a 108-megapixel phone sensor fits; a bomb does not
# A photo's file holds well over a byte per thousand pixels, even a camera's JPEG of a blank
# wall (a PNG cannot pack tighter than about 1 : 350). A large image packed tighter, such as
# a lossless WebP of one colour, is a decompression bomb: seconds and gigabytes to decode
# from a few kilobytes, which a hostile sync bundle could carry by the thousand.
MAX_PIXELS_PER_BYTE = 1000
PACKING_CHECKED_FROM = 16_000_000
# Pillow's own limit (89 M pixels) warns first, and _open_checked turns that warning into a
# refusal: without this a 108-MP phone photo (12000 × 9000) was refused as a bomb.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
THUMB_SIZE = 320
# What Pillow's own thumbnail() uses: from the 1/8-scale draft (500 px) to 320 px Lanczos
# took a third longer for a difference nobody sees in a list.
THUMB_RESAMPLE = Image.Resampling.BICUBIC
PRINT_LONG_SIDE = 1600
SUPPORTED = {"JPEG": (".jpg", "image/jpeg"), "PNG": (".png", "image/png"),
             "WEBP": (".webp", "image/webp"), "HEIF": (".heic", "image/heic")}

class PhotoRefused(InspectorError):
    title = N_("Photo not added")


@dataclass(frozen=True)
class IngestResult:
    path: str
    status: str              # "added" | "present" | "refused"
    photo_id: str | None = None
    message: str = ""        # the refusal in English, as the log keeps it
    reason: InspectorError | None = field(default=None, compare=False, repr=False)

    @classmethod
    def refused(cls, path: Path | str, reason: InspectorError) -> IngestResult:
        return cls(str(path), "refused", message=reason.message, reason=reason)

    def said(self, lang: str | None = None) -> str:
        """The refusal in the user's language (``message`` is the log's English)."""
        return self.reason.localized(lang) if self.reason is not None else self.message

    def named(self, lang: str | None = None) -> str:
        """The file's name and its refusal, a line of the list the window shows."""
        return render(N_("{where}: {reason}"),
                      {"where": Path(self.path).name, "reason": self.said(lang)}, lang)

    def line(self) -> str:
        if self.status == "refused":
            return f"{self.path}: refused: {self.message}"
        if self.status == "present":
            return f"{self.path}: already present ({self.photo_id})"
        return f"{self.path}: added ({self.photo_id})"


@dataclass(frozen=True)
class _Inspected:
    sha: str
    ext: str
    mime: str
    size: int
    width: int
    height: int
    orientation: int | None
    taken_at: str | None
    gps: tuple[float, float] | None
    camera: str | None


# -- reading files --
def _open_checked(path: Path | IO[bytes]) -> Image.Image:
    """Open lazily; refuse bombs before any pixel is decoded."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(path)
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise PhotoRefused(N_("the image is absurdly large (a decompression bomb)")) from None
        except UnidentifiedImageError:
            raise PhotoRefused(
                N_("not an image, or an image format Inspector cannot read")) from None
    if image.width * image.height > MAX_PIXELS:
        image.close()
        raise PhotoRefused(N_("the image is absurdly large ({width} × {height} pixels,"
                              " a decompression bomb)"), width=image.width, height=image.height)
    return image


def _rational(value: Any) -> float:
    return float(value[0]) / float(value[1]) if isinstance(value, tuple) else float(value)


def _gps(exif: Image.Exif) -> tuple[float, float] | None:
    info = exif.get_ifd(0x8825)
    try:
        lat = sum(_rational(v) / 60**i for i, v in enumerate(info[2]))
        lon = sum(_rational(v) / 60**i for i, v in enumerate(info[4]))
    except (KeyError, TypeError, ValueError, ZeroDivisionError, IndexError):
        return None
    if info.get(1) == "S":
        lat = -lat
    if info.get(3) == "W":
        lon = -lon
    return (round(lat, 7), round(lon, 7)) if -90 <= lat <= 90 and -180 <= lon <= 180 else None


def _taken_at(exif: Image.Exif) -> str | None:
    raw = exif.get_ifd(0x8769).get(36867) or exif.get(306)
    try:
        return datetime.strptime(str(raw).strip("\x00 "), "%Y:%m:%d %H:%M:%S").isoformat()
    except (TypeError, ValueError):
        return None


# What ImageOps.exif_transpose does for each EXIF orientation, applied here to the scaled-down
# image rather than to the decoded one: turning 500 × 375 pixels instead of 2000 × 1500.
_TRANSPOSE = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
              4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE,
              6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
              8: Image.Transpose.ROTATE_90}


def _plain_rgb(image: Image.Image) -> Image.Image:
    """CMYK, 16-bit, palette and alpha made plain 8-bit RGB (``image`` itself when it is)."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        return image.point(lambda v: v / 256).convert("L").convert("RGB")
    return image.convert("RGB") if image.mode != "RGB" else image


def draft_box(size: tuple[int, int], long_side: int) -> tuple[int, int]:
    """The box to ask libjpeg's draft mode for: ``long_side`` along the image's long side.

    Draft mode picks the largest 1/2, 1/4 or 1/8 scale that still covers the box in both
    directions, so a square box keeps a 4000×3000 photo at full size (3000 // 1600 = 1).
    """
    width, height = size
    if width >= height:
        return long_side, max(1, -(-long_side * height // max(1, width)))
    return max(1, -(-long_side * width // max(1, height))), long_side


def _decoded(image: Image.Image, long_side: int,
             resample: Image.Resampling = Image.Resampling.LANCZOS) -> Image.Image:
    """An opened image decoded once, at the smallest JPEG scale that still gives ``long_side``
    pixels, made plain RGB, scaled to fit ``long_side`` and turned upright by its EXIF
    orientation; a new image, independent of the file."""
    orientation = image.getexif().get(274)
    if image.format == "JPEG":
        image.draft("RGB", draft_box(image.size, long_side))
    image.load()
    rgb = _fitted(_plain_rgb(image), long_side, resample)
    method = _TRANSPOSE.get(orientation) if isinstance(orientation, int) else None
    return rgb.transpose(method) if method is not None else rgb


def _fitted(image: Image.Image, long_side: int, resample: Image.Resampling) -> Image.Image:
    """A new image (closing the opened one leaves it unusable): ``image`` scaled down to fit
    ``long_side`` like ``thumbnail`` does, but into a new image rather than into a copy of the
    decoded one (12 MB copied for nothing), or a copy when it fits already."""
    scale = long_side / max(image.size)
    if scale >= 1:
        return image.copy()
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, resample, reducing_gap=2.0)


def _scaled(path: Path, long_side: int,
            resample: Image.Resampling = Image.Resampling.LANCZOS) -> Image.Image:
    """Decode at the smallest JPEG scale that still gives ``long_side`` pixels."""
    # Closed here: Pillow keeps the file open after load() for PNG and others (ResourceWarning).
    with _open_checked(path) as image:
        return _decoded(image, long_side, resample)


def _check_file(path: Path) -> int:
    """The file's size, once it is known to be a readable, non-empty file of a photo's size."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PhotoRefused(N_("cannot be read: {value}"), value=exc.strerror or exc) from None
    if not path.is_file():
        raise PhotoRefused(N_("is not a file (a folder or a device?)"))
    if size == 0:
        raise PhotoRefused(N_("the file is empty (0 bytes)"))
    if size > MAX_FILE_BYTES:
        raise PhotoRefused(N_("the file is too large ({number:.0f} MB; a photo is at most "
                              "{number2:.0f} MB)"),
                           number=size / 1000000.0, number2=MAX_FILE_BYTES / 1000000.0)
    try:
        # A file we may not read would otherwise be reported as a damaged image below.
        with open(path, "rb"):
            pass
    except OSError as exc:
        raise PhotoRefused(N_("cannot be read: {value}"), value=exc.strerror or exc) from None
    return size


def _read_image(path: Path | IO[bytes], size: int) -> tuple[_Inspected, Image.Image]:
    """Metadata and thumbnail from one opening and one decode of a file or of its bytes;
    ``sha`` is left empty."""
    try:
        with _open_checked(path) as image:
            fmt = image.format or ""
            if fmt not in SUPPORTED:
                raise PhotoRefused(N_("{value} images are not supported "
                                      "(JPEG, PNG, WebP or HEIC)"), value=fmt or 'this')
            width, height = image.size
            if (width * height > PACKING_CHECKED_FROM
                    and width * height > size * MAX_PIXELS_PER_BYTE):
                raise PhotoRefused(N_("the image is absurdly large for its file ({width} × "
                                      "{height} pixels in {kb:,} KB, a decompression bomb)"),
                                   width=width, height=height, kb=max(1, size // 1024))
            exif = image.getexif()
            orientation = exif.get(274)
            camera = " ".join(str(exif.get(t, "")).strip("\x00 ") for t in (271, 272)).strip()
            meta = (_taken_at(exif), _gps(exif), camera or None)
            thumb = _decoded(image, THUMB_SIZE, THUMB_RESAMPLE)
    except PhotoRefused:
        raise
    except OSError as exc:
        # Pillow says "image file is truncated", "broken data stream" and the like.
        raise PhotoRefused(N_("the image is damaged or incomplete ({exc})"), exc=exc) from None
    except (ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise PhotoRefused(N_("the image cannot be decoded ({exc})"), exc=exc) from None
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    ext, mime = SUPPORTED[fmt]
    return _Inspected("", ext, mime, size, width, height,
                      int(orientation) if orientation else None, *meta), thumb


def inspect_file(path: Path, sha: str | None = None) -> tuple[_Inspected, Image.Image]:
    """Check a file and read its metadata; the thumbnail comes back as proof it decodes.
    ``sha``: the file's SHA-256 when the caller has it already."""
    info, thumb = _read_image(path, _check_file(path))
    return replace(info, sha=sha or sha256_file(path)), thumb


# -- drawing annotations --
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype(str(chinese_font()), size, index=0)
    except OSError:
        return ImageFont.load_default()


def draw_shapes(image: Image.Image, shapes: Iterable[Shape]) -> Image.Image:
    """Draw annotations into a copy of ``image`` (coordinates are fractions of its size)."""
    out = image.copy()
    draw = ImageDraw.Draw(out)
    w, h = out.size
    stroke = max(2, round(max(w, h) / 250))
    for s in shapes:
        x1, y1, x2, y2 = s.x1 * w, s.y1 * h, s.x2 * w, s.y2 * h
        box = (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
        if s.kind is ShapeKind.RECT:
            draw.rectangle(box, outline=s.colour, width=stroke)
        elif s.kind is ShapeKind.ELLIPSE:
            draw.ellipse(box, outline=s.colour, width=stroke)
        elif s.kind is ShapeKind.ARROW:
            draw.line((x1, y1, x2, y2), fill=s.colour, width=stroke)
            _arrow_head(draw, x1, y1, x2, y2, stroke * 5, s.colour)
        elif s.kind is ShapeKind.TEXT:
            font = _font(max(14, round(h / 22)))
            draw.text((x1, y1), s.text, fill=s.colour, font=font,
                      stroke_width=max(1, stroke // 2), stroke_fill="white")
    return out


def _arrow_head(draw: ImageDraw.ImageDraw, x1: float, y1: float, x2: float, y2: float,
                size: float, colour: str) -> None:
    import math

    angle = math.atan2(y2 - y1, x2 - x1)
    left = (x2 - size * math.cos(angle - math.pi / 7), y2 - size * math.sin(angle - math.pi / 7))
    right = (x2 - size * math.cos(angle + math.pi / 7), y2 - size * math.sin(angle + math.pi / 7))
    draw.polygon([(x2, y2), left, right], fill=colour)


# -- the service --
class PhotoService:
    def __init__(self, db: Database, data_dir: DataDir, device: Device,
                 actor: str | None = None, print_copies: PrintCopyMaker | None = None) -> None:
        """``print_copies``: the background maker that makes the print copies of the photos
        taken in ahead of the first export, or None (an export makes them)."""
        self.db = db
        self.repo = PhotosRepo(db)
        self.store = PhotoStore(data_dir.photos)
        self.device = device
        self.audit = AuditLog(db, device.id, actor)
        self.print_copies = print_copies
        # Read here, on the thread that owns the connection: print copies are made and
        # checked on any thread.
        self.seal = print_copy_seal(db)

    @contextmanager
    def taking_in(self) -> Iterator[None]:
        """Photos are being taken in: no print copy is made in the background meanwhile."""
        if self.print_copies is None:
            yield
            return
        with self.print_copies.hold():
            yield

    # reading
    def get(self, photo_id: str) -> Photo:
        photo = self.repo.get(photo_id)
        if photo is None:
            raise NotFoundError(N_("No photo with id {photo_id}."), photo_id=photo_id)
        return photo

    def list(self, inspection_id: str, *, item_id: str | None = None,
             finding_id: str | None = None, tag: PhotoTag | None = None,
             whole_inspection: bool = False) -> list[Photo]:
        """Photos of an inspection; with ``item_id``/``finding_id`` only those of it;
        ``whole_inspection`` only those attached to neither."""
        return self.repo.list(inspection_id, item_id=item_id, finding_id=finding_id, tag=tag,
                              whole_inspection=whole_inspection)

    def original_path(self, photo: Photo) -> Path:
        path = self.store.find_original(photo.sha256)
        if path is None:
            raise NotFoundError(N_("The original of photo {value} is "
                                   "missing from the photo folder."),
                                value=photo.original_name or photo.id)
        return path

    # adding
    def _check_editable(self, inspection_id: str) -> None:
        status = self.repo.inspection_status(inspection_id)
        if status is None:
            raise NotFoundError(N_("No inspection with id {inspection_id}."),
                                inspection_id=inspection_id)
        if status == Status.SIGNED.value:
            raise LockedRecordError(N_("This inspection is signed and locked: photos cannot be "
                                       "added, changed or deleted. Use Amend to make a revision."))

    def _check_target(self, inspection_id: str, item_id: str | None,
                      finding_id: str | None) -> None:
        # After-photos of a re-inspection belong to the hazards of the inspection it follows.
        if finding_id is not None and not self.repo.hazard_photographable(inspection_id,
                                                                          finding_id):
            raise NotFoundError(N_("No hazard {finding_id} in this inspection."),
                                finding_id=finding_id)

    def add_files(self, inspection_id: str, paths: Sequence[Path | str], *,
                  item_id: str | None = None, finding_id: str | None = None,
                  tag: PhotoTag | str = PhotoTag.BEFORE,
                  control: Progress | None = None) -> list[IngestResult]:
        """Add photos; one result per file, in order. ``control`` reports progress and stops
        the work, or None."""
        self._check_editable(inspection_id)
        self._check_target(inspection_id, item_id, finding_id)
        tag = PhotoTag(tag)
        results = []
        with self.taking_in():
            for n, raw in enumerate(paths):
                path = Path(raw)
                if control is not None:
                    control.progress(n, len(paths), path.name)
                results.append(self._add_one(inspection_id, path, item_id, finding_id, tag))
            if self.print_copies is not None:
                added = [self.repo.get(r.photo_id) for r in results
                         if r.status == "added" and r.photo_id]
                self.print_copies.queue(p for p in added if p is not None)
        if control is not None:
            control.progress(len(paths), len(paths), "")
        return results

    def _add_one(self, inspection_id: str, path: Path, item_id: str | None,
                 finding_id: str | None, tag: PhotoTag) -> IngestResult:
        try:
            size = _check_file(path)
        except PhotoRefused as exc:
            return IngestResult.refused(path, exc)
        # The file is read once, here; its bytes are hashed and written into the store
        # (fsynced, and linked under their final name when they start like a JPEG) on the
        # stager's thread while they are decoded from memory on this one: libjpeg, hashlib and
        # the disk all release the GIL. Decoding from memory rather than the file spares the
        # ~50 reads, each of which let go of the GIL and waited to get it back from the stager
        # (~9 ms a photo on a busy machine). A photo that does not decode is withdrawn again.
        try:
            data = path.read_bytes()
        except OSError as exc:
            return IngestResult.refused(path, PhotoRefused(N_("cannot be read: {value}"),
                                                           value=exc.strerror or exc))
        staging = _stager().submit(self.store.stage, data, _likely_ext)
        try:
            info, thumb = _read_image(io.BytesIO(data), size)
        except PhotoRefused as exc:
            self._withdraw(_staged_or_none(staging))
            return IngestResult.refused(path, exc)
        except BaseException:
            # Whatever stopped the decode (a decoder fault, Ctrl-C, no memory), the copy
            # staged for the store goes with it.
            self._withdraw(_staged_or_none(staging))
            raise
        try:
            staged = staging.result()
        except OSError as exc:
            return IngestResult.refused(path, from_os_error(exc, self.store.root))
        info = replace(info, sha=staged.sha)
        existing = self.repo.same_photo(inspection_id, info.sha, item_id, finding_id, tag)
        if existing:
            self.store.discard(staged)
            return IngestResult(str(path), "present", existing)
        try:
            if staged.part is not None or staged.placed is not None:
                self.store.commit(staged, info.ext)
        except InspectorError as exc:
            self._withdraw(staged)
            return IngestResult.refused(path, exc)
        # Encoded and written on the stager's thread while the row is committed (the commit
        # waits on the disk). A thumbnail not written is made again when shown: the photo
        # stays added.
        thumb_saved = _stager().submit(self._save_thumb, info.sha, thumb)
        photo_id = new_id()
        try:
            with self.db.atomic():
                self._insert_row(photo_id, info, data, path, inspection_id, item_id,
                                 finding_id, tag)
        except OSError as exc:
            return IngestResult.refused(path, from_os_error(exc, self.store.root))
        except InspectorError as exc:
            return IngestResult.refused(path, exc)
        try:
            thumb_saved.result()
        except InspectorError as exc:
            log.warning("thumbnail of %s not kept: %s", path.name, exc.message)
        return IngestResult(str(path), "added", photo_id)

    def _insert_row(self, photo_id: str, info: _Inspected, data: bytes, path: Path,
                    inspection_id: str, item_id: str | None, finding_id: str | None,
                    tag: PhotoTag) -> None:
        """The photo's row and its audit entry, in the caller's transaction."""
        self.repo.insert({
            "id": photo_id, "sha256": info.sha, "inspection_id": inspection_id,
            "item_id": item_id, "finding_id": finding_id, "tag": tag.value,
            "original_name": path.name, "mime": info.mime, "size_bytes": info.size,
            "width": info.width, "height": info.height, "orientation": info.orientation,
            "taken_at": info.taken_at, "gps_lat": info.gps[0] if info.gps else None,
            "gps_lon": info.gps[1] if info.gps else None, "camera": info.camera,
            "annotations": "[]", **record_stamp(self.device.id)})
        self.audit.record("photo", photo_id, "create", inspection_id=inspection_id,
                          new={"file": path.name, "sha256": info.sha, "item": item_id,
                               "hazard": finding_id, "tag": tag.value})
        # With the row's write lock held: a refused ingest of the same bytes that removed
        # the file this one found cannot do so from now on, and what it removed before
        # is written again.
        self.store.ensure(info.sha, info.ext, data)

    def _withdraw(self, staged: StagedOriginal | None) -> None:
        """A refused photo's files go; an original it placed stays when another ingest of the
        same bytes found it meanwhile and committed a row on it."""
        if staged is None or staged.placed is None:
            self.store.withdraw(staged)
            return
        with self.db.atomic():
            if self.repo.original_in_use(staged.sha):
                self.store.discard(staged)
            else:
                self.store.withdraw(staged)

    def keep_file(self, path: Path) -> dict[str, Any]:
        """Check a photo and keep its original and thumbnail, without adding it to a record:
        the columns of a ``photos`` row that describe the file, for a writer that adds many
        rows of the same file. Raises PhotoRefused (or InspectorError) when it is refused."""
        info, thumb = inspect_file(path)
        self.store.put(path, info.sha, info.ext)
        self._save_thumb(info.sha, thumb)
        return {"sha256": info.sha, "mime": info.mime, "size_bytes": info.size,
                "width": info.width, "height": info.height, "orientation": info.orientation,
                "taken_at": info.taken_at, "gps_lat": info.gps[0] if info.gps else None,
                "gps_lon": info.gps[1] if info.gps else None, "camera": info.camera}

    def add_bytes(self, inspection_id: str, data: bytes, name: str, **kwargs: Any
                  ) -> IngestResult:
        """A pasted image: written to a temporary file, then added like any other."""
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / Path(name).name
            path.write_bytes(data)
            result = self.add_files(inspection_id, [path], **kwargs)[0]
        # The temporary folder is gone: name the paste, not a path nobody can find.
        return replace(result, path=name)

    # changing
    def _change(self, photo_id: str, field: str, value: Any, old: Any, new: Any) -> Photo:
        photo = self.get(photo_id)
        self._check_editable(photo.inspection_id)
        with self.db.atomic():
            self.repo.update(photo_id, {field: value, "updated_at": utcnow_iso(),
                                        "device_id": self.device.id})
            self.audit.record("photo", photo_id, "update", field=field, old=old, new=new,
                              inspection_id=photo.inspection_id)
        return self.get(photo_id)

    def set_caption(self, photo_id: str, caption: str) -> Photo:
        photo = self.get(photo_id)
        caption = caption.strip() or None
        if caption == photo.caption:
            return photo
        if caption and len(caption) > 500:
            raise ValidationError(N_("A caption is at most 500 characters."))
        return self._change(photo_id, "caption", caption, photo.caption, caption)

    def set_annotations(self, photo_id: str, shapes: Sequence[Shape]) -> Photo:
        photo = self.get(photo_id)
        shapes = [s.validated() for s in shapes]
        text = shapes_to_json(shapes)
        if text == shapes_to_json(photo.annotations):
            return photo
        return self._change(photo_id, "annotations", text,
                            [s.to_dict() for s in photo.annotations],
                            [s.to_dict() for s in shapes])

    def set_tag(self, photo_id: str, tag: PhotoTag | str) -> Photo:
        photo = self.get(photo_id)
        tag = PhotoTag(tag)
        if tag is photo.tag:
            return photo
        return self._change(photo_id, "tag", tag.value, photo.tag.value, tag.value)

    def delete(self, photo_id: str, reason: str = "") -> None:
        """Soft delete: the row stays for the audit trail and sync; the file stays too."""
        photo = self.get(photo_id)
        self._check_editable(photo.inspection_id)
        if photo.deleted_at:
            return
        with self.db.atomic():
            self.repo.update(photo_id, {"deleted_at": utcnow_iso(), "updated_at": utcnow_iso(),
                                        "device_id": self.device.id})
            self.audit.record("photo", photo_id, "delete", reason=reason or None,
                              old={"file": photo.original_name, "sha256": photo.sha256},
                              inspection_id=photo.inspection_id)

    # derived images
    def _save_thumb(self, sha: str, thumb: Image.Image) -> Path:
        target = self.store.derived_dir(sha) / "thumb.jpg"
        if not _made(target):
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                # No fsync (two per photo, a fifth of taking one in): a thumbnail that a power
                # cut leaves missing or empty is made again from the original when shown.
                write_atomic(target, _jpeg_bytes(thumb, 82, optimize=False), durable=False)
            except OSError as exc:
                raise from_os_error(exc, target) from exc
        return target

    def thumbnail(self, photo: Photo) -> Path:
        target = self.store.derived_dir(photo.sha256) / "thumb.jpg"
        if _made(target):
            return target
        return self._save_thumb(photo.sha256, _scaled(self.original_path(photo), THUMB_SIZE,
                                                      THUMB_RESAMPLE))

    def print_copy_made(self, photo: Photo) -> Path | None:
        """The print copy when it is made already (found by its sealed name: no reading, no
        decoding), else None."""
        return find_print_copy(self.store, photo, self.seal)

    def print_copy(self, photo: Photo, stop: Callable[[], None] | None = None) -> Path:
        """~1600 px JPEG, upright, annotations drawn in; made once per annotation set.
        ``stop`` is called between the steps (decoding, encoding, writing) and raises to
        abandon the copy or waits (a background maker closing, or giving way). Touches files
        only, never the database: any thread may call it."""
        return make_print_copy(self.store, photo, self.seal, stop)

    def checked_print_copy(self, photo: Photo, path: Path) -> tuple[Path, bytes]:
        """The bytes of the print copy ``path`` of ``photo``, read once and checked against
        the SHA-256 its name records, under a name sealed here for this photo; a copy changed
        on disk since it was made (swapped, cut short, a link, another photo's, a name not
        sealed here) is removed and made again from the original, itself checked against the
        hash recorded when the photo was taken in (PhotoRefused when it was changed)."""
        data = read_print_copy(path, photo, self.seal)
        if data is not None:
            return path, data
        log.warning("print copy %s of photo %s is not the one made here for it: made again "
                    "from the original", path.name, photo.id)
        if path.parent == self.store.derived_dir(photo.sha256):
            with contextlib.suppress(OSError):
                path.unlink()
        again = make_print_copy(self.store, photo, self.seal)
        data = read_print_copy(again, photo, self.seal)
        if data is None:  # changed again between two lines: not printed, said plainly
            raise PhotoRefused(N_("The print copy of photo {original_name} keeps being "
                                  "changed on disk."), original_name=photo.original_name)
        return again, data


# A print copy's name records its annotations (a hash of them), the SHA-256 of its bytes and a
# seal: an HMAC, under this data dir's secret (``print_copy_seal``), of the original's SHA-256,
# the annotations' hash and the copy's. A copy made again with other bytes (another Pillow) has
# another name, so the renderings that show it are keyed anew; a copy swapped on disk is caught
# when it is read; and a file named to fit (its own hash, another photo's copy moved here)
# lacks the seal, which only this database's holder can make. The copy's hash is cut to 128
# bits and the seal to 64 (no shortcut finds bytes for the one, nor guesses the other): the
# name, with the folder named by the original's full hash and the temporary name it is
# written under, stays within Windows' 260-character paths under a user's data folder.
_COPY_HASH_CHARS = 32
_SEAL_CHARS = 16
_PRINT_NAME = re.compile(r"^print-([0-9a-f]{12})-([0-9a-f]{32})-([0-9a-f]{16})\.jpg$")
# Names of the versions before: no hash, or a hash but no seal. Never read; removed when the
# copy is made again.
_OLDER_PRINT_NAME = re.compile(r"^print-[0-9a-f]{12}(-[0-9a-f]{64})?\.jpg$")


def _annotations_key(photo: Photo) -> str:
    return hashlib.sha256(shapes_to_json(photo.annotations).encode()).hexdigest()[:12]


def _print_prefix(photo: Photo) -> str:
    return f"print-{_annotations_key(photo)}-"


def _seal(seal: bytes, photo: Photo, key: str, copy_sha: str) -> str:
    message = f"print copy\0{photo.sha256}\0{key}\0{copy_sha}".encode()
    return hmac.new(seal, message, hashlib.sha256).hexdigest()[:_SEAL_CHARS]


def _copy_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:_COPY_HASH_CHARS]


def _print_name(photo: Photo, seal: bytes, copy_sha: str) -> str:
    key = _annotations_key(photo)
    return f"print-{key}-{copy_sha}-{_seal(seal, photo, key, copy_sha)}.jpg"


def _sealed_for(name: str, photo: Photo, seal: bytes) -> re.Match[str] | None:
    """The parts of ``name`` when it is a print copy's name sealed here for ``photo`` with
    its annotations, else None."""
    match = _PRINT_NAME.match(name)
    if match is None or match.group(1) != _annotations_key(photo):
        return None
    expected = _seal(seal, photo, match.group(1), match.group(2))
    return match if hmac.compare_digest(expected, match.group(3)) else None


def find_print_copy(store: PhotoStore, photo: Photo, seal: bytes) -> Path | None:
    """The print copy of ``photo`` with its annotations, by its sealed name (the newest when
    it was made again), or None."""
    prefix = _print_prefix(photo)
    found: list[tuple[int, str]] = []
    unsealed: list[str] = []
    try:
        with os.scandir(store.derived_dir(photo.sha256)) as entries:
            for entry in entries:
                if not (entry.name.startswith(prefix) and _PRINT_NAME.match(entry.name)):
                    continue
                if _sealed_for(entry.name, photo, seal) is None:
                    unsealed.append(entry.path)
                elif entry.is_file(follow_symlinks=False):
                    found.append((entry.stat(follow_symlinks=False).st_mtime_ns, entry.path))
    except OSError:
        return None
    for path in unsealed:
        # Named like a copy, but not made here for this photo (put there by hand, another
        # photo's, another data dir's): never printed, and removed so it is said once.
        log.warning("print copy %s of photo %s was not made here for it: not used",
                    os.path.basename(path), photo.id)
        with contextlib.suppress(OSError):
            os.unlink(path)
    return Path(max(found)[1]) if found else None


def read_print_copy(path: Path, photo: Photo, seal: bytes) -> bytes | None:
    """The bytes of a print copy of ``photo`` when its name was sealed here for it and they
    are those its name records, else None (changed, missing, a link, another photo's, not
    sealed here)."""
    match = _sealed_for(path.name, photo, seal)
    if match is None:
        return None
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    with open(fd, "rb") as handle:
        try:
            data = handle.read()
        except OSError:
            return None
    return data if hmac.compare_digest(_copy_hash(data), match.group(2)) else None


def _checked_original(store: PhotoStore, photo: Photo) -> bytes:
    """The original's bytes, read once and checked against the hash recorded when the photo
    was taken in."""
    original = store.find_original(photo.sha256)
    if original is None:
        raise NotFoundError(N_("The original of photo {value} is "
                               "missing from the photo folder."),
                            value=photo.original_name or photo.id)
    data = original.read_bytes()
    if hashlib.sha256(data).hexdigest() != photo.sha256:
        raise PhotoRefused(N_("The original of photo {original_name} was changed on disk since "
                              "it was taken in: it is not printed. Put the original back from a "
                              "backup."), original_name=photo.original_name or photo.id)
    return data


def originals_not_as_taken_in(store: PhotoStore, photos: list[Photo],
                              progress: Progress | None = None) -> list[Photo]:
    """The photos whose original is missing, unreadable or changed on disk since it was taken
    in (each read and hashed: a signer vouches for these very bytes). ``progress`` counts the
    photos checked; once it is cancelled, the hashing stops within one chunk of a file and
    ``Cancelled`` is raised."""
    stopped = threading.Event()

    def stop_check() -> None:
        if stopped.is_set():
            raise _HashingStopped

    def not_as_taken_in(photo: Photo) -> bool:
        original = store.find_original(photo.sha256)
        if original is None:
            return True
        try:
            return sha256_file(original, stop_check) != photo.sha256
        except OSError:
            return True

    if not photos:
        return []
    # Hashing releases the GIL: a record's photos are read and hashed side by side.
    pool = ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1)))
    try:
        futures = [pool.submit(not_as_taken_in, photo) for photo in photos]
        flags = []
        for done, future in enumerate(futures, start=1):
            while True:
                try:
                    flags.append(future.result(timeout=0.05))
                    break
                except FuturesTimeout:
                    if progress is not None:
                        progress.check_cancelled()
            if progress is not None:
                progress.progress(done, len(photos), photos[done - 1].original_name)
    except BaseException:
        stopped.set()  # the files in hand stop at their next chunk, the others never start
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return [photo for photo, bad in zip(photos, flags, strict=True) if bad]


class _HashingStopped(Exception):
    """Raised inside a hashing thread once the check it belongs to was stopped."""


def make_print_copy(store: PhotoStore, photo: Photo, seal: bytes,
                    stop: Callable[[], None] | None = None) -> Path:
    """``PhotoService.print_copy`` for a caller without a service (a background thread);
    ``seal``: the data dir's ``print_copy_seal``."""
    made = find_print_copy(store, photo, seal)
    if made is not None:
        return made
    try:
        original = _checked_original(store, photo)
    except OSError as exc:
        raise PhotoRefused(N_("The photo {original_name} cannot be read: {exc}"),
                           original_name=photo.original_name, exc=exc) from None
    try:
        # Bicubic: a 12-MP photo is decoded at 2000 px and only brought down to 1600, where
        # Lanczos costs a third more time (more than the decoding) for no difference a
        # print at 300 dpi can show. Decoded from the bytes just checked.
        with _open_checked(io.BytesIO(original)) as opened:
            image = _decoded(opened, PRINT_LONG_SIDE, Image.Resampling.BICUBIC)
    except OSError as exc:
        raise PhotoRefused(N_("The photo {original_name} cannot be read: {exc}"),
                           original_name=photo.original_name, exc=exc) from None
    if stop is not None:
        stop()
    if photo.annotations:
        image = draw_shapes(image, photo.annotations)
    # The encoder's plain settings: Huffman tables optimised for each copy cost 5 % more CPU
    # (measured on 12-MP photos) for a PDF 5 % smaller.
    data = _jpeg_bytes(image, 85, optimize=False)
    if stop is not None:
        stop()
    folder = store.derived_dir(photo.sha256)
    target = folder / _print_name(photo, seal, _copy_hash(data))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
    except OSError as exc:
        raise from_os_error(exc, target) from exc
    _remove_older_copies(folder, _print_prefix(photo))
    return target


def _remove_older_copies(folder: Path, prefix: str) -> None:
    """The copies named the ways of older versions (no hash, no seal) are never read again."""
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        older = [entry.path for entry in entries
                 if entry.name.startswith(prefix[:-1]) and _OLDER_PRINT_NAME.match(entry.name)]
    for path in older:
        with contextlib.suppress(OSError):
            os.unlink(path)


_STAGER: ThreadPoolExecutor | None = None
_STAGER_LOCK = threading.Lock()


def _stager() -> ThreadPoolExecutor:
    """The one thread that stages originals, kept between photos: a thread started for each
    photo held its decoding up by several ms on a busy machine (the start waits for the new
    thread to be scheduled)."""
    global _STAGER
    with _STAGER_LOCK:
        if _STAGER is None:
            _STAGER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="photo-stager")
        return _STAGER


def _forget_stager() -> None:
    """In a forked child: the parent's stager thread does not exist here, and work queued to its
    executor would wait for ever; the child starts its own when it needs one."""
    global _STAGER, _STAGER_LOCK
    _STAGER = None
    _STAGER_LOCK = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_stager)


def _likely_ext(head: bytes) -> str | None:
    """The extension of a file whose first bytes are a JPEG's (what cameras write), else None:
    the decoder has the last word (``PhotoStore.commit`` renames on a mismatch)."""
    return SUPPORTED["JPEG"][0] if head.startswith(b"\xff\xd8\xff") else None


def _staged_or_none(staging: Future[StagedOriginal]) -> StagedOriginal | None:
    try:
        return staging.result()
    except OSError:
        return None


def _made(derived: Path) -> bool:
    """A derived copy is there and not the empty file a power cut can leave of one."""
    try:
        return derived.stat().st_size > 0
    except OSError:
        return False


def _jpeg_bytes(image: Image.Image, quality: int, optimize: bool = True) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, optimize=optimize)
    return buffer.getvalue()
