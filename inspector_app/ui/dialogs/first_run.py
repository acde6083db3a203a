"""First run: who uses this laptop, and the prefix of this device's document numbers."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.profile import Profile
from inspector_app.errors import ValidationError
from inspector_app.services.context import AppContext
from inspector_app.storage.repositories import ProfileRepo, SettingsRepo


class FirstRunDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.name = QLineEdit()
        self.enforcement_id = QLineEdit()
        self.organisation = QLineEdit()
        self.authority_short = QLineEdit()
        self.prefix = QLineEdit(ctx.device.doc_prefix)
        self.prefix.setMaxLength(12)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(5)]
        for label, field in zip(
            self._labels,
            (self.name, self.enforcement_id, self.organisation, self.authority_short, self.prefix),
            strict=True,
        ):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._prefill()
        self.retranslate()
        self.setMinimumWidth(460)

    def _prefill(self) -> None:
        repo = ProfileRepo(self.ctx.db, self.ctx.device)
        current = repo.current_inspector()
        if current:
            self.name.setText(current.name)
            self.enforcement_id.setText(current.enforcement_id or "")
            self.organisation.setText(current.organisation or "")
        self.authority_short.setText(SettingsRepo(self.ctx.db).get("authority_short") or "")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to Inspector"))
        self.intro.setText(self.tr(
            "Before the first inspection, tell Inspector who uses this computer. "
            "The document-number prefix makes this computer's document numbers unique in "
            "the district; use the one your office assigned."))
        texts = (self.tr("Inspector's &name:"), self.tr("&Enforcement-ID number:"),
                 self.tr("&Organisation:"), self.tr("&Authority short name:"),
                 self.tr("Document-number &prefix:"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.authority_short.setPlaceholderText(self.tr("e.g. 泉台"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def profile(self) -> Profile:
        return Profile(
            name=self.name.text(),
            enforcement_id=self.enforcement_id.text(),
            organisation=self.organisation.text(),
            doc_prefix=self.prefix.text(),
            authority_short=self.authority_short.text(),
        )

    def reject(self) -> None:
        """Cancelling the first start asks before quitting: without a profile nothing can be
        numbered or signed. Editing a profile later just closes."""
        if ProfileRepo(self.ctx.db, self.ctx.device).is_set_up():
            super().reject()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Quit Inspector?"), self.tr(
            "Inspector needs to know who inspects before the first inspection: the name and "
            "enforcement-ID number go on every record, the prefix into every document number."
            "\n\nQuit now? Nothing is saved, and Inspector asks again at the next start."),
            parent=self)
        quit_button = box.addButton(self.tr("&Quit"), QMessageBox.ButtonRole.DestructiveRole)
        back = box.addButton(self.tr("&Go back and fill in"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        self.confirm_box = box
        box.exec()
        if box.clickedButton() is quit_button:
            super().reject()

    def accept(self) -> None:
        try:
            ProfileRepo(self.ctx.db, self.ctx.device).save(self.profile())
        except ValidationError as exc:
            self.error.setText(exc.message)
            return
        super().accept()
