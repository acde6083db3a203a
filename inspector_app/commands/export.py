"""``inspector-app export pdf ID --document record|order|reinspection [--lang L] -o FILE``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from inspector_app.commands.common import resolve_id
from inspector_app.commands.passphrases import read_passphrase
from inspector_app.domain.numbering import DocType
from inspector_app.i18n import Message, _
from inspector_app.services.context import AppContext
from inspector_app.services.documents import LANGUAGES
from inspector_app.services.signing import sign_pdf_bytes


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help=_("write the printed documents of an inspection"))
    esub = p.add_subparsers(dest="export_command", metavar=_("FORMAT"), required=True)
    pdf = esub.add_parser("pdf", help=_("write one document of an inspection as PDF"))
    pdf.add_argument("id", metavar=_("INSPECTION_ID"),
                     help=_("the inspection's id, its first characters, or its number"))
    pdf.add_argument("--document", required=True, choices=[t.value for t in DocType],
                     help=_("record: on-site inspection record (现场检查记录); order: order to "
                            "rectify within a deadline (责令限期整改指令书); onsite: decision "
                            "on on-site measures (现场处理措施决定书); reinspection: "
                            "re-inspection opinion (整改复查意见书)"))
    # Its own dest: a subcommand's default would overwrite the global --lang.
    pdf.add_argument("--lang", dest="document_lang", choices=LANGUAGES,
                     help=_("language of the document (default: the language of the command "
                            "line)"))
    pdf.add_argument("-o", "--output", required=True, metavar=_("FILE"), help=_("the PDF to write"))
    pdf.add_argument("--sign", action="store_true",
                     help=_("sign the PDF digitally (PAdES) with this computer's identity"))
    pdf.add_argument("--passphrase-file", help=_("file holding the signing passphrase"))
    pdf.set_defaults(func=run_pdf)


def run_pdf(args: argparse.Namespace, ctx: AppContext) -> int:
    inspection_id = resolve_id(ctx.inspections, args.id)
    service = ctx.documents
    lang = args.document_lang or ctx.lang or "zh_CN"
    sign = None
    if args.sign:
        cert, key, chain = ctx.pki.unlock(
            read_passphrase(args.passphrase_file, _("Signing passphrase: ")))

        def sign(data: bytes) -> bytes:
            return sign_pdf_bytes(data, cert, key, chain)

    doc_type = DocType(args.document)
    def warn(message: Message) -> None:
        print(_("warning: {warning}").format(warning=message.localized()), file=sys.stderr)

    written = service.export(inspection_id, doc_type, lang, Path(args.output), sign=sign,
                             warn=warn)
    print(written)
    warning = service.low_numbers_warning(doc_type)
    if warning:
        print(_("warning: {warning}").format(warning=warning.localized()), file=sys.stderr)
    return 0
