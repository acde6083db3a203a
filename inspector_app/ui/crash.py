"""The dialog shown for an unexpected exception, which offers to save a report
(``excepthook`` shows it)."""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from inspector_app import __version__
from inspector_app.errors import InspectorError, from_os_error
from inspector_app.logs import write_report
from inspector_app.ui.save_folder import Kind, save_file, saved_as


def crash_report(exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> str:
    import platform  # only when something went wrong, not at each start

    lines = [
        f"Inspector {__version__}",
        f"Python {platform.python_version()} on {platform.platform()}",
        f"Time (UTC): {datetime.utcnow().isoformat(timespec='seconds')}",
        "",
        *traceback.format_exception(exc_type, exc, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines) + "\n"


class CrashDialog(QMessageBox):
    """The log already has the error; the report is saved where the user keeps files (the
    folder last used for a report, else Documents), never in the program's logs folder, and
    the dialog then says where it went."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.saved: Path | None = None
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("Unexpected problem"))
        self.setText(self.tr(
            "Inspector ran into an unexpected problem. Every answer already shown on screen "
            "was saved when it was made. You can save a report for support."))
        self.setDetailedText(report)
        self.save_button = self.addButton(self.tr("Save report…"),
                                          QMessageBox.ButtonRole.ActionRole)
        self.addButton(QMessageBox.StandardButton.Close)
        self.save_button.clicked.disconnect()
        # Not connected directly: clicked(bool) would pass False as the report's path.
        self.save_button.clicked.connect(lambda: self.save_report())

    @staticmethod
    def default_report_name() -> str:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        return f"inspector-crash-{stamp}.txt"

    def save_report(self, path: Path | None = None) -> Path | None:
        if path is None:
            chosen, _ = save_file(self, Kind.SUPPORT, self.tr("Save report"),
                                  self.default_report_name(), self.tr("Text files (*.txt)"))
            path = saved_as(self, chosen, ".txt")
            if path is None:
                return None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_report(path, self.report)
        except (OSError, InspectorError) as exc:
            known = exc if isinstance(exc, InspectorError) else from_os_error(exc, path)
            QMessageBox.warning(self, self.tr("Save report"), self.tr(
                "The report could not be saved: {0}").format(known.localized()))
            return None
        self.saved = path
        self.setInformativeText(self.tr(
            "Report saved: {0}\nSend this file to whoever looks after Inspector at your "
            "office.").format(path))
        # The path can be selected and copied.
        label = self.findChild(QLabel, "qt_msgbox_informativelabel")
        if label is not None:
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return path
