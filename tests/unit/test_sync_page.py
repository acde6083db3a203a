"""The Sync page: export and import in the background, history with reports."""

from __future__ import annotations

from inspector_app.ui.pages.sync import SyncPage
from tests.unit.test_sync import ORG_PASS, OWN, laptop_work


def test_export_then_import_through_the_page(qtbot, world):
    laptop_work(world, world.a)
    usb = world.root / "usb"
    usb.mkdir()
    laptop_page = SyncPage(world.a)
    qtbot.addWidget(laptop_page)
    with qtbot.waitSignal(laptop_page.finished, timeout=20_000) as done:
        laptop_page.export_to(usb, OWN)
    ok, text = done.args
    assert ok, text
    bundle = next(usb.glob("*.inspx"))
    assert bundle.name in text
    assert laptop_page.table.rowCount() == 1

    office_page = SyncPage(world.office)
    qtbot.addWidget(office_page)
    with qtbot.waitSignal(office_page.finished, timeout=20_000) as done:
        office_page.import_file(bundle, ORG_PASS)
    assert done.args[0], done.args[1]
    told = office_page.report.toPlainText()
    # What came in, in the user's words and local time: no table names, no UTC.
    assert "New: 1 inspection record, 2 hazards" in told, told
    assert "2 photos" in told and "1 company" in told
    for raw in ("inspection_inspectors", "trust_roots", "audit_log", "findings", "UTC"):
        assert raw not in told, raw
    office_page.table.selectRow(0)
    assert office_page.report.toPlainText() == told
    assert "UTC" not in office_page.table.horizontalHeaderItem(0).text()
    office_page.report_details.setChecked(True)
    assert "inspection records: 1 added" in office_page.report.toPlainText()
    office_page.report_details.setChecked(False)

    with qtbot.waitSignal(office_page.finished, timeout=20_000) as done:
        office_page.import_file(bundle, "wrong-passphrase-9")
    assert not done.args[0] and "passphrase" in done.args[1].lower()
    assert office_page.import_button.isEnabled()


def test_export_without_a_signing_identity_refuses_before_asking_for_a_folder(
        qtbot, ctx, monkeypatch):
    from PySide6.QtWidgets import QFileDialog
    asked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: asked.append(a) or ""))
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.finished) as done:
        page.choose_export()
    assert asked == []
    assert not done.args[0] and "no signing identity" in done.args[1]
    assert "no signing identity" in page.status.text()
    assert "(Tools → Signing identity…)" in page.status.text()


def test_the_sync_report_speaks_chinese_too():
    from inspector_app.services.sync.report import summary

    report = {"file_name": "a.inspx", "status": "imported", "device_name": "张伟的电脑",
              "signer": "张伟", "created_at": "2026-11-28T01:30:00.000Z", "photos_added": 12,
              "tables": {"inspections": {"added": 3, "updated": 1, "conflicts": 2},
                         "findings": {"added": 5}, "photos": {"added": 12},
                         "inspection_inspectors": {"added": 6}, "audit_log": {"added": 40},
                         "answers": {"skipped": {"identical": 9}}}}
    told = "\n".join(summary(report, "in", "zh_CN"))
    assert "新收到：3 项检查记录，5 项隐患，12 张照片" in told
    assert "2 个冲突" in told and "张伟的电脑" in told
    assert "inspection" not in told and "audit" not in told and "UTC" not in told


def test_the_sync_report_counts_in_english_and_each_language_alone():
    from inspector_app.services.sync.report import summary

    report = {"file_name": "a.inspx", "status": "dry run", "device_name": "laptop-1",
              "signer": "Zhang Wei", "created_at": "2026-11-28T01:30:00.000Z",
              "documents_added": 1,
              "tables": {"inspections": {"added": 1, "conflicts": 1}, "companies": {"updated": 2},
                         "answers": {"skipped": {"newer here": 3}}}}
    told = summary(report, "in", "en")
    assert told[0] == "Dry run: nothing was changed; an import would: a.inspx"
    assert "New: 1 inspection record" in told and "Updated: 2 companies" in told
    assert "1 PDF document stored" in told
    assert any(line.startswith("1 conflict (a draft changed") for line in told), told
    assert "3 items kept as they are here (newer here or signed)" in told
    assert not any(ch >= "\u4e00" for line in told for ch in line), told
    chinese = "\n".join(summary(report, "in", "zh_CN"))
    assert "试运行：未做任何更改" in chinese and "已更新：2 家企业" in chinese
    assert "保存了 1 份 PDF 文书" in chinese and "3 项保留了本机的版本" in chinese
    assert "kept" not in chinese and "Dry run" not in chinese
    assert summary({"counts": {}}, "out", "zh_CN") == ["已写入导出文件：无新内容"]
    assert summary({"counts": {"companies": 1}}, "out", "en") == [
        "Written to the export file: 1 company"]


def test_an_exports_details_name_what_it_carried_in_chinese(qtbot, qapp, world):
    from inspector_app.ui.fonts import register_fonts
    from inspector_app.ui.i18n import LanguageSwitcher

    laptop_work(world, world.a)
    usb = world.root / "usb"
    usb.mkdir()
    page = SyncPage(world.a)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.finished, timeout=20_000) as done:
        page.export_to(usb, OWN)
    assert done.args[0], done.args[1]
    register_fonts(qapp)
    switcher = LanguageSwitcher()
    switcher.apply("zh_CN")
    try:
        page.table.selectRow(0)
        page.report_details.setChecked(True)
        told = page.report.toPlainText()
        assert "检查记录: 1" in told and "隐患: 2" in told, told
        for raw in ("inspections", "findings", "audit_log"):
            assert raw not in told, told
    finally:
        switcher.apply("en")
