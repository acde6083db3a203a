"""The emergency registry end to end: a town files its plan, another has not started, a
drill's problems become tracked tasks, attachments are checked before anything is stored."""

from __future__ import annotations

import io
import json
import os
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image
from reportlab.pdfgen import canvas

from inspector_app.cli import main
from inspector_app.errors import ValidationError
from inspector_app.services.attachments import AttachmentRefused
from inspector_app.services.emergency import EmergencyService
from inspector_app.storage.units_repo import UnitRepo
from tests.pdf_scenarios import pdf_text

TODAY = date(2026, 12, 5)


def run(*args: str) -> int:
    return main(["--lang", "zh_CN", *args])


def out_json(capsys, *args: str):
    capsys.readouterr()
    assert run(*args) == 0
    return json.loads(capsys.readouterr().out)


def pdf_bytes(encrypt: str | None = None) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=encrypt)
    c.drawString(72, 720, "plan")
    c.save()
    return buf.getvalue()


def docx_bytes(extra: bytes = b"") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
        if extra:
            z.writestr("word/media/blob.bin", extra)
    return buf.getvalue()


def jpeg_bytes() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), "red").save(buf, "JPEG")
    return buf.getvalue()


@pytest.fixture
def svc(ctx):
    units = UnitRepo(ctx.db, ctx.device.id)
    units.add("洛阳镇", "town")
    units.add("张坂镇", "town")
    return EmergencyService(ctx.db, ctx.device.id, ctx.data_dir)


def unit_id(svc, name):
    return svc.units.find(name).id


def test_a_town_files_its_plan_and_another_has_not_started(svc):
    luoyang, zhangban = unit_id(svc, "洛阳镇"), unit_id(svc, "张坂镇")
    plan = svc.add_plan(title="洛阳镇生产安全事故综合应急预案", plan_type="comprehensive",
                        unit_id=luoyang)
    for unit in (luoyang, zhangban):
        svc.set_deadline(unit, "2026-11-30", "11月底前全面完成预案编制、修订")
    svc.set_status(plan["id"], "drafting", "2026-08-01")
    svc.set_status(plan["id"], "reviewed", "2026-09-10")
    with pytest.raises(ValidationError, match="not issued yet"):
        svc.record_filing(plan["id"], authority="区应急管理局", number="X-1",
                          filed_on="2026-10-01")
    svc.set_status(plan["id"], "issued", "2026-09-20")
    with pytest.raises(ValidationError, match="filing number") as refused:
        svc.record_filing(plan["id"], authority="区应急管理局", number=" ", filed_on="2026-10-01")
    assert "备案编号" in refused.value.localized("zh_CN")  # the field named in Chinese too
    svc.record_filing(plan["id"], authority="区应急管理局", number="350521-2026-017",
                      filed_on="2026-10-08")

    progress = {p.unit_name: p for p in svc.unit_progress(TODAY)}
    assert progress["洛阳镇"].progress == "done" and not progress["洛阳镇"].overdue
    assert progress["张坂镇"].progress == "not_started" and progress["张坂镇"].overdue
    [view] = svc.plan_views(TODAY)
    assert view.row["status"] == "filed" and view.row["filing_number"] == "350521-2026-017"
    assert view.revision_due == date(2029, 9, 20)


def test_dates_out_of_order_are_refused_and_nothing_changes(svc):
    plan = svc.add_plan(title="专项预案", plan_type="special", unit_id=unit_id(svc, "洛阳镇"),
                        status="reviewed", compiled_on="2026-05-01", reviewed_on="2026-06-01")
    with pytest.raises(ValidationError, match="dates must follow"):
        svc.set_status(plan["id"], "issued", "2026-05-15")
    assert svc.repo.plan(plan["id"])["status"] == "reviewed"
    with pytest.raises(ValidationError, match="not a date"):
        svc.add_plan(title="x", plan_type="special", unit_id=unit_id(svc, "洛阳镇"),
                     issued_on="2026-02-30")


