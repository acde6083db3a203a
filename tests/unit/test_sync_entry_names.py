"""A bundle's entries are named exactly as the format names them: a name that only starts like
one (a line break after it) is a file the program does not expect, not a second copy of a
table's rows or a file whose name on disk would carry the line break."""

from __future__ import annotations

import json
import uuid
import zipfile

import pytest

from inspector_app.services.sync.bundle import BundleRefused
from tests.unit.test_sync import laptop_work, refused
from tests.unit.test_sync_policy import forge, plain_export


@pytest.mark.parametrize("suffix", ["\n", "\r\n"])
def test_a_second_rows_entry_named_with_a_line_break_is_refused(world, suffix):
    laptop_work(world, world.a)
    source = plain_export(world, world.a)
    with zipfile.ZipFile(source) as zf:
        company = json.loads(zf.read("rows/companies.jsonl").splitlines()[0])
    smuggled = {**company, "id": str(uuid.uuid4()), "name": "夹带的公司"}
    line = (json.dumps(smuggled, ensure_ascii=False) + "\n").encode()
    refused(world, forge(world, world.a, source, raw={f"rows/companies.jsonl{suffix}": line}),
            BundleRefused, match="it holds an unexpected file")
    assert world.office.db.execute("SELECT COUNT(*) FROM companies").fetchone()[0] == 0


def test_a_photo_named_with_a_line_break_is_refused_as_unexpected(world):
    laptop_work(world, world.a, photos=1)
    source = plain_export(world, world.a)
    with zipfile.ZipFile(source) as zf:
        (photo,) = [n for n in zf.namelist() if n.startswith("photos/")]
        data = zf.read(photo)
    refused(world, forge(world, world.a, source, drop=("photos/",),
                         raw={f"{photo}\n": data}),
            BundleRefused, match="it holds an unexpected file")
