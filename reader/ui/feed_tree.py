"""The feed tree: smart views, folders and feeds with their unread counts, and its delegate."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum, StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Slot,
)
from PySide6.QtGui import (
    QBrush,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from reader.core import Store
from reader.core.types import ArticleQuery, Feed, TagInfo
from reader.ui import feed_icons
from reader.ui.contrast import legible
from reader.ui.i18n import number, short_date_time

AnyIndex = QModelIndex | QPersistentModelIndex
#: Gives a feed's own icon, or None when it has none (yet): the RSS mark is drawn instead.
IconProvider = Callable[[Feed], QIcon | None]
#: The invisible root, as the default parent of the model methods.
_ROOT = QModelIndex()


class NodeKind(StrEnum):
    """What a row of the feed tree stands for."""

    SMART = "smart"
    FOLDER = "folder"
    FEED = "feed"
    #: The "Tags" heading, and one tag (a level of a hierarchical name: ``country/Mali``
    #: is "Mali" under "country").
    TAGS = "tags"
    TAG = "tag"


class SmartView(StrEnum):
    """The three views above the folders."""

    ALL = "all"
    UNREAD = "unread"
    STARRED = "starred"


class FeedRole(IntEnum):
    """The feed tree's own data roles."""

    #: NodeKind ("smart", "folder" or "feed").
    NodeKind = Qt.ItemDataRole.UserRole + 1
    #: The feed's id (feeds only).
    FeedId = Qt.ItemDataRole.UserRole + 2
    #: The folder's path of names, a tuple (folders only; a feed's own folder is in Feed).
    FolderPath = Qt.ItemDataRole.UserRole + 3
    #: "all", "unread" or "starred" (smart views only).
    SmartView = Qt.ItemDataRole.UserRole + 4
    #: The count shown in the row's badge: unread articles (starred ones for "Starred").
    Unread = Qt.ItemDataRole.UserRole + 5
    #: Why the feed's last refresh failed, or None.
    Error = Qt.ItemDataRole.UserRole + 6
    #: The Feed value (feeds only).
    Feed = Qt.ItemDataRole.UserRole + 7
    #: The tag's whole name, e.g. "country/Mali" (tags only).
    Tag = Qt.ItemDataRole.UserRole + 8


@dataclass(eq=False)
class _Node:
    uid: int
    kind: NodeKind
    title: str
    parent: _Node | None
    row: int = 0
    children: list[_Node] = field(default_factory=list)
    feed: Feed | None = None
    path: tuple[str, ...] = ()
    smart: SmartView | None = None
    unread: int = 0
    tag: TagInfo | None = None

    def state(self) -> tuple[object, ...]:
        """What the row shows; a change means the row must be repainted."""
        return (self.title, self.unread, self.feed, self.tag)


