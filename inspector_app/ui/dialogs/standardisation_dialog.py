"""Safety standardisation (安全生产标准化) across the district: every company's grade and
certificate, those expired and those expiring within 90 days first, with the counts the office
reports, a choice of grade and state, and the list shown as CSV. A double-click opens the
company's class and certificate to record a renewal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.risk import (
    CERTIFICATE_STATES,
    EXPIRY_WARNING_DAYS,
    STANDARDISATION_GRADES,
)
from inspector_app.errors import InspectorError
from inspector_app.services.classification import ANY, Certified, StandardisationOverview
from inspector_app.services.context import AppContext
from inspector_app.services.reports.standardisation_csv import write_standardisation_csv
from inspector_app.ui import messages
from inspector_app.ui.datetimes import show_date
from inspector_app.ui.labels import ui_lang
from inspector_app.ui.save_folder import Kind, save_file, saved_as

EXPIRED = QColor("#fde7e9")
EXPIRING = QColor("#fff4ce")
# The state choices: (key, the states it shows); the first is what the office looks at first.
DUE = "due"
STATE_CHOICES: dict[str, tuple[str, ...] | None] = {
    DUE: ("expired", "expiring"), "expired": ("expired",), "expiring": ("expiring",),
    "valid": ("valid",), "undated": ("undated",), "none": ("none",), ANY: None}


class StandardisationDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StandardisationDialog")
        self.ctx = ctx
        self.today = today or date.today()
        self.overview: StandardisationOverview | None = None
        self.setWindowTitle(self.tr("Safety standardisation"))
        lang = ui_lang()
        self.grade = QComboBox()
        self.grade.addItem(self.tr("All grades"), ANY)
        for key, pair in STANDARDISATION_GRADES.items():
            self.grade.addItem(pair.in_(lang), key)
        self.grade.addItem(self.tr("No grade"), None)
        self.state = QComboBox()
        names = {DUE: self.tr("Expired or expiring within %1 days"),
                 "expiring": self.tr("Expiring within %1 days"), ANY: self.tr("Any state")}
        for key in STATE_CHOICES:
            text = names.get(key) or CERTIFICATE_STATES[key].in_(lang)
            self.state.addItem(text.replace("%1", str(EXPIRY_WARNING_DAYS)), key)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(self.choose_export_file)
        bar = QHBoxLayout()
        bar.addWidget(self.grade)
        bar.addWidget(self.state)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(self.open_company)
        self.shown_label = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        foot = QHBoxLayout()
        foot.addWidget(self.shown_label, 1)
        foot.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addLayout(foot)
        self.resize(900, 520)
        self.rows: list[Certified] = []
        self.grade.currentIndexChanged.connect(self.show_rows)
        self.state.currentIndexChanged.connect(self.show_rows)
        self.reload()

    def reload(self) -> None:
        """Read the district's certificates again (after a renewal) and show them."""
        self.overview = self.ctx.classification.standardisation_overview(self.today)
        lang = ui_lang()
        states = self.overview.by_state()
        grades = self.overview.by_grade()
        by_state = " · ".join(f"{CERTIFICATE_STATES[k].in_(lang)} {n}" for k, n in states.items())
        by_grade = " · ".join(
            f"{STANDARDISATION_GRADES[k].in_(lang) if k else self.tr('No grade')} {n}"
            for k, n in grades.items())
        self.counts.setText(
            self.tr("On %1, of %2 companies: %3. By grade: %4.")
            .replace("%1", show_date(self.today)).replace("%2", str(len(self.overview.rows)))
            .replace("%3", by_state).replace("%4", by_grade))
        self.show_rows()

    def show_rows(self) -> None:
        assert self.overview is not None
        self.rows = self.overview.chosen(self.grade.currentData(),
                                         STATE_CHOICES[self.state.currentData()])
        lang = ui_lang()
        headers = [self.tr("Company"), self.tr("Town"), self.tr("Grade"),
                   self.tr("Certificate"), self.tr("Issued on"), self.tr("Expires on"),
                   self.tr("State")]
        self.table.setSortingEnabled(False)
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            std = row.standardisation
            grade = STANDARDISATION_GRADES.get(std.grade or "")
            colour = {"expired": EXPIRED, "expiring": EXPIRING}.get(row.state)
            cells = (row.name, row.town or "", grade.in_(lang) if grade else "",
                     std.certificate or "", show_date(std.issued_on),
                     show_date(std.expires_on), CERTIFICATE_STATES[row.state].in_(lang))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if colour is not None:
                    item.setBackground(QBrush(colour))
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, row.company_id)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.shown_label.setText(self.tr("%Ln company(s) shown", "", len(self.rows)))
        self.export_button.setEnabled(bool(self.rows))

    def open_company(self) -> None:
        """The company's class and certificate, where a renewal is recorded; then the counts
        and the list are read again."""
        from inspector_app.ui.dialogs.classification_dialog import ClassificationDialog

        row = self.table.currentRow()
        if row < 0:
            return
        company_id = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        ClassificationDialog(self.ctx, company_id, self).exec()
        self.reload()

    def choose_export_file(self) -> None:
        path, _ = save_file(self, Kind.CSV, self.tr("Export the list"),
                            self.tr("standardisation-{0}.csv").format(self.today.isoformat()),
                            self.tr("CSV files (*.csv)"))
        target = saved_as(self, path, ".csv")
        if target is not None:
            self.export(target)

    def export(self, path: Path) -> bool:
        """The companies shown, as listed, to ``path``; a failure is explained."""
        try:
            count = write_standardisation_csv(path, self.rows, ui_lang())
        except InspectorError as exc:
            messages.error(exc)
            return False
        messages.info(self.tr("Written: %1 (%Ln company(s))", "", count)
                      .replace("%1", str(path)))
        return True
