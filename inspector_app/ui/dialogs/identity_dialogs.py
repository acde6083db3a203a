"""Signing identities in the window: the inspector's own, and the office's authority."""

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
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.pki import passphrase_problem
from inspector_app.errors import InspectorError, ValidationError, from_read_error
from inspector_app.services.context import AppContext
from inspector_app.services.pki import (
    cert_info,
    one_time_passphrase,
)
from inspector_app.ui import confirm
from inspector_app.ui.datetimes import show_date
from inspector_app.ui.save_folder import Kind, open_file, save_file


def _password() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class _FormDialog(QDialog):
    """A small form with an inline error line; ``run`` is called on OK."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def run(self) -> None:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.run()
        except InspectorError as exc:
            self.error.setText(exc.localized())
            return
        super().accept()


class ImportIdentityDialog(_FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Import enrolment file"), parent)
        self.ctx = ctx
        self.file = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        self.one_time = _password()
        self.own, self.again = _password(), _password()
        self.form.addRow(self.tr("Enrolment file (.p12):"), row)
        self.form.addRow(self.tr("One-time passphrase from the office:"), self.one_time)
        self.form.addRow(self.tr("Your new passphrase:"), self.own)
        self.form.addRow(self.tr("Again:"), self.again)

    def _browse(self) -> None:
        chosen = open_file(self, Kind.ENROLMENT, self.tr("Enrolment file"),
                           self.tr("Enrolment files (*.p12 *.pfx)"))
        if chosen is not None:
            self.file.setText(str(chosen))

    def run(self) -> None:
        if self.own.text() != self.again.text():
            raise ValidationError(self.tr("The two passphrases differ."))
        path = Path(self.file.text())
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise from_read_error(exc, path) from exc
        self.info = self.ctx.pki.import_identity(
            data, self.one_time.text(), self.own.text())


class SelfSignedDialog(_FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Company's own signing identity"), parent)
        self.ctx = ctx
        self.name, self.organisation = QLineEdit(), QLineEdit()
        self.own, self.again = _password(), _password()
        note = QLabel(self.tr("For a company's self-inspection. Documents signed with it are "
                              "always shown as not issued by the office."))
        note.setWordWrap(True)
        self.form.addRow(note)
        self.form.addRow(self.tr("Name:"), self.name)
        self.form.addRow(self.tr("Company:"), self.organisation)
        self.form.addRow(self.tr("Passphrase:"), self.own)
        self.form.addRow(self.tr("Again:"), self.again)

    def run(self) -> None:
        if self.own.text() != self.again.text():
            raise ValidationError(self.tr("The two passphrases differ."))
        if not self.name.text().strip() or not self.organisation.text().strip():
            raise ValidationError(self.tr("Give the name and the company."))
        self.ctx.pki.create_self_signed(
            self.name.text(), self.organisation.text(), self.own.text())


class IdentityDialog(QDialog):
    """This computer's signing identity."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Signing identity"))
        self.current = QLabel()
        self.current.setWordWrap(True)
        import_button = QPushButton(self.tr("&Import enrolment file…"))
        import_button.clicked.connect(lambda: self._open(ImportIdentityDialog(ctx, self)))
        own_button = QPushButton(self.tr("Create a company's &own identity…"))
        own_button.clicked.connect(lambda: self._open(SelfSignedDialog(ctx, self)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addWidget(import_button)
        layout.addWidget(own_button)
        layout.addWidget(buttons)
        self.refresh()
        self.setMinimumWidth(520)

    def _open(self, dialog: QDialog) -> None:
        if dialog.exec():
            self.refresh()

    def refresh(self) -> None:
        identity = self.ctx.pki.identity()
        self.current.setText(identity[0].describe() if identity else
                             self.tr("No signing identity on this computer yet. Import the "
                                     "enrolment file the office issued for you."))


class OrgDialog(QDialog):
    """The supervisor's authority: create it once, issue and revoke inspectors' identities."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pki = ctx.pki
        self.setWindowTitle(self.tr("Office signing authority"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("Serial"), self.tr("Name"), self.tr("Enforcement ID"),
            self.tr("Valid until"), self.tr("State")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.org_name = QLineEdit()
        self.org_pass = _password()
        # Typed twice when the root is made: a typo there locks the office out of its own
        # root for good (no enrolment, no revocation), and nothing can recover it.
        self.org_pass_again = _password()
        self.name, self.enforcement_id = QLineEdit(), QLineEdit()
        self.days = QSpinBox()
        self.days.setRange(1, 3650)
        self.days.setValue(3 * 365)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.init_button = QPushButton(self.tr("Create the organisation"))
        self.init_button.clicked.connect(self.create_org)
        self.issue_button = QPushButton(self.tr("Issue enrolment file…"))
        # clicked(bool) would arrive as the target: the button always asks where to save.
        self.issue_button.clicked.connect(lambda: self.issue())
        self.revoke_button = QPushButton(self.tr("Revoke selected"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.reason = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Organisation:"), self.org_name)
        form.addRow(self.tr("Root key passphrase:"), self.org_pass)
        form.addRow(self.tr("Repeat the passphrase:"), self.org_pass_again)
        self.form = form
        form.addRow(self.init_button)
        form.addRow(self.tr("Inspector's name:"), self.name)
        form.addRow(self.tr("Enforcement ID:"), self.enforcement_id)
        form.addRow(self.tr("Valid for (days):"), self.days)
        form.addRow(self.issue_button)
        form.addRow(self.tr("Reason for revoking:"), self.reason)
        form.addRow(self.revoke_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.result)
        layout.addWidget(buttons)
        self.resize(720, 640)
        self.refresh()

    def refresh(self) -> None:
        org = self.pki.org()
        self.org_name.setEnabled(org is None)
        self.init_button.setVisible(org is None)
        self.form.setRowVisible(self.org_pass_again, org is None)
        for widget in (self.issue_button, self.revoke_button, self.name, self.enforcement_id):
            widget.setEnabled(org is not None)
        if org:
            info = cert_info(org[1])
            self.org_name.setText(org[0])
            self.summary.setText(self.tr("Root certificate of {0}, fingerprint {1}").format(
                org[0], info.fingerprint[:32]))
        else:
            self.summary.setText(self.tr("No organisation on this computer. Create it once, "
                                         "on the supervisor's computer only."))
        rows = self.pki.issued()
        self.table.setRowCount(len(rows))
        for n, (serial, info, revoked) in enumerate(rows):
            state = (self.tr("revoked {0}").format(show_date(revoked)) if revoked
                     else self.tr("valid"))
            for col, value in enumerate((serial, info.subject_name, info.enforcement_id or "",
                                         show_date(info.not_after), state)):
                self.table.setItem(n, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def _guard(self, fn) -> bool:  # type: ignore[no-untyped-def]
        self.error.clear()
        try:
            fn()
        except InspectorError as exc:
            self.error.setText(exc.localized())
            return False
        self.refresh()
        return True

    def create_org(self) -> None:
        name = self.org_name.text().strip()
        if (passphrase_problem(self.org_pass.text()) is None
                and self.org_pass_again.text() != self.org_pass.text()):
            self.error.setText(self.tr("The two passphrases differ: type the root key "
                                       "passphrase again in both fields."))
            return
        # Asked only of what the service would accept: a refusal needs no question first.
        ready = name and passphrase_problem(self.org_pass.text()) is None
        if ready and not confirm.ask(self, self.tr("Create the organisation"), self.tr(
                "Make this computer the office of %1?\n\nIts root certificate is made once "
                "and cannot be made again or renamed: every laptop enrolled from here takes "
                "this computer as its office. Keep the root key passphrase safe; without it "
                "no enrolment file can be issued and no certificate revoked.").replace(
                "%1", name), self.tr("&Create")):
            return
        self._guard(lambda: self.pki.init_org(self.org_name.text(), self.org_pass.text()))

    def issue(self, target: Path | None = None) -> None:
        if target is None:
            name, _ = save_file(
                self, Kind.ENROLMENT, self.tr("Save enrolment file"),
                f"{self.name.text().strip()}.p12", self.tr("Enrolment files (*.p12)"))
            if not name:
                return
            target = Path(name)
        one_time = one_time_passphrase()

        def work() -> None:
            _data, info = self.pki.issue(self.name.text(), self.enforcement_id.text(),
                                        self.org_pass.text(), one_time, days=self.days.value(),
                                        target=target)
            self.result.setText(self.tr(
                "Wrote {0} for {1}. One-time passphrase (give it to the inspector separately "
                "from the file): {2}").format(target, info.subject_name, one_time))

        self._guard(work)

    def revoke_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        serial = self.table.item(row, 0).text()
        if not confirm.ask(self, self.tr("Revoke the certificate"), self.tr(
                "Revoke the certificate of %1 (serial %2)?\n\nRecords signed with it that "
                "the office has not imported yet will be refused, and the laptops learn of the "
                "revocation with the office's next bundle. A revocation cannot be taken back: "
                "%1 will need a new enrolment file to sign again.")
                .replace("%1", self.table.item(row, 1).text()).replace("%2", serial),
                self.tr("&Revoke")):
            return
        self._guard(lambda: self.pki.revoke(serial, self.org_pass.text(), self.reason.text()))
