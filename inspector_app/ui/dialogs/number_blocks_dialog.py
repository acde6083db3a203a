"""The office's number blocks: which laptop issues which document numbers, used and unused."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.numbering import DOC_TITLES, DOC_WORDS, LOW_WATER, DocType
from inspector_app.errors import InspectorError
from inspector_app.services.context import AppContext
from inspector_app.services.numbers import Shortage
from inspector_app.services.sync.people import device_labels
from inspector_app.ui import confirm
from inspector_app.ui.labels import pair

ERROR_STYLE = "color: #b00020;"
LOW_STYLE = "color: #b45309;"  # amber: a warning, not an error
LOW_COLOUR = "#b45309"


class NumberBlocksDialog(QDialog):
    """Allocate a block to a laptop; see every block with its numbers used and unused."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = ctx.numbers
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        # The laptops to give another block before they run out (from what they sent back).
        self.low = QLabel()
        self.low.setObjectName("lowNumbers")
        self.low.setWordWrap(True)
        self.low.setStyleSheet(LOW_STYLE)
        self.low.hide()
        self._shortages: list[Shortage] = []
        self._labels_of: dict[str, str] = {}
        self.table = QTableWidget(0, 6)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.device = QComboBox()
        self.device.setEditable(True)  # a laptop not yet synced: its device id
        self.doc_type = QComboBox()
        for doc_type in DocType:
            self.doc_type.addItem("", doc_type.value)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.first, self.last = QSpinBox(), QSpinBox()
        for box in (self.first, self.last):
            box.setRange(1, 999_999)
        self.last.setValue(100)
        span = QHBoxLayout()
        span.addWidget(self.first, 1)
        self.dash = QLabel("–")
        span.addWidget(self.dash)
        span.addWidget(self.last, 1)
        self.allocate_button = QPushButton()
        self.allocate_button.clicked.connect(self.allocate)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(4)]
        for label, field in zip(self._labels, (self.device, self.doc_type, self.year, span),
                                strict=True):
            self.form.addRow(label, field)
        self.form.addRow(self.allocate_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.low)
        layout.addWidget(self.table)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._fill_devices()
        self.retranslate()
        self.refresh()
        self.doc_type.currentIndexChanged.connect(self.propose)
        self.year.valueChanged.connect(self.propose)
        self.resize(720, 520)

    def _fill_devices(self) -> None:
        # Laptops set up from one image share a computer name: each is told by its inspector.
        devices = self.service.other_devices()
        labels = device_labels(self.ctx.db, [device.id for device in devices])
        for device in devices:
            self.device.addItem(labels[device.id], device.id)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Document-number blocks"))
        self.intro.setText(self.tr(
            "The office gives each laptop blocks of document numbers per type and year; the "
            "laptop receives them with the office's next sync bundle and numbers only inside "
            "them. Used numbers are counted from the documents the laptops send back."))
        self.table.setHorizontalHeaderLabels([
            self.tr("Laptop"), self.tr("Document"), self.tr("Year"), self.tr("Numbers"),
            self.tr("Used"), self.tr("Unused")])
        texts = (self.tr("&Laptop:"), self.tr("&Document:"), self.tr("&Year:"),
                 self.tr("&Numbers:"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self._labels[0].setBuddy(self.device)
        self._labels[1].setBuddy(self.doc_type)
        self._labels[2].setBuddy(self.year)
        self._labels[3].setBuddy(self.first)
        for index in range(self.doc_type.count()):
            doc_type = DocType(self.doc_type.itemData(index))
            self.doc_type.setItemText(index, f"{DOC_WORDS[doc_type]} · "
                                             f"{pair(DOC_TITLES[doc_type])}")
        self.device.lineEdit().setPlaceholderText(self.tr("Laptop name, prefix or device id"))
        self.allocate_button.setText(self.tr("&Allocate block"))
        self._show_shortages()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        rows = self.service.rows()
        labels = device_labels(self.ctx.db, [row.device_id for row in rows])
        self._labels_of = labels
        self._shortages = self.service.shortages(rows)
        short = {(s.device_id, s.doc_type, s.year): s.left for s in self._shortages}
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = (labels.get(row.device_id, row.device), f"{row.word}", str(row.year),
                      f"{row.first}–{row.last}", str(row.used), str(row.unused))
            items = [QTableWidgetItem(value) for value in values]
            for c, item in enumerate(items):
                self.table.setItem(r, c, item)
            left = short.get((row.device_id, row.doc_type, row.year))
            if left is not None:  # the laptop's numbers of this type and year: nearly used up
                item = items[5]
                item.setForeground(QBrush(QColor(LOW_COLOUR)))
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
                item.setToolTip(self.tr("This laptop has %n number(s) of this type and year "
                                        "left in its blocks: give it another block.", "", left))
        self._show_shortages()
        self.propose()

    def _show_shortages(self) -> None:
        """Say which laptops run low, in the dialog's language."""
        self.low.setVisible(bool(self._shortages))
        if not self._shortages:
            return
        each = [self.tr("{0}: {1}〔{2}〕 %n left", "", s.left).format(
            self._labels_of.get(s.device_id, s.device), s.word, s.year)
            for s in self._shortages]
        self.low.setText(self.tr(
            "Nearly used up (fewer than {0} numbers left, counted from the documents the "
            "laptops sent back): {1}. Allocate another block before they run out.").format(
                LOW_WATER, self.tr("; ").join(each)))

    def propose(self) -> None:
        """The next block starts after every number issued here or allocated to a laptop."""
        first, last = self.service.proposal(DocType(self.doc_type.currentData()),
                                            self.year.value())
        self.first.setValue(first)
        self.last.setValue(last)

    def device_ref(self) -> str:
        text = self.device.currentText().strip()
        index = self.device.findText(text)
        return self.device.itemData(index) if index >= 0 else text

    def allocate(self) -> None:
        self.error.clear()
        doc_type = DocType(self.doc_type.currentData())
        block = (self.device_ref(), doc_type, self.year.value(), self.first.value(),
                 self.last.value())
        try:
            self.service.allocate(*block, dry_run=True)
            # A block once given is that laptop's for good: asked only when it would be given.
            if not confirm.ask(self, self.tr("Allocate block"), self.tr(
                    "Give the numbers %1–%2 of %3 for %4 to %5?\n\nThe laptop receives them "
                    "with the office's next bundle. A block cannot be taken back: no other "
                    "computer will ever issue these numbers.")
                    .replace("%1", str(block[3])).replace("%2", str(block[4]))
                    .replace("%3", DOC_WORDS[doc_type]).replace("%4", str(block[2]))
                    .replace("%5", self.device.currentText().strip()),
                    self.tr("&Allocate")):
                return
            self.service.allocate(*block)
        except InspectorError as exc:
            self.error.setText(exc.localized())
            return
        self.refresh()
