"""Refreshing feeds from a real loopback server: outcomes, failures, parallel parsing."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import pytest
from werkzeug import Response

from reader.core.refresh import refresh_feeds
from reader.core.storage import Store
from reader.core.types import ArticleQuery, RefreshProgress
from tests.conftest import corpus_files
from tests.factories import T0, Clock
from tests.feeds import FeedSite, rss

pytestmark = pytest.mark.network


def test_first_and_second_refresh(store: Store, site: FeedSite) -> None:
    one = store.add_feed(site.publish("/one.xml", rss("One", [("1", "Un", "texte un")]))).id
    two = store.add_feed(
        site.publish("/two.xml", rss("Two", [("a", "A", "alpha"), ("b", "B", "beta")]))
    ).id
    steps: list[RefreshProgress] = []
    summary = refresh_feeds(store, on_progress=steps.append, parse_processes=0)
    assert (summary.ok, summary.failed, summary.new) == (2, 0, 3)
    assert [s.done for s in steps] == [1, 2] and {s.total for s in steps} == {2}
    assert steps[-1].new_articles == 3
    assert store.get_feed(one).title == "One"
    assert store.get_feed(two).unread == 2

    again = refresh_feeds(store, parse_processes=0)
    assert (again.not_modified, again.new, again.updated) == (2, 0, 0)
    assert again.describe() == (
        "Refreshed 2 feeds: 0 ok, 2 not modified, 0 failed; 0 new, 0 updated articles."
    )


def test_a_changed_entry_is_updated_and_keeps_its_state(store: Store, site: FeedSite) -> None:
    url = site.publish("/f.xml", rss("F", [("1", "Titre", "première version")]))
    fid = store.add_feed(url).id
    refresh_feeds(store, parse_processes=0)
    article = store.list_articles()[0]
    store.set_read([article.id])
    store.tag_article(article.id, ["country/Mali"])
    site.publish("/f.xml", rss("F", [("1", "Titre", "seconde version"), ("2", "Neuf", "x")]))
    summary = refresh_feeds(store, [fid], parse_processes=0)
    assert (summary.new, summary.updated) == (1, 1)
    kept = store.get_article(article.id)
    assert kept.text == "seconde version"
    assert kept.read and kept.tags == ("country/Mali",)


def test_one_feed_failing_never_stops_the_others(store: Store, site: FeedSite) -> None:
    good = store.add_feed(site.publish("/good.xml", rss("Good", [("1", "Fine", "ok")]))).id
    site.server.expect_request("/missing.xml").respond_with_data("no", status=404)
    missing = store.add_feed(site.url("/missing.xml")).id
    site.server.expect_request("/page.html").respond_with_data(
        "<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hi</p></body></html>",
        content_type="text/html",
    )
    page = store.add_feed(site.url("/page.html")).id
    site.server.expect_request("/broken.xml").respond_with_data(
        b"\x00\x01garbage\xff", content_type="application/xml"
    )
    broken = store.add_feed(site.url("/broken.xml")).id
    summary = refresh_feeds(store, parse_processes=0)
    assert (summary.ok, summary.failed) == (1, 3)
    assert store.get_feed(good).total == 1
    assert "404" in (store.get_feed(missing).last_error or "")
    assert "not a feed" in (store.get_feed(page).last_error or "")
    assert store.get_feed(broken).last_error
    for fid in (missing, page, broken):
        error = store.get_feed(fid).last_error or ""
        assert "Traceback" not in error and "unexpected" not in error
        assert store.get_feed(fid).error_count == 1


def test_a_readable_malformed_feed_is_stored_with_a_warning(store: Store, site: FeedSite) -> None:
    broken = rss("Loose", [("1", "Still here", "text")]).replace(b"</channel>", b"")
    fid = store.add_feed(site.publish("/loose.xml", broken)).id
    summary = refresh_feeds(store, parse_processes=0)
    assert summary.ok == 1 and summary.outcomes[0].warning
    assert store.get_feed(fid).warning
    assert store.get_feed(fid).total == 1


def test_permanent_redirect_moves_the_feed(store: Store, site: FeedSite) -> None:
    new_url = site.publish("/new.xml", rss("Moved", [("1", "Here", "now")]))
    site.server.expect_request("/old.xml").respond_with_response(
        Response(status=301, headers={"Location": new_url})
    )
    fid = store.add_feed(site.url("/old.xml")).id
    summary = refresh_feeds(store, parse_processes=0)
    assert summary.outcomes[0].moved_to == new_url
    assert store.get_feed(fid).url == new_url


def test_temporary_redirect_keeps_the_address(store: Store, site: FeedSite) -> None:
    target = site.publish("/today.xml", rss("T", [("1", "x", "y")]))
    site.server.expect_request("/feed.xml").respond_with_response(
        Response(status=302, headers={"Location": target})
    )
    fid = store.add_feed(site.url("/feed.xml")).id
    refresh_feeds(store, parse_processes=0)
    assert store.get_feed(fid).url == site.url("/feed.xml")
    assert store.get_feed(fid).total == 1


def test_gone_disables_the_feed(store: Store, site: FeedSite) -> None:
    site.server.expect_request("/gone.xml").respond_with_data("", status=410)
    fid = store.add_feed(site.url("/gone.xml")).id
    summary = refresh_feeds(store, parse_processes=0)
    assert summary.outcomes[0].disabled
    assert not store.get_feed(fid).enabled
    assert refresh_feeds(store, parse_processes=0).outcomes == []


def test_retry_after_is_honoured(store: Store, site: FeedSite, clock: Clock) -> None:
    site.server.expect_request("/busy.xml").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "3600"}
    )
    fid = store.add_feed(site.url("/busy.xml")).id
    refresh_feeds(store, parse_processes=0)
    assert store.get_feed(fid).retry_after is not None
    assert refresh_feeds(store, parse_processes=0).outcomes == []
    clock.advance(hours=2)
    assert len(refresh_feeds(store, parse_processes=0).outcomes) == 1


def test_parsing_in_worker_processes(store: Store, site: FeedSite) -> None:
    for i in range(8):
        items = [(f"{i}-{j}", f"Titre {i}.{j}", f"coopération {i} {j}") for j in range(5)]
        store.add_feed(site.publish(f"/p{i}.xml", rss(f"Feed {i}", items)))
    summary = refresh_feeds(store, parse_processes=2)
    assert (summary.ok, summary.new) == (8, 40)
    assert len(store.search("cooperation", limit=100)) == 40


def test_cancel_stops_after_the_feeds_under_way(store: Store, site: FeedSite) -> None:
    for i in range(6):
        store.add_feed(site.publish(f"/c{i}.xml", rss(f"C{i}", [(str(i), "t", "x")])))
    cancel = threading.Event()
    summary = refresh_feeds(
        store, jobs=1, cancel=cancel, on_progress=lambda _: cancel.set(), parse_processes=0
    )
    assert summary.cancelled > 0
    assert len(summary.outcomes) + summary.cancelled == 6


def test_local_files_are_read_when_allowed(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "local.xml"
    path.write_bytes(rss("Local", [("1", "From disk", "texte")]))
    fid = store.add_feed(path.as_uri(), allow_file=True).id
    assert refresh_feeds(store, parse_processes=0).ok == 1
    assert store.get_feed(fid).total == 1
    path.unlink()
    summary = refresh_feeds(store, parse_processes=0)
    assert summary.failed == 1 and "cannot read" in (summary.outcomes[0].error or "")


def test_since_filters_on_publication(store: Store, site: FeedSite, clock: Clock) -> None:
    store.add_feed(site.publish("/d.xml", rss("D", [("1", "t", "x")])))
    refresh_feeds(store, parse_processes=0)
    assert store.count_articles(ArticleQuery(since=T0 - timedelta(minutes=1))) == 1
    assert store.count_articles(ArticleQuery(since=T0 + timedelta(minutes=1))) == 0


CORPUS_FEEDS = (
    corpus_files("feeds", "real")
    + corpus_files("feeds", "edge-cases")
    + corpus_files("feeds", "sanitize")
)


@pytest.mark.corpus
def test_every_corpus_feed_is_ingested_from_a_loopback_server(
    corpus_dir: Path, store: Store, site: FeedSite
) -> None:
    for path in CORPUS_FEEDS:
        url = site.publish(f"/{path.parent.name}/{path.name}", path.read_bytes())
        store.add_feed(url)
    summary = refresh_feeds(store)
    assert len(summary.outcomes) == len(CORPUS_FEEDS)
    for outcome in summary.outcomes:
        assert outcome.status == "ok", (outcome.feed.url, outcome.error)
    assert summary.new > 300
    for article in store.list_articles(ArticleQuery(limit=2000)):
        html = store.get_article(article.id).html.lower()
        assert "<script" not in html and "javascript:" not in html
