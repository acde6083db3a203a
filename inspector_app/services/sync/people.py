"""Computers as a supervisor knows them: by the inspector enrolled on them.

Every laptop set up from one image is called "vm" or "DESKTOP-…"; the name that tells them
apart is the enrolled inspector's, which the office learns from the first bundle a laptop's
signature verified (``sync_device_signers``). The short form beside it is the computer's
number prefix, the one its export files and document numbers carry.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from inspector_app.storage import sync_rows

if TYPE_CHECKING:
    from sqlite_utils import Database


def device_labels(db: Database, device_ids: Iterable[str | None],
                  named: Mapping[str, tuple[str, str]] | None = None) -> dict[str, str]:
    """``张伟 (53C6)`` for each device: its enrolled inspector where known here, else the
    signer a bundle from it named, else the computer's name; beside it the number prefix
    (known here, else as a bundle named it), else the short device id. ``named``: device id ->
    (signer, prefix) as bundles from it said."""
    ids = sorted({i for i in device_ids if i})
    people = sync_rows.device_people(db, ids)
    labels: dict[str, str] = {}
    for device_id in ids:
        person, computer, prefix = people.get(device_id, (None, None, None))
        signer, named_prefix = (named or {}).get(device_id, ("", ""))
        short = prefix or named_prefix or device_id[:8]
        name = person or signer or computer
        labels[device_id] = f"{name} ({short})" if name else short
    return labels


def device_label(db: Database, device_id: str | None) -> str:
    if not device_id:
        return ""
    return device_labels(db, [device_id])[device_id]
