"""The Verify dialog lists every signature of a countersigned PDF and names the one that fails."""

from __future__ import annotations

from inspector_app.ui.dialogs.verify_dialog import VerifyDialog
from tests.unit.test_pdf_verification import CASES, build
from tests.unit.test_pdf_verification import team as team


def test_each_signature_is_shown_with_its_status(qtbot, team, tmp_path):
    dialog = VerifyDialog(team.office)
    qtbot.addWidget(dialog)
    assert "overlay then countersigned" in CASES
    result = dialog.verify(build(team, tmp_path, "overlay then countersigned"))
    assert not result.ok
    assert dialog.verdict.text().startswith("Not valid: signature 1 of 2: modified after "
                                            "signing: revision 3 of 4")
    first, second = dialog.signatures.text().splitlines()
    assert first.startswith("signature 1 of 2: 张伟") and "NOT VALID" in first
    assert second.startswith("signature 2 of 2: 李娜") and second.endswith("; valid")
    assert dialog.verify(build(team, tmp_path, "countersigned")).ok
    assert dialog.signatures.text().count("; valid") == 2