def test_a_filed_plan_does_not_move_back_and_keeps_its_filing(svc):
    plan = svc.add_plan(title="综合预案", plan_type="comprehensive",
                        unit_id=unit_id(svc, "洛阳镇"), status="issued", issued_on="2026-09-01")
    svc.record_filing(plan["id"], authority="区应急管理局", number="B-1", filed_on="2026-09-15")
    for back in ("not_started", "reviewed", "issued"):
        with pytest.raises(ValidationError, match="Filed: a plan's status only moves forward"):
            svc.set_status(plan["id"], back, "2026-10-01")
    kept = svc.repo.plan(plan["id"])
    assert (kept["status"], kept["filing_number"], kept["issued_on"]) == (
        "filed", "B-1", "2026-09-01")


def test_a_review_or_issue_still_to_come_is_refused_in_the_service_and_on_the_command_line(
        svc, capsys):
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    plan = svc.add_plan(title="防汛预案", plan_type="special", unit_id=unit_id(svc, "洛阳镇"),
                        status="drafting", compiled_on="2026-05-01")
    with pytest.raises(ValidationError, match=r"issue date .* still to come"):
        svc.set_status(plan["id"], "issued", tomorrow)
    with pytest.raises(ValidationError, match=r"review date .* still to come"):
        svc.add_plan(title="x", plan_type="special", unit_id=unit_id(svc, "洛阳镇"),
                     status="reviewed", reviewed_on=tomorrow)
    with pytest.raises(ValidationError, match=r"evaluation date .* still to come"):
        svc.record_evaluation(plan["id"], tomorrow)
    assert svc.repo.plan(plan["id"])["status"] == "drafting"
    assert [p["title"] for p in svc.plans()] == ["防汛预案"]
    # The command line says the same, in one line, and changes nothing.
    assert run("plans-registry", "status", "防汛预案", "issued", "--on", tomorrow) == 1
    assert "尚未到来" in capsys.readouterr().err
    assert svc.repo.plan(plan["id"])["status"] == "drafting"
    svc.set_status(plan["id"], "issued", date.today().isoformat())   # today is not ahead
    assert svc.repo.plan(plan["id"])["issued_on"] == date.today().isoformat()


def test_a_drill_problem_becomes_a_tracked_task(svc):
    plan = svc.add_plan(title="现场处置方案", plan_type="onsite", unit_id=unit_id(svc, "洛阳镇"),
                        status="issued", issued_on="2026-01-10")
    assert [v.id for v in svc.behind_on_drills(TODAY)] == [plan["id"]]   # never drilled
    drill = svc.add_drill(plan_id=plan["id"], held_on="2026-11-20", form="live",
                          scope="single", organiser="洛阳镇应急办", participants="32人",
                          scenario="仓库火灾", went_well="疏散及时",
                          problems=[{"problem": "对讲机信号中断", "due_on": "2026-12-01",
                                     "responsible": "王五"}])
    assert svc.behind_on_drills(TODAY) == []
    [(task, overdue)] = svc.open_tasks(TODAY)
    assert task["problem"] == "对讲机信号中断" and task["drill_id"] == drill["id"] and overdue
    svc.close_task(task["id"], "2026-12-04", "换用数字对讲机", today=TODAY)
    assert svc.open_tasks(TODAY) == []
    with pytest.raises(ValidationError, match="before the drill"):
        svc.add_task(drill["id"], {"problem": "x", "due_on": "2026-11-01"})


def test_attachments_stored_once_by_hash(svc, tmp_path):
    plan = svc.add_plan(title="p", plan_type="special", unit_id=unit_id(svc, "洛阳镇"))
    f = tmp_path / "预案.pdf"
    f.write_bytes(pdf_bytes())
    a = svc.attach("plan", plan["id"], f)
    b = svc.attach("plan", plan["id"], f)
    assert a["id"] == b["id"] and a["media"] == "pdf"
    stored = list(svc.store.folder.iterdir())
    assert [p.name for p in stored] == [f"{a['sha256']}.pdf"]
    d = tmp_path / "plan.docx"
    d.write_bytes(docx_bytes())
    assert svc.attach("plan", plan["id"], d)["media"] == "docx"


def _bad_files(tmp_path: Path) -> list[tuple[Path, str]]:
    video = tmp_path / "drill.pdf"
    with video.open("wb") as fh:          # sparse: 200 MB on paper, nothing on disk
        fh.truncate(200 * 1024 * 1024)
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(pdf_bytes(encrypt="secret"))
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(docx_bytes(b"\0" * (20 * 1024 * 1024)))
    renamed = tmp_path / "clip.pdf"
    renamed.write_bytes(b"\x00\x00\x00\x18ftypmp42" + os.urandom(256))
    return [(video, "over the 50 MB limit"), (locked, "password-protected"),
            (bomb, "zip bomb"), (renamed, "not a PDF, Word")]