class FeedTreeModel(QAbstractItemModel):
    """Smart views, then the folder tree and top-level feeds, in the library's order, then
    the library's tags as a tree under a "Tags" heading (when there are tags).

    One column. Rows are rebuilt from the store by :meth:`reload`; when the structure has not
    changed only the counts, titles and errors are updated. When it has (a folder, feed or tag
    came or went) the rows are rebuilt as a layout change that carries every row still there
    to its new place, so the views' selection and expansion survive that too.

    Signals: none of its own (the standard model signals only).
    """

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._root = _Node(0, NodeKind.FOLDER, "", None)
        self._nodes: dict[int, _Node] = {}
        self._by_feed: dict[int, _Node] = {}
        self._by_folder: dict[tuple[str, ...], _Node] = {}
        self._by_smart: dict[str, _Node] = {}
        self._by_tag: dict[str, _Node] = {}
        self._tags_node: _Node | None = None
        self._structure: tuple[object, ...] = ()
        self._icons: dict[str, QIcon] = {}
        self._icon_provider: IconProvider | None = None
        #: Feeds' own icons with the error mark or greyed out, by state and icon.
        self._marked_icons: dict[tuple[str, int], QIcon] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._build(self._read())

    # -- loading ----------------------------------------------------------------------------

    def _read(self) -> _Contents:
        folders = self._store.list_folders()
        feeds = self._store.list_feeds()
        unread = self._store.count_articles(ArticleQuery(unread=True))
        counts = {
            SmartView.ALL: unread,
            SmartView.UNREAD: unread,
            SmartView.STARRED: self._store.count_articles(ArticleQuery(starred=True)),
        }
        # Tags nothing carries any more (their last article was untagged) stay out of the
        # tree, unless the user gave them a colour; completion still offers them.
        tags = [t for t in self._store.tags.summary() if t.articles or t.highlights or t.color]
        return _Contents(folders, feeds, counts, tags)

    @staticmethod
    def _structure_of(contents: _Contents) -> tuple[object, ...]:
        return (
            tuple(contents.folders),
            tuple((feed.id, feed.folder_path) for feed in contents.feeds),
            tuple(tag.name for tag in contents.tags),
        )

    def _smart_title(self, view: SmartView) -> str:
        return {
            SmartView.ALL: self.tr("All articles"),
            SmartView.UNREAD: self.tr("Unread"),
            SmartView.STARRED: self.tr("Starred"),
        }[view]

    def _build(self, contents: _Contents) -> None:
        folders, feeds, counts = contents.folders, contents.feeds, contents.counts
        self._root = _Node(0, NodeKind.FOLDER, "", None)
        self._nodes = {}
        self._by_feed = {}
        self._by_folder = {}
        self._by_smart = {}
        self._by_tag = {}
        self._tags_node = None
        self._structure = self._structure_of(contents)

        def add(node: _Node) -> _Node:
            assert node.parent is not None
            node.row = len(node.parent.children)
            node.parent.children.append(node)
            self._nodes[node.uid] = node
            return node

        uid = 0

        def next_uid() -> int:
            nonlocal uid
            uid += 1
            return uid

        for view in SmartView:
            self._by_smart[view] = add(
                _Node(
                    next_uid(),
                    NodeKind.SMART,
                    self._smart_title(view),
                    self._root,
                    smart=view,
                    unread=counts[view],
                )
            )
        for path in folders:
            parent = self._by_folder.get(path[:-1], self._root) if len(path) > 1 else self._root
            self._by_folder[path] = add(
                _Node(next_uid(), NodeKind.FOLDER, path[-1], parent, path=path)
            )
        for feed in feeds:
            parent = self._by_folder.get(feed.folder_path, self._root)
            self._by_feed[feed.id] = add(
                _Node(next_uid(), NodeKind.FEED, feed.title, parent, feed=feed, unread=feed.unread)
            )
        heading = _Node(next_uid(), NodeKind.TAGS, self.tr("Tags"), self._root)
        if contents.tags:
            self._tags_node = add(heading)
        for tag in contents.tags:
            parts = tuple(tag.name.split("/"))
            for depth in range(1, len(parts) + 1):
                key = "/".join(parts[:depth]).casefold()
                if key in self._by_tag:
                    continue
                above = "/".join(parts[: depth - 1]).casefold()
                parent = self._by_tag[above] if depth > 1 else heading
                self._by_tag[key] = add(
                    _Node(next_uid(), NodeKind.TAG, parts[depth - 1], parent, path=parts[:depth])
                )
            self._by_tag[tag.name.casefold()].tag = tag
        self._sum_folders()

    def _sum_folders(self) -> None:
        def total(node: _Node) -> int:
            if node.kind is NodeKind.FEED:
                return node.unread
            count = sum(total(child) for child in node.children)
            if node.kind is NodeKind.FOLDER:
                node.unread = count
            return count

        for child in self._root.children:
            if child.kind in (NodeKind.FOLDER, NodeKind.FEED):
                total(child)

    def set_store(self, store: Store) -> None:
        """Show another library (the window opened a different file)."""
        self._store = store
        self.beginResetModel()
        self._build(self._read())
        self.endResetModel()

    @Slot()
    def reload(self) -> None:
        """Read the store again: counts and errors in place when the folders and feeds are the
        same ones in the same order, otherwise a model reset."""
        contents = self._read()
        if self._structure_of(contents) != self._structure:
            self._rebuild(contents)
            return
        before = {uid: node.state() for uid, node in self._nodes.items()}
        for view, node in self._by_smart.items():
            node.unread = contents.counts[SmartView(view)]
        for tag in contents.tags:
            self._by_tag[tag.name.casefold()].tag = tag
        for feed in contents.feeds:
            node = self._by_feed[feed.id]
            node.feed = feed
            node.title = feed.title
            node.unread = feed.unread
        self._sum_folders()
        for uid, node in self._nodes.items():
            if node.state() != before[uid]:
                index = self._index_of(node)
                self.dataChanged.emit(index, index)

    def _rebuild(self, contents: _Contents) -> None:
        """Build the rows anew, moving the persistent indexes (the views' current row,
        selection and expanded rows) to the same folder, feed or tag in the new rows; those
        of rows that are gone become invalid."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        keys = [self._key(self._node(index)) for index in before]
        self._build(contents)
        self.changePersistentIndexList(before, [self._index_for_key(key) for key in keys])
        self.layoutChanged.emit()

    @staticmethod
    def _key(node: _Node | None) -> tuple[object, ...] | None:
        """What a row stands for, the same before and after a rebuild."""
        if node is None:
            return None
        if node.kind is NodeKind.FEED:
            assert node.feed is not None
            return (node.kind, node.feed.id)
        if node.kind is NodeKind.SMART:
            return (node.kind, node.smart)
        if node.kind is NodeKind.TAG:
            return (node.kind, "/".join(node.path).casefold())
        return (node.kind, node.path)

    def _index_for_key(self, key: tuple[object, ...] | None) -> QModelIndex:
        if key is None:
            return QModelIndex()
        kind, value = key
        lookups: dict[object, dict[Any, _Node]] = {
            NodeKind.FEED: self._by_feed,
            NodeKind.SMART: self._by_smart,
            NodeKind.TAG: self._by_tag,
            NodeKind.FOLDER: self._by_folder,
        }
        if kind is NodeKind.TAGS:
            return self._index_of(self._tags_node)
        return self._index_of(lookups[kind].get(value))

    def set_icon_provider(self, provider: IconProvider | None) -> None:
        """Ask ``provider`` for each feed's own icon; None draws the RSS mark for every feed."""
        self._icon_provider = provider
        self._marked_icons.clear()
        for feed_id in self._by_feed:
            self.feed_icon_changed(feed_id)

    @Slot(int)
    def feed_icon_changed(self, feed_id: int) -> None:
        """Repaint a feed's icon (its own icon arrived)."""
        index = self.index_for_feed(feed_id)
        if index.isValid():
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    # -- public look-ups --------------------------------------------------------------------

    def _index_of(self, node: _Node | None) -> QModelIndex:
        if node is None or node is self._root:
            return QModelIndex()
        return self.createIndex(node.row, 0, node.uid)

    def _node(self, index: AnyIndex) -> _Node | None:
        if not index.isValid() or index.model() is not self:
            return None
        return self._nodes.get(index.internalId())

    def index_for_feed(self, feed_id: int) -> QModelIndex:
        """The row of a feed; invalid when the feed is not in the tree."""
        return self._index_of(self._by_feed.get(feed_id))

    def index_for_folder(self, path: Sequence[str]) -> QModelIndex:
        """The row of a folder given as its path of names; invalid when there is none."""
        return self._index_of(self._by_folder.get(tuple(path)))

    def index_for_smart(self, name: str) -> QModelIndex:
        """The row of the smart view "all", "unread" or "starred"."""
        return self._index_of(self._by_smart.get(name))

    def index_for_tag(self, name: str) -> QModelIndex:
        """The row of a tag (or of a level of one: "country" for "country/Mali")."""
        return self._index_of(self._by_tag.get(name.casefold()))

    def index_for_tags_heading(self) -> QModelIndex:
        return self._index_of(self._tags_node)

    def query_for(self, index: AnyIndex) -> ArticleQuery:
        """Which articles the row stands for; every article for an invalid index. A tag
        stands for the articles tagged with it or with a tag below it, by themselves or in
        one of their highlights."""
        node = self._node(index)
        if node is None:
            return ArticleQuery()
        if node.kind is NodeKind.TAG:
            return ArticleQuery(tags=("/".join(node.path),), tags_in_highlights=True)
        if node.kind is NodeKind.FEED:
            assert node.feed is not None
            return ArticleQuery(feed_ids=(node.feed.id,))
        if node.kind is NodeKind.FOLDER:
            return ArticleQuery(folder="/".join(node.path))
        if node.smart is SmartView.UNREAD:
            return ArticleQuery(unread=True)
        if node.smart is SmartView.STARRED:
            return ArticleQuery(starred=True)
        return ArticleQuery()

    # -- Qt model interface -----------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        node = self._node(parent) if parent.isValid() else self._root
        if node is None or row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row].uid)

    def parent(self, index: AnyIndex | None = None) -> Any:
        if index is None:
            return QObject.parent(self)  # the QObject overload: model.parent() is its owner
        node = self._node(index)
        if node is None:
            return QModelIndex()
        return self._index_of(node.parent)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node(parent) if parent.isValid() else self._root
        return 0 if node is None else len(node.children)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 1

    def hasChildren(self, parent: AnyIndex = _ROOT) -> bool:
        return self.rowCount(parent) > 0

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        node = self._node(index)
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        if node.kind is NodeKind.TAGS:
            return Qt.ItemFlag.ItemIsEnabled  # a heading: it opens, it lists nothing
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if node.kind in (NodeKind.SMART, NodeKind.FEED):
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        feed = node.feed
        if role == Qt.ItemDataRole.DisplayRole:
            return node.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon_for(node)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if node.unread > 0 else None
        if role == Qt.ItemDataRole.ForegroundRole:
            # Greyed or red, yet still readable on the palette's base (a disabled text colour
            # is often too faint for a title that is still shown).
            palette = QGuiApplication.palette()
            base = palette.color(QPalette.ColorRole.Base)
            if feed is not None and not feed.enabled:
                grey = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
                return QBrush(legible(grey, base))
            if feed is not None and feed.last_error:
                return QBrush(legible(feed_icons.ERROR_COLOR, base))
            return None
        if role == FeedRole.NodeKind:
            return node.kind
        if role == FeedRole.FeedId:
            return None if feed is None else feed.id
        if role == FeedRole.FolderPath:
            return node.path if node.kind is NodeKind.FOLDER else None
        if role == FeedRole.SmartView:
            return node.smart
        if role == FeedRole.Unread:
            return node.unread
        if role == FeedRole.Error:
            return None if feed is None else feed.last_error
        if role == FeedRole.Feed:
            return feed
        if role == FeedRole.Tag:
            return "/".join(node.path) if node.kind is NodeKind.TAG else None
        return None

    # -- presentation -----------------------------------------------------------------------

    def _tooltip(self, node: _Node) -> str:
        feed = node.feed
        if node.kind is NodeKind.TAGS:
            return html.escape(
                self.tr("Tags of articles and highlights; choose one to list its articles")
            )
        if node.kind is NodeKind.TAG:
            name = html.escape("/".join(node.path))
            if node.tag is None:
                return f"<b>{name}</b>"
            count = node.tag.articles
            articles = (
                self.tr("%Ln article", "", count)
                if count == 1
                else self.tr("%Ln articles", "", count)
            )
            count = node.tag.highlights
            highlights = (
                self.tr("%Ln highlight", "", count)
                if count == 1
                else self.tr("%Ln highlights", "", count)
            )
            return f"<b>{name}</b><br>{html.escape(articles)}, {html.escape(highlights)}"
        if feed is None:
            if node.kind is NodeKind.FOLDER:
                text = self.tr("%Ln unread", "", node.unread)
                return f"<b>{html.escape(node.title)}</b><br>{html.escape(text)}"
            if node.smart is SmartView.STARRED:
                text = self.tr("%Ln starred", "", node.unread)
            else:
                text = self.tr("%Ln unread", "", node.unread)
            return f"<b>{html.escape(node.title)}</b><br>{html.escape(text)}"
        lines = [f"<b>{html.escape(feed.title)}</b>", html.escape(feed.url)]
        if feed.last_checked is not None:
            when = _local_text(feed.last_checked)
            lines.append(html.escape(self.tr("Last checked: {0}").format(when)))
        else:
            lines.append(html.escape(self.tr("Not checked yet")))
        if feed.last_error:
            lines.append(html.escape(self.tr("Last refresh failed: {0}").format(feed.last_error)))
        elif feed.warning:
            lines.append(html.escape(feed.warning))
        if feed.archived:
            lines.append(html.escape(self.tr("Archived: kept for its highlighted articles")))
        elif not feed.enabled:
            lines.append(html.escape(self.tr("Disabled (the server said the feed is gone)")))
        return "<br>".join(lines)

    def _icon_for(self, node: _Node) -> QIcon | None:
        if QGuiApplication.instance() is None:
            return None  # pixmaps need an application; a model alone can still be queried
        if node.kind is NodeKind.FOLDER:
            key = "folder"
        elif node.kind is NodeKind.TAGS:
            key = "tags"
        elif node.kind is NodeKind.TAG:
            key = f"tag-{node.tag.color if node.tag and node.tag.color else ''}"
        elif node.kind is NodeKind.SMART:
            key = f"smart-{node.smart}"
        else:
            assert node.feed is not None
            if not node.feed.enabled:
                key = "feed-disabled"
            elif node.feed.last_error:
                key = "feed-error"
            else:
                key = "feed"
            own = self._own_icon(node.feed, key)
            if own is not None:
                return own
        icon = self._icons.get(key)
        if icon is None:
            icon = self._icons[key] = feed_icons.make_icon(key)
        return icon

    def _own_icon(self, feed: Feed, key: str) -> QIcon | None:
        """The feed's own icon from the provider, marked like the RSS mark would be."""
        if self._icon_provider is None:
            return None
        own = self._icon_provider(feed)
        if own is None or own.isNull():
            return None
        if key == "feed":
            return own
        marked = self._marked_icons.get((key, own.cacheKey()))
        if marked is None:
            marked = self._marked_icons[(key, own.cacheKey())] = feed_icons.mark_icon(own, key)
        return marked


