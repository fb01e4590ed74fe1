"""The article list: one query's articles, fetched page by page, or the hits of a search."""

from __future__ import annotations

import html
import math
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    Qt,
    QTime,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QPainter,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from reader.core import MATCH_END, MATCH_START, Store, cursor_after
from reader.core.errors import ArticleNotFoundError, FeedNotFoundError
from reader.core.types import Article, ArticleOrder, ArticleQuery, SearchHit
from reader.ui.i18n import day_and_month, display_locale, short_date, short_time
from reader.ui.icons import drawn_icon

AnyIndex = QModelIndex | QPersistentModelIndex
#: The invisible root, as the default parent of the model methods.
_ROOT = QModelIndex()

#: Rows fetched per page: enough to fill a tall window, small enough to come back at once.
PAGE_SIZE = 200
#: Most search hits shown; search results are ranked, so they are not paged.
SEARCH_LIMIT = 200

TITLE_COLUMN = 0
SOURCE_COLUMN = 1
DATE_COLUMN = 2
COLUMN_COUNT = 3

STAR_COLOR = QColor(0xF5, 0xB3, 0x01)
STAR_OUTLINE = QColor(0xB8, 0x82, 0x00)


class ArticleRole(IntEnum):
    """The article list's own data roles."""

    #: The Article value (as listed: without its body).
    Article = Qt.ItemDataRole.UserRole + 1
    #: The article's id.
    ArticleId = Qt.ItemDataRole.UserRole + 2
    #: For search hits: the snippet as HTML, matched words in <b>…</b>; None otherwise.
    Snippet = Qt.ItemDataRole.UserRole + 3


def snippet_html(snippet: str) -> str:
    """A search snippet as HTML: the text escaped, the matched words in ``<b>…</b>``."""
    return html.escape(snippet, quote=False).replace(MATCH_START, "<b>").replace(MATCH_END, "</b>")


def star_icon() -> QIcon:
    """A small gold star, drawn so it needs no resource file."""

    def paint(painter: QPainter) -> None:
        # Ten points alternating between the outer and the inner radius, top first.
        points = [
            QPointF(8, 8.6) + _rotated(QPointF(0, -(7.0 if i % 2 == 0 else 3.0)), i * 36)
            for i in range(10)
        ]
        painter.setPen(QPen(STAR_OUTLINE, 0.8))
        painter.setBrush(STAR_COLOR)
        painter.drawPolygon(QPolygonF(points))

    return drawn_icon(paint)


def _rotated(point: QPointF, degrees: float) -> QPointF:
    radians = math.radians(degrees)
    cos, sin = math.cos(radians), math.sin(radians)
    return QPointF(point.x() * cos - point.y() * sin, point.x() * sin + point.y() * cos)


