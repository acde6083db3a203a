"""Help → Keyboard shortcuts: every shortcut of the program in one list.

The main window's come from its actions (so the list cannot drift from what the keys do); the
inspection window's from that window's own list, which it also uses for its tooltips.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.ui.shortcuts import plain
from inspector_app.ui.table_columns import fit_columns


class KeyboardHelpDialog(QDialog):
    def __init__(self, main_actions: list[QAction], inspection_keys: list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows: list[tuple[str, str]] = [("", self.tr("Main window"))]
        for action in main_actions:
            if not action.shortcut().isEmpty():
                keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                                 for s in action.shortcuts())
                rows.append((keys, plain(action.text())))
        rows.append(("", self.tr("Inspection window")))
        rows.extend(inspection_keys)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, (keys, text) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            item = QTableWidgetItem(text)
            if not keys:  # a heading
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(row, 1, item)
        self.column_fitter = fit_columns(self.table, "keyboard_help", stretch=1)
        note = QLabel(self.tr("Text fields keep digits and letters for typing: press Esc to go "
                              "back to the list first."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, 560)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text())
                for r in range(self.table.rowCount())]
