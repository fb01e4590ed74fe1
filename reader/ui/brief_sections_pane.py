"""The composer's middle pane: the introduction, the sections and their articles with the
actions that arrange them (and undo that), and the selected article's summary."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.ui.brief_sections import (
    PASSAGES_COLUMN,
    SOURCE_COLUMN,
    TITLE_COLUMN,
    BriefSectionsModel,
)
from reader.ui.keys import key_sequences, keyed_action


class SectionsPane(QWidget):
    """Edits the introduction and ``model``'s sections: add, rename, remove, move, undo and
    redo (window-wide), and the summary of the selected article. The window connects to
    ``model.edited`` and to the introduction's ``textChanged``.

    Signals:
        message(str, int): a passing message for the status bar (text, milliseconds).
    """

    message = Signal(str, int)

    def __init__(self, model: BriefSectionsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._kept_position: tuple[int, int] | None = None
        self._build()
        self._build_actions()
        self._connect_signals()

    def _build(self) -> None:
        self.intro_edit = QPlainTextEdit()
        self.intro_edit.setAccessibleName(self.tr("Introduction"))
        self.intro_edit.setPlaceholderText(
            self.tr("The week in a few lines (Markdown: *emphasis*, lists, links)…")
        )
        self.intro_edit.setTabChangesFocus(True)
        self.intro_edit.setMaximumHeight(120)
        intro_label = QLabel(self.tr("&Introduction:"))
        intro_label.setBuddy(self.intro_edit)

        self.tree = QTreeView()
        self.tree.setObjectName("brief-sections")
        self.tree.setAccessibleName(self.tr("Sections and articles"))
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SOURCE_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PASSAGES_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(SOURCE_COLUMN, 150)
        header.resizeSection(
            PASSAGES_COLUMN, self.tree.fontMetrics().horizontalAdvance(self.tr("Passages")) + 24
        )
        sections_label = QLabel(self.tr("&Sections:"))
        sections_label.setBuddy(self.tree)
        self.tree_buttons = QHBoxLayout()
        # The buttons above the tree, in the order Tab visits them.
        self._tree_button_widgets: list[QToolButton] = []
        self.tree_buttons.setSpacing(2)

        self.summary_edit = QLineEdit()
        self.summary_edit.setAccessibleName(self.tr("Summary of the selected article"))
        self.summary_edit.setPlaceholderText(
            self.tr("One line on why the selected article matters (optional)")
        )
        self.summary_edit.setClearButtonEnabled(True)
        self.summary_edit.setEnabled(False)
        summary_label = QLabel(self.tr("Su&mmary:"))
        summary_label.setBuddy(self.summary_edit)

        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        layout.addWidget(self.intro_edit)
        heading_row = QHBoxLayout()
        heading_row.addWidget(sections_label)
        heading_row.addStretch(1)
        heading_row.addLayout(self.tree_buttons)
        layout.addLayout(heading_row)
        layout.addWidget(self.tree, 1)
        summary_row = QHBoxLayout()
        summary_row.addWidget(summary_label)
        summary_row.addWidget(self.summary_edit, 1)
        layout.addLayout(summary_row)

    def _build_actions(self) -> None:
        self.act_add_section = keyed_action(
            self, self.tr("&Add Section"), self.add_section, "Ctrl+Shift+N",
            tip=self.tr("Add an empty section at the end"),
        )  # fmt: skip
        self.act_rename = keyed_action(
            self, self.tr("&Rename"), self.rename_selected, "F2", widget=self.tree,
            tip=self.tr("Rename the selected section, or edit the selected article's summary"),
        )  # fmt: skip
        self.act_remove = keyed_action(
            self, self.tr("Re&move"), self.remove_selected, QKeySequence.StandardKey.Delete,
            widget=self.tree,
            tip=self.tr("Remove the selected article or section (Undo brings it back)"),
        )  # fmt: skip
        self.act_move_up = keyed_action(
            self, self.tr("Move &Up"), self.move_selected_up, "Alt+Up", widget=self.tree,
            tip=self.tr("Move the selected article or section up"),
        )  # fmt: skip
        self.act_move_down = keyed_action(
            self, self.tr("Move &Down"), self.move_selected_down, "Alt+Down", widget=self.tree,
            tip=self.tr("Move the selected article or section down"),
        )  # fmt: skip
        stack = self.model.undo_stack
        self.act_undo = stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        self.act_redo = stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcuts(
            key_sequences(QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Shift+Z"))
        )
        for action in (self.act_undo, self.act_redo):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        for action in (self.act_rename, self.act_remove, self.act_move_up, self.act_move_down):
            action.setEnabled(False)
        for action, name in (
            (self.act_add_section, "add-section"),
            (self.act_rename, "rename"),
            (self.act_remove, "remove"),
            (self.act_move_up, "move-up"),
            (self.act_move_down, "move-down"),
        ):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setObjectName(name)
            button.setAccessibleName(action.text().replace("&", ""))
            button.setAutoRaise(True)
            self.tree_buttons.addWidget(button)
            self._tree_button_widgets.append(button)

    def _connect_signals(self) -> None:
        self.model.modelAboutToBeReset.connect(self._remember_position)
        self.model.modelReset.connect(self._after_reset)
        self.model.rowsInserted.connect(self._on_rows_inserted)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.tree.doubleClicked.connect(self._on_double_clicked)
        self.tree.customContextMenuRequested.connect(self._on_tree_context_menu)
        self.summary_edit.textEdited.connect(self._on_summary_edited)

    def focus_chain(self) -> list[QWidget]:
        """The pane's Tab stops, in the order Tab visits them."""
        return [self.intro_edit, *self._tree_button_widgets, self.tree, self.summary_edit]

    # -- the selection --------------------------------------------------------------------------

    def _selected(self) -> QModelIndex:
        index = self.tree.currentIndex()
        return index.siblingAtColumn(TITLE_COLUMN) if index.isValid() else index

    def _select(self, index: QModelIndex) -> None:
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.tree.scrollTo(index)

    def select_first_row(self) -> None:
        """Unfold every section and select the first article (or the first section)."""
        self.tree.expandAll()
        first = self.model.index_at(0, 0) if self.model.rowCount() else QModelIndex()
        self._select(first if first.isValid() else self.model.index_at(0))

    # -- arranging ------------------------------------------------------------------------------

    @Slot()
    def add_section(self) -> None:
        """Add an empty section at the end and edit its heading."""
        index = self.model.add_section(self.tr("New section"))
        self._select(index)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        self.tree.edit(index)

    @Slot()
    def rename_selected(self) -> None:
        """Edit the selected section's heading, or the selected article's summary."""
        index = self._selected()
        if self.model.is_section(index):
            self.tree.edit(index)
        elif index.isValid():
            self.summary_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.summary_edit.selectAll()

    @Slot()
    def remove_selected(self) -> None:
        index = self._selected()
        position = self.model.position(index)
        removed = self.model.remove(index)
        if removed is None or position is None:
            return
        keys = self.act_undo.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.message.emit(self.tr("{0}; {1} brings it back.").format(removed, keys), 8000)
        section, row = position
        if row >= 0:
            size = self.model.rowCount(self.model.index_at(section))
            self._select(
                self.model.index_at(section, min(row, size - 1))
                if size
                else self.model.index_at(section)
            )
        else:
            self._select(self.model.index_at(min(section, self.model.rowCount() - 1)))

    @Slot()
    def move_selected_up(self) -> None:
        self._select(self.model.move_up(self._selected()))

    @Slot()
    def move_selected_down(self) -> None:
        self._select(self.model.move_down(self._selected()))

    # -- following the model --------------------------------------------------------------------

    @Slot()
    def _remember_position(self) -> None:
        self._kept_position = self.model.position(self._selected())

    @Slot()
    def _after_reset(self) -> None:
        self.tree.expandAll()
        kept, self._kept_position = self._kept_position, None
        if kept is not None:
            index = self.model.index_at(*kept)
            if not index.isValid():
                index = self.model.index_at(kept[0])
            self._select(index)
        self._on_current_changed(self.tree.currentIndex(), QModelIndex())

    @Slot(QModelIndex, int, int)
    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            for row in range(first, last + 1):
                self.tree.expand(self.model.index_at(row))

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.item_at(current.siblingAtColumn(TITLE_COLUMN))
        self.summary_edit.setEnabled(item is not None)
        self.summary_edit.setText(item.summary if item is not None else "")
        valid = current.isValid()
        for action in (self.act_rename, self.act_remove, self.act_move_up, self.act_move_down):
            action.setEnabled(valid)

    @Slot(str)
    def _on_summary_edited(self, text: str) -> None:
        position = self.model.position(self._selected())
        if position is not None and position[1] >= 0:
            self.model.set_summary(position[0], position[1], text)

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        if not self.model.is_section(index.siblingAtColumn(TITLE_COLUMN)):
            self.rename_selected()

    @Slot(QPoint)
    def _on_tree_context_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if index.isValid():
            self._select(index.siblingAtColumn(TITLE_COLUMN))
        menu = QMenu(self)
        menu.addAction(self.act_add_section)
        if index.isValid():
            menu.addActions([self.act_rename, self.act_move_up, self.act_move_down])
            menu.addSeparator()
            menu.addAction(self.act_remove)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()
