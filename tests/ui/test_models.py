"""The feed tree and article list models, driven as a view would drive them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import (
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
)
from PySide6.QtGui import QBrush, QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem, QTreeView
from pytestqt.qtbot import QtBot

import reader.paths
from reader.core.demo import seed_demo_library
from reader.core.storage import Store
from reader.core.types import Article, ArticleQuery
from reader.ui.article_list import (
    DATE_COLUMN,
    PAGE_SIZE,
    SOURCE_COLUMN,
    TITLE_COLUMN,
    ArticleListModel,
    ArticleRole,
    format_date,
    snippet_html,
)
from reader.ui.feed_tree import FeedRole, FeedTreeDelegate, FeedTreeModel
from reader.ui.i18n import display_locale
from tests.factories import T0, entry, feed

GENERATED_FEEDS = 4
GENERATED_PER_FEED = 250
WORDS = ("alpha", "Bravo", "charlie", "Delta", "echo", "Foxtrot")


@pytest.fixture(autouse=True)
def _application(qapp: QApplication) -> QApplication:
    """Icons and fonts need the application, even in tests that show no widget."""
    return qapp


@pytest.fixture
def demo_store(store: Store) -> Store:
    seed_demo_library(store, reader.paths.resources_dir() / "demo")
    return store


@pytest.fixture
def big_store(store: Store) -> Store:
    """1 000 articles in four feeds; titles in an order unrelated to dates, mixed case."""
    total = GENERATED_FEEDS * GENERATED_PER_FEED
    # A fixed permutation (7 and 1000 are coprime) so titles do not follow dates.
    numbers = [(n * 7) % total for n in range(total)]
    for f in range(GENERATED_FEEDS):
        added = store.add_feed(f"https://gen{f}.example/feed.xml", folder="Generated")
        entries = []
        for i in range(GENERATED_PER_FEED):
            n = f * GENERATED_PER_FEED + i
            number = numbers[n]
            entries.append(
                entry(
                    f"g{f}-{i}",
                    f"{WORDS[number % len(WORDS)]} {number:04d}",
                    f"Body of article {number}.",
                    link=f"https://gen{f}.example/{i}",
                    published=T0 - timedelta(minutes=3 * n + 1),
                )
            )
        store.store_parsed_feed(added.id, feed(*entries, title=f"Source {f}"))
    return store


def walk(model: FeedTreeModel, parent: QModelIndex | None = None) -> Iterator[QModelIndex]:
    """Every index of the tree, parents before children."""
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from walk(model, index)


def load_all(model: ArticleListModel) -> int:
    """Fetch every page as a scrolling view would; returns the number of fetches."""
    fetches = 0
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        fetches += 1
    return fetches


def rows(model: ArticleListModel) -> list[Article]:
    loaded = [model.article_at(row) for row in range(model.rowCount())]
    assert all(article is not None for article in loaded)
    return loaded  # type: ignore[return-value]


# -- feed tree --------------------------------------------------------------------------------


@pytest.mark.parametrize("force_py", [False, True])
@pytest.mark.parametrize("library", ["store", "demo_store"])
def test_feed_tree_passes_the_model_tester(
    qtmodeltester, request: pytest.FixtureRequest, library: str, force_py: bool
) -> None:
    model = FeedTreeModel(request.getfixturevalue(library))
    qtmodeltester.check(model, force_py=force_py)
    model.reload()


def test_feed_tree_shows_smart_views_then_folders_with_unread_sums(demo_store: Store) -> None:
    model = FeedTreeModel(demo_store)
    top = [model.index(row, 0) for row in range(model.rowCount())]
    titles = [index.data() for index in top]
    assert titles[:3] == ["All articles", "Unread", "Starred"]
    assert titles[3:] == ["Presse nationale", "Analyse", "Institutions", "Tags"]
    assert [index.data(FeedRole.NodeKind) for index in top[:4]] == ["smart"] * 3 + ["folder"]
    assert [index.data(FeedRole.SmartView) for index in top[:3]] == ["all", "unread", "starred"]

    stats = demo_store.stats()
    starred = demo_store.count_articles(ArticleQuery(starred=True))
    assert [index.data(FeedRole.Unread) for index in top[:3]] == [
        stats.unread,
        stats.unread,
        starred,
    ]
    assert starred > 0

    feeds = demo_store.list_feeds()
    for folder in top[3:6]:
        path = folder.data(FeedRole.FolderPath)
        members = [f for f in feeds if f.folder_path == path]
        assert folder.data(FeedRole.Unread) == sum(f.unread for f in members) > 0
        children = [model.index(row, 0, folder) for row in range(model.rowCount(folder))]
        assert [child.data(FeedRole.FeedId) for child in children] == [f.id for f in members]
        assert [child.data() for child in children] == [f.title for f in members]
        assert all(child.data(FeedRole.NodeKind) == "feed" for child in children)
        assert model.index_for_folder(path) == folder
    assert top[3].data(FeedRole.Unread) == 14  # Le Courrier du Sahel 8 + Radio Kanem 6
    assert top[3].data(Qt.ItemDataRole.FontRole).bold()
    assert isinstance(top[3].data(Qt.ItemDataRole.DecorationRole), QIcon)


def test_feed_tree_nests_folders_and_puts_top_level_feeds_after_them(store: Store) -> None:
    inner = store.add_feed("https://inner.example/feed", folder=("Sahel", "Mali"))
    outer = store.add_feed("https://outer.example/feed", folder="Sahel")
    loose = store.add_feed("https://loose.example/feed")
    model = FeedTreeModel(store)
    assert [model.index(row, 0).data() for row in range(model.rowCount())][3:] == [
        "Sahel",
        "https://loose.example/feed",
    ]
    sahel = model.index_for_folder(("Sahel",))
    mali = model.index_for_folder(("Sahel", "Mali"))
    assert mali.parent() == sahel
    assert model.index_for_feed(inner.id).parent() == mali
    assert model.index_for_feed(outer.id).parent() == sahel
    assert not model.index_for_feed(loose.id).parent().isValid()
    assert not model.index_for_feed(9999).isValid()
    assert not model.index_for_folder(("Nowhere",)).isValid()
    # Empty feeds: no unread, so no bold.
    assert sahel.data(FeedRole.Unread) == 0
    assert sahel.data(Qt.ItemDataRole.FontRole) is None


def test_reload_after_reading_updates_counts_in_place(qtbot: QtBot, demo_store: Store) -> None:
    model = FeedTreeModel(demo_store)
    first = demo_store.list_feeds()[0]
    feed_row = QPersistentModelIndex(model.index_for_feed(first.id))
    folder_row = QPersistentModelIndex(model.index_for_folder(first.folder_path))
    unread_row = QPersistentModelIndex(model.index_for_smart("unread"))
    before = (feed_row.data(FeedRole.Unread), folder_row.data(FeedRole.Unread))
    ids = [a.id for a in demo_store.list_articles(ArticleQuery(feed_ids=(first.id,)))][:3]
    demo_store.set_read(ids)

    with (
        qtbot.assert_not_emitted(model.modelReset),
        qtbot.waitSignal(model.dataChanged),
    ):
        model.reload()

    assert feed_row.isValid() and folder_row.isValid() and unread_row.isValid()
    assert feed_row.data(FeedRole.Unread) == before[0] - 3
    assert folder_row.data(FeedRole.Unread) == before[1] - 3
    assert unread_row.data(FeedRole.Unread) == demo_store.stats().unread
    assert feed_row.data(FeedRole.Feed).unread == before[0] - 3


def test_reload_after_adding_a_feed_rebuilds_the_rows_as_a_layout_change(
    qtbot: QtBot, demo_store: Store
) -> None:
    model = FeedTreeModel(demo_store)
    added = demo_store.add_feed("https://new.example/feed.xml", folder="Analyse")
    assert not model.index_for_feed(added.id).isValid()
    # Not a reset: the views keep their selection and expanded folders.
    with qtbot.waitSignal(model.layoutChanged), qtbot.assertNotEmitted(model.modelReset):
        model.reload()
    index = model.index_for_feed(added.id)
    assert index.isValid()
    assert index.parent() == model.index_for_folder(("Analyse",))


def test_a_failed_feed_shows_its_error(demo_store: Store) -> None:
    model = FeedTreeModel(demo_store)
    failing, healthy = demo_store.list_feeds()[:2]
    healthy_icon = model.index_for_feed(healthy.id).data(Qt.ItemDataRole.DecorationRole)
    demo_store.record_error(failing.id, "HTTP 500 <Internal Server Error>")
    model.reload()

    index = model.index_for_feed(failing.id)
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "Last refresh failed: HTTP 500 &lt;Internal Server Error&gt;" in tooltip
    assert failing.url in tooltip
    assert "Last checked" in tooltip
    assert index.data(FeedRole.Error) == "HTTP 500 <Internal Server Error>"
    foreground = index.data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(foreground, QBrush)
    assert foreground.color().red() > foreground.color().green()
    assert model.index_for_feed(healthy.id).data(Qt.ItemDataRole.ForegroundRole) is None
    icon = index.data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon)
    assert icon.cacheKey() != healthy_icon.cacheKey()
    healthy_tip = model.index_for_feed(healthy.id).data(Qt.ItemDataRole.ToolTipRole)
    assert "failed" not in healthy_tip


def test_a_disabled_feed_is_greyed_and_says_why(demo_store: Store) -> None:
    model = FeedTreeModel(demo_store)
    gone = demo_store.list_feeds()[0]
    demo_store.record_error(gone.id, "HTTP 410 Gone", disable=True)
    model.reload()
    index = model.index_for_feed(gone.id)
    assert "Disabled (the server said the feed is gone)" in index.data(Qt.ItemDataRole.ToolTipRole)
    brush = index.data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush)
    assert brush.color() != QBrush(Qt.GlobalColor.red).color()


def test_query_for_maps_each_row_to_its_articles(qtbot: QtBot, demo_store: Store) -> None:
    tree = FeedTreeModel(demo_store)
    articles = ArticleListModel(demo_store)
    assert tree.query_for(tree.index_for_smart("all")) == ArticleQuery()
    assert tree.query_for(tree.index_for_smart("unread")) == ArticleQuery(unread=True)
    assert tree.query_for(tree.index_for_smart("starred")) == ArticleQuery(starred=True)
    assert tree.query_for(tree.index_for_folder(("Analyse",))) == ArticleQuery(folder="Analyse")
    assert tree.query_for(tree.index_for_feed(3)) == ArticleQuery(feed_ids=(3,))

    every = demo_store.list_articles()
    stats = demo_store.stats()
    expected = {
        "all": stats.articles,
        "unread": stats.unread,
        "starred": sum(a.starred for a in every),
    }
    for index in walk(tree):
        with qtbot.waitSignal(articles.loading_finished) as blocker:
            articles.set_query(tree.query_for(index))
        load_all(articles)
        kind = index.data(FeedRole.NodeKind)
        if kind == "smart":
            wanted = expected[index.data(FeedRole.SmartView)]
        elif kind == "feed":
            wanted = index.data(FeedRole.Feed).total
        elif kind == "tags":
            wanted = stats.articles
        elif kind == "tag":
            name = index.data(FeedRole.Tag)
            wanted = sum(
                any(
                    t.casefold() == name.casefold()
                    or t.casefold().startswith(name.casefold() + "/")
                    for t in a.tags
                )
                for a in every
            )
        else:
            path = index.data(FeedRole.FolderPath)
            members = {f.id for f in demo_store.list_feeds() if f.folder_path == path}
            wanted = sum(a.feed_id in members for a in every)
        assert blocker.args == [articles.rowCount()]
        assert articles.rowCount() == wanted, index.data()


def test_delegate_draws_badges_and_adds_height(qtbot: QtBot, demo_store: Store) -> None:
    model = FeedTreeModel(demo_store)
    view = QTreeView()
    qtbot.addWidget(view)
    delegate = FeedTreeDelegate(view)
    view.setModel(model)
    view.setItemDelegate(delegate)
    view.expandAll()
    view.resize(260, 400)
    assert not view.grab().isNull()  # paints every visible row through the delegate

    option = QStyleOptionViewItem()
    option.initFrom(view)
    index = model.index_for_smart("all")
    plain = QStyledItemDelegate().sizeHint(option, index)
    assert delegate.sizeHint(option, index).height() > plain.height()


# -- article list -------------------------------------------------------------------------


@pytest.mark.parametrize("force_py", [False, True])
@pytest.mark.parametrize("library", ["store", "demo_store"])
def test_article_list_passes_the_model_tester(
    qtmodeltester, request: pytest.FixtureRequest, library: str, force_py: bool
) -> None:
    model = ArticleListModel(request.getfixturevalue(library))
    model.set_query(ArticleQuery())
    qtmodeltester.check(model, force_py=force_py)
    model.reload()


def test_article_list_passes_the_model_tester_while_paging(qtmodeltester, big_store: Store) -> None:
    model = ArticleListModel(big_store)
    model.set_query(ArticleQuery())
    qtmodeltester.check(model)
    load_all(model)
    model.set_search("alpha")
    model.clear_search()


def test_set_query_loads_one_page(
    qtbot: QtBot, big_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    queries: list[ArticleQuery] = []
    original = big_store.list_articles

    def spy(query: ArticleQuery) -> list[Article]:
        queries.append(query)
        return original(query)

    monkeypatch.setattr(big_store, "list_articles", spy)
    model = ArticleListModel(big_store)
    with qtbot.waitSignal(model.loading_finished, check_params_cb=lambda n: n == PAGE_SIZE):
        model.set_query(ArticleQuery(limit=5))
    assert model.rowCount() == PAGE_SIZE == 200
    assert model.canFetchMore(QModelIndex())
    assert queries == [ArticleQuery(limit=PAGE_SIZE)]

    fetches = load_all(model)
    assert fetches == 5  # four more full pages, then an empty one ends the walk
    assert not model.canFetchMore(QModelIndex())
    assert all(q.limit == PAGE_SIZE for q in queries)
    assert all(q.after is not None for q in queries[1:])

    listed = rows(model)
    ids = [a.id for a in listed]
    assert len(ids) == len(set(ids)) == GENERATED_FEEDS * GENERATED_PER_FEED
    assert [a.published for a in listed] == sorted((a.published for a in listed), reverse=True)
    assert [model.row_of(i) for i in ids] == list(range(len(ids)))


def test_fetch_more_reports_the_rows_loaded(qtbot: QtBot, big_store: Store) -> None:
    model = ArticleListModel(big_store)
    model.set_query(ArticleQuery())
    with (
        qtbot.waitSignal(model.rowsInserted),
        qtbot.waitSignal(model.loading_finished, check_params_cb=lambda n: n == 2 * PAGE_SIZE),
    ):
        model.fetchMore(QModelIndex())


def test_sorting_by_title_and_date(qtbot: QtBot, big_store: Store) -> None:
    model = ArticleListModel(big_store)
    model.set_query(ArticleQuery())

    with qtbot.waitSignal(model.modelReset):
        model.sort(TITLE_COLUMN, Qt.SortOrder.AscendingOrder)
    assert model.query.order == "title"
    load_all(model)
    titles = [a.title for a in rows(model)]
    assert len(titles) == len(set(titles)) == GENERATED_FEEDS * GENERATED_PER_FEED
    assert titles == sorted(titles, key=str.casefold)
    assert model.index(0, TITLE_COLUMN).data() == titles[0]

    with qtbot.waitSignal(model.loading_finished):
        model.sort(DATE_COLUMN, Qt.SortOrder.AscendingOrder)
    assert model.query.order == "oldest"
    dates = [a.published for a in rows(model)]
    assert dates == sorted(dates)
    # Rows loaded before the sort stay loaded: the whole library here.
    assert model.rowCount() == GENERATED_FEEDS * GENERATED_PER_FEED

    model.sort(DATE_COLUMN, Qt.SortOrder.DescendingOrder)
    newest = rows(model)
    assert [a.published for a in newest] == sorted(dates, reverse=True)


def test_title_and_source_sort_ascending_only(qtbot: QtBot, big_store: Store) -> None:
    model = ArticleListModel(big_store)
    model.set_query(ArticleQuery())
    with qtbot.waitSignal(
        model.sort_applied,
        check_params_cb=lambda column, order: (
            (column, order) == (TITLE_COLUMN, Qt.SortOrder.AscendingOrder)
        ),
    ):
        model.sort(TITLE_COLUMN, Qt.SortOrder.DescendingOrder)
    assert model.query.order == "title"

    model.sort(SOURCE_COLUMN, Qt.SortOrder.AscendingOrder)
    load_all(model)
    sources = [a.feed_title for a in rows(model)]
    assert sources == sorted(sources, key=str.casefold)
    assert len({a.id for a in rows(model)}) == model.rowCount()

    # Asking again for the order in force runs no query.
    with qtbot.assert_not_emitted(model.modelReset):
        model.sort(SOURCE_COLUMN, Qt.SortOrder.DescendingOrder)


def test_unread_rows_are_bold_until_marked_read(qtbot: QtBot, big_store: Store) -> None:
    model = ArticleListModel(big_store)
    model.set_query(ArticleQuery())
    first = model.article_at(0)
    assert first is not None and not first.read
    font = model.index(0, TITLE_COLUMN).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()

    big_store.set_read([first.id])
    with qtbot.waitSignal(model.dataChanged):
        model.set_read_state([first.id, 123456], True)
    assert model.index(0, SOURCE_COLUMN).data(Qt.ItemDataRole.FontRole) is None
    assert model.article_at(0).read  # type: ignore[union-attr]

    with qtbot.assert_not_emitted(model.dataChanged):
        model.set_read_state([first.id], True)  # already shown as read
    model.set_read_state([first.id], False)
    assert model.index(0, DATE_COLUMN).data(Qt.ItemDataRole.FontRole).bold()


def test_refresh_article_shows_a_new_star(qtbot: QtBot, big_store: Store) -> None:
    model = ArticleListModel(big_store)
    model.set_query(ArticleQuery())
    article = model.article_at(3)
    assert article is not None
    assert model.index(3, TITLE_COLUMN).data(Qt.ItemDataRole.DecorationRole) is None
    big_store.set_starred(article.id)
    big_store.tag_article(article.id, ["Sahel/Mali"])
    with qtbot.waitSignal(model.dataChanged):
        model.refresh_article(article.id)
    assert isinstance(model.index(3, TITLE_COLUMN).data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert model.index(3, DATE_COLUMN).data(Qt.ItemDataRole.DecorationRole) is None
    assert model.index(3, 0).data(ArticleRole.Article).starred
    assert model.index(3, 0).data(ArticleRole.Article).content_html == ""
    tooltip = model.index(3, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert article.title in tooltip and article.feed_title in tooltip and "Sahel/Mali" in tooltip
    with qtbot.assert_not_emitted(model.dataChanged):
        model.refresh_article(987654)  # not listed: nothing to do


def test_search_shows_ranked_hits_with_html_snippets(qtbot: QtBot, big_store: Store) -> None:
    added = big_store.add_feed("https://search.example/feed.xml")
    big_store.store_parsed_feed(
        added.id,
        feed(
            entry("s1", "Harmattan winds", "Dust <everywhere> & the harmattan blows again."),
            entry("s2", "Market news", "Traders <and> farmers mention the harmattan & more."),
        ),
    )
    model = ArticleListModel(big_store)
    model.set_query(ArticleQuery())
    with qtbot.waitSignal(model.loading_finished, check_params_cb=lambda n: n == 2):
        model.set_search("harmattan")
    assert model.is_searching
    assert not model.canFetchMore(QModelIndex())
    assert [a.title for a in rows(model)] == ["Harmattan winds", "Market news"]
    assert model.index(0, 0).data(ArticleRole.Snippet) == "<b>Harmattan</b> winds"
    snippet = model.index(1, 0).data(ArticleRole.Snippet)
    assert "<b>harmattan</b>" in snippet
    assert "&lt;and&gt;" in snippet and "&amp;" in snippet
    assert "<and>" not in snippet
    assert snippet_html("a \ue000b\ue001 <c>") == "a <b>b</b> &lt;c&gt;"


def test_clear_search_restores_the_previous_rows(qtbot: QtBot, big_store: Store) -> None:
    model = ArticleListModel(big_store)
    model.set_query(ArticleQuery(feed_ids=(2,)))
    model.fetchMore(QModelIndex())
    before = [a.id for a in rows(model)]
    assert len(before) == GENERATED_PER_FEED

    model.set_search("alpha")
    assert 0 < model.rowCount() < len(before)
    assert model.index(0, 0).data(ArticleRole.Snippet)
    with qtbot.waitSignal(model.loading_finished):
        model.clear_search()
    assert not model.is_searching
    assert [a.id for a in rows(model)] == before
    assert model.index(0, 0).data(ArticleRole.Snippet) is None

    model.set_search("   ")  # blank: nothing to search, the list stays
    assert not model.is_searching and model.rowCount() == len(before)


def test_row_of_and_article_at_round_trip(big_store: Store) -> None:
    model = ArticleListModel(big_store)
    model.set_query(ArticleQuery(order="oldest"))
    for row in (0, 1, 57, PAGE_SIZE - 1):
        article = model.article_at(row)
        assert article is not None
        assert model.row_of(article.id) == row
        assert model.index(row, 0).data(ArticleRole.ArticleId) == article.id
        assert model.index(row, 0).data(ArticleRole.Article) == article
    assert model.article_at(-1) is None
    assert model.article_at(PAGE_SIZE) is None
    assert model.row_of(10_000_000) == -1


def test_reload_keeps_the_loaded_rows_and_finds_new_articles(
    qtbot: QtBot, big_store: Store
) -> None:
    model = ArticleListModel(big_store)
    model.set_query(ArticleQuery())
    model.fetchMore(QModelIndex())
    selected = model.article_at(250)
    assert selected is not None
    fresh = big_store.add_feed("https://fresh.example/feed.xml")
    big_store.store_parsed_feed(
        fresh.id, feed(entry("new", "Breaking", "Just in.", published=T0 + timedelta(minutes=5)))
    )
    with qtbot.waitSignal(model.modelReset):
        model.reload()
    assert model.rowCount() >= 2 * PAGE_SIZE
    assert model.article_at(0).title == "Breaking"  # type: ignore[union-attr]
    assert model.row_of(selected.id) == 251


def test_a_removed_feed_lists_no_articles(big_store: Store) -> None:
    model = ArticleListModel(big_store)
    model.set_query(ArticleQuery(feed_ids=(1,)))
    big_store.remove_feed(1)
    model.reload()
    assert model.rowCount() == 0
    assert not model.canFetchMore(QModelIndex())


def test_columns_show_title_source_and_date(big_store: Store) -> None:
    model = ArticleListModel(big_store)
    model.set_query(ArticleQuery())
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Title",
        "Source",
        "Date",
    ]
    article = model.article_at(0)
    assert article is not None
    assert model.index(0, TITLE_COLUMN).data() == article.title
    assert model.index(0, SOURCE_COLUMN).data() == article.feed_title
    assert model.index(0, DATE_COLUMN).data() == format_date(article.published, big_store.now())


def test_dates_show_time_today_day_this_year_else_short_date() -> None:
    def utc(day: QDate, time: QTime) -> datetime:
        seconds = QDateTime(day, time).toSecsSinceEpoch()  # local time
        return datetime.fromtimestamp(seconds, UTC)

    locale = display_locale()  # the bare C locale (LANG=C) writes as British English
    now = utc(QDate(2026, 11, 28), QTime(14, 5))
    today = utc(QDate(2026, 11, 28), QTime(9, 30))
    spring = utc(QDate(2026, 3, 2), QTime(10, 0))
    last_year = utc(QDate(2025, 11, 28), QTime(10, 0))
    assert format_date(today, now) == locale.toString(QTime(9, 30), QLocale.FormatType.ShortFormat)
    assert format_date(spring, now) == locale.toString(QDate(2026, 3, 2), "d MMM")
    assert format_date(last_year, now) == locale.toString(
        QDate(2025, 11, 28), QLocale.FormatType.ShortFormat
    )


def test_set_store_empties_the_list(big_store: Store, tmp_path) -> None:
    model = ArticleListModel(big_store)
    model.set_query(ArticleQuery(order="title"))
    with Store(tmp_path / "other.sqlite3") as other:
        model.set_store(other)
        assert model.rowCount() == 0
        assert model.query == ArticleQuery(order="title")
        tree = FeedTreeModel(big_store)
        tree.set_store(other)
        assert tree.rowCount() == 3


def test_tooltips_of_folders_and_smart_views(demo_store: Store) -> None:
    model = FeedTreeModel(demo_store)
    folder_tip = model.index_for_folder(("Institutions",)).data(Qt.ItemDataRole.ToolTipRole)
    assert folder_tip == "<b>Institutions</b><br>4 unread"
    starred = model.index_for_smart("starred")
    assert f"{starred.data(FeedRole.Unread)} starred" in starred.data(Qt.ItemDataRole.ToolTipRole)
    assert model.parent() is None  # the QObject overload still answers


def test_listed_rows_keep_only_what_the_list_needs(big_store: Store) -> None:
    """A list scrolled to the end holds the whole library: rows drop what is read from the
    store when an article is opened, and share their feed titles."""
    model = ArticleListModel(big_store)
    model.set_query(ArticleQuery())
    first, second = model.article_at(0), model.article_at(1)
    assert first is not None and second is not None
    assert (first.link, first.author, first.key, first.html) == (None, None, "", "")
    full = big_store.get_article(first.id)
    assert (first.title, first.published, first.read) == (full.title, full.published, full.read)
    if first.feed_id == second.feed_id:
        assert first.feed_title is second.feed_title
