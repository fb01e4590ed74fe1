"""Small feed documents written for the tests, and a loopback site that serves them politely."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from email.utils import format_datetime
from xml.sax.saxutils import escape

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.factories import T0


def rss(
    title: str, items: list[tuple[str, str, str]], *, link: str = "https://site.example/"
) -> bytes:
    """An RSS 2.0 document; items are (guid, title, paragraph text)."""
    body = "".join(
        f"<item><guid>{escape(guid)}</guid><title>{escape(item_title)}</title>"
        f"<link>https://site.example/{escape(guid)}</link>"
        f"<pubDate>{format_datetime(T0)}</pubDate>"
        f"<description>{escape('<p>' + escape(text) + '</p>')}</description></item>"
        for guid, item_title, text in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>{link}</link>{body}</channel></rss>"
    ).encode()


@dataclass
class FeedSite:
    """Feeds on a loopback server that answer conditional GETs with 304."""

    server: HTTPServer
    documents: dict[str, bytes] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return self.server.url_for(path)

    def publish(self, path: str, content: bytes) -> str:
        if path not in self.documents:
            self.server.expect_request(path).respond_with_handler(
                lambda request, path=path: self._answer(path, request)
            )
        self.documents[path] = content
        return self.url(path)

    def _answer(self, path: str, request: Request) -> Response:
        self.hits[path] = self.hits.get(path, 0) + 1
        content = self.documents[path]
        etag = '"' + hashlib.sha1(content).hexdigest()[:16] + '"'
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(content, headers={"ETag": etag, "Content-Type": "application/rss+xml"})
