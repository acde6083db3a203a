"""Collecting the signatures of a record on the inspector's laptop, one signer at a time.

Left: who must sign (the inspectors of the inspection, the company's on-site person, an optional
witness) and who already has, with the time. Right: the chosen signer's pad. Each signature is
saved the moment "Save signature" is pressed; "Done" only closes.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.inspection import Status
from inspector_app.domain.profile import Inspector
from inspector_app.domain.signature import Required, Signature, SignerRole
from inspector_app.errors import InspectorError
from inspector_app.services.context import AppContext
from inspector_app.ui.datetimes import show_datetime
from inspector_app.ui.widgets.signature_pad import SignaturePad

ERROR_STYLE = "color: #b00020;"
KEY_ROLE = Qt.ItemDataRole.UserRole
# Entries of the signer list: (kind, key). Kinds: "inspector" (key: inspector id), "company",
# "witness" (key: signature id of a witness who signed), "new_witness".
Entry = tuple[str, str]


class SignaturesDialog(QDialog):
    def __init__(self, ctx: AppContext, inspection_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.inspection_id = inspection_id
        self.service = ctx.signatures
        self._read_record()
        self.signatures: list[Signature] = []
        self.stale_ids: set[str] = set()
        self._too_short_shown = False

        self.header = QLabel()
        self.header.setWordWrap(True)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff4d6; padding: 6px;")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_signer_list())
        splitter.addWidget(self._build_signing_pane())
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.done_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.retranslate()
        self.reload()
        self.resize(900, 560)

    # -- building ---------------------------------------------------------------------------
    def _read_record(self) -> None:
        """The record's number and state, its company's on-site person and its team."""
        row = self.service.record_row(self.inspection_id)
        if row is None:
            raise InspectorError(self.tr("No inspection with id {0}.").format(
                self.inspection_id))
        self.number: str = row["number"] or ""
        self.locked = row["status"] == Status.SIGNED.value
        company = self.ctx.companies.get(row["company_id"])
        self.company_name = company.name if company else ""
        # The company's on-site person: its contact, else its legal representative.
        self.company_person = (company.contact_name or company.legal_rep or "") if company else ""
        self.team: list[Inspector] = self.service.team(self.inspection_id)

    def _build_signer_list(self) -> QWidget:
        """Left: who must sign and who already has."""
        self.signers_label = QLabel()
        self.signers = QListWidget()
        self.signers.setMinimumWidth(250)
        self.signers.currentItemChanged.connect(self._signer_chosen)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.signers_label)
        left_box.addWidget(self.signers, 1)
        return left

    def _build_signer_form(self) -> QFormLayout:
        """The chosen signer's name, enforcement ID, or a witness's name."""
        self.name_edit = QLineEdit()
        self.name_edit.textChanged.connect(self._update_buttons)
        self.id_label = QLabel()
        self.witness_name = QLineEdit()
        self.witness_name.textChanged.connect(self._update_buttons)
        self.form = QFormLayout()
        self._form_labels = [QLabel(), QLabel(), QLabel()]
        self.form.addRow(self._form_labels[0], self.name_edit)
        self.form.addRow(self._form_labels[1], self.id_label)
        self.form.addRow(self._form_labels[2], self.witness_name)
        self._form_labels[0].setBuddy(self.name_edit)
        self._form_labels[2].setBuddy(self.witness_name)
        return self.form

    def _build_pad_buttons(self) -> QHBoxLayout:
        """Clear, undo, refused, remove; "Save signature" on the right."""
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.pad.clear)
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.pad.undo)
        self.refuse_button = QPushButton()
        self.refuse_button.setCheckable(True)
        self.refuse_button.toggled.connect(self._refusal_toggled)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected)
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        pad_buttons = QHBoxLayout()
        for button in (self.clear_button, self.undo_button, self.refuse_button,
                       self.remove_button):
            pad_buttons.addWidget(button)
        pad_buttons.addStretch(1)
        pad_buttons.addWidget(self.save_button)
        return pad_buttons

    def _build_signing_pane(self) -> QWidget:
        """Right: the chosen signer, the pad and its buttons, and a line for problems."""
        self.role_label = QLabel()
        self.role_label.setStyleSheet("font-weight: 600;")
        form = self._build_signer_form()
        self.refusal_note = QLabel()
        self.refusal_note.setWordWrap(True)
        self.refusal_note.setStyleSheet("color: #7a4b00;")
        self.pad = SignaturePad()
        self.pad.changed.connect(self._update_buttons)
        pad_buttons = self._build_pad_buttons()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        # Room for two lines kept: "too short" comes and goes with the strokes, and the pad
        # and its buttons must not jump under the pen each time.
        self.message.setMinimumHeight(2 * self.message.fontMetrics().lineSpacing())

        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.role_label)
        right_box.addLayout(form)
        right_box.addWidget(self.refusal_note)
        right_box.addWidget(self.pad, 1)
        right_box.addLayout(pad_buttons)
        right_box.addWidget(self.message)
        return right

    # -- the list of signers ----------------------------------------------------------------
    # A stale signature (given before the record changed) is shown as such but counts as not
    # given: its signer signs again, which replaces it.
    def _company_signature(self) -> Signature | None:
        return next((s for s in self.signatures if s.role is SignerRole.COMPANY), None)

    def _inspector_signature(self, inspector_id: str) -> Signature | None:
        return next((s for s in self.signatures
                     if s.role is SignerRole.INSPECTOR and s.inspector_id == inspector_id), None)

    def _signature(self, signature_id: str) -> Signature | None:
        return next((s for s in self.signatures if s.id == signature_id), None)

    def _entries(self) -> list[tuple[Entry, str]]:
        entries: list[tuple[Entry, str]] = []
        for person in self.team:
            signed = self._inspector_signature(person.id)
            ident = person.enforcement_id or self.tr("no enforcement ID")
            text = self.tr("Inspector: {0} ({1})").format(person.name, ident)
            entries.append((("inspector", person.id), self._with_state(text, signed)))
        company = self._company_signature()
        name = company.signer_name if company else self.company_person
        text = self.tr("Company: {0}").format(name or self.tr("on-site person"))
        entries.append((("company", ""), self._with_state(text, company)))
        for s in self.signatures:
            if s.role is SignerRole.WITNESS:
                text = self.tr("Witness: {0}").format(s.signer_name)
                entries.append((("witness", s.id), self._with_state(text, s)))
        if not self.locked:
            entries.append((("new_witness", ""), self.tr("Add a witness (optional)")))
        return entries

    def _with_state(self, text: str, signature: Signature | None) -> str:
        if signature is None:
            return text + "\n    " + self.tr("not signed yet")
        if signature.id in self.stale_ids:
            # Short enough for the list on a small screen; the status line below says more.
            return text + "\n    " + self.tr("⚠ record changed: sign again")
        if signature.refused:
            return text + "\n    " + self.tr("refused to sign, {0}").format(
                show_datetime(signature.signed_at))
        return text + "\n    " + self.tr("✓ signed {0}").format(show_datetime(signature.signed_at))

    def reload(self, select: Entry | None = None, *, advance: bool = False) -> None:
        """Re-read the signatures; ``advance`` moves on to the next person still to sign."""
        self.signatures = self.service.list(self.inspection_id)
        self.stale_ids = {s.id for s in self.service.stale(self.inspection_id)}
        if advance and select is None:
            select = self._first_unsigned()
        current = select or self.current_entry()
        self.signers.blockSignals(True)
        self.signers.clear()
        for entry, text in self._entries():
            item = QListWidgetItem(text, self.signers)
            item.setData(KEY_ROLE, entry)
        self.signers.blockSignals(False)
        entries = [self.signers.item(r).data(KEY_ROLE) for r in range(self.signers.count())]
        if current not in entries:
            current = self._first_unsigned() or entries[0]
        self.select_signer(*current)
        self._update_status()

    def _first_unsigned(self) -> Entry | None:
        for person in self.team:
            if self._given(self._inspector_signature(person.id)) is None:
                return ("inspector", person.id)
        if self._given(self._company_signature()) is None:
            return ("company", "")
        return None

    def _stale_of(self, kind: str, key: str) -> Signature | None:
        signature = {"inspector": lambda: self._inspector_signature(key),
                     "company": self._company_signature,
                     "witness": lambda: self._signature(key)}.get(kind, lambda: None)()
        return signature if signature is not None and signature.id in self.stale_ids else None

    def _given(self, signature: Signature | None) -> Signature | None:
        """The signature if it still holds for the record as it stands, else None."""
        return None if signature is None or signature.id in self.stale_ids else signature

    def current_entry(self) -> Entry | None:
        item = self.signers.currentItem()
        return tuple(item.data(KEY_ROLE)) if item is not None else None  # type: ignore[return-value]

    def select_signer(self, kind: str, key: str = "") -> None:
        for row in range(self.signers.count()):
            if tuple(self.signers.item(row).data(KEY_ROLE)) == (kind, key):
                if self.signers.currentRow() == row:
                    self._show_entry()
                else:
                    self.signers.setCurrentRow(row)
                return

    def _signer_chosen(self, *_args: object) -> None:
        self._show_entry()

    # -- the chosen signer ------------------------------------------------------------------
    def _existing(self) -> Signature | None:
        """The signature (or refusal) already given by the chosen signer."""
        entry = self.current_entry()
        if entry is None:
            return None
        kind, key = entry
        if kind == "inspector":
            return self._given(self._inspector_signature(key))
        if kind == "company":
            return self._given(self._company_signature())
        if kind == "witness":
            return self._given(self._signature(key))
        return None

    def _show_entry(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        kind, key = entry
        existing = self._existing()
        self.refuse_button.blockSignals(True)
        self.refuse_button.setChecked(False)
        self.refuse_button.blockSignals(False)
        self.pad.clear()
        self.message.clear()
        self.witness_name.clear()
        person = next((p for p in self.team if p.id == key), None) if kind == "inspector" else None
        roles = {"inspector": self.tr("Inspector"),
                 "company": self.tr("Company's on-site person in charge"),
                 "witness": self.tr("Witness"), "new_witness": self.tr("Witness")}
        self.role_label.setText(roles[kind])
        stale = self._stale_of(kind, key)
        if existing is not None:
            self.name_edit.setText(existing.signer_name)
        elif stale is not None and not stale.refused:  # signs again under the same name
            self.name_edit.setText(stale.signer_name)
        elif person is not None:
            self.name_edit.setText(person.name)
        elif kind == "company":
            self.name_edit.setText(self.company_person)
        else:
            self.name_edit.clear()
        self.name_edit.setReadOnly(kind == "inspector" or existing is not None or self.locked)
        id_number = (existing.signer_id_number if existing else None) or (
            person.enforcement_id if person else None)
        self.id_label.setText(id_number or "")
        self._set_row_visible(1, kind == "inspector")
        self._set_row_visible(2, False)
        self.refusal_note.setVisible(False)
        if existing is not None and existing.refused:
            witness = next((s for s in self.signatures if s.role is SignerRole.WITNESS), None)
            self.refusal_note.setText(self.tr(
                "{0} refused to sign ({1}). Witness: {2}.").format(
                existing.signer_name, show_datetime(existing.signed_at),
                witness.signer_name if witness else self.tr("none yet")))
            self.refusal_note.setVisible(True)
        elif existing is not None and existing.strokes:
            self.pad.set_strokes(existing.strokes, existing.pad_size)
        self.pad.set_read_only(existing is not None or self.locked)
        self._update_buttons()

    def _set_row_visible(self, row: int, visible: bool) -> None:
        self.form.setRowVisible(row, visible)

    def _refusal_toggled(self, on: bool) -> None:
        self._set_row_visible(2, on)
        self.refusal_note.setVisible(on)
        if on:
            self.refusal_note.setText(self.tr(
                "The company's person refuses to sign. A witness signs below to confirm the "
                "refusal."))
            self.witness_name.setFocus()
        self.pad.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        entry = self.current_entry()
        existing = self._existing()
        open_ = entry is not None and existing is None and not self.locked
        refusing = self.refuse_button.isChecked()
        names_ok = bool(self.name_edit.text().strip()) and (
            not refusing or bool(self.witness_name.text().strip()))
        meaningful = self.pad.is_meaningful()
        self.save_button.setEnabled(open_ and meaningful and names_ok)
        self.clear_button.setEnabled(open_ and not self.pad.is_empty())
        self.undo_button.setEnabled(open_ and not self.pad.is_empty())
        self.refuse_button.setVisible(entry is not None and entry[0] == "company" and open_)
        self.remove_button.setVisible(existing is not None and not self.locked)
        self.save_button.setText(self.tr("Save witness signature") if refusing
                                 else self.tr("Save signature"))
        too_short = open_ and not self.pad.is_empty() and not meaningful
        if too_short:
            self.message.setText(self.tr(
                "The signature is too short or empty; please sign again."))
        elif self._too_short_shown:  # other messages (a refused save) stay until replaced
            self.message.clear()
        self._too_short_shown = too_short

    def _update_status(self) -> None:
        missing = self.service.missing_signers(self.inspection_id)
        if missing:
            separator = self.tr("; ")  # Chinese lists use a full-width semicolon
            self.status.setText(self.tr("Still to sign: {0}").format(
                separator.join(self._describe(m) for m in missing)))
            self.status.setStyleSheet("")
        else:
            self.status.setText(self.tr("Every required signature is collected."))
            self.status.setStyleSheet("color: #1b5e20; font-weight: 600;")

    def _describe(self, required: Required) -> str:
        text = self._who(required)
        return self.tr("{0} (again)").format(text) if required.again else text

    def _who(self, required: Required) -> str:
        if required.what == "inspector" and required.inspector is not None:
            return required.inspector.name
        return {"any_inspector": self.tr("at least one inspector"),
                "company": self.tr("the company's person (or a witnessed refusal)"),
                "refusal_witness": self.tr("a witness to the company's refusal")}.get(
            required.what, required.what)

    # -- saving and removing ----------------------------------------------------------------
    def save(self) -> None:
        entry = self.current_entry()
        if entry is None or not self.save_button.isEnabled():
            return
        kind, key = entry
        try:
            png = self.pad.to_png()
            strokes, size = self.pad.strokes(), self.pad.pad_size()
            name = self.name_edit.text()
            if kind == "company" and self.refuse_button.isChecked():
                self.service.record_refusal(self.inspection_id, name, self.witness_name.text(),
                                            strokes, png, pad_size=size)
                select: Entry | None = None
            elif kind == "inspector":
                self.service.add(self.inspection_id, SignerRole.INSPECTOR, name, strokes, png,
                                 inspector_id=key, pad_size=size)
                select = None
            elif kind == "company":
                self.service.add(self.inspection_id, SignerRole.COMPANY, name, strokes, png,
                                 pad_size=size)
                select = None
            else:
                saved = self.service.add(self.inspection_id, SignerRole.WITNESS, name, strokes,
                                         png, pad_size=size)
                select = ("witness", saved.id)
        except InspectorError as exc:
            self.message.setText(exc.localized())
            return
        # The next person who still has to sign comes up, ready for the pen.
        self.reload(select, advance=True)

    def remove_selected(self) -> None:
        existing = self._existing()
        if existing is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Remove signature"),
                                          self.tr("Why is this signature removed?"))
        if not ok or not reason.strip():
            return
        try:
            self.service.remove(existing.id, reason.strip())
        except InspectorError as exc:
            self.message.setText(exc.localized())
            return
        self.reload()

    # -- language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Signatures"))
        self.header.setText(f"<b>{escape(self.number)}</b> · {escape(self.company_name)}")
        self.banner.setText(self.tr("This record is signed and locked: its signatures cannot "
                                    "change."))
        self.banner.setVisible(self.locked)
        self.signers_label.setText(self.tr("Who signs:"))
        for label, text in zip(self._form_labels, (self.tr("&Name:"),
                                                   self.tr("Enforcement ID:"),
                                                   self.tr("&Witness name:")), strict=True):
            label.setText(text)
        self.clear_button.setText(self.tr("Clear"))
        self.undo_button.setText(self.tr("Undo stroke"))
        self.refuse_button.setText(self.tr("Company refuses to sign"))
        self.remove_button.setText(self.tr("Remove signature…"))
        self.done_button.setText(self.tr("Done"))
        self._fit_save_button()
        if self.signers.count():
            self.reload()

    def _fit_save_button(self) -> None:
        """Wide enough for both of its texts: Company refuses to sign renames it, and a
        button that grows moves where the signer reaches for it."""
        shown = self.save_button.text()
        widths = []
        for text in (self.tr("Save signature"), self.tr("Save witness signature")):
            self.save_button.setText(text)
            widths.append(self.save_button.sizeHint().width())
        self.save_button.setText(shown)
        self.save_button.setMinimumWidth(max(widths))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