@dataclass(frozen=True, slots=True)
class _Contents:
    """What the tree shows, as read from the store."""

    folders: list[tuple[str, ...]]
    feeds: list[Feed]
    counts: dict[SmartView, int]
    tags: list[TagInfo]


def _local_text(moment: datetime) -> str:
    return short_date_time(moment)


class FeedTreeDelegate(QStyledItemDelegate):
    """Paints a row's title, elided, with its unread count in a rounded badge on the right.

    Signals: none of its own.
    """

    #: Extra height over the style's row height, so rows breathe a little.
    EXTRA_HEIGHT = 6

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        count = index.data(FeedRole.Unread)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Normal
            if opt.state & QStyle.StateFlag.State_Enabled
            else QPalette.ColorGroup.Disabled
        )
        painter.save()
        if isinstance(count, int) and count > 0:
            shown = number(count)
            badge = self._badge_rect(opt, text_rect, shown)
            self._paint_badge(painter, opt, badge, shown, selected)
            text_rect.setRight(badge.left() - 4)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(group, text_role))
        elided = QFontMetrics(opt.font).elidedText(
            title, Qt.TextElideMode.ElideRight, max(0, text_rect.width())
        )
        painter.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            elided,
        )
        painter.restore()

    @staticmethod
    def _badge_font(opt: QStyleOptionViewItem) -> QFont:
        font = QFont(opt.font)
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        return font

    def _badge_rect(self, opt: QStyleOptionViewItem, text_rect: QRect, text: str) -> QRect:
        metrics = QFontMetrics(self._badge_font(opt))
        height = min(text_rect.height(), metrics.height() + 2)
        width = max(height, metrics.horizontalAdvance(text) + 10)
        right = opt.rect.right() - 4
        top = opt.rect.top() + (opt.rect.height() - height) // 2
        return QRect(right - width + 1, top, width, height)

    def _paint_badge(
        self,
        painter: QPainter,
        opt: QStyleOptionViewItem,
        rect: QRect,
        text: str,
        selected: bool,
    ) -> None:
        palette = opt.palette
        paper = palette.color(QPalette.ColorRole.HighlightedText)
        # The badge's small bold digits must read: many palettes pair white with a mid blue
        # (about 3.6:1), so the blue is deepened (or lightened) just enough.
        ink = legible(palette.color(QPalette.ColorRole.Highlight), paper)
        background, foreground = (paper, ink) if selected else (ink, paper)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        radius = rect.height() / 2
        painter.drawRoundedRect(QRectF(rect), radius, radius)
        painter.setPen(foreground)
        painter.setFont(self._badge_font(opt))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + self.EXTRA_HEIGHT)


__all__ = [
    "FeedRole",
    "FeedTreeDelegate",
    "FeedTreeModel",
    "NodeKind",
    "SmartView",
]
