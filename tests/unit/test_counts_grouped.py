"""Counts a person reads are grouped by thousands in both languages: 100,000, not 100000."""

from inspector_app.i18n import count_text
from inspector_app.services.sync.report import summary


def test_a_count_is_grouped_by_thousands():
    assert [count_text(n) for n in (0, 999, 1000, 100_000, 1_234_567)] == [
        "0", "999", "1,000", "100,000", "1,234,567"]


def test_the_sync_report_groups_its_counts_in_both_languages():
    report = {"file_name": "a.inspx", "status": "imported", "device_name": "张伟的电脑",
              "signer": "张伟", "created_at": "2026-11-28T01:30:00.000Z",
              "photos_added": 25_000, "documents_added": 1_200,
              "tables": {"inspections": {"added": 100_000, "updated": 2_500},
                         "findings": {"added": 500_000}, "photos": {"added": 25_000}}}
    chinese = "\n".join(summary(report, "in", "zh_CN"))
    assert "新收到：100,000 项检查记录，500,000 项隐患，25,000 张照片" in chinese
    assert "2,500 项检查记录" in chinese
    english = "\n".join(summary(report, "in", "en"))
    assert "New: 100,000 inspection records, 500,000 hazards, 25,000 photos" in english
    assert "1,200 PDF documents stored" in english
    assert summary({"counts": {"companies": 1_500}}, "out", "en") == [
        "Written to the export file: 1,500 companies"]
