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

from inspector_app.domain.profile import (
    CIRCULAR_WORD_SETTING,
    DEFAULT_CIRCULAR_WORD,
    Profile,
)
from inspector_app.errors import ValidationError
from inspector_app.services.context import AppContext


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
        self.circular_word = QLineEdit()   # the office's circulars: 台安办〔2026〕12号
        self.circular_word.setMaxLength(10)
        self.prefix = QLineEdit(ctx.device.doc_prefix)
        self.prefix.setMaxLength(12)
        self.review_government = QLineEdit()
        self.review_department = QLineEdit()
        self.review_court = QLineEdit()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(9)]
        for label, field in zip(
            self._labels,
            (self.name, self.enforcement_id, self.organisation, self.authority_short,
             self.circular_word, self.prefix, self.review_government, self.review_department,
             self.review_court),
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
        profile = self.ctx.profile
        current = profile.current_inspector()
        if current:
            self.name.setText(current.name)
            self.enforcement_id.setText(current.enforcement_id or "")
            self.organisation.setText(current.organisation or "")
        self.authority_short.setText(profile.setting("authority_short") or "")
        self.circular_word.setText(profile.setting(CIRCULAR_WORD_SETTING) or "")
        self.review_government.setText(profile.setting("review_government") or "")
        self.review_department.setText(profile.setting("review_department") or "")
        self.review_court.setText(profile.setting("review_court") or "")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to Inspector"))
        self.intro.setText(self.tr(
            "Before the first inspection, tell Inspector who uses this computer. Use the "
            "prefix your office assigned to this computer; the office's sync bundle brings "
            "the blocks of document numbers it may issue. Where the company may apply for "
            "reconsideration or sue is printed on every order and decision."))
        texts = (self.tr("Inspector's &name:"), self.tr("&Enforcement-ID number:"),
                 self.tr("&Organisation:"), self.tr("&Authority short name:"),
                 self.tr("Circular number &word:"),
                 self.tr("Document-number &prefix:"),
                 self.tr("Reconsideration: people's &government:"),
                 self.tr("Reconsideration: &higher authority:"),
                 self.tr("Lawsuits: people's &court:"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.authority_short.setPlaceholderText(self.tr("e.g. 泉台"))
        self.circular_word.setPlaceholderText(
            self.tr("e.g. 台安办 (empty: %1)").replace("%1", DEFAULT_CIRCULAR_WORD))
        self.circular_word.setToolTip(self.tr(
            "The office's short name in the numbers of the circulars this computer writes, "
            "e.g. 台安办〔2026〕12号"))
        self.review_government.setPlaceholderText(self.tr("e.g. 泉台区 (printed with 人民政府)"))
        self.review_department.setPlaceholderText(self.tr("e.g. 泉州市应急管理局 (may be empty)"))
        self.review_court.setPlaceholderText(self.tr("e.g. 泉台区 (printed with 人民法院)"))

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
            circular_word=self.circular_word.text(),
            review_government=self.review_government.text(),
            review_department=self.review_department.text(),
            review_court=self.review_court.text(),
        )

    def reject(self) -> None:
        """Cancelling the first start asks before quitting: without a profile nothing can be
        numbered or signed. Editing a profile later just closes."""
        if self.ctx.profile.is_set_up():
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
            self.ctx.profile.save(self.profile())
        except ValidationError as exc:
            self.error.setText(exc.localized())
            return
        super().accept()
