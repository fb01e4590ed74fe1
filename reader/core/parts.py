"""The parts a library is opened with besides its file: how its refreshes download and parse.

A library opened by :func:`reader.core.open_library` keeps its parts on ``Store.parts``;
``refresh_feeds`` and ``fetch_full_text`` build their downloader and choose their parser from
there unless they are given their own. Without parts they download with a plain
:class:`~reader.core.fetch.Fetcher` and parse with :func:`~reader.core.parse.parse_feed`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from reader.core.fetch import Fetcher
    from reader.core.types import ParsedFeed

__all__ = ["FeedParser", "FetcherFactory", "LibraryParts", "make_fetcher"]

#: Feed bytes → a ParsedFeed: ``(content, url, content_type, now)``; raises ParseError.
FeedParser = Callable[[bytes, str, "str | None", datetime], "ParsedFeed"]


class FetcherFactory(Protocol):
    """Builds the downloader of one refresh or one full-text fetch (closed after it)."""

    def __call__(self, *, clock: Callable[[], datetime], max_connections: int) -> Fetcher: ...


@dataclass(frozen=True, slots=True)
class LibraryParts:
    """What a library downloads and parses with; None keeps the engine's own."""

    fetcher: FetcherFactory | None = None
    #: An injected parser runs in the refreshing process, never in worker processes.
    parser: FeedParser | None = None


def make_fetcher(
    parts: LibraryParts, *, clock: Callable[[], datetime], max_connections: int = 8
) -> Fetcher:
    """A new downloader from ``parts`` (the caller closes it)."""
    if parts.fetcher is not None:
        return parts.fetcher(clock=clock, max_connections=max_connections)
    from reader.core.fetch import Fetcher

    return Fetcher(clock=clock, max_connections=max_connections)
