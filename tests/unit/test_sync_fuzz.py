"""10,000 mutated bundles against one office: every one refused (or recognised as the bundle it
was made from), none accepted, none half-applied, no internal error.

A seeded fuzzer over a small bundle from an enrolled laptop, in three kinds of damage: bytes of
the encrypted file as it travels; bytes of the signed inner bundle, encrypted again for the
office (what breaks the zip, the manifest, the signature or a hash); and rows rewritten and
signed again with the laptop's own key (a dishonest laptop), each with one violation of the
row schema or the sync policy.
"""

from __future__ import annotations

import functools
import json
import math
import os
import random
import tempfile
import uuid
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from inspector_app.errors import InspectorError
from inspector_app.services.pki import PkiService
from inspector_app.services.sync import bundle as bundle_mod
from inspector_app.services.sync import importer
from inspector_app.services.sync.bundle import sign_manifest
from inspector_app.services.sync.row_schema import SCHEMAS
from inspector_app.services.sync.rows import dump_rows
from tests.unit.test_sync import OWN, World, laptop_work, seal, state
from tests.unit.test_sync_policy import plain_export

CASES = int(os.environ.get("INSPECTOR_FUZZ_CASES", "10000"))
SEED = 20261130


def mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    op = rng.randrange(5)
    at = rng.randrange(len(data))
    if op == 0:   # one flipped bit
        return data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1:]
    if op == 1:   # cut off
        return data[:at]
    if op == 2:   # random bytes inserted
        return data[:at] + rng.randbytes(rng.randrange(1, 64)) + data[at:]
    if op == 3:   # a range overwritten
        n = rng.randrange(1, 32)
        return data[:at] + rng.randbytes(n) + data[at + n:]
    n = rng.randrange(1, 64)  # a range removed
    return data[:at] + data[at + n:]


def bad_value(rng: random.Random, table: str, column: str) -> tuple[str, Any]:
    """A value the schema of ``table.column`` refuses, and the name of the damage."""
    col = SCHEMAS[table][column]
    choices: list[tuple[str, Any]] = [("list", [1, 2]), ("object", {"a": 1}), ("bool", True)]
    if col.kind in ("int", "real"):
        choices += [("huge", 2**70), ("text", "12"), ("nan", math.nan), ("inf", math.inf),
                    ("below range", col.low - 1)]
    else:
        choices += [("int", rng.randrange(1, 10**6)), ("float", 1.5),
                    ("too long", "长" * (col.max_len + 1)),
                    ("control", "a\x00b" if col.kind != "choice" else "\x07")]
    if col.required:
        choices.append(("null", None))
    return rng.choice(choices)


def violate(rng: random.Random, tables: dict[str, list[dict]], other_inspection: str) -> str:
    """Break one rule in one row, in place; returns what was done."""
    table = rng.choice(sorted(t for t, rows in tables.items() if rows))
    row = rng.choice(tables[table])
    kind = rng.randrange(6)
    if kind == 0:
        column = rng.choice(sorted(SCHEMAS[table]))
        name, value = bad_value(rng, table, column)
        row[column] = value
        return f"{table}.{column}: {name}"
    if kind == 1:
        row[f"extra_{rng.randrange(100)}"] = "x"
        return f"{table}: unknown column"
    if kind == 2:
        required = sorted(c for c, col in SCHEMAS[table].items() if col.required)
        column = rng.choice(required)
        del row[column]
        return f"{table}.{column}: missing"
    if kind == 3:
        tables[table].append(dict(row))
        return f"{table}: a row twice"
    if kind == 4 and "inspection_id" in row and table not in ("inspection_inspectors",
                                                              "audit_log"):
        row["inspection_id"] = other_inspection
        return f"{table}: moved to another inspection"
    if "device_id" in row and table not in ("devices", "templates", "trust_roots"):
        row["device_id"] = str(uuid.UUID(int=rng.getrandbits(128)))
        row[rng.choice([c for c in ("updated_at", "at") if c in row])] = "2099-01-01T00:00:00"
        return f"{table}: another device's row"
    row[rng.choice(sorted(SCHEMAS[table]))] = {"$b64": "!!"}
    return f"{table}: damaged binary value"


