"""The windows beside the main one: the Highlights window and the brief composer, opened,
kept one of each, and closed with it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QObject,
    Qt,
    Slot,
)
from PySide6.QtWidgets import (
    QInputDialog,
)

from reader.core.types import Highlight
from reader.ui.i18n import short_date_time

if TYPE_CHECKING:
    from reader.core import Store
    from reader.ui.brief_composer import BriefComposer
    from reader.ui.highlights_view import HighlightsWindow
    from reader.ui.mainwindow import MainWindow


class Companions(QObject):
    """Opens the Highlights window and the brief composer, one of each at a time."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.highlights_window: HighlightsWindow | None = None
        #: The brief being composed: one composer at a time.
        self.brief_composer: BriefComposer | None = None

    @Slot()
    def show_highlights(self) -> None:
        """The library's highlights in a window of their own."""
        from reader.ui.highlights_view import HighlightsWindow

        if self.highlights_window is None:
            self.highlights_window = HighlightsWindow(
                self._window.store, self._window.annotations, self._window
            )
            self.highlights_window.passage_requested.connect(self.open_highlight)
        self.highlights_window.show()
        self.highlights_window.raise_()
        self.highlights_window.activateWindow()

    @Slot()
    def new_brief(self) -> None:
        """The brief composer on a new brief, or raised if one is open (one at a time)."""
        self._show_brief_composer(None)

    @Slot()
    def open_brief(self) -> None:
        """Choose a saved brief and open it in the composer."""
        briefs = self._window.store.briefs.list()
        if not briefs:
            self._window.messages.info.emit(
                self.tr("No saved brief yet: File ▸ New Brief… makes one.")
            )
            return
        names = [
            self.tr("{0} — {1}").format(b.title, short_date_time(b.updated))
            if b.updated
            else b.title
            for b in briefs
        ]
        name, ok = QInputDialog.getItem(
            self._window, self.tr("Open Brief"), self.tr("Saved briefs:"), names, 0, False
        )
        if ok and name in names:
            self._show_brief_composer(briefs[names.index(name)].id)

    def close_brief_composer(self) -> bool:
        """Close the composer, if open; False when the user chose to keep it (Cancel)."""
        composer = self.brief_composer
        if composer is None:
            return True
        if not composer.close():
            return False
        self.brief_composer = None
        return True

    def _show_brief_composer(self, brief_id: int | None) -> None:
        from reader.ui.brief_composer import BriefComposer

        if self.brief_composer is None:
            self.brief_composer = BriefComposer(self._window.store, self._window, brief_id=brief_id)
            self.brief_composer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.brief_composer.destroyed.connect(lambda: setattr(self, "brief_composer", None))
        elif brief_id is not None:
            self.brief_composer.open_brief(brief_id)
        self.brief_composer.show()
        self.brief_composer.raise_()
        self.brief_composer.activateWindow()

    @Slot(object)
    def open_highlight(self, highlight: Highlight) -> None:
        """Show a highlight's article, scrolled to the passage, with the highlight selected."""
        if highlight.article_id is None:
            self._window.messages.warning.emit(
                self.tr("The article of this highlight was deleted; its quote and note remain.")
            )
            return
        self._window.feed_view.setCurrentIndex(self._window.feed_model.index_for_smart("all"))
        row = self._window.article_model.row_of(highlight.article_id)
        if row >= 0:
            self._window.article_view.setCurrentIndex(self._window.article_model.index(row, 0))
            self._window.article_view.scrollTo(self._window.article_model.index(row, 0))
        else:  # not in the list (a duplicate, an archived feed): show it all the same
            self._window.reader_pane.show_article(
                self._window.store.get_article(highlight.article_id)
            )
        self._window.raise_()
        self._window.activateWindow()
        self._window.reader_pane.show_annotation_panel()
        self._window.annotation_panel.select_highlight(highlight.id)
        self._window.reader_pane.go_to_highlight(highlight.id)

    def reload_highlights_window(self) -> None:
        """After changes made outside the undo stack (a refresh re-anchoring, a feed gone)."""
        if self.highlights_window is not None:
            self.highlights_window.reload()

    def on_library_replaced(self, store: Store) -> None:
        """The Highlights window, when open, shows the new library's highlights."""
        if self.highlights_window is not None:
            self.highlights_window.set_store(store)
