"""``inspector-app [--data-dir DIR] [--lang zh_CN|en] [SUBCOMMAND ...]``.

No subcommand starts the GUI. Subcommands do the same work headless; they exit 0 on success and
non-zero with a one-line reason on stderr otherwise.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sqlite3
import sys
from collections.abc import Sequence

from inspector_app import APP_ID, __version__
from inspector_app.commands import COMMAND_MODULES
from inspector_app.errors import InspectorError, from_sqlite_error
from inspector_app.logs import setup_logging
from inspector_app.paths import DataDir, guide_dir, resolve_data_dir

LANGUAGES = ("zh_CN", "en")
log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_ID,
        description="Inspector: offline on-site work-safety inspections. "
        "Without a subcommand the window opens.",
        epilog="User guide: press F1 in the window (Help → User guide), or read "
        f"{guide_dir() / 'en' / 'index.md'} (Chinese: {guide_dir() / 'zh_CN' / 'index.md'}). "
        "Quick-start card: inspector-app guide card -o card.pdf [--lang zh_CN|en].",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder holding the database, photos and documents "
        "(default: the platform's user data dir)",
    )
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the interface and documents")
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    data_dir = DataDir(resolve_data_dir(args.data_dir))

    if args.command is None:
        from inspector_app.app import run_gui

        return run_gui(data_dir, args.lang)

    from inspector_app.services.context import AppContext

    if setup_logging(data_dir.logs) is None:
        logging.getLogger().addHandler(logging.NullHandler())
    ctx = AppContext(data_dir, args.lang)
    try:
        return int(args.func(args, ctx) or 0)
    except InspectorError as exc:
        print(f"{APP_ID}: error: {exc.message}", file=sys.stderr)
        return 1
    except sqlite3.OperationalError as exc:
        known = from_sqlite_error(exc, data_dir.database)
        if known is None:
            log.exception("unexpected error in %s", args.command)
            print(f"{APP_ID}: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 70
        print(f"{APP_ID}: error: {known.message}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # piped into head: the reader has all it wanted
        sys.stderr.close()
        return 141
    except KeyboardInterrupt:
        print(f"{APP_ID}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line for the user, the trace in the log
        log.exception("unexpected error in %s", args.command)
        print(f"{APP_ID}: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 70
    finally:
        ctx.close()
