"""The Templates page: the checklist template library and a preview of each template.

The preview shows a template the way the inspection window will: sections, numbered items, the
required marker, and the real answer widget of the chosen item (disabled), so that whoever imports
a template sees what an inspector will get before any inspection uses it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.checklist import (
    Grade,
    Item,
    ItemType,
    Section,
    Template,
)
from inspector_app.errors import InspectorError
from inspector_app.services.context import AppContext
from inspector_app.services.forms import (
    Problem,
    TemplateInvalid,
    ensure_shipped_templates,
    shipped_template_files,
)
from inspector_app.services.forms_xlsx import export_workbook, is_workbook, load_checklist
from inspector_app.services.templates import ImportResult, TemplateRecord
from inspector_app.ui import messages
from inspector_app.ui.dialogs.template_errors import TemplateErrorsDialog
from inspector_app.ui.labels import local, ui_lang
from inspector_app.ui.models.templates_model import TemplatesModel
from inspector_app.ui.pages.base import Page
from inspector_app.ui.save_folder import Kind, open_file, save_file
from inspector_app.ui.table_columns import fit_columns
from inspector_app.ui.template_describer import TemplateDescriber
from inspector_app.ui.widgets.answer_editors import AnswerEditor, make_editor

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 2
_GREY = QColor("#666666")
_BASIS_STYLE = "background: #f3f1e8; padding: 6px; border-radius: 4px;"


class TemplatesPage(Page):
    page_id = "templates"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.repo = ctx.templates
        self.last_errors_dialog: TemplateErrorsDialog | None = None
        self.editor: AnswerEditor | None = None
        self.template: Template | None = None
        self._templates: dict[str, Template] = {}  # a key's definition never changes: cache it
        self._shipped_checked = False
        self._lang = ui_lang()
        self.describe = TemplateDescriber(self)

        # -- the library ---------------------------------------------------------------------
        self.show_retired = QCheckBox()
        self.show_retired.toggled.connect(self._toggle_retired_rows)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.import_dialog)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_dialog)
        self.retire_button = QPushButton()
        self.retire_button.clicked.connect(self.toggle_retired)
        self.notice = QLabel()  # shipped templates that could not be added
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #a05a00;")
        self.notice.hide()

        self.model = TemplatesModel(self.repo, self)
        self.table = QTableView()
        self.table.setObjectName("templatesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.column_fitter = fit_columns(self.table, "templates",
                                         stretch=TemplatesModel.COLUMNS.index("title"))
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)

        # -- the preview ---------------------------------------------------------------------
        self.template_title = QLabel()
        self.template_title.setWordWrap(True)
        self.template_title.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.template_info = QLabel()
        self.template_info.setWordWrap(True)
        self.template_info.setStyleSheet("color: #555555;")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("templateSummary")

        self.tree = QTreeWidget()
        self.tree.setObjectName("templateTree")
        self.tree.setColumnCount(4)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        tree_header = self.tree.header()
        tree_header.setStretchLastSection(False)
        tree_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tree_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        tree_header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        tree_header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        tree_header.resizeSection(3, 170)
        self.tree.setItemDelegate(_WrappingDelegate(self.tree))
        # Row heights follow the column widths: lay the rows out again once a resize settles.
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self._relayout_tree)
        tree_header.sectionResized.connect(self._relayout.start)
        self.tree.currentItemChanged.connect(self._tree_current_changed)

        self.detail = TemplateItemPreview()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.detail)

        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.tree)
        lower.addWidget(scroll)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        lower.setChildrenCollapsible(False)
        lower.setSizes([600, 400])

        preview = QWidget()
        preview_layout = QVBoxLayout(preview)
        preview_layout.setContentsMargins(0, 4, 0, 0)
        preview_layout.addWidget(self.template_title)
        preview_layout.addWidget(self.template_info)
        preview_layout.addWidget(self.summary)
        preview_layout.addWidget(lower, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(preview)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([200, 500])

        bar = QHBoxLayout()
        bar.addWidget(self.show_retired)
        bar.addStretch(1)
        bar.addWidget(self.import_button)
        bar.addWidget(self.export_button)
        bar.addWidget(self.retire_button)
        self.layout_.addLayout(bar)
        self.layout_.addWidget(self.notice)
        self.layout_.addWidget(self.splitter, 1)

        self.retranslate()
        self._show_template(None)

    # -- Page -----------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Templates")

    def retranslate(self) -> None:
        super().retranslate()
        self.show_retired.setText(self.tr("Show retired versions"))
        self.import_button.setText(self.tr("&Import…"))
        self.import_button.setToolTip(self.tr("Add a checklist template file (YAML or Excel "
                                              "workbook) to the library"))
        self.export_button.setText(self.tr("E&xport…"))
        self.export_button.setToolTip(self.tr("Write the selected template to a YAML file or "
                                              "an Excel workbook"))
        self.tree.setHeaderLabels([self.tr("Item"), self.tr("Type"), self.tr("Grade"),
                                   self.tr("Legal basis")])
        self.detail.retranslate()
        self._update_buttons()
        if self._lang != ui_lang():
            # Template texts are bilingual: show them again in the new language.
            self._lang = ui_lang()
            self.model.retranslate()
            self._show_template(self.selected_key(), keep_tree_position=True)
        elif self.template is None:
            self._show_template(None)

    def refresh(self) -> None:
        if not self._shipped_checked:
            self._shipped_checked = True
            self._ensure_shipped()
        self._reload(self.selected_key())

    # -- reading the library --------------------------------------------------------------------
    def selected_key(self) -> str | None:
        row = self.table.selectionModel().currentIndex().row()
        return self.model.record(row).key if 0 <= row < self.model.rowCount() else None

    def selected_record(self) -> TemplateRecord | None:
        row = self.table.selectionModel().currentIndex().row()
        return self.model.record(row) if 0 <= row < self.model.rowCount() else None

    def select_key(self, key: str) -> bool:
        """Select the library row of ``key``; False when it is not shown."""
        row = self.model.row_of(key)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        if self.template is None or self.template.key != key:
            self._show_template(key)  # selectRow emits nothing when the row was current
        return True

    def _ensure_shipped(self) -> None:
        try:
            results = ensure_shipped_templates(self.repo, shipped_template_files())
        except InspectorError as exc:
            messages.error(exc)
            return
        refused = [r for r in results if r.status == "refused"]
        if refused:
            lines = [self.tr("A template shipped with Inspector was not added: {0}").format(
                f"{r.source.name if r.source else r.key}: {r.message}") for r in refused]
            self.notice.setText("\n".join(lines))
            self.notice.show()

    def _reload(self, keep: str | None, fallback_row: int = 0) -> None:
        self.model.reload()
        if keep and self.select_key(keep):
            return
        rows = self.model.rowCount()
        if rows:
            self.select_key(self.model.record(min(max(fallback_row, 0), rows - 1)).key)
        else:
            self.table.selectionModel().clearCurrentIndex()
            self._show_template(None)

    def _toggle_retired_rows(self, show: bool) -> None:
        key = self.selected_key()
        self.model.include_retired = show
        self._reload(key)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = self.model.record(current.row()).key if current.isValid() else None
        if key is not None and self.template is not None and self.template.key == key:
            # A reload brought the same version back: keep the reader's place in the tree.
            self._update_buttons()
            self.template_info.setText(self._template_info(self.template))
            return
        self._show_template(key)

    def _template(self, key: str) -> Template:
        if key not in self._templates:
            self._templates[key] = self.repo.get(key)
        return self._templates[key]

    # -- import, export, retire ------------------------------------------------------------------
    def import_dialog(self) -> None:
        path = open_file(self, Kind.CHECKLISTS, self.tr("Import a checklist template"),
                         self.tr("Checklist templates (*.yaml *.yml *.xlsx);;All files (*)"))
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path | str) -> ImportResult | None:
        """Check and add the template in ``path``; None (and the reasons shown) when refused."""
        path = Path(path)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            loaded = load_checklist(path)
            result = self.repo.import_template(loaded)
        except TemplateInvalid as exc:
            self._show_errors(path, exc.problems)
            return None
        except InspectorError as exc:
            # Above all the same id and version with other content: TemplateConflict says how
            # to fix it (a new version number).
            self._show_errors(path, [f"{path}: {exc.localized()}"])
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        if self.repo.record(result.key).retired and not self.show_retired.isChecked():
            self.show_retired.setChecked(True)  # else the imported version would not be listed
        self._reload(result.key)
        name = local(loaded.template.title)
        if result.status == "added":
            messages.info(self.tr("Template {0} ({1}) added to the library.").format(
                name, result.key))
        else:
            messages.info(self.tr("Template {0} ({1}) is already in the library; nothing "
                                  "changed.").format(name, result.key))
        return result

    def _show_errors(self, path: Path, problems: Sequence[Problem | str]) -> None:
        if self.last_errors_dialog is not None:
            self.last_errors_dialog.close()
            self.last_errors_dialog.deleteLater()
        dialog = TemplateErrorsDialog(path, problems, self)
        self.last_errors_dialog = dialog
        dialog.open()  # window-modal without blocking: the page (and tests) carry on

    def export_dialog(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        suggested = f"{record.template_id}-{record.version}.yaml"
        yaml_filter = self.tr("Checklist templates (*.yaml *.yml)")
        xlsx_filter = self.tr("Excel workbooks (*.xlsx)")
        path, chosen = save_file(self, Kind.CHECKLISTS, self.tr("Export a checklist template"),
                                 suggested, f"{yaml_filter};;{xlsx_filter}")
        if path:
            target = Path(path)
            if target.suffix.lower() not in (".yaml", ".yml", ".xlsx"):
                suffix = ".xlsx" if chosen == xlsx_filter else ".yaml"
                target = target.with_name(target.name + suffix)
            self.export_selected(target)

    def export_selected(self, path: Path | str) -> bool:
        """Write the selected template to ``path`` (YAML, or a workbook for .xlsx); False when
        nothing was written."""
        record = self.selected_record()
        if record is None:
            return False
        try:
            if is_workbook(path):
                export_workbook(self.repo.definition(record.key), Path(path))
            else:
                self.repo.export(record.key, Path(path))
        except InspectorError as exc:
            messages.error(exc)
            return False
        messages.info(self.tr("Template {0} written to {1}.").format(record.key, path))
        return True

    def toggle_retired(self) -> None:
        """Retire the selected version, or restore it when it is retired."""
        record = self.selected_record()
        if record is None:
            return
        row = self.model.row_of(record.key)
        try:
            self.repo.set_retired(record.key, not record.retired)
        except InspectorError as exc:
            messages.error(exc)
            return
        self._reload(record.key, fallback_row=row)
        if record.retired:
            messages.info(self.tr("Template {0} restored: it is offered for new inspections "
                                  "again.").format(record.key))
        else:
            messages.info(self.tr("Template {0} retired: it is no longer offered for new "
                                  "inspections; inspections made with it keep their copy.")
                          .format(record.key))

    def _update_buttons(self) -> None:
        record = self.selected_record()
        self.export_button.setEnabled(record is not None)
        self.retire_button.setEnabled(record is not None)
        if record is None:
            choose = self.tr("Select a template in the list first")
            self.export_button.setToolTip(choose)
            self.retire_button.setToolTip(choose)
        else:
            self.export_button.setToolTip(self.tr("Write the selected template to a YAML file"))
        if record is not None and record.retired:
            self.retire_button.setText(self.tr("&Restore"))
            self.retire_button.setToolTip(self.tr("Offer this version for new inspections "
                                                  "again"))
        elif record is not None:
            self.retire_button.setText(self.tr("&Retire"))
            self.retire_button.setToolTip(self.tr("Stop offering this version for new "
                                                  "inspections; existing records are kept"))
        else:
            self.retire_button.setText(self.tr("&Retire"))

    # -- the preview ------------------------------------------------------------------------------
    def _show_template(self, key: str | None, *, keep_tree_position: bool = False) -> None:
        current = self.tree.currentItem() if keep_tree_position else None
        keep_item = current.data(0, ITEM_ID_ROLE) if current else None
        keep_section = current.data(0, SECTION_ID_ROLE) if current else None
        self._update_buttons()
        try:
            self.template = self._template(key) if key else None
        except InspectorError as exc:
            messages.error(exc)
            self.template = None
        template = self.template
        self.tree.clear()
        if template is None:
            self.template_title.setText(self.tr("No template selected"))
            self.template_info.setText(self.tr(
                "Choose a template in the list to see it as the inspector will."))
            self.summary.setText("")
            self._show_item(None, None)
            return
        self.template_title.setText(local(template.title))
        self.template_info.setText(self._template_info(template))
        self.summary.setText(self.describe.summary(template))
        bold = QFont(self.tree.font())
        bold.setBold(True)
        target: QTreeWidgetItem | None = None
        for section in template.sections:
            node = QTreeWidgetItem(self.tree)
            node.setText(0, local(section.title))
            node.setFont(0, bold)
            node.setData(0, SECTION_ID_ROLE, section.id)
            applies = self.describe.applies(section.applies_to)
            node.setToolTip(0, local(section.title) + (f"\n{applies}" if applies else ""))
            if keep_section == section.id and keep_item is None:
                target = node
            for number, item in enumerate(section.items, start=1):
                child = self._item_node(node, number, item, template)
                if item.id == keep_item:
                    target = child
        self.tree.expandAll()
        if target is None and template.sections and template.sections[0].items:
            target = self.tree.topLevelItem(0).child(0)
        if target is not None:
            self.tree.setCurrentItem(target)
            self._relayout.start()  # scrolls to it again once the wrapped rows have heights
        else:
            self._show_item(None, None)

    def _template_info(self, template: Template) -> str:
        record = self.selected_record()
        retired = record is not None and record.key == template.key and record.retired
        return self.describe.info(template, retired=retired)

    def _relayout_tree(self) -> None:
        self.tree.doItemsLayout()
        current = self.tree.currentItem()
        if current is not None:
            self.tree.scrollToItem(current)  # its row may have grown out of sight

    def _item_node(self, parent: QTreeWidgetItem, number: int, item: Item,
                   template: Template) -> QTreeWidgetItem:
        node = QTreeWidgetItem(parent)
        marker = " *" if item.required and item.answerable else ""
        node.setText(0, f"{number}. {local(item.text)}{marker}")
        node.setText(1, self.describe.type_label(item.type))
        node.setText(2, self.describe.short_grade(item.grade)
                     if item.type is ItemType.CHECK else "")
        node.setText(3, local(item.legal_basis))
        node.setToolTip(0, local(item.text))
        node.setToolTip(3, local(item.legal_basis))
        node.setData(0, ITEM_ID_ROLE, item.id)
        node.setData(0, SECTION_ID_ROLE, item.section_id)
        if item.grade is Grade.MAJOR:
            node.setForeground(2, QBrush(QColor("#b00020")))
        if item.show_if is not None:
            # Shown only when an earlier answer calls for it: set apart, as the inspector
            # will not always see it.
            font = QFont(self.tree.font())
            font.setItalic(True)
            node.setFont(0, font)
            node.setToolTip(0, local(item.text) + "\n"
                            + self.describe.shown_when(template, item))
        if not item.answerable:
            node.setForeground(0, QBrush(_GREY))
        return node

    def _tree_current_changed(self, current: QTreeWidgetItem | None, _previous: Any) -> None:
        template = self.template
        if current is None or template is None:
            self._show_item(None, None)
            return
        item_id = current.data(0, ITEM_ID_ROLE)
        if item_id:
            self._show_item(template.item(item_id), None)
        else:
            self._show_item(None, template.section(current.data(0, SECTION_ID_ROLE)))

    def _show_item(self, item: Item | None, section: Section | None) -> None:
        detail = self.detail
        detail.clear_editor()
        self.editor = None
        template = self.template
        if template is None:
            detail.show_message("")
            return
        if section is not None:
            applies = self.describe.applies(section.applies_to)
            detail.show_message(local(section.title),
                                self.tr("Items in this section: {0}").format(len(section.items))
                                + ("\n" + applies if applies else ""))
            return
        if item is None:
            detail.show_message(self.tr("Choose an item in the tree to see it as the inspector "
                                        "will."))
            return
        section_ = template.section(item.section_id)
        number = next(n for n, i in enumerate(section_.items, start=1) if i.id == item.id)
        detail.show_item_fields()
        detail.place.setText(f"{local(section_.title)} · {number}.")
        detail.text.setText(local(item.text) + self.describe.required_marker(item))
        detail.meta.setText(self.describe.meta(item))
        detail.set_block(detail.guidance_title, detail.guidance, local(item.guidance))
        detail.set_block(detail.basis_title, detail.basis, self.describe.basis(template, item))
        condition = self.describe.shown_when(template, item)
        detail.condition.setText(condition)
        detail.condition.setVisible(bool(condition))
        limits = self.describe.limits(item)
        detail.limits.setText(limits)
        detail.limits.setVisible(bool(limits))
        self.editor = make_editor(item, None, 0, detail.editor_box)
        self.editor.setEnabled(False)  # a preview: nothing is answered or saved here
        detail.set_editor(self.editor)


class _WrappingDelegate(QStyledItemDelegate):
    """Long item texts wrap onto more lines instead of ending in "…".

    QTreeView asks a delegate for a row's height without telling it the column width, so a
    wrapped text would get the height of one line; this passes the width in.
    """

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        mode = self.tree.header().sectionResizeMode(index.column())
        if mode is QHeaderView.ResizeMode.ResizeToContents:
            return super().sizeHint(option, index)  # its width follows the text, not the reverse
        width = self.tree.columnWidth(index.column())
        if index.column() == 0:
            depth = 0
            parent = index.parent()
            while parent.isValid():
                depth += 1
                parent = parent.parent()
            width -= self.tree.indentation() * (depth + int(self.tree.rootIsDecorated()))
        sized = QStyleOptionViewItem(option)
        sized.rect = QRect(0, 0, max(width, 16), 1)
        return super().sizeHint(sized, index)


class TemplateItemPreview(QWidget):
    """The selected item as the inspector will read it, with its answer widget disabled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateItemDetail")
        self.place = QLabel()
        self.place.setStyleSheet("color: #555555;")
        self.place.setWordWrap(True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setStyleSheet("font-size: 13pt;")
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.meta.setStyleSheet("color: #555555;")
        self.guidance_title = QLabel()
        self.guidance_title.setStyleSheet("font-weight: 600;")
        self.guidance = QLabel()
        self.guidance.setWordWrap(True)
        self.guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.basis_title = QLabel()
        self.basis_title.setStyleSheet("font-weight: 600;")
        self.basis = QLabel()
        self.basis.setWordWrap(True)
        self.basis.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.basis.setStyleSheet(_BASIS_STYLE)
        self.condition = QLabel()
        self.condition.setWordWrap(True)
        self.condition.setStyleSheet("color: #1f4e8c;")
        self.limits = QLabel()
        self.limits.setWordWrap(True)
        self.editor_box = QGroupBox()
        self.editor_layout = QVBoxLayout(self.editor_box)
        # Greyed-out answer buttons say why, in words and in their tooltips.
        self.editor_note = QLabel()
        self.editor_note.setWordWrap(True)
        self.editor_note.setStyleSheet("color: #555555;")
        self.editor_layout.addWidget(self.editor_note)
        self.editor: QWidget | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 4, 4)
        for widget in (self.place, self.text, self.meta, self.condition, self.guidance_title,
                       self.guidance, self.basis_title, self.basis, self.limits,
                       self.editor_box):
            layout.addWidget(widget)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.guidance_title.setText(self.tr("How to check"))
        self.basis_title.setText(self.tr("Legal basis"))
        self.editor_box.setTitle(self.tr("Answer (preview, not saved)"))
        self.editor_note.setText(self.why_disabled())
        self._explain_editor()

    def why_disabled(self) -> str:
        return self.tr("This is how the answer looks in an inspection. It is given there: "
                       "start an inspection with this template to answer it.")

    def _explain_editor(self) -> None:
        if self.editor is None:
            return
        why = self.why_disabled()
        for widget in (self.editor, *self.editor.findChildren(QWidget)):
            widget.setToolTip(why)

    def clear_editor(self) -> None:
        while self.editor_layout.count() > 1:
            widget = self.editor_layout.takeAt(1).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.editor = None

    def set_editor(self, editor: QWidget) -> None:
        self.editor_layout.addWidget(editor)
        self.editor = editor
        self._explain_editor()
        self.editor_box.show()
        editor.show()  # the layout would show it only on the next event loop turn

    def set_block(self, title: QLabel, body: QLabel, text: str) -> None:
        body.setText(text)
        title.setVisible(bool(text))
        body.setVisible(bool(text))

    def show_message(self, heading: str, text: str = "") -> None:
        """A section, or nothing chosen: a heading and a line, no item fields."""
        self.place.setText("")
        self.place.hide()
        self.text.setText(heading)
        self.meta.setText(text)
        self.meta.setVisible(bool(text))
        for widget in (self.condition, self.guidance_title, self.guidance, self.basis_title,
                       self.basis, self.limits, self.editor_box):
            widget.hide()

    def show_item_fields(self) -> None:
        self.place.show()
        self.meta.show()
