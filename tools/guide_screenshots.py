"""The user guide's pictures, taken from the real window on demo data.

Run under a virtual screen of a small laptop's size::

    xvfb-run -a -s "-screen 0 1024x600x24" .venv/bin/python tools/guide_screenshots.py --lang en

``make guide-screenshots`` does it for both languages. Each picture is the window or dialog the
page describes (not the whole screen), with its colours reduced so the PNGs stay small, written
to ``docs/guide/<lang>/img/<name>.png`` with the names the pages use.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget
from screenshots import _shown, build_data, settle

from inspector_app.paths import DataDir, guide_dir

MAX_WIDTH = 900


def save(widget: QWidget, path: Path) -> None:
    settle()
    image = widget.grab().toImage()
    if image.width() > MAX_WIDTH:
        image = image.scaledToWidth(MAX_WIDTH, Qt.TransformationMode.SmoothTransformation)
    image = image.convertToFormat(QImage.Format.Format_Indexed8,
                                  Qt.ImageConversionFlag.ThresholdDither)
    image.save(str(path), "PNG", 0)


def wait_for(widget: QWidget, ready: Callable[[QWidget], bool], seconds: float = 20) -> QWidget:
    """Give a dialog that works in the background (a PDF preview) time to show its result."""
    for _ in range(int(seconds * 10)):
        if ready(widget):
            break
        settle(100)
    return widget


def plan_year(ctx) -> None:
    """Two teams and a draft plan for next year, so the grid shows what the page describes."""
    from datetime import date

    from inspector_app.services.year_plan import YearPlanService
    from inspector_app.storage.templates_repo import TemplateRepo

    people = [r[0] for r in ctx.db.execute(
        "SELECT id FROM inspectors WHERE enforcement_id != '' ORDER BY name LIMIT 4")]
    service = YearPlanService(ctx.db, ctx.device, None)
    for name, team in (("一组", people[:2]), ("二组", people[2:4])):
        service.add_team(name, team, 30)
    service.generate(date.today().year + 1, TemplateRepo(ctx.db, ctx.device.id).list()[0].key,
                     seed=12)


def _first_cell(dialog: QWidget) -> QWidget:
    """Select the first month with visits, so the list beside the grid shows them."""
    grid = dialog.grid
    for column in range(grid.columnCount()):
        item = grid.item(0, column)
        if item is not None and not item.text().startswith("0/"):
            grid.setCurrentCell(0, column)
            break
    return dialog


def shoot_all(app: QApplication, data_dir: DataDir, lang: str, out: Path) -> list[str]:
    from inspector_app.app import open_settings
    from inspector_app.services.context import AppContext
    from inspector_app.services.photos import PhotoService
    from inspector_app.services.pki import PkiService
    from inspector_app.services.reinspection import ReinspectionService
    from inspector_app.ui import screen_fit
    from inspector_app.ui.dialogs.first_run import FirstRunDialog
    from inspector_app.ui.dialogs.identity_dialogs import IdentityDialog, OrgDialog
    from inspector_app.ui.dialogs.number_blocks_dialog import NumberBlocksDialog
    from inspector_app.ui.dialogs.photo_viewer import PhotoViewer
    from inspector_app.ui.fonts import register_fonts
    from inspector_app.ui.i18n import LanguageSwitcher
    from inspector_app.ui.main_window import MainWindow
    from inspector_app.ui.pages.emergency import DrillDialog

    register_fonts(app)
    settings = open_settings(data_dir)
    screen_fit.install(settings)
    languages = LanguageSwitcher()
    languages.apply(lang)
    ctx = AppContext(data_dir, lang)
    window = MainWindow(ctx, settings, languages)
    window.show()
    taken: list[str] = []

    def page(name: str, page_id: str) -> None:
        index = next(i for i, p in enumerate(window.pages) if p.page_id == page_id)
        window.show_page(index)
        save(window, out / f"{name}.png")
        taken.append(name)

    def dialog(name: str, make: Callable[[], QWidget | None]) -> None:
        widget = make()
        settle()
        widget = widget or app.activeModalWidget() or app.activeWindow()
        save(widget, out / f"{name}.png")
        taken.append(name)
        widget.close()
        settle(100)

    page("inspections", "inspections")
    page("companies", "companies")
    page("ledger", "hazards")
    page("sync", "sync")
    page("dispatch", "dispatch")
    page("emergency", "emergency")
    page("templates", "templates")
    emergency = next(p for p in window.pages if p.page_id == "emergency")
    dialog("drill", lambda: _shown(DrillDialog(emergency._service(), window)))
    companies = window.companies_page
    page("companies", "companies")
    companies.table.selectRow(0)
    dialog("classification", lambda: (companies.classify_company(), companies.dialog)[1])
    plan_year(ctx)
    dialog("year-plan", lambda: _first_cell((companies.show_year_plan(), companies.dialog)[1]))
    inspections = window.inspections_page
    page("inspections", "inspections")
    dialog("start-inspection",
           lambda: (inspections.new_inspection(), inspections.dialog)[1])
    dialog("first-start", lambda: _shown(FirstRunDialog(ctx, window)))
    due = [c.company_id for c in
           ReinspectionService(ctx.db, ctx.device).companies_with_open_hazards()]
    dialog("reinspection", lambda: window.open_reinspection(None, due[0] if due else None))
    # An office with its signing authority and one inspector enrolled, as after its set-up.
    pki = PkiService(ctx.db, ctx.device)
    pki.init_org("泉台区应急管理局", "office-passphrase-1")
    pki.issue("张伟", "32050012", "office-passphrase-1", "one-time-passphrase-1")
    dialog("office-setup", lambda: _shown(OrgDialog(ctx, window)))
    dialog("number-blocks", lambda: _shown(NumberBlocksDialog(ctx, window)))
    dialog("signing-identity", lambda: _shown(IdentityDialog(ctx, window)))

    row = ctx.db.execute(
        "SELECT i.id FROM inspections i JOIN findings f ON f.inspection_id = i.id "
        "WHERE i.kind != 'reinspection' AND i.status = 'draft' GROUP BY i.id "
        "ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
    if row:
        form = window.open_inspection(row[0])
        form.resize(screen_fit.preferred_size(form, 1000, 580))
        save(form, out / "answering.png")
        form.tabs.setCurrentIndex(1)
        save(form, out / "hazards.png")
        form.tabs.setCurrentIndex(2)
        save(form, out / "photos.png")
        form.tabs.setCurrentIndex(0)
        taken += ["answering", "hazards", "photos"]
        dialog("signatures", lambda: (form.open_signatures(), form.signatures_dialog)[1])
        dialog("completing", lambda: (form.complete(), getattr(form, "missing_dialog", None))[1])
        dialog("documents", lambda: wait_for(form.open_documents(),
                                             lambda d: d.print_button.isEnabled()))
        dialog("amending", form.show_history)
        service = PhotoService(ctx.db, ctx.data_dir, ctx.device, None)
        photos = service.list(row[0])
        if photos:
            dialog("photo-viewer", lambda: _shown(PhotoViewer(service, photos, 0, True, form)))
        form.close()
        settle()
    for widget in app.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    settle()
    ctx.close()
    return taken


def review(app: QApplication, lang: str, out: Path) -> int:
    """Every page as the help window shows it on this screen, for a person to read."""
    from inspector_app.services import guide
    from inspector_app.ui.fonts import register_fonts
    from inspector_app.ui.help_window import HelpWindow
    from inspector_app.ui.i18n import LanguageSwitcher

    register_fonts(app)
    languages = LanguageSwitcher()  # holds the translators while the window is shown
    languages.apply(lang)
    window = HelpWindow()
    window.showMaximized()
    pages = guide.pages(lang)
    for page in pages:
        window.show_topic(page.stem)
        settle()
        app.primaryScreen().grabWindow(0).save(str(out / f"{page.stem}.png"))
    window.search_edit.setText("USB" if lang == "en" else "口令")
    settle()
    app.primaryScreen().grabWindow(0).save(str(out / "search.png"))
    window.close()
    return len(pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    parser.add_argument("--out", type=Path, help="default: docs/guide/<lang>/img")
    parser.add_argument("--review", action="store_true",
                        help="instead, picture every page in the help window (into --out)")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        print("guide_screenshots: run under a screen, e.g. xvfb-run -a -s "
              "'-screen 0 1024x600x24'", file=sys.stderr)
        return 2
    out = args.out or guide_dir() / args.lang / "img"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    if args.review:
        print(f"{review(app, args.lang, out)} pages pictured in {out}")
        return 0
    with tempfile.TemporaryDirectory(prefix="inspector-guide-") as tmp:
        taken = shoot_all(app, build_data(Path(tmp) / "data"), args.lang, out)
    print(f"{len(taken)} pictures in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
