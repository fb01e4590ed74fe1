"""The main window's actions: every command with its text, keys, icon and tip, made once and
connected to the room that carries it out; and the shortcut list read back from them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QKeySequence,
)

from reader.ui.icons import icon
from reader.ui.keys import Shortcut, key_sequences, shortcut_text
from reader.ui.settings import ArticleLayout

if TYPE_CHECKING:
    from reader.ui.mainwindow import MainWindow


class WindowActions(QObject):
    """Every QAction of the main window (they belong to the window, so their shortcuts work
    anywhere in it), and the groups the window enables and lists together."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._build_actions()

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        *shortcuts: Shortcut,
        icon_name: str | None = None,
        tip: str | None = None,
    ) -> QAction:
        action = QAction(text, self._window)
        if icon_name:
            action.setIcon(icon(icon_name))
        keys = key_sequences(*shortcuts)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self._window.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.act_add_feed = a(
            self.tr("&Add Feed…"),
            self._window.feed_commands.add_feed,
            QKeySequence.StandardKey.New,
            icon_name="add-feed",
            tip=self.tr("Subscribe to a news feed"),
        )
        self.act_import = a(
            self.tr("&Import OPML…"), self._window.feed_commands.import_opml, icon_name="import"
        )
        self.act_export = a(
            self.tr("&Export OPML…"), self._window.feed_commands.export_opml, icon_name="export"
        )
        self.act_new_brief = a(self.tr("New &Brief…"), self._window.companions.new_brief, "Ctrl+B")
        self.act_open_brief = a(self.tr("Open B&rief…"), self._window.companions.open_brief)
        self.act_demo = a(
            self.tr("Open &Demo Library"), self._window.open_demo_library, icon_name="app"
        )
        self.act_demo.setEnabled(self._window.demo_library is not None)
        # Some platforms bind no key to Quit.
        self.act_quit = a(
            self.tr("&Quit"), self._window.close, QKeySequence.StandardKey.Quit, "Ctrl+Q"
        )

        self.act_refresh = a(
            self.tr("&Refresh All"),
            self._window.refreshing.refresh_all,
            "R",
            QKeySequence.StandardKey.Refresh,
            icon_name="refresh",
            tip=self.tr("Fetch new articles from every feed"),
        )
        self.act_refresh_selected = a(
            self.tr("Refresh &Selected"), self._window.refreshing.refresh_selected, "Shift+R"
        )
        self.act_cancel = a(
            self.tr("&Cancel Refresh"), self._window.refresher.cancel, icon_name="cancel"
        )
        self.act_cancel.setEnabled(False)
        self.act_rename = a(self.tr("Re&name Feed…"), self._window.feed_commands.rename_feed, "F2")
        self.act_move = a(self.tr("&Move to Folder…"), self._window.feed_commands.move_feed)
        self.act_delete = a(self.tr("&Delete Feed…"), self._window.feed_commands.delete_feed)
        self.act_errors = a(
            self.tr("Feed &Problems…"),
            self._window.feed_commands.show_feed_errors,
            icon_name="error",
        )

        self.act_next = a(self.tr("&Next Article"), self._window.navigation.next_article, "J")
        self.act_previous = a(
            self.tr("&Previous Article"), self._window.navigation.previous_article, "K"
        )
        self.act_next_unread = a(
            self.tr("Next &Unread Article"), self._window.navigation.next_unread, "N"
        )
        self.act_star = a(
            self.tr("&Star"), self._window.navigation.toggle_star, "S", icon_name="star"
        )
        self.act_read = a(
            self.tr("Toggle &Read"), self._window.navigation.toggle_read, "M", icon_name="mark-read"
        )
        self.act_open = a(
            self.tr("&Open in Browser"),
            self._window.navigation.open_in_browser,
            "O",
            icon_name="open-browser",
        )
        self.act_fetch_full_text = a(
            self.tr("Fetch &Full Text"),
            self._window.reader_pane.fetch_full_text,
            "Shift+F",
            tip=self.tr("Download the article's page and show its full text"),
        )
        self.act_feed_version = a(
            self.tr("Show Feed &Version"),
            self._window.reader_pane.toggle_feed_version,
            "Shift+V",
            tip=self.tr("Switch between the full text and the article as the feed gives it"),
        )
        self.act_feed_version.setCheckable(True)
        self.act_highlight = a(
            self.tr("&Highlight Selection"),
            self._window.reader_pane.highlight_selection,
            "H",
            tip=self.tr("Highlight the selected passage of the article"),
        )
        self.act_highlight_note = a(
            self.tr("Highlight and Add &Note…"),
            self._window.reader_pane.highlight_with_note,
            "Shift+H",
            tip=self.tr("Highlight the selected passage and write a note on it"),
        )
        self.act_highlight_paragraph = a(
            self.tr("Highlight Para&graph"),
            self._window.reader_pane.highlight_paragraph,
            "P",
            tip=self.tr("Highlight the paragraph holding the text cursor"),
        )
        self.act_tag = a(
            self.tr("&Tag Article…"),
            self._window.tag_commands.tag_article,
            "T",
            icon_name="tag",
            tip=self.tr("Add or remove the article's tags"),
        )
        self.act_highlights = a(
            self.tr("All &Highlights"),
            self._window.companions.show_highlights,
            "Ctrl+Shift+H",
            icon_name="highlights",
            tip=self.tr("Every highlight of the library, to filter and go back to"),
        )
        self.act_annotations = a(
            self.tr("&Annotations Panel"),
            self._window.reader_pane.toggle_annotation_panel,
            "Ctrl+Shift+N",
        )
        self.act_annotations.setCheckable(True)
        self.act_annotations.setChecked(self._window.view_layout.annotation_panel)
        self.act_hide_empty_panel = a(
            self.tr("Hide the Panel &Without Highlights"),
            self._window.reader_pane.update_annotation_panel,
            tip=self.tr("Show the annotations panel only beside an article with highlights"),
        )
        self.act_hide_empty_panel.setCheckable(True)
        self.act_reset_panes = a(
            self.tr("&Reset Pane Sizes"),
            self._window.reset_pane_sizes,
            tip=self.tr("Size the panes to the window, as on a first start"),
        )
        self.act_hide_empty_panel.setChecked(self._window.view_layout.hide_empty_panel)
        self.layout_group = QActionGroup(self._window)
        self.layout_group.setExclusive(True)
        self.act_layout_columns = a(
            self.tr("Articles &Beside the Reader"),
            lambda: self._window.set_article_layout(ArticleLayout.COLUMNS),
            tip=self.tr("Feeds, articles and the reader side by side"),
        )
        self.act_layout_wide = a(
            self.tr("Articles Ab&ove the Reader"),
            lambda: self._window.set_article_layout(ArticleLayout.WIDE),
            tip=self.tr("The article list above the reader, both as wide as the window"),
        )
        for action, layout in (
            (self.act_layout_columns, ArticleLayout.COLUMNS),
            (self.act_layout_wide, ArticleLayout.WIDE),
        ):
            action.setCheckable(True)
            action.setChecked(layout == self._window.view_layout.articles)
            self.layout_group.addAction(action)
        self.act_colors = a(
            self.tr("Highlight &Colours…"), self._window.reader_pane.edit_highlight_colors
        )
        stack = self._window.annotations.undo_stack
        self.act_undo = stack.createUndoAction(self._window, self.tr("&Undo"))
        self.act_undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        self.act_redo = stack.createRedoAction(self._window, self.tr("&Redo"))
        self.act_redo.setShortcuts(
            [
                *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
                *[QKeySequence(k) for k in ("Ctrl+Shift+Z", "Ctrl+Y")],
            ]
        )
        for action in (self.act_undo, self.act_redo):
            action.setShortcuts(list(dict.fromkeys(action.shortcuts())))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self._window.addAction(action)
        self.act_mark_all = a(
            self.tr("Mark &All as Read"),
            self._window.navigation.mark_all_read,
            "Ctrl+Shift+A",
            icon_name="mark-read",
            tip=self.tr("Mark every article in this view read"),
        )
        self.act_search = a(
            self.tr("&Search"),
            self._window.navigation.focus_search,
            "/",
            QKeySequence.StandardKey.Find,
            icon_name="search",
        )
        self.act_preferences = a(
            self.tr("&Preferences…"),
            self._window.dialogs.edit_preferences,
            QKeySequence.StandardKey.Preferences,
            "Ctrl+,",
            icon_name="settings",
        )
        self.act_shortcuts = a(
            self.tr("&Keyboard Shortcuts"), self._window.dialogs.show_shortcuts, "?", "F1"
        )
        self.act_about = a(self.tr("&About Press Reader"), self._window.dialogs.show_about)
        #: What acts on the articles being read: listed first in the shortcuts dialog, and
        #: disabled while the library is empty.
        self.reading_actions = (
            self.act_next,
            self.act_previous,
            self.act_next_unread,
            self.act_star,
            self.act_read,
            self.act_open,
            self.act_highlight,
            self.act_highlight_note,
            self.act_highlight_paragraph,
            self.act_tag,
            self.act_highlights,
            self.act_mark_all,
            self.act_search,
        )

    def shortcut_list(self) -> list[tuple[str, str]]:
        """(keys, what they do) for the shortcuts dialog, read from the actions themselves."""
        rows = []
        for action in (
            *self.reading_actions,
            self.act_fetch_full_text,
            self.act_feed_version,
            self.act_undo,
            self.act_redo,
            self.act_annotations,
            self.act_refresh,
            self.act_refresh_selected,
            self.act_add_feed,
            self.act_rename,
            self.act_preferences,
            self.act_shortcuts,
            self.act_quit,
        ):
            extra = [QKeySequence("Return")] if action is self.act_open else []
            keys = shortcut_text([*action.shortcuts(), *extra])
            label = action.text().replace("&", "").rstrip("…")
            if action is self.act_undo:
                label = self.tr("Undo the last change to highlights, notes or tags")
            elif action is self.act_redo:
                label = self.tr("Redo")
            rows.append((keys, label))
        return rows
