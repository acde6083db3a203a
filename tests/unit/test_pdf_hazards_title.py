"""The record's "Hazards found" title never stands alone at the foot of a page."""

from __future__ import annotations

from types import SimpleNamespace

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, SimpleDocTemplate

from inspector_app.domain.finding import Finding, FindingStatus, Grade
from inspector_app.services.pdf.layout import FRAME_W
from inspector_app.services.pdf.record import hazards_section, hazards_table


def finding(seq: int, words: int) -> Finding:
    return Finding(
        id=f"f{seq}", inspection_id="i", item_id=None, seq=seq,
        description="Requirement not met: " + "escape routes blocked " * words,
        grade=Grade.GENERAL, legal_basis="Fire Protection Law Art. 28; MPS Order 61 Art. 21",
        requirement="立即清理疏散通道并拆除障碍物", deadline="2026-12-17", responsible="郑静",
        onsite_measure=None, status=FindingStatus.OPEN, reinspection_result=None,
        reinspected_at=None, closed_at=None, origin_finding_id=None, created_at="2026-12-02")


def test_the_title_waits_for_room_for_the_first_hazard(tmp_path):
    first = finding(1, 12)  # a row taller than the usual 30 mm left under a title
    sheet = SimpleNamespace(lang="en", data=SimpleNamespace(
        record=SimpleNamespace(findings=[finding(2, 1), first])))
    story = hazards_section(sheet, "3. Hazards found")
    first_rows = hazards_table("en", [first]).wrap(FRAME_W, 1e9)[1]
    assert first_rows > 30 * mm
    assert isinstance(story[0], CondPageBreak) and story[0].height >= first_rows
    assert isinstance(story[1], Paragraph)
    SimpleDocTemplate(str(tmp_path / "r.pdf")).build(story)  # the section still lays out


def test_a_hazard_longer_than_half_a_page_still_lets_its_title_start_the_page():
    sheet = SimpleNamespace(lang="en", data=SimpleNamespace(
        record=SimpleNamespace(findings=[finding(1, 400)])))
    assert hazards_section(sheet, "3. Hazards found")[0].height <= 120 * mm