class ArticleListModel(QAbstractTableModel):
    """The articles of one query (Title, Source, Date), or the ranked hits of a search.

    A query's rows are fetched lazily, PAGE_SIZE at a time with a keyset cursor, as the view
    scrolls (``canFetchMore``/``fetchMore``); a search shows up to SEARCH_LIMIT hits at once.
    ``data()`` never touches the database.

    Signals:
        loading_finished(int): rows were loaded (a new query, a search, a reload, a sort or
            one more page); the argument is the number of rows now in the model.
        sort_applied(int, Qt.SortOrder): the sort actually used after :meth:`sort`. Titles
            and sources sort ascending only, so the view's header indicator should follow.
    """

    loading_finished = Signal(int)
    sort_applied = Signal(int, Qt.SortOrder)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._query = ArticleQuery()
        self._rows: list[Article] = []
        #: id → row, built when first needed (scrolling through a whole library never needs
        #: it, and it would cost several megabytes there).
        self._index: dict[int, int] | None = None
        self._snippets: dict[int, str] = {}
        self._can_fetch_more = False
        self._fetching = False
        self._search_text: str | None = None
        self._loaded_before_search = PAGE_SIZE
        self._dates: dict[int, str] = {}
        self._feed_titles: dict[str, str] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._star: QIcon | None = None

    # -- state ------------------------------------------------------------------------------

    @property
    def query(self) -> ArticleQuery:
        """The query being listed (also the one a search returns to), without paging."""
        return self._query

    @property
    def is_searching(self) -> bool:
        return self._search_text is not None

    @property
    def search_text(self) -> str | None:
        return self._search_text

    def set_store(self, store: Store) -> None:
        """Show another library: the list is emptied (keeping its sort order) until the next
        :meth:`set_query`."""
        self._store = store
        self._query = ArticleQuery(order=self._query.order)
        self._search_text = None
        self._snippets = {}
        self._reset_rows([], can_fetch_more=False)

    # -- loading ----------------------------------------------------------------------------

    def _list(self, query: ArticleQuery) -> list[Article]:
        try:
            listed = self._store.list_articles(query)
        except FeedNotFoundError:
            # The feed was removed since the query was made: it has no articles any more.
            return []
        return [self._light(article) for article in listed]

    def _light(self, article: Article) -> Article:
        """An article as the list keeps it: only what the list shows, sorts and navigates by,
        with feed titles shared between rows. Scrolled to the end, a list holds every
        article of the library; the rest is read from the store when one is opened."""
        feed_title = self._feed_titles.setdefault(article.feed_title, article.feed_title)
        return replace(
            article,
            key="",
            link=None,
            author=None,
            updated=None,
            first_seen=article.published,
            feed_title=feed_title,
        )

    def _build_index(self) -> dict[int, int]:
        if self._index is None:
            self._index = {article.id: row for row, article in enumerate(self._rows)}
        return self._index

    def _reset_rows(self, rows: list[Article], *, can_fetch_more: bool) -> None:
        self.beginResetModel()
        self._rows = rows
        self._index = None
        self._dates = {}
        self._can_fetch_more = can_fetch_more
        self.endResetModel()
        self.loading_finished.emit(len(rows))

    def _load_query(self, count: int) -> None:
        """List the query's first ``count`` rows (at least one page) in place of the rows."""
        count = max(PAGE_SIZE, count)
        rows = self._list(replace(self._query, limit=count, after=None))
        self._snippets = {}
        self._reset_rows(rows, can_fetch_more=len(rows) == count)

    @Slot(object)
    def set_query(self, query: ArticleQuery) -> None:
        """List ``query``'s articles, its first page only; ends a search."""
        self._query = replace(query, limit=None, after=None)
        self._search_text = None
        self._load_query(PAGE_SIZE)

    def canFetchMore(self, parent: AnyIndex = _ROOT) -> bool:
        return (
            not parent.isValid()
            and self._can_fetch_more
            and self._search_text is None
            and not self._fetching
        )

    def fetchMore(self, parent: AnyIndex = _ROOT) -> None:
        if not self.canFetchMore(parent):
            return
        # Views (and the model tester) may ask for more while rows are being inserted.
        self._fetching = True
        try:
            self._fetch_page()
        finally:
            self._fetching = False
        self.loading_finished.emit(len(self._rows))

    def _fetch_page(self) -> None:
        after = cursor_after(self._rows[-1], self._query.order) if self._rows else None
        page = self._list(replace(self._query, limit=PAGE_SIZE, after=after))
        # A row loaded earlier can come again only if the library changed under the cursor.
        if self._index is None and page and self._rows:
            # Keyset pages never overlap unless the library changed under the cursor, which
            # shows as a page whose first row does not sort after the last one loaded.
            last = cursor_after(self._rows[-1], self._query.order)
            if not _after(cursor_after(page[0], self._query.order), last, self._query.order):
                self._build_index()
        if self._index is not None:
            page = [article for article in page if article.id not in self._index]
        self._can_fetch_more = len(page) == PAGE_SIZE
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            for offset, article in enumerate(page):
                if self._index is not None:
                    self._index[article.id] = first + offset
            self._rows.extend(page)
            self.endInsertRows()

    @Slot(str)
    def set_search(self, text: str) -> None:
        """Show the best hits for ``text`` (ranked); blank text ends the search."""
        if not text.strip():
            self.clear_search()
            return
        if self._search_text is None:
            self._loaded_before_search = len(self._rows)
        self._search_text = text
        self._show_hits(self._store.search(text, limit=SEARCH_LIMIT))

    def _show_hits(self, hits: list[SearchHit]) -> None:
        self._snippets = {hit.article.id: snippet_html(hit.snippet) for hit in hits}
        for hit in hits:
            self._feed_titles.setdefault(hit.article.feed_title, hit.article.feed_title)
        self._reset_rows([hit.article for hit in hits], can_fetch_more=False)

    @Slot()
    def clear_search(self) -> None:
        """Back to the query listed before the search, with as many rows as it had."""
        if self._search_text is None:
            return
        self._search_text = None
        self._load_query(self._loaded_before_search)

    @Slot()
    def reload(self) -> None:
        """Run the query (or the search) again, keeping as many rows loaded as now (at least
        one page). The model is reset: find the selected article again with :meth:`row_of`."""
        if self._search_text is not None:
            self._show_hits(self._store.search(self._search_text, limit=SEARCH_LIMIT))
        else:
            self._load_query(len(self._rows))

    # -- single rows ------------------------------------------------------------------------

    def sources(self) -> list[str]:
        """The feed titles the list has shown since it was made (a few dozen at most: one
        per feed), for sizing the Source column without reading every row."""
        return list(self._feed_titles)

    def article_at(self, row: int) -> Article | None:
        """The article shown on ``row``, or None."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, article_id: int) -> int:
        """The row of an article, or -1 when it is not loaded."""
        return self._build_index().get(article_id, -1)

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))

    @Slot(int)
    def refresh_article(self, article_id: int) -> None:
        """Read one article again (after its read, starred or tag state changed). It stays in
        the list even if it no longer matches the query, so rows do not vanish under the
        user; an article deleted from the library leaves the list."""
        row = self.row_of(article_id)
        if row < 0:
            return
        try:
            fresh = self._store.get_article(article_id)
        except ArticleNotFoundError:
            self._remove_row(row)
            return
        # Keep list rows light: the body is read by whoever shows the article.
        self._rows[row] = replace(fresh, summary_html="", content_html="", text="", also_in=())
        self._dates.pop(article_id, None)
        self._row_changed(row)

    def _remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        article = self._rows.pop(row)
        self._snippets.pop(article.id, None)
        self._index = None
        self.endRemoveRows()

    def set_read_state(self, article_ids: Iterable[int], read: bool) -> None:
        """Show articles as read or unread (the store was already told); no query runs."""
        rows = []
        for article_id in article_ids:
            row = self.row_of(article_id)
            if row >= 0 and self._rows[row].read != read:
                self._rows[row] = replace(self._rows[row], read=read)
                rows.append(row)
        if rows:
            self.dataChanged.emit(
                self.index(min(rows), 0),
                self.index(max(rows), COLUMN_COUNT - 1),
                [Qt.ItemDataRole.FontRole, ArticleRole.Article],
            )

    # -- sorting ----------------------------------------------------------------------------

    @staticmethod
    def order_for(column: int, order: Qt.SortOrder) -> ArticleOrder:
        """The store's order for a click on a column header."""
        if column == TITLE_COLUMN:
            return "title"
        if column == SOURCE_COLUMN:
            return "source"
        return "oldest" if order == Qt.SortOrder.AscendingOrder else "newest"

    @staticmethod
    def sort_indicator(order: ArticleOrder) -> tuple[int, Qt.SortOrder]:
        """The column and direction a header shows for the store's ``order``."""
        return {
            "title": (TITLE_COLUMN, Qt.SortOrder.AscendingOrder),
            "source": (SOURCE_COLUMN, Qt.SortOrder.AscendingOrder),
            "oldest": (DATE_COLUMN, Qt.SortOrder.AscendingOrder),
            "newest": (DATE_COLUMN, Qt.SortOrder.DescendingOrder),
        }[order]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Title and Source sort A to Z only (the library has no reverse order for them);
        Date sorts newest or oldest first. Search hits are sorted in memory."""
        if not 0 <= column < COLUMN_COUNT:
            return
        wanted = self.order_for(column, order)
        if wanted != self._query.order:
            self._query = replace(self._query, order=wanted)
            if self._search_text is None:
                self._load_query(len(self._rows))
            else:
                self._sort_hits(wanted)
        self.sort_applied.emit(*self.sort_indicator(wanted))

    def _sort_hits(self, order: ArticleOrder) -> None:
        rows = list(self._rows)
        if order == "title":
            rows.sort(key=lambda a: (a.title.casefold(), a.id))
        elif order == "source":
            rows.sort(key=lambda a: (a.feed_title.casefold(), a.id))
        else:
            rows.sort(key=lambda a: (a.published, a.id), reverse=order == "newest")
        self._reset_rows(rows, can_fetch_more=False)

    # -- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Title"), self.tr("Source"), self.tr("Date"))
        return titles[section] if 0 <= section < COLUMN_COUNT else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        article = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TITLE_COLUMN:
                return article.title or self.tr("(untitled)")
            if column == SOURCE_COLUMN:
                return article.feed_title
            return self._date_text(article)
        if role == Qt.ItemDataRole.FontRole:
            return None if article.read else self._bold
        if role == Qt.ItemDataRole.DecorationRole:
            if column == TITLE_COLUMN and article.starred and QGuiApplication.instance():
                if self._star is None:
                    self._star = star_icon()
                return self._star
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(article)
        if role == ArticleRole.Article:
            return article
        if role == ArticleRole.ArticleId:
            return article.id
        if role == ArticleRole.Snippet:
            return self._snippets.get(article.id)
        return None

    # -- presentation -----------------------------------------------------------------------

    def _tooltip(self, article: Article) -> str:
        lines = [
            f"<b>{html.escape(article.title or self.tr('(untitled)'))}</b>",
            html.escape(article.feed_title),
        ]
        if article.tags:
            tags = ", ".join(article.tags)
            lines.append(html.escape(self.tr("Tags: {0}").format(tags)))
        snippet = self._snippets.get(article.id)
        if snippet:
            # Search results show where the words matched (already escaped, words in <b>).
            lines.append(f"<i>{snippet}</i>")
        return "<br>".join(lines)

    def _date_text(self, article: Article) -> str:
        text = self._dates.get(article.id)
        if text is None:
            text = self._dates[article.id] = format_date(article.published, self._store.now())
        return text


def format_date(moment: datetime, now: datetime) -> str:
    """A date as the list shows it, in local time: the time for today, the day and month
    this year, else the locale's short date."""
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    today = QDateTime.fromSecsSinceEpoch(int(now.timestamp())).date()
    if local.date() == today:
        return short_time(moment)
    if local.date().year() == today.year():
        return day_and_month(moment)
    return short_date(moment)


