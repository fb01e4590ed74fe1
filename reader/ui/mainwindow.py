"""The main window: feeds, articles and the reader side by side, wired in one place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QTreeView,
    QWidget,
)

from reader import paths
from reader.core import Store
from reader.core.errors import ReaderError
from reader.ui.actions import WindowActions
from reader.ui.annotation_panel import AnnotationPanel
from reader.ui.annotations import Annotations
from reader.ui.article_list import DATE_COLUMN, SOURCE_COLUMN, ArticleListModel, ArticleListView
from reader.ui.companions import Companions
from reader.ui.discovery_worker import FeedFinder
from reader.ui.feed_commands import FeedCommands
from reader.ui.feed_tree import FeedTreeDelegate, FeedTreeModel
from reader.ui.fulltext_worker import FullTextController
from reader.ui.icons import app_icon
from reader.ui.library import Library, LibraryChange
from reader.ui.messages import MessageBridge
from reader.ui.navigation import Navigation
from reader.ui.opml_worker import OPMLImporter
from reader.ui.reader_pane import ReaderPane
from reader.ui.reader_view import ReaderView
from reader.ui.refresh_status import RefreshStatus
from reader.ui.refresh_worker import RefreshController
from reader.ui.remote import FeedIconCache, ImageLoader
from reader.ui.screen_fit import fit_to_screen, size_to_screen
from reader.ui.selection_toolbar import SelectionToolbar
from reader.ui.settings import AppSettings, ArticleLayout, Preferences, ViewLayout
from reader.ui.tag_commands import TagCommands
from reader.ui.welcome import WelcomePage
from reader.ui.window_dialogs import WindowDialogs

#: The share of the screen's free area a window takes when it first opens.
FIRST_SIZE_SHARE = 0.9


class MainWindow(QMainWindow):
    """The three-pane reader. Owns the GUI thread's Store; refreshes run on their own thread
    with their own Store on the same file, and the views reload as feeds come in."""

    def __init__(
        self,
        store: Store,
        settings: AppSettings,
        *,
        messages: MessageBridge | None = None,
        demo_library: Callable[[], Path] | None = None,
        cache_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        #: The window's one door to the library, besides annotations.
        self.library = Library(store, self)
        self.settings = settings
        self.messages = messages or MessageBridge(self)
        self.demo_library = demo_library
        self.prefs: Preferences = settings.preferences()
        self.setWindowTitle(self.tr("Press Reader"))
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.view_layout: ViewLayout = settings.view_layout()
        #: The pane sizes of each article layout, kept when switching from one to the other.
        self._layout_states: dict[ArticleLayout, QByteArray] = {}
        self._shown = False

        self.annotations = Annotations(store, self)
        self.feed_model = FeedTreeModel(store, self)
        self.article_model = ArticleListModel(store, self)
        self.refresher = RefreshController(store.path, self)
        self.full_texts = FullTextController(store.path, self)
        self.feed_finder = FeedFinder(self, clock=store.now)
        self.opml_importer = OPMLImporter(store.path, store.now, self)
        cache = cache_dir if cache_dir is not None else paths.cache_dir()
        self.image_loader = ImageLoader(cache / "images", self)
        self.icon_cache = FeedIconCache(cache / "icons", self)
        self._auto_refresh_timer = QTimer(self)
        # The rooms: each owns one part of what the window does (see their modules).
        self.reader_pane = ReaderPane(self)
        self.navigation = Navigation(self)
        self.feed_commands = FeedCommands(self)
        self.tag_commands = TagCommands(self)
        self.refreshing = RefreshStatus(self)
        self.companions = Companions(self)
        self.dialogs = WindowDialogs(self)

        self._build_views()
        self.acts = WindowActions(self)
        self._build_menus_and_toolbar()
        self._build_status_bar()
        self._connect_signals()
        self._restore_state()
        self.apply_preferences()
        self.show_library()

    # -- construction -----------------------------------------------------------------------

    def _build_views(self) -> None:
        self.feed_view = QTreeView()
        self.feed_view.setObjectName("feeds")
        self.feed_view.setAccessibleName(self.tr("Feeds"))
        self.feed_view.setModel(self.feed_model)
        self.feed_view.setItemDelegate(FeedTreeDelegate(self.feed_view))
        self.feed_view.setHeaderHidden(True)
        # Every row is one line of the same font and icon: its height is asked once, not for
        # each of some hundreds of feeds when the tree is expanded at start.
        self.feed_view.setUniformRowHeights(True)
        self.feed_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.feed_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.article_view = ArticleListView()
        self.article_view.setObjectName("articles")
        self.article_view.setAccessibleName(self.tr("Articles"))
        self.article_view.setModel(self.article_model)
        self.article_view.set_column_widths(
            {SOURCE_COLUMN: self.view_layout.source_width, DATE_COLUMN: self.view_layout.date_width}
        )
        header = self.article_view.horizontalHeader()
        # The indicator first: enabling sorting sorts at once by whatever it shows.
        header.setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        self.article_view.setSortingEnabled(True)
        self.article_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self.reader_view = ReaderView()
        self.reader_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.reader_view.setObjectName("reader")
        self.reader_view.setAccessibleName(self.tr("Article"))
        self.selection_toolbar = SelectionToolbar(self.reader_view)
        self.selection_toolbar.attach(self.reader_view)
        self.selection_toolbar.set_colors(self.store.highlights.colors())

        self.annotation_panel = AnnotationPanel(self.store, self.annotations)
        self.annotation_panel.setObjectName("annotations")

        # Three splitters, so that each layout is one orientation: the feeds beside the rest;
        # the articles beside the reading pane (columns) or above it (wide); the reader
        # beside its annotations panel, which takes its room from the reader alone.
        self.reading_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.reading_splitter.setObjectName("reading")
        self.reading_splitter.addWidget(self.reader_view)
        self.reading_splitter.addWidget(self.annotation_panel)
        self.content_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.content_splitter.setObjectName("content")
        self.content_splitter.addWidget(self.article_view)
        self.content_splitter.addWidget(self.reading_splitter)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("panes")
        self.splitter.addWidget(self.feed_view)
        self.splitter.addWidget(self.content_splitter)
        # The feeds and (beside the reader) the articles keep their width when the window
        # grows or shrinks: the reader takes the difference; see _apply_article_layout.
        for splitter, stretches in (
            (self.splitter, (0, 1)),
            (self.content_splitter, (0, 1)),
            (self.reading_splitter, (1, 0)),
        ):
            splitter.setChildrenCollapsible(False)
            for pane, stretch in enumerate(stretches):
                splitter.setStretchFactor(pane, stretch)

        self.welcome = WelcomePage(demo=self.demo_library is not None)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.splitter)
        self.pages.addWidget(self.welcome)
        self.setCentralWidget(self.pages)

    def _build_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.acts.act_add_feed, self.acts.act_import, self.acts.act_export])
        file_menu.addSeparator()
        file_menu.addActions([self.acts.act_new_brief, self.acts.act_open_brief])
        file_menu.addSeparator()
        file_menu.addAction(self.acts.act_demo)
        file_menu.addSeparator()
        file_menu.addAction(self.acts.act_quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.acts.act_undo, self.acts.act_redo])
        feed_menu = bar.addMenu(self.tr("F&eeds"))
        feed_menu.addActions(
            [self.acts.act_refresh, self.acts.act_refresh_selected, self.acts.act_cancel]
        )
        feed_menu.addSeparator()
        feed_menu.addActions([self.acts.act_rename, self.acts.act_move, self.acts.act_delete])
        feed_menu.addSeparator()
        feed_menu.addAction(self.acts.act_errors)
        article_menu = bar.addMenu(self.tr("&Article"))
        article_menu.addActions(
            [self.acts.act_next, self.acts.act_previous, self.acts.act_next_unread]
        )
        article_menu.addSeparator()
        article_menu.addActions([self.acts.act_star, self.acts.act_read, self.acts.act_open])
        article_menu.addActions(
            [
                self.acts.act_highlight,
                self.acts.act_highlight_note,
                self.acts.act_highlight_paragraph,
            ]
        )
        article_menu.addAction(self.acts.act_tag)
        article_menu.addSeparator()
        article_menu.addActions([self.acts.act_fetch_full_text, self.acts.act_feed_version])
        article_menu.addSeparator()
        article_menu.addActions([self.acts.act_mark_all, self.acts.act_search])
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.acts.act_highlights)
        view_menu.addSeparator()
        view_menu.addActions([self.acts.act_layout_columns, self.acts.act_layout_wide])
        view_menu.addAction(self.acts.act_reset_panes)
        view_menu.addSeparator()
        view_menu.addActions([self.acts.act_annotations, self.acts.act_hide_empty_panel])
        settings_menu = bar.addMenu(self.tr("&Settings"))
        settings_menu.addActions([self.acts.act_preferences, self.acts.act_colors])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.acts.act_shortcuts, self.acts.act_about])

        self.toolbar = toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.acts.act_add_feed, self.acts.act_refresh])
        toolbar.addSeparator()
        toolbar.addActions([self.acts.act_mark_all, self.acts.act_star])
        toolbar.addSeparator()
        toolbar.addActions([self.acts.act_tag, self.acts.act_highlights])
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy()
        )
        toolbar.addWidget(spacer)
        self.search_box = self.navigation.make_search_box()
        toolbar.addWidget(self.search_box)
        self.addToolBar(toolbar)
        #: The window width below which the toolbar's buttons lose their text, so that the
        #: search box is not pushed into the toolbar's overflow menu.
        self._toolbar_text_width = toolbar.sizeHint().width() + 16

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.refreshing.build_status_widgets(status)
        self.counts_label = QLabel()
        status.addPermanentWidget(self.counts_label)

    def _connect_signals(self) -> None:
        """Every connection of the window, in one place."""

        self.feed_view.selectionModel().currentChanged.connect(self.navigation.on_feed_selected)
        self.feed_view.customContextMenuRequested.connect(self.feed_commands.on_feed_context_menu)
        self.article_view.selectionModel().currentRowChanged.connect(
            self.navigation.on_article_selected
        )
        self.article_view.customContextMenuRequested.connect(
            self.navigation.on_article_context_menu
        )
        # Enter or a double click on an article (platform rules) opens it in the browser; a
        # window-wide Return shortcut would steal Enter from the search box and dialogs.
        self.article_view.activated.connect(lambda _index: self.navigation.open_in_browser())
        self.article_model.modelReset.connect(self.navigation.update_counts_label)
        self.article_model.sort_applied.connect(self.navigation.on_sort_applied)
        self.reader_view.link_hovered.connect(self.reader_pane.on_link_hovered)
        self.reader_view.customContextMenuRequested.connect(self.reader_pane.on_reader_context_menu)
        self.reader_view.set_image_loader(self.image_loader.image_for)
        self.image_loader.loaded.connect(self.reader_view.on_image_loaded)
        self.feed_model.set_icon_provider(self.icon_cache.icon_for)
        self.icon_cache.icon_ready.connect(self.feed_model.feed_icon_changed)
        self.reader_view.link_refused.connect(
            lambda url: self.messages.warning.emit(
                self.tr("Refused to open {0}: only web and mail links open.").format(url.toString())
            )
        )
        self.search_box.textChanged.connect(lambda _text: self.navigation.search_timer.start())
        self.search_box.returnPressed.connect(self.navigation.run_search)
        self.navigation.search_timer.timeout.connect(self.navigation.run_search)
        self.navigation.mark_read_timer.timeout.connect(self.navigation.on_mark_read_timeout)
        self.refreshing.live_reload_timer.timeout.connect(self.refreshing.reload_views)
        self._auto_refresh_timer.timeout.connect(self.refreshing.refresh_all)
        self.refresher.progress.connect(self.refreshing.on_refresh_progress)
        self.refresher.finished.connect(self.refreshing.on_refresh_finished)
        self.refresher.failed.connect(self.refreshing.on_refresh_failed)
        self.refresher.running_changed.connect(self.refreshing.on_refresh_running_changed)
        self.opml_importer.progress.connect(self.feed_commands.on_import_progress)
        self.opml_importer.finished.connect(self.feed_commands.on_import_finished)
        self.opml_importer.failed.connect(self.feed_commands.on_import_failed)
        self.opml_importer.running_changed.connect(self.feed_commands.on_import_running_changed)
        self.messages.info.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.messages.warning.connect(lambda text: self.statusBar().showMessage(text))
        self.messages.error.connect(self.dialogs.on_error_message)
        self.welcome.add_button.clicked.connect(self.feed_commands.add_feed)
        self.welcome.import_button.clicked.connect(self.feed_commands.import_opml)
        self.welcome.demo_button.clicked.connect(self.open_demo_library)
        self.annotations.changed.connect(self.reader_pane.on_annotations_changed)
        self.library.changed.connect(self.on_library_changed)
        # Another library opened: every view takes its Store, in this order.
        for take in (
            self.annotations.set_store,
            self.annotation_panel.set_store,
            self.companions.on_library_replaced,
            lambda store: self.selection_toolbar.set_colors(store.highlights.colors()),
            self.feed_model.set_store,
            self.article_model.set_store,
        ):
            self.library.replaced.connect(take)
        self.annotations.failed.connect(self.messages.warning)
        self.annotation_panel.highlight_activated.connect(self.reader_pane.go_to_highlight)
        self.reader_view.cursorPositionChanged.connect(self.reader_pane.on_reader_cursor_moved)
        self.selection_toolbar.color_chosen.connect(
            lambda name: self.reader_pane.highlight_selection(color=name)
        )
        self.selection_toolbar.note_requested.connect(self.reader_pane.highlight_with_note)
        self.selection_toolbar.tags_requested.connect(self.reader_pane.highlight_with_tags)
        self.reader_view.full_text_requested.connect(self.reader_pane.request_full_text)
        self.reader_view.version_changed.connect(self.reader_pane.on_reader_version_changed)
        self.full_texts.started.connect(self.reader_pane.on_full_text_started)
        self.full_texts.finished.connect(self.reader_pane.on_full_text_finished)
        self.full_texts.failed.connect(self.reader_pane.on_full_text_failed)

    def _restore_state(self) -> None:
        geometry = self.settings.window_state("geometry")
        if geometry is not None and self.restoreGeometry(geometry):
            fit_to_screen(self)
        else:
            size_to_screen(self, FIRST_SIZE_SHARE)
        state = self.settings.window_state("state")
        if state is not None:
            self.restoreState(state)
        for layout in ArticleLayout:
            saved = self.settings.window_state(f"articles-{layout.value}")
            if saved is not None:
                self._layout_states[layout] = saved
        panes = self.settings.window_state("panes")
        if panes is None or not self.splitter.restoreState(panes):
            self.splitter.setSizes(self._default_pane_sizes())
        reading = self.settings.window_state("reading")
        if reading is None or not self.reading_splitter.restoreState(reading):
            self.reading_splitter.setSizes(self._default_reading_sizes())
        self._apply_article_layout()
        self.reader_pane.update_annotation_panel()

    def save_state(self) -> None:
        """Remember the window's geometry, layout and pane sizes."""
        self.settings.save_window_state("geometry", self.saveGeometry())
        self.settings.save_window_state("state", self.saveState())
        self.settings.save_window_state("panes", self.splitter.saveState())
        self.settings.save_window_state("reading", self.reading_splitter.saveState())
        self._layout_states[self.view_layout.articles] = self.content_splitter.saveState()
        for layout, saved in self._layout_states.items():
            self.settings.save_window_state(f"articles-{layout.value}", saved)
        self.save_view_layout()
        self.settings.qsettings.sync()

    def save_view_layout(self) -> None:
        widths = self.article_view.column_widths()
        self.view_layout.annotation_panel = self.acts.act_annotations.isChecked()
        self.view_layout.hide_empty_panel = self.acts.act_hide_empty_panel.isChecked()
        self.view_layout.source_width = widths.get(SOURCE_COLUMN, 0)
        self.view_layout.date_width = widths.get(DATE_COLUMN, 0)
        self.settings.save_view_layout(self.view_layout)

    # -- layout -----------------------------------------------------------------------------

    def _default_pane_sizes(self) -> list[int]:
        """The feeds' width, then the rest: the feeds do not grow with the window."""
        # Room for a folder's feed (indent, icon, some 20 characters, its count).
        feeds = max(230, min(290, int(self.width() * 0.17)))
        return [feeds, max(1, self.width() - feeds)]

    def _default_content_sizes(self, layout: ArticleLayout) -> list[int]:
        """The article list's share of the content pane, for a layout: above the reader, a
        third of the height; beside it, room for some 50 characters of a bold headline beside
        its source and date (100 average characters in all), or more on a wide window: all
        the reader does not need to show its whole column."""
        if layout == ArticleLayout.WIDE:
            height = max(200, self.height() - 110)  # less the menus, toolbar and status bar
            articles = int(height * 0.38)
            return [articles, height - articles]
        width = max(200, self.width() - self._default_pane_sizes()[0])
        char = self.article_view.fontMetrics().averageCharWidth()
        beside_reader = width - self.reader_view.comfortable_width()
        articles = min(int(width * 0.62), max(char * 100, int(width * 0.42), beside_reader))
        return [articles, width - articles]

    def _default_reading_sizes(self) -> list[int]:
        panel = max(220, self.annotation_panel.fontMetrics().averageCharWidth() * 38)
        return [max(1, self.width() - panel), panel]

    @Slot()
    def reset_pane_sizes(self) -> None:
        """The panes as on a first start at the window's present size."""
        self.splitter.setSizes(self._default_pane_sizes())
        self.content_splitter.setSizes(self._default_content_sizes(self.view_layout.articles))
        self.reading_splitter.setSizes(self._default_reading_sizes())

    @Slot()
    def set_article_layout(self, layout: ArticleLayout) -> None:
        """Put the article list beside the reader or above it; each layout keeps its own
        pane sizes."""
        if layout == self.view_layout.articles:
            self._apply_article_layout()
            return
        self._layout_states[self.view_layout.articles] = self.content_splitter.saveState()
        self.view_layout.articles = layout
        self._apply_article_layout()
        self.save_view_layout()

    def _apply_article_layout(self) -> None:
        layout = self.view_layout.articles
        saved = self._layout_states.get(layout)
        if saved is None or not self.content_splitter.restoreState(saved):
            self.content_splitter.setSizes(self._default_content_sizes(layout))
        # After restoring: a saved state carries its orientation.
        self.content_splitter.setOrientation(
            Qt.Orientation.Vertical if layout == ArticleLayout.WIDE else Qt.Orientation.Horizontal
        )
        # Above the reader, the list takes a third of any new height.
        self.content_splitter.setStretchFactor(0, 1 if layout == ArticleLayout.WIDE else 0)
        action = (
            self.acts.act_layout_wide
            if layout == ArticleLayout.WIDE
            else self.acts.act_layout_columns
        )
        action.setChecked(True)

    def apply_preferences(self) -> None:
        self.reader_view.set_reading_style(self.prefs.reading_style())
        minutes = self.prefs.refresh_interval
        if minutes > 0:
            self._auto_refresh_timer.start(minutes * 60_000)
        else:
            self._auto_refresh_timer.stop()

    def show_library(self) -> None:
        """The welcome page for an empty library, the panes otherwise."""
        has_feeds = self.store.count_feeds() > 0
        self.pages.setCurrentWidget(self.splitter if has_feeds else self.welcome)
        # Reading actions mean nothing on the welcome page.
        for action in (
            *self.acts.reading_actions,
            self.acts.act_export,
            self.acts.act_refresh,
            self.acts.act_refresh_selected,
            self.acts.act_errors,
        ):
            action.setEnabled(
                has_feeds
                and not (
                    self.refresher.running
                    and action in (self.acts.act_refresh, self.acts.act_refresh_selected)
                )
            )
        self.search_box.setEnabled(has_feeds)
        self.reader_pane.update_full_text_actions()
        self.setWindowTitle(
            self.tr("Press Reader — demo library") if self._is_demo() else self.tr("Press Reader")
        )
        if has_feeds and not self.feed_view.currentIndex().isValid():
            self.feed_view.expandAll()
            self.feed_view.setCurrentIndex(self.feed_model.index_for_smart("all"))

    def _is_demo(self) -> bool:
        return self.store.path.parent.name == "demo"

    # -- selection and reading --------------------------------------------------------------

    # -- full text ----------------------------------------------------------------------------

    # -- feeds --------------------------------------------------------------------------------

    # -- refreshing ---------------------------------------------------------------------------

    # -- dialogs, preferences, library --------------------------------------------------------

    @property
    def store(self) -> Store:
        """The open library (read through it; write through :attr:`library`)."""
        return self.library.store

    @Slot(object)
    def on_library_changed(self, change: LibraryChange) -> None:
        """The views follow a write: the feed tree and counts after feeds or read and starred
        states changed, the colours wherever they are shown."""
        if change.feeds:
            self.refreshing.reload_views()
        elif change.article_ids:
            self.feed_model.reload()
            self.navigation.update_counts_label()
        if change.colors:
            self.reader_pane.on_colors_changed()

    @Slot()
    def open_demo_library(self) -> None:
        if self.demo_library is None:
            return
        if self.refresher.running:
            self.messages.info.emit(self.tr("Wait for the refresh to finish first."))
            return
        try:
            self.open_library(self.demo_library())
        except ReaderError as error:
            self.messages.error.emit(str(error))

    def open_library(self, path: Path) -> None:
        """Switch the window to another library file (after the brief composer, which works
        on this one, has closed: it may ask to save first)."""
        if not self.companions.close_brief_composer():
            return
        store = Store(path)
        self.full_texts.set_library(path)  # waits for a fetch under way into the old one
        self.opml_importer.wait()  # an import under way goes into the old one, whole
        self.opml_importer.set_library(path)
        self.reader_view.forget_library()
        self.refresher.set_library(path)
        self.library.replace(store)  # every view takes the new one (see _connect_signals)
        self.reader_pane.show_article(None)
        self.show_library()
        self.navigation.update_counts_label()

    # -- Qt events ----------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.feed_commands.open_dropped(event.mimeData())
        event.acceptProposedAction()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        style = (
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            if event.size().width() >= self._toolbar_text_width
            else Qt.ToolButtonStyle.ToolButtonIconOnly
        )
        if self.toolbar.toolButtonStyle() != style:
            self.toolbar.setToolButtonStyle(style)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            # Now that the window has its frame, the frame too must fit the screen.
            self._shown = True
            fit_to_screen(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.companions.close_brief_composer():
            event.ignore()
            return
        self.save_state()
        if self.refresher.running:
            self.refresher.cancel()
            self.refresher.wait()
        self.full_texts.stop()
        self.feed_finder.stop()
        self.opml_importer.wait()  # one transaction: let it commit rather than lose it
        # Both stop before either waits, so the two waits overlap.
        self.image_loader.stop()
        self.icon_cache.stop()
        self.image_loader.close()
        self.icon_cache.close()
        super().closeEvent(event)