def write_signed(path: Path, rows: dict[str, list[dict]], others: dict[str, bytes],
                 manifest: dict, signer: tuple) -> None:
    """A bundle of these rows, signed by the laptop (what a dishonest laptop can make)."""
    entries = {f"rows/{t}.jsonl": dump_rows(r) for t, r in rows.items() if r}
    entries.update(others)
    manifest = {**manifest, "bundle_id": str(uuid.uuid4()),
                "entries": [{"path": n, "sha256": bundle_mod.sha256(d), "size": len(d)}
                            for n, d in sorted(entries.items())]}
    raw = json.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("manifest.json", raw)
        zf.writestr("manifest.sig.json", sign_manifest(raw, *signer))
        for name, data in sorted(entries.items()):
            zf.writestr(name, data)


@pytest.fixture
def fast_dir(tmp_path):
    """Memory-backed when the system has one: the run is file-system bound, not the point."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    with tempfile.TemporaryDirectory(dir=shm, prefix="inspector-fuzz-") as tmp:
        yield Path(tmp)


@pytest.mark.slow
def test_ten_thousand_mutated_bundles(fast_dir, monkeypatch, record_property):
    tmp_path = fast_dir
    world = World(tmp_path)
    try:
        # The organisation key is unlocked once (its KDF is meant to be slow), not per case.
        monkeypatch.setattr(importer, "decrypt_key", functools.cache(importer.decrypt_key))
        other = laptop_work(world, world.a, photos=1, seed=1)
        world.import_(world.export(world.a, full=True))
        laptop_work(world, world.a, photos=1, seed=2)
        plain = plain_export(world, world.a)
        sealed = seal(world.office, plain)
        assert world.import_(sealed).status == "imported"
        with zipfile.ZipFile(plain) as zf:
            base_rows = {n[5:-6]: [json.loads(line) for line in zf.read(n).splitlines()]
                         for n in zf.namelist() if n.startswith("rows/")}
        bundle_id = json.loads(zipfile.ZipFile(plain).read("manifest.json"))["bundle_id"]
        signer = PkiService(world.a.db, world.a.device).unlock(OWN)
        with zipfile.ZipFile(plain) as zf:
            manifest = json.loads(zf.read("manifest.json"))
            others = {n: zf.read(n) for n in zf.namelist() if n.startswith(("photos/",
                                                                            "documents/"))}
        before = state(world.office)
        outer, inner = sealed.read_bytes(), plain.read_bytes()
        rng = random.Random(SEED)
        outcomes: Counter[str] = Counter()
        internal: list[str] = []
        accepted: list[str] = []
        work = tmp_path / "fuzz"
        work.mkdir()
        for n in range(CASES):
            target = work / f"m{n % 4}.inspx"
            roll = rng.random()
            what = "bytes"
            if roll < 0.35:
                target.write_bytes(mutate_bytes(rng, outer))
            elif roll < 0.65:
                damaged = work / "inner.inspx"
                damaged.write_bytes(mutate_bytes(rng, inner))
                seal(world.office, damaged, target, bundle_id)
            else:
                rows = json.loads(json.dumps(base_rows))
                header = dict(manifest)
                if rng.random() < 0.1:
                    field, value = rng.choice([
                        ("missing_photos", 5), ("created_at", {"a": 1}), ("created_at", "soon"),
                        ("device_name", "x\n" * 200), ("device_id", ""), ("device_id", 7),
                        ("previous_watermark", [1])])
                    header[field] = value
                    what = f"manifest {field}"
                else:
                    what = violate(rng, rows, other)
                signed = work / "forged.inspx"
                write_signed(signed, rows, others, header, signer)
                seal(world.office, signed, target)
            try:
                report = world.import_(target)
            except InspectorError:
                outcomes["refused"] += 1
            except Exception as exc:
                outcomes["internal error"] += 1
                internal.append(f"case {n} ({what}): {type(exc).__name__}: {exc}"[:300])
            else:
                if report.status != "already imported":
                    accepted.append(f"case {n}: {what}")
                outcomes["accepted" if report.status != "already imported"
                         else "recognised as the bundle it was made from"] += 1
            if n % 500 == 499 or os.environ.get("FUZZ_DEBUG"):
                assert state(world.office) == before, (n, accepted, internal)
        partial = 0 if state(world.office) == before else 1
        summary = (f"sync fuzz: {CASES} mutated bundles (seed {SEED}): "
                   f"{outcomes['refused']} refused, "
                   f"{outcomes['recognised as the bundle it was made from']} recognised as the "
                   f"already imported bundle they were made from, {outcomes['accepted']} "
                   f"accepted, {partial} partial, {outcomes['internal error']} internal errors")
        record_property("reliability", summary)
        assert internal == [], internal[:5]
        assert accepted == [], accepted[:5]
        assert outcomes["accepted"] == 0 and partial == 0
        assert sum(outcomes.values()) == CASES
    finally:
        world.close()
