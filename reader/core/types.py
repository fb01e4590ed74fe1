"""Plain values that cross the engine's layers: parsed feeds, stored feeds and articles."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

#: Folders nest at most this deep. Whatever an OPML file or a command nests deeper goes into
#: the deepest folder allowed: its feeds land there, nothing is dropped. Without a cap a
#: hostile file nesting 10 000 folders costs time and memory quadratic in its depth (every
#: folder carries its whole path), in the import and in every later command.
MAX_FOLDER_DEPTH = 8

# -- what the parser hands to the store ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class ParsedEntry:
    """One feed entry, parsed and sanitized, ready to be stored.

    ``key`` is the entry's identity within its feed: the entry id when the feed gives
    one, otherwise a stable digest of its link, or of its title and date.
    HTML fields are already sanitized; ``text`` is the canonical plain text of the
    content (or of the summary when there is no content).
    """

    key: str
    title: str
    link: str | None = None
    author: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    summary_html: str = ""
    content_html: str = ""
    text: str = ""
    enclosures: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A whole feed document as the parser understood it."""

    title: str | None
    site_url: str | None
    entries: tuple[ParsedEntry, ...]
    icon_url: str | None = None
    #: Set when the document was malformed but still readable.
    warning: str | None = None


# -- what the store hands back -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Feed:
    """A subscription as stored in the library."""

    id: int
    url: str
    title: str
    #: The folder as one string, names joined by "/", for display; None at the top level.
    folder: str | None = None
    #: The folder as its path of names (a name may itself contain "/").
    folder_path: tuple[str, ...] = ()
    site_url: str | None = None
    feed_title: str | None = None
    user_title: str | None = None
    icon_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    added: datetime | None = None
    last_checked: datetime | None = None
    last_success: datetime | None = None
    last_error: str | None = None
    warning: str | None = None
    error_count: int = 0
    enabled: bool = True
    retry_after: datetime | None = None
    #: Unsubscribed, but kept for its highlighted articles.
    archived: bool = False
    #: Whether articles' pages are fetched for their full text: "off", "on" or "auto"
    #: (when the feed gives only a teaser).
    full_text: str = "off"
    unread: int = 0
    total: int = 0


@dataclass(frozen=True, slots=True)
class FullText:
    """An article's full text fetched from its page, or the last attempt's failure.

    ``html`` is None when no full text could be had (``error`` says why); ``stale`` is set
    when the feed rewrote the article after the page was fetched."""

    url: str
    fetched: datetime
    html: str | None = None
    error: str | None = None
    canonical_url: str | None = None
    attempts: int = 0
    stale: bool = False


@dataclass(frozen=True, slots=True)
class Article:
    """An article as stored in the library."""

    id: int
    feed_id: int
    key: str
    title: str
    link: str | None
    author: str | None
    published: datetime
    updated: datetime | None
    first_seen: datetime
    read: bool
    starred: bool
    feed_title: str = ""
    summary_html: str = ""
    content_html: str = ""
    text: str = ""
    tags: tuple[str, ...] = ()
    #: Id of the article this one repeats (same story seen first in another feed).
    duplicate_of: int | None = None
    #: Other feeds that carry the same story, as (feed id, feed title).
    also_in: tuple[tuple[int, str], ...] = field(default=())
    #: The full text fetched from the article's page (read with the article's body only).
    full_text: FullText | None = None

    @property
    def html(self) -> str:
        """The feed's richest sanitized body: the content when there is one, else the
        summary."""
        return self.content_html or self.summary_html

    @property
    def reading_html(self) -> str:
        """What a reader is shown: the full text fetched from the page when there is one,
        else the feed's body."""
        if self.full_text is not None and self.full_text.html:
            return self.full_text.html
        return self.html


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: the article and a snippet with the matched words marked."""

    article: Article
    snippet: str
    rank: float


@dataclass(frozen=True, slots=True)
class Highlight:
    """A passage an analyst marked in an article, with its colour, note and tags.

    The passage is kept as W3C selectors on the article's canonical text: the quote with up to
    32 characters of context, and its position. When the article changes, the highlight is
    re-anchored; one that can no longer be placed is *orphaned*: its quote, note and tags stay,
    ``start``/``end`` become None. The article's title, link and source are copied, so a
    highlight still says where it came from if its article is deleted.
    """

    id: int
    article_id: int | None
    article_title: str
    article_link: str | None
    feed_title: str
    exact: str
    prefix: str
    suffix: str
    start: int | None
    end: int | None
    color: str
    note: str
    tags: tuple[str, ...]
    created: datetime
    updated: datetime
    #: The article's feed and publication date, while the article exists.
    feed_id: int | None = None
    published: datetime | None = None

    @property
    def orphaned(self) -> bool:
        return self.start is None

    def __post_init__(self) -> None:
        if not self.exact:
            raise ValueError("a highlight needs a quote")
        if (self.start is None) != (self.end is None):
            raise ValueError("a highlight's start and end are both set or both unset")
        if self.start is not None and self.end is not None and not 0 <= self.start < self.end:
            raise ValueError(f"invalid highlight span {self.start}..{self.end}")


@dataclass(frozen=True, slots=True)
class TagInfo:
    """A tag of the library: its colour (``#rrggbb`` or None) and how many articles and
    highlights carry it."""

    name: str
    color: str | None
    articles: int
    highlights: int
