"""Moving through the articles: choosing a feed and an article, next and previous, read and
starred, marking all read, the search box, and the counts in the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    QUrl,
    Slot,
)
from PySide6.QtWidgets import QLineEdit, QMenu

from reader.core.types import Article
from reader.ui.icons import icon

if TYPE_CHECKING:
    from reader.ui.mainwindow import MainWindow


class Navigation(QObject):
    """What the keyboard and the lists do to the current article and the current view."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.mark_read_timer = QTimer(self, singleShot=True)
        #: Runs the search when typing pauses.
        self.search_timer = QTimer(self, singleShot=True, interval=250)

    @Slot(QModelIndex, QModelIndex)
    def on_feed_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        if self._window.search_box.text():
            self._window.search_box.blockSignals(True)
            self._window.search_box.clear()
            self._window.search_box.blockSignals(False)
        self._window.article_model.set_query(self._window.feed_model.query_for(current))
        self._window.reader_pane.show_article(None)

    @Slot(QModelIndex, QModelIndex)
    def on_article_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article = (
            self._window.article_model.article_at(current.row()) if current.isValid() else None
        )
        if article is None:
            self._window.reader_pane.show_article(None)
            return
        self._window.reader_pane.show_article(self._window.store.get_article(article.id))
        self.mark_read_timer.stop()
        delay = self._window.prefs.mark_read_delay
        if delay >= 0 and not article.read:
            self.mark_read_timer.start(delay)

    @Slot(int, Qt.SortOrder)
    def on_sort_applied(self, column: int, order: Qt.SortOrder) -> None:
        """Title and Source sort A to Z only: the header shows the order really used."""
        header = self._window.article_view.horizontalHeader()
        if (header.sortIndicatorSection(), header.sortIndicatorOrder()) != (column, order):
            header.blockSignals(True)
            header.setSortIndicator(column, order)
            header.blockSignals(False)
            header.viewport().update()

    @Slot()
    def on_mark_read_timeout(self) -> None:
        article = self._window.reader_pane.current_article
        if article is not None and not article.read:
            self._set_read(article, True)

    def _set_read(self, article: Article, read: bool) -> None:
        self._window.library.set_read([article.id], read)
        self._window.article_model.set_read_state([article.id], read)
        self._window.reader_pane.current_article = self._window.store.get_article(article.id)

    def _move_selection(self, step: int, *, unread_only: bool = False) -> None:
        row = self._window.article_view.currentIndex().row()
        model = self._window.article_model
        candidate = row + step
        while True:
            if candidate >= model.rowCount() and model.canFetchMore(QModelIndex()):
                model.fetchMore(QModelIndex())
            if not 0 <= candidate < model.rowCount():
                if unread_only:
                    self._window.messages.info.emit(self.tr("No more unread articles here."))
                return
            article = model.article_at(candidate)
            if not unread_only or (article is not None and not article.read):
                break
            candidate += step
        self._window.article_view.setCurrentIndex(model.index(candidate, 0))
        self._window.article_view.scrollTo(model.index(candidate, 0))

    @Slot()
    def next_article(self) -> None:
        self._move_selection(+1)

    @Slot()
    def previous_article(self) -> None:
        self._move_selection(-1)

    @Slot()
    def next_unread(self) -> None:
        self._move_selection(+1, unread_only=True)

    @Slot()
    def toggle_star(self) -> None:
        article = self._window.reader_pane.current_article
        if article is None:
            return
        self._window.library.set_starred(article.id, not article.starred)
        self._window.reader_pane.current_article = self._window.store.get_article(article.id)
        self._window.article_model.refresh_article(article.id)
        self._window.reader_view.show_article(
            self._window.reader_pane.current_article, images=self._window.prefs.images
        )

    @Slot()
    def toggle_read(self) -> None:
        self.mark_read_timer.stop()
        if self._window.reader_pane.current_article is not None:
            self._set_read(
                self._window.reader_pane.current_article,
                not self._window.reader_pane.current_article.read,
            )

    @Slot()
    def open_in_browser(self) -> None:
        article = self._window.reader_pane.current_article
        if article is None or not article.link:
            return
        url = QUrl(article.link)
        if url.scheme() in ("http", "https"):
            self._window.reader_view.open_url(url)

    @Slot()
    def mark_all_read(self) -> None:
        if self._window.article_model.is_searching:
            ids = [
                a.id
                for row in range(self._window.article_model.rowCount())
                if (a := self._window.article_model.article_at(row)) is not None and not a.read
            ]
        else:
            query = self._window.feed_model.query_for(self._window.feed_view.currentIndex())
            ids = [a.id for a in self._window.store.list_articles(query) if not a.read]
        if not ids:
            return
        self._window.library.set_read(ids, True)
        self._window.article_model.set_read_state(ids, True)
        count = len(ids)
        self._window.messages.info.emit(
            self.tr("Marked %Ln article as read.", "", count)
            if count == 1
            else self.tr("Marked %Ln articles as read.", "", count)
        )

    def make_search_box(self) -> QLineEdit:
        """The toolbar's search box (the window connects it)."""
        box = QLineEdit()
        box.setObjectName("search")
        box.setAccessibleName(self.tr("Search articles"))
        box.setPlaceholderText(self.tr("Search articles (/)"))
        box.setClearButtonEnabled(True)
        box.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        # Wide enough for a few words; the toolbar must not hold a small screen's window wider
        # than the screen (its buttons go into the extension menu, the box does not).
        box.setMinimumWidth(box.fontMetrics().horizontalAdvance("x" * 20))
        box.setMaximumWidth(box.fontMetrics().horizontalAdvance("x" * 48))
        return box

    @Slot()
    def focus_search(self) -> None:
        self._window.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._window.search_box.selectAll()

    @Slot()
    def run_search(self) -> None:
        self.search_timer.stop()
        text = self._window.search_box.text().strip()
        if text:
            self._window.article_model.set_search(text)
            found = self._window.article_model.rowCount()
            message = (
                self.tr("%Ln article matches “{0}”.", "", found)
                if found == 1
                else self.tr("%Ln articles match “{0}”.", "", found)
            )
            self._window.messages.info.emit(message.format(text))
        elif self._window.article_model.is_searching:
            self._window.article_model.clear_search()
        self._window.reader_pane.show_article(None)

    @Slot(QPoint)
    def on_article_context_menu(self, pos: QPoint) -> None:
        if not self._window.article_view.indexAt(pos).isValid():
            return
        menu = QMenu(self._window)
        menu.addActions(
            [self._window.acts.act_open, self._window.acts.act_star, self._window.acts.act_read]
        )
        menu.addSeparator()
        menu.addActions([self._window.acts.act_tag, self._window.acts.act_fetch_full_text])
        menu.exec(self._window.article_view.viewport().mapToGlobal(pos))

    def update_counts_label(self) -> None:
        stats = self._window.store.stats()
        unread = self.tr("%Ln unread", "", stats.unread)
        self._window.counts_label.setText(f"{unread} · {self.articles_text(stats.articles)}")

    def articles_text(self, count: int) -> str:
        """ "1 article", "12 articles"."""
        if count == 1:
            return self.tr("%Ln article", "", count)
        return self.tr("%Ln articles", "", count)

    def highlights_text(self, count: int) -> str:
        """ "1 highlight", "12 highlights"."""
        if count == 1:
            return self.tr("%Ln highlight", "", count)
        return self.tr("%Ln highlights", "", count)

    def feeds_text(self, count: int) -> str:
        """ "1 feed", "12 feeds"."""
        if count == 1:
            return self.tr("%Ln feed", "", count)
        return self.tr("%Ln feeds", "", count)
