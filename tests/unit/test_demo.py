import json
from datetime import date

import pytest

from inspector_app.cli import main
from inspector_app.domain.company import validate_credit_code
from inspector_app.domain.finding import FindingStatus
from inspector_app.domain.inspection import Status
from inspector_app.errors import ValidationError
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.demo import (
    GM_STANDARD,
    HC_STANDARD,
    build_demo,
    credit_code,
    suggested_template_id,
)
from inspector_app.storage.photo_store import PhotoStore


def _build(ctx, **kw):
    # A fixed "today" as well as a seed: the dates, and with them the statuses, stay the same.
    options = {"companies": 8, "inspections": 16, "seed": 42, "today": date(2026, 6, 1)}
    options.update(kw)
    return build_demo(ctx.db, ctx.device, ctx.data_dir.photos, **options)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One demo database shared by the tests that only read it (a build takes a second)."""
    ctx = AppContext(DataDir(tmp_path_factory.mktemp("demo")))
    summary = _build(ctx)
    yield ctx, summary
    ctx.close()


def _asked(db) -> int:
    """The inspections asked for: re-inspections come beside them."""
    return db.execute("SELECT COUNT(*) FROM inspections WHERE kind != 'reinspection'"
                      ).fetchone()[0]


def test_demo_builds_companies_inspections_and_every_hazard_state(built):
    ctx, summary = built
    db = ctx.db
    assert db["companies"].count == 8 and summary.companies == 8
    assert _asked(db) == 16 == summary.inspections
    statuses = {r[0] for r in db.execute("SELECT status FROM inspections")}
    assert statuses == {s.value for s in Status}
    hazard_states = {r[0] for r in db.execute("SELECT status FROM findings")}
    assert hazard_states == {s.value for s in FindingStatus}
    # Every signed inspection is locked: the database itself refuses a change.
    signed = db.execute("SELECT id FROM inspections WHERE status = 'signed'").fetchall()
    assert signed
    for (inspection_id,) in signed:
        with pytest.raises(Exception, match="signed and locked"):
            db.execute("UPDATE inspections SET place = 'x' WHERE id = ?", [inspection_id])
    # Closed hazards carry their closure, and each state change is audited.
    closed = db.execute("SELECT closed_at, reinspection_result FROM findings "
                        "WHERE status = 'closed'").fetchall()
    assert all(c[0] and c[1] for c in closed)
    moves = db.execute("SELECT COUNT(*) FROM audit_log WHERE entity = 'finding' "
                       "AND field = 'status'").fetchone()[0]
    assert moves >= len(closed) * 2  # open → rectified → closed
    assert summary.by_hazard_status == {
        s: n for s, n in db.execute("SELECT status, COUNT(*) FROM findings GROUP BY status")}


def test_answers_are_mostly_compliant_and_hazards_completed(built):
    ctx, _ = built
    values = [json.loads(v) for (v,) in ctx.db.execute("SELECT value FROM answers")]
    checks = [v for v in values if v in ("compliant", "non_compliant", "not_applicable")]
    share = checks.count("compliant") / len(checks)
    assert 0.8 < share < 0.97
    assert "non_compliant" in checks and "not_applicable" in checks
    issued = ctx.db.execute(
        "SELECT f.requirement, f.responsible FROM findings f JOIN inspections i "
        "ON i.id = f.inspection_id WHERE i.status != 'draft'").fetchall()
    assert issued and all(r[0] and r[1] for r in issued)


def test_same_seed_same_companies(tmp_path):
    names = []
    for n in range(2):
        ctx = AppContext(DataDir(tmp_path / f"d{n}"))
        _build(ctx, companies=6, inspections=0, seed=2026)
        names.append([r[0] for r in ctx.db.execute(
            "SELECT name || credit_code FROM companies ORDER BY rowid")])
        ctx.close()
    assert names[0] == names[1] and len(set(names[0])) == 6


def test_companies_are_realistic(ctx):
    _build(ctx, companies=10, inspections=0)
    rows = ctx.db.execute("SELECT name, credit_code, town, industry, legal_rep, "
                          "contact_phone FROM companies").fetchall()
    for name, code, town, industry, legal_rep, phone in rows:
        assert name.endswith(("公司", "厂")) and town and industry and legal_rep
        assert validate_credit_code(code) is None, code
        assert len(phone) == 11 and phone.isdigit()


def test_credit_code_check_character():
    import random

    rng = random.Random(1)
    for _ in range(50):
        assert validate_credit_code(credit_code(rng)) is None
    # A published example code: 91350100M000100Y43.
    from inspector_app.domain.company import credit_check_char

    assert credit_check_char("91350100M000100Y4") == "3"


def test_template_suggestion():
    assert suggested_template_id("chemical") == HC_STANDARD
    assert suggested_template_id("commerce", ["hazardous_chemicals"]) == HC_STANDARD
    assert suggested_template_id("textile", ["combustible_dust"]) == GM_STANDARD
    assert suggested_template_id("commerce") == "fire-safety-routine"
    assert suggested_template_id(None) == "fire-safety-routine"


def test_photos_are_content_addressed(ctx):
    summary = _build(ctx, companies=2, inspections=2, photos_per_inspection=2)
    rows = ctx.db.execute("SELECT sha256, size_bytes FROM photos").fetchall()
    assert summary.photos == len(rows) >= 4
    store = PhotoStore(ctx.data_dir.photos)
    for sha, size in rows:
        path = store.find_original(sha)  # where the photo service keeps originals
        assert path is not None and path.stat().st_size == size
        assert path.read_bytes()[:2] == b"\xff\xd8"  # a JPEG


def test_negative_counts_are_refused(ctx):
    with pytest.raises(ValidationError):
        _build(ctx, companies=0, inspections=3)


def test_demo_command_prints_a_summary(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "demo", "--companies", "3", "--inspections", "4",
                 "--seed", "5"]) == 0
    captured = capsys.readouterr()
    out = captured.out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith("demo: 3 companies")
    assert "4 inspections" in out[0] and "(seed 5)" in out[0]
    # A computer with neither the organisation's key nor an office's identity is told what
    # its own units mean for the office.
    assert "not enrolled with an office yet" in captured.err
    assert "plans and stations naming its own units stay here" in captured.err.replace("\n", " ")


def test_an_enrolled_laptops_demo_says_what_it_left_to_the_office(tmp_path, capsys,
                                                                 monkeypatch):
    import inspector_app.commands.demo as command
    from inspector_app.services.demo import DemoSummary

    monkeypatch.setattr(command, "build_demo",
                        lambda *a, **kw: DemoSummary(seed=1, registry="laptop", set_up=True))
    assert main(["--lang", "en", "--data-dir", str(tmp_path), "demo"]) == 0
    err = capsys.readouterr().err
    assert "units, campaigns and emergency plan deadlines were left to the office" in err


def test_district_preset_asks_for_a_district_and_counts_override_it(tmp_path, monkeypatch,
                                                                    capsys):
    import inspector_app.commands.demo as command
    from inspector_app.services.demo import DemoSummary

    asked = []

    def fake_build(db, device, photos_dir, **kw):
        asked.append((kw["companies"], kw["inspections"]))
        return DemoSummary(seed=1)

    monkeypatch.setattr(command, "build_demo", fake_build)
    assert main(["--data-dir", str(tmp_path), "demo", "--preset", "district"]) == 0
    assert main(["--data-dir", str(tmp_path), "demo", "--preset", "district",
                 "--inspections", "500"]) == 0
    assert main(["--data-dir", str(tmp_path), "demo"]) == 0
    assert asked == [(2000, 20000), (2000, 500), (20, 40)]


def test_a_batch_boundary_loses_nothing(ctx, monkeypatch):
    import inspector_app.services.demo as demo

    monkeypatch.setattr(demo, "BATCH", 3)  # several batches of companies and of inspections
    summary = _build(ctx, companies=7, inspections=10)
    assert ctx.db["companies"].count == 7 == summary.companies
    assert _asked(ctx.db) == 10 == summary.inspections


def test_no_visit_starts_or_ends_after_now(ctx):
    # Visits on the last day fell at 08:30-16:00 China time whatever the clock said, so a
    # demo made in the morning had inspections still to come. A "today" a month ahead puts
    # about a sixth of them after this moment unless they are moved back.
    from datetime import UTC, datetime, timedelta

    _build(ctx, companies=8, inspections=60, today=date.today() + timedelta(days=30))
    now = datetime.now(UTC)
    rows = ctx.db.execute("SELECT kind, started_at, ended_at FROM inspections").fetchall()
    assert len(rows) >= 60
    for kind, started, ended in rows:
        assert datetime.fromisoformat(started) <= now, (kind, started)
        assert ended is None or datetime.fromisoformat(ended) <= now, (kind, ended)


def test_demo_signatures_stay_within_the_pad():
    import random

    from inspector_app.services.demo import DEMO_PAD, demo_signature

    for seed in range(40):
        strokes, _png = demo_signature(random.Random(seed))
        xs = [p[0] for stroke in strokes for p in stroke]
        ys = [p[1] for stroke in strokes for p in stroke]
        assert min(xs) >= 0 and max(xs) <= DEMO_PAD[0], seed
        assert min(ys) >= 0 and max(ys) <= DEMO_PAD[1], seed
