"""The escalation list and the decisions recorded against companies that do not rectify."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from inspector_app.cli import main
from inspector_app.domain.escalation import Decision
from inspector_app.domain.records import new_id, record_stamp
from inspector_app.errors import ValidationError
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.demo import build_demo
from inspector_app.storage.escalations_repo import EscalationRepo

TODAY = date(2026, 6, 20)


@pytest.fixture
def setup(tmp_path):
    ctx = AppContext(DataDir(tmp_path / "office"))
    build_demo(ctx.db, ctx.device, ctx.data_dir.photos, companies=6, inspections=14, seed=11,
               today=TODAY)
    with ctx.db.atomic():
        ctx.db.execute("UPDATE findings SET status = 'open' WHERE status = 'closed'")
    open_ = [dict(r) for r in ctx.db.query(
        "SELECT f.id, f.inspection_id, i.company_id FROM findings f JOIN inspections i "
        "ON i.id = f.inspection_id WHERE i.status != 'draft' AND f.status IN "
        "('open', 'reopened') AND NOT EXISTS (SELECT 1 FROM inspections n "
        "WHERE n.supersedes_id = i.id) ORDER BY f.id")]
    # The refusal on a record none of the first three hazards comes from.
    firsts = {f["inspection_id"] for f in open_[:3]}
    open_ = [*open_[:3], next(f for f in open_[3:] if f["inspection_id"] not in firsts)]
    with ctx.db.atomic():
        # Every open hazard has a deadline in the future: nothing to escalate yet …
        ctx.db.execute("UPDATE findings SET current_deadline = ?",
                       [(TODAY + timedelta(days=5)).isoformat()])
        ctx.db.execute("DELETE FROM signatures WHERE refused = 1")
        # … except these: 31 and 29 days overdue, two failed re-inspections, a refusal.
        for finding, days in ((open_[0], 31), (open_[1], 29)):
            ctx.db.execute("UPDATE findings SET current_deadline = ? WHERE id = ?",
                           [(TODAY - timedelta(days=days)).isoformat(), finding["id"]])
        stamp = record_stamp(ctx.device.id)
        for _ in range(2):
            reinspection = new_id()
            (source,) = ctx.db.query("SELECT * FROM inspections WHERE id = ?",
                                     [open_[2]["inspection_id"]])
            ctx.db["inspections"].insert(dict(
                source, id=reinspection, number=None, kind="reinspection", status="completed",
                follows_inspection_id=source["id"], **stamp))
            ctx.db["reinspection_results"].insert({
                "id": new_id(), "reinspection_id": reinspection, "finding_id": open_[2]["id"],
                "result": "not_rectified", **stamp})
        ctx.db["signatures"].insert({
            "id": new_id(), "inspection_id": open_[3]["inspection_id"], "role": "company",
            "signer_name": "王建国", "refused": 1, "signed_at": "2026-06-01T10:00", **stamp})
    yield ctx, open_
    ctx.close()


def test_the_list_names_overdue_reopened_and_refused_hazards(setup):
    ctx, open_ = setup
    repo = EscalationRepo(ctx.db, ctx.device.id)
    listed = {r["id"]: r["reason"] for r in repo.candidates(TODAY)}
    assert listed[open_[0]["id"]] == "overdue"
    assert open_[1]["id"] not in listed            # still within the 30-day grace
    assert listed[open_[2]["id"]] == "reopened"
    refused = {r["id"] for r in repo.candidates(TODAY) if r["reason"] == "refused"}
    assert open_[3]["id"] in refused
    assert all(r["reason"] == "refused" for r in repo.candidates(TODAY)
               if r["id"] not in (open_[0]["id"], open_[2]["id"]))
    # A shorter grace brings the second one in.
    repo.set_grace_days(20)
    assert open_[1]["id"] in {r["id"] for r in repo.candidates(TODAY)}


def test_a_decision_takes_the_hazard_off_the_list(setup, capsys):
    ctx, open_ = setup
    root = str(ctx.data_dir.root)
    ctx.close()
    target = open_[0]["id"]
    assert main(["--data-dir", root, "escalations", "decide", "--finding", target,
                 "--measure", "case", "--date", "2026-06-18"]) == 1
    assert "needs its case number" in capsys.readouterr().err
    assert main(["--data-dir", root, "escalations", "decide", "--finding", target[:12],
                 "--measure", "case", "--date", "2026-06-18", "--case-number",
                 "泉台应急罚〔2026〕3号", "--fine", "30000"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", root, "escalations", "list", "--today", "2026-06-20",
                 "--json"]) == 0
    assert target not in {r["id"] for r in json.loads(capsys.readouterr().out)}
    assert main(["--data-dir", root, "escalations", "decided", "--json"]) == 0
    (decided,) = json.loads(capsys.readouterr().out)
    assert (decided["measure"], decided["case_number"], decided["fine_amount"]) == (
        "case", "泉台应急罚〔2026〕3号", 30000.0)
    assert decided["company_id"] == open_[0]["company_id"]


def test_bad_decisions_are_refused(setup):
    ctx, open_ = setup
    repo = EscalationRepo(ctx.db, ctx.device.id)
    with pytest.raises(ValidationError, match="not a date"):
        repo.record(Decision(open_[0]["company_id"], "overdue", "exposure", "18.6.2026"))
    with pytest.raises(ValidationError, match="negative"):
        repo.record(Decision(open_[0]["company_id"], "overdue", "closure", "2026-06-18",
                             fine_amount=-1))
    with pytest.raises(ValidationError, match="'jail' is not a valid Measure"):
        repo.record(Decision(open_[0]["company_id"], "overdue", "jail", "2026-06-18"))
    assert repo.decisions() == []
