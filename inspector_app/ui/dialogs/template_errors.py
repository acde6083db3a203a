"""Why a template file was not imported: every problem as ``FILE:LINE: message``.

The lines are the text ``inspector-app forms validate`` prints, so an author can copy them into a
message to a colleague or compare them with a run of the command.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from inspector_app.services.forms import Problem


class TemplateErrorsDialog(QDialog):
    """Read-only list of the problems of one refused file, with a button to copy them all.

    ``problems`` are the validator's ``Problem``s (shown as ``FILE:LINE: message``) or, for a
    refusal that has no line (the library already holds the version), ready-made lines.
    """

    def __init__(self, path: Path | str, problems: Sequence[Problem | str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TemplateErrorsDialog")
        self.path = Path(path)
        self.lines = [str(p) for p in problems]
        self._validation = any(isinstance(p, Problem) for p in problems)

        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize, None, self)
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.list = QListWidget()
        self.list.setObjectName("problems")
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # Paths and messages are long: wrap them rather than hide the end behind "…".
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setAlternatingRowColors(True)
        for line in self.lines:
            entry = QListWidgetItem(line, self.list)
            entry.setToolTip(line)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(760, 360)

    def text(self) -> str:
        """All problems, one per line, as copied."""
        return "\n".join(self.lines)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text() + "\n")
        self.copy_button.setText(self.tr("Copied"))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Template not imported"))
        name = self.path.name
        if self._validation:
            self.summary.setText(self.tr(
                "{0} cannot be imported. Correct the problems below in the file and import it "
                "again; the library was not changed.").format(name))
        else:
            self.summary.setText(self.tr(
                "{0} was not imported. The library was not changed.").format(name))
        self.copy_button.setText(self.tr("&Copy all"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
