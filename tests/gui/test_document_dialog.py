"""The documents dialog: renders off the main thread, previews the pages, exports, prints."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from inspector_app.domain.numbering import DocType
from inspector_app.services import documents
from inspector_app.ui.dialogs.document_dialog import DocumentDialog
from tests import pdf_scenarios as sc


@pytest.fixture
def built(ctx, tmp_path):
    b = sc.official_inspection(ctx)
    record = sc.services(ctx)[0].get(b.inspection_id)
    sc.add_photos(ctx, b.inspection_id, tmp_path / "cam", 2,
                  finding_id=record.finding_for_item("a2").id)
    sc.sign_all(ctx, b)
    return b


def open_dialog(qtbot, ctx, inspection_id) -> DocumentDialog:
    dialog = DocumentDialog(ctx, inspection_id)
    qtbot.addWidget(dialog)
    return dialog


def test_in_chinese_the_notes_take_the_full_width_colon(qtbot, ctx, built, languages):
    languages.apply("zh_CN")
    dialog = open_dialog(qtbot, ctx, built.inspection_id)
    assert dialog.unavailable.text().startswith("整改复查意见书：只有复查")
    assert ": " not in dialog.unavailable.text()


def test_only_possible_documents_are_offered_and_the_preview_shows_the_pages(qtbot, ctx, built):
    dialog = open_dialog(qtbot, ctx, built.inspection_id)
    model = dialog.type_combo.model()
    enabled = {DocType(dialog.type_combo.itemData(i)): model.item(i).isEnabled()
               for i in range(dialog.type_combo.count())}
    assert enabled == {DocType.RECORD: True, DocType.ORDER: True, DocType.REINSPECTION: False,
                       DocType.ONSITE: False}  # no measure was taken on the spot
    assert "re-inspection" in dialog.unavailable.text()
    qtbot.waitUntil(lambda: dialog.page_count() > 0, timeout=10_000)
    assert dialog.doc_type is DocType.RECORD
    with qtbot.waitSignal(dialog.preview_ready, timeout=10_000) as shown:
        dialog.select(DocType.ORDER, "zh_CN")
    assert shown.args == [dialog.page_count()] and dialog.page_count() >= 1
    assert dialog.doc_type is DocType.ORDER and dialog.lang == "zh_CN"
    assert dialog.print_button.isEnabled() and dialog.export_button.isEnabled()


def test_export_runs_in_the_background_and_records_the_file(qtbot, ctx, built, tmp_path,
                                                             monkeypatch):
    threads: list[int] = []
    real_export = documents.DocumentService.export

    def spy(self, *args, **kwargs):
        threads.append(threading.get_ident())
        return real_export(self, *args, **kwargs)

    monkeypatch.setattr(documents.DocumentService, "export", spy)
    dialog = open_dialog(qtbot, ctx, built.inspection_id)
    qtbot.waitUntil(lambda: dialog.page_count() > 0, timeout=10_000)
    target = tmp_path / "record.pdf"
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as done:
        dialog.export_to(target)
        assert not dialog.export_button.isEnabled()  # busy while it runs
    assert done.args == [str(target)]
    assert target.read_bytes().startswith(b"%PDF")
    assert threads and threads[0] != threading.get_ident()
    issued = documents.DocumentService(ctx.db, ctx.data_dir, ctx.device).issued(
        built.inspection_id, DocType.RECORD)
    assert issued.file_name == "record.pdf"
    assert str(target) in dialog.status.text()


def test_a_refused_export_is_told_in_the_dialog(qtbot, ctx, built, tmp_path):
    dialog = open_dialog(qtbot, ctx, built.inspection_id)
    qtbot.waitUntil(lambda: dialog.page_count() > 0, timeout=10_000)
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as failed:
        dialog.export_to(tmp_path / "missing-folder" / "record.pdf")
    assert "does not exist" in failed.args[0]
    assert "does not exist" in dialog.status.text()
    dialog.select(DocType.REINSPECTION)
    assert dialog.page_count() == 0 and not dialog.export_button.isEnabled()
    assert "re-inspection" in dialog.status.text()


def test_print_to_a_pdf_printer_prints_every_page(qtbot, ctx, built, tmp_path):
    dialog = open_dialog(qtbot, ctx, built.inspection_id)
    qtbot.waitUntil(lambda: dialog.page_count() > 0, timeout=10_000)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer) == dialog.page_count()
    printed = QPdfDocument()
    printed.load(str(tmp_path / "printed.pdf"))
    assert printed.pageCount() == dialog.page_count()
    size = printed.pagePointSize(0)
    assert abs(size.width() - 595) < 2 and abs(size.height() - 842) < 2  # A4
    printed.close()



def test_the_english_dialog_has_no_chinese_words_of_its_own(qtbot, ctx, built):
    """Everything the dialog itself says is English in an English window (the documents'
    pages and the data in them are another matter)."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel

    dialog = open_dialog(qtbot, ctx, built.inspection_id)
    texts = [dialog.windowTitle()]
    texts += [w.text() for w in dialog.findChildren(QLabel)]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton)]
    texts += [c.itemText(i) for c in dialog.findChildren(QComboBox) for i in range(c.count())]
    assert "No hazard has a measure taken on site" in dialog.unavailable.text()
    assert [t for t in texts if re.search(r"[\u4e00-\u9fff]", t)] == []


def test_an_export_leaving_a_photo_out_says_which_in_the_dialog(qtbot, ctx, built, tmp_path):
    photos = ctx.photos
    photo = photos.list(built.inspection_id)[0]
    original = photos.original_path(photo)
    original.write_bytes(original.read_bytes() + b"changed")
    copy = photos.print_copy_made(photo)
    if copy is not None:
        copy.unlink()
    dialog = open_dialog(qtbot, ctx, built.inspection_id)
    qtbot.waitUntil(lambda: dialog.page_count() > 0, timeout=10_000)
    target = tmp_path / "record.pdf"
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as done:
        dialog.export_to(target)
    assert done.args == [str(target)]
    assert str(target) in dialog.status.text()
    assert photo.original_name in dialog.status.text()
    assert "left out of the PDF" in dialog.status.text()
