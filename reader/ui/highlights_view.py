"""The Highlights window: every highlight of the library in one table, filtered as you type."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Final

from PySide6.QtCore import (
    QDate,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QKeyEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core import Store
from reader.core.errors import ReaderError
from reader.core.types import Highlight
from reader.ui.annotations import Annotations, Change
from reader.ui.highlight_filter import (
    ARTICLE_COLUMN,
    COLUMN_COUNT,
    DATE_COLUMN,
    NOTE_COLUMN,
    PASSAGE_COLUMN,
    SOURCE_COLUMN,
    TAGS_COLUMN,
    HighlightFilter,
    highlight_day,
    one_line,
)
from reader.ui.highlight_marks import swatch_icon
from reader.ui.highlights_model import HighlightsModel
from reader.ui.i18n import date_edit_format, display_locale, long_date, number

#: How long typing pauses before the table follows.
FILTER_DELAY_MS: Final = 150


class HighlightTable(QTableView):
    """The table of highlights; Enter or Return opens the current one, Delete deletes it.

    Signals:
        open_requested(QModelIndex): Enter or Return on a row.
        delete_requested(QModelIndex): the Delete key on a row.
    """

    open_requested = Signal(QModelIndex)
    delete_requested = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if index.isValid() and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_requested.emit(index)
                event.accept()
                return
            if event.key() == Qt.Key.Key_Delete:
                self.delete_requested.emit(index)
                event.accept()
                return
        super().keyPressEvent(event)


class HighlightsWindow(QWidget):
    """A window listing every highlight of the library, with a filter bar; edits go through
    :class:`Annotations`, so they are undoable here and everywhere else.

    Signals:
        passage_requested(Highlight): the user wants to read a highlight in its article
            (double click, Enter or "Go to passage"); never sent for one whose article is gone.
    """

    passage_requested = Signal(object)

    def __init__(
        self, store: Store, annotations: Annotations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.store = store
        self.annotations = annotations
        self._stale = False
        self._kept_id: int | None = None
        self._kept_row = -1
        self.setWindowTitle(self.tr("Highlights"))
        self.setObjectName("highlights")
        self.resize(1180, 680)
        self.model = HighlightsModel(store, self)
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._build()
        self._build_actions()
        self._connect_signals()
        self._fill_choices()
        self._update_count()

    # -- construction -----------------------------------------------------------------------

    def _build(self) -> None:
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Filter highlights"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(self.tr("Filter highlights"))
        self.search_box.setToolTip(
            self.tr("Words of the passage, note, article title or tags; accents do not matter")
        )

        self.tag_box = QComboBox()
        self.tag_box.setEditable(True)
        self.tag_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tag_box.setAccessibleName(self.tr("Tag"))
        self.tag_box.setToolTip(self.tr("A tag, and the tags below it"))
        self.tag_box.setMinimumContentsLength(14)
        completer = QCompleter(self.tag_box.model(), self.tag_box)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.tag_box.setCompleter(completer)

        self.color_box = QComboBox()
        self.color_box.setAccessibleName(self.tr("Colour"))
        self.feed_box = QComboBox()
        self.feed_box.setAccessibleName(self.tr("Source"))
        self.feed_box.setMinimumContentsLength(14)
        self.feed_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )

        self.since_check = QCheckBox(self.tr("From"))
        self.since_check.setAccessibleName(self.tr("Only from a date"))
        self.since_edit = self._date_edit(self.tr("From date"))
        self.until_check = QCheckBox(self.tr("To"))
        self.until_check.setAccessibleName(self.tr("Only up to a date"))
        self.until_edit = self._date_edit(self.tr("To date"))
        self.orphaned_check = QCheckBox(self.tr("Orphaned only"))
        self.orphaned_check.setAccessibleName(self.tr("Orphaned only"))
        self.orphaned_check.setToolTip(
            self.tr(
                "Highlights whose passage is no longer in their article, or whose article is gone"
            )
        )
        self.reset_button = QPushButton(self.tr("Clear filters"))
        self.reset_button.setAccessibleName(self.tr("Clear filters"))
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Highlights shown"))

        self.view = HighlightTable()
        self.view.setObjectName("highlight-table")
        self.view.setAccessibleName(self.tr("Highlights"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Rows are read whole: Tab leaves the table instead of walking its cells forever.
        self.view.setTabKeyNavigation(False)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        # Set widths the user can change: "resize to contents" would read every row each time
        # the filter changes.
        for column in range(COLUMN_COUNT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PASSAGE_COLUMN, QHeaderView.ResizeMode.Stretch)
        metrics = self.view.fontMetrics()
        header.resizeSection(NOTE_COLUMN, 220)
        header.resizeSection(TAGS_COLUMN, 140)
        header.resizeSection(ARTICLE_COLUMN, 200)
        header.resizeSection(SOURCE_COLUMN, 140)
        header.resizeSection(DATE_COLUMN, metrics.horizontalAdvance("28/11/2026") + 28)
        header.setMinimumSectionSize(48)
        # The indicator first: enabling sorting sorts at once by whatever it shows.
        header.setSortIndicator(DATE_COLUMN, Qt.SortOrder.DescendingOrder)
        self.view.setSortingEnabled(True)

        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Status"))
        self.status_label.setWordWrap(True)

        first = QHBoxLayout()
        first.addWidget(self.search_box, 3)
        first.addWidget(self.tag_box, 1)
        first.addWidget(self.color_box, 1)
        first.addWidget(self.feed_box, 1)
        second = QHBoxLayout()
        second.addWidget(self.since_check)
        second.addWidget(self.since_edit)
        second.addSpacing(8)
        second.addWidget(self.until_check)
        second.addWidget(self.until_edit)
        second.addSpacing(8)
        second.addWidget(self.orphaned_check)
        second.addWidget(self.reset_button)
        second.addStretch(1)
        second.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status_label)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setLocale(display_locale())
        edit.setDisplayFormat(date_edit_format())
        edit.setAccessibleName(name)
        edit.setEnabled(False)
        return edit

    def _build_actions(self) -> None:
        stack = self.annotations.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        find = QAction(self.tr("Find"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        for action in (self.undo_action, self.redo_action, find):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)

    def _connect_signals(self) -> None:
        """Every connection of the window, in one place."""
        self.search_box.textChanged.connect(lambda _text: self._filter_timer.start())
        self.search_box.returnPressed.connect(self.apply_filter)
        self.tag_box.editTextChanged.connect(lambda _text: self._filter_timer.start())
        self.tag_box.activated.connect(lambda _row: self.apply_filter())
        self._filter_timer.timeout.connect(self.apply_filter)
        for box in (self.color_box, self.feed_box):
            box.currentIndexChanged.connect(lambda _row: self.apply_filter())
        for check, edit in (
            (self.since_check, self.since_edit),
            (self.until_check, self.until_edit),
        ):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(lambda _on: self.apply_filter())
            edit.dateChanged.connect(lambda _date: self.apply_filter())
        self.orphaned_check.toggled.connect(lambda _on: self.apply_filter())
        self.reset_button.clicked.connect(self.clear_filters)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.model.modelReset.connect(self._update_count)
        self.view.selectionModel().currentRowChanged.connect(self.on_current_row_changed)
        self.view.doubleClicked.connect(self.on_row_opened)
        self.view.open_requested.connect(self.on_row_opened)
        self.view.delete_requested.connect(lambda index: self.delete_highlight(self._at(index)))
        self.view.customContextMenuRequested.connect(self.on_context_menu)
        self.annotations.changed.connect(self.on_annotations_changed)

    def _fill_choices(self) -> None:
        """The tag, colour and source choices from the library, keeping what is chosen."""
        boxes = (self.tag_box, self.color_box, self.feed_box)
        for box in boxes:
            box.blockSignals(True)
        try:
            tag_text = self.tag_box.currentText()
            tag_text = "" if tag_text == self.tag_box.itemText(0) else tag_text
            self.tag_box.clear()
            self.tag_box.addItem(self.tr("All tags"), None)
            for name in self.store.tags.names():
                self.tag_box.addItem(name, name)
            if tag_text:
                self.tag_box.setEditText(tag_text)

            color = self.color_box.currentData()
            self.color_box.clear()
            self.color_box.addItem(self.tr("All colours"), None)
            for c in self.model.colors:
                self.color_box.addItem(swatch_icon(c.name), self.model.color_label(c.name), c.name)
            self.color_box.setCurrentIndex(max(0, self.color_box.findData(color)))

            feed_id = self.feed_box.currentData()
            self.feed_box.clear()
            self.feed_box.addItem(self.tr("All feeds"), None)
            for feed in self.store.list_feeds():
                self.feed_box.addItem(feed.title, feed.id)
                if feed.folder:
                    self.feed_box.setItemData(
                        self.feed_box.count() - 1, feed.folder, Qt.ItemDataRole.ToolTipRole
                    )
            self.feed_box.setCurrentIndex(max(0, self.feed_box.findData(feed_id)))
        finally:
            for box in boxes:
                box.blockSignals(False)
        self._fill_dates()

    def _fill_dates(self) -> None:
        """Unset date bounds default to the oldest and newest highlighted days."""
        days = self.model.day_range()
        low, high = days if days else (self.store.now().date(),) * 2
        for check, edit, day in (
            (self.since_check, self.since_edit, low),
            (self.until_check, self.until_edit, high),
        ):
            if not check.isChecked():
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)

    # -- filtering --------------------------------------------------------------------------

    def current_filter(self) -> HighlightFilter:
        """The filter the controls describe."""
        tag = self.tag_box.currentText().strip()
        if tag == self.tag_box.itemText(0):
            tag = ""
        return HighlightFilter(
            text=self.search_box.text(),
            tag=tag or None,
            color=self.color_box.currentData(),
            feed_id=self.feed_box.currentData(),
            since=_day(self.since_edit) if self.since_check.isChecked() else None,
            until=_day(self.until_edit) if self.until_check.isChecked() else None,
            orphaned_only=self.orphaned_check.isChecked(),
        )

    @Slot()
    def apply_filter(self) -> None:
        """Filter the table by the controls now (typing waits FILTER_DELAY_MS for a pause)."""
        self._filter_timer.stop()
        wanted = self.current_filter()
        if wanted != self.model.filter:
            self.model.set_filter(wanted)

    def set_filter(self, wanted: HighlightFilter) -> None:
        """Show the controls set to ``wanted`` and filter by it (the main window can open the
        window on a tag or a source this way)."""
        controls: Sequence[QWidget] = (
            self.search_box, self.tag_box, self.color_box, self.feed_box,
            self.since_check, self.since_edit, self.until_check, self.until_edit,
            self.orphaned_check,
        )  # fmt: skip
        for widget in controls:
            widget.blockSignals(True)
        try:
            self.search_box.setText(wanted.text)
            if wanted.tag is None:
                self.tag_box.setCurrentIndex(0)
            else:
                self.tag_box.setEditText(wanted.tag)
            self.color_box.setCurrentIndex(max(0, self.color_box.findData(wanted.color)))
            self.feed_box.setCurrentIndex(max(0, self.feed_box.findData(wanted.feed_id)))
            for check, edit, day in (
                (self.since_check, self.since_edit, wanted.since),
                (self.until_check, self.until_edit, wanted.until),
            ):
                check.setChecked(day is not None)
                edit.setEnabled(day is not None)
                if day is not None:
                    edit.setDate(QDate(day.year, day.month, day.day))
            self.orphaned_check.setChecked(wanted.orphaned_only)
        finally:
            for widget in controls:
                widget.blockSignals(False)
        self.apply_filter()

    @Slot()
    def clear_filters(self) -> None:
        self.set_filter(HighlightFilter())

    @Slot()
    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        text = (
            self.tr("{0} of %Ln highlight", "", total)
            if total == 1
            else self.tr("{0} of %Ln highlights", "", total)
        )
        self.count_label.setText(text.format(number(shown)))

    # -- the library ------------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        """Show another library (after the main window opened one); the filter is kept, a
        source of the previous library is not."""
        self.store = store
        self.model.set_store(store)
        self._fill_choices()
        self.apply_filter()
        self.status_label.clear()

    @Slot()
    def reload(self) -> None:
        """Read the library's highlights again, keeping the filter and the selected one."""
        self._stale = False
        before = self.current_filter()
        self.model.reload()
        self._fill_choices()
        # A tag or source that went leaves its box, which then filters by something else.
        if self.current_filter() != before:
            self.apply_filter()

    @Slot(object)
    def on_annotations_changed(self, change: Change) -> None:
        # Reading 20 000 highlights again is not free: a hidden window waits to be shown,
        # and a change to some articles' highlights reads those articles' only.
        if not self.isVisible():
            self._stale = True
        elif change.article_ids:
            self.model.refresh_articles(change.article_ids)
            if change.tags:
                self._fill_choices()
        else:
            # Tags renamed or deleted, a highlight whose article is gone: anything may differ.
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    # -- selection --------------------------------------------------------------------------

    def selected_highlight(self) -> Highlight | None:
        return self.model.highlight_at(self.view.currentIndex().row())

    def select_highlight(self, highlight_id: int) -> bool:
        """Make a highlight the current row; False when the filter hides it."""
        row = self.model.row_of(highlight_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        return True

    @Slot()
    def _remember_selection(self) -> None:
        current = self.selected_highlight()
        self._kept_id = current.id if current else None
        self._kept_row = self.view.currentIndex().row()

    @Slot()
    def _restore_selection(self) -> None:
        kept, row = self._kept_id, self._kept_row
        self._kept_id, self._kept_row = None, -1
        if kept is None or self.select_highlight(kept):
            return
        if not self.model.contains(kept) and self.model.rowCount():
            # It was deleted: the next one takes its place, so Delete can be pressed again.
            index = self.model.index(min(row, self.model.rowCount() - 1), 0)
            self.view.setCurrentIndex(index)
        else:
            self.status_label.clear()

    def _at(self, index: QModelIndex) -> Highlight | None:
        return self.model.highlight_at(index.row()) if index.isValid() else None

    @Slot(QModelIndex, QModelIndex)
    def on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        highlight = self._at(current)
        self.status_label.setText(self._explanation(highlight) if highlight else "")

    def _explanation(self, highlight: Highlight) -> str:
        if highlight.article_id is None:
            return self.tr(
                "The article of this highlight was deleted: it cannot be opened, but its "
                "quote, note and tags are kept."
            )
        if highlight.orphaned:
            return self.tr(
                "The article changed and no longer contains this passage; "
                "“Go to passage” opens the article."
            )
        return ""

    # -- acting on a highlight --------------------------------------------------------------

    @Slot(QModelIndex)
    def on_row_opened(self, index: QModelIndex) -> None:
        highlight = self._at(index)
        if highlight is not None:
            self.go_to_passage(highlight)

    def go_to_passage(self, highlight: Highlight) -> bool:
        """Ask for the highlight's passage to be shown; False, with the reason in the status
        line, when its article is gone."""
        if highlight.article_id is None:
            self.status_label.setText(self._explanation(highlight))
            return False
        self.passage_requested.emit(highlight)
        return True

    def edit_note(self, highlight: Highlight | None) -> None:
        """Ask for the highlight's note (a dialog) and save it through Annotations."""
        if highlight is None:
            return
        note, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Note"),
            self.tr("Your note on “{0}”:").format(one_line(highlight.exact)[:80]),
            highlight.note,
        )
        if ok:
            self._edit(lambda: self.annotations.edit_highlight(highlight.id, note=note))

    def set_color(self, highlight: Highlight | None, color: str) -> None:
        if highlight is not None:
            self._edit(lambda: self.annotations.edit_highlight(highlight.id, color=color))

    def delete_highlight(self, highlight: Highlight | None) -> None:
        """Delete a highlight through Annotations (Ctrl+Z brings it back)."""
        if highlight is None:
            return
        if self._edit(lambda: self.annotations.delete_highlight(highlight.id)):
            keys = self.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            self.status_label.setText(
                self.tr("Highlight deleted; {0} brings it back.").format(keys)
            )

    def _edit(self, change: Callable[[], object]) -> bool:
        try:
            change()
        except ReaderError as error:
            self.status_label.setText(str(error))
            return False
        return True

    def citation(self, highlight: Highlight) -> str:
        """The quote as it is pasted into a brief: “quote” — Source, date."""
        day = highlight_day(highlight)
        when = long_date(day)
        quote = " ".join(highlight.exact.split())
        source = highlight.feed_title or highlight.article_title
        return self.tr("“{0}” — {1}, {2}").format(quote, source, when)

    def copy_quote(self, highlight: Highlight | None) -> None:
        if highlight is not None:
            QApplication.clipboard().setText(self.citation(highlight))
            self.status_label.setText(self.tr("Quote copied."))

    # -- the context menu -------------------------------------------------------------------

    def context_menu(self, highlight: Highlight) -> QMenu:
        """The actions on one highlight (objects named for tests and accessibility tools)."""
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        go = menu.addAction(self.tr("Go to passage"), lambda: self.go_to_passage(highlight))
        go.setObjectName("go-to-passage")
        if highlight.article_id is None:
            go.setEnabled(False)
            go.setToolTip(self._explanation(highlight))
        menu.addSeparator()
        note = menu.addAction(self.tr("Edit note…"), lambda: self.edit_note(highlight))
        note.setObjectName("edit-note")
        colors = menu.addMenu(self.tr("Colour"))
        colors.setObjectName("colour")
        group = QActionGroup(colors)
        for c in self.model.colors:
            action = colors.addAction(swatch_icon(c.name), self.model.color_label(c.name))
            action.setObjectName(f"colour-{c.name}")
            action.setCheckable(True)
            action.setChecked(c.name == highlight.color)
            action.setActionGroup(group)
            action.triggered.connect(
                lambda _checked=False, name=c.name: self.set_color(highlight, name)
            )
        copy = menu.addAction(self.tr("Copy quote"), lambda: self.copy_quote(highlight))
        copy.setObjectName("copy-quote")
        menu.addSeparator()
        delete = menu.addAction(
            self.tr("Delete highlight"), lambda: self.delete_highlight(highlight)
        )
        delete.setObjectName("delete-highlight")
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        return menu

    @Slot(QPoint)
    def on_context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        highlight = self._at(index)
        if highlight is None:
            return
        self.view.setCurrentIndex(index)
        menu = self.context_menu(highlight)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())
