"""A loopback news site for the full-text tests: one RSS feed whose items link to article
pages, each page answering with a chosen status, body and delay, and a log of the pages
asked for (and how many were being served at once)."""

from __future__ import annotations

import threading
import time
from email.utils import format_datetime
from xml.sax.saxutils import escape

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.factories import T0


def news_feed(site: str, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS feed whose items are (guid, title, description text), linking to the site."""
    entries = "".join(
        f"<item><guid>{guid}</guid><title>{escape(title)}</title>"
        f"<link>{site}/articles/{guid}</link><pubDate>{format_datetime(T0)}</pubDate>"
        f"<description>{escape('<p>' + escape(text) + '</p>')}</description></item>"
        for guid, title, text in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>La Gazette de Doulé</title><link>{site}/</link>{entries}</channel></rss>"
    ).encode()


class NewsSite:
    """A threaded loopback news site: one feed, article pages, and a log of what was asked
    (and how many pages were being served at once)."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.pages: dict[str, tuple[int, bytes, float]] = {}
        self.requests: list[str] = []
        self.busy = 0
        self.most_busy = 0
        self._lock = threading.Lock()
        server.expect_request("/feed.xml").respond_with_handler(self._feed)
        self.items: list[tuple[str, str, str]] = []

    @property
    def root(self) -> str:
        return self.server.url_for("").rstrip("/")

    def url(self, guid: str) -> str:
        """The address of an article's page."""
        return f"{self.root}/articles/{guid}"

    def publish(self, guid: str, title: str, text: str, content: bytes | None = None) -> None:
        self.items.append((guid, title, text))
        if content is not None:
            self.answer(guid, 200, content)

    def answer(self, guid: str, status: int, content: bytes, *, delay: float = 0.0) -> None:
        path = f"/articles/{guid}"
        if path not in self.pages:
            self.server.expect_request(path).respond_with_handler(
                lambda request, path=path: self._page(path, request)
            )
        self.pages[path] = (status, content, delay)

    def _feed(self, request: Request) -> Response:
        return Response(news_feed(self.root, self.items), content_type="application/rss+xml")

    def _page(self, path: str, request: Request) -> Response:
        with self._lock:
            self.requests.append(path)
            self.busy += 1
            self.most_busy = max(self.most_busy, self.busy)
        try:
            status, content, delay = self.pages[path]
            time.sleep(delay)
            return Response(content, status=status, content_type="text/html; charset=utf-8")
        finally:
            with self._lock:
                self.busy -= 1
