"""One editor per item type. Each emits ``answered(value)``; text-like ones save as typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.checklist import Answer, Item, ItemType, number_status
from inspector_app.ui.datetimes import localize_edit
from inspector_app.ui.labels import answer_label, label, local
from inspector_app.ui.widgets.form_text import FormTextEdit


class AnswerEditor(QWidget):
    answered = Signal(object)

    def __init__(self, item: Item, value: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)

    def choose(self, number: int) -> bool:
        """Keyboard digit ``number`` (1-based); False when it means nothing here."""
        return False

    def focus_input(self) -> None:
        self.setFocus()

    def finish(self) -> None:
        """End a typing session (text editors)."""


class _ButtonsEditor(AnswerEditor):
    """Exclusive buttons: check answers, yes/no, single choice."""

    def __init__(self, item: Item, value: Any, options: list[tuple[Any, str]],
                 parent: QWidget | None = None, radio: bool = False) -> None:
        super().__init__(item, value, parent)
        self.group = QButtonGroup(self)
        self.values = [v for v, _ in options]
        row = QVBoxLayout() if radio else QHBoxLayout()
        for n, (option, text) in enumerate(options, start=1):
            label = f"&{n}  {text}" if n < 10 else text
            button: QAbstractButton = QRadioButton(label) if radio else QPushButton(label)
            button.setCheckable(True)
            button.setChecked(value is not None and option == value
                              and isinstance(option, bool) == isinstance(value, bool))
            if not radio:
                button.setMinimumHeight(36)
            self.group.addButton(button, n - 1)
            row.addWidget(button)
        if not radio:
            row.addStretch(1)
        self.layout_.addLayout(row)
        self.group.idClicked.connect(lambda i: self.answered.emit(self.values[i]))

    def choose(self, number: int) -> bool:
        if 1 <= number <= len(self.values):
            self.group.button(number - 1).setChecked(True)
            self.answered.emit(self.values[number - 1])
            return True
        return False

    def buttons(self) -> list[QAbstractButton]:
        return self.group.buttons()


def check_editor(item: Item, value: Any, parent: QWidget | None = None) -> AnswerEditor:
    options = [(a.value, answer_label(a)) for a in Answer]
    editor = _ButtonsEditor(item, value, options, parent)
    colours = ("#1b7f3b", "#b00020", "#555555")
    for button, colour in zip(editor.buttons(), colours, strict=True):
        button.setStyleSheet(f"QPushButton:checked {{ background: {colour}; color: white; }}")
    return editor


class MultiChoiceEditor(AnswerEditor):
    def __init__(self, item: Item, value: Any, parent: QWidget | None = None) -> None:
        super().__init__(item, value, parent)
        selected = list(value or [])
        self.boxes: list[QCheckBox] = []
        for n, choice in enumerate(item.choices, start=1):
            box = QCheckBox(f"&{n}  {local(choice.text)}" if n < 10 else local(choice.text))
            box.setChecked(choice.value in selected)
            box.toggled.connect(self._emit)
            self.boxes.append(box)
            self.layout_.addWidget(box)

    def _emit(self) -> None:
        chosen = [c.value for c, b in zip(self.item.choices, self.boxes, strict=True)
                  if b.isChecked()]
        self.answered.emit(chosen or None)

    def choose(self, number: int) -> bool:
        if 1 <= number <= len(self.boxes):
            self.boxes[number - 1].toggle()
            return True
        return False


class NumberEditor(AnswerEditor):
    def __init__(self, item: Item, value: Any, parent: QWidget | None = None) -> None:
        super().__init__(item, value, parent)
        row = QHBoxLayout()
        self.edit = QLineEdit("" if value is None else f"{value:g}")
        self.edit.setMaximumWidth(160)
        self.edit.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        row.addWidget(self.edit)
        row.addWidget(QLabel(local(item.unit)))
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.layout_.addWidget(self.status)
        self.edit.textChanged.connect(self._changed)
        self._describe(value)

    def _describe(self, value: float | None) -> None:
        item = self.item
        if value is None:
            self.status.setText("")
            return
        state = number_status(item, value)
        if state == "error":
            self.status.setStyleSheet("color: #b00020;")
            self.status.setText(label("Outside the allowed range {0} – {1}; not saved.").format(
                "" if item.min is None else f"{item.min:g}",
                "" if item.max is None else f"{item.max:g}"))
        elif state == "warn":
            self.status.setStyleSheet("color: #a05a00;")
            self.status.setText(label("Outside the normal range {0} – {1}: check it.").format(
                "" if item.normal_min is None else f"{item.normal_min:g}",
                "" if item.normal_max is None else f"{item.normal_max:g}"))
        else:
            self.status.setText("")

    def _changed(self, text: str) -> None:
        text = text.strip().replace("，", ".").replace(",", ".")
        if not text:
            self._describe(None)
            self.answered.emit(None)
            return
        try:
            number = float(text)
        except ValueError:
            self.status.setStyleSheet("color: #b00020;")
            self.status.setText(label("Not a number; not saved."))
            self.answered.emit(None)  # what is stored never differs from what is shown
            return
        value: float | int = int(number) if number.is_integer() and "." not in text else number
        self._describe(value)
        self.answered.emit(value if number_status(self.item, value) != "error" else None)

    def focus_input(self) -> None:
        self.edit.setFocus()


class DateEditor(AnswerEditor):
    def __init__(self, item: Item, value: Any, parent: QWidget | None = None,
                 with_time: bool = False) -> None:
        super().__init__(item, value, parent)
        self.with_time = with_time
        self.edit = QDateTimeEdit() if with_time else QDateEdit()
        self.edit.setCalendarPopup(True)
        localize_edit(self.edit, with_time)
        # The minimum stands for "not answered yet", shown as a dash.
        self.edit.setMinimumDate(QDate(2000, 1, 1))
        self.edit.setSpecialValueText("—")
        if value:
            if with_time:
                self.edit.setDateTime(QDateTime.fromString(value, Qt.DateFormat.ISODate))
            else:
                self.edit.setDate(QDate.fromString(value, Qt.DateFormat.ISODate))
        else:
            self.edit.setDate(self.edit.minimumDate())
        row = QHBoxLayout()
        row.addWidget(self.edit)
        self.today = QPushButton(label("Today") if not with_time else label("Now"))
        self.today.clicked.connect(self._today)
        row.addWidget(self.today)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.edit.dateTimeChanged.connect(self._changed)

    def _today(self) -> None:
        if self.with_time:
            self.edit.setDateTime(QDateTime.currentDateTime())
        else:
            self.edit.setDate(QDate.currentDate())

    def _changed(self) -> None:
        if self.edit.date() == self.edit.minimumDate():
            self.answered.emit(None)
        elif self.with_time:
            self.answered.emit(self.edit.dateTime().toString("yyyy-MM-ddTHH:mm"))
        else:
            self.answered.emit(self.edit.date().toString(Qt.DateFormat.ISODate))

    def focus_input(self) -> None:
        self.edit.setFocus()


class TextEditor(AnswerEditor):
    """Typed answers; the form saves them as typed and audits them per session."""

    def __init__(self, item: Item, value: Any, parent: QWidget | None = None) -> None:
        super().__init__(item, value, parent)
        if item.type is ItemType.LONG_TEXT:
            self.edit: QLineEdit | QPlainTextEdit = FormTextEdit(value or "")
            self.edit.setMinimumHeight(90)
        else:
            self.edit = QLineEdit(value or "")
            if item.max_length:
                self.edit.setMaxLength(item.max_length)
        self.layout_.addWidget(self.edit)

    def focus_input(self) -> None:
        self.edit.setFocus()


class InfoEditor(AnswerEditor):
    def __init__(self, item: Item, value: Any, parent: QWidget | None = None,
                 text: str = "") -> None:
        super().__init__(item, value, parent)
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet("color: #555555;")
        self.layout_.addWidget(label)


def make_editor(item: Item, value: Any, photo_count: int = 0,
                parent: QWidget | None = None) -> AnswerEditor:
    kind = item.type
    if kind is ItemType.CHECK:
        return check_editor(item, value, parent)
    if kind is ItemType.YES_NO:
        return _ButtonsEditor(item, value, [(True, label("Yes")), (False, label("No"))], parent)
    if kind is ItemType.SINGLE_CHOICE:
        return _ButtonsEditor(item, value, [(c.value, local(c.text)) for c in item.choices],
                              parent, radio=True)
    if kind is ItemType.MULTI_CHOICE:
        return MultiChoiceEditor(item, value, parent)
    if kind is ItemType.NUMBER:
        return NumberEditor(item, value, parent)
    if kind in (ItemType.DATE, ItemType.DATETIME):
        return DateEditor(item, value, parent, with_time=kind is ItemType.DATETIME)
    if kind in (ItemType.TEXT, ItemType.LONG_TEXT):
        return TextEditor(item, value, parent)
    if kind is ItemType.PHOTO:
        return InfoEditor(item, value, parent, label(
            "%Ln photo(s) attached; at least {0} needed.", photo_count).format(item.min_photos))
    if kind is ItemType.SIGNATURE:
        return InfoEditor(item, value, parent,
                          label("Signatures are collected when the record is signed."))
    return InfoEditor(item, value, parent)