def test_bad_attachments_are_refused_with_a_reason_and_nothing_changes(svc, tmp_path):
    plan = svc.add_plan(title="p", plan_type="special", unit_id=unit_id(svc, "洛阳镇"))
    before = svc.repo.plan(plan["id"])
    for path, reason in _bad_files(tmp_path):
        with pytest.raises(AttachmentRefused, match=reason) as exc:
            svc.attach("plan", plan["id"], path)
        assert path.name in str(exc.value)
    assert svc.repo.files("plan", plan["id"]) == []
    assert not svc.store.folder.exists() or not any(svc.store.folder.iterdir())
    assert svc.repo.plan(plan["id"]) == before


def png_bytes() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), "red").save(buf, "PNG")
    return buf.getvalue()


@pytest.mark.parametrize("name, damage, reason", [
    # The image header's chunk says 12 bytes where it holds 13.
    ("scan.png", lambda: png_bytes()[:8] + (12).to_bytes(4, "big") + png_bytes()[12:],
     "a damaged image that cannot be read"),
    # A Word file whose parts say they need a zip version from the future.
    ("plan.docx", lambda: _future_zip(docx_bytes()), "a damaged Word"),
])
def test_a_damaged_file_is_refused_with_its_name_not_a_crash(svc, tmp_path, name, damage,
                                                              reason):
    plan = svc.add_plan(title="p", plan_type="special", unit_id=unit_id(svc, "洛阳镇"))
    path = tmp_path / name
    path.write_bytes(damage())
    with pytest.raises(AttachmentRefused, match=f"{name}: {reason}"):
        svc.attach("plan", plan["id"], path)
    assert svc.repo.files("plan", plan["id"]) == []


def _future_zip(data: bytes) -> bytes:
    damaged = bytearray(data)
    at = damaged.find(b"PK\x01\x02")  # the first part's entry in the table of contents
    damaged[at + 6:at + 8] = (84).to_bytes(2, "little")
    return bytes(damaged)


def test_a_traversal_name_never_becomes_a_path(svc, tmp_path):
    plan = svc.add_plan(title="p", plan_type="special", unit_id=unit_id(svc, "洛阳镇"))
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (tmp_path / "x.pdf").write_bytes(pdf_bytes())
    row = svc.attach("plan", plan["id"], nested / ".." / ".." / "x.pdf")
    assert row["name"] == "x.pdf"
    assert svc.store.path(row["sha256"], "pdf").parent == svc.store.folder
    with pytest.raises(AttachmentRefused, match="must not contain folders"):
        svc.attach("plan", plan["id"], tmp_path / "x.pdf", name="../../x.pdf")


def test_a_drill_takes_photos_not_documents(svc, tmp_path):
    plan = svc.add_plan(title="p", plan_type="onsite", unit_id=unit_id(svc, "洛阳镇"))
    drill = svc.add_drill(plan_id=plan["id"], held_on="2026-11-20", form="tabletop",
                          scope="single")
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(jpeg_bytes())
    assert svc.attach("drill", drill["id"], photo)["media"] == "jpeg"
    doc = tmp_path / "a.pdf"
    doc.write_bytes(pdf_bytes())
    with pytest.raises(ValidationError, match="takes photos"):
        svc.attach("drill", drill["id"], doc)


def test_station_milestones_late_and_checked(svc):
    station = svc.add_station(name="洛阳镇应急管理站", kind="town",
                              unit_id=unit_id(svc, "洛阳镇"),
                              dues={"design": "2026-05-31", "platform": "2026-07-31"})
    svc.set_milestone(station["id"], "design", status="done", done_on="2026-05-31")
    late = svc.late_milestones(date(2026, 8, 1))
    assert [m["milestone"] for m in late] == ["platform"]
    svc.add_check(station["id"], checked_on="2026-08-02", checker="区应急局督导组",
                  findings="平台未接入")
    assert svc.repo.stations()[0]["last_check"] == "2026-08-02"


