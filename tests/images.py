"""Photo files for tests, made with Pillow: good ones of each kind and bad ones of each kind."""

from __future__ import annotations

import io
import random
import struct
import zlib
from pathlib import Path

from PIL import Image


def noisy(size: tuple[int, int], seed: int = 1) -> Image.Image:
    """Detail JPEG cannot flatten, so a cut file really misses data (and hashes differ)."""
    rnd = random.Random(seed)
    small = Image.new("RGB", (max(1, size[0] // 16), max(1, size[1] // 16)))
    small.putdata([(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))
                   for _ in range(small.width * small.height)])
    return small.resize(size, Image.Resampling.BILINEAR)


def jpeg(path: Path, size: tuple[int, int] = (64, 48), colour: str | None = None,
         seed: int = 1, **save: object) -> Path:
    image = Image.new("RGB", size, colour) if colour else noisy(size, seed)
    image.save(path, "JPEG", quality=85, **save)
    return path


def png(path: Path, size: tuple[int, int] = (64, 48), colour: str = "#3070c0") -> Path:
    Image.new("RGB", size, colour).save(path, "PNG")
    return path


def exif_jpeg(path: Path, orientation: int = 6) -> Path:
    """A landscape 60×40 sensor image that shows upright as a 40×60 portrait."""
    image = Image.new("RGB", (60, 40), "white")
    image.paste(Image.new("RGB", (20, 40), "blue"), (0, 0))  # the left third: blue
    exif = Image.Exif()
    exif[274] = orientation
    exif[271] = "Canon"
    exif[272] = "EOS R5"
    exif[306] = "2026:11:28 10:15:00"
    exif.get_ifd(0x8769)[36867] = "2026:11:28 10:15:00"
    exif.get_ifd(0x8825).update({1: "N", 2: (31.0, 13.0, 48.0), 3: "E", 4: (121.0, 28.0, 12.0)})
    image.save(path, "JPEG", quality=90, exif=exif)
    return path


def corrupt(path: Path) -> Path:
    path.write_text("这不是照片 / not a photo\n", encoding="utf-8")
    return path


def truncated_jpeg(path: Path) -> Path:
    buffer = io.BytesIO()
    noisy((400, 300)).save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) // 2])
    return path


def png_claiming(path: Path, width: int, height: int) -> Path:
    """A tiny PNG whose header claims ``width`` × ``height`` (a decompression bomb)."""
    buffer = io.BytesIO()
    Image.new("1", (8, 8)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    data[16:24] = struct.pack(">II", width, height)  # IHDR: after signature, length, type
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    path.write_bytes(bytes(data))
    return path
