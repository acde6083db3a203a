"""Open any PDF and see whether its signature holds: who, issued by whom, when, or what failed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.text import printable
from inspector_app.errors import InspectorError
from inspector_app.services.context import AppContext
from inspector_app.services.signing import Verification, verify_pdf
from inspector_app.ui.datetimes import show_date, show_datetime
from inspector_app.ui.messages import localized
from inspector_app.ui.save_folder import Kind, open_file


class VerifyDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result: Verification | None = None
        self.setWindowTitle(self.tr("Verify a signed PDF"))
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        browse = QPushButton(self.tr("Choose &PDF…"))
        browse.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setStyleSheet("font-size: 13pt; font-weight: 600; padding: 6px;")
        self.fields = {name: QLabel() for name in
                       ("signer", "issuer", "time", "coverage", "intact", "trust")}
        form = QFormLayout()
        labels = (self.tr("Signed by:"), self.tr("Certificate:"), self.tr("Signed at:"),
                  self.tr("Covers the whole file:"), self.tr("Unchanged since signing:"),
                  self.tr("Trusted (issued by the office, not revoked or expired):"))
        for label, widget in zip(labels, self.fields.values(), strict=True):
            widget.setWordWrap(True)
            form.addRow(label, widget)
        # A countersigned file: each signature judged on its own, the first failure named.
        self.signatures = QLabel()
        self.signatures.setWordWrap(True)
        form.addRow(self.tr("Each signature:"), self.signatures)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.verdict)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(640, 320)

    def choose(self) -> None:
        chosen = open_file(self, Kind.RECEIVED_PDF, self.tr("Choose a PDF"),
                           self.tr("PDF documents (*.pdf)"))
        if chosen is not None:
            self.verify(chosen)

    def verify(self, path: Path) -> Verification | None:
        self.path.setText(str(path))
        try:
            self.result = verify_pdf(path, self.ctx.pki)
        except InspectorError as exc:
            self.result = None
            self._show_verdict(False, exc.localized())
            for widget in self.fields.values():
                widget.clear()
            return None
        r = self.result
        self._show_verdict(r.ok, self.tr("Valid: intact and trusted") if r.ok
                           else self.tr("Not valid: {0}").format(localized(r.reason)))
        yes, no = self.tr("yes"), self.tr("no")
        info = r.signer
        self.fields["signer"].setText(
            printable(info.subject_name) + (f"（{info.enforcement_id}）" if info and
                                      info.enforcement_id else "") if info else "—")
        self.fields["issuer"].setText(
            (self.tr("self-signed, not issued by the office") if info.self_signed else
             self.tr("issued by {0}, valid until {1}").format(
                 info.issuer_name, show_date(info.not_after))) if info else "—")
        self.fields["time"].setText(show_datetime(r.signed_at) or "—")
        self.fields["coverage"].setText(yes if r.covers_whole_file else no)
        self.fields["intact"].setText(yes if r.intact else no)
        self.fields["trust"].setText(yes if r.ok else no)
        self.signatures.setText(
            "\n".join(printable(localized(c.line())) for c in r.signatures) or "—")
        return r

    def _show_verdict(self, ok: bool, text: str) -> None:
        colour = "#1b7f3b" if ok else "#b00020"
        self.verdict.setStyleSheet(f"font-size: 13pt; font-weight: 600; padding: 6px; "
                                   f"color: {colour};")
        self.verdict.setText(text)