def test_cli_walkthrough_with_json(capsys, tmp_path):
    assert run("units", "add", "洛阳镇", "--kind", "town") == 0
    assert run("units", "add", "张坂镇", "--kind", "town") == 0
    assert run("plans-registry", "add", "洛阳镇综合应急预案", "--type", "comprehensive",
               "--unit", "洛阳镇", "--status", "issued", "--issued", "2026-09-01") == 0
    assert run("plans-registry", "file", "洛阳镇综合应急预案", "--authority", "区应急管理局",
               "--number", "2026-01", "--date", "2026-09-15") == 0
    assert run("plans-registry", "deadline", "张坂镇", "2026-11-30") == 0
    progress = out_json(capsys, "plans-registry", "progress", "--json", "--today", "2026-12-05")
    assert {(p["unit"], p["progress"], p["overdue"]) for p in progress} == {
        ("洛阳镇", "done", False), ("张坂镇", "not_started", True)}
    photo = tmp_path / "p.jpg"
    photo.write_bytes(jpeg_bytes())
    made = out_json(capsys, "drills", "add", "洛阳镇综合应急预案", "--date", "2026-10-10",
                    "--form", "live", "--scope", "comprehensive", "--problem",
                    "物资不足|2026-12-31|李四", "--photo", str(photo), "--json")
    assert made["tasks"] == 1 and made["photos"] == 1
    [task] = out_json(capsys, "drills", "tasks", "--json", "--today", "2026-12-05")
    assert task["problem"] == "物资不足" and not task["overdue"]
    [plan] = out_json(capsys, "plans-registry", "list", "--json")
    assert plan["status"] == "filed" and plan["last_drill"] == "2026-10-10"
    assert plan["drill_due"] == "2027-10-10"
    rules = out_json(capsys, "plans-registry", "rules", "--revision-years", "5", "--json")
    assert rules["revision_years"] == 5
    [plan] = out_json(capsys, "plans-registry", "list", "--json")
    assert plan["revision_due"] == "2031-09-01"


def test_cli_refuses_a_bad_attachment_in_one_line(capsys, tmp_path):
    assert run("units", "add", "洛阳镇", "--kind", "town") == 0
    assert run("plans-registry", "add", "P", "--type", "special", "--unit", "洛阳镇") == 0
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(pdf_bytes(encrypt="pw"))
    capsys.readouterr()
    assert run("plans-registry", "attach", "P", str(locked)) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "locked.pdf" in err and "密码" in err



def test_the_circular_names_who_is_done_who_has_not_started_and_the_drills(capsys, tmp_path):
    from openpyxl import load_workbook

    assert run("units", "add", "洛阳镇", "--kind", "town") == 0
    assert run("units", "add", "张坂镇", "--kind", "town") == 0
    for unit in ("洛阳镇", "张坂镇"):
        assert run("plans-registry", "deadline", unit, "2026-11-30") == 0
    assert run("plans-registry", "add", "洛阳镇综合应急预案", "--type", "comprehensive",
               "--unit", "洛阳镇", "--status", "issued", "--issued", "2026-09-01") == 0
    assert run("plans-registry", "file", "洛阳镇综合应急预案", "--authority", "区应急管理局",
               "--number", "2026-01", "--date", "2026-09-15") == 0
    assert run("drills", "add", "洛阳镇综合应急预案", "--date", "2026-10-10", "--form",
               "tabletop", "--scope", "comprehensive") == 0
    pdf, xlsx = tmp_path / "c.pdf", tmp_path / "c.xlsx"
    assert run("plans-registry", "circular", str(pdf), "--today", "2026-12-05") == 0
    assert run("plans-registry", "circular", str(xlsx), "--today", "2026-12-05") == 0
    text = pdf_text(pdf)
    assert "关于全区应急预案编修工作情况的通报" in text and "安办〔2026〕1号" in text
    assert "已完成预案编制、修订并备案的1个" in text and "尚未启动的1个" in text
    assert "张坂镇：完成时限2026年11月30日，尚未启动预案编制。" in text
    # The table writes the deadline as the sentences do, whole on its line.
    assert "1 洛阳镇 1 1 0 0 2026年11月30日 已完成 1" in text.splitlines()
    assert "洛阳镇1次" in text
    ws = load_workbook(xlsx).active
    assert ws["A1"].value == "关于全区应急预案编修工作情况的通报"   # one circular, one title
    assert ws["A2"].value == "安办〔2026〕1号　截至2026年12月5日"   # the day as the PDF writes it
    assert ws.print_title_rows == "$3:$3"
    rows = {r[1]: r for r in ws.iter_rows(min_row=4, values_only=True) if r[1]}
    assert rows["洛阳镇"][3] == 1 and rows["洛阳镇"][7] == "已完成" and rows["洛阳镇"][9] == 1
    assert rows["张坂镇"][7] == "未启动" and rows["张坂镇"][8] == "是"
    # The same day's circular as PDF and as xlsx is one document with one number; the next
    # day's is a new circular.
    assert "安办〔2026〕1号" in ws.cell(2, 1).value
    assert run("plans-registry", "circular", str(pdf), "--today", "2026-12-06") == 0
    assert "安办〔2026〕2号" in pdf_text(pdf)
    # The same day with other figures (a plan registered since) is another circular.
    assert run("plans-registry", "add", "洛阳镇防汛专项应急预案", "--type", "special",
               "--unit", "洛阳镇") == 0
    assert run("plans-registry", "circular", str(pdf), "--today", "2026-12-06") == 0
    assert "安办〔2026〕3号" in pdf_text(pdf)
    capsys.readouterr()
    assert run("plans-registry", "circular", str(tmp_path / "c.docx")) == 1
    assert ".pdf 或 .xlsx" in capsys.readouterr().err


