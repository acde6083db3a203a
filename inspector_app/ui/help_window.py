"""The user guide in a window of its own: contents, search, back and forward.

Qt renders the Markdown pages itself (``QTextBrowser`` with a ``.md`` source); nothing is sent to
a browser or the network. F1 anywhere opens the page of the screen or dialog in front
(``SCREEN_TOPICS`` below, or a ``help_topic`` on the widget or one of its parents). The main
dialogs get a "?" button in their button box when they are shown, which does the same.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QIcon,
    QImage,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.services import guide
from inspector_app.ui import screen_fit

TOPIC_ROLE = Qt.ItemDataRole.UserRole

# Which page of the guide explains which screen: main-window pages by ``page_id``, windows and
# dialogs by class name. The dialogs named here get the "?" button.
SCREEN_TOPICS = {
    "companies": "companies",
    "inspections": "start-inspection",
    "hazards": "ledger",
    "templates": "checklists-excel",
    "dispatch": "dispatch",
    "emergency": "emergency",
    "sync": "export-usb",
    "FirstRunDialog": "first-start",
    "PreferencesDialog": "first-start",
    "CompanyDialog": "companies",
    "CompanyImportDialog": "companies",
    "NewInspectionDialog": "start-inspection",
    "PlansDialog": "start-inspection",
    "KeyboardHelpDialog": "answering",
    "NewHazardDialog": "hazards",
    "GovernancePlanDialog": "hazards",
    "PhotoViewer": "photos",
    "SignaturesDialog": "signatures",
    "MissingDialog": "completing",
    "DocumentDialog": "documents",
    "VerifyDialog": "documents",
    "HistoryDialog": "amending",
    "ReinspectionDialog": "reinspection",
    "IdentityDialog": "signing",
    "ImportIdentityDialog": "signing",
    "OrgDialog": "office-setup",
    "NumberBlocksDialog": "office-setup",
    "DrillDownDialog": "dispatch",
    "NewPlanDialog": "emergency",
    "FilingDialog": "emergency",
    "DrillDialog": "emergency",
    "NewStationDialog": "emergency",
    "MilestoneDialog": "emergency",
    "TaskDoneDialog": "emergency",
    "StatusDialog": "emergency",
    "CheckDialog": "emergency",
    "UnitsDialog": "dispatch",
    "UnitDialog": "dispatch",
    "CampaignDialog": "dispatch",
    "PlanTeamsDialog": "year-plan",
    "DropCompanyDialog": "year-plan",
    "StandardisationDialog": "year-plan",
    "ClassificationDialog": "year-plan",
    "YearPlanDialog": "year-plan",
    "CrashDialog": "troubleshooting",
}
# The inspection window's tabs: the item, its hazards, its photos.
INSPECTION_TAB_TOPICS = ("answering", "hazards", "photos")


def current_language() -> str:
    return guide.language_of(QLocale().name())


def topic_of(widget: QWidget | None) -> str:
    """The guide page for ``widget``: its own ``help_topic`` or the nearest parent's."""
    while widget is not None:
        topic = _own_topic(widget)
        if topic:
            return topic
        widget = widget.parentWidget()
    return guide.HOME


def _own_topic(widget: QWidget) -> str | None:
    topic = getattr(widget, "help_topic", None)
    if callable(topic):
        topic = topic()
    if topic:
        return str(topic)
    name = type(widget).__name__
    if name == "MainWindow":
        page = widget.current_page()  # type: ignore[attr-defined]
        return SCREEN_TOPICS.get(page.page_id, guide.HOME)
    if name == "InspectionWindow":
        status = getattr(widget.record.status, "value", "")  # type: ignore[attr-defined]
        if status in ("completed", "signed"):
            return "completing" if status == "completed" else "signing"
        tab = widget.tabs.currentIndex()  # type: ignore[attr-defined]
        return INSPECTION_TAB_TOPICS[tab] if 0 <= tab < len(INSPECTION_TAB_TOPICS) else None
    return SCREEN_TOPICS.get(name)


