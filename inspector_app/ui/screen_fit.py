"""Every window and dialog opens inside the available area of its screen, at the size the user
last gave it.

One application-wide event filter does it for all of them, Qt's own message boxes and file
dialogs included, so a new dialog cannot forget it. A window's ``resize()`` in its constructor is
its preferred size; on a small screen (1024×600) it is cut down to what the screen offers, and the
content of tall windows scrolls or splits instead of pushing buttons below the edge.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from inspector_app.ui.qt_namespace import qt

# A window never takes more than this share of the available area when it opens; the user may
# still make it larger (or maximise it), and that size is then remembered.
_MAX_SHARE = 0.96
_SETTINGS_GROUP = "windows"
_FITTED = "_screenFitDone"
_FRAME_CHECKED = "_screenFitFrameChecked"
# A window manager's frame before it is known (at the first show it is not): a title bar and
# thin borders, a little more than most have, so the title bar is never above the screen.
GUESSED_FRAME = QMargins(8, 40, 8, 8)


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen that windows may cover (no task bar, no panels)."""
    parent = widget.parentWidget()
    screen = (parent.window().screen() if parent is not None else None) or widget.screen() \
        or QApplication.primaryScreen()
    return screen.availableGeometry()


def preferred_size(widget: QWidget, width: int, height: int) -> QSize:
    """``width``×``height``, or less where the screen is smaller: a window's first size."""
    area = available_area(widget)
    return QSize(min(width, int(area.width() * _MAX_SHARE)),
                 min(height, int(area.height() * _MAX_SHARE)))


def restorable(window: QWidget, minimum: QSize) -> bool:
    """Whether the geometry just restored on ``window`` may stay: maximised, or on a screen
    of this computer, no larger than that screen's available area and at least ``minimum``.
    A size remembered from a run on a virtual or tiny screen is neither."""
    if window.isMaximized() or window.isFullScreen():
        return True
    geometry = window.geometry()
    screen = QGuiApplication.screenAt(geometry.center())
    if screen is None:
        return False
    area = screen.availableGeometry().size()
    size = geometry.size()
    return (size.width() <= area.width() and size.height() <= area.height()
            and size.width() >= minimum.width() and size.height() >= minimum.height())


