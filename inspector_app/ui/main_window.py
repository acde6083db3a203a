"""The main window: navigation on the left, one page per section, menus and status bar."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from inspector_app import __version__
from inspector_app.paths import resources_dir
from inspector_app.services.context import AppContext
from inspector_app.ui import advice, screen_fit
from inspector_app.ui.first_show import LATER_MS, when_first_shown
from inspector_app.ui.i18n import LANGUAGES, SETTING_KEY, LanguageSwitcher, resolve_language
from inspector_app.ui.message_bridge import MessageBridge
from inspector_app.ui.pages.base import Page
from inspector_app.ui.passphrase_keeper import PassphraseKeeper
from inspector_app.ui.qt_namespace import qt
from inspector_app.ui.shortcuts import button_shows, show_in_tooltip
from inspector_app.ui.widgets.numbers_left import NumbersLeftLabel

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent
    from PySide6.QtWidgets import QMessageBox

    from inspector_app.ui.dialogs.keyboard_help import KeyboardHelpDialog
    from inspector_app.ui.dialogs.licences_dialog import LicencesDialog
    from inspector_app.ui.dialogs.reinspection_dialog import ReinspectionDialog
    from inspector_app.ui.help_window import HelpController, HelpWindow
    from inspector_app.ui.inspection_window import InspectionWindow
    from inspector_app.ui.pages.companies import CompaniesPage
    from inspector_app.ui.pages.hazards import HazardsPage
    from inspector_app.ui.pages.inspections import InspectionsPage
    from inspector_app.ui.pages.sync import SyncPage


class PageEntry(NamedTuple):
    """A page of the navigation, known before it is built."""

    module: str
    cls: str      # the class, and the context of its title's translation
    title: str    # the page's title() in English
    icon: str     # its pictures in resources/icons/navigation: ``{icon}-{size}.png``


# Each page is built (and its module imported) when first shown: the window appears without
# the spreadsheet, chart and signing libraries the office's pages need.
PAGES: tuple[PageEntry, ...] = (
    PageEntry("inspector_app.ui.pages.companies", "CompaniesPage", "Companies",
              "companies"),
    PageEntry("inspector_app.ui.pages.inspections", "InspectionsPage", "Inspections",
              "inspections"),
    PageEntry("inspector_app.ui.pages.hazards", "HazardsPage", "Hazards",
              "hazards"),
    PageEntry("inspector_app.ui.pages.templates", "TemplatesPage", "Templates",
              "templates"),
    PageEntry("inspector_app.ui.pages.sync", "SyncPage", "Sync",
              "sync"),
    PageEntry("inspector_app.ui.pages.dispatch", "DispatchPage", "Dispatch",
              "dispatch"),
    PageEntry("inspector_app.ui.pages.emergency", "EmergencyPage", "Plans & drills",
              "emergency"),
)
_INDEX = {entry.cls: index for index, entry in enumerate(PAGES)}


def navigation_icons() -> dict[str, QIcon]:
    """The pages' icons, by their ``PageEntry.icon``, from files: not from the style, whose
    Python enums PySide would make at its first use (5-10 ms of the window's start)."""
    icons: dict[str, QIcon] = {}
    for png in sorted((resources_dir() / "icons" / "navigation").glob("*.png")):
        icons.setdefault(png.stem.rsplit("-", 1)[0], QIcon()).addFile(str(png))
    return icons


def remember(settings: QSettings, key: str, value: object) -> None:
    """Set ``key`` only when its value changed: QSettings rewrites its file for any value set,
    the same one too (a few ms to 15 ms of a window's exit on a busy disk)."""
    old = settings.value(key)
    # An integer read back from the file is its text.
    if old is not None and (old == value or (isinstance(value, int) and old == str(value))):
        return
    settings.setValue(key, value)


# After the window first shows, its actions are made (its first page is painted by then).
ACTIONS_LATER_MS = LATER_MS // 4

# The smallest main window whose pages are usable (their filters, a few rows and the buttons
# below them). On a screen too small for it, the window's first size is the least.
USABLE_SIZE = QSize(720, 440)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, settings: QSettings, languages: LanguageSwitcher, *,
                 app_filters_later: bool = False) -> None:
        """``app_filters_later``: the program's start, where what watches every window (their
        fitting to the screen, F1 and the dialogs' "?") starts a moment after this window first
        shows (``first_show``); this window is fitted as it shows."""
        super().__init__()
        self.ctx = ctx
        self.settings = settings
        self.languages = languages
        self.setObjectName("MainWindow")
        if app_filters_later:
            screen_fit.install_later(self, settings)
        else:
            screen_fit.install(settings)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMinimumWidth(110)
        self.stack = QStackedWidget()
        self._built: list[Page | None] = [None] * len(PAGES)
        icons = navigation_icons()
        for entry in PAGES:
            self.stack.addWidget(QWidget())  # stands in for the page until it is first shown
            QListWidgetItem(icons[entry.icon], "", self.nav)
        self.nav.currentRowChanged.connect(self.show_page)
        self.inspection_windows: dict[str, InspectionWindow] = {}
        # Passphrases the user chose to keep, for every window and page opened from here.
        self.passphrases = PassphraseKeeper(self)

        splitter = QSplitter()  # side by side (Qt's default, unnamed: see ``qt_namespace``)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([170, 1100])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

        # This computer's numbers, shown while a type runs low: before they run out.
        self.numbers_left = NumbersLeftLabel()
        self.statusBar().addPermanentWidget(self.numbers_left)
        self.identity = QLabel()
        self.statusBar().addPermanentWidget(self.identity)
        self.bridge = MessageBridge(self, self.statusBar())
        self.bridge.install()
        advice.install()  # a message's hint says where in this window to do it

        self.help: HelpController | None = None
        self._build_menus()
        self.actions_made = False
        if app_filters_later:
            when_first_shown(self, later=self._install_help, turn=2)
            # Counting the numbers left reads the records: after the first frame.
            when_first_shown(self, later=self.update_numbers_left, turn=3)
            # The actions (their shortcuts) and the menus' entries come a moment after the
            # first frame: the menu bar shows its titles from the first frame on. Not with the
            # rest of the deferred work (``LATER_MS``): the window would stop answering for
            # both at once.
            when_first_shown(self, now=lambda: QTimer.singleShot(ACTIONS_LATER_MS, self,
                                                                 self._make_actions))
        else:
            self._install_help()
            self._make_actions()
        self.retranslate()
        if not app_filters_later:
            self.update_numbers_left()
        self._restore()

    # -- pages --
    def page(self, index: int) -> Page:
        """The page at ``index`` of the navigation, built if it was not yet."""
        built = self._built[index]
        if built is not None:
            return built
        entry = PAGES[index]
        page: Page = getattr(importlib.import_module(entry.module), entry.cls)(self.ctx)
        page.defer_first_load = True  # the window is drawn first, then the list fills
        self._built[index] = page
        placeholder = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        if current == index:
            self.stack.setCurrentIndex(index)
        self._connect(page)
        page.retranslate()
        return page

    def _connect(self, page: Page) -> None:
        if page.page_id == "inspections":
            page.open_requested.connect(self.open_inspection)  # type: ignore[attr-defined]
            page.add_company_requested.connect(  # type: ignore[attr-defined]
                lambda: self._on_page(self.companies_page).add_company())
            page.import_companies_requested.connect(  # type: ignore[attr-defined]
                lambda: self._on_page(self.companies_page).import_companies())
            page.import_bundle_requested.connect(  # type: ignore[attr-defined]
                lambda: self._on_page(self.sync_page).choose_import())
            if self.actions_made:
                button_shows(page.new_button,  # type: ignore[attr-defined]
                             self.act_new_inspection)
        elif page.page_id == "hazards":
            page.open_inspection_requested.connect(  # type: ignore[attr-defined]
                lambda inspection_id, page=page: self.open_inspection(
                    inspection_id, finding_id=page.selected_id()))
            page.reinspect_requested.connect(  # type: ignore[attr-defined]
                lambda company_id: self.open_reinspection(None, company_id))
        elif page.page_id == "sync":
            page.passphrases = self.passphrases  # type: ignore[attr-defined]
            # An import may bring this computer a new block.
            page.finished.connect(  # type: ignore[attr-defined]
                lambda _ok, _text: self.update_numbers_left())

    @property
    def pages(self) -> list[Page]:
        """Every page, each built now if it was not yet."""
        return [self.page(index) for index in range(len(PAGES))]

    @property
    def companies_page(self) -> CompaniesPage:
        return self.page(_INDEX["CompaniesPage"])  # type: ignore[return-value]

    @property
    def inspections_page(self) -> InspectionsPage:
        return self.page(_INDEX["InspectionsPage"])  # type: ignore[return-value]

    @property
    def hazards_page(self) -> HazardsPage:
        return self.page(_INDEX["HazardsPage"])  # type: ignore[return-value]

    @property
    def sync_page(self) -> SyncPage:
        return self.page(_INDEX["SyncPage"])  # type: ignore[return-value]

    def built_pages(self) -> list[Page]:
        return [page for page in self._built if page is not None]

    # -- building --
    def _build_actions(self) -> None:
        # Imported here, after the first frame: PySide makes a class's enums at its import
        # (QKeySequence.StandardKey's seventy among them).
        from PySide6.QtGui import QAction, QActionGroup, QKeySequence

        # setShortcuts, not setShortcut: PySide weighs setShortcut's overloads (a Qt.Key among
        # them) by making the ``Qt`` namespace's enums (``qt_namespace``).
        self.act_new_inspection = QAction(self)
        self.act_new_inspection.setShortcuts([QKeySequence(QKeySequence.StandardKey.New)])
        self.act_new_inspection.triggered.connect(self._new_inspection)
        self.act_reinspection = QAction(self)
        self.act_reinspection.setShortcuts([QKeySequence("Ctrl+R")])
        self.act_reinspection.triggered.connect(lambda: self.open_reinspection(None))
        self.act_quit = QAction(self)
        self.act_quit.setShortcuts([QKeySequence(QKeySequence.StandardKey.Quit)])
        self.act_quit.triggered.connect(self.close)
        self.act_preferences = QAction(self)
        self.act_preferences.setShortcuts([QKeySequence("Ctrl+,")])
        self.act_preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.act_preferences.triggered.connect(self.open_preferences)
        self.act_profile = QAction(self)
        self.act_profile.triggered.connect(self.edit_profile)
        self.act_data_folder = QAction(self)
        self.act_data_folder.triggered.connect(self._open_data_folder)
        self.act_verify = QAction(self)
        self.act_verify.triggered.connect(self._verify)
        self.act_identity = QAction(self)
        self.act_identity.triggered.connect(self._identity)
        self.act_org = QAction(self)
        self.act_org.triggered.connect(self._org)
        self.act_numbers = QAction(self)
        self.act_numbers.triggered.connect(self._numbers)
        self.act_keys = QAction(self)
        self.act_keys.setShortcuts([QKeySequence("Ctrl+/")])
        self.act_keys.triggered.connect(self.show_keyboard_help)
        self.act_guide = QAction(self)
        self.act_guide.setShortcuts([QKeySequence(QKeySequence.StandardKey.HelpContents)])
        self.act_guide.triggered.connect(self.show_guide)
        self.act_about = QAction(self)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.act_about.triggered.connect(self.show_about)

        self.page_actions: list[QAction] = []
        for index in range(len(PAGES)):
            action = QAction(self)
            action.setShortcuts([QKeySequence(f"Ctrl+{index + 1}")])
            action.triggered.connect(lambda _=False, i=index: self.show_page(i))
            self.page_actions.append(action)

        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setData(code)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.language_group.addAction(action)
            self.language_actions[code] = action

        # The actions made here, not findChildren: that wraps every child Qt made for the
        # window in Python, and makes their classes (1-2 ms of the start).
        made = [value for value in vars(self).values() if isinstance(value, QAction)]
        for action in (*made, *self.page_actions):
            if not action.shortcut().isEmpty():
                show_in_tooltip(action)

    def _build_menus(self) -> None:
        """The menu bar's menus, empty until ``_make_actions``."""
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_edit = bar.addMenu("")
        self.menu_view = bar.addMenu("")
        self.menu_tools = bar.addMenu("")
        self.menu_help = bar.addMenu("")

    def _make_actions(self) -> None:
        """The window's actions, their shortcuts, and the menus' entries."""
        if self.actions_made:
            return
        self._build_actions()
        self._fill_menus()
        self.actions_made = True
        self._retranslate_actions()

    def _fill_menus(self) -> None:
        self.menu_file.addAction(self.act_new_inspection)
        self.menu_file.addAction(self.act_reinspection)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit.addAction(self.act_preferences)
        for action in self.page_actions:
            self.menu_view.addAction(action)
        self.menu_view.addSeparator()
        self.menu_language = self.menu_view.addMenu("")
        for action in self.language_actions.values():
            self.menu_language.addAction(action)
        self.menu_tools.addAction(self.act_verify)
        self.menu_tools.addAction(self.act_identity)
        self.menu_tools.addAction(self.act_org)
        self.menu_tools.addAction(self.act_numbers)
        self.menu_tools.addSeparator()
        self.menu_tools.addAction(self.act_profile)
        self.menu_tools.addAction(self.act_data_folder)
        self.menu_help.addAction(self.act_guide)
        self.menu_help.addAction(self.act_keys)
        self.menu_help.addSeparator()
        self.menu_help.addAction(self.act_about)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Inspector"))
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_tools.setTitle(self.tr("&Tools"))
        self.menu_help.setTitle(self.tr("&Help"))
        for row, entry in enumerate(PAGES):
            # The page's own title(): the same text in the same translation context.
            self.nav.item(row).setText(QCoreApplication.translate(entry.cls, entry.title))
        for page in self.built_pages():
            page.retranslate()
        self._retranslate_actions()
        self._update_identity()

    def _retranslate_actions(self) -> None:
        if not self.actions_made:
            return
        self.menu_language.setTitle(self.tr("&Language"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_new_inspection.setText(self.tr("&New inspection…"))
        self.act_reinspection.setText(self.tr("&Re-inspection…"))
        self.act_preferences.setText(self.tr("&Preferences…"))
        self.act_profile.setText(self.tr("Inspector &profile…"))
        self.act_data_folder.setText(self.tr("Open &data folder"))
        self.act_guide.setText(self.tr("&User guide"))
        self.act_about.setText(self.tr("&About Inspector"))
        self.act_keys.setText(self.tr("&Keyboard shortcuts"))
        self.act_verify.setText(self.tr("&Verify a signed PDF…"))
        self.act_identity.setText(self.tr("Signing &identity…"))
        self.act_org.setText(self.tr("Office signing &authority…"))
        self.act_numbers.setText(self.tr("Document-number &blocks…"))
        for row, entry in enumerate(PAGES):
            # A menu entry reads "&" as its shortcut letter's mark: "Plans & drills" is text.
            self.page_actions[row].setText(
                QCoreApplication.translate(entry.cls, entry.title).replace("&", "&&"))
        self.language_actions[self.languages.current].setChecked(True)
        inspections = self._built[_INDEX["InspectionsPage"]]
        if inspections is not None:
            button_shows(inspections.new_button,  # type: ignore[attr-defined]
                         self.act_new_inspection)

    def update_numbers_left(self) -> None:
        """Show this computer's numbers of each type running low (fewer than ``LOW_WATER``
        left in the blocks the office gave it), or nothing while there are enough."""
        self.numbers_left.update_from(self.ctx.numbers)

    def _update_identity(self) -> None:
        who = self.ctx.actor or self.tr("no inspector set")
        self.identity.setText(self.tr("{0} · prefix {1}").format(who, self.ctx.device.doc_prefix))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- behaviour --
    def _open_data_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.data_dir.root)))

    # Dialogs and the form window are imported when first opened: the PDF, signing and
    # certificate libraries behind them took most of the window's start.
    def _verify(self) -> None:
        from inspector_app.ui.dialogs.verify_dialog import VerifyDialog

        VerifyDialog(self.ctx, self).exec()

    def _identity(self) -> None:
        from inspector_app.ui.dialogs.identity_dialogs import IdentityDialog

        IdentityDialog(self.ctx, self).exec()
        self.passphrases.forget()  # a passphrase kept may be of an identity now replaced

    def _numbers(self) -> None:
        from inspector_app.ui.dialogs.number_blocks_dialog import NumberBlocksDialog

        NumberBlocksDialog(self.ctx, self).exec()
        self.update_numbers_left()  # the office's own computer may have given itself a block

    def _org(self) -> None:
        from inspector_app.ui.dialogs.identity_dialogs import OrgDialog

        OrgDialog(self.ctx, self).exec()
        self.passphrases.forget()

    def show_page(self, index: int) -> None:
        if not 0 <= index < len(PAGES):
            return
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)  # re-enters through currentRowChanged
            return
        page = self.page(index)
        self.stack.setCurrentIndex(index)  # a page not yet loaded loads when it shows
        page.reload_if_changed()
        page.retranslate()

    def _on_page(self, page: Page) -> Page:
        self.show_page(self._built.index(page))
        return page

    def _new_inspection(self) -> None:
        self.show_page(_INDEX["InspectionsPage"])
        self.inspections_page.new_inspection()

    def open_reinspection(self, reinspection_id: str | None,
                          company_id: str | None = None) -> ReinspectionDialog:
        """The re-inspection of a company's open hazards (复查), new or one to go on with."""
        from inspector_app.ui.dialogs.reinspection_dialog import ReinspectionDialog

        dialog = (ReinspectionDialog.for_reinspection(self.ctx, reinspection_id, self)
                  if reinspection_id else ReinspectionDialog(self.ctx, company_id, self))
        dialog.reinspection_created.connect(lambda _id: self._refresh_pages())
        dialog.reinspection_completed.connect(lambda _id: self._refresh_pages())
        self.reinspection_dialog = dialog
        dialog.open()
        return dialog

    def open_path(self, path: Path) -> QWidget | None:
        """Open a file given on the command line: a bundle's import, a PDF's verification."""
        screen_fit.install(self.settings)  # its dialog may come before every window is fitted
        self.raise_window()
        suffix = path.suffix.lower()
        if suffix == ".inspx":
            sync = self.sync_page
            self.show_page(_INDEX["SyncPage"])
            return sync.offer_import(path)
        if suffix == ".pdf":
            from inspector_app.ui.dialogs.verify_dialog import VerifyDialog

            dialog = VerifyDialog(self.ctx, self)
            dialog.setAttribute(qt().WidgetAttribute.WA_DeleteOnClose)
            self.verify_dialog = dialog
            dialog.open()
            dialog.verify(path)
            return dialog
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, self.tr("Cannot open this file"), self.tr(
            "{0} is neither an Inspector bundle (.inspx) nor a PDF.").format(path))
        return None

    def handle_request(self, request: dict) -> None:
        """A later start of the program asked this window to open a file or come forward."""
        file = request.get("open")
        if isinstance(file, str) and file:
            self.open_path(Path(file))
        else:
            self.raise_window()

    def raise_window(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def _refresh_pages(self) -> None:
        self.current_page().refresh()

    def open_inspection(self, inspection_id: str, finding_id: str | None = None
                        ) -> InspectionWindow | ReinspectionDialog:
        """One form window per inspection; opening it again brings it to the front. Opened
        from a hazard (``finding_id``), it shows that hazard."""
        if self.ctx.inspections.kind_of(inspection_id) == "reinspection":
            return self.open_reinspection(inspection_id)
        window = self.inspection_windows.get(inspection_id)
        if window is None:
            from inspector_app.ui.inspection_window import InspectionWindow

            window = InspectionWindow(self.ctx, inspection_id, passphrases=self.passphrases)
            window.changed.connect(lambda _id: self._inspection_changed())
            window.revision_opened.connect(self.open_inspection)
            window.destroyed.connect(lambda *_: self.inspection_windows.pop(inspection_id, None))
            self.inspection_windows[inspection_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        if finding_id:
            window.show_finding(finding_id)
        return window

    def _inspection_changed(self) -> None:
        self.update_numbers_left()  # a record or document may have taken a number
        # A page not in view catches up when it is shown again (reload_if_changed).
        inspections = self._built[_INDEX["InspectionsPage"]]
        if (inspections is not None and self.current_page() is inspections
                and inspections.loaded):
            inspections.refresh()

    def current_page(self) -> Page:
        return self.page(self.stack.currentIndex())

    def set_language(self, lang: str, *, remember: bool = True) -> None:
        if remember:
            self.settings.setValue(SETTING_KEY, lang)
        self.languages.apply(lang)  # LanguageChange reaches every widget
        if self.actions_made:  # else checked as they are made
            self.language_actions[lang].setChecked(True)

    def open_preferences(self) -> None:
        from inspector_app.ui.dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec():
            choice = dialog.chosen_language()
            self.settings.setValue(SETTING_KEY, choice)
            # "Same as the system" is resolved now, so the menu shows what the window speaks.
            lang = choice if choice in LANGUAGES else resolve_language(None, self.settings)
            self.set_language(lang, remember=False)

    def edit_profile(self) -> None:
        from inspector_app.ui.dialogs.first_run import FirstRunDialog

        if FirstRunDialog(self.ctx, self).exec():
            self.passphrases.forget()  # another inspector may be using this computer now
            self._update_identity()

    def show_keyboard_help(self) -> KeyboardHelpDialog:
        from PySide6.QtGui import QAction

        from inspector_app.ui.dialogs.keyboard_help import KeyboardHelpDialog
        from inspector_app.ui.inspection_window import InspectionWindow  # imported when used

        dialog = KeyboardHelpDialog(
            [a for a in self.findChildren(QAction) if a is not self.act_keys],
            InspectionWindow.keyboard_help(), self)
        dialog.setAttribute(qt().WidgetAttribute.WA_DeleteOnClose)
        self.keyboard_dialog = dialog
        dialog.open()
        return dialog

    def _install_help(self) -> HelpController:
        """F1 anywhere, and a "?" button in the main dialogs (``help_window``)."""
        if self.help is None:
            from inspector_app.ui import help_window

            self.help = help_window.install(self)
        return self.help

    def show_guide(self) -> HelpWindow:
        """The user guide at the page of the screen in front."""
        from inspector_app.ui.help_window import topic_of

        return self._install_help().show_help(topic_of(QApplication.focusWidget() or self))

    def show_about(self) -> QMessageBox:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("About Inspector"), self.tr(
            "<h3>Inspector {0}</h3><p>Offline on-site work-safety inspections: checklists, "
            "photos, hazards and rectification, signed PDF records and USB sync.</p>"
            "<p>Data folder: {1}</p>").format(__version__, self.ctx.data_dir.root),
            QMessageBox.StandardButton.Close, self)
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        licences = box.addButton(self.tr("&Licences…"), QMessageBox.ButtonRole.ActionRole)
        licences.clicked.connect(self.show_licences)
        self.about_box = box
        box.open()
        return box

    def show_licences(self) -> LicencesDialog:
        from inspector_app.ui.dialogs.licences_dialog import LicencesDialog

        dialog = LicencesDialog(self)
        dialog.setAttribute(qt().WidgetAttribute.WA_DeleteOnClose)
        self.licences_dialog = dialog
        dialog.open()
        return dialog

    # -- geometry --
    def _restore(self) -> None:
        default = screen_fit.preferred_size(self, 1280, 820)
        usable = USABLE_SIZE.boundedTo(default)
        geometry = self.settings.value("window/geometry")
        if geometry is None:
            self.resize(default)
        elif not (self.restoreGeometry(geometry) and screen_fit.restorable(self, usable)):
            # Remembered on another screen, or too small to work in: start afresh.
            self.setWindowState(qt().WindowState.WindowNoState)
            self.resize(default)
            self.move(screen_fit.centred(self, default))
        self.setMinimumSize(usable)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        self.show_page(int(self.settings.value("window/page", 1)))

    def closeEvent(self, event: QCloseEvent) -> None:
        # The record windows have no parent: left open they would keep the program running
        # with its main window gone, and a new start would only wake that hidden instance.
        for window in list(self.inspection_windows.values()):
            if not window.close():
                event.ignore()
                return
        remember(self.settings, "window/geometry", self.saveGeometry())
        remember(self.settings, "window/state", self.saveState())
        remember(self.settings, "window/page", self.stack.currentIndex())
        self.settings.sync()  # a no-op when nothing changed
        self.bridge.uninstall()
        self.passphrases.forget()
        super().closeEvent(event)
