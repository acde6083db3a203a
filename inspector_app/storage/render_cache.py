"""Documents as last rendered, kept in the data dir so that printing the same content again
costs a file copy instead of laying out every page anew.

One entry per document slot (an inspection's document type in one language)::

    cache/documents/<slot>.<key>.<sha256 of the file>.pdf

``key`` names everything the pages show (see ``services.pdf.render_key``); a newer rendering of
the same slot replaces the older one, so the folder holds at most one file per slot, and the
renderings used longest ago go when the folder grows past ``MAX_BYTES``. An entry is written
atomically and durably. When it is found, its bytes are read once and checked against the
SHA-256 in its name (and its end-of-file mark): an entry changed, swapped, cut short, linked
elsewhere or not a plain file is a miss, removed and laid out anew, and what the caller gets is
those checked bytes, never a path to read again. A cache folder that is itself a link is not
used. Deleting the folder loses nothing but time.

The hash in a name vouches only against damage: anyone who can write the folder can name a
file of their own by its hash. The services use an entry only with the SHA-256 recorded in the
database when they kept it (``render_ledger``), passed here as ``sha256`` / ``made``.

``checking`` hands out an entry's bytes while their hash is computed on another thread, so
that they can be written to a temporary file meanwhile (the hash and the write each take about
as long): nothing is done with them (renamed into place, signed, shown) before ``confirm``.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import stat
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from inspector_app.errors import InspectorError
from inspector_app.storage.files import (
    WRITE_CHUNK,
    Staged,
    stage_atomic,
    write_atomic,
    write_atomic_from,
    write_fully,
)

log = logging.getLogger(__name__)

_NAME = re.compile(r"^[0-9A-Za-z_-]+$")
_ENTRY = re.compile(r"^[0-9A-Za-z_-]+\.[0-9A-Za-z_-]+\.[0-9a-f]{64}\.pdf$")
_SHA = re.compile(r"^[0-9a-f]{64}$")
# A PDF ends with "%%EOF" and at most a line break or two: a file cut short does not.
_EOF_MARK = b"%%EOF"
_TAIL = 32
# Some fifty records of 200 items and 50 photos each; the PDFs users keep are elsewhere.
MAX_BYTES = 512 * 1024 * 1024


def _checked(part: str) -> str:
    if not _NAME.match(part):
        raise ValueError(f"not a cache name: {part!r}")
    return part


# A file as (device, inode): the same file under another name is the same pair.
FileIdentity = tuple[int, int]


@dataclass(frozen=True)
class KeptFile:
    """A kept rendering's file, the SHA-256 of its bytes, and the file they were read from."""

    path: Path
    sha256: str
    identity: FileIdentity | None


@dataclass(frozen=True)
class Rendered:
    """A kept rendering: its file, the SHA-256 of its bytes, the bytes as checked, and the
    file they were read from (or written to), for a link to it that must be that file."""

    path: Path
    sha256: str
    data: bytes
    identity: FileIdentity | None = None

    def read(self) -> bytes:
        return self.data

    @property
    def file(self) -> KeptFile:
        return KeptFile(self.path, self.sha256, self.identity)


def _open_plain(path: Path) -> int | None:
    """``path`` opened for reading if it is a plain file (not a link, a pipe or a device), else
    None. O_NONBLOCK: a pipe put in the folder must not hang the export that finds it."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) \
        | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            return fd
    except OSError:
        pass
    os.close(fd)
    return None


@dataclass(frozen=True)
class StagedEntry:
    """A kept rendering written beside the user's file, not yet in its place (``stage_entry``)."""

    key: str
    file: KeptFile
    staged: Staged

    def commit(self) -> None:
        self.staged.commit()
        _touch(self.file.path)

    def discard(self) -> None:
        self.staged.discard()


class Abandoned(Exception):
    """The entry being written is no longer wanted (its key is not the one the caller needs)."""


