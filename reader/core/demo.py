"""The bundled demo library: seeded from our own feed files, opened with an offline fetcher."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from reader import paths
from reader.core.parts import LibraryParts
from reader.core.storage import Store
from reader.core.types import ArticleQuery

if TYPE_CHECKING:
    from reader.core.fetch import Fetcher


def seed_demo_library(store: Store, demo_dir: Path) -> int:
    """Fill an empty library with the demo feeds (folders, articles, tags and stars as the
    demo describes them). Returns the number of feeds added; a library that already has
    feeds is left alone and 0 is returned."""
    if store.list_feeds():
        return 0
    # Here, not above: the window opens its workers' libraries through this module, and the
    # parsers are no cost its start should pay.
    from reader.core.opml import parse_opml
    from reader.core.parse import parse_feed

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


def demo_fetcher(*, clock: Callable[[], datetime], max_connections: int) -> Fetcher:
    """A downloader that answers the demo's addresses from the bundled files (the HTTP stack
    is imported on the first refresh, not when the demo library opens)."""
    from reader.core.demo_transport import offline_fetcher

    return offline_fetcher(
        paths.resources_dir() / "demo", clock=clock, max_connections=max_connections
    )


#: What the demo library refreshes with: its own feeds, offline.
DEMO_PARTS = LibraryParts(fetcher=demo_fetcher)


def open_demo_library(
    path: Path | str, *, clock: Callable[[], datetime] | None = None, read_only: bool = False
) -> Store:
    """The demo library at ``path``, refreshed offline from the bundled feeds."""
    if clock is None:
        return Store(path, read_only=read_only, parts=DEMO_PARTS)
    return Store(path, clock=clock, read_only=read_only, parts=DEMO_PARTS)


def is_demo_library(path: Path | str) -> bool:
    """Whether ``path`` is a demo library's file (``paths.demo_library_path``)."""
    path = Path(path)
    return path.name == paths.LIBRARY_FILE and path.parent.name == "demo"


def reopen_library(
    path: Path | str, *, clock: Callable[[], datetime] | None = None, read_only: bool = False
) -> Store:
    """The library at ``path`` opened again, for a thread that needs its own Store on a file
    already open: the demo library with its offline parts, any other as ``open_library``
    opens it (the window's workers only know the file)."""
    if is_demo_library(path):
        return open_demo_library(path, clock=clock, read_only=read_only)
    if clock is None:
        return Store(path, read_only=read_only)
    return Store(path, clock=clock, read_only=read_only)
