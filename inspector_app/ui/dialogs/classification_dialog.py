"""One company's supervision class, its reasons and the office's decision; its standardisation."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.risk import STANDARDISATION_GRADES, Standardisation, reason_label
from inspector_app.errors import InspectorError
from inspector_app.services.context import AppContext
from inspector_app.ui.datetimes import show_date, show_datetime
from inspector_app.ui.labels import list_separator, ui_lang


class ClassificationDialog(QDialog):
    def __init__(self, ctx: AppContext, company_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ClassificationDialog")
        self.service = ctx.classification
        self.company_id = company_id
        self.imported = False  # set when a decision changed the class: the page reloads
        self.lang = ui_lang()
        self.scheme = self.service.scheme()

        self.name = QLabel()
        self.name.setStyleSheet("font-weight: bold;")
        self.current = QLabel()
        self.suggested = QLabel()
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.history = QListWidget()
        self.history.setMaximumHeight(90)
        self.klass = QComboBox()
        for c in self.scheme.classes:
            self.klass.addItem(c.label(self.lang), c.key)
        self.why = QLineEdit()
        self.why.setPlaceholderText(self.tr("Why this class (required)"))
        self.decide_button = QPushButton(self.tr("&Record decision"))
        self.decide_button.clicked.connect(self.decide)

        decision = QGroupBox(self.tr("Supervision class"))
        form = QFormLayout(decision)
        form.addRow(self.tr("Class:"), self.current)
        form.addRow(self.tr("Suggested:"), self.suggested)
        form.addRow(self.tr("Reasons:"), self.reasons)
        row = QHBoxLayout()
        row.addWidget(self.klass)
        row.addWidget(self.why, 1)
        row.addWidget(self.decide_button)
        form.addRow(self.tr("Decide:"), row)
        form.addRow(self.tr("Decisions:"), self.history)

        self.source = QCheckBox(self.tr("Major hazard installation"))
        self.accidents = QSpinBox()
        self.accidents.setRange(0, 999)
        self.grade = QComboBox()
        self.grade.addItem(self.tr("None"), None)
        for key, (zh, en) in STANDARDISATION_GRADES.items():
            self.grade.addItem(en if self.lang == "en" else zh, key)
        self.certificate = QLineEdit()
        self.issued = QLineEdit()
        self.expires = QLineEdit()
        for edit in (self.issued, self.expires):
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        facts = QGroupBox(self.tr("Facts and standardisation"))
        ff = QFormLayout(facts)
        ff.addRow(self.source)
        ff.addRow(self.tr("Accidents on record:"), self.accidents)
        ff.addRow(self.tr("Standardisation grade:"), self.grade)
        ff.addRow(self.tr("Certificate number:"), self.certificate)
        dates = QHBoxLayout()
        dates.addWidget(self.issued)
        dates.addWidget(QLabel(self.tr("expires")))
        dates.addWidget(self.expires)
        ff.addRow(self.tr("Issued:"), dates)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.save_facts)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(decision)
        layout.addWidget(facts)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Classification"))
        self.resize(620, 540)
        self.load()

    def _class_text(self, key: str | None) -> str:
        c = self.scheme.get(key)
        if c is None:
            return self.tr("not classified")
        return f'<span style="color:{c.colour}">■</span> {c.label(self.lang)}'

    def load(self) -> None:
        row = self.service.get(self.company_id)
        self.name.setText(f"{row.name}  {row.town or ''}")
        self.current.setText(self._class_text(row.current)
                             + (f" — {row.decided_by or ''} {show_date(row.decided_at)}"
                                if row.decided_at else ""))
        self.suggested.setText(self._class_text(row.suggested))
        self.reasons.setText(list_separator().join(reason_label(r, self.lang) for r in row.reasons)
                             or self.tr("none of the listed reasons"))
        index = self.klass.findData(row.current or row.suggested)
        self.klass.setCurrentIndex(max(index, 0))
        self.history.clear()
        for when, klass, who, why in self.service.history(self.company_id):
            c = self.scheme.get(klass)
            self.history.addItem(f"{show_datetime(when)}  "
                                 f"{c.label(self.lang) if c else klass}  {who or ''}  {why}")
        self.source.setChecked(row.major_hazard_source)
        self.accidents.setValue(row.accidents)
        std = row.standardisation
        self.grade.setCurrentIndex(max(self.grade.findData(std.grade), 0))
        self.certificate.setText(std.certificate or "")
        self.issued.setText(std.issued_on or "")
        self.expires.setText(std.expires_on or "")

    def decide(self) -> bool:
        try:
            self.service.decide(self.company_id, self.klass.currentData(), self.why.text())
        except InspectorError as exc:
            self.error.setText(exc.localized())
            return False
        self.error.clear()
        self.why.clear()
        self.imported = True
        self.load()
        return True

    def save_facts(self) -> bool:
        try:
            self.service.set_facts(self.company_id,
                                   major_hazard_source=self.source.isChecked(),
                                   accidents=self.accidents.value())
            self.service.set_standardisation(self.company_id, Standardisation(
                self.grade.currentData(), self.certificate.text(), self.issued.text().strip(),
                self.expires.text().strip()))
        except InspectorError as exc:
            self.error.setText(exc.localized())
            return False
        self.error.clear()
        self.load()
        return True
