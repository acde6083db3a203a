"""The Windows version resource of the executables, from the package version.

PyInstaller reads it (``EXE(version=FILE)``) in the text form its ``pyi-grab_version`` writes;
it is written at build time, so the file properties always show the version being built.
"""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATE = """\
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
    ),
  kids=[
    StringFileInfo(
      [
      StringTable(
        '040904B0',
        [StringStruct('CompanyName', {company!r}),
        StringStruct('FileDescription', {description!r}),
        StringStruct('FileVersion', {version!r}),
        StringStruct('InternalName', {internal!r}),
        StringStruct('LegalCopyright', {copyright!r}),
        StringStruct('OriginalFilename', {filename!r}),
        StringStruct('ProductName', 'Inspector'),
        StringStruct('ProductVersion', {version!r})])
      ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """"0.1.0" → (0, 1, 0, 0); a pre-release suffix ("0.2.0rc1") is dropped."""
    parts = [int(p) for p in re.findall(r"\d+", version.split("+")[0])[:4]]
    if not parts:
        raise ValueError(f"not a version: {version!r}")
    return tuple(parts + [0] * (4 - len(parts)))  # type: ignore[return-value]


def version_file_text(version: str, filename: str, description: str) -> str:
    return TEMPLATE.format(
        numbers=version_numbers(version), version=version, filename=filename,
        internal=Path(filename).stem, description=description, company="Inspector",
        copyright="Licensed under the Apache License 2.0")


def write_version_file(target: Path, version: str, filename: str, description: str) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(version_file_text(version, filename, description), encoding="utf-8")
    return target
