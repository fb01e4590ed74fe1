"""A feed parser tests fill in one line per feed and entry, so refresh tests read like
specifications: ``parser.feed(1, title="One")``, ``parser.entry(1, 1, content="<p>…</p>")``.

The values are the engine's own ``ParsedFeed`` and ``ParsedEntry``. Open a library with
``open_library(path, fetcher=parser.fetcher, parser=parser)``: the fetcher answers every
feed's address (``parser.url(number)``) with an ETag that changes whenever the feed or one of
its entries does, so an untouched feed comes back as "not modified", as from a real server.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import httpx

from reader.core.errors import ReaderError
from reader.core.fetch import Fetcher
from reader.core.sanitize import sanitize_with_text
from reader.core.types import ParsedEntry, ParsedFeed
from tests.factories import T0

ORIGIN = "https://feeds.example"


class FakeParser:
    """Feeds by number, each with its entries by number; called as the refresh's parser."""

    def __init__(self) -> None:
        self.feeds: dict[int, ParsedFeed] = {}
        self.entries: dict[int, dict[int, ParsedEntry]] = {}
        self.errors: dict[int, ReaderError] = {}
        #: The feed numbers parsed, in order (from the refresh's threads).
        self.calls: list[int] = []
        self._versions: dict[int, int] = {}
        self._lock = threading.Lock()

    @staticmethod
    def url(number: int) -> str:
        return f"{ORIGIN}/{number}.xml"

    def feed(self, number: int, **fields: Any) -> ParsedFeed:
        """Feed ``number`` (created, or changed by ``fields``): title, site_url, icon_url,
        warning."""
        old = self.feeds.get(number) or ParsedFeed(
            title=f"Feed {number}", site_url=f"https://site{number}.example/", entries=()
        )
        self.feeds[number] = replace(old, **fields)
        self.entries.setdefault(number, {})
        self._touch(number)
        return self.feeds[number]

    def entry(self, feed_number: int, number: int, **fields: Any) -> ParsedEntry:
        """Entry ``number`` of a feed (made with the feed if need be), created or changed;
        ``content`` is its HTML, whose text it gets as the real parser would give it."""
        if feed_number not in self.feeds:
            self.feed(feed_number)
        entries = self.entries[feed_number]
        old = entries.get(number) or ParsedEntry(
            key=f"{feed_number}/{number}",
            title=f"Entry {number}",
            link=f"https://site{feed_number}.example/{number}",
            published=T0 - timedelta(hours=number),
        )
        content = fields.pop("content", None)
        if content is not None:
            html, text = sanitize_with_text(content)
            fields.update(content_html=html, text=text)
        entries[number] = replace(old, **fields)
        self._touch(feed_number)
        return entries[number]

    def remove(self, feed_number: int, number: int) -> None:
        """The feed no longer lists this entry."""
        del self.entries[feed_number][number]
        self._touch(feed_number)

    def fail(self, number: int, error: ReaderError) -> None:
        """Parsing feed ``number`` raises ``error`` from now on."""
        self.feed(number)
        self.errors[number] = error

    # -- what the refresh calls ----------------------------------------------------------

    def __call__(
        self, content: bytes, url: str, content_type: str | None, now: datetime
    ) -> ParsedFeed:
        number = _number(url)
        with self._lock:
            self.calls.append(number)
        error = self.errors.get(number)
        if error is not None:
            raise error
        entries = self.entries[number]
        # Newest first, as feeds list them.
        return replace(self.feeds[number], entries=tuple(entries[n] for n in sorted(entries)))

    def fetcher(self, *, clock: Callable[[], datetime], max_connections: int) -> Fetcher:
        """A downloader answering the feeds' addresses (a ``FetcherFactory``)."""
        return Fetcher(clock=clock, transport=httpx.MockTransport(self._answer))

    def _answer(self, request: httpx.Request) -> httpx.Response:
        try:
            number = _number(str(request.url))
        except ValueError:
            return httpx.Response(404)
        if number not in self.feeds:
            return httpx.Response(404)
        etag = f'"{self._versions[number]}"'
        if request.headers.get("If-None-Match") == etag:
            return httpx.Response(304, headers={"ETag": etag})
        return httpx.Response(200, headers={"ETag": etag}, content=b"<fake/>")

    def _touch(self, number: int) -> None:
        self._versions[number] = self._versions.get(number, 0) + 1


def _number(url: str) -> int:
    return int(url.removeprefix(f"{ORIGIN}/").removesuffix(".xml"))
