"""The demo writes its inspections in bulk; what it writes obeys the rules data typed in the
window obeys: signed records verify, nothing a completed record needs is missing, every change
is audited, hazards belong to their records, and a seed always gives the same data."""

import json
from datetime import date

import pytest

from inspector_app.domain.inspection import Status
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.demo import build_demo
from inspector_app.services.documents import record_content_fingerprint
from inspector_app.services.inspections import InspectionService
from inspector_app.services.signatures import SignatureService
from inspector_app.storage.photo_store import PhotoStore

TODAY = date(2026, 6, 1)


def _build(ctx, **kw):
    options = {"companies": 10, "inspections": 40, "seed": 7, "today": TODAY,
               "photos_per_inspection": 1}
    options.update(kw)
    return build_demo(ctx.db, ctx.device, ctx.data_dir.photos, **options)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    import inspector_app.services.demo as demo

    saved, demo.BATCH = demo.BATCH, 15  # several batches, the last one short
    try:
        ctx = AppContext(DataDir(tmp_path_factory.mktemp("demo-rules")))
        summary = _build(ctx)
    finally:
        demo.BATCH = saved
    yield ctx, summary
    ctx.close()


def _ids(db, status):
    return [r[0] for r in db.execute("SELECT id FROM inspections WHERE status = ?", [status])]


def test_signed_records_carry_current_signatures_of_everyone_who_must_sign(built):
    ctx, summary = built
    signatures = SignatureService(ctx.db, ctx.device)
    signed = _ids(ctx.db, "signed")
    assert len(signed) == summary.by_status["signed"] > 0
    for inspection_id in signed:
        current, stale = signatures.current_and_stale(inspection_id)
        assert current and not stale, inspection_id
        assert signatures.missing_signatures(inspection_id) == []
        # Each signature is tied to the content the record has now, read back from disk.
        now = record_content_fingerprint(ctx.db, inspection_id)
        assert {s.record_fingerprint for s in current} == {now}
        # Signed on site, when the inspection ended, not when the demo ran.
        ended = ctx.db.execute("SELECT ended_at FROM inspections WHERE id = ?",
                               [inspection_id]).fetchone()[0]
        assert all(s.signed_at[:7] == ended[:7] for s in current)


def test_completed_and_signed_records_miss_nothing(built):
    ctx, _ = built
    service = InspectionService(ctx.db, ctx.device)
    done = _ids(ctx.db, "completed") + _ids(ctx.db, "signed")
    assert done
    for inspection_id in done:
        assert service.missing(inspection_id) == [], inspection_id
        record = service.get(inspection_id)
        assert record.ended_at and record.ended_at > (record.started_at or "")


def test_every_answer_hazard_photo_signature_and_status_change_is_audited(built):
    ctx, _ = built
    db = ctx.db

    def audited(entity, action="create"):
        return {r[0] for r in db.execute(
            "SELECT entity_id FROM audit_log WHERE entity = ? AND action = ?",
            [entity, action])}

    assert {r[0] for r in db.execute("SELECT id FROM inspections")} <= audited("inspection")
    assert {r[0] for r in db.execute("SELECT id FROM findings")} <= audited("finding")
    assert {r[0] for r in db.execute("SELECT id FROM photos")} <= audited("photo")
    assert {r[0] for r in db.execute("SELECT id FROM signatures")} <= audited("signature")
    answered = db.execute("SELECT inspection_id, item_id FROM answers").fetchall()
    logged = set(db.execute("SELECT inspection_id, entity_id FROM audit_log "
                            "WHERE entity = 'answer' AND field = 'value'").fetchall())
    assert answered and set(answered) <= logged
    # A signed record went draft → completed → signed, each step in its history.
    for inspection_id in _ids(db, "signed"):
        steps = [r[0] for r in db.execute(
            "SELECT new_value FROM audit_log WHERE inspection_id = ? AND entity = 'inspection' "
            "AND field = 'status' ORDER BY rowid", [inspection_id])]
        assert steps == ["completed", "signed"]
    # Every hazard's status is where its audited moves took it.
    for finding_id, status in db.execute("SELECT id, status FROM findings"):
        moves = [r[0] for r in db.execute(
            "SELECT new_value FROM audit_log WHERE entity = 'finding' AND entity_id = ? "
            "AND field = 'status' ORDER BY rowid", [finding_id])]
        assert (moves[-1] if moves else "open") == status