def test_the_circular_table_shows_its_words_and_dates_whole_in_english(tmp_path):
    """A text cell beside a filled one is cut at its column's edge in a spreadsheet: every
    column of the table is as wide as its longest text (the unit's name wraps in its own)."""
    from openpyxl import load_workbook

    assert run("units", "add", "洛阳镇", "--kind", "town") == 0
    assert run("plans-registry", "deadline", "洛阳镇", "2026-11-30") == 0
    assert run("plans-registry", "add", "洛阳镇综合应急预案", "--type", "comprehensive",
               "--unit", "洛阳镇", "--status", "drafting") == 0
    xlsx = tmp_path / "c.xlsx"
    assert main(["--lang", "en", "plans-registry", "circular", str(xlsx),
                 "--today", "2026-12-05"]) == 0
    ws = load_workbook(xlsx).active
    assert [c.value for c in ws[3]][6:8] == ["Deadline", "Progress"]
    # Excel shows a column the file gives no width 8.43 characters wide.
    widths = {i: d.width for d in ws.column_dimensions.values()
              for i in range(d.min, d.max + 1)}
    for index in range(3, 11):
        longest = max(len(str(row[0].value)) for row in
                      ws.iter_rows(min_row=3, min_col=index, max_col=index)
                      if row[0].value is not None)
        assert widths.get(index, 8.43) >= longest, ws.cell(3, index).value


def test_a_unit_named_like_a_formula_is_text_in_the_circular_table(tmp_path):
    from openpyxl import load_workbook

    trick = '=HYPERLINK("http://x","镇")'
    assert run("units", "add", trick, "--kind", "town") == 0
    xlsx = tmp_path / "c.xlsx"
    assert run("plans-registry", "circular", str(xlsx), "--today", "2026-12-05") == 0
    ws = load_workbook(xlsx).active
    cells = [c for row in ws.iter_rows(min_row=4) for c in row if c.value == trick]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_a_unit_and_plan_named_with_mark_up_print_as_text_in_the_circular(tmp_path):
    town, title = "<b>洛阳镇<font size=30>", '<a href="file:///etc/passwd">预案</a>'
    assert run("units", "add", town, "--kind", "town") == 0
    assert run("plans-registry", "deadline", town, "2026-11-30") == 0
    assert run("plans-registry", "add", title, "--type", "special", "--unit", town) == 0
    pdf = tmp_path / "c.pdf"
    assert run("plans-registry", "circular", str(pdf), "--today", "2026-12-05") == 0
    text = pdf_text(pdf).replace("\n", "")
    assert town in text and title in text
    assert b"/URI" not in pdf.read_bytes()


