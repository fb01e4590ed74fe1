"""The bundled demo library: seeded from our own feed files, with no network."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import httpx

from reader import paths
from reader.core.opml import parse_opml
from reader.core.parse import parse_feed
from reader.core.store import Store
from reader.core.types import ArticleQuery


def seed_demo_library(store: Store, demo_dir: Path) -> int:
    """Fill an empty library with the demo feeds (folders, articles, tags and stars as the
    demo describes them). Returns the number of feeds added; a library that already has
    feeds is left alone and 0 is returned."""
    if store.list_feeds():
        return 0
    document = parse_opml((demo_dir / "demo.opml").read_bytes())
    store.import_opml(document)
    now = store.now()
    by_file: dict[str, int] = {}
    for feed in store.list_feeds():
        name = PurePosixPath(urlsplit(feed.url).path).name
        source = demo_dir / "feeds" / name
        if not source.is_file():
            continue
        parsed = parse_feed(source.read_bytes(), feed.url, now=now)
        store.store_parsed_feed(feed.id, parsed)
        by_file[name] = feed.id
    _apply_demo_tags(store, demo_dir / "tags.json", by_file)
    return len(by_file)


def _apply_demo_tags(store: Store, path: Path, by_file: dict[str, int]) -> None:
    if not path.is_file():
        return
    for item in json.loads(path.read_text(encoding="utf-8")):
        feed_id = by_file.get(item.get("feed", ""))
        if feed_id is None:
            continue
        wanted = item.get("guid_or_link")
        for article in store.list_articles(ArticleQuery(feed_ids=(feed_id,))):
            if wanted in (article.key, article.link):
                if item.get("tags"):
                    store.tag_article(article.id, item["tags"])
                if item.get("starred"):
                    store.set_starred(article.id, True)
                break


#: Every demo address is on this host (the reserved .invalid domain never resolves).
DEMO_ORIGIN = "https://demo.press-reader.invalid"


class DemoTransport(httpx.BaseTransport):
    """Answers the demo feeds' addresses from the bundled files, so the demo library can be
    refreshed with no network: a feed's next edition (``updates/``: a new article, one
    article rewritten) when there is one, else the edition the library was seeded with.
    ETags make every later refresh a 304, as with a real server."""

    def __init__(self, demo_dir: Path) -> None:
        self._dir = demo_dir

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        name = PurePosixPath(request.url.path).name
        for folder in ("updates", "feeds"):
            path = self._dir / folder / name
            if name and request.url.path.startswith("/feeds/") and path.is_file():
                body = path.read_bytes()
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if request.headers.get("If-None-Match") == etag:
                    return httpx.Response(304, headers={"ETag": etag}, request=request)
                return httpx.Response(
                    200,
                    headers={"ETag": etag, "Content-Type": "application/xml"},
                    content=body,
                    request=request,
                )
        return httpx.Response(404, request=request)


def demo_mounts() -> dict[str, httpx.BaseTransport]:
    """Transports for a Fetcher, so that refreshing the demo library works offline."""
    return {DEMO_ORIGIN: DemoTransport(paths.resources_dir() / "demo")}