def _after(a: tuple[Any, int], b: tuple[Any, int], order: str) -> bool:
    """Whether keyset cursor ``a`` comes strictly after ``b`` in the listing's order."""
    return a < b if order == "newest" else a > b


class ArticleListView(QTableView):
    """The article list as a table whose Title column takes the width the Source and Date
    columns leave. Those two are sized to their content (the widest source shown so far,
    within a share of the width; the widest date the list writes) until the user resizes
    one, and then keep the user's width (:meth:`column_widths`, :meth:`set_column_widths`).

    Signals: only those of QTableView.
    """

    #: The most of the list's width an automatically sized Source column takes.
    SOURCE_SHARE = 0.22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: Widths the user gave by dragging a column's edge, by column.
        self._user_widths: dict[int, int] = {}
        self._fitting = False
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Rows are read whole: Tab leaves the list instead of walking its cells forever.
        self.setTabKeyNavigation(False)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("x" * 6))
        header.sectionResized.connect(self._on_section_resized)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        # Never "resize to contents": that reads every loaded row each time the list changes.
        header.setSectionResizeMode(SOURCE_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DATE_COLUMN, QHeaderView.ResizeMode.Interactive)
        if isinstance(model, ArticleListModel):
            model.loading_finished.connect(self.fit_columns)
        self.fit_columns()

    # -- column widths ----------------------------------------------------------------------

    def column_widths(self) -> dict[int, int]:
        """The widths the user chose, by column (Source, Date); empty when none was."""
        return dict(self._user_widths)

    def set_column_widths(self, widths: dict[int, int]) -> None:
        """Keep these widths (by column; 0 or missing: sized to the content)."""
        self._user_widths = {
            column: width
            for column, width in widths.items()
            if column in (SOURCE_COLUMN, DATE_COLUMN) and width > 0
        }
        self.fit_columns()

    @Slot()
    def fit_columns(self) -> None:
        """Size Source and Date to their content, unless the user sized them."""
        if self.model() is None:
            return
        header = self.horizontalHeader()
        wanted = {
            SOURCE_COLUMN: self._user_widths.get(SOURCE_COLUMN) or self._source_width(),
            DATE_COLUMN: self._user_widths.get(DATE_COLUMN) or self._date_width(),
        }
        self._fitting = True
        try:
            for column, width in wanted.items():
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._fitting = False

    def _cell_width(self, texts: Iterable[str], column: int) -> int:
        """The width a cell needs for the widest of ``texts`` in bold (unread rows), at
        least the header's own width."""
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
        # The style's text margin on each side of a cell, and one more pixel each side.
        margin = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 2)
        header = self.horizontalHeader().sectionSizeFromContents(column).width()
        return max(widest + margin, header)

    def _source_width(self) -> int:
        model = self.model()
        sources = model.sources() if isinstance(model, ArticleListModel) else []
        width = self._cell_width(sources, SOURCE_COLUMN)
        share = int(self.viewport().width() * self.SOURCE_SHARE)
        floor = self._cell_width(["x" * 12], SOURCE_COLUMN)
        return min(width, max(share, floor))

    def _date_width(self) -> int:
        # The widest of what format_date writes: a time, a day and month (every month's
        # abbreviation), a short date with two-digit day and month.
        locale = display_locale()
        short = QLocale.FormatType.ShortFormat
        texts = [locale.toString(QTime(23, 58), short), locale.toString(QDate(2026, 12, 28), short)]
        texts += [locale.toString(QDate(2026, month, 28), "d MMM") for month in range(1, 13)]
        return self._cell_width(texts, DATE_COLUMN)

    @Slot(int, int, int)
    def _on_section_resized(self, column: int, _old: int, new: int) -> None:
        if not self._fitting and column in (SOURCE_COLUMN, DATE_COLUMN):
            self._user_widths[column] = new

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The Source column's share of the width follows the width.
        if SOURCE_COLUMN not in self._user_widths:
            self.fit_columns()
