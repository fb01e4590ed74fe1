"""Finding the feeds of a site: the page's links (pure), then the address on a loopback site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.discover import (
    GUESSED_PATHS,
    choose_feed,
    clean_title,
    decode_page,
    discover_feeds,
    guessed_urls,
    page_feed_links,
    sniff,
)
from reader.core.errors import (
    FetchError,
    HTTPStatusError,
    InvalidFeedURLError,
    NoFeedFoundError,
    ParseError,
)
from reader.core.fetch import Fetcher
from reader.core.types import Discovery, FeedCandidate
from tests.factories import T0
from tests.feeds import FeedSite, rss
from tests.trickle import trickle_server

PAGE = "https://journal.example/2026/11/article.html"


def page(head: str, body: str = "<p>Bonjour</p>") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>Journal</title>{head}</head><body>{body}</body></html>"
    )


# -- the page's links, with plain values ---------------------------------------------------


def test_links_of_every_feed_type_are_found_in_order_with_their_titles() -> None:
    html = page(
        '<link rel="stylesheet" href="/style.css">'
        '<link rel="alternate" type="application/rss+xml" title="À la une" href="/rss.xml">'
        '<link rel="alternate" type="application/atom+xml" title="Commentaires" '
        'href="comments.atom">'
        '<link rel="alternate" type="application/feed+json" title="JSON" href="/feed.json">'
        '<link rel="alternate" hreflang="en" href="/en/">'
    )
    assert page_feed_links(html, PAGE) == [
        FeedCandidate("https://journal.example/rss.xml", "À la une", "rss"),
        FeedCandidate("https://journal.example/2026/11/comments.atom", "Commentaires", "atom"),
        FeedCandidate("https://journal.example/feed.json", "JSON", "json"),
    ]
    assert [c.supported for c in page_feed_links(html, PAGE)] == [True, True, False]


def test_relative_links_follow_the_base_element() -> None:
    html = page(
        '<base href="https://cdn.example/site/">'
        '<LINK REL="Alternate feed" TYPE="Application/RSS+XML; charset=utf-8" HREF="flux.xml"/>'
    )
    assert page_feed_links(html, PAGE) == [
        FeedCandidate("https://cdn.example/site/flux.xml", None, "rss")
    ]


def test_links_in_the_body_count_and_each_address_once() -> None:
    html = page(
        '<link rel="alternate" type="application/rss+xml" href="/rss">',
        '<link rel="alternate" type="application/rss+xml" title="again" href="/rss">'
        '<link rel="alternate" type="application/atom+xml" href="feed:https://journal.example/a">',
    )
    assert [c.url for c in page_feed_links(html, PAGE)] == [
        "https://journal.example/rss",
        "https://journal.example/a",
    ]


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "data:application/rss+xml,<rss/>",
        "ftp://journal.example/rss",
        "/rss\x1b[31m.xml",
        "/a feed.xml",
        "file:///etc/passwd",
        "",
        "/" + "x" * 3000,
    ],
)
def test_hostile_addresses_are_left_out(href: str) -> None:
    html = page(f'<link rel="alternate" type="application/rss+xml" href="{href}">')
    assert page_feed_links(html, PAGE) == []


def test_titles_lose_control_characters_and_are_bounded() -> None:
    assert (
        clean_title("Le\x1b]0;pwned\x07 Journal\u202e\n  du soir") == "Le ]0;pwned Journal du soir"
    )
    assert clean_title("  \x00 ") is None
    long = clean_title("mot " * 200)
    assert long is not None and len(long) == 200 and long.endswith("…")


def test_broken_markup_still_gives_its_links() -> None:
    html = (
        '<html><head><link rel=alternate type=application/rss+xml href=/rss title="<b>"'
        "><![if x]><link rel='alternate' type='application/atom+xml' href='/atom'>"
    )
    assert [c.url for c in page_feed_links(html, PAGE)] == [
        "https://journal.example/rss",
        "https://journal.example/atom",
    ]


def test_a_page_naming_hundreds_of_feeds_gives_a_bounded_list() -> None:
    links = "".join(
        f'<link rel="alternate" type="application/rss+xml" href="/f{n}">' for n in range(500)
    )
    assert len(page_feed_links(page(links), PAGE)) == 30


def test_usual_addresses_are_on_the_site_root_spip_first_for_spip() -> None:
    assert guessed_urls(PAGE) == [f"https://journal.example{p}" for p in GUESSED_PATHS]
    spip = guessed_urls("https://journal.example/", spip=True)
    assert spip[0] == "https://journal.example/spip.php?page=backend"
    assert len(spip) == len(GUESSED_PATHS)
    assert "https://journal.example/rss" not in guessed_urls("https://journal.example/rss")


@pytest.mark.parametrize(
    ("content", "content_type", "kind"),
    [
        (b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>', None, "xml"),
        (b"\xef\xbb\xbf<?xml version='1.0'?>\n<!-- c --><feed xmlns='x'/>", "text/html", "xml"),
        (b"<!DOCTYPE html><html><feedback/></html>", None, "html"),
        (b"<html><head><title>x</title>", "application/rss+xml", "html"),
        (b"  <p>Hello", "text/html; charset=utf-8", "html"),
        (b'{"version": "https://jsonfeed.org/version/1.1"}', "application/feed+json", "json"),
        (b"<opml version='2.0'/>", "text/xml", "xml"),
    ],
)
def test_sniffing_a_document(content: bytes, content_type: str | None, kind: str) -> None:
    assert sniff(content, content_type) == kind


def test_pages_are_decoded_in_their_declared_charset() -> None:
    latin = "<meta charset='iso-8859-1'><title>Été</title>".encode("latin-1")
    assert "Été" in decode_page(latin)
    assert "Été" in decode_page("Été".encode("cp1252"), "text/html; charset=windows-1252")
    assert decode_page(b"caf\xe9", "text/html; charset=nonsense") == "caf\ufffd"


# -- with a site ---------------------------------------------------------------------------


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(timeout=5) as http:
        yield http


def serve_page(site: FeedSite, path: str, html: str) -> str:
    site.server.expect_request(path).respond_with_data(html, content_type="text/html")
    return site.url(path)


def test_an_address_that_is_a_feed_is_its_own_answer(site: FeedSite, fetcher: Fetcher) -> None:
    url = site.publish("/flux.xml", rss("Le Fleuve \x1b[2J", [("1", "Un", "texte")]))
    found = discover_feeds(url, fetcher, now=T0)
    assert found == Discovery(url, "feed", (FeedCandidate(url, "Le Fleuve [2J", "rss"),))
    assert site.hits["/flux.xml"] == 1


def test_a_page_offers_the_feeds_it_names(site: FeedSite, fetcher: Fetcher) -> None:
    url = serve_page(
        site,
        "/article",
        page(
            '<link rel="alternate" type="application/rss+xml" title="Tout" href="/rss.xml">'
            '<link rel="alternate" type="application/feed+json" title="JSON" href="/f.json">'
        ),
    )
    found = discover_feeds(url, fetcher, now=T0)
    assert found.source == "page"
    assert found.usable == (FeedCandidate(site.url("/rss.xml"), "Tout", "rss"),)
    assert len(found.candidates) == 2
    assert len(site.server.log) == 1  # the page only: named feeds are offered, not fetched


def test_a_page_naming_none_finds_the_first_usual_address_and_stops(
    site: FeedSite, fetcher: Fetcher
) -> None:
    url = serve_page(site, "/", page(""))
    site.server.expect_request("/feed/").respond_with_data("nope", status=404)
    site.server.expect_request("/rss").respond_with_data(page(""), content_type="text/html")
    feed = site.publish("/rss.xml", rss("Trouvé", []))
    found = discover_feeds(url, fetcher, now=T0)
    assert found == Discovery(url, "guess", (FeedCandidate(feed, "Trouvé", "rss"),))
    asked = [request.path for request, _ in site.server.log]
    assert asked == ["/", "/feed/", "/rss", "/rss.xml"]


def test_a_spip_site_is_asked_for_its_backend_first(site: FeedSite, fetcher: Fetcher) -> None:
    url = serve_page(site, "/", page('<meta name="generator" content="SPIP 4.2">'))
    site.server.expect_request("/spip.php", query_string="page=backend").respond_with_data(
        rss("Reporterre", []), content_type="application/rss+xml"
    )
    found = discover_feeds(url, fetcher, now=T0)
    assert found.usable[0].url == site.url("/spip.php?page=backend")
    assert len(site.server.log) == 2


def test_a_page_that_leads_nowhere_is_one_clear_error(site: FeedSite, fetcher: Fetcher) -> None:
    url = serve_page(site, "/", page(""))
    for path in GUESSED_PATHS:
        site.server.expect_request(path.split("?")[0]).respond_with_data("", status=404)
    with pytest.raises(NoFeedFoundError, match="no feed found"):
        discover_feeds(url, fetcher, now=T0)
    assert len(site.server.log) == 1 + len(GUESSED_PATHS)


def test_guessing_stops_when_the_site_asks_to_slow_down(site: FeedSite, fetcher: Fetcher) -> None:
    url = serve_page(site, "/", page(""))
    site.server.expect_request("/feed/").respond_with_data("", status=429)
    with pytest.raises(NoFeedFoundError):
        discover_feeds(url, fetcher, now=T0)
    assert len(site.server.log) == 2


@pytest.mark.parametrize(
    ("answer", "error", "message"),
    [
        ((b"gone", 404, "text/plain"), HTTPStatusError, "HTTP 404"),
        ((b"<opml version='2.0'><body/></opml>", 200, "text/xml"), ParseError, "not a feed"),
        ((b'{"a": 1}', 200, "application/json"), ParseError, "JSON"),
    ],
)
def test_failures_are_the_engine_s_one_line_errors(
    site: FeedSite,
    fetcher: Fetcher,
    answer: tuple[bytes, int, str],
    error: type[Exception],
    message: str,
) -> None:
    body, status, content_type = answer
    site.server.expect_request("/x").respond_with_data(
        body, status=status, content_type=content_type
    )
    with pytest.raises(error, match=message) as raised:
        discover_feeds(site.url("/x"), fetcher, now=T0)
    assert "\n" not in str(raised.value)


def test_an_address_that_never_finishes_stops_at_the_page_deadline() -> None:
    # Only the page deadline is short: were the feed one (60 s) used, this would hang.
    with Fetcher(timeout=5, deadlines={"page": 0.5}) as http, trickle_server() as trickle:
        with pytest.raises(FetchError, match=r"took longer than 0\.5 s to download"):
            discover_feeds(trickle.url("/"), http, now=T0)
        assert trickle.sent <= 100


def test_a_json_feed_is_found_but_not_usable(site: FeedSite, fetcher: Fetcher) -> None:
    site.server.expect_request("/feed.json").respond_with_data(
        '{"version": "https://jsonfeed.org/version/1.1", "items": []}',
        content_type="application/feed+json",
    )
    found = discover_feeds(site.url("/feed.json"), fetcher, now=T0)
    assert found.source == "feed" and found.usable == ()


def test_addresses_we_do_not_fetch_are_refused_before_any_request(fetcher: Fetcher) -> None:
    with pytest.raises(InvalidFeedURLError, match="--allow-file"):
        discover_feeds("file:///etc/hostname", fetcher, now=T0)
    with pytest.raises(InvalidFeedURLError):
        discover_feeds("gopher://x.example/", fetcher, now=T0)


def test_an_allowed_local_file_is_read(tmp_path: Path, fetcher: Fetcher) -> None:
    local = tmp_path / "flux.xml"
    local.write_bytes(rss("Local", []))
    found = discover_feeds(local.as_uri(), fetcher, now=T0, allow_file=True)
    assert found.usable[0].title == "Local"
    with pytest.raises(FetchError, match="cannot read"):
        discover_feeds((tmp_path / "none.xml").as_uri(), fetcher, now=T0, allow_file=True)


# -- choosing the feed to subscribe to -----------------------------------------------------

RSS = FeedCandidate("https://j.example/rss", "Articles", "rss")
ATOM = FeedCandidate("https://j.example/atom", None, "atom")
JSON = FeedCandidate("https://j.example/feed.json", "JSON", "json")


def test_the_only_usable_feed_is_chosen_json_ones_aside() -> None:
    assert choose_feed(Discovery(PAGE, "page", (JSON, RSS))) == RSS


def test_several_feeds_need_a_pick() -> None:
    found = Discovery(PAGE, "page", (RSS, JSON, ATOM))
    assert choose_feed(found) is None
    assert choose_feed(found, 1) == RSS
    assert choose_feed(found, 2) == ATOM  # numbered among the usable ones
    with pytest.raises(ValueError, match="no feed 3"):
        choose_feed(found, 3)


def test_json_feeds_only_are_no_feed_yet() -> None:
    with pytest.raises(NoFeedFoundError, match="not supported yet"):
        choose_feed(Discovery(PAGE, "feed", (JSON,)))
