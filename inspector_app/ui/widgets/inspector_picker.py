"""Who inspects: this computer's inspectors to tick, and a colleague not yet listed to add.

Used wherever an inspection or a re-inspection starts, so that both list the same people the
same way: the one using this computer first and already ticked, the others after.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.profile import Inspector
from inspector_app.errors import InspectorError
from inspector_app.services.context import AppContext

ID_ROLE = Qt.ItemDataRole.UserRole
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class InspectorPicker(QWidget):
    """A ticked list of inspectors with a folded "Add inspector…" form below it."""

    # A message for the dialog's error line; "" when an addition succeeded and it may clear.
    problem = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 list_height: int = 130) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # A word after a person's name (the yearly plan's teams: the team each one is in).
        self.notes: dict[str, str] = {}
        self.list = QListWidget()
        self.list.setMaximumHeight(list_height)
        self.add_button = QPushButton()
        self.add_button.setCheckable(True)
        self.new_name = QLineEdit()
        self.new_enforcement_id = QLineEdit()
        self.confirm_button = QPushButton()
        # Buttons inside a form never become the dialog's default: Enter there must not start.
        for button in (self.add_button, self.confirm_button):
            button.setAutoDefault(False)
        self.add_form = QWidget()
        add_row = QHBoxLayout(self.add_form)
        add_row.setContentsMargins(0, 0, 0, 0)
        add_row.addWidget(self.new_name, 2)
        add_row.addWidget(self.new_enforcement_id, 2)
        add_row.addWidget(self.confirm_button)
        self.add_form.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.add_form)
        self.setFocusProxy(self.list)

        self.add_button.toggled.connect(self._show_add_form)
        self.confirm_button.clicked.connect(self.add_inspector)
        # A QLineEdit passes Enter on to the dialog, which would start the inspection:
        # in the add-inspector fields Enter belongs to that small form alone.
        self.new_name.installEventFilter(self)
        self.new_enforcement_id.installEventFilter(self)

        self.fill(ctx.current_inspector())
        self.retranslate()

    # -- the list -----------------------------------------------------------------------------
    def fill(self, me: Inspector | None) -> None:
        """Every inspector of this computer; ``me`` (the profile's) first and ticked."""
        people = self.ctx.profile.inspectors()
        if me is not None:
            people = [p for p in people if p.id == me.id] + [p for p in people if p.id != me.id]
        self.list.clear()
        for person in people:
            self._add_item(person, checked=me is not None and person.id == me.id)

    def _add_item(self, person: Inspector, *, checked: bool) -> None:
        item = QListWidgetItem(self.list)
        item.setData(ID_ROLE, person.id)
        item.setData(PERSON_ROLE, person)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._label(item)

    def _label(self, item: QListWidgetItem) -> None:
        person: Inspector = item.data(PERSON_ROLE)
        enforcement_id = person.enforcement_id or self.tr("no enforcement ID")
        note = self.notes.get(person.id)
        item.setText(f"{person.name}  ({enforcement_id})" + (f"  — {note}" if note else ""))

    def set_notes(self, notes: dict[str, str]) -> None:
        """Show ``notes`` (by inspector id) after the names; the others without one."""
        self.notes = dict(notes)
        blocked = self.list.blockSignals(True)  # a label is no change of who is ticked
        try:
            for row in range(self.list.count()):
                self._label(self.list.item(row))
        finally:
            self.list.blockSignals(blocked)

    def checked_ids(self) -> list[str]:
        return [self.list.item(row).data(ID_ROLE) for row in range(self.list.count())
                if self.list.item(row).checkState() == Qt.CheckState.Checked]

    def set_checked(self, inspector_id: str, checked: bool = True) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == inspector_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    # -- adding an inspector ------------------------------------------------------------------
    def _show_add_form(self, shown: bool) -> None:
        self.add_form.setVisible(shown)
        if shown:
            self.new_name.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in _ENTER
                and watched in (self.new_name, self.new_enforcement_id)):
            if watched is self.new_name:
                self.new_enforcement_id.setFocus()
            else:
                self.add_inspector()
            return True
        return super().eventFilter(watched, event)

    def add_inspector(self) -> Inspector | None:
        """Add a colleague to this computer's list of inspectors and tick them."""
        name = self.new_name.text().strip()
        if not name:
            self.problem.emit(self.tr("Enter the new inspector's name."))
            self.new_name.setFocus()
            return None
        try:
            person = self.ctx.profile.add_inspector(
                name, self.new_enforcement_id.text().strip() or None)
        except InspectorError as exc:
            self.problem.emit(exc.localized())
            return None
        self._add_item(person, checked=True)
        self.new_name.clear()
        self.new_enforcement_id.clear()
        self.add_button.setChecked(False)
        self.list.setFocus()
        self.problem.emit("")
        return person

    # -- language -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add inspector…"))
        self.new_name.setPlaceholderText(self.tr("Name"))
        self.new_enforcement_id.setPlaceholderText(self.tr("Enforcement-ID number"))
        self.confirm_button.setText(self.tr("Add"))
        for row in range(self.list.count()):
            self._label(self.list.item(row))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
