"""Expected failures: things a user can cause or fix, told in plain words.

Anything that is not an ``InspectorError`` is a bug and goes to the crash dialog.
"""

from __future__ import annotations

import errno
import sqlite3
from enum import StrEnum
from pathlib import Path
from typing import Any

from inspector_app.i18n import N_, Message, render, translate, with_advice


class Hint(StrEnum):
    """What the user can do about a message, as a code: the command line words it with its
    commands (``cli_advice.py``), the window with its pages, menus and buttons
    (``ui/advice.py``). Raised with the message's parameters (``InspectorError(..., hint=)``,
    ``Message(..., hint=)``); a service never names a command or a menu."""

    ALLOCATE_NUMBERS = "allocate-numbers"        # doc_type (its value), year
    IMPORT_IDENTITY = "import-identity"          # the enrolment file from the office
    CREATE_ORG = "create-org"                    # on the supervisor's computer
    NAME_ONE_COMPUTER = "name-one-computer"      # several computers answer to a name
    NAME_UNKNOWN_COMPUTER = "name-unknown-computer"  # no computer of that name is known here
    REVIEW_NUMBER_CLASH = "review-number-clash"  # conflict_id
    KEEP_ONE_VERSION = "keep-one-version"        # conflict_id: a draft kept twice
    SEE_CONFLICTS = "see-conflicts"              # where the conflicts of an import are listed
    RECORD_FILING = "record-filing"              # an emergency plan's filing
    LIST_TEMPLATES = "list-templates"            # where the library's templates are listed
    LIST_COMPANIES = "list-companies"
    LIST_UNITS = "list-units"
    LIST_CAMPAIGNS = "list-campaigns"
    ADD_HOLIDAYS = "add-holidays"                # the State Council's notice of a year
    LAYOUT_WORKBOOK = "layout-workbook"          # a checklist workbook in the expected layout
    GENERATE_YEAR_PLAN = "generate-year-plan"    # year: a yearly plan is generated first


