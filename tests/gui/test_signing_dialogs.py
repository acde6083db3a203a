from PySide6.QtWidgets import QFileDialog
from reportlab.pdfgen import canvas

from inspector_app.services.pki import PkiService
from inspector_app.services.signing import sign_pdf
from inspector_app.ui import confirm
from inspector_app.ui.dialogs.identity_dialogs import ImportIdentityDialog, OrgDialog
from inspector_app.ui.dialogs.verify_dialog import VerifyDialog

ORG_PASS = "office-secret-1"


def test_office_issues_the_laptop_imports_and_the_dialog_verifies(qtbot, ctx, tmp_path,
                                                                  monkeypatch):
    asked: list[str] = []
    answer = [False]
    monkeypatch.setattr(confirm, "ask", lambda _parent, _title, text, _action: (
        asked.append(text) or answer[0]))
    org = OrgDialog(ctx)
    qtbot.addWidget(org)
    org.org_name.setText("泉台区应急管理局")
    org.org_pass.setText("short")
    org.init_button.click()
    assert "at least 12 characters" in org.error.text()
    assert asked == []  # refused without a question
    org.org_pass.setText(ORG_PASS)
    org.org_pass_again.setText(ORG_PASS[:-1])
    org.init_button.click()
    assert "differ" in org.error.text() and asked == [] and org.pki.org() is None
    org.org_pass_again.setText(ORG_PASS)
    org.init_button.click()
    assert "made once" in asked[-1] and "泉台区应急管理局" in asked[-1]
    assert org.pki.org() is None  # cancelled: nothing made
    answer[0] = True
    org.init_button.click()
    assert org.error.text() == ""
    assert "泉台区应急管理局" in org.summary.text()
    assert not org.org_pass_again.isVisibleTo(org)  # asked only while the root is made
    org.name.setText("张伟")
    org.enforcement_id.setText("32050012")
    # A file that cannot be written (here a folder of that name) is said, and leaves no
    # certificate recorded as issued that nobody holds.
    blocked = tmp_path / "blocked.p12"
    blocked.mkdir()
    chosen = [str(blocked)]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (chosen[0], ""))
    org.issue_button.click()
    assert org.error.text() and org.table.rowCount() == 0 and org.pki.issued() == []
    # The button asks where to save (its clicked(bool) is not taken for a file name).
    p12 = tmp_path / "zhang.p12"
    chosen[0] = str(p12)
    org.issue_button.click()
    assert org.error.text() == ""
    assert p12.exists() and org.table.rowCount() == 1
    one_time = org.result.text().rsplit(": ", 1)[1]

    dialog = ImportIdentityDialog(ctx)  # the same data dir plays the laptop here
    qtbot.addWidget(dialog)
    dialog.file.setText(str(p12))
    dialog.one_time.setText("wrong-wrong")
    dialog.own.setText("my-own-passphrase")
    dialog.again.setText("my-own-passphrase")
    dialog.accept()
    assert "passphrase is wrong" in dialog.error.text()
    dialog.one_time.setText(one_time)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted

    pdf = tmp_path / "doc.pdf"
    c = canvas.Canvas(str(pdf))
    c.drawString(100, 700, "record")
    c.save()
    cert, key, chain = PkiService(ctx.db, ctx.device).unlock("my-own-passphrase")
    signed = sign_pdf(pdf, tmp_path / "signed.pdf", cert, key, chain)
    verify = VerifyDialog(ctx)
    qtbot.addWidget(verify)
    assert verify.verify(signed).ok
    assert verify.verdict.text() == "Valid: intact and trusted"
    assert verify.fields["signer"].text() == "张伟（32050012）"
    assert verify.verify(pdf) is not None and verify.verdict.text() == "Not valid: not signed"

    org.table.selectRow(0)
    org.reason.setText("lost laptop")
    answer[0] = False
    org.revoke_selected()
    assert "张伟" in asked[-1] and "cannot be taken back" in asked[-1]
    assert org.table.item(0, 4).text() == "valid"
    answer[0] = True
    org.revoke_selected()
    assert "revoked" in org.table.item(0, 4).text()
    assert not verify.verify(signed).ok
    assert "revoked" in verify.verdict.text()
