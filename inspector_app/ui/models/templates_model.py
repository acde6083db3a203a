"""The template library table of the Templates page, read from ``TemplateRepo.list``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from inspector_app.services.templates import TemplateRecord, TemplateRepo
from inspector_app.ui.models.rows_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex

# The column shows the start of the content hash as a "fingerprint": a few characters an
# inspector can read out on the phone to tell two checklists apart (the full value in the
# tooltip; the CLI's 12 characters start with the same ones).
FINGERPRINT_CHARS = 8
_RETIRED = QColor("#777777")


class TemplatesModel(RowsTableModel):
    KEY = "key"
    COLUMNS = ("id", "version", "title", "items", "hash", "retired")
    RecordRole = Qt.ItemDataRole.UserRole + 1  # the TemplateRecord of the row
    KeyRole = Qt.ItemDataRole.UserRole + 2     # its library key "id@version"

    def __init__(self, repo: TemplateRepo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.include_retired = False

    # -- feeding ------------------------------------------------------------------------------
    def reload(self) -> None:
        self.set_rows(self.repo.list(include_retired=self.include_retired))

    def set_include_retired(self, include: bool) -> None:
        if include != self.include_retired:
            self.include_retired = include
            self.reload()

    def record(self, row: int) -> TemplateRecord:
        return self._rows[row]

    def records(self) -> list[TemplateRecord]:
        return list(self._rows)

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("ID"), self.tr("Version"), self.tr("Title"), self.tr("Items"),
                self.tr("Fingerprint"), self.tr("Retired"))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.COLUMNS) and self.COLUMNS[section] == "hash"):
            return self._fingerprint_meaning()
        return super().headerData(section, orientation, role)

    def _fingerprint_meaning(self) -> str:
        # Line by line: a plain-text tooltip is not wrapped, and must fit a 1024-wide screen.
        return "\n".join((
            self.tr("Worked out from the checklist's content, the same on every computer."),
            self.tr("The same fingerprint: the same items, word for word."),
            self.tr("Another fingerprint: the content differs.")))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "items":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and record.retired:
            return QBrush(_RETIRED)
        if role == self.RecordRole:
            return record
        if role == self.KeyRole:
            return record.key
        return None

    def _display(self, record: TemplateRecord, column: str) -> Any:
        if column == "id":
            return record.template_id
        if column == "version":
            return record.version
        if column == "title":
            return record.title(self._lang)
        if column == "items":
            return record.item_count
        if column == "hash":
            return record.content_hash[:FINGERPRINT_CHARS]
        return self.tr("yes") if record.retired else self.tr("no")

    def _tooltip(self, record: TemplateRecord, column: str) -> str | None:
        if column == "title":
            # The other language's title helps when sharing a template with colleagues.
            other = record.title_zh if self._lang == "en" else record.title_en
            lines = [record.title(self._lang)]
            if other and other != lines[0]:
                lines.append(other)
            if record.source_file:
                lines.append(self.tr("Imported from {0}").format(record.source_file))
            return "\n".join(lines)
        if column == "hash":
            return "\n".join((self._fingerprint_meaning(),
                              self.tr("Full value: {0}").format(record.content_hash)))
        return None