def _copy_checked(path: Path, sha: str, out: int,
                  wanted: Callable[[], bool] | None = None) -> FileIdentity:
    """The bytes of the entry ``path`` written to ``out`` a piece at a time, each piece hashed
    as it passes (still in the CPU's cache); EntryChanged when they are not whole and of hash
    ``sha``, Abandoned as soon as ``wanted()`` says False. An OSError of ``out`` (a full disk)
    is raised as it is."""
    source = _open_plain(path)
    if source is None:
        raise EntryChanged(path.name)
    with open(source, "rb", buffering=0) as reader:
        identity = os.fstat(source)
        digest = hashlib.sha256()
        buffer = bytearray(WRITE_CHUNK)
        view = memoryview(buffer)
        tail = b""
        while True:
            try:
                count = reader.readinto(buffer)
            except OSError:  # a bad disk
                raise EntryChanged(path.name) from None
            if not count:
                break
            piece = view[:count]
            digest.update(piece)
            write_fully(out, piece, durable=False)
            tail = (tail + bytes(piece[-_TAIL:]))[-_TAIL:]
            if wanted is not None and not wanted():
                raise Abandoned(path.name)
    if digest.hexdigest() != sha or not tail.rstrip().endswith(_EOF_MARK):
        raise EntryChanged(path.name)
    return identity.st_dev, identity.st_ino


def _plain_file_bytes(path: Path) -> tuple[bytes, FileIdentity] | None:
    """The bytes of ``path`` and the file they were read from if it is a plain file (not a
    link, a pipe or a device), else None (``_open_plain``)."""
    fd = _open_plain(path)
    if fd is None:
        return None
    try:
        info = os.fstat(fd)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(), (info.st_dev, info.st_ino)
    except OSError:
        return None
    finally:
        os.close(fd)


class EntryChanged(Exception):
    """A kept rendering no longer matches the hash it was kept under (it is removed)."""


class Checking:
    """A kept rendering read whole, its SHA-256 being computed on another thread (hashlib lets
    go of the interpreter for large data). ``confirm`` waits for it."""

    def __init__(self, path: Path, sha256: str, data: bytes,
                 identity: FileIdentity | None = None) -> None:
        self.path = path
        self.sha256 = sha256
        self.data = data
        self.identity = identity
        self._digest: str | None = None
        self._thread = threading.Thread(target=self._hash, name="render-cache-check",
                                        daemon=True)
        self._thread.start()

    def _hash(self) -> None:
        self._digest = hashlib.sha256(self.data).hexdigest()

    def confirm(self) -> Rendered:
        """The checked rendering; raises EntryChanged (the entry removed) when it was changed
        since it was kept."""
        self._thread.join()
        if self._digest != self.sha256:
            _discard(self.path)
            raise EntryChanged(self.path.name)
        _touch(self.path)
        return Rendered(self.path, self.sha256, self.data, self.identity)


def _touch(path: Path) -> None:
    """The entry marked used now: the last to go when the cache is trimmed. Never through a
    link put in its place, so not at all where a link cannot be told apart (Windows)."""
    if os.utime in os.supports_follow_symlinks:
        with contextlib.suppress(OSError):
            os.utime(path, follow_symlinks=False)


def _discard(path: Path) -> None:
    log.warning("rendered document %s is damaged or changed: made again", path.name)
    with contextlib.suppress(OSError):
        path.unlink()