def test_hazards_and_photos_belong_to_their_records(built):
    ctx, summary = built
    db = ctx.db
    assert db["findings"].count == summary.hazards
    # A hazard raised by an item is that item's non-compliant answer in the same record.
    for inspection_id, item_id in db.execute(
            "SELECT inspection_id, item_id FROM findings WHERE item_id IS NOT NULL"):
        value = db.execute("SELECT value FROM answers WHERE inspection_id = ? AND item_id = ?",
                           [inspection_id, item_id]).fetchone()
        assert value and json.loads(value[0]) == "non_compliant"
    # Hazards are numbered 1, 2, … within their record.
    for (seqs,) in db.execute("SELECT group_concat(seq) FROM (SELECT inspection_id, seq FROM "
                              "findings ORDER BY inspection_id, seq) GROUP BY inspection_id"):
        assert [int(s) for s in seqs.split(",")] == list(range(1, len(seqs.split(",")) + 1))
    stray = db.execute("SELECT COUNT(*) FROM photos p LEFT JOIN findings f "
                       "ON f.id = p.finding_id WHERE p.finding_id IS NOT NULL "
                       "AND (f.id IS NULL OR f.inspection_id != p.inspection_id)").fetchone()[0]
    assert stray == 0
    assert db["photos"].count == summary.photos > 0
    store = PhotoStore(ctx.data_dir.photos)
    for (sha,) in db.execute("SELECT DISTINCT sha256 FROM photos"):
        assert store.find_original(sha) is not None
    # Re-inspected hazards keep the order's deadline and carry the new one beside it.
    reopened = db.execute("SELECT deadline, current_deadline FROM findings "
                          "WHERE status = 'reopened'").fetchall()
    assert reopened and all(d and c and c > d for d, c in reopened)


def test_numbers_are_unique_and_rise_with_the_date(built):
    ctx, summary = built
    rows = ctx.db.execute("SELECT number FROM inspections ORDER BY started_at, rowid").fetchall()
    numbers = [r[0] for r in rows]
    assert len(set(numbers)) == len(numbers) == 40 + summary.reinspections and all(numbers)
    orders = [r[0] for r in ctx.db.execute("SELECT number FROM documents "
                                           "WHERE doc_type = 'order' ORDER BY issued_at")]
    assert len(set(orders)) == len(orders) == summary.orders > 0


def _content(ctx):
    db = ctx.db
    return (
        db.execute("SELECT number, status, place, started_at, ended_at, template_key "
                   "FROM inspections ORDER BY number").fetchall(),
        db.execute("SELECT i.number, a.item_id, a.value, a.note FROM answers a JOIN "
                   "inspections i ON i.id = a.inspection_id ORDER BY 1, 2").fetchall(),
        db.execute("SELECT i.number, f.seq, f.description, f.status, f.deadline, "
                   "f.current_deadline FROM findings f JOIN inspections i "
                   "ON i.id = f.inspection_id ORDER BY 1, 2").fetchall(),
        db.execute("SELECT i.number, p.sha256, p.original_name FROM photos p JOIN "
                   "inspections i ON i.id = p.inspection_id ORDER BY 1, 2, 3").fetchall(),
        # The orders and what the re-inspections found.
        db.execute("SELECT i.number, d.number, d.issued_at FROM documents d JOIN inspections i "
                   "ON i.id = d.inspection_id ORDER BY 1").fetchall(),
        db.execute("SELECT i.number, f.seq, r.result, r.new_deadline, r.note FROM "
                   "reinspection_results r JOIN inspections i ON i.id = r.reinspection_id "
                   "JOIN findings f ON f.id = r.finding_id ORDER BY 1, 2").fetchall(),
    )


def test_the_same_seed_gives_the_same_data(tmp_path):
    contents = []
    for n in range(2):
        ctx = AppContext(DataDir(tmp_path / f"d{n}"))
        _build(ctx, companies=5, inspections=12)
        contents.append(_content(ctx))
        ctx.close()
    assert contents[0] == contents[1]
    assert all(contents[0])