def centred(widget: QWidget, size: QSize) -> QPoint:
    """The top-left corner that centres a window of ``size`` on the widget's screen."""
    area = available_area(widget)
    return QPoint(area.center().x() - size.width() // 2, area.center().y() - size.height() // 2)


def settings_key(widget: QWidget) -> str:
    """Sizes are remembered per kind of window (its class), not per instance."""
    return f"{_SETTINGS_GROUP}/{type(widget).__name__}/size"


class ScreenFit(QObject):
    """Sizes and places each top-level window when it is shown; remembers its size on hide."""

    def __init__(self, settings: QSettings | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Show, QEvent.Type.Hide) and _is_window(watched):
            if kind == QEvent.Type.Show:
                self.fit(watched)  # type: ignore[arg-type]
            else:
                self.remember(watched)  # type: ignore[arg-type]
        elif kind in (QEvent.Type.Move, QEvent.Type.Resize) and _is_window(watched):
            self.check_frame(watched)  # type: ignore[arg-type]
        return False

    def fit(self, window: QWidget) -> None:
        if window.isMaximized() or window.isFullScreen():
            return
        area = available_area(window)
        first = not window.property(_FITTED)
        window.setProperty(_FITTED, True)
        size = window.size()
        if first and self.settings is not None and _remembers(window):
            saved = self.settings.value(settings_key(window))
            if isinstance(saved, QSize) and saved.isValid():
                size = saved
        frame, known = frame_margins(window)
        share = _MAX_SHARE if first else 1.0
        room = QSize(int(area.width() * share) - frame.left() - frame.right(),
                     int(area.height() * share) - frame.top() - frame.bottom())
        size = size.boundedTo(room).expandedTo(window.minimumSize())
        if size != window.size():
            window.resize(size)
        outer = QSize(size.width() + frame.left() + frame.right(),
                      size.height() + frame.top() + frame.bottom())
        corner = window.frameGeometry().topLeft()
        if first and _remembers(window):
            corner = _centre_on(window, outer, area)
        corner = frame_position(area, corner, size, frame, known)
        if corner != window.frameGeometry().topLeft():
            window.move(corner)

    def check_frame(self, window: QWidget) -> None:
        """Once the window manager has framed a fitted window, bring a title bar that ended
        above the screen (or a frame over its edge) back inside, once."""
        if (not window.property(_FITTED) or window.property(_FRAME_CHECKED)
                or window.isMaximized() or window.isFullScreen() or not window.isVisible()):
            return
        frame = window.frameGeometry()
        if frame.size() == window.geometry().size():
            return      # not framed yet (or never: no window manager)
        window.setProperty(_FRAME_CHECKED, True)
        area = available_area(window)
        corner = _inside(area, frame.topLeft(), frame.size())
        if corner != frame.topLeft():
            window.move(corner)

    def remember(self, window: QWidget) -> None:
        if (self.settings is None or not window.property(_FITTED) or not _remembers(window)
                or window.isMaximized() or window.isFullScreen()):
            return
        self.settings.setValue(settings_key(window), window.size())


def _is_window(obj: QObject) -> bool:
    if not isinstance(obj, QWidget) or not obj.isWindow():
        return False
    kind = qt().WindowType
    return obj.windowType() in (kind.Window, kind.Dialog)


def _remembers(window: QWidget) -> bool:
    # The main window keeps its full geometry (maximised, toolbars) itself; Qt's own message
    # boxes size themselves to their text.
    own = type(window).__module__.startswith("inspector_app.")
    return own and not _is_main(window)


def _centre_on(window: QWidget, size: QSize, area: QRect) -> QPoint:
    """Top-left corner that centres the window on its parent window, or on the screen."""
    parent = window.parentWidget()
    anchor = parent.window().frameGeometry() if parent is not None else area
    return QPoint(anchor.center().x() - size.width() // 2,
                  anchor.center().y() - size.height() // 2)


def frame_margins(window: QWidget) -> tuple[QMargins, bool]:
    """The window manager's frame around ``window`` and whether it is known: it is once the
    window is framed; before, a guess (``GUESSED_FRAME``) for a window that will have one."""
    outer, inner = window.frameGeometry(), window.geometry()
    if outer.size() != inner.size():
        return QMargins(inner.left() - outer.left(), inner.top() - outer.top(),
                        outer.right() - inner.right(), outer.bottom() - inner.bottom()), True
    if QGuiApplication.platformName() in ("offscreen", "minimal") or _frameless(window):
        return QMargins(), True
    return GUESSED_FRAME, False


def _frameless(window: QWidget) -> bool:
    if _is_main(window):
        # It has its frame; and asking Qt would make the ``Qt`` namespace's Python enums
        # (``qt_namespace``) before the window's first page.
        return False
    return bool(window.windowFlags() & qt().WindowType.FramelessWindowHint)


def _is_main(window: QWidget) -> bool:
    return isinstance(window, QMainWindow) and window.objectName() == "MainWindow"


def frame_position(area: QRect, corner: QPoint, size: QSize, frame: QMargins,
                   known: bool = True) -> QPoint:
    """Where to ``move()`` a window whose content is ``size`` and frame ``frame`` so that the
    whole frame, title bar included, is inside ``area``; ``corner`` is the frame's wished
    top-left.

    Before the window manager has framed a window (``known`` false), Qt and some window
    managers take the position for the content's: the content is placed below where the
    guessed title bar goes, and ``ScreenFit.check_frame`` corrects the rest once the frame is
    known."""
    outer = QSize(size.width() + frame.left() + frame.right(),
                  size.height() + frame.top() + frame.bottom())
    top_left = _inside(area, corner, outer)
    return top_left if known else top_left + QPoint(frame.left(), frame.top())


def _inside(area: QRect, top_left: QPoint, size: QSize) -> QPoint:
    x = max(area.left(), min(top_left.x(), area.right() + 1 - size.width()))
    y = max(area.top(), min(top_left.y(), area.bottom() + 1 - size.height()))
    return QPoint(x, y)


_installed: ScreenFit | None = None
_active = False  # whether the application's event filter is in place (see install_later)


def install(settings: QSettings | None) -> ScreenFit:
    """Fit every window of the application from now on; sizes are kept in ``settings``."""
    global _active
    fitter = _keep(settings)
    if not _active:
        QApplication.instance().installEventFilter(fitter)
        _active = True
    return fitter


def install_later(main: QWidget, settings: QSettings | None) -> ScreenFit:
    """Fit ``main`` when it shows, and every window from a moment after that
    (``first_show``: the application's event filter would slow the start down).

    Sizes are kept in ``settings`` from now on (``settings()`` serves the table columns)."""
    from inspector_app.ui.first_show import when_first_shown

    fitter = _keep(settings)
    if not _active:
        when_first_shown(main, now=lambda: fitter.fit(main),
                         later=lambda: _install_if_kept(settings))
    return fitter


def _keep(settings: QSettings | None) -> ScreenFit:
    global _installed
    if _installed is None:
        _installed = ScreenFit(settings)
    _installed.settings = settings
    return _installed


def _install_if_kept(settings: QSettings | None) -> None:
    if _installed is not None and _installed.settings is settings:
        install(settings)


def uninstall() -> None:
    global _installed, _active
    if _installed is not None:
        QApplication.instance().removeEventFilter(_installed)
        _installed.deleteLater()
        _installed = None
    _active = False


def settings() -> QSettings | None:
    """The settings window sizes and table columns are kept in (None before ``install``)."""
    return _installed.settings if _installed is not None else None
