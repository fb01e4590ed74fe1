"""Fetcher against a real loopback HTTP server: validators, redirects, limits and errors."""

from __future__ import annotations

import gzip
import itertools
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader import __version__
from reader.core.errors import (
    FeedGoneError,
    FetchError,
    HTTPStatusError,
    RateLimitedError,
    ResponseTooLargeError,
)
from reader.core.fetch import (
    ACCEPT,
    DEADLINES,
    DEFAULT_USER_AGENT,
    Fetcher,
    FetchResult,
    parse_retry_after,
)
from reader.core.refresh import refresh_feeds
from reader.core.storage import Store
from tests.feeds import FeedSite, rss
from tests.trickle import trickle_server

pytestmark = pytest.mark.network

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'
LAST_MODIFIED = "Wed, 21 Oct 2026 07:28:00 GMT"

MakeFetcher = Callable[..., Fetcher]


# -- fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def loopback() -> Iterator[HTTPServer]:
    """One threaded server on 127.0.0.1 (HTTP/1.1, chunked bodies) for the whole module."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def release() -> Iterator[threading.Event]:
    """Set at teardown so that handlers told to stall never outlive their test."""
    event = threading.Event()
    yield event
    event.set()


@pytest.fixture
def server(loopback: HTTPServer, release: threading.Event) -> Iterator[HTTPServer]:
    loopback.clear()
    yield loopback
    release.set()
    loopback.clear()


@pytest.fixture
def make_fetcher() -> Iterator[MakeFetcher]:
    """Build Fetchers with a fixed clock and a short timeout; all closed at teardown."""
    made: list[Fetcher] = []

    def make(**kwargs: Any) -> Fetcher:
        kwargs.setdefault("clock", lambda: NOW)
        kwargs.setdefault("timeout", 5.0)
        fetcher = Fetcher(**kwargs)
        made.append(fetcher)
        return fetcher

    yield make
    for fetcher in made:
        fetcher.close()


@pytest.fixture
def fetcher(make_fetcher: MakeFetcher) -> Fetcher:
    return make_fetcher()


def redirect(location: str, status: int = 301) -> Response:
    return Response(status=status, headers={"Location": location})


def fetch_error(fetcher: Fetcher, url: str, **kwargs: Any) -> FetchError:
    """The FetchError a fetch raises (failing the test if it returns)."""
    with pytest.raises(FetchError) as info:
        fetcher.fetch(url, **kwargs)
    assert not isinstance(info.value, httpx.HTTPError)
    message = str(info.value)
    assert message
    assert "\n" not in message
    assert "Traceback" not in message
    assert "httpx" not in message
    return info.value


# -- a plain download ----------------------------------------------------------------------


def test_ok_returns_body_type_and_validators(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_request("/feed").respond_with_data(
        FEED,
        content_type="application/rss+xml",
        headers={"ETag": '"v1"', "Last-Modified": LAST_MODIFIED},
    )
    url = server.url_for("/feed")

    result = fetcher.fetch(url)

    assert result == FetchResult(
        url=url,
        final_url=url,
        permanent_url=None,
        not_modified=False,
        content=FEED,
        content_type="application/rss+xml",
        etag='"v1"',
        last_modified=LAST_MODIFIED,
        status=200,
        elapsed=result.elapsed,
    )
    assert 0 <= result.elapsed < 5


def test_sends_identifying_headers_and_no_validators_unasked(
    server: HTTPServer, fetcher: Fetcher
) -> None:
    seen: list[Request] = []

    def handler(request: Request) -> Response:
        seen.append(request)
        return Response(FEED)

    server.expect_request("/feed").respond_with_handler(handler)
    fetcher.fetch(server.url_for("/feed"))

    (request,) = seen
    assert request.headers["User-Agent"] == DEFAULT_USER_AGENT
    assert DEFAULT_USER_AGENT.startswith(f"PressReader/{__version__} (+")
    assert request.headers["Accept"] == ACCEPT
    assert request.headers["Accept"].startswith("application/rss+xml, application/atom+xml")
    assert request.headers["Accept-Encoding"] == "gzip, deflate"
    assert "If-None-Match" not in request.headers
    assert "If-Modified-Since" not in request.headers


def test_custom_user_agent(server: HTTPServer, make_fetcher: MakeFetcher) -> None:
    server.expect_request("/feed", headers={"User-Agent": "Test/1"}).respond_with_data(FEED)
    assert make_fetcher(user_agent="Test/1").fetch(server.url_for("/feed")).content == FEED


# -- conditional GET -----------------------------------------------------------------------


def test_conditional_get_gives_not_modified_and_keeps_validators(
    server: HTTPServer, fetcher: Fetcher
) -> None:
    # Only a request carrying both validators matches; anything else gets a 500.
    server.expect_request(
        "/feed", headers={"If-None-Match": '"v1"', "If-Modified-Since": LAST_MODIFIED}
    ).respond_with_data(b"", status=304)

    result = fetcher.fetch(server.url_for("/feed"), etag='"v1"', last_modified=LAST_MODIFIED)

    assert result.not_modified
    assert result.status == 304
    assert result.content == b""
    assert result.etag == '"v1"'
    assert result.last_modified == LAST_MODIFIED


def test_not_modified_with_a_new_etag_takes_it(server: HTTPServer, fetcher: Fetcher) -> None:
    # (werkzeug drops Last-Modified from a 304, so only the ETag is renewed here)
    server.expect_request("/feed").respond_with_data(b"", status=304, headers={"ETag": '"v2"'})
    result = fetcher.fetch(server.url_for("/feed"), etag='"v1"', last_modified=LAST_MODIFIED)
    assert result.not_modified
    assert (result.etag, result.last_modified) == ('"v2"', LAST_MODIFIED)


def test_full_answer_drops_validators_the_server_no_longer_sends(
    server: HTTPServer, fetcher: Fetcher
) -> None:
    server.expect_request("/feed").respond_with_data(FEED)
    result = fetcher.fetch(server.url_for("/feed"), etag='"v1"', last_modified=LAST_MODIFIED)
    assert not result.not_modified
    assert result.content == FEED
    assert (result.etag, result.last_modified) == (None, None)


def test_validators_round_trip_byte_for_byte(server: HTTPServer, fetcher: Fetcher) -> None:
    odd_etag = 'W/"caf\xe9 1"'  # a latin-1 byte, as some servers really send
    server.expect_request("/first").respond_with_data(FEED, headers={"ETag": odd_etag})
    server.expect_request("/first2", headers={"If-None-Match": odd_etag}).respond_with_data(
        b"", status=304
    )

    first = fetcher.fetch(server.url_for("/first"))
    assert first.etag == odd_etag
    again = fetcher.fetch(server.url_for("/first2"), etag=first.etag)
    assert again.not_modified


# -- content encoding ----------------------------------------------------------------------


def test_gzip_body_is_decoded(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_request("/feed").respond_with_data(
        gzip.compress(FEED), headers={"Content-Encoding": "gzip"}
    )
    assert fetcher.fetch(server.url_for("/feed")).content == FEED


def test_gzip_bomb_is_stopped_at_the_cap(server: HTTPServer, make_fetcher: MakeFetcher) -> None:
    bomb = gzip.compress(b"\0" * 1_000_000)
    assert len(bomb) < 10_000
    server.expect_request("/feed").respond_with_data(bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(ResponseTooLargeError, match="response larger than 10000 bytes"):
        make_fetcher(max_bytes=10_000).fetch(server.url_for("/feed"))


def test_corrupt_gzip_is_a_fetch_error(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_request("/feed").respond_with_data(
        b"this is not gzip at all", headers={"Content-Encoding": "gzip"}
    )
    error = fetch_error(fetcher, server.url_for("/feed"))
    assert "corrupt compressed body" in str(error)


# -- redirects -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("chain", "permanent"),
    [
        ([301], True),
        ([301, 301, 301], True),
        ([308], True),
        ([301, 308], True),
        ([302, 301], False),
        ([301, 302], False),
        ([307], False),
        ([303], False),
        ([308, 307, 301], False),
    ],
)
def test_redirect_chain_sets_permanent_url_only_when_every_hop_is_permanent(
    server: HTTPServer, fetcher: Fetcher, chain: list[int], permanent: bool
) -> None:
    for hop, status in enumerate(chain):
        nxt = f"/hop{hop + 1}" if hop + 1 < len(chain) else "/final"
        server.expect_request(f"/hop{hop}").respond_with_response(redirect(nxt, status))
    server.expect_request("/final").respond_with_data(FEED, headers={"ETag": '"f"'})

    result = fetcher.fetch(server.url_for("/hop0"))

    final = server.url_for("/final")
    assert result.url == server.url_for("/hop0")
    assert result.final_url == final
    assert result.permanent_url == (final if permanent else None)
    assert result.content == FEED
    assert result.etag == '"f"'
    assert len(server.log) == len(chain) + 1


def test_relative_locations_are_resolved(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_request("/a/start").respond_with_response(redirect("next"))
    server.expect_request("/a/next").respond_with_response(redirect("/b/end?x=1"))
    server.expect_request("/b/end", query_string="x=1").respond_with_data(FEED)
    result = fetcher.fetch(server.url_for("/a/start"))
    assert result.final_url == server.url_for("/b/end?x=1")
    assert result.permanent_url == result.final_url


def test_conditional_headers_follow_a_permanent_redirect(
    server: HTTPServer, fetcher: Fetcher
) -> None:
    server.expect_request("/old").respond_with_response(redirect("/new", 301))
    server.expect_request("/new", headers={"If-None-Match": '"v1"'}).respond_with_data(
        b"", status=304
    )
    result = fetcher.fetch(server.url_for("/old"), etag='"v1"')
    assert result.not_modified
    assert result.permanent_url == server.url_for("/new")


def test_exactly_max_redirects_is_allowed(server: HTTPServer, fetcher: Fetcher) -> None:
    for hop in range(5):
        server.expect_request(f"/hop{hop}").respond_with_response(redirect(f"/hop{hop + 1}"))
    server.expect_request("/hop5").respond_with_data(FEED)
    assert fetcher.fetch(server.url_for("/hop0")).final_url == server.url_for("/hop5")


def test_more_than_max_redirects_is_refused(server: HTTPServer, fetcher: Fetcher) -> None:
    for hop in range(6):
        server.expect_request(f"/hop{hop}").respond_with_response(redirect(f"/hop{hop + 1}"))
    server.expect_request("/hop6").respond_with_data(FEED)
    error = fetch_error(fetcher, server.url_for("/hop0"))
    assert str(error) == "too many redirects (more than 5)"
    assert len(server.log) == 6  # the sixth redirect is never followed


def test_redirect_loop_is_refused(server: HTTPServer, make_fetcher: MakeFetcher) -> None:
    server.expect_request("/loop").respond_with_response(redirect("/loop", 302))
    error = fetch_error(make_fetcher(max_redirects=2), server.url_for("/loop"))
    assert str(error) == "too many redirects (more than 2)"
    assert len(server.log) == 3


@pytest.mark.parametrize(
    "location",
    [
        "file:///etc/passwd",
        "ftp://ftp.example.invalid/feed.xml",
        "javascript:alert(1)",
        "data:text/xml,<rss/>",
    ],
)
def test_redirect_to_another_scheme_is_refused(
    server: HTTPServer, fetcher: Fetcher, location: str
) -> None:
    server.expect_request("/feed").respond_with_response(redirect(location))
    error = fetch_error(fetcher, server.url_for("/feed"))
    assert not isinstance(error, HTTPStatusError)
    assert "only http and https redirects are followed" in str(error)


@pytest.mark.parametrize("location", ["http://example.invalid:port/feed", "http://[::1/feed"])
def test_redirect_to_a_malformed_address_is_refused(location: str) -> None:
    # (werkzeug will not even send such a Location, so a mock transport does)
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(301, headers={"Location": location})

    with Fetcher(transport=httpx.MockTransport(handler)) as fetcher:
        error = fetch_error(fetcher, "http://feeds.example.invalid/feed")
    assert str(error) == f"the server redirects to an invalid address: {location}"


def test_redirect_to_a_non_ascii_path(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_request("/café").respond_with_data(FEED)
    server.expect_request("/feed").respond_with_response(redirect("/café"))
    result = fetcher.fetch(server.url_for("/feed"))
    assert result.content == FEED
    assert result.final_url == server.url_for("/caf%C3%A9")


def test_redirect_without_location_is_a_status_error(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_request("/feed").respond_with_data(b"", status=301)
    error = fetch_error(fetcher, server.url_for("/feed"))
    assert isinstance(error, HTTPStatusError)
    assert error.status == 301
    assert "without saying where" in str(error)


# -- error statuses ------------------------------------------------------------------------


def test_gone_is_feed_gone(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_request("/feed").respond_with_data(b"bye", status=410)
    error = fetch_error(fetcher, server.url_for("/feed"))
    assert isinstance(error, FeedGoneError)
    assert error.status == 410
    assert str(error) == "the feed is gone (HTTP 410): the server says it was removed for good"


def test_429_with_delta_seconds(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_request("/feed").respond_with_data(
        b"", status=429, headers={"Retry-After": "120"}
    )
    error = fetch_error(fetcher, server.url_for("/feed"))
    assert isinstance(error, RateLimitedError)
    assert error.status == 429
    assert error.retry_after == NOW + timedelta(seconds=120)
    assert str(error).startswith("HTTP 429 Too Many Requests: ")
    assert "2026-11-28 12:02:00 UTC" in str(error)


def test_503_with_http_date(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_request("/feed").respond_with_data(
        b"", status=503, headers={"Retry-After": "Tue, 01 Dec 2026 08:00:00 GMT"}
    )
    error = fetch_error(fetcher, server.url_for("/feed"))
    assert isinstance(error, RateLimitedError)
    assert error.status == 503
    assert error.retry_after == datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    assert error.retry_after is not None and error.retry_after.tzinfo is UTC


@pytest.mark.parametrize("headers", [{}, {"Retry-After": "soon, maybe"}, {"Retry-After": "-5"}])
def test_rate_limited_without_usable_retry_after(
    server: HTTPServer, fetcher: Fetcher, headers: dict[str, str]
) -> None:
    server.expect_request("/feed").respond_with_data(b"", status=429, headers=headers)
    error = fetch_error(fetcher, server.url_for("/feed"))
    assert isinstance(error, RateLimitedError)
    assert error.retry_after is None
    assert "retry later" in str(error)


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (404, "HTTP 404 Not Found: the feed address is wrong or the feed moved"),
        (500, "HTTP 500 Internal Server Error: the server failed"),
        (401, "access denied (HTTP 401 Unauthorized): "),
        (403, "access denied (HTTP 403 Forbidden): "),
        (400, "HTTP 400 Bad Request: "),
        (418, "HTTP 418 I'm a Teapot: the server refused the request"),
        (502, "HTTP 502 Bad Gateway: "),
        (599, "HTTP 599: the server failed"),
    ],
)
def test_error_statuses_are_explained(
    server: HTTPServer, fetcher: Fetcher, status: int, message: str
) -> None:
    server.expect_request("/feed").respond_with_data(b"<html>oops</html>", status=status)
    error = fetch_error(fetcher, server.url_for("/feed"))
    assert type(error) is HTTPStatusError
    assert error.status == status
    assert str(error).startswith(message)


# -- the size cap --------------------------------------------------------------------------


def test_body_at_the_cap_is_accepted(server: HTTPServer, make_fetcher: MakeFetcher) -> None:
    server.expect_request("/feed").respond_with_data(b"x" * 1000)
    assert len(make_fetcher(max_bytes=1000).fetch(server.url_for("/feed")).content) == 1000


def test_declared_length_over_the_cap_is_refused(
    server: HTTPServer, make_fetcher: MakeFetcher
) -> None:
    server.expect_request("/feed").respond_with_data(b"x" * 1001)
    with pytest.raises(ResponseTooLargeError, match=r"^response larger than 1000 bytes$"):
        make_fetcher(max_bytes=1000).fetch(server.url_for("/feed"))


def test_chunked_body_within_the_cap_is_accepted(
    server: HTTPServer, make_fetcher: MakeFetcher
) -> None:
    def chunks() -> Iterator[bytes]:
        yield b"a" * 500
        yield b"b" * 500

    server.expect_request("/feed").respond_with_response(Response(chunks()))
    result = make_fetcher(max_bytes=1000).fetch(server.url_for("/feed"))
    assert result.content == b"a" * 500 + b"b" * 500


def test_chunked_body_is_cut_as_soon_as_it_passes_the_cap(
    server: HTTPServer, make_fetcher: MakeFetcher, release: threading.Event
) -> None:
    # The server sends 1200 bytes, then stalls: reading on would end in a timeout,
    # so a ResponseTooLargeError proves the download stopped at the cap.
    def chunks() -> Iterator[bytes]:
        yield b"a" * 600
        yield b"b" * 600
        release.wait(10)
        yield b"c" * 600

    server.expect_request("/feed").respond_with_response(Response(chunks()))
    started = time.monotonic()
    with pytest.raises(ResponseTooLargeError, match="response larger than 1000 bytes"):
        make_fetcher(max_bytes=1000, timeout=3.0).fetch(server.url_for("/feed"))
    assert time.monotonic() - started < 2.0
    assert "Content-Length" not in server.log[0][1].headers


def test_default_cap_is_20_mib() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        # Claims a body one byte over the cap; the claim alone must be refused.
        return httpx.Response(200, headers={"Content-Length": str(20 * 1024 * 1024 + 1)})

    with (
        Fetcher(transport=httpx.MockTransport(handler)) as fetcher,
        pytest.raises(ResponseTooLargeError, match=r"^response larger than 20 MiB$"),
    ):
        fetcher.fetch("http://feeds.example.invalid/feed")


# -- network failures ----------------------------------------------------------------------


def test_slow_server_times_out(
    server: HTTPServer, make_fetcher: MakeFetcher, release: threading.Event
) -> None:
    def slow(request: Request) -> Response:
        release.wait(5)
        return Response(FEED)

    server.expect_request("/feed").respond_with_handler(slow)
    started = time.monotonic()
    error = fetch_error(make_fetcher(timeout=0.5), server.url_for("/feed"))
    assert str(error) == "timed out after 0.5 s waiting for 127.0.0.1 to answer"
    assert time.monotonic() - started < 3


# -- the deadline of a whole fetch ---------------------------------------------------------


@pytest.mark.parametrize("gzip", [False, True], ids=["plain", "gzip-decoding-to-nothing"])
def test_a_body_trickling_forever_stops_at_the_deadline(
    make_fetcher: MakeFetcher, gzip: bool
) -> None:
    # One byte every 0.1 s: no read ever times out, yet the body never ends.
    with trickle_server(interval=0.1, gzip=gzip) as trickle:
        error = fetch_error(make_fetcher(), trickle.url(), deadline=0.5)
        sent = trickle.sent
    assert str(error) == "the feed took longer than 0.5 s to download from 127.0.0.1; gave up"
    assert sent <= 100  # 0.5 s of trickle is about 5 bytes; forever would be unbounded


def test_the_deadline_by_kind_of_document_is_documented_and_used(
    make_fetcher: MakeFetcher,
) -> None:
    assert DEADLINES == {"feed": 60.0, "page": 30.0}
    ticks = itertools.count(0.0, 10.0)  # every look at the clock: 10 s later
    with trickle_server(interval=0.01) as trickle:
        fetcher = make_fetcher(monotonic=lambda: next(ticks))
        error = fetch_error(fetcher, trickle.url())
        looks = next(ticks) / 10
    assert str(error) == "the feed took longer than 60 s to download from 127.0.0.1; gave up"
    assert looks <= 10  # the clock is read per chunk: six chunks use up 60 s
    ticks = itertools.count(0.0, 10.0)
    with trickle_server(interval=0.01) as trickle:
        fetcher = make_fetcher(monotonic=lambda: next(ticks))
        error = fetch_error(fetcher, trickle.url(), document="page")
    assert str(error) == "the page took longer than 30 s to download from 127.0.0.1; gave up"


def test_deadlines_can_be_set_per_kind(make_fetcher: MakeFetcher) -> None:
    with trickle_server(interval=0.05) as trickle:
        fetcher = make_fetcher(deadlines={"page": 0.3})
        assert fetcher.deadlines == {"feed": 60.0, "page": 0.3}
        error = fetch_error(fetcher, trickle.url(), document="page")
    assert "took longer than 0.3 s" in str(error)
    with pytest.raises(ValueError, match="deadlines must be positive"):
        Fetcher(deadlines={"feed": 0})


def test_a_read_cut_short_by_the_deadline_says_so(
    server: HTTPServer, make_fetcher: MakeFetcher, release: threading.Event
) -> None:
    def silent(request: Request) -> Response:
        release.wait(5)
        return Response(FEED)

    server.expect_request("/feed").respond_with_handler(silent)
    # The server's 5 s timeout is not reached: the 0.3 s deadline shortens the wait.
    error = fetch_error(make_fetcher(timeout=5.0), server.url_for("/feed"), deadline=0.3)
    assert str(error) == "the feed took longer than 0.3 s to download from 127.0.0.1; gave up"


def test_a_deadline_that_is_over_before_a_redirect_stops_it(
    server: HTTPServer, make_fetcher: MakeFetcher
) -> None:
    server.expect_request("/a").respond_with_response(redirect("/b"))
    server.expect_request("/b").respond_with_data(FEED)
    ticks = itertools.count(0.0, 25.0)  # the start, the first hop, then past 60 s
    fetcher = make_fetcher(monotonic=lambda: next(ticks))
    error = fetch_error(fetcher, server.url_for("/a"))
    assert "took longer than 60 s" in str(error)


def test_a_refresh_reports_the_endless_feed_and_refreshes_the_others(
    site: FeedSite, store: Store, make_fetcher: MakeFetcher
) -> None:
    good = site.publish("/good.xml", rss("Bon", [("1", "Un", "texte")]))
    with trickle_server() as trickle:
        endless = store.add_feed(trickle.url("/endless.xml")).id
        store.add_feed(good)
        summary = refresh_feeds(store, fetcher=make_fetcher(deadlines={"feed": 0.5}), jobs=2)
        sent = trickle.sent
    errors = {outcome.feed.id: outcome.error for outcome in summary.outcomes}
    assert errors[endless] == (
        "the feed took longer than 0.5 s to download from 127.0.0.1; gave up"
    )
    assert [error for feed_id, error in errors.items() if feed_id != endless] == [None]
    assert sent <= 100
    assert store.get_feed(endless).last_error == errors[endless]


def test_connection_refused(make_fetcher: MakeFetcher) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    error = fetch_error(make_fetcher(), f"http://127.0.0.1:{port}/feed")
    assert str(error).startswith("could not connect to 127.0.0.1: ")
    assert "refused" in str(error).lower()
    assert "Errno" not in str(error)


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("", "should start with http"),
        ("not a url", "should start with http"),
        ("example.org/feed", "should start with http"),
        ("ftp://ftp.example.invalid/feed.xml", "only http and https"),
        ("file:///etc/passwd", "only http and https"),
        ("http://", "names no host"),
        ("http://[::1/feed", "invalid feed address"),
        ("http://exa\x00mple.org/", "invalid feed address"),
    ],
)
def test_invalid_urls_are_refused_before_any_request(
    fetcher: Fetcher, url: str, fragment: str
) -> None:
    assert fragment in str(fetch_error(fetcher, url))


def _raising(exc_type: type[httpx.HTTPError]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        if issubclass(exc_type, httpx.RequestError):
            raise exc_type("[Errno 99] low-level\nreason", request=request)
        raise exc_type("low-level reason")

    return httpx.MockTransport(handler)


@pytest.mark.parametrize(
    ("exc_type", "expected"),
    [
        (httpx.ConnectTimeout, "timed out after 7 s connecting to feeds.example.invalid"),
        (httpx.ReadTimeout, "timed out after 7 s waiting for feeds.example.invalid"),
        (httpx.WriteTimeout, "timed out after 7 s sending the request"),
        (httpx.PoolTimeout, "timed out waiting for a free connection"),
        (httpx.ConnectError, "could not connect to feeds.example.invalid: low-level reason"),
        (httpx.ReadError, "the connection to feeds.example.invalid failed"),
        (httpx.WriteError, "the connection to feeds.example.invalid failed"),
        (httpx.CloseError, "the connection to feeds.example.invalid failed"),
        (httpx.RemoteProtocolError, "broke the HTTP protocol"),
        (httpx.LocalProtocolError, "downloading from feeds.example.invalid failed"),
        (httpx.ProxyError, "the proxy refused"),
        (httpx.UnsupportedProtocol, "unsupported address"),
        (httpx.DecodingError, "corrupt compressed body"),
        (httpx.TooManyRedirects, "downloading from feeds.example.invalid failed"),
    ],
)
def test_every_httpx_failure_becomes_a_fetch_error(
    exc_type: type[httpx.HTTPError], expected: str
) -> None:
    with Fetcher(timeout=7, transport=_raising(exc_type)) as fetcher:
        error = fetch_error(fetcher, "http://feeds.example.invalid/feed")
    assert expected in str(error)
    assert exc_type.__name__ not in str(error)
    assert isinstance(error.__cause__, exc_type)


def test_closed_fetcher_refuses_to_fetch(server: HTTPServer) -> None:
    server.expect_request("/feed").respond_with_data(FEED)
    with Fetcher() as fetcher:
        assert fetcher.fetch(server.url_for("/feed")).content == FEED
    error = fetch_error(fetcher, server.url_for("/feed"))
    assert "closed" in str(error)


def test_nonsense_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="timeout"):
        Fetcher(timeout=0)
    with pytest.raises(ValueError, match="max_per_host"):
        Fetcher(max_per_host=0)


def test_every_outcome_gives_its_connection_back(
    server: HTTPServer, make_fetcher: MakeFetcher
) -> None:
    # With one connection in all, a response left open would make the next fetch wait
    # for ever (the pool has no timeout), so the whole sequence runs in a watched thread.
    server.expect_request("/ok").respond_with_data(FEED)
    server.expect_request("/missing").respond_with_data(b"no", status=404)
    server.expect_request("/moved").respond_with_response(redirect("/ok"))
    server.expect_request("/same").respond_with_data(b"", status=304)
    server.expect_request("/big").respond_with_data(b"x" * 2000)
    fetcher = make_fetcher(max_connections=1, max_bytes=1000)
    outcomes: list[str] = []

    def run() -> None:
        for path in ["/missing", "/moved", "/same", "/big", "/missing", "/ok"]:
            try:
                outcomes.append(str(fetcher.fetch(server.url_for(path)).status))
            except FetchError as exc:
                outcomes.append(type(exc).__name__)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(5)
    assert not worker.is_alive(), f"stuck after {outcomes}"
    assert outcomes == [
        "HTTPStatusError",
        "200",
        "304",
        "ResponseTooLargeError",
        "HTTPStatusError",
        "200",
    ]


# -- concurrency ---------------------------------------------------------------------------


class InFlight:
    """A handler that holds each request for a while and records the peak concurrency."""

    def __init__(self, hold: float) -> None:
        self.hold = hold
        self.current = 0
        self.peak = 0
        self.lock = threading.Lock()

    def __call__(self, request: Request) -> Response:
        with self.lock:
            self.current += 1
            self.peak = max(self.peak, self.current)
        time.sleep(self.hold)
        with self.lock:
            self.current -= 1
        return Response(FEED)


def _fetch_all(fetcher: Fetcher, urls: list[str]) -> list[FetchResult]:
    with ThreadPoolExecutor(len(urls)) as pool:
        return list(pool.map(fetcher.fetch, urls))


def test_per_host_limit_holds_across_threads(server: HTTPServer, make_fetcher: MakeFetcher) -> None:
    in_flight = InFlight(hold=0.3)
    server.expect_request("/feed").respond_with_handler(in_flight)
    fetcher = make_fetcher(max_per_host=2)

    results = _fetch_all(fetcher, [server.url_for(f"/feed?n={n}") for n in range(6)])

    assert [r.content for r in results] == [FEED] * 6
    assert in_flight.peak == 2


def test_total_connection_limit_holds_across_threads(
    server: HTTPServer, make_fetcher: MakeFetcher
) -> None:
    in_flight = InFlight(hold=0.3)
    server.expect_request("/feed").respond_with_handler(in_flight)
    fetcher = make_fetcher(max_per_host=10, max_connections=3)

    results = _fetch_all(fetcher, [server.url_for(f"/feed?n={n}") for n in range(6)])

    assert len(results) == 6
    assert 1 < in_flight.peak <= 3


# -- Retry-After parsing -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0", NOW),
        (" 3600 ", NOW + timedelta(hours=1)),
        ("Tue, 01 Dec 2026 08:00:00 GMT", datetime(2026, 12, 1, 8, 0, tzinfo=UTC)),
        ("Tue, 01 Dec 2026 09:00:00 +0100", datetime(2026, 12, 1, 8, 0, tzinfo=UTC)),
        ("Tue, 01 Dec 2026 08:00:00 -0000", datetime(2026, 12, 1, 8, 0, tzinfo=UTC)),
        (None, None),
        ("", None),
        ("-1", None),
        ("1.5", None),
        ("tomorrow", None),
        ("٣", None),  # a non-ASCII digit is not delta-seconds
        ("9" * 40, None),
    ],
)
def test_parse_retry_after(value: str | None, expected: datetime | None) -> None:
    result = parse_retry_after(value, NOW)
    assert result == expected
    if result is not None:
        assert result.tzinfo is UTC


@given(st.integers(min_value=0, max_value=10**9))
def test_parse_retry_after_delta_seconds(seconds: int) -> None:
    assert parse_retry_after(str(seconds), NOW) == NOW + timedelta(seconds=seconds)


@pytest.mark.parametrize(
    ("exc_type", "kind"),
    [
        (httpx.ConnectTimeout, "timeout"),
        (httpx.ReadTimeout, "timeout"),
        (httpx.WriteTimeout, "timeout"),
        (httpx.ConnectError, "connect"),
        (httpx.ReadError, None),
    ],
)
def test_a_fetch_error_names_its_kind(exc_type: type[httpx.HTTPError], kind: str | None) -> None:
    with Fetcher(timeout=7, transport=_raising(exc_type)) as fetcher:
        assert fetch_error(fetcher, "http://feeds.example.invalid/feed").kind == kind


def test_redirect_errors_name_their_kind() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/loop":
            return httpx.Response(302, headers={"Location": "/loop"})
        return httpx.Response(302, headers={"Location": "file:///etc/passwd"})

    with Fetcher(transport=httpx.MockTransport(handler), max_redirects=2) as fetcher:
        assert fetch_error(fetcher, "http://feeds.example.invalid/loop").kind == "redirects"
        assert fetch_error(fetcher, "http://feeds.example.invalid/away").kind == "redirect"


def test_one_fetch_may_have_a_smaller_size_cap() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=bytes(4096)))
    with Fetcher(transport=transport) as fetcher:
        assert len(fetcher.fetch("http://feeds.example.invalid/a").content) == 4096
        error = fetch_error(fetcher, "http://feeds.example.invalid/a", max_bytes=1024)
    assert isinstance(error, ResponseTooLargeError) and "1 KiB" in str(error)


def test_the_callers_check_can_stop_a_download() -> None:
    class Stopped(Exception):
        pass

    checks: list[int] = []

    def check() -> None:
        checks.append(1)
        if len(checks) > 1:  # before the request, then on the first chunk
            raise Stopped

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=iter([b"first", b"second"]))  # streamed

    with Fetcher(transport=httpx.MockTransport(handler)) as fetcher, pytest.raises(Stopped):
        fetcher.fetch("http://feeds.example.invalid/a", check=check)
