"""Audit entries go from a bundle's checked rows into the audit log in SQL: what lands there is
what the checks read, value for value, and the import says the same as entry by entry."""

from __future__ import annotations

import contextlib
import json
import shutil
import uuid
import zipfile

from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.sync import import_bundle
from inspector_app.storage import sync_rows
from tests.unit.test_sync import ORG_PASS, laptop_work
from tests.unit.test_sync_policy import forge, plain_export

# JSON lines as a sender could write them: escapes where the export writes the characters, a
# character outside the BMP as a surrogate pair, quotes, backslashes, breaks and tabs in text.
TRICKY = [
    '"\\u4e2d\\u6587 escaped"', '"raw 中文 and 😀"', '"pair \\ud83d\\ude00"',
    '"quote \\" and backslash \\\\"', '"two\\nlines\\tand a tab"', '"\\/slash"',
    '"\\u00e9t\\u00e9"', '""',
]


def _audit_lines(bundle) -> list[str]:
    with zipfile.ZipFile(bundle) as zf:
        return zf.read("rows/audit_log.jsonl").decode().splitlines()


def test_audit_values_arrive_as_the_checks_read_them(world):
    laptop_work(world, world.a)
    plain = plain_export(world, world.a, full=True)
    lines = _audit_lines(plain)
    model = json.loads(lines[0])
    crafted = []
    for n, value in enumerate(TRICKY):
        entry = {**model, "id": str(uuid.uuid4())}
        text = json.dumps(entry, ensure_ascii=False)
        # old_value, new_value and reason given as the sender wrote them
        text = text[:-1] + f', "old_value": {value}, "new_value": {value}}}'
        if n == 0:  # a column named twice: the checks read the last value
            text = text[:-1] + ', "reason": "first", "reason": "last"}'
        crafted.append(text)
    data = ("\n".join(lines + crafted) + "\n").encode()
    bundle = forge(world, world.a, plain, raw={"rows/audit_log.jsonl": data})
    report = world.import_(bundle)
    assert report.status != "dry run"
    for text in crafted:
        expected = json.loads(text)
        stored = world.office.db.execute(
            "SELECT * FROM audit_log WHERE id = ?", [expected["id"]]).fetchone()
        names = [c[1] for c in world.office.db.execute("PRAGMA table_info(audit_log)")]
        assert dict(zip(names, stored, strict=True)) == {k: expected.get(k) for k in names}
    assert json.loads(crafted[0])["reason"] == "last"


def _import_copy(world, bundle, name: str, in_sql: bool, monkeypatch):
    """Import ``bundle`` into a copy of the office, with audit entries in SQL or one by one."""
    shutil.copytree(world.office.data_dir.root, world.root / name)
    blocks = []
    if in_sql:
        add = sync_rows.add_staged_audit
        monkeypatch.setattr(sync_rows, "add_staged_audit",
                            lambda *a: blocks.append(a) or add(*a))
    else:
        @contextlib.contextmanager
        def not_attached(db, path):
            yield False
        monkeypatch.setattr(sync_rows, "staged_attached", not_attached)
    ctx = AppContext(DataDir(world.root / name))
    try:
        report = import_bundle(ctx.db, ctx.data_dir, ctx.device, bundle,
                               org_passphrase=ORG_PASS)
        entries = ctx.db.execute("SELECT * FROM audit_log WHERE action != 'import' "
                                 "ORDER BY rowid").fetchall()
    finally:
        ctx.close()
        monkeypatch.undo()
    assert bool(blocks) == in_sql
    return report, entries


def test_in_sql_and_entry_by_entry_say_the_same(world, monkeypatch):
    laptop_work(world, world.a)
    world.import_(world.export(world.a))
    laptop_work(world, world.a, seed=3)
    bundle = world.export(world.a, full=True)  # carries the entries the office has, and more
    world.office.close()
    report_sql, in_sql = _import_copy(world, bundle, "office-sql", True, monkeypatch)
    report_py, by_entry = _import_copy(world, bundle, "office-py", False, monkeypatch)
    world.office = world.ctx("office")
    assert in_sql == by_entry
    tally = report_sql.tally("audit_log")
    assert tally.added > 0 and tally.skipped["already present"] > 0
    assert report_sql.to_json()["tables"] == report_py.to_json()["tables"]
