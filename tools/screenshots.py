"""Screenshots of every page and main dialog of the real window, on demo data.

Run it on a real (virtual) screen of the size to check, e.g.::

    xvfb-run -a -s "-screen 0 1024x600x24" .venv/bin/python tools/screenshots.py \
        --lang zh_CN --out screenshots/1024x600-zh_CN

``make screenshots`` does it for 1024×600 and 1366×768, in Chinese and English. Each PNG is the
whole screen, so a window that does not fit shows cut at the edge. The script also lists, in
``problems.txt`` beside the pictures, every window that leaves the screen's available area and,
for Chinese, every visible text in Latin letters (a missing translation, or a proper name):
labels, buttons, menus, tooltips, the entries of lists and combo boxes and the first rows of
tables, where data (a checklist's id) shows too.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenuBar,
    QTabWidget,
    QWidget,
)

from inspector_app.paths import DataDir

_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
# Latin text that belongs in a Chinese interface: file types, units, names of standards.
_ALLOWED_LATIN = {"PDF", "CSV", "YAML", "USB", "Excel", "xlsx", "inspx", "UTC", "ID", "GB",
                  "AQ", "Inspector", "PNG", "JPEG", "HEIC", "Esc", "MPa", "px", "Ctrl", "Shift",
                  "Alt", "Enter", "Tab", "Page", "Down",
                  "ISO", "English"}  # ISO weeks; the language menu says "English"


def settle(ms: int = 250) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


class Walk:
    def __init__(self, app: QApplication, out: Path, lang: str) -> None:
        self.app = app
        self.out = out
        self.lang = lang
        self.count = 0
        self.problems: list[str] = []

    def shoot(self, name: str) -> None:
        settle()
        self.count += 1
        path = self.out / f"{self.count:02d}-{name}.png"
        self.app.primaryScreen().grabWindow(0).save(str(path))
        self.check(name)

    def check(self, name: str) -> None:
        area = self.app.primaryScreen().availableGeometry()
        for window in self.app.topLevelWidgets():
            if window.isVisible() and window.isWindow() and not area.contains(
                    window.frameGeometry()):
                self.problems.append(f"{name}: {type(window).__name__} "
                                     f"{window.frameGeometry().getRect()} leaves the screen "
                                     f"{area.getRect()}")
        if self.lang != "zh_CN":
            return
        for window in self.app.topLevelWidgets():
            if not window.isVisible():
                continue
            for text in visible_texts(window):
                words = [w for w in _LATIN_WORD.findall(text) if w not in _ALLOWED_LATIN]
                if words:
                    self.problems.append(f"{name}: Latin text {text[:80]!r}")

    def dialog(self, name: str, make: Callable[[], QWidget | None]) -> None:
        """Open a dialog (without a nested event loop), take its picture, close it."""
        widget = make()
        settle()
        if widget is None:
            widget = self.app.activeModalWidget() or self.app.activeWindow()
        self.shoot(name)
        if widget is not None:
            widget.close()
        settle(100)


def visible_texts(window: QWidget) -> list[str]:
    texts = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QMenuBar):
            texts.extend(_menu_texts(widget.actions()))
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) \
                and widget.model() is not None:  # a header's words come with its table
            texts.extend(_view_texts(widget))
        if widget.toolTip():
            texts.append(widget.toolTip())
    # Markup, entities and mnemonics (&N) are not words on the screen.
    cleaned = (re.sub(r"<[^>]+>|&[a-z]+;|&(?=\w)", " ", t) for t in texts if t)
    return [re.sub(r"\S+\.(jpe?g|png|heic|pdf|csv|xlsx|ya?ml|inspx)\b", " ", t, flags=re.I)
            for t in cleaned]


def _menu_texts(actions: list[QAction]) -> list[str]:
    """The menus' entries and their tooltips, submenus included: they open on a click."""
    texts: list[str] = []
    for action in actions:
        texts.extend((action.text(), action.toolTip() if action.toolTip() != action.text()
                      else ""))
        if action.menu() is not None:
            texts.extend(_menu_texts(action.menu().actions()))
    return texts


def _view_texts(view: QAbstractItemView, rows: int = 40) -> list[str]:
    """A table's or list's headers and the first rows' cells: words in them are read too."""
    model = view.model()
    root = view.rootIndex()
    try:
        columns = model.columnCount(root)
    except TypeError:  # Qt's own list models keep it private: one column
        columns = 1
    texts = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
    hidden = getattr(view, "isColumnHidden", lambda _column: False)
    shown = [c for c in range(columns) if not hidden(c)]
    texts = [t for c, t in enumerate(texts) if c in shown]
    for row in range(min(rows, model.rowCount(root))):
        for column in shown:
            value = model.index(row, column, root).data()
            if isinstance(value, str):
                texts.append(value)
    return texts