def test_an_interrupted_demo_keeps_whole_batches(ctx, monkeypatch):
    import inspector_app.services.demo as demo

    monkeypatch.setattr(demo, "BATCH", 4)
    built = demo.DemoBuilder._inspection
    calls = []

    def interrupted_in_the_third_batch(self, *args):
        calls.append(1)
        if len(calls) == 10:  # Ctrl-C while the third batch is being built
            raise KeyboardInterrupt
        return built(self, *args)

    monkeypatch.setattr(demo.DemoBuilder, "_inspection", interrupted_in_the_third_batch)
    done = []

    class Watcher:
        def progress(self, written, total, text=""):
            done.append((written, total))

        def check_cancelled(self):
            pass

    with pytest.raises(KeyboardInterrupt):
        _build(ctx, companies=3, inspections=12, progress=Watcher())
    assert done == [(4, 12), (8, 12)]
    assert ctx.db.execute("SELECT COUNT(*) FROM inspections WHERE kind != 'reinspection'"
                          ).fetchone()[0] == 8
    # Nothing half-written: every record has its answers and its history, a re-inspection
    # the record it follows, and no row of the interrupted batch is left.
    assert ctx.db.execute("SELECT COUNT(*) FROM inspections r LEFT JOIN inspections i "
                          "ON i.id = r.follows_inspection_id WHERE r.kind = 'reinspection' "
                          "AND i.id IS NULL").fetchone()[0] == 0
    for (inspection_id,) in ctx.db.execute("SELECT id FROM inspections "
                                           "WHERE kind != 'reinspection'"):
        assert ctx.db.execute("SELECT COUNT(*) FROM answers WHERE inspection_id = ?",
                              [inspection_id]).fetchone()[0]
    orphans = ctx.db.execute("SELECT COUNT(*) FROM audit_log WHERE inspection_id IS NOT NULL "
                             "AND inspection_id NOT IN (SELECT id FROM inspections)"
                             ).fetchone()[0]
    assert orphans == 0
    status = {r[0] for r in ctx.db.execute("SELECT status FROM inspections")}
    assert status <= {s.value for s in Status}


