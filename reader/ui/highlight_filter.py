"""Which highlights the Highlights window shows, decided without Qt: the filter's value, each
highlight's precomputed search text, tag keys and day, and the pass that keeps the rows
matching a filter."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from reader.core import fold, tag_and_parents, tag_key
from reader.core.types import Highlight

#: The table's columns.
PASSAGE_COLUMN: Final = 0
NOTE_COLUMN: Final = 1
TAGS_COLUMN: Final = 2
ARTICLE_COLUMN: Final = 3
SOURCE_COLUMN: Final = 4
DATE_COLUMN: Final = 5
COLUMN_COUNT: Final = 6


#: Characters of a quote or note kept for display; the view elides the rest anyway.
SHOWN_CHARS: Final = 300

#: Between the fields of an entry's search text, so that no word spans two of them.
_SEPARATOR = "\x1f"


@functools.lru_cache(maxsize=8192)  # highlights share a few combinations of tags
def _tag_set(tags: tuple[str, ...]) -> frozenset[str]:
    """Every key a tag filter can match these tags by (core's rule: a tag and its parents)."""
    return frozenset(key for name in tags for key in tag_and_parents(name))


def highlight_day(highlight: Highlight) -> date:
    """The local day a highlight is dated by: its article's publication, or, when the article
    is gone, the highlight's own creation."""
    return (highlight.published or highlight.created).astimezone().date()


def one_line(text: str) -> str:
    flat = " ".join(text[: SHOWN_CHARS * 2].split())
    return flat if len(flat) <= SHOWN_CHARS else flat[: SHOWN_CHARS - 1] + "…"


def library_order(highlight: Highlight) -> tuple[Any, ...]:
    """The store's listing order: newest articles first (gone ones last), then reading
    order within an article."""
    published = highlight.published
    return (
        published is None,
        -published.timestamp() if published is not None else 0.0,
        highlight.article_id or 0,
        highlight.start is None,
        highlight.start or 0,
        highlight.id,
    )


@dataclass(slots=True)
class HighlightEntry:
    """A highlight with what the filter and the table need, computed once per version."""

    highlight: Highlight
    order: tuple[Any, ...]
    search: str
    tags: frozenset[str]
    day: int
    quote: str
    note: str
    tag_text: str
    #: Sort keys by column, computed when the column is first sorted by.
    sort_keys: dict[int, Any]

    @classmethod
    def of(cls, h: Highlight) -> HighlightEntry:
        return cls(
            highlight=h,
            order=library_order(h),
            search=fold(_SEPARATOR.join((h.exact, h.note, h.article_title, *h.tags))),
            tags=_tag_set(h.tags),
            day=highlight_day(h).toordinal(),
            quote=one_line(h.exact),
            note=one_line(h.note),
            tag_text=", ".join(h.tags),
            sort_keys={},
        )

    def sort_key(self, column: int) -> Any:
        key = self.sort_keys.get(column)
        if key is None:
            h = self.highlight
            if column == DATE_COLUMN:
                key = (h.published or h.created).timestamp()
            elif column == PASSAGE_COLUMN:
                key = fold(h.exact)
            elif column == NOTE_COLUMN:
                key = fold(h.note)
            elif column == TAGS_COLUMN:
                key = fold(self.tag_text)
            elif column == ARTICLE_COLUMN:
                key = fold(h.article_title)
            else:
                key = fold(h.feed_title)
            self.sort_keys[column] = key
        return key


@dataclass(frozen=True, slots=True)
class HighlightFilter:
    """Which highlights the window shows; every criterion set must hold.

    ``text``: every word appears in the quote, the note, the article's title or the tags,
    ignoring case and accents. ``tag``: the tag or one below it (``country`` matches
    ``country/Mali``), ignoring case. ``since``/``until``: inclusive days of the article's
    publication (of the highlight's creation when the article is gone).
    """

    text: str = ""
    tag: str | None = None
    color: str | None = None
    feed_id: int | None = None
    since: date | None = None
    until: date | None = None
    orphaned_only: bool = False

    @property
    def is_empty(self) -> bool:
        return self == HighlightFilter()


@dataclass(slots=True)
class FilterColumns:
    """What the filter reads of each entry, as plain lists by index into the entries: one
    pass over a list per criterion, never an attribute lookup per highlight."""

    search: list[str]
    tags: list[frozenset[str]]
    days: list[int]
    colors: list[str]
    feeds: list[int | None]
    orphaned: list[bool]

    @classmethod
    def of(cls, entries: Sequence[HighlightEntry]) -> FilterColumns:
        return cls(
            search=[e.search for e in entries],
            tags=[e.tags for e in entries],
            days=[e.day for e in entries],
            colors=[e.highlight.color for e in entries],
            feeds=[e.highlight.feed_id for e in entries],
            orphaned=[e.highlight.start is None for e in entries],
        )

    def keep(self, rows: list[int], wanted: HighlightFilter) -> list[int]:
        """The indexes of ``rows`` (in their order) whose entries match ``wanted``; always a
        new list."""
        kept = rows
        if wanted.orphaned_only:
            orphaned = self.orphaned
            kept = [i for i in kept if orphaned[i]]
        if wanted.color is not None:
            color, colors = wanted.color, self.colors
            kept = [i for i in kept if colors[i] == color]
        if wanted.feed_id is not None:
            feed_id, feeds = wanted.feed_id, self.feeds
            kept = [i for i in kept if feeds[i] == feed_id]
        if wanted.since is not None or wanted.until is not None:
            days = self.days
            low = wanted.since.toordinal() if wanted.since is not None else -1
            high = wanted.until.toordinal() if wanted.until is not None else 1 << 30
            kept = [i for i in kept if low <= days[i] <= high]
        name = tag_key(wanted.tag) if wanted.tag is not None else ""
        if name:
            tags = self.tags
            kept = [i for i in kept if name in tags[i]]
        search = self.search
        for word in fold(wanted.text).split():
            kept = [i for i in kept if word in search[i]]
        return kept if kept is not rows else list(rows)
