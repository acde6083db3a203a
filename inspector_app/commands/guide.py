"""``inspector-app guide``: where the user guide is, and the printable quick-start card."""

from __future__ import annotations

import argparse
from pathlib import Path

from inspector_app.i18n import _
from inspector_app.paths import guide_dir
from inspector_app.services.context import AppContext


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("guide", help=_("the user guide (F1 in the window) and the quick-start "
                                       "card"))
    gsub = p.add_subparsers(dest="guide_command", metavar=_("ACTION"), required=True)
    where = gsub.add_parser("path", help=_("print the folder of the guide's pages in a language"))
    where.add_argument("--lang", dest="guide_lang", choices=("zh_CN", "en"),
                       help=_("language of the guide (default: the language of the command "
                              "line)"))
    where.set_defaults(func=run_path)
    card = gsub.add_parser("card", help=_("write the inspectors' one-page quick-start card (PDF)"))
    card.add_argument("-o", "--output", required=True, metavar=_("FILE.pdf"))
    card.add_argument("--lang", dest="guide_lang", choices=("zh_CN", "en"),
                      help=_("language of the card (default: the language of the command "
                             "line)"))
    card.set_defaults(func=run_card)


def _lang(args: argparse.Namespace) -> str:
    return args.guide_lang or args.lang or "zh_CN"


def run_path(args: argparse.Namespace, ctx: AppContext) -> int:
    print(guide_dir() / _lang(args) / "index.md")
    return 0


def run_card(args: argparse.Namespace, ctx: AppContext) -> int:
    from inspector_app.services.pdf.quick_card import write_quick_card

    path = write_quick_card(Path(args.output), _lang(args))
    print(_("Quick-start card written: {path}").format(path=path))
    return 0
