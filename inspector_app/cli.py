"""``inspector-app [--data-dir DIR] [--lang zh_CN|en] [SUBCOMMAND ... | FILE]``.

No subcommand starts the GUI; a ``.inspx`` or ``.pdf`` file instead of a subcommand opens it in
the window (in the running one, if the window is already open on that data dir). Subcommands do
the same work headless; they exit 0 on success and non-zero with a one-line reason on stderr
otherwise.
"""

from __future__ import annotations

# Imports are few and light here: `--version` and short subcommands must start fast; the rest
# is imported once the command line says what is needed.
import argparse
import gc
import importlib
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from inspector_app import APP_ID, __version__
from inspector_app.cli_parser import ERROR_LINE, VERSION, LocalizedArgumentParser
from inspector_app.commands import COMMAND_MODULES, command_names
from inspector_app.i18n import LANGUAGES, _, resolve_language, saved_language, set_language

if TYPE_CHECKING:
    import logging

OPENABLE_SUFFIXES = (".inspx", ".pdf")


def _error_line(message: str) -> str:
    return _(ERROR_LINE).format(prog=APP_ID, message=message)


def _internal_line(message: str) -> str:
    return _("{prog}: internal error: {message}").format(prog=APP_ID, message=message)


def _base_parser(prog_help: str) -> argparse.ArgumentParser:
    from inspector_app.paths import guide_dir

    parser = LocalizedArgumentParser(
        prog=APP_ID, description=prog_help,
        epilog=_("User guide: press F1 in the window (Help → User guide), or read {en} "
                 "(Chinese: {zh}). Quick-start card: inspector-app guide card -o card.pdf "
                 "[--lang zh_CN|en].").format(en=guide_dir() / "en" / "index.md",
                                              zh=guide_dir() / "zh_CN" / "index.md"),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=_(VERSION))
    parser.add_argument(
        "--data-dir",
        metavar=_("DIR"),
        help=_("folder holding the database, photos and documents "
               "(default: the platform's user data dir)"),
    )
    parser.add_argument("--lang", choices=LANGUAGES,
                        help=_("language of the interface, the messages and the documents "
                               "(default: the window's choice, else the system's language, "
                               "else zh_CN)"))
    return parser


def build_parser(modules: Iterable[str] | None = None) -> argparse.ArgumentParser:
    """The command line with the subcommands of ``modules`` (default: all of them)."""
    parser = _base_parser(_("Inspector: offline on-site work-safety inspections. "
                            "Without a subcommand the window opens; given a .inspx file it "
                            "opens the import, given a signed PDF its verification."))
    sub = parser.add_subparsers(dest="command", metavar=_("SUBCOMMAND"))
    for module_name in COMMAND_MODULES if modules is None else modules:
        importlib.import_module(module_name).register(sub)
    return parser


def _open_file_parser() -> argparse.ArgumentParser:
    parser = _base_parser(_("Inspector: open a sync bundle (.inspx) or a signed PDF in the "
                            "window."))
    parser.add_argument("file", metavar=_("FILE"), help=_("a .inspx sync bundle or a signed PDF"))
    return parser


class _Unsure(Exception):
    pass


def _global_options(argv: Sequence[str]) -> argparse.Namespace:
    """The global options (those before the subcommand: a subcommand's own ``--lang`` is the
    language of its document) and the first word that is not one of them."""
    return _scout(tuple(argv))


@lru_cache(maxsize=8)  # asked for the language, then for the command: one parser, one parse
def _scout(argv: tuple[str, ...]) -> argparse.Namespace:
    # It never prints help: a fixed width spares argparse's look at the terminal (and the
    # shutil it imports for it) at each of its arguments.
    scout = argparse.ArgumentParser(
        prog=APP_ID, add_help=False,
        formatter_class=lambda prog: argparse.HelpFormatter(prog, width=80))
    scout.add_argument("--data-dir")
    scout.add_argument("--lang")
    scout.add_argument("--version", action="store_true")
    scout.add_argument("-h", "--help", action="store_true")
    scout.add_argument("word", nargs="?")
    scout.add_argument("rest", nargs=argparse.REMAINDER)

    def refuse(message: str) -> None:
        raise _Unsure(message)

    scout.error = refuse  # type: ignore[method-assign]
    known, _unknown = scout.parse_known_args(argv)
    return known


def _first_word(argv: Sequence[str]) -> tuple[str | None, bool]:
    """The first word that is not a global option, and whether help was asked for."""
    known = _global_options(argv)
    return known.word, known.help


def choose_language(argv: Sequence[str]) -> str:
    """The language of this run, chosen as the window chooses it: ``--lang``, then the
    window's saved preference in the data dir, then the system locale, then Chinese."""
    from inspector_app.paths import DataDir, resolve_data_dir

    try:
        known = _global_options(argv)
    except _Unsure:  # the parser will say what is wrong, in the language found without it
        known = argparse.Namespace(lang=None, data_dir=None)
    try:
        settings = DataDir(resolve_data_dir(known.data_dir)).settings
    except (OSError, RuntimeError, ValueError):  # an unusable --data-dir is reported later
        settings = None
    return resolve_language(known.lang, saved_language(settings))


