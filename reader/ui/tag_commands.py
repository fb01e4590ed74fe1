"""What the user does to tags from the window: tag the open article; rename, colour or delete
a tag from the feed tree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QObject,
    Slot,
)
from PySide6.QtWidgets import (
    QInputDialog,
    QLineEdit,
    QMenu,
)

from reader.core.errors import ReaderError
from reader.ui.annotations import shorten

if TYPE_CHECKING:
    from reader.ui.mainwindow import MainWindow


class TagCommands(QObject):
    """The window's tag commands, through the undoable Annotations."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    @Slot()
    def tag_article(self) -> None:
        """Add and remove the current article's tags in one small dialog (``t``)."""
        from reader.ui.annotation_dialogs import ask_tags

        article = self._window.reader_pane.current_article
        if article is None:
            self._window.messages.info.emit(self.tr("Choose an article to tag first."))
            return
        tags = ask_tags(
            self._window,
            self.tr("Tag Article"),
            self.tr("Tags for “{0}”:").format(shorten(article.title, 60)),
            article.tags,
            self._window.store.tags.names(),
        )
        if tags is None:
            return
        wanted = {t.casefold() for t in tags}
        removed = [t for t in article.tags if t.casefold() not in wanted]
        stack = self._window.annotations.undo_stack
        stack.beginMacro(self.tr("Tag “{0}”").format(shorten(article.title, 60)))
        try:
            self._window.reader_pane.edit_tags(
                lambda: self._window.annotations.untag_article(article.id, removed)
            )
            self._window.reader_pane.edit_tags(
                lambda: self._window.annotations.tag_article(article.id, tags)
            )
        finally:
            stack.endMacro()

    def add_tag_actions(self, menu: QMenu, name: str) -> None:
        menu.addAction(self._window.acts.act_mark_all)
        menu.addSeparator()
        menu.addAction(self.tr("&Rename Tag…"), lambda: self.rename_tag(name))
        menu.addAction(self.tr("Tag &Colour…"), lambda: self.color_tag(name))
        menu.addAction(self.tr("Remove C&olour"), lambda: self.color_tag(name, clear=True))
        menu.addSeparator()
        menu.addAction(self.tr("&Delete Tag…"), lambda: self.delete_tag(name))

    def _known_tag(self, name: str) -> bool:
        """Whether ``name`` is a tag of its own (not only a level of longer names)."""
        return any(t.casefold() == name.casefold() for t in self._window.store.tags.names())

    def rename_tag(self, name: str, new_name: str | None = None) -> None:
        """Rename a tag and those below it; a name in use merges them (after asking)."""
        from reader.ui import prompts

        if new_name is None:
            new_name, ok = QInputDialog.getText(
                self._window,
                self.tr("Rename Tag"),
                self.tr("New name for “{0}” (and the tags below it):").format(name),
                QLineEdit.EchoMode.Normal,
                name,
            )
            if not ok or new_name.strip() == name:
                return
        existing = [
            t
            for t in self._window.store.tags.names()
            if t.casefold() == new_name.strip().casefold()
        ]
        if (
            existing
            and existing[0].casefold() != name.casefold()
            and not prompts.confirm(
                self._window,
                self.tr("Merge Tags"),
                self.tr(
                    "“{0}” already exists. Merge “{1}” into it? Every article and highlight "
                    "tagged “{1}” will be tagged “{0}”."
                ).format(existing[0], name),
                self.tr("Merge"),
            )
        ):
            return
        try:
            renamed = self._window.annotations.rename_tag(name, new_name)
        except ReaderError as error:
            self._window.messages.warning.emit(str(error))
            return
        self._window.feed_view.setCurrentIndex(self._window.feed_model.index_for_tag(renamed))
        self._window.messages.info.emit(self.tr("Renamed “{0}” to “{1}”.").format(name, renamed))

    def color_tag(self, name: str, *, clear: bool = False) -> None:
        from PySide6.QtGui import QColor
        from PySide6.QtWidgets import QColorDialog

        color: str | None = None
        if not clear:
            current = next(
                (t.color for t in self._window.store.tags.summary() if t.name == name), None
            )
            chosen = QColorDialog.getColor(
                QColor(current or "#7e57c2"), self._window, self.tr("Colour of “{0}”").format(name)
            )
            if not chosen.isValid():
                return
            color = chosen.name()
        if not self._known_tag(name):
            self._window.messages.warning.emit(
                self.tr("“{0}” is only a level of longer tags: colour the tags themselves.").format(
                    name
                )
            )
            return
        self._window.reader_pane.edit_tags(
            lambda: self._window.annotations.set_tag_color(name, color)
        )

    def delete_tag(self, name: str) -> None:
        from reader.ui import prompts

        info = [
            t
            for t in self._window.store.tags.summary()
            if t.name.casefold() == name.casefold()
            or t.name.casefold().startswith(name.casefold() + "/")
        ]
        articles = sum(t.articles for t in info)
        highlights = sum(t.highlights for t in info)
        if not prompts.confirm(
            self._window,
            self.tr("Delete Tag"),
            self.tr(
                "Take “{0}” (and the tags below it) off {1} and {2}? "
                "The articles and highlights stay. Edit ▸ Undo brings the tag back."
            ).format(
                name,
                self._window.navigation.articles_text(articles),
                self._window.navigation.highlights_text(highlights),
            ),
            self.tr("Delete Tag"),
        ):
            return
        self._window.reader_pane.edit_tags(lambda: self._window.annotations.delete_tag(name))
        self._window.feed_view.setCurrentIndex(self._window.feed_model.index_for_smart("all"))
