"""A major hazard's governance plan (治理方案): the six elements, one text box each."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.finding import Finding
from inspector_app.domain.governance import PLAN_ELEMENTS, GovernancePlan
from inspector_app.ui.labels import pair


class GovernancePlanDialog(QDialog):
    def __init__(self, finding: Finding, *, read_only: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.edits: dict[str, QPlainTextEdit] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for column, _label in PLAN_ELEMENTS:
            edit = QPlainTextEdit(getattr(finding, column) or "")
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
            edit.setReadOnly(read_only)
            label = QLabel()
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.edits[column] = edit
            self.labels[column] = label
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close if read_only else
                                   QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.retranslate()
        self.resize(640, 560)

    def plan(self) -> GovernancePlan:
        return GovernancePlan(**{c: e.toPlainText().strip() or None
                                 for c, e in self.edits.items()})

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Governance plan of hazard {0}").format(self.finding.seq))
        self.intro.setText(self.tr(
            "The company's governance plan for this major hazard. The hazard can be "
            "closed only when all six elements are filled in and the acceptance is recorded."))
        for column, label in PLAN_ELEMENTS:
            text = pair(label)
            self.labels[column].setText(text + ("：" if text == label.zh else ":"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
