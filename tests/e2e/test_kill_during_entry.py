"""Killing the program while answers are entered loses nothing that was already committed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.inspections import InspectionService

WORKER = textwrap.dedent("""
    import sys
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from inspector_app.domain.profile import Profile
    from inspector_app.paths import DataDir
    from inspector_app.services.context import AppContext
    from inspector_app.services.inspections import InspectionService
    from inspector_app.storage.repositories import InspectorRepo, ProfileRepo
    from tests.factories import add_company, add_template

    big = {{"format": "inspector-template/1", "id": "big", "version": "1",
            "title": {{"zh": "大检查表"}},
            "sections": [{{"id": "s", "title": {{"zh": "部分"}}, "items": [
                {{"id": f"i{{n}}", "type": "check", "grade": "general",
                  "text": {{"zh": f"检查项 {{n}}"}}}} for n in range(3000)]}}]}}
    ctx = AppContext(DataDir(Path({data!r})))
    ProfileRepo(ctx.db, ctx.device).save(Profile("张伟", "1", "局", "QT01"))
    team = [InspectorRepo(ctx.db, ctx.device.id).add(n, n, "局").id for n in ("甲", "乙")]
    svc = InspectionService(ctx.db, ctx.device, "张伟")
    inspection = svc.start(company_id=add_company(ctx.db), template_key=add_template(ctx.db, big),
                           kind="official", inspector_ids=team)
    print("inspection", inspection, flush=True)
    n = 0
    while True:
        svc.set_answer(inspection, f"i{{n}}", "compliant")
        svc.set_note(inspection, f"i{{n}}", f"note {{n}}")
        print("committed", n, flush=True)  # only after set_answer and set_note returned
        n += 1
""")


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", [3, 40, 150])
def test_sigkill_while_answering_keeps_every_committed_answer(tmp_path, kill_after):
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    data = tmp_path / "data"
    proc = subprocess.Popen(
        [sys.executable, "-c", WORKER.format(root=root, data=str(data))],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    committed: list[int] = []
    inspection_id = None
    try:
        for line in proc.stdout:
            word, value = line.split()
            if word == "inspection":
                inspection_id = value
            else:
                committed.append(int(value))
            if len(committed) >= kill_after:
                break
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert inspection_id and len(committed) >= kill_after

    ctx = AppContext(DataDir(data))
    try:
        record = InspectionService(ctx.db, ctx.device).get(inspection_id)
        for n in committed:
            assert record.answers[f"i{n}"] == "compliant"
            assert record.notes[f"i{n}"] == f"note {n}"
        integrity = ctx.db.execute("PRAGMA integrity_check").fetchone()[0]
        assert integrity == "ok"
    finally:
        ctx.close()