def test_the_command_reports_progress_on_stderr_and_what_an_interruption_kept(
        tmp_path, monkeypatch, capsys):
    import inspector_app.commands.demo as command
    import inspector_app.services.demo as demo
    from inspector_app.cli import main

    monkeypatch.setattr(demo, "BATCH", 5)
    monkeypatch.setattr(command, "PROGRESS_EVERY", 0.0)  # a line after every batch
    assert main(["--lang", "en", "--data-dir", str(tmp_path / "a"), "demo", "--companies", "2",
                 "--inspections", "10", "--seed", "3"]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("\n") == 1 and captured.out.startswith("demo: 2 companies")
    assert "demo: 5 of 10 inspections written" in captured.err
    assert "demo: 10 of 10 inspections written" in captured.err

    built = demo.DemoBuilder._inspection
    calls = []

    def interrupted(self, *args):
        calls.append(1)
        if len(calls) == 7:
            raise KeyboardInterrupt
        return built(self, *args)

    monkeypatch.setattr(demo.DemoBuilder, "_inspection", interrupted)
    assert main(["--lang", "en", "--data-dir", str(tmp_path / "b"), "demo", "--companies", "2",
                 "--inspections", "10", "--seed", "3"]) == 130
    err = capsys.readouterr().err
    assert "the 5 inspections written before are kept whole" in err


def test_ids_made_together_are_random_version_4_uuids():
    import uuid

    from inspector_app.domain.records import new_ids

    ids = new_ids(500)
    assert len(set(ids)) == 500
    for text in ids:
        value = uuid.UUID(text)
        assert str(value) == text and value.version == 4 and value.variant == uuid.RFC_4122


def test_ordered_ids_are_version_7_uuids_that_sort_as_they_were_made(monkeypatch):
    import uuid
    from datetime import UTC, datetime

    import inspector_app.domain.records as records

    ids = records.ordered_ids(3) + records.ordered_ids(5000)
    # The clock set back (a time server's correction) does not make later ids sort first.
    monkeypatch.setattr(records, "utcnow", lambda: datetime(2020, 1, 1, tzinfo=UTC))
    ids += records.ordered_ids(2)
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    for text in ids:
        value = uuid.UUID(text)
        assert str(value) == text and value.version == 7 and value.variant == uuid.RFC_4122



def test_the_demo_writes_its_records_in_the_order_of_their_keys(built):
    """Each batch's rows go at the end of their keys' indexes, not all over them: the answers
    and their audit entries, most of the rows, are written in the order of their ids."""
    ctx, _ = built
    for table, where in (("answers", ""), ("audit_log", "WHERE entity = 'answer'")):
        ids = [r[0] for r in ctx.db.execute(f"SELECT id FROM {table} {where} ORDER BY rowid")]
        assert len(ids) >= 40 and ids == sorted(ids), table


def test_the_demo_records_and_hazards_are_told_apart_by_the_start_of_their_ids(built):
    """The check code printed on a record's pages, and a hazard named to a command, are the
    start of an id: the demo's differ there, as the window's do."""
    ctx, _ = built
    for table in ("inspections", "findings"):
        ids = [r[0] for r in ctx.db.execute(f"SELECT id FROM {table}")]
        assert len(ids) >= 40 and len({i[:8] for i in ids}) == len(ids), table


def test_orders_and_re_inspections_follow_the_services_rules(built):
    """A district's circular counts orders (指令书) and re-inspections (复查): the demo has
    them, made as the window makes them, and the ledger's closed and reopened hazards are
    those its re-inspections closed and reopened."""
    from inspector_app.domain.numbering import DocType

    ctx, summary = built
    db = ctx.db
    assert summary.orders > 0 and summary.reinspections > 0
    orders = db.execute("SELECT inspection_id FROM documents WHERE doc_type = 'order'"
                        ).fetchall()
    assert len(orders) == summary.orders
    for (inspection_id,) in orders:
        ctx.documents.check(inspection_id, DocType.ORDER)  # refused: DocumentRefused
        kind, status = db.execute("SELECT kind, status FROM inspections WHERE id = ?",
                                  [inspection_id]).fetchone()
        assert (kind, status) == ("official", "signed")
    reinspections = db.execute(
        "SELECT id, follows_inspection_id, status, substr(started_at, 1, 10) FROM inspections "
        "WHERE kind = 'reinspection'").fetchall()
    assert len(reinspections) == summary.reinspections
    service = ctx.reinspection
    for reinspection_id, follows, status, day in reinspections:
        assert status == "completed" and service.missing(reinspection_id) == []
        # Completed only once everyone signed, on the results as they stand.
        assert ctx.signatures.missing_signers(reinspection_id) == [], reinspection_id
        current, stale = ctx.signatures.current_and_stale(reinspection_id)
        assert {s.record_fingerprint for s in current} == {
            record_content_fingerprint(db, reinspection_id)} and not stale
        info = service.get(reinspection_id)
        assert info.number and info.follows_id == follows and len(info.inspectors) >= 1
        if info.official:  # a re-inspection opinion can follow the order it re-checks
            ctx.documents.check(reinspection_id, DocType.REINSPECTION)
        for result in service.results(reinspection_id):
            finding = service.finding(result.finding_id)
            assert finding.reinspected_at is not None and finding.reinspected_at >= day
    # Every closed or reopened hazard was closed or reopened by a re-inspection's result.
    judged = {r[0] for r in db.execute("SELECT finding_id FROM reinspection_results")}
    for finding_id, status in db.execute(
            "SELECT id, status FROM findings WHERE status IN ('closed', 'reopened')"):
        assert finding_id in judged, status
    # And the figures of a circular say so (复查N次, 下达责令限期整改指令书N份).
    from inspector_app.domain.units import Period
    from inspector_app.storage.dispatch_stats import DispatchQuery, dispatch_table

    total = dispatch_table(db, DispatchQuery(Period(date(2025, 6, 1), TODAY), "town",
                                             as_of=TODAY)).total
    assert (total["reinspections"], total["orders"]) == (summary.reinspections, summary.orders)
