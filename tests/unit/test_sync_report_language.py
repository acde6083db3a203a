"""What an import says (its counts and its notes) is in the reader's language: on the command
line run in Chinese, and on the Sync page, which shows the stored report of every import."""

from __future__ import annotations

import json

from inspector_app.cli import main
from inspector_app.services.inspections import InspectionService
from inspector_app.services.sync import history
from inspector_app.services.sync.report import detail_lines, summary
from tests.unit.test_sync import ORG_PASS, laptop_work


def _import(world, bundle, lang, capsys) -> str:
    world.office.close()
    secret = world.root / "org-pass"
    secret.write_text(ORG_PASS)
    capsys.readouterr()
    assert main(["--lang", lang, "--data-dir", str(world.office.data_dir.root), "sync",
                 "import", str(bundle), "--passphrase-file", str(secret)]) == 0
    return capsys.readouterr().out


def test_sync_import_in_chinese_says_its_notes_in_chinese(world, capsys):
    laptop_work(world, world.a, photos=2)
    changed = sorted((world.a.data_dir.photos / "originals").rglob("*.jpg"))[0]
    changed.write_bytes(changed.read_bytes() + b"changed")  # travels as missing
    out = _import(world, world.export(world.a), "zh_CN", capsys)
    assert "已导入" in out and "新增 1" in out
    assert "发送方电脑上缺少 1 个照片文件" in out
    assert "photo file(s)" not in out and " added" not in out


def test_sync_import_in_english_reads_as_before(world, capsys):
    laptop_work(world, world.a, photos=1)
    out = _import(world, world.export(world.a), "en", capsys)
    assert out.startswith("Imported: ") and "inspection records: 1 added" in out


def test_the_sync_page_shows_a_conflict_note_in_the_readers_language(world):
    inspection = laptop_work(world, world.a)
    world.import_(world.export(world.a))
    InspectionService(world.office.db, world.office.device, "主任").set_note(
        inspection, "a1", "办公室修改")
    InspectionService(world.a.db, world.a.device, "张伟").set_note(inspection, "a1", "现场修改")
    world.import_(world.export(world.a))
    stored = json.loads(history(world.office.db)[0]["report"])
    chinese = "\n".join(summary(stored, "in", "zh_CN") + detail_lines(stored, "zh_CN"))
    assert "两个版本均已保留" in chinese and "请处理该冲突" in chinese
    assert "both versions kept" not in chinese
    english = "\n".join(summary(stored, "in", "en") + detail_lines(stored, "en"))
    assert "both versions kept" in english


def test_a_report_stored_before_notes_were_messages_still_shows_them():
    older = {"status": "imported", "file_name": "old.inspx", "kind": "laptop",
             "tables": {}, "notes": ["an English note of an older version"]}
    assert "  ! an English note of an older version" in detail_lines(older, "zh_CN")
    assert "an English note of an older version" in summary(older, "in", "zh_CN")


def test_a_row_the_database_here_refused_is_said_in_the_readers_language():
    # The tally keeps the skip by its English text (as the history row does, and as rows
    # stored before did); the Sync page and 'sync import' say it in the reader's words.
    from inspector_app.services.sync.report import (
        NOT_COPIED,
        REFUSED_HERE,
        ImportReport,
        refused_because,
    )

    report = ImportReport("a.inspx", kind="laptop")
    report.skipped("audit_log", refused_because(
        REFUSED_HERE, "UNIQUE constraint failed: audit_log.id"))
    report.skipped("findings", refused_because(
        NOT_COPIED, "NOT NULL constraint failed: findings.deadline"))
    stored = json.loads(json.dumps(report.to_json()))
    assert "refused here: UNIQUE constraint failed: audit_log.id" in json.dumps(stored)
    chinese = "\n".join(detail_lines(stored, "zh_CN"))
    assert "refused here" not in chinese and "not copied" not in chinese, chinese
    assert "constraint failed" not in chinese
    assert "本机已有另一条审计日志条目的ID与之相同" in chinese, chinese
    english = "\n".join(detail_lines(stored, "en"))
    assert "1 skipped (refused here: another audit log entry here has the same id)" in english
    assert "1 skipped (not copied: the rectification deadline of a hazard is missing)" \
        in english, english


def test_the_history_of_an_import_made_in_english_is_read_in_chinese(world, capsys):
    laptop_work(world, world.a)
    _import(world, world.export(world.a), "en", capsys)
    assert main(["--lang", "zh_CN", "--data-dir", str(world.office.data_dir.root), "sync",
                 "history", "--reports"]) == 0
    out = capsys.readouterr().out
    assert "已导入" in out and "新增 1" in out, out
    assert "Imported" not in out and " added" not in out


def test_a_refused_bundles_reason_within_a_reason_is_stored_to_be_said_in_chinese():
    # What the importer stores for a bundle whose photo is damaged: the photo's refusal is a
    # clause of the bundle's, and was stored as its English text.
    from inspector_app.i18n import N_, Clause
    from inspector_app.services.photos import PhotoRefused
    from inspector_app.services.sync.bundle import refuse
    from inspector_app.services.sync.importer import _as_message
    from inspector_app.services.sync.report import message_json, refusal_lines

    refused = refuse(N_("the photo {entry!r} is not accepted: {exc}"), entry="photos/a.jpg",
                     exc=Clause(PhotoRefused(N_("the image is damaged or incomplete ({exc})"),
                                             exc="broken data stream")))
    stored = json.loads(json.dumps({"status": "refused", "file_name": "a.inspx",
                                    "reason": message_json(_as_message(refused))},
                                   ensure_ascii=False, default=str))
    chinese = refusal_lines(stored, "zh_CN")[-1]
    assert "图片已损坏或不完整（broken data stream）" in chinese, chinese
    assert "damaged" not in chinese
    assert refusal_lines(stored, "en")[-1] == refused.localized("en")