class InspectorError(Exception):
    """An expected failure with a message meant for the user.

    ``message`` is an English message id from the catalogue (marked with ``N_()``), with
    ``{name}`` placeholders filled from ``params``: ``str()`` and :attr:`message` give the
    English text (for the log), :meth:`localized` the user's language (for the screen).
    """

    title = N_("Error")

    def __init__(self, message: str | Message, /, *, detail: str = "", hint: str | None = None,
                 **params: Any) -> None:
        if isinstance(message, Message):  # a rule or problem told elsewhere, raised here
            params = {**message.params, **params}
            hint = hint or message.hint
            message = message.msgid
        self.msgid = message
        self.params = params
        self.hint = hint  # what the user can do (``Hint``), worded by the front-end showing it
        self.message = self.localized("en")
        super().__init__(self.message)
        self.detail = detail

    def __str__(self) -> str:
        return self.message

    def localized(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the language the user chose), with the advice of
        the front-end showing it (``i18n.install_advisor``)."""
        return with_advice(render(self.msgid, self.params, lang), self.hint, self.params, lang)

    def localized_title(self, lang: str | None = None) -> str:
        return translate(self.title, lang)


class NewerVersionError(InspectorError):
    title = N_("File from a newer version")


class CorruptFileError(InspectorError):
    title = N_("Damaged file")


class DatabaseLockedError(InspectorError):
    title = N_("Database in use")


class DiskFullError(InspectorError):
    title = N_("Disk full")


class ReadOnlyLocationError(InspectorError):
    title = N_("Cannot write here")


class ValidationError(InspectorError):
    title = N_("Invalid input")


class LockedRecordError(InspectorError):
    title = N_("Record is locked")


class NotFoundError(InspectorError):
    title = N_("Not found")


# A device that went away under an open file: a USB stick pulled out, a network share gone.
_DEVICE_GONE = {errno.EIO, errno.ENXIO, errno.ENODEV, errno.ESTALE,
                *(code for code in (getattr(errno, "ENOMEDIUM", None),) if code is not None)}


def from_os_error(exc: OSError, path: Path | str | None = None) -> InspectorError:
    """Turn an OSError into the expected failure it stands for, naming the path."""
    named = path or exc.filename
    where: Message | str = Message(N_(" ({path})"), path=named) if named else ""
    if exc.errno == errno.ENOSPC:
        return DiskFullError(N_("The disk is full{where}. Free some space and try again."),
                             where=where)
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyLocationError(
            N_("This location cannot be written{where}: {reason}."),
            where=where, reason=exc.strerror or exc
        )
    if exc.errno == errno.ENAMETOOLONG:
        return ValidationError(N_("The file name is too long for this file system{where}. "
                                  "Choose a shorter name."), where=where)
    if exc.errno == errno.EISDIR:
        return ValidationError(N_("This is a folder, not a file{where}: give a file name."),
                               where=where)
    if exc.errno == errno.EFBIG:
        return DiskFullError(N_("The file is too large for this file system{where}."), where=where)
    if exc.errno == errno.ENOENT or exc.errno in _DEVICE_GONE:
        return InspectorError(
            N_("The file or device is not available{where}: {reason}. "
               "If it is a USB stick, check that it is still plugged in."),
            where=where, reason=exc.strerror or exc
        )
    return InspectorError(N_("{reason}{where}"), reason=exc.strerror or exc, where=where)


def from_read_error(exc: OSError, path: Path | str | None = None) -> InspectorError:
    """An OSError met while reading a file the user chose (or a USB stick holds), naming the
    file and saying, in the system's own words, what went wrong. ``from_os_error`` words what
    a write meets: a file that may not be read is not "a location that cannot be written"."""
    named = path or exc.filename or ""
    reason = exc.strerror or exc
    if exc.errno == errno.ENOENT:
        return NotFoundError(N_("{path}: no such file."), path=named)
    if exc.errno == errno.EISDIR:
        return ValidationError(N_("{path}: a folder, not a file."), path=named)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return InspectorError(N_("{path}: not allowed to read it."), path=named)
    if exc.errno in _DEVICE_GONE:
        return InspectorError(N_("{path}: cannot be read ({value}). If it is on a USB stick, "
                                 "check that it is still plugged in."),
                              path=named, value=reason)
    return InspectorError(N_("{path}: cannot be read ({value})."), path=named, value=reason)


def from_sqlite_error(exc: sqlite3.Error, path: Path | str | Message) -> InspectorError | None:
    """Classify SQLite failures that are not bugs; None when it looks like one. ``path`` is the
    database, or words for it where the file is not known."""
    text = str(exc).lower()
    if "database is locked" in text or "database is busy" in text:
        return DatabaseLockedError(
            N_("Another Inspector is using this data folder ({parent}): close it "
               "or wait until it has finished, then try again. Nothing was changed."),
            parent=path if isinstance(path, Message) else Path(path).parent
        )
    if "file is not a database" in text or "malformed" in text or "file is encrypted" in text:
        return CorruptFileError(
            N_("The database {path} is damaged or is not an Inspector database. "
               "Restore it from a backup or an export; it was not changed."), path=path
        )
    how = disk_write_failure(exc)
    if how == "full":
        return DiskFullError(N_("The disk holding {path} is full. Free some space and try again."),
                             path=path)
    if how == "failed":
        return InspectorError(N_("The disk holding {path} could not be written or read ({exc}); "
                                 "it may be full, or failing. Free some space, check the disk, "
                                 "and try again."), path=path, exc=exc)
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return ReadOnlyLocationError(N_("The database {path} cannot be opened for writing: {exc}."),
                                     path=path, exc=exc)
    return None


def expected_failure(exc: BaseException) -> InspectorError | None:
    """The expected failure ``exc`` stands for when work in the background raised it (a full
    disk, an unplugged stick, a database another program holds); None when it looks like a
    bug, which the crash report is for."""
    if isinstance(exc, InspectorError):
        return exc
    if isinstance(exc, OSError):
        return from_os_error(exc)
    if isinstance(exc, sqlite3.Error):
        return from_sqlite_error(exc, Message(N_("the database")))
    return None


_SQLITE_IOERR, _SQLITE_FULL = 10, 13  # primary result codes (the low byte of extended ones)


def disk_write_failure(exc: BaseException) -> str | None:
    """``"full"`` when ``exc`` is the disk refusing a write for want of space, ``"failed"`` when
    it is SQLite's disk I/O error, else None. A full disk reaches SQLite as "database or disk
    is full", or as "disk I/O error" when what failed was the log's write or a flush: both are
    a problem of the disk, not a bug."""
    if isinstance(exc, sqlite3.OperationalError):
        code = getattr(exc, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        text = str(exc).lower()
        if primary == _SQLITE_FULL or "disk is full" in text:
            return "full"
        if primary == _SQLITE_IOERR or "disk i/o error" in text:
            return "failed"
        return None
    # An OSError's EIO may be a read of the bundle's USB stick: ``from_os_error`` says that.
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "full"
    return None