class GuideBrowser(QTextBrowser):
    """Shows pictures no wider than the page, so a screenshot never needs sideways scrolling."""

    def loadResource(self, kind: int, url: QUrl) -> object:
        if (int(getattr(kind, "value", kind)) == QTextDocument.ResourceType.ImageResource.value
                and url.isLocalFile()):
            image = QImage(url.toLocalFile())
            room = max(200, self.viewport().width() - 40)
            if not image.isNull() and image.width() > room:
                image = image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
            return image
        return super().loadResource(kind, url)


class HelpWindow(QWidget):
    def __init__(self, parent: QWidget | None = None, root: Path | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.root = root
        self.lang = current_language()
        self.browser = GuideBrowser()
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._outside_link)
        self.browser.sourceChanged.connect(self._on_source)
        self.browser.historyChanged.connect(self._update_buttons)

        self.back_button = QToolButton()
        self.back_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.back_button.clicked.connect(self.browser.backward)
        self.forward_button = QToolButton()
        self.forward_button.setArrowType(Qt.ArrowType.RightArrow)
        self.forward_button.clicked.connect(self.browser.forward)
        self.home_button = QPushButton()
        self.home_button.clicked.connect(lambda: self.show_topic(guide.HOME))
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.search)
        self.search_edit.returnPressed.connect(self._open_first_result)
        self.results_label = QLabel()
        self.results = QListWidget()
        self.results.itemActivated.connect(self._open_item)
        self.results.itemClicked.connect(self._open_item)
        self.contents = QListWidget()
        self.contents.itemActivated.connect(self._open_item)
        self.contents.itemClicked.connect(self._open_item)

        bar = QHBoxLayout()
        bar.addWidget(self.back_button)
        bar.addWidget(self.forward_button)
        bar.addWidget(self.home_button)
        bar.addWidget(self.search_edit, 1)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.contents, 1)
        side_layout.addWidget(self.results_label)
        side_layout.addWidget(self.results, 1)
        splitter = QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 640])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        QShortcut(QKeySequence.StandardKey.Find, self, self.search_edit.setFocus)
        QShortcut(QKeySequence.StandardKey.Back, self, self.browser.backward)
        QShortcut(QKeySequence.StandardKey.Forward, self, self.browser.forward)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.resize(screen_fit.preferred_size(self, 1000, 720))
        self.retranslate()
        self._fill_contents()
        self.results.hide()
        self.results_label.hide()
        self._update_buttons()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("User guide"))
        self.home_button.setText(self.tr("Contents"))
        self.back_button.setToolTip(self.tr("Back"))
        self.forward_button.setToolTip(self.tr("Forward"))
        self.search_edit.setPlaceholderText(self.tr("Search the guide"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if current_language() != self.lang:
                self.lang = current_language()
                self._fill_contents()
                self.show_topic(self.topic())
        super().changeEvent(event)

    # -- pages --
    def show_topic(self, topic: str) -> None:
        path = guide.page_path(topic, self.lang, self.root)
        url = QUrl.fromLocalFile(str(path))
        if self.browser.source() != url:
            self.browser.setSource(url, QTextDocument.ResourceType.MarkdownResource)

    def topic(self) -> str:
        return Path(self.browser.source().toLocalFile()).stem or guide.HOME

    def _fill_contents(self) -> None:
        self.contents.clear()
        for path in guide.pages(self.lang, self.root):
            item = QListWidgetItem(guide.title(path))
            item.setData(TOPIC_ROLE, path.stem)
            self.contents.addItem(item)
        self.search(self.search_edit.text())

    def _on_source(self, url: QUrl) -> None:
        topic = Path(url.toLocalFile()).stem
        for row in range(self.contents.count()):
            if self.contents.item(row).data(TOPIC_ROLE) == topic:
                self.contents.setCurrentRow(row)
        term = self.search_edit.text().strip()
        if term:
            self.browser.find(term)

    def _update_buttons(self) -> None:
        self.back_button.setEnabled(self.browser.isBackwardAvailable())
        self.forward_button.setEnabled(self.browser.isForwardAvailable())

    def _outside_link(self, url: QUrl) -> None:
        """Links to the web go to the system's browser; the guide itself links only to pages."""
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

    # -- search --
    def search(self, term: str) -> list[guide.Hit]:
        hits = guide.search(term, self.lang, self.root)
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(f"{hit.title}\n{hit.snippet}")
            item.setData(TOPIC_ROLE, hit.topic)
            item.setToolTip(hit.snippet)
            self.results.addItem(item)
        shown = bool(term.strip())
        self.results.setVisible(shown)
        self.results_label.setVisible(shown)
        self.results_label.setText(self.tr("%Ln page(s) found", "", len(hits)))
        return hits

    def _open_first_result(self) -> None:
        if self.results.count():
            self._open_item(self.results.item(0))

    def _open_item(self, item: QListWidgetItem) -> None:
        self.show_topic(str(item.data(TOPIC_ROLE)))
        term = self.search_edit.text().strip()
        if term and self.sender() is self.results:
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
            self.browser.find(term)


class HelpController(QObject):
    """F1 anywhere in the program opens the guide at the page of the window in front."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.window: HelpWindow | None = None
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        parent.destroyed.connect(self._uninstall)

    def _uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def active(self) -> bool:
        """Only the open main window's controller answers (a closed one may linger in tests)."""
        owner = self.parent()
        return isinstance(owner, QWidget) and owner.isVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.Show, QEvent.Type.KeyPress) or not self.active():
            return False
        if (event.type() == QEvent.Type.Show and isinstance(watched, QDialog)
                and type(watched).__name__ in SCREEN_TOPICS):
            _give_help_button(watched)
        elif (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_F1
                and event.modifiers() == Qt.KeyboardModifier.NoModifier
                and isinstance(watched, QWidget)):
            front = QApplication.activeModalWidget() or watched.window()
            if not isinstance(front, HelpWindow):
                focus = QApplication.focusWidget()
                inside = focus is not None and focus.window() is front
                self.show_help(topic_of(focus if inside else front))
                return True
        return False

    def show_help(self, topic: str) -> HelpWindow:
        """The guide at ``topic``; above a modal dialog, a window of its own it does not block."""
        modal = QApplication.activeModalWidget()
        if modal is not None and not isinstance(modal, HelpWindow):
            window = HelpWindow(modal)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        else:
            if self.window is None:
                self.window = HelpWindow(self.parent())
            window = self.window
        window.show_topic(topic)
        window.show()
        window.raise_()
        window.activateWindow()
        return window


_controller: HelpController | None = None


def install(main_window: QWidget) -> HelpController:
    global _controller
    _controller = HelpController(main_window)
    main_window.destroyed.connect(_forget)
    return _controller


def _forget() -> None:
    global _controller
    _controller = None


def open_help(topic: str, parent: QWidget | None = None) -> HelpWindow:
    """Open the guide at ``topic`` (a window of its own when no main window is there)."""
    if _controller is not None and _controller.active():
        return _controller.show_help(topic)
    window = HelpWindow(parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show_topic(topic)
    window.show()
    return window


def _give_help_button(dialog: QDialog) -> None:
    boxes = dialog.findChildren(QDialogButtonBox)
    if boxes and boxes[-1].button(QDialogButtonBox.StandardButton.Help) is None:
        add_help_button(boxes[-1], dialog)


def add_help_button(box: QDialogButtonBox, dialog: QWidget) -> QPushButton:
    """A "?" button in the dialog's button box that opens the dialog's page of the guide."""
    button = box.addButton(QDialogButtonBox.StandardButton.Help)
    button.setText("?")
    button.setIcon(QIcon())
    button.setToolTip(QApplication.translate("HelpWindow", "Help for this window (F1)"))
    button.setAutoDefault(False)
    box.helpRequested.connect(lambda: open_help(topic_of(dialog), dialog))
    return button
