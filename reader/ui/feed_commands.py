"""What the user does to feeds and folders: add one, import and export OPML, rename, move,
delete, the feed problems dialog, the feed tree's context menu and full-text setting."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QObject,
    QPoint,
    QUrl,
    Slot,
)
from PySide6.QtGui import (
    QActionGroup,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMenu,
    QWidget,
)

from reader.core.errors import ReaderError
from reader.ui.feed_tree import FeedRole
from reader.ui.i18n import number

if TYPE_CHECKING:
    from reader.core.types import ImportReport
    from reader.ui.mainwindow import MainWindow


class FeedCommands(QObject):
    """The window's feed and folder commands, each asking what it must and reporting what
    it did."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def _selected_feed_id(self) -> int | None:
        index = self._window.feed_view.currentIndex()
        if index.isValid() and index.data(FeedRole.NodeKind) == "feed":
            return int(index.data(FeedRole.FeedId))
        return None

    def _current_folder(self) -> str | None:
        """The folder selected in the feed tree, or the selected feed's folder."""
        index = self._window.feed_view.currentIndex()
        kind = index.data(FeedRole.NodeKind) if index.isValid() else None
        if kind == "folder":
            return "/".join(index.data(FeedRole.FolderPath)) or None
        if kind == "feed":
            feed = index.data(FeedRole.Feed)
            return feed.folder if feed is not None else None
        return None

    @Slot()
    def add_feed(self, url: str = "") -> None:
        from reader.ui.add_feed_dialog import AddFeedDialog

        dialog = AddFeedDialog(
            folders=["/".join(p) for p in self._window.store.list_folders()],
            existing_urls={f.url for f in self._window.store.list_feeds()},
            parent=self._window,
            folder=self._current_folder(),
            finder=self._window.feed_finder,
        )
        if url:
            dialog.set_url(url)
        accepted = dialog.exec() == AddFeedDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return
        address, folder, title = dialog.result_values()
        try:
            feed = self._window.library.add_feed(address, folder=folder, title=title)
        except ReaderError as error:
            self._window.messages.error.emit(str(error))
            return
        self._window.show_library()
        self._window.feed_view.setCurrentIndex(self._window.feed_model.index_for_feed(feed.id))
        self._window.refresher.start([feed.id])

    @Slot()
    def import_opml(self, path: str = "") -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self._window,
                self.tr("Import OPML"),
                str(Path.home()),
                self.tr("OPML files (*.opml *.xml);;All files (*)"),
            )
        if not path:
            return
        # On a thread of its own: a file of 50 000 feeds takes seconds to read and import.
        if not self._window.opml_importer.start(path):
            self._window.messages.warning.emit(self.tr("An OPML import is already under way."))
            return
        self._window.statusBar().showMessage(self.tr("Importing {0}…").format(Path(path).name))

    @Slot(str, int, int)
    def on_import_progress(self, path: str, done: int, total: int) -> None:
        self._window.statusBar().showMessage(
            self.tr("Importing {0}: {1} of {2} feeds…").format(
                Path(path).name, number(done), number(total)
            )
        )

    @Slot(str, object)
    def on_import_finished(self, path: str, report: ImportReport) -> None:
        self._window.refreshing.reload_views()
        self._window.show_library()
        message = self.tr("Imported {0}: {1} added, {2} already present, {3} invalid.").format(
            Path(path).name,
            number(len(report.added)),
            number(len(report.present)),
            number(len(report.invalid)),
        )
        if report.invalid:
            self._window.messages.warning.emit(message)
        else:
            self._window.messages.info.emit(message)
        if report.added:
            self._window.refreshing.refresh_all()

    @Slot(str, object)
    def on_import_failed(self, path: str, error: OSError | ReaderError) -> None:
        self._window.statusBar().clearMessage()
        if isinstance(error, OSError):
            self._window.messages.error.emit(
                self.tr("Cannot read {0}: {1}").format(path, error.strerror or error)
            )
        else:
            self._window.messages.error.emit(str(error))

    @Slot(bool)
    def on_import_running_changed(self, running: bool) -> None:
        self._window.acts.act_import.setEnabled(not running)
        self._window.welcome.import_button.setEnabled(not running)

    @Slot()
    def export_opml(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export OPML"),
            str(Path.home() / "subscriptions.opml"),
            self.tr("OPML files (*.opml)"),
        )
        if not path:
            return
        from reader.core import export_opml, write_atomically
        from reader.ui.overwrite import consent_to_replace

        outlines, folders = self._window.store.export_outlines()
        try:
            # A folder, a pipe or a device is refused, a read-only file replaced if the
            # user agrees.
            consent = consent_to_replace(Path(path), self.ask_replace_read_only)
            if consent is None:
                return
            write_atomically(
                Path(path),
                export_opml(outlines, folders=folders, now=self._window.store.now()),
                replace_read_only=consent,
            )
        except ReaderError as error:
            self._window.messages.error.emit(str(error))
            return
        self._window.messages.info.emit(
            self.tr("Exported {0} to {1}.").format(
                self._window.navigation.feeds_text(len(outlines)), path
            )
        )

    def ask_replace_read_only(self, path: Path) -> bool:
        """Whether to replace the read-only file ``path`` (tests answer it themselves)."""
        from reader.ui.overwrite import ask_replace_read_only

        return ask_replace_read_only(self._window, path)

    @Slot()
    def rename_feed(self) -> None:
        feed_id = self._selected_feed_id()
        if feed_id is None:
            return
        feed = self._window.store.get_feed(feed_id)
        title, ok = QInputDialog.getText(
            self._window,
            self.tr("Rename Feed"),
            self.tr("Title (empty for the feed's own):"),
            QLineEdit.EchoMode.Normal,
            feed.title,
        )
        if ok:
            self._window.library.rename_feed(feed_id, title)

    @Slot()
    def move_feed(self) -> None:
        feed_id = self._selected_feed_id()
        if feed_id is None:
            return
        feed = self._window.store.get_feed(feed_id)
        folders = ["", *("/".join(p) for p in self._window.store.list_folders())]
        folder, ok = QInputDialog.getItem(
            self._window,
            self.tr("Move to Folder"),
            self.tr("Folder (Parent/Child; empty for the top level):"),
            folders,
            folders.index(feed.folder) if feed.folder in folders else 0,
            True,
        )
        if ok:
            self._window.library.move_feed(feed_id, folder or None)
            self._window.feed_view.expandAll()
            self._window.feed_view.setCurrentIndex(self._window.feed_model.index_for_feed(feed_id))

    @Slot()
    def delete_feed(self) -> None:
        feed_id = self._selected_feed_id()
        if feed_id is not None:
            self.remove_feed(feed_id)

    def remove_feed(self, feed_id: int, parent: QWidget | None = None) -> bool:
        """Unsubscribe from a feed once the user agrees (asked above ``parent``, the window by
        default), and offer to remove its folder if it left it empty; False if they did not."""
        from reader.ui import prompts

        asking = parent or self._window
        feed = self._window.store.get_feed(feed_id)
        annotated = self._window.store.annotated_count(feed_id)
        keep = False
        if annotated:
            # Highlights are never lost either way; the question is whether their articles stay.
            choice = prompts.choose(
                asking,
                self.tr("Delete Feed"),
                (
                    self.tr(
                        "“{0}” has %Ln article you highlighted. Keep that article (the feed is "
                        "archived and no longer refreshed), or delete every article? Your "
                        "highlights and notes are kept in both cases.",
                        "",
                        annotated,
                    )
                    if annotated == 1
                    else self.tr(
                        "“{0}” has %Ln articles you highlighted. Keep those articles (the feed "
                        "is archived and no longer refreshed), or delete every article? Your "
                        "highlights and notes are kept in both cases.",
                        "",
                        annotated,
                    )
                ).format(feed.title),
                [
                    ("keep", self.tr("Keep Highlighted Articles")),
                    ("all", self.tr("Delete All Articles")),
                ],
            )
            if choice is None:
                return False
            keep = choice == "keep"
        elif not prompts.confirm(
            asking,
            self.tr("Delete Feed"),
            self.tr("Unsubscribe from “{0}” and delete its {1}?").format(
                feed.title, self._window.navigation.articles_text(feed.total)
            ),
            self.tr("Delete"),
        ):
            return False
        self._window.library.remove_feed(feed_id, keep_annotated=keep)
        folder = feed.folder
        if (
            folder
            and self._window.store.is_empty_folder(folder)
            and self.ask_remove_empty_folder(folder, asking)
        ):
            self._window.library.remove_empty_folder(folder)
        self._window.feed_view.setCurrentIndex(self._window.feed_model.index_for_smart("all"))
        self._window.companions.reload_highlights_window()
        self._window.show_library()
        self._window.messages.info.emit(self.tr("Deleted “{0}”.").format(feed.title))
        return True

    def ask_remove_empty_folder(self, folder: str, parent: QWidget | None = None) -> bool:
        """Whether to remove a folder its last feed just left (tests answer it themselves)."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove Folder"),
            self.tr("The folder “{0}” is now empty. Remove it too?").format(folder),
            QMessageBox.StandardButton.NoButton,
            parent or self._window,
        )
        remove = box.addButton(self.tr("Remove Folder"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("Keep Folder"), QMessageBox.ButtonRole.RejectRole)
        remove.setAccessibleName(remove.text())
        keep.setAccessibleName(keep.text())
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is remove

    @Slot()
    def show_feed_errors(self) -> None:
        from reader.ui.feed_errors_dialog import FeedErrorsDialog

        troubled = [
            f for f in self._window.store.list_feeds() if f.last_error or f.warning or not f.enabled
        ]
        if not troubled:
            self._window.messages.info.emit(self.tr("Every feed refreshed without a problem."))
            return
        dialog = FeedErrorsDialog(troubled, parent=self._window)
        listed = [f.id for f in troubled]

        def show_again() -> None:  # the feeds listed, as they are now
            feeds = {f.id: f for f in self._window.store.list_feeds()}
            dialog.set_feeds([feeds[i] for i in listed if i in feeds])

        def retry(ids: list[int]) -> None:
            if self._window.refresher.start(ids):
                dialog.show_message(self.tr("Refreshing…"))
            else:
                dialog.show_message(self.tr("Wait for the refresh under way to end."), error=True)

        def change_address(feed_id: int, url: str) -> None:
            try:
                self._window.library.set_feed_url(feed_id, url)
            except ReaderError as error:
                dialog.show_message(str(error), error=True)
                return
            show_again()
            retry([feed_id])  # the new address is checked at once

        def remove(feed_id: int) -> None:
            if self.remove_feed(feed_id, parent=dialog):
                listed.remove(feed_id)
                show_again()

        def refreshed() -> None:
            show_again()
            dialog.show_message("")

        dialog.retry_requested.connect(retry)
        dialog.address_changed.connect(change_address)
        dialog.remove_requested.connect(remove)
        self._window.refresher.finished.connect(refreshed)
        try:
            dialog.exec()
        finally:
            self._window.refresher.finished.disconnect(refreshed)
            dialog.deleteLater()

    @Slot(QPoint)
    def on_feed_context_menu(self, pos: QPoint) -> None:
        index = self._window.feed_view.indexAt(pos)
        menu = self.feed_menu(index)
        if menu is not None:
            menu.exec(self._window.feed_view.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def feed_menu(self, index: QModelIndex) -> QMenu | None:
        """The context menu of a row of the feed tree (which it selects); None for rows
        that have none."""
        kind = index.data(FeedRole.NodeKind) if index.isValid() else None
        if kind is None or kind == "tags":
            return None
        self._window.feed_view.setCurrentIndex(index)
        menu = QMenu(self._window)
        if kind == "tag":
            self._window.tag_commands.add_tag_actions(menu, index.data(FeedRole.Tag))
            return menu
        menu.addAction(self._window.acts.act_refresh_selected)
        menu.addAction(self._window.acts.act_mark_all)
        if kind == "feed":
            menu.addSeparator()
            menu.addMenu(self._full_text_menu(int(index.data(FeedRole.FeedId)), menu))
            menu.addSeparator()
            menu.addActions(
                [
                    self._window.acts.act_rename,
                    self._window.acts.act_move,
                    self._window.acts.act_delete,
                ]
            )
            if index.data(FeedRole.Error):
                menu.addAction(self._window.acts.act_errors)
        return menu

    def _full_text_menu(self, feed_id: int, parent: QMenu) -> QMenu:
        """Whether a feed's articles get their full text: off, on, or for teasers only."""
        menu = QMenu(self.tr("F&ull Text"), parent)
        menu.setObjectName("full-text-mode")
        try:
            current = self._window.store.get_feed(feed_id).full_text
        except ReaderError:
            current = "off"
        group = QActionGroup(menu)
        group.setExclusive(True)
        for mode, label in (
            ("off", self.tr("&Off")),
            ("on", self.tr("O&n (Every Article)")),
            ("auto", self.tr("&Automatic (Teasers Only)")),
        ):
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(mode == current)
            action.setData(mode)
            group.addAction(action)
            action.triggered.connect(
                lambda _checked=False, mode=mode: self.set_full_text_mode(feed_id, mode)
            )
        return menu

    def set_full_text_mode(self, feed_id: int, mode: str) -> None:
        """Set whether a feed's articles get their full text, and say what it means."""
        try:
            self._window.library.set_full_text_mode(feed_id, mode)
            title = self._window.store.get_feed(feed_id).title
        except ReaderError as error:
            self._window.messages.warning.emit(str(error))
            return
        if mode == "on":
            text = self.tr(
                "“{0}”: from the next refresh, each new article's full text is fetched from "
                "its page. Fetch Full Text (Shift+F) gets it for an article now."
            )
        elif mode == "auto":
            text = self.tr(
                "“{0}”: from the next refresh, the full text is fetched for articles the feed "
                "gives only as a teaser. Fetch Full Text (Shift+F) gets it for an article now."
            )
        else:
            text = self.tr(
                "“{0}”: full texts are no longer fetched; those already fetched are kept."
            )
        self._window.messages.info.emit(text.format(title))

    def open_dropped(self, mime: QMimeData) -> None:
        """Something dropped on the window: a local file is imported as OPML, a web address
        subscribed to (the first that is either)."""
        urls = mime.urls() if mime.hasUrls() else [QUrl(mime.text().strip())]
        for url in urls:
            if url.isLocalFile():
                self.import_opml(url.toLocalFile())
                break
            if url.scheme() in ("http", "https", "feed"):
                self.add_feed(url.toString())
                break
