"""Passphrases for scripts and people: from a file, or asked at the terminal; never argv."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from inspector_app.errors import ValidationError, from_read_error
from inspector_app.i18n import N_, _


def read_passphrase(file: str | None, prompt: str, *, confirm: bool = False) -> str:
    if file:
        try:
            text = Path(file).read_text(encoding="utf-8")
        except OSError as exc:
            raise from_read_error(exc, file) from exc
        return text.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise ValidationError(N_("{rstrip}: no terminal to ask on; "
                                 "give --passphrase-file FILE."), rstrip=prompt.rstrip(': ：'))
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass(_("Again: ")) != first:
        raise ValidationError(N_("The two passphrases differ."))
    return first