def build_data(root: Path) -> DataDir:
    from inspector_app.services.context import AppContext
    from inspector_app.services.demo import build_demo
    from inspector_app.services.forms import ensure_shipped_templates
    from inspector_app.storage.templates_repo import TemplateRepo

    data_dir = DataDir(root)
    data_dir.ensure()
    ctx = AppContext(data_dir)
    ensure_shipped_templates(TemplateRepo(ctx.db, ctx.device.id))
    build_demo(ctx.db, ctx.device, data_dir.photos, companies=20, inspections=40,
               photos_per_inspection=2, seed=12, today=date.today())
    ctx.close()
    return data_dir


def walk(app: QApplication, data_dir: DataDir, lang: str, out: Path) -> Walk:
    from inspector_app.app import open_settings
    from inspector_app.services.context import AppContext
    from inspector_app.services.photos import PhotoService
    from inspector_app.ui import screen_fit
    from inspector_app.ui.dialogs.first_run import FirstRunDialog
    from inspector_app.ui.dialogs.identity_dialogs import IdentityDialog, OrgDialog
    from inspector_app.ui.dialogs.number_blocks_dialog import NumberBlocksDialog
    from inspector_app.ui.dialogs.photo_viewer import PhotoViewer
    from inspector_app.ui.dialogs.plan_teams_dialog import PlanTeamsDialog
    from inspector_app.ui.dialogs.preferences import PreferencesDialog
    from inspector_app.ui.dialogs.station_dialogs import (
        CheckDialog,
        MilestoneDialog,
        NewStationDialog,
    )
    from inspector_app.ui.dialogs.task_done_dialog import TaskDoneDialog
    from inspector_app.ui.dialogs.verify_dialog import VerifyDialog
    from inspector_app.ui.fonts import register_fonts
    from inspector_app.ui.i18n import LanguageSwitcher
    from inspector_app.ui.main_window import MainWindow
    from inspector_app.ui.pages.emergency import DrillDialog, NewPlanDialog

    register_fonts(app)
    settings = open_settings(data_dir)
    screen_fit.install(settings)
    languages = LanguageSwitcher()
    languages.apply(lang)
    ctx = AppContext(data_dir, lang)
    window = MainWindow(ctx, settings, languages)
    window.show()
    shots = Walk(app, out, lang)

    for index, page in enumerate(window.pages):
        window.show_page(index)
        shots.shoot(f"page-{page.page_id or type(page).__name__}")

    inspections = window.inspections_page
    window.show_page(window.pages.index(inspections))
    shots.dialog("new-inspection", lambda: (inspections.new_inspection(), inspections.dialog)[1])
    shots.dialog("planned-inspections", inspections.show_plans)
    companies = window.companies_page
    window.show_page(window.pages.index(companies))
    shots.dialog("company", lambda: (companies.add_company(), companies.dialog)[1])
    shots.dialog("company-import", lambda: (companies.import_companies(), companies.dialog)[1])
    window.show_page(window.pages.index(inspections))
    shots.dialog("reinspection", lambda: window.open_reinspection(None))

    row = ctx.db.execute(
        "SELECT i.id FROM inspections i JOIN findings f ON f.inspection_id = i.id "
        "WHERE i.kind != 'reinspection' GROUP BY i.id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
    if row:
        inspection = window.open_inspection(row[0])
        shots.shoot("inspection-window")
        for tab in range(1, inspection.tabs.count()):
            inspection.tabs.setCurrentIndex(tab)
            shots.shoot(f"inspection-window-tab{tab}")
        inspection.tabs.setCurrentIndex(0)
        shots.dialog("documents", inspection.open_documents)
        shots.dialog("signatures",
                     lambda: (inspection.open_signatures(), inspection.signatures_dialog)[1])
        shots.dialog("history", inspection.show_history)
        photos = PhotoService(ctx.db, ctx.data_dir, ctx.device, None).list(row[0])
        if photos:
            shots.dialog("photo-viewer", lambda: _shown(PhotoViewer(
                PhotoService(ctx.db, ctx.data_dir, ctx.device, None), photos, 0, True,
                inspection)))
        inspection.close()
        settle()

    dispatch = next((p for p in window.pages if p.page_id == "dispatch"), None)
    if dispatch is not None:
        window.show_page(window.pages.index(dispatch))
        table = dispatch.table
        if table.rowCount() and table.columnCount() > 1:
            shots.dialog("dispatch-drill-down", lambda: dispatch.drill(0, 1))
    emergency = next((p for p in window.pages if p.page_id == "emergency"), None)
    if emergency is not None:
        window.show_page(window.pages.index(emergency))
        for tab in range(1, emergency.tabs.count()):
            emergency.tabs.setCurrentIndex(tab)
            shots.shoot(f"page-emergency-tab{tab}")
        emergency.tabs.setCurrentIndex(0)
        shots.dialog("emergency-new-plan", lambda: _shown(NewPlanDialog(emergency._service(),
                                                                       emergency)))
        shots.dialog("emergency-drill", lambda: _shown(DrillDialog(emergency._service(),
                                                                  emergency)))
        svc = emergency._service()
        shots.dialog("emergency-new-station", lambda: _shown(NewStationDialog(svc, emergency)))
        stations = svc.stations()
        if stations:
            shots.dialog("emergency-milestone", lambda: _shown(MilestoneDialog(
                svc, stations[0]["id"], stations[0]["name"], parent=emergency)))
            shots.dialog("emergency-check", lambda: _shown(CheckDialog(
                svc, stations[0]["id"], stations[0]["name"], parent=emergency)))
        tasks = [t for t, _late in svc.tasks(date.today()) if not t["done_on"]]
        if tasks:
            shots.dialog("emergency-task-done",
                         lambda: _shown(TaskDoneDialog(svc, tasks[0], emergency)))
    window.show_page(window.pages.index(companies))
    if companies.model.rowCount():
        companies.table.selectRow(0)
        shots.dialog("company-class", lambda: (companies.classify_company(), companies.dialog)[1])
    shots.dialog("yearly-plan", lambda: (companies.show_year_plan(), companies.dialog)[1])
    shots.dialog("plan-teams", lambda: _shown(PlanTeamsDialog(ctx, window)))
    shots.dialog("standardisation",
                 lambda: (companies.show_standardisation(), companies.dialog)[1])
    shots.dialog("number-blocks", lambda: _shown(NumberBlocksDialog(ctx, window)))
    shots.dialog("keyboard-shortcuts", window.show_keyboard_help)
    shots.dialog("preferences", lambda: _shown(PreferencesDialog(settings, window)))
    shots.dialog("profile", lambda: _shown(FirstRunDialog(ctx, window)))
    shots.dialog("verify-pdf", lambda: _shown(VerifyDialog(ctx, window)))
    shots.dialog("signing-identity", lambda: _shown(IdentityDialog(ctx, window)))
    shots.dialog("office-authority", lambda: _shown(OrgDialog(ctx, window)))
    for widget in app.topLevelWidgets():  # nothing of this walk outlives its database
        widget.close()
        widget.deleteLater()
    settle()
    ctx.close()
    return shots


def first_start(app: QApplication, root: Path, shots: Walk) -> None:
    """A computer with a profile and nothing else: the page says what to do first."""
    from inspector_app.app import open_settings
    from inspector_app.domain.profile import Profile
    from inspector_app.services.context import AppContext
    from inspector_app.storage.repositories import ProfileRepo
    from inspector_app.ui.i18n import LanguageSwitcher
    from inspector_app.ui.main_window import MainWindow

    data_dir = DataDir(root)
    data_dir.ensure()
    ctx = AppContext(data_dir, shots.lang)
    ProfileRepo(ctx.db, ctx.device).save(Profile(
        name="张伟", enforcement_id="32050012", organisation="泉台区应急管理局",
        doc_prefix="QT01", authority_short="泉台"))
    languages = LanguageSwitcher()
    languages.apply(shots.lang)
    window = MainWindow(ctx, open_settings(data_dir), languages)
    window.show()
    shots.shoot("first-start")
    window.close()
    ctx.close()


def _shown(dialog: QWidget) -> QWidget:
    dialog.open() if hasattr(dialog, "open") else dialog.show()
    return dialog


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        print("screenshots: run under a screen, e.g. xvfb-run -a -s '-screen 0 1024x600x24'",
              file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="inspector-shots-") as tmp:
        data_dir = build_data(Path(tmp) / "data")
        shots = walk(app, data_dir, args.lang, args.out)
        first_start(app, Path(tmp) / "empty", shots)
    (args.out / "problems.txt").write_text("\n".join(shots.problems) + "\n", encoding="utf-8")
    print(f"{shots.count} screenshots in {args.out}; {len(shots.problems)} problem(s) listed "
          f"in {args.out / 'problems.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
