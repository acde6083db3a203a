"""The hazard raised by a non-compliant item: what the inspector completes on site."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from inspector_app.domain.finding import GRADE_LABELS, Finding, Grade
from inspector_app.ui.datetimes import localize_edit
from inspector_app.ui.labels import pair
from inspector_app.ui.widgets.form_text import FormTextEdit
from inspector_app.ui.widgets.live_text import LiveText
from inspector_app.ui.widgets.photo_gallery import PhotoGallery

Save = Callable[..., Any]            # save(field=value, audit=bool)
Audit = Callable[[str, str, str], None]  # audit(field, old, new)


class HazardPanel(QGroupBox):
    def __init__(self, finding: Finding, save: Save, audit: Audit,
                 parent: QWidget | None = None, gallery: PhotoGallery | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.gallery = gallery  # the hazard's own photos (evidence of it), if shown
        self._save = save
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.grade = QComboBox()
        for grade in Grade:
            self.grade.addItem(pair(GRADE_LABELS[grade]), grade.value)
        self.grade.setCurrentIndex(self.grade.findData(finding.grade.value))
        self.grade.currentIndexChanged.connect(
            lambda: save(grade=self.grade.currentData()))
        self.description = FormTextEdit(finding.description)
        self.description.setMaximumHeight(70)
        self.requirement = FormTextEdit(finding.requirement or "")
        self.requirement.setMaximumHeight(70)
        self.deadline = QDateEdit()
        self.deadline.setCalendarPopup(True)
        localize_edit(self.deadline)
        if finding.deadline:
            self.deadline.setDate(QDate.fromString(finding.deadline, Qt.DateFormat.ISODate))
        self.deadline.dateChanged.connect(
            lambda d: save(deadline=d.toString(Qt.DateFormat.ISODate)))
        self.responsible = QLineEdit(finding.responsible or "")
        self.onsite = QLineEdit(finding.onsite_measure or "")
        self.live: list[LiveText] = []
        for name, widget in (("description", self.description), ("requirement", self.requirement),
                             ("responsible", self.responsible), ("onsite_measure", self.onsite)):
            self.live.append(LiveText(
                widget,
                lambda text, n=name: save(**{n: text}, audit=False),
                lambda old, new, n=name: audit(n, old, new)))
        self.labels = [QLabel() for _ in range(6)]
        for label, widget in zip(self.labels, (self.grade, self.description, self.requirement,
                                               self.deadline, self.responsible, self.onsite),
                                 strict=True):
            label.setBuddy(widget)
            form.addRow(label, widget)
        if gallery is not None:
            form.addRow(gallery)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Hazard {0}").format(self.finding.seq))
        texts = (self.tr("&Grade:"), self.tr("&Description:"),
                 self.tr("Rectification &requirement:"),
                 self.tr("Dead&line:"), self.tr("Res&ponsible person:"),
                 self.tr("On-the-&spot measure:"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        if self.gallery is not None:
            self.gallery.set_title(self.tr("Photos of this hazard"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def finish(self) -> None:
        for live in self.live:
            live.finish()

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.grade, self.deadline):
            widget.setEnabled(not read_only)
        for widget in (self.description, self.requirement, self.responsible, self.onsite):
            widget.setReadOnly(read_only)
        if self.gallery is not None:
            self.gallery.set_read_only(read_only)