class RenderCache:
    def __init__(self, folder: Path, max_bytes: int = MAX_BYTES) -> None:
        self.folder = folder
        self.max_bytes = max_bytes

    def _usable(self) -> bool:
        """The folder may be used: not a link to somewhere else (whose PDFs trimming the cache
        would delete)."""
        return not self.folder.is_symlink()

    def _entries(self, slot: str) -> list[Path]:
        if not self._usable():
            return []
        try:
            return [path for path in self.folder.glob(f"{_checked(slot)}.*.pdf")
                    if _ENTRY.match(path.name)]
        except OSError:
            return []

    def find(self, slot: str, key: str, sha256: str | None = None) -> Rendered | None:
        """The rendering of ``slot`` for ``key``, read and checked, or None (never made,
        replaced, damaged or changed since it was kept). ``sha256``: only the entry of these
        bytes (as recorded where the cache cannot forge it)."""
        checking = self.checking(slot, key, sha256)
        if checking is None:
            return None
        try:
            return checking.confirm()
        except EntryChanged:
            return None

    def checking(self, slot: str, key: str, sha256: str | None = None) -> Checking | None:
        """The rendering of ``slot`` for ``key`` (and ``sha256``, if given), read whole and
        whole-looking (a plain file ending in its end-of-file mark), its hash being checked;
        or None."""
        prefix = f"{_checked(slot)}.{_checked(key)}."
        for path in self._entries(slot):
            sha = path.name[len(prefix):-len(".pdf")]
            if path.name.startswith(prefix) and _SHA.match(sha) and sha256 in (None, sha):
                read = _plain_file_bytes(path)
                if read is not None and read[0][-_TAIL:].rstrip().endswith(_EOF_MARK):
                    return Checking(path, sha, *read)
                _discard(path)
        return None

    def write_entry(self, slot: str, key: str, target: Path,
                    sha256: str | None = None) -> KeptFile | None:
        """The rendering of ``slot`` for ``key`` (and ``sha256``, if given) written to
        ``target`` as it is, atomically and
        durably (``write_atomic``), its bytes checked as they pass and before the file is
        renamed into place; None when there is none or it changed since it was kept (the entry
        removed, ``target`` left as it was). Read, hashed and written a piece at a time: the
        bytes are never held whole, nor gone over three times."""
        prefix = f"{_checked(slot)}.{_checked(key)}."
        for path in self._entries(slot):
            sha = path.name[len(prefix):-len(".pdf")]
            if path.name.startswith(prefix) and _SHA.match(sha) and sha256 in (None, sha):
                try:
                    identity = write_atomic_from(target, partial(_copy_checked, path, sha))
                except EntryChanged:
                    _discard(path)
                    return None
                _touch(path)
                return KeptFile(path, sha, identity)
        return None

    def stage_entry(self, slot: str, target: Path, wanted: Callable[[str], bool],
                    made: tuple[str, str] | None = None) -> StagedEntry | None:
        """The rendering of ``slot``, whichever its key (``made``: only the one of this key
        and SHA-256), written beside ``target`` and made
        durable before the caller knows the key it needs (``wanted(key)`` is asked between the
        pieces, False abandons it); ``commit`` puts it in place once its key is the one needed.
        None when there is none, it was abandoned, or it changed since it was kept (the entry
        removed); ``target`` is left as it was then."""
        for path in self._entries(slot):
            parts = path.name.split(".")  # slot, key, hash, "pdf"
            if len(parts) != 4 or not _SHA.match(parts[2]):
                continue
            key, sha = parts[1], parts[2]
            if made is not None and made != (key, sha):
                continue
            try:
                staged, identity = stage_atomic(
                    target, partial(_copy_checked, path, sha, wanted=partial(wanted, key)))
            except EntryChanged:
                _discard(path)
                return None
            except Abandoned:
                return None
            return StagedEntry(key, KeptFile(path, sha, identity), staged)
        return None

    def put(self, slot: str, key: str, data: bytes) -> Rendered | None:
        """Keep ``data`` as the rendering of ``slot``, replacing any older one. A cache that
        cannot be written (a full disk, a read-only data dir) is logged and left alone: the
        document itself was made."""
        sha = hashlib.sha256(data).hexdigest()
        path = self.folder / f"{_checked(slot)}.{_checked(key)}.{sha}.pdf"
        if not self._usable():
            log.warning("rendered documents not kept: %s is a link", self.folder)
            return None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(path, data)
            info = path.lstat()
        except (OSError, InspectorError) as exc:
            log.warning("rendered document not kept: %s", exc)
            return None
        for older in self._entries(slot):
            if older != path:
                with contextlib.suppress(OSError):
                    older.unlink()
        self._trim(keep=path)
        return Rendered(path, sha, data, (info.st_dev, info.st_ino))

    def _trim(self, keep: Path) -> None:
        """The renderings used longest ago removed until the folder is within ``max_bytes``."""
        entries = []
        for path in self.folder.glob("*.pdf"):
            if not _ENTRY.match(path.name):
                continue  # not a rendering this cache made: not ours to delete
            with contextlib.suppress(OSError):
                info = path.lstat()
                entries.append((info.st_mtime, info.st_size, path))
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= self.max_bytes:
                break
            if path != keep:
                with contextlib.suppress(OSError):
                    path.unlink()
                    total -= size
