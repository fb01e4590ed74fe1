"""The library: schema and migrations, feeds and folders, articles, tags, search."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import schema
from reader.core.errors import (
    ArticleNotFoundError,
    FeedExistsError,
    FeedNotFoundError,
    InvalidFeedURLError,
    InvalidTagError,
    LibraryTooNewError,
    NotALibraryError,
    StorageError,
)
from reader.core.storage import MATCH_END, MATCH_START, Store, cursor_after
from reader.core.tag_names import normalize_tag
from reader.core.types import Article, ArticleOrder, ArticleQuery, OPMLDocument, OutlineFeed
from tests.factories import T0, Clock, entry, feed

DATA = Path(__file__).resolve().parent.parent / "data"


# -- opening a library ----------------------------------------------------------------------


def test_new_library_has_the_pragmas_and_latest_schema(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "library.sqlite3"
    Store(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert db.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()
    with Store(path) as store:
        assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store._conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_a_version_1_library_opens_with_the_newest_code_without_loss(tmp_path: Path) -> None:
    """The frozen v1 dump was written by the first schema; nothing in it may be lost."""
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.executescript((DATA / "library-v1.sql").read_text(encoding="utf-8"))
    db.close()
    with Store(path) as store:
        assert store.schema_version == schema.SCHEMA_VERSION
        feeds = store.list_feeds()
        assert [(f.title, f.folder, f.unread) for f in feeds] == [
            ("Le Journal du Fleuve", "Sahel/Mali", 1),
            ("Desert Dispatch", None, 1),
        ]
        articles = store.list_articles()
        assert {a.title for a in articles} == {
            "La coopération régionale relancée",
            "Le marché du mil",
            "Convoy attacked near the river crossing",
        }
        starred = store.list_articles(ArticleQuery(starred=True))
        assert [a.tags for a in starred] == [("country/Mali", "theme/cooperation")]
        # Version 2 indexed what was there; version 3 keyed it for duplicates.
        assert [h.article.title for h in store.search("cooperation")] == [
            "La coopération régionale relancée"
        ]
        keys = store._conn.execute("SELECT count(link_key) FROM articles").fetchone()[0]
        assert keys == 3


def test_each_migration_step_is_transactional(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    db = schema.connect(path)
    schema.migrate(db, path, target=1)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    db.close()
    with Store(path) as store:
        assert store.schema_version == schema.SCHEMA_VERSION


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("shopping list\n" * 200)
    with pytest.raises(NotALibraryError, match="not a Press Reader library"):
        Store(path)
    assert path.read_text() == "shopping list\n" * 200


def test_another_programs_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE recipes (name TEXT)")
    db.commit()
    db.close()
    with pytest.raises(NotALibraryError):
        Store(path)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 0
    assert [r[0] for r in db.execute("SELECT name FROM sqlite_schema")] == ["recipes"]


def test_a_library_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(LibraryTooNewError, match="newer Press Reader"):
        Store(path)


def test_a_folder_in_place_of_the_library_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="is a folder"):
        Store(tmp_path)


# -- feeds and folders ----------------------------------------------------------------------


def test_add_list_and_remove_feeds(store: Store, clock: Clock) -> None:
    first = store.add_feed("https://news.example/feed.xml", folder="Sahel/Mali", title="Fleuve")
    second = store.add_feed("HTTPS://Other.example/rss")
    assert first.title == "Fleuve" and first.folder == "Sahel/Mali"
    assert first.folder_path == ("Sahel", "Mali")
    assert first.added == T0
    assert second.url == "https://other.example/rss"
    assert [f.id for f in store.list_feeds()] == [first.id, second.id]
    assert store.list_folders() == [("Sahel",), ("Sahel", "Mali")]
    store.store_parsed_feed(first.id, feed(entry("a", text="one"), entry("b", text="two")))
    assert store.remove_feed(first.id) == 2
    assert [f.id for f in store.list_feeds()] == [second.id]
    assert store.list_articles() == []


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "empty"),
        ("news.example/feed", "should start with http"),
        ("ftp://news.example/feed", "unsupported address scheme 'ftp'"),
        ("javascript:alert(1)", "unsupported address scheme"),
        ("file:///etc/hostname", "only read with --allow-file"),
        ("http:///feed", "no host"),
        ("http://news.example:99999/", "invalid port"),
        ("http://news example/", "contains spaces"),
    ],
)
def test_addresses_that_are_not_feeds_are_refused(store: Store, url: str, message: str) -> None:
    with pytest.raises(InvalidFeedURLError, match=message):
        store.add_feed(url)
    assert store.list_feeds() == []


def test_file_addresses_need_an_explicit_permission(store: Store) -> None:
    added = store.add_feed("file:///srv/feeds/local.xml", allow_file=True)
    assert added.url == "file:///srv/feeds/local.xml"


def test_feed_pseudo_scheme_is_understood(store: Store) -> None:
    assert store.add_feed("feed://news.example/rss").url == "http://news.example/rss"


def test_the_same_feed_cannot_be_added_twice(store: Store) -> None:
    store.add_feed("https://news.example/feed.xml")
    with pytest.raises(FeedExistsError, match="already subscribed"):
        store.add_feed("https://NEWS.example/feed.xml")


def test_unknown_feed_ids_are_reported(store: Store) -> None:
    for call in (store.get_feed, store.remove_feed):
        with pytest.raises(FeedNotFoundError, match="no feed with id 42"):
            call(42)
    with pytest.raises(FeedNotFoundError):
        store.list_articles(ArticleQuery(feed_ids=(42,)))


def test_rename_and_move(store: Store) -> None:
    added = store.add_feed("https://news.example/feed.xml")
    store.store_parsed_feed(added.id, feed(title="Feed's own title"))
    assert store.get_feed(added.id).title == "Feed's own title"
    assert store.rename_feed(added.id, "  Mine  ").title == "Mine"
    assert store.rename_feed(added.id, "").title == "Feed's own title"
    assert store.move_feed(added.id, "Analyse/Think tanks").folder == "Analyse/Think tanks"
    assert store.move_feed(added.id, None).folder is None


# -- storing entries ------------------------------------------------------------------------


def test_new_changed_and_unchanged_entries(store: Store, clock: Clock) -> None:
    fid = store.add_feed("https://news.example/feed.xml").id
    plan = store.store_parsed_feed(fid, feed(entry("a", text="first"), entry("b", text="second")))
    assert (len(plan.new), len(plan.changed), plan.unchanged) == (2, 0, 0)
    a = next(x for x in store.list_articles() if x.key == "a")
    store.set_read([a.id])
    store.set_starred(a.id)
    store.tag_article(a.id, ["country/Mali"])

    clock.advance(hours=1)
    plan = store.store_parsed_feed(
        fid, feed(entry("a", text="first, corrected"), entry("b", text="second"))
    )
    assert (len(plan.new), len(plan.changed), plan.unchanged) == (0, 1, 1)
    updated = store.get_article(a.id)
    assert updated.text == "first, corrected"
    assert (updated.read, updated.starred, updated.tags) == (True, True, ("country/Mali",))
    assert updated.first_seen == T0

    changes_before = store._conn.total_changes
    plan = store.store_parsed_feed(
        fid, feed(entry("a", text="first, corrected"), entry("b", text="second"))
    )
    assert plan.unchanged == 2
    # Only the feed's own row (last checked) is written, no article.
    assert store._conn.total_changes - changes_before == 1


def test_an_entry_listed_twice_in_one_document_is_stored_once(store: Store) -> None:
    fid = store.add_feed("https://news.example/feed.xml").id
    store.store_parsed_feed(fid, feed(entry("a", text="new"), entry("a", text="old")))
    assert [store.get_article(a.id).text for a in store.list_articles()] == ["new"]


def test_entries_without_a_date_get_the_time_first_seen(store: Store, clock: Clock) -> None:
    fid = store.add_feed("https://news.example/feed.xml").id
    store.store_parsed_feed(fid, feed(entry("a", published=None)))
    clock.advance(days=2)
    store.store_parsed_feed(fid, feed(entry("a", published=None)))
    assert store.list_articles()[0].published == T0


def test_feed_metadata_and_warning_are_kept(store: Store) -> None:
    fid = store.add_feed("https://news.example/feed.xml").id
    store.store_parsed_feed(
        fid, feed(warning="malformed XML"), etag='"v1"', last_modified="Sat, 28 Nov 2026"
    )
    stored = store.get_feed(fid)
    assert (stored.feed_title, stored.site_url, stored.warning) == (
        "Example news",
        "https://news.example/",
        "malformed XML",
    )
    assert (stored.etag, stored.last_modified, stored.last_success) == (
        '"v1"',
        "Sat, 28 Nov 2026",
        T0,
    )


def test_errors_are_counted_and_cleared_by_success(store: Store, clock: Clock) -> None:
    fid = store.add_feed("https://news.example/feed.xml").id
    store.record_error(fid, "HTTP 500")
    store.record_error(fid, "HTTP 502", retry_after=T0 + timedelta(hours=1))
    failing = store.get_feed(fid)
    assert (failing.last_error, failing.error_count) == ("HTTP 502", 2)
    assert store.feeds_due() == []
    clock.advance(hours=2)
    assert [f.id for f in store.feeds_due()] == [fid]
    store.store_parsed_feed(fid, feed())
    healed = store.get_feed(fid)
    assert (healed.last_error, healed.error_count, healed.retry_after) == (None, 0, None)


def test_a_gone_feed_is_disabled_and_skipped(store: Store) -> None:
    fid = store.add_feed("https://news.example/feed.xml").id
    store.record_error(fid, "gone", disable=True)
    assert not store.get_feed(fid).enabled
    assert store.feeds_due() == []
    assert store.feeds_due([fid]) == []


# -- the same story in two feeds ------------------------------------------------------------


def test_same_link_in_two_feeds_is_one_story(store: Store) -> None:
    one = store.add_feed("https://one.example/feed").id
    two = store.add_feed("https://two.example/feed").id
    store.store_parsed_feed(
        one, feed(entry("x", link="https://www.story.example/a/?utm_source=rss"))
    )
    store.store_parsed_feed(two, feed(entry("y", link="http://story.example/a")))
    listed = store.list_articles()
    assert len(listed) == 1
    shown = store.get_article(listed[0].id)
    assert [title for _, title in shown.also_in] == ["Example news"]
    # Each feed still lists its own copy.
    assert len(store.list_articles(ArticleQuery(feed_ids=(two,)))) == 1
    # Reading it once reads it everywhere.
    store.set_read([listed[0].id])
    assert store.count_articles(ArticleQuery(feed_ids=(two,), unread=True)) == 0


def test_same_title_and_text_under_different_links_is_one_story(store: Store) -> None:
    one = store.add_feed("https://one.example/feed").id
    two = store.add_feed("https://two.example/feed").id
    story = "Les ministres ont signé l'accord à l'aube."
    store.store_parsed_feed(
        one, feed(entry("x", "Accord signé", story, link="https://one.example/1"))
    )
    store.store_parsed_feed(
        two,
        feed(
            entry(
                "y",
                "ACCORD SIGNÉ",
                "Les  ministres ont signé l'accord à l'aube.",
                link="https://two.example/9",
            )
        ),
    )
    assert len(store.list_articles()) == 1
    # Different text is a different story even under the same title.
    store.store_parsed_feed(two, feed(entry("z", "Accord signé", "Autre chose.", link=None)))
    assert len(store.list_articles()) == 2


def test_removing_the_first_feed_keeps_the_story_visible(store: Store) -> None:
    one = store.add_feed("https://one.example/feed").id
    two = store.add_feed("https://two.example/feed").id
    three = store.add_feed("https://three.example/feed").id
    for fid, key in ((one, "a"), (two, "b"), (three, "c")):
        store.store_parsed_feed(fid, feed(entry(key, link="https://story.example/a")))
    store.remove_feed(one)
    listed = store.list_articles()
    assert len(listed) == 1
    assert len(store.get_article(listed[0].id).also_in) == 1


def test_the_copies_and_bodies_of_articles_are_read_by_id(store: Store) -> None:
    one = store.add_feed("https://one.example/feed").id
    two = store.add_feed("https://two.example/feed").id
    store.store_parsed_feed(one, feed(entry("x", "Story", "First.", link="https://s.example/a")))
    store.store_parsed_feed(two, feed(entry("y", "Story", "Again.", link="https://s.example/a")))
    [first] = store.article_ids(one, ["x"])
    [copy] = store.article_ids(two, ["y"])
    assert store.article_copies([first]) == {copy: first}
    assert store.article_copies([copy]) == {}
    bodies = store.article_bodies([first, copy, 999])
    assert {k: text for k, (_, text) in bodies.items()} == {first: "First.", copy: "Again."}


# -- reading state, filters and paging ------------------------------------------------------


@pytest.fixture
def library(store: Store) -> Store:
    fid = store.add_feed("https://news.example/feed.xml", folder="Sahel").id
    other = store.add_feed("https://other.example/feed.xml").id
    store.store_parsed_feed(
        fid,
        feed(
            *(
                entry(f"n{i}", text=f"story {i}", published=T0 - timedelta(days=i))
                for i in range(10)
            )
        ),
    )
    store.store_parsed_feed(other, feed(entry("o1", text="elsewhere", published=T0)))
    return store


def test_filters(library: Store) -> None:
    everything = library.list_articles()
    assert len(everything) == 11
    assert [a.published for a in everything] == sorted(
        (a.published for a in everything), reverse=True
    )
    assert library.count_articles(ArticleQuery(folder="Sahel")) == 10
    assert library.count_articles(ArticleQuery(since=T0 - timedelta(days=2, hours=2))) == 4
    assert library.count_articles(ArticleQuery(until=T0 - timedelta(days=8, hours=2))) == 1
    library.set_read([everything[0].id, everything[1].id])
    library.set_starred(everything[2].id)
    assert library.count_articles(ArticleQuery(unread=True)) == 9
    assert [a.id for a in library.list_articles(ArticleQuery(starred=True))] == [everything[2].id]
    assert len(library.list_articles(ArticleQuery(limit=3))) == 3


@pytest.mark.parametrize("order", ["newest", "oldest", "title", "source"])
def test_keyset_paging_walks_every_article_once(library: Store, order: ArticleOrder) -> None:
    seen: list[int] = []
    cursor = None
    while True:
        page = library.list_articles(ArticleQuery(limit=4, order=order, after=cursor))
        if not page:
            break
        seen.extend(a.id for a in page)
        cursor = cursor_after(page[-1], order)
    everything = library.list_articles(ArticleQuery(order=order))
    assert seen == [a.id for a in everything]
    assert len(seen) == 11


def test_orders(library: Store) -> None:
    def listed(order: ArticleOrder) -> list[Article]:
        return library.list_articles(ArticleQuery(order=order))

    assert [a.published for a in listed("oldest")] == sorted(a.published for a in listed("newest"))
    titles = [a.title.casefold() for a in listed("title")]
    assert titles == sorted(titles)
    sources = [a.feed_title for a in listed("source")]
    assert sources == sorted(sources, key=str.casefold)


def test_unknown_articles_are_reported(store: Store) -> None:
    with pytest.raises(ArticleNotFoundError, match="no article with id 7"):
        store.get_article(7)
    with pytest.raises(ArticleNotFoundError):
        store.tag_article(7, ["x"])


# -- tags -----------------------------------------------------------------------------------


def test_tags_are_shared_case_insensitive_and_hierarchical(library: Store) -> None:
    first, second = library.list_articles()[:2]
    assert library.tag_article(first.id, ["country/Mali", " theme / security "]) == (
        "country/Mali",
        "theme/security",
    )
    assert library.tag_article(second.id, ["COUNTRY/mali", "country/Niger"]) == (
        "country/Mali",
        "country/Niger",
    )
    assert library.list_tags() == [("country/Mali", 2), ("country/Niger", 1), ("theme/security", 1)]
    assert library.count_articles(ArticleQuery(tags=("country",))) == 2
    assert library.count_articles(ArticleQuery(tags=("country/niger",))) == 1
    assert library.count_articles(ArticleQuery(tags=("count",))) == 0
    assert library.untag_article(second.id, ["country/Niger"]) == ("country/Mali",)


@pytest.mark.parametrize("bad", ["", "   ", "/", " / / ", "tab\there"])
def test_empty_tags_are_refused(library: Store, bad: str) -> None:
    article = library.list_articles()[0]
    with pytest.raises(InvalidTagError):
        library.tag_article(article.id, ["fine", bad])
    assert library.get_article(article.id).tags == ()


def test_tag_names_are_cleaned() -> None:
    assert normalize_tag("  country /  Burkina   Faso ") == "country/Burkina Faso"


# -- search ---------------------------------------------------------------------------------


@pytest.fixture
def french(store: Store) -> Store:
    fid = store.add_feed("https://presse.example/rss").id
    store.store_parsed_feed(
        fid,
        feed(
            entry(
                "1",
                "La coopération militaire en question",
                "Le colonel Goïta a reçu les ministres pour parler de coopération. L'été fut long.",
            ),
            entry(
                "2", "Marché de Bamako", "Les prix du mil montent; la coopération agricole aussi."
            ),
            entry("3", "Sport", "Le championnat reprend samedi.", author="Aïssata Coulibaly"),
            entry("4", "Normes écologiques", "Les convois ont été attaqués; the attacks go on."),
            entry("5", "Le Niger vote", "Les Nigériens élisent leurs députés."),
        ),
    )
    return store


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("cooperation", {"La coopération militaire en question", "Marché de Bamako"}),
        ("goita", {"La coopération militaire en question"}),
        ("GOÏTA", {"La coopération militaire en question"}),
        ("aissata", {"Sport"}),
        ("marche bamako", {"Marché de Bamako"}),
        ("coop*", {"La coopération militaire en question", "Marché de Bamako"}),
        ('"prix du mil"', {"Marché de Bamako"}),
        ("cooperation NOT militaire", {"Marché de Bamako"}),
        ("l'été", {"La coopération militaire en question"}),
        ("ecologie", {"Normes écologiques"}),
        ("attacked", {"Normes écologiques"}),
        ("niger", {"Le Niger vote"}),
        ("nigerien", {"Le Niger vote"}),
        ("'écologie", {"Normes écologiques"}),
    ],
)
def test_search_ignores_accents_and_case(french: Store, query: str, titles: set[str]) -> None:
    assert {hit.article.title for hit in french.search(query)} == titles


def test_search_ranks_title_matches_first_and_marks_the_words(french: Store) -> None:
    hits = french.search("cooperation")
    assert hits[0].article.title == "La coopération militaire en question"
    assert f"{MATCH_START}coopération{MATCH_END}" in hits[0].snippet


@pytest.mark.parametrize(
    "query", ['"', "AND", "-", "*", "NEAR(", "OR OR", "title:", "a AND", ")", "^", "   ", "l'"]
)
def test_any_query_returns_results_or_nothing(french: Store, query: str) -> None:
    assert isinstance(french.search(query), list)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_random_queries_never_fail(french: Store, query: str) -> None:
    french.search(query)


def test_search_follows_edits_and_deletions(french: Store) -> None:
    fid = french.list_feeds()[0].id
    french.store_parsed_feed(fid, feed(entry("3", "Sport", "La coopération sportive.")))
    assert "Sport" in {h.article.title for h in french.search("cooperation")}
    french.remove_feed(fid)
    assert french.search("cooperation") == []


def _index_matches_the_articles(store: Store) -> bool:
    """The index is sound (FTS5's own integrity check) and holds exactly the articles there
    are: its documents (one row each in the ``_docsize`` shadow table) are the articles'
    ids. The check against the content itself needs SQLite 3.44; the searches in the tests
    that call this check the words."""
    db = store._conn
    try:
        db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    except sqlite3.DatabaseError:
        return False
    indexed = {row[0] for row in db.execute("SELECT id FROM articles_fts_docsize")}
    return indexed == {row[0] for row in db.execute("SELECT id FROM articles")}


def test_the_index_follows_new_changed_and_removed_articles_exactly(french: Store) -> None:
    assert _index_matches_the_articles(french)
    fid = french.list_feeds()[0].id
    other = french.add_feed("https://autre.example/rss").id
    french.store_parsed_feed(
        fid, feed(entry("3", "Sport", "La coopération sportive."), entry("6", "Kidal", "Calme."))
    )
    french.store_parsed_feed(other, feed(entry("a", "Tillabéri", "Les convois reprennent.")))
    french.store_parsed_feed(other, feed())  # nothing new: nothing indexed
    assert _index_matches_the_articles(french)
    assert {h.article.title for h in french.search("kidal OR tillaberi")} == {"Kidal", "Tillabéri"}
    french.remove_feed(fid)
    assert _index_matches_the_articles(french)
    assert [h.article.title for h in french.search("convois")] == ["Tillabéri"]


def test_a_library_indexed_by_trigger_still_indexes_after_the_upgrade(tmp_path: Path) -> None:
    """Up to version 9 an insert trigger indexed each new article; from version 10 the store
    does: an upgraded library keeps finding what it stores, with a consistent index."""
    path = tmp_path / "library.sqlite3"
    db = schema.connect(path)
    schema.migrate(db, path, target=9)
    db.close()
    with Store(path) as store:
        fid = store.add_feed("https://presse.example/rss").id
        store.store_parsed_feed(fid, feed(entry("1", "Gao", "La coopération reprend à Gao.")))
        assert _index_matches_the_articles(store)
        assert len(store.search("cooperation")) == 1


# -- OPML -----------------------------------------------------------------------------------


def test_import_reports_added_present_and_invalid(store: Store) -> None:
    store.add_feed("https://known.example/feed")
    document = OPMLDocument(
        title="List",
        feeds=(
            OutlineFeed("https://known.example/feed", "Known", ()),
            OutlineFeed("https://new.example/feed", "New", ("Sahel", "Niger")),
            OutlineFeed("gopher://old.example/", "Old", ()),
        ),
        invalid=(),
        folders=(("Sahel",), ("Sahel", "Niger"), ("Empty",)),
    )
    report = store.import_opml(document)
    assert [f.title for f in report.added] == ["New"]
    assert [f.title for f in report.present] == ["Known"]
    assert [d for d, _ in report.invalid] == ["Old"]
    assert store.list_folders() == [("Sahel",), ("Sahel", "Niger"), ("Empty",)]
    assert store.get_feed(store.list_feeds()[-1].id).folder == "Sahel/Niger"


def test_import_is_all_or_nothing(store: Store) -> None:
    # The third feed's row fails (as a full disk would), after the folder was written.
    store._conn.execute(
        "CREATE TEMP TRIGGER fail_third BEFORE INSERT ON feeds "
        "WHEN NEW.url = 'https://n2.example/feed' BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    document = OPMLDocument(
        title=None,
        feeds=tuple(OutlineFeed(f"https://n{i}.example/feed", None, ("F",)) for i in range(5)),
        invalid=(),
        folders=(("F",),),
    )
    with pytest.raises(StorageError):
        store.import_opml(document)
    store._conn.execute("DROP TRIGGER fail_third")
    assert store.list_feeds() == []
    assert store.list_folders() == []


def test_export_outlines_keeps_folder_names_with_slashes(store: Store) -> None:
    fid = store.add_feed("https://news.example/feed", folder=["Sahel", "Mali/Niger"]).id
    outlines, folders = store.export_outlines()
    assert outlines[0].folder == ("Sahel", "Mali/Niger")
    assert folders == [("Sahel",), ("Sahel", "Mali/Niger")]
    assert store.get_feed(fid).folder_path == ("Sahel", "Mali/Niger")


def test_the_schema_is_what_the_design_says(store: Store) -> None:
    """Checked through sqlite-utils' introspection, as maintenance tools see it."""
    tables = set(store.db.table_names())
    assert {"feeds", "folders", "articles", "tags", "article_tags", "articles_fts"} <= tables
    columns = store.db["feeds"].columns_dict
    for name in (
        "url",
        "folder_id",
        "site_url",
        "etag",
        "last_modified",
        "last_checked",
        "last_error",
        "error_count",
        "enabled",
    ):
        assert name in columns
    articles = store.db["articles"].columns_dict
    for name in (
        "key",
        "link",
        "title",
        "author",
        "published",
        "updated",
        "summary_html",
        "content_html",
        "text",
        "read",
        "starred",
        "duplicate_of",
    ):
        assert name in articles
    assert {fk.other_table for fk in store.db["articles"].foreign_keys} == {"feeds", "articles"}


def test_search_ranks_within_the_most_recent_matches(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word found everywhere is ranked among the newest matches only, so search stays fast
    on large libraries; the best title match among them still comes first."""
    fid = store.add_feed("https://presse.example/rss").id
    store.store_parsed_feed(
        fid, feed(*(entry(f"old{i}", f"Ancien {i}", "la sécurité du fleuve") for i in range(5)))
    )
    store.store_parsed_feed(
        fid,
        feed(
            entry("new1", "Nouveau", "la sécurité revient"),
            entry("new2", "Sécurité : le point", "la sécurité encore"),
        ),
    )
    monkeypatch.setattr("reader.core.storage.search.SEARCH_WINDOW", 2)
    assert [h.article.key for h in store.search("securite")] == ["new2", "new1"]
    monkeypatch.setattr("reader.core.storage.search.SEARCH_WINDOW", 100)
    assert len(store.search("securite")) == 7
