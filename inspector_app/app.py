"""Starting the window: display check, fonts, language, database, first run."""

from __future__ import annotations

import gc
import os
import sys
import threading
from pathlib import Path
from typing import NoReturn

from inspector_app import APP_ID, APP_NAME, __version__, i18n
from inspector_app.i18n import N_
from inspector_app.logs import setup_logging
from inspector_app.paths import DataDir

NO_DISPLAY_MESSAGE = N_(
    "{program}: no display available (DISPLAY and WAYLAND_DISPLAY are unset). "
    "Run it in a desktop session, under a virtual screen (xvfb-run inspector-app), or headless "
    "with QT_QPA_PLATFORM=offscreen; subcommands need no display."
)


def display_available() -> bool:
    if not sys.platform.startswith("linux"):
        return True
    return bool(
        os.environ.get("QT_QPA_PLATFORM")
        or os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
    )


def open_settings(data_dir: DataDir):  # -> QSettings
    from PySide6.QtCore import QSettings

    return QSettings(str(data_dir.settings), QSettings.Format.IniFormat)


def _preload(module: str) -> None:
    """Import ``module`` on a thread of its own, so that whoever needs it later does not wait.

    The window starts without sqlite-utils (and the libraries it loads: about as long to
    import as Qt's widgets); it reads on a plain connection until something writes. Loaded
    once the window is up, the first change the user makes does not wait for it either;
    whoever needs the module before simply waits for the import.
    """
    import importlib

    threading.Thread(target=importlib.import_module, args=(module,), name=f"import {module}",
                     daemon=True).start()


def leave_process(code: int) -> NoReturn:
    """End the process now, after the window closed and everything was saved and closed.

    Tearing down every Python and Qt object one by one (modules, widgets, the application)
    takes longer than all the rest of a window's exit, and nothing depends on it once the
    database is closed, the lock released and the settings synced. What Python's own exit
    still owes is done first: background work finishes (as Qt's application would wait for
    it), threads that are not daemons end, exit handlers run (the log's flush among them),
    and the standard streams are flushed.
    """
    import atexit
    import contextlib

    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone()
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join()
    atexit._run_exitfuncs()  # logging.shutdown, weakref.finalize (temporary folders), ...
    for stream in (sys.stdout, sys.stderr):
        # No console, or a closed pipe: nothing more can be said there.
        with contextlib.suppress(AttributeError, OSError, ValueError):
            stream.flush()
    os._exit(code)


def run_gui(data_dir: DataDir, cli_lang: str | None, open_file: Path | None = None, *,
            leave: bool = True) -> int:
    """The window, until it closes; its exit status.

    With ``leave`` (the program's own start), a window that closed normally ends the process
    at once with that status (:func:`leave_process`) instead of returning.

    No garbage collection until a moment after the window's first page: the start makes tens of
    thousands of objects (Qt's enums and classes, the modules, the widgets) that all stay,
    and the collector would walk them again and again meanwhile. At the program's own start
    (``leave``), what it made is then set aside for good (``gc.freeze``), as the command
    line's start does.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run_gui(data_dir, cli_lang, open_file, leave, collecting)
    finally:
        if collecting:
            gc.enable()  # also when the window did not get as far as its first page


def _run_gui(data_dir: DataDir, cli_lang: str | None, open_file: Path | None, leave: bool,
             collecting: bool) -> int:
    if not display_available():
        # Said before any window exists, in the language the window would have spoken.
        i18n.set_language(i18n.resolve_language(cli_lang, i18n.saved_language(data_dir.settings)))
        print(i18n.render(NO_DISPLAY_MESSAGE, {"program": APP_ID}), file=sys.stderr)
        return 2

    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    import inspector_app.ui  # noqa: F401 - first: PySide's check of what follows made quicker
    from inspector_app.errors import InspectorError
    from inspector_app.services.context import AppContext
    from inspector_app.services.shipped_forms import shipped_templates_current
    from inspector_app.ui import screen_fit
    from inspector_app.ui.app_icon import app_icon
    from inspector_app.ui.excepthook import install_excepthook
    from inspector_app.ui.first_show import when_first_shown
    from inspector_app.ui.fonts import register_fonts
    from inspector_app.ui.i18n import LanguageSwitcher, resolve_language
    from inspector_app.ui.main_window import MainWindow
    from inspector_app.ui.message_bridge import translated_title
    from inspector_app.ui.single_instance import SingleInstance, already_open_message, hand_over

    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(APP_ID)  # the .desktop file's name: the icon on Wayland
    register_fonts(app)

    window: list[MainWindow] = []
    install_excepthook(lambda: window[0] if window else None)

    languages = LanguageSwitcher()
    instance = SingleInstance(data_dir.root)
    requests: list[dict] = []  # from later starts, before the window is there to take them
    instance.request.connect(lambda request: (window[0].handle_request(request) if window
                                              else requests.append(request)))
    try:
        data_dir.ensure()
        setup_logging(data_dir.logs)
        settings = open_settings(data_dir)
        languages.apply(resolve_language(cli_lang, settings))
        if not instance.acquire(listen=False):
            if hand_over(data_dir.root, open_file):
                return 0
            from PySide6.QtWidgets import QMessageBox

            screen_fit.install(settings)
            QMessageBox.critical(None, translated_title("Database in use"),
                                 already_open_message(data_dir.root))
            return 1
        ctx = AppContext(data_dir, cli_lang)
        ctx.open_plain()  # now: a refused database is reported before any window
        if not shipped_templates_current(ctx.for_reading()):
            from inspector_app.services.forms import ensure_shipped_templates
            from inspector_app.storage.templates_repo import TemplateRepo

            ensure_shipped_templates(TemplateRepo(ctx.db, ctx.device.id), skip_if_unchanged=True)
    except InspectorError as exc:
        from PySide6.QtWidgets import QMessageBox

        screen_fit.install(None)  # what a message box before the window needs of it
        QMessageBox.critical(None, exc.localized_title(), exc.localized())
        return 1

    if ctx.current_inspector() is None:  # the profile is not set up
        from PySide6.QtWidgets import QDialog

        from inspector_app.ui.dialogs.first_run import FirstRunDialog

        instance.listen()
        screen_fit.install(settings)
        if collecting:
            gc.enable()  # the user may take their time over it
        if FirstRunDialog(ctx).exec() != QDialog.DialogCode.Accepted:
            return 0

    main = MainWindow(ctx, settings, languages, app_filters_later=True)
    window.append(main)

    def after_first_show() -> None:
        if collecting:
            if leave:  # the program's own start: a caller's objects (a test's) stay collectable
                gc.freeze()
            gc.enable()
        # No photo can be taken in before this: the form window is not open yet.
        ctx.make_print_copies_ahead()
        instance.listen()  # a later start waits a few seconds for the answer
        # On a thread: now and then it walks the whole photo store (a district's is large).
        threading.Thread(target=ctx.sweep_scratch, name="sweep scratch", daemon=True).start()
        _preload("sqlite_utils")  # ready before the first change the user makes

    when_first_shown(main, later=after_first_show, turn=1)
    main.show()
    if open_file is not None:
        requests.insert(0, {"open": str(open_file)})
    for request in requests:
        QTimer.singleShot(0, lambda r=request: main.handle_request(r))
    try:
        code = app.exec()
    finally:
        # Background work (an import, an export) ends before the data folder is handed over:
        # a window started meanwhile must not find it still being written.
        QThreadPool.globalInstance().waitForDone()
        ctx.close()
        instance.release()
    settings.sync()
    if leave:
        leave_process(code)
    return code
