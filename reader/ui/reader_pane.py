"""The reading pane's behaviour: the open article shown with its marks, highlighting from the
reader, the annotations panel beside it, full text and the feed's version, the notice that
the feed rewrote the open article."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QObject,
    QPoint,
    QUrl,
    Slot,
)
from PySide6.QtWidgets import (
    QApplication,
    QMenu,
)

from reader.core.errors import ReaderError
from reader.core.types import Article, Highlight
from reader.ui.annotations import Change, shorten
from reader.ui.highlight_marks import (
    PaintedHighlight,
    body_start,
    color_meaning,
    color_name,
    highlight_at,
    highlight_selections,
    paragraph_selection,
    place_highlights,
    selected_passage,
)
from reader.ui.search_marks import search_selections

if TYPE_CHECKING:
    from reader.ui.mainwindow import MainWindow


class ReaderPane(QObject):
    """Shows the open article and acts on it: its highlights painted and listed, new
    highlights from a selection or a paragraph, its full text, what a rewrite did."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        #: The article shown, as last read from the library.
        self.current_article: Article | None = None
        #: The current article's highlights as painted, to find the one under a click.
        self.painted: list[PaintedHighlight] = []
        #: What the last reload found of the open article, when its feed rewrote it.
        self.rewrite_notice: str | None = None
        #: The user asked for the annotations panel on this article, highlights or not.
        self.panel_forced = False

    def show_article(self, article: Article | None, *, keep_scroll: bool = False) -> None:
        """Show an article (None: nothing) with its highlights painted and listed beside it;
        ``keep_scroll`` when the same article is shown again after a change."""
        scroll = self._window.reader_view.verticalScrollBar()
        position = scroll.value()
        shown = self.current_article
        if article is None or shown is None or article.id != shown.id:
            self.panel_forced = False
        self.current_article = article
        self._window.reader_view.show_article(article, images=self._window.prefs.images)
        self.paint_marks()
        self._window.annotation_panel.show_article(None if article is None else article.id)
        self.update_annotation_panel()
        if keep_scroll:
            scroll.setValue(position)
        self.update_full_text_actions()

    def paint_marks(self) -> None:
        """The article's highlights in their colours, then the words of the current search."""
        article = self.current_article
        if article is None:
            self.painted = []
            self._window.reader_view.setExtraSelections([])
            return
        document = self._window.reader_view.document()
        # Highlights are anchored on the full text when there is one: its positions say
        # nothing of where a quote sits in the feed's version, which is searched by quote
        # alone (a passage only in the full text is listed in the panel, not painted).
        stored = None if self._window.reader_view.showing_feed_version() else article.text
        self.painted = place_highlights(
            document, self._window.store.highlights.list(article_id=article.id), stored
        )
        marks = highlight_selections(document, self.painted)
        query = self._window.article_model.search_text
        if query:
            marks += search_selections(document, query)
        self._window.reader_view.setExtraSelections(marks)

    @Slot(object)
    def on_annotations_changed(self, change: Change) -> None:
        """Bring every view up to date after a highlight, note or tag changed (or was
        undone): the reader's marks and tag chips, the panel, the tag tree."""
        article = self.current_article
        if article is not None and (change.tags or article.id in change.article_ids):
            try:
                fresh = self._window.store.get_article(article.id)
            except ReaderError:
                fresh = None
            if fresh is not None and fresh.tags != article.tags:
                self.show_article(fresh, keep_scroll=True)
            else:
                self.current_article = fresh
                self.paint_marks()
            if fresh is not None:
                self._window.article_model.refresh_article(fresh.id)
        focus = QApplication.focusWidget()
        if focus is not None and self._window.annotation_panel.isAncestorOf(focus):
            # A change made in the panel (its last highlight deleted): it stays where it is.
            self.panel_forced = True
        self.update_annotation_panel()
        if change.tags:
            self._window.feed_model.reload()

    @Slot()
    def on_reader_cursor_moved(self) -> None:
        """A click on a painted highlight selects it in the annotations panel."""
        cursor = self._window.reader_view.textCursor()
        if cursor.hasSelection() or not self.painted:
            return
        highlight = highlight_at(self.painted, cursor.position())
        if highlight is not None:
            self._window.annotation_panel.select_highlight(highlight.id)

    @Slot(int)
    def go_to_highlight(self, highlight_id: int) -> None:
        """Scroll the reader to a highlight's passage (chosen in the panel)."""
        for placed in self.painted:
            if placed.highlight.id == highlight_id:
                cursor = self._window.reader_view.textCursor()
                cursor.setPosition(placed.end)
                self._window.reader_view.blockSignals(True)
                self._window.reader_view.setTextCursor(cursor)
                cursor.setPosition(placed.start)
                self._window.reader_view.setTextCursor(cursor)
                self._window.reader_view.blockSignals(False)
                self._window.reader_view.ensureCursorVisible()
                return

    @Slot()
    def highlight_selection(
        self, _checked: bool = False, *, color: str = "yellow"
    ) -> Highlight | None:
        """Highlight the passage selected in the reader view (``_checked``: what a
        triggered action passes); None, with a message, when there is nothing to highlight."""
        article = self.current_article
        if article is None:
            self._window.messages.info.emit(self.tr("Open an article and select a passage first."))
            return None
        try:
            quote, occurrence = selected_passage(
                self._window.reader_view.document(), self._window.reader_view.textCursor()
            )
            highlight = self._window.annotations.add_highlight(
                article.id, quote, occurrence=occurrence, color=color
            )
        except ReaderError as error:
            self._window.messages.warning.emit(str(error))
            return None
        self._clear_reader_selection()
        self._window.annotation_panel.select_highlight(highlight.id)
        self._window.messages.info.emit(self.tr("Highlighted. Ctrl+Z undoes it."))
        return highlight

    def _clear_reader_selection(self) -> None:
        cursor = self._window.reader_view.textCursor()
        cursor.clearSelection()
        self._window.reader_view.setTextCursor(cursor)

    @Slot()
    def highlight_paragraph(self) -> Highlight | None:
        """Highlight the paragraph of the article holding the text cursor (the first one in
        view when the cursor is not in the article's text): highlighting from the keyboard."""
        view = self._window.reader_view
        document = view.document()
        start = body_start(document)
        cursor = view.textCursor()
        if self.current_article is not None and (
            cursor.position() < start or not cursor.block().text().strip()
        ):
            # The first paragraph of the body not scrolled out of view, found by the layout
            # (a hit test at the view's corner lands in the column's margin).
            top = view.verticalScrollBar().value()
            layout = document.documentLayout()
            block = document.findBlock(start)
            while block.isValid() and (
                not block.text().strip() or layout.blockBoundingRect(block).bottom() <= top
            ):
                block = block.next()
            if block.isValid():
                cursor = paragraph_selection(document, block.position())
        else:
            cursor = paragraph_selection(document, cursor.position())
        view.setTextCursor(cursor)
        return self.highlight_selection()

    @Slot()
    def highlight_with_note(self) -> None:
        """Highlight the selection, then write its note in the annotations panel."""
        highlight = self.highlight_selection()
        if highlight is not None:
            self.show_annotation_panel()
            self._window.annotation_panel.edit_note(highlight.id)

    @Slot()
    def highlight_with_tags(self) -> None:
        """Highlight the selection and ask for its tags."""
        from reader.ui.annotation_dialogs import ask_tags

        highlight = self.highlight_selection()
        if highlight is None:
            return
        tags = ask_tags(
            self._window,
            self.tr("Tag Highlight"),
            self.tr("Tags for “{0}”:").format(shorten(highlight.exact, 60)),
            highlight.tags,
            self._window.store.tags.names(),
        )
        if tags is not None:
            self.edit_tags(lambda: self._window.annotations.edit_highlight(highlight.id, tags=tags))

    def edit_tags(self, change: Callable[[], object]) -> None:
        try:
            change()
        except ReaderError as error:
            self._window.messages.warning.emit(str(error))

    def show_annotation_panel(self) -> None:
        if self._window.annotation_panel.isHidden():
            self.toggle_annotation_panel()

    @Slot()
    def toggle_annotation_panel(self) -> None:
        """Hide the annotations panel if it is shown; else show it, even beside an article
        without highlights (until another article is opened)."""
        shown = not self._window.annotation_panel.isHidden()
        # The action checked itself already; what counts is what the user saw.
        self._window.acts.act_annotations.setChecked(not shown)
        self.panel_forced = not shown
        self.update_annotation_panel()
        self._window.save_view_layout()

    @Slot()
    def update_annotation_panel(self) -> None:
        """Show the annotations panel when the View menu asks for it, unless it steps aside
        for an article without highlights (and the user did not ask for it on this one)."""
        panel = self._window.annotation_panel
        visible = self._window.acts.act_annotations.isChecked() and (
            self.panel_forced
            or not self._window.acts.act_hide_empty_panel.isChecked()
            or bool(panel.model.highlights())
        )
        if panel.isHidden() == visible:
            panel.setVisible(visible)

    @Slot()
    def edit_highlight_colors(self) -> None:
        """Say what each highlight colour means ("key fact", "claim to verify"…)."""
        from reader.ui.annotation_dialogs import HighlightColorsDialog

        dialog = HighlightColorsDialog(self._window.store.highlights.colors(), parent=self._window)
        if dialog.exec() != HighlightColorsDialog.DialogCode.Accepted:
            return
        try:
            self._window.library.set_color_meanings(dialog.meanings().items())
        except ReaderError as error:
            self._window.messages.warning.emit(str(error))

    def update_full_text_actions(self) -> None:
        article = self.current_article
        has_page = (
            article is not None
            and QUrl(article.link or "").scheme().lower() in ("http", "https")
            and self._window.pages.currentWidget() is self._window.splitter
        )
        self._window.acts.act_fetch_full_text.setEnabled(
            has_page and article is not None and not self._window.full_texts.is_pending(article.id)
        )
        self._window.acts.act_feed_version.setEnabled(self._window.reader_view.has_full_text())
        self._window.acts.act_feed_version.setChecked(
            self._window.reader_view.showing_feed_version()
        )

    @Slot()
    def fetch_full_text(self) -> None:
        """Fetch the current article's full text from its page (off the GUI thread)."""
        article = self.current_article
        if article is None:
            self._window.messages.info.emit(self.tr("Choose an article first."))
            return
        self.request_full_text(article.id)

    @Slot(int)
    def request_full_text(self, article_id: int) -> None:
        """Fetch an article's full text (the action, or the reader's Try again)."""
        article = self.current_article
        if article is not None and article.id == article_id:
            if QUrl(article.link or "").scheme().lower() not in ("http", "https"):
                self._window.messages.info.emit(
                    self.tr("This article has no web page to fetch its full text from.")
                )
                return
            # Asked for explicitly: show the full text once it is here.
            self._window.reader_view.forget_version_choice(article_id)
        if not self._window.full_texts.fetch(article_id):
            self._window.messages.info.emit(self.tr("The full text is already being fetched."))

    @Slot(int)
    def on_full_text_started(self, article_id: int) -> None:
        self._window.reader_view.set_fetching(article_id, True)
        if self.current_article is not None and self.current_article.id == article_id:
            self.paint_marks()  # the banner changed the document
        self.update_full_text_actions()
        self._window.messages.info.emit(self.tr("Fetching the full text…"))

    @Slot(int)
    def on_full_text_finished(self, article_id: int) -> None:
        self._window.reader_view.set_fetching(article_id, False)
        try:
            fresh = self._window.store.get_article(article_id)
        except ReaderError:  # deleted meanwhile (a feed removed)
            self.update_full_text_actions()
            return
        words = len(fresh.text.split())
        current = self.current_article
        if current is not None and current.id == article_id:
            self.show_article(fresh, keep_scroll=True)
            self._window.messages.info.emit(self.tr("Full text fetched: %Ln words.", "", words))
        else:
            self.update_full_text_actions()
            self._window.messages.info.emit(
                self.tr("Full text of “{0}” fetched: %Ln words.", "", words).format(
                    shorten(fresh.title, 60)
                )
            )
        self._window.article_model.refresh_article(article_id)
        # Its highlights were placed in the new text.
        self._window.companions.reload_highlights_window()

    @Slot(int, str)
    def on_full_text_failed(self, article_id: int, message: str) -> None:
        try:
            fresh: Article | None = self._window.store.get_article(article_id)
        except ReaderError:
            fresh = None
        recorded = fresh is not None and fresh.full_text is not None
        if recorded and fresh is not None and fresh.full_text is not None:
            recorded = fresh.full_text.error == message
        if recorded:
            self._window.reader_view.set_fetching(article_id, False)  # the article says why
        else:
            self._window.reader_view.set_fetch_failed(article_id, message)
        current = self.current_article
        if current is not None and current.id == article_id:
            if fresh is not None:
                self.show_article(fresh, keep_scroll=True)
            else:
                self.paint_marks()
        self.update_full_text_actions()
        self._window.messages.warning.emit(
            self.tr("Could not fetch the full text: {0}").format(message)
        )

    @Slot()
    def toggle_feed_version(self) -> None:
        """Show the current article as its feed gives it, or its full text again."""
        if not self._window.reader_view.has_full_text():
            self._window.acts.act_feed_version.setChecked(False)
            self._window.messages.info.emit(
                self.tr("This article has no full text yet: Fetch Full Text (Shift+F) gets it.")
            )
            return
        self._window.reader_view.show_feed_version(self._window.acts.act_feed_version.isChecked())

    @Slot(int, bool)
    def on_reader_version_changed(self, _article_id: int, feed_version: bool) -> None:
        self.paint_marks()
        self.update_full_text_actions()
        if feed_version:
            self._window.messages.info.emit(
                self.tr("Showing the feed's version. Shift+V shows the full text again.")
            )
        else:
            self._window.messages.info.emit(self.tr("Showing the full text."))

    @Slot(str)
    def on_link_hovered(self, link: str) -> None:
        if link:
            self._window.statusBar().showMessage(link)
        else:
            self._window.statusBar().clearMessage()

    def highlight_menu(self) -> QMenu:
        """One entry per colour of the palette, named with what the colour means."""
        menu = QMenu(self.tr("Highlight"), self._window)
        for color in self._window.store.highlights.colors():
            action = menu.addAction(
                self.tr("{0} — {1}").format(color_name(color.name), color_meaning(color.meaning))
            )
            action.setData(color.name)
            action.triggered.connect(
                lambda _checked=False, name=color.name: self.highlight_selection(color=name)
            )
        menu.setEnabled(
            self.current_article is not None
            and self._window.reader_view.textCursor().hasSelection()
        )
        return menu

    @Slot(QPoint)
    def on_reader_context_menu(self, pos: QPoint) -> None:
        menu = self._window.reader_view.createStandardContextMenu(pos)
        menu.addSeparator()
        menu.addMenu(self.highlight_menu())
        menu.addSeparator()
        menu.addAction(self._window.acts.act_fetch_full_text)
        if self._window.acts.act_feed_version.isEnabled():
            menu.addAction(self._window.acts.act_feed_version)
        menu.exec(self._window.reader_view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def show_if_rewritten(self, shown: Article) -> str | None:
        """The open article again when its feed rewrote it; returns what became of its
        highlights (they followed the text, or are listed as orphaned in the panel)."""
        try:
            fresh = self._window.store.get_article(shown.id)
        except ReaderError:
            return None
        if (fresh.html, fresh.title) == (shown.html, shown.title):
            if fresh.full_text != shown.full_text:  # the refresh fetched its page
                self.show_article(fresh, keep_scroll=True)
            return None
        self.show_article(fresh, keep_scroll=True)
        orphaned = sum(h.orphaned for h in self._window.store.highlights.list(article_id=fresh.id))
        if orphaned == 1:
            return self.tr(
                "The feed rewrote the open article: one highlight no longer matches its text "
                "and is kept, with its note, under “Orphaned”."
            )
        if orphaned:
            return self.tr(
                "The feed rewrote the open article: %Ln highlights no longer match its text "
                "and are kept, with their notes, under “Orphaned”.",
                "",
                orphaned,
            )
        return self.tr("The feed rewrote the open article; your highlights followed it.")

    def on_colors_changed(self) -> None:
        """The colours' meanings changed: the selection bar and the panel show them."""
        self._window.selection_toolbar.set_colors(self._window.store.highlights.colors())
        self._window.annotation_panel.show_article(
            None if self.current_article is None else self.current_article.id
        )
