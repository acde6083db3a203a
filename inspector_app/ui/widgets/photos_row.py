"""Photos chosen for a record not saved yet (a drill, a station's milestone or check): "Add
photos…", the files chosen, and "Remove" for one added by mistake. The dialog checks them all
before it saves; a file it refuses is named, and the user takes it out here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.ui.save_folder import Kind, open_files

ROWS_SHOWN = 3  # the list's height in rows: a few photos show without making the dialog tall


class PhotosRow(QWidget):
    changed = Signal()  # photos were added or removed

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title  # the file dialog's title
        self.label = QLabel()
        self.add_button = QPushButton(self.tr("Add photos…"))
        self.add_button.clicked.connect(self._choose)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Take the selected photo out (the file stays "
                                              "where it is)"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setFixedHeight(self.list.fontMetrics().height() * ROWS_SHOWN + 10)
        self.list.itemSelectionChanged.connect(self._update)
        self.list.installEventFilter(self)  # Delete takes the selection out, as in a gallery
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.list)
        self._update()

    @property
    def photos(self) -> list[Path]:
        """The files chosen, in the order they were added."""
        return [Path(self.list.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.list.count())]

    def _choose(self) -> None:
        self.add(open_files(self, Kind.PHOTOS, self.title,
                            self.tr("Images (*.jpg *.jpeg *.png)")))

    def add(self, paths: list[Path]) -> None:
        for path in paths:
            item = QListWidgetItem(path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.list.addItem(item)
        self._update()
        if paths:
            self.changed.emit()

    def remove_selected(self) -> None:
        rows = sorted((self.list.row(item) for item in self.list.selectedItems()), reverse=True)
        for row in rows:
            self.list.takeItem(row)
        self._update()
        if rows:
            self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.list and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.matches(QKeySequence.StandardKey.Delete)):
            self.remove_selected()
            return True
        return super().eventFilter(watched, event)

    def _update(self) -> None:
        count = self.list.count()
        self.label.setText(self.tr("%Ln photo(s)", "", count))
        self.list.setVisible(count > 0)  # no empty box before the first photo
        self.remove_button.setVisible(count > 0)
        self.remove_button.setEnabled(bool(self.list.selectedItems()))