def test_every_plan_change_is_in_the_audit_log(svc):
    plan = svc.add_plan(title="P", plan_type="special", unit_id=unit_id(svc, "洛阳镇"),
                        status="issued", issued_on="2026-09-01")
    svc.record_filing(plan["id"], authority="区应急管理局", number="N-1", filed_on="2026-09-15")
    rows = svc.db.execute("SELECT action, field, old_value, new_value FROM audit_log "
                          "WHERE entity_id = ? ORDER BY at, rowid", [plan["id"]]).fetchall()
    assert rows[0][0] == "create"
    assert ("update", "status", "issued", "filed") in rows
    assert ("update", "filing_number", "", "N-1") in rows


@pytest.mark.parametrize(("kind", "en", "zh"), [("drill", "a drill", "演练"),
                                                ("milestone", "a milestone", "节点"),
                                                ("check", "a station check", "站点督导")])
def test_a_file_that_is_not_a_photo_is_refused_naming_what_takes_photos_in_words(kind, en, zh):
    from inspector_app import i18n
    from inspector_app.services.attachments import CheckedFile

    report = CheckedFile("会议纪要.pdf", "pdf", "0" * 64, b"%PDF-1.4")
    with pytest.raises(ValidationError) as caught:
        EmergencyService.refuse_non_photos(kind, [report])
    assert f"会议纪要.pdf: {en} takes photos" in caught.value.localized("en")
    i18n.set_language("zh_CN")
    shown = caught.value.localized()
    assert zh in shown and kind not in shown, shown


def test_a_drill_whose_photo_finds_the_disk_full_is_recorded_once_when_run_again(
        capsys, tmp_path, data_dir, monkeypatch):
    """On the command line as in the window: the drill is saved with its photos or not at
    all, so the same command run again once space is freed records one drill."""
    import errno

    from inspector_app.storage import attachment_store

    real = attachment_store.write_atomic
    room: list[int | None] = [1]

    def write(target, data, **kwargs):
        if room[0] is not None:
            if room[0] == 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
            room[0] -= 1
        return real(target, data, **kwargs)

    monkeypatch.setattr(attachment_store, "write_atomic", write)
    assert run("units", "add", "洛阳镇", "--kind", "town") == 0
    assert run("plans-registry", "add", "P", "--type", "comprehensive", "--unit", "洛阳镇",
               "--status", "issued", "--issued", "2026-09-01") == 0
    first, second = tmp_path / "a.jpg", tmp_path / "b.png"
    first.write_bytes(jpeg_bytes())
    second.write_bytes(png_bytes())
    drill = ["drills", "add", "P", "--date", "2026-10-10", "--form", "live", "--scope",
             "single", "--problem", "物资不足|2026-12-31", "--photo", str(first), "--photo",
             str(second)]
    capsys.readouterr()
    assert main(drill) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "b.png" in err and "disk is full" in err
    assert str(data_dir.root / "emergency_files") in err and "nothing was saved" in err
    assert out_json(capsys, "drills", "list", "--json") == []
    room[0] = None
    assert main(drill) == 0
    [made] = out_json(capsys, "drills", "list", "--json")
    assert made["photos"] == 2 and made["tasks"] == 1


def test_a_date_that_is_not_one_is_named_in_chinese_on_the_command_line(capsys):
    # The field's name is a parameter of the message: it was English in a Chinese sentence.
    assert run("units", "add", "洛阳镇", "--kind", "town") == 0
    assert run("plans-registry", "add", "P", "--type", "special", "--unit", "洛阳镇",
               "--status", "issued", "--issued", "2026-09-01") == 0
    tries = [
        (["plans-registry", "file", "P", "--authority", "区应急管理局", "--number", "1",
          "--date", "2026-13-01"], "备案日期：'2026-13-01' 不是日期"),
        (["plans-registry", "evaluate", "P", "--date", "soon"], "评估日期：'soon' 不是日期"),
        (["plans-registry", "deadline", "洛阳镇", "2026-11-31"], "应急预案期限：'2026-11-31'"),
        (["drills", "add", "P", "--date", "2026-02-30", "--form", "live", "--scope", "single"],
         "演练日期：'2026-02-30' 不是日期"),
        (["drills", "add", "P", "--date", "2026-10-10", "--form", "live", "--scope", "single",
          "--problem", "物资不足|2026-12-32"], "问题'物资不足'的整改期限：'2026-12-32' 不是日期"),
    ]
    capsys.readouterr()
    for args, says in tries:
        assert run(*args) == 1, args
        err = capsys.readouterr().err
        assert says in err, err
        assert not any(word in err for word in ("date", "deadline")), err
