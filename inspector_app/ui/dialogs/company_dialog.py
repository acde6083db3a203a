"""Adding or editing one company, with its data checked as it is typed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.company import (
    INDUSTRIES,
    RISK_LEVELS,
    SPECIAL_AREAS,
    Company,
    Problem,
    credit_code_problem,
    label,
    normalise_credit_code,
    problem,
)
from inspector_app.errors import InspectorError
from inspector_app.services.companies import CompanyRepo
from inspector_app.ui.models.companies_model import ui_lang
from inspector_app.ui.widgets.form_text import FormTextEdit

ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #666666;"


class CompanyDialog(QDialog):
    """Add (``company`` None) or edit a company; ``saved`` holds it once stored."""

    def __init__(self, repo: CompanyRepo, company: Company | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.original = company
        self.saved: Company | None = None
        self._touched: set[str] = set()

        self.name = QLineEdit()
        self.credit_code = QLineEdit()
        self.credit_code.setMaxLength(40)  # room for pasted spaces; the check reports length
        self.address = QLineEdit()
        self.town = QLineEdit()
        completer = QCompleter(repo.towns(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.town.setCompleter(completer)
        self.industry = QComboBox()
        self.risk_level = QComboBox()
        for combo, vocabulary in ((self.industry, INDUSTRIES), (self.risk_level, RISK_LEVELS)):
            combo.addItem("", None)
            for code in vocabulary:
                combo.addItem("", code)
        self.areas = {code: QCheckBox() for code in SPECIAL_AREAS}
        areas_box = QWidget()
        areas_grid = QGridLayout(areas_box)
        areas_grid.setContentsMargins(0, 0, 0, 0)
        for i, box in enumerate(self.areas.values()):
            areas_grid.addWidget(box, i // 2, i % 2)
        self.legal_rep = QLineEdit()
        self.legal_rep_position = QLineEdit()
        self.contact_name = QLineEdit()
        self.contact_phone = QLineEdit()
        self.notes = FormTextEdit()
        self.notes.setMaximumHeight(80)

        self.name_error, self.credit_error, self.phone_error = (QLabel(), QLabel(), QLabel())
        for message in (self.name_error, self.credit_error, self.phone_error):
            message.setWordWrap(True)
            message.setStyleSheet(ERROR_STYLE)
            message.hide()
        self.error = QLabel()  # what the database refused on saving
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)

        self.form = QFormLayout()
        rows: list[tuple[QWidget, QLabel | None]] = [
            (self.name, self.name_error), (self.credit_code, self.credit_error),
            (self.address, None), (self.town, None), (self.industry, None),
            (areas_box, None), (self.legal_rep, None), (self.legal_rep_position, None),
            (self.contact_name, None),
            (self.contact_phone, self.phone_error), (self.risk_level, None), (self.notes, None),
        ]
        self._labels: list[QLabel] = []
        for field, message in rows:
            caption = QLabel()
            caption.setBuddy(field)
            self._labels.append(caption)
            self.form.addRow(caption, field)
            if message is not None:
                self.form.addRow("", message)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        if company is not None:
            self._fill(company)
        for name in ("name", "credit_code", "contact_phone"):
            edit: QLineEdit = getattr(self, name)
            edit.textChanged.connect(lambda _t, n=name: self._changed(n))
        self.retranslate()
        self.validate()
        self.setMinimumWidth(520)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    # -- form <-> company ---------------------------------------------------------------------
    def _fill(self, company: Company) -> None:
        for name in ("name", "credit_code", "address", "town", "legal_rep", "legal_rep_position",
                     "contact_name", "contact_phone"):
            getattr(self, name).setText(getattr(company, name) or "")
        self.industry.setCurrentIndex(max(0, self.industry.findData(company.industry)))
        self.risk_level.setCurrentIndex(max(0, self.risk_level.findData(company.risk_level)))
        for code, box in self.areas.items():
            box.setChecked(code in company.special_areas)
        self.notes.setPlainText(company.notes or "")

    def company(self) -> Company:
        """What the form holds, normalised; its id is the edited company's."""
        return Company(
            name=self.name.text(), credit_code=self.credit_code.text(),
            address=self.address.text(), town=self.town.text(),
            industry=self.industry.currentData(),
            special_areas=tuple(c for c, box in self.areas.items() if box.isChecked()),
            legal_rep=self.legal_rep.text(), legal_rep_position=self.legal_rep_position.text(),
            contact_name=self.contact_name.text(),
            contact_phone=self.contact_phone.text(), risk_level=self.risk_level.currentData(),
            notes=self.notes.toPlainText(),
            id=self.original.id if self.original else None,
        ).normalised()

    # -- checking -----------------------------------------------------------------------------
    def _changed(self, name: str) -> None:
        self._touched.add(name)
        self.validate()

    def problems(self) -> list[Problem]:
        company = self.company()
        found = company.problems()
        if company.credit_code and not credit_code_problem(company.credit_code):
            other = self.repo.get_by_credit_code(company.credit_code)
            if other is not None and other.id != company.id:
                found.append(problem("credit_code", "credit_taken", other=other.name))
        return found

    def validate(self) -> bool:
        """Show what is wrong under each field; OK is enabled only when nothing is."""
        found = {p.field: p for p in reversed(self.problems())}
        lang = ui_lang()
        # An empty name is only pointed out once the user has been in it: a fresh form is
        # not an error, and OK being disabled already says something is missing.
        show_name = "name" in self._touched or self.original is not None
        self._show(self.name_error, found.get("name") if show_name else None, lang)
        code = normalise_credit_code(self.credit_code.text())
        credit = found.get("credit_code")
        # Probably still typing: a short code of valid characters is a hint, not an error.
        typing = credit is not None and credit.key == "credit_length" and len(code) < 18
        self._show(self.credit_error, credit, lang, hint=typing)
        self._show(self.phone_error, found.get("contact_phone"), lang)
        self.ok_button.setEnabled(not found)
        return not found

    @staticmethod
    def _show(where: QLabel, found: Problem | None, lang: str, hint: bool = False) -> None:
        where.setVisible(found is not None)
        where.setText(found.message(lang) if found else "")
        where.setStyleSheet(HINT_STYLE if hint else ERROR_STYLE)

    def accept(self) -> None:
        if not self.validate():
            return
        try:
            company = self.company()
            if self.original is None:
                self.saved = self.repo.add(company)
            else:
                self.saved = self.repo.update(company)
        except InspectorError as exc:
            self.error.setText(exc.localized())
            return
        super().accept()

    # -- language -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add company") if self.original is None
                            else self.tr("Edit company"))
        captions = (
            self.tr("&Name:"), self.tr("&Credit code:"), self.tr("&Address:"), self.tr("&Town:"),
            self.tr("&Industry:"), self.tr("Special areas:"), self.tr("&Legal representative:"),
            self.tr("Posi&tion:"),
            self.tr("On-&site contact:"), self.tr("&Phone:"), self.tr("&Risk level:"),
            self.tr("N&otes:"),
        )
        for caption, text in zip(self._labels, captions, strict=True):
            caption.setText(text)
        self.name.setPlaceholderText(self.tr("Full registered name"))
        self.credit_code.setPlaceholderText(self.tr("18 characters, e.g. 91350100M000100Y43"))
        self.contact_phone.setPlaceholderText(self.tr("Mobile or landline"))
        lang = ui_lang()
        self.industry.setItemText(0, self.tr("(not set)"))
        self.risk_level.setItemText(0, self.tr("(not set)"))
        for combo, vocabulary in ((self.industry, INDUSTRIES), (self.risk_level, RISK_LEVELS)):
            for i in range(1, combo.count()):
                combo.setItemText(i, label(vocabulary, combo.itemData(i), lang))
        for code, box in self.areas.items():
            box.setText(label(SPECIAL_AREAS, code, lang))
        self.validate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
