"""The sections of the main window that are still summaries."""

from __future__ import annotations

from inspector_app.ui.pages.base import PlaceholderPage


class HazardsPage(PlaceholderPage):
    page_id = "hazards"

    def title(self) -> str:
        return self.tr("Hazards")

    def description(self) -> str:
        n = self.ctx.db["findings"].count
        return self.tr("%n hazard(s) recorded, tracked until re-inspection closes them.", "", n)


class SyncPage(PlaceholderPage):
    page_id = "sync"

    def title(self) -> str:
        return self.tr("Sync")

    def description(self) -> str:
        return self.tr(
            "Move records between this computer and the office on a USB stick: one export "
            "file per computer, merged without losing or doubling anything.")

