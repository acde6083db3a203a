"""The sections of the main window that are still summaries."""

from __future__ import annotations

from inspector_app.ui.pages.base import PlaceholderPage


class SyncPage(PlaceholderPage):
    page_id = "sync"

    def title(self) -> str:
        return self.tr("Sync")

    def description(self) -> str:
        return self.tr(
            "Move records between this computer and the office on a USB stick: one export "
            "file per computer, merged without losing or doubling anything.")

