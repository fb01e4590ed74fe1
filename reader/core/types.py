"""Plain values that cross the engine's layers: parsed and stored feeds, articles, highlights,
tags, briefs, listings, refreshes, discoveries and OPML documents."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from reader.core.dates import to_db
from reader.core.errors import InvalidBriefError, InvalidDateError

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


# -- highlights ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HighlightColor:
    """A colour of the palette and what the user says it means."""

    name: str
    meaning: str


#: How each palette colour looks, as ``#rrggbb``: painted over passages on screen and in
#: exported briefs (light enough for black text to stay legible on it).
SWATCHES: dict[str, str] = {
    "yellow": "#ffe066",
    "green": "#a5d6a7",
    "blue": "#90caf9",
    "pink": "#f8bbd0",
    "orange": "#ffcc80",
}


def swatch(color: str) -> str:
    """The ``#rrggbb`` a palette colour is painted with (yellow for one this version does not
    know)."""
    return SWATCHES.get(color, SWATCHES["yellow"])


# -- briefs --------------------------------------------------------------------------------


TagMode = Literal["any", "all"]


GroupBy = Literal["tag", "feed", "none"]


#: The languages a brief's fixed wording (headings, labels, dates) can be printed in.
BRIEF_LANGUAGES = ("en", "fr")


@dataclass(frozen=True, slots=True)
class BriefCriteria:
    """Which articles a brief starts from, and how they are grouped into sections.

    ``tags`` match an article's own tags and its highlights' tags, each tag with the tags below
    it (``country`` finds ``country/Mali``); ``tag_mode`` says whether an article needs any of
    them or all. ``since``/``until`` bound the publication date (``until`` excluded).
    ``colors`` keep only highlights of those colours, and drop articles left without any.
    ``unused_only`` leaves out articles already sent in an exported brief. ``tag_prefix``
    chooses the tags that make sections when grouping by tag (``country`` makes one section
    per ``country/*`` tag).
    """

    tags: tuple[str, ...] = ()
    tag_mode: TagMode = "any"
    feed_ids: tuple[int, ...] = ()
    folders: tuple[str, ...] = ()
    since: datetime | None = None
    until: datetime | None = None
    starred_only: bool = False
    colors: tuple[str, ...] = ()
    unused_only: bool = False
    group_by: GroupBy = "tag"
    tag_prefix: str | None = None

    def __post_init__(self) -> None:
        if self.tag_mode not in ("any", "all"):
            raise InvalidBriefError(f"tag mode is 'any' or 'all', not {self.tag_mode!r}")
        if self.group_by not in ("tag", "feed", "none"):
            raise InvalidBriefError(
                f"a brief is grouped by 'tag', 'feed' or 'none', not {self.group_by!r}"
            )
        if self.since is not None and self.until is not None and self.since >= self.until:
            raise InvalidDateError(
                f"the period starts ({to_db(self.since)}) after it ends ({to_db(self.until)})"
            )

    def describe(self) -> str:
        """The criteria in words, for messages ("nothing matched: …")."""
        parts: list[str] = []
        if self.tags:
            joiner = " or " if self.tag_mode == "any" else " and "
            parts.append(f"tagged {joiner.join(self.tags)}")
        if self.feed_ids:
            parts.append("in feed " + ", ".join(str(i) for i in self.feed_ids))
        if self.folders:
            parts.append("in folder " + ", ".join(self.folders))
        if self.since is not None:
            parts.append(f"published from {self.since:%Y-%m-%d}")
        if self.until is not None:
            parts.append(f"published before {self.until:%Y-%m-%d}")
        if self.starred_only:
            parts.append("starred")
        if self.colors:
            parts.append("with " + " or ".join(self.colors) + " highlights")
        if self.unused_only:
            parts.append("not used in a previous brief")
        return ", ".join(parts) if parts else "the whole library"


@dataclass(frozen=True, slots=True)
class BriefItem:
    """One article of a brief with its chosen highlights (in reading order) and the analyst's
    optional summary line. ``article_id`` is None once the article has left the library; its
    title, link and source stay for the citation."""

    article_id: int | None
    title: str
    link: str | None
    source: str
    author: str | None = None
    published: datetime | None = None
    summary: str = ""
    highlights: tuple[Highlight, ...] = ()
    tags: tuple[str, ...] = ()
    feed_id: int | None = None
    #: The opening of the article as sanitized HTML (exports show it when an item has no
    #: highlights).
    excerpt: str = ""

    @property
    def all_tags(self) -> tuple[str, ...]:
        """The article's tags and its highlights' tags, once each, by name."""
        names = {tag.casefold(): tag for tag in self.tags}
        for highlight in self.highlights:
            for tag in highlight.tags:
                names.setdefault(tag.casefold(), tag)
        return tuple(sorted(names.values(), key=str.casefold))


@dataclass(frozen=True, slots=True)
class BriefSection:
    """A heading and its items, in the brief's order."""

    heading: str
    items: tuple[BriefItem, ...] = ()


@dataclass(frozen=True, slots=True)
class Brief:
    """A press review: title, author, period, introduction (Markdown), ordered sections, and
    the language its fixed wording is printed in (``en`` or ``fr``).

    ``missing_highlights`` lists the ids of chosen highlights deleted since the brief was
    saved: they are left out when it is reopened. ``exported`` is when it was last marked
    exported.
    """

    title: str
    author: str = ""
    since: datetime | None = None
    until: datetime | None = None
    introduction: str = ""
    sections: tuple[BriefSection, ...] = ()
    language: str = "en"
    id: int | None = None
    created: datetime | None = None
    updated: datetime | None = None
    exported: datetime | None = None
    missing_highlights: tuple[int, ...] = field(default=())

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise InvalidBriefError("a brief needs a title")
        if self.language not in BRIEF_LANGUAGES:
            raise InvalidBriefError(
                f"a brief is written in {' or '.join(BRIEF_LANGUAGES)}, not {self.language!r}"
            )
        if self.since is not None and self.until is not None and self.since >= self.until:
            raise InvalidDateError(
                f"the period starts ({to_db(self.since)}) after it ends ({to_db(self.until)})"
            )

    def items(self) -> Iterator[BriefItem]:
        """Every item, section after section."""
        for section in self.sections:
            yield from section.items

    def article_ids(self) -> list[int]:
        """The articles the brief carries (still in the library), once each, in order."""
        return list(dict.fromkeys(i.article_id for i in self.items() if i.article_id is not None))


# -- listing and importing -----------------------------------------------------------------


ArticleOrder = Literal["newest", "oldest", "title", "source"]


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """Which articles to list, in which order. ``after`` is a keyset cursor (see
    :func:`cursor_after`): where the previous page ended, for paging through large libraries
    without OFFSET. ``tags`` match the articles' own tags, and also their highlights' tags
    when ``tags_in_highlights`` is set."""

    feed_ids: tuple[int, ...] = ()
    folder: str | None = None
    tags: tuple[str, ...] = ()
    tags_in_highlights: bool = False
    unread: bool = False
    starred: bool = False
    since: datetime | None = None
    until: datetime | None = None
    limit: int | None = None
    order: ArticleOrder = "newest"
    after: tuple[Any, int] | None = None


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an OPML import did: feeds added, feeds already in the library, outlines refused."""

    added: tuple[OutlineFeed, ...] = ()
    present: tuple[OutlineFeed, ...] = ()
    invalid: tuple[tuple[str, str], ...] = field(default=())


@dataclass(frozen=True, slots=True)
class LibraryStats:
    """A one-glance summary of a library."""

    feeds: int
    folders: int
    articles: int
    unread: int
    starred: int
    tags: int


# -- tags ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TagSnapshot:
    """Some tags as they were, with the articles and highlights carrying them: taken before
    a rename, merge, colour change or deletion, and given back to :meth:`TagStore.restore`
    to undo it."""

    names: tuple[str, ...]
    tags: tuple[tuple[int, str, str | None], ...]
    article_tags: tuple[tuple[int, int, str], ...]
    highlight_tags: tuple[tuple[int, int], ...]


# -- refreshing ----------------------------------------------------------------------------


FeedStatus = Literal["ok", "not_modified", "failed"]


@dataclass(frozen=True, slots=True)
class FeedOutcome:
    """What refreshing one feed did."""

    feed: Feed
    status: FeedStatus
    new: int = 0
    updated: int = 0
    error: str | None = None
    warning: str | None = None
    #: The feed's new address after a permanent redirect.
    moved_to: str | None = None
    #: Set when the server said the feed is gone for good and it was disabled.
    disabled: bool = False
    #: The articles this refresh added or rewrote, for a feed that fetches full text.
    article_ids: tuple[int, ...] = ()
    #: The stored articles whose content the feed rewrote (whatever its full-text mode).
    rewritten: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class RefreshProgress:
    """Reported after each feed (how far the refresh is, and what the last feed did), then
    after each article page fetched for its full text (``outcome`` is None then)."""

    done: int
    total: int
    new_articles: int
    outcome: FeedOutcome | None
    full_texts_done: int = 0
    full_texts_total: int = 0


@dataclass(slots=True)
class RefreshSummary:
    """What a whole refresh did."""

    outcomes: list[FeedOutcome] = field(default_factory=list)
    cancelled: int = 0
    #: Full texts fetched from articles' pages, and the pages that gave none, as
    #: (article id, reason).
    full_texts: int = 0
    full_text_failures: list[tuple[int, str]] = field(default_factory=list)
    #: The articles whose full text was fetched and kept, in the order they came.
    full_text_ids: list[int] = field(default_factory=list)

    @property
    def rewritten(self) -> tuple[int, ...]:
        """The ids of stored articles whose content the refresh rewrote (an open article
        among them is to be shown again; its highlights were re-anchored)."""
        return tuple(i for outcome in self.outcomes for i in outcome.rewritten)

    def _count(self, status: FeedStatus) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def ok(self) -> int:
        return self._count("ok")

    @property
    def not_modified(self) -> int:
        return self._count("not_modified")

    @property
    def failed(self) -> int:
        return self._count("failed")

    @property
    def new(self) -> int:
        return sum(o.new for o in self.outcomes)

    @property
    def updated(self) -> int:
        return sum(o.updated for o in self.outcomes)

    def describe(self) -> str:
        """One line for a person."""
        feeds = len(self.outcomes)
        line = (
            f"Refreshed {feeds} feed{'s' * (feeds != 1)}: {self.ok} ok, "
            f"{self.not_modified} not modified, {self.failed} failed; "
            f"{self.new} new, {self.updated} updated article{'s' * (self.updated != 1)}"
        )
        if self.full_texts or self.full_text_failures:
            line += f"; {self.full_texts} full text{'s' * (self.full_texts != 1)} fetched"
            if self.full_text_failures:
                line += f", {len(self.full_text_failures)} failed"
        if self.cancelled:
            line += f"; {self.cancelled} cancelled"
        return line + "."


# -- finding feeds -------------------------------------------------------------------------


FeedFormat = Literal["rss", "atom", "json"]


@dataclass(frozen=True, slots=True)
class FeedCandidate:
    """A feed found for an address; ``title`` is what the page called it (plain, one line,
    no control characters), None when it gave none."""

    url: str
    title: str | None
    format: FeedFormat

    @property
    def supported(self) -> bool:
        """Whether Press Reader can subscribe to it (JSON Feed comes later)."""
        return self.format != "json"


@dataclass(frozen=True, slots=True)
class Discovery:
    """The feeds found for ``address``.

    ``source`` says how: ``"feed"`` the address is a feed itself (its one candidate is the
    address), ``"page"`` a web page named them, ``"guess"`` one of the usual addresses on
    the site answered with a feed.
    """

    address: str
    source: Literal["feed", "page", "guess"]
    candidates: tuple[FeedCandidate, ...]

    @property
    def usable(self) -> tuple[FeedCandidate, ...]:
        """The candidates one can subscribe to, in the order found."""
        return tuple(c for c in self.candidates if c.supported)


# -- OPML ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OutlineFeed:
    """One subscription read from (or written to) an OPML file.

    ``folder`` is the path of folder names from the top of the outline, ``()`` at top level.
    """

    url: str
    title: str | None = None
    folder: tuple[str, ...] = ()
    site_url: str | None = None


@dataclass(frozen=True, slots=True)
class InvalidOutline:
    """An outline that looked like a subscription but cannot become one, and why."""

    description: str
    reason: str


@dataclass(frozen=True, slots=True)
class OPMLDocument:
    """What an OPML file holds: its feeds, its folders and the outlines we had to skip.

    ``feeds`` keeps document order with duplicate addresses collapsed to their first
    occurrence; ``folders`` lists every folder path seen (parents before children, empty
    folders included) in document order.
    """

    title: str | None
    feeds: tuple[OutlineFeed, ...]
    invalid: tuple[InvalidOutline, ...] = ()
    folders: tuple[tuple[str, ...], ...] = ()
