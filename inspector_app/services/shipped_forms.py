"""Whether the checklist templates shipped with the program are all in the library already.

Apart from services/forms.py, which parses and schema-checks them: that needs the YAML and JSON
Schema libraries, which a window start should load only when there is something to import.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from inspector_app.errors import InspectorError
from inspector_app.i18n import N_
from inspector_app.paths import forms_dir
from inspector_app.storage.repositories import SettingsRepo

if TYPE_CHECKING:
    from hashlib import sha256

    from sqlite_utils import Database
else:
    try:
        # CPython's own SHA-256: hashlib would load OpenSSL for it (3 ms of each window start,
        # for the 170 kB of shipped templates hashed there).
        from _sha256 import sha256
    except ImportError:  # another Python, or 3.12+ (``_sha2``)
        from hashlib import sha256

SHIPPED_DIGEST_KEY = "shipped_forms_digest"


def shipped_template_files() -> list[Path]:
    """The templates shipped with the program; none at all means a broken installation."""
    folder = forms_dir()
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise InspectorError(N_("The checklist templates shipped with Inspector are missing (no "
                                "*.yaml in {folder}): the installation is incomplete; reinstall "
                                "Inspector."), folder=folder)
    return files


def files_digest(files: Sequence[Path]) -> str:
    digest = sha256()
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        digest.update(f"{path.name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def shipped_templates_current(db: Database) -> bool:
    """True when these very files were all imported into this database before."""
    return SettingsRepo(db).get(SHIPPED_DIGEST_KEY) == files_digest(shipped_template_files())
