"""The item being answered: its text, legal basis, answer, note, photos and hazard."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from inspector_app.domain.checklist import Item, ItemType, Template
from inspector_app.domain.finding import Finding
from inspector_app.domain.legal import legal_citation
from inspector_app.services.context import AppContext
from inspector_app.ui.labels import local, ui_lang
from inspector_app.ui.widgets.answer_editors import AnswerEditor, TextEditor, make_editor
from inspector_app.ui.widgets.form_text import FormTextEdit
from inspector_app.ui.widgets.hazard_panel import HazardPanel
from inspector_app.ui.widgets.live_text import LiveText
from inspector_app.ui.widgets.photo_gallery import PhotoGallery


class ItemPanel(QWidget):
    answered = Signal(str, object)               # item id, value
    text_answer_saved = Signal(str, str)         # item id, text (as typed, not audited)
    text_answer_finished = Signal(str, str, str)  # item id, old, new
    note_saved = Signal(str, str)
    note_finished = Signal(str, str, str)
    hazard_saved = Signal(str, dict, bool)        # finding id, fields, audit
    hazard_finished = Signal(str, str, str, str)  # finding id, field, old, new
    photos_changed = Signal()                     # photos of the item or its hazard changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: Item | None = None
        self.editor: AnswerEditor | None = None
        self.hazard: HazardPanel | None = None
        self.live: list[LiveText] = []
        self.read_only = False
        self.show_basis = False
        # The checklist the items come from: the legal basis is cited as law from it.
        self.template: Template | None = None
        self.gallery: PhotoGallery | None = None
        self._photo_source: tuple[AppContext, str | None, str] | None = None
        self._photo_count = 0
        self._value: Any = None

        self.place = QLabel()
        self.place.setStyleSheet("color: #555555;")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setStyleSheet("font-size: 13pt;")
        self.basis = QLabel()
        self.basis.setWordWrap(True)
        self.basis.setTextFormat(Qt.TextFormat.RichText)
        self.basis.setStyleSheet("background: #f3f1e8; padding: 6px; border-radius: 4px;")
        self.editor_host = QVBoxLayout()
        self.note_label = QLabel()
        self.note = FormTextEdit()
        self.note.setMaximumHeight(80)
        self.note_label.setBuddy(self.note)
        self.hazard_host = QVBoxLayout()

        layout = QVBoxLayout(self)
        layout.addWidget(self.place)
        layout.addWidget(self.text)
        layout.addWidget(self.basis)
        layout.addLayout(self.editor_host)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note)
        self.gallery_host = QVBoxLayout()
        layout.addLayout(self.gallery_host)
        layout.addLayout(self.hazard_host)
        layout.addStretch(1)
        self.note_live = LiveText(
            self.note,
            lambda text: self.item and self.note_saved.emit(self.item.id, text),
            lambda old, new: self.item and self.note_finished.emit(self.item.id, old, new))
        self.retranslate()
        self.show_item(None, "", None, "", None, 0)

    def enable_photos(self, ctx: AppContext, actor: str | None, inspection_id: str) -> None:
        """Show the photos of the item and of its hazard (without this the panel has none)."""
        self._photo_source = (ctx, actor, inspection_id)
        self.gallery = PhotoGallery(ctx, actor)
        self.gallery.changed.connect(self.photos_changed)
        self.gallery_host.addWidget(self.gallery)
        self.gallery.hide()
        self._show_gallery()

    def retranslate(self) -> None:
        self._note_label_text()
        if self.item is None:
            self.text.setText(self.tr("Choose an item on the left."))
        self._gallery_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- showing -------------------------------------------------------------------------------
    def finish(self) -> None:
        """End every typing session of the shown item (audit what changed)."""
        self.note_live.finish()
        for live in self.live:
            live.finish()
        if self.hazard:
            self.hazard.finish()

    def show_item(self, item: Item | None, place: str, value: Any, note: str,
                  finding: Finding | None, photo_count: int) -> None:
        self.finish()
        self.item = item
        self._value = value
        self._photo_count = photo_count
        self._clear(self.editor_host)
        self.editor = None
        self.live = []
        self._show_gallery()
        if item is None:
            self.place.setText("")
            self.text.setText(self.tr("Choose an item on the left."))
            self.basis.hide()
            self.note.setEnabled(False)
            self.note_live.set_text_silently("")
            self.set_finding(None)
            return
        self.place.setText(place)
        required = self.tr(" (required)") if item.required and item.answerable else ""
        self.text.setText(local(item.text) + required)
        self._fill_basis(item)
        self._make_editor(item, value, photo_count)
        self.note.setEnabled(item.type is not ItemType.INFO)
        self.note_live.set_text_silently(note or "")
        self.set_finding(finding)
        self._apply_read_only()

    def _make_editor(self, item: Item, value: Any, photo_count: int) -> None:
        self.editor = make_editor(item, value, photo_count, self)
        self.editor.answered.connect(lambda v: self.item and self.answered.emit(self.item.id, v))
        if isinstance(self.editor, TextEditor):
            self.live.append(LiveText(
                self.editor.edit,
                lambda text, i=item.id: self.text_answer_saved.emit(i, text),
                lambda old, new, i=item.id: self.text_answer_finished.emit(i, old, new)))
        self.editor_host.addWidget(self.editor)
        self.editor.show()  # the layout would show it only on the next event loop turn

    def _show_gallery(self) -> None:
        gallery, item = self.gallery, self.item
        if gallery is None or self._photo_source is None:
            return
        if item is None or item.type is ItemType.INFO:
            gallery.hide()
            return
        # A photo item is answered by its photos: show them big, and the (empty) box to drop
        # them in. Elsewhere photos are extra: an empty gallery is just its header row.
        prominent = item.type is ItemType.PHOTO
        gallery.show_empty_view = prominent
        gallery.set_thumb_size(140 if prominent else 88, rows=2 if prominent else 1)
        gallery.set_target(self._photo_source[2], item_id=item.id)
        gallery.set_read_only(self.read_only)
        self._gallery_title()
        gallery.show()

    def _gallery_title(self) -> None:
        if self.gallery is None:
            return
        if self.item is not None and self.item.type is ItemType.PHOTO:
            self.gallery.set_title(self.tr("Photos of this item — at least {0} needed").format(
                self.item.min_photos))
        else:
            self.gallery.set_title(self.tr("Photos of this item"))

    def refresh_photos(self, photo_count: int) -> None:
        """After photos changed: the galleries reload and a photo item's count is redrawn."""
        if self.gallery is not None and not self.gallery.isHidden():
            self.gallery.reload()
        if self.hazard is not None and self.hazard.gallery is not None:
            self.hazard.gallery.reload()
        item = self.item
        if item is not None and item.type is ItemType.PHOTO and photo_count != self._photo_count:
            self._photo_count = photo_count
            self._clear(self.editor_host)
            self._make_editor(item, self._value, photo_count)
            self._apply_read_only()

    def set_finding(self, finding: Finding | None) -> None:
        if self.hazard is not None:
            self.hazard.finish()
            self.hazard.setParent(None)
            self.hazard.deleteLater()
            self.hazard = None
        if finding is None:
            return
        gallery = None
        if self._photo_source is not None:
            ctx, actor, inspection_id = self._photo_source
            gallery = PhotoGallery(ctx, actor, thumb_px=88)
            gallery.show_empty_view = False
            gallery.set_target(inspection_id, finding_id=finding.id)
            gallery.changed.connect(self.photos_changed)
        self.hazard = HazardPanel(
            finding,
            lambda audit=True, **fields: self.hazard_saved.emit(finding.id, fields, audit),
            lambda field, old, new: self.hazard_finished.emit(finding.id, field, old, new),
            self, gallery)
        self.hazard_host.addWidget(self.hazard)
        self.hazard.show()
        self.hazard.set_read_only(self.read_only)

    def _fill_basis(self, item: Item) -> None:
        parts = []
        basis_title, guidance_title = self.tr("Legal basis"), self.tr("How to check")
        situation_title = self.tr("Situation (official wording)")
        basis = (legal_citation(self.template, item, ui_lang()) if self.template is not None
                 else local(item.legal_basis) or None)
        if basis:
            parts.append(f"<b>{basis_title}</b>: {escape(basis)}")
        if item.situation is not None and item.situation.text:
            # The situation as the law words it (Chinese is the authentic text).
            parts.append(f"<b>{situation_title}</b>: {escape(item.situation.text)}")
        if item.guidance:
            parts.append(f"<b>{guidance_title}</b>: {local(item.guidance)}")
        self.basis.setText("<br>".join(parts))
        self.basis.setVisible(self.show_basis and bool(parts))

    def set_show_basis(self, show: bool) -> None:
        self.show_basis = show
        if self.item is not None:
            self._fill_basis(self.item)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._apply_read_only()

    def _apply_read_only(self) -> None:
        if self.editor is not None:
            self.editor.setEnabled(not self.read_only)
        self.note.setReadOnly(self.read_only)
        self._note_label_text()
        if self.gallery is not None:
            self.gallery.set_read_only(self.read_only)
        if self.hazard is not None:
            self.hazard.set_read_only(self.read_only)

    def _note_label_text(self) -> None:
        # A locked record takes no typing: "press N to type" would promise what N cannot do.
        self.note_label.setText(self.tr("&Note:") if self.read_only
                                else self.tr("&Note (press N to type, Esc to go back):"))

    @staticmethod
    def _clear(layout: QVBoxLayout) -> None:
        while layout.count():
            widget = layout.takeAt(0).widget()
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
