"""The open library on the GUI thread: its Store, every write the window makes to it besides
annotations (feeds, folders, read and starred, full-text setting, colour meanings), and the
signals the views follow.

Beside :class:`~reader.ui.annotations.Annotations`, which owns the undoable changes to
highlights, notes and tags, this is the window's one door to the library: the views never
write to the store themselves. Each write says what it touched with :attr:`Library.changed`;
opening another library file hands the new Store to every view with :attr:`Library.replaced`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from reader.core import Store
from reader.core.types import Feed


@dataclass(frozen=True, slots=True)
class LibraryChange:
    """What a write touched: the feeds and folders (added, renamed, moved, removed, their
    address or full-text setting), the read or starred state of some articles, or the
    colours' meanings."""

    feeds: bool = False
    #: A feed's own settings (its full-text mode), which no list shows.
    feed_settings: bool = False
    article_ids: frozenset[int] = frozenset()
    colors: bool = False


class Library(QObject):
    """The window's Store and the writes made to it. Methods raise ReaderError (with a
    message for the user) and then change nothing.

    Signals:
        changed(LibraryChange): after each write.
        replaced(Store): another library was opened; every view takes the new Store.
    """

    changed = Signal(object)
    replaced = Signal(object)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store

    @property
    def store(self) -> Store:
        return self._store

    def replace(self, store: Store) -> None:
        """Work on another library (already open): this one is closed and every view is
        handed the new one."""
        self._store.close()
        self._store = store
        self.replaced.emit(store)

    # -- feeds and folders ------------------------------------------------------------------

    def add_feed(self, url: str, *, folder: str | None = None, title: str | None = None) -> Feed:
        feed = self._store.add_feed(url, folder=folder, title=title)
        self.changed.emit(LibraryChange(feeds=True))
        return feed

    def rename_feed(self, feed_id: int, title: str | None) -> None:
        self._store.rename_feed(feed_id, title)
        self.changed.emit(LibraryChange(feeds=True))

    def move_feed(self, feed_id: int, folder: str | None) -> None:
        self._store.move_feed(feed_id, folder)
        self.changed.emit(LibraryChange(feeds=True))

    def set_feed_url(self, feed_id: int, url: str) -> None:
        self._store.set_feed_url(feed_id, url)
        self.changed.emit(LibraryChange(feeds=True))

    def set_full_text_mode(self, feed_id: int, mode: str) -> None:
        self._store.full_texts.set_mode(feed_id, mode)
        self.changed.emit(LibraryChange(feed_settings=True))

    def remove_feed(self, feed_id: int, *, keep_annotated: bool = False) -> None:
        """Remove a feed (``keep_annotated``: archive it, keeping its highlighted articles)."""
        self._store.remove_feed(feed_id, keep_annotated=keep_annotated)
        self.changed.emit(LibraryChange(feeds=True))

    def remove_empty_folder(self, folder: str) -> None:
        self._store.remove_empty_folder(folder)
        self.changed.emit(LibraryChange(feeds=True))

    # -- articles ---------------------------------------------------------------------------

    def set_read(self, article_ids: Sequence[int], read: bool = True) -> None:
        self._store.set_read(article_ids, read)
        self.changed.emit(LibraryChange(article_ids=frozenset(article_ids)))

    def set_starred(self, article_id: int, starred: bool) -> None:
        self._store.set_starred(article_id, starred)
        self.changed.emit(LibraryChange(article_ids=frozenset({article_id})))

    # -- highlight colours ------------------------------------------------------------------

    def set_color_meanings(self, meanings: Iterable[tuple[str, str]]) -> None:
        """Say what each colour means (name, meaning); a failure leaves the ones before it
        saved and still signals them."""
        try:
            for name, meaning in meanings:
                self._store.highlights.set_color_meaning(name, meaning)
        finally:
            self.changed.emit(LibraryChange(colors=True))