def _plan(argv: Sequence[str]) -> tuple[str, tuple[str, ...] | None]:
    """What the command line asks for: ("command", modules to load) or ("open", None).

    Only the module of the given subcommand is imported, so a short command starts fast;
    when in doubt (help, a typo, a command named unlike its module) all of them are.
    """
    try:
        word, wants_help = _first_word(argv)
    except _Unsure:
        return "command", None
    if word is None:
        return "command", None if wants_help else ()
    by_name = {command: name for name in COMMAND_MODULES for command in command_names(name)}
    if word in by_name:
        return "command", (by_name[word],)
    if word.lower().endswith(OPENABLE_SUFFIXES) or os.path.isfile(word):
        return "open", None
    return "command", None


class _PrintableStream:
    """A terminal stream that shows control and bidi-override characters in what it prints
    (names from a bundle or a spreadsheet) as marks, instead of letting them move the cursor
    or reverse the text."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        from inspector_app.domain.text import printable_lines

        return self._stream.write(printable_lines(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _neutralise_terminal_output() -> None:
    # Only a terminal interprets these characters; a pipe or a file gets the data unchanged.
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if not isinstance(stream, _PrintableStream) and stream is not None and stream.isatty():
            setattr(sys, name, _PrintableStream(stream))


@contextmanager
def _starting(as_the_program: bool) -> Iterator[None]:
    """No garbage collection while the program starts: loading its modules makes thousands
    of objects that all stay, and a short command would spend milliseconds having the
    collector walk them, again at each pass. Run as the program, what start-up made is then
    set aside for good (``gc.freeze``), so the collector that runs again for the command or
    the window walks only what they make; a caller's own objects (a test's) are left alone."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if as_the_program:
            gc.freeze()
        if collecting:
            gc.enable()


def _log() -> logging.Logger:
    import logging  # loaded when there is something to log: see log_file.set_up_when_loaded

    return logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    with _starting(as_the_program=argv is None):
        argv = list(sys.argv[1:] if argv is None else argv)
        lang = choose_language(argv)
        set_language(lang)  # before the parser is built: its help is written in it
        action, modules = _plan(argv)
        parser = _open_file_parser() if action == "open" else build_parser(modules)
        args = parser.parse_args(argv)

        import sqlite3
        from pathlib import Path

        from inspector_app.errors import (
            InspectorError,
            from_os_error,
            from_read_error,
            from_sqlite_error,
        )
        from inspector_app.log_file import set_up_when_loaded
        from inspector_app.paths import DataDir, resolve_data_dir
        from inspector_app.services.context import AppContext

    if action == "open":
        try:
            found = Path(args.file).is_file()
        except OSError as exc:  # a USB stick that answers EIO when its file is looked at
            print(_error_line(from_read_error(exc, args.file).localized()), file=sys.stderr)
            return 1
        if not found:
            print(_error_line(_(
                "{file}: no such file (give a .inspx bundle or a PDF)").format(file=args.file)),
                file=sys.stderr)
            return 2
        from inspector_app.app import run_gui

        return run_gui(DataDir(resolve_data_dir(args.data_dir)), args.lang,
                       open_file=Path(args.file).resolve())
    data_dir = DataDir(resolve_data_dir(args.data_dir))

    if args.command is None:
        from inspector_app.app import run_gui

        return run_gui(data_dir, args.lang)

    _neutralise_terminal_output()

    set_up_when_loaded(data_dir.logs)
    args.lang = lang  # what a command reads as "the user's language" (documents default to it)
    ctx = AppContext(data_dir, lang)
    from inspector_app.cli_advice import advise
    from inspector_app.i18n import install_advisor

    install_advisor(advise)  # what a message says to do, in commands
    try:
        return int(args.func(args, ctx) or 0)
    except InspectorError as exc:
        _log().info("%s refused: %s", args.command, exc.message)
        print(_error_line(exc.localized()), file=sys.stderr)
        return 1
    except sqlite3.OperationalError as exc:
        known = from_sqlite_error(exc, data_dir.database)
        if known is None:
            _log().exception("unexpected error in %s", args.command)
            print(_internal_line(f"{type(exc).__name__}: {exc}"),
                  file=sys.stderr)
            return 70
        _log().info("%s refused: %s", args.command, known.message)
        print(_error_line(known.localized()), file=sys.stderr)
        return 1
    except BrokenPipeError:  # piped into head: the reader has all it wanted
        sys.stderr.close()
        return 141
    except KeyboardInterrupt:
        print(_("{prog}: interrupted").format(prog=APP_ID), file=sys.stderr)
        return 130
    except OSError as exc:
        # What the system refused (a USB stick pulled out, a full disk) and no command turned
        # into words: said as the window says it, an expected failure, not a bug. The trace
        # stays in the log, for the command that should have named it.
        _log().warning("%s stopped by the system", args.command, exc_info=True)
        print(_error_line(from_os_error(exc).localized()), file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: one line for the user, the trace in the log
        _log().exception("unexpected error in %s", args.command)
        print(_internal_line(f"{type(exc).__name__}: {exc}"),
              file=sys.stderr)
        return 70
    finally:
        ctx.close()
