"""The main window: feeds, articles and the reader side by side, wired in one place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QModelIndex, QPoint, QRect, QSize, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader import __version__, paths
from reader.core import Store
from reader.core.errors import ReaderError
from reader.core.types import Article, Highlight
from reader.ui.annotation_panel import AnnotationPanel
from reader.ui.annotations import Annotations, Change, shorten
from reader.ui.article_list import (
    DATE_COLUMN,
    SOURCE_COLUMN,
    ArticleListModel,
    ArticleListView,
)
from reader.ui.discovery_worker import FeedFinder
from reader.ui.feed_tree import FeedRole, FeedTreeDelegate, FeedTreeModel
from reader.ui.fulltext_worker import FullTextController
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
from reader.ui.i18n import number, short_date_time
from reader.ui.icons import app_icon, icon
from reader.ui.keys import Shortcut, key_sequences, shortcut_text
from reader.ui.messages import MessageBridge
from reader.ui.opml_worker import OPMLImporter
from reader.ui.reader_view import ReaderView
from reader.ui.remote import FeedIconCache, ImageLoader
from reader.ui.search_marks import search_selections
from reader.ui.selection_toolbar import SelectionToolbar
from reader.ui.settings import (
    AppSettings,
    ArticleLayout,
    Preferences,
    ReadingStyle,
    ViewLayout,
)
from reader.ui.workers import RefreshController

if TYPE_CHECKING:
    from reader.core.types import ImportReport, RefreshProgress, RefreshSummary
    from reader.ui.brief_composer import BriefComposer
    from reader.ui.highlights_view import HighlightsWindow

#: How often the views catch up with a refresh that is bringing articles in.
LIVE_RELOAD_MS = 700
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
        self.store = store
        self.settings = settings
        self.messages = messages or MessageBridge(self)
        self._demo_library = demo_library
        self.prefs: Preferences = settings.preferences()
        self._current_article: Article | None = None
        #: The current article's highlights as painted, to find the one under a click.
        self._painted: list[PaintedHighlight] = []
        self._highlights_window: HighlightsWindow | None = None
        #: The brief being composed: one composer at a time.
        self._brief_composer: BriefComposer | None = None
        #: What the last reload found of the open article, when its feed rewrote it.
        self._rewrite_notice: str | None = None

        self.setWindowTitle(self.tr("Press Reader"))
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self._layout: ViewLayout = settings.view_layout()
        #: The pane sizes of each article layout, kept when switching from one to the other.
        self._layout_states: dict[ArticleLayout, QByteArray] = {}
        #: The user asked for the annotations panel on this article, highlights or not.
        self._panel_forced = False
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
        self._mark_read_timer = QTimer(self, singleShot=True)
        self._live_reload_timer = QTimer(self, singleShot=True, interval=LIVE_RELOAD_MS)
        self._auto_refresh_timer = QTimer(self)

        self._build_views()
        self._build_actions()
        self._build_menus_and_toolbar()
        self._build_status_bar()
        self._connect_signals()
        self._restore_state()
        self._apply_preferences()
        self._show_library()

    # -- construction -----------------------------------------------------------------------

    def _build_views(self) -> None:
        self.feed_view = QTreeView()
        self.feed_view.setObjectName("feeds")
        self.feed_view.setAccessibleName(self.tr("Feeds"))
        self.feed_view.setModel(self.feed_model)
        self.feed_view.setItemDelegate(FeedTreeDelegate(self.feed_view))
        self.feed_view.setHeaderHidden(True)
        self.feed_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.feed_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.article_view = ArticleListView()
        self.article_view.setObjectName("articles")
        self.article_view.setAccessibleName(self.tr("Articles"))
        self.article_view.setModel(self.article_model)
        self.article_view.set_column_widths(
            {SOURCE_COLUMN: self._layout.source_width, DATE_COLUMN: self._layout.date_width}
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

        self.welcome = self._build_welcome()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.splitter)
        self.pages.addWidget(self.welcome)
        self.setCentralWidget(self.pages)

    def _build_welcome(self) -> QWidget:
        page = QWidget()
        page.setObjectName("welcome")
        layout = QVBoxLayout(page)
        layout.addStretch(2)
        title = QLabel(self.tr("Welcome to Press Reader"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            self.tr(
                "Follow the press you read every morning: subscribe to a news feed, import the "
                "OPML list exported by another reader, or look around the demo library first."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A wrapped label given only a maximum width is laid out at its narrow size hint
        # and clipped; a fixed width lets it compute the height its lines need.
        text.setFixedWidth(540)
        text.setMinimumHeight(text.heightForWidth(540))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.welcome_add = QPushButton(icon("add-feed"), self.tr("Add feed…"))
        self.welcome_import = QPushButton(icon("import"), self.tr("Import OPML…"))
        self.welcome_demo = QPushButton(icon("app"), self.tr("Open demo library"))
        for button in (self.welcome_add, self.welcome_import, self.welcome_demo):
            button.setMinimumHeight(36)
            button.setAccessibleName(button.text().rstrip("…"))
            buttons.addWidget(button)
        self.welcome_demo.setVisible(self._demo_library is not None)
        buttons.addStretch(1)
        layout.addWidget(title)
        layout.addSpacing(8)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(20)
        layout.addLayout(buttons)
        layout.addStretch(3)
        return page

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        *shortcuts: Shortcut,
        icon_name: str | None = None,
        tip: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        keys = key_sequences(*shortcuts)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.act_add_feed = a(
            self.tr("&Add Feed…"),
            self.add_feed,
            QKeySequence.StandardKey.New,
            icon_name="add-feed",
            tip=self.tr("Subscribe to a news feed"),
        )
        self.act_import = a(self.tr("&Import OPML…"), self.import_opml, icon_name="import")
        self.act_export = a(self.tr("&Export OPML…"), self.export_opml, icon_name="export")
        self.act_new_brief = a(self.tr("New &Brief…"), self.new_brief, "Ctrl+B")
        self.act_open_brief = a(self.tr("Open B&rief…"), self.open_brief)
        self.act_demo = a(self.tr("Open &Demo Library"), self.open_demo_library, icon_name="app")
        self.act_demo.setEnabled(self._demo_library is not None)
        # Some platforms bind no key to Quit.
        self.act_quit = a(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "Ctrl+Q")

        self.act_refresh = a(
            self.tr("&Refresh All"),
            self.refresh_all,
            "R",
            QKeySequence.StandardKey.Refresh,
            icon_name="refresh",
            tip=self.tr("Fetch new articles from every feed"),
        )
        self.act_refresh_selected = a(
            self.tr("Refresh &Selected"), self.refresh_selected, "Shift+R"
        )
        self.act_cancel = a(self.tr("&Cancel Refresh"), self.refresher.cancel, icon_name="cancel")
        self.act_cancel.setEnabled(False)
        self.act_rename = a(self.tr("Re&name Feed…"), self.rename_feed, "F2")
        self.act_move = a(self.tr("&Move to Folder…"), self.move_feed)
        self.act_delete = a(self.tr("&Delete Feed…"), self.delete_feed)
        self.act_errors = a(self.tr("Feed &Problems…"), self.show_feed_errors, icon_name="error")

        self.act_next = a(self.tr("&Next Article"), self.next_article, "J")
        self.act_previous = a(self.tr("&Previous Article"), self.previous_article, "K")
        self.act_next_unread = a(self.tr("Next &Unread Article"), self.next_unread, "N")
        self.act_star = a(self.tr("&Star"), self.toggle_star, "S", icon_name="star")
        self.act_read = a(self.tr("Toggle &Read"), self.toggle_read, "M", icon_name="mark-read")
        self.act_open = a(
            self.tr("&Open in Browser"), self.open_in_browser, "O", icon_name="open-browser"
        )
        self.act_fetch_full_text = a(
            self.tr("Fetch &Full Text"),
            self.fetch_full_text,
            "Shift+F",
            tip=self.tr("Download the article's page and show its full text"),
        )
        self.act_feed_version = a(
            self.tr("Show Feed &Version"),
            self.toggle_feed_version,
            "Shift+V",
            tip=self.tr("Switch between the full text and the article as the feed gives it"),
        )
        self.act_feed_version.setCheckable(True)
        self.act_highlight = a(
            self.tr("&Highlight Selection"),
            self.highlight_selection,
            "H",
            tip=self.tr("Highlight the selected passage of the article"),
        )
        self.act_highlight_note = a(
            self.tr("Highlight and Add &Note…"),
            self.highlight_with_note,
            "Shift+H",
            tip=self.tr("Highlight the selected passage and write a note on it"),
        )
        self.act_highlight_paragraph = a(
            self.tr("Highlight Para&graph"),
            self.highlight_paragraph,
            "P",
            tip=self.tr("Highlight the paragraph holding the text cursor"),
        )
        self.act_tag = a(
            self.tr("&Tag Article…"),
            self.tag_article,
            "T",
            icon_name="tag",
            tip=self.tr("Add or remove the article's tags"),
        )
        self.act_highlights = a(
            self.tr("All &Highlights"),
            self.show_highlights,
            "Ctrl+Shift+H",
            icon_name="highlights",
            tip=self.tr("Every highlight of the library, to filter and go back to"),
        )
        self.act_annotations = a(
            self.tr("&Annotations Panel"), self.toggle_annotation_panel, "Ctrl+Shift+N"
        )
        self.act_annotations.setCheckable(True)
        self.act_annotations.setChecked(self._layout.annotation_panel)
        self.act_hide_empty_panel = a(
            self.tr("Hide the Panel &Without Highlights"),
            self.update_annotation_panel,
            tip=self.tr("Show the annotations panel only beside an article with highlights"),
        )
        self.act_hide_empty_panel.setCheckable(True)
        self.act_reset_panes = a(
            self.tr("&Reset Pane Sizes"),
            self.reset_pane_sizes,
            tip=self.tr("Size the panes to the window, as on a first start"),
        )
        self.act_hide_empty_panel.setChecked(self._layout.hide_empty_panel)
        self.layout_group = QActionGroup(self)
        self.layout_group.setExclusive(True)
        self.act_layout_columns = a(
            self.tr("Articles &Beside the Reader"),
            lambda: self.set_article_layout(ArticleLayout.COLUMNS),
            tip=self.tr("Feeds, articles and the reader side by side"),
        )
        self.act_layout_wide = a(
            self.tr("Articles Ab&ove the Reader"),
            lambda: self.set_article_layout(ArticleLayout.WIDE),
            tip=self.tr("The article list above the reader, both as wide as the window"),
        )
        for action, layout in (
            (self.act_layout_columns, ArticleLayout.COLUMNS),
            (self.act_layout_wide, ArticleLayout.WIDE),
        ):
            action.setCheckable(True)
            action.setChecked(layout == self._layout.articles)
            self.layout_group.addAction(action)
        self.act_colors = a(self.tr("Highlight &Colours…"), self.edit_highlight_colors)
        stack = self.annotations.undo_stack
        self.act_undo = stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        self.act_redo = stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcuts(
            [
                *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
                *[QKeySequence(k) for k in ("Ctrl+Shift+Z", "Ctrl+Y")],
            ]
        )
        for action in (self.act_undo, self.act_redo):
            action.setShortcuts(list(dict.fromkeys(action.shortcuts())))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        self.act_mark_all = a(
            self.tr("Mark &All as Read"),
            self.mark_all_read,
            "Ctrl+Shift+A",
            icon_name="mark-read",
            tip=self.tr("Mark every article in this view read"),
        )
        self.act_search = a(
            self.tr("&Search"),
            self.focus_search,
            "/",
            QKeySequence.StandardKey.Find,
            icon_name="search",
        )
        self.act_preferences = a(
            self.tr("&Preferences…"),
            self.edit_preferences,
            QKeySequence.StandardKey.Preferences,
            "Ctrl+,",
            icon_name="settings",
        )
        self.act_shortcuts = a(self.tr("&Keyboard Shortcuts"), self.show_shortcuts, "?", "F1")
        self.act_about = a(self.tr("&About Press Reader"), self.show_about)
        #: What acts on the articles being read: listed first in the shortcuts dialog, and
        #: disabled while the library is empty.
        self._reading_actions = (
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
            *self._reading_actions,
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

    def _build_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.act_add_feed, self.act_import, self.act_export])
        file_menu.addSeparator()
        file_menu.addActions([self.act_new_brief, self.act_open_brief])
        file_menu.addSeparator()
        file_menu.addAction(self.act_demo)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.act_undo, self.act_redo])
        feed_menu = bar.addMenu(self.tr("F&eeds"))
        feed_menu.addActions([self.act_refresh, self.act_refresh_selected, self.act_cancel])
        feed_menu.addSeparator()
        feed_menu.addActions([self.act_rename, self.act_move, self.act_delete])
        feed_menu.addSeparator()
        feed_menu.addAction(self.act_errors)
        article_menu = bar.addMenu(self.tr("&Article"))
        article_menu.addActions([self.act_next, self.act_previous, self.act_next_unread])
        article_menu.addSeparator()
        article_menu.addActions([self.act_star, self.act_read, self.act_open])
        article_menu.addActions(
            [self.act_highlight, self.act_highlight_note, self.act_highlight_paragraph]
        )
        article_menu.addAction(self.act_tag)
        article_menu.addSeparator()
        article_menu.addActions([self.act_fetch_full_text, self.act_feed_version])
        article_menu.addSeparator()
        article_menu.addActions([self.act_mark_all, self.act_search])
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.act_highlights)
        view_menu.addSeparator()
        view_menu.addActions([self.act_layout_columns, self.act_layout_wide])
        view_menu.addAction(self.act_reset_panes)
        view_menu.addSeparator()
        view_menu.addActions([self.act_annotations, self.act_hide_empty_panel])
        settings_menu = bar.addMenu(self.tr("&Settings"))
        settings_menu.addActions([self.act_preferences, self.act_colors])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.act_shortcuts, self.act_about])

        self.toolbar = toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.act_add_feed, self.act_refresh])
        toolbar.addSeparator()
        toolbar.addActions([self.act_mark_all, self.act_star])
        toolbar.addSeparator()
        toolbar.addActions([self.act_tag, self.act_highlights])
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy()
        )
        toolbar.addWidget(spacer)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("search")
        self.search_box.setAccessibleName(self.tr("Search articles"))
        self.search_box.setPlaceholderText(self.tr("Search articles (/)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        # Wide enough for a few words; the toolbar must not hold a small screen's window wider
        # than the screen (its buttons go into the extension menu, the box does not).
        self.search_box.setMinimumWidth(self.search_box.fontMetrics().horizontalAdvance("x" * 20))
        self.search_box.setMaximumWidth(self.search_box.fontMetrics().horizontalAdvance("x" * 48))
        toolbar.addWidget(self.search_box)
        self.addToolBar(toolbar)
        #: The window width below which the toolbar's buttons lose their text, so that the
        #: search box is not pushed into the toolbar's overflow menu.
        self._toolbar_text_width = toolbar.sizeHint().width() + 16
        self._search_timer = QTimer(self, singleShot=True, interval=250)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.progress = QProgressBar()
        self.progress.setObjectName("refresh-progress")
        self.progress.setAccessibleName(self.tr("Refresh progress"))
        self.progress.setMaximumWidth(260)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QToolButton()
        self.cancel_button.setDefaultAction(self.act_cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel refresh"))
        self.cancel_button.hide()
        self.counts_label = QLabel()
        # What the refresh is doing, then what it did: a widget of the bar, not a temporary
        # message, so a menu's status tip passing over it does not wipe the summary away.
        self.refresh_status = QLabel()
        self.refresh_status.setObjectName("refresh-status")
        self.refresh_status.setTextFormat(Qt.TextFormat.PlainText)  # feed titles are hostile
        # Cut rather than widen the window; the tooltip has the whole text.
        self.refresh_status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        status.addWidget(self.refresh_status, 1)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)
        status.addPermanentWidget(self.counts_label)

    def _connect_signals(self) -> None:
        """Every connection of the window, in one place."""

        self.feed_view.selectionModel().currentChanged.connect(self.on_feed_selected)
        self.feed_view.customContextMenuRequested.connect(self.on_feed_context_menu)
        self.article_view.selectionModel().currentRowChanged.connect(self.on_article_selected)
        self.article_view.customContextMenuRequested.connect(self.on_article_context_menu)
        # Enter or a double click on an article (platform rules) opens it in the browser; a
        # window-wide Return shortcut would steal Enter from the search box and dialogs.
        self.article_view.activated.connect(lambda _index: self.open_in_browser())
        self.article_model.modelReset.connect(self._update_counts_label)
        self.article_model.sort_applied.connect(self.on_sort_applied)
        self.reader_view.link_hovered.connect(self.on_link_hovered)
        self.reader_view.customContextMenuRequested.connect(self.on_reader_context_menu)
        self.reader_view.set_image_loader(self.image_loader.image_for)
        self.image_loader.loaded.connect(self.reader_view.on_image_loaded)
        self.feed_model.set_icon_provider(self.icon_cache.icon_for)
        self.icon_cache.icon_ready.connect(self.feed_model.feed_icon_changed)
        self.reader_view.link_refused.connect(
            lambda url: self.messages.warning.emit(
                self.tr("Refused to open {0}: only web and mail links open.").format(url.toString())
            )
        )
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_box.returnPressed.connect(self.run_search)
        self._search_timer.timeout.connect(self.run_search)
        self._mark_read_timer.timeout.connect(self.on_mark_read_timeout)
        self._live_reload_timer.timeout.connect(self.reload_views)
        self._auto_refresh_timer.timeout.connect(self.refresh_all)
        self.refresher.progress.connect(self.on_refresh_progress)
        self.refresher.finished.connect(self.on_refresh_finished)
        self.refresher.failed.connect(self.on_refresh_failed)
        self.refresher.running_changed.connect(self.on_refresh_running_changed)
        self.opml_importer.progress.connect(self.on_import_progress)
        self.opml_importer.finished.connect(self.on_import_finished)
        self.opml_importer.failed.connect(self.on_import_failed)
        self.opml_importer.running_changed.connect(self.on_import_running_changed)
        self.messages.info.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.messages.warning.connect(lambda text: self.statusBar().showMessage(text))
        self.messages.error.connect(self.on_error_message)
        self.welcome_add.clicked.connect(self.add_feed)
        self.welcome_import.clicked.connect(self.import_opml)
        self.welcome_demo.clicked.connect(self.open_demo_library)
        self.annotations.changed.connect(self.on_annotations_changed)
        self.annotations.failed.connect(self.messages.warning)
        self.annotation_panel.highlightActivated.connect(self.go_to_highlight)
        self.reader_view.cursorPositionChanged.connect(self.on_reader_cursor_moved)
        self.selection_toolbar.colorChosen.connect(
            lambda name: self.highlight_selection(color=name)
        )
        self.selection_toolbar.noteRequested.connect(self.highlight_with_note)
        self.selection_toolbar.tagsRequested.connect(self.highlight_with_tags)
        self.reader_view.full_text_requested.connect(self.request_full_text)
        self.reader_view.version_changed.connect(self.on_reader_version_changed)
        self.full_texts.started.connect(self.on_full_text_started)
        self.full_texts.finished.connect(self.on_full_text_finished)
        self.full_texts.failed.connect(self.on_full_text_failed)

    def _restore_state(self) -> None:
        geometry = self.settings.window_state("geometry")
        if geometry is not None and self.restoreGeometry(geometry):
            self._fit_to_screen()
        else:
            self._size_to_screen()
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
        self.update_annotation_panel()

    def save_state(self) -> None:
        """Remember the window's geometry, layout and pane sizes."""
        self.settings.save_window_state("geometry", self.saveGeometry())
        self.settings.save_window_state("state", self.saveState())
        self.settings.save_window_state("panes", self.splitter.saveState())
        self.settings.save_window_state("reading", self.reading_splitter.saveState())
        self._layout_states[self._layout.articles] = self.content_splitter.saveState()
        for layout, saved in self._layout_states.items():
            self.settings.save_window_state(f"articles-{layout.value}", saved)
        self._save_view_layout()
        self.settings.qsettings.sync()

    def _save_view_layout(self) -> None:
        widths = self.article_view.column_widths()
        self._layout.annotation_panel = self.act_annotations.isChecked()
        self._layout.hide_empty_panel = self.act_hide_empty_panel.isChecked()
        self._layout.source_width = widths.get(SOURCE_COLUMN, 0)
        self._layout.date_width = widths.get(DATE_COLUMN, 0)
        self.settings.save_view_layout(self._layout)

    # -- layout -----------------------------------------------------------------------------

    def _screen_area(self) -> QRect:
        """The free area (without panels and docks) of the screen the window is on."""
        screen = QGuiApplication.screenAt(self.geometry().center()) or self.screen()
        return screen.availableGeometry()

    def _size_to_screen(self) -> None:
        """A first start: most of the screen's free area, centred on it."""
        area = self._screen_area()
        size = QSize(int(area.width() * FIRST_SIZE_SHARE), int(area.height() * FIRST_SIZE_SHARE))
        rect = QRect(QPoint(0, 0), size.boundedTo(area.size()))
        rect.moveCenter(area.center())
        self.setGeometry(rect)

    def _fit_to_screen(self) -> None:
        """Restored geometry kept within the free area of the screen it lands on (the screen
        may be smaller than the one the window was closed on), frame included once the
        window has one."""
        if self.isMaximized() or self.isFullScreen():
            return
        area = self._screen_area()
        geometry, frame = self.geometry(), self.frameGeometry()
        # The frame's edges: nothing before the window is first shown.
        left_edge, top_edge = geometry.left() - frame.left(), geometry.top() - frame.top()
        extra = frame.size() - geometry.size()
        size = geometry.size().boundedTo(area.size() - extra)
        width, height = size.width() + extra.width(), size.height() + extra.height()
        left = min(max(frame.left(), area.left()), area.left() + area.width() - width)
        top = min(max(frame.top(), area.top()), area.top() + area.height() - height)
        fitted = QRect(QPoint(left + left_edge, top + top_edge), size)
        if fitted != geometry:
            self.setGeometry(fitted)

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
        self.content_splitter.setSizes(self._default_content_sizes(self._layout.articles))
        self.reading_splitter.setSizes(self._default_reading_sizes())

    @Slot()
    def set_article_layout(self, layout: ArticleLayout) -> None:
        """Put the article list beside the reader or above it; each layout keeps its own
        pane sizes."""
        if layout == self._layout.articles:
            self._apply_article_layout()
            return
        self._layout_states[self._layout.articles] = self.content_splitter.saveState()
        self._layout.articles = layout
        self._apply_article_layout()
        self._save_view_layout()

    def _apply_article_layout(self) -> None:
        layout = self._layout.articles
        saved = self._layout_states.get(layout)
        if saved is None or not self.content_splitter.restoreState(saved):
            self.content_splitter.setSizes(self._default_content_sizes(layout))
        # After restoring: a saved state carries its orientation.
        self.content_splitter.setOrientation(
            Qt.Orientation.Vertical if layout == ArticleLayout.WIDE else Qt.Orientation.Horizontal
        )
        # Above the reader, the list takes a third of any new height.
        self.content_splitter.setStretchFactor(0, 1 if layout == ArticleLayout.WIDE else 0)
        action = self.act_layout_wide if layout == ArticleLayout.WIDE else self.act_layout_columns
        action.setChecked(True)

    @Slot()
    def update_annotation_panel(self) -> None:
        """Show the annotations panel when the View menu asks for it, unless it steps aside
        for an article without highlights (and the user did not ask for it on this one)."""
        panel = self.annotation_panel
        visible = self.act_annotations.isChecked() and (
            self._panel_forced
            or not self.act_hide_empty_panel.isChecked()
            or bool(panel.model.highlights())
        )
        if panel.isHidden() == visible:
            panel.setVisible(visible)

    def _apply_preferences(self) -> None:
        self.reader_view.set_reading_style(self.prefs.reading_style())
        minutes = self.prefs.refresh_interval
        if minutes > 0:
            self._auto_refresh_timer.start(minutes * 60_000)
        else:
            self._auto_refresh_timer.stop()

    def _show_library(self) -> None:
        """The welcome page for an empty library, the panes otherwise."""
        has_feeds = self.store.count_feeds() > 0
        self.pages.setCurrentWidget(self.splitter if has_feeds else self.welcome)
        # Reading actions mean nothing on the welcome page.
        for action in (
            *self._reading_actions,
            self.act_export,
            self.act_refresh,
            self.act_refresh_selected,
            self.act_errors,
        ):
            action.setEnabled(
                has_feeds
                and not (
                    self.refresher.running
                    and action in (self.act_refresh, self.act_refresh_selected)
                )
            )
        self.search_box.setEnabled(has_feeds)
        self._update_full_text_actions()
        self.setWindowTitle(
            self.tr("Press Reader — demo library") if self._is_demo() else self.tr("Press Reader")
        )
        if has_feeds and not self.feed_view.currentIndex().isValid():
            self.feed_view.expandAll()
            self.feed_view.setCurrentIndex(self.feed_model.index_for_smart("all"))

    def _is_demo(self) -> bool:
        return self.store.path.parent.name == "demo"

    # -- selection and reading --------------------------------------------------------------

    @Slot(QModelIndex, QModelIndex)
    def on_feed_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        if self.search_box.text():
            self.search_box.blockSignals(True)
            self.search_box.clear()
            self.search_box.blockSignals(False)
        self.article_model.set_query(self.feed_model.query_for(current))
        self.show_article(None)

    @Slot(QModelIndex, QModelIndex)
    def on_article_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article = self.article_model.article_at(current.row()) if current.isValid() else None
        if article is None:
            self.show_article(None)
            return
        self.show_article(self.store.get_article(article.id))
        self._mark_read_timer.stop()
        delay = self.prefs.mark_read_delay
        if delay >= 0 and not article.read:
            self._mark_read_timer.start(delay)

    @Slot(int, Qt.SortOrder)
    def on_sort_applied(self, column: int, order: Qt.SortOrder) -> None:
        """Title and Source sort A to Z only: the header shows the order really used."""
        header = self.article_view.horizontalHeader()
        if (header.sortIndicatorSection(), header.sortIndicatorOrder()) != (column, order):
            header.blockSignals(True)
            header.setSortIndicator(column, order)
            header.blockSignals(False)
            header.viewport().update()

    def show_article(self, article: Article | None, *, keep_scroll: bool = False) -> None:
        """Show an article (None: nothing) with its highlights painted and listed beside it;
        ``keep_scroll`` when the same article is shown again after a change."""
        scroll = self.reader_view.verticalScrollBar()
        position = scroll.value()
        shown = self._current_article
        if article is None or shown is None or article.id != shown.id:
            self._panel_forced = False
        self._current_article = article
        self.reader_view.show_article(article, images=self.prefs.images)
        self._paint_marks()
        self.annotation_panel.show_article(None if article is None else article.id)
        self.update_annotation_panel()
        if keep_scroll:
            scroll.setValue(position)
        self._update_full_text_actions()

    def _paint_marks(self) -> None:
        """The article's highlights in their colours, then the words of the current search."""
        article = self._current_article
        if article is None:
            self._painted = []
            self.reader_view.setExtraSelections([])
            return
        document = self.reader_view.document()
        # Highlights are anchored on the full text when there is one: its positions say
        # nothing of where a quote sits in the feed's version, which is searched by quote
        # alone (a passage only in the full text is listed in the panel, not painted).
        stored = None if self.reader_view.showing_feed_version() else article.text
        self._painted = place_highlights(
            document, self.store.highlights.list(article_id=article.id), stored
        )
        marks = highlight_selections(document, self._painted)
        query = self.article_model.search_text
        if query:
            marks += search_selections(document, query)
        self.reader_view.setExtraSelections(marks)

    @Slot(object)
    def on_annotations_changed(self, change: Change) -> None:
        """Bring every view up to date after a highlight, note or tag changed (or was
        undone): the reader's marks and tag chips, the panel, the tag tree."""
        article = self._current_article
        if article is not None and (change.tags or article.id in change.article_ids):
            try:
                fresh = self.store.get_article(article.id)
            except ReaderError:
                fresh = None
            if fresh is not None and fresh.tags != article.tags:
                self.show_article(fresh, keep_scroll=True)
            else:
                self._current_article = fresh
                self._paint_marks()
            if fresh is not None:
                self.article_model.refresh_article(fresh.id)
        focus = QApplication.focusWidget()
        if focus is not None and self.annotation_panel.isAncestorOf(focus):
            # A change made in the panel (its last highlight deleted): it stays where it is.
            self._panel_forced = True
        self.update_annotation_panel()
        if change.tags:
            self.feed_model.reload()

    @Slot()
    def on_reader_cursor_moved(self) -> None:
        """A click on a painted highlight selects it in the annotations panel."""
        cursor = self.reader_view.textCursor()
        if cursor.hasSelection() or not self._painted:
            return
        highlight = highlight_at(self._painted, cursor.position())
        if highlight is not None:
            self.annotation_panel.select_highlight(highlight.id)

    @Slot(int)
    def go_to_highlight(self, highlight_id: int) -> None:
        """Scroll the reader to a highlight's passage (chosen in the panel)."""
        for placed in self._painted:
            if placed.highlight.id == highlight_id:
                cursor = self.reader_view.textCursor()
                cursor.setPosition(placed.end)
                self.reader_view.blockSignals(True)
                self.reader_view.setTextCursor(cursor)
                cursor.setPosition(placed.start)
                self.reader_view.setTextCursor(cursor)
                self.reader_view.blockSignals(False)
                self.reader_view.ensureCursorVisible()
                return

    @Slot()
    def highlight_selection(
        self, _checked: bool = False, *, color: str = "yellow"
    ) -> Highlight | None:
        """Highlight the passage selected in the reader view (``_checked``: what a
        triggered action passes); None, with a message, when there is nothing to highlight."""
        article = self._current_article
        if article is None:
            self.messages.info.emit(self.tr("Open an article and select a passage first."))
            return None
        try:
            quote, occurrence = selected_passage(
                self.reader_view.document(), self.reader_view.textCursor()
            )
            highlight = self.annotations.add_highlight(
                article.id, quote, occurrence=occurrence, color=color
            )
        except ReaderError as error:
            self.messages.warning.emit(str(error))
            return None
        self._clear_reader_selection()
        self.annotation_panel.select_highlight(highlight.id)
        self.messages.info.emit(self.tr("Highlighted. Ctrl+Z undoes it."))
        return highlight

    def _clear_reader_selection(self) -> None:
        cursor = self.reader_view.textCursor()
        cursor.clearSelection()
        self.reader_view.setTextCursor(cursor)

    @Slot()
    def highlight_paragraph(self) -> Highlight | None:
        """Highlight the paragraph of the article holding the text cursor (the first one in
        view when the cursor is not in the article's text): highlighting from the keyboard."""
        view = self.reader_view
        document = view.document()
        start = body_start(document)
        cursor = view.textCursor()
        if self._current_article is not None and (
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
            self._show_annotation_panel()
            self.annotation_panel.edit_note(highlight.id)

    @Slot()
    def highlight_with_tags(self) -> None:
        """Highlight the selection and ask for its tags."""
        from reader.ui.annotation_dialogs import ask_tags

        highlight = self.highlight_selection()
        if highlight is None:
            return
        tags = ask_tags(
            self,
            self.tr("Tag Highlight"),
            self.tr("Tags for “{0}”:").format(shorten(highlight.exact, 60)),
            highlight.tags,
            self.store.tags.names(),
        )
        if tags is not None:
            self._edit_tags(lambda: self.annotations.edit_highlight(highlight.id, tags=tags))

    def _edit_tags(self, change: Callable[[], object]) -> None:
        try:
            change()
        except ReaderError as error:
            self.messages.warning.emit(str(error))

    @Slot()
    def tag_article(self) -> None:
        """Add and remove the current article's tags in one small dialog (``t``)."""
        from reader.ui.annotation_dialogs import ask_tags

        article = self._current_article
        if article is None:
            self.messages.info.emit(self.tr("Choose an article to tag first."))
            return
        tags = ask_tags(
            self,
            self.tr("Tag Article"),
            self.tr("Tags for “{0}”:").format(shorten(article.title, 60)),
            article.tags,
            self.store.tags.names(),
        )
        if tags is None:
            return
        wanted = {t.casefold() for t in tags}
        removed = [t for t in article.tags if t.casefold() not in wanted]
        stack = self.annotations.undo_stack
        stack.beginMacro(self.tr("Tag “{0}”").format(shorten(article.title, 60)))
        try:
            self._edit_tags(lambda: self.annotations.untag_article(article.id, removed))
            self._edit_tags(lambda: self.annotations.tag_article(article.id, tags))
        finally:
            stack.endMacro()

    @Slot()
    def show_highlights(self) -> None:
        """The library's highlights in a window of their own."""
        from reader.ui.highlights_view import HighlightsWindow

        if self._highlights_window is None:
            self._highlights_window = HighlightsWindow(self.store, self.annotations, self)
            self._highlights_window.passageRequested.connect(self.open_highlight)
        self._highlights_window.show()
        self._highlights_window.raise_()
        self._highlights_window.activateWindow()

    @Slot()
    def new_brief(self) -> None:
        """The brief composer on a new brief, or raised if one is open (one at a time)."""
        self._show_brief_composer(None)

    @Slot()
    def open_brief(self) -> None:
        """Choose a saved brief and open it in the composer."""
        from reader.core import BriefStore

        briefs = BriefStore(self.store).list()
        if not briefs:
            self.messages.info.emit(self.tr("No saved brief yet: File ▸ New Brief… makes one."))
            return
        names = [
            self.tr("{0} — {1}").format(b.title, short_date_time(b.updated))
            if b.updated
            else b.title
            for b in briefs
        ]
        name, ok = QInputDialog.getItem(
            self, self.tr("Open Brief"), self.tr("Saved briefs:"), names, 0, False
        )
        if ok and name in names:
            self._show_brief_composer(briefs[names.index(name)].id)

    def _close_brief_composer(self) -> bool:
        """Close the composer, if open; False when the user chose to keep it (Cancel)."""
        composer = self._brief_composer
        if composer is None:
            return True
        if not composer.close():
            return False
        self._brief_composer = None
        return True

    def _show_brief_composer(self, brief_id: int | None) -> None:
        from reader.ui.brief_composer import BriefComposer

        if self._brief_composer is None:
            self._brief_composer = BriefComposer(self.store, self, brief_id=brief_id)
            self._brief_composer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self._brief_composer.destroyed.connect(lambda: setattr(self, "_brief_composer", None))
        elif brief_id is not None:
            self._brief_composer.open_brief(brief_id)
        self._brief_composer.show()
        self._brief_composer.raise_()
        self._brief_composer.activateWindow()

    @Slot(object)
    def open_highlight(self, highlight: Highlight) -> None:
        """Show a highlight's article, scrolled to the passage, with the highlight selected."""
        if highlight.article_id is None:
            self.messages.warning.emit(
                self.tr("The article of this highlight was deleted; its quote and note remain.")
            )
            return
        self.feed_view.setCurrentIndex(self.feed_model.index_for_smart("all"))
        row = self.article_model.row_of(highlight.article_id)
        if row >= 0:
            self.article_view.setCurrentIndex(self.article_model.index(row, 0))
            self.article_view.scrollTo(self.article_model.index(row, 0))
        else:  # not in the list (a duplicate, an archived feed): show it all the same
            self.show_article(self.store.get_article(highlight.article_id))
        self.raise_()
        self.activateWindow()
        self._show_annotation_panel()
        self.annotation_panel.select_highlight(highlight.id)
        self.go_to_highlight(highlight.id)

    def _reload_highlights_window(self) -> None:
        """After changes made outside the undo stack (a refresh re-anchoring, a feed gone)."""
        if self._highlights_window is not None:
            self._highlights_window.reload()

    def _show_annotation_panel(self) -> None:
        if self.annotation_panel.isHidden():
            self.toggle_annotation_panel()

    @Slot()
    def toggle_annotation_panel(self) -> None:
        """Hide the annotations panel if it is shown; else show it, even beside an article
        without highlights (until another article is opened)."""
        shown = not self.annotation_panel.isHidden()
        # The action checked itself already; what counts is what the user saw.
        self.act_annotations.setChecked(not shown)
        self._panel_forced = not shown
        self.update_annotation_panel()
        self._save_view_layout()

    @Slot()
    def edit_highlight_colors(self) -> None:
        """Say what each highlight colour means ("key fact", "claim to verify"…)."""
        from reader.ui.annotation_dialogs import HighlightColorsDialog

        dialog = HighlightColorsDialog(self.store.highlights.colors(), parent=self)
        if dialog.exec() != HighlightColorsDialog.DialogCode.Accepted:
            return
        try:
            for name, meaning in dialog.meanings().items():
                self.store.highlights.set_color_meaning(name, meaning)
        except ReaderError as error:
            self.messages.warning.emit(str(error))
        colors = self.store.highlights.colors()
        self.selection_toolbar.set_colors(colors)
        self.annotation_panel.show_article(
            None if self._current_article is None else self._current_article.id
        )

    @Slot()
    def on_mark_read_timeout(self) -> None:
        article = self._current_article
        if article is not None and not article.read:
            self._set_read(article, True)

    def _set_read(self, article: Article, read: bool) -> None:
        self.store.set_read([article.id], read)
        self.article_model.set_read_state([article.id], read)
        self._current_article = self.store.get_article(article.id)
        self.feed_model.reload()
        self._update_counts_label()

    def _move_selection(self, step: int, *, unread_only: bool = False) -> None:
        row = self.article_view.currentIndex().row()
        model = self.article_model
        candidate = row + step
        while True:
            if candidate >= model.rowCount() and model.canFetchMore(QModelIndex()):
                model.fetchMore(QModelIndex())
            if not 0 <= candidate < model.rowCount():
                if unread_only:
                    self.messages.info.emit(self.tr("No more unread articles here."))
                return
            article = model.article_at(candidate)
            if not unread_only or (article is not None and not article.read):
                break
            candidate += step
        self.article_view.setCurrentIndex(model.index(candidate, 0))
        self.article_view.scrollTo(model.index(candidate, 0))

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
        article = self._current_article
        if article is None:
            return
        self.store.set_starred(article.id, not article.starred)
        self._current_article = self.store.get_article(article.id)
        self.article_model.refresh_article(article.id)
        self.feed_model.reload()
        self.reader_view.show_article(self._current_article, images=self.prefs.images)

    @Slot()
    def toggle_read(self) -> None:
        self._mark_read_timer.stop()
        if self._current_article is not None:
            self._set_read(self._current_article, not self._current_article.read)

    @Slot()
    def open_in_browser(self) -> None:
        article = self._current_article
        if article is None or not article.link:
            return
        url = QUrl(article.link)
        if url.scheme() in ("http", "https"):
            self.reader_view.open_url(url)

    # -- full text ----------------------------------------------------------------------------

    def _update_full_text_actions(self) -> None:
        article = self._current_article
        has_page = (
            article is not None
            and QUrl(article.link or "").scheme().lower() in ("http", "https")
            and self.pages.currentWidget() is self.splitter
        )
        self.act_fetch_full_text.setEnabled(
            has_page and article is not None and not self.full_texts.is_pending(article.id)
        )
        self.act_feed_version.setEnabled(self.reader_view.has_full_text())
        self.act_feed_version.setChecked(self.reader_view.showing_feed_version())

    @Slot()
    def fetch_full_text(self) -> None:
        """Fetch the current article's full text from its page (off the GUI thread)."""
        article = self._current_article
        if article is None:
            self.messages.info.emit(self.tr("Choose an article first."))
            return
        self.request_full_text(article.id)

    @Slot(int)
    def request_full_text(self, article_id: int) -> None:
        """Fetch an article's full text (the action, or the reader's Try again)."""
        article = self._current_article
        if article is not None and article.id == article_id:
            if QUrl(article.link or "").scheme().lower() not in ("http", "https"):
                self.messages.info.emit(
                    self.tr("This article has no web page to fetch its full text from.")
                )
                return
            # Asked for explicitly: show the full text once it is here.
            self.reader_view.forget_version_choice(article_id)
        if not self.full_texts.fetch(article_id):
            self.messages.info.emit(self.tr("The full text is already being fetched."))

    @Slot(int)
    def on_full_text_started(self, article_id: int) -> None:
        self.reader_view.set_fetching(article_id, True)
        if self._current_article is not None and self._current_article.id == article_id:
            self._paint_marks()  # the banner changed the document
        self._update_full_text_actions()
        self.messages.info.emit(self.tr("Fetching the full text…"))

    @Slot(int)
    def on_full_text_finished(self, article_id: int) -> None:
        self.reader_view.set_fetching(article_id, False)
        try:
            fresh = self.store.get_article(article_id)
        except ReaderError:  # deleted meanwhile (a feed removed)
            self._update_full_text_actions()
            return
        words = len(fresh.text.split())
        current = self._current_article
        if current is not None and current.id == article_id:
            self.show_article(fresh, keep_scroll=True)
            self.messages.info.emit(self.tr("Full text fetched: %Ln words.", "", words))
        else:
            self._update_full_text_actions()
            self.messages.info.emit(
                self.tr("Full text of “{0}” fetched: %Ln words.", "", words).format(
                    shorten(fresh.title, 60)
                )
            )
        self.article_model.refresh_article(article_id)
        self._reload_highlights_window()  # its highlights were placed in the new text

    @Slot(int, str)
    def on_full_text_failed(self, article_id: int, message: str) -> None:
        try:
            fresh: Article | None = self.store.get_article(article_id)
        except ReaderError:
            fresh = None
        recorded = fresh is not None and fresh.full_text is not None
        if recorded and fresh is not None and fresh.full_text is not None:
            recorded = fresh.full_text.error == message
        if recorded:
            self.reader_view.set_fetching(article_id, False)  # the article says why
        else:
            self.reader_view.set_fetch_failed(article_id, message)
        current = self._current_article
        if current is not None and current.id == article_id:
            if fresh is not None:
                self.show_article(fresh, keep_scroll=True)
            else:
                self._paint_marks()
        self._update_full_text_actions()
        self.messages.warning.emit(self.tr("Could not fetch the full text: {0}").format(message))

    @Slot()
    def toggle_feed_version(self) -> None:
        """Show the current article as its feed gives it, or its full text again."""
        if not self.reader_view.has_full_text():
            self.act_feed_version.setChecked(False)
            self.messages.info.emit(
                self.tr("This article has no full text yet: Fetch Full Text (Shift+F) gets it.")
            )
            return
        self.reader_view.show_feed_version(self.act_feed_version.isChecked())

    @Slot(int, bool)
    def on_reader_version_changed(self, _article_id: int, feed_version: bool) -> None:
        self._paint_marks()
        self._update_full_text_actions()
        if feed_version:
            self.messages.info.emit(
                self.tr("Showing the feed's version. Shift+V shows the full text again.")
            )
        else:
            self.messages.info.emit(self.tr("Showing the full text."))

    @Slot()
    def mark_all_read(self) -> None:
        if self.article_model.is_searching:
            ids = [
                a.id
                for row in range(self.article_model.rowCount())
                if (a := self.article_model.article_at(row)) is not None and not a.read
            ]
        else:
            query = self.feed_model.query_for(self.feed_view.currentIndex())
            ids = [a.id for a in self.store.list_articles(query) if not a.read]
        if not ids:
            return
        self.store.set_read(ids, True)
        self.article_model.set_read_state(ids, True)
        self.feed_model.reload()
        self._update_counts_label()
        count = len(ids)
        self.messages.info.emit(
            self.tr("Marked %Ln article as read.", "", count)
            if count == 1
            else self.tr("Marked %Ln articles as read.", "", count)
        )

    @Slot()
    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    @Slot()
    def run_search(self) -> None:
        self._search_timer.stop()
        text = self.search_box.text().strip()
        if text:
            self.article_model.set_search(text)
            found = self.article_model.rowCount()
            message = (
                self.tr("%Ln article matches “{0}”.", "", found)
                if found == 1
                else self.tr("%Ln articles match “{0}”.", "", found)
            )
            self.messages.info.emit(message.format(text))
        elif self.article_model.is_searching:
            self.article_model.clear_search()
        self.show_article(None)

    @Slot(str)
    def on_link_hovered(self, link: str) -> None:
        if link:
            self.statusBar().showMessage(link)
        else:
            self.statusBar().clearMessage()

    def _update_counts_label(self) -> None:
        stats = self.store.stats()
        unread = self.tr("%Ln unread", "", stats.unread)
        self.counts_label.setText(f"{unread} · {self._articles_text(stats.articles)}")

    def _articles_text(self, count: int) -> str:
        """ "1 article", "12 articles"."""
        if count == 1:
            return self.tr("%Ln article", "", count)
        return self.tr("%Ln articles", "", count)

    def _highlights_text(self, count: int) -> str:
        """ "1 highlight", "12 highlights"."""
        if count == 1:
            return self.tr("%Ln highlight", "", count)
        return self.tr("%Ln highlights", "", count)

    def _feeds_text(self, count: int) -> str:
        """ "1 feed", "12 feeds"."""
        if count == 1:
            return self.tr("%Ln feed", "", count)
        return self.tr("%Ln feeds", "", count)

    # -- feeds --------------------------------------------------------------------------------

    def _selected_feed_id(self) -> int | None:
        index = self.feed_view.currentIndex()
        if index.isValid() and index.data(FeedRole.NodeKind) == "feed":
            return int(index.data(FeedRole.FeedId))
        return None

    def _current_folder(self) -> str | None:
        """The folder selected in the feed tree, or the selected feed's folder."""
        index = self.feed_view.currentIndex()
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
            folders=["/".join(p) for p in self.store.list_folders()],
            existing_urls={f.url for f in self.store.list_feeds()},
            parent=self,
            folder=self._current_folder(),
            finder=self.feed_finder,
        )
        if url:
            dialog.set_url(url)
        accepted = dialog.exec() == AddFeedDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return
        address, folder, title = dialog.result_values()
        try:
            feed = self.store.add_feed(address, folder=folder, title=title)
        except ReaderError as error:
            self.messages.error.emit(str(error))
            return
        self.reload_views()
        self._show_library()
        self.feed_view.setCurrentIndex(self.feed_model.index_for_feed(feed.id))
        self.refresher.start([feed.id])

    @Slot()
    def import_opml(self, path: str = "") -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import OPML"),
                str(Path.home()),
                self.tr("OPML files (*.opml *.xml);;All files (*)"),
            )
        if not path:
            return
        # On a thread of its own: a file of 50 000 feeds takes seconds to read and import.
        if not self.opml_importer.start(path):
            self.messages.warning.emit(self.tr("An OPML import is already under way."))
            return
        self.statusBar().showMessage(self.tr("Importing {0}…").format(Path(path).name))

    @Slot(str, int, int)
    def on_import_progress(self, path: str, done: int, total: int) -> None:
        self.statusBar().showMessage(
            self.tr("Importing {0}: {1} of {2} feeds…").format(
                Path(path).name, number(done), number(total)
            )
        )

    @Slot(str, object)
    def on_import_finished(self, path: str, report: ImportReport) -> None:
        self.reload_views()
        self._show_library()
        message = self.tr("Imported {0}: {1} added, {2} already present, {3} invalid.").format(
            Path(path).name,
            number(len(report.added)),
            number(len(report.present)),
            number(len(report.invalid)),
        )
        if report.invalid:
            self.messages.warning.emit(message)
        else:
            self.messages.info.emit(message)
        if report.added:
            self.refresh_all()

    @Slot(str, object)
    def on_import_failed(self, path: str, error: OSError | ReaderError) -> None:
        self.statusBar().clearMessage()
        if isinstance(error, OSError):
            self.messages.error.emit(
                self.tr("Cannot read {0}: {1}").format(path, error.strerror or error)
            )
        else:
            self.messages.error.emit(str(error))

    @Slot(bool)
    def on_import_running_changed(self, running: bool) -> None:
        self.act_import.setEnabled(not running)
        self.welcome_import.setEnabled(not running)

    @Slot()
    def export_opml(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export OPML"),
            str(Path.home() / "subscriptions.opml"),
            self.tr("OPML files (*.opml)"),
        )
        if not path:
            return
        from reader.core import export_opml, write_atomically
        from reader.ui.overwrite import consent_to_replace

        outlines, folders = self.store.export_outlines()
        try:
            # A folder, a pipe or a device is refused, a read-only file replaced if the
            # user agrees.
            consent = consent_to_replace(Path(path), self.ask_replace_read_only)
            if consent is None:
                return
            write_atomically(
                Path(path),
                export_opml(outlines, folders=folders, now=self.store.now()),
                replace_read_only=consent,
            )
        except ReaderError as error:
            self.messages.error.emit(str(error))
            return
        self.messages.info.emit(
            self.tr("Exported {0} to {1}.").format(self._feeds_text(len(outlines)), path)
        )

    def ask_replace_read_only(self, path: Path) -> bool:
        """Whether to replace the read-only file ``path`` (tests answer it themselves)."""
        from reader.ui.overwrite import ask_replace_read_only

        return ask_replace_read_only(self, path)

    @Slot()
    def rename_feed(self) -> None:
        feed_id = self._selected_feed_id()
        if feed_id is None:
            return
        feed = self.store.get_feed(feed_id)
        title, ok = QInputDialog.getText(
            self,
            self.tr("Rename Feed"),
            self.tr("Title (empty for the feed's own):"),
            QLineEdit.EchoMode.Normal,
            feed.title,
        )
        if ok:
            self.store.rename_feed(feed_id, title)
            self.reload_views()

    @Slot()
    def move_feed(self) -> None:
        feed_id = self._selected_feed_id()
        if feed_id is None:
            return
        feed = self.store.get_feed(feed_id)
        folders = ["", *("/".join(p) for p in self.store.list_folders())]
        folder, ok = QInputDialog.getItem(
            self,
            self.tr("Move to Folder"),
            self.tr("Folder (Parent/Child; empty for the top level):"),
            folders,
            folders.index(feed.folder) if feed.folder in folders else 0,
            True,
        )
        if ok:
            self.store.move_feed(feed_id, folder or None)
            self.reload_views()
            self.feed_view.expandAll()
            self.feed_view.setCurrentIndex(self.feed_model.index_for_feed(feed_id))

    @Slot()
    def delete_feed(self) -> None:
        feed_id = self._selected_feed_id()
        if feed_id is not None:
            self.remove_feed(feed_id)

    def remove_feed(self, feed_id: int, parent: QWidget | None = None) -> bool:
        """Unsubscribe from a feed once the user agrees (asked above ``parent``, the window by
        default), and offer to remove its folder if it left it empty; False if they did not."""
        from reader.ui import prompts

        asking = parent or self
        feed = self.store.get_feed(feed_id)
        annotated = self.store.annotated_count(feed_id)
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
                feed.title, self._articles_text(feed.total)
            ),
            self.tr("Delete"),
        ):
            return False
        self.store.remove_feed(feed_id, keep_annotated=keep)
        folder = feed.folder
        if (
            folder
            and self.store.is_empty_folder(folder)
            and self.ask_remove_empty_folder(folder, asking)
        ):
            self.store.remove_empty_folder(folder)
        self.feed_view.setCurrentIndex(self.feed_model.index_for_smart("all"))
        self.reload_views()
        self._reload_highlights_window()
        self._show_library()
        self.messages.info.emit(self.tr("Deleted “{0}”.").format(feed.title))
        return True

    def ask_remove_empty_folder(self, folder: str, parent: QWidget | None = None) -> bool:
        """Whether to remove a folder its last feed just left (tests answer it themselves)."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove Folder"),
            self.tr("The folder “{0}” is now empty. Remove it too?").format(folder),
            QMessageBox.StandardButton.NoButton,
            parent or self,
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
            f for f in self.store.list_feeds() if f.last_error or f.warning or not f.enabled
        ]
        if not troubled:
            self.messages.info.emit(self.tr("Every feed refreshed without a problem."))
            return
        dialog = FeedErrorsDialog(troubled, parent=self)
        listed = [f.id for f in troubled]

        def show_again() -> None:  # the feeds listed, as they are now
            feeds = {f.id: f for f in self.store.list_feeds()}
            dialog.set_feeds([feeds[i] for i in listed if i in feeds])

        def retry(ids: list[int]) -> None:
            if self.refresher.start(ids):
                dialog.show_message(self.tr("Refreshing…"))
            else:
                dialog.show_message(self.tr("Wait for the refresh under way to end."), error=True)

        def change_address(feed_id: int, url: str) -> None:
            try:
                self.store.set_feed_url(feed_id, url)
            except ReaderError as error:
                dialog.show_message(str(error), error=True)
                return
            show_again()
            self.reload_views()
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
        self.refresher.finished.connect(refreshed)
        try:
            dialog.exec()
        finally:
            self.refresher.finished.disconnect(refreshed)
            dialog.deleteLater()

    @Slot(QPoint)
    def on_feed_context_menu(self, pos: QPoint) -> None:
        index = self.feed_view.indexAt(pos)
        menu = self.feed_menu(index)
        if menu is not None:
            menu.exec(self.feed_view.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def feed_menu(self, index: QModelIndex) -> QMenu | None:
        """The context menu of a row of the feed tree (which it selects); None for rows
        that have none."""
        kind = index.data(FeedRole.NodeKind) if index.isValid() else None
        if kind is None or kind == "tags":
            return None
        self.feed_view.setCurrentIndex(index)
        menu = QMenu(self)
        if kind == "tag":
            self._add_tag_actions(menu, index.data(FeedRole.Tag))
            return menu
        menu.addAction(self.act_refresh_selected)
        menu.addAction(self.act_mark_all)
        if kind == "feed":
            menu.addSeparator()
            menu.addMenu(self._full_text_menu(int(index.data(FeedRole.FeedId)), menu))
            menu.addSeparator()
            menu.addActions([self.act_rename, self.act_move, self.act_delete])
            if index.data(FeedRole.Error):
                menu.addAction(self.act_errors)
        return menu

    def _full_text_menu(self, feed_id: int, parent: QMenu) -> QMenu:
        """Whether a feed's articles get their full text: off, on, or for teasers only."""
        menu = QMenu(self.tr("F&ull Text"), parent)
        menu.setObjectName("full-text-mode")
        try:
            current = self.store.get_feed(feed_id).full_text
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
            self.store.full_texts.set_mode(feed_id, mode)
            title = self.store.get_feed(feed_id).title
        except ReaderError as error:
            self.messages.warning.emit(str(error))
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
        self.messages.info.emit(text.format(title))

    def _add_tag_actions(self, menu: QMenu, name: str) -> None:
        menu.addAction(self.act_mark_all)
        menu.addSeparator()
        menu.addAction(self.tr("&Rename Tag…"), lambda: self.rename_tag(name))
        menu.addAction(self.tr("Tag &Colour…"), lambda: self.color_tag(name))
        menu.addAction(self.tr("Remove C&olour"), lambda: self.color_tag(name, clear=True))
        menu.addSeparator()
        menu.addAction(self.tr("&Delete Tag…"), lambda: self.delete_tag(name))

    def _known_tag(self, name: str) -> bool:
        """Whether ``name`` is a tag of its own (not only a level of longer names)."""
        return any(t.casefold() == name.casefold() for t in self.store.tags.names())

    def rename_tag(self, name: str, new_name: str | None = None) -> None:
        """Rename a tag and those below it; a name in use merges them (after asking)."""
        from reader.ui import prompts

        if new_name is None:
            new_name, ok = QInputDialog.getText(
                self,
                self.tr("Rename Tag"),
                self.tr("New name for “{0}” (and the tags below it):").format(name),
                QLineEdit.EchoMode.Normal,
                name,
            )
            if not ok or new_name.strip() == name:
                return
        existing = [
            t for t in self.store.tags.names() if t.casefold() == new_name.strip().casefold()
        ]
        if (
            existing
            and existing[0].casefold() != name.casefold()
            and not prompts.confirm(
                self,
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
            renamed = self.annotations.rename_tag(name, new_name)
        except ReaderError as error:
            self.messages.warning.emit(str(error))
            return
        self.feed_view.setCurrentIndex(self.feed_model.index_for_tag(renamed))
        self.messages.info.emit(self.tr("Renamed “{0}” to “{1}”.").format(name, renamed))

    def color_tag(self, name: str, *, clear: bool = False) -> None:
        from PySide6.QtGui import QColor
        from PySide6.QtWidgets import QColorDialog

        color: str | None = None
        if not clear:
            current = next((t.color for t in self.store.tags.summary() if t.name == name), None)
            chosen = QColorDialog.getColor(
                QColor(current or "#7e57c2"), self, self.tr("Colour of “{0}”").format(name)
            )
            if not chosen.isValid():
                return
            color = chosen.name()
        if not self._known_tag(name):
            self.messages.warning.emit(
                self.tr("“{0}” is only a level of longer tags: colour the tags themselves.").format(
                    name
                )
            )
            return
        self._edit_tags(lambda: self.annotations.set_tag_color(name, color))

    def delete_tag(self, name: str) -> None:
        from reader.ui import prompts

        info = [
            t
            for t in self.store.tags.summary()
            if t.name.casefold() == name.casefold()
            or t.name.casefold().startswith(name.casefold() + "/")
        ]
        articles = sum(t.articles for t in info)
        highlights = sum(t.highlights for t in info)
        if not prompts.confirm(
            self,
            self.tr("Delete Tag"),
            self.tr(
                "Take “{0}” (and the tags below it) off {1} and {2}? "
                "The articles and highlights stay. Edit ▸ Undo brings the tag back."
            ).format(name, self._articles_text(articles), self._highlights_text(highlights)),
            self.tr("Delete Tag"),
        ):
            return
        self._edit_tags(lambda: self.annotations.delete_tag(name))
        self.feed_view.setCurrentIndex(self.feed_model.index_for_smart("all"))

    def highlight_menu(self) -> QMenu:
        """One entry per colour of the palette, named with what the colour means."""
        menu = QMenu(self.tr("Highlight"), self)
        for color in self.store.highlights.colors():
            action = menu.addAction(
                self.tr("{0} — {1}").format(color_name(color.name), color_meaning(color.meaning))
            )
            action.setData(color.name)
            action.triggered.connect(
                lambda _checked=False, name=color.name: self.highlight_selection(color=name)
            )
        menu.setEnabled(
            self._current_article is not None and self.reader_view.textCursor().hasSelection()
        )
        return menu

    @Slot(QPoint)
    def on_reader_context_menu(self, pos: QPoint) -> None:
        menu = self.reader_view.createStandardContextMenu(pos)
        menu.addSeparator()
        menu.addMenu(self.highlight_menu())
        menu.addSeparator()
        menu.addAction(self.act_fetch_full_text)
        if self.act_feed_version.isEnabled():
            menu.addAction(self.act_feed_version)
        menu.exec(self.reader_view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    @Slot(QPoint)
    def on_article_context_menu(self, pos: QPoint) -> None:
        if not self.article_view.indexAt(pos).isValid():
            return
        menu = QMenu(self)
        menu.addActions([self.act_open, self.act_star, self.act_read])
        menu.addSeparator()
        menu.addActions([self.act_tag, self.act_fetch_full_text])
        menu.exec(self.article_view.viewport().mapToGlobal(pos))

    # -- refreshing ---------------------------------------------------------------------------

    @Slot()
    def refresh_all(self) -> None:
        if not self.refresher.start():
            self.messages.info.emit(self.tr("A refresh is already running."))

    @Slot()
    def refresh_selected(self) -> None:
        index = self.feed_view.currentIndex()
        kind = index.data(FeedRole.NodeKind) if index.isValid() else None
        if kind == "feed":
            self.refresher.start([int(index.data(FeedRole.FeedId))])
        elif kind == "folder":
            prefix = tuple(index.data(FeedRole.FolderPath))
            ids = [f.id for f in self.store.list_feeds() if f.folder_path[: len(prefix)] == prefix]
            if ids:
                self.refresher.start(ids)
        else:
            self.refresh_all()

    @Slot(bool)
    def on_refresh_running_changed(self, running: bool) -> None:
        self.act_refresh.setEnabled(not running)
        self.act_refresh_selected.setEnabled(not running)
        self.act_cancel.setEnabled(running)
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        if running:
            self.progress.setRange(0, 0)
            self.progress.setFormat(self.tr("Refreshing…"))
            self._show_refresh_status(self.tr("Refreshing…"))

    @Slot(object)
    def on_refresh_progress(self, step: RefreshProgress) -> None:
        if step.outcome is None:
            # Every feed is in; the new articles' pages are being fetched for full text.
            self.progress.setRange(0, step.full_texts_total)
            self.progress.setValue(step.full_texts_done)
            self.progress.setFormat(self.tr("%v of %m full texts"))
            self._show_refresh_status(
                self.tr("{0} of {1} full texts").format(
                    number(step.full_texts_done), number(step.full_texts_total)
                )
            )
            return
        self.progress.setRange(0, step.total)
        self.progress.setValue(step.done)
        # %v and %m are the progress bar's own: the value and the maximum.
        self.progress.setFormat(self.tr("%v of %m feeds · %Ln new", "", step.new_articles))
        self._show_refresh_status(
            self.tr("{0} of {1} feeds — {2}").format(
                number(step.done), number(step.total), shorten(step.outcome.feed.title, 60)
            )
        )
        changed = step.outcome.new or step.outcome.error or step.outcome.updated
        if changed and not self._live_reload_timer.isActive():
            self._live_reload_timer.start()

    @Slot(object)
    def on_refresh_finished(self, summary: RefreshSummary) -> None:
        self._live_reload_timer.stop()
        self.reload_views()
        self._reload_highlights_window()  # re-anchoring may have moved or orphaned some
        new = (
            self.tr("%Ln new article", "", summary.new)
            if summary.new == 1
            else self.tr("%Ln new articles", "", summary.new)
        )
        text = self.tr("{0} from {1}.").format(new, self._feeds_text(len(summary.outcomes)))
        if summary.full_texts:
            text += " " + self.tr("Full texts fetched: {0}.").format(number(summary.full_texts))
        if summary.full_text_failures:
            text += " " + self.tr("Full texts not available: {0} (each article says why).").format(
                number(len(summary.full_text_failures))
            )
        if self._rewrite_notice is not None:
            text += " " + self._rewrite_notice
        if summary.failed:
            text += " " + (
                self.tr("%Ln feed failed (see Feeds ▸ Feed Problems).", "", summary.failed)
                if summary.failed == 1
                else self.tr("%Ln feeds failed (see Feeds ▸ Feed Problems).", "", summary.failed)
            )
        self._show_refresh_status(text)  # stays beside the bar's other messages
        if summary.failed or self._rewrite_notice is not None:
            self.messages.warning.emit(text)  # stays in the status bar until the next one
        else:
            self.messages.info.emit(text)

    def _show_refresh_status(self, text: str) -> None:
        """Say what the refresh is doing (or did) in the status bar and the progress tooltip."""
        self.refresh_status.setText(text)
        self.refresh_status.setToolTip(text)
        self.progress.setToolTip(text)

    @Slot(str)
    def on_refresh_failed(self, message: str) -> None:
        text = self.tr("The refresh could not run: {0}").format(message)
        self._show_refresh_status(text)
        self.messages.error.emit(text)

    @Slot()
    def reload_views(self) -> None:
        """Catch the views up with the library, keeping the selection."""
        self.feed_model.reload()
        current = self._current_article
        selected = current.id if current else None
        if not self.article_model.is_searching:
            self.article_model.reload()
        if selected is not None:
            row = self.article_model.row_of(selected)
            if row >= 0:
                self.article_view.selectionModel().blockSignals(True)
                self.article_view.setCurrentIndex(self.article_model.index(row, 0))
                self.article_view.selectionModel().blockSignals(False)
        self._rewrite_notice = None
        if current is not None:
            self._rewrite_notice = self._show_if_rewritten(current)
            if self._rewrite_notice is not None:
                self.messages.warning.emit(self._rewrite_notice)
        self._update_counts_label()

    def _show_if_rewritten(self, shown: Article) -> str | None:
        """The open article again when its feed rewrote it; returns what became of its
        highlights (they followed the text, or are listed as orphaned in the panel)."""
        try:
            fresh = self.store.get_article(shown.id)
        except ReaderError:
            return None
        if (fresh.html, fresh.title) == (shown.html, shown.title):
            if fresh.full_text != shown.full_text:  # the refresh fetched its page
                self.show_article(fresh, keep_scroll=True)
            return None
        self.show_article(fresh, keep_scroll=True)
        orphaned = sum(h.orphaned for h in self.store.highlights.list(article_id=fresh.id))
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

    # -- dialogs, preferences, library --------------------------------------------------------

    @Slot()
    def edit_preferences(self) -> None:
        from reader.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.prefs, self.store.path.parent, parent=self)
        # The reader shows the font, spacing and column as they are edited.
        dialog.reading_style_changed.connect(self.preview_reading_style)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            self.preview_reading_style(self.prefs.reading_style())
        else:
            language = self.prefs.language
            self.prefs = dialog.preferences()
            self.settings.save_preferences(self.prefs)
            self._apply_preferences()
            self.show_article(self._current_article)
            if self.prefs.language != language:
                self.messages.info.emit(
                    self.tr("The new language applies the next time Press Reader starts.")
                )

    @Slot(object)
    def preview_reading_style(self, style: ReadingStyle) -> None:
        """Show the article in ``style`` (not saved), its marks painted again."""
        self.reader_view.set_reading_style(style)
        self._paint_marks()

    @Slot()
    def show_shortcuts(self) -> None:
        from reader.ui.help_dialogs import ShortcutsDialog

        ShortcutsDialog(self.shortcut_list(), parent=self).exec()

    @Slot()
    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.tr("About Press Reader"),
            self.tr(
                "<h3>Press Reader {0}</h3><p>A desktop press-review reader: follow feeds, "
                "search them, and build annotated briefs.</p><p>Library: {1}</p>"
            ).format(__version__, self.store.path),
        )

    @Slot(str)
    def on_error_message(self, text: str) -> None:
        self.statusBar().showMessage(text)
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Press Reader"),
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()

    @Slot()
    def open_demo_library(self) -> None:
        if self._demo_library is None:
            return
        if self.refresher.running:
            self.messages.info.emit(self.tr("Wait for the refresh to finish first."))
            return
        try:
            self.open_library(self._demo_library())
        except ReaderError as error:
            self.messages.error.emit(str(error))

    def open_library(self, path: Path) -> None:
        """Switch the window to another library file (after the brief composer, which works
        on this one, has closed: it may ask to save first)."""
        if not self._close_brief_composer():
            return
        store = Store(path)
        self.full_texts.set_library(path)  # waits for a fetch under way into the old one
        self.opml_importer.wait()  # an import under way goes into the old one, whole
        self.opml_importer.set_library(path)
        self.reader_view.forget_library()
        self.store.close()
        self.store = store
        self.refresher.set_library(path)
        self.annotations.set_store(store)
        self.annotation_panel.set_store(store)
        if self._highlights_window is not None:
            self._highlights_window.set_store(store)
        self.selection_toolbar.set_colors(store.highlights.colors())
        self.feed_model.set_store(store)
        self.article_model.set_store(store)
        self.show_article(None)
        self._show_library()
        self._update_counts_label()

    # -- Qt events ----------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        urls = mime.urls() if mime.hasUrls() else [QUrl(mime.text().strip())]
        for url in urls:
            if url.isLocalFile():
                self.import_opml(url.toLocalFile())
                break
            if url.scheme() in ("http", "https", "feed"):
                self.add_feed(url.toString())
                break
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
            self._fit_to_screen()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._close_brief_composer():
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
