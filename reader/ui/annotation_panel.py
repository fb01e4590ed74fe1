"""The annotations side panel: the open article's highlights, each editable in place."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QPalette,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reader.core import Store, normalize_tag
from reader.core.errors import ArticleNotFoundError, HighlightNotFoundError, ReaderError
from reader.core.types import Highlight
from reader.ui.annotations import Annotations, Change
from reader.ui.contrast import legible, mix
from reader.ui.highlight_list import HighlightDelegate, HighlightListModel
from reader.ui.highlight_marks import color_meaning, color_name, swatch_icon
from reader.ui.tag_input import TagLineEdit, join_tags, split_tags

_T = TypeVar("_T")

#: How long typing may pause before the note is saved, in milliseconds.
NOTE_IDLE_MS = 1000


class NoteEdit(QPlainTextEdit):
    """The note editor: asks for its text to be saved when it loses focus and on
    Ctrl+Return; Tab moves to the next control.

    Signals:
        commit_requested(bool): save the note now; True when the user pressed Ctrl+Return
            (done writing), False on focus-out.
    """

    commit_requested = Signal(bool)

    # How many lines of the note show without scrolling.
    LINES = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._fit_height()

    def _fit_height(self) -> None:
        # Lines of the current font, plus the frame and the document's margins.
        self.setFixedHeight(self.fontMetrics().lineSpacing() * self.LINES + 12)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()

    @staticmethod
    def _is_done_key(event: QKeyEvent) -> bool:
        return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and bool(
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        )

    def event(self, event: QEvent) -> bool:
        # Ctrl+Return belongs to the note, even when a window shortcut uses it.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._is_done_key(event)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._is_done_key(event):
            event.accept()
            self.commit_requested.emit(True)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.commit_requested.emit(False)


class AnnotationPanel(QWidget):
    """Beside the reader: the open article's highlights (placed ones in reading order, then
    the orphaned ones under their own heading), and below them an editor for the selected
    one (colour, note, tags, delete). Every change goes through :class:`Annotations`, so it
    is undoable; errors are shown in a line under the editor and nothing typed is lost.

    Signals:
        highlight_activated(int): the user selected or activated a placed highlight (its id);
            the window scrolls the reader to the passage. Not emitted for orphaned ones,
            nor when the selection is made by :meth:`select_highlight`.
        note_editing_finished(int): the user pressed Ctrl+Return in the note (the highlight's
            id), after the note was saved; the window may give the focus back to the reader.
    """

    highlight_activated = Signal(int)
    note_editing_finished = Signal(int)

    def __init__(
        self, store: Store, annotations: Annotations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._annotations = annotations
        self._article_id: int | None = None
        #: The highlight the editor shows (as last read), or None.
        self._target: Highlight | None = None
        #: The note text last loaded or saved: the editor differs from it while typing.
        self._note_base = ""
        self._loading = False
        self._restoring = False
        self._writing = False
        self._quiet = False
        #: A note kept in the editor after its highlight was deleted elsewhere.
        self._note_kept = False

        self.setAccessibleName(self.tr("Annotations"))

        self.title_label = QLabel(self)
        title_font = QFont(self.title_label.font())
        title_font.setBold(True)
        self.title_label.setFont(title_font)

        self.model = HighlightListModel(self)
        self.list_view = QListView(self)
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(HighlightDelegate(self.list_view))
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.list_view.setUniformItemSizes(False)
        self.list_view.setWordWrap(True)
        self.list_view.setAccessibleName(self.tr("Highlights of this article"))
        self.list_view.installEventFilter(self)

        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMargin(16)
        self.empty_label.setAccessibleName(self.tr("No highlights"))

        self._pages = QStackedWidget(self)
        self._pages.addWidget(self.list_view)
        self._pages.addWidget(self.empty_label)

        self.color_box = QComboBox(self)
        self.color_box.setAccessibleName(self.tr("Highlight colour"))
        # Narrow enough for a narrow panel or large text: long meanings are elided.
        self.color_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.color_box.setMinimumContentsLength(3)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setAccessibleName(self.tr("Delete highlight"))
        self.delete_button.setToolTip(self.tr("Delete this highlight (Delete)"))
        self.note_edit = NoteEdit(self)
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("Your note… (Ctrl+Return to save)"))
        self.tags_edit = TagLineEdit(store.tags.names(), self)
        self.tags_edit.setAccessibleName(self.tr("Tags"))
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Message"))
        self.message_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.message_label.hide()

        self.editor = QWidget(self)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # With large text in a narrow panel, a field goes below its label rather than
        # squeezing it.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        color_row = QHBoxLayout()
        color_row.addWidget(self.color_box, 1)
        color_row.addStretch(0)
        color_row.addWidget(self.delete_button)
        color_label = QLabel(self.tr("&Colour"), self.editor)
        color_label.setBuddy(self.color_box)
        note_label = QLabel(self.tr("&Note"), self.editor)
        note_label.setBuddy(self.note_edit)
        tags_label = QLabel(self.tr("&Tags"), self.editor)
        tags_label.setBuddy(self.tags_edit)
        form.addRow(color_label, color_row)
        form.addRow(note_label, self.note_edit)
        form.addRow(tags_label, self.tags_edit)
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addLayout(form)
        editor_layout.addWidget(self.message_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title_label)
        layout.addWidget(self._pages, 1)
        layout.addWidget(self.editor)

        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_IDLE_MS)

        self._connect_signals()
        self._apply_palette()
        self.reload_palette()
        self._load_editor(None)
        self._reload()

    def _connect_signals(self) -> None:
        selection = self.list_view.selectionModel()
        selection.selectionChanged.connect(self.on_selection_changed)
        self.list_view.activated.connect(self.on_activated)
        self.color_box.activated.connect(self.on_color_activated)
        self.delete_button.clicked.connect(self.delete_selected)
        self.note_edit.textChanged.connect(self.on_note_text_changed)
        self.note_edit.commit_requested.connect(self.on_note_commit_requested)
        self._note_timer.timeout.connect(self.commit_note)
        self.tags_edit.editingFinished.connect(self.commit_tags)
        self._annotations.changed.connect(self.on_annotations_changed)

    # -- what the window calls -------------------------------------------------------------

    def article_id(self) -> int | None:
        return self._article_id

    def show_article(self, article_id: int | None) -> None:
        """List an article's highlights (None: no article open); showing the same article
        again reads its highlights and the palette's meanings again, keeping the selection
        and whatever is being typed."""
        if article_id == self._article_id:
            self.reload_palette()
            self._reload()
            return
        self.commit_note()
        self._start_over(article_id)
        self.list_view.scrollToTop()

    def set_store(self, store: Store) -> None:
        """Work on another library (the panel empties until an article is shown)."""
        # A note being typed belongs to the old library: save it there while that is still
        # where Annotations writes; once Annotations moved on, it cannot be saved.
        self.commit_note()
        self._note_timer.stop()
        self._store = store
        self._start_over(None)

    def _start_over(self, article_id: int | None) -> None:
        """Empty the list and the editor, then list ``article_id``'s highlights afresh."""
        self._article_id = article_id
        self._restoring = True
        try:
            self.list_view.clearSelection()
            self.model.set_highlights([])
        finally:
            self._restoring = False
        self._load_editor(None)
        self._clear_message()
        self.reload_palette()
        self._reload()

    def current_highlight(self) -> Highlight | None:
        """The highlight the editor shows."""
        return self._target

    def select_highlight(self, highlight_id: int) -> bool:
        """Select a highlight in the list (when it is clicked in the reader); False when the
        shown article has no such highlight."""
        row = self.model.row_of(highlight_id)
        if row < 0:
            self._reload()
            row = self.model.row_of(highlight_id)
            if row < 0:
                return False
        self._quiet = True
        try:
            self._select_row(row)
        finally:
            self._quiet = False
        return True

    def edit_note(self, highlight_id: int) -> bool:
        """Select a highlight and put the cursor at the end of its note."""
        if not self.select_highlight(highlight_id):
            return False
        self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.note_edit.moveCursor(QTextCursor.MoveOperation.End)
        return True

    # -- slots ------------------------------------------------------------------------------

    @Slot(QItemSelection, QItemSelection)
    def on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._restoring:
            return
        previous, text, dirty = self._target, self.note_edit.toPlainText(), self._note_dirty()
        highlight = self._selected()
        self._load_editor(highlight)
        switched = highlight is None or (previous is not None and highlight.id != previous.id)
        if dirty and previous is not None and switched and not self._keep_note(previous, text):
            return
        if highlight is not None and not self._quiet and not highlight.orphaned:
            self.highlight_activated.emit(highlight.id)

    def _keep_note(self, previous: Highlight, text: str) -> bool:
        """Save the note typed for the highlight just left; if that fails, select it again
        with the text, the error shown, and say False."""
        if self._save_note(previous, text) is not None:
            return True
        row = self.model.row_of(previous.id)
        if row < 0:
            return True
        self._restoring = True
        try:
            self._select_row(row)
        finally:
            self._restoring = False
        self._load_editor(self.model.highlight_at(row))
        self._set_note_text(text, base=previous.note)
        return False

    @Slot(QModelIndex)
    def on_activated(self, index: QModelIndex) -> None:
        highlight = self.model.highlight_at(index.row())
        if highlight is not None and not highlight.orphaned:
            self.highlight_activated.emit(highlight.id)

    @Slot(int)
    def on_color_activated(self, position: int) -> None:
        target = self._target
        color = self.color_box.itemData(position)
        if target is None or not isinstance(color, str) or color == target.color:
            return
        after = self._write(lambda: self._annotations.edit_highlight(target.id, color=color))
        if after is None:
            self._show_target_color()

    @Slot()
    def on_note_text_changed(self) -> None:
        if not self._loading and self._target is not None:
            self._note_timer.start()

    @Slot(bool)
    def on_note_commit_requested(self, done: bool) -> None:
        self.commit_note()
        target = self._target
        if done and target is not None and not self._note_dirty():
            self.note_editing_finished.emit(target.id)

    @Slot()
    def commit_note(self) -> None:
        """Save the note being typed, if it changed."""
        self._note_timer.stop()
        target = self._target
        if target is not None and self._note_dirty():
            self._save_note(target, self.note_edit.toPlainText())

    @Slot()
    def commit_tags(self) -> None:
        """Save the tags typed, if they changed."""
        target = self._target
        if target is None:
            return
        text = self.tags_edit.text()
        # Only spaces is a tag with an empty name, not "no tags": the store says so.
        names = [text] if text.strip() == "" and text else split_tags(text)
        try:
            wanted = sorted({normalize_tag(name) for name in names}, key=str.casefold)
        except ReaderError as error:
            self._show_message(str(error))
            return
        if [t.casefold() for t in wanted] == sorted(t.casefold() for t in target.tags):
            self._show_target_tags()
            return
        after = self._write(lambda: self._annotations.edit_highlight(target.id, tags=names))
        if after is not None:
            self._show_target_tags()

    @Slot()
    def delete_selected(self) -> None:
        """Delete the selected highlight (its note saved first, so undo brings it back)."""
        target = self._target
        if target is None:
            return
        self.commit_note()
        row = self.model.row_of(target.id)
        if self._write(lambda: self._annotations.delete_highlight(target.id)) is None:
            return
        # The next entry is selected, so Delete can be pressed again.
        count = self.model.rowCount()
        for candidate in [*range(row, count), *range(min(row, count) - 1, -1, -1)]:
            if self.model.highlight_at(candidate) is not None:
                self._quiet = True
                try:
                    self._select_row(candidate)
                finally:
                    self._quiet = False
                break

    @Slot(object)
    def on_annotations_changed(self, change: Change) -> None:
        if self._writing:
            return  # the write's own reload follows
        if change.tags:
            self.tags_edit.set_known_tags(self._store.tags.names())
        shown = self._article_id
        if change.article_ids and shown not in change.article_ids:
            return
        self._reload()

    # -- Qt overrides ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.list_view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self.delete_selected()
            return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "message_label"):
            self._apply_palette()

    # -- inside ----------------------------------------------------------------------------

    def _write(self, action: Callable[[], _T]) -> _T | None:
        """Make a change through Annotations; None, with the reason shown, if it could not
        be made. Only while Annotations works on this panel's library."""
        if self._annotations.store is not self._store:
            return None
        self._writing = True
        try:
            result = action()
        except HighlightNotFoundError:
            self._writing = False
            self._show_message(self.tr("This highlight was deleted elsewhere."))
            self._reload()
            return None
        except ReaderError as error:
            self._writing = False
            self._show_message(str(error))
            return None
        self._writing = False
        self._clear_message()
        if isinstance(result, Highlight) and self._target and result.id == self._target.id:
            self._target = result
        self.tags_edit.set_known_tags(self._store.tags.names())
        self._reload()
        return result

    def _save_note(self, target: Highlight, text: str) -> Highlight | None:
        if text.strip() == target.note:
            if self._target is not None and self._target.id == target.id:
                self._note_base = text
            return target
        after = self._write(lambda: self._annotations.edit_highlight(target.id, note=text))
        if after is not None and self._target is not None and self._target.id == target.id:
            self._note_base = text
            self._target = after
        return after

    def _note_dirty(self) -> bool:
        return self._target is not None and self.note_edit.toPlainText() != self._note_base

    def _selected(self) -> Highlight | None:
        rows = self.list_view.selectionModel().selectedRows()
        return self.model.highlight_at(rows[0].row()) if rows else None

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.list_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.list_view.scrollTo(index)

    def _fetch(self) -> list[Highlight]:
        if self._article_id is None:
            return []
        try:
            return self._store.highlights.list(article_id=self._article_id)
        except ArticleNotFoundError:
            # The article went (its feed was removed): its highlights stay, orphaned, and
            # remain editable here until another article is shown.
            kept = []
            for shown in self.model.highlights():
                try:
                    kept.append(self._store.highlights.get(shown.id))
                except HighlightNotFoundError:
                    continue
            return kept

    def _reload(self) -> None:
        """Read the article's highlights again, keeping the selection, the scroll position
        and whatever is being typed."""
        selected = self._selected()
        bar = self.list_view.verticalScrollBar()
        position = bar.value()
        self._restoring = True
        try:
            self.model.set_highlights(self._fetch())
            row = -1 if selected is None else self.model.row_of(selected.id)
            if row >= 0:
                self._select_row(row)
            else:
                self.list_view.clearSelection()
        finally:
            self._restoring = False
        bar.setValue(position)
        self._sync_target()
        self._show_state()

    def _sync_target(self) -> None:
        highlight = self._selected()
        target = self._target
        if highlight is not None and target is not None and highlight.id == target.id:
            self._refresh_editor(highlight)
        elif highlight is not None:
            self._load_editor(highlight)
        elif target is not None:
            if self._note_dirty():
                # The highlight went while its note was being typed: keep the text.
                self._load_editor(None, keep_note=True)
                self._show_message(
                    self.tr(
                        "This highlight was deleted elsewhere; your note was not saved and is "
                        "kept above so you can copy it."
                    )
                )
            else:
                self._load_editor(None)

    def _load_editor(self, highlight: Highlight | None, *, keep_note: bool = False) -> None:
        """Show a highlight in the editor (None: nothing selected)."""
        self._note_timer.stop()
        self._target = highlight
        self._note_kept = highlight is None and keep_note
        for widget in (self.color_box, self.tags_edit, self.delete_button):
            widget.setEnabled(highlight is not None)
        self.note_edit.setEnabled(highlight is not None or keep_note)
        self.note_edit.setReadOnly(highlight is None)
        if highlight is None:
            self.color_box.setCurrentIndex(-1)
            self.tags_edit.clear()
            if not keep_note:
                self._set_note_text("")
            return
        self._clear_message()
        self._show_target_color()
        self._set_note_text(highlight.note)
        self._show_target_tags()

    def _refresh_editor(self, highlight: Highlight) -> None:
        """The selected highlight changed: show it, leaving alone what is being typed."""
        self._target = highlight
        self._show_target_color()
        if not self._note_dirty() and highlight.note != self._note_base.strip():
            self._set_note_text(highlight.note)
        if not self.tags_edit.isModified():
            self._show_target_tags()

    def _set_note_text(self, text: str, *, base: str | None = None) -> None:
        self._loading = True
        try:
            if self.note_edit.toPlainText() != text:
                self.note_edit.setPlainText(text)
        finally:
            self._loading = False
        self._note_base = text if base is None else base

    def _show_target_color(self) -> None:
        target = self._target
        self.color_box.setCurrentIndex(
            -1 if target is None else self.color_box.findData(target.color)
        )

    def _show_target_tags(self) -> None:
        target = self._target
        text = "" if target is None else join_tags(target.tags)
        if self.tags_edit.text() != text:
            self.tags_edit.setText(text)
        self.tags_edit.setModified(False)

    def reload_palette(self) -> None:
        """Read the palette's colours and meanings again (after they were edited)."""
        colors = self._store.highlights.colors()
        self.model.set_meanings(colors)
        self.color_box.clear()
        for color in colors:
            self.color_box.addItem(
                swatch_icon(color.name), color_meaning(color.meaning), color.name
            )
            self.color_box.setItemData(
                self.color_box.count() - 1, color_name(color.name), Qt.ItemDataRole.ToolTipRole
            )
        self._show_target_color()
        self.tags_edit.set_known_tags(self._store.tags.names())

    def _show_state(self) -> None:
        highlights = self.model.highlights()
        orphaned = sum(1 for h in highlights if h.orphaned)
        if self._article_id is None:
            self.title_label.setText(self.tr("Highlights"))
            self.empty_label.setText(
                self.tr("Open an article to see its highlights and notes here.")
            )
        elif not highlights:
            self.title_label.setText(self.tr("Highlights"))
            self.empty_label.setText(
                self.tr(
                    "No highlights in this article yet.\n\n"
                    "Select a passage and press H to highlight it, or Shift+H to highlight "
                    "it with a note."
                )
            )
        else:
            count = len(highlights)
            title = (
                self.tr("%Ln highlight", "", count)
                if count == 1
                else self.tr("%Ln highlights", "", count)
            )
            if orphaned:
                title += " · " + self.tr("%Ln orphaned", "", orphaned)
            self.title_label.setText(title)
        self._pages.setCurrentWidget(self.list_view if highlights else self.empty_label)
        self.editor.setVisible(bool(highlights) or self._note_kept)

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.show()

    def _clear_message(self) -> None:
        self.message_label.clear()
        self.message_label.hide()

    def _apply_palette(self) -> None:
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        dark = window.lightnessF() < 0.5
        for label, role in ((self.message_label, "error"), (self.empty_label, "muted")):
            own = label.palette()
            if role == "error":
                color = QColor(239, 154, 154) if dark else QColor(183, 28, 28)
            else:
                color = mix(text, window, 0.4)
            own.setColor(QPalette.ColorRole.WindowText, legible(color, window))
            label.setPalette(own)
