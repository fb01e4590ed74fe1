"""Refreshing a library whose feeds a fake parser describes in one line each: what a refresh
stores, and which articles it reports as rewritten."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.core import open_library
from reader.core.errors import ParseError
from reader.core.refresh import PARALLEL_PARSE_MIN_FEEDS, refresh_feeds
from reader.core.storage import Store
from reader.core.types import RefreshSummary
from tests.factories import Clock
from tests.fakeparser import FakeParser

Refresh = Callable[..., RefreshSummary]


@pytest.fixture
def parser() -> FakeParser:
    return FakeParser()


@pytest.fixture
def library(tmp_path: Path, clock: Clock, parser: FakeParser) -> Iterator[Store]:
    """A library opened with the fake parser and its fetcher."""
    with open_library(
        tmp_path / "library.sqlite3", clock=clock, fetcher=parser.fetcher, parser=parser
    ) as store:
        yield store


@pytest.fixture(params=["opened with", "given to the refresh"])
def refresh(request: pytest.FixtureRequest, library: Store, parser: FakeParser) -> Refresh:
    """A refresh of the library, whether the parser came with the library or the call."""
    if request.param == "opened with":
        return lambda *args, **kwargs: refresh_feeds(library, *args, **kwargs)
    plain = Store(library.path, clock=library.now)
    request.addfinalizer(plain.close)
    return lambda *args, **kwargs: refresh_feeds(
        plain, *args, fetcher=parser.fetcher(clock=plain.now, max_connections=2),
        parser=parser, **kwargs,
    )  # fmt: skip


def subscribe(library: Store, parser: FakeParser, number: int) -> int:
    return library.add_feed(parser.url(number)).id


def test_a_first_refresh_stores_the_feed_and_its_entries(
    library: Store, parser: FakeParser, refresh: Refresh
) -> None:
    parser.feed(1, title="Le Monde diplomatique")
    parser.entry(1, 1, title="Un", content="<p>premier texte</p>")
    parser.entry(1, 2, title="Deux")
    feed_id = subscribe(library, parser, 1)

    summary = refresh()

    assert (summary.ok, summary.new, summary.updated, summary.rewritten) == (1, 2, 0, ())
    assert library.get_feed(feed_id).title == "Le Monde diplomatique"
    first = {a.title: a.id for a in library.list_articles()}["Un"]
    assert library.get_article(first).text == "premier texte"


def test_an_untouched_feed_is_not_modified(
    library: Store, parser: FakeParser, refresh: Refresh
) -> None:
    parser.entry(1, 1)
    subscribe(library, parser, 1)
    refresh()
    again = refresh()
    assert (again.not_modified, again.new, again.rewritten) == (1, 0, ())


def test_the_refresh_reports_the_articles_it_rewrote(
    library: Store, parser: FakeParser, refresh: Refresh
) -> None:
    parser.entry(1, 1, title="Stays", content="<p>the same</p>")
    parser.entry(1, 2, title="Rewritten", content="<p>first version</p>")
    parser.entry(2, 1, title="Elsewhere", content="<p>one</p>")
    subscribe(library, parser, 1)
    subscribe(library, parser, 2)
    refresh()
    ids = {a.title: a.id for a in library.list_articles()}

    parser.entry(1, 2, content="<p>second version</p>")
    parser.entry(1, 3, title="New")
    summary = refresh()

    assert summary.rewritten == (ids["Rewritten"],)
    assert (summary.new, summary.updated, summary.not_modified) == (1, 1, 1)
    assert library.get_article(ids["Rewritten"]).text == "second version"


def test_a_highlight_follows_the_rewritten_article(
    library: Store, parser: FakeParser, refresh: Refresh
) -> None:
    parser.entry(1, 1, content="<p>Le conseil a voté la loi mardi soir.</p>")
    subscribe(library, parser, 1)
    refresh()
    (article,) = library.list_articles()
    kept = library.highlights.add_quote(article.id, "voté la loi")

    parser.entry(1, 1, content="<p>Mise à jour. Le conseil a voté la loi mardi soir.</p>")
    assert refresh().rewritten == (article.id,)

    (moved,) = library.highlights.list(article_id=article.id)
    text = library.get_article(article.id).text
    assert not moved.orphaned and text[moved.start : moved.end] == kept.exact


def test_an_entry_the_feed_dropped_stays_and_is_not_rewritten(
    library: Store, parser: FakeParser, refresh: Refresh
) -> None:
    parser.entry(1, 1)
    parser.entry(1, 2)
    subscribe(library, parser, 1)
    refresh()
    parser.remove(1, 2)
    summary = refresh()
    assert (summary.ok, summary.new, summary.rewritten) == (1, 0, ())
    assert library.stats().articles == 2


def test_a_feed_the_parser_cannot_read_never_stops_the_others(
    library: Store, parser: FakeParser, refresh: Refresh
) -> None:
    parser.entry(1, 1)
    parser.fail(2, ParseError("not a feed: the document is HTML, not RSS or Atom"))
    good, bad = subscribe(library, parser, 1), subscribe(library, parser, 2)
    summary = refresh()
    assert (summary.ok, summary.failed) == (1, 1)
    assert library.get_feed(good).total == 1
    assert library.get_feed(bad).last_error == "not a feed: the document is HTML, not RSS or Atom"


def test_a_feed_the_server_lost_fails_with_its_status(
    library: Store, parser: FakeParser, refresh: Refresh
) -> None:
    feed_id = library.add_feed("https://feeds.example/missing.xml").id
    summary = refresh()
    assert summary.failed == 1 and "404" in (library.get_feed(feed_id).last_error or "")


def test_an_injected_parser_runs_in_this_process(
    library: Store, parser: FakeParser, refresh: Refresh
) -> None:
    # Enough feeds for the refresh to start parser processes, were the parser its own.
    numbers = range(1, PARALLEL_PARSE_MIN_FEEDS + 2)
    for number in numbers:
        parser.entry(number, 1)
        subscribe(library, parser, number)
    summary = refresh()
    assert summary.ok == len(numbers)
    assert sorted(parser.calls) == list(numbers)  # recorded here: parsed in this process
